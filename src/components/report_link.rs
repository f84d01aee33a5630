//! "Report a problem" beside a value, a release or a benchmark row: a link to the author's
//! channel (content's `report`), prefilled with the value, its source and its place on the page.
//! Without a channel in the content, nothing is drawn.

use leptos::prelude::*;
use llm_watch_core::content::{Report, ReportChannel};

/// The author's channel and the page's own address, provided by the article view.
#[derive(Debug, Clone)]
pub struct ReportContext {
    pub channel: Option<ReportChannel>,
    /// The page's address without query or fragment (empty when prerendering: places are then
    /// fragments only).
    pub page_url: String,
}

/// The link, or nothing without a channel.
#[component]
pub fn ReportLink(
    /// What the report is about ("Llama 2 context length").
    about: String,
    /// The value as shown.
    value: String,
    /// Where the value was read.
    #[prop(optional)]
    source: Option<String>,
    /// The id of its place on the page (`card-llama-2`, `release-llama-3`).
    anchor: String,
) -> impl IntoView {
    let context = use_context::<ReportContext>()?;
    let channel = context.channel.as_ref()?;
    let place = format!("{}#{anchor}", context.page_url);
    let href = channel.link(&Report {
        about: &about,
        value: &value,
        source: source.as_deref(),
        place: &place,
    })?;
    Some(view! {
        <a class="report-link" href=href rel="noopener noreferrer" aria-label=format!("Report a problem with {about}")>
            "report"
        </a>
    })
}
