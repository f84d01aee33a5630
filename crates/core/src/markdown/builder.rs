//! The event walker: pulldown-cmark's events, in one pass, into safe [`Node`]s. It holds the open
//! elements on a stack, places running text (finding bare URLs in it), shows raw HTML as text with
//! a warning, and gives every heading and footnote a unique id.

use pulldown_cmark::{Event, Options, Parser};

use super::autolink;
use super::node::{Align, Element, Node, Tag, Warning};
use footnotes::FootnoteRefs;
pub use tags::slugify;

mod footnotes;
mod tags;

/// Which Markdown the text is read as. The article gets every extension; the conformance runs
/// read each spec's examples as that spec defines them, through the same builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// CommonMark 0.31 alone.
    CommonMark,
    /// GitHub Flavored Markdown: tables, strikethrough, task lists, autolinks.
    Gfm,
    /// GFM plus footnotes, heading attributes, definition lists, alerts and smart punctuation.
    #[default]
    Article,
}

impl Dialect {
    fn options(self) -> Options {
        let gfm =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        match self {
            Dialect::CommonMark => Options::empty(),
            Dialect::Gfm => gfm,
            Dialect::Article => {
                gfm | Options::ENABLE_FOOTNOTES
                    | Options::ENABLE_HEADING_ATTRIBUTES
                    | Options::ENABLE_DEFINITION_LIST
                    | Options::ENABLE_GFM
                    | Options::ENABLE_SMART_PUNCTUATION
            }
        }
    }

    fn autolinks(self) -> bool {
        self != Dialect::CommonMark
    }
}

/// The node tree for `markdown` read as `dialect`, before the article's page-level touches
/// (heading levels from `h2`, figures): what the conformance runs serialise and compare.
pub fn parse_nodes(markdown: &str, dialect: Dialect) -> (Vec<Node>, Vec<Warning>) {
    let mut builder = Builder {
        dialect,
        ..Builder::default()
    };
    for (event, range) in Parser::new_ext(markdown, dialect.options()).into_offset_iter() {
        builder.offset = range.start;
        builder.event(event);
    }
    builder.finish()
}

/// What an open event range turns into when it closes.
enum Open {
    Element(Tag),
    /// A heading with the author's `{#id}` (if any) still to be checked.
    Heading {
        level: u8,
        id: Option<String>,
        classes: Vec<String>,
    },
    Image {
        src: String,
        title: String,
    },
    /// A footnote's text, moved to the end of the article when it closes.
    FootnoteDefinition(String),
    /// Containers we do not render as elements (raw HTML blocks, unsafe links): their children
    /// join the parent.
    Transparent,
}

#[derive(Default)]
struct Builder {
    dialect: Dialect,
    stack: Vec<(Open, Vec<Node>)>,
    root: Vec<Node>,
    used_ids: Vec<String>,
    /// Running text not yet placed, so an autolink split over several text events is seen whole.
    pending: String,
    /// Byte offset of the event being handled, for warnings.
    offset: usize,
    warnings: Vec<Warning>,
    tables: usize,
    table_alignments: Vec<Align>,
    in_table_head: bool,
    cell: usize,
    /// Footnote labels in order of first reference, each with its target id and reference ids.
    footnotes: Vec<FootnoteRefs>,
    /// Footnote definitions by label, with where each was defined.
    definitions: Vec<(String, Vec<Node>, usize)>,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some((_, children)) => children,
            None => &mut self.root,
        }
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(text);
        } else {
            children.push(Node::Text(text.to_owned()));
        }
    }

    /// Places the pending running text, turning bare URLs into links where GFM would.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.pending);
        let in_link_or_code = self.stack.iter().any(|(frame, _)| {
            matches!(
                frame,
                Open::Element(Tag::Link { .. } | Tag::CodeBlock { .. }) | Open::Image { .. }
            )
        });
        if !self.dialect.autolinks() || in_link_or_code {
            self.push_text(&text);
            return;
        }
        for piece in autolink::split(&text) {
            match piece {
                autolink::Piece::Text(text) => self.push_text(&text),
                autolink::Piece::Link { href, text } => {
                    self.children().push(Node::Element(Element {
                        tag: Tag::Link { href, title: None },
                        children: vec![Node::Text(text)],
                    }))
                }
            }
        }
    }

    fn push_leaf(&mut self, tag: Tag, text: Option<&str>) {
        let children = text
            .map(|t| vec![Node::Text(t.to_owned())])
            .unwrap_or_default();
        self.children()
            .push(Node::Element(Element { tag, children }));
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(Warning {
            offset: self.offset,
            message: message.into(),
        });
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(text) => {
                self.pending.push_str(&text);
                return;
            }
            Event::SoftBreak => {
                self.pending.push('\n');
                return;
            }
            _ => self.flush(),
        }
        match event {
            Event::Start(tag) => {
                let frame = self.open(tag);
                self.stack.push((frame, Vec::new()));
            }
            Event::End(_) => self.close(),
            Event::Code(code) => self.push_leaf(Tag::InlineCode, Some(&code)),
            // Raw HTML is the author's text, shown literally; comments are authoring notes, dropped.
            Event::Html(html) | Event::InlineHtml(html) => {
                if !html.trim_start().starts_with("<!--") {
                    if !html.trim().is_empty() {
                        self.warn(format!(
                            "raw HTML is shown as text, not as markup: {:?}",
                            html.trim().chars().take(40).collect::<String>()
                        ));
                    }
                    self.push_text(&html);
                }
            }
            Event::HardBreak => self.push_leaf(Tag::LineBreak, None),
            Event::Rule => self.push_leaf(Tag::Rule, None),
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::TaskListMarker(checked) => self.push_leaf(
                Tag::TaskCheckbox {
                    checked,
                    label: String::new(),
                },
                None,
            ),
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                self.warn("math is shown as its source text");
                self.push_text(&math);
            }
            Event::Text(_) | Event::SoftBreak => {}
        }
    }

    fn unique_id(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while self.used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used_ids.push(id.clone());
        id
    }

    fn finish(mut self) -> (Vec<Node>, Vec<Warning>) {
        self.flush();
        // Close anything left open (pulldown-cmark balances its events, but stay total).
        while !self.stack.is_empty() {
            self.close();
            self.flush();
        }
        if let Some(footnotes) = self.footnote_list() {
            self.root.push(footnotes);
        }
        self.warnings.sort_by_key(|w| w.offset);
        (self.root, self.warnings)
    }
}
