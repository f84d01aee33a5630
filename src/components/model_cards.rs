//! The model cards section: sort, filter and search controls, the cards, the comparison and the
//! exports. The whole view lives in one `ViewState` signal that mirrors the URL query string, so
//! any view can be shared and Back/Forward step through views.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::cards::{
    self, benchmark_comparison, comparison, comparison_markdown, licence_comparison, to_csv,
    to_json, CardIndex, Direction, Filters, SizePreset, SortKey, ViewState,
};
use llm_watch_core::content::{Benchmarks, Family, LicenceClass, Licences, Slug};
use llm_watch_core::page::Page;
use llm_watch_core::terms::Need;

use super::memory_budget::{BudgetControls, ReaderChoice};
use super::model_card::ModelCard;
use crate::browser;
use crate::hooks::use_query_state;

/// The cards and their controls.
#[component]
pub fn ModelCards(
    /// The loaded content.
    page: Arc<Page>,
) -> impl IntoView {
    let families: Arc<Vec<Family>> = Arc::new(page.bundle.models.families.clone());
    let total = families.len();
    let state = use_query_state();

    provide_context(ReaderChoice::new(page.clone(), state));
    let card_index = Arc::new(CardIndex::new(&page.bundle));
    let visible = {
        let families = families.clone();
        let card_index = card_index.clone();
        Memo::new(move |_| card_index.visible(&families, &state.get()))
    };

    let status = move || {
        let s = state.get();
        let shown = visible.get().len();
        format!(
            "{shown} of {total} models, sorted by {}, {}.",
            s.sort.label().to_lowercase(),
            s.direction.label()
        )
    };

    let organisations = cards::options(&families, |f| f.developer.value.as_ref());
    let countries = cards::options(&families, |f| f.country.value.as_ref());

    // Cards drawn so far; "Show more" adds a page (see `cards::CARDS_PER_PAGE`).
    let limit = RwSignal::new(cards::CARDS_PER_PAGE);
    let card_list = {
        let families = families.clone();
        move || {
            let visible = visible.get();
            cards::first_cards(&visible, limit.get())
                .0
                .iter()
                .filter_map(|&i| Some((families.get(i)?.id.clone(), i)))
                .collect::<Vec<(Slug, usize)>>()
        }
    };
    let show_more = move || {
        let (shown, more) = {
            let visible = visible.get();
            let (shown, more) = cards::first_cards(&visible, limit.get());
            (shown.len(), more)
        };
        (more > 0).then(|| {
            view! {
                <p class="model-cards__more">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| limit.update(|l| *l += cards::CARDS_PER_PAGE)
                    >
                        {format!("Show {} more", more.min(cards::CARDS_PER_PAGE))}
                    </button>
                    {format!(" {shown} of {} shown", shown + more)}
                </p>
            }
        })
    };
    let render_card = {
        let families = families.clone();
        let page = page.clone();
        let card_index = card_index.clone();
        move |(id, index): (Slug, usize)| {
            // `index` came from `families` itself (card_list); `None` draws nothing.
            let family = families.get(index)?.clone();
            let section_id = page.section_id(&family).map(str::to_owned);
            let compared_id = id.clone();
            let compared = Signal::derive(move || state.get().compare.contains(&compared_id));
            let on_toggle = Callback::new(move |_| state.update(|s| s.toggle_compare(&id)));
            let followups: Vec<_> = page
                .bundle
                .followups
                .for_family(&family.id)
                .into_iter()
                .cloned()
                .collect();
            let outcome = llm_watch_core::outcome::family_outcome(&family, &page.bundle.followups);
            let candidates = card_index.candidates(index).cloned().collect();
            Some(view! {
                <ModelCard family=family section_id=section_id compared=compared on_toggle_compare=on_toggle followups=followups outcome=outcome page=page.clone() candidates=candidates />
            })
        }
    };

    let exports = {
        let families = families.clone();
        move |format: &'static str| {
            let shown: Vec<&Family> = visible
                .get_untracked()
                .into_iter()
                .filter_map(|i| families.get(i))
                .collect();
            let result = match format {
                "csv" => browser::download("llm-watch-models.csv", "text/csv", &to_csv(&shown)),
                _ => browser::download(
                    "llm-watch-models.json",
                    "application/json",
                    &to_json(&shown),
                ),
            };
            if result.is_err() {
                leptos::logging::warn!("download failed");
            }
        }
    };
    let export_csv = exports.clone();
    let export_json = exports;

    view! {
        <section class="model-cards" aria-labelledby="model-cards-title" data-island="model-cards">
            <h2 id="model-cards-title">"Compare the five model families"</h2>
            <p class="model-cards__intro">
                "Every value links to where it was read and says whether it was disclosed by the developer, estimated by others or derived by us. Sort, filter, search and compare; the address bar keeps the view, so you can share it."
            </p>
            <form class="model-cards__controls" on:submit=|event: ev::SubmitEvent| event.prevent_default()>
                <div class="control">
                    <label for="sort-key">"Sort by"</label>
                    <select
                        id="sort-key"
                        on:change:target=move |event| {
                            let key = SortKey::from_key(&event.target().value()).unwrap_or_default();
                            state.update(|s| s.sort = key);
                        }
                        prop:value=move || state.get().sort.key()
                    >
                        {SortKey::ALL.map(|key| view! { <option value=key.key() prop:selected=move || state.get().sort == key>{key.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="control">
                    <label for="sort-direction">"Order"</label>
                    <select
                        id="sort-direction"
                        on:change:target=move |event| {
                            let direction = if event.target().value() == "desc" { Direction::Descending } else { Direction::Ascending };
                            state.update(|s| s.direction = direction);
                        }
                        prop:value=move || state.get().direction.key()
                    >
                        <option value="asc" prop:selected=move || state.get().direction == Direction::Ascending>"Ascending"</option>
                        <option value="desc" prop:selected=move || state.get().direction == Direction::Descending>"Descending"</option>
                    </select>
                </div>
                <div class="control control--wide">
                    <label for="model-search">"Search names and notes"</label>
                    <input
                        id="model-search"
                        type="search"
                        autocomplete="off"
                        prop:value=move || state.get().filters.query
                        on:input:target=move |event| {
                            let text = event.target().value();
                            state.update(|s| s.filters.query = text);
                        }
                    />
                </div>
                {checkbox_group(
                    "Licence",
                    LicenceClass::ALL.map(|c| (c, c.label(), Some(c.explanation()))).to_vec(),
                    state,
                    |f| &f.licences,
                    |f| &mut f.licences,
                )}
                {checkbox_group(
                    "Licence needs (some model meets them all)",
                    Need::ALL.map(|n| (n, n.label(), None)).to_vec(),
                    state,
                    |f| &f.needs,
                    |f| &mut f.needs,
                )}
                <BudgetControls state=state />
                {checkbox_group(
                    "Size (any variant)",
                    SizePreset::ALL.map(|p| (p, p.label(), None)).to_vec(),
                    state,
                    |f| &f.sizes,
                    |f| &mut f.sizes,
                )}
                {filter_select("filter-org", "Developer", organisations, state, |f| &f.organisation, |f| &mut f.organisation)}
                {filter_select("filter-country", "Country", countries, state, |f| &f.country, |f| &mut f.country)}
                <div class="control control--actions">
                    <button
                        type="button"
                        class="button"
                        disabled=move || state.get().filters.is_empty()
                        on:click=move |_| state.update(|s| s.filters = Default::default())
                    >
                        "Clear all filters"
                    </button>
                    <button type="button" class="button" on:click=move |_| export_csv("csv")>"Download CSV"</button>
                    <button type="button" class="button" on:click=move |_| export_json("json")>"Download JSON"</button>
                </div>
            </form>
            <p class="model-cards__status" role="status">{status}</p>
            <div class="model-cards__list">
                <For each=card_list key=|(id, _)| id.clone() children=render_card />
            </div>
            {show_more}
            <Comparison families=families.clone() page=page.clone() state=state />
            <PrintSummary families=families.clone() />
        </section>
    }
}

/// A fieldset of checkboxes, one per option; ticking adds the option to the filter set that
/// `field`/`field_mut` pick out of the view state.
fn checkbox_group<T>(
    legend: &'static str,
    options: Vec<(T, &'static str, Option<&'static str>)>,
    state: RwSignal<ViewState>,
    field: fn(&Filters) -> &BTreeSet<T>,
    field_mut: fn(&mut Filters) -> &mut BTreeSet<T>,
) -> impl IntoView
where
    T: Copy + Ord + Send + Sync + 'static,
{
    let boxes = options
        .into_iter()
        .map(|(option, label, explanation)| {
            view! {
                <label class="check" title=explanation>
                    <input
                        type="checkbox"
                        prop:checked=move || state.with(|s| field(&s.filters).contains(&option))
                        on:change=move |_| {
                            state.update(|s| {
                                let set = field_mut(&mut s.filters);
                                if !set.remove(&option) {
                                    set.insert(option);
                                }
                            })
                        }
                    />
                    {format!(" {label}")}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="control control--group">
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
    }
}

/// A labelled select over `options` with "Any" first, bound to one optional filter.
fn filter_select(
    id: &'static str,
    label: &'static str,
    options: Vec<String>,
    state: RwSignal<ViewState>,
    field: fn(&Filters) -> &Option<String>,
    field_mut: fn(&mut Filters) -> &mut Option<String>,
) -> impl IntoView {
    view! {
        <div class="control">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || state.with(|s| field(&s.filters).clone().unwrap_or_default())
                on:change:target=move |event| {
                    let value = event.target().value();
                    state.update(|s| *field_mut(&mut s.filters) = (!value.is_empty()).then_some(value));
                }
            >
                <option value="" prop:selected=move || state.with(|s| field(&s.filters).is_none())>"Any"</option>
                {options
                    .into_iter()
                    .map(|o| {
                        let selected = o.clone();
                        view! { <option value=o.clone() prop:selected=move || state.with(|s| field(&s.filters).as_ref() == Some(&selected))>{o.clone()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The side-by-side comparison of the picked families, with the differing rows marked.
#[component]
fn Comparison(
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
        view! {
            <section class="comparison" aria-labelledby="comparison-title">
                <h3 id="comparison-title">{format!("Comparing {}", chosen.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", "))}</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Comparison table">
                    {comparison_table(
                        &chosen,
                        "data-table comparison__table",
                        "Rows marked “differs” are not the same for all picked models. Benchmark lines appear only where every picked model was measured the same way.",
                        Some((&page.bundle.benchmarks, &page.bundle.licences)),
                    )}
                </div>
                <button type="button" class="button" on:click=copy>"Copy as Markdown table"</button>
                <button type="button" class="button" on:click=move |_| state.update(|s| s.compare.clear())>"Clear comparison"</button>
                <p class="comparison__status" role="status">{move || copy_status.get()}</p>
            </section>
        }
        .into_any()
    }
}

/// Printed pages get the five families as one compact table instead of five cards.
#[component]
fn PrintSummary(
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
