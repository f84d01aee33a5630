//! The shipped `content/` folder (`content::SHIPPED`) for the core's integration tests, each
//! file's text by a short name, and the helpers that turn an edit of it into a negative fixture.
#![allow(dead_code)] // each test file uses its own part

use llm_watch_core::content::{assemble_bundle, SourceFiles, SHIPPED};
use serde_json::Value;

pub const ARTICLE: &str = SHIPPED.article_md;
pub const MODELS: &str = SHIPPED.models_json;
pub const NOTES: &str = SHIPPED.notes_json;
pub const RELEASES: &str = SHIPPED.releases_csv;
pub const META: &str = SHIPPED.releases_meta_json;
pub const FOLLOWUPS: &str = SHIPPED.followups_json;
pub const BENCHMARKS: &str = SHIPPED.benchmarks_json;
pub const LICENCES: &str = SHIPPED.licences_json;
pub const ARCHITECTURES: &str = SHIPPED.architectures_json;

pub fn files() -> SourceFiles<'static> {
    SHIPPED
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
