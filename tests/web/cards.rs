//! The model cards: one per family, filters that update the status line, and the comparison.
//! (The reader's memory budget and licence needs are in `web_reader_choice.rs`.)

use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::common::{attrs, container, mount_article, shipped_page, texts};

#[wasm_bindgen_test]
async fn cards_render_one_per_family_and_filters_update_the_status_line() {
    use llm_watch::components::model_cards::ModelCards;
    let page = shipped_page("");
    let root = container();
    let cards_page = page.clone();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <ModelCards page=cards_page.clone() /> },
    )
    .forget();
    assert_eq!(
        texts(&root, ".model-card__title").len(),
        page.bundle.models.families.len()
    );
    assert_eq!(
        texts(&root, "[role=status]")[0],
        "5 of 5 models, sorted by release date, ascending."
    );
    // Every value on a card has a source link with an accessible name.
    for label in attrs(&root, ".model-card .source-link", "aria-label") {
        assert!(label.starts_with("Source for "), "{label}");
    }

    let permissive: HtmlElement = root
        .query_selector("fieldset input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    permissive.click();
    tick().await;
    assert_eq!(
        texts(&root, "[role=status]")[0],
        "3 of 5 models, sorted by release date, ascending."
    );
    assert_eq!(texts(&root, ".model-card__title").len(), 3);
    // The view is in the address bar, ready to share.
    assert!(window()
        .location()
        .search()
        .unwrap()
        .contains("licence=permissive"));
    permissive.click();
    tick().await;
    assert_eq!(texts(&root, ".model-card__title").len(), 5);
}

#[wasm_bindgen_test]
async fn comparing_two_families_shows_only_lines_measured_the_same_way() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    for name in ["Compare Llama 2", "Compare Falcon"] {
        let boxes = root
            .query_selector_all(".model-card__compare input")
            .unwrap();
        for i in 0..boxes.length() {
            let input: web_sys::HtmlInputElement = boxes.item(i).unwrap().unchecked_into();
            if input
                .parent_element()
                .unwrap()
                .text_content()
                .unwrap()
                .trim()
                == name
            {
                input.click();
            }
        }
    }
    tick().await;
    let rows = root
        .query_selector_all(".comparison__row--benchmark")
        .unwrap();
    assert!(rows.length() > 0, "at least one line measured the same way");
    for i in 0..rows.length() {
        let row: HtmlElement = rows.item(i).unwrap().unchecked_into();
        let line = texts(&row, "th").concat();
        let suite = page
            .bundle
            .benchmarks
            .suites
            .iter()
            .find(|s| line.starts_with(&format!("{}:", s.name)))
            .unwrap_or_else(|| panic!("{line} names its suite"));
        let numbers = attrs(&row, "a", "href");
        assert!(numbers.len() >= 2, "{line}: a number for each family");
        for href in numbers {
            let id = href.trim_start_matches("#bench-");
            let result = page
                .bundle
                .benchmarks
                .results
                .iter()
                .find(|r| r.id.as_str() == id)
                .unwrap();
            assert_eq!(
                result.suite, suite.id,
                "{line}: every number from the same suite"
            );
            assert!(["llama-2", "falcon"].contains(&result.family.as_str()));
            assert!(
                root.query_selector(&href).unwrap().is_some(),
                "{href} exists on the page"
            );
        }
    }
    assert!(
        !texts(&root, ".comparison__table th")
            .iter()
            .any(|t| t.contains("Headline")),
        "no line mixing different measures"
    );
}
