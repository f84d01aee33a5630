//! The later releases (`followups.json`) and the benchmark tables (`benchmarks.json`) as shipped
//! meet their invariants, and each kind of mistake in them is refused, naming file and field.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::content::{assemble_bundle, LicenceClass, SourceFiles};
use serde_json::{json, Value};

mod common;
use common::{errors_after_edit, files, notes_errors, BENCHMARKS, FOLLOWUPS};

fn followups_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    errors_after_edit(
        FOLLOWUPS,
        |f, text| SourceFiles {
            followups_json: text,
            ..f
        },
        edit,
    )
}

fn benchmarks_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    errors_after_edit(
        BENCHMARKS,
        |f, text| SourceFiles {
            benchmarks_json: text,
            ..f
        },
        edit,
    )
}

/// The index of the first release of `family` in the shipped followups.json.
fn first_release_of(family: &str) -> usize {
    let value: Value = serde_json::from_str(FOLLOWUPS).unwrap();
    value["releases"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["family"] == family)
        .unwrap()
}

#[test]
fn the_shipped_followups_cover_every_family_with_sourced_dates_and_licences() {
    let bundle = assemble_bundle(files()).unwrap();
    let followups = &bundle.followups;
    assert!(followups.as_of >= bundle.article.date);
    for family in &bundle.models.families {
        let releases = followups.for_family(&family.id);
        assert!(
            !releases.is_empty(),
            "{} has releases since the article",
            family.name
        );
        for pair in releases.windows(2) {
            if let (Some(a), Some(b)) = (pair[0].date.value, pair[1].date.value) {
                assert!(
                    a.sort_key() >= b.sort_key(),
                    "newest first: {} then {}",
                    pair[0].name,
                    pair[1].name
                );
            }
        }
    }
    let yi_relicence = followups
        .releases
        .iter()
        .find(|r| {
            r.kind == llm_watch_core::content::FollowupKind::LicenceChange
                && r.family.as_str() == "yi"
        })
        .expect("Yi's move to Apache 2.0 is listed");
    assert_eq!(
        yi_relicence
            .licence
            .as_ref()
            .unwrap()
            .value
            .as_ref()
            .unwrap()
            .class,
        LicenceClass::Permissive
    );
}

#[test]
fn a_followup_with_an_unknown_field_or_family_is_refused() {
    let errors = followups_errors(|f| f["releases"][0]["weights_url"] = json!("https://x.org"));
    assert!(
        errors[0]
            .starts_with("followups.json: releases[0].weights_url: unknown field `weights_url`"),
        "{errors:?}"
    );
    let errors = followups_errors(|f| f["releases"][0]["family"] = json!("gemma"));
    assert_eq!(
        errors,
        ["followups.json: releases[0].family: \"gemma\" is not a family id in models.json"]
    );
}

#[test]
fn followup_dates_must_be_in_order_inside_the_window() {
    let first = first_release_of("mistral-7b");
    let errors =
        followups_errors(|f| f["releases"][first + 1]["date"]["value"] = json!("2024-02-09"));
    assert_eq!(
        errors,
        [format!("followups.json: releases[{}].date: 2024-02-09 comes before releases[{first}] of the same family; list each family's releases oldest first", first + 1)]
    );
    let errors = followups_errors(|f| f["releases"][0]["date"]["value"] = json!("2023-12-01"));
    assert_eq!(errors, ["followups.json: releases[0].date.value: 2023-12-01 is not after the article's date 2024-02-08"]);
    let errors = followups_errors(|f| f["releases"][0]["date"]["value"] = json!("2024-13"));
    assert!(
        errors[0].contains("expected a day YYYY-MM-DD or a month YYYY-MM"),
        "{errors:?}"
    );
}

#[test]
fn open_weights_need_a_licence_and_api_only_releases_have_none() {
    let errors = followups_errors(|f| {
        f["releases"][0].as_object_mut().unwrap().remove("licence");
    });
    assert_eq!(errors, ["followups.json: releases[0].licence: open weights need their licence (name, class, url) and its source"]);
    let errors = followups_errors(|f| f["releases"][0]["access"]["value"] = json!("api_only"));
    assert_eq!(errors, ["followups.json: releases[0].licence: an API-only release has no weights licence; remove it"]);
    let errors = followups_errors(|f| f["releases"][0]["date"]["value"] = Value::Null);
    assert!(
        errors[0].contains("is null but status is \"disclosed\""),
        "{errors:?}"
    );
}

#[test]
fn benchmark_rows_must_match_their_suite_and_cite_their_numbers() {
    let errors = benchmarks_errors(|b| b["results"][0]["scores"]["bogus"] = json!(1.0));
    assert!(
        errors[0].ends_with("is not a metric of suite \"open-llm-leaderboard-v1\""),
        "{errors:?}"
    );
    let errors = benchmarks_errors(|b| {
        b["results"][0]["scores"]
            .as_object_mut()
            .unwrap()
            .remove("gsm8k");
    });
    assert_eq!(
        errors,
        ["benchmarks.json: results[0].scores: no \"gsm8k\" score; write null when it is missing"]
    );
    let errors = benchmarks_errors(|b| b["results"][0]["scores"]["arc"] = json!(171.0));
    assert_eq!(
        errors,
        ["benchmarks.json: results[0].scores.arc: 171 is not a percentage"]
    );
    let errors = benchmarks_errors(|b| {
        b["results"][0].as_object_mut().unwrap().remove("source");
    });
    assert_eq!(
        errors,
        ["benchmarks.json: results[0].source: numbers need the source they were read from"]
    );
    let errors = benchmarks_errors(|b| b["results"][0]["suite"] = json!("vibes"));
    assert_eq!(
        errors,
        ["benchmarks.json: results[0].suite: \"vibes\" is not a suite id"]
    );
}

#[test]
fn a_note_linking_to_a_missing_benchmark_row_is_refused() {
    let errors = notes_errors(|n| {
        let body = n["notes"][0]["body"].as_str().unwrap().to_owned();
        n["notes"][0]["body"] = json!(format!("{body} See [the row](#bench-nowhere)."));
    });
    assert_eq!(errors, ["editor-notes.json: notes[0].body: links to #bench-nowhere, which is no row of benchmarks.json"]);
}
