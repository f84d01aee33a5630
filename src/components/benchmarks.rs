//! The benchmark tables: one per suite, because only numbers measured the same way (one benchmark
//! set, one setting, one harness) compare.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::content::Suite;
use llm_watch_core::page::Page;

use super::report_link::ReportLink;
use super::scroll_table::ScrollTable;
use super::sourced_value::SourceLink;

/// One table per suite: every row of a table was measured the same way, so its numbers compare;
/// numbers from different tables do not.
#[component]
pub fn Benchmarks(
    /// The loaded content; the tables read `page.bundle.benchmarks`.
    page: Arc<Page>,
) -> impl IntoView {
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

/// One suite's table: its setting and source, any caveat, the download links and a row per
/// measured model.
#[component]
fn SuiteTable(
    /// The suite: its metrics are the columns.
    suite: Suite,
    /// The loaded content, for the suite's results and their families' names.
    page: Arc<Page>,
) -> impl IntoView {
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
            <ScrollTable labelled_by=labelled_by>
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
            </ScrollTable>
        </div>
    }
    .into_any()
}
