//! The author's files, read and checked together into the one bundle the app fetches.

use super::files::{
    ARCHITECTURES_FILE, ARTICLE_FILE, BENCHMARKS_FILE, FOLLOWUPS_FILE, LICENCES_FILE, MODELS_FILE,
    NOTES_FILE, RELEASES_FILE, RELEASES_META_FILE,
};
use super::{
    parse_article, parse_json, parse_releases_csv, validate_bundle, Bundle, ContentError, Releases,
};

/// The text of each file in `content/`.
#[derive(Debug, Clone, Copy)]
pub struct SourceFiles<'a> {
    pub article_md: &'a str,
    pub models_json: &'a str,
    pub notes_json: &'a str,
    pub releases_csv: &'a str,
    pub releases_meta_json: &'a str,
    pub followups_json: &'a str,
    pub benchmarks_json: &'a str,
    pub licences_json: &'a str,
    pub architectures_json: &'a str,
}

/// The shipped `content/` folder, compiled in: for this workspace's tests (feature `shipped`), so
/// no test file keeps its own list of the nine files.
#[cfg(any(test, feature = "shipped"))]
pub const SHIPPED: SourceFiles<'static> = SourceFiles {
    article_md: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/article.md"
    )),
    models_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/models.json"
    )),
    notes_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/editor-notes.json"
    )),
    releases_csv: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/releases.csv"
    )),
    releases_meta_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/releases.meta.json"
    )),
    followups_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/followups.json"
    )),
    benchmarks_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/benchmarks.json"
    )),
    licences_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/licences.json"
    )),
    architectures_json: include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../content/architectures.json"
    )),
};

impl<'a> SourceFiles<'a> {
    /// The files of `content/`, in the order [`SourceFiles::from_texts`] takes their texts.
    pub const FILE_NAMES: [&'static str; 9] = [
        ARTICLE_FILE,
        MODELS_FILE,
        NOTES_FILE,
        RELEASES_FILE,
        RELEASES_META_FILE,
        FOLLOWUPS_FILE,
        BENCHMARKS_FILE,
        LICENCES_FILE,
        ARCHITECTURES_FILE,
    ];

    /// The texts of [`SourceFiles::FILE_NAMES`], in that order (a tool that read them from disk).
    pub fn from_texts(texts: [&'a str; 9]) -> Self {
        let [article_md, models_json, notes_json, releases_csv, releases_meta_json, followups_json, benchmarks_json, licences_json, architectures_json] =
            texts;
        SourceFiles {
            article_md,
            models_json,
            notes_json,
            releases_csv,
            releases_meta_json,
            followups_json,
            benchmarks_json,
            licences_json,
            architectures_json,
        }
    }
}

/// Parses every file, then validates the whole. Parse errors from all files are reported together
/// so an author fixes them in one round.
pub fn assemble_bundle(files: SourceFiles<'_>) -> Result<Bundle, Vec<ContentError>> {
    let article = parse_article(ARTICLE_FILE, files.article_md);
    let models = parse_json(MODELS_FILE, files.models_json);
    let notes = parse_json(NOTES_FILE, files.notes_json);
    let rows = parse_releases_csv(files.releases_csv);
    let meta = parse_json(RELEASES_META_FILE, files.releases_meta_json);
    let followups = parse_json(FOLLOWUPS_FILE, files.followups_json);
    let benchmarks = parse_json(BENCHMARKS_FILE, files.benchmarks_json);
    let licences = parse_json(LICENCES_FILE, files.licences_json);
    let architectures = parse_json(ARCHITECTURES_FILE, files.architectures_json);
    match (
        (article, models, notes, rows),
        (meta, followups, benchmarks, licences, architectures),
    ) {
        (
            (Ok(article), Ok(models), Ok(notes), Ok(rows)),
            (Ok(meta), Ok(followups), Ok(benchmarks), Ok(licences), Ok(architectures)),
        ) => {
            let bundle = Bundle {
                article,
                notes,
                models,
                releases: Releases { meta, rows },
                followups,
                benchmarks,
                licences,
                architectures,
                site_url: None,
            };
            validate_bundle(&bundle)?;
            Ok(bundle)
        }
        (
            (article, models, notes, rows),
            (meta, followups, benchmarks, licences, architectures),
        ) => Err([
            article.err(),
            models.err(),
            notes.err(),
            rows.err(),
            meta.err(),
            followups.err(),
            benchmarks.err(),
            licences.err(),
            architectures.err(),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

/// What in the article will not render as written (raw HTML shown as text, a dropped heading
/// class, an unused footnote…), each located by line in `article.md`. Warnings, not errors: the
/// page still builds, and the author sees what to look at.
pub fn article_warnings(article_md: &str) -> Vec<ContentError> {
    let Ok(article) = parse_article(ARTICLE_FILE, article_md) else {
        return Vec::new(); // the error is reported by assemble_bundle
    };
    // The body is the file's tail after the front matter.
    let body_start = article_md.len().saturating_sub(article.markdown.len());
    crate::markdown::render(&article.markdown)
        .warnings
        .into_iter()
        .map(|warning| {
            let before = article_md
                .get(..body_start + warning.offset)
                .unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            ContentError::new(ARTICLE_FILE, format!("line {line}"), warning.message)
        })
        .collect()
}
