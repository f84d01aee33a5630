//! A rendered article body and what the page asks of it: its table of contents, word count,
//! reading time, images and plain text.

use super::node::{Image, Node, Tag, Warning};

/// One table-of-contents line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A rendered article body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub blocks: Vec<Node>,
    /// What did not render as written (raw HTML shown as text, a dropped class, an unused
    /// footnote); empty for the shipped post.
    pub warnings: Vec<Warning>,
}

/// Average adult silent reading speed for non-fiction (Brysbaert 2019: 238 wpm).
const WORDS_PER_MINUTE: usize = 238;

impl Document {
    /// Headings `h2`–`h4` in order.
    pub fn toc(&self) -> Vec<TocEntry> {
        let mut entries = Vec::new();
        collect_headings(&self.blocks, &mut entries);
        entries
    }

    pub fn word_count(&self) -> usize {
        plain_text(&self.blocks).split_whitespace().count()
    }

    /// Whole minutes, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// All image sources in the document, figures included.
    pub fn images(&self) -> Vec<&Image> {
        let mut images = Vec::new();
        collect_images(&self.blocks, &mut images);
        images
    }
}

/// The text a reader sees, without markup; images contribute their alt text.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    append_plain_text(nodes, &mut out);
    out
}

fn append_plain_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                let block = matches!(
                    element.tag,
                    Tag::Paragraph
                        | Tag::Heading { .. }
                        | Tag::Item
                        | Tag::CodeBlock { .. }
                        | Tag::LineBreak
                        | Tag::TableCell { .. }
                        | Tag::DefinitionTerm
                        | Tag::DefinitionDetails
                        | Tag::FootnoteItem { .. }
                );
                if let Tag::FootnoteReference { number, .. } = element.tag {
                    out.push_str(&number.to_string());
                }
                if block && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                append_plain_text(&element.children, out);
            }
            Node::Image(image) => out.push_str(&image.alt),
            Node::Figure(figure) => {
                out.push_str(&figure.image.alt);
                out.push(' ');
                append_plain_text(&figure.caption, out);
            }
            Node::Note(_) => {}
        }
    }
}

fn collect_headings(nodes: &[Node], out: &mut Vec<TocEntry>) {
    for node in nodes {
        if let Node::Element(element) = node {
            match &element.tag {
                Tag::Heading {
                    level, id, classes, ..
                } if (2..=4).contains(level) && !classes.iter().any(|c| c == "no-toc") => {
                    out.push(TocEntry {
                        level: *level,
                        id: id.clone(),
                        text: plain_text(&element.children).trim().to_owned(),
                    })
                }
                Tag::Heading { .. } => {}
                _ => collect_headings(&element.children, out),
            }
        }
    }
}

fn collect_images<'a>(nodes: &'a [Node], out: &mut Vec<&'a Image>) {
    for node in nodes {
        match node {
            Node::Image(image) => out.push(image),
            Node::Figure(figure) => out.push(&figure.image),
            Node::Element(element) => collect_images(&element.children, out),
            Node::Text(_) | Node::Note(_) => {}
        }
    }
}
