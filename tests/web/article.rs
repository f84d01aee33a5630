//! The article: its title, headings and contents, the editor's notes in place, hostile
//! Markdown kept as text, and the theme switch in its header.

use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::common::{attrs, container, mount_article, shipped_page, texts};

#[wasm_bindgen_test]
fn the_article_title_headings_and_toc_render() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    assert_eq!(
        texts(&root, "h1"),
        std::slice::from_ref(&page.bundle.article.title)
    );
    let toc_targets = attrs(&root, ".toc a", "href");
    assert_eq!(toc_targets.len(), page.toc.len());
    for target in toc_targets {
        let id = target.trim_start_matches('#');
        assert!(
            root.query_selector(&format!("[id='{id}']"))
                .unwrap()
                .is_some(),
            "TOC target {id} exists"
        );
    }
    assert!(root
        .text_content()
        .unwrap()
        .contains("The excitement around open-source Large Language Models"));
}

#[wasm_bindgen_test]
fn each_editor_note_is_placed_and_every_mark_points_at_one() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let note_ids = attrs(&root, "aside.editor-note", "id");
    assert_eq!(note_ids.len(), page.bundle.notes.notes.len());
    for href in attrs(&root, ".note-mark__ref", "href") {
        assert!(
            note_ids.contains(&href.trim_start_matches('#').to_owned()),
            "{href} points at a note"
        );
    }
    // Each model section links to its card.
    assert_eq!(
        attrs(&root, ".heading-card-link", "href").len(),
        page.bundle.models.families.len()
    );
}

#[wasm_bindgen_test]
fn hostile_markdown_becomes_text_not_elements() {
    let page = shipped_page("\n\n<script>window.pwned = 1</script>\n\n<img src=x onerror=\"window.pwned = 2\">\n\n[x](javascript:alert(1))\n");
    let root = mount_article(page);
    let body: HtmlElement = root
        .query_selector(".article__body")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        body.query_selector_all("script, img, iframe")
            .unwrap()
            .length(),
        0
    );
    assert!(body
        .text_content()
        .unwrap()
        .contains("<script>window.pwned = 1</script>"));
    assert!(attrs(&body, "a", "href")
        .iter()
        .all(|href| !href.to_ascii_lowercase().contains("script:")));
}

#[wasm_bindgen_test]
async fn the_theme_switch_sets_data_theme_and_remembers_it() {
    use llm_watch::components::theme_switch::ThemeSwitch;
    let root = container();
    leptos::mount::mount_to(root.clone(), ThemeSwitch).forget();
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3);
    let dark: HtmlElement = radios.item(2).unwrap().unchecked_into();
    dark.click();
    tick().await;
    let html = document().document_element().unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));
    let storage = window().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("llm-watch-theme").unwrap().as_deref(),
        Some("dark")
    );
    let auto: HtmlElement = radios.item(0).unwrap().unchecked_into();
    auto.click();
    tick().await;
    assert_eq!(html.get_attribute("data-theme"), None);
    assert_eq!(storage.get_item("llm-watch-theme").unwrap(), None);
}

#[wasm_bindgen_test]
async fn the_contents_list_every_section_and_start_closed_on_phones() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let toggle: HtmlElement = root
        .query_selector(".toc__toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let entries = texts(&root, ".toc__item a");
    assert_eq!(entries.len(), page.toc.len());
    assert!(entries.contains(&"5. Falcon".to_owned()));
    assert!(!attrs(&root, ".toc__list", "class")[0].contains("toc__list--open"));
    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(attrs(&root, ".toc__list", "class")[0].contains("toc__list--open"));
}
