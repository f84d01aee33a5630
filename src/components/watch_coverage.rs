//! What the watch promises and how it turned out: the inclusion rule, and per family the day its
//! list is complete to, the channels read, and the outcome derived from its releases. Shown in
//! the watch section (a description list per family) and on each card (three lines).

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::outcome::{family_outcome, FamilyOutcome};
use llm_watch_core::page::Page;

/// A family's outcome in three lines: releases, latest open weights, licences.
#[component]
pub fn OutcomeLines(
    /// How the watch turned out for the family (`outcome::family_outcome`).
    outcome: FamilyOutcome,
) -> impl IntoView {
    let later = (outcome.found_later > 0).then(|| {
        format!(
            " {} more found after that date (not counted).",
            outcome.found_later
        )
    });
    view! {
        <ul class="outcome">
            <li class="outcome__releases">{outcome.releases_sentence()}{later}</li>
            <li class="outcome__latest">{outcome.latest_open_sentence()}</li>
            <li class="outcome__licences">{outcome.licence_sentence()}</li>
        </ul>
    }
}

/// The rule and, per family, what its list promises and how the watch turned out.
#[component]
pub fn CoverageSection(
    /// The loaded content: the families and the watch's releases, rule and dates.
    page: Arc<Page>,
) -> impl IntoView {
    let followups = &page.bundle.followups;
    let rule = followups.rule.clone();
    let rows = page
        .bundle
        .models
        .families
        .iter()
        .map(|family| {
            let outcome = family_outcome(family, followups);
            let coverage = followups.coverage_of(&family.id).cloned();
            let complete_to = coverage.as_ref().map(|c| {
                view! { <time datetime=c.checked_to.to_string()>{c.checked_to.human()}</time> }
            });
            let channels = coverage
                .as_ref()
                .map(|c| {
                    c.channels
                        .iter()
                        .map(|channel| {
                            view! {
                                <li>
                                    <a href=channel.url.to_string() rel="noopener noreferrer">{channel.title.clone()}</a>
                                    {format!(", read to {}", channel.read_to.human())}
                                </li>
                            }
                        })
                        .collect_view()
                });
            let note = coverage.and_then(|c| c.note).map(|n| view! { <p class="coverage__note">{n}</p> });
            let heading_id = format!("coverage-{}-title", family.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class="coverage__family" id=format!("coverage-{}", family.id) aria-labelledby=labelled_by>
                    <h3 class="coverage__name" id=heading_id>{family.name.clone()}</h3>
                    <dl class="coverage__facts">
                        <dt>"Complete to"</dt>
                        <dd class="coverage__to">{complete_to}</dd>
                        <dt>"Since the article"</dt>
                        <dd><OutcomeLines outcome=outcome /></dd>
                        <dt>"Channels read"</dt>
                        <dd><ul class="coverage__channels">{channels}</ul>{note}</dd>
                    </dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="coverage">
            <details class="coverage__rule">
                <summary>"Which releases are listed"</summary>
                <p>{rule.admits}</p>
                <p>{rule.left_out}</p>
            </details>
            <p class="coverage__title" id="coverage-title"><strong>"How far each family's list is complete, and how the watch turned out"</strong></p>
            {rows}
        </div>
    }
}
