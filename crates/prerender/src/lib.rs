//! Writes the prerendered page into Trunk's `index.html`: the head tags in place of the
//! placeholder `<title>`, the rendered root in place of the boot placeholder, and a
//! Content-Security-Policy that allows exactly the inline scripts the finished file contains.
//! Plain string work on a file whose shape `index.html` fixes; every expectation that does not
//! hold is an error naming it, so a changed `index.html` fails the build instead of shipping a
//! page without its article.

pub mod caching;
pub mod preview;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The body placeholder in `index.html`, replaced by the prerendered root.
pub const APP_PLACEHOLDER: &str =
    r#"<div id="app"><p class="boot" role="status">Loading the article…</p></div>"#;

/// What the finished page needs besides `index.html`.
pub struct Prerendered {
    /// The rendered `<div id="app" data-prerendered>…</div>`.
    pub root: String,
    /// The head tags from the content (`llm_watch_core::head::head_html`).
    pub head: String,
}

/// The finished `index.html`, and the policy it carries (for the `_headers` file too).
pub struct Output {
    pub html: String,
    pub policy: Policy,
}

/// Puts the prerendered page into `index_html` and adds the CSP `<meta>`.
pub fn assemble(index_html: &str, page: &Prerendered) -> Result<Output, String> {
    // The head first, on its own: the page's SVGs have `<title>`s of their own.
    let head_end = find_once(index_html, "</head>", "</head>")?;
    let (head, body) = index_html.split_at(head_end);
    let title_start = find_once(head, "<title>", "<title>")?;
    let title_end = find_once(head, "</title>", "</title>")? + "</title>".len();
    if title_end < title_start {
        return Err("index.html: </title> comes before <title>".to_owned());
    }
    let head = format!(
        "{}{}{}",
        &head[..title_start],
        page.head,
        &head[title_end..]
    );
    let head = with_low_priority_module_preload(&without_wasm_preload(&head));
    let body = replace_once(body, APP_PLACEHOLDER, &page.root, "the #app placeholder")?;
    let html = format!("{head}{body}");
    let policy = Policy::for_html(&html)?;
    let meta = format!(
        r#"<meta http-equiv="Content-Security-Policy" content="{}" />"#,
        policy.meta_value()
    );
    // Right after <meta charset>, so the policy covers everything that follows.
    let charset = find_once(&html, CHARSET, "<meta charset>")? + CHARSET.len();
    let html = format!("{}\n    {meta}{}", &html[..charset], &html[charset..]);
    Ok(Output { html, policy })
}

const CHARSET: &str = r#"<meta charset="utf-8" />"#;

/// `head` without Trunk's `<link rel="preload" … type="application/wasm">`. With the article
/// prerendered, the wasm is no longer what the first paint waits for: preloading it from the
/// head makes its ~380 KB (brotli) compete with the page's own HTML and CSS on a slow link (and Lighthouse's
/// simulation then counts it towards the largest paint). The loader script at the end of the
/// body fetches it once the page has been parsed.
fn without_wasm_preload(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(start) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..=start + len];
        out.push_str(&rest[..start]);
        if !tag.contains("application/wasm") {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// `head` with Trunk's `<link rel="modulepreload">` of the JS glue asked at low priority: the
/// prerendered article paints without it, so on a slow link it comes after the HTML and CSS the
/// first paint needs. (Lighthouse's simulation counts a high-priority script as render-blocking,
/// and so put the 9 KB glue on the path to the largest paint.)
fn with_low_priority_module_preload(head: &str) -> String {
    head.replace(
        "<link rel=\"modulepreload\"",
        "<link rel=\"modulepreload\" fetchpriority=\"low\"",
    )
}

fn find_once(html: &str, needle: &str, what: &str) -> Result<usize, String> {
    match html
        .match_indices(needle)
        .map(|(i, _)| i)
        .collect::<Vec<_>>()[..]
    {
        [at] => Ok(at),
        [] => Err(format!("index.html: {what} not found")),
        _ => Err(format!("index.html: {what} found more than once")),
    }
}

fn replace_once(html: &str, needle: &str, with: &str, what: &str) -> Result<String, String> {
    let at = find_once(html, needle, what)?;
    Ok(format!(
        "{}{with}{}",
        &html[..at],
        &html[at + needle.len()..]
    ))
}

/// The page's Content-Security-Policy: scripts only from the site itself and the inline scripts
/// the build emitted (each by its sha256), WebAssembly compilation allowed, nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// `'sha256-…'` of each inline script, in page order.
    pub script_hashes: Vec<String>,
}

impl Policy {
    /// Hashes every executable inline script in `html` (JSON-LD and other data blocks are not
    /// scripts to the browser, and a policy does not govern them).
    pub fn for_html(html: &str) -> Result<Self, String> {
        let mut script_hashes = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find("<script") {
            let after = &rest[open..];
            let tag_end = after
                .find('>')
                .ok_or("index.html: a <script> tag is not closed")?;
            let tag = &after[..tag_end];
            let body_and_rest = &after[tag_end + 1..];
            let close = body_and_rest
                .find("</script>")
                .ok_or("index.html: a <script> has no </script>")?;
            let body = &body_and_rest[..close];
            if !tag.contains(" src=") && is_executable(tag) {
                let digest = Sha256::digest(body.as_bytes());
                script_hashes.push(format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                ));
            }
            rest = &body_and_rest[close + "</script>".len()..];
        }
        Ok(Policy { script_hashes })
    }

    fn directives(&self) -> Vec<String> {
        vec![
            "default-src 'self'".to_owned(),
            format!(
                "script-src 'self' 'wasm-unsafe-eval' {}",
                self.script_hashes.join(" ")
            ),
            // Stylesheets only: nothing in the page has a `style` attribute or element (the
            // chart's geometry is in its stylesheet), so an injected one does nothing.
            "style-src 'self'".to_owned(),
            "object-src 'none'".to_owned(),
            "base-uri 'self'".to_owned(),
            "form-action 'self'".to_owned(),
        ]
    }

    /// The policy as a `<meta http-equiv>` carries it (`frame-ancestors` is ignored there).
    pub fn meta_value(&self) -> String {
        self.directives().join("; ")
    }

    /// The policy as an HTTP header, where `frame-ancestors` works.
    pub fn header_value(&self) -> String {
        let mut directives = self.directives();
        directives.push("frame-ancestors 'none'".to_owned());
        directives.join("; ")
    }

    /// A `_headers` file (Netlify, Cloudflare Pages) with the policy and two more safe defaults.
    pub fn headers_file(&self) -> String {
        format!(
            "# Written by the build (crates/prerender): the script hashes match this build's index.html.\n\
             /*\n  Content-Security-Policy: {}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
            self.header_value()
        )
    }
}

/// Whether a `<script …>` opening tag (without `>`) holds code the browser runs.
fn is_executable(tag: &str) -> bool {
    let Some(at) = tag.find(" type=") else {
        return true;
    };
    let value = tag[at + " type=".len()..]
        .trim_start_matches(['"', '\''])
        .split(['"', '\'', ' '])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(
        value.as_str(),
        "" | "module" | "text/javascript" | "application/javascript"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = include_str!("../../../index.html");

    fn prerendered() -> Prerendered {
        Prerendered {
            root: r#"<div id="app" data-prerendered><main>the article</main></div>"#.to_owned(),
            head: "<title>T</title>\n    <script type=\"application/ld+json\">{}</script>"
                .to_owned(),
        }
    }

    fn sha256(text: &str) -> String {
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    }

    #[test]
    fn the_source_index_has_each_placeholder_once() {
        let out = assemble(INDEX, &prerendered()).unwrap();
        assert!(out
            .html
            .contains(r#"<div id="app" data-prerendered><main>the article</main></div>"#));
        assert!(!out.html.contains("Loading the article"));
        assert_eq!(out.html.matches("<title>").count(), 1);
        assert!(out.html.contains("<title>T</title>"));
        assert!(!out.html.contains("application/wasm"));
        // The policy comes before any script, right after the charset.
        let csp = out.html.find("Content-Security-Policy").unwrap();
        assert!(csp < out.html.find("<script").unwrap());
    }

    #[test]
    fn every_inline_script_is_hashed_and_data_blocks_and_external_ones_are_not() {
        let html = r#"<head><script>a()</script><script type="application/ld+json">{"x":1}</script>
            <script src="x.js"></script></head><body><script type="module">
import init from './x.js';
</script></body>"#;
        let policy = Policy::for_html(html).unwrap();
        assert_eq!(
            policy.script_hashes,
            vec![sha256("a()"), sha256("\nimport init from './x.js';\n")]
        );
        let meta = policy.meta_value();
        assert!(meta.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        let script_src = meta
            .split("; ")
            .find(|d| d.starts_with("script-src "))
            .unwrap();
        assert!(!script_src.contains("'unsafe-inline'"), "{script_src}");
        assert!(
            meta.contains("; style-src 'self';"),
            "no inline styles either: {meta}"
        );
        assert!(!meta.contains("'unsafe-eval'"));
        assert!(
            !meta.contains("frame-ancestors"),
            "ignored in a meta policy"
        );
        assert!(policy.header_value().ends_with("frame-ancestors 'none'"));
        assert!(policy
            .headers_file()
            .contains("X-Content-Type-Options: nosniff"));
    }

    #[test]
    fn the_source_index_scripts_are_all_covered() {
        // index.html's own inline scripts (theme, boot notice) are in the policy.
        let out = assemble(INDEX, &prerendered()).unwrap();
        assert_eq!(out.policy.script_hashes.len(), 2, "{:?}", out.policy);
    }

    #[test]
    fn the_module_preload_is_asked_at_low_priority() {
        let head = r#"<head><link rel="modulepreload" href="/a.js" integrity="sha384-x"><link rel="stylesheet" href="/a.css"></head>"#;
        assert_eq!(
            with_low_priority_module_preload(head),
            r#"<head><link rel="modulepreload" fetchpriority="low" href="/a.js" integrity="sha384-x"><link rel="stylesheet" href="/a.css"></head>"#
        );
    }

    #[test]
    fn the_wasm_preload_goes_and_everything_else_stays() {
        let head = r#"<head><link rel="modulepreload" href="/a.js" integrity="sha384-x"><link rel="preload" href="/a_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"><link rel="preload" href="/font.woff2" as="font"></head>"#;
        assert_eq!(
            without_wasm_preload(head),
            r#"<head><link rel="modulepreload" href="/a.js" integrity="sha384-x"><link rel="preload" href="/font.woff2" as="font"></head>"#
        );
    }

    #[test]
    fn a_changed_index_fails_with_a_reason() {
        let without_root = INDEX.replace(APP_PLACEHOLDER, "<div id=\"app\"></div>");
        let error = assemble(&without_root, &prerendered()).err().unwrap();
        assert!(error.contains("#app placeholder not found"), "{error}");
        let twice = INDEX.replace("</body>", &format!("{APP_PLACEHOLDER}</body>"));
        let error = assemble(&twice, &prerendered()).err().unwrap();
        assert!(error.contains("more than once"), "{error}");
        assert!(Policy::for_html("<script>never closed").is_err());
    }
}
