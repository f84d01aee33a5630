use proptest::prelude::*;

use super::*;
use crate::cards::state::Filters;
use crate::content::{LicenceClass, Slug};
use crate::memory::{Budget, MemoryGb, Precision};
use crate::terms::Need;

#[test]
fn default_view_is_an_empty_query_and_junk_is_ignored() {
    assert_eq!(to_query(&ViewState::default()), "");
    let state = from_query(
        "?sort=nope&dir=sideways&licence=free,permissive&size=huge&compare=Bad_Id,yi,yi&x=1",
    );
    assert_eq!(state.sort, SortKey::Release);
    assert_eq!(state.direction, Direction::Ascending);
    assert_eq!(state.filters.licences, [LicenceClass::Permissive].into());
    assert!(state.filters.sizes.is_empty());
    assert_eq!(state.compare, vec!["yi".parse::<Slug>().unwrap()]);
}

#[test]
fn a_shared_url_reads_back() {
    let state = from_query("sort=params&dir=desc&licence=permissive&org=Mistral+AI&size=small,large&q=apache%202&compare=llama-2,yi");
    assert_eq!(state.sort, SortKey::Params);
    assert_eq!(state.direction, Direction::Descending);
    assert_eq!(state.filters.organisation.as_deref(), Some("Mistral AI"));
    assert_eq!(state.filters.query, "apache 2");
    assert_eq!(
        state.filters.sizes,
        [SizePreset::Small, SizePreset::Large].into()
    );
    assert_eq!(from_query(&to_query(&state)), state);
}

fn any_state() -> impl Strategy<Value = ViewState> {
    (
        0..SortKey::ALL.len(),
        any::<bool>(),
        proptest::collection::btree_set(0..3usize, 0..3),
        proptest::option::of("\\PC{0,12}"),
        proptest::option::of("[A-Za-z &é]{1,10}"),
        proptest::collection::btree_set(0..3usize, 0..3),
        "\\PC{0,16}",
        proptest::collection::vec("[a-z]{1,6}", 0..3),
        (
            proptest::collection::btree_set(0..3usize, 0..3),
            any::<bool>(),
            1..=crate::memory::MAX_GB,
            0..3usize,
        ),
    )
        .prop_map(
            |(
                sort,
                desc,
                licences,
                org,
                country,
                sizes,
                query,
                compare,
                (needs, fits, memory, bits),
            )| {
                let mut state = ViewState {
                    sort: SortKey::ALL[sort],
                    direction: if desc {
                        Direction::Descending
                    } else {
                        Direction::Ascending
                    },
                    filters: Filters {
                        licences: licences.into_iter().map(|i| LicenceClass::ALL[i]).collect(),
                        organisation: org.filter(|o| !o.is_empty()),
                        country,
                        sizes: sizes.into_iter().map(|i| SizePreset::ALL[i]).collect(),
                        query,
                        needs: needs.into_iter().map(|i| Need::ALL[i]).collect(),
                        fits,
                    },
                    compare: Vec::new(),
                    budget: Budget {
                        memory: MemoryGb::whole(memory),
                        precision: Precision::ALL[bits],
                    },
                };
                for id in compare {
                    let id: Slug = id.parse().unwrap();
                    if !state.compare.contains(&id) {
                        state.compare.push(id);
                    }
                }
                state
            },
        )
}

proptest! {
    #[test]
    fn every_view_round_trips_through_the_url(state in any_state()) {
        prop_assert_eq!(from_query(&to_query(&state)), state);
    }
}
