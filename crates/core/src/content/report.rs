//! "Report a problem": the author's channel for corrections (an issue-tracker URL template or a
//! `mailto:`), and the prefilled link each value, release and benchmark row offers. No channel
//! configured, no link shown.

use serde::{Deserialize, Serialize};

/// The placeholders a template may use; each is replaced by a percent-encoded value.
pub const PLACEHOLDERS: [&str; 2] = ["{title}", "{body}"];

/// Where readers report errors, e.g.
/// `https://github.com/OWNER/REPO/issues/new?title={title}&body={body}` or
/// `mailto:editor@example.org?subject={title}&body={body}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportChannel {
    pub template: String,
}

/// What a report is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Report<'a> {
    /// "Llama 2 context length", "Llama 3 release".
    pub about: &'a str,
    /// The value as the page shows it.
    pub value: &'a str,
    /// Where the value was read.
    pub source: Option<&'a str>,
    /// Its place on the page (an absolute URL when the page knows its own).
    pub place: &'a str,
}

impl ReportChannel {
    /// Why the template cannot be used, if it cannot.
    pub fn problem(&self) -> Option<String> {
        let template = self.template.trim();
        let lower = template.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("mailto:")) {
            return Some(format!("{template:?} must start with https:// or mailto:"));
        }
        if template
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        {
            return Some(
                "must not contain spaces, quotes or angle brackets (percent-encode them)"
                    .to_owned(),
            );
        }
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let after = rest.get(start..).unwrap_or_default();
            let Some(end) = after.find('}') else {
                return Some("has a '{' without its '}'".to_owned());
            };
            let token = after.get(..=end).unwrap_or_default();
            if !PLACEHOLDERS.contains(&token) {
                return Some(format!(
                    "{token} is not a known placeholder (use {})",
                    PLACEHOLDERS.join(" and ")
                ));
            }
            rest = after.get(end + 1..).unwrap_or_default();
        }
        None
    }

    /// The prefilled link, or `None` for a template that fails [`Self::problem`].
    pub fn link(&self, report: &Report<'_>) -> Option<String> {
        if self.problem().is_some() {
            return None;
        }
        let title = format!("Problem with {}", report.about);
        let mut body = format!("Value: {}: {}\n", report.about, report.value);
        if let Some(source) = report.source {
            body.push_str(&format!("Source: {source}\n"));
        }
        body.push_str(&format!(
            "On the page: {}\n\nWhat is wrong, and where it is said correctly:\n",
            report.place
        ));
        Some(
            self.template
                .trim()
                .replace("{title}", &percent_encode(&title))
                .replace("{body}", &percent_encode(&body)),
        )
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (as `encodeURIComponent`,
/// stricter), so a value can never end the query or start a new parameter.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(template: &str) -> ReportChannel {
        ReportChannel {
            template: template.to_owned(),
        }
    }

    #[test]
    fn only_https_or_mailto_templates_with_known_placeholders_are_accepted() {
        assert_eq!(
            channel("https://github.com/o/r/issues/new?title={title}&body={body}").problem(),
            None
        );
        assert_eq!(
            channel("mailto:ed@example.org?subject={title}&body={body}").problem(),
            None
        );
        assert!(channel("javascript:alert(1)//{title}")
            .problem()
            .unwrap()
            .contains("must start with https:// or mailto:"));
        assert!(channel("http://example.org/?t={title}").problem().is_some());
        assert!(channel("https://example.org/?t={name}")
            .problem()
            .unwrap()
            .contains("{name} is not a known placeholder"));
        assert!(channel("https://example.org/?t={title")
            .problem()
            .unwrap()
            .contains("without its '}'"));
        assert!(channel("https://example.org/\"onclick=x")
            .problem()
            .is_some());
    }

    #[test]
    fn the_link_carries_the_value_its_source_and_its_place_encoded() {
        let link = channel("https://github.com/o/r/issues/new?title={title}&body={body}")
            .link(&Report {
                about: "Llama 2 context length",
                value: "4K & more",
                source: Some("https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md"),
                place: "https://example.org/llm-watch/#card-llama-2",
            })
            .unwrap();
        assert!(link.starts_with("https://github.com/o/r/issues/new?title=Problem%20with%20Llama%202%20context%20length&body=Value%3A%20Llama%202%20context%20length%3A%204K%20%26%20more%0A"), "{link}");
        assert!(
            link.contains("Source%3A%20https%3A%2F%2Fgithub.com%2Fmeta-llama"),
            "{link}"
        );
        assert!(
            link.contains(
                "On%20the%20page%3A%20https%3A%2F%2Fexample.org%2Fllm-watch%2F%23card-llama-2"
            ),
            "{link}"
        );
        assert_eq!(
            channel("ftp://x/{title}").link(&Report {
                about: "a",
                value: "b",
                source: None,
                place: "#"
            }),
            None
        );
    }
}
