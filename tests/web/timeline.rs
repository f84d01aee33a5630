//! The timeline of releases since the article: a lane per family, its table, one Tab stop
//! walked with the arrow keys, and a family with no later releases.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch_core::page::Page;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::common::{attrs, key, mount_article, shipped_page, texts};

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
