//! Keyboard shortcuts that work anywhere in the planner.

use crate::ui::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn install(state: AppState, help: RwSignal<bool>) {
    let handle = window_event_listener(ev::keydown, move |ev: ev::KeyboardEvent| {
        if typing_in_a_field(&ev) {
            return;
        }
        if ev.key() == "?" && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) {
            help.set(true);
            ev.prevent_default();
            return;
        }
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => state.undo(),
            ("z", true) | ("y", false) => state.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Inside a text field, Ctrl+Z belongs to the field's own text undo.
fn typing_in_a_field(ev: &ev::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
