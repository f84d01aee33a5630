//! `followups.json`: each later release falls in its family's window, in order, with a licence
//! exactly when its weights are open.

use crate::content::errors::Errors;
use crate::content::files::{FOLLOWUPS_FILE, MODELS_FILE};
use crate::content::{Access, Bundle, Date, FollowupKind, ReleaseDate, Slug};

/// Later releases: each belongs to a family, falls between the article and its family's
/// `checked_to`, is listed oldest first within its family, and has a licence exactly when its
/// weights are open.
pub(super) fn validate_followups(errors: &mut Errors, bundle: &Bundle) {
    let file = FOLLOWUPS_FILE;
    let followups = &bundle.followups;
    let article_date = bundle.article.date;
    if followups.as_of < article_date {
        errors.push(
            file,
            "as_of",
            format!(
                "{} is before the article's date {article_date}",
                followups.as_of
            ),
        );
    }
    errors.unique(
        file,
        followups
            .releases
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("releases[{i}].id"), r.id.as_str())),
    );
    let in_window = |date: &ReleaseDate, checked_to: Option<Date>, past: bool| -> Option<String> {
        let (year, month, day) = date.sort_key();
        let after = match date {
            ReleaseDate::Day(_) => {
                (year, month, day) > (article_date.year, article_date.month, article_date.day)
            }
            ReleaseDate::Month(_) => (year, month) >= (article_date.year, article_date.month),
        };
        // A family without a coverage entry is reported by the coverage checks.
        let before = checked_to.is_none_or(|to| match date {
            ReleaseDate::Day(_) => (year, month, day) <= (to.year, to.month, to.day),
            ReleaseDate::Month(_) => (year, month) <= (to.year, to.month),
        });
        if !after {
            Some(format!(
                "{date} is not after the article's date {article_date}"
            ))
        } else if !before && !past {
            Some(format!(
                "{date} is after its family's checked_to {}: the list is complete only to that day (set \"past_checked_to\": true to show it as found later, outside the counts)",
                checked_to.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else if before && past && checked_to.is_some() {
            Some(format!(
                "{date} is marked past_checked_to but falls within its family's checked_to {}",
                checked_to.map(|d| d.to_string()).unwrap_or_default()
            ))
        } else {
            None
        }
    };
    // The last dated release seen per family, to check the file lists each family oldest first.
    let mut last: Vec<(&Slug, (u16, u8, u8), usize)> = Vec::new();
    for (i, release) in followups.releases.iter().enumerate() {
        let at = format!("releases[{i}]");
        errors.text(file, format!("{at}.name"), &release.name);
        if !bundle
            .models
            .families
            .iter()
            .any(|f| f.id == release.family)
        {
            errors.push(
                file,
                format!("{at}.family"),
                format!(
                    "{:?} is not a family id in {MODELS_FILE}",
                    release.family.as_str()
                ),
            );
        }
        let checked_to = followups.coverage_of(&release.family).map(|c| c.checked_to);
        errors.sourced_in(file, &format!("{at}.date"), &release.date, |date| {
            in_window(date, checked_to, release.past_checked_to)
        });
        if let Some(note) = &release.date_note {
            errors.text(file, format!("{at}.date_note"), note);
        }
        errors.sourced_in(file, &format!("{at}.access"), &release.access, |_| None);
        errors.sourced_in(file, &format!("{at}.sizes"), &release.sizes, |sizes| {
            sizes.iter().find_map(|size| {
                let bad = |v: Option<f64>| v.is_some_and(|v| !(v.is_finite() && v > 0.0));
                if size.label.trim().is_empty() {
                    Some("every size needs a label".to_owned())
                } else if bad(size.total_b) || bad(size.active_b) {
                    Some(format!("{}: parameter counts must be positive", size.label))
                } else if matches!((size.total_b, size.active_b), (Some(t), Some(a)) if a > t) {
                    Some(format!("{}: more active than total parameters", size.label))
                } else {
                    None
                }
            })
        });
        match (&release.licence, release.access.value) {
            (Some(licence), _) => {
                errors.sourced_in(file, &format!("{at}.licence"), licence, |l| {
                    l.name
                        .trim()
                        .is_empty()
                        .then(|| "the licence needs a name".to_owned())
                });
                if release.access.value == Some(Access::ApiOnly) {
                    errors.push(
                        file,
                        format!("{at}.licence"),
                        "an API-only release has no weights licence; remove it",
                    );
                }
            }
            (None, Some(Access::OpenWeights)) => errors.push(
                file,
                format!("{at}.licence"),
                "open weights need their licence (name, class, url) and its source",
            ),
            (None, _) => {
                if release.kind == FollowupKind::LicenceChange {
                    errors.push(
                        file,
                        format!("{at}.licence"),
                        "a licence change needs the new licence",
                    );
                }
            }
        }
        if let Some(context) = &release.context_length {
            errors.sourced_in(file, &format!("{at}.context_length"), context, |tokens| {
                (*tokens == 0).then(|| "must be a positive number of tokens".to_owned())
            });
        }
        if let Some(date) = release.date.value {
            let key = date.sort_key();
            match last
                .iter_mut()
                .find(|(family, _, _)| **family == release.family)
            {
                Some((_, previous, previous_index)) => {
                    if key < *previous {
                        errors.push(
                            file,
                            format!("{at}.date"),
                            format!(
                                "{date} comes before releases[{previous_index}] of the same family; list each family's releases oldest first"
                            ),
                        );
                    }
                    *previous = key;
                    *previous_index = i;
                }
                None => last.push((&release.family, key, i)),
            }
        }
    }
}
