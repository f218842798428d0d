//! Rollout OKRs: the rollout measured with its own key results (seed 004),
//! computed from the plan where it can be.

use super::context::Rollout;
use crate::model::date::day_month_year;
use crate::model::rollout_plan::{check_in_rate, okr_coverage};
use crate::model::Aspects;
use leptos::prelude::*;

struct Measure {
    title: String,
    now: String,
    /// 0.0–1.0 towards the target, where the plan knows it.
    progress: Option<f64>,
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

#[component]
pub fn RolloutOkrs() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let today = rollout.today;
    // Reads only objectives and their check-ins: kept across rollout edits;
    // `None` without a current cycle.
    let check_ins = Memo::new(move |_| {
        state.with_aspects(Aspects::LAYOUT.union(Aspects::MEASURES), |p| {
            p.current_cycle(today)
                .map(|cycle| check_in_rate(p, &cycle.id, today))
        })
    });
    let measures = move || {
        let current = rollout
            .index
            .with(|ix| ix.phases.iter().rposition(|p| p.start <= today));
        let rate = check_ins.get().unwrap_or(0.0);
        let read = Aspects::UNITS
            .union(Aspects::LAYOUT)
            .union(Aspects::ROLLOUT);
        state.with_aspects(read, |p| {
            let mut out = Vec::new();
            let last_end = p.rollout.phases.iter().map(|ph| ph.end).max();
            let points = rollout.adoption.get();
            let active_now = current
                .and_then(|k| points.get(k))
                .map_or(0.0, |a| a.active_units);
            out.push(Measure {
                title: format!(
                    "Every unit active by {}",
                    last_end.map_or("the last phase".into(), day_month_year)
                ),
                now: format!("{} of units active today", percent(active_now)),
                progress: Some(active_now),
            });
            if let Some(people) = current
                .and_then(|k| points.get(k))
                .and_then(|a| a.active_people)
            {
                out.push(Measure {
                    title: "Everyone takes part (people in active units)".into(),
                    now: format!("{} of people", percent(people)),
                    progress: Some(people),
                });
            }
            if let Some(cycle) = p.current_cycle(today) {
                let m = rollout
                    .owners
                    .with(|owners| okr_coverage(p, owners, &cycle.id, today));
                out.push(Measure {
                    title: format!("Every active unit has OKRs for {}", cycle.name),
                    now: format!(
                        "{} of {} active units ({})",
                        m.units_with_okrs,
                        m.active_units,
                        percent(m.coverage)
                    ),
                    progress: Some(m.coverage),
                });
                out.push(Measure {
                    title: format!(
                        "80% of {} key results checked in within two weeks",
                        cycle.name
                    ),
                    now: format!("{} checked in", percent(rate)),
                    progress: Some((rate / 0.8).min(1.0)),
                });
            }
            // From the index rather than strategy_metrics, which would compute the risks once more.
            let full = rollout.index.with(|ix| {
                let everyone = ix.unit_count();
                let first = ix.phases.first()?.start;
                let k = (0..ix.phases.len()).find(|&k| ix.counts(k)[0] == everyone)?;
                Some((ix.phases[k].start - first).num_days())
            });
            out.push(Measure {
                title: "Full coverage within a year".into(),
                now: full.map_or("the plan never reaches every unit".into(), |d| {
                    format!("planned in {d} days")
                }),
                progress: full.map(|d| if d <= 365 { 1.0 } else { 365.0 / d as f64 }),
            });
            out
        })
    };
    view! {
        <section class="rollout-okrs" aria-labelledby="rollout-okrs-title">
            // Not "Rollout …": the view's own heading is the only one named so.
            <h2 id="rollout-okrs-title">"OKRs for the programme itself"</h2>
            <p><strong>"Objective: "</strong>"OKRs become how the whole organisation plans and reviews its work."</p>
            <ul aria-label="Rollout key results">
                {move || measures().into_iter().map(|m| view! {
                    <li>
                        <span class="kr-title">{m.title.clone()}</span>
                        {m.progress.map(|v| view! { <meter min="0" max="1" value=v aria-label=m.title.clone()></meter> })}
                        <span class="kr-now">{m.now}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="hint">"Time invested and feedback from teams (seed 004) are not in the plan: track them by hand."</p>
        </section>
    }
}
