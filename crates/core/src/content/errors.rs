//! The accumulator every content check writes to: it collects all problems in one pass, each
//! located by file and path, so the author sees every mistake at once instead of one per build.

use std::collections::HashSet;

use super::files::MODELS_FILE;
use super::{ContentError, Sourced, Status};

pub(super) struct Errors(pub(super) Vec<ContentError>);

impl Errors {
    pub(super) fn push(&mut self, file: &str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ContentError::new(file, path, message));
    }

    pub(super) fn text(&mut self, file: &str, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.push(file, path, "must not be empty");
        }
    }

    pub(super) fn sourced<T>(
        &mut self,
        path: &str,
        sourced: &Sourced<T>,
        check: impl FnOnce(&T) -> Option<String>,
    ) {
        self.sourced_in(MODELS_FILE, path, sourced, check);
    }

    pub(super) fn sourced_in<T>(
        &mut self,
        file: &str,
        path: &str,
        sourced: &Sourced<T>,
        check: impl FnOnce(&T) -> Option<String>,
    ) {
        match (&sourced.value, sourced.status) {
            (None, Status::NotDisclosed) => {}
            (None, status) => self.push(
                file,
                format!("{path}.value"),
                format!(
                    "is null but status is {:?}; use \"not_disclosed\" for unknown values",
                    status.label()
                ),
            ),
            (Some(_), Status::NotDisclosed) => self.push(
                file,
                format!("{path}.status"),
                "is \"not_disclosed\" but a value is given",
            ),
            (Some(value), _) => {
                if let Some(message) = check(value) {
                    self.push(file, format!("{path}.value"), message);
                }
            }
        }
        self.text(file, format!("{path}.source.title"), &sourced.source.title);
    }

    pub(super) fn unique<'a>(
        &mut self,
        file: &str,
        ids: impl IntoIterator<Item = (String, &'a str)>,
    ) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if !seen.insert(id) {
                self.push(file, path, format!("duplicate id {id:?}"));
            }
        }
    }
}

pub(super) fn positive(value: &f64) -> Option<String> {
    (!(value.is_finite() && *value > 0.0))
        .then(|| format!("must be a positive number, got {value}"))
}
