use super::*;

fn links(nodes: &[Node], out: &mut Vec<SafeUrl>) {
    for node in nodes {
        match node {
            Node::Element(element) => {
                if let Tag::Link { href, .. } = &element.tag {
                    out.push(href.clone());
                }
                links(&element.children, out);
            }
            Node::Figure(figure) => links(&figure.caption, out),
            _ => {}
        }
    }
}

fn all_links(doc: &Document) -> Vec<SafeUrl> {
    let mut out = Vec::new();
    links(&doc.blocks, &mut out);
    out
}

fn element(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(Element { tag, children })
}

fn text(t: &str) -> Node {
    Node::Text(t.to_owned())
}

#[test]
fn paragraphs_emphasis_and_links_become_nodes() {
    let doc = render("Hello *you* and [Meta AI](https://ai.meta.com/llama/).\n");
    assert_eq!(
        doc.blocks,
        vec![element(
            Tag::Paragraph,
            vec![
                text("Hello "),
                element(Tag::Emphasis, vec![text("you")]),
                text(" and "),
                element(
                    Tag::Link {
                        href: SafeUrl {
                            href: "https://ai.meta.com/llama/".into(),
                            kind: UrlKind::External
                        },
                        title: None
                    },
                    vec![text("Meta AI")]
                ),
                text("."),
            ]
        )]
    );
}

#[test]
fn headings_get_stable_unique_ids_and_start_at_h2() {
    let doc = render("### Catalysts for Innovation\n\n#### 1. Llama 2\n\n#### 1. Llama 2\n");
    let toc = doc.toc();
    let ids: Vec<_> = toc.iter().map(|e| (e.level, e.id.as_str())).collect();
    assert_eq!(
        ids,
        [
            (2, "catalysts-for-innovation"),
            (3, "llama-2"),
            (3, "llama-2-2")
        ]
    );
    assert_eq!(toc[1].text, "1. Llama 2");
}

#[test]
fn slugs_follow_kramdown_shape() {
    assert_eq!(
        slugify("Top 5 Open-Source LLMs to Watch in 2024"),
        "top-5-open-source-llms-to-watch-in-2024"
    );
    assert_eq!(slugify("4. Yi Series"), "yi-series");
    assert_eq!(slugify("1. Llama 2"), "llama-2");
    assert_eq!(slugify("Empowering AI's Future"), "empowering-ais-future");
    assert_eq!(slugify("!!!"), "section");
    assert_eq!(slugify("2024"), "section");
}

#[test]
fn an_image_paragraph_and_an_emphasis_paragraph_become_a_numbered_figure() {
    let doc = render(
        "Intro.\n\n![Chart](/images/llm_releases_chart.png \"LLM Releases Chart\")\n\n*The trends.*\n\n![Two](/images/two.png)\n",
    );
    let figures: Vec<&Figure> = doc
        .blocks
        .iter()
        .filter_map(|n| match n {
            Node::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].number, 1);
    assert_eq!(figures[0].image.alt, "Chart");
    assert_eq!(
        figures[0].image.title.as_deref(),
        Some("LLM Releases Chart")
    );
    assert_eq!(plain_text(&figures[0].caption), "The trends.");
    assert_eq!(figures[1].number, 2);
    assert!(figures[1].caption.is_empty());
    // The caption paragraph was consumed, not duplicated.
    assert_eq!(doc.blocks.len(), 3);
}

#[test]
fn images_in_running_text_stay_inline_with_alt_text() {
    let doc = render("![Open Source Large Language Model Yi](/images/Yi.png \"Yi LLM\")\n01.AI introduces the Yi series.\n");
    let images = doc.images();
    assert_eq!(images.len(), 1);
    assert_eq!(images[0].src.as_ref().unwrap().href, "/images/Yi.png");
    assert_eq!(images[0].alt, "Open Source Large Language Model Yi");
}

#[test]
fn reading_time_counts_words() {
    let words = "word ".repeat(500);
    let doc = render(&words);
    assert_eq!(doc.word_count(), 500);
    assert_eq!(doc.reading_minutes(), 3);
    assert_eq!(render("").reading_minutes(), 1);
}

#[test]
fn notes_attach_after_their_block_and_mark_the_words() {
    let mut doc = render("GPT-4 has about 1.7 trillion parameters.\n\n- **Release Date:** July 18, 2023\n- other\n\nEnd.\n");
    doc.attach_notes(&[
        "about 1.7 trillion parameters",
        "Release Date: July 18, 2023",
        "End.",
    ])
    .unwrap();
    assert!(matches!(doc.blocks[1], Node::Note(0)));
    assert!(matches!(doc.blocks[3], Node::Note(1)));
    assert!(matches!(doc.blocks[5], Node::Note(2)));
    let Node::Element(paragraph) = &doc.blocks[0] else {
        panic!()
    };
    assert_eq!(
        paragraph.children[1],
        element(
            Tag::Mark { note: 0 },
            vec![text("about 1.7 trillion parameters")]
        )
    );
    assert_eq!(
        plain_text(&doc.blocks[..1]),
        "GPT-4 has about 1.7 trillion parameters."
    );
}

#[test]
fn notes_with_unknown_anchors_are_reported() {
    let mut doc = render("Some text.\n");
    assert_eq!(doc.attach_notes(&["Some", "nowhere", ""]), Err(vec![1, 2]));
}

#[test]
fn two_notes_on_one_block_keep_their_order() {
    let mut doc = render("Alpha beta.\n\nGamma.\n");
    doc.attach_notes(&["beta", "Alpha"]).unwrap();
    assert!(matches!(doc.blocks[1], Node::Note(0)));
    assert!(matches!(doc.blocks[2], Node::Note(1)));
}

// --- Hostile input: nothing may become markup, script or an unsafe link. ---

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "Text <b onmouseover=alert(1)>bold</b> text",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](jav&#x09;ascript:alert(1))",
    "[click](jav&#9;ascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java%0ascript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click]( javascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![x](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">a</a>",
    "<svg><script>alert(1)</script></svg>",
    "<style>body{display:none}</style>",
];

fn assert_no_markup(nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Element(element) => {
                if let Tag::Link { href, .. } = &element.tag {
                    // The scheme as a browser reads it: `java%0ascript:` has none (a `%` cannot
                    // be in a scheme), so it is a harmless relative path.
                    let scheme = href.href.split_once(':').map(|(s, _)| s).filter(|s| {
                        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                            && s.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                    });
                    assert!(
                        matches!(
                            scheme.map(str::to_ascii_lowercase).as_deref(),
                            None | Some("http" | "https" | "mailto")
                        ),
                        "unsafe href survived: {:?}",
                        href.href
                    );
                }
                assert_no_markup(&element.children);
            }
            Node::Image(image) => {
                assert!(image.src.is_none(), "unsafe image src survived: {image:?}")
            }
            Node::Figure(figure) => {
                assert!(figure.image.src.is_none(), "unsafe image src survived");
                assert_no_markup(&figure.caption);
            }
            Node::Text(_) | Node::Note(_) => {}
        }
    }
}

#[test]
fn hostile_markdown_yields_only_text_and_safe_links() {
    for input in HOSTILE {
        let doc = render(input);
        assert_no_markup(&doc.blocks);
    }
}

#[test]
fn raw_html_is_shown_as_text_not_dropped_silently() {
    let doc = render("<script>alert(1)</script>\n");
    assert_eq!(plain_text(&doc.blocks).trim(), "<script>alert(1)</script>");
    let doc = render("Text <b onmouseover=alert(1)>bold</b> text\n");
    assert_eq!(
        plain_text(&doc.blocks),
        "Text <b onmouseover=alert(1)>bold</b> text"
    );
}

#[test]
fn html_comments_are_dropped() {
    let doc = render("Visible <!-- hidden --> text\n\n<!-- block comment -->\n");
    assert_eq!(plain_text(&doc.blocks).trim(), "Visible  text");
}

#[test]
fn an_unsafe_link_keeps_its_words() {
    let doc = render("[click me](javascript:alert(1)) now\n");
    assert!(all_links(&doc).is_empty());
    assert_eq!(plain_text(&doc.blocks), "click me now");
}

#[test]
fn the_seed_article_renders_with_its_five_sections() {
    let source = include_str!("../../../../content/article.md");
    let article = crate::content::parse_article("article.md", source).unwrap();
    let doc = render(&article.markdown);
    let toc = doc.toc();
    for heading in [
        "1. Llama 2",
        "2. Mistral",
        "3. Solar",
        "4. Yi Series",
        "5. Falcon",
    ] {
        assert!(toc.iter().any(|e| e.text == heading), "missing {heading}");
    }
    assert!(doc.word_count() > 800, "{}", doc.word_count());
    let links = all_links(&doc);
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].href, "https://ai.meta.com/llama/");
}

/// Every construct an author may use beyond the post's own, as the page's node tree (written in
/// the reference HTML vocabulary, which names every element and attribute the tree carries).
#[test]
fn every_supported_construct_renders_to_its_nodes() {
    let (nodes, warnings) = parse_nodes(
        include_str!("../../tests/fixtures/every-construct.md"),
        Dialect::Article,
    );
    assert_eq!(warnings, []);
    let expected = concat!(
        "<h4>Comparison</h4>\n",
        "<table>\n<thead>\n<tr>\n<th align=\"left\">Model</th>\n<th align=\"right\">Params</th>\n<th align=\"center\">Licence</th>\n</tr>\n</thead>\n",
        "<tbody>\n<tr>\n<td align=\"left\">Llama 2</td>\n<td align=\"right\">70B</td>\n<td align=\"center\"><del>open</del> community</td>\n</tr>\n</tbody>\n</table>\n",
        "<p>A claim with a note<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\">1</a></sup> and another<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>, and the first again<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src-2\">1</a></sup>.</p>\n",
        "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\" /> checked the card</li>\n<li><input disabled=\"\" type=\"checkbox\" /> checked the paper</li>\n</ul>\n",
        "<p>See <a href=\"http://www.example.org/page\">www.example.org/page</a>, or <a href=\"https://example.org/x\">https://example.org/x</a>. Mail <a href=\"mailto:editor@example.org\">editor@example.org</a>.</p>\n",
        "<dl>\n<dt>Term</dt>\n<dd>Its definition.</dd>\n</dl>\n",
        "<div class=\"markdown-alert markdown-alert-note\">\n<p>Useful to know.</p>\n</div>\n",
        "<div class=\"markdown-alert markdown-alert-warning\">\n<p>Careful.</p>\n</div>\n",
        "<p>“Quotes” and it’s – all smart…</p>\n",
        "<section class=\"footnotes\">\n<ol>\n",
        "<li id=\"fn-src\">\n<p>The source, with a <a href=\"https://example.org/src\">link</a>.</p>\n<a href=\"#fnref-src\" class=\"footnote-backref\">↩</a><a href=\"#fnref-src-2\" class=\"footnote-backref\">↩</a></li>\n",
        "<li id=\"fn-2\">\n<p>Second note.</p>\n<a href=\"#fnref-2\" class=\"footnote-backref\">↩</a></li>\n",
        "</ol>\n</section>\n",
    );
    assert_eq!(html::to_html(&nodes), expected);
    // What the reference vocabulary does not show: the author's id and allowed class are kept,
    // and each task box is named by its item's words.
    let Some(Node::Element(Element {
        tag: Tag::Heading { id, classes, .. },
        ..
    })) = nodes.first()
    else {
        panic!("a heading first: {nodes:?}");
    };
    assert_eq!(
        (id.as_str(), classes.as_slice()),
        ("compare", ["kicker".to_owned()].as_slice())
    );
    let labels: Vec<String> = find_all(&nodes, &|tag| match tag {
        Tag::TaskCheckbox { label, .. } => Some(label.clone()),
        _ => None,
    });
    assert_eq!(labels, ["checked the card", "checked the paper"]);
}

fn find_all<T>(nodes: &[Node], pick: &dyn Fn(&Tag) -> Option<T>) -> Vec<T> {
    let mut found = Vec::new();
    for node in nodes {
        if let Node::Element(element) = node {
            found.extend(pick(&element.tag));
            found.extend(find_all(&element.children, pick));
        }
    }
    found
}

#[test]
fn what_does_not_render_as_written_is_reported_with_its_place() {
    let markdown = "# T {.evil}\n\nText <b>x</b>.\n\n[^unused]: never cited\n";
    let (_, warnings) = parse_nodes(markdown, Dialect::Article);
    let found: Vec<(usize, &str)> = warnings
        .iter()
        .map(|w| (w.offset, w.message.as_str()))
        .collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].1.contains(".evil"), "{found:?}");
    assert!(found[1].1.starts_with("raw HTML") && markdown[found[1].0..].starts_with("<b>"));
    assert!(found[3].1.contains("[^unused] is never referenced"));
    // Its words are not lost: the note is listed last.
    let (nodes, _) = parse_nodes(markdown, Dialect::Article);
    assert!(plain_text(&nodes).contains("never cited"));
}

#[test]
fn a_heading_id_that_is_not_a_plain_identifier_is_replaced() {
    let (nodes, _) = parse_nodes("# Hi {#\"onload}\n\n# Hi\n", Dialect::Article);
    let ids: Vec<String> = find_all(&nodes, &|tag| match tag {
        Tag::Heading { id, .. } => Some(id.clone()),
        _ => None,
    });
    assert_eq!(ids, ["hi", "hi-2"]);
}
