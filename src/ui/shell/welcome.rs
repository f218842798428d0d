//! How a plan starts: the sample, a blank plan, or a file.

use crate::model::{Command, Plan};
use crate::ui::clock::today;
use crate::ui::files::OpenFileButton;
use crate::ui::ids::new_id;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The three ways to start, for a first visit and for an empty plan.
#[component]
pub fn StartChoices(
    /// What "explore the sample" does: close the welcome, or load the sample.
    on_sample: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let blank = move |_| {
        let plan = Plan::blank(today(), new_id("u"), new_id("cy"));
        state.apply(Command::ReplacePlan(Box::new(plan)));
        state
            .status
            .set("Started a blank plan. Undo brings the previous one back.".into());
    };
    view! {
        <div class="start-choices">
            <button class="primary" on:click=move |_| on_sample.run(())>"Explore the sample plan"</button>
            <button on:click=blank>"Start a blank plan"</button>
            <OpenFileButton />
        </div>
    }
}

/// Shown on a first visit, above the sample plan.
#[component]
pub fn Welcome(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">"Welcome to okrplan"</h2>
            <p>
                "Plan OKRs across an organisation and plan how OKRs reach it. Everything stays in this browser; "
                "share plans as files. This is a sample company to explore."
            </p>
            <StartChoices on_sample=Callback::new(move |()| open.set(false)) />
        </section>
    }
}

/// What an empty plan shows instead of a view.
#[component]
pub fn EmptyPlan() -> impl IntoView {
    let state = AppState::expect();
    let sample = move |()| state.apply(Command::ReplacePlan(Box::new(crate::model::sample_plan())));
    view! {
        <section class="welcome" aria-labelledby="empty-title">
            <h2 id="empty-title">"This plan is empty"</h2>
            <p>"Start from the sample, start a blank plan with one organisation, or open a file."</p>
            <StartChoices on_sample=Callback::new(sample) />
        </section>
    }
}
