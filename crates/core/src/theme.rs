//! The reader's colour theme choice, as stored in `localStorage`.

/// `Auto` follows the operating system; the others override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// What is stored, and what `data-theme` on `<html>` says (`Auto` removes the attribute).
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Auto",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// Reads a stored value; anything unknown (or nothing) means `Auto`.
    pub fn from_stored(value: Option<&str>) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| Some(t.key()) == value)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_junk_means_auto() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_stored(Some(theme.key())), theme);
        }
        assert_eq!(Theme::from_stored(Some("purple")), Theme::Auto);
        assert_eq!(Theme::from_stored(None), Theme::Auto);
    }
}
