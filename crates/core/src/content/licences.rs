//! `licences.json`: every licence the content names, read clause by clause from its text. A
//! variant or release points at its entry by id (`licence.terms`), so the page can say in plain
//! words what a reader may do, and the terms that changed between versions stay visible.

use serde::{Deserialize, Serialize};

use super::validate::{Errors, LICENCES_FILE};
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clauses {
    pub commercial_use: Sourced<Clause<CommercialUse>>,
    pub user_cap: Sourced<Clause<UserCap>>,
    pub acceptable_use: Sourced<Clause<AcceptableUse>>,
    pub attribution: Sourced<Clause<Attribution>>,
    pub outputs_training: Sourced<Clause<OutputsTraining>>,
    pub registration: Sourced<Clause<Registration>>,
    pub hosting: Sourced<Clause<Hosting>>,
    pub redistribution: Sourced<Clause<Redistribution>>,
}

/// A clause's term in the fixed vocabulary, and the phrase a reader sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause<T> {
    pub term: T,
    /// Plain words, e.g. "yes, under 700M monthly active users".
    pub plain: String,
}

/// The vocabulary of one clause: its terms' keys (as in the JSON) and how each reads.
pub trait Term: Copy + Eq + 'static {
    /// The words for the term when no plain phrase is at hand (filters, exports).
    fn label(self) -> &'static str;
}

macro_rules! term {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl Term for $name {
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

term!(
    /// May a company use the model in a product?
    CommercialUse { Yes => "yes", WithConditions => "yes, with conditions", No => "no" }
);
term!(
    /// A size above which commercial use needs another licence.
    UserCap { None => "no cap", Users => "a user cap", Revenue => "a revenue cap", NotApplicable => "not applicable" }
);
term!(
    /// A policy of forbidden uses that binds every user.
    AcceptableUse { None => "none", Incorporated => "binds use" }
);
term!(
    /// What a product or derived model must say about its origin.
    Attribution { None => "none", Notice => "a notice", NoticeAndName => "a notice and a name" }
);
term!(
    /// Using the model's outputs to train or improve other models.
    OutputsTraining { NotRestricted => "not restricted", Restricted => "restricted", Prohibited => "prohibited" }
);
term!(
    /// What a user must do before use: nothing, accept the terms, or be approved.
    Registration { None => "none", Acceptance => "accept the terms", Approval => "apply for approval" }
);
term!(
    /// Offering the model as a hosted service.
    Hosting { NotRestricted => "not restricted", Restricted => "restricted" }
);
term!(
    /// Passing the weights on.
    Redistribution { Permitted => "permitted", WithDuties => "with duties", Prohibited => "prohibited" }
);

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
        clause(errors, &at, "commercial_use", &c.commercial_use);
        clause(errors, &at, "user_cap", &c.user_cap);
        clause(errors, &at, "acceptable_use", &c.acceptable_use);
        clause(errors, &at, "attribution", &c.attribution);
        clause(errors, &at, "outputs_training", &c.outputs_training);
        clause(errors, &at, "registration", &c.registration);
        clause(errors, &at, "hosting", &c.hosting);
        clause(errors, &at, "redistribution", &c.redistribution);
        let cap_applies =
            c.commercial_use.value.as_ref().map(|v| v.term) != Some(CommercialUse::No);
        let cap = c.user_cap.value.as_ref().map(|v| v.term);
        if cap_applies == (cap == Some(UserCap::NotApplicable)) {
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
fn clause<T>(errors: &mut Errors, at: &str, name: &str, clause: &Sourced<Clause<T>>) {
    let path = format!("{at}.clauses.{name}");
    let file = LICENCES_FILE;
    // A text that could not be read says so (`not_disclosed`, the locator says where it is);
    // any other status needs the term.
    errors.sourced_in(file, &path, clause, |value| {
        value
            .plain
            .trim()
            .is_empty()
            .then(|| "the plain words must not be empty".to_owned())
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
