//! The page model: the bundle plus everything derived from it once (the rendered article with
//! the editor's notes in place, its table of contents, reading time). Built the same way in the
//! browser and, later, natively for prerendering.

use crate::content::{parse_json, validate_rendered, Bundle, ContentError, Family};
use crate::markdown::{self, Document, TocEntry};

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub bundle: Bundle,
    pub document: Document,
    pub toc: Vec<TocEntry>,
    pub reading_minutes: usize,
}

/// The article rendered with the editor's notes in place; returns the indices of notes whose
/// anchor was not found (validation reports them; rendering skips them).
pub fn render_with_notes(bundle: &Bundle) -> (Document, Vec<usize>) {
    let mut document = markdown::render(&bundle.article.markdown);
    let anchors: Vec<&str> = bundle
        .notes
        .notes
        .iter()
        .map(|n| n.anchor.as_str())
        .collect();
    let missing = document.attach_notes(&anchors).err().unwrap_or_default();
    (document, missing)
}

impl Page {
    /// Renders the article of a bundle that is already known to be valid (shipped content,
    /// tests, prerendering).
    pub fn new(bundle: Bundle) -> Self {
        let (document, _) = render_with_notes(&bundle);
        Self::from_rendered(bundle, document)
    }

    /// Parses and validates `content.json`, rendering the article once for both the checks and
    /// the page (this is the app's start-up path).
    pub fn parse(text: &str) -> Result<Self, Vec<ContentError>> {
        let bundle: Bundle = parse_json("content.json", text).map_err(|error| vec![error])?;
        let (document, missing_anchors) = render_with_notes(&bundle);
        validate_rendered(&bundle, &document, &missing_anchors)?;
        Ok(Self::from_rendered(bundle, document))
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

/// Schema.org `Article` JSON-LD for search engines, with the page's absolute address where the
/// build knows it. `<` is escaped so no text can close the `<script>` element it is placed in.
pub fn json_ld(page: &Page, url: Option<&str>) -> String {
    let article = &page.bundle.article;
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "datePublished": article.date.to_string(),
        "dateModified": page.bundle.notes.reviewed.to_string(),
        "articleSection": article.categories.join(" "),
        "wordCount": page.document.word_count(),
        "about": page.bundle.models.families.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
    });
    if let (Some(url), Some(object)) = (url, value.as_object_mut()) {
        object.insert("url".to_owned(), url.into());
    }
    value.to_string().replace('<', "\\u003c")
}

/// The head tags a crawler or link preview reads, as HTML: title, description, canonical address,
/// Open Graph, Twitter card and JSON-LD. Written into the page at build time by the prerender.
/// `site_url` is the published page's absolute address, when the build is told it; without it
/// the canonical link and `og:url` are left out: both must be absolute (a relative canonical
/// fails Lighthouse's SEO audit and search engines may ignore it).
pub fn head_html(page: &Page, site_url: Option<&str>) -> String {
    let article = &page.bundle.article;
    let title = escape_html(&article.title);
    let description = escape_html(&description(page));
    let date = article.date.to_string();
    let mut tags = vec![
        format!("<title>{title}</title>"),
        format!(r#"<meta name="description" content="{description}" />"#),
        r#"<meta property="og:type" content="article" />"#.to_owned(),
        format!(r#"<meta property="og:title" content="{title}" />"#),
        format!(r#"<meta property="og:description" content="{description}" />"#),
    ];
    if let Some(url) = site_url {
        let canonical = escape_html(url);
        tags.push(format!(r#"<link rel="canonical" href="{canonical}" />"#));
        tags.push(format!(
            r#"<meta property="og:url" content="{canonical}" />"#
        ));
    }
    tags.extend([
        format!(r#"<meta property="article:published_time" content="{date}" />"#),
        r#"<meta name="twitter:card" content="summary" />"#.to_owned(),
        format!(r#"<meta name="twitter:title" content="{title}" />"#),
        format!(r#"<meta name="twitter:description" content="{description}" />"#),
        format!(
            r#"<script type="application/ld+json">{}</script>"#,
            json_ld(page, site_url)
        ),
        crate::feed::head_link(crate::feed::Site { url: site_url }),
    ]);
    tags.join("\n    ")
}

/// Escapes text for an HTML text node or a quoted attribute value.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page description for search results and link previews.
pub fn description(page: &Page) -> String {
    let names: Vec<&str> = page
        .bundle
        .models
        .families
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    format!(
        "{}: the article, a chart of LLM releases per year, and sourced, sortable model cards with editor's corrections.",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, shipped_files, SourceFiles};

    fn page(title: &str) -> Page {
        let article = include_str!("../../../content/article.md").replacen(
            "title: \"The Top Five Open-Source Large Language Models (LLMs) to Keep an Eye on in 2024\"",
            &format!("title: \"{title}\""),
            1,
        );
        Page::new(
            assemble_bundle(SourceFiles {
                article_md: &article,
                ..shipped_files()
            })
            .unwrap(),
        )
    }

    #[test]
    fn json_ld_describes_the_article() {
        let page = page("Five LLMs");
        let ld: serde_json::Value =
            serde_json::from_str(&json_ld(&page, Some("https://example.org/"))).unwrap();
        assert_eq!(ld["url"], "https://example.org/");
        assert_eq!(ld["@type"], "Article");
        assert_eq!(ld["headline"], "Five LLMs");
        assert_eq!(ld["datePublished"], "2024-02-08");
        assert_eq!(ld["about"].as_array().unwrap().len(), 5);
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let page = page("</script><script>alert(1)</script>");
        let ld = json_ld(&page, None);
        assert!(!ld.contains('<'));
        let parsed: serde_json::Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(parsed["headline"], "</script><script>alert(1)</script>");
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
    fn head_tags_come_from_the_content_and_escape_it() {
        let page = page(r#"Five "open" LLMs <b>&</b>"#);
        let head = head_html(&page, None);
        assert!(
            head.starts_with("<title>Five &quot;open&quot; LLMs &lt;b&gt;&amp;&lt;/b&gt;</title>"),
            "{head}"
        );
        assert!(head.contains(r#"<meta property="og:title" content="Five &quot;open&quot; LLMs &lt;b&gt;&amp;&lt;/b&gt;" />"#));
        assert!(
            !head.contains("canonical"),
            "a canonical link must be absolute"
        );
        assert!(!head.contains("og:url"), "og:url needs an absolute address");
        assert!(head.contains(r#"content="2024-02-08""#));
        assert!(head.contains(&escape_html(&description(&page))));
        // One script element, which its JSON cannot close.
        assert_eq!(head.matches("<script").count(), 1);
        assert_eq!(head.matches("</script>").count(), 1);

        let published = head_html(&page, Some("https://example.org/llm-watch/"));
        assert!(published
            .contains(r#"<meta property="og:url" content="https://example.org/llm-watch/" />"#));
        assert!(
            published.contains(r#"<link rel="canonical" href="https://example.org/llm-watch/" />"#)
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
