//! Browser tests (layer 2): components mounted in headless Chromium, DOM asserted.
//! Run with `make test-web` (wasm-bindgen-test-runner + Debian's chromedriver).
//!
//! One test binary (each `tests/*.rs` file is a separate, slow wasm link), one module per feature.
#![cfg(target_arch = "wasm32")]
// Helpers and #[wasm_bindgen_test] bodies assert by unwrapping (clippy.toml exempts only #[test]
// bodies, which these are not).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../common/mod.rs"]
mod common;

mod article;
mod cards;
mod chart;
mod hooks;
mod loading;
mod takeover;
mod timeline;
