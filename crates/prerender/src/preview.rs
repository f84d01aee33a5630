//! The picture a chat or a feed reader shows for a shared link: the releases chart drawn at
//! build time as a 1200×630 PNG (Open Graph's large image), from the same bar geometry as the
//! page's chart. Written beside the page, never loaded by it.

use llm_watch_core::chart::{bar_chart, count_by_year, Frame};
use llm_watch_core::escape::escape_html;
use llm_watch_core::page::Page;

/// The file name in the built site.
pub const PREVIEW_FILE: &str = "preview.png";
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Where Debian's `fonts-dejavu-core` puts the font the picture's text is set in.
pub const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// The alt text for `og:image:alt`: what the picture shows, in words.
pub fn alt_text(page: &Page) -> String {
    let counts = count_by_year(&page.bundle.releases.rows);
    let years = counts
        .iter()
        .map(|c| format!("{}: {}", c.year, c.total()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Bar chart of large language models introduced per year ({years}), with the share whose weights were published"
    )
}

/// The picture as SVG: the article's title, the bars with their totals and years, a legend.
pub fn svg(page: &Page) -> String {
    let counts = count_by_year(&page.bundle.releases.rows);
    let frame = Frame {
        width: f64::from(WIDTH),
        height: f64::from(HEIGHT),
        left: 90.0,
        right: 60.0,
        top: 170.0,
        bottom: 70.0,
    };
    let chart = bar_chart(&counts, frame);
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="60" y="78" font-size="36" font-weight="bold" fill="#1b1d21">{}</text>
<text x="60" y="124" font-size="28" fill="#50565f">LLMs introduced per year: </text>
<rect x="450" y="100" width="26" height="26" fill="#0a6aa6"/><text x="486" y="124" font-size="28" fill="#50565f">open weights</text>
<rect x="700" y="100" width="26" height="26" fill="#b8490b"/><text x="736" y="124" font-size="28" fill="#50565f">closed</text>
"##,
        escape_html(&shorten(&page.bundle.article.title, 56))
    );
    let baseline = frame.height - frame.bottom;
    out.push_str(&format!(
        r##"<line x1="{}" y1="{baseline}" x2="{}" y2="{baseline}" stroke="#50565f" stroke-width="2"/>
"##,
        frame.left,
        frame.width - frame.right
    ));
    for bar in &chart.bars {
        for (rect, fill) in [(&bar.open, "#0a6aa6"), (&bar.closed, "#b8490b")] {
            if rect.height > 0.0 {
                out.push_str(&format!(
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/>
"##,
                    rect.x, rect.y, rect.width, rect.height
                ));
            }
        }
        out.push_str(&format!(
            r##"<text x="{:.1}" y="{:.1}" font-size="26" text-anchor="middle" fill="#1b1d21">{}</text>
<text x="{:.1}" y="{:.1}" font-size="24" text-anchor="middle" fill="#50565f">{}</text>
"##,
            bar.center_x,
            bar.total_label_y,
            bar.count.total(),
            bar.center_x,
            baseline + 36.0,
            bar.count.year
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// `head` with the picture's Open Graph and Twitter tags: `site_url` is the page's absolute
/// address (the picture sits beside it), and the Twitter card becomes the large-image one.
pub fn with_image_tags(head: &str, site_url: &str, alt: &str) -> String {
    let url = format!("{}/{PREVIEW_FILE}", site_url.trim_end_matches('/'));
    let tags = [
        format!(
            r#"<meta property="og:image" content="{}" />"#,
            escape_html(&url)
        ),
        r#"<meta property="og:image:type" content="image/png" />"#.to_owned(),
        format!(r#"<meta property="og:image:width" content="{WIDTH}" />"#),
        format!(r#"<meta property="og:image:height" content="{HEIGHT}" />"#),
        format!(
            r#"<meta property="og:image:alt" content="{}" />"#,
            escape_html(alt)
        ),
    ]
    .join("\n    ");
    head.replace(
        r#"<meta name="twitter:card" content="summary" />"#,
        &format!("{tags}\n    <meta name=\"twitter:card\" content=\"summary_large_image\" />"),
    )
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

/// The picture as PNG, with the font at `font` (its bytes), or why it could not be drawn.
pub fn png(page: &Page, font: Vec<u8>) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_font_data(font);
    let tree = resvg::usvg::Tree::from_str(&svg(page), &options)
        .map_err(|e| format!("the preview SVG does not parse: {e}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT)
        .ok_or("cannot allocate the preview's pixels")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the preview PNG: {e}"))
}
