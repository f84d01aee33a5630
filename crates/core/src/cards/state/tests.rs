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
