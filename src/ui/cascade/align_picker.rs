//! A searchable list of what an objective can be aligned to: objectives and
//! key results of the cycle, minus anything that would make a loop.

use super::context::Cascade;
use crate::model::search::SearchText;
use crate::model::{ops, Alignment, Id};
use crate::ui::widgets::Modal;
use leptos::prelude::*;

/// More results than this are not drawn; the search narrows them.
const SHOWN: usize = 50;

#[derive(Clone)]
struct Candidate {
    link: Alignment,
    label: String,
    context: String,
}

#[component]
pub fn AlignPicker(objective: Id, on_close: Callback<()>) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let query = RwSignal::new(String::new());
    let candidates = {
        let objective = objective.clone();
        state.editor.with_untracked(|e| {
            let p = e.plan();
            let index = cascade.index.get_untracked();
            let positions = index.objectives();
            let Some(at) = positions.objective(&objective) else {
                return Vec::new();
            };
            let Some(own) = p.objective_at(at, &objective) else {
                return Vec::new();
            };
            let loops = positions.supporting(p, at);
            let cycle = p.cycle(&own.cycle).cloned();
            let mut list = Vec::new();
            for (o, looping) in p.objectives.iter().zip(loops) {
                let same_time = match (&cycle, p.cycle(&o.cycle)) {
                    (Some(own), Some(theirs)) => theirs.start <= own.start && own.end <= theirs.end,
                    _ => false,
                };
                if looping || !same_time {
                    continue;
                }
                let unit = index
                    .unit(&o.unit)
                    .map(|u| p.units[u].name.clone())
                    .unwrap_or_default();
                list.push(Candidate {
                    link: Alignment::Objective(o.id.clone()),
                    label: o.title.clone(),
                    context: format!("Objective of {unit}"),
                });
                for k in &o.key_results {
                    list.push(Candidate {
                        link: Alignment::KeyResult(k.id.clone()),
                        label: k.title.clone(),
                        context: format!("Key result of “{}”", o.title),
                    });
                }
            }
            list
        })
    };
    let total = candidates.len();
    let candidates = StoredValue::new(candidates);
    let shown = move || {
        let text = query.with(|q| SearchText::new(q));
        candidates.with_value(|list| {
            list.iter()
                .filter(|c| text.found_in(&c.label) || text.found_in(&c.context))
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let title = state
        .with_plan(|p| p.objective(&objective).map(|o| o.title.clone()))
        .unwrap_or_default();
    let choose = move |link: Alignment| {
        if state.edit(|p| ops::align(p, &objective, Some(link))) {
            state.status.set("Aligned.".into());
        }
        on_close.run(());
    };
    view! {
        <Modal title=format!("Align “{title}” to…") on_close>
            <label>
                "Search "
                <input
                    type="search"
                    aria-label="Search objectives and key results"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <p class="hint">{total} " possible targets in this cycle; loops are left out."</p>
            <ul class="picker" aria-label="Alignment targets">
                {move || shown().into_iter().map(|c| {
                    let choose = choose.clone();
                    let link = c.link.clone();
                    view! {
                        <li>
                            <button on:click=move |_| choose(link.clone())>
                                <span class="label">{c.label}</span>
                                <span class="context">{c.context}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="actions"><button on:click=move |_| on_close.run(())>"Cancel"</button></div>
        </Modal>
    }
}
