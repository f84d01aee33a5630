//! The ledger of the article's claims, near the top: how much of the post holds, in counts a
//! reader sees at once, and every claim with its verdict and evidence in a disclosure (which
//! works without JavaScript).

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::content::{Claim, ClaimCounts};
use llm_watch_core::page::Page;

use super::sourced_value::SourceList;

/// The ledger: the counts, and every claim in a disclosure. Nothing when there are no claims.
#[component]
pub fn ClaimsLedger(
    /// The loaded content; the ledger is `page.bundle.notes.claims`.
    page: Arc<Page>,
) -> impl IntoView {
    let claims = &page.bundle.notes.claims;
    if claims.is_empty() {
        return ().into_any();
    }
    let counts = ClaimCounts::of(claims);
    let items = claims
        .iter()
        .map(|claim| view! { <ClaimItem claim=claim.clone() page=page.clone() /> })
        .collect_view();
    view! {
        <section class="ledger" aria-labelledby="ledger-counts">
            <p class="ledger__counts" id="ledger-counts">
                <strong>{counts.sentence()}</strong>
                " Each checkable fact in the post, read again in primary sources."
            </p>
            <details class="ledger__details">
                <summary>"Every claim, its verdict and its evidence"</summary>
                <ol class="ledger__list">{items}</ol>
            </details>
        </section>
    }
    .into_any()
}

/// One claim: its verdict, the claim and the words of the post it checks, the reason, and its
/// editor's note and sources.
#[component]
fn ClaimItem(
    /// The claim.
    claim: Claim,
    /// The loaded content, for the editor's note the claim points to.
    page: Arc<Page>,
) -> impl IntoView {
    let note = claim.note.as_ref().and_then(|id| {
        let note = page.bundle.notes.notes.iter().find(|n| &n.id == id)?;
        Some(view! {
            " "
            <a class="ledger__note" href=format!("#note-{}", note.id)>{format!("Editor's note: {}", note.title)}</a>
            "."
        })
    });
    let sources: Vec<(String, String)> = claim
        .sources
        .iter()
        .map(|s| {
            let label = match &s.locator {
                Some(locator) => format!("{} ({locator})", s.title),
                None => s.title.clone(),
            };
            (label, s.url.to_string())
        })
        .collect();
    let sources = (!sources.is_empty()).then(|| {
        view! { <span class="ledger__sources">" Sources: " <SourceList sources=sources />"."</span> }
    });
    view! {
        <li class=format!("ledger__item ledger__item--{}", claim.verdict.key()) id=format!("claim-{}", claim.id)>
            <span class=format!("verdict verdict--{}", claim.verdict.key())>{claim.verdict.label()}</span>
            " "
            <span class="ledger__claim">{claim.claim.clone()}</span>
            " "
            <q class="ledger__anchor">{claim.anchor.clone()}</q>
            <span class="ledger__reason">{format!(" {}", claim.reason)}</span>
            {note}
            {sources}
        </li>
    }
}
