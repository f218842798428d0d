//! Choosing a strategy: it proposes phases from the plan's own org tree.
//! A phase plan edited by hand is only replaced after asking.

use super::context::Rollout;
use crate::model::date::parse_iso;
use crate::model::rollout_plan::{apply_proposal, hand_edited, propose};
use crate::model::{CheckInCadence, Command, Strategy};
use crate::ui::ids::new_id;
use crate::ui::widgets::Modal;
use leptos::prelude::*;

pub fn strategy_from(value: &str) -> Strategy {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| Strategy::ALL.get(i).copied())
        .unwrap_or_default()
}

pub fn strategy_value(strategy: Strategy) -> String {
    Strategy::ALL
        .iter()
        .position(|&s| s == strategy)
        .unwrap_or(0)
        .to_string()
}

/// A `<select>` of the five strategies.
#[component]
pub fn StrategySelect(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Strategy>,
    on_pick: impl Fn(Strategy) + 'static,
) -> impl IntoView {
    view! {
        <select aria-label=label on:change=move |ev| on_pick(strategy_from(&event_target_value(&ev)))>
            {Strategy::ALL.into_iter().map(|s| view! {
                <option value=strategy_value(s) selected=move || value.get() == s>{s.label()}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn StrategyChooser() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let current = Signal::derive(move || state.with_plan(|p| p.rollout.strategy));
    let picked = RwSignal::new(current.get_untracked());
    let confirming = RwSignal::new(false);

    let apply = move || {
        let strategy = picked.get_untracked();
        let start = rollout.start.get_untracked();
        let applied = state
            .edit(|p| apply_proposal(p, propose(p, strategy, start, &mut |prefix| new_id(prefix))));
        if applied {
            rollout.chosen_phase.set(None);
            state.status.set(format!(
                "Proposed a “{}” rollout. Undo brings the previous phase plan back.",
                strategy.label()
            ));
        }
    };
    let propose_clicked = move |_| {
        if state.with_plan(hand_edited) {
            confirming.set(true);
        } else {
            apply();
        }
    };
    let close = Callback::new(move |()| confirming.set(false));
    let phase_count = move || state.with_plan(|p| p.rollout.phases.len());
    let set_start = move |ev| match parse_iso(&event_target_value(&ev)) {
        Some(date) => rollout.start.set(date),
        None => state.status.set("Enter a start date.".into()),
    };
    let set_cadence = move |ev| {
        let cadence = if event_target_value(&ev) == "biweekly" {
            CheckInCadence::Biweekly
        } else {
            CheckInCadence::Weekly
        };
        state.apply(Command::SetCadence(cadence));
    };
    let cadence = move || state.with_plan(|p| p.rollout.cadence);

    view! {
        <div class="strategy" role="group" aria-label="Strategy">
            <label>
                "Strategy "
                <StrategySelect label="Strategy" value=picked on_pick=move |s| picked.set(s) />
            </label>
            <label>
                "Starting "
                <input type="date" aria-label="Start date" prop:value=move || rollout.start.get().to_string() on:change=set_start />
            </label>
            <button class="primary" on:click=propose_clicked>"Propose phases"</button>
            <label>
                "Check-ins "
                <select aria-label="Check-in cadence" on:change=set_cadence>
                    <option value="weekly" selected=move || cadence() == CheckInCadence::Weekly>"Weekly"</option>
                    <option value="biweekly" selected=move || cadence() == CheckInCadence::Biweekly>"Every two weeks"</option>
                </select>
            </label>
            <span class="hint">"Now: " {move || current.get().label()}</span>
        </div>
        <Show when=move || confirming.get()>
            <Modal title="Replace the phase plan?".to_string() on_close=close>
                <p>
                    "The current " {phase_count} " phases have been edited by hand. A “"
                    {move || picked.get().label()}
                    "” proposal replaces them and every unit's participation; readiness items move to the new phases by position."
                </p>
                <p>"Undo brings the current phase plan back."</p>
                <div class="actions">
                    <button class="primary" on:click=move |_| { confirming.set(false); apply(); }>"Replace phase plan"</button>
                    <button on:click=move |_| close.run(())>"Cancel"</button>
                </div>
            </Modal>
        </Show>
    }
}
