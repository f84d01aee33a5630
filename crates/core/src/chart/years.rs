//! Releases bucketed by year, and the sentences a screen reader hears for them.

use crate::content::Release;

/// Releases in one year, split by whether the weights were published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    pub year: u16,
    pub open: usize,
    pub closed: usize,
}

impl YearCount {
    pub fn total(&self) -> usize {
        self.open + self.closed
    }

    /// The sentence a screen reader hears for this year: "2023: 28 releases, 21 with open weights".
    pub fn summary(&self) -> String {
        let noun = if self.total() == 1 {
            "release"
        } else {
            "releases"
        };
        format!(
            "{}: {} {noun}, {} with open weights",
            self.year,
            self.total(),
            self.open
        )
    }
}

/// Counts per year from the first to the last year in the data, years without releases included
/// (a gap is information, not something to hide).
pub fn count_by_year(rows: &[Release]) -> Vec<YearCount> {
    let years = rows.iter().map(|r| r.release_date.year);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        return Vec::new();
    };
    (first..=last)
        .map(|year| {
            let in_year = rows.iter().filter(|r| r.release_date.year == year);
            let open = in_year.clone().filter(|r| r.open_weights).count();
            YearCount {
                year,
                open,
                closed: in_year.count() - open,
            }
        })
        .collect()
}

/// The releases of one year in date order, then by name.
pub fn releases_in_year(rows: &[Release], year: u16) -> Vec<&Release> {
    let mut list: Vec<&Release> = rows
        .iter()
        .filter(|r| r.release_date.year == year)
        .collect();
    list.sort_by(|a, b| {
        a.release_date
            .cmp(&b.release_date)
            .then_with(|| a.model.cmp(&b.model))
    });
    list
}

/// The chart's text alternative: one sentence per year.
pub fn describe(counts: &[YearCount]) -> String {
    if counts.is_empty() {
        return "No releases in the dataset.".to_owned();
    }
    counts
        .iter()
        .map(YearCount::summary)
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}
