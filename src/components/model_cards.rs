//! The model cards section: the cards (a page at a time), their status line and the downloads,
//! with the controls (`controls.rs`) and the comparison (`comparison.rs`). The whole view lives in
//! one `ViewState` signal that mirrors the URL query string (`hooks::use_query_state`).

mod comparison;
mod controls;

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::cards::{self, to_csv, to_json, CardIndex, ViewChange};
use llm_watch_core::content::{Family, Slug};
use llm_watch_core::page::Page;

use super::memory_budget::ReaderChoice;
use super::model_card::ModelCard;
use crate::browser;
use crate::hooks::use_query_state;
use crate::takeover::{self, Island};
use comparison::{Comparison, PrintSummary};
use controls::CardControls;

/// The files the download buttons write: the cards shown, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        }
    }
}

/// The cards and their controls.
#[component]
pub fn ModelCards(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    let families: Arc<Vec<Family>> = Arc::new(page.bundle.models.families.clone());
    let total = families.len();
    let state = use_query_state();

    provide_context(ReaderChoice::new(page.clone(), state));
    let card_index = Arc::new(CardIndex::new(&page.bundle));
    let visible = {
        let families = families.clone();
        let card_index = card_index.clone();
        Memo::new(move |_| card_index.visible(&families, &state.get()))
    };

    // A download the browser refused, said in the status line until the next one works.
    let failed_download = RwSignal::new(None::<ExportFormat>);
    let status = move || {
        let s = state.get();
        let shown = visible.get().len();
        let failed = failed_download
            .get()
            .map(|format| format!(" The {} download did not work here.", format.label()))
            .unwrap_or_default();
        format!(
            "{shown} of {total} models, sorted by {}, {}.{failed}",
            s.sort.label().to_lowercase(),
            s.direction.label()
        )
    };

    let organisations = cards::options(&families, |f| f.developer.value.as_ref());
    let countries = cards::options(&families, |f| f.country.value.as_ref());

    // Cards drawn so far; "Show more" adds a page (see `cards::CARDS_PER_PAGE`).
    let limit = RwSignal::new(cards::CARDS_PER_PAGE);
    // Drawn in its turn over a prerendered page (the island not in the document yet), the cards
    // are drawn one per task, a card being the biggest part of the page; the island goes in once
    // the last is drawn. Elsewhere all at once (`None`).
    let drawing = RwSignal::new(takeover::drawing_in_turn(Island::ModelCards).then_some(0_usize));
    let card_list = {
        let families = families.clone();
        move || {
            let visible = visible.get();
            let limit = drawing
                .get()
                .map_or(limit.get(), |drawn| drawn.min(limit.get()));
            cards::first_cards(&visible, limit)
                .0
                .iter()
                .filter_map(|&i| Some((families.get(i)?.id.clone(), i)))
                .collect::<Vec<(Slug, usize)>>()
        }
    };
    let show_more = move || {
        let (shown, more) = {
            let visible = visible.get();
            let (shown, more) = cards::first_cards(&visible, limit.get());
            (shown.len(), more)
        };
        (more > 0).then(|| {
            view! {
                <p class="model-cards__more">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| limit.update(|l| *l += cards::CARDS_PER_PAGE)
                    >
                        {format!("Show {} more", more.min(cards::CARDS_PER_PAGE))}
                    </button>
                    {format!(" {shown} of {} shown", shown + more)}
                </p>
            }
        })
    };
    let render_card = {
        let families = families.clone();
        let page = page.clone();
        let card_index = card_index.clone();
        move |(id, index): (Slug, usize)| {
            // `index` came from `families` itself (card_list); `None` draws nothing.
            let family = families.get(index)?.clone();
            let section_id = page.section_id(&family).map(str::to_owned);
            let compared_id = id.clone();
            let compared = Signal::derive(move || state.get().compare.contains(&compared_id));
            let on_toggle = Callback::new(move |_| {
                state.update(|s| s.apply(ViewChange::ToggleCompare(id.clone())))
            });
            let followups: Vec<_> = page
                .bundle
                .followups
                .for_family(&family.id)
                .into_iter()
                .cloned()
                .collect();
            let outcome = llm_watch_core::outcome::family_outcome(&family, &page.bundle.followups);
            let candidates = card_index.candidates(index).cloned().collect();
            Some(view! {
                <ModelCard family=family section_id=section_id compared=compared on_toggle_compare=on_toggle followups=followups outcome=outcome page=page.clone() candidates=candidates />
            })
        }
    };

    let on_export = {
        let families = families.clone();
        Callback::new(move |format: ExportFormat| {
            let shown: Vec<&Family> = visible
                .get_untracked()
                .into_iter()
                .filter_map(|i| families.get(i))
                .collect();
            let result = match format {
                ExportFormat::Csv => {
                    browser::download("llm-watch-models.csv", "text/csv", &to_csv(&shown))
                }
                ExportFormat::Json => browser::download(
                    "llm-watch-models.json",
                    "application/json",
                    &to_json(&shown),
                ),
            };
            failed_download.set(result.is_err().then_some(format));
        })
    };

    if drawing.get_untracked().is_some() {
        // One more card per task until all are drawn; then the island goes in.
        Effect::new(move |_| {
            let Some(drawn) = drawing.get() else {
                return;
            };
            let wanted = cards::first_cards(&visible.get_untracked(), limit.get_untracked())
                .0
                .len();
            if drawn < wanted {
                browser::after_a_turn(move || drawing.set(Some(drawn + 1)));
            } else {
                drawing.set(None);
                takeover::late_island_rendered(Island::ModelCards);
            }
        });
    } else {
        Effect::new(move |_| takeover::late_island_rendered(Island::ModelCards));
    }
    view! {
        <section class="model-cards" aria-labelledby="model-cards-title" data-island=Island::ModelCards.name() data-island-late="">
            <h2 id="model-cards-title">"Compare the five model families"</h2>
            <p class="model-cards__intro">
                "Every value links to where it was read and says whether it was disclosed by the developer, estimated by others or derived by us. Sort, filter, search and compare; the address bar keeps the view, so you can share it."
            </p>
            <CardControls state=state organisations=organisations countries=countries on_export=on_export />
            <p class="model-cards__status" role="status">{status}</p>
            <div class="model-cards__list">
                <For each=card_list key=|(id, _)| id.clone() children=render_card />
            </div>
            {show_more}
            <Comparison families=families.clone() page=page.clone() state=state />
            <PrintSummary families=families.clone() />
        </section>
    }
}
