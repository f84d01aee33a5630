use proptest::prelude::*;

use super::select::*;
use super::state::*;
use super::*;
use crate::content::{parse_json, Models, Status};
use crate::content::{Family, LicenceClass, Slug};
use crate::format::{format_context, format_gb, format_params};
use crate::memory::weight_memory_gb;

fn shipped() -> Vec<Family> {
    parse_json::<Models>(
        "models.json",
        include_str!("../../../../content/models.json"),
    )
    .unwrap()
    .families
}

fn shipped_bundle() -> crate::content::Bundle {
    crate::content::assemble_bundle(crate::content::SHIPPED).unwrap()
}

fn names(families: &[Family], indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| families[i].id.to_string())
        .collect()
}

/// A copy of `base` with another id, name and largest size.
fn variant_of(base: &Family, id: &str, params: Option<f64>) -> Family {
    let mut family = base.clone();
    family.id = id.parse().unwrap();
    family.name = id.to_uppercase();
    family.variants.truncate(1);
    family.variants[0].params_b.value = params;
    family.variants[0].params_b.status = if params.is_some() {
        Status::Disclosed
    } else {
        Status::NotDisclosed
    };
    family
}

/// Filtering before sorting (and the prebuilt search texts) gives what sorting everything and then
/// filtering gives.
#[test]
fn visible_is_the_sorted_order_filtered() {
    let bundle = shipped_bundle();
    let families = bundle.models.families.clone();
    let queries = ["", "llama", "apache", "  7b  ", "no such model"];
    for key in SortKey::ALL {
        for direction in [Direction::Ascending, Direction::Descending] {
            for query in queries {
                let mut state = ViewState {
                    sort: key,
                    direction,
                    ..Default::default()
                };
                state.filters.query = query.to_owned();
                let expected: Vec<usize> = sort_indices(&families, key, direction)
                    .into_iter()
                    .filter(|&i| matches(&families[i], &state.filters))
                    .collect();
                assert_eq!(
                    CardIndex::new(&bundle).visible(&families, &state),
                    expected,
                    "{key:?} {direction:?} {query:?}"
                );
            }
        }
    }
}

#[test]
fn the_first_cards_are_capped_and_the_rest_counted() {
    let visible: Vec<usize> = (0..60).rev().collect();
    let (shown, more) = first_cards(&visible, CARDS_PER_PAGE);
    assert_eq!(shown, &visible[..CARDS_PER_PAGE]);
    assert_eq!(more, 60 - CARDS_PER_PAGE);
    let (shown, more) = first_cards(&visible, 2 * CARDS_PER_PAGE + 5);
    assert_eq!(shown.len(), 2 * CARDS_PER_PAGE + 5);
    assert_eq!(more, 60 - 2 * CARDS_PER_PAGE - 5);
    // Fewer than a page: all of them, in the given (sorted) order, nothing waiting.
    let (shown, more) = first_cards(&[4, 1, 3], CARDS_PER_PAGE);
    assert_eq!((shown, more), (&[4, 1, 3][..], 0));
    assert_eq!(first_cards(&[], CARDS_PER_PAGE), (&[][..], 0));
}

#[test]
fn sorts_the_shipped_families_by_each_key() {
    let families = shipped();
    let by = |key, dir| names(&families, &sort_indices(&families, key, dir));
    assert_eq!(
        by(SortKey::Release, Direction::Ascending),
        ["falcon", "llama-2", "mistral-7b", "yi", "solar-10-7b"]
    );
    assert_eq!(by(SortKey::Params, Direction::Descending)[0], "falcon");
    assert_eq!(
        by(SortKey::Name, Direction::Ascending),
        ["falcon", "llama-2", "mistral-7b", "solar-10-7b", "yi"]
    );
    // Mistral 7B and SOLAR do not disclose training tokens: last in both directions.
    for dir in [Direction::Ascending, Direction::Descending] {
        let order = by(SortKey::Tokens, dir);
        assert_eq!(&order[3..], ["mistral-7b", "solar-10-7b"], "{dir:?}");
    }
    assert_eq!(by(SortKey::Context, Direction::Descending)[0], "mistral-7b");
}

#[test]
fn missing_values_sort_last_and_ties_keep_file_order() {
    let base = &shipped()[0];
    let families = vec![
        variant_of(base, "a", Some(7.0)),
        variant_of(base, "b", None),
        variant_of(base, "c", Some(7.0)),
        variant_of(base, "d", Some(70.0)),
    ];
    let order = |dir| names(&families, &sort_indices(&families, SortKey::Params, dir));
    assert_eq!(order(Direction::Ascending), ["a", "c", "d", "b"]);
    assert_eq!(order(Direction::Descending), ["d", "a", "c", "b"]);
}

#[test]
fn filters_combine() {
    let families = shipped();
    let count = |filters: Filters| families.iter().filter(|f| matches(f, &filters)).count();
    assert_eq!(count(Filters::default()), 5);
    let permissive = Filters {
        licences: [LicenceClass::Permissive].into(),
        ..Filters::default()
    };
    // Mistral 7B, SOLAR and Falcon (7B/40B) have Apache-2.0 variants.
    assert_eq!(count(permissive.clone()), 3);
    let permissive_large = Filters {
        sizes: [SizePreset::Large].into(),
        ..permissive
    };
    assert_eq!(
        count(permissive_large),
        1,
        "only Falcon has a large variant and a permissive one"
    );
    let query = Filters {
        query: "  ApAcHe  FRANCE ".into(),
        ..Filters::default()
    };
    assert_eq!(count(query), 1);
    let country = Filters {
        country: Some("France".into()),
        ..Filters::default()
    };
    assert_eq!(count(country), 1);
    let nothing = Filters {
        organisation: Some("Nobody".into()),
        ..Filters::default()
    };
    assert_eq!(count(nothing), 0);
}

#[test]
fn size_presets_have_no_gaps_or_overlaps() {
    for params in [0.5, 7.0, 8.0, 8.01, 13.0, 40.0, 40.5, 180.0] {
        let hits = SizePreset::ALL
            .iter()
            .filter(|p| p.contains(params))
            .count();
        assert_eq!(hits, 1, "{params}");
    }
}

#[test]
fn weight_memory_is_params_times_bytes() {
    assert_eq!(weight_memory_gb(7.0, 2.0), 14.0);
    assert_eq!(weight_memory_gb(70.0, 0.5), 35.0);
    assert_eq!(format_gb(14.0), "14 GB");
    assert_eq!(format_gb(3.65), "3.6 GB");
    assert_eq!(format_gb(5.35), "5.3 GB");
    assert_eq!(format_gb(0.65), "0.65 GB");
    assert_eq!(format_context(4096), "4K");
    assert_eq!(format_context(2000), "2000");
    assert_eq!(format_params(2000.0), "2T");
}

#[test]
fn comparison_marks_rows_that_differ() {
    let families = shipped();
    let picked: Vec<&Family> = families
        .iter()
        .filter(|f| ["llama-2", "yi"].contains(&f.id.as_str()))
        .collect();
    let rows = comparison(&picked);
    let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap();
    assert!(row("Developer").differs);
    assert!(!row("Context length").differs, "both are 4K");
    assert_eq!(row("Sizes").values[0], "7B / 13B / 70B");
    let bundle = shipped_bundle();
    let benchmarks = bundle.benchmarks;
    let markdown = comparison_markdown(&picked, &benchmarks, &bundle.licences);
    assert!(markdown.starts_with("| | Llama 2 | Yi |\n|---|---|---|\n| Developer |"));
    let bench_rows = benchmark_comparison(&picked, &benchmarks);
    let licence_rows = licence_comparison(&picked, &bundle.licences);
    assert_eq!(
        markdown.lines().count(),
        2 + rows.len() + licence_rows.len() + bench_rows.len()
    );
    assert!(markdown.contains("| Commercial use |"));
    assert!(
        rows.iter().all(|r| !r.label.contains("enchmark")),
        "no mixed-measure row"
    );
}

#[test]
fn any_two_families_compare_on_at_least_one_measure_taken_the_same_way() {
    let bundle = shipped_bundle();
    let families = &bundle.models.families;
    for (i, a) in families.iter().enumerate() {
        for b in families.iter().skip(i + 1) {
            let rows = benchmark_comparison(&[a, b], &bundle.benchmarks);
            assert!(!rows.is_empty(), "{} vs {}", a.name, b.name);
            for row in &rows {
                // Every number in a line comes from one suite, and each family has one.
                let suite = bundle
                    .benchmarks
                    .suites
                    .iter()
                    .find(|s| s.name == row.suite)
                    .unwrap();
                for (family, cell) in [a, b].iter().zip(&row.cells) {
                    assert!(!cell.is_empty());
                    for number in cell {
                        let result = bundle
                            .benchmarks
                            .results
                            .iter()
                            .find(|r| r.anchor() == number.anchor)
                            .unwrap();
                        assert_eq!((&result.suite, &result.family), (&suite.id, &family.id));
                    }
                }
            }
        }
    }
    // Llama 2 and Falcon meet in the leaderboard and in Meta's own table.
    let llama = &families[0];
    let falcon = families.iter().find(|f| f.id.as_str() == "falcon").unwrap();
    let suites: std::collections::BTreeSet<String> =
        benchmark_comparison(&[llama, falcon], &bundle.benchmarks)
            .into_iter()
            .map(|r| r.suite)
            .collect();
    assert_eq!(suites.len(), 2, "{suites:?}");
}

#[test]
fn csv_has_one_row_per_variant_and_quotes_commas() {
    let families = shipped();
    let all: Vec<&Family> = families.iter().collect();
    let csv = to_csv(&all);
    let variants: usize = families.iter().map(|f| f.variants.len()).sum();
    assert_eq!(csv.lines().count(), 1 + variants);
    let mut odd = families[0].clone();
    odd.name = "Llama, \"two\"".into();
    let quoted = to_csv(&[&odd]);
    assert!(
        quoted
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("\"Llama, \"\"two\"\"\","),
        "{quoted}"
    );
    let json: serde_json::Value = serde_json::from_str(&to_json(&all)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), families.len());
}

#[test]
fn toggling_compare_keeps_at_most_three() {
    let mut state = ViewState::default();
    for id in ["a", "b", "c", "d"] {
        state.toggle_compare(&id.parse().unwrap());
    }
    assert_eq!(
        state.compare.iter().map(Slug::as_str).collect::<Vec<_>>(),
        ["b", "c", "d"]
    );
    state.toggle_compare(&"c".parse().unwrap());
    assert_eq!(state.compare.len(), 2);
}

proptest! {
    #[test]
    fn sorting_is_a_stable_permutation(
        sizes in proptest::collection::vec(proptest::option::of(prop_oneof![Just(7.0), Just(13.0), Just(70.0), 0.1f64..500.0]), 0..12),
        descending in any::<bool>(),
    ) {
        let base = shipped().remove(0);
        let families: Vec<Family> = sizes
            .iter()
            .enumerate()
            .map(|(i, p)| variant_of(&base, &format!("f{i}"), *p))
            .collect();
        let dir = if descending { Direction::Descending } else { Direction::Ascending };
        let order = sort_indices(&families, SortKey::Params, dir);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..families.len()).collect::<Vec<_>>(), "a permutation");
        for pair in order.windows(2) {
            let (a, b) = (sizes[pair[0]], sizes[pair[1]]);
            match (a, b) {
                (Some(a), Some(b)) => {
                    let in_order = if descending { a >= b } else { a <= b };
                    prop_assert!(in_order);
                    if a == b { prop_assert!(pair[0] < pair[1], "ties keep file order"); }
                }
                (None, Some(_)) => prop_assert!(false, "missing values come last"),
                (None, None) => prop_assert!(pair[0] < pair[1], "ties keep file order"),
                (Some(_), None) => {}
            }
        }
    }
}
