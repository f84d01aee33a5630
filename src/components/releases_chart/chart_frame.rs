//! The SVG frame every view of the releases chart shares (the main bars, the scatter and the
//! second series): a reserved aspect ratio, an accessible name, gridlines and the baseline.

use leptos::prelude::*;
use llm_watch_core::chart::{Frame, Tick};

/// The SVG every view of the chart shares: a fixed `viewBox` whose aspect ratio is reserved
/// before drawing, `role="img"` named by its `<title>` and `<desc>`, value gridlines with their
/// labels, and the baseline. `children` draw the data; `overlay` sits over the SVG (the bar
/// view's year buttons).
#[component]
pub(super) fn ChartFrame(
    /// Size and margins.
    frame: Frame,
    /// Prefix for the title and description ids (unique on the page).
    id: String,
    /// Accessible title.
    title: String,
    /// Accessible description.
    description: String,
    /// Value-axis ticks, drawn as gridlines.
    ticks: Vec<Tick>,
    /// Interactive HTML laid over the SVG (default: none).
    #[prop(optional)]
    overlay: Option<AnyView>,
    /// The data marks.
    children: Children,
) -> impl IntoView {
    let grid = ticks
        .iter()
        .map(|tick| {
            view! {
                <g class="chart__tick">
                    <line x1=frame.left x2=frame.width - frame.right y1=tick.at y2=tick.at />
                    <text x=frame.left - 6.0 y=tick.at + 4.0 text-anchor="end">{tick.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        // No `style` attribute (the CSP allows no inline styles): the SVG's viewBox gives the box
        // its aspect ratio before anything is drawn.
        <div class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {} {}", frame.width, frame.height)
                role="img"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{title}</title>
                <desc id=desc_id>{description}</desc>
                {grid}
                <line class="chart__axis" x1=frame.left x2=frame.width - frame.right y1=frame.baseline() y2=frame.baseline() />
                {children()}
            </svg>
            {overlay}
        </div>
    }
}
