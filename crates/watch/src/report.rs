//! What a refresh found, computed from the content and the Hub's answers without any I/O: per
//! family the new repositories (grouped by the release they likely belong to), changes on the
//! repositories the content lists, the pages to read again by hand, and what could not be checked.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use llm_watch_core::content::{Bundle, FamilyCoverage, Followup};
use serde_json::{json, Value};

use crate::hub::{HubError, HubModel, RepoLookup};

/// What the Hub said for one family.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyAnswers {
    pub family: String,
    /// Per watched organisation: its repositories created after `checked_to`, or why not read.
    pub orgs: Vec<(String, Result<Vec<HubModel>, HubError>)>,
    /// Per repository the content lists: what the Hub says of it.
    pub repos: Vec<(String, Result<RepoLookup, HubError>)>,
}

/// A change on a repository the content lists.
#[derive(Debug, Clone, PartialEq)]
pub enum RepoChange {
    Gone {
        repo: String,
        release: String,
    },
    Licence {
        repo: String,
        recorded: String,
        now: String,
    },
    Gating {
        repo: String,
        recorded: String,
        now: String,
    },
    /// Nothing recorded yet: what to record.
    Unrecorded {
        repo: String,
        licence_tag: Option<String>,
        gated: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct FamilyReport {
    pub family: String,
    pub checked_to: String,
    /// New repositories by likely release (the group key), oldest group first.
    pub candidates: BTreeMap<String, Vec<HubModel>>,
    pub changes: Vec<RepoChange>,
    /// Lines saying what could not be read and why.
    pub failures: Vec<String>,
}

/// The whole run's verdict, which is also the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    NothingNew = 0,
    Found = 1,
    CouldNotCheck = 2,
}

/// The release a repository likely belongs to: its name without sizes, variant and format
/// words (`Llama-4-Scout-17B-16E-Instruct-FP8` and `Llama-4-Scout-17B-16E` are one release).
pub fn release_key(repo: &str) -> String {
    const VARIANT: [&str; 14] = [
        "instruct", "base", "chat", "it", "hf", "gguf", "awq", "gptq", "fp8", "bf16", "mlx",
        "4bit", "8bit", "original",
    ];
    let name = repo.rsplit('/').next().unwrap_or(repo);
    let kept: Vec<String> = name
        .split(['-', '_'])
        .filter(|word| {
            let lower = word.to_ascii_lowercase();
            let size = lower.strip_suffix(['b', 'm']).is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
            });
            let experts = lower
                .strip_suffix('e')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            !(size || experts || VARIANT.contains(&lower.as_str()))
        })
        .map(str::to_owned)
        .collect();
    if kept.is_empty() {
        name.to_owned()
    } else {
        kept.join("-")
    }
}

/// Every Hub repository the content lists, with the release that lists it.
pub fn listed_repos(bundle: &Bundle, family: &str) -> Vec<(String, Followup)> {
    bundle
        .followups
        .releases
        .iter()
        .filter(|r| r.family.as_str() == family)
        .flat_map(|r| r.hf_repos.iter().map(move |h| (h.repo.clone(), r.clone())))
        .collect()
}

pub fn family_report(
    bundle: &Bundle,
    coverage: &FamilyCoverage,
    answers: &FamilyAnswers,
) -> FamilyReport {
    let family = coverage.family.as_str();
    let listed = listed_repos(bundle, family);
    let is_listed = |id: &str| listed.iter().any(|(repo, _)| repo.eq_ignore_ascii_case(id));
    let mut candidates: BTreeMap<String, Vec<HubModel>> = BTreeMap::new();
    let mut failures = Vec::new();
    for (org, answer) in &answers.orgs {
        match answer {
            Ok(models) => {
                for model in models.iter().filter(|m| !is_listed(&m.id)) {
                    candidates
                        .entry(release_key(&model.id))
                        .or_default()
                        .push(model.clone());
                }
            }
            Err(error) => failures.push(format!("organisation {org}: {error}")),
        }
    }
    for group in candidates.values_mut() {
        group.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    }
    let mut changes = Vec::new();
    for (repo, answer) in &answers.repos {
        let recorded = bundle
            .followups
            .releases
            .iter()
            .flat_map(|r| r.hf_repos.iter().map(move |h| (h, r)))
            .find(|(h, _)| &h.repo == repo);
        let Some((hub_repo, release)) = recorded else {
            continue;
        };
        match answer {
            Ok(RepoLookup::NotFound) => changes.push(RepoChange::Gone {
                repo: repo.clone(),
                release: release.id.to_string(),
            }),
            Ok(RepoLookup::Found(model)) => {
                let now_licence = model.licence_tag().map(str::to_owned);
                let now_gated = model.gating().map(str::to_owned);
                if hub_repo.licence_tag.is_none() && hub_repo.gated.is_none() {
                    changes.push(RepoChange::Unrecorded {
                        repo: repo.clone(),
                        licence_tag: now_licence,
                        gated: now_gated,
                    });
                    continue;
                }
                if let (Some(recorded), Some(now)) = (&hub_repo.licence_tag, &now_licence) {
                    if recorded != now {
                        changes.push(RepoChange::Licence {
                            repo: repo.clone(),
                            recorded: recorded.clone(),
                            now: now.clone(),
                        });
                    }
                }
                if let (Some(recorded), Some(now)) = (&hub_repo.gated, &now_gated) {
                    if recorded != now {
                        changes.push(RepoChange::Gating {
                            repo: repo.clone(),
                            recorded: recorded.clone(),
                            now: now.clone(),
                        });
                    }
                }
            }
            Err(error) => failures.push(format!("repository {repo}: {error}")),
        }
    }
    FamilyReport {
        family: family.to_owned(),
        checked_to: coverage.checked_to.to_string(),
        candidates,
        changes,
        failures,
    }
}

/// The run's verdict: "could not check" whenever anything could not be read, so a failed look is
/// never reported as "nothing new".
pub fn outcome(reports: &[FamilyReport]) -> Outcome {
    if reports.iter().any(|r| !r.failures.is_empty()) {
        Outcome::CouldNotCheck
    } else if reports.iter().any(|r| {
        !r.candidates.is_empty()
            || r.changes
                .iter()
                .any(|c| !matches!(c, RepoChange::Unrecorded { .. }))
    }) {
        Outcome::Found
    } else {
        Outcome::NothingNew
    }
}

/// The report as the author reads it in a terminal (and the weekly run attaches to its issue).
pub fn render(bundle: &Bundle, reports: &[FamilyReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let name = bundle
            .models
            .families
            .iter()
            .find(|f| f.id.as_str() == report.family)
            .map(|f| f.name.as_str())
            .unwrap_or(&report.family);
        let _ = writeln!(
            out,
            "\n== {name} (list complete to {}) ==",
            report.checked_to
        );
        if report.candidates.is_empty() {
            let _ = writeln!(out, "new on the Hub: none");
        } else {
            let count: usize = report.candidates.values().map(Vec::len).sum();
            let _ = writeln!(
                out,
                "new on the Hub: {count} repositories, {} likely releases",
                report.candidates.len()
            );
            for (key, models) in &report.candidates {
                let _ = writeln!(out, "  {key}:");
                for model in models {
                    let _ = writeln!(
                        out,
                        "    {}  created {}  licence {}  https://huggingface.co/{}",
                        model.id,
                        model.created_day().unwrap_or("?"),
                        model.licence_tag().unwrap_or("?"),
                        model.id
                    );
                }
            }
        }
        for change in &report.changes {
            let line = match change {
                RepoChange::Gone { repo, release } => {
                    format!("gone: {repo} (listed by {release}) no longer answers")
                }
                RepoChange::Licence {
                    repo,
                    recorded,
                    now,
                } => format!("licence tag changed: {repo}: {recorded} -> {now}"),
                RepoChange::Gating {
                    repo,
                    recorded,
                    now,
                } => format!("gating changed: {repo}: {recorded} -> {now}"),
                RepoChange::Unrecorded {
                    repo,
                    licence_tag,
                    gated,
                } => format!(
                    "not recorded yet: {repo}: record \"licence_tag\": {:?}, \"gated\": {:?}",
                    licence_tag.as_deref().unwrap_or("?"),
                    gated.as_deref().unwrap_or("?")
                ),
            };
            let _ = writeln!(out, "{line}");
        }
        for failure in &report.failures {
            let _ = writeln!(out, "COULD NOT CHECK {failure}");
        }
        if let Some(coverage) = bundle
            .followups
            .coverage
            .iter()
            .find(|c| c.family.as_str() == report.family)
        {
            let _ = writeln!(out, "read again by hand (no API):");
            for channel in &coverage.channels {
                let _ = writeln!(
                    out,
                    "  [ ] {}  {}  (last read to {})",
                    channel.title, channel.url, channel.read_to
                );
            }
        }
    }
    let verdict = match outcome(reports) {
        Outcome::NothingNew => "nothing new: every organisation and repository was read",
        Outcome::Found => {
            "candidates or changes found: see above; verify each in its primary source"
        }
        Outcome::CouldNotCheck => {
            "could not check everything: the lines marked COULD NOT CHECK were not read"
        }
    };
    let _ = writeln!(out, "\n{verdict}");
    out
}

/// Candidate release rows in followups.json's own shape, every value `estimated` with the Hub page
/// as its source, for the author to verify and move in by hand.
pub fn drafts(reports: &[FamilyReport]) -> Value {
    let mut rows = Vec::new();
    for report in reports {
        for (key, models) in &report.candidates {
            let Some(first) = models.first() else {
                continue;
            };
            let page = format!("https://huggingface.co/{}", first.id);
            let source = |locator: String| json!({ "title": format!("Hugging Face Hub: {}", first.id), "url": page, "locator": locator });
            let sizes: Vec<Value> = models
                .iter()
                .filter_map(|m| {
                    let total = m.safetensors.as_ref()?.total? as f64 / 1e9;
                    let rounded = (total * 10.0).round() / 10.0;
                    Some(json!({ "label": format!("{rounded}B"), "total_b": rounded, "active_b": null }))
                })
                .collect();
            let licence_tag = first.licence_tag().unwrap_or("unknown");
            let class = match licence_tag {
                "apache-2.0" | "mit" | "bsd-3-clause" => "permissive",
                tag if tag.starts_with("cc-by-nc") => "non-commercial",
                _ => "restricted-commercial",
            };
            rows.push(json!({
                "id": slug(key),
                "family": report.family,
                "name": format!("{key} (draft from the Hub: verify)"),
                "kind": "release",
                "date": { "value": first.created_day(), "status": "estimated", "source": source("createdAt of the first repository; the announcement may differ".to_owned()) },
                "access": { "value": "open_weights", "status": "estimated", "source": source("repositories on the Hub".to_owned()) },
                "sizes": if sizes.is_empty() {
                    json!({ "value": null, "status": "not_disclosed", "source": source("no safetensors parameter count".to_owned()) })
                } else {
                    json!({ "value": sizes, "status": "estimated", "source": source("safetensors parameter totals, in billions".to_owned()) })
                },
                "licence": { "value": { "name": licence_tag, "class": class, "url": format!("{page}/blob/main/LICENSE"), "terms": slug(licence_tag) }, "status": "estimated", "source": source(format!("the Hub's license tag {licence_tag:?}; read the licence itself")) },
                "context_length": { "value": null, "status": "not_disclosed", "source": source("not read: see the model card".to_owned()) },
                "hf_repos": models.iter().map(|m| json!({ "repo": m.id })).collect::<Vec<_>>(),
                "past_checked_to": true
            }));
        }
    }
    json!({ "drafts": rows, "note": "Candidates from the Hugging Face Hub. Every value is estimated: read each in its primary source, fix it, then move the row into content/followups.json. Its licence.terms must name an entry of content/licences.json: add one, clause by clause from the licence text, when it is new." })
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repositories_of_one_release_share_a_key() {
        assert_eq!(
            release_key("meta-llama/Llama-4-Scout-17B-16E-Instruct"),
            "Llama-4-Scout"
        );
        assert_eq!(
            release_key("meta-llama/Llama-4-Scout-17B-16E"),
            "Llama-4-Scout"
        );
        assert_eq!(
            release_key("mistralai/Voxtral-Mini-3B-2507"),
            "Voxtral-Mini-2507"
        );
        assert_eq!(
            release_key("tiiuae/Falcon-H1-34B-Instruct-GGUF"),
            "Falcon-H1"
        );
        assert_eq!(release_key("org/7B"), "7B");
    }

    #[test]
    fn slugs_are_ids_the_content_accepts() {
        assert_eq!(slug("Llama-4-Scout"), "llama-4-scout");
        assert_eq!(slug("Falcon H1 (x)"), "falcon-h1-x");
    }
}
