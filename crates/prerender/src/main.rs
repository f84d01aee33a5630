//! Prerenders the release build: reads the staged `index.html` and `content.json` (the same file
//! the app fetches, validated the same way), renders the page with the app's own components, and
//! writes `index.html` and `_headers` back.
//!
//! Usage: `llm-watch-prerender [DIR]`, DIR defaulting to `$TRUNK_STAGING_DIR` (Trunk's
//! `post_build` hook). `SITE_URL`, when set, is the published page's absolute address (for the
//! canonical link, `og:url` and JSON-LD).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use llm_watch_core::head::head_html;
use llm_watch_core::page::{content_fingerprint, Page};
use llm_watch_prerender::{assemble, preview, Prerendered};

fn main() -> ExitCode {
    match run() {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("error: prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let dir: PathBuf = match std::env::args_os().nth(1) {
        Some(dir) => dir.into(),
        None => std::env::var_os("TRUNK_STAGING_DIR")
            .ok_or("give the built site's folder (or run under Trunk)")?
            .into(),
    };
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|error| format!("{}: {error}", dir.join(name).display()))
    };
    let index = read("index.html")?;
    let content = read("content.json")?;
    let page = Page::parse(&content).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    let site_url = std::env::var("SITE_URL").ok().filter(|url| !url.is_empty());
    let mut head = head_html(&page, site_url.as_deref());
    // The link-preview picture, beside the page. Open Graph wants its address absolute, so the
    // tags that point to it need SITE_URL; the file is written either way.
    let preview = match std::fs::read(preview::FONT) {
        Ok(font) => {
            let png = preview::png(&page, font)?;
            std::fs::write(dir.join(preview::PREVIEW_FILE), &png)
                .map_err(|error| format!("{}: {error}", preview::PREVIEW_FILE))?;
            format!("{} ({} bytes)", preview::PREVIEW_FILE, png.len())
        }
        Err(error) => format!(
            "no {} ({}: {error}; Debian's fonts-dejavu-core has it)",
            preview::PREVIEW_FILE,
            preview::FONT
        ),
    };
    if let (Some(url), true) = (&site_url, dir.join(preview::PREVIEW_FILE).exists()) {
        head = preview::with_image_tags(&head, url, &preview::alt_text(&page));
    }
    let root = llm_watch::prerender::render_root(Arc::new(page), &content_fingerprint(&content));
    let output = assemble(&index, &Prerendered { root, head })?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text)
            .map_err(|error| format!("{}: {error}", dir.join(name).display()))
    };
    write("index.html", &output.html)?;
    // Security headers for every path, then a caching rule for each built file (TRUNK_PUBLIC_URL
    // is the sub-path the build is for).
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let headers = format!(
        "{}{}",
        output.policy.headers_file(),
        llm_watch_prerender::caching::caching_rules(&public_url, &site_files(&dir))
    );
    write("_headers", &headers)?;
    Ok(format!(
        "prerender: index.html is {} KB with the whole page; CSP allows {} inline script(s); {preview}",
        output.html.len() / 1024,
        output.policy.script_hashes.len()
    ))
}

/// Every file under `dir`, as a path relative to it with `/` separators.
fn site_files(dir: &std::path::Path) -> Vec<String> {
    fn walk(root: &std::path::Path, at: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(at) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(relative) = path.strip_prefix(root) {
                let parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files
}
