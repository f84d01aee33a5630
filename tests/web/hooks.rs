//! The hooks in `src/hooks/`, each on its own: the URL query kept in step with the view state,
//! "draw when near", and the roving tabindex's arrow keys.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch::browser;
use llm_watch::hooks::{use_query_state, use_roving_focus, use_when_near};
use llm_watch_core::cards::{to_query, Direction, SortKey, ViewChange, ViewState};
use llm_watch_core::keys;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::common::{attrs, container, texts, until};

fn history_length() -> u32 {
    window().history().unwrap().length().unwrap()
}

/// Mounts a component that only calls `use_query_state`, and hands back its signal.
fn mount_query_state() -> RwSignal<ViewState> {
    let slot: Arc<Mutex<Option<RwSignal<ViewState>>>> = Arc::default();
    let put = slot.clone();
    leptos::mount::mount_to(container(), move || {
        let state = use_query_state();
        *put.lock().unwrap() = Some(state);
        view! { <p>{move || state.get().filters.query}</p> }
    })
    .forget();
    let state = slot.lock().unwrap().take();
    state.unwrap()
}

#[wasm_bindgen_test]
async fn query_state_pushes_a_history_entry_per_change_and_replaces_it_while_typing() {
    let _ = browser::set_query("", false);
    let state = mount_query_state();
    assert_eq!(
        state.get_untracked(),
        ViewState::default(),
        "an empty query is the default view"
    );
    let before = history_length();

    state.update(|s| s.apply(ViewChange::Sort(SortKey::Params)));
    tick().await;
    assert_eq!(browser::current_query(), to_query(&state.get_untracked()));
    assert!(browser::current_query().contains("sort=params"));
    assert_eq!(
        history_length(),
        before + 1,
        "a new sort is its own history entry"
    );

    state.update(|s| s.apply(ViewChange::Query("lla".to_owned())));
    tick().await;
    state.update(|s| s.apply(ViewChange::Query("llama".to_owned())));
    tick().await;
    assert_eq!(browser::current_query(), to_query(&state.get_untracked()));
    assert!(browser::current_query().contains("llama"));
    assert_eq!(history_length(), before + 1, "typing replaces the entry");

    let _ = browser::set_query("", false);
}

#[wasm_bindgen_test]
async fn query_state_starts_from_the_url_and_a_popstate_restores_the_state_it_says() {
    let _ = browser::set_query("dir=desc", false);
    let state = mount_query_state();
    assert_eq!(state.get_untracked().direction, Direction::Descending);

    // What Back does: the URL changes, then `popstate` fires.
    let _ = browser::set_query("sort=params", false);
    window()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    tick().await;
    let restored = state.get_untracked();
    assert_eq!(restored.sort, SortKey::Params);
    assert_eq!(restored.direction, Direction::Ascending);
    assert_eq!(
        browser::current_query(),
        "sort=params",
        "restoring the state does not write the URL again"
    );

    let _ = browser::set_query("", false);
}

#[wasm_bindgen_test]
async fn when_near_turns_true_once_the_element_comes_into_view() {
    let document = document();
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let spacer: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    spacer.set_attribute("style", "height: 5000px").unwrap();
    let target: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    target.set_id("hook-near-target");
    target.set_text_content(Some("target"));
    let body = document.body().unwrap();
    body.append_child(&spacer).unwrap();
    body.append_child(&target).unwrap();

    let root = container();
    leptos::mount::mount_to(root.clone(), || {
        let near = use_when_near("hook-near-target", "0px", true);
        let missing = use_when_near("hook-no-such-element", "0px", true);
        let at_once = use_when_near("hook-near-target", "0px", false);
        view! {
            <p class="near">{move || near.get().to_string()}</p>
            <p class="missing">{move || missing.get().to_string()}</p>
            <p class="at-once">{move || at_once.get().to_string()}</p>
        }
    })
    .forget();
    tick().await;
    assert_eq!(
        texts(&root, ".missing"),
        ["true"],
        "no such element: at once"
    );
    assert_eq!(texts(&root, ".at-once"), ["true"], "not waiting: at once");
    assert_eq!(
        texts(&root, ".near"),
        ["false"],
        "5000 px below the viewport"
    );

    target.scroll_into_view();
    until(|| texts(&root, ".near") == ["true"]).await;
    assert_eq!(texts(&root, ".near"), ["true"]);

    spacer.remove();
    target.remove();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Dispatches a cancelable keydown; returns whether its default was prevented.
fn press(target: &web_sys::Element, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    !target.dispatch_event(&event).unwrap()
}

#[wasm_bindgen_test]
async fn roving_focus_keeps_one_tab_stop_and_the_arrow_keys_move_it() {
    let root = container();
    leptos::mount::mount_to(root.clone(), || {
        let selected = RwSignal::new(0usize);
        let refs: Vec<NodeRef<leptos::html::Button>> = (0..3).map(|_| NodeRef::new()).collect();
        let roving = {
            let refs = refs.clone();
            use_roving_focus(
                selected.into(),
                |from, key| keys::step_linear(3, from, key),
                move |index| {
                    if let Some(button) = refs.get(index).and_then(|r| r.get()) {
                        let _ = button.focus();
                    }
                },
            )
        };
        (0..3)
            .map(|i| {
                view! {
                    <button
                        class="item"
                        id=format!("roving-{i}")
                        node_ref=refs[i]
                        tabindex=roving.tab_index(i)
                        on:focus=move |_| selected.set(i)
                        on:keydown=roving.on_key(i)
                    >
                        {i.to_string()}
                    </button>
                }
            })
            .collect_view()
    })
    .forget();
    tick().await;
    let tab_indices = || attrs(&root, ".item", "tabindex");
    let active = || {
        document()
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default()
    };
    let item = |i: usize| {
        root.query_selector(&format!("#roving-{i}"))
            .unwrap()
            .unwrap()
    };
    assert_eq!(
        tab_indices(),
        ["0", "-1", "-1"],
        "one Tab stop, on the first"
    );

    item(0).unchecked_into::<HtmlElement>().focus().unwrap();
    assert!(press(&item(0), "ArrowRight"), "a step prevents scrolling");
    tick().await;
    assert_eq!(active(), "roving-1");
    assert_eq!(
        tab_indices(),
        ["-1", "0", "-1"],
        "the Tab stop moves with focus"
    );

    press(&item(1), "End");
    tick().await;
    assert_eq!(active(), "roving-2");
    press(&item(2), "ArrowRight");
    tick().await;
    assert_eq!(
        active(),
        "roving-0",
        "right from the last wraps to the first"
    );
    press(&item(0), "ArrowLeft");
    tick().await;
    assert_eq!(
        active(),
        "roving-2",
        "left from the first wraps to the last"
    );
    press(&item(2), "Home");
    tick().await;
    assert_eq!(active(), "roving-0");

    assert!(!press(&item(0), "a"), "another key keeps its default");
    tick().await;
    assert_eq!(active(), "roving-0");
    assert_eq!(tab_indices(), ["0", "-1", "-1"]);
}
