//! What the page opens: the planner with the saved plan (or the sample on a
//! first visit), or the recovery screen when the saved plan cannot be read.

use super::recovery::RecoveryScreen;
use super::shell::Planner;
use crate::io::json::ReadFailure;
use crate::model::sample_plan;
use crate::storage::{self, LocalStore, Saved};
use leptos::prelude::*;

#[derive(Clone)]
struct Unreadable {
    raw: String,
    failure: ReadFailure,
}

#[component]
pub fn App() -> impl IntoView {
    let (initial_plan, unreadable, first_visit) = match storage::load(&LocalStore) {
        Saved::Nothing => (sample_plan(), None, true),
        Saved::Plan(plan) => (*plan, None, false),
        Saved::Unreadable { raw, failure } => {
            (sample_plan(), Some(Unreadable { raw, failure }), false)
        }
    };
    let recovering = RwSignal::new(unreadable);
    // The planner takes the plan once, when it first shows.
    let initial_plan = StoredValue::new(Some(initial_plan));

    move || match recovering.get() {
        Some(Unreadable { raw, failure }) => view! {
            <RecoveryScreen raw failure on_done=move || recovering.set(None) />
        }
        .into_any(),
        None => {
            let plan = initial_plan
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(sample_plan);
            view! { <Planner plan first_visit /> }.into_any()
        }
    }
}
