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
    article_warnings, assemble_bundle, validate_not_after, Date, SourceFiles, ARTICLE_FILE,
    BENCHMARKS_FILE, FOLLOWUPS_FILE, MODELS_FILE, NOTES_FILE, RELEASES_FILE, RELEASES_META_FILE,
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
    // A day something was read cannot lie ahead of the build: checked here, with the build's
    // clock, never in the browser (a reader's clock is no authority on the content).
    let future = validate_not_after(&bundle, today());
    if !future.is_empty() {
        return Err(future.iter().map(ToString::to_string).collect());
    }

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

/// Today (UTC) from the system clock, as a calendar date.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_since_the_epoch_become_calendar_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(19_722).to_string(), "2023-12-31");
        assert_eq!(civil_from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(civil_from_days(20_788).to_string(), "2026-12-01");
    }
}
