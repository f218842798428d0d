//! What the page opens: the planner with the saved plan (or the sample on a
//! first visit), a shared plan read-only when the URL holds a share link, or
//! the recovery screen when the saved plan cannot be read.

use super::files::ImportOutcome;
use super::recovery::RecoveryScreen;
use super::shell::Planner;
use crate::io::json::ReadFailure;
use crate::io::link;
use crate::model::{sample_plan, Plan};
use crate::storage::{Opened, Saved};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
enum Screen {
    /// A plan from a share link, shown read-only; nothing is loaded or saved.
    Shared(Box<Plan>),
    Recovering {
        raw: String,
        failure: ReadFailure,
    },
    Planner,
}

/// The user's own plan from what storage held, whether it needs recovering,
/// and whether this is a first visit.
fn own_plan(saved: Saved) -> (Plan, Option<Screen>, bool) {
    match saved {
        Saved::Nothing => (sample_plan(), None, true),
        Saved::Plan(plan) => (*plan, None, false),
        Saved::Unreadable { raw, failure } => (
            sample_plan(),
            Some(Screen::Recovering { raw, failure }),
            false,
        ),
    }
}

/// `opened` is what storage held when the page opened.
#[component]
pub fn App(opened: Opened) -> impl IntoView {
    let (own_plan, recovery, first_visit) = own_plan(opened.saved);
    // Autosave checks against the save the plan came from, however late the planner opens.
    let stamp = opened.stamp;
    // A dialog to show when the planner opens: a broken link, or a shared plan to save.
    let opening = StoredValue::new(None::<ImportOutcome>);
    let hash = window().location().hash().unwrap_or_default();
    let mut first = recovery.clone().unwrap_or(Screen::Planner);
    if link::is_link(&hash) {
        match link::decode(&hash) {
            Ok(plan) => first = Screen::Shared(Box::new(plan)),
            Err(failure) => {
                forget_link();
                opening.set_value(Some(ImportOutcome::Failed {
                    file: "the shared link".into(),
                    failure,
                }));
            }
        }
    }
    let screen = RwSignal::new(first);
    // A share link pasted into this tab's address bar only changes the hash: start afresh with it.
    let pasted = window_event_listener(leptos::ev::hashchange, |_| {
        if link::is_link(&window().location().hash().unwrap_or_default()) {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || pasted.remove());
    // The planner takes the plan once, when it first shows.
    let own_plan = StoredValue::new(Some(own_plan));

    let save_copy = Callback::new(move |plan: Box<Plan>| {
        forget_link();
        opening.set_value(Some(ImportOutcome::Ready {
            file: "the shared plan".into(),
            plan: Arc::from(plan),
        }));
        screen.set(recovery.clone().unwrap_or(Screen::Planner));
    });

    move || match screen.get() {
        Screen::Shared(plan) => {
            view! { <Planner plan=*plan first_visit=false save_copy /> }.into_any()
        }
        Screen::Recovering { raw, failure } => view! {
            <RecoveryScreen raw failure on_done=move || screen.set(Screen::Planner) />
        }
        .into_any(),
        Screen::Planner => {
            let plan = own_plan
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(sample_plan);
            let opening = opening.try_update_value(Option::take).flatten();
            let stamp = stamp.clone();
            view! { <Planner plan first_visit opening stamp /> }.into_any()
        }
    }
}

/// Takes the share link out of the address, so a reload opens the user's own plan.
fn forget_link() {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(super::route::View::Cascade.href()),
        );
    }
}
