//! Auto / Light / Dark. Auto follows the operating system; a choice is remembered in
//! `localStorage` and applied as `data-theme` on `<html>`, which the CSS tokens key on.

use leptos::prelude::*;
use llm_watch_core::theme::Theme;

use crate::browser;

const STORAGE_KEY: &str = "llm-watch-theme";

fn storage() -> Option<web_sys::Storage> {
    browser::window()?.local_storage().ok().flatten()
}

/// The stored choice (private browsing without storage means `Auto`).
fn stored_theme() -> Theme {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    Theme::from_stored(stored.as_deref())
}

/// Puts `theme` on `<html>`.
fn apply_theme(theme: Theme) {
    if let Some(root) = browser::document().and_then(|d| d.document_element()) {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            other => root.set_attribute("data-theme", other.key()),
        };
    }
}

/// The switch: three radio buttons in a labelled group, operable with arrow keys like any radio
/// group.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let initial = stored_theme();
    let theme = RwSignal::new(initial);
    Effect::new(move |_| {
        let chosen = theme.get();
        apply_theme(chosen);
        if let Some(storage) = storage() {
            let _ = match chosen {
                Theme::Auto => storage.remove_item(STORAGE_KEY),
                other => storage.set_item(STORAGE_KEY, other.key()),
            };
        }
    });
    view! {
        <fieldset class="theme-switch">
            <legend class="visually-hidden">"Colour theme"</legend>
            {Theme::ALL
                .map(|option| {
                    view! {
                        <label class="theme-switch__option">
                            <input
                                type="radio"
                                name="theme"
                                value=option.key()
                                // The attribute for the prerendered page, the property after.
                                checked=option == initial
                                prop:checked=move || theme.get() == option
                                on:change=move |_| theme.set(option)
                            />
                            <span>{option.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
