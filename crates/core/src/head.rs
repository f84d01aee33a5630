//! The head tags a crawler or a link preview reads (title, description, canonical address, Open
//! Graph, Twitter card, JSON-LD), written into the page at build time by the prerender; the
//! browser app never calls them.

use crate::escape::escape_html;
use crate::page::Page;

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

    fn page(title: &str) -> Page {
        crate::page::shipped_page_titled(title)
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
}
