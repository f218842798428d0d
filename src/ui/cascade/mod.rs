//! The cascade editor: the organisation's units with their OKRs and alignment,
//! as an editable outline and as a drawn map.

mod align_picker;
mod context;
mod map;
mod objective_editor;
mod outline;
mod unit_panel;

use crate::model::search::{objectives_matching, SearchText};
use crate::model::Aspects;
use crate::ui::cycle::CycleSelect;
use crate::ui::state::AppState;
use crate::ui::unit_filter::SubtreeSelect;
use crate::ui::unit_picker::UnitChoices;
use crate::ui::widgets::{drawn_in_steps, first_page, plural, ShowMore, PAGE};
use leptos::prelude::*;
use outline::{ObjectiveCard, Outline};
use unit_panel::UnitPanel;

pub use context::Cascade;
use context::Mode;
pub use map::AlignmentMap;

/// "Expand all" draws the objective cards of every unit shown (a page of each
/// at first); past this many that takes seconds (3.3 s for 10,000 here, 0.36 s
/// for 1,000), so a bigger outline is opened unit by unit or narrowed to a
/// unit with the filter.
const EXPAND_ALL_CARDS: usize = 1000;

/// Objectives found by a search that fill a screen: the first step of the list.
const FOUND_ON_A_SCREEN: usize = 10;

#[component]
pub fn CascadeView() -> impl IntoView {
    let state = AppState::expect();
    let cascade = Cascade::expect();
    let Cascade {
        mode,
        subtree,
        query,
        ..
    } = cascade;
    // Found objectives are drawn a page at a time: one letter can find thousands.
    let found_shown = RwSignal::new(PAGE);

    let roots = Signal::derive(move || match subtree.get() {
        Some(root) if state.with_aspects(Aspects::UNITS, |p| p.unit(&root).is_some()) => vec![root],
        _ => cascade.index.with(|ix| {
            state.with_aspects(Aspects::UNITS, |p| {
                ix.roots().iter().map(|&r| p.units[r].id.clone()).collect()
            })
        }),
    });
    let searching = Memo::new(move |_| !query.with(|q| q.trim().is_empty()));
    // A memo: an edit that leaves what is found alone redraws none of it.
    let found = Memo::new(move |_| {
        if !searching.get() {
            return Vec::new();
        }
        let text = query.with(|q| SearchText::new(q));
        cascade.index.with(|index| {
            let roots: Vec<usize> =
                roots.with(|r| r.iter().filter_map(|id| index.unit(id)).collect());
            state.with_plan(|p| objectives_matching(p, index, &roots, &text))
        })
    });
    let found_drawn = drawn_in_steps(found_shown.into(), FOUND_ON_A_SCREEN, move || {
        let cycle = cascade.cycle_choice.current.get();
        (query.with(|q| q.trim().to_owned()), subtree.get(), cycle)
    });
    let shown_objectives = move || {
        cascade.index.with(|ix| {
            roots.with(|roots| {
                roots
                    .iter()
                    .filter_map(|id| ix.unit(id))
                    .map(|u| ix.objectives_in_subtree(u))
                    .sum::<usize>()
            })
        })
    };
    // The panel is rebuilt only when another unit is picked (or this one goes),
    // never on an edit, so focus stays in the field being edited.
    let editing = Memo::new(move |_| {
        cascade
            .selected
            .get()
            .filter(|id| cascade.index.with(|ix| ix.unit(id).is_some()))
    });
    view! {
        <section class="cascade" aria-labelledby="cascade-title">
            <UnitChoices />
            <div class="view-head">
                <h1 id="cascade-title">"Cascade"</h1>
                <div class="filters" role="group" aria-label="Filters">
                    <CycleSelect choice=cascade.cycle_choice />
                    <SubtreeSelect subtree />
                    <label>
                        "Find "
                        <input type="search" aria-label="Find objectives" placeholder="Title or key result"
                            prop:value=move || query.get() on:input=move |ev| {
                                found_shown.set(PAGE);
                                query.set(event_target_value(&ev));
                            } />
                    </label>
                </div>
                <div class="segmented" role="group" aria-label="Show as">
                    <button aria-pressed=move || (mode.get() == Mode::Outline).to_string() on:click=move |_| mode.set(Mode::Outline)>"Outline"</button>
                    <button aria-pressed=move || (mode.get() == Mode::Map).to_string() on:click=move |_| mode.set(Mode::Map)>"Alignment map"</button>
                </div>
            </div>
            <div class="cascade-body" class:wide=move || mode.get() == Mode::Map>
                <div class="cascade-main">
                    {move || match (mode.get(), searching.get()) {
                        (Mode::Map, _) => view! { <AlignmentMap roots /> }.into_any(),
                        (Mode::Outline, false) => view! {
                            <div class="row">
                                <Show
                                    when=move || roots.with(|r| cascade.cards_if_expanded_within(r, EXPAND_ALL_CARDS))
                                    fallback=move || view! {
                                        <span class="hint">{move || format!("{} here: open units one by one, or pick one under “Unit” above.", plural(shown_objectives(), "objective"))}</span>
                                    }
                                >
                                    <button on:click=move |_| roots.with_untracked(|r| cascade.expand_all_under(r))>"Expand all"</button>
                                </Show>
                                <button on:click=move |_| cascade.collapse_all()>"Collapse all"</button>
                            </div>
                            <Outline roots />
                        }.into_any(),
                        (Mode::Outline, true) => view! {
                            <p role="status">{move || plural(found.with(Vec::len), "objective")} " found"</p>
                            <ul class="objectives" aria-label="Found objectives">
                                <For each=move || found.with(|f| first_page(f, found_drawn.get())) key=|id| id.clone() let:id>
                                    <ObjectiveCard id />
                                </For>
                            </ul>
                            <ShowMore total=Signal::derive(move || found.with(Vec::len)) shown=found_shown />
                        }.into_any(),
                    }}
                </div>
                {move || match (mode.get(), editing.get()) {
                    (Mode::Map, _) => ().into_any(),
                    (Mode::Outline, Some(id)) => view! { <UnitPanel id /> }.into_any(),
                    (Mode::Outline, None) => view! {
                        <aside class="panel empty" aria-label="Unit editor">
                            <p>"Select a unit to edit it and its OKRs."</p>
                            <p class="hint">"Drag a unit onto another to move it there, or use “Move to” in its editor."</p>
                        </aside>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}
