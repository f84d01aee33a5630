//! Invariants that types alone cannot state: provenance is consistent, ids are unique, references
//! resolve, and every note, heading and image the content names exists in the article. Errors name
//! the file the author edits, not the bundle.

use std::collections::HashSet;

pub use super::coverage::validate_not_after;
use super::{
    Access, Bundle, ContentError, Date, Family, FollowupKind, ReleaseDate, Slug, Sourced, Status,
};
use crate::markdown::Document;
use crate::page::render_with_notes;

/// The image the post used for its releases chart; the app draws the live chart in its place.
pub const RELEASES_CHART_IMAGE: &str = "/images/llm_releases_chart.png";

pub const ARTICLE_FILE: &str = "article.md";
pub const MODELS_FILE: &str = "models.json";
pub const NOTES_FILE: &str = "editor-notes.json";
pub const RELEASES_FILE: &str = "releases.csv";
pub const RELEASES_META_FILE: &str = "releases.meta.json";
pub const FOLLOWUPS_FILE: &str = "followups.json";
pub const BENCHMARKS_FILE: &str = "benchmarks.json";
pub const LICENCES_FILE: &str = "licences.json";
pub const ARCHITECTURES_FILE: &str = "architectures.json";

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
        if note.revised > bundle.notes.reviewed || note.revised < bundle.article.date {
            errors.push(
                NOTES_FILE,
                format!("notes[{n}].revised"),
                format!(
                    "{} must fall between the article's date {} and the notes' reviewed date {}",
                    note.revised, bundle.article.date, bundle.notes.reviewed
                ),
            );
        }
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

    if let Some(problem) = bundle.notes.report.as_ref().and_then(|r| r.problem()) {
        errors.push(NOTES_FILE, "report.template", problem);
    }
    validate_against_article(&mut errors, bundle, document, missing_anchors);
    validate_releases(&mut errors, bundle);
    validate_followups(&mut errors, bundle);
    super::coverage::validate(&mut errors, bundle);
    super::claims::validate(&mut errors, bundle, document);
    validate_benchmarks(&mut errors, bundle);
    super::licences::validate(&mut errors, bundle);
    super::architectures::validate(&mut errors, bundle);

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
    errors.text(RELEASES_META_FILE, "after_last_year", &meta.after_last_year);
    if meta.first_year > meta.last_year {
        errors.push(
            RELEASES_META_FILE,
            "first_year",
            format!("{} is after last_year {}", meta.first_year, meta.last_year),
        );
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
        let year = row.release_date.year;
        if !(meta.first_year..=meta.last_year).contains(&year) {
            errors.push(
                RELEASES_FILE,
                format!("{at}: release_date"),
                format!(
                    "{} is outside the years the inclusion rule covers ({}–{}, {RELEASES_META_FILE})",
                    row.release_date, meta.first_year, meta.last_year
                ),
            );
        }
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
        for (column, family) in [("family", &row.family), ("successor_of", &row.successor_of)] {
            if let Some(family) = family {
                if !bundle.models.families.iter().any(|f| &f.id == family) {
                    errors.push(
                        RELEASES_FILE,
                        format!("{at}: {column}"),
                        format!("{:?} is not a family id in {MODELS_FILE}", family.as_str()),
                    );
                }
            }
        }
        if row.family.is_some() && row.successor_of.is_some() {
            errors.push(
                RELEASES_FILE,
                format!("{at}: successor_of"),
                "a row is either one of the article's families or a later release, not both",
            );
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

/// Later releases: each belongs to a family, falls between the article and its family's
/// `checked_to`, is listed oldest first within its family, and has a licence exactly when its
/// weights are open.
fn validate_followups(errors: &mut Errors, bundle: &Bundle) {
    let file = FOLLOWUPS_FILE;
    let followups = &bundle.followups;
    let article_date = bundle.article.date;
    if followups.as_of < article_date {
        errors.push(
            file,
            "as_of",
            format!(
                "{} is before the article's date {article_date}",
                followups.as_of
            ),
        );
    }
    errors.unique(
        file,
        followups
            .releases
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("releases[{i}].id"), r.id.as_str())),
    );
    let in_window = |date: &ReleaseDate, checked_to: Option<Date>, past: bool| -> Option<String> {
        let (year, month, day) = date.sort_key();
        let after = match date {
            ReleaseDate::Day(_) => {
                (year, month, day) > (article_date.year, article_date.month, article_date.day)
            }
            ReleaseDate::Month(_) => (year, month) >= (article_date.year, article_date.month),
        };
        // A family without a coverage entry is reported by the coverage checks.
        let before = checked_to.is_none_or(|to| match date {
            ReleaseDate::Day(_) => (year, month, day) <= (to.year, to.month, to.day),
            ReleaseDate::Month(_) => (year, month) <= (to.year, to.month),
        });
        if !after {
            Some(format!(
                "{date} is not after the article's date {article_date}"
            ))
        } else if !before && !past {
            Some(format!(
                "{date} is after its family's checked_to {}: the list is complete only to that day (set \"past_checked_to\": true to show it as found later, outside the counts)",
                checked_to.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else if before && past && checked_to.is_some() {
            Some(format!(
                "{date} is marked past_checked_to but falls within its family's checked_to {}",
                checked_to.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else {
            None
        }
    };
    // The last dated release seen per family, to check the file lists each family oldest first.
    let mut last: Vec<(&Slug, (u16, u8, u8), usize)> = Vec::new();
    for (i, release) in followups.releases.iter().enumerate() {
        let at = format!("releases[{i}]");
        errors.text(file, format!("{at}.name"), &release.name);
        if !bundle
            .models
            .families
            .iter()
            .any(|f| f.id == release.family)
        {
            errors.push(
                file,
                format!("{at}.family"),
                format!(
                    "{:?} is not a family id in {MODELS_FILE}",
                    release.family.as_str()
                ),
            );
        }
        let checked_to = followups.coverage_of(&release.family).map(|c| c.checked_to);
        errors.sourced_in(file, &format!("{at}.date"), &release.date, |date| {
            in_window(date, checked_to, release.past_checked_to)
        });
        if let Some(note) = &release.date_note {
            errors.text(file, format!("{at}.date_note"), note);
        }
        errors.sourced_in(file, &format!("{at}.access"), &release.access, |_| None);
        errors.sourced_in(file, &format!("{at}.sizes"), &release.sizes, |sizes| {
            sizes.iter().find_map(|size| {
                let bad = |v: Option<f64>| v.is_some_and(|v| !(v.is_finite() && v > 0.0));
                if size.label.trim().is_empty() {
                    Some("every size needs a label".to_owned())
                } else if bad(size.total_b) || bad(size.active_b) {
                    Some(format!("{}: parameter counts must be positive", size.label))
                } else if matches!((size.total_b, size.active_b), (Some(t), Some(a)) if a > t) {
                    Some(format!("{}: more active than total parameters", size.label))
                } else {
                    None
                }
            })
        });
        match (&release.licence, release.access.value) {
            (Some(licence), _) => {
                errors.sourced_in(file, &format!("{at}.licence"), licence, |l| {
                    l.name
                        .trim()
                        .is_empty()
                        .then(|| "the licence needs a name".to_owned())
                });
                if release.access.value == Some(Access::ApiOnly) {
                    errors.push(
                        file,
                        format!("{at}.licence"),
                        "an API-only release has no weights licence; remove it",
                    );
                }
            }
            (None, Some(Access::OpenWeights)) => errors.push(
                file,
                format!("{at}.licence"),
                "open weights need their licence (name, class, url) and its source",
            ),
            (None, _) => {
                if release.kind == FollowupKind::LicenceChange {
                    errors.push(
                        file,
                        format!("{at}.licence"),
                        "a licence change needs the new licence",
                    );
                }
            }
        }
        if let Some(context) = &release.context_length {
            errors.sourced_in(file, &format!("{at}.context_length"), context, |tokens| {
                (*tokens == 0).then(|| "must be a positive number of tokens".to_owned())
            });
        }
        if let Some(date) = release.date.value {
            let key = date.sort_key();
            match last
                .iter_mut()
                .find(|(family, _, _)| **family == release.family)
            {
                Some((_, previous, previous_index)) => {
                    if key < *previous {
                        errors.push(
                            file,
                            format!("{at}.date"),
                            format!(
                                "{date} comes before releases[{previous_index}] of the same family; list each family's releases oldest first"
                            ),
                        );
                    }
                    *previous = key;
                    *previous_index = i;
                }
                None => last.push((&release.family, key, i)),
            }
        }
    }
}

/// Benchmark suites and rows: each row in a known suite with exactly its metrics, numbers that
/// are percentages, a source wherever there is a number, and variants that exist. Editor notes
/// may link to rows (`#bench-<id>`); those links must resolve.
fn validate_benchmarks(errors: &mut Errors, bundle: &Bundle) {
    let file = BENCHMARKS_FILE;
    let benchmarks = &bundle.benchmarks;
    errors.unique(
        file,
        benchmarks
            .suites
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("suites[{i}].id"), s.id.as_str())),
    );
    for (i, suite) in benchmarks.suites.iter().enumerate() {
        let at = format!("suites[{i}]");
        errors.text(file, format!("{at}.name"), &suite.name);
        errors.text(file, format!("{at}.setting"), &suite.setting);
        errors.text(file, format!("{at}.measured_by"), &suite.measured_by);
        if suite.metrics.is_empty() {
            errors.push(
                file,
                format!("{at}.metrics"),
                "a suite needs at least one metric",
            );
        }
        errors.unique(
            file,
            suite
                .metrics
                .iter()
                .enumerate()
                .map(|(m, metric)| (format!("{at}.metrics[{m}].id"), metric.id.as_str())),
        );
    }
    errors.unique(
        file,
        benchmarks
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("results[{i}].id"), r.id.as_str())),
    );
    for (i, result) in benchmarks.results.iter().enumerate() {
        let at = format!("results[{i}]");
        errors.text(file, format!("{at}.model"), &result.model);
        let family = bundle
            .models
            .families
            .iter()
            .find(|f| f.id == result.family);
        match family {
            None => errors.push(
                file,
                format!("{at}.family"),
                format!(
                    "{:?} is not a family id in {MODELS_FILE}",
                    result.family.as_str()
                ),
            ),
            Some(family) => {
                if let Some(variant) = &result.variant {
                    if !family.variants.iter().any(|v| &v.id == variant) {
                        errors.push(
                            file,
                            format!("{at}.variant"),
                            format!("{:?} is not a variant of {}", variant.as_str(), family.name),
                        );
                    }
                }
            }
        }
        let Some(suite) = benchmarks.suites.iter().find(|s| s.id == result.suite) else {
            errors.push(
                file,
                format!("{at}.suite"),
                format!("{:?} is not a suite id", result.suite.as_str()),
            );
            continue;
        };
        for metric in &suite.metrics {
            if !result.scores.contains_key(metric.id.as_str()) {
                errors.push(
                    file,
                    format!("{at}.scores"),
                    format!(
                        "no {:?} score; write null when it is missing",
                        metric.id.as_str()
                    ),
                );
            }
        }
        for (key, score) in &result.scores {
            if !suite.metrics.iter().any(|m| m.id.as_str() == key) {
                errors.push(
                    file,
                    format!("{at}.scores.{key}"),
                    format!("{key:?} is not a metric of suite {:?}", suite.id.as_str()),
                );
            }
            if let Some(score) = score {
                if !(score.is_finite() && (0.0..=100.0).contains(score)) {
                    errors.push(
                        file,
                        format!("{at}.scores.{key}"),
                        format!("{score} is not a percentage"),
                    );
                }
            }
        }
        let has_numbers = result.scores.values().any(Option::is_some);
        match &result.source {
            Some(source) => errors.text(file, format!("{at}.source.title"), &source.title),
            None if has_numbers => errors.push(
                file,
                format!("{at}.source"),
                "numbers need the source they were read from",
            ),
            None => {}
        }
        if !has_numbers && result.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            errors.push(
                file,
                format!("{at}.note"),
                "a row without numbers needs a note saying why",
            );
        }
    }
    for (n, note) in bundle.notes.notes.iter().enumerate() {
        for target in bench_links(&note.body) {
            if !benchmarks.results.iter().any(|r| r.anchor() == target) {
                errors.push(
                    NOTES_FILE,
                    format!("notes[{n}].body"),
                    format!("links to #{target}, which is no row of {BENCHMARKS_FILE}"),
                );
            }
        }
    }
}

/// The `#bench-…` targets linked from a note's Markdown.
fn bench_links(markdown: &str) -> Vec<String> {
    markdown
        .match_indices("](#bench-")
        .filter_map(|(at, _)| {
            let rest = markdown.get(at + 3..)?;
            let end = rest.find(')')?;
            rest.get(..end).map(str::to_owned)
        })
        .collect()
}
