//! The chart's main view: stacked bars per year (open weights vs closed), with a row of real year
//! buttons laid over the columns, and the legend with the hatch pattern the closed bars use.

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::chart::{self, BarChart};
use llm_watch_core::content::Date;
use llm_watch_core::keys;

use super::chart_frame::ChartFrame;
use crate::hooks::use_roving_focus;

/// Stacked bars with an overlay of year buttons.
#[component]
pub(super) fn BarsView(
    /// Precomputed geometry.
    chart: BarChart,
    /// Which frame this is ("wide" or "narrow"), for unique ids.
    variant: &'static str,
    /// Accessible title.
    title: String,
    /// Accessible description: one sentence per year.
    description: String,
    /// The year whose models are listed below the chart (shared with the buttons).
    selected: RwSignal<Option<u16>>,
    /// The article's date, marked on the axis.
    article: Date,
) -> impl IntoView {
    let frame = chart.frame;
    let article_mark = chart
        .bars
        .iter()
        .find(|bar| bar.count.year == article.year)
        .map(|bar| {
            let x = bar.column.x + chart::fraction_of_year(article) * bar.column.width;
            view! {
                <g class="chart__article">
                    <line x1=x x2=x y1=frame.top y2=frame.baseline() + 4.0 />
                    <text x=x + 3.0 y=frame.top + 10.0>"article"</text>
                </g>
            }
        });
    let years: Vec<u16> = chart.bars.iter().map(|b| b.count.year).collect();
    let button_refs: Vec<NodeRef<leptos::html::Button>> =
        years.iter().map(|_| NodeRef::new()).collect();
    // Roving tabindex: one Tab stop for the whole chart (the selected year's button, else the
    // first), arrows move within it; focusing a button selects its year.
    let count = years.len();
    let roving = {
        let refs = button_refs.clone();
        use_roving_focus(
            Signal::derive(move || {
                selected
                    .get()
                    .and_then(|year| years.iter().position(|&y| y == year))
                    .unwrap_or(0)
            }),
            move |from, key| keys::step_linear(count, from, key),
            move |index| {
                if let Some(button) = refs.get(index).and_then(|r| r.get()) {
                    let _ = button.focus();
                }
            },
        )
    };

    let bars = chart
        .bars
        .iter()
        .map(|bar| {
            let year = bar.count.year;
            let total = bar.count.total();
            view! {
                <g class="chart__bar" class:chart__bar--selected=move || selected.get() == Some(year)>
                    <rect class="chart__open" x=bar.open.x y=bar.open.y width=bar.open.width height=bar.open.height />
                    <rect class="chart__closed" x=bar.closed.x y=bar.closed.y width=bar.closed.width height=bar.closed.height />
                    <text class="chart__value" x=bar.center_x y=bar.total_label_y text-anchor="middle">{total.to_string()}</text>
                    <text class="chart__year" x=bar.center_x y=frame.baseline() + 18.0 text-anchor="middle">{year.to_string()}</text>
                </g>
            }
        })
        .collect_view();

    let buttons = chart
        .bars
        .iter()
        .enumerate()
        .map(|(index, bar)| {
            let year = bar.count.year;
            let roving_key = roving.on_key(index);
            let on_key = move |event: ev::KeyboardEvent| {
                if event.key() == "Escape" {
                    selected.set(None);
                } else {
                    roving_key(event);
                }
            };
            view! {
                <button
                    type="button"
                    class="chart__hit"
                    node_ref=button_refs.get(index).copied().unwrap_or_default()
                    tabindex=roving.tab_index(index)
                    aria-label=bar.count.summary()
                    aria-pressed=move || (selected.get() == Some(year)).to_string()
                    on:focus=move |_| selected.set(Some(year))
                    on:mouseenter=move |_| selected.set(Some(year))
                    on:click=move |_| selected.set(Some(year))
                    on:keydown=on_key
                ></button>
            }
        })
        .collect_view();

    view! {
        <ChartFrame
            frame=frame
            id=format!("releases-chart-{variant}")
            title=title
            description=description
            ticks=chart.ticks.clone()
            overlay=view! { <div class=format!("chart__hits chart__hits--{variant}")>{buttons}</div> }
                .into_any()
        >
            {bars}
            {article_mark}
        </ChartFrame>
    }
}

/// The bars' legend, and the hatch pattern both frames' closed bars are filled with (defined once,
/// in an SVG that is never hidden: a pattern inside a `display: none` SVG does not paint
/// everywhere).
#[component]
pub(super) fn BarsLegend() -> impl IntoView {
    view! {
        <svg class="chart-defs" aria-hidden="true" focusable="false">
            <defs>
                <pattern id="releases-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <rect class="chart__hatch-fill" width="6" height="6" />
                    <line class="chart__hatch-line" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
        </svg>
        <ul class="releases__legend" aria-label="Legend">
            <li><span class="swatch swatch--open" aria-hidden="true"></span>"Open weights (solid)"</li>
            <li><span class="swatch swatch--closed" aria-hidden="true"></span>"Closed (hatched)"</li>
        </ul>
    }
}
