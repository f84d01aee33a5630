//! "Data and citation": every dataset of the page as CSV and JSON (files the build writes into
//! `data/`, so the links work without JavaScript and under any sub-path), the data's licence,
//! and how to cite the page.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::exports::{citation, data_links};
use llm_watch_core::page::Page;

/// "CSV · JSON" links for one dataset stem (`data/models`).
#[component]
pub fn DownloadLinks(
    /// The file path without its extension, relative to the page.
    stem: String,
    /// What the files hold, for the links' accessible names.
    what: String,
) -> impl IntoView {
    view! {
        <span class="downloads">
            <a href=format!("{stem}.csv") download="" aria-label=format!("{what} as CSV")>"CSV"</a>
            " · "
            <a href=format!("{stem}.json") download="" aria-label=format!("{what} as JSON")>"JSON"</a>
        </span>
    }
}

/// The section.
#[component]
pub fn DataAndCitation(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    let bundle = &page.bundle;
    let links = data_links(bundle)
        .into_iter()
        .map(|link| {
            view! {
                <li>
                    {format!("{}: ", link.title)}
                    <DownloadLinks stem=link.stem what=link.title />
                </li>
            }
        })
        .collect_view();
    let site = bundle.site_url.as_ref().map(ToString::to_string);
    let cite = citation(bundle, site.as_deref());
    let data = &bundle.licences.data;
    view! {
        <section class="data-downloads" id="data" aria-labelledby="data-title">
            <h2 id="data-title">"Data and citation"</h2>
            <p>
                "Every table on this page, whole, with each value's status (disclosed, estimated, derived, not disclosed) and its source URL. The data is shared under "
                <a href=data.url.to_string() rel="license noopener noreferrer">{data.name.clone()}</a>
                "; the licences of the models themselves are in each card."
            </p>
            <ul class="data-downloads__list">{links}</ul>
            <p class="data-downloads__cite">"Cite as: " <span>{cite}</span></p>
        </section>
    }
}
