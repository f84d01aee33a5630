use super::*;
use crate::content::{assemble_bundle, SHIPPED};

/// A tiny CSV reader for the tests: quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn every_value_carries_its_status_and_source() {
    let bundle = assemble_bundle(SHIPPED).unwrap();
    let families: Vec<&Family> = bundle.models.families.iter().collect();
    let rows = parse_csv(&models_csv(&families));
    let header = rows.first().unwrap();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let variants: usize = families.iter().map(|f| f.variants.len()).sum();
    assert_eq!(rows.len(), 1 + variants);
    for row in rows.iter().skip(1) {
        assert_eq!(row.len(), header.len());
        assert!(
            row[at("params_b_source")].starts_with("https://"),
            "{row:?}"
        );
        assert!(["disclosed", "estimated", "derived", "not_disclosed"]
            .contains(&row[at("params_b_status")].as_str()));
        assert!(!row[at("licence_terms")].is_empty());
    }
}

#[test]
fn the_data_folder_has_each_table_in_both_formats() {
    let bundle = assemble_bundle(SHIPPED).unwrap();
    let files = data_files(&bundle);
    assert_eq!(files.len(), 2 * (3 + bundle.benchmarks.suites.len()));
    for file in &files {
        if file.path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&file.text)
                .unwrap_or_else(|e| panic!("{}: {e}", file.path));
        } else {
            let rows = parse_csv(&file.text);
            let width = rows.first().unwrap().len();
            assert!(rows.iter().all(|r| r.len() == width), "{}", file.path);
        }
    }
    let releases = parse_csv(&releases_csv(&bundle));
    assert_eq!(releases.len(), 1 + bundle.followups.releases.len());
    let clauses = parse_csv(&licences_csv(&bundle.licences));
    assert_eq!(clauses.len(), 1 + 8 * bundle.licences.licences.len());
}

#[test]
fn the_citation_names_title_as_of_date_and_address() {
    let bundle = assemble_bundle(SHIPPED).unwrap();
    let cite = citation(&bundle, Some("https://example.org/llm-watch/"));
    assert!(cite.contains(&bundle.article.title));
    assert!(cite.contains(&bundle.followups.as_of.human()));
    assert!(cite.ends_with("https://example.org/llm-watch/"));
    assert!(citation(&bundle, None).contains("address of this page"));
}
