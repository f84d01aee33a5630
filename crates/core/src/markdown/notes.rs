//! Placing the editor's notes in the article: each note goes after the first block that contains
//! its anchor words, and those words are marked so the reader sees what the note is about.

use super::document::{plain_text, Document};
use super::node::{Element, Node, Tag};

impl Document {
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
