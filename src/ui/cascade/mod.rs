//! The cascade: the organisation's units with their objectives and key results.

use crate::model::{Alignment, Commitment, Id, Plan, UnitTree};
use crate::ui::clock::today;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn CascadeView() -> impl IntoView {
    let state = AppState::expect();
    let default_cycle = state
        .editor
        .with_untracked(|e| e.plan().current_cycle(today()).map(|c| c.id.clone()));
    let cycle = RwSignal::new(default_cycle);
    let cycles = move || {
        state.with_plan(|p| {
            p.cycles
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let on_cycle = move |ev| cycle.set(Some(Id::from(event_target_value(&ev).as_str())));

    view! {
        <section aria-labelledby="cascade-title">
            <div class="view-head">
                <h1 id="cascade-title">"Cascade"</h1>
                <label>
                    "Cycle "
                    <select on:change=on_cycle>
                        {move || {
                            cycles()
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = cycle.get().as_ref() == Some(&id);
                                    view! { <option value=id.to_string() selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            {move || {
                let cycle = cycle.get();
                state.with_plan(|plan| outline(plan, cycle.as_ref()))
            }}
        </section>
    }
}

fn outline(plan: &Plan, cycle: Option<&Id>) -> AnyView {
    let tree = UnitTree::new(plan);
    view! {
        <ul class="outline" aria-label="Organisation">
            {tree.roots.iter().map(|&u| unit_item(plan, &tree, u, cycle)).collect_view()}
        </ul>
    }
    .into_any()
}

fn unit_item(plan: &Plan, tree: &UnitTree, index: usize, cycle: Option<&Id>) -> AnyView {
    let unit = &plan.units[index];
    let objectives: Vec<_> = plan
        .objectives
        .iter()
        .filter(|o| o.unit == unit.id && Some(&o.cycle) == cycle)
        .collect();
    let children = tree.children(index);
    view! {
        <li class="unit">
            <div class="unit-head">
                <span class="unit-name">{unit.name.clone()}</span>
                <span class="kind">{unit.kind.label().to_owned()}</span>
            </div>
            {(!objectives.is_empty()).then(|| view! {
                <ul class="objectives" aria-label=format!("Objectives of {}", unit.name)>
                    {objectives.into_iter().map(|o| view! {
                        <li class="objective">
                            <span class="title">{o.title.clone()}</span>
                            <span class=format!("tag {}", commitment_class(o.commitment))>
                                {commitment_label(o.commitment)}
                            </span>
                            {o.aligned_to.as_ref().map(|a| view! {
                                <span class="aligned">"supports " {alignment_title(plan, a)}</span>
                            })}
                            <ul class="krs">
                                {o.key_results.iter().map(|k| view! { <li>{k.title.clone()}</li> }).collect_view()}
                            </ul>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(!children.is_empty()).then(|| view! {
                <ul class="units">
                    {children.iter().map(|&c| unit_item(plan, tree, c, cycle)).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

fn commitment_label(c: Commitment) -> &'static str {
    match c {
        Commitment::Committed => "Committed",
        Commitment::Aspirational => "Aspirational",
    }
}

fn commitment_class(c: Commitment) -> &'static str {
    match c {
        Commitment::Committed => "committed",
        Commitment::Aspirational => "aspirational",
    }
}

fn alignment_title(plan: &Plan, alignment: &Alignment) -> String {
    let found = match alignment {
        Alignment::Objective(id) => plan
            .objectives
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.title.clone()),
        Alignment::KeyResult(id) => plan
            .objectives
            .iter()
            .flat_map(|o| &o.key_results)
            .find(|k| &k.id == id)
            .map(|k| k.title.clone()),
    };
    found.unwrap_or_else(|| "(missing)".into())
}
