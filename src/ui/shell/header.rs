//! The header: the plan's name, the views, and the plan-wide actions.

use crate::model::{Aspects, Command};
use crate::ui::fields::input_of;
use crate::ui::files::{export_csv, export_plan, OpenFileButton, ShareLinkButton};
use crate::ui::route::View;
use crate::ui::state::AppState;
use crate::ui::theme::ThemeSelect;
use leptos::prelude::*;

#[component]
pub fn Header(view: ReadSignal<View>, help: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let name = move || state.with_aspects(Aspects::TEXT, |p| p.meta.name.clone());
    let rename = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else {
            return;
        };
        // A refused name (blank, or a shared plan) leaves the field as the plan is.
        if !state.edit(|_| Ok(Command::RenamePlan(input.value()))) {
            input.set_value(&name());
        }
    };
    let undo_title = move || {
        state
            .editor
            .with(|e| e.undo_label().map(|l| format!("Undo {l} (Ctrl+Z)")))
    };
    let redo_title = move || {
        state
            .editor
            .with(|e| e.redo_label().map(|l| format!("Redo {l} (Ctrl+Shift+Z)")))
    };

    view! {
        <header class="top">
            <div class="brand" aria-hidden="true">"okrplan"</div>
            <input
                class="plan-name"
                aria-label="Plan name"
                readonly=state.read_only
                prop:value=name
                on:change=rename
            />
            <nav aria-label="Views">
                {View::NAV
                    .into_iter()
                    .map(|v| {
                        view! {
                            <a
                                href=v.href()
                                aria-current=move || (view.get() == v).then_some("page")
                            >
                                {v.title()}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <span class="saved" title=move || state.last_save_ms.get().map(|ms| format!("Saved in this browser in {ms:.0} ms"))>
                {move || match (state.save_error.get(), state.conflict.get(), state.last_save_ms.get()) {
                    (Some(_), _, _) | (None, true, _) => "Not saved",
                    (None, false, Some(_)) => "Saved",
                    (None, false, None) => "",
                }}
            </span>
            <div class="toolbar" role="toolbar" aria-label="Plan">
                <button
                    on:click=move |_| state.undo()
                    disabled=move || undo_title().is_none()
                    title=undo_title
                >
                    "Undo"
                </button>
                <button
                    on:click=move |_| state.redo()
                    disabled=move || redo_title().is_none()
                    title=redo_title
                >
                    "Redo"
                </button>
                <button on:click=move |_| export_plan(state)>"Export"</button>
                <button on:click=move |_| export_csv(state)>"Export CSV"</button>
                <ShareLinkButton what="the plan" plan=move || Some(state.editor.with_untracked(|e| e.plan().clone())) />
                <OpenFileButton />
                <button on:click=|_| crate::ui::workshop::enter()>"Workshop mode"</button>
                <button on:click=move |_| help.set(true) aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">"?"</button>
                <ThemeSelect />
            </div>
        </header>
    }
}
