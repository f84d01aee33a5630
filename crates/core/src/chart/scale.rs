//! Data to drawing positions, one type per kind of axis: linear (counts), log (parameter counts)
//! and time (fractional years). Each charts' geometry goes through these instead of local
//! closures, so a mapping is written once and tested at its corners.

use crate::content::Date;

/// Maps `domain_start..domain_start + domain_span` onto `range_start..range_start + range_span`.
/// A negative range span runs downwards, as an SVG y axis does from its baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    domain_start: f64,
    domain_span: f64,
    range_start: f64,
    range_span: f64,
}

impl LinearScale {
    /// `domain` maps onto `range`, end to end.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        LinearScale {
            domain_start: domain.0,
            domain_span: domain.1 - domain.0,
            range_start: range.0,
            range_span: range.1 - range.0,
        }
    }

    /// From zero to `max`, drawn upwards from `baseline` over `height` (a bar chart's value axis).
    pub fn upwards(max: f64, baseline: f64, height: f64) -> Self {
        LinearScale {
            domain_start: 0.0,
            domain_span: max,
            range_start: baseline,
            range_span: -height,
        }
    }

    /// From `start` over `span`, drawn rightwards from `left` over `width`.
    pub fn rightwards(start: f64, span: f64, left: f64, width: f64) -> Self {
        LinearScale {
            domain_start: start,
            domain_span: span,
            range_start: left,
            range_span: width,
        }
    }

    pub fn position(&self, value: f64) -> f64 {
        if self.domain_span == 0.0 {
            return self.range_start;
        }
        self.range_start + (value - self.domain_start) / self.domain_span * self.range_span
    }

    pub fn value_at(&self, position: f64) -> f64 {
        if self.range_span == 0.0 {
            return self.domain_start;
        }
        self.domain_start + (position - self.range_start) / self.range_span * self.domain_span
    }
}

/// Powers of ten from `10^min_exp` to `10^max_exp`, evenly spaced (one decade per step).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogScale {
    decades: LinearScale,
}

impl LogScale {
    pub fn upwards(min_exp: f64, max_exp: f64, baseline: f64, height: f64) -> Self {
        LogScale {
            decades: LinearScale {
                domain_start: min_exp,
                domain_span: max_exp - min_exp,
                range_start: baseline,
                range_span: -height,
            },
        }
    }

    /// Where a positive `value` sits.
    pub fn position(&self, value: f64) -> f64 {
        self.decades.position(value.log10())
    }

    pub fn value_at(&self, position: f64) -> f64 {
        10f64.powf(self.decades.value_at(position))
    }
}

/// Dates as fractional years (2024.5 is about the first of July) along a horizontal axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    years: LinearScale,
}

impl TimeScale {
    /// From the start of `first_year` (a fractional year) to `end_year`, over `left..left+width`.
    pub fn new(first_year: f64, end_year: f64, left: f64, width: f64) -> Self {
        TimeScale {
            years: LinearScale::rightwards(first_year, end_year - first_year, left, width),
        }
    }

    pub fn position(&self, year: f64) -> f64 {
        self.years.position(year)
    }

    /// The end of `date`'s day (what a "complete to" line marks): the year plus the months
    /// before it and the days of its month so far, each month counted as 31 days.
    pub fn end_of_day(&self, date: Date) -> f64 {
        self.position(end_of_day(date))
    }

    pub fn year_at(&self, position: f64) -> f64 {
        self.years.value_at(position)
    }
}

/// `date` as a fractional year at the end of its day (months of 31 days).
pub fn end_of_day(date: Date) -> f64 {
    f64::from(date.year) + (f64::from(date.month) - 1.0 + f64::from(date.day) / 31.0) / 12.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linear_scale_maps_its_corners_and_centre_and_back() {
        // a bar chart's value axis: 0 at the baseline (y = 304), 40 at the top (y = 24)
        let scale = LinearScale::upwards(40.0, 304.0, 280.0);
        for (value, position) in [(0.0, 304.0), (40.0, 24.0), (20.0, 164.0)] {
            assert_eq!(scale.position(value), position);
            assert_eq!(scale.value_at(position), value);
        }
        let across = LinearScale::new((2018.0, 2025.0), (44.0, 628.0));
        for (value, position) in [(2018.0, 44.0), (2025.0, 628.0)] {
            assert_eq!(across.position(value), position);
            assert_eq!(across.value_at(position), value);
        }
        assert_eq!(LinearScale::rightwards(2018.0, 7.0, 44.0, 584.0), across);
    }

    #[test]
    fn an_empty_domain_or_range_stays_at_its_start_instead_of_dividing_by_zero() {
        let flat = LinearScale::new((5.0, 5.0), (10.0, 90.0));
        assert_eq!(flat.position(5.0), 10.0);
        assert_eq!(flat.position(7.0), 10.0);
        let point = LinearScale::new((0.0, 1.0), (10.0, 10.0));
        assert_eq!(point.value_at(10.0), 0.0);
    }

    #[test]
    fn a_log_scale_spaces_decades_evenly_and_inverts() {
        // 0.1B to 1,000B: four decades over 200 units upwards from y = 220
        let scale = LogScale::upwards(-1.0, 3.0, 220.0, 200.0);
        for (value, position) in [(0.1, 220.0), (1.0, 170.0), (10.0, 120.0), (1000.0, 20.0)] {
            assert!((scale.position(value) - position).abs() < 1e-9, "{value}");
            assert!(
                (scale.value_at(position) / value - 1.0).abs() < 1e-9,
                "{position}"
            );
        }
    }

    #[test]
    fn a_time_scale_places_years_and_days() {
        let scale = TimeScale::new(2023.0, 2027.0, 104.0, 524.0);
        assert_eq!(scale.position(2023.0), 104.0);
        assert_eq!(scale.position(2027.0), 628.0);
        assert_eq!(scale.position(2025.0), 366.0);
        assert_eq!(scale.year_at(366.0), 2025.0);
        let new_year = Date {
            year: 2024,
            month: 12,
            day: 31,
        };
        // the last day of a 31-day December ends exactly at the next year
        assert_eq!(end_of_day(new_year), 2025.0);
        assert_eq!(scale.end_of_day(new_year), 366.0);
        let first = Date {
            year: 2024,
            month: 1,
            day: 1,
        };
        assert!(end_of_day(first) > 2024.0 && end_of_day(first) < 2024.01);
    }
}
