//! Release date against parameter count (log scale), with the featured models named beside their
//! points.

use super::labels::place_labels;
use super::scale::{LogScale, TimeScale};
use super::{Frame, Tick};
use crate::content::Release;
use crate::format::format_params;

/// A release placed by date and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Index into the rows given to [`scatter`].
    pub row: usize,
    pub x: f64,
    pub y: f64,
}

/// A name written next to a highlighted point, nudged so names never overlap; a leader line
/// joins it to its point when nudged.
#[derive(Debug, Clone, PartialEq)]
pub struct PointLabel {
    pub row: usize,
    pub text: String,
    /// Baseline position of the text.
    pub x: f64,
    pub y: f64,
    /// The text ends at `x` (label on the left of its point) instead of starting there.
    pub end_anchored: bool,
    /// The point the label belongs to.
    pub point_x: f64,
    pub point_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    pub frame: Frame,
    pub points: Vec<Point>,
    /// Names for the points of featured rows (`Release::family` set).
    pub labels: Vec<PointLabel>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// Rows left out because their size is not disclosed.
    pub undisclosed: usize,
}

/// Release date against parameter count on a log scale. Rows without a size are counted, not
/// plotted.
pub fn scatter(rows: &[Release], frame: Frame) -> Scatter {
    let sized: Vec<(usize, f64, f64)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.params_b
                .filter(|p| *p > 0.0)
                .map(|p| (i, r.release_date.as_fractional_year(), p))
        })
        .collect();
    let undisclosed = rows.len() - sized.len();
    if sized.is_empty() {
        return Scatter {
            frame,
            points: Vec::new(),
            labels: Vec::new(),
            x_ticks: Vec::new(),
            y_ticks: Vec::new(),
            undisclosed,
        };
    }
    let first_year = sized
        .iter()
        .map(|p| p.1.floor())
        .fold(f64::INFINITY, f64::min);
    let last_year = sized
        .iter()
        .map(|p| p.1.floor())
        .fold(f64::NEG_INFINITY, f64::max)
        + 1.0;
    let min_exp = sized
        .iter()
        .map(|p| p.2.log10().floor())
        .fold(f64::INFINITY, f64::min);
    let mut max_exp = sized
        .iter()
        .map(|p| p.2.log10().ceil())
        .fold(f64::NEG_INFINITY, f64::max);
    if max_exp <= min_exp {
        max_exp = min_exp + 1.0;
    }
    let time = TimeScale::new(first_year, last_year, frame.left, frame.plot_width());
    let size = LogScale::upwards(min_exp, max_exp, frame.baseline(), frame.plot_height());
    let x = |year: f64| time.position(year);
    let y = |params: f64| size.position(params);
    let points: Vec<Point> = sized
        .iter()
        .map(|(row, year, params)| Point {
            row: *row,
            x: x(*year),
            y: y(*params),
        })
        .collect();
    let featured: Vec<(usize, f64, f64, String)> = points
        .iter()
        .filter_map(|p| {
            let row = rows.get(p.row).filter(|row| row.family.is_some())?;
            Some((p.row, p.x, p.y, row.model.clone()))
        })
        .collect();
    let labels = place_labels(&featured, frame);
    let x_ticks = (first_year as u16..last_year as u16)
        .map(|year| Tick {
            value: f64::from(year),
            at: x(f64::from(year) + 0.5),
            label: year.to_string(),
        })
        .collect();
    let y_ticks = (min_exp as i32..=max_exp as i32)
        .map(|exp| {
            let value = 10f64.powi(exp);
            Tick {
                value,
                at: y(value),
                label: format_params(value),
            }
        })
        .collect();
    Scatter {
        frame,
        points,
        labels,
        x_ticks,
        y_ticks,
        undisclosed,
    }
}
