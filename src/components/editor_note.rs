//! An editor's note: visibly not the author's words, always with its sources.

use leptos::prelude::*;
use llm_watch_core::content::EditorNote;

use super::sourced_value::SourceList;

/// One note, rendered beside the paragraph it corrects.
#[component]
pub fn EditorNoteView(
    /// The note.
    note: EditorNote,
    /// The note's body, already rendered from its Markdown by the caller (the article, with the
    /// same embeds as its own text).
    body: AnyView,
) -> impl IntoView {
    let sources = note
        .sources
        .iter()
        .map(|source| {
            let label = match &source.locator {
                Some(locator) => format!("{} ({locator})", source.title),
                None => source.title.clone(),
            };
            (label, source.url.to_string())
        })
        .collect();
    let heading_id = format!("note-{}-title", note.id);
    let labelled_by = heading_id.clone();
    view! {
        <aside class="editor-note" id=format!("note-{}", note.id) aria-labelledby=labelled_by>
            <p class="editor-note__kicker">"Editor's note"</p>
            <h3 class="editor-note__title" id=heading_id>{note.title.clone()}</h3>
            <div class="editor-note__body">{body}</div>
            <p class="editor-note__sources">
                "Sources: "
                <SourceList sources=sources />
            </p>
        </aside>
    }
}
