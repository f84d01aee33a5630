//! Mounting the app, and taking over a prerendered page.
//!
//! The release build's `index.html` already holds the whole page, rendered at build time from the
//! same content by the same components (`crates/prerender`), in `<div id="app" data-prerendered>`.
//! The app then mounts into a detached `<div id="app">`, fetches and renders as always, and once
//! its article is in that detached tree swaps its interactive parts in for the prerendered ones,
//! each in an animation frame. Those parts are the elements marked `data-island` (an [`Island`]):
//! the header with the theme switch and the contents go in first, together; then the late ones,
//! each drawn in a task of its own: the releases chart and the model cards in turns, the one
//! nearest the viewport first ([`queue_turn`]), and the watch and the reference sections when the
//! reader nears them. The root keeps `data-prerendered` until the chart and the cards are live.
//! The article's text stays the prerendered nodes. The markup is the same, so nothing moves (no layout shift), the scroll
//! position stays, and the text a reader already sees is not painted again (no second largest
//! contentful paint, which replacing every node caused). If loading fails, the whole live page
//! (with its error and Retry) goes in and the prerendered article is kept below it, so the reader
//! never loses the text.
//!
//! Without a prerendered root (`trunk serve`, the browser tests) the app mounts into `#app`, or
//! the body, directly.

use std::cell::RefCell;

#[cfg(feature = "csr")]
use leptos::prelude::IntoView;
use wasm_bindgen::JsCast;

use crate::browser;

/// The id of the element the page lives in, prerendered or live.
pub const ROOT_ID: &str = "app";
/// Marks the root the prerender wrote.
pub const PRERENDERED_ATTR: &str = "data-prerendered";
/// On the prerendered root: the fingerprint of the content.json it was built from.
pub const CONTENT_ATTR: &str = "data-content";
/// Marks the interactive parts the live page brings; each value is an [`Island`]'s name.
const ISLAND_ATTR: &str = "data-island";
/// Marks a prerendered article kept below a loading error.
const KEPT_COPY_ATTR: &str = "data-prerendered-copy";
/// Marks an island the live page draws after the first swap (in its turn, or when the reader
/// nears it): the prerendered one stays until then, and [`late_island_rendered`] swaps it.
const LATE_ATTR: &str = "data-island-late";
/// Set on a late island once the live one has replaced the prerendered one.
const LIVE_ATTR: &str = "data-live";
/// Marks an element (with an id) that the browser lays out only when it comes near the viewport
/// (`content-visibility: auto`), standing in at an estimated height meanwhile. A live copy starts
/// at the height its prerendered one has, so a part above the reader that was drawn at its real
/// height does not change height, moving the text they read, when it is replaced.
const LAZY_LAYOUT_ATTR: &str = "data-lazy-layout";

/// The interactive parts of the page: each component that draws one marks its root element
/// `data-island=` its [`name`](Island::name) (the late ones also `data-island-late`), and the
/// takeover pairs prerendered and live parts by that name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Island {
    /// The site header, with the theme switch (`app::PageFrame`).
    SiteHeader,
    /// The table of contents.
    Toc,
    /// The releases chart (late, drawn in its turn).
    Releases,
    /// The model cards (late, drawn in its turn).
    ModelCards,
    /// The section after the cards, "Since the article" (late, drawn when near).
    Watch,
    /// The licences' clause tables and the data section (late, drawn when near).
    Reference,
}

impl Island {
    /// The `data-island` value, unique on the page.
    pub const fn name(self) -> &'static str {
        match self {
            Island::SiteHeader => "site-header",
            Island::Toc => "toc",
            Island::Releases => "releases",
            Island::ModelCards => "model-cards",
            Island::Watch => "watch",
            Island::Reference => "reference",
        }
    }
}

/// A prerendered root waiting to be replaced by the live one.
struct Pending {
    prerendered: web_sys::Element,
    live: web_sys::Element,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    /// The fingerprint of the content.json the app fetched.
    static FETCHED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The live root after an islands swap, where late islands render.
    static LIVE_ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// The late islands drawn in turns after the first swap (see [`queue_turn`]).
    static TURNS: RefCell<Turns> = RefCell::new(Turns::default());
}

/// Late islands waiting for their turn, and the one being drawn.
#[derive(Default)]
struct Turns {
    waiting: Vec<WaitingIsland>,
    drawing: Option<Island>,
}

/// An island waiting for its turn, with what starts drawing it.
type WaitingIsland = (Island, Box<dyn FnOnce()>);

/// Records the fingerprint of the content file the app fetched (`page::content_fingerprint`):
/// the prerendered article text is kept only if it was built from the same file.
pub fn fetched_content(fingerprint: &str) {
    FETCHED.with_borrow_mut(|f| *f = Some(fingerprint.to_owned()));
}

/// Mounts `app` for good: over a prerendered page, into a detached root that [`article_rendered`]
/// or [`load_failed`] swaps in; otherwise into `#app` (its boot line removed), or the body.
#[cfg(feature = "csr")]
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let Some(document) = browser::document() else {
        return;
    };
    let root = document.get_element_by_id(ROOT_ID);
    let target = match root {
        Some(prerendered) if prerendered.has_attribute(PRERENDERED_ATTR) => {
            match document.create_element("div") {
                Ok(live) => {
                    live.set_id(ROOT_ID);
                    PENDING.with_borrow_mut(|p| {
                        *p = Some(Pending {
                            prerendered,
                            live: live.clone(),
                        })
                    });
                    Some(live)
                }
                Err(_) => None,
            }
        }
        Some(root) => {
            root.replace_children_with_node_0();
            Some(root)
        }
        None => None,
    };
    match target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(target) => leptos::mount::mount_to(target, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// Whether a prerendered page is still waiting to be replaced.
pub fn is_pending() -> bool {
    PENDING.with_borrow(Option::is_some)
}

/// Whether the live page will go in island by island over a prerendered page built from the
/// content it fetched: only then may a late island wait for the reader (its prerendered copy
/// stays meanwhile). Over a stale prerendered page the whole live root replaces it, so the live
/// page must be complete at once.
pub fn keeps_prerendered_text() -> bool {
    PENDING.with_borrow(|pending| {
        pending.as_ref().is_some_and(|pending| {
            let built_from = pending.prerendered.get_attribute(CONTENT_ATTR);
            FETCHED.with_borrow(|fetched| fetched.is_some() && *fetched == built_from)
        })
    })
}

/// Called once the live article has rendered. Swaps it in for the prerendered page, if one is
/// waiting, and drops any prerendered copy kept after an earlier failure. Returns whether a
/// prerendered page was waiting (it already showed the URL's fragment, so no scrolling is needed).
pub fn article_rendered() -> bool {
    let waiting = is_pending();
    swap_when_live_has(LIVE_ARTICLE, SwapKind::Islands, |_| {});
    // At most one copy is ever kept (`load_failed` runs once, over the prerendered page).
    if let Some(kept) = browser::document().and_then(|d| {
        d.query_selector(&format!("[{KEPT_COPY_ATTR}]"))
            .ok()
            .flatten()
    }) {
        kept.remove();
    }
    waiting
}

/// Called when loading failed. Over a prerendered page the live page goes in (it shows the error
/// and Retry), and the prerendered article moves in below the message so it stays readable.
pub fn load_failed() {
    swap_when_live_has("[role=alert]", SwapKind::WholeRoot, |prerendered| {
        let article = prerendered.query_selector(LIVE_ARTICLE).ok().flatten();
        let main = browser::document().and_then(|d| d.get_element_by_id("main"));
        if let (Some(article), Some(main)) = (article, main) {
            let _ = article.set_attribute(KEPT_COPY_ATTR, "");
            let _ = main.append_child(&article);
        }
    });
}

/// Called when a late island (see [`LATE_ATTR`]) has rendered in the live page: after the main
/// swap, it replaces its prerendered counterpart in an animation frame, keeping scroll and focus.
/// Before the swap (or without a prerendered page) there is nothing to do: the swap pairs it.
pub fn late_island_rendered(island: Island) {
    if is_pending() {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        let selector = island_selector(island);
        let live = LIVE_ROOT.with_borrow(|root| {
            root.as_ref()
                .and_then(|root| root.query_selector(&selector).ok().flatten())
        });
        let page = browser::document().and_then(|d| d.get_element_by_id(ROOT_ID));
        let old = page
            .as_ref()
            .and_then(|page| page.query_selector(&selector).ok().flatten());
        if let (Some(live), Some(old), Some(page)) = (live, old, page) {
            if old != live {
                carry_heights(&old, &live);
                keeping_scroll_and_focus(&page, || old.replace_with_with_node_1(&live).ok());
                // Says the part is live now (its controls work); tests wait for it.
                let _ = live.set_attribute(LIVE_ATTR, "");
            }
        }
        turn_done(island);
    });
}

/// Queues a late island to be drawn in its own turn once the first swap is done: `draw` (which
/// makes the component render it) runs in a task of its own, the islands nearest the viewport
/// first, each swapped in before the next is drawn, so no one task builds the whole page. The
/// island calls [`late_island_rendered`] when drawn, which ends its turn. When the last one is in,
/// the root loses `data-prerendered`: the page is live.
pub fn queue_turn(island: Island, draw: impl FnOnce() + 'static) {
    TURNS.with_borrow_mut(|turns| turns.waiting.push((island, Box::new(draw))));
}

/// Whether `island` is being drawn in its turn (into the live root, not yet in the document): a
/// part that is costly to draw may then spread its drawing over several tasks, and report
/// [`late_island_rendered`] when done.
pub fn drawing_in_turn(island: Island) -> bool {
    TURNS.with_borrow(|turns| turns.drawing == Some(island))
}

/// Starts the next island's turn in a fresh task, or, with none left, marks the page live.
fn next_turn_soon() {
    browser::after_a_turn(|| {
        let next = TURNS.with_borrow_mut(|turns| {
            let nearest = nearest_waiting(&turns.waiting)?;
            let (island, draw) = turns.waiting.remove(nearest);
            turns.drawing = Some(island);
            Some(draw)
        });
        match next {
            Some(draw) => draw(),
            None => mark_live(),
        }
    });
}

/// Which waiting island's prerendered copy is nearest the viewport now (the reader may have
/// scrolled, or opened the page at a #fragment).
fn nearest_waiting(waiting: &[WaitingIsland]) -> Option<usize> {
    let page = browser::document().and_then(|d| d.get_element_by_id(ROOT_ID));
    let height = browser::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::NAN);
    let boxes = waiting
        .iter()
        .enumerate()
        .map(|(index, (island, _))| {
            let rect = page
                .as_ref()
                .and_then(|page| {
                    page.query_selector(&island_selector(*island))
                        .ok()
                        .flatten()
                })
                .map(|element| element.get_bounding_client_rect());
            let (top, bottom) = rect.map_or((f64::NAN, f64::NAN), |r| (r.top(), r.bottom()));
            (index, top, bottom)
        })
        .collect();
    llm_watch_core::viewport::nearest_first(boxes, height)
        .first()
        .copied()
}

/// The page is live: every island drawn in turns is in (the ones drawn when near may still wait).
fn mark_live() {
    if let Some(root) = browser::document().and_then(|d| d.get_element_by_id(ROOT_ID)) {
        let _ = root.remove_attribute(PRERENDERED_ATTR);
    }
}

/// Ends `island`'s turn, if it was drawing, and starts the next.
fn turn_done(island: Island) {
    let was_drawing = TURNS.with_borrow_mut(|turns| {
        let was = turns.drawing == Some(island);
        if was {
            turns.drawing = None;
        }
        was
    });
    if was_drawing {
        next_turn_soon();
    }
}

fn island_selector(island: Island) -> String {
    format!("[{ISLAND_ATTR}=\"{}\"]", island.name())
}

/// The article element, in either root.
const LIVE_ARTICLE: &str = "main > article.article";

/// How many frames to wait for the live root to hold what it should before swapping anyway.
const MAX_FRAMES: u32 = 120;

/// How the live page goes in.
#[derive(Clone, Copy)]
enum SwapKind {
    /// Only the `data-island` parts; the prerendered text stays. Falls back to the whole root when
    /// the two pages' islands do not pair up.
    Islands,
    /// The whole root (an error page has no islands to pair).
    WholeRoot,
}

/// Swaps the live page in, in an animation frame (so no paint sees anything in between), once it
/// contains `selector`: an effect can run before its component's nodes reach the detached root.
/// `then` gets the prerendered root that was replaced (not called when only islands moved).
fn swap_when_live_has(
    selector: &'static str,
    kind: SwapKind,
    then: impl FnOnce(web_sys::Element) + 'static,
) {
    type Then = Box<dyn FnOnce(web_sys::Element)>;
    fn attempt(selector: &'static str, kind: SwapKind, frames: u32, then: Then) {
        let ready = PENDING.with_borrow(|pending| match pending {
            Some(p) => p.live.query_selector(selector).ok().flatten().is_some(),
            None => true,
        });
        if ready || frames >= MAX_FRAMES {
            let swapped_islands = matches!(kind, SwapKind::Islands) && swap_in_islands();
            if !swapped_islands {
                if let Some(prerendered) = swap_in_live_root() {
                    then(prerendered);
                }
            }
        } else {
            leptos::prelude::request_animation_frame(move || {
                attempt(selector, kind, frames + 1, then)
            });
        }
    }
    if is_pending() {
        leptos::prelude::request_animation_frame(move || {
            attempt(selector, kind, 0, Box::new(then))
        });
    }
}

/// Replaces each prerendered island with the live one of the same name, keeping the scroll
/// position and focus, and marks the prerendered root live. Returns false, changing nothing, if
/// the prerendered page was built from other content than the app fetched, or the islands do not
/// pair up one to one (then the whole root is swapped instead).
fn swap_in_islands() -> bool {
    let pairs = PENDING.with_borrow(|pending| {
        let pending = pending.as_ref()?;
        // Built from another content.json (a stale cached page): its text must go too.
        let built_from = pending.prerendered.get_attribute(CONTENT_ATTR)?;
        if FETCHED.with_borrow(|f| f.as_deref() != Some(built_from.as_str())) {
            return None;
        }
        let live_islands = pending
            .live
            .query_selector_all(&format!("[{ISLAND_ATTR}]"))
            .ok()?;
        let old_islands = pending
            .prerendered
            .query_selector_all(&format!("[{ISLAND_ATTR}]"))
            .ok()?;
        if live_islands.length() == 0 {
            return None;
        }
        // Every prerendered island needs its live partner, except the late ones, which stay
        // until they render; and every live island must have a place to go.
        let mut pairs = Vec::new();
        for i in 0..old_islands.length() {
            let old = old_islands.item(i)?.dyn_into::<web_sys::Element>().ok()?;
            let name = old.get_attribute(ISLAND_ATTR)?;
            let live = pending
                .live
                .query_selector(&format!("[{ISLAND_ATTR}=\"{name}\"]"))
                .ok()
                .flatten();
            match live {
                Some(live) => pairs.push((old, live)),
                None if old.has_attribute(LATE_ATTR) => {}
                None => return None,
            }
        }
        if pairs.len() != live_islands.length() as usize {
            return None;
        }
        Some(pairs)
    });
    let Some(pairs) = pairs else {
        return false;
    };
    let Some(Pending { prerendered, live }) = PENDING.with_borrow_mut(Option::take) else {
        return false;
    };
    LIVE_ROOT.with_borrow_mut(|root| *root = Some(live));
    for (old, live) in &pairs {
        carry_heights(old, live);
    }
    keeping_scroll_and_focus(&prerendered, || {
        for (old, live) in &pairs {
            let _ = old.replace_with_with_node_1(live);
        }
        Some(())
    });
    // The root stays marked prerendered until the islands drawn in turns are in too.
    next_turn_soon();
    true
}

/// Replaces the prerendered root with the live one in one step, keeping the scroll position and,
/// where it has an id, the focused element. Returns the prerendered root it replaced.
fn swap_in_live_root() -> Option<web_sys::Element> {
    let Pending { prerendered, live } = PENDING.with_borrow_mut(Option::take)?;
    keeping_scroll_and_focus(&prerendered, || {
        prerendered.replace_with_with_node_1(&live).ok()
    })?;
    // Islands queued for a turn (if the page's islands did not pair up) draw into it now.
    next_turn_soon();
    Some(prerendered)
}

/// Gives each [`LAZY_LAYOUT_ATTR`] element of `live` the content height of the `old` element with
/// its id as its estimate (`contain-intrinsic-block-size`, which sizes the content box), read
/// before anything moves. The rules go in a stylesheet built by script (the CSSOM, which the
/// page's CSP allows), so no element carries a `style` attribute.
fn carry_heights(old: &web_sys::Element, live: &web_sys::Element) {
    let Ok(lazy) = old.query_selector_all(&format!("[{LAZY_LAYOUT_ATTR}][id]")) else {
        return;
    };
    let Some(window) = browser::window() else {
        return;
    };
    let mut rules = Vec::new();
    for index in 0..lazy.length() {
        let Some(element) = lazy
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&element) else {
            continue;
        };
        let px = |property: &str| {
            style
                .get_property_value(property)
                .ok()
                // The browser's parseFloat ("16px" is 16): Rust's float parser would add its
                // code to the wasm for four numbers.
                .map(|value| js_sys::parse_float(&value))
                .filter(|value| value.is_finite())
                .unwrap_or_default()
        };
        let frame = px("padding-top")
            + px("padding-bottom")
            + px("border-top-width")
            + px("border-bottom-width");
        let height = element.get_bounding_client_rect().height() - frame;
        let id = element.id();
        // Ids here are slugs; one with a quote or backslash is left at the estimate.
        let has_copy = live
            .query_selector(&format!("[id=\"{id}\"]"))
            .ok()
            .flatten()
            .is_some();
        if has_copy && height > 0.0 && !id.contains(['"', '\\']) {
            rules.push(format!(
                "[id=\"{id}\"][{LAZY_LAYOUT_ATTR}] {{ contain-intrinsic-block-size: auto {height}px !important; }}"
            ));
        }
    }
    if !rules.is_empty() {
        let _ = adopt_rules(&rules);
    }
}

/// Adds `rules` to the document as a constructed stylesheet.
fn adopt_rules(rules: &[String]) -> Result<(), wasm_bindgen::JsValue> {
    let document = browser::document().ok_or(wasm_bindgen::JsValue::NULL)?;
    let sheet = web_sys::CssStyleSheet::new()?;
    for rule in rules {
        sheet.insert_rule(rule)?;
    }
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    Ok(())
}

/// Runs `swap` on `within`'s nodes, then puts back the scroll position if it moved and the focus
/// on the element with the same id, if the focused element inside `within` had one.
fn keeping_scroll_and_focus(
    within: &web_sys::Element,
    swap: impl FnOnce() -> Option<()>,
) -> Option<()> {
    let window = browser::window()?;
    let document = window.document()?;
    let (x, y) = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    let focused_id = document
        .active_element()
        .filter(|active| within.contains(Some(active)))
        .map(|active| active.id())
        .filter(|id| !id.is_empty());

    swap()?;

    if window.scroll_x().unwrap_or_default() != x || window.scroll_y().unwrap_or_default() != y {
        window.scroll_to_with_x_and_y(x, y);
    }
    if let Some(element) = focused_id
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
    Some(())
}
