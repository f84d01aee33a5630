//! The timeline of every family's releases since the article: one SVG per frame (CSS shows the one
//! that fits), a details line for the focused mark, and the same data as a table.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::svg;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use llm_watch_core::content::Openness;
use llm_watch_core::page::Page;
use llm_watch_core::timeline::{self, MarkKind, Timeline, TimelineFrame, START_YEAR};
use wasm_bindgen::JsCast;

use super::scroll_table::ScrollTable;
use crate::hooks::use_roving_focus;

/// The timeline figure: caption, legend, both frames' drawings, the focused mark's details and the
/// table.
#[component]
pub fn TimelineFigure(
    /// The loaded content: the families, their releases since the article and the watch's dates.
    page: Arc<Page>,
) -> impl IntoView {
    let families = &page.bundle.models.families;
    let followups = &page.bundle.followups;
    // The mark whose details show below the figure (index into the timeline's marks).
    let selected = RwSignal::new(0usize);
    // Both frames are drawn (CSS shows the one that fits), each laid out once; the details line and the count of undated releases read the
    // wide one (both frames order their marks the same way).
    let wide = Arc::new(timeline::timeline(families, followups, TimelineFrame::WIDE));
    let narrow = timeline::timeline(families, followups, TimelineFrame::NARROW);
    let undated = wide.undated;
    let drawings = [((*wide).clone(), "wide"), (narrow, "narrow")]
        .into_iter()
        .map(|(layout, variant)| {
            view! { <TimelineSvg layout=layout page=page.clone() variant=variant selected=selected /> }
        })
        .collect_view();
    let details = {
        let page = page.clone();
        move || {
            let mark = wide.marks.get(selected.get())?;
            Some(mark_label(
                &page,
                mark.kind,
                wide.lanes.get(mark.lane).map(|l| l.family),
            ))
        }
    };
    view! {
        <figure class="timeline" id="timeline">
            <figcaption class="timeline__caption">
                <span class="figure__number">"Timeline. "</span>
                {format!("Each family's releases from {START_YEAR} on. A lane's line stops at the day its family's list is complete to (short upright bar); the dashed line marks the day every list is complete to. Rings: the release the article covers; filled circles: open weights under a permissive licence; diamonds: open weights under a restricted licence; hollow squares: API only; triangles: announced, but whether the weights can be had is not verified. Tab to the timeline, then use the arrow keys; Enter opens a release's source.")}
                {(undated > 0).then(|| format!(" {undated} release without a verified date is only in the table."))}
            </figcaption>
            <ul class="timeline__legend" aria-hidden="true">
                <li><svg class="timeline__key" viewBox="0 0 12 12"><circle class="timeline__mark timeline__mark--article" cx="6" cy="6" r="4.5" /></svg>"The article's release"</li>
                <li><svg class="timeline__key" viewBox="0 0 12 12"><circle class="timeline__mark timeline__mark--permissive" cx="6" cy="6" r="5" /></svg>{Openness::Permissive.label()}</li>
                <li><svg class="timeline__key" viewBox="0 0 12 12"><path class="timeline__mark timeline__mark--restricted" d="M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z" /></svg>{Openness::Restricted.label()}</li>
                <li><svg class="timeline__key" viewBox="0 0 12 12"><rect class="timeline__mark timeline__mark--api-only" x="1.5" y="1.5" width="9" height="9" /></svg>{Openness::ApiOnly.label()}</li>
                <li><svg class="timeline__key" viewBox="0 0 12 12"><path class="timeline__mark timeline__mark--unverified" d="M6 1 L11 11 L1 11 Z" /></svg>{Openness::Unverified.label()}</li>
            </ul>
            {drawings}
            <p class="timeline__details" role="status" aria-live="polite">{details}</p>
            <details class="timeline__table">
                <summary>"The timeline as a table"</summary>
                <TimelineTable page=page.clone() />
            </details>
        </figure>
    }
    .into_any()
}

/// Words for a mark: what, when, how open.
fn mark_label(page: &Page, kind: MarkKind, family: Option<usize>) -> String {
    let family = family.and_then(|f| page.bundle.models.families.get(f));
    let family_name = family.map(|f| f.name.as_str()).unwrap_or_default();
    match kind {
        MarkKind::Article => {
            let date = family
                .and_then(|f| f.first_weights_date.value)
                .map(|d| d.human())
                .unwrap_or_default();
            format!("{family_name}: the release the article covers, {date}")
        }
        MarkKind::Followup { index, openness } => match page.bundle.followups.releases.get(index) {
            Some(release) => {
                let date = release.date.value.map(|d| d.human()).unwrap_or_default();
                let licence = release
                    .licence
                    .as_ref()
                    .and_then(|l| l.value.as_ref())
                    .map(|l| format!(" ({})", l.name))
                    .unwrap_or_default();
                format!(
                    "{family_name}: {}, {date}, {}{licence}",
                    release.name,
                    openness.label().to_lowercase()
                )
            }
            None => String::new(),
        },
    }
}

/// One frame's drawing: a lane per family, year ticks, the as-of and end lines, and a link per
/// mark. One Tab stop for the whole drawing; the arrow keys walk the marks (`timeline::step`).
#[component]
fn TimelineSvg(
    /// Precomputed geometry for this frame.
    layout: Timeline,
    /// The loaded content, for the lanes' names and the marks' labels and links.
    page: Arc<Page>,
    /// Which frame this is ("wide" or "narrow"), for unique ids and the CSS class that shows it.
    variant: &'static str,
    /// The focused mark (index into the marks), shared by both frames and the details line.
    selected: RwSignal<usize>,
) -> impl IntoView {
    let frame = layout.frame;
    let visit_marks = crate::last_visit::VisitMarks::from_context();
    let marks = Arc::new(layout.marks.clone());
    let title_id = format!("timeline-{variant}-title");
    let labelled_by = title_id.clone();
    let id_of = move |i: usize| format!("timeline-{variant}-mark-{i}");
    // One Tab stop for the drawing (the selected mark); the arrow keys walk the lanes.
    let roving = use_roving_focus(
        selected.into(),
        move |from, key| timeline::step(&marks, from, key),
        move |target| {
            selected.set(target);
            focus_element(&id_of(target));
        },
    );
    let lanes = layout
        .lanes
        .iter()
        .enumerate()
        .map(|(lane_index, lane)| {
            let name = page.bundle.models.families.get(lane.family).map(|f| f.name.clone()).unwrap_or_default();
            let y = lane.top + lane.height / 2.0;
            view! {
                <g class="timeline__lane">
                    <rect class=if lane_index % 2 == 0 { "timeline__band" } else { "timeline__band timeline__band--alt" } x=0 y=lane.top - frame.lane_gap / 2.0 width=frame.width height=lane.height + frame.lane_gap />
                    <text class="timeline__lane-label" x=frame.left - 8.0 y=y + 4.0 text-anchor="end">{name}</text>
                    <line class="timeline__rule" x1=frame.left x2=lane.checked_to_x y1=y y2=y />
                    <line class="timeline__lane-end" x1=lane.checked_to_x x2=lane.checked_to_x y1=y - 7.0 y2=y + 7.0 />
                </g>
            }
        })
        .collect_view();
    let ticks = layout
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <g class="timeline__tick">
                    <line x1=tick.at x2=tick.at y1=frame.top - 6.0 y2=layout.height - frame.bottom />
                    <text x=tick.at + 3.0 y=frame.top - 10.0>{tick.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let mark_views = layout
        .marks
        .iter()
        .enumerate()
        .map(|(i, mark)| {
            let family = layout.lanes.get(mark.lane).map(|l| l.family);
            let label = mark_label(&page, mark.kind, family);
            let href = match mark.kind {
                MarkKind::Article => family
                    .and_then(|f| page.bundle.models.families.get(f))
                    .map(|f| format!("#card-{}", f.id))
                    .unwrap_or_default(),
                MarkKind::Followup { index, .. } => page
                    .bundle
                    .followups
                    .releases
                    .get(index)
                    .map(|r| r.date.source.url.to_string())
                    .unwrap_or_default(),
            };
            let half = frame.mark / 2.0;
            let (x, y) = (mark.x, mark.y);
            let shape = match mark.kind {
                MarkKind::Article => view! { <circle class="timeline__mark timeline__mark--article" cx=x cy=y r=half - 1.0 /> }.into_any(),
                MarkKind::Followup { openness: Openness::Permissive, .. } => view! { <circle class="timeline__mark timeline__mark--permissive" cx=x cy=y r=half /> }.into_any(),
                MarkKind::Followup { openness: Openness::Restricted, .. } => view! {
                    <path class="timeline__mark timeline__mark--restricted" d=format!("M{x} {} L{} {y} L{x} {} L{} {y} Z", y - half, x + half, y + half, x - half) />
                }
                .into_any(),
                MarkKind::Followup { openness: Openness::Unverified, .. } => view! {
                    <path class="timeline__mark timeline__mark--unverified" d=format!("M{x} {} L{} {} L{} {} Z", y - half, x + half, y + half - 1.0, x - half, y + half - 1.0) />
                }
                .into_any(),
                MarkKind::Followup { openness: Openness::ApiOnly, .. } => view! {
                    <rect class="timeline__mark timeline__mark--api-only" x=x - half + 1.0 y=y - half + 1.0 width=frame.mark - 2.0 height=frame.mark - 2.0 />
                }
                .into_any(),
            };
            // An SVG `<a>`: the view macro would make an HTML anchor, which draws nothing
            // inside an `<svg>`, so this one is built with the SVG builder.
            // Marked while the reader has not seen the release (new since their last visit).
            let release_id = match mark.kind {
                MarkKind::Followup { index, .. } => page.bundle.followups.releases.get(index).map(|r| r.id.to_string()),
                MarkKind::Article => None,
            };
            let is_new = Signal::derive(move || {
                release_id
                    .as_deref()
                    .is_some_and(|id| crate::last_visit::VisitMarks::is_new_release(visit_marks, id))
            });
            let class = move || if is_new.get() { "timeline__link timeline__link--new" } else { "timeline__link" };
            let label = move || if is_new.get() { format!("{label} (new since your last visit)") } else { label.clone() };
            svg::a()
                .attr("class", class)
                .attr("id", id_of(i))
                .attr("href", href)
                .attr("aria-label", label)
                .attr("tabindex", roving.tab_index(i))
                .on(ev::focus, move |_| selected.set(i))
                .on(ev::mouseenter, move |_| selected.set(i))
                .on(ev::keydown, roving.on_key(i))
                .child((shape, view! { <circle class="timeline__focus" cx=x cy=y r=half + 3.0 /> }))
        })
        .collect_view();
    view! {
        <div class=format!("timeline__drawing chart-variant--{variant}")>
            <svg
                class="timeline__svg"
                viewBox=format!("0 0 {} {}", frame.width, layout.height)
                role="group"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{format!("Releases per family since {START_YEAR}, one lane per family")}</title>
                {lanes}
                {ticks}
                <line class="timeline__as-of" x1=layout.as_of_x x2=layout.as_of_x y1=frame.top - 6.0 y2=layout.height - frame.bottom />
                <line class="timeline__end" x1=layout.end_x x2=layout.end_x y1=frame.top - 6.0 y2=layout.height - frame.bottom />
                {mark_views}
            </svg>
        </div>
    }
    .into_any()
}

/// Focuses an element by id (an SVG link has no `HtmlElement` node ref).
fn focus_element(id: &str) {
    let element = crate::browser::document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The timeline's data as a table: every release, dated or not.
#[component]
fn TimelineTable(
    /// The loaded content: the families, in file order, and their releases.
    page: Arc<Page>,
) -> impl IntoView {
    let followups = &page.bundle.followups;
    let rows = page
        .bundle
        .models
        .families
        .iter()
        .flat_map(|family| {
            let mut releases = followups.for_family(&family.id);
            releases.reverse();
            releases.into_iter().map(move |release| (family.name.clone(), release.clone()))
        })
        .map(|(family, release)| {
            let date = release.date.value.map(|d| d.human()).unwrap_or_else(|| "not verified".to_owned());
            let licence = release.licence.as_ref().and_then(|l| l.value.as_ref()).map(|l| l.name.clone()).unwrap_or_else(|| "–".to_owned());
            view! {
                <tr id=format!("release-{}", release.id)>
                    <td>{family}</td>
                    <th scope="row"><a href=release.date.source.url.to_string() rel="noopener noreferrer">{release.name.clone()}</a></th>
                    <td>{date}</td>
                    <td>{release.openness().label()}</td>
                    <td>{licence}</td>
                    <td>{release.sizes_text().unwrap_or_else(|| "not disclosed".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="timeline__download">
            "Download this table, with every value's source: "
            <super::data_downloads::DownloadLinks stem="data/releases-since".to_owned() what="Releases since the article".to_owned() />
        </p>
        <ScrollTable label="Releases since the article, as a table">
            <table class="data-table timeline__data">
                <caption class="visually-hidden">"Releases since the article, by family, oldest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Family"</th>
                        <th scope="col">"Release"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Openness"</th>
                        <th scope="col">"Licence"</th>
                        <th scope="col">"Sizes"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ScrollTable>
    }
    .into_any()
}
