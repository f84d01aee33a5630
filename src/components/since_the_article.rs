//! Each card's "Since the article" list: the family's later releases, newest first, with the
//! earlier ones behind a disclosure that is drawn only when it first opens.

use leptos::prelude::*;
use llm_watch_core::content::{Followup, FollowupKind, Openness, Status};
use llm_watch_core::outcome::FamilyOutcome;

use super::report_link::ReportLink;
use super::sourced_value::StatusBadge;
use super::watch_coverage::OutcomeLines;

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
                <a href=format!("#{}", super::since_section::SECTION_ID)>"All families on a timeline"</a>
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
fn ReleaseLine(
    /// The release.
    release: Followup,
) -> impl IntoView {
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
            llm_watch_core::format::format_context(u32::try_from(tokens).unwrap_or(u32::MAX))
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
