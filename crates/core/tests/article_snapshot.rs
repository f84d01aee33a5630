//! The shipped post's rendering is pinned: any change to the Markdown pipeline that alters what
//! readers of this article see shows up here as a diff. After a deliberate change, regenerate with
//! `UPDATE_SNAPSHOTS=1 cargo test -p llm-watch-core --test article_snapshot` and read the diff.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::content::parse_article;
use llm_watch_core::markdown::render;

const SNAPSHOT: &str = "tests/snapshots/article.tree";

#[test]
fn the_shipped_article_renders_as_pinned() {
    let article = parse_article("article.md", include_str!("../../../content/article.md"))
        .expect("the shipped article parses");
    let document = render(&article.markdown);
    assert_eq!(document.warnings, [], "the shipped post renders as written");
    let tree = format!("{:#?}\n", document.blocks);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &tree).expect("snapshot written");
    }
    let pinned =
        std::fs::read_to_string(&path).expect("snapshot exists (UPDATE_SNAPSHOTS=1 writes it)");
    assert!(
        pinned == tree,
        "the article's node tree changed; diff {SNAPSHOT} against the new tree:\n{}",
        first_difference(&pinned, &tree)
    );
}

fn first_difference(pinned: &str, now: &str) -> String {
    pinned
        .lines()
        .zip(now.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(line, (a, b))| format!("line {}:\n  pinned: {a}\n  now:    {b}", line + 1))
        .unwrap_or_else(|| "one is a prefix of the other".to_owned())
}
