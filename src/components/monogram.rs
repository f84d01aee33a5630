//! A small drawn stand-in for the post's model images (we do not have the author's PNGs, and a
//! broken image is never acceptable): the family's initials on a tile.

use leptos::prelude::*;
use llm_watch_core::content::Family;

/// Initials of a family name: "Llama 2" -> "L2", "SOLAR 10.7B" -> "S1", "Yi" -> "Yi".
fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [one] => one.chars().take(2).collect(),
        [first, second, ..] => first
            .chars()
            .take(1)
            .chain(second.chars().take(1))
            .collect(),
        [] => "?".to_owned(),
    }
}

/// The tile.
#[component]
pub fn Monogram(
    /// The family drawn.
    family: Family,
    /// Accessible name: the post's alt text.
    label: String,
) -> impl IntoView {
    view! {
        <svg
            class=format!("monogram monogram--{}", family.id)
            viewBox="0 0 64 64"
            width="64"
            height="64"
            role="img"
            aria-label=label
        >
            <rect x="1" y="1" width="62" height="62" rx="12" class="monogram__tile" />
            <text x="32" y="41" text-anchor="middle" class="monogram__text">
                {initials(&family.name)}
            </text>
        </svg>
    }
}
