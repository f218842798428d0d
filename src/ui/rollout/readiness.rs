//! The readiness checklist of the selected phase (seeds 002, 004), with its progress.

use super::context::Rollout;
use crate::model::rollout_plan::{
    add_default_readiness, add_readiness_item, edit_readiness_item, remove_readiness_item,
};
use crate::model::{Id, ReadinessItem, DEFAULT_READINESS};
use crate::ui::fields::TextField;
use crate::ui::ids::new_id;
use leptos::prelude::*;

#[component]
pub fn Readiness() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let phase = Memo::new(move |_| rollout.selected_phase());
    let items = Memo::new(move |_| {
        let phase = phase.get().map(|(id, _)| id);
        state.with_plan(|p| {
            p.rollout
                .readiness
                .iter()
                .filter(|r| Some(&r.phase) == phase.as_ref())
                .map(|r| (r.id.clone(), r.done))
                .collect::<Vec<_>>()
        })
    });
    let done = move || items.with(|i| i.iter().filter(|(_, done)| *done).count());
    let total = move || items.with(Vec::len);
    let draft = RwSignal::new(String::new());
    let add = move || {
        let Some((phase, _)) = phase.get_untracked() else {
            return;
        };
        let item = ReadinessItem {
            id: new_id("rd"),
            phase,
            text: draft.get_untracked(),
            done: false,
        };
        if state.edit(|p| add_readiness_item(p, item)) {
            draft.set(String::new());
        }
    };
    let add_standard = move |_| {
        if let Some((phase, _)) = phase.get_untracked() {
            state.edit(|p| add_default_readiness(p, &phase, &mut |prefix| new_id(prefix)));
        }
    };
    let lacks_standard = move || {
        let Some((phase, _)) = phase.get() else {
            return false;
        };
        state.with_plan(|p| {
            DEFAULT_READINESS.iter().any(|text| {
                !p.rollout
                    .readiness
                    .iter()
                    .any(|r| r.phase == phase && r.text.eq_ignore_ascii_case(text))
            })
        })
    };
    view! {
        <section class="readiness" aria-labelledby="readiness-title">
            <h2 id="readiness-title">"Readiness for “" {move || phase.get().map(|(_, name)| name)} "”"</h2>
            <p>
                <progress max=move || total().max(1) value=done aria-label="Readiness progress"></progress>
                " " {move || format!("{} of {} done", done(), total())}
            </p>
            <ul class="checklist" aria-label="Readiness checklist">
                <For each=move || items.get() key=|(id, _)| id.clone() let:item>
                    <ReadinessRow id=item.0 />
                </For>
            </ul>
            <form class="row no-print" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <input aria-label="New readiness item" placeholder="Another item to do first"
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                <button type="submit">"Add item"</button>
                <Show when=lacks_standard>
                    <button type="button" on:click=add_standard>"Add the standard checklist"</button>
                </Show>
            </form>
        </section>
    }
}

#[component]
fn ReadinessRow(id: Id) -> impl IntoView {
    let state = Rollout::expect().state;
    let item = {
        let id = id.clone();
        Memo::new(move |_| {
            state.with_plan(|p| p.rollout.readiness.iter().find(|r| r.id == id).cloned())
        })
    };
    let text = Signal::derive(move || {
        item.with(|i| i.as_ref().map(|i| i.text.clone()).unwrap_or_default())
    });
    let done = move || item.with(|i| i.as_ref().is_some_and(|i| i.done));
    let tick = {
        let id = id.clone();
        move |ev| {
            let done = event_target_checked(&ev);
            state.edit(|p| edit_readiness_item(p, &id, |r| r.done = done));
        }
    };
    let reword = {
        let id = id.clone();
        move |text: String| state.edit(|p| edit_readiness_item(p, &id, |r| r.text = text))
    };
    let remove = move |_| {
        state.edit(|p| remove_readiness_item(p, &id));
    };
    view! {
        <li class:done=done>
            <input type="checkbox" aria-label=move || format!("Done: {}", text.get()) prop:checked=done on:change=tick />
            <TextField label="Readiness item" value=text commit=reword />
            <button class="no-print" aria-label=move || format!("Remove “{}”", text.get()) on:click=remove>"×"</button>
        </li>
    }
}
