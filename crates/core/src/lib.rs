//! The pure layer of llm-watch. Everything here is plain data and functions, compiled natively (for
//! tests and the build-time content tool) and to wasm (for the app) without feature switches.

// No unwrap, expect, indexing or panic outside tests: `[workspace.lints]` in Cargo.toml.
pub mod cards;
pub mod chart;
pub mod choice;
pub mod content;
pub mod crawl;
pub mod escape;
pub mod exports;
pub mod feed;
pub mod format;
pub mod head;
pub mod keys;
pub mod markdown;
pub mod memory;
pub mod outcome;
pub mod page;
pub mod percent;
pub mod terms;
pub mod theme;
pub mod timeline;
pub mod viewport;
pub mod visits;
