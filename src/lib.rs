//! llm-watch: the article "The Top Five Open-Source LLMs to Keep an Eye on in 2024" as a Leptos
//! client-side app. The pure logic lives in `llm-watch-core`; this crate holds thin views over it,
//! the one loader that fetches the bundled content, and the two ways the views reach a page: mounted
//! in the browser (`csr`, taking over a prerendered page) or rendered to HTML at build time (`ssr`).

// Content, URLs and the DOM are untrusted input here: a bad index or a failed unwrap must become a
// message, never a panic (tests may still assert with them).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]
pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod last_visit;
pub mod loader;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod takeover;

pub use app::App;
