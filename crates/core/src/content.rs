//! Serde types for everything the author edits and the app fetches, with strictness at the boundary:
//! unknown fields are errors, dates, URLs, ids and sizes are validated newtypes, and every card value
//! carries its source. No view code here: the same types are read natively at build time and in the
//! browser.

use std::fmt;

use serde::{Deserialize, Serialize};

mod architectures;
mod assemble;
mod benchmarks;
mod claims;
mod coverage;
mod csv;
mod errors;
mod files;
mod followups;
mod licences;
mod newtypes;
mod parse;
mod render;
mod report;
mod validate;

pub use architectures::{ArchitectureEntry, Architectures, KvLayout};
#[cfg(any(test, feature = "shipped"))]
pub use assemble::SHIPPED;
pub use assemble::{article_warnings, assemble_bundle, SourceFiles};
pub use benchmarks::{BenchmarkResult, Benchmarks, Metric, Suite};
pub use claims::{Claim, ClaimCounts, Verdict};
pub use coverage::{ChannelRead, FamilyCoverage, HubRepo, InclusionRule};
pub use csv::parse_releases_csv;
pub use files::{
    ARCHITECTURES_FILE, ARTICLE_FILE, BENCHMARKS_FILE, FOLLOWUPS_FILE, LICENCES_FILE, MODELS_FILE,
    NOTES_FILE, RELEASES_CHART_IMAGE, RELEASES_FILE, RELEASES_META_FILE,
};
pub use followups::{Access, Followup, FollowupKind, Followups, ModelSize, Openness, ReleaseDate};
pub use licences::{Clause, ClauseKind, Clauses, DataLicence, LicenceTerms, Licences, Term};
pub use newtypes::{ArxivId, Date, HttpsUrl, Slug, YearMonth};
pub use parse::{parse_article, parse_json};
pub use render::RenderedArticle;
pub use report::{percent_encode, Report, ReportChannel};
pub use validate::{validate_bundle, validate_not_after, validate_rendered};

/// A content problem, located precisely enough for an author to fix it without reading Rust:
/// `models.json: families[2].variants[0].params_b: expected a number`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentError {
    /// The file the author edits (or `content.json` for the bundle).
    pub file: String,
    /// Where in the file: a JSON path, `line 12`, `front matter`, or empty for the whole file.
    pub path: String,
    pub message: String,
}

impl ContentError {
    pub fn new(
        file: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}

/// Everything the app shows, bundled into one `content.json` at build time so the page needs one
/// request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub article: Article,
    pub notes: EditorNotes,
    pub models: Models,
    pub releases: Releases,
    /// What each family's developer released after the article.
    pub followups: Followups,
    /// Benchmark numbers, grouped by how they were measured.
    pub benchmarks: Benchmarks,
    /// Every licence named above, clause by clause.
    pub licences: Licences,
    /// Attention layouts, for the KV cache in the memory budget.
    pub architectures: Architectures,
    /// The published page's address, when the build was told it (`SITE_URL`): the citation
    /// names it. Not an author file: the content tool sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_url: Option<HttpsUrl>,
}

/// The author's post: Jekyll front matter plus the Markdown body, unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: String,
    pub date: Date,
    /// Jekyll splits a space-separated `categories:` string into one category per word.
    pub categories: Vec<String>,
    pub layout: String,
    pub markdown: String,
}

/// How a value came to be known. `NotDisclosed` is explicit so that unknown is never a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Stated by the developer in a primary source.
    Disclosed,
    /// Reported or inferred by someone else; not confirmed by the developer.
    Estimated,
    /// Computed by us from disclosed values (the source's locator says how).
    Derived,
    /// The developer does not say; the source is where we looked.
    NotDisclosed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Disclosed => "disclosed",
            Status::Estimated => "estimated",
            Status::Derived => "derived",
            Status::NotDisclosed => "not disclosed",
        }
    }
}

/// Where a fact was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: HttpsUrl,
    /// Section, table or line that pinpoints the fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// A value with its provenance. `value` is `None` exactly when `status` is `NotDisclosed`
/// (checked by [`validate_bundle`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: Option<T>,
    pub status: Status,
    pub source: Source,
}

/// What a licence lets a reader do, in one word; the exact name stays beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenceClass {
    Permissive,
    RestrictedCommercial,
    NonCommercial,
}

impl LicenceClass {
    pub const ALL: [LicenceClass; 3] = [
        LicenceClass::Permissive,
        LicenceClass::RestrictedCommercial,
        LicenceClass::NonCommercial,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LicenceClass::Permissive => "Permissive",
            LicenceClass::RestrictedCommercial => "Restricted commercial",
            LicenceClass::NonCommercial => "Non-commercial",
        }
    }

    /// The short explanation shown beside the chip.
    pub fn explanation(self) -> &'static str {
        match self {
            LicenceClass::Permissive => {
                "OSI-style licence: use, modify and redistribute, commercially too, with attribution."
            }
            LicenceClass::RestrictedCommercial => {
                "Weights are downloadable and commercial use is allowed, but with conditions (user caps, acceptable-use rules or an application)."
            }
            LicenceClass::NonCommercial => "Research and personal use only.",
        }
    }

    /// The token used in share URLs and CSV exports.
    pub fn key(self) -> &'static str {
        match self {
            LicenceClass::Permissive => "permissive",
            LicenceClass::RestrictedCommercial => "restricted-commercial",
            LicenceClass::NonCommercial => "non-commercial",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|class| class.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub name: String,
    pub class: LicenceClass,
    pub url: HttpsUrl,
    /// Its clause-by-clause entry in `licences.json`.
    pub terms: Slug,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub arxiv: ArxivId,
    pub title: String,
    /// arXiv v1 submission date.
    pub date: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    pub name: String,
    pub score: f64,
    /// The variant id the score belongs to.
    pub variant: Slug,
}

/// One released checkpoint of a family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: Slug,
    pub name: String,
    /// Hugging Face repository id, `owner/name`.
    pub hf_repo: String,
    pub weights_date: Sourced<Date>,
    /// Parameters, in billions, as the primary source states them.
    pub params_b: Sourced<f64>,
    /// Pre-training tokens, in billions.
    pub training_tokens_b: Sourced<f64>,
    pub context_length: Sourced<u32>,
    pub licence: Sourced<Licence>,
}

/// One of the article's five model families, as shown on a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: Slug,
    pub name: String,
    /// The exact text of the article heading that introduces this family.
    pub article_heading: String,
    /// The image path the article uses for this family; the app draws a monogram in its place.
    pub article_image: String,
    pub summary: String,
    pub developer: Sourced<String>,
    pub country: Sourced<String>,
    pub first_weights_date: Sourced<Date>,
    pub paper: Sourced<Paper>,
    pub architecture: Sourced<String>,
    pub languages: Sourced<Vec<String>>,
    pub benchmark: Sourced<Benchmark>,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Models {
    pub families: Vec<Family>,
}

impl Models {
    /// The family with `id`.
    pub fn family(&self, id: &Slug) -> Option<&Family> {
        self.families.iter().find(|f| &f.id == id)
    }
}

/// An editor's correction, attached to the paragraph that contains `anchor`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorNote {
    pub id: Slug,
    /// An exact substring of the article's rendered text.
    pub anchor: String,
    pub title: String,
    /// Markdown (rendered with the same safe pipeline as the article).
    pub body: String,
    pub sources: Vec<Source>,
    /// The day the note's text last changed: each revision is its own entry in the feed.
    pub revised: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorNotes {
    /// When the notes were last checked against their sources.
    pub reviewed: Date,
    pub notes: Vec<EditorNote>,
    /// The ledger: every checkable claim of the article once, with its verdict.
    pub claims: Vec<Claim>,
    /// Where readers report a problem; without it no "Report a problem" link is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportChannel>,
}

/// How the releases dataset was put together; shown next to the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleasesMeta {
    pub title: String,
    /// One sentence shown in the figure caption; the rules below give the detail.
    pub summary: String,
    pub inclusion: String,
    pub date_rule: String,
    pub open_weights_rule: String,
    /// The years the inclusion rule covers; rows outside them are refused.
    pub first_year: u16,
    pub last_year: u16,
    /// Why the rule stops at `last_year`, and what the chart shows after it.
    pub after_last_year: String,
    pub sources: Vec<ReleasesSource>,
    pub reviewed: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleasesSource {
    pub title: String,
    pub url: HttpsUrl,
}

/// One row of `releases.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub model: String,
    pub organisation: String,
    pub release_date: YearMonth,
    /// Largest variant of the release, in billions; `None` when undisclosed.
    pub params_b: Option<f64>,
    pub open_weights: bool,
    /// One of the article's families, for highlighting.
    pub family: Option<Slug>,
    pub source_url: HttpsUrl,
    pub notes: String,
    /// A later release by the developer of one of the article's families (its models.json id):
    /// the chart links it to that family's card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor_of: Option<Slug>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Releases {
    pub meta: ReleasesMeta,
    pub rows: Vec<Release>,
}
