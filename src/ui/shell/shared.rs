//! The banner over a plan opened from a share link.

use crate::model::Plan;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SharedBanner(save_copy: Callback<Box<Plan>>) -> impl IntoView {
    let state = AppState::expect();
    let name = state.editor.with_untracked(|e| e.plan().meta.name.clone());
    let save = move |_| save_copy.run(Box::new(state.editor.with_untracked(|e| e.plan().clone())));
    view! {
        <section class="banner shared" aria-label="Shared plan">
            <strong>"Shared plan, read-only: "</strong>
            "“" {name} "”. Nothing here is saved in this browser. "
            <button class="primary" on:click=save>"Save a copy…"</button>
        </section>
    }
}
