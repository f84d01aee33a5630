//! Roving tabindex: a group of controls (the chart's year buttons, the timeline's marks) takes one
//! Tab stop, and the arrow keys move focus within it. The views say only which item holds the
//! stop, where a key goes, and how an item is focused.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

/// Where a key moves from an item (`None`: the key is not the group's).
type Step = Arc<dyn Fn(usize, &str) -> Option<usize> + Send + Sync>;
/// Focuses an item.
type Focus = Arc<dyn Fn(usize) + Send + Sync>;

/// A group's roving focus: per item, its `tabindex` and its keydown handler.
#[derive(Clone)]
pub struct RovingFocus {
    current: Signal<usize>,
    step: Step,
    focus: Focus,
}

/// One Tab stop for a group of items: `current` is the item that holds it; on a key that `step`
/// maps from an item to another (e.g. `keys::step_linear`, `timeline::step`), the key's default
/// (scrolling) is prevented and `focus` is called with the target, which should focus it and so
/// make it `current`.
pub fn use_roving_focus(
    current: Signal<usize>,
    step: impl Fn(usize, &str) -> Option<usize> + Send + Sync + 'static,
    focus: impl Fn(usize) + Send + Sync + 'static,
) -> RovingFocus {
    RovingFocus {
        current,
        step: Arc::new(step),
        focus: Arc::new(focus),
    }
}

impl RovingFocus {
    /// Item `index`'s `tabindex`: 0 for the item that holds the Tab stop, -1 for the rest.
    pub fn tab_index(&self, index: usize) -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
        let current = self.current;
        move || if current.get() == index { 0 } else { -1 }
    }

    /// Item `index`'s keydown handler.
    pub fn on_key(&self, index: usize) -> impl Fn(ev::KeyboardEvent) + Clone + 'static {
        let (step, focus) = (self.step.clone(), self.focus.clone());
        move |event: ev::KeyboardEvent| {
            if let Some(target) = step(index, &event.key()) {
                event.prevent_default();
                focus(target);
            }
        }
    }
}
