//! Two strategies for the same organisation side by side, each proposed
//! afresh from the start date (the plan itself is left alone).

use super::context::Rollout;
use super::strategy::StrategySelect;
use crate::model::date::day_month_year;
use crate::model::rollout_plan::{compare, CarriedOver, StrategyMetrics};
use crate::model::{Aspects, Strategy};
use leptos::prelude::*;

fn coverage(days: Option<i64>) -> String {
    match days {
        Some(0) => "from the start".into(),
        Some(days) => format!("{days} days (about {:.0} months)", days as f64 / 30.44),
        None => "never: some units stay inactive".into(),
    }
}

#[component]
pub fn Compare() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let first = RwSignal::new(state.editor.with_untracked(|e| e.plan().rollout.strategy));
    let second = RwSignal::new(if first.get_untracked() == Strategy::DepartmentPilot {
        Strategy::LeadershipFirst
    } else {
        Strategy::DepartmentPilot
    });
    // Of the rollout, only what a proposal carries over: editing
    // participation, a phase's name or dates that keep the phases' order does
    // not compare again (two proposals and their risks, some milliseconds at
    // 2,000 units).
    let carried =
        Memo::new(move |_| state.with_aspects(Aspects::ROLLOUT, |p| CarriedOver::of(&p.rollout)));
    let metrics = Memo::new_with_compare(
        move |_| {
            let (a, b, start) = (first.get(), second.get(), rollout.start.get());
            carried.with(|carried| {
                state.with_aspects(Aspects::UNITS.union(Aspects::LAYOUT), |p| {
                    std::sync::Arc::new(compare(p, carried, a, b, start))
                })
            })
        },
        |_, _| true,
    );
    let row = move |label: &'static str, cell: fn(&StrategyMetrics) -> String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{move || metrics.with(|m| cell(&m.0))}</td>
                <td>{move || metrics.with(|m| cell(&m.1))}</td>
            </tr>
        }
    };
    let warnings = move |m: &StrategyMetrics| {
        view! {
            <strong>{m.risks.len()}</strong>
            <ul>{m.risks.iter().map(|r| view! { <li title=r.source>{r.message.clone()}</li> }).collect_view()}</ul>
        }
    };
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare strategies"</h2>
            <p class="hint">"Both proposed from " {move || day_month_year(rollout.start.get())} " for this organisation, with its roles and readiness; the plan itself does not change."</p>
            <table aria-label="Strategy comparison">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col"><StrategySelect label="First strategy" value=first on_pick=move |s| first.set(s) /></th>
                        <th scope="col"><StrategySelect label="Second strategy" value=second on_pick=move |s| second.set(s) /></th>
                    </tr>
                </thead>
                <tbody>
                    {row("Phases", |m| m.phases.to_string())}
                    {row("Time to full coverage", |m| coverage(m.days_to_full_coverage))}
                    {row("Most units newly active in one phase", |m| m.peak_newly_active.to_string())}
                    <tr class="warnings-row">
                        <th scope="row">"Warnings"</th>
                        <td>{move || metrics.with(|m| warnings(&m.0))}</td>
                        <td>{move || metrics.with(|m| warnings(&m.1))}</td>
                    </tr>
                </tbody>
            </table>
        </section>
    }
}
