//! The releases chart's second series: what the article's five developers released per year
//! since the article, from the watch. Counted under the watch's rule, not the survey list's, so
//! it has its own axis and table and is never stacked onto the main bars.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::chart::{self, Frame, SinceYear};
use llm_watch_core::content::Slug;
use llm_watch_core::page::Page;

use super::chart_frame::ChartFrame;

fn years_of(page: &Page) -> Vec<SinceYear> {
    chart::since_article(
        &page.bundle.models.families,
        &page.bundle.followups,
        page.bundle.article.date,
    )
}

fn name_of(page: &Page) -> impl Fn(&Slug) -> String + '_ {
    move |id| {
        page.bundle
            .models
            .family(id)
            .map(|f| f.name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

/// The second series as bars, with its caption.
#[component]
pub(super) fn SinceSeries(
    /// The loaded content: the families, their releases since the article and the article's date.
    page: Arc<Page>,
) -> impl IntoView {
    let years = years_of(&page);
    if years.is_empty() {
        return ().into_any();
    }
    let counts: Vec<_> = years.iter().map(|y| y.count).collect();
    let bars = chart::bar_chart(&counts, Frame::SINCE);
    let frame = bars.frame;
    let name = name_of(&page);
    let description = years
        .iter()
        .map(|y| y.summary(&name))
        .collect::<Vec<_>>()
        .join(". ")
        + ".";
    let marks = bars
        .bars
        .iter()
        .zip(&years)
        .map(|(bar, year)| {
            let partial = year.is_partial();
            view! {
                <g class="chart__bar" class:chart__bar--partial=partial>
                    <rect class="chart__open" x=bar.open.x y=bar.open.y width=bar.open.width height=bar.open.height />
                    <rect class="chart__closed" x=bar.closed.x y=bar.closed.y width=bar.closed.width height=bar.closed.height />
                    <text class="chart__value" x=bar.center_x y=bar.total_label_y text-anchor="middle">{bar.count.total().to_string()}</text>
                    <text class="chart__year" x=bar.center_x y=frame.baseline() + 16.0 text-anchor="middle">{bar.count.year.to_string()}</text>
                    {partial.then(|| view! {
                        <text class="chart__partial" x=bar.center_x y=frame.baseline() + 32.0 text-anchor="middle">"partial"</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let as_of = page.bundle.followups.as_of;
    view! {
        <div class="since-series" id="releases-since">
            <p class="since-series__title" id="releases-since-title">
                <strong>"A second series: the article's five developers, from the article on"</strong>
            </p>
            <p class="since-series__about">
                {format!(
                    "Not comparable with the bars above: only these five developers, counted from the watch below under its own rule (open weights solid, API only hatched). “Partial” years are not complete: the first starts on {}, and each family's releases count only up to the day its list is complete to (every list is complete to {}).",
                    page.bundle.article.date.human(),
                    as_of.human()
                )}
            </p>
            <ChartFrame
                frame=frame
                id="releases-since-chart".to_owned()
                title="Releases per year by the article's five developers since the article".to_owned()
                description=description
                ticks=bars.ticks.clone()
            >
                {marks}
            </ChartFrame>
        </div>
    }
    .into_any()
}

/// The second series as a table (the chart's table view, and the page without JavaScript).
#[component]
pub(super) fn SinceTable(
    /// The loaded content, as for [`SinceSeries`].
    page: Arc<Page>,
) -> impl IntoView {
    let years = years_of(&page);
    let name = name_of(&page);
    let rows = years
        .iter()
        .map(|year| {
            let partial = year
                .partial_reason(&name)
                .map(|why| format!("partial: {why}"))
                .unwrap_or_else(|| "complete".to_owned());
            view! {
                <tr>
                    <th scope="row">{year.count.year.to_string()}</th>
                    <td>{year.count.open.to_string()}</td>
                    <td>{year.count.closed.to_string()}</td>
                    <td>{year.count.total().to_string()}</td>
                    <td>{partial}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table since-table">
            <caption>"Second series: releases by the article's five developers since the article, per year"</caption>
            <thead>
                <tr>
                    <th scope="col">"Year"</th>
                    <th scope="col">"Open weights"</th>
                    <th scope="col">"API only"</th>
                    <th scope="col">"Total"</th>
                    <th scope="col">"Complete?"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
