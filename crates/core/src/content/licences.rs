//! `licences.json`: every licence the content names, read clause by clause from its text. A
//! variant or release points at its entry by id (`licence.terms`), so the page can say in plain
//! words what a reader may do, and the terms that changed between versions stay visible.

use serde::{Deserialize, Serialize};

use super::errors::Errors;
use super::files::LICENCES_FILE;
use super::{Bundle, Date, HttpsUrl, Slug, Sourced};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licences {
    /// The licence of this page's data (the exports), chosen by the author.
    pub data: DataLicence,
    pub licences: Vec<LicenceTerms>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataLicence {
    pub name: String,
    pub url: HttpsUrl,
}

impl Licences {
    /// The entry with `id`.
    pub fn get(&self, id: &Slug) -> Option<&LicenceTerms> {
        self.licences.iter().find(|l| &l.id == id)
    }
}

/// One licence text and what its clauses say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenceTerms {
    pub id: Slug,
    pub name: String,
    /// The text that was read.
    pub url: HttpsUrl,
    /// The version or release date the text states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The earlier licence of the same developer this one replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Slug>,
    pub clauses: Clauses,
}

/// The clauses readers ask about, each with its term, a plain phrase and the section it is in.
/// One value type for all eight (one deserializer in the wasm, not eight); which terms a clause
/// may take is checked by [`ClauseKind::allows`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clauses {
    pub commercial_use: Sourced<Clause>,
    pub user_cap: Sourced<Clause>,
    pub acceptable_use: Sourced<Clause>,
    pub attribution: Sourced<Clause>,
    pub outputs_training: Sourced<Clause>,
    pub registration: Sourced<Clause>,
    pub hosting: Sourced<Clause>,
    pub redistribution: Sourced<Clause>,
}

impl Clauses {
    pub fn get(&self, kind: ClauseKind) -> &Sourced<Clause> {
        match kind {
            ClauseKind::CommercialUse => &self.commercial_use,
            ClauseKind::UserCap => &self.user_cap,
            ClauseKind::AcceptableUse => &self.acceptable_use,
            ClauseKind::Attribution => &self.attribution,
            ClauseKind::OutputsTraining => &self.outputs_training,
            ClauseKind::Registration => &self.registration,
            ClauseKind::Hosting => &self.hosting,
            ClauseKind::Redistribution => &self.redistribution,
        }
    }

    /// A clause's term; `None` when the licence text was not read.
    pub fn term(&self, kind: ClauseKind) -> Option<Term> {
        self.get(kind).value.as_ref().map(|c| c.term)
    }
}

/// A clause's term in the fixed vocabulary, and the phrase a reader sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub term: Term,
    /// Plain words, e.g. "yes, under 700M monthly active users".
    pub plain: String,
}

/// Every term any clause may take; [`ClauseKind::allows`] says which belong to which clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    Yes,
    WithConditions,
    No,
    None,
    Users,
    Revenue,
    NotApplicable,
    Incorporated,
    Notice,
    NoticeAndName,
    NotRestricted,
    Restricted,
    Prohibited,
    Acceptance,
    Approval,
    Permitted,
    WithDuties,
}

impl Term {
    /// The JSON word.
    pub fn key(self) -> &'static str {
        match self {
            Term::Yes => "yes",
            Term::WithConditions => "with_conditions",
            Term::No => "no",
            Term::None => "none",
            Term::Users => "users",
            Term::Revenue => "revenue",
            Term::NotApplicable => "not_applicable",
            Term::Incorporated => "incorporated",
            Term::Notice => "notice",
            Term::NoticeAndName => "notice_and_name",
            Term::NotRestricted => "not_restricted",
            Term::Restricted => "restricted",
            Term::Prohibited => "prohibited",
            Term::Acceptance => "acceptance",
            Term::Approval => "approval",
            Term::Permitted => "permitted",
            Term::WithDuties => "with_duties",
        }
    }

    /// The words for the term in `kind`'s row ("none" reads "no cap" for a user cap).
    pub fn label(self, kind: ClauseKind) -> &'static str {
        match (self, kind) {
            (Term::Yes, _) => "yes",
            (Term::WithConditions, _) => "yes, with conditions",
            (Term::No, _) => "no",
            (Term::None, ClauseKind::UserCap) => "no cap",
            (Term::None, _) => "none",
            (Term::Users, _) => "a user cap",
            (Term::Revenue, _) => "a revenue cap",
            (Term::NotApplicable, _) => "not applicable",
            (Term::Incorporated, _) => "binds use",
            (Term::Notice, _) => "a notice",
            (Term::NoticeAndName, _) => "a notice and a name",
            (Term::NotRestricted, _) => "not restricted",
            (Term::Restricted, _) => "restricted",
            (Term::Prohibited, _) => "prohibited",
            (Term::Acceptance, _) => "accept the terms",
            (Term::Approval, _) => "apply for approval",
            (Term::Permitted, _) => "permitted",
            (Term::WithDuties, _) => "with duties",
        }
    }
}

/// The clauses, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClauseKind {
    /// May a company use the model in a product?
    CommercialUse,
    /// A size above which commercial use needs another licence.
    UserCap,
    /// A policy of forbidden uses that binds every user.
    AcceptableUse,
    /// What a product or derived model must say about its origin.
    Attribution,
    /// Using the model's outputs to train or improve other models.
    OutputsTraining,
    /// What a user must do before use: nothing, accept the terms, or be approved.
    Registration,
    /// Offering the model as a hosted service.
    Hosting,
    /// Passing the weights on.
    Redistribution,
}

impl ClauseKind {
    pub const ALL: [ClauseKind; 8] = [
        ClauseKind::CommercialUse,
        ClauseKind::UserCap,
        ClauseKind::AcceptableUse,
        ClauseKind::Attribution,
        ClauseKind::OutputsTraining,
        ClauseKind::Registration,
        ClauseKind::Hosting,
        ClauseKind::Redistribution,
    ];

    /// The question the clause answers, as a row label.
    pub fn label(self) -> &'static str {
        match self {
            ClauseKind::CommercialUse => "Commercial use",
            ClauseKind::UserCap => "User or revenue cap",
            ClauseKind::AcceptableUse => "Acceptable-use policy",
            ClauseKind::Attribution => "Attribution or naming",
            ClauseKind::OutputsTraining => "Outputs to train other models",
            ClauseKind::Registration => "Registration or approval",
            ClauseKind::Hosting => "Hosting as a service",
            ClauseKind::Redistribution => "Redistribution",
        }
    }

    /// The JSON field and export column.
    pub fn key(self) -> &'static str {
        match self {
            ClauseKind::CommercialUse => "commercial_use",
            ClauseKind::UserCap => "user_cap",
            ClauseKind::AcceptableUse => "acceptable_use",
            ClauseKind::Attribution => "attribution",
            ClauseKind::OutputsTraining => "outputs_training",
            ClauseKind::Registration => "registration",
            ClauseKind::Hosting => "hosting",
            ClauseKind::Redistribution => "redistribution",
        }
    }

    /// The terms this clause may take.
    pub fn allows(self) -> &'static [Term] {
        match self {
            ClauseKind::CommercialUse => &[Term::Yes, Term::WithConditions, Term::No],
            ClauseKind::UserCap => &[Term::None, Term::Users, Term::Revenue, Term::NotApplicable],
            ClauseKind::AcceptableUse => &[Term::None, Term::Incorporated],
            ClauseKind::Attribution => &[Term::None, Term::Notice, Term::NoticeAndName],
            ClauseKind::OutputsTraining => {
                &[Term::NotRestricted, Term::Restricted, Term::Prohibited]
            }
            ClauseKind::Registration => &[Term::None, Term::Acceptance, Term::Approval],
            ClauseKind::Hosting => &[Term::NotRestricted, Term::Restricted],
            ClauseKind::Redistribution => &[Term::Permitted, Term::WithDuties, Term::Prohibited],
        }
    }
}

/// Every licence entry is complete, its clauses sourced to a section, its ids resolve, and every
/// licence a variant or release names has its entry.
pub(super) fn validate(errors: &mut Errors, bundle: &Bundle) {
    let file = LICENCES_FILE;
    let licences = &bundle.licences.licences;
    errors.text(file, "data.name", &bundle.licences.data.name);
    errors.unique(
        file,
        licences
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("licences[{i}].id"), l.id.as_str())),
    );
    for (i, licence) in licences.iter().enumerate() {
        let at = format!("licences[{i}]");
        errors.text(file, format!("{at}.name"), &licence.name);
        if let Some(earlier) = &licence.follows {
            if bundle.licences.get(earlier).is_none() || earlier == &licence.id {
                errors.push(
                    file,
                    format!("{at}.follows"),
                    format!("{earlier:?} is not another licence in this file"),
                );
            }
        }
        let c = &licence.clauses;
        for kind in ClauseKind::ALL {
            clause(errors, &at, kind, c.get(kind));
        }
        let cap_applies = c.term(ClauseKind::CommercialUse) != Some(Term::No);
        let cap = c.term(ClauseKind::UserCap);
        if cap_applies == (cap == Some(Term::NotApplicable)) {
            errors.push(
                file,
                format!("{at}.clauses.user_cap"),
                "is \"not_applicable\" exactly when commercial use is \"no\"",
            );
        }
    }

    let known = |id: &Slug| bundle.licences.get(id).is_some();
    let unknown =
        |id: &Slug| format!("names licence terms \"{id}\", which have no entry in {LICENCES_FILE}");
    for (f, family) in bundle.models.families.iter().enumerate() {
        for (v, variant) in family.variants.iter().enumerate() {
            if let Some(licence) = variant.licence.value.as_ref().filter(|l| !known(&l.terms)) {
                errors.push(
                    super::MODELS_FILE,
                    format!("families[{f}].variants[{v}].licence.value.terms"),
                    unknown(&licence.terms),
                );
            }
        }
    }
    for (r, release) in bundle.followups.releases.iter().enumerate() {
        let licence = release.licence.as_ref().and_then(|l| l.value.as_ref());
        if let Some(licence) = licence.filter(|l| !known(&l.terms)) {
            errors.push(
                super::FOLLOWUPS_FILE,
                format!("releases[{r}].licence.value.terms"),
                unknown(&licence.terms),
            );
        }
    }
}

/// A clause needs its term and plain words (or `not_disclosed` when the text could not be
/// read), and a source that names the section.
fn clause(errors: &mut Errors, at: &str, kind: ClauseKind, clause: &Sourced<Clause>) {
    let path = format!("{at}.clauses.{}", kind.key());
    let file = LICENCES_FILE;
    // A text that could not be read says so (`not_disclosed`, the locator says where it is);
    // any other status needs the term.
    errors.sourced_in(file, &path, clause, |value| {
        if !kind.allows().contains(&value.term) {
            let allowed: Vec<&str> = kind.allows().iter().map(|t| t.key()).collect();
            Some(format!(
                "term {:?} is not one of {}",
                value.term.key(),
                allowed.join(", ")
            ))
        } else if value.plain.trim().is_empty() {
            Some("the plain words must not be empty".to_owned())
        } else {
            None
        }
    });
    if clause
        .source
        .locator
        .as_deref()
        .is_none_or(|l| l.trim().is_empty())
    {
        errors.push(
            file,
            format!("{path}.source.locator"),
            "name the section of the licence text the term was read in",
        );
    }
}
