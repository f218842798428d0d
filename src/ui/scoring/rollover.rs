//! Starting the next cycle and carrying the unfinished objectives into it.

use super::context::Scoring;
use crate::model::date::day_month_year;
use crate::model::scoring::{finished, rollover, Pick};
use crate::model::{Cycle, CycleKind, Id};
use crate::ui::ids::new_id;
use crate::ui::widgets::plural;
use crate::ui::widgets::{first_page, BusyButton, Cancelled, Modal, ShowMore, PAGE};
use chrono::{Datelike, Days, Months};
use leptos::prelude::*;
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// The cycle after `cycle`: an existing one starting the next day, else a new
/// cycle of the same length and kind.
fn next_cycle(cycles: &[Cycle], cycle: &Cycle) -> Cycle {
    let start = cycle.end + Days::new(1);
    if let Some(existing) = cycles
        .iter()
        .find(|c| c.start == start && c.kind == cycle.kind)
    {
        return existing.clone();
    }
    let months = match cycle.kind {
        CycleKind::Year => 12,
        _ => 3,
    };
    let end = start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start);
    let name = match cycle.kind {
        CycleKind::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
        CycleKind::Year => start.year().to_string(),
        CycleKind::Custom => format!("After {}", cycle.name),
    };
    Cycle {
        id: new_id("cy"),
        name,
        kind: cycle.kind,
        start,
        end,
    }
}

#[derive(Clone)]
struct Candidate {
    objective: Id,
    title: String,
    key_results: Vec<(Id, String)>,
}

#[component]
pub fn RolloverDialog(on_close: Callback<()>) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    let Some(from) = scoring.cycle.current.get_untracked() else {
        return view! { <Modal title="Start the next cycle".to_owned() on_close><p>"There is no cycle to roll over."</p></Modal> }.into_any();
    };
    // The dialog holds what stays behind, not what is carried: a cycle of
    // thousands of objectives carries most of them, and few start unticked.
    let mut unticked = FxHashSet::default();
    let (current, next, candidates) = state.editor.with_untracked(|e| {
        let p = e.plan();
        let current = p.cycle(&from).cloned();
        let next = current.as_ref().map(|c| next_cycle(&p.cycles, c));
        let scores = scoring.scores.get_untracked();
        let scores = scores.as_ref().as_ref();
        // Unfinished: below 1.0 (`finished`). Key results that reached 1.0 start unticked.
        // Scores are looked up by position: the scores are of this plan.
        let candidates: Vec<Candidate> = p
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| o.cycle == from)
            .filter(|&(at, _)| {
                scores
                    .and_then(|s| s.objective_at(at))
                    .is_none_or(|s| !finished(s))
            })
            .map(|(at, o)| Candidate {
                objective: o.id.clone(),
                title: o.title.clone(),
                key_results: o
                    .key_results
                    .iter()
                    .enumerate()
                    .map(|(k, kr)| {
                        let done = scores
                            .and_then(|s| s.key_result_at(at, k))
                            .is_some_and(|s| finished(s.value));
                        if done {
                            unticked.insert(kr.id.clone());
                        }
                        (kr.id.clone(), kr.title.clone())
                    })
                    .collect(),
            })
            .collect();
        (current, next, candidates)
    });
    let (Some(current), Some(next)) = (current, next) else {
        return ().into_any();
    };
    let candidates = Arc::new(candidates);
    let name = RwSignal::new(next.name.clone());
    let unticked = RwSignal::new(unticked);
    // Ticks or unticks every objective; their key results keep their ticks.
    let carry_every = {
        let candidates = candidates.clone();
        move |carry: bool| {
            unticked.update(|set| {
                for c in candidates.iter() {
                    if carry {
                        set.remove(&c.objective);
                    } else {
                        set.insert(c.objective.clone());
                    }
                }
            })
        }
    };
    let carry_none = carry_every.clone();
    // Drawn a page at a time: a large organisation leaves thousands unfinished.
    let shown = RwSignal::new(PAGE);
    let toggle = move |id: Id| {
        unticked.update(|set| {
            if !set.remove(&id) {
                set.insert(id);
            }
        })
    };
    let count = {
        let candidates = candidates.clone();
        move || {
            unticked.with(|set| {
                candidates
                    .iter()
                    .filter(|c| !set.contains(&c.objective))
                    .count()
            })
        }
    };
    let start = {
        let candidates = candidates.clone();
        let next = next.clone();
        move |_: Cancelled| {
            let picks: Vec<Pick> = unticked.with_untracked(|set| {
                candidates
                    .iter()
                    .filter(|c| !set.contains(&c.objective))
                    .map(|c| Pick {
                        objective: c.objective.clone(),
                        key_results: c
                            .key_results
                            .iter()
                            .filter(|k| !set.contains(&k.0))
                            .map(|k| k.0.clone())
                            .collect(),
                    })
                    .collect()
            });
            let mut cycle = next.clone();
            cycle.name = name.get_untracked().trim().to_owned();
            let from = from.clone();
            // Carrying thousands of objectives takes a third of a second:
            // the button says "Starting…" first.
            async move {
                let target = cycle.id.clone();
                let cycle_name = cycle.name.clone();
                if !state.edit(|p| rollover(p, &from, cycle, &picks, &mut |prefix| new_id(prefix)))
                {
                    return false;
                }
                scoring.cycle.chosen.set(Some(target));
                state.status.set(format!(
                    "Started {cycle_name} with {}. Undo reverts it all.",
                    plural(picks.len(), "carried objective")
                ));
                on_close.run(());
                true
            }
        }
    };
    let dates = format!(
        "{} – {}",
        day_month_year(next.start),
        day_month_year(next.end)
    );
    view! {
        <Modal title=format!("Start the cycle after {}", current.name) on_close>
            <div class="form-grid two">
                <label>"Name of the next cycle" <input aria-label="Next cycle name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <p>"Dates: " {dates}</p>
            </div>
            <p>"Unfinished objectives (below 1.0) are listed; untick what should not carry over. Key results that reached 1.0 start unticked."</p>
            <div class="actions">
                <button on:click=move |_| carry_every(true)>"Carry all"</button>
                <button on:click=move |_| carry_none(false)>"Carry none"</button>
            </div>
            <ul class="carry" aria-label="Objectives to carry over">
                <For each={ let candidates = candidates.clone(); move || first_page(&candidates, shown.get()) } key=|c| c.objective.clone() let:c>{{
                    let objective = c.objective.clone();
                    let checked = { let objective = objective.clone(); move || unticked.with(|s| !s.contains(&objective)) };
                    view! {
                        <li>
                            <label><input type="checkbox" prop:checked=checked.clone() on:change={ let objective = objective.clone(); move |_| toggle(objective.clone()) } />
                                " " {c.title.clone()}</label>
                            <ul>
                                {c.key_results.into_iter().map(|(id, title)| {
                                    let checked = { let id = id.clone(); move || unticked.with(|s| !s.contains(&id)) };
                                    view! {
                                        <li><label><input type="checkbox" prop:checked=checked
                                            on:change=move |_| toggle(id.clone()) /> " " {title}</label></li>
                                    }
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }}</For>
            </ul>
            <ShowMore total=candidates.len() shown />
            <div class="actions">
                <BusyButton
                    label=Signal::derive(move || format!("Start {} and carry {}", name.get(), plural(count(), "objective")))
                    busy_label=Signal::derive(move || format!("Starting {}…", name.get()))
                    work=start
                />
                <button on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
    .into_any()
}
