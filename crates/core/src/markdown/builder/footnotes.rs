//! Footnotes both ways: each reference gets a number and an id, and the definitions move to one
//! list at the end of the article, each linking back to every place that refers to it.

use super::Builder;
use crate::markdown::node::{Element, Node, Tag, Warning};

pub(super) struct FootnoteRefs {
    label: String,
    target: String,
    references: Vec<String>,
}

impl Builder {
    pub(super) fn footnote_reference(&mut self, label: &str) {
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

    /// The footnote list for the end of the article, in order of first reference; definitions
    /// nothing refers to follow, unlinked. `None` when the article has no footnotes.
    pub(super) fn footnote_list(&mut self) -> Option<Node> {
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
        (!items.is_empty()).then_some(Node::Element(Element {
            tag: Tag::Footnotes,
            children: items,
        }))
    }
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
