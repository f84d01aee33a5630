//! Which item an arrow key moves focus to in a row of controls (the releases chart's year
//! buttons): pure, so the browser's roving focus (`src/hooks/use_roving_focus.rs`) only applies it.

/// From item `from` of `count`, the item a key moves to: ArrowRight/ArrowUp the next and
/// ArrowLeft/ArrowDown the previous (both wrapping round), Home the first and End the last.
/// `None` for any other key, or an empty row.
pub fn step_linear(count: usize, from: usize, key: &str) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match key {
        "ArrowRight" | "ArrowUp" => Some((from + 1) % count),
        "ArrowLeft" | "ArrowDown" => Some((from + last) % count),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::step_linear;

    #[test]
    fn right_and_up_step_forward_and_wrap_to_the_first() {
        assert_eq!(step_linear(4, 0, "ArrowRight"), Some(1));
        assert_eq!(step_linear(4, 2, "ArrowUp"), Some(3));
        assert_eq!(step_linear(4, 3, "ArrowRight"), Some(0));
    }

    #[test]
    fn left_and_down_step_back_and_wrap_to_the_last() {
        assert_eq!(step_linear(4, 3, "ArrowLeft"), Some(2));
        assert_eq!(step_linear(4, 1, "ArrowDown"), Some(0));
        assert_eq!(step_linear(4, 0, "ArrowLeft"), Some(3));
    }

    #[test]
    fn home_and_end_go_to_the_ends() {
        assert_eq!(step_linear(4, 2, "Home"), Some(0));
        assert_eq!(step_linear(4, 1, "End"), Some(3));
    }

    #[test]
    fn other_keys_and_an_empty_row_go_nowhere() {
        assert_eq!(step_linear(4, 1, "Enter"), None);
        assert_eq!(step_linear(4, 1, "Escape"), None);
        assert_eq!(step_linear(0, 0, "ArrowRight"), None);
        assert_eq!(step_linear(0, 0, "End"), None);
    }

    #[test]
    fn a_single_item_stays_put() {
        for key in [
            "ArrowRight",
            "ArrowLeft",
            "ArrowUp",
            "ArrowDown",
            "Home",
            "End",
        ] {
            assert_eq!(step_linear(1, 0, key), Some(0), "{key}");
        }
    }

    /// The arithmetic the bars view used before, `(i + 1) % n` and `(i + n - 1) % n`.
    #[test]
    fn it_agrees_with_modular_stepping() {
        for count in 1..6 {
            for from in 0..count {
                assert_eq!(
                    step_linear(count, from, "ArrowRight"),
                    Some((from + 1) % count)
                );
                assert_eq!(
                    step_linear(count, from, "ArrowLeft"),
                    Some((from + count - 1) % count)
                );
            }
        }
    }
}
