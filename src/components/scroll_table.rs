//! The scrolling region every wide data table sits in, so a wide table never widens the page:
//! focusable (keyboard users can scroll it) and named, as a region must be.

use leptos::prelude::*;

/// A focusable, named region that scrolls its table sideways on narrow screens. Give it one name:
/// `label` (its own words) or `labelled_by` (the id of the heading that names it).
#[component]
pub fn ScrollTable(
    /// The region's accessible name (default: none; then give `labelled_by`).
    #[prop(optional, into)]
    label: Option<String>,
    /// The id of the element that names the region (default: none; then give `label`).
    #[prop(optional, into)]
    labelled_by: Option<String>,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label aria-labelledby=labelled_by>
            {children()}
        </div>
    }
}
