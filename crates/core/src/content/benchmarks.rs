//! Benchmark numbers grouped so that every row of a suite was measured the same way
//! (`benchmarks.json`), each result sourced.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::{Slug, Source};

/// One benchmark measure in a suite (a column of its table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: Slug,
    pub label: String,
}

/// Numbers that were all measured the same way: one benchmark set, one setting, one harness.
/// Rows of different suites are never compared with each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suite {
    pub id: Slug,
    pub name: String,
    /// Shots, metrics and harness.
    pub setting: String,
    /// Who ran it.
    pub measured_by: String,
    pub metrics: Vec<Metric>,
    pub source: Source,
    /// What a reader should keep in mind when comparing rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
}

/// One model's numbers in one suite. `null` scores are shown as missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkResult {
    /// Also the row's anchor on the page (`#bench-<id>`), which editor notes may link to.
    pub id: Slug,
    pub suite: Slug,
    pub family: Slug,
    /// The checkpoint's name as its developer writes it.
    pub model: String,
    /// The models.json variant, when the card shows this checkpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<Slug>,
    /// The model's own developer ran and reported these numbers.
    pub developer_claim: bool,
    pub scores: BTreeMap<String, Option<f64>>,
    /// Where the numbers were read; absent only when every score is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Why numbers are missing, or anything else the row needs said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl BenchmarkResult {
    pub fn score(&self, metric: &Slug) -> Option<f64> {
        self.scores.get(metric.as_str()).copied().flatten()
    }

    /// The anchor other content links to.
    pub fn anchor(&self) -> String {
        format!("bench-{}", self.id)
    }
}

/// `benchmarks.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmarks {
    pub suites: Vec<Suite>,
    pub results: Vec<BenchmarkResult>,
}

impl Benchmarks {
    pub fn results_in<'a>(&'a self, suite: &'a Suite) -> impl Iterator<Item = &'a BenchmarkResult> {
        self.results.iter().filter(move |r| r.suite == suite.id)
    }
}
