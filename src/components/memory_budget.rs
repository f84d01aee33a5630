//! The reader's memory budget and licence needs: the controls that set them, and the verdicts
//! they give (a variant's fit, a later release's fit per size, the newest model of a family that
//! fits). The controls write the cards' `ViewState`; everything else reads it from context.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::cards::{ViewChange, ViewState};
use llm_watch_core::choice::{best_fit, release_candidates, BestFit, Candidate};
use llm_watch_core::content::Followup;
use llm_watch_core::memory::{
    estimate, parse_memory_gb, thousands, Budget, MemoryGb, ModelFacts, Precision,
    KV_CONTEXT_TOKENS, PRESETS_GB, RUNTIME_FIXED_GB,
};
use llm_watch_core::page::Page;
use llm_watch_core::terms::Need;

/// What the verdicts need: the content, and the budget and needs out of the view state the
/// controls write (memos, so a sort or a search does not redraw every verdict).
#[derive(Clone)]
pub struct ReaderChoice {
    pub page: Arc<Page>,
    pub budget: Memo<Budget>,
    pub needs: Memo<Vec<Need>>,
}

impl ReaderChoice {
    pub fn new(page: Arc<Page>, state: RwSignal<ViewState>) -> Self {
        ReaderChoice {
            page,
            budget: Memo::new(move |_| state.with(|s| s.budget)),
            needs: Memo::new(move |_| state.with(|s| s.filters.needs.iter().copied().collect())),
        }
    }

    pub fn from_context() -> Option<Self> {
        use_context::<ReaderChoice>()
    }
}

/// "Memory", "Precision" and "Only models that fit", with the refusal of a bad custom value
/// shown next to its field.
#[component]
pub fn BudgetControls(
    /// The view state.
    state: RwSignal<ViewState>,
) -> impl IntoView {
    let initial = state.get_untracked().budget.memory;
    let custom = RwSignal::new(!initial.is_preset());
    let typed = RwSignal::new(initial.to_string());
    let error = RwSignal::new(None::<String>);
    let set_memory = move |memory: MemoryGb| state.update(|s| s.apply(ViewChange::Memory(memory)));
    let on_typed = move |text: String| {
        typed.set(text.clone());
        match parse_memory_gb(&text) {
            Ok(memory) => {
                error.set(None);
                set_memory(memory);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let select_value = move || {
        let memory = state.get().budget.memory;
        if custom.get() || !memory.is_preset() {
            "custom".to_owned()
        } else {
            memory.to_string()
        }
    };
    // Each option says whether it is selected: a select's value set before its options exist
    // (a fresh mount, a reload with `?mem=48`) would fall back to the first option.
    let presets = PRESETS_GB
        .map(|gb| {
            view! { <option value=gb.to_string() prop:selected=move || select_value() == gb.to_string()>{format!("{gb} GB")}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="control control--group budget">
            <legend>"Memory budget"</legend>
            <div class="control">
                <label for="budget-memory">"Memory you have"</label>
                <select
                    id="budget-memory"
                    prop:value=select_value
                    on:change:target=move |event| {
                        let value = event.target().value();
                        if value == "custom" {
                            custom.set(true);
                            typed.set(state.get_untracked().budget.memory.to_string());
                        } else if let Ok(memory) = parse_memory_gb(&value) {
                            custom.set(false);
                            error.set(None);
                            set_memory(memory);
                        }
                    }
                >
                    {presets}
                    <option value="custom" prop:selected=move || select_value() == "custom">"Custom…"</option>
                </select>
            </div>
            <Show when=move || custom.get() || !state.get().budget.memory.is_preset()>
                <div class="control">
                    <label for="budget-custom">"Custom memory (GB)"</label>
                    <input
                        id="budget-custom"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby="budget-custom-error"
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        prop:value=move || typed.get()
                        on:input:target=move |event| on_typed(event.target().value())
                    />
                    // Drawn only with a message: an empty alert would be found by anyone
                    // looking for the page's alerts.
                    {move || error.get().map(|message| view! {
                        <p id="budget-custom-error" class="budget__error" role="alert">{message}</p>
                    })}
                </div>
            </Show>
            <div class="control">
                <label for="budget-precision">"Precision"</label>
                <select
                    id="budget-precision"
                    prop:value=move || state.get().budget.precision.key()
                    on:change:target=move |event| {
                        let precision = Precision::from_key(&event.target().value()).unwrap_or_default();
                        state.update(|s| s.apply(ViewChange::Precision(precision)));
                    }
                >
                    {Precision::ALL.map(|p| view! { <option value=p.key() prop:selected=move || state.get().budget.precision == p>{p.label()}</option> }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || state.get().filters.fits
                    on:change=move |_| state.update(|s| s.apply(ViewChange::ToggleFits))
                />
                " Only models that fit"
            </label>
            <p class="budget__assumes">
                {format!(
                    "Fits means weights + KV cache for {} tokens (or the model's shorter context or window) at 16 bits + {} GB and 10% of the weights for the runtime. A mixture of experts counts all its experts.",
                    thousands(KV_CONTEXT_TOKENS),
                    RUNTIME_FIXED_GB
                )}
            </p>
        </fieldset>
    }
    .into_any()
}

/// The verdict and total for one model; the formula is drawn when its disclosure first opens
/// (hundreds of them would double the page for a reader who opens one).
fn verdict_view(facts: ModelFacts<'_>, budget: Budget) -> impl IntoView {
    let fit = llm_watch_core::memory::fit(facts, budget);
    let total = llm_watch_core::memory::needs_gb(facts, budget)
        .map(|t| format!(" · {t:.1} GB"))
        .unwrap_or_default();
    let opened = RwSignal::new(false);
    let (params_b, layout, context, mixture) = (
        facts.params_b,
        facts.layout.copied(),
        facts.context,
        facts.mixture,
    );
    let formula = move || {
        let facts = ModelFacts {
            params_b,
            layout: layout.as_ref(),
            context,
            mixture,
        };
        estimate(facts, budget).formula
    };
    view! {
        <details class=format!("fit fit--{}", fit.key()) on:toggle=move |_| opened.set(true)>
            <summary>{format!("{}{total}", fit.label())}</summary>
            <p class="fit__formula">{move || opened.get().then(formula)}</p>
        </details>
    }
}

/// A variant's verdict under the reader's budget (a table cell's content).
#[component]
pub fn VariantFit(
    /// The variant's candidate entry (facts and layout).
    candidate: Candidate,
) -> impl IntoView {
    let choice = ReaderChoice::from_context();
    move || {
        let budget = choice.as_ref().map(|c| c.budget.get()).unwrap_or_default();
        verdict_view(candidate.facts(), budget)
    }
}

/// Each size of a later release with its verdict under the reader's budget.
#[component]
pub fn ReleaseFits(
    /// The release.
    release: Followup,
) -> impl IntoView {
    let choice = ReaderChoice::from_context();
    let Some(choice) = choice else {
        return ().into_any();
    };
    let models = release_candidates(&choice.page.bundle, &release);
    if models.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="fits" aria-label="Fit per size">
            {move || {
                let budget = choice.budget.get();
                models
                    .iter()
                    .map(|model| {
                        let label = model.size.clone().unwrap_or_default();
                        view! { <li><span class="fits__size">{format!("{label}: ")}</span>{verdict_view(model.facts(), budget)}</li> }
                    })
                    .collect_view()
            }}
        </ul>
    }
    .into_any()
}

/// "Newest that fits 24 GB at 4-bit with …: Llama 3.1 (8B), 23 July 2024", or why none does.
#[component]
pub fn BestFitLine(
    /// The family's models, oldest first.
    candidates: Vec<Candidate>,
) -> impl IntoView {
    let Some(choice) = ReaderChoice::from_context() else {
        return ().into_any();
    };
    let page = choice.page.clone();
    let (budget, needs) = (choice.budget, choice.needs);
    view! {
        <p class="best-fit" aria-live="polite">
            {move || {
                let needs = needs.get();
                let budget = budget.get();
                let with = if needs.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", needs.iter().map(|n| n.phrase()).collect::<Vec<_>>().join(" and "))
                };
                let question = format!("Newest that fits {budget}{with}: ");
                match best_fit(&page.bundle, &candidates, &needs, budget) {
                    BestFit::Found { candidate, estimate, newer_unknown } => {
                        let total = estimate.total_gb.map(|t| format!(", needs {t:.1} GB")).unwrap_or_default();
                        let unknown = (newer_unknown > 0).then(|| format!(" ({newer_unknown} newer without enough data to tell.)"));
                        view! {
                            <span class="best-fit__question">{question}</span>
                            <strong>{candidate.name.clone()}</strong>
                            {format!(", {}{total}.", candidate.date_text)}
                            {unknown}
                        }
                        .into_any()
                    }
                    BestFit::None(reason) => view! {
                        <span class="best-fit__question">{question}</span>
                        <strong>"none"</strong>
                        {format!(": {reason}.")}
                    }
                    .into_any(),
                }
            }}
        </p>
    }
    .into_any()
}
