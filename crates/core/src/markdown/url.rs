//! Link and image URL normalisation. Browsers strip ASCII tab and newline anywhere in a URL and
//! leading/trailing C0 controls and spaces (WHATWG URL parsing), and pulldown-cmark has already
//! decoded entities, so `jav&#x09;ascript:` arrives here as `jav\tascript:`. We normalise the same
//! way first, read the scheme the way a browser does, then allow only http(s), mailto, relative
//! and fragment URLs.

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
    if href.chars().any(char::is_control) {
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
        // The scheme exactly as a browser reads it (WHATWG URL: an ASCII letter, then letters,
        // digits, `+`, `-` or `.`, then `:`), after the same trimming and TAB/LF/CR removal as
        // above. Without one the URL is relative (an empty one is this page); with one, only
        // http, https and mailto pass.
        match scheme_of(&href) {
            None => UrlKind::Relative,
            Some(scheme) => match scheme.to_ascii_lowercase().as_str() {
                "mailto" => UrlKind::Mailto,
                s if ALLOWED_SCHEMES.contains(&s) => UrlKind::External,
                _ => return None,
            },
        }
    };
    Some(SafeUrl { href, kind })
}

fn scheme_of(href: &str) -> Option<&str> {
    let (scheme, _) = href.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
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
            // Not a scheme by the URL standard's grammar, so a browser reads a relative path.
            ("foo):", UrlKind::Relative),
            ("1abc:x", UrlKind::Relative),
            // CommonMark's `[link]()`: this page.
            ("", UrlKind::Relative),
            ("   ", UrlKind::Relative),
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
