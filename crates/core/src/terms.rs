//! Licence terms for readers: each clause as a labelled row, the few that decide most questions
//! as short phrases, what changed from a licence's predecessor, and the needs a reader filters by.

use crate::content::{Clauses, LicenceTerms, Licences, Source, Term};

pub use crate::content::ClauseKind;

/// One clause as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseRow {
    pub kind: ClauseKind,
    /// The vocabulary word ("with conditions").
    pub term: &'static str,
    /// The licence's own phrase in plain words.
    pub plain: String,
    pub source: Source,
}

/// The term and words of a clause whose licence text could not be read (its source says where).
pub const NOT_READ: &str = "text not read";

fn row(clauses: &Clauses, kind: ClauseKind) -> ClauseRow {
    let clause = clauses.get(kind);
    let (term, plain) = clause
        .value
        .as_ref()
        .map_or((NOT_READ, NOT_READ.to_owned()), |c| {
            (c.term.label(kind), c.plain.clone())
        });
    ClauseRow {
        kind,
        term,
        plain,
        source: clause.source.clone(),
    }
}

/// Every clause of a licence, in [`ClauseKind::ALL`] order.
pub fn clause_rows(clauses: &Clauses) -> Vec<ClauseRow> {
    ClauseKind::ALL
        .into_iter()
        .map(|kind| row(clauses, kind))
        .collect()
}

/// The clauses that answer "may my company ship this, and train on its outputs?", as short
/// phrases: commercial use (with its cap), outputs, registration, and any naming duty.
pub fn key_terms(clauses: &Clauses) -> Vec<ClauseRow> {
    let capped = matches!(
        clauses.term(ClauseKind::UserCap),
        Some(Term::Users | Term::Revenue)
    );
    let named = clauses
        .term(ClauseKind::Attribution)
        .is_some_and(|t| t != Term::None);
    clause_rows(clauses)
        .into_iter()
        .filter(|r| match r.kind {
            ClauseKind::CommercialUse | ClauseKind::OutputsTraining | ClauseKind::Registration => {
                true
            }
            ClauseKind::UserCap => capped,
            ClauseKind::Attribution => named,
            _ => false,
        })
        .collect()
}

/// A clause whose term or words differ between a licence and the one it follows.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseChange {
    pub kind: ClauseKind,
    pub before: String,
    pub after: String,
    /// Where the new wording is.
    pub source: Source,
}

/// What changed from `earlier` to `later`, clause by clause.
pub fn changes(earlier: &LicenceTerms, later: &LicenceTerms) -> Vec<ClauseChange> {
    clause_rows(&earlier.clauses)
        .into_iter()
        .zip(clause_rows(&later.clauses))
        .filter(|(a, b)| a.term != b.term || a.plain != b.plain)
        .map(|(a, b)| ClauseChange {
            kind: b.kind,
            before: a.plain,
            after: b.plain,
            source: b.source,
        })
        .collect()
}

/// What a reader needs from a licence; a model meets a need when its licence's clause says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// Commercial use, with or without conditions, and no user or revenue cap.
    CommercialWithoutCap,
    /// Outputs may be used to train other models, perhaps with conditions.
    OutputsForTraining,
    /// Nothing to accept, apply for or be approved for before use.
    NoRegistration,
}

impl Need {
    pub const ALL: [Need; 3] = [
        Need::CommercialWithoutCap,
        Need::OutputsForTraining,
        Need::NoRegistration,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Need::CommercialWithoutCap => "Commercial use without a user cap",
            Need::OutputsForTraining => "Outputs may train other models",
            Need::NoRegistration => "No registration",
        }
    }

    /// The words after "with" in a sentence: "… with commercial use without a user cap".
    pub fn phrase(self) -> &'static str {
        match self {
            Need::CommercialWithoutCap => "commercial use without a user cap",
            Need::OutputsForTraining => "outputs usable to train other models",
            Need::NoRegistration => "no registration",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Need::CommercialWithoutCap => "commercial",
            Need::OutputsForTraining => "outputs",
            Need::NoRegistration => "no-registration",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.key() == key)
    }

    pub fn met_by(self, clauses: &Clauses) -> bool {
        let term = |kind| clauses.term(kind);
        match self {
            Need::CommercialWithoutCap => {
                matches!(
                    term(ClauseKind::CommercialUse),
                    Some(Term::Yes | Term::WithConditions)
                ) && term(ClauseKind::UserCap) == Some(Term::None)
            }
            Need::OutputsForTraining => matches!(
                term(ClauseKind::OutputsTraining),
                Some(Term::NotRestricted | Term::Restricted)
            ),
            Need::NoRegistration => term(ClauseKind::Registration) == Some(Term::None),
        }
    }
}

/// Whether the licence `terms` (an id in `licences`) meets every need; an unknown id meets none.
pub fn meets_all<'a>(
    licences: &Licences,
    terms: Option<&crate::content::Slug>,
    needs: impl IntoIterator<Item = &'a Need>,
) -> bool {
    let clauses = terms.and_then(|id| licences.get(id)).map(|l| &l.clauses);
    needs
        .into_iter()
        .all(|need| clauses.is_some_and(|c| need.met_by(c)))
}

/// One step in a family's licence history since the article.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// "23 July 2024".
    pub date: String,
    /// The release that first came under the licence, or whose licence changed.
    pub release: String,
    pub release_id: crate::content::Slug,
    pub licence: String,
    /// The licence's entry id.
    pub terms: crate::content::Slug,
    /// A licence change of models already out, rather than a new model's licence.
    pub relicensing: bool,
    /// The licence this one follows, and what changed from it clause by clause; `None` for a
    /// licence that follows none (a new line of terms).
    pub compared_with: Option<(String, Vec<ClauseChange>)>,
}

/// How the family's licence terms changed since the article: each licence its releases came
/// under for the first time (the article's own licences excluded), and every relicensing.
pub fn family_history(
    bundle: &crate::content::Bundle,
    family: &crate::content::Family,
) -> Vec<HistoryEntry> {
    let licences = &bundle.licences;
    let mut seen: Vec<&crate::content::Slug> = family
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref().map(|l| &l.terms))
        .collect();
    let mut releases = bundle.followups.for_family(&family.id);
    releases.reverse(); // oldest first
    let mut history = Vec::new();
    for release in releases {
        let Some(licence) = release.licence.as_ref().and_then(|l| l.value.as_ref()) else {
            continue;
        };
        let relicensing = release.kind == crate::content::FollowupKind::LicenceChange;
        if seen.contains(&&licence.terms) && !relicensing {
            continue;
        }
        seen.push(&licence.terms);
        let entry = licences.get(&licence.terms);
        let compared_with = entry
            .and_then(|e| Some((e, licences.get(e.follows.as_ref()?)?)))
            .map(|(later, earlier)| (earlier.name.clone(), changes(earlier, later)));
        history.push(HistoryEntry {
            date: release
                .date
                .value
                .map_or_else(|| "date not verified".to_owned(), |d| d.human()),
            release: release.name.clone(),
            release_id: release.id.clone(),
            licence: entry.map_or_else(|| licence.name.clone(), |e| e.name.clone()),
            terms: licence.terms.clone(),
            relicensing,
            compared_with,
        });
    }
    history
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, Slug, SHIPPED};

    fn licences() -> Licences {
        assemble_bundle(SHIPPED).unwrap().licences
    }

    fn id(text: &str) -> Slug {
        text.parse().unwrap()
    }

    #[test]
    fn every_shipped_licence_lists_eight_sourced_clauses() {
        for licence in &licences().licences {
            let rows = clause_rows(&licence.clauses);
            assert_eq!(rows.len(), ClauseKind::ALL.len());
            for row in rows {
                assert!(!row.plain.is_empty(), "{} {:?}", licence.id, row.kind);
                assert!(
                    row.source.locator.is_some(),
                    "{} {:?}",
                    licence.id,
                    row.kind
                );
            }
        }
    }

    #[test]
    fn apache_meets_every_need_and_a_non_commercial_licence_none_of_the_commercial_ones() {
        let all = licences();
        let apache = all.get(&id("apache-2-0")).unwrap();
        for need in Need::ALL {
            assert!(need.met_by(&apache.clauses), "{need:?}");
        }
        let nc = all.get(&id("cc-by-nc-4-0")).unwrap();
        assert!(!Need::CommercialWithoutCap.met_by(&nc.clauses));
        assert!(!meets_all(
            &all,
            Some(&id("no-such-licence")),
            &[Need::NoRegistration]
        ));
        assert!(meets_all(&all, None, &[]), "no needs: anything goes");
    }

    #[test]
    fn the_llama_cap_is_a_key_term_and_changes_are_read_clause_by_clause() {
        let all = licences();
        let llama_2 = all.get(&id("llama-2")).unwrap();
        let keys: Vec<ClauseKind> = key_terms(&llama_2.clauses).iter().map(|r| r.kind).collect();
        assert!(keys.contains(&ClauseKind::UserCap), "{keys:?}");
        assert!(!Need::CommercialWithoutCap.met_by(&llama_2.clauses));
        let llama_3_1 = all.get(&id("llama-3-1")).unwrap();
        let changed: Vec<ClauseKind> = changes(llama_2, llama_3_1).iter().map(|c| c.kind).collect();
        assert!(
            changed.contains(&ClauseKind::OutputsTraining),
            "{changed:?}"
        );
        assert!(changes(llama_2, llama_2).is_empty());
    }

    #[test]
    fn the_llama_history_starts_with_llama_3_and_names_what_changed() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let llama = bundle.models.family(&id("llama-2")).unwrap();
        let history = family_history(&bundle, llama);
        let first = history.first().unwrap();
        assert_eq!(first.release_id, id("llama-3"));
        let (earlier, changed) = first.compared_with.as_ref().unwrap();
        assert!(earlier.contains("Llama 2"), "{earlier}");
        assert!(
            changed.iter().any(|c| c.kind == ClauseKind::Attribution),
            "{changed:?}"
        );
        assert!(history
            .iter()
            .all(|h| h.licence != llama.variants[0].licence.value.as_ref().unwrap().name));
    }

    #[test]
    fn needs_round_trip_through_their_keys() {
        for need in Need::ALL {
            assert_eq!(Need::from_key(need.key()), Some(need));
        }
        assert_eq!(Need::from_key("free-beer"), None);
    }
}
