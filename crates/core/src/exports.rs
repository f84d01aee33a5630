//! Downloads a reader can reuse and cite: every value with its status and source URL, as CSV
//! and JSON. The cards' buttons export the current view; the build writes the whole of each
//! dataset into `data/` beside the page, so the links work without JavaScript.

use std::fmt::Write as _;

use crate::content::{Bundle, Family, Followup, Licences, Source, Sourced, Status, Suite};
use crate::terms::clause_rows;

/// One CSV field, quoted when it must be.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn csv_line(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// A sourced value as three cells: the value, its status, its source URL.
fn sourced_cells<T>(sourced: &Sourced<T>, show: impl Fn(&T) -> String) -> [String; 3] {
    [
        sourced.value.as_ref().map(show).unwrap_or_default(),
        status_key(sourced.status).to_owned(),
        sourced.source.url.to_string(),
    ]
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Disclosed => "disclosed",
        Status::Estimated => "estimated",
        Status::Derived => "derived",
        Status::NotDisclosed => "not_disclosed",
    }
}

/// `name`, `name_status`, `name_source` header cells.
fn sourced_header(out: &mut Vec<String>, names: &[&str]) {
    for name in names {
        out.push((*name).to_owned());
        out.push(format!("{name}_status"));
        out.push(format!("{name}_source"));
    }
}

/// One row per variant of the given families; each value with its status and source URL.
pub fn models_csv(families: &[&Family]) -> String {
    let mut header = vec!["family".to_owned(), "variant".to_owned()];
    sourced_header(
        &mut header,
        &[
            "developer",
            "country",
            "weights_date",
            "params_b",
            "training_tokens_b",
            "context_length",
            "licence",
        ],
    );
    header.extend(["licence_class", "licence_terms", "hugging_face"].map(str::to_owned));
    let mut out = String::new();
    csv_line(&mut out, &header);
    for family in families {
        for v in &family.variants {
            let mut cells = vec![family.name.clone(), v.name.clone()];
            cells.extend(sourced_cells(&family.developer, Clone::clone));
            cells.extend(sourced_cells(&family.country, Clone::clone));
            cells.extend(sourced_cells(&v.weights_date, ToString::to_string));
            cells.extend(sourced_cells(&v.params_b, ToString::to_string));
            cells.extend(sourced_cells(&v.training_tokens_b, ToString::to_string));
            cells.extend(sourced_cells(&v.context_length, ToString::to_string));
            cells.extend(sourced_cells(&v.licence, |l| l.name.clone()));
            let licence = v.licence.value.as_ref();
            cells.push(
                licence
                    .map(|l| l.class.key().to_owned())
                    .unwrap_or_default(),
            );
            cells.push(licence.map(|l| l.terms.to_string()).unwrap_or_default());
            cells.push(format!("https://huggingface.co/{}", v.hf_repo));
            csv_line(&mut out, &cells);
        }
    }
    out
}

/// The given families as JSON, with every value's source and status, as in `models.json`.
pub fn models_json(families: &[&Family]) -> String {
    serde_json::to_string_pretty(families).unwrap_or_else(|_| "[]".to_owned())
}

/// The later releases (the timeline's table), one row each, every value sourced.
pub fn releases_csv(bundle: &Bundle) -> String {
    let mut header = vec!["family".to_owned(), "release".to_owned(), "kind".to_owned()];
    sourced_header(
        &mut header,
        &["date", "access", "sizes", "licence", "context_length"],
    );
    header.extend(["licence_terms", "openness", "counted"].map(str::to_owned));
    let mut out = String::new();
    csv_line(&mut out, &header);
    for release in &bundle.followups.releases {
        let family = bundle
            .models
            .family(&release.family)
            .map_or_else(|| release.family.to_string(), |f| f.name.clone());
        let mut cells = vec![family, release.name.clone(), kind_key(release).to_owned()];
        cells.extend(sourced_cells(&release.date, ToString::to_string));
        cells.extend(sourced_cells(&release.access, |a| {
            match a {
                crate::content::Access::OpenWeights => "open_weights",
                crate::content::Access::ApiOnly => "api_only",
            }
            .to_owned()
        }));
        cells.extend(sourced_cells(&release.sizes, |sizes| {
            sizes
                .iter()
                .map(|s| s.label.clone())
                .collect::<Vec<_>>()
                .join("; ")
        }));
        match &release.licence {
            Some(licence) => cells.extend(sourced_cells(licence, |l| l.name.clone())),
            None => cells.extend([String::new(), String::new(), String::new()]),
        }
        match &release.context_length {
            Some(context) => cells.extend(sourced_cells(context, ToString::to_string)),
            None => cells.extend([String::new(), String::new(), String::new()]),
        }
        let terms = release.licence.as_ref().and_then(|l| l.value.as_ref());
        cells.push(terms.map(|l| l.terms.to_string()).unwrap_or_default());
        cells.push(release.openness().label().to_owned());
        cells.push(
            if release.is_covered() {
                "yes"
            } else {
                "no: found after its family's complete-to date"
            }
            .to_owned(),
        );
        csv_line(&mut out, &cells);
    }
    out
}

fn kind_key(release: &Followup) -> &'static str {
    match release.kind {
        crate::content::FollowupKind::Release => "release",
        crate::content::FollowupKind::LicenceChange => "licence_change",
    }
}

/// The later releases as JSON, with the as-of date the list is complete to.
pub fn releases_json(bundle: &Bundle) -> String {
    let value = serde_json::json!({
        "as_of": bundle.followups.as_of,
        "releases": bundle.followups.releases,
    });
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned())
}

/// One benchmark table: a row per model, a column per metric, then the note and its source.
pub fn benchmark_csv(bundle: &Bundle, suite: &Suite) -> String {
    let mut header = vec!["model".to_owned(), "family".to_owned()];
    header.extend(suite.metrics.iter().map(|m| m.label.clone()));
    header.extend(["own_claim", "note", "source", "suite_source"].map(str::to_owned));
    let mut out = String::new();
    csv_line(&mut out, &header);
    for result in bundle.benchmarks.results_in(suite) {
        let mut cells = vec![result.model.clone(), result.family.to_string()];
        cells.extend(suite.metrics.iter().map(|m| {
            result
                .score(&m.id)
                .map(|s| s.to_string())
                .unwrap_or_default()
        }));
        cells.push(if result.developer_claim { "yes" } else { "no" }.to_owned());
        cells.push(result.note.clone().unwrap_or_default());
        cells.push(source_url(result.source.as_ref()));
        cells.push(suite.source.url.to_string());
        csv_line(&mut out, &cells);
    }
    out
}

fn source_url(source: Option<&Source>) -> String {
    source.map(|s| s.url.to_string()).unwrap_or_default()
}

/// One benchmark table as JSON: the suite (setting, harness, source) and its rows.
pub fn benchmark_json(bundle: &Bundle, suite: &Suite) -> String {
    let rows: Vec<_> = bundle.benchmarks.results_in(suite).collect();
    let value = serde_json::json!({ "suite": suite, "results": rows });
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned())
}

/// Every licence, a row per clause: term, plain words, status and the section's source.
pub fn licences_csv(licences: &Licences) -> String {
    let mut out = String::new();
    csv_line(
        &mut out,
        &[
            "licence",
            "licence_id",
            "clause",
            "term",
            "plain",
            "status",
            "source",
            "section",
        ]
        .map(str::to_owned),
    );
    for licence in &licences.licences {
        for row in clause_rows(&licence.clauses) {
            let status = licence.clauses.get(row.kind).status;
            csv_line(
                &mut out,
                &[
                    licence.name.clone(),
                    licence.id.to_string(),
                    row.kind.key().to_owned(),
                    row.term.to_owned(),
                    row.plain,
                    status_key(status).to_owned(),
                    row.source.url.to_string(),
                    row.source.locator.unwrap_or_default(),
                ],
            );
        }
    }
    out
}

pub fn licences_json(licences: &Licences) -> String {
    serde_json::to_string_pretty(licences).unwrap_or_else(|_| "{}".to_owned())
}

/// A file of the `data/` folder: where it goes and what a link to it says.
#[derive(Debug, Clone, PartialEq)]
pub struct DataFile {
    /// Relative to the page: `data/models.csv`.
    pub path: String,
    /// "Model facts", "Benchmark: Open LLM Leaderboard v1".
    pub title: String,
    pub text: String,
}

/// A dataset of the `data/` folder, each written as `{stem}.csv` and `{stem}.json`.
#[derive(Debug, Clone, PartialEq)]
pub struct DataLink {
    /// Relative to the page: `data/models`.
    pub stem: String,
    pub title: String,
    set: DataSet,
}

#[derive(Debug, Clone, PartialEq)]
enum DataSet {
    Models,
    ReleasesSince,
    Licences,
    /// A suite's index in `benchmarks.suites`.
    Benchmark(usize),
}

/// The datasets of the `data/` folder, in the order the page lists them (no file text built).
pub fn data_links(bundle: &Bundle) -> Vec<DataLink> {
    let mut links = vec![
        DataLink {
            stem: "data/models".to_owned(),
            title: "Model facts, per variant".to_owned(),
            set: DataSet::Models,
        },
        DataLink {
            stem: "data/releases-since".to_owned(),
            title: "Releases since the article (the timeline's table)".to_owned(),
            set: DataSet::ReleasesSince,
        },
        DataLink {
            stem: "data/licences".to_owned(),
            title: "Licence terms, clause by clause".to_owned(),
            set: DataSet::Licences,
        },
    ];
    for (at, suite) in bundle.benchmarks.suites.iter().enumerate() {
        links.push(DataLink {
            stem: benchmark_stem(suite),
            title: format!("Benchmark table: {}", suite.name),
            set: DataSet::Benchmark(at),
        });
    }
    links
}

/// The folder of whole datasets the build writes beside the page, each in CSV and JSON.
pub fn data_files(bundle: &Bundle) -> Vec<DataFile> {
    let families: Vec<&Family> = bundle.models.families.iter().collect();
    let mut files = Vec::new();
    for link in data_links(bundle) {
        let (csv, json) = match link.set {
            DataSet::Models => (models_csv(&families), models_json(&families)),
            DataSet::ReleasesSince => (releases_csv(bundle), releases_json(bundle)),
            DataSet::Licences => (
                licences_csv(&bundle.licences),
                licences_json(&bundle.licences),
            ),
            DataSet::Benchmark(at) => match bundle.benchmarks.suites.get(at) {
                Some(suite) => (benchmark_csv(bundle, suite), benchmark_json(bundle, suite)),
                None => continue,
            },
        };
        files.push(DataFile {
            path: format!("{}.csv", link.stem),
            title: link.title.clone(),
            text: csv,
        });
        files.push(DataFile {
            path: format!("{}.json", link.stem),
            title: link.title,
            text: json,
        });
    }
    files
}

/// The link stem of a suite's table in `data/`.
pub fn benchmark_stem(suite: &Suite) -> String {
    format!("data/benchmarks-{}", suite.id)
}

/// How to cite the page: title, the day its watch is complete to, and its address.
pub fn citation(bundle: &Bundle, url: Option<&str>) -> String {
    let mut text = format!(
        "“{}”, llm-watch edition, watch complete to {}",
        bundle.article.title,
        bundle.followups.as_of.human()
    );
    match url {
        Some(url) => {
            let _ = write!(text, ". {url}");
        }
        None => text.push_str(". (The address of this page.)"),
    }
    text
}

#[cfg(test)]
mod tests;
