//! What this article does to its rendered body: headings start at `h2` under the page title, and
//! a paragraph holding only an image (with an emphasised caption) becomes a numbered figure.

use super::node::{Element, Figure, Image, Node, Tag};

/// Shifts headings so the body's top level is `h2`: the page title is the only `h1`, and screen
/// reader users navigating by level find no gaps (the post itself starts at `###`).
pub(super) fn normalise_heading_levels(blocks: &mut [Node]) {
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
pub(super) fn make_figures(blocks: &mut Vec<Node>) {
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

/// The one child of a paragraph that is not blank text, if it has exactly one.
fn only_child(node: &Node) -> Option<&Node> {
    let Node::Element(Element {
        tag: Tag::Paragraph,
        children,
    }) = node
    else {
        return None;
    };
    let mut content = children.iter().filter(|child| !is_blank(child));
    match (content.next(), content.next()) {
        (Some(child), None) => Some(child),
        _ => None,
    }
}

fn lone_image(node: &Node) -> Option<Image> {
    match only_child(node)? {
        Node::Image(image) => Some(image.clone()),
        _ => None,
    }
}

fn emphasis_only(node: &Node) -> Option<Vec<Node>> {
    match only_child(node)? {
        Node::Element(Element {
            tag: Tag::Emphasis,
            children,
        }) => Some(children.clone()),
        _ => None,
    }
}
