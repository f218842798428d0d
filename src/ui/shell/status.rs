//! The status line: announces what just happened, then fades after a few seconds.

use crate::ui::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

const SHOWN_FOR: Duration = Duration::from_secs(5);

#[component]
pub fn StatusLine() -> impl IntoView {
    let state = AppState::expect();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let message = state.status.get();
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if !message.is_empty() {
            let handle = set_timeout_with_handle(
                // The planner may be gone by then (a shared plan saved as a copy).
                move || {
                    if state.status.try_get_untracked().as_ref() == Some(&message) {
                        state.status.try_set(String::new());
                    }
                },
                SHOWN_FOR,
            );
            timer.set_value(handle.ok());
        }
    });
    view! { <p class="status" role="status">{move || state.status.get()}</p> }
}
