//! The prerender as Trunk's hook runs it: bad input fails the build with a reason, and leaves the
//! staged files as they were.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;
use std::process::Command;

/// A staging folder holding the source index.html and `content` as content.json.
fn staging(name: &str, content: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("llm-watch-prerender-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), include_str!("../../../index.html")).unwrap();
    std::fs::write(dir.join("content.json"), content).unwrap();
    dir
}

fn prerender(dir: &PathBuf) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_llm-watch-prerender"))
        .arg(dir)
        .env_remove("SITE_URL")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn malformed_content_fails_the_build_and_names_the_problem() {
    let dir = staging("malformed", r#"{"article": {"title": 7}}"#);
    let (ok, stderr) = prerender(&dir);
    assert!(!ok);
    assert!(
        stderr.starts_with("error: prerender: content.json: article"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("index.html")).unwrap(),
        include_str!("../../../index.html"),
        "index.html is left as it was"
    );
    assert!(!dir.join("_headers").exists());

    let dir = staging("not-json", "<!doctype html><p>an SPA fallback page");
    let (ok, stderr) = prerender(&dir);
    assert!(!ok);
    assert!(stderr.contains("not valid JSON"), "{stderr}");
}

#[test]
fn a_missing_file_is_named() {
    let dir = staging("missing", "{}");
    std::fs::remove_file(dir.join("content.json")).unwrap();
    let (ok, stderr) = prerender(&dir);
    assert!(!ok);
    assert!(stderr.contains("content.json"), "{stderr}");
}
