//! llm-watch: the article "The Top Five Open-Source LLMs to Keep an Eye on in 2024" as a Leptos
//! client-side app. The pure logic lives in `llm-watch-core`; this crate holds thin views over it
//! and the one loader that fetches the bundled content.

pub mod app;
pub mod browser;
pub mod components;
pub mod loader;

pub use app::App;
