//! Which parts of the page are nearest the reader: the live page draws its islands in that order,
//! so the part on screen answers first.

/// How far a box spanning `top..bottom` (CSS pixels, relative to the viewport's top, as
/// `getBoundingClientRect` gives them) is from a viewport `height` tall: 0 when any of it shows,
/// else the gap to the nearer edge; `NaN` when the box is unknown. A box with no height at the
/// edge counts as showing.
pub fn distance_to_viewport(top: f64, bottom: f64, height: f64) -> f64 {
    if top.is_nan() || bottom.is_nan() {
        f64::NAN
    } else if bottom < 0.0 {
        -bottom
    } else if top > height {
        top - height
    } else {
        0.0
    }
}

/// `items` (each with its box's top and bottom) ordered nearest the viewport first; items at the
/// same distance keep their order (page order, for boxes on screen together). A box whose
/// position is unknown (`NaN`) goes last.
pub fn nearest_first<T>(items: Vec<(T, f64, f64)>, height: f64) -> Vec<T> {
    let mut ranked: Vec<(f64, T)> = items
        .into_iter()
        .map(|(item, top, bottom)| {
            let distance = distance_to_viewport(top, bottom, height);
            (
                if distance.is_nan() {
                    f64::INFINITY
                } else {
                    distance
                },
                item,
            )
        })
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    ranked.into_iter().map(|(_, item)| item).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_that_shows_at_all_is_at_distance_zero() {
        assert_eq!(distance_to_viewport(100.0, 300.0, 800.0), 0.0);
        assert_eq!(distance_to_viewport(-500.0, 10.0, 800.0), 0.0);
        assert_eq!(distance_to_viewport(790.0, 2000.0, 800.0), 0.0);
        assert_eq!(distance_to_viewport(-100.0, 2000.0, 800.0), 0.0);
    }

    #[test]
    fn a_box_off_screen_is_as_far_as_the_gap_to_the_nearer_edge() {
        assert_eq!(distance_to_viewport(1300.0, 1900.0, 800.0), 500.0);
        assert_eq!(distance_to_viewport(-900.0, -200.0, 800.0), 200.0);
    }

    #[test]
    fn the_part_on_screen_comes_first_then_the_nearer_ones() {
        // A reader scrolled to the cards: the chart is above, out of sight.
        let order = nearest_first(
            vec![
                ("chart", -1400.0, -600.0),
                ("cards", -200.0, 3000.0),
                ("far", 5000.0, 6000.0),
            ],
            800.0,
        );
        assert_eq!(order, ["cards", "chart", "far"]);
    }

    #[test]
    fn parts_on_screen_together_keep_page_order_and_unknown_positions_go_last() {
        let order = nearest_first(
            vec![
                ("unknown", f64::NAN, f64::NAN),
                ("a", 0.0, 100.0),
                ("b", 200.0, 300.0),
            ],
            800.0,
        );
        assert_eq!(order, ["a", "b", "unknown"]);
    }
}
