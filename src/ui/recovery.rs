//! Shown when the saved plan cannot be read. It says what is wrong, offers the
//! raw text for download, and never overwrites it without the user's say.

use super::files::{download_text, ProblemList};
use crate::io::json::ReadFailure;
use crate::storage::{set_aside, LocalStore, SET_ASIDE_KEY};
use leptos::prelude::*;

#[component]
pub fn RecoveryScreen(
    raw: String,
    failure: ReadFailure,
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let raw = StoredValue::new(raw);
    let download = move |_| {
        raw.with_value(|text| download_text("okrplan-saved-plan.json", text, "application/json"));
    };
    let start_over = move |_| match raw.with_value(|text| set_aside(&LocalStore, text)) {
        Ok(()) => on_done(),
        Err(e) => error.set(Some(format!(
            "Could not set the saved text aside ({e}). Download it first, then try again."
        ))),
    };
    view! {
        <main class="recovery" aria-labelledby="recovery-title">
            <h1 id="recovery-title">"Your saved plan could not be opened"</h1>
            <p>{failure.headline.clone()}</p>
            <ProblemList problems=failure.problems.clone() />
            <p>
                "Nothing has been changed or deleted. Download the saved text to keep it, "
                "repair it or send it to whoever can."
            </p>
            <div class="actions">
                <button class="primary" on:click=download>"Download the saved text"</button>
                <button on:click=start_over>"Set it aside and open the sample plan"</button>
            </div>
            <p class="hint">
                "Setting it aside keeps the text in this browser under “" {SET_ASIDE_KEY} "”."
            </p>
            <Show when=move || error.get().is_some()>
                <p role="alert" class="error">{move || error.get()}</p>
            </Show>
        </main>
    }
}
