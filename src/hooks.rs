//! Reactive behaviours the views share, each written once as a `use_…` function in its own file:
//! a component calls it in its body, as it would create a signal.

pub mod use_query_state;
pub mod use_roving_focus;
pub mod use_turn;
pub mod use_when_near;

pub use use_query_state::use_query_state;
pub use use_roving_focus::{use_roving_focus, RovingFocus};
pub use use_turn::use_turn;
pub use use_when_near::use_when_near;
