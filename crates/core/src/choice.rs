//! "Which of these can I use, and run?": every open-weights model of a family (the article's
//! variants and each size of a later release) with its licence terms and memory facts, and the
//! newest one that meets a reader's needs and budget.

use crate::content::{Access, Bundle, Family, Followup, FollowupKind, KvLayout, Slug};
use crate::memory::{estimate, fit, needs_gb, Budget, Estimate, Fit, ModelFacts};
use crate::terms::{meets_all, Need};

/// One downloadable model: a variant, or one size of a later release.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// "Llama-2-7b", or "Llama 3.1 (8B)".
    pub name: String,
    /// The variant or release id (the release's card row anchor).
    pub of: Slug,
    /// The release's size label; `None` for a variant.
    pub size: Option<String>,
    /// For ordering: (year, month, day), a month-only date counting as the 15th.
    pub date: (u16, u8, u8),
    /// "23 July 2024".
    pub date_text: String,
    pub params_b: Option<f64>,
    pub mixture: bool,
    pub layout: Option<KvLayout>,
    pub context: Option<u64>,
    /// The licence's entry id in `licences.json`.
    pub terms: Option<Slug>,
    pub licence_name: Option<String>,
    /// Listed although past the family's complete-to date.
    pub found_later: bool,
}

impl Candidate {
    pub fn facts(&self) -> ModelFacts<'_> {
        ModelFacts {
            params_b: self.params_b,
            layout: self.layout.as_ref(),
            context: self.context,
            mixture: self.mixture,
        }
    }

    pub fn estimate(&self, budget: Budget) -> Estimate {
        estimate(self.facts(), budget)
    }
}

/// Every open-weights model of `family`, oldest first (file order within a day).
pub fn candidates(bundle: &Bundle, family: &Family) -> Vec<Candidate> {
    let layout = |of: &Slug, size: Option<&str>| {
        bundle
            .architectures
            .find(of, size)
            .and_then(|facts| facts.value)
    };
    let mut out: Vec<Candidate> = family
        .variants
        .iter()
        .filter_map(|v| {
            let date = v.weights_date.value.or(family.first_weights_date.value)?;
            let licence = v.licence.value.as_ref();
            Some(Candidate {
                name: v.name.clone(),
                of: v.id.clone(),
                size: None,
                date: (date.year, date.month, date.day),
                date_text: date.human(),
                params_b: v.params_b.value,
                mixture: false,
                layout: layout(&v.id, None),
                context: v.context_length.value.map(u64::from),
                terms: licence.map(|l| l.terms.clone()),
                licence_name: licence.map(|l| l.name.clone()),
                found_later: false,
            })
        })
        .collect();
    for release in bundle
        .followups
        .releases
        .iter()
        .filter(|r| r.family == family.id && r.kind == FollowupKind::Release)
        .filter(|r| r.date.value.is_some())
    {
        out.extend(release_candidates(bundle, release));
    }
    out.sort_by_key(|c| c.date);
    out
}

/// Each size of an open-weights release as a model (none for an API-only one); an undated
/// release sorts first and says so.
pub fn release_candidates(bundle: &Bundle, release: &Followup) -> Vec<Candidate> {
    if release.access.value != Some(Access::OpenWeights) {
        return Vec::new();
    }
    let licence = release.licence.as_ref().and_then(|l| l.value.as_ref());
    let (date, date_text) = release
        .date
        .value
        .map_or(((0, 0, 0), "date not verified".to_owned()), |d| {
            (d.sort_key(), d.human())
        });
    release
        .sizes
        .value
        .iter()
        .flatten()
        .map(|size| Candidate {
            name: format!("{} ({})", release.name, size.label),
            of: release.id.clone(),
            size: Some(size.label.clone()),
            date,
            date_text: date_text.clone(),
            params_b: size.total_b,
            mixture: size.active_b.is_some(),
            layout: bundle
                .architectures
                .find(&release.id, Some(&size.label))
                .and_then(|facts| facts.value),
            context: release.context_length.as_ref().and_then(|c| c.value),
            terms: licence.map(|l| l.terms.clone()),
            licence_name: licence.map(|l| l.name.clone()),
            found_later: release.past_checked_to,
        })
        .collect()
}

/// Whether a candidate meets the needs and, when asked, fits the budget.
pub fn qualifies(
    bundle: &Bundle,
    candidate: &Candidate,
    needs: &[Need],
    fits: Option<Budget>,
) -> bool {
    meets_all(&bundle.licences, candidate.terms.as_ref(), needs)
        && fits.is_none_or(|budget| candidate.estimate(budget).fit == Fit::Fits)
}

/// The answer at the top of a card.
#[derive(Debug, Clone, PartialEq)]
pub enum BestFit {
    /// The newest qualifying model (the largest of that day's sizes).
    Found {
        candidate: Box<Candidate>,
        estimate: Estimate,
        /// Newer models whose fit cannot be told for lack of data.
        newer_unknown: usize,
    },
    /// None qualifies: why, in words.
    None(String),
}

/// The newest model of the family that fits `budget` and meets `needs`.
pub fn best_fit(
    bundle: &Bundle,
    candidates: &[Candidate],
    needs: &[Need],
    budget: Budget,
) -> BestFit {
    let licensed: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| meets_all(&bundle.licences, c.terms.as_ref(), needs))
        .collect();
    // Verdicts without their words: only the answer's estimate is written out.
    let fits = |c: &Candidate| fit(c.facts(), budget);
    let found = licensed
        .iter()
        .filter(|c| fits(c) == Fit::Fits)
        .max_by(|a, b| {
            a.date.cmp(&b.date).then(
                a.params_b
                    .unwrap_or(0.0)
                    .total_cmp(&b.params_b.unwrap_or(0.0)),
            )
        });
    if let Some(found) = found {
        let newer_unknown = licensed
            .iter()
            .filter(|c| c.date > found.date && fits(c) == Fit::NotEnoughData)
            .count();
        return BestFit::Found {
            candidate: Box::new((*found).clone()),
            estimate: found.estimate(budget),
            newer_unknown,
        };
    }
    let reason = if candidates.is_empty() {
        "no open-weights model is listed".to_owned()
    } else if licensed.is_empty() {
        "no licence among its models meets those needs".to_owned()
    } else {
        let smallest = licensed
            .iter()
            .filter_map(|c| Some((c, needs_gb(c.facts(), budget)?)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match smallest {
            Some((c, need)) if need > budget.memory.gb() => format!(
                "the smallest that qualifies, {}, needs {:.1} GB",
                c.name, need
            ),
            _ => "the memory of the models that qualify is not known (not enough data)".to_owned(),
        }
    };
    BestFit::None(reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{assemble_bundle, SHIPPED};
    use crate::memory::{MemoryGb, Precision};

    fn budget(gb: u32, precision: Precision) -> Budget {
        Budget {
            memory: MemoryGb::whole(gb),
            precision,
        }
    }

    #[test]
    fn every_family_has_its_variants_and_later_sizes_oldest_first() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        for family in &bundle.models.families {
            let list = candidates(&bundle, family);
            assert!(list.len() > family.variants.len(), "{}", family.id);
            assert!(list.windows(2).all(|w| w[0].date <= w[1].date));
            assert!(list.iter().all(|c| c.terms.is_some()), "{}", family.id);
        }
    }

    #[test]
    fn the_answer_is_the_newest_that_fits_and_meets_the_needs() {
        let bundle = assemble_bundle(SHIPPED).unwrap();
        let llama = bundle.models.families.first().unwrap();
        let list = candidates(&bundle, llama);
        let small = budget(24, Precision::Bits4);
        let BestFit::Found {
            candidate,
            estimate,
            ..
        } = best_fit(&bundle, &list, &[], small)
        else {
            panic!("something of Meta's fits 24 GB at 4-bit");
        };
        assert_eq!(estimate.fit, Fit::Fits);
        for other in &list {
            if other.date > candidate.date {
                assert_ne!(
                    other.estimate(small).fit,
                    Fit::Fits,
                    "{} is newer and fits",
                    other.name
                );
            }
        }
        let tiny = Budget {
            memory: crate::memory::parse_memory_gb("0.1").unwrap(),
            precision: Precision::Bits16,
        };
        match best_fit(&bundle, &list, &[], tiny) {
            BestFit::None(reason) => assert!(reason.contains("needs"), "{reason}"),
            found => panic!("nothing fits 0.1 GB: {found:?}"),
        }
    }
}
