//! Browser tests (layer 2): components mounted in headless Chromium, DOM asserted.
//! Run with `make test-web` (wasm-bindgen-test-runner + Debian's chromedriver).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch::components::article::ArticleView;
use llm_watch::components::load_state::LoadErrorView;
use llm_watch::loader::{load_page, LoadError};
use llm_watch_core::chart::count_by_year;
use llm_watch_core::page::Page;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{attrs, container, key, mount_article, shipped_page, texts, until};

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
async fn chart_bars_and_table_equal_the_dataset_counts() {
    let page = shipped_page("");
    let counts = count_by_year(&page.bundle.releases.rows);
    let root = mount_article(page);
    let expected: Vec<String> = counts.iter().map(|c| c.summary()).collect();
    // Both frames carry every year (CSS shows the one that fits the screen).
    for variant in ["wide", "narrow"] {
        let labels = attrs(
            &root,
            &format!(".chart-variant--{variant} .chart__hit"),
            "aria-label",
        );
        assert_eq!(labels, expected, "{variant}");
    }

    let table_button = root
        .query_selector_all(".releases__toolbar button")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into::<HtmlElement>();
    assert_eq!(table_button.text_content().unwrap(), "Table");
    table_button.click();
    tick().await;
    let cells = texts(&root, ".releases-table tbody td");
    let expected: Vec<String> = counts
        .iter()
        .flat_map(|c| [c.open, c.closed, c.total()])
        .map(|n| n.to_string())
        .collect();
    assert_eq!(cells, expected);
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_years_and_list_that_years_models() {
    let page = shipped_page("");
    let first_year = count_by_year(&page.bundle.releases.rows)[0].year;
    let root = mount_article(page);
    let first: HtmlElement = root
        .query_selector(".chart-variant--wide .chart__hit")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.focus().unwrap();
    tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains(&format!("Released in {first_year}")));
    let init = KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    first
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    tick().await;
    let active = document().active_element().unwrap();
    assert!(active
        .get_attribute("aria-label")
        .unwrap()
        .starts_with(&format!("{}:", first_year + 1)));
    assert!(root
        .text_content()
        .unwrap()
        .contains(&format!("Released in {}", first_year + 1)));
}

#[wasm_bindgen_test]
async fn the_error_view_says_what_failed_and_retry_calls_back() {
    let root = container();
    let retried = RwSignal::new(0);
    let error = LoadError::Status {
        status: 503,
        url: "https://cdn.example/content.json".into(),
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadErrorView error=error.clone() on_retry=Callback::new(move |_| retried.update(|n| *n += 1)) /> }
    });
    handle.forget();
    assert!(root
        .text_content()
        .unwrap()
        .contains("The server answered 503"));
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_loader_reports_a_missing_content_file_instead_of_panicking() {
    // The test runner's server has no content.json: the loader must say so.
    let error = load_page()
        .await
        .expect_err("there is no content.json here");
    let message = error.to_string();
    assert!(
        matches!(
            error,
            LoadError::Status { status: 404, .. } | LoadError::NotJson { .. }
        ),
        "{message}"
    );
}

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

/// A minimal prerendered root in the document (an article and no islands), built from the
/// content file with fingerprint `built_from`.
fn stand_in_prerendered_root(built_from: &str) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    root.set_id("app");
    root.set_attribute("data-prerendered", "").unwrap();
    root.set_attribute("data-content", built_from).unwrap();
    root.set_inner_html(
        r#"<main id="main"><article class="article">prerendered copy</article></main>"#,
    );
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Over a real prerendered page the live page brings only its interactive parts: the article text
/// a reader already sees stays the same nodes (so it is not painted again).
#[wasm_bindgen_test]
async fn the_takeover_swaps_the_interactive_islands_and_keeps_the_text_nodes() {
    use llm_watch::app::PageFrame;
    let document = document();
    // The prerendered page: the same components, rendered into what becomes the #app root.
    let prerendered = container();
    let page = shipped_page("");
    let first = page.clone();
    leptos::mount::mount_to(prerendered.clone(), move || {
        view! { <PageFrame><ArticleView page=first.clone() /></PageFrame> }
    })
    .forget();
    tick().await;
    prerendered.set_id("app");
    prerendered.set_attribute("data-prerendered", "").unwrap();
    prerendered
        .set_attribute("data-content", "same-file")
        .unwrap();
    llm_watch::takeover::fetched_content("same-file");
    let title = prerendered.query_selector("h1").unwrap().unwrap();
    let old_toc = prerendered.query_selector("nav.toc").unwrap().unwrap();
    let old_cards = prerendered
        .query_selector("section.model-cards")
        .unwrap()
        .unwrap();

    llm_watch::takeover::mount(move || {
        view! { <PageFrame><ArticleView page=page.clone() /></PageFrame> }
    });
    until(|| !llm_watch::takeover::is_pending()).await;

    let root = document.get_element_by_id("app").unwrap();
    assert!(
        root.is_same_node(Some(&prerendered)),
        "the prerendered root stays"
    );
    assert!(
        !root.has_attribute("data-prerendered"),
        "and is marked live"
    );
    assert!(
        title.is_connected(),
        "the title is still the prerendered node"
    );
    assert!(
        !old_toc.is_connected() && !old_cards.is_connected(),
        "the islands were replaced"
    );
    for island in ["site-header", "toc", "releases", "model-cards"] {
        assert_eq!(
            root.query_selector_all(&format!("[data-island={island}]"))
                .unwrap()
                .length(),
            1,
            "{island}"
        );
    }
    root.remove();
}

/// The live page replaces a prerendered one as a whole when it cannot keep its text (here: built
/// from another content file, and no islands marked), once its own article is rendered.
#[wasm_bindgen_test]
async fn the_app_takes_over_a_prerendered_page_once_its_article_rendered() {
    use llm_watch::app::PageFrame;
    let document = document();
    let prerendered = stand_in_prerendered_root("an-older-file");
    llm_watch::takeover::fetched_content("a-newer-file");

    let page = shipped_page("");
    let title = page.bundle.article.title.clone();
    llm_watch::takeover::mount(move || {
        view! { <PageFrame><ArticleView page=page.clone() /></PageFrame> }
    });
    assert!(llm_watch::takeover::is_pending());
    until(|| !llm_watch::takeover::is_pending()).await;
    assert!(
        !document.body().unwrap().contains(Some(&prerendered)),
        "the prerendered root is gone"
    );
    let live = document.get_element_by_id("app").unwrap();
    assert!(!live.has_attribute("data-prerendered"));
    assert_eq!(
        live.query_selector(".article__title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        title
    );
    assert!(!live.text_content().unwrap().contains("prerendered copy"));
    live.remove();
}

/// A failed load over a prerendered page shows the error and Retry, and keeps the article.
#[wasm_bindgen_test]
async fn a_failed_load_over_a_prerendered_page_keeps_the_article_below_the_error() {
    use llm_watch::app::PageFrame;
    let document = document();
    stand_in_prerendered_root("an-older-file");

    llm_watch::takeover::mount(|| {
        let error = LoadError::Status {
            status: 500,
            url: "content.json".into(),
        };
        view! {
            <PageFrame>
                <LoadErrorView error=error on_retry=Callback::new(|_| ()) article_below=true />
            </PageFrame>
        }
    });
    until(|| !llm_watch::takeover::is_pending()).await;
    let live = document.get_element_by_id("app").unwrap();
    assert!(!live.has_attribute("data-prerendered"));
    let main = live.query_selector("main").unwrap().unwrap();
    let alert = main.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("500"));
    assert!(
        alert.query_selector("h1").unwrap().is_none(),
        "the article keeps the one h1"
    );
    let kept = main
        .query_selector("article[data-prerendered-copy]")
        .unwrap()
        .unwrap();
    assert_eq!(kept.text_content().unwrap(), "prerendered copy");
    // A later successful render drops the kept copy.
    llm_watch::takeover::article_rendered();
    assert!(main
        .query_selector("article[data-prerendered-copy]")
        .unwrap()
        .is_none());
    live.remove();
}

#[wasm_bindgen_test]
fn the_timeline_has_a_lane_per_family_and_its_table_equals_the_data() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let families: Vec<String> = page
        .bundle
        .models
        .families
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(
        texts(&root, ".chart-variant--wide .timeline__lane-label"),
        families
    );
    assert_eq!(
        texts(&root, ".chart-variant--narrow .timeline__lane-label"),
        families
    );
    let dated = page
        .bundle
        .followups
        .releases
        .iter()
        .filter(|r| r.date.value.is_some())
        .count();
    assert_eq!(
        root.query_selector_all(".chart-variant--wide .timeline__link")
            .unwrap()
            .length() as usize,
        dated + families.len(),
        "one mark per dated release and one per family's own release"
    );
    // The table: one row per release, family by family, oldest first, with the data's values.
    let rows = root.query_selector_all(".timeline__data tbody tr").unwrap();
    let mut expected = Vec::new();
    for family in &page.bundle.models.families {
        let mut releases = page.bundle.followups.for_family(&family.id);
        releases.reverse();
        for release in releases {
            expected.push(vec![
                family.name.clone(),
                release.name.clone(),
                release
                    .date
                    .value
                    .map(|d| d.human())
                    .unwrap_or_else(|| "not verified".into()),
                release.openness().label().to_owned(),
            ]);
        }
    }
    assert_eq!(rows.length() as usize, expected.len());
    for (i, want) in expected.iter().enumerate() {
        let row: HtmlElement = rows.item(i as u32).unwrap().unchecked_into();
        let cells = texts(&row, "td, th");
        assert_eq!(&cells[..4], want.as_slice(), "row {i}");
    }
}

#[wasm_bindgen_test]
async fn the_timeline_takes_one_tab_stop_and_arrow_keys_walk_it() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let marks = root
        .query_selector_all(".chart-variant--wide .timeline__link")
        .unwrap();
    let tab_stops: Vec<String> = attrs(&root, ".chart-variant--wide .timeline__link", "tabindex")
        .into_iter()
        .filter(|t| t == "0")
        .collect();
    assert_eq!(tab_stops.len(), 1, "one Tab stop for the whole timeline");
    let first: web_sys::SvgElement = marks.item(0).unwrap().unchecked_into();
    first.focus().unwrap();
    tick().await;
    let details = || {
        root.query_selector(".timeline__details")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let llama = &page.bundle.models.families[0];
    assert!(
        details().starts_with(&format!("{}: the release the article covers", llama.name)),
        "{}",
        details()
    );
    key(&first, "ArrowRight");
    tick().await;
    let active = document().active_element().unwrap();
    let newest_first = page.bundle.followups.for_family(&llama.id);
    let oldest = newest_first.last().unwrap();
    assert!(
        active
            .get_attribute("aria-label")
            .unwrap()
            .contains(&oldest.name),
        "right goes to the family's first release since"
    );
    assert_eq!(active.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(details().contains(&oldest.name));
    key(&active, "ArrowDown");
    tick().await;
    let below = document().active_element().unwrap();
    assert!(below
        .get_attribute("aria-label")
        .unwrap()
        .starts_with(&page.bundle.models.families[1].name));
}

#[wasm_bindgen_test]
fn a_family_without_releases_since_says_so_on_its_card_and_keeps_its_lane() {
    let mut bundle = shipped_page("").bundle.clone();
    let quiet = bundle.models.families[2].id.clone();
    bundle.followups.releases.retain(|r| r.family != quiet);
    let page = Arc::new(Page::new(bundle));
    let root = mount_article(page.clone());
    let card: HtmlElement = root
        .query_selector(&format!("#card-{quiet} .since"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        card.text_content().unwrap().contains("No releases by"),
        "{:?}",
        card.text_content()
    );
    let lane_marks = root
        .query_selector_all(".chart-variant--wide .timeline__link")
        .unwrap();
    let quiet_name = page.bundle.models.families[2].name.clone();
    let in_lane = (0..lane_marks.length())
        .filter_map(|i| {
            lane_marks
                .item(i)?
                .unchecked_into::<web_sys::Element>()
                .get_attribute("aria-label")
        })
        .filter(|label| label.starts_with(&format!("{quiet_name}:")))
        .count();
    assert_eq!(in_lane, 1, "only the release the article covers");
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
