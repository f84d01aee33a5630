//! How the watch turned out, per family, derived from the data and never typed by hand: what the
//! developer released since the article, its latest open weights, where its licences went, and
//! how long ago its last open release was as of the day its list is complete.

use crate::content::{
    Access, Date, Family, FamilyCoverage, Followup, FollowupKind, Followups, LicenceClass,
    ReleaseDate,
};

/// Where a family's licences went since the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenceDirection {
    TowardsPermissive,
    TowardsRestricted,
    Unchanged,
    /// No open-weights release since the article to compare.
    NoOpenRelease,
}

impl LicenceDirection {
    /// A shift of more than this share of permissive licences counts as a direction.
    const THRESHOLD: f64 = 0.25;

    pub fn label(self) -> &'static str {
        match self {
            LicenceDirection::TowardsPermissive => "towards permissive licences",
            LicenceDirection::TowardsRestricted => "towards restricted licences",
            LicenceDirection::Unchanged => "about the same mix as at the article",
            LicenceDirection::NoOpenRelease => "no open-weights release to compare",
        }
    }
}

/// One licence and how many open releases since the article used it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenceUse {
    pub name: String,
    pub releases: usize,
}

/// A family's outcome. Counts cover releases (not licence changes) since the article.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyOutcome {
    /// New models (not licence changes) inside the family's list.
    pub releases: usize,
    pub open_weights: usize,
    pub api_only: usize,
    /// Relicensings since the article: the new licence and its day.
    pub licence_changes: Vec<(String, Option<ReleaseDate>)>,
    /// The newest open-weights release (by date; undated ones are not "latest").
    pub latest_open: Option<(String, ReleaseDate)>,
    /// Whole months from the latest open release to `checked_to`.
    pub months_since_open: Option<u32>,
    pub checked_to: Option<Date>,
    /// Share of the article's variants under a permissive licence, and of open releases since.
    pub permissive_at_article: f64,
    pub permissive_since: Option<f64>,
    pub direction: LicenceDirection,
    /// Licences of the open releases since, most used first.
    pub licences_since: Vec<LicenceUse>,
    /// Releases listed past `checked_to` (found later; not in the numbers above).
    pub found_later: usize,
}

impl FamilyOutcome {
    pub fn releases(&self) -> usize {
        self.releases
    }

    /// "31 releases from the article to 6 August 2026: 24 open weights, 7 API only." Releases
    /// whose access no source states are counted in the total only.
    pub fn releases_sentence(&self) -> String {
        let total = self.releases();
        let span = match self.checked_to {
            Some(to) => format!("from the article to {}", to.human()),
            None => "since the article".to_owned(),
        };
        if total == 0 {
            return format!("No releases {span}.");
        }
        let unverified = total - self.open_weights - self.api_only;
        let unverified = if unverified > 0 {
            format!(", {unverified} access not verified")
        } else {
            String::new()
        };
        format!(
            "{total} release{} {span}: {} open weights, {} API only{unverified}.",
            if total == 1 { "" } else { "s" },
            self.open_weights,
            self.api_only
        )
    }

    /// "Latest open weights: Leanstral 1.5, 30 June 2026 (1 month before the list's
    /// complete-to date)."
    pub fn latest_open_sentence(&self) -> String {
        match (&self.latest_open, self.months_since_open) {
            (Some((name, date)), Some(months)) => format!(
                "Latest open weights: {name}, {} ({} before the list's complete-to date).",
                date.human(),
                months_text(months)
            ),
            (Some((name, date)), None) => format!("Latest open weights: {name}, {}.", date.human()),
            (None, _) => match self.checked_to {
                Some(to) => format!(
                    "No open-weights release from the article to {}.",
                    to.human()
                ),
                None => "No open-weights release since the article.".to_owned(),
            },
        }
    }

    /// "Licences: towards permissive licences (permissive: 0% of the article's variants, 100% of
    /// 4 open releases since)."
    pub fn licence_sentence(&self) -> String {
        let at = percent(self.permissive_at_article);
        let relicensed: String = self
            .licence_changes
            .iter()
            .map(|(name, date)| match date {
                Some(date) => format!(" Relicensed to {name} on {}.", date.human()),
                None => format!(" Relicensed to {name}."),
            })
            .collect();
        match self.permissive_since {
            Some(since) => format!(
                "Licences: {} (permissive: {at} of the article's variants, {} of {} open releases since).{relicensed}",
                self.direction.label(),
                percent(since),
                self.open_weights
            ),
            None => format!("Licences: {}.{relicensed}", self.direction.label()),
        }
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn months_text(months: u32) -> String {
    match months {
        0 => "less than a month".to_owned(),
        1 => "1 month".to_owned(),
        n => format!("{n} months"),
    }
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
pub fn months_between(from: ReleaseDate, to: Date) -> u32 {
    let (year, month, day) = from.sort_key();
    let months = (i32::from(to.year) * 12 + i32::from(to.month))
        - (i32::from(year) * 12 + i32::from(month))
        - i32::from(to.day < day);
    u32::try_from(months).unwrap_or(0)
}

fn is_permissive(class: LicenceClass) -> bool {
    class == LicenceClass::Permissive
}

/// The outcome for `family` from the releases and its coverage.
pub fn family_outcome(family: &Family, followups: &Followups) -> FamilyOutcome {
    let all: Vec<&Followup> = followups.for_family(&family.id);
    let found_later = all.iter().filter(|r| !r.is_covered()).count();
    // Every number is as of the family's `checked_to`: releases found past it are not counted.
    let releases: Vec<&Followup> = all.into_iter().filter(|r| r.is_covered()).collect();
    let new_models = releases.iter().filter(|r| r.kind == FollowupKind::Release);
    let open: Vec<&&Followup> = new_models
        .clone()
        .filter(|r| r.access.value == Some(Access::OpenWeights))
        .collect();
    let api_only = new_models
        .filter(|r| r.access.value == Some(Access::ApiOnly))
        .count();
    let mut licence_changes: Vec<(String, Option<ReleaseDate>)> = releases
        .iter()
        .filter(|r| r.kind == FollowupKind::LicenceChange)
        .filter_map(|r| {
            let licence = r.licence.as_ref()?.value.as_ref()?;
            Some((licence.name.clone(), r.date.value))
        })
        .collect();
    licence_changes.reverse();
    // `for_family` is newest first.
    let latest_open = open
        .iter()
        .find_map(|r| r.date.value.map(|date| (r.name.clone(), date)));
    let coverage: Option<&FamilyCoverage> = followups.coverage_of(&family.id);
    let checked_to = coverage.map(|c| c.checked_to);
    let months_since_open = match (&latest_open, checked_to) {
        (Some((_, date)), Some(to)) => Some(months_between(*date, to)),
        _ => None,
    };

    let article_classes: Vec<LicenceClass> = family
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref().map(|l| l.class))
        .collect();
    let share = |classes: &[LicenceClass]| -> Option<f64> {
        (!classes.is_empty()).then(|| {
            classes.iter().filter(|c| is_permissive(**c)).count() as f64 / classes.len() as f64
        })
    };
    let since_classes: Vec<LicenceClass> = open
        .iter()
        .filter_map(|r| r.licence.as_ref()?.value.as_ref().map(|l| l.class))
        .collect();
    let permissive_at_article = share(&article_classes).unwrap_or(0.0);
    let permissive_since = share(&since_classes);
    let direction = match permissive_since {
        None => LicenceDirection::NoOpenRelease,
        Some(since) if since - permissive_at_article > LicenceDirection::THRESHOLD => {
            LicenceDirection::TowardsPermissive
        }
        Some(since) if permissive_at_article - since > LicenceDirection::THRESHOLD => {
            LicenceDirection::TowardsRestricted
        }
        Some(_) => LicenceDirection::Unchanged,
    };
    let mut licences_since: Vec<LicenceUse> = Vec::new();
    for release in &open {
        let Some(name) = release
            .licence
            .as_ref()
            .and_then(|l| l.value.as_ref())
            .map(|l| l.name.clone())
        else {
            continue;
        };
        match licences_since.iter_mut().find(|l| l.name == name) {
            Some(entry) => entry.releases += 1,
            None => licences_since.push(LicenceUse { name, releases: 1 }),
        }
    }
    licences_since.sort_by(|a, b| b.releases.cmp(&a.releases).then(a.name.cmp(&b.name)));

    FamilyOutcome {
        releases: releases
            .iter()
            .filter(|r| r.kind == FollowupKind::Release)
            .count(),
        open_weights: open.len(),
        api_only,
        licence_changes,
        latest_open,
        months_since_open,
        checked_to,
        permissive_at_article,
        permissive_since,
        direction,
        licences_since,
        found_later,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Page;

    fn shipped() -> Page {
        let bundle = crate::content::assemble_bundle(crate::content::SHIPPED).unwrap();
        Page::new(bundle)
    }

    #[test]
    fn months_are_whole_and_count_the_day() {
        let day = |s: &str| ReleaseDate::Day(s.parse().unwrap());
        assert_eq!(
            months_between(day("2026-06-30"), "2026-08-21".parse().unwrap()),
            1
        );
        assert_eq!(
            months_between(day("2026-06-20"), "2026-08-21".parse().unwrap()),
            2
        );
        assert_eq!(
            months_between(day("2026-08-21"), "2026-08-21".parse().unwrap()),
            0
        );
        assert_eq!(
            months_between(day("2026-09-01"), "2026-08-21".parse().unwrap()),
            0
        );
        let month = ReleaseDate::Month("2024-09".parse().unwrap());
        assert_eq!(months_between(month, "2024-11-14".parse().unwrap()), 1);
    }

    #[test]
    fn each_family_outcome_counts_its_own_releases() {
        let page = shipped();
        let followups = &page.bundle.followups;
        for family in &page.bundle.models.families {
            let outcome = family_outcome(family, followups);
            let mine: Vec<_> = followups
                .for_family(&family.id)
                .into_iter()
                .filter(|r| r.is_covered())
                .collect();
            let releases = mine
                .iter()
                .filter(|r| r.kind == FollowupKind::Release)
                .count();
            assert_eq!(outcome.releases(), releases, "{}", family.id);
            assert_eq!(
                outcome
                    .licences_since
                    .iter()
                    .map(|l| l.releases)
                    .sum::<usize>(),
                outcome.open_weights
            );
            if let Some((_, date)) = &outcome.latest_open {
                for release in mine.iter().filter(|r| {
                    r.access.value == Some(Access::OpenWeights) && r.kind == FollowupKind::Release
                }) {
                    if let Some(other) = release.date.value {
                        assert!(other.sort_key() <= date.sort_key());
                    }
                }
            }
        }
    }

    #[test]
    fn a_move_from_restricted_to_apache_reads_as_towards_permissive() {
        let page = shipped();
        let yi = page
            .bundle
            .models
            .families
            .iter()
            .find(|f| f.id.as_str() == "yi")
            .unwrap();
        let outcome = family_outcome(yi, &page.bundle.followups);
        // Yi's article-era licence was restricted; it moved to Apache 2.0 in May 2024.
        assert_eq!(outcome.permissive_at_article, 0.0);
        assert_eq!(outcome.direction, LicenceDirection::TowardsPermissive);
        let sentence = outcome.licence_sentence();
        assert!(
            sentence.starts_with(
                "Licences: towards permissive licences (permissive: 0% of the article's variants, "
            ),
            "{sentence}"
        );
        assert!(
            sentence.ends_with(" Relicensed to Apache License 2.0 on 30 May 2024."),
            "{sentence}"
        );
    }
}
