//! The shipped content, rendered natively by the app's own components, holds everything a reader
//! without the app needs; and it goes into the shipped index.html.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::sync::Arc;

use llm_watch_core::content::{assemble_bundle, SHIPPED};
use llm_watch_core::head::head_html;
use llm_watch_core::page::Page;
use llm_watch_prerender::{assemble, Prerendered};

fn shipped_page() -> Page {
    Page::new(assemble_bundle(SHIPPED).expect("shipped content is valid"))
}

#[test]
fn the_prerendered_root_holds_the_article_notes_chart_and_cards() {
    let page = shipped_page();
    let notes = page.bundle.notes.notes.len();
    let families = page.bundle.models.families.len();
    let title = page.bundle.article.title.clone();
    let root = llm_watch::prerender::render_root(Arc::new(page), "0123456789abcdef");

    assert!(
        root.starts_with(r#"<div id="app" data-prerendered data-content="0123456789abcdef">"#),
        "{}",
        &root[..80]
    );
    assert!(root.ends_with("</div>"));
    assert!(root.contains(&format!(r#"<h1 class="article__title">{title}</h1>"#)));
    assert_eq!(root.matches(r#"class="editor-note">"#).count(), notes);
    assert_eq!(root.matches(r#"class="model-card">"#).count(), families);
    // Both chart frames, each named by its own title and description.
    for variant in ["wide", "narrow"] {
        assert!(root.contains(&format!(
            r#"aria-labelledby="releases-chart-{variant}-title releases-chart-{variant}-desc""#
        )));
    }
    assert!(root.contains("2023: 33 releases, 26 with open weights"));
    // The chart as a table for readers without scripts.
    assert!(root.contains("<noscript><table"));
    assert!(!root.contains("Loading the article"));
    // Hostile text cannot break out: the article's raw HTML is escaped, never markup.
    assert!(!root.contains("<script"));
    // No hydration markers: the page is never hydrated, and validators reject them.
    assert_eq!(root.matches("<!>").count(), 0);
}

#[test]
fn only_markers_go_a_literal_in_text_or_attributes_stays_escaped() {
    use llm_watch::prerender::without_hydration_markers;
    let html = r#"<p title="a &lt;!&gt; b">x<!>y &lt;!&gt;</p><!>"#;
    assert_eq!(
        without_hydration_markers(html),
        r#"<p title="a &lt;!&gt; b">xy &lt;!&gt;</p>"#
    );
    // The article's own text "<!>" (raw HTML in Markdown is shown as text) survives, escaped.
    let page = {
        let mut page = shipped_page();
        page.bundle
            .article
            .markdown
            .push_str("\n\nA literal <!> in the text.\n");
        Page::new(page.bundle)
    };
    let root = llm_watch::prerender::render_root(Arc::new(page), "0123456789abcdef");
    assert!(
        root.contains("A literal &lt;!&gt; in the text."),
        "the reader still sees it"
    );
}

#[test]
fn the_shipped_index_html_takes_the_prerendered_page() {
    let page = shipped_page();
    let head = head_html(&page, None);
    let root = llm_watch::prerender::render_root(Arc::new(page), "0123456789abcdef");
    let output = assemble(
        include_str!("../../../index.html"),
        &Prerendered { root, head },
    )
    .expect("index.html has its placeholders");
    assert_eq!(output.html.matches("data-prerendered").count(), 1);
    assert_eq!(output.html.matches("<head>").count(), 1);
    assert_eq!(
        output
            .html
            .matches(r#"<script type="application/ld+json">"#)
            .count(),
        1
    );
}

#[test]
fn the_link_preview_is_a_1200_by_630_png_of_the_chart_with_its_tags() {
    use llm_watch_prerender::preview;
    let page = shipped_page();
    let svg = preview::svg(&page);
    // One bar label per year of the dataset, from the same counts as the page's chart.
    let counts = llm_watch_core::chart::count_by_year(&page.bundle.releases.rows);
    for count in &counts {
        assert!(
            svg.contains(&format!(">{}</text>", count.year)),
            "{}",
            count.year
        );
    }
    match std::fs::read(preview::FONT) {
        Ok(font) => {
            let png = preview::png(&page, font).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            // IHDR: width and height, big-endian, after the 8-byte signature and 8-byte header.
            assert_eq!(
                u32::from_be_bytes(png[16..20].try_into().unwrap()),
                preview::WIDTH
            );
            assert_eq!(
                u32::from_be_bytes(png[20..24].try_into().unwrap()),
                preview::HEIGHT
            );
        }
        Err(_) => eprintln!("{} missing: PNG not checked", preview::FONT),
    }
    let head = preview::with_image_tags(
        &head_html(&page, Some("https://example.org/llm-watch/")),
        "https://example.org/llm-watch/",
        &preview::alt_text(&page),
    );
    assert!(head.contains(
        r#"<meta property="og:image" content="https://example.org/llm-watch/preview.png" />"#
    ));
    assert!(head.contains(r#"<meta property="og:image:width" content="1200" />"#));
    assert!(head.contains(r#"<meta name="twitter:card" content="summary_large_image" />"#));
    assert!(!head.contains(r#"content="summary" />"#));
    assert!(preview::alt_text(&page).contains("2023: "));
}
