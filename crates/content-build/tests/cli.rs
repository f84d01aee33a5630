//! The content tool as the build runs it: success writes the bundle, bad content fails the build
//! with the file and field named.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;
use std::process::Command;

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_llm-watch-content"))
}

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

#[test]
fn writes_a_bundle_the_app_can_parse() {
    let out = std::env::temp_dir().join(format!("llm-watch-bundle-{}.json", std::process::id()));
    let status = tool()
        .arg(content_dir())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let page = llm_watch_core::page::Page::parse(&text).expect("the bundle round-trips");
    assert_eq!(page.bundle.models.families.len(), 5);
    std::fs::remove_file(out).ok();
}

#[test]
fn bad_content_fails_with_the_field_path() {
    let dir = std::env::temp_dir().join(format!("llm-watch-bad-content-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(content_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let models = std::fs::read_to_string(dir.join("models.json")).unwrap();
    let broken = models.replacen(
        "\"params_b\": {\n            \"value\": 7,",
        "\"params_b\": {\n            \"value\": \"seven\",",
        1,
    );
    assert_ne!(broken, models, "the fixture edit applied");
    std::fs::write(dir.join("models.json"), broken).unwrap();

    let output = tool().arg(&dir).arg("--check").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("error: models.json: families[0].variants[0].params_b.value: invalid type: string \"seven\", expected f64"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_missing_file_is_named() {
    let output = tool()
        .arg("/nonexistent-content")
        .arg("--check")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("/nonexistent-content/article.md: cannot read"));
}

/// Runs the tool into a fresh folder with `SITE_URL` as given; returns the files it wrote.
fn built_files(site_url: Option<&str>) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!(
        "llm-watch-site-{}-{}",
        std::process::id(),
        site_url.is_some()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let mut command = tool();
    command
        .arg(content_dir())
        .arg("--out")
        .arg(dir.join("content.json"));
    match site_url {
        Some(url) => command.env("SITE_URL", url),
        None => command.env_remove("SITE_URL"),
    };
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if site_url.is_some() {
        let robots = std::fs::read_to_string(dir.join("robots.txt")).unwrap();
        assert!(
            robots.contains("Sitemap: https://example.org/llm-watch/sitemap.xml"),
            "{robots}"
        );
        let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
        assert!(
            sitemap.contains("<loc>https://example.org/llm-watch/</loc>"),
            "{sitemap}"
        );
        let bundle = std::fs::read_to_string(dir.join("content.json")).unwrap();
        assert!(
            bundle.contains(r#""site_url":"https://example.org/llm-watch/""#),
            "the citation's address is in the bundle"
        );
    }
    let models = std::fs::read_to_string(dir.join("data/models.csv")).unwrap();
    assert!(models.starts_with("family,variant,developer,developer_status,developer_source,"));
    assert!(dir.join("data/releases-since.json").exists());
    std::fs::remove_dir_all(dir).ok();
    names
}

#[test]
fn the_crawler_files_are_written_exactly_when_site_url_is_set() {
    assert_eq!(built_files(None), ["content.json", "data", "feed.xml"]);
    assert_eq!(
        built_files(Some("https://example.org/llm-watch/")),
        [
            "content.json",
            "data",
            "feed.xml",
            "robots.txt",
            "sitemap.xml"
        ]
    );
}

#[test]
fn a_site_url_that_is_not_https_fails_the_build_and_says_why() {
    let dir = std::env::temp_dir().join(format!("llm-watch-bad-site-{}", std::process::id()));
    let output = tool()
        .arg(content_dir())
        .arg("--out")
        .arg(dir.join("content.json"))
        .env("SITE_URL", "javascript:alert(1)")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("SITE_URL: "), "{stderr}");
    assert!(!dir.join("content.json").exists(), "nothing is written");
    std::fs::remove_dir_all(dir).ok();
}
