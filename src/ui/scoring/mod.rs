//! The scoring view (grades, check-ins, roll-ups) — filled by the scoring issue.

use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ScoringView() -> impl IntoView {
    let state = AppState::expect();
    let check_ins = move || {
        state.with_plan(|p| {
            p.objectives
                .iter()
                .flat_map(|o| &o.key_results)
                .map(|k| k.check_ins.len())
                .sum::<usize>()
        })
    };
    view! {
        <section aria-labelledby="scoring-title">
            <h1 id="scoring-title">"Scoring"</h1>
            <p>
                {move || state.with_plan(|p| p.key_result_count())} " key results with "
                {check_ins} " check-ins. Grading and charts arrive here next."
            </p>
        </section>
    }
}
