//! What the reader sees while the content loads and when it cannot be shown.

use leptos::prelude::*;

use crate::loader::LoadError;

/// A polite status line while the content downloads (screen readers hear it once).
#[component]
pub fn LoadingView() -> impl IntoView {
    view! {
        <div class="load-state" role="status" aria-live="polite">
            <p>"Loading the article…"</p>
        </div>
    }
}

/// The error, in words, and a way to try again.
#[component]
pub fn LoadErrorView(
    /// What failed.
    error: LoadError,
    /// Called when the reader presses Retry.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="load-state load-state--error" role="alert">
            <h1>"The article could not be shown"</h1>
            <p class="load-state__message">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
