//! Invariants that types alone cannot state: provenance is consistent, ids are unique, references
//! resolve, and every note, heading and image the content names exists in the article. Errors name
//! the file the author edits, not the bundle.

use std::collections::HashSet;

use super::{Bundle, ContentError, Family, Sourced, Status};
use crate::markdown::Document;
use crate::page::render_with_notes;

/// The image the post used for its releases chart; the app draws the live chart in its place.
pub const RELEASES_CHART_IMAGE: &str = "/images/llm_releases_chart.png";

pub const ARTICLE_FILE: &str = "article.md";
pub const MODELS_FILE: &str = "models.json";
pub const NOTES_FILE: &str = "editor-notes.json";
pub const RELEASES_FILE: &str = "releases.csv";
pub const RELEASES_META_FILE: &str = "releases.meta.json";

struct Errors(Vec<ContentError>);

impl Errors {
    fn push(&mut self, file: &str, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(ContentError::new(file, path, message));
    }

    fn text(&mut self, file: &str, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.push(file, path, "must not be empty");
        }
    }

    fn sourced<T>(
        &mut self,
        path: &str,
        sourced: &Sourced<T>,
        check: impl FnOnce(&T) -> Option<String>,
    ) {
        match (&sourced.value, sourced.status) {
            (None, Status::NotDisclosed) => {}
            (None, status) => self.push(
                MODELS_FILE,
                format!("{path}.value"),
                format!(
                    "is null but status is {:?}; use \"not_disclosed\" for unknown values",
                    status.label()
                ),
            ),
            (Some(_), Status::NotDisclosed) => self.push(
                MODELS_FILE,
                format!("{path}.status"),
                "is \"not_disclosed\" but a value is given",
            ),
            (Some(value), _) => {
                if let Some(message) = check(value) {
                    self.push(MODELS_FILE, format!("{path}.value"), message);
                }
            }
        }
        self.text(
            MODELS_FILE,
            format!("{path}.source.title"),
            &sourced.source.title,
        );
    }

    fn unique<'a>(&mut self, file: &str, ids: impl IntoIterator<Item = (String, &'a str)>) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if !seen.insert(id) {
                self.push(file, path, format!("duplicate id {id:?}"));
            }
        }
    }
}

fn positive(value: &f64) -> Option<String> {
    (!(value.is_finite() && *value > 0.0))
        .then(|| format!("must be a positive number, got {value}"))
}

/// Checks every invariant; returns all problems found.
pub fn validate_bundle(bundle: &Bundle) -> Result<(), Vec<ContentError>> {
    let (document, missing_anchors) = render_with_notes(bundle);
    validate_rendered(bundle, &document, &missing_anchors)
}

/// [`validate_bundle`] for a caller that has already rendered the article with its notes (the
/// app does, once, at start-up): `missing_anchors` are the notes that found no place.
pub(crate) fn validate_rendered(
    bundle: &Bundle,
    document: &Document,
    missing_anchors: &[usize],
) -> Result<(), Vec<ContentError>> {
    let mut errors = Errors(Vec::new());
    let families = &bundle.models.families;

    errors.text(ARTICLE_FILE, "front matter: title", &bundle.article.title);
    if families.is_empty() {
        errors.push(MODELS_FILE, "families", "must list at least one family");
    }
    for (f, family) in families.iter().enumerate() {
        validate_family(&mut errors, &format!("families[{f}]"), family);
    }
    errors.unique(
        MODELS_FILE,
        families
            .iter()
            .enumerate()
            .map(|(f, family)| (format!("families[{f}].id"), family.id.as_str())),
    );
    errors.unique(
        MODELS_FILE,
        families.iter().enumerate().flat_map(|(f, family)| {
            family.variants.iter().enumerate().map(move |(v, variant)| {
                (
                    format!("families[{f}].variants[{v}].id"),
                    variant.id.as_str(),
                )
            })
        }),
    );

    let notes = &bundle.notes.notes;
    for (n, note) in notes.iter().enumerate() {
        errors.text(NOTES_FILE, format!("notes[{n}].title"), &note.title);
        errors.text(NOTES_FILE, format!("notes[{n}].body"), &note.body);
        if note.sources.is_empty() {
            errors.push(
                NOTES_FILE,
                format!("notes[{n}].sources"),
                "every note needs at least one source",
            );
        }
    }
    errors.unique(
        NOTES_FILE,
        notes
            .iter()
            .enumerate()
            .map(|(n, note)| (format!("notes[{n}].id"), note.id.as_str())),
    );

    validate_against_article(&mut errors, bundle, document, missing_anchors);
    validate_releases(&mut errors, bundle);

    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors.0)
    }
}

fn validate_family(errors: &mut Errors, at: &str, family: &Family) {
    errors.text(MODELS_FILE, format!("{at}.name"), &family.name);
    errors.text(MODELS_FILE, format!("{at}.summary"), &family.summary);
    errors.sourced(&format!("{at}.developer"), &family.developer, |v| {
        v.trim().is_empty().then(|| "must not be empty".into())
    });
    errors.sourced(&format!("{at}.country"), &family.country, |v| {
        v.trim().is_empty().then(|| "must not be empty".into())
    });
    errors.sourced(
        &format!("{at}.first_weights_date"),
        &family.first_weights_date,
        |_| None,
    );
    errors.sourced(&format!("{at}.paper"), &family.paper, |p| {
        p.title
            .trim()
            .is_empty()
            .then(|| "paper title must not be empty".into())
    });
    errors.sourced(&format!("{at}.architecture"), &family.architecture, |_| {
        None
    });
    errors.sourced(&format!("{at}.languages"), &family.languages, |v| {
        v.is_empty().then(|| "list at least one language".into())
    });
    errors.sourced(&format!("{at}.benchmark"), &family.benchmark, |b| {
        if !family
            .variants
            .iter()
            .any(|variant| variant.id == b.variant)
        {
            Some(format!(
                "variant {:?} is not one of this family's variants",
                b.variant.as_str()
            ))
        } else {
            positive(&b.score)
        }
    });
    if family.variants.is_empty() {
        errors.push(
            MODELS_FILE,
            format!("{at}.variants"),
            "must list at least one variant",
        );
    }
    for (v, variant) in family.variants.iter().enumerate() {
        let at = format!("{at}.variants[{v}]");
        errors.text(MODELS_FILE, format!("{at}.name"), &variant.name);
        let repo_ok = variant
            .hf_repo
            .split_once('/')
            .is_some_and(|(owner, name)| {
                let ok = |s: &str| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                };
                ok(owner) && ok(name)
            });
        if !repo_ok {
            errors.push(
                MODELS_FILE,
                format!("{at}.hf_repo"),
                format!(
                    "expected a Hugging Face repo id owner/name, got {:?}",
                    variant.hf_repo
                ),
            );
        }
        errors.sourced(&format!("{at}.weights_date"), &variant.weights_date, |_| {
            None
        });
        errors.sourced(&format!("{at}.params_b"), &variant.params_b, positive);
        errors.sourced(
            &format!("{at}.training_tokens_b"),
            &variant.training_tokens_b,
            positive,
        );
        errors.sourced(
            &format!("{at}.context_length"),
            &variant.context_length,
            |n| (*n == 0).then(|| "must be positive".into()),
        );
        errors.sourced(&format!("{at}.licence"), &variant.licence, |l| {
            l.name
                .trim()
                .is_empty()
                .then(|| "licence name must not be empty".into())
        });
    }
}

/// Headings, images and note anchors named by the data must exist in the article.
fn validate_against_article(
    errors: &mut Errors,
    bundle: &Bundle,
    document: &Document,
    missing_anchors: &[usize],
) {
    let headings: Vec<String> = document.toc().into_iter().map(|entry| entry.text).collect();
    for (f, family) in bundle.models.families.iter().enumerate() {
        if !headings.contains(&family.article_heading) {
            errors.push(
                MODELS_FILE,
                format!("families[{f}].article_heading"),
                format!("no heading {:?} in {ARTICLE_FILE}", family.article_heading),
            );
        }
    }
    for image in document.images() {
        let src = image
            .src
            .as_ref()
            .map(|url| url.href.as_str())
            .unwrap_or_default();
        let known = src == RELEASES_CHART_IMAGE
            || bundle
                .models
                .families
                .iter()
                .any(|family| family.article_image == src);
        if !known {
            errors.push(
                ARTICLE_FILE,
                format!("image {:?}", image.alt),
                format!("{src:?} is neither the releases chart ({RELEASES_CHART_IMAGE}) nor a family's article_image, so it would show as a broken image"),
            );
        }
    }
    for &n in missing_anchors {
        let anchor = bundle.notes.notes.get(n).map(|note| note.anchor.as_str());
        errors.push(
            NOTES_FILE,
            format!("notes[{n}].anchor"),
            format!(
                "{:?} does not occur in the text of {ARTICLE_FILE}",
                anchor.unwrap_or_default()
            ),
        );
    }
}

fn validate_releases(errors: &mut Errors, bundle: &Bundle) {
    let meta = &bundle.releases.meta;
    for (field, value) in [
        ("title", &meta.title),
        ("summary", &meta.summary),
        ("inclusion", &meta.inclusion),
        ("date_rule", &meta.date_rule),
        ("open_weights_rule", &meta.open_weights_rule),
    ] {
        errors.text(RELEASES_META_FILE, field, value);
    }
    let rows = &bundle.releases.rows;
    if rows.is_empty() {
        errors.push(RELEASES_FILE, "", "has no rows");
    }
    let mut seen = HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        // Row r is on line r + 2: line 1 is the header.
        let at = format!("line {}", r + 2);
        errors.text(RELEASES_FILE, format!("{at}: model"), &row.model);
        errors.text(
            RELEASES_FILE,
            format!("{at}: organisation"),
            &row.organisation,
        );
        if let Some(params) = &row.params_b {
            if let Some(message) = positive(params) {
                errors.push(RELEASES_FILE, format!("{at}: params_b"), message);
            }
        }
        if let Some(family) = &row.family {
            if !bundle.models.families.iter().any(|f| &f.id == family) {
                errors.push(
                    RELEASES_FILE,
                    format!("{at}: family"),
                    format!("{:?} is not a family id in {MODELS_FILE}", family.as_str()),
                );
            }
        }
        if !seen.insert((row.model.to_lowercase(), row.release_date)) {
            errors.push(
                RELEASES_FILE,
                format!("{at}: model"),
                format!("duplicate row for {:?} in {}", row.model, row.release_date),
            );
        }
    }
}
