//! The article: header, table of contents, body with the editor's notes in place.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::content::RELEASES_CHART_IMAGE;
use llm_watch_core::markdown::{self, Figure, Image};
use llm_watch_core::page::Page;

use super::claims_ledger::ClaimsLedger;
use super::data_downloads::DataAndCitation;
use super::editor_note::EditorNoteView;
use super::licence_terms::LicencesSection;
use super::markdown_view::{render_live_figures, render_markdown, Embeds};
use super::model_cards::ModelCards;
use super::monogram::Monogram;
use super::releases_chart::ReleasesFigure;
use super::since_section::{self, SinceSection};
use super::toc::TableOfContents;
use crate::hooks::{use_turn, use_when_near};
use crate::takeover::Island;
use crate::{browser, takeover};

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
    // Over a prerendered page built from the same content its article text stays: the live page
    // builds only the islands it swaps in. Anywhere else (no prerendered page, a stale one, a
    // Retry) it renders everything.
    let text_kept = takeover::keeps_prerendered_text();
    // Over such a page the chart and the cards, the biggest islands, are drawn after the first
    // swap, each in a task of its own, the one nearer the reader first (`use_turn`).
    let chart_turn = use_turn(Island::Releases, text_kept);
    let cards_turn = use_turn(Island::ModelCards, text_kept);
    let embeds = ArticleEmbeds {
        page: page.clone(),
        chart_turn,
    };
    let body = if text_kept {
        render_live_figures(&page.document.blocks, &embeds)
    } else {
        render_markdown(&page.document.blocks, &embeds)
    };
    let toc = page.toc.clone();
    // Effects run once the article is in the DOM. Over a prerendered page this is the moment to
    // swap the live page in (the browser already scrolled the prerendered copy to the URL's
    // #fragment, and the swap keeps that). Without one, the browser tried to scroll to the
    // fragment before the content existed: do it now.
    Effect::new(move |_| {
        if !takeover::article_rendered() {
            request_animation_frame(browser::scroll_to_current_fragment);
        }
    });

    // Over a prerendered page the section after the cards (timeline, benchmark tables) is drawn
    // when the reader comes near it: until then the prerendered one shows, and the first render
    // of the live page stays short on a slow phone. Elsewhere it is drawn at once.
    // A stale prerendered page is replaced whole, so there the section is drawn at once.
    let show_watch = use_when_near(since_section::SECTION_ID, "1200px 0px", text_kept);
    let watch_page = page.clone();
    // The licences' clause tables and the data section after it: static, so over a prerendered
    // page built from the same content the live page draws them only when the reader nears them.
    let show_reference = use_when_near("licences", "1200px 0px", text_kept);
    let reference_page = page.clone();
    // What the reader has not seen yet; none when prerendering (no storage).
    let marks = RwSignal::new(crate::last_visit::record_visit(&page.bundle));
    provide_context(crate::last_visit::VisitMarks(marks));
    provide_context(super::report_link::ReportContext {
        channel: page.bundle.notes.report.clone(),
        page_url: browser::page_address(),
    });

    // The head tags (title, description, Open Graph, JSON-LD) are not set here: the prerender
    // writes them into the page at build time from the same content (`page::head_html`).
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
                {(!text_kept).then(|| view! { <ClaimsLedger page=page.clone() /> })}
            </header>
            <div class="article__layout">
                <TableOfContents entries=toc />
                <div class="article__body">{body}</div>
            </div>
            {
                let page = page.clone();
                move || cards_turn.get().then(|| view! { <ModelCards page=page.clone() /> }.into_any())
            }
            {move || show_watch.get().then(|| view! { <SinceSection page=watch_page.clone() /> })}
            {move || show_reference.get().then(|| view! { <ReferenceSections page=reference_page.clone() /> }.into_any())}
        </article>
    }
}

/// The reference part after the watch: every licence clause by clause, then the data and how to
/// cite it. A late island (`takeover::Island::Reference`).
#[component]
fn ReferenceSections(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    Effect::new(move |_| takeover::late_island_rendered(Island::Reference));
    view! {
        <div class="reference" data-island=Island::Reference.name() data-island-late="">
            <LicencesSection page=page.clone() />
            <DataAndCitation page=page.clone() />
        </div>
    }
    .into_any()
}

/// What the article's Markdown holds beyond Markdown, all read from its `Page`: the editor's
/// notes, the live releases chart in place of its image, the families' monograms in place of
/// their pictures, and a "Model card" link after each family's heading.
struct ArticleEmbeds {
    page: Arc<Page>,
    /// When the live chart may be drawn (see `use_turn`).
    chart_turn: ReadSignal<bool>,
}

impl Embeds for ArticleEmbeds {
    fn note(&self, index: usize) -> AnyView {
        match self.page.bundle.notes.notes.get(index) {
            // A note's body is Markdown too, rendered with the same embeds.
            Some(note) => {
                let body = render_markdown(&markdown::render(&note.body).blocks, self);
                view! { <EditorNoteView note=note.clone() body=body /> }.into_any()
            }
            None => ().into_any(),
        }
    }

    fn note_target(&self, index: usize) -> Option<String> {
        let note = self.page.bundle.notes.notes.get(index)?;
        Some(format!("#note-{}", note.id))
    }

    fn figure(&self, figure: &Figure) -> Option<AnyView> {
        let src = figure.image.src.as_ref().map(|s| s.href.as_str());
        let page = self.page.clone();
        let turn = self.chart_turn;
        (src == Some(RELEASES_CHART_IMAGE)).then(|| {
            (move || {
                turn.get()
                    .then(|| view! { <ReleasesFigure page=page.clone() /> }.into_any())
            })
            .into_any()
        })
    }

    /// The post's pictures of the families are drawn as monograms rather than loaded: we do not
    /// have the author's PNGs.
    fn image(&self, image: &Image) -> Option<AnyView> {
        let src = image
            .src
            .as_ref()
            .map(|s| s.href.as_str())
            .unwrap_or_default();
        let family = self.page.family_for_image(src)?;
        Some(view! { <Monogram family=family.clone() label=image.alt.clone() /> }.into_any())
    }

    fn heading_link(&self, text: &str) -> Option<AnyView> {
        let family = self.page.family_for_heading(text)?;
        Some(
            view! {
                <a class="heading-card-link" href=format!("#card-{}", family.id)>
                    "Model card"
                </a>
            }
            .into_any(),
        )
    }
}
