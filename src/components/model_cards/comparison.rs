//! The side-by-side comparison of the families picked on the cards (with the Markdown copy), and
//! the compact table printed pages get instead of the cards: both one `comparison_table`.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::cards::{
    benchmark_comparison, comparison, comparison_markdown, licence_comparison, ViewChange,
    ViewState,
};
use llm_watch_core::content::{Benchmarks, Family, Licences};
use llm_watch_core::page::Page;

use crate::browser;
use crate::components::scroll_table::ScrollTable;

/// The side-by-side comparison of the picked families, with the differing rows marked.
#[component]
pub(super) fn Comparison(
    /// All families.
    families: Arc<Vec<Family>>,
    /// The loaded content: benchmark numbers (the lines measured the same way for every picked
    /// family) and licence entries (the clause rows).
    page: Arc<Page>,
    /// The view state (its `compare` list).
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let (copy_status, set_copy_status) = signal(String::new());
    let picked = move || {
        let ids = state.get().compare;
        ids.iter()
            .filter_map(|id| families.iter().find(|f| &f.id == id).cloned())
            .collect::<Vec<Family>>()
    };
    let picked = Memo::new(move |_| picked());

    let page_for_copy = page.clone();
    let copy = move |_| {
        let chosen = picked.get_untracked();
        let markdown = comparison_markdown(
            &chosen.iter().collect::<Vec<_>>(),
            &page_for_copy.bundle.benchmarks,
            &page_for_copy.bundle.licences,
        );
        leptos::task::spawn_local(async move {
            let message = match browser::copy_text(&markdown).await {
                Ok(()) => "Copied the comparison as a Markdown table.".to_owned(),
                Err(_) => format!(
                    "Copying is not allowed here; select and copy this instead:\n\n{markdown}"
                ),
            };
            set_copy_status.set(message);
        });
    };

    move || {
        let copy = copy.clone();
        let chosen = picked.get();
        if chosen.len() < 2 {
            let hint = if chosen.len() == 1 {
                "Pick one or two more models to compare them side by side."
            } else {
                "Tick “Compare” on two or three cards to see them side by side."
            };
            return view! { <p class="comparison__hint">{hint}</p> }.into_any();
        }
        let table = comparison_table(
            &chosen,
            "data-table comparison__table",
            "Rows marked “differs” are not the same for all picked models. Benchmark lines appear only where every picked model was measured the same way.",
            Some((&page.bundle.benchmarks, &page.bundle.licences)),
        );
        view! {
            <section class="comparison" aria-labelledby="comparison-title">
                <h3 id="comparison-title">{format!("Comparing {}", chosen.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", "))}</h3>
                <ScrollTable label="Comparison table">{table}</ScrollTable>
                <button type="button" class="button" on:click=copy>"Copy as Markdown table"</button>
                <button type="button" class="button" on:click=move |_| state.update(|s| s.apply(ViewChange::ClearCompare))>"Clear comparison"</button>
                <p class="comparison__status" role="status">{move || copy_status.get()}</p>
            </section>
        }
        .into_any()
    }
}

/// Printed pages get the five families as one compact table instead of five cards.
#[component]
pub(super) fn PrintSummary(
    /// All families, in file order.
    families: Arc<Vec<Family>>,
) -> impl IntoView {
    comparison_table(
        &families,
        "data-table print-only print-summary",
        "The five model families at a glance (sources: see each value online)",
        None,
    )
}

/// One column per family, one row per fact (from `cards::comparison`). With `benchmarks` (the
/// interactive comparison) the rows whose values differ get a "differs" badge and a tint, and the
/// benchmark lines measured the same way for every family follow, each number linked to its row.
fn comparison_table(
    families: &[Family],
    class: &'static str,
    caption: &'static str,
    benchmarks: Option<(&Benchmarks, &Licences)>,
) -> impl IntoView {
    let mark_differences = benchmarks.is_some();
    let refs: Vec<&Family> = families.iter().collect();
    let licence_rows = benchmarks
        .map(|(_, licences)| licence_comparison(&refs, licences))
        .unwrap_or_default();
    let bench_rows = benchmarks
        .map(|(b, _)| benchmark_comparison(&refs, b))
        .unwrap_or_default()
        .into_iter()
        .map(|row| {
            let label = row.label();
            let cells = row
                .cells
                .into_iter()
                .map(|cell| {
                    let numbers = cell
                        .into_iter()
                        .map(|n| {
                            let claim = n.developer_claim.then(|| view! { " " <span class="badge badge--claim">"own claim"</span> });
                            view! {
                                <li><a href=format!("#{}", n.anchor)>{format!("{} {}", n.model, n.score)}</a>{claim}</li>
                            }
                        })
                        .collect_view();
                    view! { <td><ul class="comparison__numbers">{numbers}</ul></td> }
                })
                .collect_view();
            view! {
                <tr class="comparison__row--benchmark">
                    <th scope="row">{label}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let rows = comparison(&refs)
        .into_iter()
        .chain(licence_rows)
        .map(|row| {
            let differs = mark_differences && row.differs;
            view! {
                <tr class:comparison__row--differs=differs>
                    <th scope="row">
                        {row.label}
                        {differs.then(|| view! { <span class="badge badge--differs">"differs"</span> })}
                    </th>
                    {row.values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class=class>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Fact"</th>
                    {families.iter().map(|f| view! { <th scope="col">{f.name.clone()}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{rows} {bench_rows}</tbody>
        </table>
    }
}
