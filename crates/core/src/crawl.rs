//! The files crawlers look for, written only when the build knows the page's absolute address
//! (`SITE_URL`): both need absolute URLs. `lastmod` is the content's own newest date.

use crate::content::{Bundle, Date};
use crate::escape::escape_html;

pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";

/// The newest day the content was reviewed or read: the page changes when that changes.
pub fn last_modified(bundle: &Bundle) -> Date {
    bundle
        .followups
        .coverage
        .iter()
        .map(|c| c.checked_on)
        .chain([
            bundle.notes.reviewed,
            bundle.releases.meta.reviewed,
            bundle.article.date,
        ])
        .max()
        .unwrap_or(bundle.article.date)
}

/// `sitemap.xml` (sitemaps.org 0.9) with the one page.
pub fn sitemap(bundle: &Bundle, site_url: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url>\n    <loc>{}</loc>\n    <lastmod>{}</lastmod>\n  </url>\n</urlset>\n",
        escape_html(site_url),
        last_modified(bundle)
    )
}

/// `robots.txt`: everything may be crawled; the sitemap is beside the page.
pub fn robots(site_url: &str) -> String {
    let base = crate::feed::with_slash(site_url);
    format!("User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP_FILE}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    #[test]
    fn the_sitemap_names_the_page_with_the_contents_newest_date_and_robots_points_to_it() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let newest = last_modified(&bundle);
        assert!(newest >= bundle.notes.reviewed && newest >= bundle.releases.meta.reviewed);
        let xml = sitemap(&bundle, "https://example.org/llm-watch/");
        assert!(xml.contains("<loc>https://example.org/llm-watch/</loc>"));
        assert!(xml.contains(&format!("<lastmod>{newest}</lastmod>")));
        assert_eq!(
            robots("https://example.org/llm-watch"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/llm-watch/sitemap.xml\n"
        );
    }
}
