//! The names of the files an author edits under `content/`, which every error message names, and
//! the one image path the article uses for its releases chart (the app draws the live chart there).

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
