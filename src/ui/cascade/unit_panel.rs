//! The editor for one unit: its own fields, where it sits, and its OKRs for the cycle.

use super::context::Cascade;
use super::objective_editor::ObjectiveEditor;
use crate::io::part::export_part;
use crate::model::{ops, Aspects, Commitment, Id, Objective, Review, Unit, UnitKind};
use crate::ui::fields::TextField;
use crate::ui::files::{export_unit_part, ShareLinkButton};
use crate::ui::ids::new_id;
use crate::ui::paint::after_paint;
use crate::ui::unit_picker::UnitPicker;
use crate::ui::widgets::{first_page, painted, plural, Modal, ShowMore, PAGE};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Objective editors drawn with the panel; the rest follow a paint later.
const FIRST_EDITORS: usize = 1;

const KINDS: [&str; 5] = ["Company", "Department", "Team", "Person", "Other…"];

fn kind_choice(kind: &UnitKind) -> &'static str {
    match kind {
        UnitKind::Company => KINDS[0],
        UnitKind::Department => KINDS[1],
        UnitKind::Team => KINDS[2],
        UnitKind::Person => KINDS[3],
        UnitKind::Custom(_) => KINDS[4],
    }
}

/// The kind a new unit below `parent` most likely has.
fn kind_below(parent: &UnitKind) -> UnitKind {
    match parent {
        UnitKind::Company => UnitKind::Department,
        UnitKind::Department | UnitKind::Custom(_) => UnitKind::Team,
        UnitKind::Team | UnitKind::Person => UnitKind::Person,
    }
}

#[component]
pub fn UnitPanel(id: Id) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let unit = {
        let id = id.clone();
        Memo::new(move |_| {
            let position = cascade.index.with(|ix| ix.unit(&id))?;
            state.with_plan(|p| p.units.get(position).cloned())
        })
    };
    let name = Signal::derive(move || {
        unit.with(|u| u.as_ref().map(|u| u.name.clone()).unwrap_or_default())
    });
    let custom_kind = Signal::derive(move || {
        unit.with(|u| match u.as_ref().map(|u| &u.kind) {
            Some(UnitKind::Custom(kind)) => kind.clone(),
            _ => String::new(),
        })
    });
    let path = {
        let id = id.clone();
        move || cascade.path_of(&id)
    };
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Unit)>| state.edit(|p| ops::edit_unit(p, &id, change))
    };
    let rename = {
        let edit = edit.clone();
        move |text: String| edit(Box::new(move |u| u.name = text))
    };
    let set_custom_kind = {
        let edit = edit.clone();
        move |text: String| edit(Box::new(move |u| u.kind = UnitKind::Custom(text)))
    };
    let set_kind = {
        let edit = edit.clone();
        move |ev| {
            let kind = match event_target_value(&ev).as_str() {
                "Company" => UnitKind::Company,
                "Department" => UnitKind::Department,
                "Team" => UnitKind::Team,
                "Person" => UnitKind::Person,
                _ => UnitKind::Custom("Group".into()),
            };
            edit(Box::new(move |u| u.kind = kind));
        }
    };

    // Where it can move: anywhere but into itself or below itself.
    // Moving under a unit, or to the top level; the model refuses a move into its own subtree.
    let move_to = {
        let id = id.clone();
        move |parent: Option<Id>| {
            let moved = state.edit(|p| ops::move_unit(p, &id, parent.as_ref()));
            if moved {
                if let Some(parent) = parent {
                    cascade.set_expanded(&parent, true);
                }
                state.status.set("Moved. Undo moves it back.".into());
            }
            moved
        }
    };
    let move_under = {
        let move_to = move_to.clone();
        move |parent: Id| move_to(Some(parent))
    };
    let shift = {
        let id = id.clone();
        move |up: bool| {
            state.edit(|p| ops::shift_unit(p, &id, up));
        }
    };
    let shift_down = shift.clone();
    let add_child = {
        let id = id.clone();
        move |_| {
            let kind = unit
                .with_untracked(|u| u.as_ref().map(|u| kind_below(&u.kind)))
                .unwrap_or(UnitKind::Team);
            let child = Unit {
                id: new_id("u"),
                name: "New unit".into(),
                kind,
                parent: Some(id.clone()),
                headcount: None,
            };
            let child_id = child.id.clone();
            if state.edit(|p| ops::add_unit(p, child)) {
                cascade.set_expanded(&id, true);
                cascade.selected.set(Some(child_id));
            }
        }
    };
    let objectives = {
        let id = id.clone();
        Memo::new(move |_| {
            let index = cascade.index.get();
            // Units and layout: what the index is built from.
            state.with_aspects(Aspects::UNITS.union(Aspects::LAYOUT), |p| {
                index
                    .unit(&id)
                    .map(|u| {
                        index
                            .objectives_of(u)
                            .iter()
                            .map(|&o| p.objectives[o].id.clone())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    // Drawn a page at a time: a flat import can put thousands on one unit.
    // Objectives added here come last in the list and are drawn after the page.
    let shown = RwSignal::new(PAGE);
    let added = RwSignal::new(Vec::<Id>::new());
    // Read by the list and by "Show more": built once per change.
    let page = Memo::new(move |_| {
        objectives.with(|all| {
            let end = shown.get().min(all.len());
            let mut page = all[..end].to_vec();
            added.with(|added| {
                page.extend(added.iter().filter(|id| all[end..].contains(id)).cloned())
            });
            page
        })
    });
    // The first editor comes with the panel, the rest of the page a paint
    // later: one fills the panel on a laptop, and a unit selected shows in
    // the frame after the click.
    let painted = painted();
    let drawn = move || {
        page.with(|page| {
            if painted.get() {
                page.clone()
            } else {
                first_page(page, FIRST_EDITORS)
            }
        })
    };
    let add_objective = {
        let id = id.clone();
        move |_| {
            let Some(cycle) = cascade.cycle_choice.current.get_untracked() else {
                state.status.set("Add a cycle first.".into());
                return;
            };
            let objective = Objective {
                id: new_id("o"),
                title: "New objective".into(),
                description: String::new(),
                unit: id.clone(),
                cycle,
                commitment: Commitment::Committed,
                aligned_to: None,
                key_results: Vec::new(),
                review: Review::default(),
            };
            let new = objective.id.clone();
            if state.edit(|p| ops::add_objective(p, objective)) {
                added.update(|added| added.push(new));
            }
        }
    };
    let cycle_name = move || {
        cascade
            .cycle_choice
            .current
            .with(|c| {
                c.as_ref()
                    .and_then(|c| state.with_plan(|p| p.cycle(c).map(|c| c.name.clone())))
            })
            .unwrap_or_default()
    };
    let confirm_delete = RwSignal::new(false);

    view! {
        <aside class="panel" aria-label=move || format!("Unit: {}", name.get())>
            <p class="path">{path}</p>
            <h2>{move || name.get()}</h2>
            <div class="form-grid">
                <label>"Name" <TextField label="Unit name" value=name commit=rename /></label>
                <label>
                    "Kind "
                    <select aria-label="Kind" on:change=set_kind>
                        {KINDS.map(|k| view! {
                            <option value=k selected=move || unit.with(|u| u.as_ref().map(|u| kind_choice(&u.kind)) == Some(k))>{k}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || unit.with(|u| matches!(u.as_ref().map(|u| &u.kind), Some(UnitKind::Custom(_))))>
                    <label>"Custom kind" <TextField label="Custom kind" value=custom_kind commit=set_custom_kind.clone() /></label>
                </Show>
            </div>
            <div class="row">
                <label>
                    "Move to "
                    <UnitPicker label="Move to" value=Signal::stored(String::new()) commit=move_under placeholder="Type or pick a unit" />
                </label>
                <button on:click=move |_| { move_to(None); }>"Move to top level"</button>
            </div>
            <div class="row">
                <button on:click=move |_| shift(true)>"Move up"</button>
                <button on:click=move |_| shift_down(false)>"Move down"</button>
                <button on:click=add_child>"Add unit below"</button>
                <button class="danger" on:click=move |_| confirm_delete.set(true)>"Delete unit…"</button>
            </div>
            <div class="row" role="group" aria-label="Share this unit's part">
                <button on:click={
                    let id = id.clone();
                    move |_| export_unit_part(state, &id)
                }>"Export this unit's part"</button>
                <ShareLinkButton what=name.get_untracked() plan={
                    let id = id.clone();
                    move || state.editor.with_untracked(|e| export_part(e.plan(), &id))
                } />
            </div>
            <h3>"Objectives in " {cycle_name}</h3>
            <For each=drawn key=|id| id.clone() let:objective>
                <ObjectiveEditor id=objective />
            </For>
            <ShowMore total=Signal::derive(move || objectives.with(Vec::len)) shown drawn=Signal::derive(move || page.with(Vec::len)) />
            <button class="primary" on:click=add_objective>"Add objective"</button>
            <Show when=move || confirm_delete.get()>
                <DeleteUnitDialog id=id.clone() on_close=Callback::new(move |()| confirm_delete.set(false)) />
            </Show>
        </aside>
    }
}

#[component]
fn DeleteUnitDialog(id: Id, on_close: Callback<()>) -> impl IntoView {
    let cascade = Cascade::expect();
    let state = cascade.state;
    let (name, parent, revision, prepared) = state.editor.with_untracked(|e| {
        let p = e.plan();
        let unit = p.unit(&id);
        (
            unit.map(|u| u.name.clone()).unwrap_or_default(),
            unit.and_then(|u| u.parent.clone()),
            e.revision(),
            ops::delete_unit(p, &id).ok(),
        )
    });
    let mut goes = Vec::new();
    if let Some((_, impact)) = &prepared {
        if impact.units > 1 {
            goes.push(format!("{} below it", plural(impact.units - 1, "unit")));
        }
        if impact.objectives > 0 {
            goes.push(format!(
                "{} with {}",
                plural(impact.objectives, "objective"),
                plural(impact.key_results, "key result")
            ));
        }
        if impact.unlinked > 0 {
            goes.push(format!(
                "the alignment links of {} elsewhere",
                plural(impact.unlinked, "objective")
            ));
        }
    }
    let goes = if goes.is_empty() {
        "Nothing else goes with it.".to_owned()
    } else {
        format!("This also deletes {}.", goes.join(", "))
    };
    // The deletion the dialog counted is the one applied, unless the plan
    // changed meanwhile (another tab): working it out again took about 8 ms
    // of the click for a department of a 10,000-objective plan.
    let prepared = StoredValue::new(prepared.map(|(command, _)| command));
    let delete = move |_| {
        let unchanged = state.editor.with_untracked(|e| e.revision() == revision);
        let counted = prepared.try_update_value(Option::take).flatten();
        let deleted = state.edit(|p| match counted.filter(|_| unchanged) {
            Some(command) => Ok(command),
            None => ops::delete_unit(p, &id).map(|(command, _)| command),
        });
        if deleted {
            // The parent takes the selection, and the focus that goes with
            // the dialog and this panel.
            cascade.focus_selected.set_value(parent.is_some());
            cascade.selected.set(parent.clone());
            // Asked once: with no outline drawn (a search, the map) no row
            // takes it, and it must not pull focus when one is drawn later.
            spawn_local(async move {
                after_paint().await;
                cascade.focus_selected.try_set_value(false);
            });
            state.status.set("Deleted. Undo brings it all back.".into());
        }
        on_close.run(());
    };
    view! {
        <Modal title=format!("Delete {name}?") on_close>
            <p>{goes}</p>
            <p>"You can undo this."</p>
            <div class="actions">
                <button class="primary danger" on:click=delete>"Delete"</button>
                <button on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}
