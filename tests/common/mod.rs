//! What the browser test files share: the shipped content as a page, a fresh container, the
//! article mounted into it, and small DOM queries.
#![allow(dead_code)] // each test file uses its own part

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch::components::article::ArticleView;
use llm_watch_core::content::{assemble_bundle, SourceFiles, SHIPPED};
use llm_watch_core::page::Page;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

/// The shipped content, assembled exactly as the build tool does.
pub fn shipped_page(extra_markdown: &str) -> Arc<Page> {
    let article = format!("{}{extra_markdown}", SHIPPED.article_md);
    let bundle = assemble_bundle(SourceFiles {
        article_md: &article,
        ..SHIPPED
    })
    .expect("shipped content is valid");
    Arc::new(Page::new(bundle))
}

/// A fresh container in the document, so each test sees only its own DOM.
pub fn container() -> HtmlElement {
    let document = document();
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

pub fn attrs(root: &HtmlElement, selector: &str, name: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute(name)
                .unwrap_or_default()
        })
        .collect()
}

/// Waits up to 2 s for `done`, a frame-sized step at a time (the takeover swaps in an animation
/// frame, which `tick()` does not wait for).
pub async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

pub fn mount_article(page: Arc<Page>) -> HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ArticleView page=page.clone() /> },
    );
    handle.forget();
    root
}

/// Dispatches a bubbling keydown of `key` on `target`.
pub fn key(target: &web_sys::Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    target
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}
