//! The one place the app talks to the network: fetch `content.json`, check it is what we asked
//! for, parse and validate it, and say precisely what went wrong otherwise.

use std::sync::Arc;

use llm_watch_core::content::ContentError;
use llm_watch_core::page::Page;

/// Relative, so the site works from any folder of a CDN: it resolves against `<base href>`, which
/// Trunk sets from `--public-url`.
pub const CONTENT_URL: &str = "content.json";

/// Why the content could not be shown. Each message tells the reader what happened and, where
/// there is one, what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("The content could not be downloaded ({0}). Check your connection and try again.")]
    Network(String),
    #[error("The server answered {status} for {url}.")]
    Status { status: u16, url: String },
    /// A static host or dev server that falls back to `index.html` answers 200 with HTML.
    #[error("The server sent {content_type:?} instead of JSON for {url}; the content file is probably missing from the deployment.")]
    NotJson { content_type: String, url: String },
    #[error("The content is malformed: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Content(Vec<ContentError>),
}

/// Fetches and prepares the page.
pub async fn load_page() -> Result<Arc<Page>, LoadError> {
    let text = fetch_text(CONTENT_URL).await?;
    // Parsing (Markdown included) and drawing the page are each a long task on a slow phone; a
    // turn of the event loop between them lets the browser handle input in between.
    yield_to_browser().await;
    let page = Page::parse(&text).map_err(LoadError::Content)?;
    crate::takeover::fetched_content(&llm_watch_core::page::content_fingerprint(&text));
    yield_to_browser().await;
    Ok(Arc::new(page))
}

/// Resolves on a fresh task (a zero-delay timeout), so the browser can run input and paint.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = crate::browser::window() {
            if window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
            {
                return;
            }
        }
        let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))?;
    let url = response.url();
    if !response.ok() {
        return Err(LoadError::Status {
            status: response.status(),
            url,
        });
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !content_type.contains("json") {
        return Err(LoadError::NotJson { content_type, url });
    }
    response
        .text()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))
}
