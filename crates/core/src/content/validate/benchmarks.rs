//! `benchmarks.json`: suites, results and the links notes make to them resolve.

use crate::content::errors::Errors;
use crate::content::files::{BENCHMARKS_FILE, MODELS_FILE, NOTES_FILE};
use crate::content::Bundle;

/// Benchmark suites and rows: each row in a known suite with exactly its metrics, numbers that
/// are percentages, a source wherever there is a number, and variants that exist. Editor notes
/// may link to rows (`#bench-<id>`); those links must resolve.
pub(super) fn validate_benchmarks(errors: &mut Errors, bundle: &Bundle) {
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
