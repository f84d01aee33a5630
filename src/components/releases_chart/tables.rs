//! The chart's numbers as HTML: the per-year counts table (the "Table" view, and the page without
//! JavaScript) and the list of the models released in the year picked on the chart.

use leptos::prelude::*;
use llm_watch_core::chart::YearCount;
use llm_watch_core::content::Release;
use llm_watch_core::format::format_params;

/// The same numbers as the bars, as a table.
#[component]
pub(super) fn CountsTable(
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

/// The models of the year picked on the chart.
#[component]
pub(super) fn YearDetails(
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
