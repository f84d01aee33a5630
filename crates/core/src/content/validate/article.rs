//! The article and the content that points into it: headings, images and the editor's notes'
//! anchors must exist in the rendered article.

use crate::content::errors::Errors;
use crate::content::files::{ARTICLE_FILE, MODELS_FILE, NOTES_FILE, RELEASES_CHART_IMAGE};
use crate::content::Bundle;
use crate::markdown::Document;

/// Headings, images and note anchors named by the data must exist in the article.
pub(super) fn validate_against_article(
    errors: &mut Errors,
    bundle: &Bundle,
    document: &Document,
    missing_anchors: &[usize],
) {
    let headings: Vec<String> = document.toc().into_iter().map(|entry| entry.text).collect();
    for (f, family) in bundle.models.families.iter().enumerate() {
        if !headings.contains(&family.article_heading) {
            errors.push(
                MODELS_FILE,
                format!("families[{f}].article_heading"),
                format!("no heading {:?} in {ARTICLE_FILE}", family.article_heading),
            );
        }
    }
    for image in document.images() {
        let src = image
            .src
            .as_ref()
            .map(|url| url.href.as_str())
            .unwrap_or_default();
        let known = src == RELEASES_CHART_IMAGE
            || bundle
                .models
                .families
                .iter()
                .any(|family| family.article_image == src);
        if !known {
            errors.push(
                ARTICLE_FILE,
                format!("image {:?}", image.alt),
                format!("{src:?} is neither the releases chart ({RELEASES_CHART_IMAGE}) nor a family's article_image, so it would show as a broken image"),
            );
        }
    }
    for &n in missing_anchors {
        let anchor = bundle.notes.notes.get(n).map(|note| note.anchor.as_str());
        errors.push(
            NOTES_FILE,
            format!("notes[{n}].anchor"),
            format!(
                "{:?} does not occur in the text of {ARTICLE_FILE}",
                anchor.unwrap_or_default()
            ),
        );
    }
}

/// `editor-notes.json`: every note has a title, a body, sources and a revision date inside the
/// article's life; ids are unique and the report template is sound.
pub(super) fn validate_notes(errors: &mut Errors, bundle: &Bundle) {
    let notes = &bundle.notes.notes;
    for (n, note) in notes.iter().enumerate() {
        errors.text(NOTES_FILE, format!("notes[{n}].title"), &note.title);
        errors.text(NOTES_FILE, format!("notes[{n}].body"), &note.body);
        if note.revised > bundle.notes.reviewed || note.revised < bundle.article.date {
            errors.push(
                NOTES_FILE,
                format!("notes[{n}].revised"),
                format!(
                    "{} must fall between the article's date {} and the notes' reviewed date {}",
                    note.revised, bundle.article.date, bundle.notes.reviewed
                ),
            );
        }
        if note.sources.is_empty() {
            errors.push(
                NOTES_FILE,
                format!("notes[{n}].sources"),
                "every note needs at least one source",
            );
        }
    }
    errors.unique(
        NOTES_FILE,
        notes
            .iter()
            .enumerate()
            .map(|(n, note)| (format!("notes[{n}].id"), note.id.as_str())),
    );

    if let Some(problem) = bundle.notes.report.as_ref().and_then(|r| r.problem()) {
        errors.push(NOTES_FILE, "report.template", problem);
    }
}
