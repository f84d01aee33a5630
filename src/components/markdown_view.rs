//! Maps the safe node tree from `llm_watch_core::markdown` to elements: each `Tag` to its element,
//! and the pieces only the caller knows (notes, live figures, images, heading links) through
//! [`Embeds`]. There is no `inner_html` anywhere: text is always a text node.

use leptos::prelude::*;
use llm_watch_core::markdown::{plain_text, Element, Figure, Image, Node, Tag, UrlKind};

/// What the caller puts into the Markdown it renders, where the node tree only says "here": the
/// article builds these from its `Page` (`article::ArticleEmbeds`), so this view stays generic.
pub trait Embeds {
    /// The view for the editor's note with this index (`Node::Note`); nothing if there is none.
    fn note(&self, index: usize) -> AnyView;
    /// Where a passage marked for the note with this index links (`Tag::Mark`).
    fn note_target(&self, index: usize) -> Option<String>;
    /// A live view drawn instead of a figure's image, or `None` to draw the image.
    fn figure(&self, figure: &Figure) -> Option<AnyView>;
    /// A view drawn instead of an image, or `None` to show its alt text.
    fn image(&self, image: &Image) -> Option<AnyView>;
    /// A link after a heading's anchor, from the heading's plain text, or `None`.
    fn heading_link(&self, text: &str) -> Option<AnyView>;
}

/// Renders a list of nodes.
pub fn render_markdown(nodes: &[Node], embeds: &dyn Embeds) -> AnyView {
    nodes
        .iter()
        .map(|node| render_node(node, embeds))
        .collect_view()
        .into_any()
}

fn render_node(node: &Node, embeds: &dyn Embeds) -> AnyView {
    match node {
        Node::Text(text) => text.clone().into_any(),
        Node::Element(element) => render_element(element, embeds),
        Node::Image(image) => render_image(image, embeds),
        Node::Figure(figure) => render_figure(figure, embeds),
        Node::Note(index) => embeds.note(*index),
    }
}

fn render_element(element: &Element, embeds: &dyn Embeds) -> AnyView {
    let inner = render_markdown(&element.children, embeds);
    match &element.tag {
        Tag::Paragraph => view! { <p>{inner}</p> }.into_any(),
        Tag::Heading { level, id, classes } => {
            heading(*level, id, classes, &element.children, inner, embeds)
        }
        Tag::BlockQuote => view! { <blockquote>{inner}</blockquote> }.into_any(),
        Tag::CodeBlock { language } => {
            let class = language.as_ref().map(|l| format!("language-{l}"));
            view! { <pre><code class=class>{inner}</code></pre> }.into_any()
        }
        Tag::List { start: Some(start) } => view! { <ol start=*start>{inner}</ol> }.into_any(),
        Tag::List { start: None } => view! { <ul>{inner}</ul> }.into_any(),
        Tag::Item => {
            let task = starts_with_checkbox(&element.children);
            view! { <li class:task-list-item=task>{inner}</li> }.into_any()
        }
        Tag::Emphasis => view! { <em>{inner}</em> }.into_any(),
        Tag::Strong => view! { <strong>{inner}</strong> }.into_any(),
        Tag::Strikethrough => view! { <del>{inner}</del> }.into_any(),
        Tag::InlineCode => view! { <code>{inner}</code> }.into_any(),
        Tag::Link { href, title } => {
            let rel = (href.kind == UrlKind::External).then_some("noopener noreferrer");
            view! { <a href=href.href.clone() title=title.clone() rel=rel>{inner}</a> }.into_any()
        }
        Tag::Rule => view! { <hr /> }.into_any(),
        Tag::LineBreak => view! { <br /> }.into_any(),
        Tag::Table { number } => table(*number, &element.children, embeds),
        Tag::TableHead => view! { <thead><tr>{inner}</tr></thead> }.into_any(),
        Tag::TableRow => view! { <tr>{inner}</tr> }.into_any(),
        Tag::TableCell { header, align } => {
            let class = align.name().map(|a| format!("align-{a}"));
            if *header {
                view! { <th scope="col" class=class>{inner}</th> }.into_any()
            } else {
                view! { <td class=class>{inner}</td> }.into_any()
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
                <ol>{inner}</ol>
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
            view! { <li id=id.clone()>{inner} {backs}</li> }.into_any()
        }
        Tag::DefinitionList => view! { <dl>{inner}</dl> }.into_any(),
        Tag::DefinitionTerm => view! { <dt>{inner}</dt> }.into_any(),
        Tag::DefinitionDetails => view! { <dd>{inner}</dd> }.into_any(),
        Tag::Callout { kind } => view! {
            <div class=format!("callout callout--{}", kind.key()) role="note" aria-label=kind.label()>
                <p class="callout__title">{kind.label()}</p>
                {inner}
            </div>
        }
        .into_any(),
        Tag::Mark { note } => {
            let target = embeds.note_target(*note);
            view! {
                <mark class="note-mark">
                    {inner}
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
/// table never widens the page. The label names the table by its column headers. (The same
/// region as `ScrollTable`, written out: its attributes come in another order, and the prerendered
/// article text that the live page keeps must stay byte for byte what it was.)
fn table(number: usize, children: &[Node], embeds: &dyn Embeds) -> AnyView {
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
        let cells = render_markdown(cells, embeds);
        view! { <thead><tr>{cells}</tr></thead> }
    });
    let rows = render_markdown(rows, embeds);
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
    inner: AnyView,
    embeds: &dyn Embeds,
) -> AnyView {
    let text = plain_text(children);
    let anchor = view! {
        <a class="heading-anchor" href=format!("#{id}") aria-label=format!("Link to the section “{}”", text.trim())>
            "#"
        </a>
    };
    let link = embeds.heading_link(text.trim());
    let id = id.to_owned();
    let class = (!classes.is_empty()).then(|| classes.join(" "));
    let content = view! { {inner} {anchor} {link} };
    match level {
        2 => view! { <h2 id=id class=class>{content}</h2> }.into_any(),
        3 => view! { <h3 id=id class=class>{content}</h3> }.into_any(),
        4 => view! { <h4 id=id class=class>{content}</h4> }.into_any(),
        5 => view! { <h5 id=id class=class>{content}</h5> }.into_any(),
        _ => view! { <h6 id=id class=class>{content}</h6> }.into_any(),
    }
}

/// Images are never loaded: the caller draws the ones it knows ([`Embeds::image`]), and anything
/// else shows its alt text (a broken image is never acceptable).
fn render_image(image: &Image, embeds: &dyn Embeds) -> AnyView {
    match embeds.image(image) {
        Some(drawn) => drawn,
        None => view! {
            <span class="image-missing" role="img" aria-label=image.alt.clone()>
                {format!("[{}]", image.alt)}
            </span>
        }
        .into_any(),
    }
}

/// Only the live figures of `nodes` ([`Embeds::figure`], the releases chart's island), for a live
/// page that keeps the prerendered article text: building the DOM for text that the takeover
/// throws away was most of the live render's work on a slow phone.
pub fn render_live_figures(nodes: &[Node], embeds: &dyn Embeds) -> AnyView {
    fn collect(nodes: &[Node], embeds: &dyn Embeds, out: &mut Vec<AnyView>) {
        for node in nodes {
            match node {
                Node::Figure(figure) => out.extend(embeds.figure(figure)),
                Node::Element(element) => collect(&element.children, embeds, out),
                _ => {}
            }
        }
    }
    let mut figures = Vec::new();
    collect(nodes, embeds, &mut figures);
    figures.into_iter().collect_view().into_any()
}

fn render_figure(figure: &Figure, embeds: &dyn Embeds) -> AnyView {
    let caption = render_markdown(&figure.caption, embeds);
    let number = figure.number;
    let body = embeds
        .figure(figure)
        .unwrap_or_else(|| render_image(&figure.image, embeds));
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
