//! The pure layer of llm-watch. Everything here is plain data and functions, compiled natively (for
//! tests and the build-time content tool) and to wasm (for the app) without feature switches.

pub mod cards;
pub mod chart;
pub mod content;
pub mod markdown;
pub mod page;
pub mod theme;
