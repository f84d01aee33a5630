//! The licence and memory content, refused when incomplete: every clause sourced to a section,
//! every term from the vocabulary, every licence a model names present, every attention layout
//! naming a model size that exists. Each negative fixture is the shipped content with one edit.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::content::SourceFiles;
use serde_json::{json, Value};

mod common;
use common::{contains, edited, errors_of, files, ARCHITECTURES, FOLLOWUPS, LICENCES, MODELS};

fn licences_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let text = edited(LICENCES, edit);
    errors_of(SourceFiles {
        licences_json: &text,
        ..files()
    })
}

fn architectures_errors(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let text = edited(ARCHITECTURES, edit);
    errors_of(SourceFiles {
        architectures_json: &text,
        ..files()
    })
}

/// The index of licence `id` in the shipped licences.json.
fn licence_index(id: &str) -> usize {
    let value: Value = serde_json::from_str(LICENCES).unwrap();
    value["licences"]
        .as_array()
        .unwrap()
        .iter()
        .position(|l| l["id"] == id)
        .unwrap()
}

#[test]
fn a_clause_without_a_source_or_a_section_is_refused() {
    let at = licence_index("llama-2");
    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]["user_cap"]
            .as_object_mut()
            .unwrap()
            .remove("source");
    });
    assert!(contains(&errors, "user_cap"), "{errors:?}");
    assert!(contains(&errors, "source"), "{errors:?}");

    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]["hosting"]["source"]["locator"] = json!(" ");
    });
    assert_eq!(
        errors,
        [format!(
            "licences.json: licences[{at}].clauses.hosting.source.locator: name the section of the licence text the term was read in"
        )]
    );

    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]
            .as_object_mut()
            .unwrap()
            .remove("outputs_training");
    });
    assert!(contains(&errors, "outputs_training"), "{errors:?}");
}

#[test]
fn a_term_outside_the_vocabulary_is_refused() {
    let at = licence_index("apache-2-0");
    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]["commercial_use"]["value"]["term"] = json!("sometimes");
    });
    assert!(
        errors[0].starts_with(&format!(
            "licences.json: licences[{at}].clauses.commercial_use.value.term: unknown variant `sometimes`"
        )),
        "{errors:?}"
    );
    // A word of the vocabulary, but another clause's.
    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]["hosting"]["value"]["term"] = json!("with_duties");
    });
    assert_eq!(
        errors,
        [format!(
            "licences.json: licences[{at}].clauses.hosting.value: term \"with_duties\" is not one of not_restricted, restricted"
        )]
    );
    // A cap only applies where commercial use is allowed.
    let errors = licences_errors(|l| {
        l["licences"][at]["clauses"]["user_cap"]["value"]["term"] = json!("not_applicable");
    });
    assert!(
        contains(&errors, "exactly when commercial use is \"no\""),
        "{errors:?}"
    );
}

#[test]
fn a_model_naming_a_licence_without_an_entry_is_refused() {
    let models = edited(MODELS, |m| {
        m["families"][0]["variants"][0]["licence"]["value"]["terms"] = json!("llama-9");
    });
    let errors = errors_of(SourceFiles {
        models_json: &models,
        ..files()
    });
    assert_eq!(
        errors,
        ["models.json: families[0].variants[0].licence.value.terms: names licence terms \"llama-9\", which have no entry in licences.json"]
    );
    let followups = edited(FOLLOWUPS, |f| {
        f["releases"][0]["licence"]["value"]
            .as_object_mut()
            .unwrap()
            .remove("terms");
    });
    let errors = errors_of(SourceFiles {
        followups_json: &followups,
        ..files()
    });
    assert!(
        errors[0].starts_with("followups.json: releases[0].licence.value: missing field `terms`"),
        "{errors:?}"
    );
}

#[test]
fn a_licence_url_that_is_not_https_is_refused() {
    let at = licence_index("mit");
    let errors = licences_errors(|l| {
        l["licences"][at]["url"] = json!("http://opensource.org/license/mit");
    });
    assert!(
        errors[0].starts_with(&format!(
            "licences.json: licences[{at}].url: expected an https:// URL"
        )),
        "{errors:?}"
    );
    let errors = licences_errors(|l| l["data"]["url"] = json!("javascript:alert(1)"));
    assert!(
        errors[0].starts_with("licences.json: data.url:"),
        "{errors:?}"
    );
}

#[test]
fn a_follows_link_must_name_another_licence() {
    let at = licence_index("llama-3");
    let errors = licences_errors(|l| l["licences"][at]["follows"] = json!("llama-3"));
    assert!(contains(&errors, "follows"), "{errors:?}");
}

#[test]
fn an_attention_layout_must_name_a_model_size_and_add_up() {
    let errors = architectures_errors(|a| a["architectures"][0]["of"] = json!("llama-2-8b"));
    assert!(
        contains(&errors, "\"llama-2-8b\" is not a variant"),
        "{errors:?}"
    );
    let errors = architectures_errors(|a| {
        let copy = a["architectures"][0].clone();
        a["architectures"].as_array_mut().unwrap().push(copy);
    });
    assert!(contains(&errors, "described twice"), "{errors:?}");
    let errors = architectures_errors(|a| {
        a["architectures"][0]["facts"]["value"]["kv_layers"] = json!(999);
    });
    assert!(contains(&errors, "kv_layers at most layers"), "{errors:?}");
    let errors = architectures_errors(|a| {
        a["architectures"][0]["facts"]["value"]["head_dim"] = json!(-1);
    });
    assert!(contains(&errors, "head_dim"), "{errors:?}");
}
