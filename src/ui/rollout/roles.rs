//! Who runs the rollout (seed 002): an executive sponsor, an OKR champion,
//! ambassadors for their units, and members.

use super::context::Rollout;
use crate::model::rollout_plan::{add_role, edit_role, remove_role};
use crate::model::{Id, Role, RoleAssignment};
use crate::ui::cascade::Cascade;
use crate::ui::fields::TextField;
use crate::ui::ids::new_id;
use crate::ui::unit_picker::{UnitChoices, UnitPicker};
use leptos::ev;
use leptos::prelude::*;

const ROLES: [(Role, &str, &str); 4] = [
    (
        Role::ExecutiveSponsor,
        "Executive sponsor",
        "Add executive sponsor",
    ),
    (Role::Champion, "OKR champion", "Add OKR champion"),
    (Role::Ambassador, "Ambassador", "Add ambassador"),
    (Role::Member, "Member", "Add member"),
];

fn role_label(role: Role) -> &'static str {
    ROLES
        .iter()
        .find(|(r, _, _)| *r == role)
        .map_or("", |(_, label, _)| label)
}

#[component]
pub fn Roles() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let ids = Memo::new(move |_| {
        state.with_plan(|p| {
            p.rollout
                .roles
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |role: Role| {
        let assignment = RoleAssignment {
            id: new_id("r"),
            role,
            person: String::new(),
            unit: None,
        };
        state.edit(|p| add_role(p, assignment));
    };
    view! {
        <section class="roles" aria-labelledby="roles-title">
            <h2 id="roles-title">"Roles"</h2>
            <UnitChoices />
            <table aria-label="Roles">
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Person"</th><th scope="col">"For unit"</th><th scope="col"><span class="visually-hidden">"Remove"</span></th></tr></thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <RoleRow id />
                    </For>
                </tbody>
            </table>
            <div class="row no-print">
                {ROLES.into_iter().map(|(role, _, add_label)| view! {
                    <button on:click=move |_| add(role)>{add_label}</button>
                }).collect_view()}
            </div>
            <p class="hint">"Members are everyone in an active unit; name some here if they have a part to play."</p>
        </section>
    }
}

#[component]
fn RoleRow(id: Id) -> impl IntoView {
    let state = Rollout::expect().state;
    let paths = Cascade::expect().unit_choices;
    let role = {
        let id = id.clone();
        Memo::new(move |_| {
            state.with_plan(|p| p.rollout.roles.iter().find(|r| r.id == id).cloned())
        })
    };
    let person = Signal::derive(move || {
        role.with(|r| r.as_ref().map(|r| r.person.clone()).unwrap_or_default())
    });
    let unit_path = Signal::derive(move || {
        let unit = role.with(|r| r.as_ref().and_then(|r| r.unit.clone()));
        unit.and_then(|u| {
            paths.with(|all| {
                all.iter()
                    .find(|(id, _)| *id == u)
                    .map(|(_, path)| path.clone())
            })
        })
        .unwrap_or_default()
    });
    let kind_name =
        move || role.with(|r| r.as_ref().map(|r| role_label(r.role)).unwrap_or_default());
    let who = move || {
        let person = person.get();
        if person.is_empty() {
            kind_name().to_lowercase()
        } else {
            person
        }
    };
    let set_role = {
        let id = id.clone();
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            if let Some((role, _, _)) = ROLES.iter().find(|(_, label, _)| *label == value) {
                state.edit(|p| edit_role(p, &id, |r| r.role = *role));
            }
        }
    };
    let rename = {
        let id = id.clone();
        move |text: String| state.edit(|p| edit_role(p, &id, |r| r.person = text))
    };
    let set_unit = {
        let id = id.clone();
        move |unit: Id| state.edit(|p| edit_role(p, &id, |r| r.unit = Some(unit.clone())))
    };
    let clear_unit = {
        let id = id.clone();
        Callback::new(move |()| state.edit(|p| edit_role(p, &id, |r| r.unit = None)))
    };
    let remove = move |_| {
        state.edit(|p| remove_role(p, &id));
    };
    view! {
        <tr>
            <td>
                <select aria-label=move || format!("Role of {}", who()) on:change=set_role>
                    {ROLES.into_iter().map(|(r, label, _)| view! {
                        <option selected=move || role.with(|x| x.as_ref().map(|x| x.role)) == Some(r)>{label}</option>
                    }).collect_view()}
                </select>
            </td>
            <td><TextField label="Person" value=person commit=rename /></td>
            <td>
                <UnitPicker label=Signal::derive(move || format!("Unit of {}", who())) value=unit_path
                    commit=set_unit clear=clear_unit placeholder="Whole programme" />
            </td>
            <td><button class="no-print" aria-label=move || format!("Remove {}", who()) on:click=remove>"×"</button></td>
        </tr>
    }
}
