//! Reading the author's `content/` folder, shared by the build's content tool and the author's
//! refresh tool (`make watch`).

use std::path::Path;

use llm_watch_core::content::{assemble_bundle, Bundle, Date, SourceFiles};

/// Reads and validates every file of `dir`; returns the bundle and the article's text (for its
/// warnings), or one line per problem naming file and field.
pub fn load(dir: &Path) -> Result<(Bundle, String), Vec<String>> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: cannot read: {error}", path.display()))
    };
    let texts: Vec<Result<String, String>> = SourceFiles::FILE_NAMES
        .iter()
        .map(|name| read(name))
        .collect();
    let unreadable: Vec<String> = texts
        .iter()
        .filter_map(|t| t.as_ref().err().cloned())
        .collect();
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let texts: [&str; 9] = std::array::from_fn(|i| {
        texts
            .get(i)
            .and_then(|t| t.as_deref().ok())
            .unwrap_or_default()
    });
    let bundle = assemble_bundle(SourceFiles::from_texts(texts))
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    Ok((bundle, texts[0].to_owned()))
}

/// Today (UTC) from the system clock, as a calendar date.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_since_the_epoch_become_calendar_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(19_722).to_string(), "2023-12-31");
        assert_eq!(civil_from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(civil_from_days(20_788).to_string(), "2026-12-01");
    }
}
