//! The table of contents: sticky beside the article on wide screens, a disclosure on phones, and
//! the section being read marked with `aria-current`.

use leptos::ev;
use leptos::prelude::*;
use llm_watch_core::markdown::TocEntry;

use crate::takeover::Island;

/// How far below the top of the viewport a heading counts as "being read".
const READING_LINE_PX: f64 = 120.0;

/// The id of the last heading above the reading line.
fn current_section(ids: &[String]) -> Option<String> {
    let document = document();
    let mut current = None;
    for id in ids {
        let Some(heading) = document.get_element_by_id(id) else {
            continue;
        };
        if heading.get_bounding_client_rect().top() <= READING_LINE_PX {
            current = Some(id.clone());
        } else {
            break;
        }
    }
    current
}

/// The table of contents.
#[component]
pub fn TableOfContents(
    /// Headings h2–h4, in order.
    entries: Vec<TocEntry>,
) -> impl IntoView {
    let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let active = RwSignal::new(None::<String>);
    let expanded = RwSignal::new(false);

    // Scroll events come fast; measure at most once per frame.
    let pending = StoredValue::new(false);
    let measure = {
        let ids = ids.clone();
        move || {
            pending.set_value(false);
            let now = current_section(&ids);
            if now != active.get_untracked() {
                active.set(now);
            }
        }
    };
    let on_scroll = window_event_listener(ev::scroll, {
        let measure = measure.clone();
        move |_| {
            if !pending.get_value() {
                pending.set_value(true);
                request_animation_frame(measure.clone());
            }
        }
    });
    on_cleanup(move || on_scroll.remove());
    Effect::new(move |_| request_animation_frame(measure.clone()));

    let items = entries
        .into_iter()
        .map(|entry| {
            let id = entry.id.clone();
            let is_active = move || active.get().as_deref() == Some(id.as_str());
            view! {
                <li class=format!("toc__item toc__item--level-{}", entry.level)>
                    <a
                        href=format!("#{}", entry.id)
                        class:toc__link--active=is_active.clone()
                        aria-current=move || is_active().then_some("location")
                        on:click=move |_| expanded.set(false)
                    >
                        {entry.text}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <nav class="toc" aria-labelledby="toc-title" data-island=Island::Toc.name()>
            <h2 class="toc__title" id="toc-title">
                <button
                    type="button"
                    class="toc__toggle"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="toc-list"
                    on:click=move |_| expanded.update(|open| *open = !*open)
                >
                    "Contents"
                </button>
                <span class="toc__label">"Contents"</span>
            </h2>
            <ol class="toc__list" id="toc-list" class:toc__list--open=move || expanded.get()>
                {items}
            </ol>
        </nav>
    }
}
