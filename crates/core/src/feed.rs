//! The Atom feed (RFC 4287) of the watch: one entry per release since the article, newest first,
//! and one per editor's-note revision. Everything comes from the validated content (ids from the
//! content's own ids, `updated` from its dates), so two builds of the same content write the same
//! feed byte for byte.

use crate::content::{Date, EditorNote, Followup, FollowupKind, ReleaseDate};
use crate::escape::escape_html;
use crate::page::Page;

/// The feed's file name beside `index.html`.
pub const FEED_FILE: &str = "feed.xml";

/// Where the page lives: the absolute address when the build knows it (`SITE_URL`), else links
/// are relative to the feed, which sits beside the page.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    pub url: Option<&'a str>,
}

impl Site<'_> {
    /// The page, or a fragment on it.
    fn page(&self, fragment: &str) -> String {
        let base = self
            .url
            .map(|u| u.to_owned())
            .unwrap_or_else(|| "./".to_owned());
        if fragment.is_empty() {
            base
        } else {
            format!("{base}#{fragment}")
        }
    }

    fn feed(&self) -> String {
        match self.url {
            Some(url) => format!("{}{FEED_FILE}", with_slash(url)),
            None => FEED_FILE.to_owned(),
        }
    }
}

/// `url` ending in `/`, so names can be appended.
pub(crate) fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

/// A stable entry id: a `tag:` URI (RFC 4151) minted from the content's own ids.
fn tag(article: Date, specific: &str) -> String {
    format!("tag:llm-watch,{article}:{specific}")
}

fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// A release's day for the feed: month-only dates count from the month's first day, undated
/// releases from their family's complete-to day.
fn release_day(release: &Followup, fallback: Date) -> Date {
    match release.date.value {
        Some(ReleaseDate::Day(day)) => day,
        Some(ReleaseDate::Month(month)) => Date {
            year: month.year,
            month: month.month,
            day: 1,
        },
        None => fallback,
    }
}

struct Entry {
    id: String,
    title: String,
    updated: Date,
    alternate: String,
    related: Option<String>,
    summary: String,
}

fn release_entry(page: &Page, site: Site<'_>, release: &Followup) -> Entry {
    let followups = &page.bundle.followups;
    let family = page
        .bundle
        .models
        .family(&release.family)
        .map(|f| f.name.as_str())
        .unwrap_or_default();
    let fallback = followups
        .coverage_of(&release.family)
        .map(|c| c.checked_to)
        .unwrap_or(followups.as_of);
    let day = release_day(release, fallback);
    let mut parts = vec![match release.date.value {
        Some(date) => date.human(),
        None => "date not verified".to_owned(),
    }];
    if release.kind == FollowupKind::LicenceChange {
        parts.push("new licence".to_owned());
    } else {
        parts.push(release.openness().label().to_owned());
    }
    if let Some(sizes) = release.sizes_text() {
        parts.push(sizes);
    }
    if let Some(licence) = release.licence.as_ref().and_then(|l| l.value.as_ref()) {
        parts.push(format!("licence: {}", licence.name));
    }
    if release.past_checked_to {
        parts.push("found after the family's list's complete-to date".to_owned());
    }
    Entry {
        id: tag(page.bundle.article.date, &format!("release/{}", release.id)),
        title: format!("{family}: {}", release.name),
        updated: day,
        alternate: site.page(&format!("release-{}", release.id)),
        related: Some(release.date.source.url.to_string()),
        summary: parts.join(" · "),
    }
}

fn note_entry(page: &Page, site: Site<'_>, note: &EditorNote) -> Entry {
    Entry {
        id: tag(
            page.bundle.article.date,
            &format!("note/{}/{}", note.id, note.revised),
        ),
        title: format!("Editor's note: {}", note.title),
        updated: note.revised,
        alternate: site.page(&format!("note-{}", note.id)),
        related: note.sources.first().map(|s| s.url.to_string()),
        summary: format!(
            "A correction to the article, revised {}, with {} source{}.",
            note.revised.human(),
            note.sources.len(),
            if note.sources.len() == 1 { "" } else { "s" }
        ),
    }
}

/// The feed as XML text.
pub fn atom(page: &Page, site: Site<'_>) -> String {
    let mut entries: Vec<Entry> = page
        .bundle
        .followups
        .releases
        .iter()
        .map(|r| release_entry(page, site, r))
        .chain(
            page.bundle
                .notes
                .notes
                .iter()
                .map(|n| note_entry(page, site, n)),
        )
        .collect();
    // Newest first; ties keep a fixed order by id, so the file never reorders between builds.
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or(page.bundle.article.date);
    let article = &page.bundle.article;
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!(
        "  <title>{}</title>\n",
        escape_html(&format!("What came next: {}", article.title))
    ));
    xml.push_str("  <subtitle>Each family's releases since the article, and the editor's corrections to it.</subtitle>\n");
    xml.push_str(&format!("  <id>{}</id>\n", tag(article.date, "feed")));
    xml.push_str(&format!("  <updated>{}</updated>\n", timestamp(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape_html(&site.feed())
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_html(&site.page(""))
    ));
    xml.push_str("  <author><name>llm-watch</name></author>\n");
    for entry in &entries {
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{}</id>\n", escape_html(&entry.id)));
        xml.push_str(&format!(
            "    <title>{}</title>\n",
            escape_html(&entry.title)
        ));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            timestamp(entry.updated)
        ));
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_html(&entry.alternate)
        ));
        if let Some(related) = &entry.related {
            xml.push_str(&format!(
                "    <link rel=\"related\" href=\"{}\"/>\n",
                escape_html(related)
            ));
        }
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_html(&entry.summary)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The `<link>` that tells browsers and readers the page has a feed.
pub fn head_link(site: Site<'_>) -> String {
    format!(
        r#"<link rel="alternate" type="application/atom+xml" title="What came next: releases and corrections" href="{}" />"#,
        escape_html(&site.feed())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    fn page() -> Page {
        Page::new(assemble_bundle(SHIPPED).unwrap())
    }

    fn ids(xml: &str) -> Vec<String> {
        xml.lines()
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("<id>")?
                    .strip_suffix("</id>")
                    .map(str::to_owned)
            })
            .collect()
    }

    #[test]
    fn one_entry_per_release_and_per_note_revision_with_ids_from_the_content() {
        let page = page();
        let xml = atom(&page, Site { url: None });
        let entries = xml.matches("<entry>").count();
        assert_eq!(
            entries,
            page.bundle.followups.releases.len() + page.bundle.notes.notes.len()
        );
        let ids = ids(&xml);
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "ids are unique");
        assert!(ids.contains(&"tag:llm-watch,2024-02-08:release/llama-3".to_owned()));
        assert!(
            xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>")
        );
    }

    #[test]
    fn the_same_content_gives_the_same_feed_and_an_unrelated_edit_keeps_every_id() {
        let page = page();
        let first = atom(&page, Site { url: None });
        assert_eq!(first, atom(&page, Site { url: None }));
        let mut bundle = page.bundle.clone();
        bundle.followups.releases[0].name.push_str(" (renamed)");
        let edited = atom(&Page::new(bundle), Site { url: None });
        assert_eq!(ids(&first), ids(&edited));
        // `updated` is the data's newest day, not the build's clock.
        let newest = page
            .bundle
            .followups
            .releases
            .iter()
            .filter_map(|r| match r.date.value {
                Some(ReleaseDate::Day(d)) => Some(d),
                _ => None,
            })
            .chain(page.bundle.notes.notes.iter().map(|n| n.revised))
            .max()
            .unwrap();
        assert!(first.contains(&format!(
            "  <updated>{newest}T00:00:00Z</updated>\n  <link rel=\"self\""
        )));
    }

    #[test]
    fn with_a_site_url_every_link_is_absolute() {
        let page = page();
        let xml = atom(
            &page,
            Site {
                url: Some("https://example.org/llm-watch/"),
            },
        );
        assert!(xml.contains("href=\"https://example.org/llm-watch/feed.xml\""));
        assert!(xml.contains("href=\"https://example.org/llm-watch/#release-llama-3\""));
        assert!(!xml.contains("href=\"./"));
        assert_eq!(
            head_link(Site {
                url: Some("https://example.org/llm-watch/")
            }),
            r#"<link rel="alternate" type="application/atom+xml" title="What came next: releases and corrections" href="https://example.org/llm-watch/feed.xml" />"#
        );
    }

    #[test]
    fn a_revised_note_is_a_new_entry() {
        let page = page();
        let mut bundle = page.bundle.clone();
        bundle.notes.notes[0].revised = "2026-11-30".parse().unwrap();
        let before = ids(&atom(&page, Site { url: None }));
        let after = ids(&atom(&Page::new(bundle), Site { url: None }));
        let added: Vec<_> = after.iter().filter(|id| !before.contains(id)).collect();
        assert_eq!(added.len(), 1);
        assert!(added[0].ends_with("/2026-11-30"), "{added:?}");
    }
}
