//! The one place the app talks to the network: fetch `content.json` (or take the request the
//! page's loader script started beside the wasm), check it is what we asked for, parse and
//! validate it, and say precisely what went wrong otherwise.

use std::sync::Arc;

use llm_watch_core::content::{ContentError, RenderedArticle};
use llm_watch_core::page::Page;

/// Relative, so the site works from any folder of a CDN: it resolves against `<base href>`, which
/// Trunk sets from `--public-url`.
pub const CONTENT_URL: &str = "content.json";

/// How long the whole download (answer and body) may take before it is abandoned. A phone on a
/// slow 4G link (1.6 Mbit/s) fetches the ~58 KB brotli file in under a second; fifteen seconds means the
/// server or the connection has stalled, and the reader deserves a message rather than a spinner.
pub const FETCH_TIMEOUT_MS: u32 = 15_000;

/// The largest `content.json` the app will read: today's is about 460 KB. Anything near this is a
/// wrong file or a runaway export, and parsing it would freeze a phone.
pub const MAX_CONTENT_BYTES: u64 = 4 * 1024 * 1024;

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
    #[error("The content did not arrive within {} seconds; the server or the connection has stalled. Try again in a moment.", .0 / 1000)]
    TimedOut(u32),
    #[error("The content file is {bytes} bytes, more than the {limit} this page reads; the deployment probably has the wrong file.")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("The content is malformed: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Content(Vec<ContentError>),
}

/// Fetches and prepares the page.
pub async fn load_page() -> Result<Arc<Page>, LoadError> {
    let text = fetch_text(CONTENT_URL).await?;
    // Reading the JSON, rendering the Markdown, checking the content and drawing the page are
    // each a long task on a slow phone; a turn of the event loop between them lets the browser
    // handle input in between (`Page::parse`, in steps).
    yield_to_browser().await;
    let bundle = Page::read_bundle(&text).map_err(LoadError::Content)?;
    yield_to_browser().await;
    let rendered = RenderedArticle::new(&bundle);
    yield_to_browser().await;
    let page = Page::checked(bundle, rendered).map_err(LoadError::Content)?;
    crate::takeover::fetched_content(&llm_watch_core::page::content_fingerprint(&text));
    yield_to_browser().await;
    Ok(Arc::new(page))
}

/// Resolves on a fresh task (`browser::after_a_turn`), so the browser can run input and paint.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        crate::browser::after_a_turn(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Where the page's loader script leaves the request for `content.json` it started beside the
/// wasm (`pattern_script` in Trunk.toml): `{ request: Promise<Response>, controller }`.
const EARLY_REQUEST: &str = "llmWatchContent";

/// A request for the content already under way, and what aborts it.
struct EarlyRequest {
    response: js_sys::Promise,
    controller: web_sys::AbortController,
}

/// Takes the loader script's request, once: the first load uses it, a Retry asks anew. `None`
/// without one (the browser tests, or a page whose loader predates it).
fn take_early_request() -> Option<EarlyRequest> {
    use wasm_bindgen::JsCast;
    let window = crate::browser::window()?;
    let key = wasm_bindgen::JsValue::from_str(EARLY_REQUEST);
    let early = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let field = |name: &str| js_sys::Reflect::get(&early, &wasm_bindgen::JsValue::from_str(name));
    Some(EarlyRequest {
        response: field("request").ok()?.dyn_into().ok()?,
        controller: field("controller").ok()?.dyn_into().ok()?,
    })
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let early = take_early_request();
    let deadline = Deadline::start(
        FETCH_TIMEOUT_MS,
        early.as_ref().map(|early| early.controller.clone()),
    );
    let signal = deadline.as_ref().map(Deadline::signal);
    let result = match early {
        Some(early) => {
            let answer = wasm_bindgen_futures::JsFuture::from(early.response)
                .await
                .and_then(|response| {
                    use wasm_bindgen::JsCast;
                    response.dyn_into::<web_sys::Response>()
                })
                .map(gloo_net::http::Response::from)
                .map_err(|error| LoadError::Network(js_error_text(&error)));
            match answer {
                Ok(response) => read_answer(response).await,
                Err(error) => Err(error),
            }
        }
        None => fetch_text_until(url, signal.as_ref()).await,
    };
    match (result, deadline) {
        (Err(LoadError::Network(_)), Some(deadline)) if deadline.expired() => {
            Err(LoadError::TimedOut(FETCH_TIMEOUT_MS))
        }
        (result, _) => result,
    }
}

async fn fetch_text_until(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<String, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))?;
    read_answer(response).await
}

/// What a failed `fetch` rejected with, worded as gloo-net words it ("TypeError: Failed to
/// fetch"), so both requests fail with the same message.
fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!(
            "{}: {}",
            String::from(error.name()),
            String::from(error.message())
        ),
        None => error
            .as_string()
            .unwrap_or_else(|| "the request failed".to_owned()),
    }
}

/// Checks an answer (status, type, size) and reads its body.
async fn read_answer(response: gloo_net::http::Response) -> Result<String, LoadError> {
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
    // A declared length is checked before the body is read; a chunked answer after.
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    check_size(declared)?;
    let text = response
        .text()
        .await
        .map_err(|error| LoadError::Network(error.to_string()))?;
    check_size(u64::try_from(text.len()).ok())?;
    Ok(text)
}

fn check_size(bytes: Option<u64>) -> Result<(), LoadError> {
    match bytes {
        Some(bytes) if bytes > MAX_CONTENT_BYTES => Err(LoadError::TooLarge {
            bytes,
            limit: MAX_CONTENT_BYTES,
        }),
        _ => Ok(()),
    }
}

/// Aborts the request when the time is up; dropping it cancels the timer.
struct Deadline {
    controller: web_sys::AbortController,
    timer: i32,
    /// Kept alive until the timer fires or is cleared.
    _on_expiry: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Deadline {
    /// Aborts through `controller` (the early request's), or a new one. `None` where there is no
    /// window or no `AbortController` (then the request has no deadline).
    fn start(millis: u32, controller: Option<web_sys::AbortController>) -> Option<Self> {
        use wasm_bindgen::JsCast;
        let window = crate::browser::window()?;
        let controller = match controller {
            Some(controller) => controller,
            None => web_sys::AbortController::new().ok()?,
        };
        let on_expiry = {
            let controller = controller.clone();
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || controller.abort())
        };
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_expiry.as_ref().unchecked_ref(),
                i32::try_from(millis).unwrap_or(i32::MAX),
            )
            .ok()?;
        Some(Self {
            controller,
            timer,
            _on_expiry: on_expiry,
        })
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    fn expired(&self) -> bool {
        self.controller.signal().aborted()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = crate::browser::window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}
