//! The page's components, one feature per file: its public component, the smaller components
//! and helpers only it uses, and (for the releases chart and the model cards) a folder of its
//! parts. The reactive behaviours they share are in `crate::hooks`.

pub mod article;
pub mod benchmarks;
pub mod claims_ledger;
pub mod data_downloads;
pub mod editor_note;
pub mod licence_terms;
pub mod load_state;
pub mod markdown_view;
pub mod memory_budget;
pub mod model_card;
pub mod model_cards;
pub mod monogram;
pub mod releases_chart;
pub mod report_link;
pub mod scroll_table;
pub mod since_section;
pub mod since_the_article;
pub mod sourced_value;
pub mod theme_switch;
pub mod timeline;
pub mod toc;
pub mod watch_coverage;
