//! Releases chart: bucketing by year and all geometry (scales, ticks, bar rectangles, label
//! positions, scatter points), so the component only maps numbers to SVG attributes.

use crate::content::Release;
// Moved to `format`; re-exported while the views still name it via `chart`.
pub use crate::format::format_params;

mod since;
pub use since::{fraction_of_year, since_article, SinceYear};

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

/// One horizontal gridline with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    /// Position along the axis (y for the value axis, x for a time axis).
    pub at: f64,
    pub label: String,
}

/// One year's stacked bar: open weights at the bottom, closed on top.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub count: YearCount,
    /// The full column, for hit testing and focus outlines (covers empty years too).
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
    let y = |value: f64| frame.baseline() - value / axis.max * frame.plot_height();
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

/// Vertical distance kept between two labels' baselines.
const LABEL_GAP: f64 = 13.0;
/// Rough width of one character of an 11 px label, to keep labels inside the frame.
const LABEL_CHAR_WIDTH: f64 = 6.2;

/// Places labels for the featured points: to the right of each point (left near the right edge),
/// then pushed down one by one so no two baselines are closer than [`LABEL_GAP`].
fn place_labels(featured: &[(usize, f64, f64, String)], frame: Frame) -> Vec<PointLabel> {
    let mut order: Vec<&(usize, f64, f64, String)> = featured.iter().collect();
    order.sort_by(|a, b| a.2.total_cmp(&b.2));
    let mut labels: Vec<PointLabel> = Vec::new();
    for (row, px, py, text) in order {
        let width = text.chars().count() as f64 * LABEL_CHAR_WIDTH;
        let end_anchored = px + 10.0 + width > frame.width - frame.right;
        let x = if end_anchored { px - 10.0 } else { px + 10.0 };
        let mut y = py - 6.0;
        // Only labels on the same side and overlapping horizontally compete for space.
        for other in &labels {
            let overlaps = if end_anchored == other.end_anchored {
                (other.x - x).abs() < width.max(60.0)
            } else {
                false
            };
            if overlaps && y < other.y + LABEL_GAP {
                y = other.y + LABEL_GAP;
            }
        }
        labels.push(PointLabel {
            row: *row,
            text: text.clone(),
            x,
            y: y.min(frame.baseline() - 4.0),
            end_anchored,
            point_x: *px,
            point_y: *py,
        });
    }
    labels.sort_by_key(|l| l.row);
    labels
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
    let x = |year: f64| {
        frame.left + (year - first_year) / (last_year - first_year) * frame.plot_width()
    };
    let y = |params: f64| {
        frame.baseline() - (params.log10() - min_exp) / (max_exp - min_exp) * frame.plot_height()
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::YearMonth;

    fn release(model: &str, date: &str, open: bool, params: Option<f64>) -> Release {
        Release {
            model: model.into(),
            organisation: "Org".into(),
            release_date: date.parse::<YearMonth>().unwrap(),
            params_b: params,
            open_weights: open,
            family: None,
            source_url: "https://example.org/x".parse().unwrap(),
            notes: String::new(),
            successor_of: None,
        }
    }

    /// The stylesheet places the year buttons over each frame's columns; if a frame changes,
    /// the rule must too, or the buttons drift off their bars.
    #[test]
    fn the_stylesheet_places_the_year_buttons_over_each_frames_columns() {
        let css = include_str!("../../../style/releases_chart.css");
        for (frame, variant) in [(Frame::DEFAULT, "wide"), (Frame::NARROW, "narrow")] {
            let selector = format!(".chart__hits--{variant} {{");
            let start = css.find(&selector).expect("a rule per frame") + selector.len();
            let rule = &css[start..start + css[start..].find('}').expect("closed rule")];
            let [left, right, top] = frame.column_band_percentages();
            for (property, expected) in [("left", left), ("right", right), ("top", top)] {
                let value: f64 = rule
                    .lines()
                    .find_map(|line| line.trim().strip_prefix(&format!("{property}:")))
                    .and_then(|v| {
                        v.trim()
                            .trim_end_matches(';')
                            .trim_end_matches('%')
                            .parse()
                            .ok()
                    })
                    .unwrap_or_else(|| panic!("{variant}: no {property} in {rule}"));
                assert!(
                    (value - expected).abs() < 0.001,
                    "{variant} {property}: css {value}%, frame {expected}%"
                );
            }
        }
    }

    #[test]
    fn empty_data_gives_no_bars_and_a_sane_axis() {
        assert!(count_by_year(&[]).is_empty());
        let chart = bar_chart(&[], Frame::DEFAULT);
        assert!(chart.bars.is_empty());
        assert_eq!(chart.ticks.first().map(|t| t.value), Some(0.0));
        assert_eq!(describe(&[]), "No releases in the dataset.");
    }

    #[test]
    fn one_year_fills_the_plot_width() {
        let counts = count_by_year(&[release("A", "2023-05", true, Some(7.0))]);
        assert_eq!(
            counts,
            vec![YearCount {
                year: 2023,
                open: 1,
                closed: 0
            }]
        );
        let chart = bar_chart(&counts, Frame::DEFAULT);
        let bar = &chart.bars[0];
        assert!((bar.column.width - Frame::DEFAULT.plot_width()).abs() < 1e-9);
        assert!(
            (bar.open.y - Frame::DEFAULT.top).abs() < 1e-9,
            "a bar at the axis max reaches the top"
        );
        assert_eq!(bar.closed.height, 0.0);
    }

    #[test]
    fn gaps_between_years_are_zero_bars() {
        let rows = [
            release("A", "2018-06", false, None),
            release("B", "2021-01", true, Some(1.0)),
        ];
        let counts = count_by_year(&rows);
        assert_eq!(
            counts.iter().map(|c| c.year).collect::<Vec<_>>(),
            [2018, 2019, 2020, 2021]
        );
        assert_eq!(counts[1].total(), 0);
        let chart = bar_chart(&counts, Frame::DEFAULT);
        assert_eq!(chart.bars[1].open.height, 0.0);
        assert_eq!(chart.bars[1].closed.height, 0.0);
    }

    #[test]
    fn a_year_with_only_closed_models_stacks_from_the_baseline() {
        let counts = count_by_year(&[
            release("A", "2020-05", false, Some(175.0)),
            release("B", "2020-06", false, None),
        ]);
        let chart = bar_chart(&counts, Frame::DEFAULT);
        let bar = &chart.bars[0];
        assert_eq!(bar.open.height, 0.0);
        assert!((bar.closed.y + bar.closed.height - Frame::DEFAULT.baseline()).abs() < 1e-9);
        assert_eq!(counts[0].summary(), "2020: 2 releases, 0 with open weights");
    }

    #[test]
    fn one_very_tall_bar_sets_a_round_axis_and_others_scale() {
        let mut rows = vec![release("small", "2019-01", true, None)];
        rows.extend((0..97).map(|i| release(&format!("m{i}"), "2023-03", i % 3 == 0, None)));
        let counts = count_by_year(&rows);
        let chart = bar_chart(&counts, Frame::DEFAULT);
        assert_eq!(chart.ticks.last().unwrap().value, 100.0);
        let tall = chart.bars.last().unwrap();
        let small = &chart.bars[0];
        let height = |b: &Bar| b.open.height + b.closed.height;
        assert!((height(tall) / height(small) - 97.0).abs() < 1e-6);
        assert!(tall.total_label_y > 0.0, "the label stays inside the frame");
        for pair in chart.ticks.windows(2) {
            assert!(pair[0].at > pair[1].at, "ticks go up the screen");
        }
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(linear_axis(28.0, 5).ticks, [0.0, 10.0, 20.0, 30.0]);
        assert_eq!(linear_axis(3.0, 5).ticks, [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(linear_axis(41.0, 5).max, 50.0);
        assert_eq!(linear_axis(0.0, 5).max, 1.0);
    }

    #[test]
    fn scatter_uses_a_log_scale_and_counts_unsized_rows() {
        let rows = [
            release("small", "2019-02", true, Some(1.5)),
            release("big", "2020-05", false, Some(175.0)),
            release("secret", "2023-03", false, None),
        ];
        let plot = scatter(&rows, Frame::DEFAULT);
        assert_eq!(plot.undisclosed, 1);
        assert_eq!(plot.points.len(), 2);
        assert!(plot.points[1].y < plot.points[0].y, "bigger is higher");
        assert!(
            plot.points[1].x > plot.points[0].x,
            "later is further right"
        );
        let labels: Vec<_> = plot.y_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["1B", "10B", "100B", "1T"]);
        assert_eq!(plot.x_ticks.first().unwrap().label, "2019");
    }

    #[test]
    fn labels_of_close_featured_points_do_not_overlap() {
        let mut rows = vec![
            release("Falcon", "2023-05", true, Some(40.0)),
            release("Yi", "2023-11", true, Some(34.0)),
            release("Llama 2", "2023-07", true, Some(70.0)),
            release("other", "2023-06", true, Some(35.0)),
            release(
                "Edge of the plot with a long name",
                "2024-12",
                true,
                Some(100.0),
            ),
        ];
        for (row, family) in rows.iter_mut().zip(["falcon", "yi", "llama-2", "", "yi"]) {
            row.family = (!family.is_empty()).then(|| family.parse().unwrap());
        }
        let plot = scatter(&rows, Frame::DEFAULT);
        assert_eq!(plot.labels.len(), 4, "only featured rows are labelled");
        for (i, a) in plot.labels.iter().enumerate() {
            for b in &plot.labels[i + 1..] {
                let same_side = a.end_anchored == b.end_anchored;
                let near = (a.x - b.x).abs() < 60.0;
                if same_side && near {
                    assert!(
                        (a.y - b.y).abs() >= LABEL_GAP - 1e-9,
                        "{a:?} and {b:?} overlap"
                    );
                }
            }
        }
        let edge = plot
            .labels
            .iter()
            .find(|l| l.text.starts_with("Edge"))
            .unwrap();
        assert!(
            edge.end_anchored,
            "a label that would leave the frame sits left of its point"
        );
    }

    #[test]
    fn params_format_compactly() {
        assert_eq!(format_params(10.7), "10.7B");
        assert_eq!(format_params(7.0), "7B");
        assert_eq!(format_params(1200.0), "1.2T");
        assert_eq!(format_params(0.1), "0.1B");
    }

    #[test]
    fn releases_in_year_are_in_date_order() {
        let rows = [
            release("b", "2023-09", true, None),
            release("a", "2023-02", true, None),
            release("c", "2022-01", true, None),
        ];
        let names: Vec<_> = releases_in_year(&rows, 2023)
            .iter()
            .map(|r| r.model.as_str())
            .collect();
        assert_eq!(names, ["a", "b"]);
    }
}
