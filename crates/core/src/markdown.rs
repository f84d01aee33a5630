//! Markdown to a safe node tree. pulldown-cmark events are walked into [`Node`]s whose tags are a
//! closed set and whose links have been through [`sanitize_url`]; raw HTML becomes visible text.
//! Views map nodes to elements and never see HTML strings, so nothing in the author's Markdown
//! (or in a hostile edit of it) can become markup or script.
//!
//! `node` is the vocabulary, `builder` the event walker, `document` the queries the page makes,
//! `passes` the article's own touches (heading levels, figures), `notes` the editor's notes.

mod autolink;
mod builder;
mod document;
pub mod html;
mod node;
mod notes;
mod passes;
mod url;

pub use builder::{parse_nodes, slugify, Dialect};
pub use document::{plain_text, Document, TocEntry};
pub use node::{Align, CalloutKind, Element, Figure, Image, Node, Tag, Warning, HEADING_CLASSES};
pub use url::{sanitize_url, SafeUrl, UrlKind};

/// Renders the article's Markdown into a safe [`Document`].
pub fn render(markdown: &str) -> Document {
    let (mut blocks, warnings) = parse_nodes(markdown, Dialect::Article);
    passes::normalise_heading_levels(&mut blocks);
    passes::make_figures(&mut blocks);
    Document { blocks, warnings }
}

#[cfg(test)]
mod tests;
