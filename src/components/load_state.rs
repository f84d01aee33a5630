//! What the reader sees while the content loads and when it cannot be shown.

use leptos::prelude::*;

use crate::loader::LoadError;
use crate::takeover;

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
    /// Whether the prerendered article stays readable below this message (default: no).
    #[prop(optional)]
    article_below: bool,
) -> impl IntoView {
    // Over a prerendered page the message goes in above the article built with the page.
    Effect::new(move |_| takeover::load_failed());
    // The prerendered article keeps the page's one h1.
    let heading = if article_below {
        view! { <h2>"The interactive page could not load"</h2> }.into_any()
    } else {
        view! { <h1>"The article could not be shown"</h1> }.into_any()
    };
    let consequence = article_below.then_some(
        " The article below is the copy published with the page; sorting, filtering and comparing need the content file.",
    );
    view! {
        <div class="load-state load-state--error" role="alert">
            {heading}
            <p class="load-state__message">{error.to_string()} {consequence}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
