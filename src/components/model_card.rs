//! One family's card: identity, facts with sources, the variants table with derived weight
//! memory, and links to the paper, Hugging Face and the article section.

use leptos::prelude::*;
use llm_watch_core::content::{Family, Followup, LicenceClass};
use llm_watch_core::format::{format_context, format_gb, format_params};
use llm_watch_core::memory::{weight_memory_gb, PRECISIONS};
use llm_watch_core::outcome::FamilyOutcome;

use std::sync::Arc;

use llm_watch_core::choice::Candidate;
use llm_watch_core::page::Page;

use super::licence_terms::{FamilyLicenceLinks, KeyTerms, LicenceHistory};
use super::memory_budget::{BestFitLine, VariantFit};
use super::monogram::Monogram;
use super::scroll_table::ScrollTable;
use super::since_the_article::SinceTheArticle;
use super::sourced_value::{SourcedText, StatusBadge};

/// The licence classes a family's variants fall in, in a stable order.
fn licence_classes(family: &Family) -> Vec<LicenceClass> {
    let mut classes: Vec<LicenceClass> = family
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref().map(|l| l.class))
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// A card.
#[component]
pub fn ModelCard(
    /// The family shown.
    family: Family,
    /// Id of the article heading that introduces the family, for the link back.
    section_id: Option<String>,
    /// Whether the family is picked for comparison.
    #[prop(into)]
    compared: Signal<bool>,
    /// Called when the reader ticks or unticks "Compare".
    on_toggle_compare: Callback<()>,
    /// The family's releases since the article, newest first.
    followups: Vec<Followup>,
    /// How the watch turned out for the family (derived), with the day its list is complete to.
    outcome: FamilyOutcome,
    /// The loaded content (licence terms, attention layouts).
    page: Arc<Page>,
    /// The family's open-weights models, oldest first, for the budget verdicts.
    candidates: Vec<Candidate>,
) -> impl IntoView {
    let id = family.id.to_string();
    let card_anchor = format!("card-{id}");
    let title_id = format!("card-{id}-title");
    let labelled_by = title_id.clone();
    let name = family.name.clone();
    let about = |what: &str| format!("{name} {what}");

    let chips = licence_classes(&family)
        .into_iter()
        .map(|class| {
            view! {
                <li class=format!("chip chip--{}", class.key())>
                    <span class="chip__label">{class.label()}</span>
                    <span class="chip__explanation">{class.explanation()}</span>
                </li>
            }
        })
        .collect_view();

    let f = &family;
    let facts = vec![
        ("Developer", SourcedFact::of(&f.developer, |v| v.clone(), about("developer"))),
        ("Country", SourcedFact::of(&f.country, |v| v.clone(), about("country"))),
        ("First weights", SourcedFact::of(&f.first_weights_date, |d| d.human(), about("first weights date"))),
        (
            "Paper",
            SourcedFact::of(&f.paper, |p| format!("{} (arXiv:{}, {})", p.title, p.arxiv, p.date.human()), about("paper")),
        ),
        ("Architecture", SourcedFact::of(&f.architecture, |v| v.clone(), about("architecture"))),
        ("Languages", SourcedFact::of(&f.languages, |v| v.join(", "), about("languages"))),
        (
            "Headline benchmark",
            SourcedFact::of(&f.benchmark, |b| format!("{}: {} ({})", b.name, b.score, b.variant), about("benchmark")),
        ),
    ]
    .into_iter()
    .map(|(label, fact)| {
        view! {
            <div class="model-card__fact">
                <dt>{label}</dt>
                <dd>
                    <SourcedText text=fact.text status=fact.status source=fact.source about=fact.about always_badge=true anchor=card_anchor.clone() />
                </dd>
            </div>
        }
    })
    .collect_view();

    let rows = family
        .variants
        .iter()
        .map(|v| {
            let vname = v.name.clone();
            let at = |what: &str| format!("{vname} {what}");
            let candidate = candidates.iter().find(|c| c.of == v.id && c.size.is_none()).cloned();
            let fit = candidate.map(|candidate| view! { <VariantFit candidate=candidate /> });
            let memory = v.params_b.value.map(|params| {
                PRECISIONS
                    .iter()
                    .map(|(_, bytes)| format_gb(weight_memory_gb(params, *bytes)))
                    .collect::<Vec<_>>()
                    .join(" / ")
            });
            view! {
                <tr>
                    <th scope="row">
                        <a href=format!("https://huggingface.co/{}", v.hf_repo) rel="noopener noreferrer">{v.name.clone()}</a>
                    </th>
                    <td><SourcedText text=v.params_b.value.map(format_params) status=v.params_b.status source=v.params_b.source.clone() about=at("parameters") anchor=card_anchor.clone() /></td>
                    <td><SourcedText text=v.training_tokens_b.value.map(format_params) status=v.training_tokens_b.status source=v.training_tokens_b.source.clone() about=at("training tokens") anchor=card_anchor.clone() /></td>
                    <td><SourcedText text=v.context_length.value.map(format_context) status=v.context_length.status source=v.context_length.source.clone() about=at("context length") anchor=card_anchor.clone() /></td>
                    <td>
                        <SourcedText
                            text=v.licence.value.as_ref().map(|l| l.name.clone())
                            status=v.licence.status
                            source=v.licence.source.clone()
                            about=at("licence")
                            anchor=card_anchor.clone()
                        />
                    </td>
                    <td class="model-card__memory">{memory.unwrap_or_else(|| "–".into())}</td>
                    <td class="model-card__fit">{fit}</td>
                </tr>
            }
        })
        .collect_view();

    // Each distinct licence of the variants once, with its key terms in plain words.
    let mut variant_licences: Vec<&llm_watch_core::content::Licence> = Vec::new();
    for licence in family
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref())
    {
        if !variant_licences.iter().any(|l| l.terms == licence.terms) {
            variant_licences.push(licence);
        }
    }
    let key_terms = variant_licences
        .into_iter()
        .map(|l| {
            view! {
                <p class="model-card__terms">
                    <span class="model-card__terms-name">{format!("{}: ", l.name)}</span>
                    <KeyTerms terms=l.terms.clone() page=page.clone() />
                </p>
            }
        })
        .collect_view();
    let paper_link = family.paper.value.as_ref().map(|paper| {
        view! { <a href=paper.arxiv.abs_url() rel="noopener noreferrer">"Paper on arXiv"</a> }
    });
    let section_link =
        section_id.map(|section| view! { <a href=format!("#{section}")>"Read in the article"</a> });
    let precisions = PRECISIONS
        .iter()
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(" / ");

    let variants = format!("{} variants", family.name);
    view! {
        <article class="model-card" id=format!("card-{id}") aria-labelledby=labelled_by data-lazy-layout="">
            <header class="model-card__header">
                <Monogram family=family.clone() label=format!("{} monogram", family.name) />
                <div>
                    <h3 class="model-card__title" id=title_id>{family.name.clone()}</h3>
                    <p class="model-card__summary">{family.summary.clone()}</p>
                </div>
            </header>
            <BestFitLine candidates=candidates.clone() />
            <ul class="model-card__chips" aria-label="Licence classes">{chips}</ul>
            <dl class="model-card__facts">{facts}</dl>
            <p class="model-card__table-note">
                "Values are disclosed by the developer unless marked. Weights memory is "
                <StatusBadge status=llm_watch_core::content::Status::Derived />
                {format!(": parameters × bytes per parameter ({precisions}: 2 / 1 / 0.5), weights only, before KV cache and activations.")}
            </p>
            <ScrollTable label=variants.clone()>
                <table class="data-table model-card__variants">
                    <caption class="visually-hidden">{variants}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Variant"</th>
                            <th scope="col">"Parameters"</th>
                            <th scope="col">"Training tokens"</th>
                            <th scope="col">"Context"</th>
                            <th scope="col">"Licence"</th>
                            <th scope="col">{format!("Weights memory ({precisions})")}</th>
                            <th scope="col">"Fits your budget"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </ScrollTable>
            <div class="model-card__key-terms" role="group" aria-label=format!("{} licence terms in plain words", family.name)>{key_terms}</div>
            <FamilyLicenceLinks page=page.clone() family=family.clone() />
            <LicenceHistory page=page.clone() family=family.clone() />
            <SinceTheArticle family_name=family.name.clone() family_id=id.clone() releases=followups outcome=outcome />
            <footer class="model-card__footer">
                {paper_link}
                {section_link}
                <label class="model-card__compare">
                    <input
                        type="checkbox"
                        prop:checked=move || compared.get()
                        on:change=move |_| on_toggle_compare.run(())
                    />
                    {format!(" Compare {}", family.name)}
                </label>
            </footer>
        </article>
    }
    .into_any()
}

/// A fact ready for [`SourcedText`].
struct SourcedFact {
    text: Option<String>,
    status: llm_watch_core::content::Status,
    source: llm_watch_core::content::Source,
    about: String,
}

impl SourcedFact {
    fn of<T>(
        sourced: &llm_watch_core::content::Sourced<T>,
        show: impl Fn(&T) -> String,
        about: String,
    ) -> Self {
        SourcedFact {
            text: sourced.value.as_ref().map(show),
            status: sourced.status,
            source: sourced.source.clone(),
            about,
        }
    }
}
