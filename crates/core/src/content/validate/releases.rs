//! `releases.csv` and its meta file: dates, sources and the window the chart counts.

use std::collections::HashSet;

use crate::content::errors::{positive, Errors};
use crate::content::files::{MODELS_FILE, RELEASES_FILE, RELEASES_META_FILE};
use crate::content::Bundle;

pub(super) fn validate_releases(errors: &mut Errors, bundle: &Bundle) {
    let meta = &bundle.releases.meta;
    for (field, value) in [
        ("title", &meta.title),
        ("summary", &meta.summary),
        ("inclusion", &meta.inclusion),
        ("date_rule", &meta.date_rule),
        ("open_weights_rule", &meta.open_weights_rule),
    ] {
        errors.text(RELEASES_META_FILE, field, value);
    }
    errors.text(RELEASES_META_FILE, "after_last_year", &meta.after_last_year);
    if meta.first_year > meta.last_year {
        errors.push(
            RELEASES_META_FILE,
            "first_year",
            format!("{} is after last_year {}", meta.first_year, meta.last_year),
        );
    }
    let rows = &bundle.releases.rows;
    if rows.is_empty() {
        errors.push(RELEASES_FILE, "", "has no rows");
    }
    let mut seen = HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        // Row r is on line r + 2: line 1 is the header.
        let at = format!("line {}", r + 2);
        errors.text(RELEASES_FILE, format!("{at}: model"), &row.model);
        let year = row.release_date.year;
        if !(meta.first_year..=meta.last_year).contains(&year) {
            errors.push(
                RELEASES_FILE,
                format!("{at}: release_date"),
                format!(
                    "{} is outside the years the inclusion rule covers ({}–{}, {RELEASES_META_FILE})",
                    row.release_date, meta.first_year, meta.last_year
                ),
            );
        }
        errors.text(
            RELEASES_FILE,
            format!("{at}: organisation"),
            &row.organisation,
        );
        if let Some(params) = &row.params_b {
            if let Some(message) = positive(params) {
                errors.push(RELEASES_FILE, format!("{at}: params_b"), message);
            }
        }
        for (column, family) in [("family", &row.family), ("successor_of", &row.successor_of)] {
            if let Some(family) = family {
                if !bundle.models.families.iter().any(|f| &f.id == family) {
                    errors.push(
                        RELEASES_FILE,
                        format!("{at}: {column}"),
                        format!("{:?} is not a family id in {MODELS_FILE}", family.as_str()),
                    );
                }
            }
        }
        if row.family.is_some() && row.successor_of.is_some() {
            errors.push(
                RELEASES_FILE,
                format!("{at}: successor_of"),
                "a row is either one of the article's families or a later release, not both",
            );
        }
        if !seen.insert((row.model.to_lowercase(), row.release_date)) {
            errors.push(
                RELEASES_FILE,
                format!("{at}: model"),
                format!("duplicate row for {:?} in {}", row.model, row.release_date),
            );
        }
    }
}
