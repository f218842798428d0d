//! The scoring view: check-ins during the cycle, 0.0–1.0 grades at its end,
//! the review and summary, and rollover into the next cycle.

mod badge;
mod chart;
mod context;
mod grades;
mod history;
mod review;
mod rollover;

use crate::model::{Aspects, Command};
use crate::ui::cycle::CycleSelect;
use crate::ui::state::AppState;
use crate::ui::unit_filter::SubtreeSelect;
use crate::ui::widgets::{drawn_in_steps, first_page, ShowMore, CARDS_ON_A_SCREEN};
use badge::ScoreBadge;
use context::{Order, Scoring};
use leptos::prelude::*;
use review::{CycleSummaryPanel, ReviewNotes};
use rollover::RolloverDialog;

pub use context::Scoring as ScoringContext;
pub use grades::ObjectiveScores;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Grades,
    Review,
}

#[component]
pub fn ScoringView() -> impl IntoView {
    let state = AppState::expect();
    let scoring = Scoring::expect();
    let tab = RwSignal::new(Tab::Grades);
    let rolling_over = RwSignal::new(false);
    // Drawn a page at a time: a cycle of a large organisation has thousands.
    let visible = Memo::new(move |_| scoring.visible_objectives());
    let headline = move || {
        let unit = scoring.unit_in_view.get();
        scoring.scores.with(|s| {
            let scores = s.as_ref().as_ref()?;
            state.with_plan(|p| {
                let root = unit.or_else(|| {
                    p.units
                        .iter()
                        .find(|u| u.parent.is_none())
                        .map(|u| u.id.clone())
                })?;
                let name = p.unit(&root)?.name.clone();
                Some((name, scores.subtree(&root)))
            })
        })
    };
    let roll_up = move || state.with_aspects(Aspects::LAYOUT, |p| p.settings.roll_up_aligned);
    let set_roll_up = move |ev| {
        let mut settings = state.with_plan(|p| p.settings.clone());
        settings.roll_up_aligned = event_target_checked(&ev);
        state.apply(Command::SetSettings(settings));
    };
    let order_choice = move |ev| {
        scoring.order.set(match event_target_value(&ev).as_str() {
            "lowest" => Order::LowestFirst,
            "highest" => Order::HighestFirst,
            _ => Order::Plan,
        })
    };

    view! {
        <section class="scoring" aria-labelledby="scoring-title">
            <div class="view-head">
                <h1 id="scoring-title">"Scoring"</h1>
                <div class="filters" role="group" aria-label="Filters">
                    <CycleSelect choice=scoring.cycle />
                    <SubtreeSelect subtree=scoring.subtree />
                    <label>
                        "Sort "
                        <select aria-label="Sort" on:change=order_choice>
                            // Marked, not set: the order outlives the view.
                            <option value="plan" selected=move || scoring.order.get() == Order::Plan>"As planned"</option>
                            <option value="lowest" selected=move || scoring.order.get() == Order::LowestFirst>"Lowest score first"</option>
                            <option value="highest" selected=move || scoring.order.get() == Order::HighestFirst>"Highest score first"</option>
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=roll_up on:change=set_roll_up />
                        " Count aligned objectives into their parent's score"
                    </label>
                </div>
                <div class="segmented" role="group" aria-label="Stage">
                    <button aria-pressed=move || (tab.get() == Tab::Grades).to_string() on:click=move |_| tab.set(Tab::Grades)>"Check-ins and grades"</button>
                    <button aria-pressed=move || (tab.get() == Tab::Review).to_string() on:click=move |_| tab.set(Tab::Review)>"End of cycle"</button>
                </div>
            </div>
            {move || headline().map(|(name, score)| view! {
                <p class="headline">{format!("{name}, all objectives: ")} <ScoreBadge score=Signal::stored(score) /></p>
            })}
            {move || match tab.get() {
                Tab::Grades => {
                    let drawn = drawn_in_steps(scoring.shown.into(), CARDS_ON_A_SCREEN, move || scoring.list_choice());
                    view! {
                        <p class="hint">"Type a key result's new value and press Enter: it is checked in for today and the next key result's field is focused (Shift+Enter goes back)."</p>
                        <For each=move || visible.with(|ids| first_page(ids, drawn.get())) key=|id| id.clone() let:id>
                            <ObjectiveScores id />
                        </For>
                        <ShowMore total=Signal::derive(move || visible.with(Vec::len)) shown=scoring.shown />
                    }.into_any()
                }
                Tab::Review => view! {
                    <CycleSummaryPanel />
                    <div class="row">
                        <button class="primary" on:click=move |_| rolling_over.set(true)>"Start the next cycle…"</button>
                    </div>
                    <ReviewNotes objectives=visible />
                }.into_any(),
            }}
            <Show when=move || rolling_over.get()>
                <RolloverDialog on_close=Callback::new(move |()| rolling_over.set(false)) />
            </Show>
        </section>
    }
}
