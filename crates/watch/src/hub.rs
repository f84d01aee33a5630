//! The Hugging Face Hub client: `GET /api/models?author=…&sort=createdAt&direction=-1` following
//! `Link: <…>; rel="next"`, and `GET /api/models/{owner}/{name}`. Shapes follow the Hub's API
//! docs and the official `huggingface_hub` client (`list_models`, `model_info`, `paginate`,
//! `hf_raise_for_status`): a missing repository answers 404, or 401 when unauthenticated, with
//! `X-Error-Code: RepoNotFound`.

use std::fmt;
use std::time::Duration;

use llm_watch_core::content::percent_encode;
use serde::Deserialize;

/// A repository as the Hub lists it. Unknown fields are ignored: the Hub adds fields freely.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HubModel {
    /// `owner/name`.
    pub id: String,
    #[serde(rename = "createdAt", default)]
    pub created_at: Option<String>,
    #[serde(rename = "lastModified", default)]
    pub last_modified: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `false`, `"auto"` or `"manual"` (only in `model_info`).
    #[serde(default)]
    pub gated: Option<serde_json::Value>,
    #[serde(default)]
    pub disabled: Option<bool>,
    #[serde(default)]
    pub safetensors: Option<SafeTensors>,
    #[serde(rename = "pipeline_tag", default)]
    pub pipeline_tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SafeTensors {
    /// Parameters over all dtypes.
    pub total: Option<u64>,
}

impl HubModel {
    /// The `license:` tag, e.g. `apache-2.0`.
    pub fn licence_tag(&self) -> Option<&str> {
        self.tags.iter().find_map(|t| t.strip_prefix("license:"))
    }

    /// `no`, `auto` or `manual`, as the content records gating.
    pub fn gating(&self) -> Option<&'static str> {
        match &self.gated {
            Some(serde_json::Value::Bool(false)) => Some("no"),
            Some(serde_json::Value::String(s)) if s == "auto" => Some("auto"),
            Some(serde_json::Value::String(s)) if s == "manual" => Some("manual"),
            Some(serde_json::Value::Bool(true)) => Some("auto"),
            _ => None,
        }
    }

    /// The day the repository was created, `YYYY-MM-DD`.
    pub fn created_day(&self) -> Option<&str> {
        self.created_at.as_deref().and_then(|t| t.get(..10))
    }
}

/// Why a request did not give an answer, in words for the author.
#[derive(Debug, Clone, PartialEq)]
pub enum HubError {
    /// No connection, a timeout, or a body cut short, after every retry.
    Unreachable(String),
    /// The Hub answered with an error status after every retry.
    Status { status: u16, detail: String },
    /// The Hub answered 200 with something that is not the documented JSON.
    Malformed(String),
}

impl fmt::Display for HubError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HubError::Unreachable(why) => write!(f, "the Hub could not be reached: {why}"),
            HubError::Status { status, detail } => write!(f, "the Hub answered {status}: {detail}"),
            HubError::Malformed(why) => {
                write!(f, "the Hub's answer is not the documented JSON: {why}")
            }
        }
    }
}

/// What asking for one repository can find.
#[derive(Debug, Clone, PartialEq)]
pub enum RepoLookup {
    Found(HubModel),
    /// 404, or 401 with `RepoNotFound`: deleted, renamed or private.
    NotFound,
}

/// The client's settings. `base` is `https://huggingface.co` (or `HF_ENDPOINT`, as the official
/// client reads it; tests point it at loopback).
#[derive(Debug, Clone)]
pub struct HubClient {
    base: String,
    agent: ureq::Agent,
    token: Option<String>,
    /// Attempts per request (the first one included).
    pub attempts: u32,
    /// The first wait before retrying a 5xx or a broken connection; doubled each time.
    pub backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one is reported instead of waited for.
    pub max_retry_after: Duration,
    /// Called with a line per request, for progress on long runs.
    progress: fn(&str),
}

pub const USER_AGENT: &str = concat!(
    "llm-watch-refresh/",
    env!("CARGO_PKG_VERSION"),
    " (the llm-watch page's refresh tool; one request at a time)"
);

/// Repositories listed per page (the Hub's own maximum is 1000).
const PAGE_SIZE: u32 = 100;

impl HubClient {
    pub fn new(base: &str, token: Option<String>, progress: fn(&str)) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .timeout_connect(Some(Duration::from_secs(10)))
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            base: base.trim_end_matches('/').to_owned(),
            agent,
            token: token.filter(|t| !t.trim().is_empty()),
            attempts: 4,
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(120),
            progress,
        }
    }

    /// Repositories of `author`, newest first, until one was created on or before `since`
    /// (`YYYY-MM-DD`): those are the only ones that can be new.
    pub fn models_created_after(
        &self,
        author: &str,
        since: &str,
    ) -> Result<Vec<HubModel>, HubError> {
        let mut url = format!(
            "{}/api/models?author={}&sort=createdAt&direction=-1&limit={PAGE_SIZE}",
            self.base,
            percent_encode(author)
        );
        let mut found = Vec::new();
        let mut pages = 0;
        loop {
            pages += 1;
            (self.progress)(&format!("  {author}: page {pages}"));
            let (body, next) = self.get(&url).map_err(|error| match error {
                GetError::NotFound => HubError::Status {
                    status: 404,
                    detail: format!("no organisation or user {author:?}"),
                },
                GetError::Failed(error) => error,
            })?;
            let page: Vec<HubModel> = serde_json::from_str(&body)
                .map_err(|e| HubError::Malformed(format!("{url}: {e}")))?;
            let mut reached_old = false;
            for model in page {
                match model.created_day() {
                    Some(day) if day <= since => reached_old = true,
                    _ => found.push(model),
                }
            }
            match next {
                Some(next) if !reached_old => url = next,
                _ => return Ok(found),
            }
        }
    }

    /// One repository's details, or that it is gone.
    pub fn model_info(&self, repo: &str) -> Result<RepoLookup, HubError> {
        let url = format!("{}/api/models/{repo}", self.base);
        (self.progress)(&format!("  {repo}"));
        match self.get(&url) {
            Ok((body, _)) => serde_json::from_str(&body)
                .map(RepoLookup::Found)
                .map_err(|e| HubError::Malformed(format!("{url}: {e}"))),
            Err(GetError::NotFound) => Ok(RepoLookup::NotFound),
            Err(GetError::Failed(error)) => Err(error),
        }
    }

    /// One GET with retries: a broken connection or a 5xx is tried again after a doubling wait;
    /// a 429 after its `Retry-After`. Returns the body and the `rel="next"` link.
    fn get(&self, url: &str) -> Result<(String, Option<String>), GetError> {
        let mut wait = self.backoff;
        let mut last = HubError::Unreachable("no attempt made".to_owned());
        for attempt in 1..=self.attempts.max(1) {
            let mut request = self
                .agent
                .get(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
            if let Some(token) = &self.token {
                request = request.header("Authorization", format!("Bearer {token}"));
            }
            let retry_in = match request.call() {
                Ok(mut response) => {
                    let status = response.status().as_u16();
                    let header = |name: &str| {
                        response
                            .headers()
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .map(str::to_owned)
                    };
                    let error_code = header("x-error-code");
                    let retry_after = header("retry-after");
                    let link = header("link");
                    let body = response.body_mut().read_to_string();
                    match (status, body) {
                        (200..=299, Ok(body)) => {
                            return Ok((body, link.as_deref().and_then(next_link)))
                        }
                        (200..=299, Err(e)) => {
                            last = HubError::Unreachable(format!(
                                "{url}: the body was cut short ({e})"
                            ));
                            Some(wait)
                        }
                        (404, _) => return Err(GetError::NotFound),
                        (401, _) if error_code.as_deref() == Some("RepoNotFound") => {
                            return Err(GetError::NotFound)
                        }
                        (429, _) => {
                            let asked = retry_after
                                .as_deref()
                                .and_then(|v| v.trim().parse::<u64>().ok())
                                .map(Duration::from_secs)
                                .unwrap_or(wait);
                            last = HubError::Status {
                                status,
                                detail: format!(
                                    "{url}: rate limited (Retry-After: {})",
                                    retry_after.as_deref().unwrap_or("none")
                                ),
                            };
                            (asked <= self.max_retry_after).then_some(asked)
                        }
                        (500..=599, body) => {
                            last = HubError::Status {
                                status,
                                detail: format!("{url}: {}", first_line(&body.unwrap_or_default())),
                            };
                            Some(wait)
                        }
                        (_, body) => {
                            let hint = if status == 401 || status == 403 {
                                " (set HF_TOKEN to a token that may read it)"
                            } else {
                                ""
                            };
                            return Err(GetError::Failed(HubError::Status {
                                status,
                                detail: format!(
                                    "{url}: {}{hint}",
                                    first_line(&body.unwrap_or_default())
                                ),
                            }));
                        }
                    }
                }
                Err(error) => {
                    last = HubError::Unreachable(format!("{url}: {error}"));
                    Some(wait)
                }
            };
            match retry_in {
                Some(pause) if attempt < self.attempts => {
                    (self.progress)(&format!("  retrying in {} ms ({last})", pause.as_millis()));
                    std::thread::sleep(pause);
                    wait = wait.saturating_mul(2);
                }
                _ => break,
            }
        }
        Err(GetError::Failed(last))
    }
}

enum GetError {
    NotFound,
    Failed(HubError),
}

/// The target of `rel="next"` in a `Link` header (RFC 8288), as `requests`' `response.links`
/// reads it for the official client.
pub fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.trim().split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        params
            .split(';')
            .any(|p| {
                let p = p.trim();
                p == "rel=\"next\"" || p == "rel=next"
            })
            .then(|| target.to_owned())
    })
}

fn first_line(body: &str) -> String {
    let line = body.lines().next().unwrap_or_default().trim();
    if line.is_empty() {
        "no message".to_owned()
    } else {
        line.chars().take(200).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_is_read_from_a_link_header() {
        let header = r#"<https://huggingface.co/api/models?author=x&cursor=abc>; rel="next""#;
        assert_eq!(
            next_link(header).as_deref(),
            Some("https://huggingface.co/api/models?author=x&cursor=abc")
        );
        let both = r#"<https://a/prev>; rel="prev", <https://a/next>; rel="next""#;
        assert_eq!(next_link(both).as_deref(), Some("https://a/next"));
        assert_eq!(next_link(r#"<https://a/prev>; rel="prev""#), None);
        assert_eq!(next_link("garbage"), None);
    }

    #[test]
    fn gating_and_licence_read_as_the_content_records_them() {
        let model: HubModel = serde_json::from_str(
            r#"{"id":"o/n","gated":"manual","tags":["text-generation","license:llama3.1"],"extra":1}"#,
        )
        .unwrap();
        assert_eq!(model.gating(), Some("manual"));
        assert_eq!(model.licence_tag(), Some("llama3.1"));
        let open: HubModel = serde_json::from_str(r#"{"id":"o/n","gated":false}"#).unwrap();
        assert_eq!(open.gating(), Some("no"));
    }
}
