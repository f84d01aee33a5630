//! pulldown-cmark's tags to the closed [`Tag`] set: what each opening event becomes, and what an
//! element becomes when it closes (heading ids, task-box labels, sanitised images).

use pulldown_cmark::{Alignment, BlockQuoteKind, HeadingLevel, Tag as MdTag};

use super::{Builder, Open};
use crate::markdown::document::plain_text;
use crate::markdown::node::{Align, CalloutKind, Element, Image, Node, Tag, HEADING_CLASSES};
use crate::markdown::url::sanitize_url;

impl Builder {
    pub(super) fn open(&mut self, tag: MdTag<'_>) -> Open {
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
                return Open::Heading {
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
                    return Open::Transparent;
                }
            },
            MdTag::Image {
                dest_url, title, ..
            } => {
                return Open::Image {
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
            MdTag::FootnoteDefinition(label) => return Open::FootnoteDefinition(label.to_string()),
            MdTag::DefinitionList => Tag::DefinitionList,
            MdTag::DefinitionListTitle => Tag::DefinitionTerm,
            MdTag::DefinitionListDefinition => Tag::DefinitionDetails,
            MdTag::HtmlBlock => return Open::Transparent,
            other => {
                self.warn(format!(
                    "{other:?} is not supported and is shown as plain text"
                ));
                return Open::Transparent;
            }
        };
        Open::Element(element)
    }

    pub(super) fn close(&mut self) {
        let Some((frame, mut children)) = self.stack.pop() else {
            return;
        };
        match frame {
            Open::Heading { level, id, classes } => {
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
            Open::Element(Tag::TableHead) => {
                self.in_table_head = false;
                self.children().push(Node::Element(Element {
                    tag: Tag::TableHead,
                    children,
                }));
            }
            Open::Element(Tag::Item) => {
                label_task_checkbox(&mut children);
                self.children().push(Node::Element(Element {
                    tag: Tag::Item,
                    children,
                }));
            }
            Open::Element(tag) => self
                .children()
                .push(Node::Element(Element { tag, children })),
            Open::Image { src, title } => {
                let image = Image {
                    src: sanitize_url(&src),
                    alt: plain_text(&children),
                    title: (!title.is_empty()).then_some(title),
                };
                self.children().push(Node::Image(image));
            }
            Open::FootnoteDefinition(label) => {
                self.definitions.push((label, children, self.offset));
            }
            Open::Transparent => {
                for child in children {
                    match child {
                        Node::Text(text) => self.push_text(&text),
                        other => self.children().push(other),
                    }
                }
            }
        }
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
