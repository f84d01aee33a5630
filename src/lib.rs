//! llm-watch: the article "The Top Five Open-Source LLMs to Keep an Eye on in 2024" as a Leptos
//! client-side app. The pure logic lives in `llm-watch-core`; this crate holds thin views over it,
//! the one loader that fetches the bundled content, and the two ways the views reach a page: mounted
//! in the browser (`csr`, taking over a prerendered page) or rendered to HTML at build time (`ssr`).

// No unwrap, expect, indexing or panic outside tests: `[workspace.lints]` in Cargo.toml.
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
