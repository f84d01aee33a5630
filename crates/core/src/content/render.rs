//! The article rendered with the editor's notes in place, once, for both the content checks and
//! the page: validation reads the headings, images and note anchors it found; the page shows it.

use super::Bundle;
use crate::markdown::{self, Document};

/// The article's safe node tree with each editor's note attached at its anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedArticle {
    pub document: Document,
    /// Indices of the notes whose anchor was not found (validation reports them; the page skips
    /// them).
    pub missing_anchors: Vec<usize>,
}

impl RenderedArticle {
    pub fn new(bundle: &Bundle) -> Self {
        let mut document = markdown::render(&bundle.article.markdown);
        let anchors: Vec<&str> = bundle
            .notes
            .notes
            .iter()
            .map(|n| n.anchor.as_str())
            .collect();
        let missing_anchors = document.attach_notes(&anchors).err().unwrap_or_default();
        RenderedArticle {
            document,
            missing_anchors,
        }
    }
}
