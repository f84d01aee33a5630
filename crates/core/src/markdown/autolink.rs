//! GitHub's autolink extension (GFM spec 6.9), which pulldown-cmark does not implement: bare
//! `www.`, `http(s)://` and e-mail addresses in running text become links. The rules follow the
//! spec: a valid domain, trailing punctuation and unbalanced `)` left out, an entity-like `&x;`
//! tail left out. Every result still goes through [`sanitize_url`].

use super::url::{sanitize_url, SafeUrl};

/// A piece of running text: plain, or a link with its visible text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Link { href: SafeUrl, text: String },
}

/// Splits `text` into plain pieces and autolinks. Text without a candidate comes back whole.
pub fn split(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        let rest = text.get(at..).unwrap_or_default();
        let boundary = at == 0
            || text
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(|c| c.is_whitespace() || matches!(c, '*' | '_' | '~' | '('));
        let found = if boundary {
            protocol_address(rest).or_else(|| url_or_www(rest))
        } else {
            None
        }
        .or_else(|| email(text, at));
        match found {
            Some((back, len, href)) if at - back >= plain_from => {
                let start = at - back;
                if let Some(before) = text.get(plain_from..start).filter(|s| !s.is_empty()) {
                    pieces.push(Piece::Text(before.to_owned()));
                }
                let shown = text.get(start..at + len).unwrap_or_default().to_owned();
                match sanitize_url(&href) {
                    Some(href) => pieces.push(Piece::Link { href, text: shown }),
                    None => pieces.push(Piece::Text(shown)),
                }
                at += len;
                plain_from = at;
            }
            _ => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if let Some(tail) = text.get(plain_from..).filter(|s| !s.is_empty()) {
        pieces.push(Piece::Text(tail.to_owned()));
    }
    pieces
}

/// `www.` or `http(s)://` at the start of `rest`: (0, length, href).
fn url_or_www(rest: &str) -> Option<(usize, usize, String)> {
    let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    let (scheme_len, prefix) = if lower.starts_with("https://") {
        (8, "")
    } else if lower.starts_with("http://") {
        (7, "")
    } else if lower.starts_with("www.") {
        (0, "http://")
    } else {
        return None;
    };
    let after_scheme = rest.get(scheme_len..)?;
    let domain_len = valid_domain(after_scheme)?;
    let candidate_len = scheme_len
        + after_scheme
            .find(|c: char| c.is_whitespace() || c == '<')
            .unwrap_or(after_scheme.len());
    let len = trim_tail(rest.get(..candidate_len)?, scheme_len + domain_len);
    if len <= scheme_len || len < scheme_len + domain_len {
        return None;
    }
    let link = rest.get(..len)?;
    Some((0, len, format!("{prefix}{link}")))
}

/// `mailto:` or `xmpp:` and an address (an XMPP one may add `/resource`): (0, length, href).
/// XMPP is not an allowed scheme, so [`split`] keeps that one as text, whole.
fn protocol_address(rest: &str) -> Option<(usize, usize, String)> {
    let prefix = ["mailto:", "xmpp:"]
        .into_iter()
        .find(|p| rest.starts_with(p))?;
    let after = rest.get(prefix.len()..)?;
    let mut len = address_len(after)?;
    if prefix == "xmpp:" {
        if let Some(resource) = after.get(len..).and_then(|r| r.strip_prefix('/')) {
            let extra = resource
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '@' | '.')))
                .unwrap_or(resource.len());
            if extra > 0 {
                len += 1 + extra;
            }
        }
    }
    let total = prefix.len() + len;
    Some((0, total, rest.get(..total)?.to_owned()))
}

/// The length of an e-mail address at the start of `text` (GFM's rules), if there is one.
fn address_len(text: &str) -> Option<usize> {
    let local = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+')))
        .unwrap_or(text.len());
    if local == 0 || !text.get(local..)?.starts_with('@') {
        return None;
    }
    let domain_text = text.get(local + 1..)?;
    let domain_len = domain_len(domain_text)?;
    Some(local + 1 + domain_len)
}

/// The length of an e-mail domain at the start of `text`: letters, digits, `-`, `_` and
/// periods, at least one period, not ending in `-` or `_`, a final period left out.
fn domain_len(domain_text: &str) -> Option<usize> {
    let mut len = domain_text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(domain_text.len());
    let mut domain = domain_text.get(..len)?;
    while domain.ends_with('.') {
        len -= 1;
        domain = domain_text.get(..len)?;
    }
    if domain.ends_with('-') || domain.ends_with('_') || !domain.contains('.') {
        return None;
    }
    if domain.split('.').any(str::is_empty) {
        return None;
    }
    Some(len)
}

/// The length of a valid domain at the start of `text`: segments of letters, digits, `_` and
/// `-`, at least one period, no `_` in the last two segments.
fn valid_domain(text: &str) -> Option<usize> {
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(text.len());
    let domain = text.get(..len)?;
    // A trailing period ends the sentence, not the domain.
    let domain = domain.trim_end_matches('.');
    let segments: Vec<&str> = domain.split('.').collect();
    if segments.len() < 2 || segments.iter().any(|s| s.is_empty()) {
        return None;
    }
    if segments.iter().rev().take(2).any(|s| s.contains('_')) {
        return None;
    }
    Some(domain.len())
}

/// Drops trailing punctuation, an entity-like `&name;` tail and unbalanced closing parentheses,
/// never cutting into the first `keep` bytes.
fn trim_tail(candidate: &str, keep: usize) -> usize {
    let mut end = candidate.len();
    loop {
        let Some(current) = candidate.get(..end) else {
            return end;
        };
        let Some(last) = current.chars().next_back() else {
            return end;
        };
        if end <= keep {
            return end;
        }
        if matches!(last, '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~') {
            end -= last.len_utf8();
        } else if last == ';' {
            // `&hl;` looks like an entity: leave it out, and the `&` with it.
            match current.rfind('&') {
                Some(amp)
                    if current.get(amp + 1..end - 1).is_some_and(|name| {
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
                    }) =>
                {
                    end = amp;
                }
                _ => return end,
            }
        } else if last == ')' {
            let opens = current.matches('(').count();
            let closes = current.matches(')').count();
            if closes > opens {
                end -= 1;
            } else {
                return end;
            }
        } else {
            return end;
        }
    }
}

/// An e-mail address around the `@` at `at`: returns (how far back its local part starts, the
/// length from `at`, the `mailto:` href).
fn email(text: &str, at: usize) -> Option<(usize, usize, String)> {
    let rest = text.get(at..)?;
    if !rest.starts_with('@') {
        return None;
    }
    let before = text.get(..at)?;
    let local_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
        .last()
        .map(|(i, _)| i)?;
    let local = before.get(local_start..)?;
    if local.is_empty() {
        return None;
    }
    let domain_text = rest.get(1..)?;
    let len = domain_len(domain_text)?;
    let domain = domain_text.get(..len)?;
    let address = format!("{local}@{domain}");
    // The caller's `at` already passed the local part as plain text; report how far back the
    // link starts so it can take that text back.
    Some((at - local_start, 1 + len, format!("mailto:{address}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        split(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Link { href, text } => Some((href.href, text)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn www_http_and_email_become_links() {
        assert_eq!(
            links("Visit www.commonmark.org/help for more."),
            [(
                "http://www.commonmark.org/help".into(),
                "www.commonmark.org/help".into()
            )]
        );
        assert_eq!(
            links("See https://ai.meta.com/llama/, then stop"),
            [(
                "https://ai.meta.com/llama/".into(),
                "https://ai.meta.com/llama/".into()
            )]
        );
        assert_eq!(
            links("mail foo@bar.baz."),
            [("mailto:foo@bar.baz".into(), "foo@bar.baz".into())]
        );
    }

    #[test]
    fn tails_follow_the_spec() {
        assert_eq!(
            links("www.google.com/search?q=Markup+(business))")[0].1,
            "www.google.com/search?q=Markup+(business)"
        );
        assert_eq!(
            links("www.google.com/search?q=commonmark&hl;")[0].1,
            "www.google.com/search?q=commonmark"
        );
        assert_eq!(
            links("(www.google.com/search?q=Markup+(business))")[0].1,
            "www.google.com/search?q=Markup+(business)"
        );
        assert!(
            links("www.xxx.yyy._zzz").is_empty(),
            "underscore in the last segments"
        );
        assert!(links("a.b-c_d@a.b_").is_empty());
    }

    #[test]
    fn text_around_links_is_kept_whole() {
        let pieces = split("a www.x.org b");
        let text: String = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Link { text, .. } => text.clone(),
            })
            .collect();
        assert_eq!(text, "a www.x.org b");
        assert_eq!(
            split("no links here"),
            [Piece::Text("no links here".into())]
        );
    }
}
