//! The form above the cards: sort, order and search, the filters, the memory budget, and the
//! clear and download buttons. Each control only turns its event into a change of the view state.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::cards::{Direction, Filters, SizePreset, SortKey, ViewChange, ViewState};
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
    let change = move |change: ViewChange| state.update(|s| s.apply(change));
    view! {
        <form class="model-cards__controls" on:submit=|event: ev::SubmitEvent| event.prevent_default()>
            {enum_select(
                "sort-key",
                "Sort by",
                SortKey::ALL.map(|key| (key, key.label())).to_vec(),
                SortKey::key,
                SortKey::from_key,
                |s| s.sort,
                ViewChange::Sort,
                state,
            )}
            {enum_select(
                "sort-direction",
                "Order",
                vec![(Direction::Ascending, "Ascending"), (Direction::Descending, "Descending")],
                Direction::key,
                Direction::from_key,
                |s| s.direction,
                ViewChange::Direction,
                state,
            )}
            <div class="control control--wide">
                <label for="model-search">"Search names and notes"</label>
                <input
                    id="model-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || state.get().filters.query
                    on:input:target=move |event| change(ViewChange::Query(event.target().value()))
                />
            </div>
            {checkbox_group(
                "Licence",
                LicenceClass::ALL.map(|c| (c, c.label(), Some(c.explanation()))).to_vec(),
                state,
                |f| &f.licences,
                ViewChange::ToggleLicence,
            )}
            {checkbox_group(
                "Licence needs (some model meets them all)",
                Need::ALL.map(|n| (n, n.label(), None)).to_vec(),
                state,
                |f| &f.needs,
                ViewChange::ToggleNeed,
            )}
            <BudgetControls state=state />
            {checkbox_group(
                "Size (any variant)",
                SizePreset::ALL.map(|p| (p, p.label(), None)).to_vec(),
                state,
                |f| &f.sizes,
                ViewChange::ToggleSize,
            )}
            {filter_select("filter-org", "Developer", organisations, state, |f| &f.organisation, ViewChange::Organisation)}
            {filter_select("filter-country", "Country", countries, state, |f| &f.country, ViewChange::Country)}
            <div class="control control--actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || state.get().filters.is_empty()
                    on:click=move |_| change(ViewChange::ClearFilters)
                >
                    "Clear all filters"
                </button>
                <button type="button" class="button" on:click=move |_| on_export.run(ExportFormat::Csv)>"Download CSV"</button>
                <button type="button" class="button" on:click=move |_| on_export.run(ExportFormat::Json)>"Download JSON"</button>
            </div>
        </form>
    }
}

/// A labelled select over `options` (value and its text), bound to one field of the view state:
/// `get` reads the field, and choosing an option makes the `change` of it (an unknown value is
/// the field's default).
#[allow(clippy::too_many_arguments)]
fn enum_select<T>(
    id: &'static str,
    label: &'static str,
    options: Vec<(T, &'static str)>,
    key: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
    get: fn(&ViewState) -> T,
    change: fn(T) -> ViewChange,
    state: RwSignal<ViewState>,
) -> impl IntoView
where
    T: Copy + PartialEq + Default + Send + Sync + 'static,
{
    view! {
        <div class="control">
            <label for=id>{label}</label>
            <select
                id=id
                on:change:target=move |event| {
                    let value = parse(&event.target().value()).unwrap_or_default();
                    state.update(|s| s.apply(change(value)));
                }
                prop:value=move || key(state.with(get))
            >
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        view! { <option value=key(option) prop:selected=move || state.with(get) == option>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A fieldset of checkboxes, one per option; ticking toggles the option in the filter set that
/// `field` picks out of the view state (the change `toggle` makes).
fn checkbox_group<T>(
    legend: &'static str,
    options: Vec<(T, &'static str, Option<&'static str>)>,
    state: RwSignal<ViewState>,
    field: fn(&Filters) -> &BTreeSet<T>,
    toggle: fn(T) -> ViewChange,
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
                        on:change=move |_| state.update(|s| s.apply(toggle(option)))
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

/// A labelled select over `options` with "Any" first, bound to one optional filter: `field` reads
/// it, and a choice makes the change `choose` of it ("Any" is `None`).
fn filter_select(
    id: &'static str,
    label: &'static str,
    options: Vec<String>,
    state: RwSignal<ViewState>,
    field: fn(&Filters) -> &Option<String>,
    choose: fn(Option<String>) -> ViewChange,
) -> impl IntoView {
    view! {
        <div class="control">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || state.with(|s| field(&s.filters).clone().unwrap_or_default())
                on:change:target=move |event| {
                    let value = event.target().value();
                    state.update(|s| s.apply(choose((!value.is_empty()).then_some(value))));
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
