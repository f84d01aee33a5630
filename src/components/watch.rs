//! How the watch turned out: each card's "Since the article" list, and the page's section with the
//! timeline of every family's later releases (with its table) and the benchmark tables whose rows
//! were each measured the same way.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos::svg;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use llm_watch_core::content::{Followup, FollowupKind, Openness, Status, Suite};
use llm_watch_core::outcome::FamilyOutcome;
use llm_watch_core::page::Page;
use llm_watch_core::timeline::{self, MarkKind, Timeline, TimelineFrame};
use wasm_bindgen::JsCast;

use super::report_link::ReportLink;
use super::sourced_value::{SourceLink, StatusBadge};
use super::watch_coverage::{CoverageSection, OutcomeLines};
use crate::takeover;

/// How many releases a card lists before "all releases": fewer on phones (CSS hides the 4th and
/// 5th there and shows them inside the disclosure instead, so it works without JavaScript).
const SHOWN_WIDE: usize = 5;
const SHOWN_NARROW: usize = 3;

/// A card's list of the family's releases since the article, newest first.
#[component]
pub fn SinceTheArticle(
    /// The family's name, for labels.
    family_name: String,
    /// The family's id, for element ids.
    family_id: String,
    /// Its releases, newest first.
    releases: Vec<Followup>,
    /// How the watch turned out for the family, and the day its list is complete to.
    outcome: FamilyOutcome,
) -> impl IntoView {
    let title_id = format!("since-{family_id}");
    let labelled_by = title_id.clone();
    let count = releases.len();
    let checked = match outcome.checked_to {
        Some(day) => format!("Complete to {}.", day.human()),
        None => "Not checked.".to_owned(),
    };
    let outcome_view = view! { <OutcomeLines outcome=outcome.clone() /> };
    if releases.is_empty() {
        return view! {
            <section class="since" aria-labelledby=labelled_by>
                <h4 id=title_id>"Since the article"</h4>
                <p class="since__empty">{format!("No releases by {family_name}’s developer since the article. {checked}")}</p>
                {outcome_view}
            </section>
        }
        .into_any();
    }
    let item = |release: &Followup, class: &'static str| {
        view! { <li class=format!("since__item {class}")><ReleaseLine release=release.clone() /></li> }
    };
    let first = releases
        .iter()
        .take(SHOWN_WIDE)
        .enumerate()
        .map(|(i, r)| {
            item(
                r,
                if i < SHOWN_NARROW {
                    ""
                } else {
                    "since__item--wide-only"
                },
            )
        })
        .collect_view();
    let rest = (count > SHOWN_NARROW).then(|| {
        // The earlier releases are drawn when the disclosure first opens: the prerendered page
        // (and a reader without JavaScript) has them all, and the live page's first render stays
        // short. A closed disclosure shows nothing, so the swap moves nothing either way.
        let opened = RwSignal::new(cfg!(feature = "ssr"));
        let earlier: Vec<(usize, Followup)> =
            releases.iter().cloned().enumerate().skip(SHOWN_NARROW).collect();
        let items = move || {
            opened.get().then(|| {
                earlier
                    .iter()
                    .map(|(i, r)| {
                        let class = if *i < SHOWN_WIDE { "since__item since__item--narrow-only" } else { "since__item" };
                        view! { <li class=class><ReleaseLine release=r.clone() /></li> }
                    })
                    .collect_view()
            })
        };
        let summary_wide = (count > SHOWN_WIDE).then(|| {
            view! { <span class="since__wide-only">{format!("{} earlier releases", count - SHOWN_WIDE)}</span> }
        });
        let summary_narrow =
            view! { <span class="since__narrow-only">{format!("{} earlier releases", count - SHOWN_NARROW)}</span> };
        let class = if count > SHOWN_WIDE { "since__more" } else { "since__more since__more--narrow-only" };
        view! {
            <details class=class on:toggle=move |_| opened.set(true)>
                <summary>{summary_wide} {summary_narrow}</summary>
                <ul class="since__list">{items}</ul>
            </details>
        }
    });
    view! {
        <section class="since" aria-labelledby=labelled_by>
            <h4 id=title_id>"Since the article"</h4>
            <p class="since__meta">
                {format!("{count} entr{} by the same developer, newest first. {checked} ", if count == 1 { "y" } else { "ies" })}
                <a href="#since-the-article">"All families on a timeline"</a>
            </p>
            {outcome_view}
            <ul class="since__list">{first}</ul>
            {rest}
        </section>
    }
    .into_any()
}

/// One release: name linked to its source, day, openness, sizes, licence, context, and any note
/// about its date.
#[component]
fn ReleaseLine(release: Followup) -> impl IntoView {
    let openness = release.openness();
    let date = match (&release.date.value, release.date.status) {
        (Some(date), status) => {
            let badge =
                (status != Status::Disclosed).then(|| view! { " " <StatusBadge status=status /> });
            view! { <time datetime=date.to_string()>{date.human()}</time> {badge} }.into_any()
        }
        (None, _) => view! { <span>"date not verified"</span> }.into_any(),
    };
    let what = if release.kind == FollowupKind::LicenceChange {
        "New licence"
    } else {
        openness_short(openness)
    };
    let mut details: Vec<String> = Vec::new();
    if let Some(sizes) = release.sizes_text() {
        details.push(sizes);
    }
    if let Some(licence) = release.licence.as_ref().and_then(|l| l.value.as_ref()) {
        details.push(licence.name.clone());
    }
    // The licence's key terms and each size's fit, where the cards' reader choice is known.
    let choice = super::memory_budget::ReaderChoice::from_context();
    let terms = choice.as_ref().and_then(|choice| {
        let licence = release.licence.as_ref()?.value.as_ref()?;
        Some(view! { <super::licence_terms::KeyTerms terms=licence.terms.clone() page=choice.page.clone() /> })
    });
    let fits =
        choice.map(|_| view! { <super::memory_budget::ReleaseFits release=release.clone() /> });
    if let Some(tokens) = release.context_length.as_ref().and_then(|c| c.value) {
        details.push(format!(
            "{} context",
            llm_watch_core::cards::format_context(u32::try_from(tokens).unwrap_or(u32::MAX))
        ));
    }
    let note = release
        .date_note
        .clone()
        .map(|note| view! { <span class="since__note">{note}</span> });
    let release_id = release.id.to_string();
    let marks = crate::last_visit::VisitMarks::from_context();
    let is_new = move || {
        crate::last_visit::VisitMarks::is_new_release(marks, &release_id)
            .then(|| view! { " " <span class="badge badge--new">"new since your visit"</span> })
    };
    let report = view! {
        <ReportLink
            about=format!("the release {}", release.name)
            value=format!(
                "{}; {}",
                release.date.value.map(|d| d.human()).unwrap_or_else(|| "date not verified".to_owned()),
                release.openness().label()
            )
            source=release.date.source.url.to_string()
            anchor=format!("release-{}", release.id)
        />
    };
    let found_later = release.past_checked_to.then(|| {
        view! { " " <span class="badge badge--later">"found after the list’s complete-to date; not counted"</span> }
    });
    view! {
        <a class="since__name" href=release.date.source.url.to_string() rel="noopener noreferrer">{release.name.clone()}</a>
        " "
        <span class="since__date">{date}</span>
        " "
        <span class=format!("openness openness--{}", openness.key())>{what}</span>
        {is_new}
        {found_later}
        {(!details.is_empty()).then(|| view! { <span class="since__details">{details.join(" · ")}</span> })}
        {terms}
        {fits}
        {note}
        " "
        {report}
    }
    .into_any()
}

fn openness_short(openness: Openness) -> &'static str {
    match openness {
        Openness::Permissive => "Open, permissive",
        Openness::Restricted => "Open, restricted",
        Openness::ApiOnly => "API only",
        Openness::Unverified => "Access not verified",
    }
}

/// The page's section after the cards: the timeline figure and its table, then the benchmarks.
#[component]
pub fn WatchSection(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    let followups = &page.bundle.followups;
    let as_of = followups.as_of;
    Effect::new(move |_| takeover::late_island_rendered("watch"));
    view! {
        <section class="watch" id="since-the-article" aria-labelledby="watch-title" data-island="watch" data-island-late="">
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

#[component]
fn TimelineFigure(page: Arc<Page>) -> impl IntoView {
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
                "Each family's releases from 2023 on. A lane's line stops at the day its family's list is complete to (short upright bar); the dashed line marks the day every list is complete to. Rings: the release the article covers; filled circles: open weights under a permissive licence; diamonds: open weights under a restricted licence; hollow squares: API only; triangles: announced, but whether the weights can be had is not verified. Tab to the timeline, then use the arrow keys; Enter opens a release's source."
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

#[component]
fn TimelineSvg(
    layout: Timeline,
    page: Arc<Page>,
    variant: &'static str,
    selected: RwSignal<usize>,
) -> impl IntoView {
    let frame = layout.frame;
    let visit_marks = crate::last_visit::VisitMarks::from_context();
    let marks = Arc::new(layout.marks.clone());
    let title_id = format!("timeline-{variant}-title");
    let labelled_by = title_id.clone();
    let id_of = move |i: usize| format!("timeline-{variant}-mark-{i}");
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
            let marks = marks.clone();
            let on_key = move |event: ev::KeyboardEvent| {
                if let Some(target) = timeline::step(&marks, i, &event.key()) {
                    event.prevent_default();
                    selected.set(target);
                    focus_element(&id_of(target));
                }
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
                .attr("tabindex", move || if selected.get() == i { "0" } else { "-1" })
                .on(ev::focus, move |_| selected.set(i))
                .on(ev::mouseenter, move |_| selected.set(i))
                .on(ev::keydown, on_key)
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
                <title id=title_id>"Releases per family since 2023, one lane per family"</title>
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
fn TimelineTable(page: Arc<Page>) -> impl IntoView {
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
        <div class="table-scroll" tabindex="0" role="region" aria-label="Releases since the article, as a table">
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
        </div>
    }
    .into_any()
}

/// One table per suite: every row of a table was measured the same way, so its numbers compare;
/// numbers from different tables do not.
#[component]
fn Benchmarks(page: Arc<Page>) -> impl IntoView {
    let benchmarks = &page.bundle.benchmarks;
    let tables = benchmarks
        .suites
        .iter()
        .map(|suite| view! { <SuiteTable suite=suite.clone() page=page.clone() /> })
        .collect_view();
    view! {
        <section class="benchmarks" id="benchmarks" aria-labelledby="benchmarks-title">
            <h3 id="benchmarks-title">"Benchmarks, measured the same way"</h3>
            <p>
                "Each table's numbers come from one benchmark set, one setting and one harness, so they compare within the table; numbers from different tables do not. A dash means the source has no number; “own claim” marks numbers the model's own developer measured."
            </p>
            {tables}
        </section>
    }
    .into_any()
}

#[component]
fn SuiteTable(suite: Suite, page: Arc<Page>) -> impl IntoView {
    let title_id = format!("suite-{}", suite.id);
    let labelled_by = title_id.clone();
    let families = &page.bundle.models.families;
    let rows = page
        .bundle
        .benchmarks
        .results_in(&suite)
        .map(|result| {
            let family = families.iter().find(|f| f.id == result.family).map(|f| f.name.clone()).unwrap_or_default();
            let cells = suite
                .metrics
                .iter()
                .map(|metric| match result.score(&metric.id) {
                    // As the source gives it (74.2 is 74.20 in the paper; the value is the same).
                    Some(score) => view! { <td class="align-right">{score.to_string()}</td> }.into_any(),
                    None => view! {
                        <td class="benchmarks__missing align-right">
                            <span aria-hidden="true">"–"</span>
                            <span class="visually-hidden">"no number in the source"</span>
                        </td>
                    }
                    .into_any(),
                })
                .collect_view();
            let source = result.source.clone().map(|source| {
                view! { <SourceLink source=source about=format!("{} in {}", result.model, suite.name) /> }
            });
            let report_about = format!("{} in {}", result.model, suite.name);
            let report_value = suite
                .metrics
                .iter()
                .map(|m| {
                    let score = result.score(&m.id).map(|s| s.to_string()).unwrap_or_else(|| "–".to_owned());
                    format!("{}: {score}", m.label)
                })
                .collect::<Vec<_>>()
                .join(", ");
            let report_source = result.source.as_ref().map(|s| s.url.to_string()).unwrap_or_default();
            view! {
                <tr id=result.anchor()>
                    <th scope="row">
                        {result.model.clone()}
                        <span class="benchmarks__family">{family}</span>
                        {result.developer_claim.then(|| view! { <span class="badge badge--claim">"own claim"</span> })}
                    </th>
                    {cells}
                    <td class="benchmarks__note">
                        {result.note.clone()} {source} " "
<ReportLink about=report_about.clone() value=report_value.clone() source=report_source.clone() anchor=result.anchor() />
                    </td>
                </tr>
            }
        })
        .collect_view();
    let caveat = suite
        .caveat
        .clone()
        .map(|c| view! { <p class="benchmarks__caveat">{c}</p> });
    view! {
        <div class="benchmarks__suite">
            <h4 id=title_id>{suite.name.clone()}</h4>
            <p class="benchmarks__setting">
                {format!("{}. Measured by {}. ", suite.setting, suite.measured_by)}
                <a href=suite.source.url.to_string() rel="noopener noreferrer">{suite.source.title.clone()}</a>
                {suite.source.locator.clone().map(|l| format!(", {l}"))}
            </p>
            {caveat}
            <p class="benchmarks__download">
                "Download this table: "
                <super::data_downloads::DownloadLinks stem=llm_watch_core::exports::benchmark_stem(&suite) what=format!("The {} table", suite.name) />
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
                <table class="data-table benchmarks__table">
                    <thead>
                        <tr>
                            <th scope="col">"Model"</th>
                            {suite.metrics.iter().map(|m| view! { <th scope="col" class="align-right">{m.label.clone()}</th> }).collect_view()}
                            <th scope="col">"Note and source"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}
