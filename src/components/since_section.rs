//! The page's section after the cards, "Since the article": a late island that holds the watch's
//! coverage, the timeline figure and the benchmark tables.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::page::Page;

use super::benchmarks::Benchmarks;
use super::timeline::TimelineFigure;
use super::watch_coverage::CoverageSection;
use crate::takeover::{self, Island};

/// The section's id: cards link to it, and the article draws it when the reader nears it.
pub const SECTION_ID: &str = "since-the-article";

/// The page's section after the cards: the timeline figure and its table, then the benchmarks.
#[component]
pub fn SinceSection(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    let followups = &page.bundle.followups;
    let as_of = followups.as_of;
    Effect::new(move |_| takeover::late_island_rendered(Island::Watch));
    view! {
        <section class="watch" id=SECTION_ID aria-labelledby="watch-title" data-island=Island::Watch.name() data-island-late="">
            <h2 id="watch-title">"Since the article: how the watch turned out"</h2>
            <p class="watch__intro">
                {format!(
                    "What each family's developer released after the article appeared on {}. Every family's list is complete to {}; each family's own date is below. ",
                    page.bundle.article.date.human(),
                    as_of.human()
                )}
                "To hear of what is added, follow the "
                <a href="feed.xml" type="application/atom+xml">"Atom feed of new releases and corrections"</a>
                "."
            </p>
            <crate::last_visit::NewSinceBanner />
            <CoverageSection page=page.clone() />
            <TimelineFigure page=page.clone() />
            <Benchmarks page=page.clone() />
        </section>
    }
    .into_any()
}
