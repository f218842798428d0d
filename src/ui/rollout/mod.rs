//! The rollout planner (strategies, phases, risks) — filled by the rollout issue.

use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn RolloutView() -> impl IntoView {
    let state = AppState::expect();
    let phases = move || {
        state.with_plan(|p| {
            p.rollout
                .phases
                .iter()
                .map(|ph| format!("{} ({} – {})", ph.name, ph.start, ph.end))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="rollout-title">
            <h1 id="rollout-title">"Rollout"</h1>
            <p>"Strategy: " {move || state.with_plan(|p| p.rollout.strategy.label())}</p>
            <ol aria-label="Phases">
                {move || phases().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ol>
        </section>
    }
}
