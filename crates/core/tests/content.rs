//! The shipped content parses and meets its invariants, and each kind of authoring mistake is
//! refused with a message that names the file and the field.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::chart::count_by_year;
use llm_watch_core::content::{assemble_bundle, LicenceClass, SourceFiles, Status};
use serde_json::{json, Value};

mod common;
use common::{files, ARTICLE, BENCHMARKS, FOLLOWUPS, MODELS, NOTES, RELEASES};

/// Assembles with one JSON file edited by `edit`; returns the error lines. `place` puts the
/// edited text where that file goes.
fn errors_after_edit(
    original: &str,
    place: for<'a> fn(SourceFiles<'a>, &'a str) -> SourceFiles<'a>,
    edit: impl FnOnce(&mut Value),
) -> Vec<String> {
    let mut value: Value = serde_json::from_str(original).unwrap();
    edit(&mut value);
    let text = value.to_string();
    let errors = assemble_bundle(place(files(), &text)).expect_err("must be refused");
    errors.iter().map(ToString::to_string).collect()
}

fn models_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    errors_after_edit(
        MODELS,
        |f, text| SourceFiles {
            models_json: text,
            ..f
        },
        edit,
    )
}

fn notes_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    errors_after_edit(
        NOTES,
        |f, text| SourceFiles {
            notes_json: text,
            ..f
        },
        edit,
    )
}

#[test]
fn the_shipped_content_is_valid_and_complete() {
    let bundle = assemble_bundle(files()).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let ids: Vec<&str> = bundle
        .models
        .families
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["llama-2", "mistral-7b", "solar-10-7b", "yi", "falcon"]
    );
    for family in &bundle.models.families {
        for variant in &family.variants {
            assert!(
                variant.params_b.value.is_some(),
                "{} has a size",
                variant.id
            );
            assert!(
                variant.licence.value.is_some(),
                "{} has a licence",
                variant.id
            );
        }
    }
    // Falcon's licences differ by model (the editor's note says so; the data must agree).
    let falcon = &bundle.models.families[4];
    let classes: Vec<LicenceClass> = falcon
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref().map(|l| l.class))
        .collect();
    assert!(
        classes.contains(&LicenceClass::Permissive)
            && classes.contains(&LicenceClass::RestrictedCommercial)
    );
    // GPT-4's size is not in our data as a fact.
    assert!(bundle
        .releases
        .rows
        .iter()
        .any(|r| r.model == "GPT-4" && r.params_b.is_none()));
    // The chart covers 2018-2024 with no empty year.
    let counts = count_by_year(&bundle.releases.rows);
    assert_eq!(counts.first().map(|c| c.year), Some(2018));
    assert_eq!(counts.last().map(|c| c.year), Some(2024));
    assert!(counts.iter().all(|c| c.total() > 0));
    // Each of the five families appears in the releases data.
    for id in ids {
        assert!(
            bundle
                .releases
                .rows
                .iter()
                .any(|r| r.family.as_ref().is_some_and(|f| f.as_str() == id)),
            "{id} in releases.csv"
        );
    }
    assert!(bundle.notes.notes.len() >= 6);
}

#[test]
fn every_undisclosed_value_says_so_explicitly() {
    let bundle = assemble_bundle(files()).unwrap();
    let tokens: Vec<(&str, Status)> = bundle
        .models
        .families
        .iter()
        .flat_map(|f| {
            f.variants
                .iter()
                .map(|v| (v.id.as_str(), v.training_tokens_b.status))
        })
        .filter(|(_, status)| *status == Status::NotDisclosed)
        .collect();
    assert!(
        tokens.iter().any(|(id, _)| id.starts_with("mistral-7b")),
        "Mistral does not disclose its tokens: {tokens:?}"
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let errors = models_errors(|m| m["families"][2]["variants"][0]["colour"] = json!("blue"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .starts_with("models.json: families[2].variants[0].colour: unknown field `colour`"),
        "{errors:?}"
    );
}

#[test]
fn a_wrong_type_is_refused_with_its_path() {
    let errors =
        models_errors(|m| m["families"][2]["variants"][0]["params_b"]["value"] = json!("10.7B"));
    assert!(
        errors[0].starts_with(
            "models.json: families[2].variants[0].params_b.value: invalid type: string \"10.7B\""
        ),
        "{errors:?}"
    );
}

#[test]
fn a_missing_field_is_refused() {
    let errors = models_errors(|m| {
        m["families"][0].as_object_mut().unwrap().remove("country");
    });
    assert!(
        errors[0].starts_with("models.json: families[0]: missing field `country`"),
        "{errors:?}"
    );
}

#[test]
fn a_bad_date_is_refused() {
    let errors =
        models_errors(|m| m["families"][1]["first_weights_date"]["value"] = json!("2023-02-30"));
    assert!(
        errors[0].starts_with(
            "models.json: families[1].first_weights_date.value: expected a date YYYY-MM-DD"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_non_https_url_is_refused() {
    let errors = models_errors(|m| {
        m["families"][3]["paper"]["source"]["url"] = json!("http://arxiv.org/abs/2403.04652")
    });
    assert!(
        errors[0]
            .starts_with("models.json: families[3].paper.source.url: expected an https:// URL"),
        "{errors:?}"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let errors = models_errors(|m| m["families"][4]["variants"][1]["id"] = json!("falcon-7b"));
    assert_eq!(
        errors[0],
        "models.json: families[4].variants[1].id: duplicate id \"falcon-7b\""
    );
    // The renamed variant's benchmark rows and attention layout now point at nothing, and say so.
    assert!(
        errors[1..]
            .iter()
            .all(|e| (e.starts_with("benchmarks.json: results[")
                && e.ends_with(".variant: \"falcon-40b\" is not a variant of Falcon"))
                || e.starts_with(
                    "architectures.json: architectures[42].of: \"falcon-40b\" is not a variant"
                )),
        "{errors:?}"
    );
    let errors = notes_errors(|n| n["notes"][1]["id"] = n["notes"][0]["id"].clone());
    assert!(
        errors[0].starts_with("editor-notes.json: notes[1].id: duplicate id"),
        "{errors:?}"
    );
}

#[test]
fn a_value_without_a_status_that_says_unknown_is_refused() {
    let errors =
        models_errors(|m| m["families"][0]["variants"][0]["context_length"]["value"] = Value::Null);
    assert_eq!(
        errors,
        ["models.json: families[0].variants[0].context_length.value: is null but status is \"disclosed\"; use \"not_disclosed\" for unknown values"]
    );
    let errors = models_errors(|m| {
        m["families"][1]["variants"][0]["training_tokens_b"]["value"] = json!(8000)
    });
    assert_eq!(errors, ["models.json: families[1].variants[0].training_tokens_b.status: is \"not_disclosed\" but a value is given"]);
}

#[test]
fn references_must_resolve() {
    let errors =
        models_errors(|m| m["families"][0]["benchmark"]["value"]["variant"] = json!("llama-2-34b"));
    assert!(
        errors[0].contains(
            "benchmark.value: variant \"llama-2-34b\" is not one of this family's variants"
        ),
        "{errors:?}"
    );
    let errors = models_errors(|m| m["families"][0]["article_heading"] = json!("1. Llama Two"));
    assert!(
        errors[0].contains("no heading \"1. Llama Two\" in article.md"),
        "{errors:?}"
    );
    let errors = notes_errors(|n| n["notes"][0]["anchor"] = json!("words the author never wrote"));
    assert!(
        errors[0].starts_with(
            "editor-notes.json: notes[0].anchor: \"words the author never wrote\" does not occur"
        ),
        "{errors:?}"
    );
}

#[test]
fn an_image_with_nothing_to_draw_is_refused_rather_than_shown_broken() {
    let article = ARTICLE.replace("/images/Yi.png", "/images/yi-new.png");
    let errors = assemble_bundle(SourceFiles {
        article_md: &article,
        ..files()
    })
    .unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.file == "article.md"
                && e.message.contains("\"/images/yi-new.png\" is neither")),
        "{errors:?}"
    );
}

#[test]
fn errors_from_several_files_are_reported_together() {
    let releases = RELEASES.replacen("yes", "perhaps", 1);
    let errors = assemble_bundle(SourceFiles {
        models_json: "{",
        releases_csv: &releases,
        ..files()
    })
    .unwrap_err();
    let files: Vec<&str> = errors.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["models.json", "releases.csv"]);
}

#[test]
fn a_release_with_an_unknown_family_is_refused() {
    let releases = RELEASES.replacen(",llama-2,", ",llama-3,", 1);
    let errors = assemble_bundle(SourceFiles {
        releases_csv: &releases,
        ..files()
    })
    .unwrap_err();
    assert!(
        errors[0]
            .to_string()
            .contains("family: \"llama-3\" is not a family id in models.json"),
        "{errors:?}"
    );
}

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

#[test]
fn a_successor_pointing_at_no_family_or_also_a_family_is_refused() {
    let line_of = |model: &str| {
        RELEASES
            .lines()
            .position(|l| l.starts_with(&format!("{model},")))
            .unwrap()
            + 1
    };
    let releases = RELEASES.replacen(",llama-2\nMistral Large 2", ",gemma\nMistral Large 2", 1);
    assert_ne!(releases, RELEASES, "the Llama 3.1 row names its family");
    let errors = assemble_bundle(SourceFiles {
        releases_csv: &releases,
        ..files()
    })
    .unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [format!(
            "releases.csv: line {}: successor_of: \"gemma\" is not a family id in models.json",
            line_of("Llama 3.1")
        )]
    );
    let releases = RELEASES.replacen(
        ",,https://ai.meta.com/blog/meta-llama-3-1/",
        ",llama-2,https://ai.meta.com/blog/meta-llama-3-1/",
        1,
    );
    let errors = assemble_bundle(SourceFiles {
        releases_csv: &releases,
        ..files()
    })
    .unwrap_err();
    assert!(errors[0].to_string().ends_with("successor_of: a row is either one of the article's families or a later release, not both"), "{errors:?}");
}
