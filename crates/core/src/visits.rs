//! "New since your last visit": what the reader had seen (release ids and note revisions, with
//! the day), kept by the browser, compared with the content now. Pure, so the rule is tested
//! natively; the app only reads and writes the stored text.

use serde::{Deserialize, Serialize};

use crate::content::{Bundle, Date};

/// The storage key; the value is [`Seen`] as JSON.
pub const STORAGE_KEY: &str = "llm-watch:seen";

/// What a visit saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    /// The visit's day, `YYYY-MM-DD` in the reader's calendar.
    pub visited: Date,
    pub releases: Vec<String>,
    /// `note-id@YYYY-MM-DD`: a revised note counts as new.
    pub notes: Vec<String>,
}

impl Seen {
    /// What the content holds now, seen on `today`.
    pub fn of(bundle: &Bundle, today: Date) -> Self {
        Seen {
            visited: today,
            releases: bundle
                .followups
                .releases
                .iter()
                .map(|r| r.id.to_string())
                .collect(),
            notes: bundle
                .notes
                .notes
                .iter()
                .map(|n| format!("{}@{}", n.id, n.revised))
                .collect(),
        }
    }

    /// The stored text, or `None` for anything unreadable (then the visit counts as a first one).
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What was added since the last visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSince {
    pub visited: Date,
    pub releases: Vec<String>,
    /// Note ids whose revision is new.
    pub notes: Vec<String>,
}

impl NewSince {
    pub fn is_empty(&self) -> bool {
        self.releases.is_empty() && self.notes.is_empty()
    }

    pub fn has_release(&self, id: &str) -> bool {
        self.releases.iter().any(|r| r == id)
    }

    /// "3 releases and 1 note revision added since your visit on 2 March 2026."
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        let n = self.releases.len();
        if n > 0 {
            parts.push(format!("{n} release{}", if n == 1 { "" } else { "s" }));
        }
        let n = self.notes.len();
        if n > 0 {
            parts.push(format!(
                "{n} editor's-note revision{}",
                if n == 1 { "" } else { "s" }
            ));
        }
        format!(
            "{} added since your visit on {}.",
            parts.join(" and "),
            self.visited.human()
        )
    }
}

/// What is new compared with `previous`; `None` on a first visit (nothing stored) or when
/// nothing changed.
pub fn new_since(previous: Option<&Seen>, bundle: &Bundle) -> Option<NewSince> {
    let previous = previous?;
    let now = Seen::of(bundle, previous.visited);
    let new = NewSince {
        visited: previous.visited,
        releases: now
            .releases
            .into_iter()
            .filter(|id| !previous.releases.contains(id))
            .collect(),
        notes: now
            .notes
            .into_iter()
            .filter(|rev| !previous.notes.contains(rev))
            .filter_map(|rev| rev.split_once('@').map(|(id, _)| id.to_owned()))
            .collect(),
    };
    (!new.is_empty()).then_some(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_first_visit_marks_nothing_and_an_unchanged_one_neither() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        assert_eq!(new_since(None, &bundle), None);
        let seen = Seen::of(&bundle, day("2026-03-02"));
        assert_eq!(new_since(Some(&seen), &bundle), None);
        // What is stored reads back the same; anything else counts as no visit.
        assert_eq!(Seen::parse(&seen.to_json()), Some(seen));
        assert_eq!(Seen::parse("{\"visited\":1}"), None);
        assert_eq!(Seen::parse("not json"), None);
    }

    #[test]
    fn a_release_added_and_a_note_revised_since_are_named_with_the_visits_day() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let mut seen = Seen::of(&bundle, day("2026-03-02"));
        let added = seen.releases.pop().unwrap();
        let mut later = bundle.clone();
        later.notes.notes[0].revised = day("2026-11-30");
        let new = new_since(Some(&seen), &later).unwrap();
        assert_eq!(new.releases, std::slice::from_ref(&added));
        assert!(new.has_release(&added));
        assert_eq!(new.notes, [later.notes.notes[0].id.to_string()]);
        assert_eq!(
            new.sentence(),
            "1 release and 1 editor's-note revision added since your visit on 2 March 2026."
        );
    }
}
