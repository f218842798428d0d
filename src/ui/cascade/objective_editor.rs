//! Editing one objective and its key results in place.

use super::align_picker::AlignPicker;
use super::context::Cascade;
use super::outline::WarningBadges;
use crate::model::quality::Subject;
use crate::model::{ops, Commitment, Id, KeyResult, MeasureKind, Objective};
use crate::ui::fields::{NumberField, TextField};
use crate::ui::ids::new_id;
use crate::ui::unit_picker::UnitPicker;
use leptos::prelude::*;

#[component]
pub fn ObjectiveEditor(id: Id) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let objective = {
        let id = id.clone();
        Memo::new(move |_| cascade.objective(&id))
    };
    let title = Signal::derive(move || {
        objective.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default())
    });
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Objective)>| {
            state.edit(|p| ops::edit_objective(p, &id, change))
        }
    };
    let retitle = {
        let edit = edit.clone();
        move |text: String| edit(Box::new(move |o| o.title = text))
    };
    let set_commitment = {
        let edit = edit.clone();
        move |ev| {
            let commitment = if event_target_value(&ev) == "aspirational" {
                Commitment::Aspirational
            } else {
                Commitment::Committed
            };
            edit(Box::new(move |o| o.commitment = commitment));
        }
    };
    let set_owner = {
        let edit = edit.clone();
        move |unit: Id| {
            let moved = edit(Box::new(move |o| o.unit = unit));
            if moved {
                state.status.set("Objective moved to another unit.".into());
            }
            moved
        }
    };
    let owner_path = Signal::derive(move || {
        objective
            .with(|o| o.as_ref().map(|o| o.unit.clone()))
            .map(|unit| cascade.path_of(&unit))
            .unwrap_or_default()
    });
    let supports = move || {
        objective.with(|o| {
            o.as_ref()
                .and_then(|o| o.aligned_to.clone())
                .map(|a| cascade.link_title(&a))
        })
    };
    let supporters = Memo::new(move |_| {
        let index = cascade.index.get();
        objective.with(|o| {
            let Some(o) = o else {
                return Vec::new();
            };
            state.with_plan(|p| {
                std::iter::once(&o.id)
                    .chain(o.key_results.iter().map(|k| &k.id))
                    .flat_map(|target| index.supporters(target).into_owned())
                    .map(|s| {
                        let s = &p.objectives[s];
                        let unit = index.unit(&s.unit).map(|u| p.units[u].name.as_str());
                        format!("{} ({})", s.title, unit.unwrap_or_default())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let unlink = {
        let id = id.clone();
        move |_| {
            state.edit(|p| ops::align(p, &id, None));
        }
    };
    let picking = RwSignal::new(false);
    let add_kr = {
        let id = id.clone();
        move |_| {
            let kr = KeyResult {
                id: new_id("kr"),
                title: "New key result".into(),
                measure: MeasureKind::Number,
                start: 0.0,
                target: 1.0,
                unit_of_measure: String::new(),
                weight: 1.0,
                check_ins: Vec::new(),
                score_override: None,
            };
            state.edit(|p| ops::add_key_result(p, &id, kr));
        }
    };
    let shift = {
        let id = id.clone();
        move |up: bool| {
            state.edit(|p| ops::shift_objective(p, &id, up));
        }
    };
    let shift_down = shift.clone();
    let delete = {
        let id = id.clone();
        move |_| {
            if state.edit(|p| ops::delete_objective(p, &id)) {
                state
                    .status
                    .set("Objective deleted. Undo brings it back.".into());
            }
        }
    };
    let key_results = move || {
        objective.with(|o| {
            o.as_ref()
                .map(Objective::key_result_ids)
                .unwrap_or_default()
        })
    };
    let objective_warnings = {
        let subject = Subject::Objective(id.clone());
        move || objective.with(|o| cascade.warnings_for(&subject, o.as_ref()))
    };

    let owner = id.clone();
    view! {
        <section class="objective-editor" role="group" aria-label=move || format!("Objective: {}", title.get())>
            <div class="form-grid">
                <label class="wide">"Objective" <TextField label="Objective title" value=title commit=retitle class="title-input" /></label>
                <label>
                    "Commitment "
                    <select aria-label="Commitment" on:change=set_commitment>
                        <option value="committed" selected=move || objective.with(|o| o.as_ref().is_some_and(|o| o.commitment == Commitment::Committed))>"Committed"</option>
                        <option value="aspirational" selected=move || objective.with(|o| o.as_ref().is_some_and(|o| o.commitment == Commitment::Aspirational))>"Aspirational"</option>
                    </select>
                </label>
                <label class="wide">
                    "Owner "
                    <UnitPicker label="Owner" value=owner_path commit=set_owner />
                </label>
            </div>
            <WarningBadges warnings=Signal::derive(objective_warnings) />
            <div class="links">
                <p>
                    {move || match supports() {
                        Some(target) => view! { "Supports: " <strong>{target}</strong> }.into_any(),
                        None => view! { "Supports nothing yet." }.into_any(),
                    }}
                    " "
                    <button on:click=move |_| picking.set(true)>"Align to…"</button>
                    <Show when=move || supports().is_some()>
                        <button on:click=unlink.clone()>"Remove link"</button>
                    </Show>
                </p>
                <Show when=move || !supporters.get().is_empty()>
                    <p>"Supported by:"</p>
                    <ul class="supporters" aria-label="Supported by">
                        {move || supporters.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <h4>"Key results"</h4>
            <For each=key_results key=|id| id.clone() let:kr>
                <KeyResultEditor objective=objective objective_id=owner.clone() id=kr />
            </For>
            <div class="row">
                <button on:click=add_kr>"Add key result"</button>
                <button on:click=move |_| shift(true)>"Move objective up"</button>
                <button on:click=move |_| shift_down(false)>"Move objective down"</button>
                <button class="danger" on:click=delete>"Delete objective"</button>
            </div>
            <Show when=move || picking.get()>
                <AlignPicker objective=id.clone() on_close=Callback::new(move |()| picking.set(false)) />
            </Show>
        </section>
    }
}

/// Each measure with its value in the select, its name (short: the select
/// is a third of the panel wide) and what it means.
const MEASURES: [(MeasureKind, &str, &str, &str); 4] = [
    (
        MeasureKind::Number,
        "number",
        "Number",
        "From a start value to a target",
    ),
    (
        MeasureKind::Percentage,
        "percentage",
        "Percentage",
        "From a start percentage to a target",
    ),
    (
        MeasureKind::Milestone,
        "milestone",
        "Milestone",
        "Done (1.0) or not (0.0)",
    ),
    (
        MeasureKind::Grade,
        "grade",
        "Grade 0.0–1.0",
        "A grade given by hand",
    ),
];

/// One key result of `objective` (the objective editor's memo: read
/// through it, a key result follows its objective without a copy of it).
#[component]
fn KeyResultEditor(objective: Memo<Option<Objective>>, objective_id: Id, id: Id) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let kr = {
        let id = id.clone();
        Memo::new(move |_| {
            objective.with(|o| {
                o.as_ref()
                    .and_then(|o| o.key_results.iter().find(|k| k.id == id).cloned())
            })
        })
    };
    let field = move |read: fn(&KeyResult) -> String| {
        Signal::derive(move || kr.with(|k| k.as_ref().map(read).unwrap_or_default()))
    };
    let number = move |read: fn(&KeyResult) -> f64| {
        Signal::derive(move || kr.with(|k| k.as_ref().map(read).unwrap_or_default()))
    };
    let title = field(|k| k.title.clone());
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut KeyResult)>| {
            state.edit(|p| {
                ops::edit_objective(p, &objective_id, |o| {
                    if let Some(k) = o.key_results.iter_mut().find(|k| k.id == id) {
                        change(k);
                    }
                })
            })
        }
    };
    let e = edit.clone();
    let retitle = move |text: String| e(Box::new(move |k| k.title = text));
    let e = edit.clone();
    let set_start = move |v: f64| e(Box::new(move |k| k.start = v));
    let e = edit.clone();
    let set_target = move |v: f64| e(Box::new(move |k| k.target = v));
    let e = edit.clone();
    let set_uom = move |text: String| e(Box::new(move |k| k.unit_of_measure = text));
    let e = edit.clone();
    let set_weight = move |v: f64| v >= 0.0 && e(Box::new(move |k| k.weight = v));
    let e = edit.clone();
    let set_measure = move |ev| {
        let value = event_target_value(&ev);
        if let Some(&(measure, ..)) = MEASURES.iter().find(|(_, v, ..)| *v == value) {
            e(Box::new(move |k| {
                k.measure = measure;
                if matches!(measure, MeasureKind::Milestone | MeasureKind::Grade) {
                    k.start = 0.0;
                    k.target = 1.0;
                }
            }));
        }
    };
    let cascade_to = {
        let id = id.clone();
        move |unit: Id| {
            let cascaded = state.edit(|p| ops::cascade_key_result(p, &id, &unit, new_id("o")));
            if cascaded {
                state.status.set(
                    "Cascaded: the unit now has an objective linked to this key result.".into(),
                );
            }
            // The field is for the next cascade: it empties after this one.
            false
        }
    };
    let shift = {
        let id = id.clone();
        move |up: bool| {
            state.edit(|p| ops::shift_key_result(p, &id, up));
        }
    };
    let shift_down = shift.clone();
    let delete = {
        let id = id.clone();
        move |_| {
            state.edit(|p| ops::delete_key_result(p, &id));
        }
    };
    let kr_warnings = {
        let subject = Subject::KeyResult(id.clone());
        move || objective.with(|o| cascade.warnings_for(&subject, o.as_ref()))
    };

    view! {
        <div class="kr-editor" role="group" aria-label=move || format!("Key result: {}", title.get())>
            <div class="form-grid">
                <label class="wide">"Key result" <TextField label="Key result title" value=title commit=retitle /></label>
                <label>
                    "Measure "
                    <select aria-label="Measure" on:change=set_measure>
                        {MEASURES.map(|(kind, value, label, meaning)| view! {
                            <option value=value title=meaning selected=move || kr.with(|k| k.as_ref().map(|k| k.measure) == Some(kind))>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>"Start" <NumberField label="Start" value=number(|k| k.start) commit=set_start /></label>
                <label>"Target" <NumberField label="Target" value=number(|k| k.target) commit=set_target /></label>
                <label>"Unit" <TextField label="Unit of measure" value=field(|k| k.unit_of_measure.clone()) commit=set_uom /></label>
                <label>"Weight" <NumberField label="Weight" value=number(|k| k.weight) commit=set_weight step="0.1" /></label>
            </div>
            <WarningBadges warnings=Signal::derive(kr_warnings) />
            <div class="row">
                <label>
                    "Cascade to "
                    <UnitPicker label="Cascade to" value=Signal::stored(String::new()) commit=cascade_to placeholder="Type or pick a unit" />
                </label>
                <button on:click=move |_| shift(true) aria-label="Move key result up">"↑"</button>
                <button on:click=move |_| shift_down(false) aria-label="Move key result down">"↓"</button>
                <button class="danger" on:click=delete>"Delete key result"</button>
            </div>
        </div>
    }
}
