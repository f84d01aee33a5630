//! The shipped `content/` folder, for the core's integration tests: each file's text and the
//! `SourceFiles` that assemble them, as the build tool reads them.
#![allow(dead_code)] // each test file uses its own part

use llm_watch_core::content::{assemble_bundle, SourceFiles};
use serde_json::Value;

pub const ARTICLE: &str = include_str!("../../../../content/article.md");
pub const MODELS: &str = include_str!("../../../../content/models.json");
pub const NOTES: &str = include_str!("../../../../content/editor-notes.json");
pub const RELEASES: &str = include_str!("../../../../content/releases.csv");
pub const META: &str = include_str!("../../../../content/releases.meta.json");
pub const FOLLOWUPS: &str = include_str!("../../../../content/followups.json");
pub const BENCHMARKS: &str = include_str!("../../../../content/benchmarks.json");
pub const LICENCES: &str = include_str!("../../../../content/licences.json");
pub const ARCHITECTURES: &str = include_str!("../../../../content/architectures.json");

pub fn files() -> SourceFiles<'static> {
    SourceFiles {
        article_md: ARTICLE,
        models_json: MODELS,
        notes_json: NOTES,
        releases_csv: RELEASES,
        releases_meta_json: META,
        followups_json: FOLLOWUPS,
        benchmarks_json: BENCHMARKS,
        licences_json: LICENCES,
        architectures_json: ARCHITECTURES,
    }
}

/// `original` (a shipped JSON file) after `edit`, as text: a negative fixture.
pub fn edited(original: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(original).unwrap();
    edit(&mut value);
    value.to_string()
}

/// The problems the build reports for `files`, which must be refused.
pub fn errors_of(files: SourceFiles<'_>) -> Vec<String> {
    let errors = assemble_bundle(files).expect_err("must be refused");
    errors.iter().map(ToString::to_string).collect()
}

/// Whether any problem mentions `needle`.
pub fn contains(errors: &[String], needle: &str) -> bool {
    errors.iter().any(|e| e.contains(needle))
}
