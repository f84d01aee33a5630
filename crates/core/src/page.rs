//! The page model: the bundle plus everything derived from it once (the rendered article with
//! the editor's notes in place, its table of contents, reading time). Built the same way in the
//! browser and, later, natively for prerendering.

use crate::content::{Bundle, Family};
use crate::markdown::{self, Document, TocEntry};

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub bundle: Bundle,
    pub document: Document,
    pub toc: Vec<TocEntry>,
    pub reading_minutes: usize,
}

impl Page {
    /// Renders the article and places the notes. Anchors that are not found are skipped here;
    /// the build's validation has already refused them for shipped content.
    pub fn new(bundle: Bundle) -> Self {
        let mut document = markdown::render(&bundle.article.markdown);
        let anchors: Vec<&str> = bundle
            .notes
            .notes
            .iter()
            .map(|n| n.anchor.as_str())
            .collect();
        let _ = document.attach_notes(&anchors);
        let toc = document.toc();
        let reading_minutes = document.reading_minutes();
        Page {
            bundle,
            document,
            toc,
            reading_minutes,
        }
    }

    /// The family a given article image stands for.
    pub fn family_for_image(&self, src: &str) -> Option<&Family> {
        self.bundle
            .models
            .families
            .iter()
            .find(|f| f.article_image == src)
    }

    /// The family introduced by the heading with this text.
    pub fn family_for_heading(&self, heading: &str) -> Option<&Family> {
        self.bundle
            .models
            .families
            .iter()
            .find(|f| f.article_heading == heading)
    }

    /// The heading id of a family's article section, for the card's "back to the article" link.
    pub fn section_id(&self, family: &Family) -> Option<&str> {
        self.toc
            .iter()
            .find(|entry| entry.text == family.article_heading)
            .map(|entry| entry.id.as_str())
    }
}
