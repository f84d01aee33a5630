//! The releases chart that replaces the post's static image: stacked bars per year (open weights
//! vs closed), an equivalent table, and a date-against-size view. All numbers and geometry come
//! from `llm_watch_core::chart`; this module only maps them to SVG and handles input.
//!
//! The SVG is `role="img"` (its `<title>`/`<desc>` carry the numbers); the interactive layer is a
//! row of real buttons laid over the columns, so keyboard and screen reader users get proper
//! controls rather than focusable pieces of an image.

mod bars;
mod chart_frame;
mod scatter;
mod since_series;
mod tables;

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::chart::{self, Frame};
use llm_watch_core::content::Release;
use llm_watch_core::page::Page;

use super::sourced_value::SourceList;
use crate::takeover::{self, Island};
use bars::{BarsLegend, BarsView};
use scatter::ScatterView;
use since_series::{SinceSeries, SinceTable};
use tables::{CountsTable, YearDetails};

/// Which of the three equivalent views is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChartView {
    Bars,
    Table,
    Scatter,
}

impl ChartView {
    const ALL: [ChartView; 3] = [ChartView::Bars, ChartView::Table, ChartView::Scatter];

    fn label(self) -> &'static str {
        match self {
            ChartView::Bars => "Chart",
            ChartView::Table => "Table",
            ChartView::Scatter => "By size",
        }
    }
}

/// The two frames, each with the suffix that keeps its element ids unique (and names the CSS class
/// that places the year buttons over its plot). Both are in the page and CSS shows the one that
/// fits (the switch is at 560 px, `style/releases_chart.css`): the prerendered page cannot know the
/// screen width, and the live page must match it exactly.
const FRAMES: [(Frame, &str); 2] = [(Frame::DEFAULT, "wide"), (Frame::NARROW, "narrow")];

/// The figure body: view switcher, the selected view, the selected year's models, and the
/// dataset's inclusion rule.
#[component]
pub fn ReleasesFigure(
    /// The loaded content; the chart reads `page.bundle.releases`.
    page: Arc<Page>,
) -> impl IntoView {
    let rows = Arc::new(page.bundle.releases.rows.clone());
    let counts = Arc::new(chart::count_by_year(&rows));
    let (view_mode, set_view_mode) = signal(ChartView::Bars);
    let selected = RwSignal::new(None::<u16>);

    let meta = page.bundle.releases.meta.clone();
    let source_links: Vec<(String, String)> = meta
        .sources
        .iter()
        .map(|s| (s.title.clone(), s.url.to_string()))
        .collect();
    let description = chart::describe(&counts);

    let body = {
        let counts = counts.clone();
        let rows = rows.clone();
        let description = description.clone();
        let title = meta.title.clone();
        let page = page.clone();
        let article = page.bundle.article.date;
        move || match view_mode.get() {
            ChartView::Bars => {
                let variants = FRAMES
                    .map(|(frame, variant)| {
                        let bars = chart::bar_chart(&counts, frame);
                        view! {
                            <div class=format!("chart-variant chart-variant--{variant}")>
                                <BarsView chart=bars variant=variant title=title.clone() description=description.clone() selected=selected article=article />
                            </div>
                        }
                    })
                    .collect_view();
                // The table is there for readers without the app (JavaScript off), who cannot
                // switch views; browsers running scripts never display `<noscript>`.
                view! {
                    <BarsLegend />
                    {variants}
                    <noscript><CountsTable counts=counts.to_vec() /></noscript>
                    <SinceSeries page=page.clone() />
                    <noscript><SinceTable page=page.clone() /></noscript>
                }
                .into_any()
            }
            ChartView::Table => view! {
                <CountsTable counts=counts.to_vec() />
                <SinceTable page=page.clone() />
            }
            .into_any(),
            ChartView::Scatter => FRAMES
                .map(|(frame, variant)| {
                    let plot = chart::scatter(&rows, frame);
                    view! {
                        <div class=format!("chart-variant chart-variant--{variant}")>
                            <ScatterView plot=plot variant=variant rows=rows.clone() />
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
        }
    };

    // Family ids and names, to link a later release to its family's card.
    let family_names: Vec<(String, String)> = page
        .bundle
        .models
        .families
        .iter()
        .map(|f| (f.id.to_string(), f.name.clone()))
        .collect();
    let details = {
        let rows = rows.clone();
        move || {
            let year = selected.get()?;
            let list: Vec<Release> = chart::releases_in_year(&rows, year)
                .into_iter()
                .cloned()
                .collect();
            Some(view! { <YearDetails year=year releases=list families=family_names.clone() /> })
        }
    };

    Effect::new(move |_| takeover::late_island_rendered(Island::Releases));
    view! {
        <div class="releases" data-island=Island::Releases.name() data-island-late="">
            <div class="releases__toolbar" role="group" aria-label="Show the releases as">
                {ChartView::ALL
                    .into_iter()
                    .map(|mode| {
                        view! {
                            <button
                                type="button"
                                class="toggle"
                                aria-pressed=move || (view_mode.get() == mode).to_string()
                                on:click=move |_| set_view_mode.set(mode)
                            >
                                {mode.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="releases__view">{body}</div>
            <div class="releases__details" aria-live="polite">{details}</div>
            <p class="releases__about">
                <strong>{format!("{}. ", meta.title)}</strong>
                {meta.summary.clone()}
                {format!(" {} releases. ", rows.len())}
            </p>
            <details class="releases__rules">
                <summary>"How the data was chosen, dated and sourced"</summary>
                <p>{meta.inclusion.clone()}</p>
                <p>{meta.date_rule.clone()}</p>
                <p>{meta.open_weights_rule.clone()}</p>
                <p>
                    "Sources: "
                    <SourceList sources=source_links.clone() />
                    {format!(". Reviewed {}; each row links its own primary source in the table of ", meta.reviewed.human())}
                    <code>"releases.csv"</code>
                    "."
                </p>
            </details>
        </div>
    }
}
