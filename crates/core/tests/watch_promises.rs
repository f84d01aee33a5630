//! The watch's promises, refused when broken: each family's `checked_to` and the as-of date that
//! follows from them, the claims ledger's anchors, verdicts and evidence, and the chart rows the
//! releases rule covers. Each negative fixture is the shipped content with one edit.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::content::{
    assemble_bundle, validate_not_after, ClaimCounts, Date, SourceFiles, Verdict,
};
use serde_json::{json, Value};

mod common;
use common::{contains, edited, errors_of, files, FOLLOWUPS, NOTES, RELEASES};

fn followups_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let text = edited(FOLLOWUPS, edit);
    errors_of(SourceFiles {
        followups_json: &text,
        ..files()
    })
}

fn notes_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let text = edited(NOTES, edit);
    errors_of(SourceFiles {
        notes_json: &text,
        ..files()
    })
}

fn shipped() -> Value {
    serde_json::from_str(FOLLOWUPS).unwrap()
}

/// The index of `family`'s coverage entry in the shipped followups.json.
fn coverage_index(family: &str) -> usize {
    shipped()["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["family"] == family)
        .unwrap()
}

#[test]
fn the_shipped_as_of_date_is_the_earliest_checked_to_and_no_release_lies_past_its_family() {
    let bundle = assemble_bundle(files()).unwrap_or_else(|e| panic!("{e:#?}"));
    let followups = &bundle.followups;
    let earliest = followups.least_covered().unwrap().checked_to;
    assert_eq!(followups.as_of, earliest);
    for family in &bundle.models.families {
        let coverage = followups
            .coverage_of(&family.id)
            .expect("every family has coverage");
        assert!(coverage.checked_to <= coverage.checked_on);
        assert!(!coverage.channels.is_empty());
        for release in followups.for_family(&family.id) {
            if let Some(date) = release.date.value {
                let (y, m, _) = date.sort_key();
                let to = coverage.checked_to;
                // Inside the promise, or marked as found later (and then not counted).
                let inside = (y, m) <= (to.year, to.month);
                assert!(
                    inside || release.past_checked_to,
                    "{} after {}",
                    release.id,
                    to
                );
                if release.past_checked_to {
                    assert!(!release.is_covered());
                }
            }
        }
    }
}

#[test]
fn an_as_of_date_other_than_the_earliest_checked_to_is_refused() {
    let earliest = shipped()["as_of"].as_str().unwrap().to_owned();
    let errors = followups_errors(|f| f["as_of"] = json!("2026-11-30"));
    assert!(
        contains(&errors, &format!("followups.json: as_of: 2026-11-30 is later than the earliest checked_to ({earliest}")),
        "{errors:?}"
    );
    let errors = followups_errors(|f| f["as_of"] = json!("2024-03-01"));
    assert!(
        contains(&errors, "is earlier than the earliest checked_to"),
        "{errors:?}"
    );
}

#[test]
fn a_checked_to_after_its_reading_or_past_what_its_channels_reach_is_refused() {
    let c = coverage_index("yi");
    let errors = followups_errors(|f| {
        f["coverage"][c]["checked_on"] = f["coverage"][c]["checked_to"].clone();
        f["coverage"][c]["checked_to"] = json!("2026-11-30");
        f["as_of"] = json!("2026-11-30");
    });
    assert!(
        contains(
            &errors,
            &format!("followups.json: coverage[{c}].checked_to: 2026-11-30 is after checked_on")
        ),
        "{errors:?}"
    );
    let errors = followups_errors(|f| {
        let channels = f["coverage"][c]["channels"].as_array_mut().unwrap();
        for channel in channels.iter_mut() {
            channel["read_to"] = json!("2024-03-01");
        }
    });
    assert!(
        contains(&errors, &format!("coverage[{c}].checked_to"))
            && contains(
                &errors,
                "is after every channel's read_to (the furthest is 2024-03-01)"
            ),
        "{errors:?}"
    );
}

#[test]
fn a_family_without_coverage_or_covered_twice_is_refused() {
    let c = coverage_index("falcon");
    let errors = followups_errors(|f| {
        f["coverage"].as_array_mut().unwrap().remove(c);
    });
    assert!(
        contains(
            &errors,
            "families[4] \"falcon\" of models.json has no coverage entry"
        ),
        "{errors:?}"
    );
    let errors = followups_errors(|f| {
        let copy = f["coverage"][c].clone();
        f["coverage"].as_array_mut().unwrap().push(copy);
    });
    assert!(
        contains(&errors, "\"falcon\" already has a coverage entry"),
        "{errors:?}"
    );
    let errors = followups_errors(|f| f["coverage"][c]["family"] = json!("falcon-2"));
    assert!(
        contains(&errors, "\"falcon-2\" is not a family id in models.json"),
        "{errors:?}"
    );
}

#[test]
fn a_release_after_its_familys_checked_to_is_refused() {
    let value = shipped();
    let family = "mistral-7b";
    let to = value["coverage"][coverage_index(family)]["checked_to"]
        .as_str()
        .unwrap()
        .to_owned();
    // The family's newest release moved past its checked_to: still oldest first, but too late.
    let last = value["releases"]
        .as_array()
        .unwrap()
        .iter()
        .rposition(|r| r["family"] == family)
        .unwrap();
    let errors = followups_errors(|f| f["releases"][last]["date"]["value"] = json!("2026-11-29"));
    assert_eq!(
        errors,
        [format!("followups.json: releases[{last}].date.value: 2026-11-29 is after its family's checked_to {to}: the list is complete only to that day (set \"past_checked_to\": true to show it as found later, outside the counts)")]
    );
}

#[test]
fn a_release_marked_found_later_must_lie_past_its_familys_checked_to() {
    let first = shipped()["releases"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["family"] == "llama-2")
        .unwrap();
    let errors = followups_errors(|f| f["releases"][first]["past_checked_to"] = json!(true));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("followups.json: releases[{first}].date.value: "))
            && errors[0]
                .contains("is marked past_checked_to but falls within its family's checked_to"),
        "{errors:?}"
    );
}

#[test]
fn a_rule_left_empty_is_refused() {
    let errors = followups_errors(|f| f["rule"]["admits"] = json!("  "));
    assert_eq!(errors, ["followups.json: rule.admits: must not be empty"]);
}

#[test]
fn dates_of_reading_in_the_future_are_refused_by_the_build() {
    let bundle = assemble_bundle(files()).unwrap();
    assert!(validate_not_after(&bundle, "2026-12-01".parse().unwrap()).is_empty());
    let c = coverage_index("mistral-7b");
    let text = edited(FOLLOWUPS, |f| {
        f["coverage"][c]["checked_on"] = json!("2027-01-05")
    });
    let bundle = assemble_bundle(SourceFiles {
        followups_json: &text,
        ..files()
    })
    .unwrap();
    let today: Date = "2026-12-01".parse().unwrap();
    let errors: Vec<String> = validate_not_after(&bundle, today)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [format!("followups.json: coverage[{c}].checked_on: 2027-01-05 is in the future (today is 2026-12-01)")]
    );
}

#[test]
fn the_shipped_ledger_lists_each_claim_once_with_evidence() {
    let bundle = assemble_bundle(files()).unwrap();
    let claims = &bundle.notes.claims;
    assert!(claims.len() >= 20, "{} claims", claims.len());
    for claim in claims {
        assert!(
            claim.note.is_some() || !claim.sources.is_empty(),
            "{}",
            claim.id
        );
    }
    // Every editor's note is the evidence of at least one claim: a correction is a claim checked.
    for note in &bundle.notes.notes {
        assert!(
            claims.iter().any(|c| c.note.as_ref() == Some(&note.id)),
            "note {} is in no claim",
            note.id
        );
    }
    let counts = ClaimCounts::of(claims);
    assert_eq!(counts.total(), claims.len());
    assert_eq!(
        counts.get(Verdict::Holds)
            + counts.get(Verdict::Qualified)
            + counts.get(Verdict::Wrong)
            + counts.get(Verdict::Uncheckable),
        claims.len()
    );
}

#[test]
fn a_claim_anchor_not_in_the_article_is_refused() {
    let errors = notes_errors(|n| n["claims"][0]["anchor"] = json!("about 2 trillion parameters"));
    assert_eq!(
        errors,
        ["editor-notes.json: claims[0].anchor: \"about 2 trillion parameters\" does not occur in one paragraph or list item of article.md (copy the words as the page shows them: typographic quotes, no ** or link brackets)"]
    );
}

#[test]
fn a_verdict_outside_the_set_is_refused() {
    let errors = notes_errors(|n| n["claims"][0]["verdict"] = json!("mostly true"));
    assert!(
        errors[0].starts_with("editor-notes.json: claims[0].verdict: unknown variant `mostly true`, expected one of `holds`, `qualified`, `wrong`, `uncheckable`"),
        "{errors:?}"
    );
}

#[test]
fn a_claim_without_evidence_or_with_a_missing_note_is_refused() {
    let errors = notes_errors(|n| {
        n["claims"][0]["note"] = Value::Null;
        n["claims"][0]["sources"] = json!([]);
    });
    assert!(
        contains(&errors, "claims[0].sources: a claim needs its evidence"),
        "{errors:?}"
    );
    let errors = notes_errors(|n| n["claims"][0]["note"] = json!("no-such-note"));
    assert_eq!(errors, ["editor-notes.json: claims[0].note: \"no-such-note\" is not the id of a note in this file"]);
}

#[test]
fn the_same_claim_twice_is_refused() {
    let errors = notes_errors(|n| {
        let copy = n["claims"][0].clone();
        n["claims"].as_array_mut().unwrap().push(copy);
    });
    assert!(
        contains(
            &errors,
            "is the anchor of an earlier claim; list each claim once"
        ),
        "{errors:?}"
    );
    assert!(contains(&errors, "duplicate id"), "{errors:?}");
}

#[test]
fn a_chart_row_outside_the_rules_years_is_refused() {
    let releases = format!(
        "{RELEASES}Llama 4,Meta,2025-04,400,yes,,https://ai.meta.com/blog/llama-4-multimodal-intelligence/,Outside the survey's years.,llama-2\n"
    );
    let line = releases.lines().count();
    let errors = errors_of(SourceFiles {
        releases_csv: &releases,
        ..files()
    });
    assert_eq!(
        errors,
        [format!("releases.csv: line {line}: release_date: 2025-04 is outside the years the inclusion rule covers (2018–2024, releases.meta.json)")]
    );
}

#[test]
fn a_note_revised_after_the_notes_review_is_refused() {
    let errors = notes_errors(|n| n["notes"][0]["revised"] = json!("2026-11-30"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("editor-notes.json: notes[0].revised: 2026-11-30 must fall between the article's date 2024-02-08 and the notes' reviewed date"),
        "{errors:?}"
    );
}

#[test]
fn a_report_channel_that_is_not_https_or_mailto_or_names_an_unknown_placeholder_is_refused() {
    let errors =
        notes_errors(|n| n["report"] = json!({ "template": "javascript:alert(1)?t={title}" }));
    assert_eq!(
        errors,
        ["editor-notes.json: report.template: \"javascript:alert(1)?t={title}\" must start with https:// or mailto:"]
    );
    let errors = notes_errors(|n| {
        n["report"] =
            json!({ "template": "https://github.com/o/r/issues/new?title={title}&labels={label}" })
    });
    assert_eq!(
        errors,
        ["editor-notes.json: report.template: {label} is not a known placeholder (use {title} and {body})"]
    );
    let text = edited(
        NOTES,
        |n| {
            n["report"] =
                json!({ "template": "mailto:editor@example.org?subject={title}&body={body}" })
        },
    );
    assert!(assemble_bundle(SourceFiles {
        notes_json: &text,
        ..files()
    })
    .is_ok());
}

#[test]
fn a_watched_organisation_or_hub_repository_that_is_not_a_hub_name_is_refused() {
    let c = coverage_index("mistral-7b");
    let errors = followups_errors(|f| f["coverage"][c]["hf_orgs"] = json!(["mistral ai"]));
    assert_eq!(
        errors,
        [format!("followups.json: coverage[{c}].hf_orgs[0]: \"mistral ai\" is not a Hugging Face organisation name (letters, digits, '-', '_', '.')")]
    );
    let errors = followups_errors(
        |f| f["releases"][0]["hf_repos"] = json!([{ "repo": "../../etc/passwd" }, { "repo": "meta-llama/Llama-3-8B", "gated": "yes" }]),
    );
    assert_eq!(
        errors,
        [
            "followups.json: releases[0].hf_repos[0].repo: \"../../etc/passwd\" is not an owner/name Hub repository id".to_owned(),
            "followups.json: releases[0].hf_repos[1].gated: \"yes\" is not one of \"no\", \"auto\", \"manual\"".to_owned(),
        ]
    );
}
