//! Remembers what the reader saw (release ids and note revisions, in `localStorage`) and marks
//! what was added since their last visit. The rule is `llm_watch_core::visits`; this file only
//! reads and writes the stored text. Storage blocked, full or absent (the prerender): no marks,
//! no error.

use std::cell::OnceCell;

use leptos::prelude::*;
use llm_watch_core::content::{Bundle, Date};
use llm_watch_core::visits::{new_since, NewSince, Seen, STORAGE_KEY};

use crate::browser;

/// What is new since the last visit, shared by the watch section, the cards and the timeline;
/// `None` on a first visit, with nothing new, after "Clear these marks", and when prerendering.
#[derive(Debug, Clone, Copy)]
pub struct VisitMarks(pub RwSignal<Option<NewSince>>);

impl VisitMarks {
    /// The marks in context; call it in a component's body (a component mounted on its own has
    /// none).
    pub fn from_context() -> Option<Self> {
        use_context::<VisitMarks>()
    }

    /// Whether release `id` is new to the reader (tracked: views update when marks are cleared).
    pub fn is_new_release(marks: Option<Self>, id: &str) -> bool {
        marks.is_some_and(|marks| {
            marks
                .0
                .with(|new| new.as_ref().is_some_and(|n| n.has_release(id)))
        })
    }
}

thread_local! {
    /// One comparison per page load: a Retry renders the page again but must not compare this
    /// visit with itself.
    static THIS_VISIT: OnceCell<Option<NewSince>> = const { OnceCell::new() };
}

/// Compares the stored visit with `bundle`, then stores this one. Runs once per page load.
pub fn record_visit(bundle: &Bundle) -> Option<NewSince> {
    THIS_VISIT.with(|cell| cell.get_or_init(|| compare_and_store(bundle)).clone())
}

fn compare_and_store(bundle: &Bundle) -> Option<NewSince> {
    let storage = browser::window()?.local_storage().ok().flatten()?;
    let previous = storage
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .and_then(|text| Seen::parse(&text));
    let new = new_since(previous.as_ref(), bundle);
    // A full or refused store is no error: the next visit then has nothing to compare with.
    let _ = storage.set_item(STORAGE_KEY, &Seen::of(bundle, today()).to_json());
    new
}

/// Today in the reader's calendar.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: u16::try_from(now.get_full_year()).unwrap_or(2026),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

/// The watch section's line: what is new, and a way to clear the marks.
#[component]
pub fn NewSinceBanner() -> impl IntoView {
    let marks = use_context::<VisitMarks>();
    move || {
        let marks = marks?;
        let new = marks.0.get()?;
        Some(view! {
            <p class="new-since" role="status">
                <span class="badge badge--new">"New"</span>
                " "
                {new.sentence()}
                " "
                <button type="button" class="new-since__clear" on:click=move |_| marks.0.set(None)>
                    "Clear these marks"
                </button>
            </p>
        })
    }
}
