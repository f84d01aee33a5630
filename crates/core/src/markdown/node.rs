//! The safe node vocabulary: a closed set of tags whose links have been through `sanitize_url`.
//! It is the contract between the builder, the views, the HTML writer and the snapshot tests.

use super::url::SafeUrl;

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
