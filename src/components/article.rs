//! The article: header, table of contents, body with the editor's notes in place.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::page::Page;

pub use super::editor_note::EditorNoteView;
use super::model_cards::ModelCards;
use super::nodes::render_nodes;
pub use super::releases_chart::ReleasesFigure;
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

    view! {
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
            <nav class="toc" aria-label="Table of contents">
                <h2 class="toc__title">"Contents"</h2>
                <ol class="toc__list">
                    {toc
                        .into_iter()
                        .map(|entry| {
                            view! {
                                <li class=format!("toc__item toc__item--level-{}", entry.level)>
                                    <a href=format!("#{}", entry.id)>{entry.text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <div class="article__body">{body}</div>
            <ModelCards page=page.clone() />
        </article>
    }
}
