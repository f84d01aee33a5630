//! Markdown to a safe node tree. pulldown-cmark events are walked into [`Node`]s whose tags are a
//! closed set and whose links have been through [`sanitize_url`]; raw HTML becomes visible text.
//! Views map nodes to elements one to one and never see HTML strings, so nothing in the author's
//! Markdown (or in a hostile edit of it) can become markup or script.

use pulldown_cmark::{
    Alignment, BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag as MdTag,
};

mod autolink;
pub mod html;
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
    /// `id` is the author's `{#id}` when it is a plain identifier, else made from the text;
    /// `classes` are the author's `{.class}` names that are on [`HEADING_CLASSES`].
    Heading {
        level: u8,
        id: String,
        classes: Vec<String>,
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
    /// A GFM table; `number` (1-based, in document order) names its scrolling region.
    Table {
        number: usize,
    },
    /// The header row's cells (pulldown-cmark has no row inside the head; views add one).
    TableHead,
    TableRow,
    TableCell {
        header: bool,
        align: Align,
    },
    /// A task list item's box, drawn disabled; `label` is the item's text, its accessible name.
    TaskCheckbox {
        checked: bool,
        label: String,
    },
    /// A numbered footnote reference: links to `target` (the note) and is itself `id`, which the
    /// note links back to.
    FootnoteReference {
        number: usize,
        target: String,
        id: String,
    },
    /// The notes at the end of the article, in the order they are first referenced.
    Footnotes,
    /// One note; `back_links` are the ids of its references, in order.
    FootnoteItem {
        number: usize,
        id: String,
        back_links: Vec<String>,
    },
    DefinitionList,
    DefinitionTerm,
    DefinitionDetails,
    /// A GFM alert (`> [!NOTE]`), shown as a labelled callout.
    Callout {
        kind: CalloutKind,
    },
}

/// A table column's alignment, drawn with a class (a strict CSP allows no inline `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    None,
    Left,
    Center,
    Right,
}

impl Align {
    /// The CSS class for the cell, and the word the HTML serialisation uses.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Align::None => None,
            Align::Left => Some("left"),
            Align::Center => Some("center"),
            Align::Right => Some("right"),
        }
    }
}

/// The five GFM alert kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl CalloutKind {
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Note => "Note",
            CalloutKind::Tip => "Tip",
            CalloutKind::Important => "Important",
            CalloutKind::Warning => "Warning",
            CalloutKind::Caution => "Caution",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CalloutKind::Note => "note",
            CalloutKind::Tip => "tip",
            CalloutKind::Important => "important",
            CalloutKind::Warning => "warning",
            CalloutKind::Caution => "caution",
        }
    }
}

/// Heading classes an author may set with `{.class}`; each is styled in `style/article.css`.
/// Anything else is dropped with a warning, so the author's Markdown cannot reach arbitrary CSS.
pub const HEADING_CLASSES: [&str; 2] = ["no-toc", "kicker"];

/// Something in the Markdown that renders differently from what the author probably meant, found
/// at `offset` (a byte offset into the Markdown); the content build prints it with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub offset: usize,
    pub message: String,
}

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

/// Renders the article's Markdown into a safe [`Document`].
pub fn render(markdown: &str) -> Document {
    let (mut blocks, warnings) = parse_nodes(markdown, Dialect::Article);
    normalise_heading_levels(&mut blocks);
    make_figures(&mut blocks);
    Document { blocks, warnings }
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
enum Frame {
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
    stack: Vec<(Frame, Vec<Node>)>,
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

struct FootnoteRefs {
    label: String,
    target: String,
    references: Vec<String>,
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
                Frame::Element(Tag::Link { .. } | Tag::CodeBlock { .. }) | Frame::Image { .. }
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

    fn footnote_reference(&mut self, label: &str) {
        let index = match self.footnotes.iter().position(|f| f.label == label) {
            Some(index) => index,
            None => {
                let target = self.unique_id(format!("fn-{}", id_part(label)));
                self.footnotes.push(FootnoteRefs {
                    label: label.to_owned(),
                    target,
                    references: Vec::new(),
                });
                self.footnotes.len() - 1
            }
        };
        let Some(refs) = self.footnotes.get(index) else {
            return;
        };
        let base = format!("fnref-{}", id_part(&refs.label));
        let target = refs.target.clone();
        let id = self.unique_id(base);
        if let Some(refs) = self.footnotes.get_mut(index) {
            refs.references.push(id.clone());
        }
        self.push_leaf(
            Tag::FootnoteReference {
                number: index + 1,
                target,
                id,
            },
            None,
        );
    }

    fn open(&mut self, tag: MdTag<'_>) -> Frame {
        let element = match tag {
            MdTag::Paragraph => Tag::Paragraph,
            MdTag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                let mut kept = Vec::new();
                for class in classes {
                    if HEADING_CLASSES.contains(&class.as_ref()) {
                        kept.push(class.to_string());
                    } else {
                        self.warn(format!(
                            "heading class .{class} is not one of {} and is dropped",
                            HEADING_CLASSES.map(|c| format!(".{c}")).join(", ")
                        ));
                    }
                }
                if !attrs.is_empty() {
                    self.warn("heading attributes other than #id and .class are dropped");
                }
                return Frame::Heading {
                    level: heading_level(level),
                    id: id.map(|id| id.to_string()),
                    classes: kept,
                };
            }
            MdTag::BlockQuote(None) => Tag::BlockQuote,
            MdTag::BlockQuote(Some(kind)) => Tag::Callout {
                kind: match kind {
                    BlockQuoteKind::Note => CalloutKind::Note,
                    BlockQuoteKind::Tip => CalloutKind::Tip,
                    BlockQuoteKind::Important => CalloutKind::Important,
                    BlockQuoteKind::Warning => CalloutKind::Warning,
                    BlockQuoteKind::Caution => CalloutKind::Caution,
                },
            },
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
                link_type,
                dest_url,
                title,
                ..
            } => match sanitize_url(&if link_type == pulldown_cmark::LinkType::Email {
                format!("mailto:{dest_url}")
            } else {
                dest_url.to_string()
            }) {
                Some(href) => Tag::Link {
                    href,
                    title: (!title.is_empty()).then(|| title.to_string()),
                },
                // An unsafe link keeps its text and loses its target.
                None => {
                    if !dest_url.is_empty() {
                        self.warn(format!("link target {:?} is not http(s), mailto, relative or #: the words stay, the link is dropped", dest_url.chars().take(40).collect::<String>()));
                    }
                    return Frame::Transparent;
                }
            },
            MdTag::Image {
                dest_url, title, ..
            } => {
                return Frame::Image {
                    src: dest_url.to_string(),
                    title: title.to_string(),
                }
            }
            MdTag::Table(alignments) => {
                self.tables += 1;
                self.table_alignments = alignments.iter().map(align).collect();
                Tag::Table {
                    number: self.tables,
                }
            }
            MdTag::TableHead => {
                self.in_table_head = true;
                self.cell = 0;
                Tag::TableHead
            }
            MdTag::TableRow => {
                self.cell = 0;
                Tag::TableRow
            }
            MdTag::TableCell => {
                let align = self
                    .table_alignments
                    .get(self.cell)
                    .copied()
                    .unwrap_or_default();
                self.cell += 1;
                Tag::TableCell {
                    header: self.in_table_head,
                    align,
                }
            }
            MdTag::FootnoteDefinition(label) => {
                return Frame::FootnoteDefinition(label.to_string())
            }
            MdTag::DefinitionList => Tag::DefinitionList,
            MdTag::DefinitionListTitle => Tag::DefinitionTerm,
            MdTag::DefinitionListDefinition => Tag::DefinitionDetails,
            MdTag::HtmlBlock => return Frame::Transparent,
            other => {
                self.warn(format!(
                    "{other:?} is not supported and is shown as plain text"
                ));
                return Frame::Transparent;
            }
        };
        Frame::Element(element)
    }

    fn close(&mut self) {
        let Some((frame, mut children)) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Heading { level, id, classes } => {
                let id = match id.filter(|id| is_plain_id(id)) {
                    Some(id) => {
                        if self.used_ids.contains(&id) {
                            self.warn(format!(
                                "heading id #{id} is used twice; the second gets a suffix"
                            ));
                        }
                        self.unique_id(id)
                    }
                    None => self.unique_id(slugify(&plain_text(&children))),
                };
                self.children().push(Node::Element(Element {
                    tag: Tag::Heading { level, id, classes },
                    children,
                }));
            }
            Frame::Element(Tag::TableHead) => {
                self.in_table_head = false;
                self.children().push(Node::Element(Element {
                    tag: Tag::TableHead,
                    children,
                }));
            }
            Frame::Element(Tag::Item) => {
                label_task_checkbox(&mut children);
                self.children().push(Node::Element(Element {
                    tag: Tag::Item,
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
            Frame::FootnoteDefinition(label) => {
                self.definitions.push((label, children, self.offset));
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

    fn finish(mut self) -> (Vec<Node>, Vec<Warning>) {
        self.flush();
        // Close anything left open (pulldown-cmark balances its events, but stay total).
        while !self.stack.is_empty() {
            self.close();
            self.flush();
        }
        let mut items = Vec::new();
        for (index, refs) in std::mem::take(&mut self.footnotes).into_iter().enumerate() {
            let definition = self
                .definitions
                .iter()
                .position(|(label, _, _)| *label == refs.label)
                .map(|at| self.definitions.remove(at));
            let children = match definition {
                Some((_, children, _)) => children,
                None => vec![Node::Text(format!("[^{}]", refs.label))],
            };
            items.push(Node::Element(Element {
                tag: Tag::FootnoteItem {
                    number: index + 1,
                    id: refs.target,
                    back_links: refs.references,
                },
                children,
            }));
        }
        // A note nothing refers to is still the author's text: it goes last, with no way back.
        for (label, children, offset) in std::mem::take(&mut self.definitions) {
            self.warnings.push(Warning {
                offset,
                message: format!(
                    "footnote [^{label}] is never referenced; it is listed last, unlinked"
                ),
            });
            let number = items.len() + 1;
            let id = self.unique_id(format!("fn-{}", id_part(&label)));
            items.push(Node::Element(Element {
                tag: Tag::FootnoteItem {
                    number,
                    id,
                    back_links: Vec::new(),
                },
                children,
            }));
        }
        if !items.is_empty() {
            self.root.push(Node::Element(Element {
                tag: Tag::Footnotes,
                children: items,
            }));
        }
        self.warnings.sort_by_key(|w| w.offset);
        (self.root, self.warnings)
    }
}

fn align(alignment: &Alignment) -> Align {
    match alignment {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// An author's `{#id}` is kept when it is a plain identifier (a letter, then letters, digits,
/// `-` or `_`); anything else gets an id made from the heading's text.
fn is_plain_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
}

/// The part of a footnote label that may go into an id.
fn id_part(label: &str) -> String {
    let part: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .flat_map(|c| c.to_lowercase())
        .collect();
    if part.is_empty() {
        "note".to_owned()
    } else {
        part
    }
}

/// Names a task item's checkbox after the item's own words.
fn label_task_checkbox(children: &mut [Node]) {
    let text = plain_text(children).trim().to_owned();
    let checkbox = match children.first_mut() {
        Some(Node::Element(Element {
            tag: Tag::Paragraph,
            children,
        })) => children.first_mut(),
        other => other,
    };
    if let Some(Node::Element(Element {
        tag: Tag::TaskCheckbox { label, .. },
        ..
    })) = checkbox
    {
        *label = text;
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
