//! `make watch` — what each family's developer published on the Hugging Face Hub after its list's
//! `checked_to`, what changed on the repositories the content lists, and the pages to re-read.
//!
//! Usage: `llm-watch-refresh [CONTENT_DIR] [--draft FILE]`
//! - CONTENT_DIR defaults to `content`; it is read and validated as the build does, never written.
//! - `--draft FILE` writes candidate rows in followups.json's shape (every value `estimated`).
//! - `HF_TOKEN` (optional) is sent as a bearer token; `HF_ENDPOINT` replaces
//!   `https://huggingface.co`, as in the official client.
//!
//! Exit codes: 0 nothing new (everything was read), 1 candidates or changes found, 2 could not
//! check (something was not read: never reported as nothing new), 3 bad arguments or content.

use std::path::PathBuf;
use std::process::ExitCode;

use llm_watch_refresh::hub::{HubClient, RepoLookup};
use llm_watch_refresh::report::{self, FamilyAnswers};

fn main() -> ExitCode {
    let mut dir = PathBuf::from("content");
    let mut draft = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--draft" => match args.next() {
                Some(path) => draft = Some(PathBuf::from(path)),
                None => return usage("--draft needs a file path"),
            },
            "-h" | "--help" => {
                println!("usage: llm-watch-refresh [CONTENT_DIR] [--draft FILE]   (HF_TOKEN, HF_ENDPOINT optional)");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => return usage(&format!("unknown option {flag}")),
            path => dir = PathBuf::from(path),
        }
    }
    let bundle = match llm_watch_content::load(&dir) {
        Ok((bundle, _)) => bundle,
        Err(problems) => {
            for problem in problems {
                eprintln!("error: {problem}");
            }
            return ExitCode::from(3);
        }
    };
    let endpoint =
        std::env::var("HF_ENDPOINT").unwrap_or_else(|_| "https://huggingface.co".to_owned());
    let client = HubClient::new(&endpoint, std::env::var("HF_TOKEN").ok(), |line| {
        eprintln!("{line}")
    });

    let mut reports = Vec::new();
    for coverage in &bundle.followups.coverage {
        let since = coverage.checked_to.to_string();
        eprintln!("{}: repositories created after {since}", coverage.family);
        let orgs = coverage
            .hf_orgs
            .iter()
            .map(|org| (org.clone(), client.models_created_after(org, &since)))
            .collect();
        let repos = report::listed_repos(&bundle, coverage.family.as_str())
            .into_iter()
            .map(|(repo, _)| {
                let answer: Result<RepoLookup, _> = client.model_info(&repo);
                (repo, answer)
            })
            .collect();
        let answers = FamilyAnswers {
            family: coverage.family.to_string(),
            orgs,
            repos,
        };
        reports.push(report::family_report(&bundle, coverage, &answers));
    }
    print!("{}", report::render(&bundle, &reports));
    if let Some(path) = draft {
        let text = serde_json::to_string_pretty(&report::drafts(&reports)).unwrap_or_default();
        if let Err(error) = std::fs::write(&path, text + "\n") {
            eprintln!("error: {}: cannot write: {error}", path.display());
            return ExitCode::from(3);
        }
        eprintln!(
            "draft rows written to {} (verify every value before moving one into content/)",
            path.display()
        );
    }
    ExitCode::from(report::outcome(&reports) as u8)
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\nusage: llm-watch-refresh [CONTENT_DIR] [--draft FILE]");
    ExitCode::from(3)
}
