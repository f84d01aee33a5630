//! "Draw this part when the reader comes near it": over a prerendered page the live page leaves a
//! part out until then (its prerendered copy shows meanwhile), so the first render stays short.

use leptos::prelude::*;

use crate::browser;

/// A flag that turns true once the element with `id` comes within `margin` (a CSS length, as for
/// `IntersectionObserver`'s `rootMargin`) of the viewport. With `wait` false it is true at once;
/// it is also true at once when no element has that id, or the browser cannot observe. The
/// element must be in the document when this is called (it is the prerendered copy).
pub fn use_when_near(id: &str, margin: &str, wait: bool) -> ReadSignal<bool> {
    let (near, set_near) = signal(!wait);
    if wait {
        browser::when_near(id, margin, move || set_near.set(true));
    }
    near
}
