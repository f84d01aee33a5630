use super::labels::LABEL_GAP;
use super::*;
use crate::content::{Release, YearMonth};
use crate::format::format_params;

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
    let css = include_str!("../../../../style/releases_chart.css");
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
