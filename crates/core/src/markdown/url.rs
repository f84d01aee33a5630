//! Link and image URL normalisation. Browsers strip ASCII tab and newline anywhere in a URL and
//! leading/trailing C0 controls and spaces (WHATWG URL parsing), and pulldown-cmark has already
//! decoded entities, so `jav&#x09;ascript:` arrives here as `jav\tascript:`. We normalise the same
//! way first, then allow only http(s), mailto, relative and fragment URLs.

/// What kind of target a safe URL points at; views use it for `rel` and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `#section`
    Fragment,
    /// A path on this site (`/images/x.png`, `notes.html`).
    Relative,
    /// `http(s)://` or protocol-relative `//host`.
    External,
    Mailto,
}

/// A URL that passed [`sanitize_url`], normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeUrl {
    pub href: String,
    pub kind: UrlKind,
}

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Returns the normalised URL if it is safe to put in an `href`, `None` otherwise.
pub fn sanitize_url(raw: &str) -> Option<SafeUrl> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let href: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // Any other control character (NUL, DEL, C1 controls) has no business in a link.
    if href.is_empty() || href.chars().any(char::is_control) {
        return None;
    }

    let kind = if href.starts_with('#') {
        UrlKind::Fragment
    } else if href.starts_with("//")
        || href.starts_with("\\\\")
        || href.starts_with("/\\")
        || href.starts_with("\\/")
    {
        UrlKind::External
    } else {
        // A scheme is whatever precedes the first ':' that comes before any '/', '?' or '#'.
        // Anything shaped like a scheme that is not on the list is refused, even when a browser
        // might read it as a path: being wrong that way costs a link, the other way a script.
        match href.find([':', '/', '?', '#']).map(|at| href.split_at(at)) {
            Some((scheme, rest)) if rest.starts_with(':') => {
                let scheme = scheme.to_ascii_lowercase();
                match scheme.as_str() {
                    "mailto" => UrlKind::Mailto,
                    s if ALLOWED_SCHEMES.contains(&s) => UrlKind::External,
                    _ => return None,
                }
            }
            _ => UrlKind::Relative,
        }
    };
    Some(SafeUrl { href, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_links_pass_and_are_classified() {
        let cases = [
            ("https://ai.meta.com/llama/", UrlKind::External),
            ("HTTP://example.com", UrlKind::External),
            ("//cdn.example.com/x", UrlKind::External),
            ("mailto:editor@example.com", UrlKind::Mailto),
            ("#falcon", UrlKind::Fragment),
            ("/images/Yi.png", UrlKind::Relative),
            ("notes.html?x=1:2", UrlKind::Relative),
            ("./a:b", UrlKind::Relative),
        ];
        for (raw, kind) in cases {
            assert_eq!(sanitize_url(raw).map(|u| u.kind), Some(kind), "{raw:?}");
        }
    }

    #[test]
    fn script_schemes_are_refused_in_every_spelling() {
        for raw in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "jav\tascript:alert(1)",
            "jav\nascript:alert(1)",
            "java\rscript:alert(1)",
            "javascript\t:alert(1)",
            "java\u{0}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "blob:https://x/y",
            "jav\u{7f}ascript:alert(1)",
            "",
            "   ",
        ] {
            assert_eq!(sanitize_url(raw), None, "{raw:?} must be refused");
        }
    }

    #[test]
    fn whitespace_browsers_ignore_is_removed() {
        let url = sanitize_url("  https://exa\tmple.com/a\nb  ").unwrap();
        assert_eq!(url.href, "https://example.com/ab");
    }
}
