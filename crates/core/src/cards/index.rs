//! What the filters look at, built once per content: each family's search text and its models
//! with the licence needs each one meets, so a keystroke or a budget change only compares.

use std::collections::BTreeSet;

use super::select::{haystack, matches_fields, sort_subset};
use super::state::ViewState;
use crate::choice::{candidates, Candidate};
use crate::content::{Bundle, Family};
use crate::memory::{fit, Fit};
use crate::terms::Need;

/// One family's models, each with the needs its licence meets.
type Models = Vec<(Candidate, BTreeSet<Need>)>;

/// The filters' view of every family, in `bundle.models.families` order.
#[derive(Debug, Clone, Default)]
pub struct CardIndex {
    texts: Vec<String>,
    models: Vec<Models>,
}

impl CardIndex {
    pub fn new(bundle: &Bundle) -> Self {
        let families = &bundle.models.families;
        let models = families
            .iter()
            .map(|family| {
                candidates(bundle, family)
                    .into_iter()
                    .map(|candidate| {
                        let clauses = candidate
                            .terms
                            .as_ref()
                            .and_then(|id| bundle.licences.get(id))
                            .map(|l| &l.clauses);
                        let met = Need::ALL
                            .into_iter()
                            .filter(|need| clauses.is_some_and(|c| need.met_by(c)))
                            .collect();
                        (candidate, met)
                    })
                    .collect()
            })
            .collect();
        CardIndex {
            texts: families.iter().map(haystack).collect(),
            models,
        }
    }

    /// The models of the family at `index`, oldest first.
    pub fn candidates(&self, index: usize) -> impl Iterator<Item = &Candidate> {
        self.models.get(index).into_iter().flatten().map(|(c, _)| c)
    }

    /// Whether the family at `index` passes every filter of `state`: its own fields, and one of
    /// its models meeting all the needs (and fitting the budget, when asked) at once.
    pub fn matches(&self, index: usize, family: &Family, state: &ViewState) -> bool {
        let text = self.texts.get(index).map_or("", String::as_str);
        let filters = &state.filters;
        if !matches_fields(family, text, filters) {
            return false;
        }
        if filters.needs.is_empty() && !filters.fits {
            return true;
        }
        self.models
            .get(index)
            .into_iter()
            .flatten()
            .any(|(model, met)| {
                filters.needs.is_subset(met)
                    && (!filters.fits || fit(model.facts(), state.budget) == Fit::Fits)
            })
    }

    /// The families to show, in order: filtered first, then only the matches sorted.
    pub fn visible(&self, families: &[Family], state: &ViewState) -> Vec<usize> {
        let matching = families
            .iter()
            .enumerate()
            .filter(|(i, family)| self.matches(*i, family, state))
            .map(|(i, _)| i)
            .collect();
        sort_subset(families, matching, state.sort, state.direction)
    }
}
