//! The alignment map: objectives in rows by level, from the company down,
//! with their links drawn. Sized by its viewBox, so it fits any screen and a
//! projector; downloadable as a standalone SVG.

use super::context::Cascade;
use crate::model::{Alignment, CascadeIndex, Commitment, Id, Plan};
use crate::ui::files::download_text;
use crate::ui::svg::{svg_markup, wrap};
use leptos::html;
use leptos::prelude::*;
use rustc_hash::FxHashMap;

const BOX_W: f64 = 250.0;
const BOX_H: f64 = 78.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 60.0;
const PER_LINE: usize = 5;
/// Beyond this the map would be unreadable; the unit filter narrows it.
const MAX_DRAWN: usize = 150;

struct Placed {
    x: f64,
    y: f64,
    title: Vec<String>,
    unit: String,
    commitment: Commitment,
}

struct Link {
    from: usize,
    to: usize,
    via_key_result: bool,
}

struct Layout {
    boxes: Vec<Placed>,
    links: Vec<Link>,
    width: f64,
    height: f64,
    total: usize,
}

fn layout(plan: &Plan, index: &CascadeIndex, roots: &[usize]) -> Layout {
    // Objectives by level with their units, units visited depth-first so
    // related boxes sit near each other.
    let mut levels: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|&r| (r, 0)).collect();
    while let Some((unit, depth)) = stack.pop() {
        let own = index.objectives_of(unit);
        if !own.is_empty() {
            if levels.len() <= depth {
                levels.resize(depth + 1, Vec::new());
            }
            levels[depth].extend(own.iter().map(|&o| (o, unit)));
        }
        stack.extend(index.children(unit).iter().rev().map(|&c| (c, depth + 1)));
    }
    levels.retain(|l| !l.is_empty());
    let total: usize = levels.iter().map(Vec::len).sum();

    let mut boxes = Vec::new();
    // The objectives drawn, by box, and the box of each by objective position.
    let mut drawn = Vec::new();
    let mut box_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut y = GAP_Y / 2.0;
    for level in &levels {
        for line in level.chunks(PER_LINE) {
            if boxes.len() >= MAX_DRAWN {
                break;
            }
            let offset = (PER_LINE - line.len()) as f64 * (BOX_W + GAP_X) / 2.0;
            for (i, &(o, unit)) in line.iter().enumerate() {
                let objective = &plan.objectives[o];
                box_of.insert(o, boxes.len());
                drawn.push(o);
                boxes.push(Placed {
                    x: GAP_X + offset + i as f64 * (BOX_W + GAP_X),
                    y,
                    title: wrap(&objective.title, 25, 2),
                    unit: plan.units[unit].name.clone(),
                    commitment: objective.commitment,
                });
            }
            y += BOX_H + GAP_Y / 2.0;
        }
        y += GAP_Y / 2.0;
    }
    let links = drawn
        .iter()
        .enumerate()
        .filter_map(|(from, &o)| {
            let link = plan.objectives[o].aligned_to.as_ref()?;
            let to = *box_of.get(&index.objectives().aligned_objective(link)?)?;
            Some(Link {
                from,
                to,
                via_key_result: matches!(link, Alignment::KeyResult(_)),
            })
        })
        .collect();
    Layout {
        boxes,
        links,
        width: GAP_X + PER_LINE as f64 * (BOX_W + GAP_X),
        height: y.max(BOX_H + GAP_Y),
        total,
    }
}

#[component]
pub fn AlignmentMap(#[prop(into)] roots: Signal<Vec<Id>>) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let svg_ref = NodeRef::<html::Div>::new();
    let drawn = Memo::new_with_compare(
        move |_| {
            let index = cascade.index.get();
            let roots = roots.get();
            state.with_plan(|p| {
                let roots: Vec<usize> = roots.iter().filter_map(|r| index.unit(r)).collect();
                std::sync::Arc::new(layout(p, &index, &roots))
            })
        },
        |_, _| true,
    );
    let download = move |_| {
        let Some(container) = svg_ref.get_untracked() else {
            return;
        };
        if let Ok(Some(svg)) = container.query_selector("svg") {
            download_text("alignment-map.svg", &svg_markup(&svg), "image/svg+xml");
        }
    };
    view! {
        <div class="map">
            <div class="row">
                <p class="hint">
                    {move || drawn.with(|l| {
                        let shown = l.boxes.len();
                        if shown < l.total {
                            format!("Showing {shown} of {} objectives: pick a unit above to see its part.", l.total)
                        } else {
                            format!("{} objectives, {} links. Solid: supports an objective. Dashed: cascaded from a key result.", shown, l.links.len())
                        }
                    })}
                </p>
                <button on:click=download>"Download SVG"</button>
            </div>
            <div node_ref=svg_ref>{move || drawn.with(|l| draw(l))}</div>
        </div>
    }
}

fn draw(l: &Layout) -> impl IntoView {
    let links = l.links.iter().map(|link| {
        let (a, b) = (&l.boxes[link.from], &l.boxes[link.to]);
        let (x1, y1) = (a.x + BOX_W / 2.0, a.y);
        let (x2, y2) = (b.x + BOX_W / 2.0, b.y + BOX_H);
        let mid = (y1 + y2) / 2.0;
        let d = format!("M{x1:.1},{y1:.1} C{x1:.1},{mid:.1} {x2:.1},{mid:.1} {x2:.1},{y2:.1}");
        view! {
            <path d=d fill="none" stroke="#5b6675" stroke-width="2" stroke-dasharray=if link.via_key_result { "6 4" } else { "none" } marker-end="url(#arrow)" />
        }
    }).collect_view();
    let boxes = l.boxes.iter().map(|b| {
        let (stroke, label) = match b.commitment {
            Commitment::Committed => ("#0b5d3b", "committed"),
            Commitment::Aspirational => ("#6a3fb0", "aspirational"),
        };
        let lines = b.title.iter().enumerate().map(|(i, line)| view! {
            <text x=b.x + 12.0 y=b.y + 44.0 + i as f64 * 19.0 font-size="15" font-weight="600" fill="#1b1f24">{line.clone()}</text>
        }).collect_view();
        view! {
            <g>
                <title>{format!("{} — {} ({label})", b.title.join(" "), b.unit)}</title>
                <rect x=b.x y=b.y width=BOX_W height=BOX_H rx="8" fill="#ffffff" stroke=stroke stroke-width="2.5"
                    stroke-dasharray=if b.commitment == Commitment::Aspirational { "8 3" } else { "none" } />
                <text x=b.x + 12.0 y=b.y + 21.0 font-size="13" fill="#545b66">{format!("{} · {label}", b.unit)}</text>
                {lines}
            </g>
        }
    }).collect_view();
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {:.0} {:.0}", l.width, l.height)
            role="img"
            aria-label=format!("Alignment map: {} objectives, {} links", l.boxes.len(), l.links.len())
            font-family="system-ui, sans-serif"
        >
            <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" fill="#5b6675" />
                </marker>
            </defs>
            <rect width="100%" height="100%" fill="#f6f7f9" />
            {links}
            {boxes}
        </svg>
    }
}
