//! The org tree coloured by participation in the selected phase. Each row
//! changes its unit's status in that phase, or the phase it becomes active
//! from, by keyboard (two selects) or by dragging the row onto a phase.

use super::context::{slot, status_class, status_label, status_mark, Rollout, STATUSES};
use crate::model::rollout_plan::{move_unit_to_phase, set_participation};
use crate::model::{Id, ParticipationStatus};
use crate::ui::widgets::FieldGroup;
use leptos::ev;
use leptos::prelude::*;

/// Drawing every row of a bigger organisation at once takes seconds; it is opened level by level instead.
const EXPAND_ALL_LIMIT: usize = 500;

#[component]
pub fn OrgStatus() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let roots = Memo::new(move |_| rollout.index.with(|ix| ix.roots.clone()));
    let summary = move || {
        let k = rollout.phase.get()?;
        rollout.index.with(|ix| {
            let [active, view_only, waiting] = ix.counts(k);
            Some(format!(
                "{active} active, {view_only} view-only, {waiting} not started"
            ))
        })
    };
    let unit_count = move || rollout.index.with(|ix| ix.unit_count());
    let expand_all = move |_| {
        let all = state.with_plan(|p| p.units.iter().map(|u| u.id.clone()).collect());
        rollout.expanded.set(all);
    };
    view! {
        <section class="org-status" aria-labelledby="org-status-title">
            <h2 id="org-status-title">
                "Organisation in “" {move || rollout.selected_phase().map(|(_, name)| name)} "”"
            </h2>
            <p class="hint">{summary}". Drag a unit onto a phase above to make it active from there on."</p>
            <ul class="legend" aria-label="Participation legend">
                {STATUSES.into_iter().map(|s| view! {
                    <li><span class=format!("status-badge {}", status_class(s))>{status_mark(s)} " " {status_label(s)}</span></li>
                }).collect_view()}
            </ul>
            <div class="row no-print">
                <Show
                    when=move || unit_count() <= EXPAND_ALL_LIMIT
                    fallback=move || view! { <span class="hint">{move || format!("{} units: open them level by level.", unit_count())}</span> }
                >
                    <button on:click=expand_all>"Expand all"</button>
                </Show>
                <button on:click=move |_| rollout.expanded.update(|s| s.clear())>"Collapse all"</button>
            </div>
            <ul class="org" aria-label="Organisation">
                <For each=move || roots.get() key=|id| id.clone() let:id>
                    <UnitRow id />
                </For>
            </ul>
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct RowData {
    name: String,
    kind: String,
    status: ParticipationStatus,
    starts: Option<usize>,
    children: Vec<Id>,
}

#[component]
fn UnitRow(id: Id) -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let data = {
        let id = id.clone();
        Memo::new(move |_| {
            let phase = rollout.phase.get();
            rollout.index.with(|ix| {
                let u = ix.unit(&id)?;
                state.with_plan(|p| {
                    let unit = p.units.get(u)?;
                    Some(RowData {
                        name: unit.name.clone(),
                        kind: unit.kind.label().to_owned(),
                        status: phase
                            .map(|k| ix.status[k][u])
                            .unwrap_or(ParticipationStatus::NotStarted),
                        starts: ix.starts_in(u),
                        children: ix.children(u).to_vec(),
                    })
                })
            })
        })
    };
    let phase_names = Memo::new(move |_| {
        rollout
            .index
            .with(|ix| ix.phases.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
    });
    let name = move || data.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let status = move || {
        data.with(|d| d.as_ref().map(|d| d.status))
            .unwrap_or_default()
    };
    let child_count = move || data.with(|d| d.as_ref().map_or(0, |d| d.children.len()));
    let is_expanded = {
        let id = id.clone();
        Memo::new(move |_| rollout.expanded.with(|set| set.contains(&id)))
    };

    let set_status = {
        let id = id.clone();
        move |ev: ev::Event| {
            let Some((phase, _)) = rollout.selected_phase() else {
                return;
            };
            let status = STATUSES
                .into_iter()
                .find(|&s| status_label(s) == event_target_value(&ev))
                .unwrap_or_default();
            state.edit(|p| set_participation(p, &id, &phase, status));
        }
    };
    let set_start = {
        let id = id.clone();
        move |ev: ev::Event| {
            let Ok(k) = event_target_value(&ev).parse::<usize>() else {
                return;
            };
            let phase = rollout
                .index
                .with_untracked(|ix| ix.phases.get(k).map(|p| p.id.clone()));
            if let Some(phase) = phase {
                state.edit(|p| move_unit_to_phase(p, &id, &phase));
            }
        }
    };
    let on_dragstart = {
        let id = id.clone();
        move |ev: ev::DragEvent| {
            ev.stop_propagation();
            if let Some(transfer) = ev.data_transfer() {
                let _ = transfer.set_data("text/plain", id.as_str());
                transfer.set_effect_allowed("move");
            }
            rollout.dragging.set(Some(id.clone()));
        }
    };
    let toggle = {
        let id = id.clone();
        move |_| rollout.toggle(&id)
    };

    view! {
        <li>
            <div
                class=move || format!("org-row {}", status_class(status()))
                draggable="true"
                on:dragstart=on_dragstart
                on:dragend=move |_| rollout.dragging.set(None)
            >
                <button
                    class="disclosure"
                    aria-expanded=move || (child_count() > 0).then(|| is_expanded.get().to_string())
                    aria-label=move || format!("{} {}", if is_expanded.get() { "Collapse" } else { "Expand" }, name())
                    disabled=move || child_count() == 0
                    on:click=toggle
                >
                    {move || if child_count() == 0 { "·" } else if is_expanded.get() { "▾" } else { "▸" }}
                </button>
                // The mark's shape tells the status apart without colour; the select says it in words.
                <span class=move || format!("status-mark {}", status_class(status())) aria-hidden="true" title=move || status_label(status())>
                    {move || status_mark(status())}
                </span>
                <span class="org-name" title=move || data.with(|d| d.as_ref().map(|d| format!("{} ({})", d.name, d.kind)))>{name}</span>
                {move || (child_count() != 0 && !is_expanded.get()).then(|| view! {
                    <span class="kind">{format!("+{} below", child_count())}</span>
                })}
                <FieldGroup>
                    <select class="no-print" aria-label=move || format!("Participation of {}", name()) on:change=set_status>
                        {STATUSES.into_iter().map(|s| view! {
                            <option selected=move || slot(status()) == slot(s)>{status_label(s)}</option>
                        }).collect_view()}
                    </select>
                    <select class="no-print" aria-label=move || format!("{} active from", name()) on:change=set_start>
                        <option value="" disabled=true selected=move || data.with(|d| d.as_ref().is_none_or(|d| d.starts.is_none()))>
                            "Not yet active"
                        </option>
                        {move || phase_names.get().into_iter().enumerate().map(|(k, phase)| view! {
                            <option value=k.to_string() selected=move || data.with(|d| d.as_ref().and_then(|d| d.starts)) == Some(k)>
                                {phase}
                            </option>
                        }).collect_view()}
                    </select>
                </FieldGroup>
            </div>
            <Show when=move || is_expanded.get() && child_count() != 0>
                <ul>
                    <For
                        each=move || data.with(|d| d.as_ref().map(|d| d.children.clone()).unwrap_or_default())
                        key=|id| id.clone()
                        let:child
                    >
                        {view! { <UnitRow id=child /> }.into_any()}
                    </For>
                </ul>
            </Show>
        </li>
    }
}
