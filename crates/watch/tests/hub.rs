//! The refresh tool against recorded Hub responses served on loopback (these machines cannot
//! reach the Hub): pagination through `Link`, new repositories, a licence change, a deleted
//! repository, 429 then success, 500, malformed JSON, a truncated body, an empty organisation,
//! and the tool's exit codes, including "could not check" when offline.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use llm_watch_refresh::hub::{HubClient, HubError, RepoLookup};
use llm_watch_refresh::report::{self, FamilyAnswers, Outcome, RepoChange};
use serde_json::{json, Value};

mod recorded_hub;
use recorded_hub::{fixture, hub, reply, serve, Hub, Reply};

const LIST: &str = "/api/models?author=meta-llama&sort=createdAt&direction=-1&limit=100";

fn quiet(_: &str) {}

fn client(base: &str) -> HubClient {
    let mut client = HubClient::new(base, Some("hf_test_token".into()), quiet);
    client.backoff = Duration::from_millis(20);
    client
}

/// A Hub whose first page links to the second with an absolute URL on the same server.
fn paged_hub() -> (Hub, String) {
    let page2 = format!("{LIST}&cursor=Mg");
    // Bind first, then script the Link with the real address.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes = vec![
        (
            LIST.to_owned(),
            vec![Reply {
                headers: vec![("Link".into(), format!("<{base}{page2}>; rel=\"next\""))],
                ..reply(200, &fixture("meta-llama-page1.json"))
            }],
        ),
        (
            page2.clone(),
            vec![reply(200, &fixture("meta-llama-page2.json"))],
        ),
    ];
    (serve(listener, routes, 50), page2)
}

#[test]
fn a_second_page_is_read_and_the_walk_stops_at_the_first_old_repository() {
    let (server, page2) = paged_hub();
    let found = client(&server.base)
        .models_created_after("meta-llama", "2025-08-07")
        .unwrap();
    let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "meta-llama/Llama-5-8B-Instruct",
            "meta-llama/Llama-5-8B",
            "meta-llama/Llama-4-Scout-17B-16E-Instruct-FP8"
        ]
    );
    let seen = server.seen.lock().unwrap();
    let paths: Vec<&str> = seen.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, [LIST, page2.as_str()]);
    let headers = &seen[0].1;
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    assert!(header("user-agent")
        .unwrap()
        .starts_with("llm-watch-refresh/"));
    assert_eq!(header("authorization"), Some("Bearer hf_test_token"));
}

#[test]
fn a_429_is_waited_out_as_retry_after_says_then_the_answer_is_used() {
    let server = hub(vec![(
        LIST,
        vec![
            Reply {
                headers: vec![("Retry-After".into(), "1".into())],
                ..reply(429, r#"{"error":"rate limited"}"#)
            },
            reply(200, "[]"),
        ],
    )]);
    let started = Instant::now();
    let found = client(&server.base)
        .models_created_after("meta-llama", "2025-08-07")
        .unwrap();
    assert!(found.is_empty());
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(server.seen.lock().unwrap().len(), 2);
}

#[test]
fn a_server_error_is_retried_with_backoff_then_reported() {
    let server = hub(vec![(LIST, vec![reply(500, "Internal Error")])]);
    let error = client(&server.base)
        .models_created_after("meta-llama", "2025-08-07")
        .unwrap_err();
    assert!(
        matches!(&error, HubError::Status { status: 500, detail } if detail.contains("Internal Error")),
        "{error}"
    );
    assert_eq!(server.seen.lock().unwrap().len(), 4, "four attempts");
}

#[test]
fn malformed_json_is_reported_not_taken_for_an_empty_list() {
    let server = hub(vec![(LIST, vec![reply(200, "<html>maintenance</html>")])]);
    let error = client(&server.base)
        .models_created_after("meta-llama", "2025-08-07")
        .unwrap_err();
    assert!(matches!(error, HubError::Malformed(_)), "{error}");
    assert!(error
        .to_string()
        .starts_with("the Hub's answer is not the documented JSON"));
}

#[test]
fn a_truncated_body_is_retried_then_reported() {
    let server = hub(vec![(
        LIST,
        vec![Reply {
            missing: 500,
            ..reply(200, r#"[{"id": "meta-llama/x", "createdAt": "2026"#)
        }],
    )]);
    let error = client(&server.base)
        .models_created_after("meta-llama", "2025-08-07")
        .unwrap_err();
    assert!(
        matches!(&error, HubError::Unreachable(why) if why.contains("cut short")),
        "{error}"
    );
    assert_eq!(server.seen.lock().unwrap().len(), 4);
}

#[test]
fn an_empty_organisation_is_nothing_new() {
    let server = hub(vec![(LIST, vec![reply(200, "[]")])]);
    assert_eq!(
        client(&server.base)
            .models_created_after("meta-llama", "2025-08-07")
            .unwrap(),
        []
    );
}

#[test]
fn a_deleted_repository_answers_not_found_whether_404_or_401_with_repo_not_found() {
    let server = hub(vec![(
        "/api/models/facebook/private-one",
        vec![Reply {
            headers: vec![("X-Error-Code".into(), "RepoNotFound".into())],
            ..reply(401, "{}")
        }],
    )]);
    let client = client(&server.base);
    assert_eq!(
        client.model_info("facebook/gone").unwrap(),
        RepoLookup::NotFound
    );
    assert_eq!(
        client.model_info("facebook/private-one").unwrap(),
        RepoLookup::NotFound
    );
}

/// The shipped content, for the comparison.
fn shipped() -> llm_watch_core::content::Bundle {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    llm_watch_content::load(&dir).unwrap().0
}

#[test]
fn the_report_groups_new_repositories_by_release_and_names_licence_gating_and_deleted_changes() {
    let mut bundle = shipped();
    // The author had recorded MobileLLM's Hub tags at release.
    for release in &mut bundle.followups.releases {
        for repo in &mut release.hf_repos {
            if repo.repo == "facebook/MobileLLM-1B" {
                repo.licence_tag = Some("cc-by-nc-4.0".into());
                repo.gated = Some("no".into());
            }
        }
    }
    let coverage = bundle
        .followups
        .coverage
        .iter()
        .find(|c| c.family.as_str() == "llama-2")
        .unwrap()
        .clone();
    let models: Vec<_> = serde_json::from_str::<Vec<llm_watch_refresh::hub::HubModel>>(&fixture(
        "meta-llama-page1.json",
    ))
    .unwrap();
    let answers = FamilyAnswers {
        family: "llama-2".into(),
        orgs: vec![
            ("meta-llama".into(), Ok(models)),
            (
                "facebook".into(),
                Err(HubError::Unreachable("timed out".into())),
            ),
        ],
        repos: vec![
            (
                "facebook/MobileLLM-1B".into(),
                Ok(RepoLookup::Found(
                    serde_json::from_str(&fixture("model-info-relicensed.json")).unwrap(),
                )),
            ),
            ("facebook/llm-compiler-7b".into(), Ok(RepoLookup::NotFound)),
            (
                "facebook/llm-compiler-13b".into(),
                Ok(RepoLookup::Found(
                    serde_json::from_str(&fixture("model-info-llm-compiler.json")).unwrap(),
                )),
            ),
        ],
    };
    let report = report::family_report(&bundle, &coverage, &answers);
    assert_eq!(report.candidates.keys().collect::<Vec<_>>(), ["Llama-5"]);
    assert_eq!(report.candidates["Llama-5"].len(), 2);
    assert!(report.changes.contains(&RepoChange::Licence {
        repo: "facebook/MobileLLM-1B".into(),
        recorded: "cc-by-nc-4.0".into(),
        now: "fair-noncommercial-research-license".into()
    }));
    assert!(report.changes.contains(&RepoChange::Gating {
        repo: "facebook/MobileLLM-1B".into(),
        recorded: "no".into(),
        now: "manual".into()
    }));
    assert!(report.changes.contains(&RepoChange::Gone {
        repo: "facebook/llm-compiler-7b".into(),
        release: "llm-compiler".into()
    }));
    assert!(report.changes.iter().any(
        |c| matches!(c, RepoChange::Unrecorded { repo, .. } if repo == "facebook/llm-compiler-13b")
    ));
    assert_eq!(
        report.failures,
        ["organisation facebook: the Hub could not be reached: timed out"]
    );
    // One organisation unread: the run says so, whatever else it found.
    assert_eq!(
        report::outcome(std::slice::from_ref(&report)),
        Outcome::CouldNotCheck
    );
    let text = report::render(&bundle, std::slice::from_ref(&report));
    assert!(
        text.contains("COULD NOT CHECK organisation facebook"),
        "{text}"
    );
    assert!(
        text.contains("gone: facebook/llm-compiler-7b (listed by llm-compiler) no longer answers"),
        "{text}"
    );
    assert!(text.contains("read again by hand (no API):"), "{text}");
}

/// A content folder whose only watched organisation is `meta-llama` and whose only listed
/// repository is `listed` (if any), in a fresh temp folder.
fn content_watching_meta(listed: Option<&str>) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let dir = std::env::temp_dir().join(format!(
        "llm-watch-refresh-{}-{}",
        std::process::id(),
        listed.unwrap_or("none").replace('/', "_")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let path = dir.join("followups.json");
    let mut followups: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for coverage in followups["coverage"].as_array_mut().unwrap() {
        let watched = if coverage["family"] == "llama-2" {
            json!(["meta-llama"])
        } else {
            json!([])
        };
        coverage["hf_orgs"] = watched;
    }
    for release in followups["releases"].as_array_mut().unwrap() {
        release.as_object_mut().unwrap().remove("hf_repos");
    }
    if let Some(repo) = listed {
        followups["releases"][0]["hf_repos"] =
            json!([{ "repo": repo, "licence_tag": "other", "gated": "manual" }]);
    }
    std::fs::write(&path, serde_json::to_string_pretty(&followups).unwrap()).unwrap();
    dir
}

fn run_tool(dir: &Path, endpoint: &str, extra: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_llm-watch-refresh"))
        .arg(dir)
        .args(extra)
        .env("HF_ENDPOINT", endpoint)
        .env_remove("HF_TOKEN")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn offline_the_tool_says_which_organisation_it_could_not_read_and_exits_could_not_check() {
    // A port nothing listens on: every request is refused.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let dir = content_watching_meta(None);
    let (code, stdout, _) = run_tool(&dir, &endpoint, &[]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stdout.contains("COULD NOT CHECK organisation meta-llama: the Hub could not be reached"),
        "{stdout}"
    );
    assert!(!stdout.contains("nothing new"), "{stdout}");
}

#[test]
fn nothing_new_exits_zero_and_candidates_exit_one_with_draft_rows_in_the_contents_shape() {
    let dir = content_watching_meta(Some("meta-llama/Llama-4-Scout-17B-16E"));
    let scout = r#"{"id": "meta-llama/Llama-4-Scout-17B-16E", "gated": "manual", "tags": ["license:other"], "createdAt": "2025-04-02T10:00:00.000Z"}"#;
    let quiet = hub(vec![
        (LIST, vec![reply(200, "[]")]),
        (
            "/api/models/meta-llama/Llama-4-Scout-17B-16E",
            vec![reply(200, scout)],
        ),
    ]);
    let (code, stdout, _) = run_tool(&dir, &quiet.base, &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("nothing new: every organisation and repository was read"),
        "{stdout}"
    );

    let busy = hub(vec![
        (LIST, vec![reply(200, &fixture("meta-llama-page1.json"))]),
        (
            "/api/models/meta-llama/Llama-4-Scout-17B-16E",
            vec![reply(200, scout)],
        ),
    ]);
    let draft = dir.join("draft.json");
    let (code, stdout, stderr) = run_tool(&dir, &busy.base, &["--draft", draft.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("new on the Hub: 2 repositories, 1 likely releases"),
        "{stdout}"
    );
    let drafts: Value = serde_json::from_str(&std::fs::read_to_string(&draft).unwrap()).unwrap();
    let rows = drafts["drafts"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    // Each draft row is a release the content accepts as written (then verified by the author).
    let row: llm_watch_core::content::Followup = serde_json::from_value(rows[0].clone()).unwrap();
    assert_eq!(
        row.date.value.map(|d| d.to_string()).as_deref(),
        Some("2026-10-02")
    );
    assert_eq!(row.date.status, llm_watch_core::content::Status::Estimated);
    assert_eq!(row.hf_repos.len(), 2);
}
