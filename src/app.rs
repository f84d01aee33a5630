//! `<App/>`: the page skeleton. It owns the one content resource and shows a loading state, the
//! page, or an error with a Retry button; never a blank page.

use leptos::prelude::*;

use crate::components::article::ArticleView;
use crate::components::load_state::{LoadErrorView, LoadingView};
use crate::loader::load_page;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let page = LocalResource::new(load_page);
    let retry = Callback::new(move |_| page.refetch());

    view! {
        <a class="skip-link" href="#main">"Skip to the article"</a>
        <header class="site-header">
            <span class="site-header__name">"llm-watch"</span>
        </header>
        <main id="main" tabindex="-1">
            <Suspense fallback=LoadingView>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <ArticleView page=page /> }.into_any(),
                        Err(error) => view! { <LoadErrorView error=error on_retry=retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// `index.html` shows a static "Loading…" line while the wasm downloads; once the app mounts it
/// takes over, so the line goes.
pub fn remove_boot_message() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}
