//! Validated scalar types. Each parses from a string with a message an author can act on, and
//! serialises back to the same string, so a bundle round-trips unchanged.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! string_newtype {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(value: String) -> Result<Self, String> {
                value.parse()
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.to_string()
            }
        }
    };
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}
string_newtype!(Date);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's English name; the newtypes only hold 1–12, the fallback is for the impossible rest.
fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index))
        .copied()
        .unwrap_or("?")
}

fn parse_year(text: &str) -> Option<u16> {
    let year: u16 = text.parse().ok()?;
    (text.len() == 4 && (1900..=2100).contains(&year)).then_some(year)
}

fn parse_month(text: &str) -> Option<u8> {
    let month: u8 = text.parse().ok()?;
    (text.len() == 2 && (1..=12).contains(&month)).then_some(month)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let err = || format!("expected a date YYYY-MM-DD, got {text:?}");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        let year = parse_year(y).ok_or_else(err)?;
        let month = parse_month(m).ok_or_else(err)?;
        let day: u8 = d.parse().map_err(|_| err())?;
        if d.len() != 2 || day == 0 || day > days_in_month(year, month) {
            return Err(err());
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// "8 February 2024": unambiguous for readers on both sides of the Atlantic.
    pub fn human(&self) -> String {
        format!("{} {} {}", self.day, month_name(self.month), self.year)
    }
}

/// A month, `YYYY-MM`: release dates are only reliable to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}
string_newtype!(YearMonth);

impl FromStr for YearMonth {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let err = || format!("expected a month YYYY-MM, got {text:?}");
        let (y, m) = text.split_once('-').ok_or_else(err)?;
        Ok(YearMonth {
            year: parse_year(y).ok_or_else(err)?,
            month: parse_month(m).ok_or_else(err)?,
        })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl YearMonth {
    /// "Jul 2023".
    pub fn human(&self) -> String {
        format!(
            "{} {}",
            month_name(self.month).get(..3).unwrap_or_default(),
            self.year
        )
    }

    /// The middle of the month as a fractional year, for plotting on a time axis.
    pub fn as_fractional_year(&self) -> f64 {
        f64::from(self.year) + (f64::from(self.month) - 0.5) / 12.0
    }
}

/// An absolute `https://` URL: the only kind a source or licence link may be.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HttpsUrl(String);
string_newtype!(HttpsUrl);

impl FromStr for HttpsUrl {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let rest = text
            .strip_prefix("https://")
            .ok_or_else(|| format!("expected an https:// URL, got {text:?}"))?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || !host.contains('.') {
            return Err(format!("URL has no host: {text:?}"));
        }
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        {
            return Err(format!(
                "URL contains spaces, quotes or control characters: {text:?}"
            ));
        }
        Ok(HttpsUrl(text.to_owned()))
    }
}

impl fmt::Display for HttpsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl HttpsUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host, for compact link labels ("huggingface.co").
    pub fn host(&self) -> &str {
        self.0["https://".len()..]
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default()
    }
}

/// A stable id: lowercase ASCII letters, digits and single hyphens. Used in URLs and element ids.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);
string_newtype!(Slug);

impl FromStr for Slug {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let ok = !text.is_empty()
            && text.len() <= 64
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        if ok {
            Ok(Slug(text.to_owned()))
        } else {
            Err(format!(
                "expected an id of lowercase letters, digits and single hyphens, got {text:?}"
            ))
        }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A modern arXiv identifier, `YYMM.NNNNN` (no version suffix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ArxivId(String);
string_newtype!(ArxivId);

impl FromStr for ArxivId {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let valid = text.split_once('.').is_some_and(|(yymm, number)| {
            yymm.len() == 4
                && (4..=5).contains(&number.len())
                && yymm
                    .bytes()
                    .chain(number.bytes())
                    .all(|b| b.is_ascii_digit())
        });
        if valid {
            Ok(ArxivId(text.to_owned()))
        } else {
            Err(format!(
                "expected an arXiv id like 2307.09288, got {text:?}"
            ))
        }
    }
}

impl fmt::Display for ArxivId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ArxivId {
    pub fn abs_url(&self) -> String {
        format!("https://arxiv.org/abs/{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print_back() {
        let date: Date = "2024-02-29".parse().unwrap();
        assert_eq!(date.to_string(), "2024-02-29");
        assert_eq!(date.human(), "29 February 2024");
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "24-02-08",
            "2024-2-8",
            "2024-02-08T00:00",
            "",
            "February 8, 2024",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn year_month_orders_and_plots_mid_month() {
        let july: YearMonth = "2023-07".parse().unwrap();
        let dec: YearMonth = "2023-12".parse().unwrap();
        assert!(july < dec);
        assert!((july.as_fractional_year() - 2023.541666).abs() < 1e-3);
        assert_eq!(july.human(), "Jul 2023");
        assert!("2023-7".parse::<YearMonth>().is_err());
    }

    #[test]
    fn only_https_urls_with_a_host_pass() {
        assert!("https://arxiv.org/abs/2307.09288"
            .parse::<HttpsUrl>()
            .is_ok());
        for bad in [
            "http://arxiv.org",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "https://a.b/x y",
            "//arxiv.org",
        ] {
            assert!(bad.parse::<HttpsUrl>().is_err(), "{bad:?}");
        }
        let url: HttpsUrl = "https://huggingface.co/meta-llama".parse().unwrap();
        assert_eq!(url.host(), "huggingface.co");
    }

    #[test]
    fn slugs_are_url_and_id_safe() {
        assert!("solar-10-7b".parse::<Slug>().is_ok());
        for bad in ["", "Llama", "a b", "-a", "a-", "a--b", "a_b", "ä"] {
            assert!(bad.parse::<Slug>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn arxiv_ids() {
        assert!("2307.09288".parse::<ArxivId>().is_ok());
        assert!("2312.15166".parse::<ArxivId>().is_ok());
        assert!("2307.09288v2".parse::<ArxivId>().is_err());
        assert!("cs/0101001".parse::<ArxivId>().is_err());
    }
}
