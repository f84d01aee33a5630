//! The ledger of the article's claims: every checkable factual claim listed once with a verdict
//! and its evidence (an editor's note or primary sources), so a reader sees how much of the post
//! holds, not only the corrections.

use serde::{Deserialize, Serialize};

use std::collections::HashSet;

use super::errors::Errors;
use super::files::NOTES_FILE;
use super::{Bundle, Slug, Source, ARTICLE_FILE};
use crate::markdown::{plain_text, Document};

/// What reading the primary sources found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Holds,
    /// True, with a qualification a reader needs.
    Qualified,
    Wrong,
    /// No primary source can settle it (a forecast, an undisclosed number).
    Uncheckable,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Holds,
        Verdict::Qualified,
        Verdict::Wrong,
        Verdict::Uncheckable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Qualified => "holds with a qualification",
            Verdict::Wrong => "wrong",
            Verdict::Uncheckable => "cannot be checked",
        }
    }

    /// CSS modifier and URL-safe key.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::Qualified => "qualified",
            Verdict::Wrong => "wrong",
            Verdict::Uncheckable => "uncheckable",
        }
    }
}

/// One claim of the post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: Slug,
    /// Exact words of one paragraph or list item of the article, as rendered.
    pub anchor: String,
    /// The claim in a short sentence.
    pub claim: String,
    pub verdict: Verdict,
    /// The editor's note that discusses it (its sources are the evidence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Slug>,
    /// Primary sources; required when no note carries them.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Why this verdict, in a sentence or two.
    pub reason: String,
}

/// How many claims got each verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClaimCounts {
    pub holds: usize,
    pub qualified: usize,
    pub wrong: usize,
    pub uncheckable: usize,
}

impl ClaimCounts {
    pub fn of(claims: &[Claim]) -> Self {
        let mut counts = ClaimCounts::default();
        for claim in claims {
            *counts.slot(claim.verdict) += 1;
        }
        counts
    }

    fn slot(&mut self, verdict: Verdict) -> &mut usize {
        match verdict {
            Verdict::Holds => &mut self.holds,
            Verdict::Qualified => &mut self.qualified,
            Verdict::Wrong => &mut self.wrong,
            Verdict::Uncheckable => &mut self.uncheckable,
        }
    }

    pub fn get(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Holds => self.holds,
            Verdict::Qualified => self.qualified,
            Verdict::Wrong => self.wrong,
            Verdict::Uncheckable => self.uncheckable,
        }
    }

    pub fn total(&self) -> usize {
        self.holds + self.qualified + self.wrong + self.uncheckable
    }

    /// "31 claims checked: 14 hold, 9 hold with a qualification, 6 wrong, 2 cannot be checked."
    pub fn sentence(&self) -> String {
        let parts: Vec<String> = Verdict::ALL
            .into_iter()
            .map(|verdict| {
                let n = self.get(verdict);
                let label = match (verdict, n) {
                    (Verdict::Holds, 1) => "holds".to_owned(),
                    (Verdict::Holds, _) => "hold".to_owned(),
                    (Verdict::Qualified, 1) => "holds with a qualification".to_owned(),
                    (Verdict::Qualified, _) => "hold with a qualification".to_owned(),
                    (verdict, _) => verdict.label().to_owned(),
                };
                format!("{n} {label}")
            })
            .collect();
        let total = self.total();
        format!(
            "{total} claim{} checked: {}.",
            if total == 1 { "" } else { "s" },
            parts.join(", ")
        )
    }
}

/// Each claim names words that are in the article (so a reader can find it), evidence (a note
/// that exists, or sources), and a reason; ids and anchors are unique.
pub(super) fn validate(errors: &mut Errors, bundle: &Bundle, document: &Document) {
    let file = NOTES_FILE;
    let blocks: Vec<String> = document
        .blocks
        .iter()
        .map(|block| plain_text(std::slice::from_ref(block)))
        .collect();
    let mut anchors = HashSet::new();
    for (c, claim) in bundle.notes.claims.iter().enumerate() {
        let at = format!("claims[{c}]");
        errors.text(file, format!("{at}.claim"), &claim.claim);
        errors.text(file, format!("{at}.reason"), &claim.reason);
        if claim.anchor.trim().is_empty() {
            errors.push(file, format!("{at}.anchor"), "must not be empty");
        } else if !blocks.iter().any(|text| text.contains(&claim.anchor)) {
            errors.push(
                file,
                format!("{at}.anchor"),
                format!(
                    "{:?} does not occur in one paragraph or list item of {ARTICLE_FILE} (copy the words as the page shows them: typographic quotes, no ** or link brackets)",
                    claim.anchor
                ),
            );
        } else if !anchors.insert(claim.anchor.as_str()) {
            errors.push(
                file,
                format!("{at}.anchor"),
                format!(
                    "{:?} is the anchor of an earlier claim; list each claim once",
                    claim.anchor
                ),
            );
        }
        match &claim.note {
            Some(note) if !bundle.notes.notes.iter().any(|n| &n.id == note) => errors.push(
                file,
                format!("{at}.note"),
                format!("{:?} is not the id of a note in this file", note.as_str()),
            ),
            None if claim.sources.is_empty() => errors.push(
                file,
                format!("{at}.sources"),
                "a claim needs its evidence: the id of the editor's note that discusses it, or at least one source",
            ),
            _ => {}
        }
        for (s, source) in claim.sources.iter().enumerate() {
            errors.text(file, format!("{at}.sources[{s}].title"), &source.title);
        }
    }
    errors.unique(
        file,
        bundle
            .notes
            .claims
            .iter()
            .enumerate()
            .map(|(c, claim)| (format!("claims[{c}].id"), claim.id.as_str())),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(verdict: Verdict) -> Claim {
        Claim {
            id: "c".parse().unwrap(),
            anchor: "a".into(),
            claim: "c".into(),
            verdict,
            note: None,
            sources: Vec::new(),
            reason: "r".into(),
        }
    }

    #[test]
    fn counts_add_up_per_verdict_and_read_as_a_sentence() {
        let claims = [
            claim(Verdict::Holds),
            claim(Verdict::Holds),
            claim(Verdict::Qualified),
            claim(Verdict::Wrong),
        ];
        let counts = ClaimCounts::of(&claims);
        assert_eq!(
            (
                counts.holds,
                counts.qualified,
                counts.wrong,
                counts.uncheckable
            ),
            (2, 1, 1, 0)
        );
        assert_eq!(counts.total(), 4);
        assert_eq!(
            counts.sentence(),
            "4 claims checked: 2 hold, 1 holds with a qualification, 1 wrong, 0 cannot be checked."
        );
    }
}
