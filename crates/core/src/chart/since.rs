//! The chart's second series: what the article's five developers released per year from the
//! article's date on, taken from the watch. It is counted under the watch's rule, not the survey
//! list's, so it is drawn apart and never added to the main bars.

use crate::content::{Access, Date, Family, FollowupKind, Followups, ReleaseDate, Slug};

use super::{Frame, YearCount};

impl Frame {
    /// The second series: a few years, one frame for every width (CSS caps its size), with room
    /// under each bar for the year and a "partial" line.
    pub const SINCE: Frame = Frame {
        width: 360.0,
        height: 220.0,
        left: 36.0,
        right: 8.0,
        top: 22.0,
        bottom: 44.0,
    };
}

/// One year of the second series. `open` counts open-weights releases, `closed` API-only ones.
#[derive(Debug, Clone, PartialEq)]
pub struct SinceYear {
    pub count: YearCount,
    /// The year starts at the article's date, not on 1 January.
    pub from_article: Option<Date>,
    /// Families whose list ends before the year does, with the day it ends: their releases
    /// after that day are not counted yet.
    pub incomplete: Vec<(Slug, Date)>,
}

impl SinceYear {
    pub fn is_partial(&self) -> bool {
        self.from_article.is_some() || !self.incomplete.is_empty()
    }

    /// Why the year is partial: "from the article's date, 8 February 2024; lists complete only
    /// for Yi to 27 November 2024"; `None` for a complete year.
    pub fn partial_reason(&self, family_name: impl Fn(&Slug) -> String) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(date) = self.from_article {
            parts.push(format!("from the article's date, {}", date.human()));
        }
        if !self.incomplete.is_empty() {
            let ends: Vec<String> = self
                .incomplete
                .iter()
                .map(|(family, date)| format!("{} to {}", family_name(family), date.human()))
                .collect();
            parts.push(format!("lists complete only for {}", ends.join(", ")));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// "2026 (partial: …): 12 releases, 8 with open weights", for screen readers.
    pub fn summary(&self, family_name: impl Fn(&Slug) -> String) -> String {
        let total = self.count.total();
        let noun = if total == 1 { "release" } else { "releases" };
        let partial = self
            .partial_reason(family_name)
            .map(|why| format!(" (partial: {why})"))
            .unwrap_or_default();
        format!(
            "{}{partial}: {total} {noun}, {} with open weights",
            self.count.year, self.count.open
        )
    }
}

/// Per year from the article's year to the last year any family's list reaches: each family's
/// releases (not licence changes), counted up to its own `checked_to`.
pub fn since_article(
    families: &[Family],
    followups: &Followups,
    article_date: Date,
) -> Vec<SinceYear> {
    let last_year = followups.furthest_checked_to().year;
    (article_date.year..=last_year)
        .map(|year| {
            let in_year = followups.releases.iter().filter(|release| {
                release.kind == FollowupKind::Release
                    && release.is_covered()
                    && release
                        .date
                        .value
                        .is_some_and(|date| release_year(date) == year)
            });
            let open = in_year
                .clone()
                .filter(|r| r.access.value == Some(Access::OpenWeights))
                .count();
            let closed = in_year
                .filter(|r| r.access.value == Some(Access::ApiOnly))
                .count();
            let year_end = Date {
                year,
                month: 12,
                day: 31,
            };
            let incomplete = families
                .iter()
                .filter_map(|family| {
                    let to = followups.coverage_of(&family.id)?.checked_to;
                    (to < year_end).then(|| (family.id.clone(), to))
                })
                .collect();
            let starts_late =
                year == article_date.year && (article_date.month, article_date.day) != (1, 1);
            SinceYear {
                count: YearCount { year, open, closed },
                from_article: starts_late.then_some(article_date),
                incomplete,
            }
        })
        .collect()
}

fn release_year(date: ReleaseDate) -> u16 {
    date.sort_key().0
}

/// Where a day falls inside its year's column, from 0 (1 January) to 1 (31 December): the
/// article's mark on the main chart's axis.
pub fn fraction_of_year(date: Date) -> f64 {
    let fractional = ReleaseDate::Day(date).as_fractional_year();
    (fractional - fractional.floor()).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    #[test]
    fn every_dated_release_is_counted_once_in_its_year() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let years = since_article(
            &bundle.models.families,
            &bundle.followups,
            bundle.article.date,
        );
        let counted: usize = years.iter().map(|y| y.count.total()).sum();
        let dated = bundle
            .followups
            .releases
            .iter()
            .filter(|r| {
                r.kind == FollowupKind::Release
                    && r.is_covered()
                    && r.date.value.is_some()
                    && r.access.value.is_some()
            })
            .count();
        assert_eq!(counted, dated);
        let first = years.first().unwrap();
        assert_eq!(first.count.year, 2024);
        assert_eq!(first.from_article, Some(bundle.article.date));
        // The last year is partial: no family's list reaches its 31 December.
        assert!(years.last().unwrap().is_partial());
        assert_eq!(
            years.last().unwrap().count.year,
            bundle.followups.furthest_checked_to().year
        );
    }

    #[test]
    fn a_year_names_the_families_whose_lists_end_inside_it() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let years = since_article(
            &bundle.models.families,
            &bundle.followups,
            bundle.article.date,
        );
        for year in &years {
            for family in &bundle.models.families {
                let to = bundle.followups.coverage_of(&family.id).unwrap().checked_to;
                let listed = year.incomplete.iter().any(|(f, _)| f == &family.id);
                assert_eq!(
                    listed,
                    to.year <= year.count.year && (to.month, to.day) != (12, 31)
                        || to.year < year.count.year
                );
            }
        }
    }

    #[test]
    fn the_article_sits_early_in_its_year() {
        let fraction = fraction_of_year("2024-02-08".parse().unwrap());
        assert!((0.09..0.12).contains(&fraction), "{fraction}");
    }
}
