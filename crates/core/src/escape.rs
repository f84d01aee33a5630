//! Escaping for HTML text and quoted attributes: the one function every writer of HTML in the
//! crate (the Markdown writer, head tags, feed, sitemap) uses, so none of them reaches up for it.

/// Escapes text for an HTML text node or a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
