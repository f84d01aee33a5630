//! The view state's round trip through the URL query string, so any view can be shared and
//! Back/Forward step through views.

use super::state::{Direction, SizePreset, SortKey, ViewState, MAX_COMPARE};
use crate::content::{LicenceClass, Slug};
use crate::memory::{parse_memory_gb, Budget, Precision};
use crate::percent::{decode_component, encode_component};
use crate::terms::Need;

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
            "dir" => state.direction = Direction::from_key(&value).unwrap_or_default(),
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
