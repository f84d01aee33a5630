//! The releases per year as stacked bars (open weights below, closed above) on a round linear
//! value axis, with the gridlines.

use super::scale::LinearScale;
use super::{linear_axis, Frame, Rect, Tick, YearCount};

/// One year's stacked bar: open weights at the bottom, closed on top.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub count: YearCount,
    /// The full column (empty years too): where the view draws the article's date marker.
    pub column: Rect,
    pub open: Rect,
    pub closed: Rect,
    /// Centre x of the bar, for the year label and value label.
    pub center_x: f64,
    /// Baseline of the total label above the bar.
    pub total_label_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub frame: Frame,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
}

/// Bars take this share of each year's slot; the rest is the gap between bars.
const BAR_SHARE: f64 = 0.64;

pub fn bar_chart(counts: &[YearCount], frame: Frame) -> BarChart {
    let max_total = counts.iter().map(YearCount::total).max().unwrap_or(0);
    let axis = linear_axis(max_total as f64, 5);
    let value_axis = LinearScale::upwards(axis.max, frame.baseline(), frame.plot_height());
    let y = |value: f64| value_axis.position(value);
    let slot = frame.plot_width() / counts.len().max(1) as f64;
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, count)| {
            let slot_x = frame.left + i as f64 * slot;
            let width = slot * BAR_SHARE;
            let x = slot_x + (slot - width) / 2.0;
            let open_top = y(count.open as f64);
            let total_top = y(count.total() as f64);
            Bar {
                count: *count,
                column: Rect {
                    x: slot_x,
                    y: frame.top,
                    width: slot,
                    height: frame.plot_height(),
                },
                open: Rect {
                    x,
                    y: open_top,
                    width,
                    height: frame.baseline() - open_top,
                },
                closed: Rect {
                    x,
                    y: total_top,
                    width,
                    height: open_top - total_top,
                },
                center_x: slot_x + slot / 2.0,
                total_label_y: total_top - 6.0,
            }
        })
        .collect();
    let ticks = axis
        .ticks
        .iter()
        .map(|value| Tick {
            value: *value,
            at: y(*value),
            label: format!("{value}"),
        })
        .collect();
    BarChart { frame, bars, ticks }
}
