//! What came after the article: each family's later releases (`followups.json`), their dates,
//! openness and sizes, and how far each family's list is complete. Same strictness as the rest of
//! the content: unknown fields are errors, every value is sourced.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{
    Date, FamilyCoverage, HubRepo, InclusionRule, Licence, LicenceClass, Slug, Sourced, YearMonth,
};

/// A release day, or only its month when no primary source gives the day (shown as such).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ReleaseDate {
    Day(Date),
    Month(YearMonth),
}

impl FromStr for ReleaseDate {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let parsed = match text.len() {
            7 => text.parse().map(ReleaseDate::Month),
            _ => text.parse().map(ReleaseDate::Day),
        };
        parsed.map_err(|_| format!("expected a day YYYY-MM-DD or a month YYYY-MM, got {text:?}"))
    }
}

impl TryFrom<String> for ReleaseDate {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<ReleaseDate> for String {
    fn from(date: ReleaseDate) -> String {
        date.to_string()
    }
}

impl fmt::Display for ReleaseDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseDate::Day(day) => day.fmt(f),
            ReleaseDate::Month(month) => month.fmt(f),
        }
    }
}

impl ReleaseDate {
    /// "23 July 2024", or "May 2024 (month only)".
    pub fn human(&self) -> String {
        match self {
            ReleaseDate::Day(day) => day.human(),
            ReleaseDate::Month(month) => format!("{} (month only)", month.human()),
        }
    }

    /// For ordering and plotting: a month-only date counts as the 15th.
    pub fn sort_key(&self) -> (u16, u8, u8) {
        match *self {
            ReleaseDate::Day(Date { year, month, day }) => (year, month, day),
            ReleaseDate::Month(YearMonth { year, month }) => (year, month, 15),
        }
    }

    /// A fractional year for a time axis.
    pub fn as_fractional_year(&self) -> f64 {
        let (year, month, day) = self.sort_key();
        f64::from(year) + (f64::from(month) - 1.0 + (f64::from(day) - 0.5) / 31.0) / 12.0
    }
}

/// Whether outside parties can download the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    OpenWeights,
    ApiOnly,
}

/// A new model, or new terms for models already out (Yi's move to Apache 2.0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupKind {
    Release,
    LicenceChange,
}

/// One size in a release: total parameters, and the active ones for a mixture of experts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSize {
    pub label: String,
    pub total_b: Option<f64>,
    pub active_b: Option<f64>,
}

/// One release by a family's developer after the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    pub id: Slug,
    /// The article family (models.json id) whose developer made it.
    pub family: Slug,
    pub name: String,
    pub kind: FollowupKind,
    /// The day the weights became public (for API-only releases, the launch day).
    pub date: Sourced<ReleaseDate>,
    /// Where primary sources disagree on the date, or why only the month is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    pub access: Sourced<Access>,
    pub sizes: Sourced<Vec<ModelSize>>,
    /// The weights' licence; absent for API-only releases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Sourced<Licence>>,
    /// Tokens; absent for a licence change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_length: Option<Sourced<u64>>,
    /// Dated after its family's `checked_to`: known from a primary source, but the list is not
    /// complete that far, so it is shown as found later and left out of every count.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub past_checked_to: bool,
    /// Hub repositories with the weights, for `make watch`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hf_repos: Vec<HubRepo>,
}

/// How open a release is, in the three kinds the timeline draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Openness {
    /// Open weights under an OSI-style licence.
    Permissive,
    /// Open weights under a licence with conditions (commercial caps, non-commercial, AUP).
    Restricted,
    ApiOnly,
    /// The developer announced it but no primary source says whether the weights can be had.
    Unverified,
}

impl Openness {
    pub const ALL: [Openness; 4] = [
        Openness::Permissive,
        Openness::Restricted,
        Openness::ApiOnly,
        Openness::Unverified,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Openness::Permissive => "Open weights, permissive licence",
            Openness::Restricted => "Open weights, restricted licence",
            Openness::ApiOnly => "API only",
            Openness::Unverified => "Access not verified",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Openness::Permissive => "permissive",
            Openness::Restricted => "restricted",
            Openness::ApiOnly => "api-only",
            Openness::Unverified => "unverified",
        }
    }
}

impl Followup {
    /// Inside its family's completeness promise: counted in the watch's numbers.
    pub fn is_covered(&self) -> bool {
        !self.past_checked_to
    }

    pub fn openness(&self) -> Openness {
        let class = self
            .licence
            .as_ref()
            .and_then(|licence| licence.value.as_ref())
            .map(|licence| licence.class);
        match (self.access.value, class) {
            (None, _) => Openness::Unverified,
            (Some(Access::ApiOnly), _) => Openness::ApiOnly,
            (_, Some(LicenceClass::Permissive)) => Openness::Permissive,
            _ => Openness::Restricted,
        }
    }

    /// "8B, 70B" or "141B (39B active)"; `None` when the developer gives no size.
    pub fn sizes_text(&self) -> Option<String> {
        let sizes = self.sizes.value.as_ref()?;
        let parts: Vec<String> = sizes
            .iter()
            .map(|size| match (size.total_b, size.active_b) {
                (Some(total), Some(active)) => {
                    format!("{} ({} active)", billions(total), billions(active))
                }
                (Some(total), None) => billions(total),
                (None, _) => size.label.clone(),
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

fn billions(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}B")
    } else {
        format!("{value}B")
    }
}

/// `followups.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followups {
    /// The day up to which every family's list is complete: the earliest `checked_to`.
    pub as_of: Date,
    /// Which releases are listed, the same way for every family.
    pub rule: InclusionRule,
    /// Per family, the channels read and how far its list is complete.
    pub coverage: Vec<FamilyCoverage>,
    pub releases: Vec<Followup>,
}

impl Followups {
    /// A family's releases, newest first (undated ones last).
    pub fn for_family<'a>(&'a self, family: &Slug) -> Vec<&'a Followup> {
        let mut releases: Vec<&Followup> = self
            .releases
            .iter()
            .filter(|r| &r.family == family)
            .collect();
        releases.sort_by(|a, b| {
            let key = |r: &Followup| r.date.value.map(|d| d.sort_key());
            match (key(a), key(b)) {
                (Some(a), Some(b)) => b.cmp(&a),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        releases
    }
}
