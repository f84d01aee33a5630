//! Thin wrappers over the few browser APIs the app uses beyond rendering: the URL, history,
//! downloads, the clipboard, in-page fragment links and the `IntersectionObserver` behind
//! `hooks::use_when_near`. Failures come back as `Err`, never panics.
//!
//! This is also the seam between the two builds of the same components: rendered natively at build
//! time (feature `ssr`, the prerender) there is no window, and everything here answers as a fresh
//! page would (no query, no fragment, no storage, so no stored theme or visit; whatever waits to be
//! near is drawn at once) instead of calling into JavaScript.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The browser window; `None` when rendering natively at build time.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(feature = "ssr") {
        None
    } else {
        web_sys::window()
    }
}

/// The document; `None` when rendering natively at build time.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// The query string of the current URL, without `?`.
pub fn current_query() -> String {
    window_location()
        .and_then(|l| l.search().ok())
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned()
}

/// The page's address without query or fragment (`https://host/sub/path/`); empty when rendering
/// natively at build time.
pub fn page_address() -> String {
    window_location()
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default()
}

fn window_location() -> Option<web_sys::Location> {
    window().map(|w| w.location())
}

/// Puts `query` in the address bar, keeping the path (a CDN sub-path included) and the fragment.
/// `push` adds a history entry (Back returns to the previous view); otherwise the entry is replaced.
pub fn set_query(query: &str, push: bool) -> Result<(), JsValue> {
    let window = window().ok_or("no window")?;
    let location = window.location();
    let url = format!(
        "{}{}{}{}",
        location.pathname()?,
        if query.is_empty() { "" } else { "?" },
        query,
        location.hash()?
    );
    let history = window.history()?;
    if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    }
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys_array(text);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = document().ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// `[text]` as a JS array: the Blob constructor takes a sequence of parts.
fn js_sys_array(text: &str) -> JsValue {
    js_sys::Array::of1(&JsValue::from_str(text)).into()
}

/// Copies `text` to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ())
}

/// Follows an in-page `#id` link without leaving the page. `<base href>` (needed for a CDN
/// sub-path) would otherwise resolve `#id` against the base and drop the query string, which
/// reloads the page and loses the reader's view.
pub fn follow_fragment(id: &str) -> Result<(), JsValue> {
    let window = window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let Some(target) = document.get_element_by_id(id) else {
        return Ok(());
    };
    let location = window.location();
    let url = format!("{}{}#{}", location.pathname()?, location.search()?, id);
    window
        .history()?
        .push_state_with_url(&JsValue::NULL, "", Some(&url))?;
    // Scroll on the next frame: the click may still be changing the layout (the phone contents
    // close when a link in them is picked), and a scroll aimed before that would land off target.
    leptos::prelude::request_animation_frame(move || {
        target.scroll_into_view();
        if let Some(element) = target.dyn_ref::<web_sys::HtmlElement>() {
            if !element.has_attribute("tabindex") && !is_focusable(element) {
                let _ = element.set_attribute("tabindex", "-1");
            }
            // Move keyboard focus to the section without a second, competing scroll.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    });
    Ok(())
}

fn is_focusable(element: &web_sys::HtmlElement) -> bool {
    matches!(
        element.tag_name().as_str(),
        "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA"
    )
}

/// The element id named by the current URL's fragment, if any.
pub fn current_fragment() -> Option<String> {
    let hash = window_location()?.hash().ok()?;
    let id = hash.trim_start_matches('#');
    (!id.is_empty()).then(|| llm_watch_core::percent::decode_component(id))
}

/// Scrolls to the element the URL's fragment names; used once the content has rendered (the
/// browser's own attempt happened before it existed).
pub fn scroll_to_current_fragment() {
    if let (Some(id), Some(document)) = (current_fragment(), document()) {
        if let Some(target) = document.get_element_by_id(&id) {
            target.scroll_into_view();
        }
    }
}

/// Runs `then` in a task of its own (a zero-delay timeout), so the browser can handle input and
/// paint first; at once when there is no window (rendering natively) or no timer.
pub fn after_a_turn(then: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let then = Rc::new(RefCell::new(Some(then)));
    let run = {
        let then = then.clone();
        move || {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
        }
    };
    let scheduled = window().is_some_and(|window| {
        let callback = Closure::once_into_js(run.clone());
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0)
            .is_ok()
    });
    if !scheduled {
        run();
    }
}

/// Calls `ready` once the element with `id` comes within `margin` (a CSS length) of the viewport,
/// or at once when it is missing or the browser has no `IntersectionObserver`.
pub fn when_near(id: &str, margin: &str, ready: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let ready = Rc::new(RefCell::new(Some(ready)));
    let run = {
        let ready = ready.clone();
        move || {
            if let Some(ready) = ready.borrow_mut().take() {
                ready();
            }
        }
    };
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else {
        run();
        return;
    };
    let on_change = {
        let run = RefCell::new(Some(run.clone()));
        Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries.iter().any(|entry| {
                    entry
                        .dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if near {
                    observer.disconnect();
                    if let Some(run) = run.borrow_mut().take() {
                        run();
                    }
                }
            },
        )
    };
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    match web_sys::IntersectionObserver::new_with_options(
        on_change.as_ref().unchecked_ref(),
        &options,
    ) {
        Ok(observer) => {
            observer.observe(&element);
            // Lives as long as the page: it disconnects itself after the first sighting.
            on_change.forget();
        }
        Err(_) => run(),
    }
}
