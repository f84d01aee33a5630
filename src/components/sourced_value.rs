//! A value with its provenance: the text, a status badge and a link to where it was read.

use leptos::prelude::*;
use llm_watch_core::content::{Source, Status};

use super::report_link::ReportLink;

/// The status badge; text, not only colour.
#[component]
pub fn StatusBadge(
    /// How the value is known.
    status: Status,
) -> impl IntoView {
    view! { <span class=format!("badge badge--{}", status.label().replace(' ', "-"))>{status.label()}</span> }
}

/// A small link to a value's source; its accessible name says what it is the source of.
#[component]
pub fn SourceLink(
    /// Where the value was read.
    source: Source,
    /// What the value is, for the link's accessible name ("Llama 2 context length").
    about: String,
) -> impl IntoView {
    let title = match &source.locator {
        Some(locator) => format!("{} ({locator})", source.title),
        None => source.title.clone(),
    };
    view! {
        <a
            class="source-link"
            href=source.url.to_string()
            rel="noopener noreferrer"
            title=title.clone()
            aria-label=format!("Source for {about}: {title}")
        >
            "↗"
        </a>
    }
}

/// `text`, the badge when the value is not plainly disclosed (or always, with `always_badge`),
/// and the source link.
#[component]
pub fn SourcedText(
    /// The value as shown; `None` shows "not disclosed".
    text: Option<String>,
    /// How the value is known.
    status: Status,
    /// Where it was read.
    source: Source,
    /// What the value is, for the source link's accessible name.
    about: String,
    /// Show the badge for disclosed values too (default: only for the others).
    #[prop(optional)]
    always_badge: bool,
    /// Its place on the page, for "Report a problem" (default: the page's top).
    #[prop(optional, into)]
    anchor: Option<String>,
) -> impl IntoView {
    let shown = text.unwrap_or_else(|| "not disclosed".to_owned());
    let report = view! {
        <ReportLink
            about=about.clone()
            value=format!("{shown} ({})", status.label())
            source=source.url.to_string()
            anchor=anchor.unwrap_or_else(|| "main".to_owned())
        />
    };
    let badge = (always_badge || status != Status::Disclosed)
        .then(|| view! { <StatusBadge status=status /> });
    view! {
        <span class="sourced">
            <span class="sourced__value">{shown}</span>
            " "
            {badge}
            " "
            <SourceLink source=source about=about />
            " "
            {report}
        </span>
    }
}

/// Links separated by semicolons: "A; B; C". Each item is (label, https URL).
#[component]
pub fn SourceList(
    /// Label and URL of each source, in order.
    sources: Vec<(String, String)>,
) -> impl IntoView {
    sources
        .into_iter()
        .enumerate()
        .map(|(i, (label, url))| {
            view! {
                {(i > 0).then_some("; ")}
                <a href=url rel="noopener noreferrer">{label}</a>
            }
        })
        .collect_view()
}
