//! Turns the author's `content/` folder into the `content.json` the app fetches.
//!
//! Usage: `llm-watch-content [CONTENT_DIR] [--out FILE | --check]`
//! - CONTENT_DIR defaults to `content`.
//! - Under Trunk's `pre_build` hook the output goes to `$TRUNK_STAGING_DIR/content.json`, so the
//!   bundle lands in `dist/` without touching the source tree (writing into `public/` would make
//!   `trunk serve` see a change and rebuild forever).
//! - `--check` validates and writes nothing (used by tests and CI).
//!
//! Any content problem fails the build with one line per problem, naming file and field.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use llm_watch_core::content::{article_warnings, validate_not_after};

const BUNDLE_FILE: &str = "content.json";

enum Output {
    Check,
    File(PathBuf),
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!(
                "content: {} problem(s); fix them in content/ and build again",
                problems.len()
            );
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<String, Vec<String>> {
    let mut dir = PathBuf::from("content");
    let mut output = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => output = Some(Output::Check),
            "--out" => {
                let path = args
                    .next()
                    .ok_or_else(|| vec!["--out needs a file path".to_owned()])?;
                output = Some(Output::File(path.into()));
            }
            flag if flag.starts_with('-') => return Err(vec![format!("unknown option {flag}")]),
            path => dir = path.into(),
        }
    }
    let output = match output {
        Some(output) => output,
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(staging) => Output::File(Path::new(&staging).join(BUNDLE_FILE)),
            None => {
                return Err(vec![
                    "say --out FILE or --check (or run under Trunk)".to_owned()
                ])
            }
        },
    };

    let (mut bundle, article_md) = llm_watch_content::load(&dir)?;
    // A day something was read cannot lie ahead of the build: checked here, with the build's
    // clock, never in the browser (a reader's clock is no authority on the content).
    let future = validate_not_after(&bundle, llm_watch_content::today());
    if !future.is_empty() {
        return Err(future.iter().map(ToString::to_string).collect());
    }

    // Printed as they are found; they never fail the build.
    let warnings = article_warnings(&article_md);
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }

    let summary = format!(
        "content: {} warning(s), {} families, {} variants, {} notes, {} releases, {} later releases, {} benchmark rows",
        warnings.len(),
        bundle.models.families.len(),
        bundle
            .models
            .families
            .iter()
            .map(|f| f.variants.len())
            .sum::<usize>(),
        bundle.notes.notes.len(),
        bundle.releases.rows.len(),
        bundle.followups.releases.len(),
        bundle.benchmarks.results.len()
    );
    match output {
        Output::Check => Ok(format!("{summary}: valid")),
        Output::File(path) => {
            let site_url = std::env::var("SITE_URL").ok().filter(|url| !url.is_empty());
            // The citation names the published address; a SITE_URL that is not https is refused.
            bundle.site_url = match &site_url {
                Some(url) => Some(url.parse().map_err(|e| vec![format!("SITE_URL: {e}")])?),
                None => None,
            };
            let json = serde_json::to_string(&bundle)
                .map_err(|e| vec![format!("cannot serialise: {e}")])?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| vec![format!("{}: {e}", parent.display())])?;
            }
            std::fs::write(&path, &json)
                .map_err(|e| vec![format!("{}: cannot write: {e}", path.display())])?;
            // The Atom feed beside it, from the same bundle: `trunk serve` and release builds
            // both have it. SITE_URL makes its links absolute, as for the page's head tags.
            let feed = llm_watch_core::feed::atom(
                &llm_watch_core::page::Page::new(bundle.clone()),
                llm_watch_core::feed::Site {
                    url: site_url.as_deref(),
                },
            );
            let feed_path = path.with_file_name(llm_watch_core::feed::FEED_FILE);
            std::fs::write(&feed_path, feed)
                .map_err(|e| vec![format!("{}: cannot write: {e}", feed_path.display())])?;
            // The crawler files need absolute URLs: only with SITE_URL, and never a stale pair.
            use llm_watch_core::crawl::{robots, sitemap, ROBOTS_FILE, SITEMAP_FILE};
            let crawler_files = [
                (
                    SITEMAP_FILE,
                    site_url.as_deref().map(|url| sitemap(&bundle, url)),
                ),
                (ROBOTS_FILE, site_url.as_deref().map(robots)),
            ];
            for (name, text) in crawler_files {
                let target = path.with_file_name(name);
                match text {
                    Some(text) => std::fs::write(&target, text)
                        .map_err(|e| vec![format!("{}: cannot write: {e}", target.display())])?,
                    None if target.exists() => std::fs::remove_file(&target)
                        .map_err(|e| vec![format!("{}: cannot remove: {e}", target.display())])?,
                    None => {}
                }
            }
            // Every dataset in CSV and JSON, linked from the page's "Data and citation".
            let data_files = llm_watch_core::exports::data_files(&bundle);
            for file in &data_files {
                let target = path.with_file_name(&file.path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| vec![format!("{}: {e}", parent.display())])?;
                }
                std::fs::write(&target, &file.text)
                    .map_err(|e| vec![format!("{}: cannot write: {e}", target.display())])?;
            }
            Ok(format!(
                "{summary}: wrote {} ({} bytes), {} and {} data files",
                path.display(),
                json.len(),
                llm_watch_core::feed::FEED_FILE,
                data_files.len()
            ))
        }
    }
}
