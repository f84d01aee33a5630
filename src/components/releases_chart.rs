//! The releases chart that replaces the post's static image: stacked bars per year (open weights
//! vs closed), an equivalent table, and a date-against-size view. All numbers and geometry come
//! from `llm_watch_core::chart`; this file only maps them to SVG and handles input.
//!
//! The SVG is `role="img"` (its `<title>`/`<desc>` carry the numbers); the interactive layer is a
//! row of real buttons laid over the columns, so keyboard and screen reader users get proper
//! controls rather than focusable pieces of an image.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::chart::{self, format_params, BarChart, Frame, Scatter, Tick, YearCount};
use llm_watch_core::content::{Date, Release};
use llm_watch_core::page::Page;

use super::releases_since::{SinceSeries, SinceTable};
use super::sourced_value::SourceList;

/// Which of the three equivalent views is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartView {
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

    view! {
        <div class="releases" data-island="releases">
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

/// The SVG every view of the chart shares: a fixed `viewBox` whose aspect ratio is reserved
/// before drawing, `role="img"` named by its `<title>` and `<desc>`, value gridlines with their
/// labels, and the baseline. `children` draw the data; `overlay` sits over the SVG (the bar
/// view's year buttons).
#[component]
pub(super) fn ChartFrame(
    /// Size and margins.
    frame: Frame,
    /// Prefix for the title and description ids (unique on the page).
    id: String,
    /// Accessible title.
    title: String,
    /// Accessible description.
    description: String,
    /// Value-axis ticks, drawn as gridlines.
    ticks: Vec<Tick>,
    /// Interactive HTML laid over the SVG (default: none).
    #[prop(optional)]
    overlay: Option<AnyView>,
    /// The data marks.
    children: Children,
) -> impl IntoView {
    let grid = ticks
        .iter()
        .map(|tick| {
            view! {
                <g class="chart__tick">
                    <line x1=frame.left x2=frame.width - frame.right y1=tick.at y2=tick.at />
                    <text x=frame.left - 6.0 y=tick.at + 4.0 text-anchor="end">{tick.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        // No `style` attribute (the CSP allows no inline styles): the SVG's viewBox gives the box
        // its aspect ratio before anything is drawn.
        <div class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {} {}", frame.width, frame.height)
                role="img"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{title}</title>
                <desc id=desc_id>{description}</desc>
                {grid}
                <line class="chart__axis" x1=frame.left x2=frame.width - frame.right y1=frame.baseline() y2=frame.baseline() />
                {children()}
            </svg>
            {overlay}
        </div>
    }
}

/// Stacked bars with an overlay of year buttons.
#[component]
fn BarsView(
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
    let focus_index = move |refs: &[NodeRef<leptos::html::Button>], index: usize| {
        if let Some(button) = refs.get(index).and_then(|r| r.get()) {
            let _ = button.focus();
        }
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
            let refs = button_refs.clone();
            let count = years.len();
            let on_key = move |event: ev::KeyboardEvent| {
                let target = match event.key().as_str() {
                    "ArrowRight" | "ArrowUp" => (index + 1) % count,
                    "ArrowLeft" | "ArrowDown" => (index + count - 1) % count,
                    "Home" => 0,
                    "End" => count - 1,
                    "Escape" => {
                        selected.set(None);
                        return;
                    }
                    _ => return,
                };
                event.prevent_default();
                focus_index(&refs, target);
            };
            // Roving tabindex: one Tab stop for the whole chart, arrows move within it.
            let first_year = years.first().copied();
            let tab_index = move || {
                let current = selected.get().or(first_year);
                if Some(year) == current {
                    0
                } else {
                    -1
                }
            };
            view! {
                <button
                    type="button"
                    class="chart__hit"
                    node_ref=button_refs.get(index).copied().unwrap_or_default()
                    tabindex=tab_index
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
fn BarsLegend() -> impl IntoView {
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

/// The same numbers as the bars, as a table.
#[component]
fn CountsTable(
    /// Per-year counts.
    counts: Vec<YearCount>,
) -> impl IntoView {
    let totals = counts.iter().fold((0, 0), |(open, closed), c| {
        (open + c.open, closed + c.closed)
    });
    view! {
        <table class="data-table releases-table">
            <caption>"LLM releases per year, by whether the weights were published"</caption>
            <thead>
                <tr>
                    <th scope="col">"Year"</th>
                    <th scope="col">"Open weights"</th>
                    <th scope="col">"Closed"</th>
                    <th scope="col">"Total"</th>
                </tr>
            </thead>
            <tbody>
                {counts
                    .iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <th scope="row">{c.year.to_string()}</th>
                                <td>{c.open.to_string()}</td>
                                <td>{c.closed.to_string()}</td>
                                <td>{c.total().to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">"All years"</th>
                    <td>{totals.0.to_string()}</td>
                    <td>{totals.1.to_string()}</td>
                    <td>{(totals.0 + totals.1).to_string()}</td>
                </tr>
            </tfoot>
        </table>
    }
}

/// Each release by date against size, log scale, the article's families labelled.
#[component]
fn ScatterView(
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

/// The models of the year picked on the chart.
#[component]
fn YearDetails(
    /// The year.
    year: u16,
    /// Its releases in date order.
    releases: Vec<Release>,
    /// (id, name) of the article's families.
    families: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <h3 class="releases__details-title">{format!("Released in {year}")}</h3>
        <ul class="releases__list">
            {releases
                .into_iter()
                .map(|r| {
                    let size = r.params_b.map(format_params).unwrap_or_else(|| "size not disclosed".into());
                    let access = if r.open_weights { "open weights" } else { "closed" };
                    let successor = r.successor_of.as_ref().and_then(|id| {
                        let (id, name) = families.iter().find(|(f, _)| f == id.as_str())?;
                        Some(view! {
                            " · later release of the "
                            <a href=format!("#card-{id}")>{format!("{name} family")}</a>
                        })
                    });
                    view! {
                        <li>
                            <strong>{r.model}</strong>
                            {format!(" — {}, {}, {size}, {access}", r.organisation, r.release_date.human())}
                            {successor}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
