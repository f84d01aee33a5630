//! Maps the safe node tree from `llm_watch_core::markdown` to elements, one to one. There is no
//! `inner_html` anywhere: text is always a text node.

use std::sync::Arc;

use leptos::prelude::*;
use llm_watch_core::content::RELEASES_CHART_IMAGE;
use llm_watch_core::markdown::{plain_text, Element, Figure, Image, Node, Tag, UrlKind};
use llm_watch_core::page::Page;

use super::article::{EditorNoteView, ReleasesFigure};
use super::monogram::Monogram;

/// Renders a list of nodes.
pub fn render_nodes(nodes: &[Node], page: &Arc<Page>) -> AnyView {
    nodes
        .iter()
        .map(|node| render_node(node, page))
        .collect_view()
        .into_any()
}

fn render_node(node: &Node, page: &Arc<Page>) -> AnyView {
    match node {
        Node::Text(text) => text.clone().into_any(),
        Node::Element(element) => render_element(element, page),
        Node::Image(image) => render_image(image, page),
        Node::Figure(figure) => render_figure(figure, page),
        Node::Note(index) => match page.bundle.notes.notes.get(*index) {
            Some(note) => {
                view! { <EditorNoteView note=note.clone() page=page.clone() /> }.into_any()
            }
            None => ().into_any(),
        },
    }
}

fn render_element(element: &Element, page: &Arc<Page>) -> AnyView {
    let kids = render_nodes(&element.children, page);
    match &element.tag {
        Tag::Paragraph => view! { <p>{kids}</p> }.into_any(),
        Tag::Heading { level, id, classes } => {
            heading(*level, id, classes, &element.children, kids, page)
        }
        Tag::BlockQuote => view! { <blockquote>{kids}</blockquote> }.into_any(),
        Tag::CodeBlock { language } => {
            let class = language.as_ref().map(|l| format!("language-{l}"));
            view! { <pre><code class=class>{kids}</code></pre> }.into_any()
        }
        Tag::List { start: Some(start) } => view! { <ol start=*start>{kids}</ol> }.into_any(),
        Tag::List { start: None } => view! { <ul>{kids}</ul> }.into_any(),
        Tag::Item => {
            let task = starts_with_checkbox(&element.children);
            view! { <li class:task-list-item=task>{kids}</li> }.into_any()
        }
        Tag::Emphasis => view! { <em>{kids}</em> }.into_any(),
        Tag::Strong => view! { <strong>{kids}</strong> }.into_any(),
        Tag::Strikethrough => view! { <del>{kids}</del> }.into_any(),
        Tag::InlineCode => view! { <code>{kids}</code> }.into_any(),
        Tag::Link { href, title } => {
            let rel = (href.kind == UrlKind::External).then_some("noopener noreferrer");
            view! { <a href=href.href.clone() title=title.clone() rel=rel>{kids}</a> }.into_any()
        }
        Tag::Rule => view! { <hr /> }.into_any(),
        Tag::LineBreak => view! { <br /> }.into_any(),
        Tag::Table { number } => table(*number, &element.children, page),
        Tag::TableHead => view! { <thead><tr>{kids}</tr></thead> }.into_any(),
        Tag::TableRow => view! { <tr>{kids}</tr> }.into_any(),
        Tag::TableCell { header, align } => {
            let class = align.name().map(|a| format!("align-{a}"));
            if *header {
                view! { <th scope="col" class=class>{kids}</th> }.into_any()
            } else {
                view! { <td class=class>{kids}</td> }.into_any()
            }
        }
        Tag::TaskCheckbox { checked, label } => view! {
            <input type="checkbox" class="task-checkbox" disabled=true checked=*checked aria-label=label.clone() />
        }
        .into_any(),
        Tag::FootnoteReference { number, target, id } => view! {
            <sup class="footnote-ref">
                <a href=format!("#{target}") id=id.clone() aria-label=format!("Footnote {number}")>
                    {number.to_string()}
                </a>
            </sup>
        }
        .into_any(),
        Tag::Footnotes => view! {
            <section class="footnotes" aria-labelledby="footnotes-title">
                <h2 id="footnotes-title" class="footnotes__title">"Footnotes"</h2>
                <ol>{kids}</ol>
            </section>
        }
        .into_any(),
        Tag::FootnoteItem {
            number,
            id,
            back_links,
        } => {
            let count = back_links.len();
            let backs = back_links
                .iter()
                .enumerate()
                .map(|(i, back)| {
                    let label = if count > 1 {
                        format!("Back to reference {number} ({} of {count})", i + 1)
                    } else {
                        format!("Back to reference {number}")
                    };
                    view! { " " <a class="footnote-backref" href=format!("#{back}") aria-label=label>"↩"</a> }
                })
                .collect_view();
            view! { <li id=id.clone()>{kids} {backs}</li> }.into_any()
        }
        Tag::DefinitionList => view! { <dl>{kids}</dl> }.into_any(),
        Tag::DefinitionTerm => view! { <dt>{kids}</dt> }.into_any(),
        Tag::DefinitionDetails => view! { <dd>{kids}</dd> }.into_any(),
        Tag::Callout { kind } => view! {
            <div class=format!("callout callout--{}", kind.key()) role="note" aria-label=kind.label()>
                <p class="callout__title">{kind.label()}</p>
                {kids}
            </div>
        }
        .into_any(),
        Tag::Mark { note } => {
            let target = page
                .bundle
                .notes
                .notes
                .get(*note)
                .map(|n| format!("#note-{}", n.id));
            view! {
                <mark class="note-mark">
                    {kids}
                    <a class="note-mark__ref" href=target aria-label="Editor's note on this">
                        <sup>"note"</sup>
                    </a>
                </mark>
            }
            .into_any()
        }
    }
}

/// Whether a list item is a task (its box first, or first in its first paragraph).
fn starts_with_checkbox(children: &[Node]) -> bool {
    let first = match children.first() {
        Some(Node::Element(Element {
            tag: Tag::Paragraph,
            children,
        })) => children.first(),
        other => other,
    };
    matches!(
        first,
        Some(Node::Element(Element {
            tag: Tag::TaskCheckbox { .. },
            ..
        }))
    )
}

/// A table in a focusable, labelled region that scrolls sideways on narrow screens, so a wide
/// table never widens the page. The label names the table by its column headers.
fn table(number: usize, children: &[Node], page: &Arc<Page>) -> AnyView {
    let (head, rows) = match children.split_first() {
        Some((
            Node::Element(Element {
                tag: Tag::TableHead,
                children: cells,
            }),
            rows,
        )) => (Some(cells.as_slice()), rows),
        _ => (None, children),
    };
    let headers: Vec<String> = head
        .unwrap_or_default()
        .iter()
        .map(|cell| plain_text(std::slice::from_ref(cell)).trim().to_owned())
        .filter(|text| !text.is_empty())
        .collect();
    let label = if headers.is_empty() {
        format!("Table {number}")
    } else {
        format!("Table {number}: {}", headers.join(", "))
    };
    let head = head.map(|cells| {
        let cells = render_nodes(cells, page);
        view! { <thead><tr>{cells}</tr></thead> }
    });
    let rows = render_nodes(rows, page);
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=label>
            <table class="md-table">{head} <tbody>{rows}</tbody></table>
        </div>
    }
    .into_any()
}

fn heading(
    level: u8,
    id: &str,
    classes: &[String],
    children: &[Node],
    kids: AnyView,
    page: &Arc<Page>,
) -> AnyView {
    let text = llm_watch_core::markdown::plain_text(children);
    let anchor = view! {
        <a class="heading-anchor" href=format!("#{id}") aria-label=format!("Link to the section “{}”", text.trim())>
            "#"
        </a>
    };
    let card_link = page.family_for_heading(text.trim()).map(|family| {
        view! {
            <a class="heading-card-link" href=format!("#card-{}", family.id)>
                "Model card"
            </a>
        }
    });
    let id = id.to_owned();
    let class = (!classes.is_empty()).then(|| classes.join(" "));
    let inner = view! { {kids} {anchor} {card_link} };
    match level {
        2 => view! { <h2 id=id class=class>{inner}</h2> }.into_any(),
        3 => view! { <h3 id=id class=class>{inner}</h3> }.into_any(),
        4 => view! { <h4 id=id class=class>{inner}</h4> }.into_any(),
        5 => view! { <h5 id=id class=class>{inner}</h5> }.into_any(),
        _ => view! { <h6 id=id class=class>{inner}</h6> }.into_any(),
    }
}

/// Images the post references are drawn here rather than loaded: we do not have the author's PNGs,
/// and a broken image is never acceptable. Anything unknown shows its alt text.
fn render_image(image: &Image, page: &Arc<Page>) -> AnyView {
    let src = image
        .src
        .as_ref()
        .map(|s| s.href.as_str())
        .unwrap_or_default();
    match page.family_for_image(src) {
        Some(family) => {
            view! { <Monogram family=family.clone() label=image.alt.clone() /> }.into_any()
        }
        None => view! {
            <span class="image-missing" role="img" aria-label=image.alt.clone()>
                {format!("[{}]", image.alt)}
            </span>
        }
        .into_any(),
    }
}

/// Only the interactive parts of `nodes` (the releases chart's island), for a live page that
/// keeps the prerendered article text: building the DOM for text that the takeover throws away
/// was most of the live render's work on a slow phone.
pub fn render_islands(nodes: &[Node], page: &Arc<Page>) -> AnyView {
    fn collect<'a>(nodes: &'a [Node], out: &mut Vec<&'a Figure>) {
        for node in nodes {
            match node {
                Node::Figure(figure) if is_releases_chart(figure) => out.push(figure),
                Node::Element(element) => collect(&element.children, out),
                _ => {}
            }
        }
    }
    let mut figures = Vec::new();
    collect(nodes, &mut figures);
    figures
        .into_iter()
        .map(|_| view! { <ReleasesFigure page=page.clone() /> })
        .collect_view()
        .into_any()
}

fn is_releases_chart(figure: &Figure) -> bool {
    figure.image.src.as_ref().map(|s| s.href.as_str()) == Some(RELEASES_CHART_IMAGE)
}

fn render_figure(figure: &Figure, page: &Arc<Page>) -> AnyView {
    let src = figure
        .image
        .src
        .as_ref()
        .map(|s| s.href.as_str())
        .unwrap_or_default();
    let caption = render_nodes(&figure.caption, page);
    let number = figure.number;
    let body = if src == RELEASES_CHART_IMAGE {
        view! { <ReleasesFigure page=page.clone() /> }.into_any()
    } else {
        render_image(&figure.image, page)
    };
    view! {
        <figure class="figure" id=format!("figure-{number}")>
            {body}
            <figcaption>
                <span class="figure__number">{format!("Figure {number}. ")}</span>
                {caption}
            </figcaption>
        </figure>
    }
    .into_any()
}
