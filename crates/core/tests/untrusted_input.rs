//! Property tests over the three doors untrusted text comes through: the author's Markdown, the
//! URLs inside it, and the `content.json` the browser fetches. Each runs 10,000 generated cases
//! (`PROPTEST_CASES` overrides); the properties are "never panics" plus what must hold of the
//! result, so a regression shows up as a minimal failing input.

// Helpers outside #[test] bodies assert by unwrapping too (clippy.toml exempts only the bodies).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use llm_watch_core::content::{assemble_bundle, SHIPPED};
use llm_watch_core::markdown::{plain_text, render, sanitize_url, Node, Tag, UrlKind};
use llm_watch_core::page::Page;
use proptest::prelude::*;
use serde_json::Value;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Failures are reported with their minimal input; no regression files in the repo.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The scheme a browser would see in an `href` (WHATWG URL parsing): leading and trailing C0
/// controls and spaces trimmed, TAB/LF/CR removed anywhere, then `letter (letter|digit|+|-|.)* :`.
fn browser_scheme(href: &str) -> Option<String> {
    let cleaned: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

fn is_safe_scheme(scheme: Option<&str>) -> bool {
    matches!(scheme, None | Some("http" | "https" | "mailto"))
}

/// Text with the characters that matter to URL parsing over-represented.
fn url_noise() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('a', 'z').prop_map(String::from),
            1 => proptest::char::range('A', 'Z').prop_map(String::from),
            1 => Just("\t".to_owned()),
            1 => Just("\n".to_owned()),
            1 => Just("\r".to_owned()),
            1 => proptest::char::range('\u{0}', '\u{1f}').prop_map(String::from),
            1 => Just("\u{7f}".to_owned()),
            1 => Just(" ".to_owned()),
            2 => Just(":".to_owned()),
            2 => Just("/".to_owned()),
            1 => Just("\\".to_owned()),
            1 => Just("%3A".to_owned()),
            1 => Just("%".to_owned()),
            1 => Just("&#x09;".to_owned()),
            1 => Just("&colon;".to_owned()),
            1 => Just("#".to_owned()),
            1 => Just("?".to_owned()),
            1 => any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// A dangerous scheme in a random spelling: mixed case, with TAB/LF/CR or C0 controls inserted,
/// before a colon and a payload.
fn hostile_url() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("javascript"),
            Just("vbscript"),
            Just("data"),
            Just("file"),
            Just("blob")
        ],
        proptest::collection::vec(any::<bool>(), 10),
        proptest::collection::vec(
            (
                0usize..12,
                prop_oneof![
                    Just('\t'),
                    Just('\n'),
                    Just('\r'),
                    Just('\u{0}'),
                    Just('\u{1}'),
                    Just('\u{1f}'),
                    Just(' ')
                ],
            ),
            0..4,
        ),
        url_noise(),
    )
        .prop_map(|(scheme, upper, inserts, payload)| {
            let mut chars: Vec<char> = scheme
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            for (at, c) in inserts {
                chars.insert(at.min(chars.len()), c);
            }
            let mut url: String = chars.into_iter().collect();
            url.push(':');
            url.push_str(&payload);
            url
        })
}

fn links(nodes: &[Node], out: &mut Vec<(String, UrlKind)>) {
    for node in nodes {
        match node {
            Node::Element(element) => {
                if let Tag::Link { href, .. } = &element.tag {
                    out.push((href.href.clone(), href.kind));
                }
                links(&element.children, out);
            }
            Node::Figure(figure) => {
                out.extend(figure.image.src.iter().map(|s| (s.href.clone(), s.kind)))
            }
            Node::Image(image) => out.extend(image.src.iter().map(|s| (s.href.clone(), s.kind))),
            Node::Text(_) | Node::Note(_) => {}
        }
    }
}

/// Markdown made of the constructs the post uses, the ones it does not, raw HTML and hostile
/// links, in random order and nesting.
fn markdown_doc() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# Heading\n".to_owned()),
        Just("#### 1. Llama 2\n".to_owned()),
        Just("Some *emphasis* and **strong** and `code`.\n".to_owned()),
        Just("- item\n- item two\n".to_owned()),
        Just("1. first\n2. second\n".to_owned()),
        Just("> quoted\n".to_owned()),
        Just("```rust\nfn main() {}\n```\n".to_owned()),
        Just("| a | b |\n|:--|--:|\n| 1 | 2 |\n".to_owned()),
        Just("~~struck~~ and a footnote[^1].\n\n[^1]: The note.\n".to_owned()),
        Just("- [x] done\n- [ ] open\n".to_owned()),
        Just("<script>alert(1)</script>\n".to_owned()),
        Just("<img src=x onerror=alert(1)>\n".to_owned()),
        Just("<div>\n*inside html*\n</div>\n".to_owned()),
        Just("![alt](/images/llm_releases_chart.png)\n".to_owned()),
        Just("---\n".to_owned()),
        hostile_url().prop_map(|url| format!("[click]({url})\n")),
        hostile_url().prop_map(|url| format!("<{url}>\n")),
        hostile_url().prop_map(|url| format!("[ref]\n\n[ref]: {url}\n")),
        hostile_url().prop_map(|url| format!("![img]({url})\n")),
        url_noise().prop_map(|url| format!("[noise]({url})\n")),
        "[ -~]{0,40}".prop_map(|text| format!("{text}\n")),
        any::<String>(),
    ];
    proptest::collection::vec(
        (
            piece,
            prop_oneof![Just(""), Just("\n"), Just("> "), Just("  ")],
        ),
        0..12,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, joint)| format!("{joint}{piece}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(config())]

    /// Whatever the spelling, a URL the sanitiser lets through reaches the browser as http(s),
    /// mailto or a scheme-less (relative) URL, and means the same as what the author wrote.
    #[test]
    fn sanitised_urls_never_carry_a_script_scheme(raw in prop_oneof![hostile_url(), url_noise()]) {
        if let Some(safe) = sanitize_url(&raw) {
            let scheme = browser_scheme(&safe.href);
            prop_assert!(is_safe_scheme(scheme.as_deref()), "{raw:?} -> {:?}", safe.href);
            prop_assert_eq!(&scheme, &browser_scheme(&raw), "normalising kept the scheme");
            prop_assert!(!safe.href.chars().any(char::is_control), "{:?}", safe.href);
            prop_assert_eq!(sanitize_url(&safe.href), Some(safe.clone()), "idempotent");
            let host_relative = ["//", "/\\", "\\/", "\\\\"].iter().any(|p| safe.href.starts_with(p));
            if host_relative {
                prop_assert_eq!(safe.kind, UrlKind::External, "{:?} leaves the site", safe.href);
            }
        } else {
            // Refusing is always safe; refusing what a browser reads as a web, mail or
            // relative URL would be a bug (only control characters also refuse).
            let cleaned: String = raw
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            prop_assert!(
                !is_safe_scheme(browser_scheme(&raw).as_deref())
                    || cleaned.chars().any(char::is_control),
                "{raw:?} was refused"
            );
        }
    }

    /// Rendering any Markdown terminates without panicking, every link and image URL in the
    /// result is safe, and raw HTML survives only as visible text.
    #[test]
    fn rendered_markdown_has_only_safe_urls(markdown in markdown_doc()) {
        let document = render(&markdown);
        let mut found = Vec::new();
        links(&document.blocks, &mut found);
        for (href, _) in &found {
            prop_assert!(is_safe_scheme(browser_scheme(href).as_deref()), "{href:?} from {markdown:?}");
        }
        if markdown.contains("<script>alert(1)</script>") && !markdown.contains("```") {
            prop_assert!(plain_text(&document.blocks).contains("alert(1)"), "raw HTML is shown as text");
        }
        prop_assert_eq!(render(&markdown), document, "deterministic");
    }

    /// Any edit to `content.json` (a value replaced anywhere in the tree) is either accepted as
    /// a whole page or refused with located messages: never a panic, never an empty error.
    #[test]
    fn any_edit_to_the_content_is_parsed_or_refused_with_a_message(
        path in proptest::collection::vec(any::<prop::sample::Index>(), 1..7),
        replacement in json_value(),
    ) {
        let mut bundle = shipped_bundle().clone();
        replace_at(&mut bundle, &path, replacement);
        let text = bundle.to_string();
        match Page::parse(&text) {
            Ok(page) => prop_assert!(!page.bundle.models.families.is_empty()),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for error in errors {
                    prop_assert!(!error.message.trim().is_empty(), "{error:?}");
                    prop_assert!(!error.file.is_empty(), "{error:?}");
                }
            }
        }
    }

    /// Text that is not the content at all (truncated, binary, another JSON shape) is refused.
    #[test]
    fn arbitrary_text_is_refused_with_a_message(text in prop_oneof![
        any::<String>(),
        (0usize..4000).prop_map(|cut| shipped_text().chars().take(cut).collect::<String>()),
        "[\\[\\]{}:,\"0-9a-z ]{0,64}",
    ]) {
        match Page::parse(&text) {
            Ok(_) => prop_assert!(false, "{text:?} parsed"),
            Err(errors) => prop_assert!(errors.iter().all(|e| !e.message.trim().is_empty())),
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(-1)),
        Just(Value::from(0)),
        any::<String>().prop_map(Value::String),
        Just(Value::String("javascript:alert(1)".into())),
        Just(Value::String("2024-02-30".into())),
        Just(Value::String("<script>alert(1)</script>".into())),
        Just(Value::String(String::new())),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Walks `path` (each step picks a child by index) and replaces the value it ends on.
fn replace_at(value: &mut Value, path: &[prop::sample::Index], replacement: Value) {
    let Some((step, rest)) = path.split_first() else {
        *value = replacement;
        return;
    };
    let child = match value {
        Value::Array(items) if !items.is_empty() => {
            let i = step.index(items.len());
            &mut items[i]
        }
        Value::Object(map) if !map.is_empty() => {
            let i = step.index(map.len());
            map.values_mut().nth(i).expect("index within len")
        }
        _ => {
            *value = replacement;
            return;
        }
    };
    replace_at(child, rest, replacement);
}

fn shipped_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let bundle = assemble_bundle(SHIPPED).expect("the shipped content is valid");
        serde_json::to_string(&bundle).expect("serialises")
    })
}

fn shipped_bundle() -> &'static Value {
    static VALUE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    VALUE.get_or_init(|| serde_json::from_str(shipped_text()).expect("JSON"))
}
