//! The pure layer of llm-watch. Everything here is plain data and functions, compiled natively (for
//! tests and the build-time content tool) and to wasm (for the app) without feature switches.

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
pub mod cards;
pub mod chart;
pub mod choice;
pub mod content;
pub mod crawl;
pub mod exports;
pub mod feed;
pub mod format;
pub mod keys;
pub mod markdown;
pub mod memory;
pub mod outcome;
pub mod page;
pub mod percent;
pub mod terms;
pub mod theme;
pub mod timeline;
pub mod visits;
