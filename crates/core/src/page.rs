//! The page model: the bundle plus everything derived from it once (the rendered article with
//! the editor's notes in place, its table of contents, reading time). Built the same way in the
//! browser and natively by the prerender; the head tags it feeds are in `head`.

use crate::content::{
    parse_json, validate_rendered, Bundle, ContentError, Family, RenderedArticle,
};
use crate::markdown::{Document, TocEntry};

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub bundle: Bundle,
    pub document: Document,
    pub toc: Vec<TocEntry>,
    pub reading_minutes: usize,
}

impl Page {
    /// Renders the article of a bundle that is already known to be valid (shipped content,
    /// tests, prerendering).
    pub fn new(bundle: Bundle) -> Self {
        let rendered = RenderedArticle::new(&bundle);
        Self::from_rendered(bundle, rendered.document)
    }

    /// Parses and validates `content.json`, rendering the article once for both the checks and
    /// the page. The app runs the same three steps with a turn of the event loop between them
    /// ([`Page::read_bundle`], [`RenderedArticle::new`], [`Page::checked`]), so a slow phone
    /// can answer input between them.
    pub fn parse(text: &str) -> Result<Self, Vec<ContentError>> {
        let bundle = Self::read_bundle(text)?;
        let rendered = RenderedArticle::new(&bundle);
        Self::checked(bundle, rendered)
    }

    /// Step one of [`Page::parse`]: `content.json`'s text to its typed bundle, unchecked.
    pub fn read_bundle(text: &str) -> Result<Bundle, Vec<ContentError>> {
        parse_json("content.json", text).map_err(|error| vec![error])
    }

    /// Step three of [`Page::parse`]: every invariant checked against the rendered article, then
    /// the page.
    pub fn checked(bundle: Bundle, rendered: RenderedArticle) -> Result<Self, Vec<ContentError>> {
        validate_rendered(&bundle, &rendered)?;
        Ok(Self::from_rendered(bundle, rendered.document))
    }

    fn from_rendered(bundle: Bundle, document: Document) -> Self {
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

/// A fingerprint of `content.json`'s text (64-bit FNV-1a, as hex). The prerendered page records
/// the one it was built from; the app keeps the prerendered article text only when it fetched the
/// same file (a CDN could serve a stale `index.html` beside a newer `content.json`).
pub fn content_fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The shipped page with another title, for this crate's tests of what the title reaches.
#[cfg(test)]
pub(crate) fn shipped_page_titled(title: &str) -> Page {
    use crate::content::{assemble_bundle, SourceFiles, SHIPPED};
    let article = SHIPPED.article_md.replacen(
        "title: \"The Top Five Open-Source Large Language Models (LLMs) to Keep an Eye on in 2024\"",
        &format!("title: \"{title}\""),
        1,
    );
    Page::new(
        assemble_bundle(SourceFiles {
            article_md: &article,
            ..SHIPPED
        })
        .unwrap(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str) -> Page {
        shipped_page_titled(title)
    }

    #[test]
    fn the_content_fingerprint_is_fnv1a_and_tells_files_apart() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(content_fingerprint(""), "cbf29ce484222325");
        assert_eq!(content_fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(content_fingerprint("foobar"), "85944171f73967e8");
        assert_ne!(
            content_fingerprint("{\"a\":1}"),
            content_fingerprint("{\"a\":2}")
        );
    }

    #[test]
    fn parsing_renders_once_and_matches_a_page_built_from_the_bundle() {
        let built = page("T");
        let text = serde_json::to_string(&built.bundle).unwrap();
        assert_eq!(Page::parse(&text).unwrap(), built);
        let mut broken = built.bundle.clone();
        broken.notes.notes[0].anchor = "nowhere in the post".into();
        let errors = Page::parse(&serde_json::to_string(&broken).unwrap()).unwrap_err();
        assert!(
            errors[0]
                .to_string()
                .starts_with("editor-notes.json: notes[0].anchor"),
            "{errors:?}"
        );
    }

    #[test]
    fn notes_are_in_place_and_sections_resolve() {
        let page = page("T");
        let placed = page
            .document
            .blocks
            .iter()
            .filter(|b| matches!(b, crate::markdown::Node::Note(_)))
            .count();
        assert_eq!(placed, page.bundle.notes.notes.len());
        for family in &page.bundle.models.families {
            assert!(page.section_id(family).is_some(), "{}", family.id);
            assert_eq!(page.family_for_image(&family.article_image), Some(family));
        }
    }
}
