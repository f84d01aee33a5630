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

use llm_watch_core::content::{
    article_warnings, assemble_bundle, SourceFiles, ARTICLE_FILE, BENCHMARKS_FILE, FOLLOWUPS_FILE,
    MODELS_FILE, NOTES_FILE, RELEASES_FILE, RELEASES_META_FILE,
};

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

    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: cannot read: {error}", path.display()))
    };
    let texts: Vec<Result<String, String>> = [
        ARTICLE_FILE,
        MODELS_FILE,
        NOTES_FILE,
        RELEASES_FILE,
        RELEASES_META_FILE,
        FOLLOWUPS_FILE,
        BENCHMARKS_FILE,
    ]
    .iter()
    .map(|name| read(name))
    .collect();
    let unreadable: Vec<String> = texts
        .iter()
        .filter_map(|t| t.as_ref().err().cloned())
        .collect();
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let text = |i: usize| texts[i].as_deref().unwrap_or_default();
    let bundle = assemble_bundle(SourceFiles {
        article_md: text(0),
        models_json: text(1),
        notes_json: text(2),
        releases_csv: text(3),

        releases_meta_json: text(4),
        followups_json: text(5),
        benchmarks_json: text(6),
    })
    .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;

    // Printed as they are found; they never fail the build.
    let warnings = article_warnings(text(0));
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
            let json = serde_json::to_string(&bundle)
                .map_err(|e| vec![format!("cannot serialise: {e}")])?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| vec![format!("{}: {e}", parent.display())])?;
            }
            std::fs::write(&path, &json)
                .map_err(|e| vec![format!("{}: cannot write: {e}", path.display())])?;
            Ok(format!(
                "{summary}: wrote {} ({} bytes)",
                path.display(),
                json.len()
            ))
        }
    }
}
