//! The side-by-side comparison of picked families: one row per fact (marked where the values
//! differ), the benchmark lines measured the same way for every family, and the whole as a
//! Markdown table for pasting elsewhere.

use std::fmt::Write as _;

use super::licence_comparison;
use crate::content::{Benchmarks, Family};
use crate::format::{format_context, format_params};

fn or_not_disclosed(text: Option<String>) -> String {
    text.unwrap_or_else(|| "not disclosed".to_owned())
}

fn join_variants(
    family: &Family,
    each: impl Fn(&crate::content::Variant) -> Option<String>,
) -> String {
    let values: Vec<String> = family
        .variants
        .iter()
        .map(|v| or_not_disclosed(each(v)))
        .collect();
    let mut distinct = values.clone();
    distinct.dedup();
    if distinct.len() == 1 {
        distinct.remove(0)
    } else {
        values.join(" / ")
    }
}

/// One line of the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonRow {
    pub label: &'static str,
    pub values: Vec<String>,
    /// The values are not all the same: the view highlights the row.
    pub differs: bool,
}

/// The comparison of the given families, one row per fact.
pub fn comparison(families: &[&Family]) -> Vec<ComparisonRow> {
    type Cell = fn(&Family) -> String;
    // No benchmark here: each family's headline number is measured differently. Like-for-like
    // numbers come from `benchmark_comparison`.
    let rows: [(&'static str, Cell); 10] = [
        ("Developer", |f| or_not_disclosed(f.developer.value.clone())),
        ("Country", |f| or_not_disclosed(f.country.value.clone())),
        ("First weights", |f| {
            or_not_disclosed(f.first_weights_date.value.map(|d| d.to_string()))
        }),
        ("Sizes", |f| {
            join_variants(f, |v| v.params_b.value.map(format_params))
        }),
        ("Training tokens", |f| {
            join_variants(f, |v| v.training_tokens_b.value.map(format_params))
        }),
        ("Context length", |f| {
            join_variants(f, |v| v.context_length.value.map(format_context))
        }),
        ("Licence", |f| {
            join_variants(f, |v| v.licence.value.as_ref().map(|l| l.name.clone()))
        }),
        ("Licence class", |f| {
            join_variants(f, |v| {
                v.licence.value.as_ref().map(|l| l.class.label().to_owned())
            })
        }),
        ("Paper", |f| {
            or_not_disclosed(f.paper.value.as_ref().map(|p| format!("arXiv:{}", p.arxiv)))
        }),
        ("Languages", |f| {
            or_not_disclosed(f.languages.value.as_ref().map(|l| l.join(", ")))
        }),
    ];
    rows.iter()
        .map(|(label, cell)| {
            let values: Vec<String> = families.iter().map(|f| cell(f)).collect();
            let differs = values.iter().skip(1).any(|v| Some(v) != values.first());
            ComparisonRow {
                label,
                values,
                differs,
            }
        })
        .collect()
}

fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// One model's number in a benchmark comparison cell.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkCell {
    pub model: String,
    pub score: f64,
    /// The model's own developer measured it.
    pub developer_claim: bool,
    /// The row's anchor in the benchmarks section.
    pub anchor: String,
}

/// A benchmark line of the comparison: one suite's metric, with every compared family's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchmarkRow {
    pub suite: String,
    pub metric: String,
    /// Per family, in the order given: its models' numbers in this suite (never empty).
    pub cells: Vec<Vec<BenchmarkCell>>,
}

impl BenchmarkRow {
    pub fn label(&self) -> String {
        format!("{}: {}", self.suite, self.metric)
    }
}

/// The benchmark lines where every compared family has at least one number measured in the same
/// suite (same benchmark, setting and harness); measures only some of them have are left out, so
/// no line sets different measurements side by side.
pub fn benchmark_comparison(families: &[&Family], benchmarks: &Benchmarks) -> Vec<BenchmarkRow> {
    let mut rows = Vec::new();
    for suite in &benchmarks.suites {
        for metric in &suite.metrics {
            let cells: Vec<Vec<BenchmarkCell>> = families
                .iter()
                .map(|family| {
                    benchmarks
                        .results_in(suite)
                        .filter(|r| r.family == family.id)
                        .filter_map(|r| {
                            Some(BenchmarkCell {
                                model: r.model.clone(),
                                score: r.score(&metric.id)?,
                                developer_claim: r.developer_claim,
                                anchor: r.anchor(),
                            })
                        })
                        .collect()
                })
                .collect();
            if cells.iter().all(|cell| !cell.is_empty()) {
                rows.push(BenchmarkRow {
                    suite: suite.name.clone(),
                    metric: metric.label.clone(),
                    cells,
                });
            }
        }
    }
    rows
}

/// A cell's numbers as text: "Llama-2-70b 67.87; Llama-2-13b 54.8 (own claim)".
pub fn benchmark_cell_text(cell: &[BenchmarkCell]) -> String {
    cell.iter()
        .map(|c| {
            let claim = if c.developer_claim {
                " (own claim)"
            } else {
                ""
            };
            format!("{} {}{claim}", c.model, c.score)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The comparison as a GitHub-flavoured Markdown table, for pasting elsewhere: the facts, the
/// licence clauses, then the benchmark lines, as on the page.
pub fn comparison_markdown(
    families: &[&Family],
    benchmarks: &Benchmarks,
    licences: &crate::content::Licences,
) -> String {
    let mut out = String::from("| |");
    for family in families {
        let _ = write!(out, " {} |", markdown_cell(&family.name));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(families.len()));
    out.push('\n');
    for row in comparison(families)
        .into_iter()
        .chain(licence_comparison(families, licences))
    {
        let _ = write!(out, "| {} |", row.label);
        for value in &row.values {
            let _ = write!(out, " {} |", markdown_cell(value));
        }
        out.push('\n');
    }
    for row in benchmark_comparison(families, benchmarks) {
        let _ = write!(out, "| {} |", markdown_cell(&row.label()));
        for cell in &row.cells {
            let _ = write!(out, " {} |", markdown_cell(&benchmark_cell_text(cell)));
        }
        out.push('\n');
    }
    out
}
