//! Names beside the scatter's featured points, nudged apart so no two overlap.

use super::scatter::PointLabel;
use super::Frame;

/// Vertical distance kept between two labels' baselines.
pub(super) const LABEL_GAP: f64 = 13.0;
/// Rough width of one character of an 11 px label, to keep labels inside the frame.
const LABEL_CHAR_WIDTH: f64 = 6.2;

/// Places labels for the featured points: to the right of each point (left near the right edge),
/// then pushed down one by one so no two baselines are closer than [`LABEL_GAP`].
pub(super) fn place_labels(
    featured: &[(usize, f64, f64, String)],
    frame: Frame,
) -> Vec<PointLabel> {
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
