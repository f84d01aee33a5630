//! "Draw this part in a turn of its own": over a prerendered page the live page leaves a part out
//! of its first render and draws it in a task of its own after the first swap, the part nearest
//! the viewport first (`takeover::queue_turn`), so no one task on a slow phone builds the whole
//! page. The prerendered copy shows meanwhile.

use leptos::prelude::*;

use crate::takeover::{self, Island};

/// A flag that turns true when `island`'s turn comes. With `wait` false it is true at once (no
/// prerendered page to show meanwhile, or a stale one that is replaced whole).
pub fn use_turn(island: Island, wait: bool) -> ReadSignal<bool> {
    let (turn, set_turn) = signal(!wait);
    if wait {
        takeover::queue_turn(island, move || set_turn.set(true));
    }
    turn
}
