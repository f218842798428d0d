//! The phases as a row of buttons: pick one to see the organisation in it,
//! or drop a unit on one to make the unit active from that phase on. Below,
//! the picked phase's name and dates.

use super::context::Rollout;
use crate::model::date::{day_month_year, parse_iso};
use crate::model::rollout_plan::{edit_phase, move_unit_to_phase};
use crate::model::Id;
use crate::ui::fields::TextField;
use crate::ui::widgets::painted;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Makes the dragged unit active from `phase` on; shared by every drop target.
pub fn drop_on_phase(rollout: Rollout, phase: &Id, ev: &ev::DragEvent) {
    let Some(unit) = rollout.dragging.get_untracked() else {
        return;
    };
    ev.prevent_default();
    rollout.dragging.set(None);
    let state = rollout.state;
    if state.edit(|p| move_unit_to_phase(p, &unit, phase)) {
        let names = state.with_plan(|p| {
            let unit = p.unit(&unit).map(|u| u.name.clone());
            let phase = p.rollout.phases.iter().find(|ph| &ph.id == phase);
            unit.zip(phase.map(|ph| ph.name.clone()))
        });
        if let Some((unit, phase)) = names {
            state
                .status
                .set(format!("{unit} is active from “{phase}” on."));
        }
    }
}

/// Lets a dragged unit be dropped here.
pub fn accept_unit(rollout: Rollout, ev: &ev::DragEvent) {
    if rollout.dragging.with_untracked(Option::is_some) {
        ev.prevent_default();
    }
}

#[component]
pub fn PhaseBar() -> impl IntoView {
    let rollout = Rollout::expect();
    let ids = Memo::new(move |_| {
        rollout
            .index
            .with(|ix| ix.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
    });
    // The risks go over every objective (a tenth of the view's opening at
    // 10,000 objectives): their marks follow the first paint.
    let painted = painted();
    view! {
        <ol class="phase-bar" aria-label="Phases">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <PhaseTab id painted />
            </For>
        </ol>
    }
}

#[component]
fn PhaseTab(id: Id, painted: Signal<bool>) -> impl IntoView {
    let rollout = Rollout::expect();
    let data = {
        let id = id.clone();
        Memo::new(move |_| {
            rollout.index.with(|ix| {
                let k = ix.position(&id)?;
                let phase = &ix.phases[k];
                let [active, view_only, waiting] = ix.counts(k);
                Some((
                    k,
                    phase.name.clone(),
                    format!("{} – {}", day_month_year(phase.start), day_month_year(phase.end)),
                    format!(
                        "+{} newly active · {active} active, {view_only} view-only, {waiting} not started",
                        ix.newly_active(k)
                    ),
                ))
            })
        })
    };
    let selected = move || data.with(|d| d.as_ref().map(|d| d.0)) == rollout.phase.get();
    let has_risk = {
        let id = id.clone();
        move || {
            painted.get()
                && rollout
                    .risks
                    .with(|r| r.iter().any(|r| r.subject.as_ref() == Some(&id)))
        }
    };
    let pick = {
        let id = id.clone();
        move |_| rollout.chosen_phase.set(Some(id.clone()))
    };
    let on_drop = {
        let id = id.clone();
        move |ev: ev::DragEvent| drop_on_phase(rollout, &id, &ev)
    };
    let field = move |i: usize| {
        move || {
            data.with(|d| {
                d.as_ref()
                    .map(|d| [d.1.clone(), d.2.clone(), d.3.clone()][i].clone())
            })
        }
    };
    view! {
        <li
            class="phase-tab"
            class:selected=selected
            on:dragover=move |ev: ev::DragEvent| accept_unit(rollout, &ev)
            on:drop=on_drop
        >
            <button
                aria-pressed=move || selected().to_string()
                title="Show this phase; drop a unit here to make it active from this phase on"
                on:click=pick
            >
                <strong>{field(0)}</strong>
            </button>
            <span class="phase-details">
                <span>{field(1)}</span>
                <span>{field(2)}</span>
            </span>
            {move || has_risk().then(|| view! { <span class="warning">"⚠ has risks"</span> })}
        </li>
    }
}

/// The picked phase's name and dates, rebuilt only when another phase is picked.
#[component]
pub fn PhaseEditor() -> impl IntoView {
    let rollout = Rollout::expect();
    let picked = Memo::new(move |_| rollout.selected_phase().map(|(id, _)| id));
    move || picked.get().map(|id| view! { <PhaseFields id /> })
}

#[component]
fn PhaseFields(id: Id) -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let phase = {
        let id = id.clone();
        Memo::new(move |_| {
            rollout
                .index
                .with(|ix| ix.position(&id).map(|k| ix.phases[k].clone()))
        })
    };
    let name = Signal::derive(move || {
        phase.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    });
    let rename = {
        let id = id.clone();
        move |text: String| state.edit(|p| edit_phase(p, &id, |ph| ph.name = text))
    };
    let date = move |is_start: bool| {
        move || {
            phase.with(|p| {
                p.as_ref()
                    .map(|p| if is_start { p.start } else { p.end }.to_string())
                    .unwrap_or_default()
            })
        }
    };
    let set_date = move |is_start: bool| {
        let id = id.clone();
        move |ev: ev::Event| {
            let applied = parse_iso(&event_target_value(&ev)).is_some_and(|day| {
                state.edit(|p| {
                    edit_phase(p, &id, |ph| {
                        if is_start {
                            ph.start = day;
                        } else {
                            ph.end = day;
                        }
                    })
                })
            });
            if !applied {
                // A refused date: show the model's again.
                let input: Option<web_sys::HtmlInputElement> =
                    ev.target().and_then(|t| t.dyn_into().ok());
                if let Some(input) = input {
                    input.set_value(&date(is_start)());
                }
            }
        }
    };
    view! {
        <div class="phase-fields form-grid" role="group" aria-label="Selected phase">
            <label class="wide">"Phase name" <TextField label="Phase name" value=name commit=rename /></label>
            <label>"Starts" <input type="date" aria-label="Phase start" prop:value=date(true) on:change=set_date(true) /></label>
            <label>"Ends" <input type="date" aria-label="Phase end" prop:value=date(false) on:change=set_date(false) /></label>
        </div>
    }
}
