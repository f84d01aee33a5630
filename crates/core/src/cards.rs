//! Model cards: the reader's view of the five families (what is shown, in what order, compared
//! how). Pure functions over [`Family`](crate::content::Family) values; the components only call
//! them. One concern per file:
//! - [`state`]: the `ViewState` and every change to it;
//! - [`select`]: sorting, filtering, search and paging;
//! - [`url`]: the view state's round trip through the query string;
//! - `comparison`, `licence_comparison`: the side-by-side table; `index`: the per-family facts
//!   the filters and verdicts read.

mod comparison;
mod index;
mod licence_comparison;
pub mod select;
pub mod state;
pub mod url;

/// The export buttons' CSV and JSON of the cards in view (every value with status and source).
pub use crate::exports::{models_csv as to_csv, models_json as to_json};
pub use comparison::{
    benchmark_cell_text, benchmark_comparison, comparison, comparison_markdown, BenchmarkCell,
    BenchmarkRow, ComparisonRow,
};
pub use index::CardIndex;
pub use licence_comparison::licence_comparison;
pub use select::{first_cards, matches, max_params, options, sort_indices, CARDS_PER_PAGE};
pub use state::{
    Direction, Filters, HistoryStep, SizePreset, SortKey, ViewChange, ViewState, MAX_COMPARE,
};
pub use url::{from_query, to_query};

#[cfg(test)]
mod tests;
