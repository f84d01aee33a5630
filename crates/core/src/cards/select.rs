//! Which cards are in view and in what order: sorting (undisclosed values last), filtering,
//! search and paging over [`Family`] values.

use std::collections::BTreeSet;

use super::state::{Direction, Filters, SortKey};
use crate::content::{Date, Family, Sourced};

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
