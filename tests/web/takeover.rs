//! Taking over a prerendered page: islands swapped with the text nodes kept, the whole root
//! replaced when the text cannot stay, and a failed load that keeps the article.

use leptos::prelude::*;
use leptos::task::tick;
use llm_watch::components::article::ArticleView;
use llm_watch::components::load_state::LoadErrorView;
use llm_watch::loader::LoadError;
use wasm_bindgen_test::*;

use crate::common::{container, shipped_page, until};

/// A minimal prerendered root in the document (an article and no islands), built from the
/// content file with fingerprint `built_from`.
fn stand_in_prerendered_root(built_from: &str) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    root.set_id("app");
    root.set_attribute("data-prerendered", "").unwrap();
    root.set_attribute("data-content", built_from).unwrap();
    root.set_inner_html(
        r#"<main id="main"><article class="article">prerendered copy</article></main>"#,
    );
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Over a real prerendered page the live page brings only its interactive parts: the article text
/// a reader already sees stays the same nodes (so it is not painted again).
#[wasm_bindgen_test]
async fn the_takeover_swaps_the_interactive_islands_and_keeps_the_text_nodes() {
    use llm_watch::app::PageFrame;
    let document = document();
    // The prerendered page: the same components, rendered into what becomes the #app root.
    let prerendered = container();
    let page = shipped_page("");
    let first = page.clone();
    leptos::mount::mount_to(prerendered.clone(), move || {
        view! { <PageFrame><ArticleView page=first.clone() /></PageFrame> }
    })
    .forget();
    tick().await;
    prerendered.set_id("app");
    prerendered.set_attribute("data-prerendered", "").unwrap();
    prerendered
        .set_attribute("data-content", "same-file")
        .unwrap();
    llm_watch::takeover::fetched_content("same-file");
    let title = prerendered.query_selector("h1").unwrap().unwrap();
    let old_toc = prerendered.query_selector("nav.toc").unwrap().unwrap();
    let old_cards = prerendered
        .query_selector("section.model-cards")
        .unwrap()
        .unwrap();

    llm_watch::takeover::mount(move || {
        view! { <PageFrame><ArticleView page=page.clone() /></PageFrame> }
    });
    until(|| !llm_watch::takeover::is_pending()).await;
    let root = document.get_element_by_id("app").unwrap();
    assert!(
        root.is_same_node(Some(&prerendered)),
        "the prerendered root stays"
    );
    // The chart and the cards are drawn in turns after the first swap; the root is marked live
    // once they are in.
    until(|| !prerendered.has_attribute("data-prerendered")).await;
    assert!(
        title.is_connected(),
        "the title is still the prerendered node"
    );
    assert!(
        !old_toc.is_connected() && !old_cards.is_connected(),
        "the islands were replaced"
    );
    for island in ["site-header", "toc", "releases", "model-cards"] {
        assert_eq!(
            root.query_selector_all(&format!("[data-island={island}]"))
                .unwrap()
                .length(),
            1,
            "{island}"
        );
    }
    root.remove();
}

/// The live page replaces a prerendered one as a whole when it cannot keep its text (here: built
/// from another content file, and no islands marked), once its own article is rendered.
#[wasm_bindgen_test]
async fn the_app_takes_over_a_prerendered_page_once_its_article_rendered() {
    use llm_watch::app::PageFrame;
    let document = document();
    let prerendered = stand_in_prerendered_root("an-older-file");
    llm_watch::takeover::fetched_content("a-newer-file");

    let page = shipped_page("");
    let title = page.bundle.article.title.clone();
    llm_watch::takeover::mount(move || {
        view! { <PageFrame><ArticleView page=page.clone() /></PageFrame> }
    });
    assert!(llm_watch::takeover::is_pending());
    until(|| !llm_watch::takeover::is_pending()).await;
    assert!(
        !document.body().unwrap().contains(Some(&prerendered)),
        "the prerendered root is gone"
    );
    let live = document.get_element_by_id("app").unwrap();
    assert!(!live.has_attribute("data-prerendered"));
    assert_eq!(
        live.query_selector(".article__title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        title
    );
    assert!(!live.text_content().unwrap().contains("prerendered copy"));
    live.remove();
}

/// A failed load over a prerendered page shows the error and Retry, and keeps the article.
#[wasm_bindgen_test]
async fn a_failed_load_over_a_prerendered_page_keeps_the_article_below_the_error() {
    use llm_watch::app::PageFrame;
    let document = document();
    stand_in_prerendered_root("an-older-file");

    llm_watch::takeover::mount(|| {
        let error = LoadError::Status {
            status: 500,
            url: "content.json".into(),
        };
        view! {
            <PageFrame>
                <LoadErrorView error=error on_retry=Callback::new(|_| ()) article_below=true />
            </PageFrame>
        }
    });
    until(|| !llm_watch::takeover::is_pending()).await;
    let live = document.get_element_by_id("app").unwrap();
    assert!(!live.has_attribute("data-prerendered"));
    let main = live.query_selector("main").unwrap().unwrap();
    let alert = main.query_selector("[role=alert]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("500"));
    assert!(
        alert.query_selector("h1").unwrap().is_none(),
        "the article keeps the one h1"
    );
    let kept = main
        .query_selector("article[data-prerendered-copy]")
        .unwrap()
        .unwrap();
    assert_eq!(kept.text_content().unwrap(), "prerendered copy");
    // A later successful render drops the kept copy.
    llm_watch::takeover::article_rendered();
    assert!(main
        .query_selector("article[data-prerendered-copy]")
        .unwrap()
        .is_none());
    live.remove();
}
