//! The cards' view state kept in the URL's query string, so any view can be shared and Back and
//! Forward step through views: state changes write the URL, and Back/Forward write the state.

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::cards::{from_query, to_query, HistoryStep, ViewState};

use crate::browser;

/// A `ViewState` signal that starts from the current URL and stays in step with it. A change adds
/// a history entry, or replaces the current one when only the search text changed
/// (`ViewState::history_step`), so Back does not replay every keystroke. A `popstate` (Back or
/// Forward) sets the state the URL then says. The listener goes with the calling component.
pub fn use_query_state() -> RwSignal<ViewState> {
    let state = RwSignal::new(from_query(&browser::current_query()));
    // State -> URL (skipped when the URL already says it, e.g. right after Back).
    Effect::new(move |previous: Option<ViewState>| {
        let current = state.get();
        let query = to_query(&current);
        if query != browser::current_query() {
            let push = previous
                .as_ref()
                .is_none_or(|before| current.history_step(before) == HistoryStep::Push);
            let _ = browser::set_query(&query, push);
        }
        current
    });
    // URL -> state, on Back/Forward.
    let popstate = window_event_listener(ev::popstate, move |_| {
        let from_url = from_query(&browser::current_query());
        if from_url != state.get_untracked() {
            state.set(from_url);
        }
    });
    on_cleanup(move || popstate.remove());
    state
}
