//! The form above the cards: sort, order and search, the filters, the memory budget, and the
//! clear and download buttons. Each control only turns its event into a change of the view state.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::cards::{Direction, Filters, SizePreset, SortKey, ViewState};
use llm_watch_core::content::LicenceClass;
use llm_watch_core::terms::Need;

use super::ExportFormat;
use crate::components::memory_budget::BudgetControls;

/// The cards' controls.
#[component]
pub(super) fn CardControls(
    /// The view state the controls change.
    state: RwSignal<ViewState>,
    /// The developers in the cards, for the "Developer" select.
    organisations: Vec<String>,
    /// The countries in the cards, for the "Country" select.
    countries: Vec<String>,
    /// Called with the format of the download button pressed.
    on_export: Callback<ExportFormat>,
) -> impl IntoView {
    view! {
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
            <button type="button" class="button" on:click=move |_| on_export.run(ExportFormat::Csv)>"Download CSV"</button>
            <button type="button" class="button" on:click=move |_| on_export.run(ExportFormat::Json)>"Download JSON"</button>
        </div>
    </form>
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
