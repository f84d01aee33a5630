//! Browser tests of the watch's promises: the claims ledger's counts near the top equal the data,
//! each family shows the day its list is complete to and its derived outcome, the watch section's
//! as-of date is the earliest of those days, and the chart's second series equals the watch.
#![cfg(target_arch = "wasm32")]
// Helpers and #[wasm_bindgen_test] bodies assert by unwrapping (clippy.toml exempts only #[test]
// bodies, which these are not).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use leptos::task::tick;
use llm_watch_core::chart::since_article;
use llm_watch_core::content::{ClaimCounts, Verdict};
use llm_watch_core::outcome::family_outcome;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{attrs, mount_article, shipped_page, texts};

#[wasm_bindgen_test]
fn the_ledger_counts_equal_the_claims_and_every_claim_links_to_evidence() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let claims = &page.bundle.notes.claims;
    let counts = ClaimCounts::of(claims);
    let shown = texts(&root, "#ledger-counts strong");
    assert_eq!(shown, [counts.sentence()]);
    // The counts sit in the article's header, above its first paragraph.
    assert!(root
        .query_selector(".article__header #ledger-counts")
        .unwrap()
        .is_some());
    assert_eq!(texts(&root, ".ledger__item").len(), claims.len());
    for verdict in Verdict::ALL {
        let items = texts(&root, &format!(".ledger__item--{}", verdict.key()));
        assert_eq!(items.len(), counts.get(verdict), "{verdict:?}");
    }
    for claim in claims {
        let item: HtmlElement = root
            .query_selector(&format!("#claim-{}", claim.id))
            .unwrap()
            .expect("an item per claim")
            .unchecked_into();
        assert_eq!(
            texts(&item, ".ledger__anchor"),
            std::slice::from_ref(&claim.anchor)
        );
        let links = attrs(&item, "a", "href");
        assert!(!links.is_empty(), "{} links to its evidence", claim.id);
        for href in links {
            match href.strip_prefix('#') {
                // An editor's note: it is on the page.
                Some(id) => assert!(
                    root.query_selector(&format!("[id='{id}']"))
                        .unwrap()
                        .is_some(),
                    "{} points at {href}",
                    claim.id
                ),
                None => assert!(href.starts_with("https://"), "{href}"),
            }
        }
    }
}

#[wasm_bindgen_test]
fn each_card_and_the_coverage_table_show_the_familys_own_complete_to_day_and_outcome() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let followups = &page.bundle.followups;
    for family in &page.bundle.models.families {
        let coverage = followups.coverage_of(&family.id).unwrap();
        let day = coverage.checked_to.human();
        let meta = texts(&root, &format!("#card-{} .since__meta", family.id));
        assert!(meta[0].contains(&format!("Complete to {day}.")), "{meta:?}");
        let outcome = family_outcome(family, followups);
        let lines = texts(&root, &format!("#card-{} .outcome li", family.id));
        assert_eq!(lines.len(), 3);
        assert!(
            lines[0].starts_with(&outcome.releases_sentence()),
            "{lines:?}"
        );
        assert_eq!(lines[1], outcome.latest_open_sentence());
        assert_eq!(lines[2], outcome.licence_sentence());
        let row = texts(&root, &format!("#coverage-{} .coverage__to", family.id));
        assert_eq!(row, [day]);
        let channels = texts(
            &root,
            &format!("#coverage-{} .coverage__channels li", family.id),
        );
        assert_eq!(channels.len(), coverage.channels.len());
    }
    // The headline date is the earliest complete-to day, never the day of checking.
    let earliest = followups.least_covered().unwrap().checked_to;
    let intro = texts(&root, ".watch__intro");
    assert!(
        intro[0].contains(&format!(
            "Every family's list is complete to {};",
            earliest.human()
        )),
        "{intro:?}"
    );
}

#[wasm_bindgen_test]
fn releases_found_after_a_lists_day_are_marked_and_left_out_of_its_counts() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let later: Vec<_> = page
        .bundle
        .followups
        .releases
        .iter()
        .filter(|r| r.past_checked_to)
        .collect();
    assert!(
        !later.is_empty(),
        "the shipped watch lists releases found later"
    );
    // Every such release that a card shows carries the mark; no other does.
    let marked = texts(&root, ".since__item .badge--later").len();
    let shown_later = later
        .iter()
        .filter(|r| {
            let names = texts(
                &root,
                &format!("#card-{} .since__item .since__name", r.family),
            );
            names.contains(&r.name)
        })
        .count();
    assert_eq!(marked, shown_later);
    for release in later {
        let family = page.bundle.models.family(&release.family).unwrap();
        let outcome = family_outcome(family, &page.bundle.followups);
        assert!(outcome.found_later >= 1);
        assert!(outcome.releases_sentence().contains(&format!(
            "from the article to {}",
            page.bundle
                .followups
                .coverage_of(&family.id)
                .unwrap()
                .checked_to
                .human()
        )));
    }
}

#[wasm_bindgen_test]
async fn the_charts_second_series_has_a_bar_per_year_from_the_article_and_marks_partial_years() {
    let page = shipped_page("");
    let root = mount_article(page.clone());
    let years = since_article(
        &page.bundle.models.families,
        &page.bundle.followups,
        page.bundle.article.date,
    );
    let year_labels = texts(&root, "#releases-since .chart__year");
    let expected: Vec<String> = years.iter().map(|y| y.count.year.to_string()).collect();
    assert_eq!(year_labels, expected);
    assert!(
        expected.contains(&"2025".to_owned()),
        "the chart reaches past 2024"
    );
    let values = texts(&root, "#releases-since .chart__value");
    let totals: Vec<String> = years.iter().map(|y| y.count.total().to_string()).collect();
    assert_eq!(values, totals);
    assert_eq!(
        texts(&root, "#releases-since .chart__partial").len(),
        years.iter().filter(|y| y.is_partial()).count()
    );
    // The main chart marks the article's day on its axis.
    assert_eq!(
        texts(&root, ".chart-variant--wide .chart__article text"),
        ["article"]
    );

    // The table view carries the same numbers, with why each partial year is partial.
    let table_button: HtmlElement = root
        .query_selector_all(".releases__toolbar button")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into();
    table_button.click();
    tick().await;
    let name =
        |id: &llm_watch_core::content::Slug| page.bundle.models.family(id).unwrap().name.clone();
    let cells = texts(&root, ".since-table tbody td");
    let expected: Vec<String> = years
        .iter()
        .flat_map(|y| {
            let why = y
                .partial_reason(name)
                .map(|why| format!("partial: {why}"))
                .unwrap_or_else(|| "complete".to_owned());
            [
                y.count.open.to_string(),
                y.count.closed.to_string(),
                y.count.total().to_string(),
                why,
            ]
        })
        .collect();
    assert_eq!(cells, expected);
}
