//! Geometry of the "since the article" timeline: one lane per family from January 2023 to the
//! as-of date, a mark per release placed by its date, marks that would overlap stacked into
//! extra rows of their lane. Pure, so the prerender and the browser draw the same figure.

use crate::chart::scale::{end_of_day, TimeScale};
use crate::chart::Tick;
use crate::content::{Family, Followups, Openness, ReleaseDate};

/// Where the time axis starts: the year the article's five families came out.
pub const START_YEAR: u16 = 2023;

/// Size and margins of one drawing of the timeline, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineFrame {
    pub width: f64,
    /// Room for the lane labels.
    pub left: f64,
    pub right: f64,
    /// Room for the year labels above the lanes.
    pub top: f64,
    pub bottom: f64,
    /// Height of one row of marks.
    pub row_height: f64,
    /// Space between lanes.
    pub lane_gap: f64,
    /// The marks' size; marks closer than this share no row.
    pub mark: f64,
}

impl TimelineFrame {
    pub const WIDE: TimelineFrame = TimelineFrame {
        width: 640.0,
        left: 104.0,
        right: 12.0,
        top: 26.0,
        bottom: 8.0,
        row_height: 16.0,
        lane_gap: 10.0,
        mark: 11.0,
    };

    pub const NARROW: TimelineFrame = TimelineFrame {
        width: 360.0,
        left: 92.0,
        right: 8.0,
        top: 26.0,
        bottom: 8.0,
        row_height: 16.0,
        lane_gap: 10.0,
        mark: 11.0,
    };

    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }
}

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// The family's first release, the one the article covers.
    Article,
    /// A later release (index into `Followups::releases`), drawn by its openness.
    Followup { index: usize, openness: Openness },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub x: f64,
    pub y: f64,
    /// The lane (family) it belongs to, and its place in time order within the lane.
    pub lane: usize,
    pub order: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub family: usize,
    pub top: f64,
    pub height: f64,
    /// Where the family's list stops being complete: its rule ends there.
    pub checked_to_x: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub frame: TimelineFrame,
    pub height: f64,
    pub lanes: Vec<Lane>,
    /// In lane order, then time order.
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
    /// Releases without a verified date: listed in the table, not placed.
    pub undated: usize,
    /// Where the as-of date (the earliest complete-to day) falls.
    pub as_of_x: f64,
    /// Where the axis ends: the furthest complete-to day.
    pub end_x: f64,
}

/// Lays the families' releases out in `frame`.
pub fn timeline(families: &[Family], followups: &Followups, frame: TimelineFrame) -> Timeline {
    let start = f64::from(START_YEAR);
    // The axis runs to the furthest day any family's list reaches; each lane's rule stops at its
    // own family's day, and the as-of line marks the day every list is complete to.
    // Releases found after their family's list ends may lie further still.
    let furthest = followups.furthest_checked_to();
    let last_release = followups
        .releases
        .iter()
        .filter_map(|r| r.date.value)
        .map(|d| d.as_fractional_year())
        .fold(f64::NEG_INFINITY, f64::max);
    let end = end_of_day(furthest).max(last_release).max(start + 1.0);
    let time = TimeScale::new(start, end, frame.left, frame.plot_width());
    let x = |year: f64| time.position(year);

    let mut lanes = Vec::new();
    let mut marks = Vec::new();
    let mut undated = 0;
    let mut top = frame.top;
    for (family_index, family) in families.iter().enumerate() {
        let lane = lanes.len();
        // (x, kind) in time order: the article's release first, then the follow-ups by date.
        let mut placed: Vec<(f64, MarkKind)> = Vec::new();
        if let Some(date) = family.first_weights_date.value {
            let year = ReleaseDate::Day(date).as_fractional_year();
            placed.push((x(year.max(start)), MarkKind::Article));
        }
        for (index, release) in followups.releases.iter().enumerate() {
            if release.family != family.id {
                continue;
            }
            match release.date.value {
                Some(date) => placed.push((
                    x(date.as_fractional_year()),
                    MarkKind::Followup {
                        index,
                        openness: release.openness(),
                    },
                )),
                None => undated += 1,
            }
        }
        placed.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Greedy stacking: each mark takes the first row whose last mark is far enough left.
        let mut row_ends: Vec<f64> = Vec::new();
        let mut rows_of = Vec::with_capacity(placed.len());
        for (mark_x, _) in &placed {
            let row = match row_ends
                .iter()
                .position(|end| mark_x - end >= frame.mark + 2.0)
            {
                Some(row) => row,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            if let Some(end) = row_ends.get_mut(row) {
                *end = *mark_x;
            }
            rows_of.push(row);
        }
        let rows = row_ends.len().max(1);
        let height = rows as f64 * frame.row_height;
        for (order, ((mark_x, kind), row)) in placed.into_iter().zip(rows_of).enumerate() {
            marks.push(Mark {
                kind,
                x: mark_x,
                y: top + (row as f64 + 0.5) * frame.row_height,
                lane,
                order,
            });
        }
        let checked_to = followups
            .coverage_of(&family.id)
            .map(|c| c.checked_to)
            .unwrap_or(followups.as_of);
        lanes.push(Lane {
            family: family_index,
            top,
            height,
            checked_to_x: time.end_of_day(checked_to),
        });
        top += height + frame.lane_gap;
    }
    let height = top - frame.lane_gap + frame.bottom;
    let last_year = (end.floor() as u16).max(START_YEAR);
    let ticks = (START_YEAR..=last_year)
        .map(|year| Tick {
            value: f64::from(year),
            at: x(f64::from(year)),
            label: year.to_string(),
        })
        .collect();
    Timeline {
        frame,
        height,
        lanes,
        marks,
        ticks,
        undated,
        as_of_x: time.end_of_day(followups.as_of),
        end_x: x(end),
    }
}

/// From mark `from`, the mark an arrow key moves to: Left/Right step through the lane in time
/// order, Up/Down go to the nearest mark in time of the lane above or below, Home/End to the
/// first or last mark. `None` when there is nowhere to go.
pub fn step(marks: &[Mark], from: usize, key: &str) -> Option<usize> {
    let current = marks.get(from)?;
    let in_lane = |lane: usize| {
        marks
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.lane == lane)
    };
    match key {
        "ArrowRight" => in_lane(current.lane)
            .find(|(_, m)| m.order == current.order + 1)
            .map(|(i, _)| i),
        "ArrowLeft" => in_lane(current.lane)
            .find(|(_, m)| current.order > 0 && m.order == current.order - 1)
            .map(|(i, _)| i),
        "ArrowDown" | "ArrowUp" => {
            let lanes = marks.iter().map(|m| m.lane).max()?;
            let target = if key == "ArrowDown" {
                (current.lane < lanes).then(|| current.lane + 1)?
            } else {
                current.lane.checked_sub(1)?
            };
            in_lane(target)
                .min_by(|(_, a), (_, b)| {
                    (a.x - current.x).abs().total_cmp(&(b.x - current.x).abs())
                })
                .map(|(i, _)| i)
        }
        "Home" => (!marks.is_empty()).then_some(0),
        "End" => marks.len().checked_sub(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    fn shipped() -> crate::content::Bundle {
        assemble_bundle(SHIPPED).expect("shipped content")
    }

    #[test]
    fn one_lane_per_family_and_one_mark_per_dated_release_plus_the_articles() {
        let bundle = shipped();
        for frame in [TimelineFrame::WIDE, TimelineFrame::NARROW] {
            let t = timeline(&bundle.models.families, &bundle.followups, frame);
            assert_eq!(t.lanes.len(), bundle.models.families.len());
            let dated = bundle
                .followups
                .releases
                .iter()
                .filter(|r| r.date.value.is_some())
                .count();
            assert_eq!(t.marks.len(), dated + bundle.models.families.len());
            assert_eq!(t.undated, bundle.followups.releases.len() - dated);
            for mark in &t.marks {
                assert!(mark.x >= frame.left - 1e-9 && mark.x <= frame.width - frame.right + 1e-9);
                let lane = &t.lanes[mark.lane];
                assert!(
                    mark.y > lane.top && mark.y < lane.top + lane.height,
                    "{mark:?} in {lane:?}"
                );
            }
            // Lanes do not overlap and come in family order.
            for pair in t.lanes.windows(2) {
                assert!(pair[1].top >= pair[0].top + pair[0].height);
            }
        }
    }

    #[test]
    fn marks_in_one_row_never_overlap() {
        let bundle = shipped();
        let t = timeline(
            &bundle.models.families,
            &bundle.followups,
            TimelineFrame::NARROW,
        );
        for a in &t.marks {
            for b in &t.marks {
                if std::ptr::eq(a, b) || a.lane != b.lane || (a.y - b.y).abs() > 1e-9 {
                    continue;
                }
                assert!(
                    (a.x - b.x).abs() >= TimelineFrame::NARROW.mark,
                    "{a:?} overlaps {b:?}"
                );
            }
        }
    }

    #[test]
    fn arrow_keys_walk_lanes_in_time_and_jump_between_lanes() {
        let bundle = shipped();
        let t = timeline(
            &bundle.models.families,
            &bundle.followups,
            TimelineFrame::WIDE,
        );
        // Start at the first lane's first mark (the article's release).
        assert_eq!(t.marks[0].kind, MarkKind::Article);
        let next = step(&t.marks, 0, "ArrowRight").unwrap();
        assert_eq!((t.marks[next].lane, t.marks[next].order), (0, 1));
        assert_eq!(step(&t.marks, next, "ArrowLeft"), Some(0));
        assert_eq!(step(&t.marks, 0, "ArrowLeft"), None);
        assert_eq!(step(&t.marks, 0, "ArrowUp"), None);
        let below = step(&t.marks, 0, "ArrowDown").unwrap();
        assert_eq!(t.marks[below].lane, 1);
        assert_eq!(step(&t.marks, below, "End"), Some(t.marks.len() - 1));
        assert_eq!(step(&t.marks, 0, "x"), None);
    }
}
