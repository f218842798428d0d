//! The outline: units as an expandable tree with their objectives, counts and
//! warnings. Units can be dragged onto another unit to move them there.

use super::context::Cascade;
use crate::model::quality::Subject;
use crate::model::{ops, Aspects, Commitment, Id, KeyResult, Objective};
use crate::ui::widgets::{first_page, plural, thousands, PaintQueue, ShowMore, PAGE};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Objective cards drawn per paint when many units are open as they are
/// drawn (a small plan opened, a moved unit, the units below one that
/// "Expand all" opens): more than a tall screen holds (a card is about 140
/// pixels high), a tenth of the 300 a plan of 60 units has.
const CARDS_PER_PAINT: usize = 12;

/// The outline's units take turns to draw their objective cards.
#[derive(Clone, Copy)]
struct CardTurns(PaintQueue);

#[component]
pub fn Outline(#[prop(into)] roots: Signal<Vec<Id>>) -> impl IntoView {
    let cascade = Cascade::expect();
    provide_context(CardTurns(PaintQueue::new(CARDS_PER_PAINT)));
    let tree = NodeRef::<html::Div>::new();
    // One effect and one set of drag listeners for the whole outline, not
    // one per row: a move draws the moved unit's rows again, and each
    // listener and effect a row makes is work on that path.
    Effect::new(move || {
        let Some(unit) = cascade.selected_unit() else {
            return;
        };
        if cascade.focus_selected.try_update_value(std::mem::take) != Some(true) {
            return;
        }
        let row = tree.get_untracked().and_then(|t| row_for(&t, &unit));
        if let Some(button) = row.as_ref().and_then(name_button) {
            let _ = button.focus();
        }
    });
    // The unit being dragged. Dropping is allowed anywhere in the app (it
    // takes files), so only the drop needs a handler here.
    let dragging = StoredValue::new(None::<Id>);
    let on_dragstart = move |ev: ev::DragEvent| {
        let Some((_, unit)) = row_of(&ev) else { return };
        if let Some(transfer) = ev.data_transfer() {
            let _ = transfer.set_data("text/plain", unit.as_str());
            transfer.set_effect_allowed("move");
        }
        dragging.set_value(Some(unit));
    };
    let on_drop = move |ev: ev::DragEvent| {
        let Some((row, target)) = row_of(&ev) else {
            return;
        };
        let Some(dragged) = dragging.try_update_value(Option::take).flatten() else {
            return;
        };
        ev.prevent_default();
        ev.stop_propagation();
        if dragged == target {
            return;
        }
        // Focus goes to the unit dropped onto: the dragged unit's row
        // (which a press gave focus) is drawn anew under it, and a
        // focused element that goes makes Chromium lay out the page.
        if let Some(button) = name_button(&row) {
            let _ = button.focus();
        }
        if cascade
            .state
            .edit(|p| ops::move_unit(p, &dragged, Some(&target)))
        {
            cascade.set_expanded(&target, true);
        }
    };
    view! {
        <div
            class="outline-tree"
            node_ref=tree
            on:dragstart=on_dragstart
            on:dragend=move |_| dragging.set_value(None)
            on:drop=on_drop
        >
            <Units ids=roots parent=None class="outline" label="Organisation" />
        </div>
    }
}

/// The outline row an event happened in, and its unit.
fn row_of(ev: &ev::DragEvent) -> Option<(web_sys::Element, Id)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let row = target.closest(".unit-row").ok()??;
    let unit = row.get_attribute("data-unit")?;
    Some((row, Id::from(unit.as_str())))
}

/// The row of `unit` in the outline, if it is drawn.
fn row_for(outline: &web_sys::Element, unit: &Id) -> Option<web_sys::Element> {
    let rows = outline.query_selector_all(".unit-row").ok()?;
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|row| row.get_attribute("data-unit").as_deref() == Some(unit.as_str()))
}

/// The button naming a row's unit.
fn name_button(row: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    row.query_selector(".unit-name").ok()??.dyn_into().ok()
}

/// Units side by side, drawn a page at a time (a flat organisation can put
/// thousands under one unit), and always the selected unit or the one it is
/// under: a unit just added comes last, a unit moved may land past a page.
#[component]
fn Units(
    #[prop(into)] ids: Signal<Vec<Id>>,
    /// Whose units they are; `None` at the top.
    parent: Option<Id>,
    class: &'static str,
    #[prop(optional)] label: Option<&'static str>,
    /// Whose units they are, for the "Show more" button ("under Sales").
    #[prop(optional, into)]
    whose: Signal<String>,
) -> impl IntoView {
    let cascade = Cascade::expect();
    let shown = cascade.units_page(parent);
    let selected_beyond_page = Memo::new(move |_| {
        cascade.selected_line.with(|line| {
            ids.with(|ids| {
                ids.iter()
                    .skip(shown.get())
                    .find(|id| line.contains(id))
                    .cloned()
            })
        })
    });
    let drawn = Memo::new(move |_| {
        let mut drawn = ids.with(|ids| first_page(ids, shown.get()));
        drawn.extend(selected_beyond_page.get());
        drawn
    });
    view! {
        <ul class=class aria-label=label>
            <For each=move || drawn.get() key=|id| id.clone() let:id>
                {view! { <UnitNode id /> }.into_any()}
            </For>
        </ul>
        <ShowMore total=Signal::derive(move || ids.with(Vec::len)) shown drawn=Signal::derive(move || drawn.with(Vec::len)) noun="units" whose />
    }
}

#[derive(Clone, PartialEq)]
struct NodeData {
    name: String,
    kind: String,
    children: Vec<Id>,
    objectives: Vec<Id>,
    own: usize,
    in_subtree: usize,
    root: bool,
}

#[component]
fn UnitNode(id: Id) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let data = {
        let id = id.clone();
        Memo::new(move |_| {
            let index = cascade.index.get();
            let position = index.unit(&id)?;
            // Units and layout: what the index is built from.
            state.with_aspects(Aspects::UNITS.union(Aspects::LAYOUT), |p| {
                let unit = &p.units[position];
                let objectives: Vec<Id> = index
                    .objectives_of(position)
                    .iter()
                    .map(|&o| p.objectives[o].id.clone())
                    .collect();
                Some(NodeData {
                    name: unit.name.clone(),
                    kind: unit.kind.label().to_owned(),
                    children: index
                        .children(position)
                        .iter()
                        .map(|&c| p.units[c].id.clone())
                        .collect(),
                    own: objectives.len(),
                    root: unit.parent.is_none(),
                    in_subtree: index.objectives_in_subtree(position),
                    objectives,
                })
            })
        })
    };
    let name = move || data.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let is_expanded = {
        let id = id.clone();
        Memo::new(move |_| {
            let root = data.with(|d| d.as_ref().is_some_and(|d| d.root));
            cascade.is_expanded(&id, root)
        })
    };
    // Drawn a page at a time: a flat import can put thousands on one unit.
    let shown = RwSignal::new(PAGE);
    // Open from the start, its cards wait their turn (see `CardTurns`);
    // opened later by hand, they show at once.
    let cards = data.with_untracked(|d| d.as_ref().map_or(0, |d| d.own.min(PAGE)));
    let cards_turn = if is_expanded.get_untracked() && cards > 0 {
        expect_context::<CardTurns>().0.ask(cards)
    } else {
        Signal::stored(true)
    };
    let drawn = move || {
        if !cards_turn.get() {
            return Vec::new();
        }
        data.with(|d| {
            d.as_ref()
                .map(|d| first_page(&d.objectives, shown.get()))
                .unwrap_or_default()
        })
    };
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| cascade.is_selected(&id))
    };
    let children = Memo::new(move |_| {
        data.with(|d| d.as_ref().map(|d| d.children.clone()).unwrap_or_default())
    });
    let has_content =
        move || data.with(|d| d.as_ref().is_some_and(|d| d.own + d.children.len() > 0));
    let counts = move || {
        data.with(|d| {
            d.as_ref().map(|d| {
                let own = plural(d.own, "objective");
                if d.in_subtree > d.own {
                    format!("{own} · {} including units below", thousands(d.in_subtree))
                } else {
                    own
                }
            })
        })
    };
    let unit_warnings = {
        let subject = Subject::Unit(id.clone());
        move || cascade.warnings_for(&subject, None)
    };

    let toggle = {
        let id = id.clone();
        move |_| cascade.set_expanded(&id, !is_expanded.get_untracked())
    };
    let select = {
        let id = id.clone();
        move |_| cascade.selected.set(Some(id.clone()))
    };
    view! {
        <li class="unit">
            <div
                class="unit-row"
                class:selected=is_selected
                draggable="true"
                data-unit=id.to_string()
            >
                <button
                    class="disclosure"
                    aria-expanded=move || is_expanded.get().to_string()
                    aria-label=move || format!("{} {}", if is_expanded.get() { "Collapse" } else { "Expand" }, name())
                    disabled=move || !has_content()
                    on:click=toggle
                >
                    {move || if !has_content() { "·" } else if is_expanded.get() { "▾" } else { "▸" }}
                </button>
                <button class="unit-name" aria-pressed=move || is_selected.get().to_string() on:click=select>
                    {name}
                </button>
                <span class="kind">{move || data.with(|d| d.as_ref().map(|d| d.kind.clone()))}</span>
                <span class="count">{counts}</span>
                <WarningBadges warnings=Signal::derive(unit_warnings) />
            </div>
            <Show when=move || is_expanded.get()>
                <ul class="objectives" aria-label=move || format!("Objectives of {}", name())>
                    <For
                        each=drawn
                        key=|id| id.clone()
                        let:objective
                    >
                        <ObjectiveCard id=objective />
                    </For>
                </ul>
                <ShowMore total=Signal::derive(move || data.with(|d| d.as_ref().map_or(0, |d| d.own))) shown whose=Signal::derive(move || format!("of {}", name())) />
                <Units ids=children parent=Some(id.clone()) class="units" whose=Signal::derive(move || format!("under {}", name())) />
            </Show>
        </li>
    }
}

#[component]
pub fn ObjectiveCard(id: Id) -> impl IntoView {
    let cascade = Cascade::expect();
    let objective = {
        let id = id.clone();
        Memo::new(move |_| cascade.objective(&id))
    };
    let links = Memo::new(move |_| {
        let o = objective.get()?;
        let supports = o.aligned_to.as_ref().map(|a| cascade.link_title(a));
        let supporters = cascade.index.with(|index| {
            index.supporters(&o.id).len()
                + o.key_results
                    .iter()
                    .map(|k| index.supporters(&k.id).len())
                    .sum::<usize>()
        });
        Some((supports, supporters))
    });
    let objective_warnings = {
        let subject = Subject::Objective(id.clone());
        move || objective.with(|o| cascade.warnings_for(&subject, o.as_ref()))
    };
    // A memo: warnings are looked up again on every move of a unit, this
    // card's rarely change, and the card redraws only when they do.
    let kr_warnings = Memo::new(move |_| {
        objective.with(|o| {
            let Some(o) = o else { return Vec::new() };
            let subject = |k: &KeyResult| Subject::KeyResult(k.id.clone());
            let of = |k| cascade.warnings_for(&subject(k), Some(o));
            o.key_results.iter().map(of).collect::<Vec<_>>()
        })
    });
    move || {
        objective.get().map(|o: Objective| {
            let (supports, supporters) = links.get().unwrap_or((None, 0));
            view! {
                <li class="objective">
                    <span class="title">{o.title.clone()}</span>
                    <CommitmentTag commitment=o.commitment />
                    <WarningBadges warnings=Signal::derive(objective_warnings.clone()) />
                    {supports.map(|s| view! { <span class="aligned">"supports " {s}</span> })}
                    {(supporters > 0).then(|| view! {
                        <span class="aligned">"supported by " {plural(supporters, "objective")}</span>
                    })}
                    <ul class="krs">
                        {o.key_results.iter().zip(kr_warnings.get()).map(|(k, warnings)| view! {
                            <li>{k.title.clone()} <WarningBadges warnings=Signal::stored(warnings) /></li>
                        }).collect_view()}
                    </ul>
                </li>
            }
        })
    }
}

#[component]
pub fn CommitmentTag(commitment: Commitment) -> impl IntoView {
    let (class, label) = match commitment {
        Commitment::Committed => ("tag committed", "Committed"),
        Commitment::Aspirational => ("tag aspirational", "Aspirational"),
    };
    view! { <span class=class>{label}</span> }
}

/// Warning markers: a shape and a word, never colour alone; the reason on hover and for screen readers.
#[component]
pub fn WarningBadges(
    #[prop(into)] warnings: Signal<Vec<crate::model::quality::Warning>>,
) -> impl IntoView {
    // Redrawn only when they change, not whenever the index they are looked up in is rebuilt.
    let warnings = Memo::new(move |_| warnings.get());
    move || {
        warnings
            .get()
            .into_iter()
            .map(|w| view! { <span class="warning" title=w.why.clone()>"⚠ " <span class="why">{w.why.clone()}</span></span> })
            .collect_view()
    }
}
