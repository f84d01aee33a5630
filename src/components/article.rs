//! The article: header, table of contents, body with the editor's notes in place.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use llm_watch_core::page::{self, Page};

pub use super::editor_note::EditorNoteView;
use super::model_cards::ModelCards;
use super::nodes::render_nodes;
pub use super::releases_chart::ReleasesFigure;
use super::toc::TableOfContents;
use crate::browser;

/// The article page for loaded content.
#[component]
pub fn ArticleView(
    /// The loaded, rendered content.
    page: Arc<Page>,
) -> impl IntoView {
    let article = &page.bundle.article;
    let date = article.date;
    let reviewed = page.bundle.notes.reviewed;
    let categories = article.categories.join(", ");
    let body = render_nodes(&page.document.blocks, &page);
    let toc = page.toc.clone();
    // The browser tried to scroll to the URL's #fragment before the content existed: do it now.
    Effect::new(move |_| request_animation_frame(browser::scroll_to_current_fragment));

    let canonical = canonical_url();
    let json_ld = page::json_ld(&page, &canonical);
    let description = page::description(&page);
    let title = article.title.clone();

    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:type" content="article" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta property="article:published_time" content=date.to_string() />
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        <Script type_="application/ld+json">{json_ld}</Script>
        <article class="article">
            <header class="article__header">
                <h1 class="article__title">{article.title.clone()}</h1>
                <p class="article__meta">
                    <time datetime=date.to_string()>{date.human()}</time>
                    <span aria-hidden="true">" · "</span>
                    <span>{categories}</span>
                    <span aria-hidden="true">" · "</span>
                    <span>{format!("{} min read", page.reading_minutes)}</span>
                </p>
                <p class="article__reviewed">
                    "Editor's notes last reviewed "
                    <time datetime=reviewed.to_string()>{reviewed.human()}</time>
                </p>
            </header>
            <div class="article__layout">
                <TableOfContents entries=toc />
                <div class="article__body">{body}</div>
            </div>
            <ModelCards page=page.clone() />
        </article>
    }
}

/// This page's address without query or fragment: the one URL search engines should index.
fn canonical_url() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}
