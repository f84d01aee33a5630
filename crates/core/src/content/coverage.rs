//! How far the watch can be trusted: the rule that decides which releases are listed, and per
//! family the channels that were read and the day up to which its list is complete. The watch's
//! as-of date is the earliest of those days, never the day somebody looked.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::errors::Errors;
use super::files::{FOLLOWUPS_FILE, MODELS_FILE};
use super::{Bundle, ContentError, Date, Followups, HttpsUrl, Slug};

/// Which releases the watch lists, the same way for every family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionRule {
    /// What counts as a release.
    pub admits: String,
    /// What is left out, for all families alike.
    pub left_out: String,
}

/// One of a developer's own release channels (model catalogue, changelog, repository, newsroom)
/// and how far the copy that was read reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRead {
    pub title: String,
    pub url: HttpsUrl,
    /// The newest day the copy that was read covers (its last entry or commit).
    pub read_to: Date,
    /// What the channel lists and how it was read.
    pub what: String,
}

/// One family's completeness promise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyCoverage {
    /// A models.json family id.
    pub family: Slug,
    /// The day up to which this family's list follows the rule completely.
    pub checked_to: Date,
    /// The day the channels were read.
    pub checked_on: Date,
    pub channels: Vec<ChannelRead>,
    /// The developer's Hugging Face organisations, which `make watch` lists for new repos.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hf_orgs: Vec<String>,
    /// Anything a reader should know about this family's list (found late, not read…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Followups {
    /// The family's completeness promise, if the content gives one (validation requires it).
    pub fn coverage_of(&self, family: &Slug) -> Option<&FamilyCoverage> {
        self.coverage.iter().find(|c| &c.family == family)
    }

    /// The family whose list is complete to the earliest day: that day is the watch's as-of date.
    pub fn least_covered(&self) -> Option<&FamilyCoverage> {
        self.coverage.iter().min_by_key(|c| c.checked_to)
    }

    /// The latest day any family's list reaches (where the timeline's axis ends).
    pub fn furthest_checked_to(&self) -> Date {
        self.coverage
            .iter()
            .map(|c| c.checked_to)
            .max()
            .unwrap_or(self.as_of)
    }
}

/// The rule is written, every family has exactly one promise, no list is complete past the day
/// its channels were read or past what they reach, and the as-of date is the earliest promise.
pub(super) fn validate(errors: &mut Errors, bundle: &Bundle) {
    let file = FOLLOWUPS_FILE;
    let followups = &bundle.followups;
    let article_date = bundle.article.date;
    errors.text(file, "rule.admits", &followups.rule.admits);
    errors.text(file, "rule.left_out", &followups.rule.left_out);
    let mut seen = HashSet::new();
    for (c, coverage) in followups.coverage.iter().enumerate() {
        let at = format!("coverage[{c}]");
        if !bundle
            .models
            .families
            .iter()
            .any(|f| f.id == coverage.family)
        {
            errors.push(
                file,
                format!("{at}.family"),
                format!(
                    "{:?} is not a family id in {MODELS_FILE}",
                    coverage.family.as_str()
                ),
            );
        } else if !seen.insert(&coverage.family) {
            errors.push(
                file,
                format!("{at}.family"),
                format!(
                    "{:?} already has a coverage entry",
                    coverage.family.as_str()
                ),
            );
        }
        if coverage.checked_to < article_date {
            errors.push(
                file,
                format!("{at}.checked_to"),
                format!(
                    "{} is before the article's date {article_date}",
                    coverage.checked_to
                ),
            );
        }
        if coverage.checked_to > coverage.checked_on {
            errors.push(
                file,
                format!("{at}.checked_to"),
                format!(
                    "{} is after checked_on {}: a list cannot be complete past the day its sources were read",
                    coverage.checked_to, coverage.checked_on
                ),
            );
        }
        if coverage.channels.is_empty() {
            errors.push(
                file,
                format!("{at}.channels"),
                "name at least one channel that was read",
            );
        }
        for (r, channel) in coverage.channels.iter().enumerate() {
            errors.text(file, format!("{at}.channels[{r}].title"), &channel.title);
            errors.text(file, format!("{at}.channels[{r}].what"), &channel.what);
            if channel.read_to > coverage.checked_on {
                errors.push(
                    file,
                    format!("{at}.channels[{r}].read_to"),
                    format!(
                        "{} is after checked_on {}",
                        channel.read_to, coverage.checked_on
                    ),
                );
            }
        }
        if let Some(furthest) = coverage.channels.iter().map(|r| r.read_to).max() {
            if coverage.checked_to > furthest {
                errors.push(
                    file,
                    format!("{at}.checked_to"),
                    format!("{} is after every channel's read_to (the furthest is {furthest}): no source read reaches that day", coverage.checked_to),
                );
            }
        }
        if let Some(note) = &coverage.note {
            errors.text(file, format!("{at}.note"), note);
        }
        for (o, org) in coverage.hf_orgs.iter().enumerate() {
            if !is_hub_name(org) {
                errors.push(
                    file,
                    format!("{at}.hf_orgs[{o}]"),
                    format!("{org:?} is not a Hugging Face organisation name (letters, digits, '-', '_', '.')"),
                );
            }
        }
    }
    for (i, release) in followups.releases.iter().enumerate() {
        for (h, hub) in release.hf_repos.iter().enumerate() {
            let at = format!("releases[{i}].hf_repos[{h}]");
            if !hub
                .repo
                .split_once('/')
                .is_some_and(|(owner, name)| is_hub_name(owner) && is_hub_name(name))
            {
                errors.push(
                    file,
                    format!("{at}.repo"),
                    format!("{:?} is not an owner/name Hub repository id", hub.repo),
                );
            }
            if let Some(gated) = &hub.gated {
                if !["no", "auto", "manual"].contains(&gated.as_str()) {
                    errors.push(
                        file,
                        format!("{at}.gated"),
                        format!("{gated:?} is not one of \"no\", \"auto\", \"manual\""),
                    );
                }
            }
        }
    }
    for (f, family) in bundle.models.families.iter().enumerate() {
        if followups.coverage_of(&family.id).is_none() {
            errors.push(
                file,
                "coverage",
                format!(
                    "families[{f}] {:?} of {MODELS_FILE} has no coverage entry (family, checked_to, checked_on, channels)",
                    family.id.as_str()
                ),
            );
        }
    }
    if let Some(least) = followups.least_covered() {
        let earliest = least.checked_to;
        let family = least.family.as_str();
        if followups.as_of > earliest {
            errors.push(
                file,
                "as_of",
                format!("{} is later than the earliest checked_to ({earliest}, {family:?}): the watch is complete only to {earliest}", followups.as_of),
            );
        } else if followups.as_of < earliest {
            errors.push(
                file,
                "as_of",
                format!("{} is earlier than the earliest checked_to ({earliest}, {family:?}); the as-of date is that day", followups.as_of),
            );
        }
    }
}

/// Dates that say when something was read or reviewed must not lie after `today` (the build's
/// clock; the browser never runs this, a reader's clock is no authority).
pub fn validate_not_after(bundle: &Bundle, today: Date) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut check = |file: &str, path: String, date: Date| {
        if date > today {
            errors.push(ContentError::new(
                file,
                path,
                format!("{date} is in the future (today is {today})"),
            ));
        }
    };
    for (c, coverage) in bundle.followups.coverage.iter().enumerate() {
        check(
            FOLLOWUPS_FILE,
            format!("coverage[{c}].checked_on"),
            coverage.checked_on,
        );
        check(
            FOLLOWUPS_FILE,
            format!("coverage[{c}].checked_to"),
            coverage.checked_to,
        );
        for (r, channel) in coverage.channels.iter().enumerate() {
            check(
                FOLLOWUPS_FILE,
                format!("coverage[{c}].channels[{r}].read_to"),
                channel.read_to,
            );
        }
    }
    check(FOLLOWUPS_FILE, "as_of".to_owned(), bundle.followups.as_of);
    for (n, note) in bundle.notes.notes.iter().enumerate() {
        check(
            super::files::NOTES_FILE,
            format!("notes[{n}].revised"),
            note.revised,
        );
    }
    check(
        super::files::NOTES_FILE,
        "reviewed".to_owned(),
        bundle.notes.reviewed,
    );
    check(
        super::files::RELEASES_META_FILE,
        "reviewed".to_owned(),
        bundle.releases.meta.reviewed,
    );
    errors
}

/// A Hub owner or repository name: what the Hub accepts in `owner/name`.
fn is_hub_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 96
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !name.starts_with(['-', '.'])
}

/// A Hugging Face repository that carries a release's weights, with what the author recorded of
/// it (the refresh tool reports when the Hub says otherwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HubRepo {
    /// `owner/name`.
    pub repo: String,
    /// The Hub's `license:` tag when recorded, e.g. `apache-2.0` or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_tag: Option<String>,
    /// The Hub's gating when recorded: `no`, `auto` or `manual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gated: Option<String>,
}
