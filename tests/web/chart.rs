//! The releases chart: its bars and table equal the dataset, and the year buttons take the
//! arrow keys.

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch_core::chart::count_by_year;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::common::{attrs, mount_article, shipped_page, texts};

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
