//! Markdown to a safe node tree. pulldown-cmark events are walked into [`Node`]s whose tags are a
//! closed set and whose links have been through [`sanitize_url`]; raw HTML becomes visible text.
//! Views map nodes to elements one to one and never see HTML strings, so nothing in the author's
//! Markdown (or in a hostile edit of it) can become markup or script.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag as MdTag};

mod url;

pub use url::{sanitize_url, SafeUrl, UrlKind};

/// A rendered piece of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Text(String),
    Element(Element),
    /// An image inside running text; the view decides what to draw (a monogram, a placeholder).
    Image(Image),
    /// A paragraph that held only an image, with the emphasised paragraph after it as its caption.
    Figure(Figure),
    /// The editor's note with this index, placed after the block it comments on.
    Note(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: Tag,
    pub children: Vec<Node>,
}

/// The closed set of elements the article may contain, each with only the attributes it needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    Paragraph,
    /// `level` is normalised so the post's top heading level becomes `h2` (the title is the `h1`).
    Heading {
        level: u8,
        id: String,
    },
    BlockQuote,
    CodeBlock {
        language: Option<String>,
    },
    List {
        start: Option<u64>,
    },
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    InlineCode,
    Link {
        href: SafeUrl,
        title: Option<String>,
    },
    Rule,
    LineBreak,
    /// Highlights the words an editor's note (by index) is about.
    Mark {
        note: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// `None` when the source was not a safe URL; the alt text is still shown.
    pub src: Option<SafeUrl>,
    pub alt: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// 1-based, in document order.
    pub number: u32,
    pub image: Image,
    pub caption: Vec<Node>,
}

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

    /// Places note `i` after the first top-level block whose text contains `anchors[i]`, and marks
    /// the anchor words when they sit in one text run. Returns the indices of anchors not found.
    pub fn attach_notes(&mut self, anchors: &[&str]) -> Result<(), Vec<usize>> {
        let mut missing = Vec::new();
        let mut placements: Vec<(usize, usize)> = Vec::new();
        for (note, anchor) in anchors.iter().enumerate() {
            let found = self.blocks.iter_mut().enumerate().find(|(_, block)| {
                !anchor.is_empty() && plain_text(std::slice::from_ref(&**block)).contains(anchor)
            });
            match found {
                Some((index, block)) => {
                    mark_anchor(block, anchor, note);
                    placements.push((index, note));
                }
                None => missing.push(note),
            }
        }
        // Insert from the last block backwards so earlier indices stay valid; notes on the same
        // block keep their file order.
        placements.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        for (block, note) in placements {
            let mut at = block + 1;
            while matches!(self.blocks.get(at), Some(Node::Note(n)) if *n < note) {
                at += 1;
            }
            self.blocks.insert(at, Node::Note(note));
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(missing)
        }
    }
}

/// The text a reader sees, without markup; images contribute their alt text.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    push_text(nodes, &mut out);
    out
}

fn push_text(nodes: &[Node], out: &mut String) {
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
                );
                if block && !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
                push_text(&element.children, out);
            }
            Node::Image(image) => out.push_str(&image.alt),
            Node::Figure(figure) => {
                out.push_str(&figure.image.alt);
                out.push(' ');
                push_text(&figure.caption, out);
            }
            Node::Note(_) => {}
        }
    }
}

fn collect_headings(nodes: &[Node], out: &mut Vec<TocEntry>) {
    for node in nodes {
        if let Node::Element(element) = node {
            match &element.tag {
                Tag::Heading { level, id } if (2..=4).contains(level) => out.push(TocEntry {
                    level: *level,
                    id: id.clone(),
                    text: plain_text(&element.children).trim().to_owned(),
                }),
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

/// Wraps the first occurrence of `anchor` inside a single text node in a `Mark`.
fn mark_anchor(node: &mut Node, anchor: &str, note: usize) -> bool {
    let Node::Element(element) = node else {
        return false;
    };
    for index in 0..element.children.len() {
        let Some(child) = element.children.get_mut(index) else {
            break;
        };
        if let Node::Text(text) = child {
            if let Some(start) = text.find(anchor) {
                let (before, rest) = text.split_at(start);
                let (marked, after) = rest.split_at(anchor.len());
                let replacement = [
                    Node::Text(before.to_owned()),
                    Node::Element(Element {
                        tag: Tag::Mark { note },
                        children: vec![Node::Text(marked.to_owned())],
                    }),
                    Node::Text(after.to_owned()),
                ]
                .into_iter()
                .filter(|n| !matches!(n, Node::Text(t) if t.is_empty()));
                element.children.splice(index..=index, replacement);
                return true;
            }
        } else if mark_anchor(child, anchor, note) {
            return true;
        }
    }
    false
}

/// A heading id made the way kramdown (Jekyll's renderer) makes them, so links into the original
/// post keep working: keep letters, digits, spaces and hyphens; drop everything before the first
/// letter; spaces become hyphens; lowercase. ("1. Llama 2" -> "llama-2").
pub fn slugify(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .skip_while(|c| !c.is_alphabetic())
        .collect();
    let slug: String = kept
        .trim_end()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    if slug.is_empty() {
        "section".to_owned()
    } else {
        slug
    }
}

/// Renders Markdown into a safe [`Document`].
pub fn render(markdown: &str) -> Document {
    let mut builder = Builder::default();
    for event in Parser::new(markdown) {
        builder.event(event);
    }
    let mut blocks = builder.finish();
    normalise_heading_levels(&mut blocks);
    make_figures(&mut blocks);
    Document { blocks }
}

/// What an open event range turns into when it closes.
enum Frame {
    Element(Tag),
    Image {
        src: String,
        title: String,
    },
    /// Containers we do not render as elements (raw HTML blocks, unsupported extensions): their
    /// children join the parent.
    Transparent,
}

#[derive(Default)]
struct Builder {
    stack: Vec<(Frame, Vec<Node>)>,
    root: Vec<Node>,
    used_ids: Vec<String>,
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

    fn push_leaf(&mut self, tag: Tag, text: Option<&str>) {
        let children = text
            .map(|t| vec![Node::Text(t.to_owned())])
            .unwrap_or_default();
        self.children()
            .push(Node::Element(Element { tag, children }));
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => {
                let frame = self.open(tag);
                self.stack.push((frame, Vec::new()));
            }
            Event::End(_) => self.close(),
            Event::Text(text) => self.push_text(&text),
            Event::Code(code) => self.push_leaf(Tag::InlineCode, Some(&code)),
            // Raw HTML is the author's text, shown literally; comments are authoring notes, dropped.
            Event::Html(html) | Event::InlineHtml(html) => {
                if !html.trim_start().starts_with("<!--") {
                    self.push_text(&html);
                }
            }
            Event::SoftBreak => self.push_text("\n"),
            Event::HardBreak => self.push_leaf(Tag::LineBreak, None),
            Event::Rule => self.push_leaf(Tag::Rule, None),
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push_text(&math),
        }
    }

    fn open(&mut self, tag: MdTag<'_>) -> Frame {
        let element = match tag {
            MdTag::Paragraph => Tag::Paragraph,
            // The id is assigned on close, from the heading's text.
            MdTag::Heading { level, .. } => Tag::Heading {
                level: heading_level(level),
                id: String::new(),
            },
            MdTag::BlockQuote(_) => Tag::BlockQuote,
            MdTag::CodeBlock(kind) => Tag::CodeBlock {
                language: match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_owned)
                    }
                    pulldown_cmark::CodeBlockKind::Indented => None,
                },
            },
            MdTag::List(start) => Tag::List { start },
            MdTag::Item => Tag::Item,
            MdTag::Emphasis => Tag::Emphasis,
            MdTag::Strong => Tag::Strong,
            MdTag::Strikethrough => Tag::Strikethrough,
            MdTag::Link {
                dest_url, title, ..
            } => match sanitize_url(&dest_url) {
                Some(href) => Tag::Link {
                    href,
                    title: (!title.is_empty()).then(|| title.to_string()),
                },
                // An unsafe link keeps its text and loses its target.
                None => return Frame::Transparent,
            },
            MdTag::Image {
                dest_url, title, ..
            } => {
                return Frame::Image {
                    src: dest_url.to_string(),
                    title: title.to_string(),
                }
            }
            _ => return Frame::Transparent,
        };
        Frame::Element(element)
    }

    fn close(&mut self) {
        let Some((frame, children)) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Element(Tag::Heading { level, .. }) => {
                let id = self.unique_id(slugify(&plain_text(&children)));
                self.children().push(Node::Element(Element {
                    tag: Tag::Heading { level, id },
                    children,
                }));
            }
            Frame::Element(tag) => self
                .children()
                .push(Node::Element(Element { tag, children })),
            Frame::Image { src, title } => {
                let image = Image {
                    src: sanitize_url(&src),
                    alt: plain_text(&children),
                    title: (!title.is_empty()).then_some(title),
                };
                self.children().push(Node::Image(image));
            }
            Frame::Transparent => {
                for child in children {
                    match child {
                        Node::Text(text) => self.push_text(&text),
                        other => self.children().push(other),
                    }
                }
            }
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

    fn finish(mut self) -> Vec<Node> {
        // Close anything left open (pulldown-cmark balances its events, but stay total).
        while !self.stack.is_empty() {
            self.close();
        }
        self.root
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Shifts headings so the body's top level is `h2`: the page title is the only `h1`, and screen
/// reader users navigating by level find no gaps (the post itself starts at `###`).
fn normalise_heading_levels(blocks: &mut [Node]) {
    let top = blocks
        .iter()
        .filter_map(|node| match node {
            Node::Element(Element {
                tag: Tag::Heading { level, .. },
                ..
            }) => Some(*level),
            _ => None,
        })
        .min();
    let Some(top) = top else { return };
    for node in blocks {
        if let Node::Element(Element {
            tag: Tag::Heading { level, .. },
            ..
        }) = node
        {
            *level = (i16::from(*level) - i16::from(top) + 2).clamp(2, 6) as u8;
        }
    }
}

/// Turns image-only paragraphs into numbered figures, taking a following paragraph that is all
/// emphasis (`*The trends in…*`) as the caption, the way the post lays its chart out.
fn make_figures(blocks: &mut Vec<Node>) {
    let mut number = 0;
    let mut index = 0;
    while let Some(block) = blocks.get(index) {
        if let Some(image) = lone_image(block) {
            number += 1;
            let caption = blocks
                .get(index + 1)
                .and_then(emphasis_only)
                .unwrap_or_default();
            if !caption.is_empty() {
                blocks.remove(index + 1);
            }
            if let Some(block) = blocks.get_mut(index) {
                *block = Node::Figure(Figure {
                    number,
                    image,
                    caption,
                });
            }
        }
        index += 1;
    }
}

fn is_blank(node: &Node) -> bool {
    matches!(node, Node::Text(text) if text.trim().is_empty())
}

fn lone_image(node: &Node) -> Option<Image> {
    let Node::Element(Element {
        tag: Tag::Paragraph,
        children,
    }) = node
    else {
        return None;
    };
    let mut content = children.iter().filter(|child| !is_blank(child));
    match (content.next(), content.next()) {
        (Some(Node::Image(image)), None) => Some(image.clone()),
        _ => None,
    }
}

fn emphasis_only(node: &Node) -> Option<Vec<Node>> {
    let Node::Element(Element {
        tag: Tag::Paragraph,
        children,
    }) = node
    else {
        return None;
    };
    let mut content = children.iter().filter(|child| !is_blank(child));
    match (content.next(), content.next()) {
        (
            Some(Node::Element(Element {
                tag: Tag::Emphasis,
                children,
            })),
            None,
        ) => Some(children.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
