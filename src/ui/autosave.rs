//! Debounced autosave: a burst of edits is written once, shortly after the last.

use super::state::AppState;
use crate::storage::{self, LocalStore};
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

const DEBOUNCE: Duration = Duration::from_millis(400);

pub fn install(state: AppState) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |previous: Option<u64>| {
        let revision = state.editor.with(|e| e.revision());
        if previous.is_some_and(|p| p != revision) {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(move || save_now(state, pending), DEBOUNCE).ok();
            pending.set_value(handle);
        }
        revision
    });
    // Leaving the page must not lose the last edit still waiting for its timer.
    let handle = window_event_listener(ev::pagehide, move |_| {
        if let Some(timer) = pending.try_update_value(Option::take).flatten() {
            timer.clear();
            save_now(state, pending);
        }
    });
    on_cleanup(move || handle.remove());
}

fn save_now(state: AppState, pending: StoredValue<Option<TimeoutHandle>>) {
    pending.set_value(None);
    let started = js_sys::Date::now();
    let result = state
        .editor
        .with_untracked(|e| storage::save(&LocalStore, e.plan()));
    if result.is_ok() {
        state.last_save_ms.set(Some(js_sys::Date::now() - started));
    }
    let message = result.err().map(|e| {
        format!("Changes are not being saved: {e}. They stay in this tab; export the plan to keep a copy.")
    });
    if state.save_error.get_untracked() != message {
        state.save_error.set(message);
    }
}
