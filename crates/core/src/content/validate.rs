//! Invariants that types alone cannot state: provenance is consistent, ids are unique, references
//! resolve, and every note, heading and image the content names exists in the article. Errors name
//! the file the author edits, not the bundle. One file per content file under `validate/`.

mod article;
mod benchmarks;
mod followups;
mod models;
mod releases;

pub use super::coverage::validate_not_after;
use super::errors::Errors;
use super::files::{ARTICLE_FILE, MODELS_FILE};
use super::render::RenderedArticle;
use super::{Bundle, ContentError};

/// Checks every invariant; returns all problems found.
pub fn validate_bundle(bundle: &Bundle) -> Result<(), Vec<ContentError>> {
    validate_rendered(bundle, &RenderedArticle::new(bundle))
}

/// [`validate_bundle`] for a caller that has already rendered the article with its notes (the
/// app does, once, at start-up).
pub fn validate_rendered(
    bundle: &Bundle,
    rendered: &RenderedArticle,
) -> Result<(), Vec<ContentError>> {
    let mut errors = Errors(Vec::new());
    let families = &bundle.models.families;

    errors.text(ARTICLE_FILE, "front matter: title", &bundle.article.title);
    if families.is_empty() {
        errors.push(MODELS_FILE, "families", "must list at least one family");
    }
    for (f, family) in families.iter().enumerate() {
        models::validate_family(&mut errors, &format!("families[{f}]"), family);
    }
    errors.unique(
        MODELS_FILE,
        families
            .iter()
            .enumerate()
            .map(|(f, family)| (format!("families[{f}].id"), family.id.as_str())),
    );
    errors.unique(
        MODELS_FILE,
        families.iter().enumerate().flat_map(|(f, family)| {
            family.variants.iter().enumerate().map(move |(v, variant)| {
                (
                    format!("families[{f}].variants[{v}].id"),
                    variant.id.as_str(),
                )
            })
        }),
    );

    article::validate_notes(&mut errors, bundle);
    article::validate_against_article(
        &mut errors,
        bundle,
        &rendered.document,
        &rendered.missing_anchors,
    );
    releases::validate_releases(&mut errors, bundle);
    followups::validate_followups(&mut errors, bundle);
    super::coverage::validate(&mut errors, bundle);
    super::claims::validate(&mut errors, bundle, &rendered.document);
    benchmarks::validate_benchmarks(&mut errors, bundle);
    super::licences::validate(&mut errors, bundle);
    super::architectures::validate(&mut errors, bundle);

    if errors.0.is_empty() {
        Ok(())
    } else {
        Err(errors.0)
    }
}
