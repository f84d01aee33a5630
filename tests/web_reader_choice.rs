//! Browser tests of "which can I use, and run?": the licence-need and fit filters narrow the cards
//! exactly as the content says, each variant's verdict follows from the formula, the budget and
//! filters live in the address (so a reload keeps them), and a bad memory value is refused in
//! words next to its field.
#![cfg(target_arch = "wasm32")]
// Helpers and #[wasm_bindgen_test] bodies assert by unwrapping (clippy.toml exempts only #[test]
// bodies, which these are not).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch::components::model_cards::ModelCards;
use llm_watch_core::cards::{from_query, CardIndex, ViewState};
use llm_watch_core::choice::candidates;
use llm_watch_core::memory::{fit, Budget, Fit, MemoryGb, Precision};
use llm_watch_core::terms::Need;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{container, shipped_page, texts};

/// Sets the address's query (the cards read it when they mount) and returns a guard-free reset.
fn at_query(query: &str) {
    let _ = llm_watch::browser::set_query(query, false);
}

fn mount_cards(page: std::sync::Arc<llm_watch_core::page::Page>) -> HtmlElement {
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <ModelCards page=page.clone() /> },
    )
    .forget();
    root
}

fn element<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

fn fire(target: &web_sys::Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

/// The checkbox whose label reads `label`.
fn checkbox(root: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label.check").unwrap();
    (0..labels.length())
        .map(|i| labels.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("a checkbox labelled {label:?}"))
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn shown_names(root: &HtmlElement) -> Vec<String> {
    texts(root, ".model-card__title")
}

/// The names the core says are visible for `state`.
fn expected_names(page: &llm_watch_core::page::Page, state: &ViewState) -> Vec<String> {
    let families = &page.bundle.models.families;
    CardIndex::new(&page.bundle)
        .visible(families, state)
        .into_iter()
        .map(|i| families[i].name.clone())
        .collect()
}

#[wasm_bindgen_test]
async fn the_need_and_fit_filters_narrow_the_cards_as_the_data_says() {
    at_query("");
    let page = shipped_page("");
    let root = mount_cards(page.clone());
    for need in Need::ALL {
        let boxed = checkbox(&root, need.label());
        boxed.click();
        tick().await;
        let mut state = ViewState::default();
        state.filters.needs.insert(need);
        assert_eq!(
            shown_names(&root),
            expected_names(&page, &state),
            "{need:?}"
        );
        boxed.click();
        tick().await;
    }
    // Two needs at once must be met by one model, not by two different ones.
    checkbox(&root, Need::CommercialWithoutCap.label()).click();
    checkbox(&root, Need::NoRegistration.label()).click();
    tick().await;
    let mut both = ViewState::default();
    both.filters.needs = [Need::CommercialWithoutCap, Need::NoRegistration].into();
    let names = shown_names(&root);
    assert_eq!(names, expected_names(&page, &both));
    assert!(names.len() < page.bundle.models.families.len(), "{names:?}");
    at_query("");
}

#[wasm_bindgen_test]
async fn a_70b_variant_does_not_fit_16_gb_at_4_bit_and_a_7b_does_from_the_formula() {
    at_query("mem=16&bits=4");
    let page = shipped_page("");
    let root = mount_cards(page.clone());
    let budget = Budget {
        memory: MemoryGb::whole(16),
        precision: Precision::Bits4,
    };
    let llama = page
        .bundle
        .models
        .family(&"llama-2".parse().unwrap())
        .unwrap();
    let models = candidates(&page.bundle, llama);
    let rows = root
        .query_selector_all("#card-llama-2 .model-card__variants tbody tr")
        .unwrap();
    assert_eq!(rows.length() as usize, llama.variants.len());
    for (i, variant) in llama.variants.iter().enumerate() {
        let row: HtmlElement = rows.item(i as u32).unwrap().unchecked_into();
        let verdict = texts(&row, ".model-card__fit summary").join("");
        let model = models.iter().find(|c| c.of == variant.id).unwrap();
        let expected = fit(model.facts(), budget);
        assert!(
            verdict.starts_with(expected.label()),
            "{}: {verdict}",
            variant.name
        );
        match variant.params_b.value {
            Some(p) if p >= 70.0 => assert_eq!(expected, Fit::DoesNotFit, "{}", variant.name),
            Some(p) if p <= 7.0 => assert_eq!(expected, Fit::Fits, "{}", variant.name),
            _ => {}
        }
    }
    // The formula is drawn when its disclosure opens, and names its parts.
    let details: HtmlElement = element(&root, "#card-llama-2 .model-card__fit details");
    details.set_attribute("open", "").unwrap();
    fire(&details, "toggle");
    tick().await;
    let formula = texts(&details, ".fit__formula").join("");
    assert!(formula.contains("KV cache 2 × 32 layers"), "{formula}");
    assert!(formula.contains("of 16 GB"), "{formula}");
    at_query("");
}

#[wasm_bindgen_test]
async fn the_budget_and_filters_survive_a_reload_through_the_address() {
    at_query("");
    let page = shipped_page("");
    let root = mount_cards(page.clone());
    let memory: HtmlSelectElement = element(&root, "#budget-memory");
    memory.set_value("48");
    fire(&memory, "change");
    let precision: HtmlSelectElement = element(&root, "#budget-precision");
    precision.set_value("8");
    fire(&precision, "change");
    checkbox(&root, "Only models that fit").click();
    checkbox(&root, Need::OutputsForTraining.label()).click();
    tick().await;
    let query = llm_watch::browser::current_query();
    for part in ["mem=48", "bits=8", "fits=1", "needs=outputs"] {
        assert!(query.contains(part), "{query}");
    }
    let state = from_query(&query);
    assert_eq!(shown_names(&root), expected_names(&page, &state));

    // A reload: a fresh mount reads the same view from the address.
    let again = mount_cards(page.clone());
    let memory: HtmlSelectElement = element(&again, "#budget-memory");
    let precision: HtmlSelectElement = element(&again, "#budget-precision");
    assert_eq!(memory.value(), "48");
    assert_eq!(precision.value(), "8");
    assert!(checkbox(&again, "Only models that fit").checked());
    assert!(checkbox(&again, Need::OutputsForTraining.label()).checked());
    assert_eq!(shown_names(&again), shown_names(&root));
    at_query("");
}

#[wasm_bindgen_test]
async fn a_bad_custom_memory_value_is_refused_next_to_its_field_and_a_bad_address_is_ignored() {
    at_query("mem=-5&bits=3&needs=free-beer");
    let page = shipped_page("");
    let root = mount_cards(page.clone());
    // Junk in the address: the defaults stand, nothing panics.
    let memory: HtmlSelectElement = element(&root, "#budget-memory");
    assert_eq!(memory.value(), MemoryGb::default().to_string());
    let precision: HtmlSelectElement = element(&root, "#budget-precision");
    assert_eq!(precision.value(), Precision::default().key());

    memory.set_value("custom");
    fire(&memory, "change");
    tick().await;
    let input: HtmlInputElement = element(&root, "#budget-custom");
    for (typed, says) in [
        ("abc", "“abc” is not a number of GB."),
        ("", "Enter the memory you have, in GB."),
        ("-8", "Memory must be more than 0 GB."),
        (
            "99999",
            "99999 GB is more than one machine holds; enter at most 2048.",
        ),
    ] {
        input.set_value(typed);
        fire(&input, "input");
        tick().await;
        assert_eq!(texts(&root, "#budget-custom-error"), [says]);
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert!(
            !llm_watch::browser::current_query().contains("mem="),
            "a refused value is not applied"
        );
    }
    input.set_value("12.5");
    fire(&input, "input");
    tick().await;
    assert!(
        texts(&root, "#budget-custom-error").is_empty(),
        "the message is gone"
    );
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(llm_watch::browser::current_query().contains("mem=12.5"));
    at_query("");
}

#[wasm_bindgen_test]
async fn a_reloaded_view_shows_its_own_choice_in_every_select() {
    // Found with the budget: a select's value set before its options exist fell back to the first
    // option, so a shared `?sort=name` sorted by name under a "Release date" control.
    at_query("sort=name&dir=desc&org=Meta&mem=80&bits=16");
    let page = shipped_page("");
    let root = mount_cards(page);
    for (selector, value) in [
        ("#sort-key", "name"),
        ("#sort-direction", "desc"),
        ("#filter-org", "Meta"),
        ("#budget-memory", "80"),
        ("#budget-precision", "16"),
    ] {
        let select: HtmlSelectElement = element(&root, selector);
        assert_eq!(select.value(), value, "{selector}");
    }
    at_query("");
}
