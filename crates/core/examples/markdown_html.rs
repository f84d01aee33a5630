//! Renders Markdown examples through the page's own node pipeline and writes them as HTML, for
//! the conformance run (`tests/conformance/run.mjs`, `make conformance`).
//!
//! stdin: a JSON array of `{"markdown": "...", "dialect": "commonmark" | "gfm"}`;
//! stdout: a JSON array of HTML strings, in the same order.

use std::io::Read;

use llm_watch_core::markdown::{html::to_html, parse_nodes, Dialect};

#[derive(serde::Deserialize)]
struct Example {
    markdown: String,
    dialect: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let examples: Vec<Example> = serde_json::from_str(&input)?;
    let mut rendered = Vec::with_capacity(examples.len());
    for example in examples {
        let dialect = match example.dialect.as_str() {
            "commonmark" => Dialect::CommonMark,
            "gfm" => Dialect::Gfm,
            other => return Err(format!("unknown dialect {other:?}").into()),
        };
        let (nodes, _warnings) = parse_nodes(&example.markdown, dialect);
        rendered.push(to_html(&nodes));
    }
    println!("{}", serde_json::to_string(&rendered)?);
    Ok(())
}
