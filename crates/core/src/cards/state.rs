//! What a reader can change about the cards (sort, filters, comparison, memory budget) as one
//! `ViewState`, and every change as a pure [`ViewState::apply`], so views only name the change.

use std::collections::BTreeSet;

use crate::content::{LicenceClass, Slug};
use crate::memory::{Budget, MemoryGb, Precision};
use crate::terms::Need;

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

    pub fn from_key(key: &str) -> Option<Self> {
        [Direction::Ascending, Direction::Descending]
            .into_iter()
            .find(|d| d.key() == key)
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

/// One thing a reader did to the view: the controls map their events to these, and
/// [`ViewState::apply`] is the only place that changes the state.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewChange {
    Sort(SortKey),
    Direction(Direction),
    /// The search box's text.
    Query(String),
    ToggleLicence(LicenceClass),
    ToggleNeed(Need),
    ToggleSize(SizePreset),
    /// `None` is "Any".
    Organisation(Option<String>),
    Country(Option<String>),
    ClearFilters,
    ToggleCompare(Slug),
    ClearCompare,
    Memory(MemoryGb),
    Precision(Precision),
    ToggleFits,
}

/// Whether a change of view gets its own entry in the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryStep {
    /// Back returns to the view before.
    Push,
    /// The current entry is updated in place.
    Replace,
}

impl ViewState {
    /// The state after the reader's `change`.
    pub fn apply(&mut self, change: ViewChange) {
        match change {
            ViewChange::Sort(key) => self.sort = key,
            ViewChange::Direction(direction) => self.direction = direction,
            ViewChange::Query(text) => self.filters.query = text,
            ViewChange::ToggleLicence(class) => toggle(&mut self.filters.licences, class),
            ViewChange::ToggleNeed(need) => toggle(&mut self.filters.needs, need),
            ViewChange::ToggleSize(preset) => toggle(&mut self.filters.sizes, preset),
            ViewChange::Organisation(name) => self.filters.organisation = name,
            ViewChange::Country(name) => self.filters.country = name,
            ViewChange::ClearFilters => self.filters = Filters::default(),
            ViewChange::ToggleCompare(id) => self.toggle_compare(&id),
            ViewChange::ClearCompare => self.compare.clear(),
            ViewChange::Memory(memory) => self.budget.memory = memory,
            ViewChange::Precision(precision) => self.budget.precision = precision,
            ViewChange::ToggleFits => self.filters.fits = !self.filters.fits,
        }
    }

    /// How moving from `before` to this state is recorded. Typing in the search box replaces the
    /// entry, so Back does not replay every keystroke; every other change is a step of its own.
    pub fn history_step(&self, before: &ViewState) -> HistoryStep {
        let mut typed = before.clone();
        typed.filters.query = self.filters.query.clone();
        if typed == *self {
            HistoryStep::Replace
        } else {
            HistoryStep::Push
        }
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(id: &str) -> Slug {
        id.parse().unwrap()
    }

    fn applied(changes: impl IntoIterator<Item = ViewChange>) -> ViewState {
        let mut state = ViewState::default();
        for change in changes {
            state.apply(change);
        }
        state
    }

    /// The default view with one edit made by hand: what a change should amount to.
    fn default_with(edit: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut state = ViewState::default();
        edit(&mut state);
        state
    }

    #[test]
    fn each_change_sets_its_own_field_and_nothing_else() {
        assert_eq!(
            applied([ViewChange::Sort(SortKey::Params)]),
            default_with(|s| s.sort = SortKey::Params)
        );
        assert_eq!(
            applied([ViewChange::Direction(Direction::Descending)]),
            default_with(|s| s.direction = Direction::Descending)
        );
        assert_eq!(
            applied([ViewChange::Query("mistral".into())]),
            default_with(|s| s.filters.query = "mistral".into())
        );
        assert_eq!(
            applied([
                ViewChange::Organisation(Some("Meta".into())),
                ViewChange::Country(Some("France".into())),
            ]),
            default_with(|s| {
                s.filters.organisation = Some("Meta".into());
                s.filters.country = Some("France".into());
            })
        );
        assert_eq!(
            applied([
                ViewChange::Memory(MemoryGb::whole(80)),
                ViewChange::Precision(Precision::Bits16),
            ]),
            default_with(|s| {
                s.budget.memory = MemoryGb::whole(80);
                s.budget.precision = Precision::Bits16;
            })
        );
    }

    #[test]
    fn toggles_add_then_remove() {
        let once = applied([
            ViewChange::ToggleLicence(LicenceClass::Permissive),
            ViewChange::ToggleSize(SizePreset::Small),
            ViewChange::ToggleNeed(Need::ALL[0]),
            ViewChange::ToggleFits,
        ]);
        assert_eq!(
            once.filters.licences,
            BTreeSet::from([LicenceClass::Permissive])
        );
        assert_eq!(once.filters.sizes, BTreeSet::from([SizePreset::Small]));
        assert_eq!(once.filters.needs, BTreeSet::from([Need::ALL[0]]));
        assert!(once.filters.fits);

        let mut twice = once;
        for change in [
            ViewChange::ToggleLicence(LicenceClass::Permissive),
            ViewChange::ToggleSize(SizePreset::Small),
            ViewChange::ToggleNeed(Need::ALL[0]),
            ViewChange::ToggleFits,
        ] {
            twice.apply(change);
        }
        assert_eq!(twice, ViewState::default());
    }

    #[test]
    fn clearing_filters_keeps_sort_comparison_and_budget() {
        let mut state = applied([
            ViewChange::Sort(SortKey::Name),
            ViewChange::ToggleCompare(slug("yi")),
            ViewChange::Memory(MemoryGb::whole(16)),
            ViewChange::Query("7b".into()),
            ViewChange::ToggleLicence(LicenceClass::Permissive),
            ViewChange::Organisation(Some("Meta".into())),
            ViewChange::ToggleFits,
        ]);
        state.apply(ViewChange::ClearFilters);
        assert_eq!(state.filters, Filters::default());
        assert_eq!(state.sort, SortKey::Name);
        assert_eq!(state.compare, [slug("yi")]);
        assert_eq!(state.budget.memory, MemoryGb::whole(16));
    }

    #[test]
    fn comparing_a_fourth_family_drops_the_first_picked_and_clear_empties() {
        let mut state = applied(
            ["llama-2", "mistral-7b", "yi", "falcon"].map(|id| ViewChange::ToggleCompare(slug(id))),
        );
        assert_eq!(state.compare, ["mistral-7b", "yi", "falcon"].map(slug));
        state.apply(ViewChange::ToggleCompare(slug("yi")));
        assert_eq!(state.compare, ["mistral-7b", "falcon"].map(slug));
        state.apply(ViewChange::ClearCompare);
        assert!(state.compare.is_empty());
    }

    #[test]
    fn only_typing_replaces_the_history_entry() {
        let before = applied([ViewChange::Query("mis".into())]);
        let mut typed = before.clone();
        typed.apply(ViewChange::Query("mistral".into()));
        assert_eq!(typed.history_step(&before), HistoryStep::Replace);
        // the same view again (e.g. re-selecting the current sort) is not a new entry either
        assert_eq!(before.history_step(&before), HistoryStep::Replace);

        for change in [
            ViewChange::Sort(SortKey::Tokens),
            ViewChange::Direction(Direction::Descending),
            ViewChange::ToggleLicence(LicenceClass::Permissive),
            ViewChange::Country(Some("China".into())),
            ViewChange::ToggleCompare(slug("yi")),
            ViewChange::Memory(MemoryGb::whole(8)),
            ViewChange::ToggleFits,
        ] {
            let mut after = before.clone();
            after.apply(change.clone());
            assert_eq!(after.history_step(&before), HistoryStep::Push, "{change:?}");
            // a change made while typing is still its own step
            let mut typed_too = after.clone();
            typed_too.apply(ViewChange::Query("mistral 7b".into()));
            assert_eq!(
                typed_too.history_step(&before),
                HistoryStep::Push,
                "{change:?}"
            );
        }
    }

    #[test]
    fn direction_keys_round_trip() {
        for direction in [Direction::Ascending, Direction::Descending] {
            assert_eq!(Direction::from_key(direction.key()), Some(direction));
        }
        assert_eq!(Direction::from_key("down"), None);
    }
}
