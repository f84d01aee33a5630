//! `<App/>`: the page skeleton. It owns the one content resource and shows a loading state, the
//! page, or an error with a Retry button; never a blank page.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::article::ArticleView;
use crate::components::load_state::{LoadErrorView, LoadingView};
use crate::components::theme_switch::ThemeSwitch;
use crate::loader::load_page;
use crate::takeover::{self, Island};

/// The whole app: the page frame around the loaded article, the loading state or the error.
#[component]
pub fn App() -> impl IntoView {
    let page = LocalResource::new(load_page);
    let retry = Callback::new(move |_| page.refetch());
    let fragment_links = window_event_listener(ev::click, follow_fragment_link);
    on_cleanup(move || fragment_links.remove());
    // Decided once at start: whether a prerendered article stays readable if loading fails.
    let over_prerendered = takeover::is_pending();

    view! {
        <PageFrame>
            <Suspense fallback=LoadingView>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <ArticleView page=page /> }.into_any(),
                        Err(error) => {
                            view! {
                                <LoadErrorView error=error on_retry=retry article_below=over_prerendered />
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </PageFrame>
    }
}

/// What surrounds the article on every page, live or prerendered: the skip link, the site header
/// with the theme switch, and `<main>`. The prerender renders exactly this around the article, so
/// the live page can replace it without anything moving.
#[component]
pub fn PageFrame(
    /// The contents of `<main>`.
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to the article"</a>
        <header class="site-header" data-island=Island::SiteHeader.name()>
            <span class="site-header__name">"llm-watch"</span>
            <ThemeSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// In-page `#id` links are followed by [`browser::follow_fragment`], which keeps the query string
/// (the shared card view) that `<base href>` would otherwise drop. Modified clicks (new tab) are
/// left to the browser.
fn follow_fragment_link(event: ev::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(Some(link)) = target.closest("a[href^='#']") else {
        return;
    };
    let id = link.get_attribute("href").unwrap_or_default();
    let id = id.trim_start_matches('#');
    if !id.is_empty() {
        event.prevent_default();
        let _ = browser::follow_fragment(&llm_watch_core::percent::decode_component(id));
    }
}
