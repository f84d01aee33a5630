//! The chart's "By size" view: each release by date against parameter count on a log scale, the
//! article's families labelled.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::chart::Scatter;
use llm_watch_core::content::Release;
use llm_watch_core::format::format_params;

use super::chart_frame::ChartFrame;

/// Each release by date against size, log scale, the article's families labelled.
#[component]
pub(super) fn ScatterView(
    /// Precomputed geometry.
    plot: Scatter,
    /// Which frame this is ("wide" or "narrow"), for unique ids.
    variant: &'static str,
    /// The rows the points index into.
    rows: Arc<Vec<Release>>,
) -> impl IntoView {
    let frame = plot.frame;
    let featured = plot
        .points
        .iter()
        .filter(|p| rows.get(p.row).is_some_and(|row| row.family.is_some()))
        .count();
    let description = format!(
        "{} releases with a disclosed size plotted by release month against parameters on a log scale; {} of them from the article's five families are labelled; {} releases without a disclosed size are not plotted.",
        plot.points.len(),
        featured,
        plot.undisclosed
    );
    let x_ticks = plot
        .x_ticks
        .iter()
        .map(|t| view! { <text class="chart__year" x=t.at y=frame.baseline() + 18.0 text-anchor="middle">{t.label.clone()}</text> })
        .collect_view();
    let points = plot
        .points
        .iter()
        .filter_map(|p| {
            let row = rows.get(p.row)?;
            let label = format!(
                "{} ({}, {}, {}, {})",
                row.model,
                row.organisation,
                row.release_date.human(),
                row.params_b.map(format_params).unwrap_or_default(),
                if row.open_weights { "open weights" } else { "closed" }
            );
            let featured = row.family.is_some();
            let shape = if row.open_weights {
                view! { <circle class="chart__point chart__point--open" class:chart__point--featured=featured cx=p.x cy=p.y r=if featured { 6.0 } else { 3.5 } /> }.into_any()
            } else {
                let size = if featured { 10.0 } else { 6.5 };
                view! { <rect class="chart__point chart__point--closed" class:chart__point--featured=featured x=p.x - size / 2.0 y=p.y - size / 2.0 width=size height=size /> }.into_any()
            };
            Some(view! { <g><title>{label}</title>{shape}</g> })
        })
        .collect_view();
    let labels = plot
        .labels
        .iter()
        .map(|l| {
            let anchor = if l.end_anchored { "end" } else { "start" };
            let leader_x = if l.end_anchored { l.x + 2.0 } else { l.x - 2.0 };
            view! {
                <g class="chart__point-label">
                    <line class="chart__leader" x1=l.point_x y1=l.point_y x2=leader_x y2=l.y - 4.0 />
                    <text x=l.x y=l.y text-anchor=anchor>{l.text.clone()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <ChartFrame
            frame=frame
            id=format!("releases-scatter-{variant}")
            title="LLM releases by date and parameter count".to_owned()
            description=description.clone()
            ticks=plot.y_ticks.clone()
        >
            {x_ticks}
            {points}
            {labels}
        </ChartFrame>
        <p class="releases__hint">
            "Circles: open weights; squares: closed. Labelled, larger marks are the article's five families. "
            {format!("{} releases without a disclosed size are not plotted.", plot.undisclosed)}
        </p>
    }
}
