//! The comparison's licence rows: each clause of the picked families' licences in plain words,
//! so "differs" shows where the terms part ways.

use super::ComparisonRow;
use crate::content::{Family, Licences};
use crate::terms::{clause_rows, ClauseKind, NOT_READ};

/// One row per clause. A family whose variants come under several licences shows each distinct
/// phrase once, joined by " / "; a licence whose text was not read says so.
pub fn licence_comparison(families: &[&Family], licences: &Licences) -> Vec<ComparisonRow> {
    ClauseKind::ALL
        .iter()
        .enumerate()
        .map(|(at, kind)| {
            let values: Vec<String> = families
                .iter()
                .map(|family| {
                    let mut phrases: Vec<String> = Vec::new();
                    for variant in &family.variants {
                        let phrase = variant
                            .licence
                            .value
                            .as_ref()
                            .and_then(|l| licences.get(&l.terms))
                            .and_then(|entry| clause_rows(&entry.clauses).into_iter().nth(at))
                            .map_or_else(|| NOT_READ.to_owned(), |row| row.plain);
                        if !phrases.contains(&phrase) {
                            phrases.push(phrase);
                        }
                    }
                    phrases.join(" / ")
                })
                .collect();
            let differs = values.iter().skip(1).any(|v| Some(v) != values.first());
            ComparisonRow {
                label: kind.label(),
                values,
                differs,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    #[test]
    fn llama_and_mistral_differ_on_the_user_cap() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let families: Vec<&Family> = ["llama-2", "mistral-7b"]
            .iter()
            .map(|id| bundle.models.family(&id.parse().unwrap()).unwrap())
            .collect();
        let rows = licence_comparison(&families, &bundle.licences);
        assert_eq!(rows.len(), ClauseKind::ALL.len());
        let cap = rows
            .iter()
            .find(|r| r.label == ClauseKind::UserCap.label())
            .unwrap();
        assert!(cap.differs, "{cap:?}");
        assert!(cap.values[0].contains("700"), "{cap:?}");
    }
}
