//! Licence terms in plain words: a model's key terms as short phrases, each linked to the section
//! it was read in; every clause of a family's licences in a disclosure; and how the family's
//! terms changed since the article. Views only: the words come from `core::terms`.

use leptos::prelude::*;
use llm_watch_core::content::{Bundle, Family, Slug};
use llm_watch_core::page::Page;
use llm_watch_core::terms::{clause_rows, family_history, key_terms, ClauseKind, ClauseRow};

use super::scroll_table::ScrollTable;

/// The id of a clause's row in the licences section.
pub fn clause_anchor(licence: &Slug, kind: ClauseKind) -> String {
    format!("terms-{licence}-{}", kind.key().replace('_', "-"))
}

/// One clause phrase, linked to its row in the licences section (which names the section of the
/// licence text it was read in).
fn clause_link(licence: &Slug, row: &ClauseRow) -> impl IntoView {
    view! { <a class="terms__phrase" href=format!("#{}", clause_anchor(licence, row.kind))>{row.plain.clone()}</a> }
}

/// "Commercial use: yes, under 700M monthly active users; outputs to train other models: …",
/// one line, each phrase linked to its clause row.
#[component]
pub fn KeyTerms(
    /// The licence entry id.
    terms: Slug,
    /// The loaded content (its licence entries).
    page: std::sync::Arc<Page>,
) -> impl IntoView {
    let bundle = &page.bundle;
    let Some(licence) = bundle.licences.get(&terms) else {
        return view! { <span class="terms terms--unknown">"licence terms not recorded"</span> }
            .into_any();
    };
    let rows = key_terms(&licence.clauses);
    let last = rows.len().saturating_sub(1);
    let items = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <span class="terms__clause">{format!("{}: ", row.kind.label())}</span>
                {clause_link(&licence.id, row)}
                {(i < last).then_some("; ")}
            }
        })
        .collect_view();
    view! { <span class="terms">{items}</span> }.into_any()
}

/// The licences a family's models come under, article variants first, each once.
fn family_licences<'a>(bundle: &'a Bundle, family: &'a Family) -> Vec<&'a Slug> {
    let mut ids: Vec<&Slug> = Vec::new();
    let variants = family
        .variants
        .iter()
        .filter_map(|v| v.licence.value.as_ref().map(|l| &l.terms));
    let releases = bundle
        .followups
        .releases
        .iter()
        .filter(|r| r.family == family.id)
        .filter_map(|r| r.licence.as_ref()?.value.as_ref().map(|l| &l.terms));
    for id in variants.chain(releases) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Links to the clause tables of the licences the family's models come under.
#[component]
pub fn FamilyLicenceLinks(
    /// The loaded content.
    page: std::sync::Arc<Page>,
    /// The family.
    family: Family,
) -> impl IntoView {
    let bundle = &page.bundle;
    let links = family_licences(bundle, &family)
        .into_iter()
        .filter_map(|id| bundle.licences.get(id))
        .map(|licence| {
            view! { <li><a href=format!("#licence-{}", licence.id)>{licence.name.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="terms__links" aria-label=format!("{} licences, clause by clause", family.name)>
            <span>"Licences, clause by clause: "</span>
            <ul>{links}</ul>
        </nav>
    }
}

/// Every licence of the content, each clause with its term, its plain words and the section of
/// the licence text it was read in. The cards' phrases link here.
#[component]
pub fn LicencesSection(
    /// The loaded content.
    page: std::sync::Arc<Page>,
) -> impl IntoView {
    let bundle = &page.bundle;
    let tables = bundle
        .licences
        .licences
        .iter()
        .map(|licence| {
            let rows = clause_rows(&licence.clauses)
                .into_iter()
                .map(|row| {
                    let section = row.source.locator.clone().unwrap_or_default();
                    view! {
                        <tr id=clause_anchor(&licence.id, row.kind)>
                            <th scope="row">{row.kind.label()}</th>
                            <td data-label="Term: ">{row.term}</td>
                            <td data-label="In plain words: ">{row.plain.clone()}</td>
                            <td class="terms__section" data-label="Where the text says so: ">
                                {section} " "
                                <a class="source-link" href=row.source.url.to_string() rel="noopener noreferrer" aria-label=format!("Source for {}, {}: {}", licence.name, row.kind.label(), row.source.title)>"↗"</a>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let published = licence
                .published
                .map(|d| format!(", dated {}", d.human()))
                .unwrap_or_default();
            let follows = licence
                .follows
                .as_ref()
                .and_then(|id| bundle.licences.get(id))
                .map(|earlier| {
                    view! { " Follows the " <a href=format!("#licence-{}", earlier.id)>{earlier.name.clone()}</a> "." }
                });
            let title_id = format!("licence-{}-title", licence.id);
            view! {
                <div class="terms__licence" id=format!("licence-{}", licence.id)>
                    <h3 id=title_id.clone()>
                        <a href=licence.url.to_string() rel="noopener noreferrer">{licence.name.clone()}</a>
                    </h3>
                    <p class="terms__meta">{format!("The text as read{published}.")} {follows}</p>
                    <ScrollTable labelled_by=title_id>
                        <table class="data-table terms__table">
                            <thead>
                                <tr>
                                    <th scope="col">"Clause"</th>
                                    <th scope="col">"Term"</th>
                                    <th scope="col">"In plain words"</th>
                                    <th scope="col">"Where the text says so"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </ScrollTable>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="licences" id="licences" aria-labelledby="licences-title">
            <h2 id="licences-title">"Licence terms, clause by clause"</h2>
            <p>
                "Each licence the models above come under, read in its own text: may a company use it, above what size it needs another licence, what it must say about its origin, whether its outputs may train other models, what a user must do first, and whether it may be hosted or passed on. “Text not read” marks a licence whose text could not be read; the last column says where it is."
            </p>
            {tables}
        </section>
    }
}

/// How the family's terms changed since the article: new licences, relicensing, and the
/// clauses that differ from the licence each one follows.
#[component]
pub fn LicenceHistory(
    /// The loaded content.
    page: std::sync::Arc<Page>,
    /// The family.
    family: Family,
) -> impl IntoView {
    let bundle = &page.bundle;
    let history = family_history(bundle, &family);
    if history.is_empty() {
        return view! {
            <p class="terms__history-empty">"Licence history: no new licence terms since the article."</p>
        }
        .into_any();
    }
    let count = history.len();
    let items = history
        .into_iter()
        .map(|entry| {
            let entry_terms = entry.terms.clone();
            let what = if entry.relicensing { "relicensed under" } else { "first under" };
            let changes = entry.compared_with.map(|(earlier, changes)| {
                if changes.is_empty() {
                    return view! { <p class="terms__same">{format!("Same clauses as the {earlier}.")}</p> }.into_any();
                }
                let rows = changes
                    .into_iter()
                    .map(|change| {
                        view! {
                            <li>
                                <span class="terms__clause">{format!("{}: ", change.kind.label())}</span>
                                <span class="terms__before">{change.before}</span>
                                " → "
                                <a href=format!("#{}", clause_anchor(&entry_terms, change.kind))>{change.after}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="terms__compared">{format!("Changed from the {earlier}:")}</p>
                    <ul class="terms__changes">{rows}</ul>
                }
                .into_any()
            });
            view! {
                <li>
                    <span class="terms__date">{entry.date}</span>
                    {format!(": {} {what} the {}", entry.release, entry.licence)}
                    {changes}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="terms__history">
            <summary>{format!("Licence history since the article ({count} changes)")}</summary>
            <ol>{items}</ol>
        </details>
    }
    .into_any()
}
