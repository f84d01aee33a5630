//! Loading: a failed load says what failed and offers Retry; a missing file is an error, not
//! a panic.

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch::components::load_state::LoadErrorView;
use llm_watch::loader::{load_page, LoadError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::common::container;

#[wasm_bindgen_test]
async fn the_error_view_says_what_failed_and_retry_calls_back() {
    let root = container();
    let retried = RwSignal::new(0);
    let error = LoadError::Status {
        status: 503,
        url: "https://cdn.example/content.json".into(),
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadErrorView error=error.clone() on_retry=Callback::new(move |_| retried.update(|n| *n += 1)) /> }
    });
    handle.forget();
    assert!(root
        .text_content()
        .unwrap()
        .contains("The server answered 503"));
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_loader_reports_a_missing_content_file_instead_of_panicking() {
    // The test runner's server has no content.json: the loader must say so.
    let error = load_page()
        .await
        .expect_err("there is no content.json here");
    let message = error.to_string();
    assert!(
        matches!(
            error,
            LoadError::Status { status: 404, .. } | LoadError::NotJson { .. }
        ),
        "{message}"
    );
}
