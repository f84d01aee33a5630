//! Releases chart geometry (bucketing by year, scales, ticks, bar rectangles, label positions,
//! scatter points), so the component only maps numbers to SVG attributes. The drawing area and
//! its shared pieces are here; each chart has its own file.

mod bars;
mod labels;
pub mod scale;
mod scatter;
mod since;
mod years;

pub use bars::{bar_chart, Bar, BarChart};
pub use labels::PointLabel;
pub use scatter::{scatter, Point, Scatter};
pub use since::{fraction_of_year, since_article, SinceYear};
pub use years::{count_by_year, describe, releases_in_year, YearCount};

/// An axis from zero to a round maximum with evenly spaced round ticks (steps of 1, 2 or 5 × 10^k).
#[derive(Debug, Clone, PartialEq)]
pub struct LinearAxis {
    pub max: f64,
    pub ticks: Vec<f64>,
}

pub fn linear_axis(max_value: f64, target_ticks: usize) -> LinearAxis {
    if !(max_value.is_finite() && max_value > 0.0) {
        return LinearAxis {
            max: 1.0,
            ticks: vec![0.0, 1.0],
        };
    }
    let rough = max_value / target_ticks.max(1) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    let max = (max_value / step).ceil() * step;
    let count = (max / step).round() as usize;
    LinearAxis {
        max,
        ticks: (0..=count).map(|i| i as f64 * step).collect(),
    }
}

/// Drawing area: the SVG `viewBox` size and the margins kept for axes and labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// The frame the component uses: wide enough for seven labelled years at phone width.
    pub const DEFAULT: Frame = Frame {
        width: 640.0,
        height: 340.0,
        left: 44.0,
        right: 12.0,
        top: 24.0,
        bottom: 36.0,
    };

    /// Phones get the chart in a narrower frame so its labels stay readable.
    pub const NARROW: Frame = Frame {
        width: 360.0,
        height: 300.0,
        left: 36.0,
        right: 6.0,
        top: 22.0,
        bottom: 30.0,
    };

    /// Where the plot's columns sit, as CSS `left`, `right` and `top` percentages of the frame:
    /// the year buttons are laid over them by a stylesheet rule rather than a `style` attribute,
    /// which a strict CSP would block.
    pub fn column_band_percentages(&self) -> [f64; 3] {
        [
            self.left / self.width * 100.0,
            self.right / self.width * 100.0,
            self.top / self.height * 100.0,
        ]
    }

    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    pub fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    pub fn baseline(&self) -> f64 {
        self.height - self.bottom
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One labelled tick: a gridline of the value axis, a year on a time axis, or a timeline year.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Position along the axis (y for the value axis, x for a time axis).
    pub at: f64,
    pub label: String,
}

#[cfg(test)]
mod tests;
