//! One public component per file.

pub mod article;
pub mod editor_note;
pub mod load_state;
pub mod monogram;
pub mod nodes;
pub mod releases_chart;
