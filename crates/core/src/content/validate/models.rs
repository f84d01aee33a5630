//! `models.json`: each family's values are sourced and in range, and its variants' ids are sound.

use crate::content::errors::{positive, Errors};
use crate::content::files::MODELS_FILE;
use crate::content::Family;

pub(super) fn validate_family(errors: &mut Errors, at: &str, family: &Family) {
    errors.text(MODELS_FILE, format!("{at}.name"), &family.name);
    errors.text(MODELS_FILE, format!("{at}.summary"), &family.summary);
    errors.sourced(&format!("{at}.developer"), &family.developer, |v| {
        v.trim().is_empty().then(|| "must not be empty".into())
    });
    errors.sourced(&format!("{at}.country"), &family.country, |v| {
        v.trim().is_empty().then(|| "must not be empty".into())
    });
    errors.sourced(
        &format!("{at}.first_weights_date"),
        &family.first_weights_date,
        |_| None,
    );
    errors.sourced(&format!("{at}.paper"), &family.paper, |p| {
        p.title
            .trim()
            .is_empty()
            .then(|| "paper title must not be empty".into())
    });
    errors.sourced(&format!("{at}.architecture"), &family.architecture, |_| {
        None
    });
    errors.sourced(&format!("{at}.languages"), &family.languages, |v| {
        v.is_empty().then(|| "list at least one language".into())
    });
    errors.sourced(&format!("{at}.benchmark"), &family.benchmark, |b| {
        if !family
            .variants
            .iter()
            .any(|variant| variant.id == b.variant)
        {
            Some(format!(
                "variant {:?} is not one of this family's variants",
                b.variant.as_str()
            ))
        } else {
            positive(&b.score)
        }
    });
    if family.variants.is_empty() {
        errors.push(
            MODELS_FILE,
            format!("{at}.variants"),
            "must list at least one variant",
        );
    }
    for (v, variant) in family.variants.iter().enumerate() {
        let at = format!("{at}.variants[{v}]");
        errors.text(MODELS_FILE, format!("{at}.name"), &variant.name);
        let repo_ok = variant
            .hf_repo
            .split_once('/')
            .is_some_and(|(owner, name)| {
                let ok = |s: &str| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                };
                ok(owner) && ok(name)
            });
        if !repo_ok {
            errors.push(
                MODELS_FILE,
                format!("{at}.hf_repo"),
                format!(
                    "expected a Hugging Face repo id owner/name, got {:?}",
                    variant.hf_repo
                ),
            );
        }
        errors.sourced(&format!("{at}.weights_date"), &variant.weights_date, |_| {
            None
        });
        errors.sourced(&format!("{at}.params_b"), &variant.params_b, positive);
        errors.sourced(
            &format!("{at}.training_tokens_b"),
            &variant.training_tokens_b,
            positive,
        );
        errors.sourced(
            &format!("{at}.context_length"),
            &variant.context_length,
            |n| (*n == 0).then(|| "must be positive".into()),
        );
        errors.sourced(&format!("{at}.licence"), &variant.licence, |l| {
            l.name
                .trim()
                .is_empty()
                .then(|| "licence name must not be empty".into())
        });
    }
}
