//! The node tree written out as HTML in the CommonMark reference renderer's vocabulary (`<p>`,
//! `<h1>`, `<th align="left">`, `<input type="checkbox">` …, no ids or classes), so the spec
//! examples can be compared with their expected output. The page itself never uses this: its
//! views build DOM nodes, and the prerender serialises those.

use super::{Element, Node, Tag};

/// Serialises `nodes` the way cmark (and cmark-gfm) lay their output out.
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_nodes(nodes, &mut out);
    out
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => escape_into(text, out),
            Node::Element(element) => write_element(element, out),
            Node::Image(image) => {
                out.push_str("<img src=\"");
                if let Some(src) = &image.src {
                    escape_into(&encode_url(&src.href), out);
                }
                out.push_str("\" alt=\"");
                escape_into(&image.alt, out);
                out.push('"');
                if let Some(title) = &image.title {
                    out.push_str(" title=\"");
                    escape_into(title, out);
                    out.push('"');
                }
                out.push_str(" />");
            }
            Node::Figure(figure) => write_nodes(
                std::slice::from_ref(&Node::Image(figure.image.clone())),
                out,
            ),
            Node::Note(_) => {}
        }
    }
}

fn block(out: &mut String, open: &str, children: &[Node], close: &str) {
    out.push_str(open);
    write_nodes(children, out);
    out.push_str(close);
}

fn write_element(element: &Element, out: &mut String) {
    let children = &element.children;
    match &element.tag {
        Tag::Paragraph => block(out, "<p>", children, "</p>\n"),
        Tag::Heading { level, .. } => block(
            out,
            &format!("<h{level}>"),
            children,
            &format!("</h{level}>\n"),
        ),
        Tag::BlockQuote => block(out, "<blockquote>\n", children, "</blockquote>\n"),
        Tag::Callout { kind } => block(
            out,
            &format!(
                "<div class=\"markdown-alert markdown-alert-{}\">\n",
                kind.key()
            ),
            children,
            "</div>\n",
        ),
        Tag::CodeBlock { language } => {
            match language {
                Some(language) => {
                    out.push_str("<pre><code class=\"language-");
                    escape_into(language, out);
                    out.push_str("\">");
                }
                None => out.push_str("<pre><code>"),
            }
            write_nodes(children, out);
            out.push_str("</code></pre>\n");
        }
        Tag::List { start: Some(1) } => block(out, "<ol>\n", children, "</ol>\n"),
        Tag::List { start: Some(start) } => block(
            out,
            &format!("<ol start=\"{start}\">\n"),
            children,
            "</ol>\n",
        ),
        Tag::List { start: None } => block(out, "<ul>\n", children, "</ul>\n"),
        Tag::Item => {
            out.push_str("<li>");
            // Loose items hold paragraphs and start on a new line, as cmark writes them.
            if matches!(children.first(), Some(Node::Element(e)) if is_block(&e.tag)) {
                out.push('\n');
            }
            write_nodes(children, out);
            out.push_str("</li>\n");
        }
        Tag::Emphasis => block(out, "<em>", children, "</em>"),
        Tag::Strong => block(out, "<strong>", children, "</strong>"),
        Tag::Strikethrough => block(out, "<del>", children, "</del>"),
        Tag::InlineCode => block(out, "<code>", children, "</code>"),
        Tag::Link { href, title } => {
            out.push_str("<a href=\"");
            escape_into(&encode_url(&href.href), out);
            out.push('"');
            if let Some(title) = title {
                out.push_str(" title=\"");
                escape_into(title, out);
                out.push('"');
            }
            out.push('>');
            write_nodes(children, out);
            out.push_str("</a>");
        }
        Tag::Rule => out.push_str("<hr />\n"),
        Tag::LineBreak => out.push_str("<br />\n"),
        Tag::Mark { .. } => block(out, "<mark>", children, "</mark>"),
        Tag::Table { .. } => {
            out.push_str("<table>\n");
            let mut rows = children.iter().peekable();
            if let Some(Node::Element(head)) = rows.peek() {
                if head.tag == Tag::TableHead {
                    block(out, "<thead>\n<tr>\n", &head.children, "</tr>\n</thead>\n");
                    rows.next();
                }
            }
            let body: Vec<Node> = rows.cloned().collect();
            if !body.is_empty() {
                block(out, "<tbody>\n", &body, "</tbody>\n");
            }
            out.push_str("</table>\n");
        }
        Tag::TableHead => block(out, "<thead>\n<tr>\n", children, "</tr>\n</thead>\n"),
        Tag::TableRow => block(out, "<tr>\n", children, "</tr>\n"),
        Tag::TableCell { header, align } => {
            let name = if *header { "th" } else { "td" };
            match align.name() {
                Some(align) => out.push_str(&format!("<{name} align=\"{align}\">")),
                None => out.push_str(&format!("<{name}>")),
            }
            write_nodes(children, out);
            out.push_str(&format!("</{name}>\n"));
        }
        Tag::TaskCheckbox { checked, .. } => {
            out.push_str(if *checked {
                "<input checked=\"\" disabled=\"\" type=\"checkbox\" /> "
            } else {
                "<input disabled=\"\" type=\"checkbox\" /> "
            });
        }
        Tag::FootnoteReference { number, target, id } => out.push_str(&format!(
            "<sup class=\"footnote-ref\"><a href=\"#{target}\" id=\"{id}\">{number}</a></sup>"
        )),
        Tag::Footnotes => block(
            out,
            "<section class=\"footnotes\">\n<ol>\n",
            children,
            "</ol>\n</section>\n",
        ),
        Tag::FootnoteItem { id, back_links, .. } => {
            out.push_str(&format!("<li id=\"{id}\">\n"));
            write_nodes(children, out);
            for back in back_links {
                out.push_str(&format!(
                    "<a href=\"#{back}\" class=\"footnote-backref\">↩</a>"
                ));
            }
            out.push_str("</li>\n");
        }
        Tag::DefinitionList => block(out, "<dl>\n", children, "</dl>\n"),
        Tag::DefinitionTerm => block(out, "<dt>", children, "</dt>\n"),
        Tag::DefinitionDetails => block(out, "<dd>", children, "</dd>\n"),
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote
            | Tag::CodeBlock { .. }
            | Tag::List { .. }
            | Tag::Rule
            | Tag::Table { .. }
            | Tag::Callout { .. }
            | Tag::DefinitionList
    )
}

/// The page's own escaping (`page::escape_html`); the normalised comparison reads `&#39;` and `'`
/// alike.
fn escape_into(text: &str, out: &mut String) {
    out.push_str(&crate::escape::escape_html(text));
}

/// Percent-encodes what the reference renderer encodes in a URL (commonmark.js `normalizeURI`):
/// everything but ASCII letters, digits, `;/?:@&=+$,-_.!~*'()#` and existing `%XX` escapes.
fn encode_url(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escape = byte == b'%'
            && bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        if byte.is_ascii_alphanumeric() || b";/?:@&=+$,-_.!~*'()#".contains(&byte) || escape {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
        i += 1;
    }
    out
}
