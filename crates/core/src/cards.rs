//! Model cards: sorting, filtering, weight-memory estimates, and the view state's round trip
//! through the URL query string (the comparison and the filter index have their own files).
//! Pure functions over [`Family`] values; the component only calls them.

use std::collections::BTreeSet;

use crate::chart::format_params;
use crate::content::{Date, Family, LicenceClass, Slug, Sourced};
use crate::memory::{parse_memory_gb, Budget, Precision};
use crate::terms::Need;

mod comparison;
mod index;
mod licence_comparison;
mod query;

/// The export buttons' CSV and JSON of the cards in view (every value with status and source).
pub use crate::exports::{models_csv as to_csv, models_json as to_json};
pub use comparison::{
    benchmark_cell_text, benchmark_comparison, comparison, comparison_markdown, BenchmarkCell,
    BenchmarkRow, ComparisonRow,
};
pub use index::CardIndex;
pub use licence_comparison::licence_comparison;
pub use query::{decode_component, encode_component};

/// What the cards can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// First public weights of the family.
    #[default]
    Release,
    /// Largest variant.
    Params,
    /// Most pre-training tokens of any variant.
    Tokens,
    /// Longest context of any variant.
    Context,
    Name,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Release,
        SortKey::Params,
        SortKey::Tokens,
        SortKey::Context,
        SortKey::Name,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortKey::Release => "release",
            SortKey::Params => "params",
            SortKey::Tokens => "tokens",
            SortKey::Context => "context",
            SortKey::Name => "name",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Release => "Release date",
            SortKey::Params => "Largest parameter count",
            SortKey::Tokens => "Training tokens",
            SortKey::Context => "Context length",
            SortKey::Name => "Name",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Ascending => "asc",
            Direction::Descending => "desc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    pub fn flipped(self) -> Self {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// Size buckets over a family's variants: a family matches a preset when any variant falls in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SizePreset {
    /// ≤ 8B: runs on one consumer GPU when quantised.
    Small,
    /// 8B to 40B.
    Medium,
    /// > 40B.
    Large,
}

impl SizePreset {
    pub const ALL: [SizePreset; 3] = [SizePreset::Small, SizePreset::Medium, SizePreset::Large];

    pub fn key(self) -> &'static str {
        match self {
            SizePreset::Small => "small",
            SizePreset::Medium => "medium",
            SizePreset::Large => "large",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SizePreset::Small => "≤ 8B",
            SizePreset::Medium => "8–40B",
            SizePreset::Large => "> 40B",
        }
    }

    pub fn contains(self, params_b: f64) -> bool {
        match self {
            SizePreset::Small => params_b <= 8.0,
            SizePreset::Medium => params_b > 8.0 && params_b <= 40.0,
            SizePreset::Large => params_b > 40.0,
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Every filter; empty sets and `None` mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub licences: BTreeSet<LicenceClass>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub sizes: BTreeSet<SizePreset>,
    /// Free text, matched case-insensitively against names and notes.
    pub query: String,
    /// Licence terms the reader needs: some model of the family must meet them all.
    pub needs: BTreeSet<Need>,
    /// Only families with a model that fits the budget (and meets the needs, on the same model).
    pub fits: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Most models a reader can compare at once (the table must fit a phone).
pub const MAX_COMPARE: usize = 3;

/// Everything that makes a view of the cards shareable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub sort: SortKey,
    pub direction: Direction,
    pub filters: Filters,
    /// Family ids picked for comparison, in the order picked.
    pub compare: Vec<Slug>,
    /// The reader's memory and precision, for every "fits" verdict.
    pub budget: Budget,
}

impl ViewState {
    /// Adds or removes a family from the comparison; adding a fourth drops the oldest.
    pub fn toggle_compare(&mut self, id: &Slug) {
        if let Some(at) = self.compare.iter().position(|c| c == id) {
            self.compare.remove(at);
        } else {
            if self.compare.len() == MAX_COMPARE {
                self.compare.remove(0);
            }
            self.compare.push(id.clone());
        }
    }
}

fn value<T: Copy>(sourced: &Sourced<T>) -> Option<T> {
    sourced.value
}

/// The largest parameter count of a family, in billions.
pub fn max_params(family: &Family) -> Option<f64> {
    family
        .variants
        .iter()
        .filter_map(|v| value(&v.params_b))
        .reduce(f64::max)
}

fn max_tokens(family: &Family) -> Option<f64> {
    family
        .variants
        .iter()
        .filter_map(|v| value(&v.training_tokens_b))
        .reduce(f64::max)
}

fn max_context(family: &Family) -> Option<u32> {
    family
        .variants
        .iter()
        .filter_map(|v| value(&v.context_length))
        .max()
}

/// Orders families by `key`; stable (ties keep file order) and values that are not disclosed
/// always come last, whatever the direction.
pub fn sort_indices(families: &[Family], key: SortKey, direction: Direction) -> Vec<usize> {
    sort_subset(families, (0..families.len()).collect(), key, direction)
}

/// [`sort_indices`] for some of the families. Each family's sort value is computed once, so the
/// comparisons allocate nothing (sorting by name lowercased every name at every comparison).
pub(crate) fn sort_subset(
    families: &[Family],
    mut indices: Vec<usize>,
    key: SortKey,
    direction: Direction,
) -> Vec<usize> {
    let values: Vec<Option<SortValue>> = families.iter().map(|f| sort_value(f, key)).collect();
    let value = |i: usize| values.get(i).and_then(Option::as_ref);
    indices.sort_by(|&a, &b| match (value(a), value(b)) {
        (Some(a), Some(b)) => match direction {
            Direction::Ascending => a.compare(b),
            Direction::Descending => a.compare(b).reverse(),
        },
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    indices
}

/// A family's value for one sort key.
enum SortValue {
    Date(Date),
    Number(f64),
    Text(String),
}

impl SortValue {
    fn compare(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (SortValue::Date(a), SortValue::Date(b)) => a.cmp(b),
            (SortValue::Number(a), SortValue::Number(b)) => a.total_cmp(b),
            (SortValue::Text(a), SortValue::Text(b)) => a.cmp(b),
            // One key gives one kind of value.
            _ => std::cmp::Ordering::Equal,
        }
    }
}

fn sort_value(family: &Family, key: SortKey) -> Option<SortValue> {
    match key {
        SortKey::Release => value(&family.first_weights_date).map(SortValue::Date),
        SortKey::Params => max_params(family).map(SortValue::Number),
        SortKey::Tokens => max_tokens(family).map(SortValue::Number),
        SortKey::Context => max_context(family).map(|c| SortValue::Number(f64::from(c))),
        SortKey::Name => Some(SortValue::Text(family.name.to_lowercase())),
    }
}

/// The text the search box looks in: names, developer, summary, architecture, licence names.
pub(crate) fn haystack(family: &Family) -> String {
    let mut text = format!("{} {} {}", family.name, family.summary, family.id);
    let parts = [
        &family.developer.value,
        &family.country.value,
        &family.architecture.value,
    ];
    for part in parts.into_iter().flatten() {
        text.push(' ');
        text.push_str(part);
    }
    for variant in &family.variants {
        text.push(' ');
        text.push_str(&variant.name);
        if let Some(licence) = &variant.licence.value {
            text.push(' ');
            text.push_str(&licence.name);
        }
    }
    text.to_lowercase()
}

/// Whether a family passes the filters on its own fields (licence class, developer, country,
/// size, search text); [`CardIndex::matches`] adds the reader's needs and budget.
pub fn matches(family: &Family, filters: &Filters) -> bool {
    matches_fields(family, &haystack(family), filters)
}

/// Whether a family passes the filters that read its own fields (everything but the reader's
/// needs and budget, which [`index::CardIndex`] checks against the family's models).
pub(crate) fn matches_fields(family: &Family, haystack: &str, filters: &Filters) -> bool {
    let licence_ok = filters.licences.is_empty()
        || family
            .variants
            .iter()
            .filter_map(|v| v.licence.value.as_ref())
            .any(|l| filters.licences.contains(&l.class));
    let organisation_ok = filters
        .organisation
        .as_ref()
        .is_none_or(|org| family.developer.value.as_ref() == Some(org));
    let country_ok = filters
        .country
        .as_ref()
        .is_none_or(|country| family.country.value.as_ref() == Some(country));
    let size_ok = filters.sizes.is_empty()
        || family
            .variants
            .iter()
            .filter_map(|v| v.params_b.value)
            .any(|p| filters.sizes.iter().any(|preset| preset.contains(p)));
    let query = filters.query.trim().to_lowercase();
    let text_ok = query.is_empty() || query.split_whitespace().all(|word| haystack.contains(word));
    licence_ok && organisation_ok && country_ok && size_ok && text_ok
}

/// How many cards are drawn before a "Show more" button. A reader compares a handful, and every
/// card drawn costs layout: with 1,000 families drawing them all made a sort take seconds
/// (`make bench`, scale rows), while the view's own work (sort, filter) stays cheap.
pub const CARDS_PER_PAGE: usize = 12;

/// The cards drawn out of `visible` when `limit` are allowed, and how many more are waiting.
pub fn first_cards(visible: &[usize], limit: usize) -> (&[usize], usize) {
    let (shown, waiting) = visible.split_at(visible.len().min(limit));
    (shown, waiting.len())
}

/// Distinct non-empty values of a field, sorted, for filter menus.
pub fn options(families: &[Family], field: impl Fn(&Family) -> Option<&String>) -> Vec<String> {
    let set: BTreeSet<String> = families.iter().filter_map(|f| field(f).cloned()).collect();
    set.into_iter().collect()
}

/// Bytes per parameter for the precisions the cards show.
pub const PRECISIONS: [(&str, f64); 3] = [("fp16", 2.0), ("int8", 1.0), ("int4", 0.5)];

/// Memory for the weights alone, in GB (10^9 bytes): parameters × bytes per parameter. Excludes
/// activations, KV cache and runtime overhead, which the cards say.
pub fn weight_memory_gb(params_b: f64, bytes_per_param: f64) -> f64 {
    params_b * bytes_per_param
}

/// "14 GB", "3.5 GB", "0.65 GB".
pub fn format_gb(gb: f64) -> String {
    let text = if gb >= 10.0 {
        format!("{gb:.0}")
    } else if gb >= 1.0 {
        format!("{gb:.1}")
    } else {
        format!("{gb:.2}")
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{text} GB")
}

/// "2T" for 2000 billion tokens.
pub fn format_tokens(billions: f64) -> String {
    format_params(billions)
}

/// "4,096" → "4K"; 32768 → "32K".
pub fn format_context(tokens: u32) -> String {
    if tokens.is_multiple_of(1024) {
        format!("{}K", tokens / 1024)
    } else {
        tokens.to_string()
    }
}

/// The query string for a view (without `?`); the default view is the empty string.
pub fn to_query(state: &ViewState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if state.sort != SortKey::default() {
        pairs.push(("sort", state.sort.key().to_owned()));
    }
    if state.direction != Direction::default() {
        pairs.push(("dir", state.direction.key().to_owned()));
    }
    let f = &state.filters;
    if !f.licences.is_empty() {
        pairs.push((
            "licence",
            f.licences
                .iter()
                .map(|l| l.key())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    if let Some(org) = &f.organisation {
        pairs.push(("org", org.clone()));
    }
    if let Some(country) = &f.country {
        pairs.push(("country", country.clone()));
    }
    if !f.sizes.is_empty() {
        pairs.push((
            "size",
            f.sizes
                .iter()
                .map(|s| s.key())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    if !f.query.is_empty() {
        pairs.push(("q", f.query.clone()));
    }
    if !f.needs.is_empty() {
        pairs.push((
            "needs",
            f.needs
                .iter()
                .map(|n| n.key())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    if f.fits {
        pairs.push(("fits", "1".to_owned()));
    }
    if state.budget.memory != Budget::default().memory {
        pairs.push(("mem", state.budget.memory.to_string()));
    }
    if state.budget.precision != Precision::default() {
        pairs.push(("bits", state.budget.precision.key().to_owned()));
    }
    if !state.compare.is_empty() {
        pairs.push((
            "compare",
            state
                .compare
                .iter()
                .map(Slug::as_str)
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode_component(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads a view from a query string (with or without `?`). Lenient: unknown keys and values are
/// ignored, so an old or hand-edited link still opens something sensible.
pub fn from_query(query: &str) -> ViewState {
    let mut state = ViewState::default();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_component(raw);
        let list = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
        match key {
            "sort" => state.sort = SortKey::from_key(&value).unwrap_or_default(),
            "dir" => {
                state.direction = if value == "desc" {
                    Direction::Descending
                } else {
                    Direction::Ascending
                }
            }
            "licence" => {
                state.filters.licences = list().filter_map(LicenceClass::from_key).collect()
            }
            "org" if !value.is_empty() => state.filters.organisation = Some(value.clone()),
            "country" if !value.is_empty() => state.filters.country = Some(value.clone()),
            "size" => state.filters.sizes = list().filter_map(SizePreset::from_key).collect(),
            "q" => state.filters.query = value.clone(),
            "needs" => state.filters.needs = list().filter_map(Need::from_key).collect(),
            "fits" => state.filters.fits = value == "1",
            // A bad memory value is ignored (the default stays), as the field would refuse it.
            "mem" => {
                if let Ok(memory) = parse_memory_gb(&value) {
                    state.budget.memory = memory;
                }
            }
            "bits" => state.budget.precision = Precision::from_key(&value).unwrap_or_default(),
            "compare" => {
                let mut ids: Vec<Slug> = Vec::new();
                for id in list().filter_map(|s| s.parse::<Slug>().ok()) {
                    if !ids.contains(&id) && ids.len() < MAX_COMPARE {
                        ids.push(id);
                    }
                }
                state.compare = ids;
            }
            _ => {}
        }
    }
    state
}

#[cfg(test)]
mod tests;
