//! Build-time rendering (feature `ssr`): the page exactly as the browser app first renders it for
//! the default view, as HTML. `crates/prerender` writes it into `dist/index.html`.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::page::Page;

use crate::app::PageFrame;
use crate::components::article::ArticleView;
use crate::takeover::{CONTENT_ATTR, PRERENDERED_ATTR, ROOT_ID};

/// The prerendered root element, `<div id="app" data-prerendered data-content="…">…</div>`,
/// holding the page frame and the whole article, chart and cards, as the live app renders them.
/// `fingerprint` is `page::content_fingerprint` of the content.json text `page` came from.
pub fn render_root(page: Arc<Page>, fingerprint: &str) -> String {
    // A server-side shared context is how leptos knows it renders to HTML rather than in a
    // browser: window listeners and effects are skipped instead of calling into JavaScript.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let inner = owner.with(|| view! { <PageFrame><ArticleView page=page /></PageFrame> }.to_html());
    owner.cleanup();
    let inner = without_hydration_markers(&inner);
    format!(
        r#"<div id="{ROOT_ID}" {PRERENDERED_ATTR} {CONTENT_ATTR}="{fingerprint}">{inner}</div>"#
    )
}

/// The HTML without the `<!>` markers Leptos's server renderer writes for hydration: this page is
/// never hydrated (the live app renders anew and swaps its islands in), and each marker is an
/// error for HTML validators (a bogus comment). Text and attribute values escape `<`, and the
/// page renders no raw HTML, script or style, so every `<!>` left in the output is a marker.
pub fn without_hydration_markers(html: &str) -> String {
    html.replace("<!>", "")
}
