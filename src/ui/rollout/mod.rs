//! The rollout planner: a strategy proposes phases from the org tree; the
//! picture shows them over dates with the OKR cadence; the organisation,
//! readiness, roles, risks and a comparison of strategies sit around it.

mod adoption_chart;
mod compare;
mod context;
mod events;
mod metrics;
mod org_status;
mod phases;
mod readiness;
mod risks;
mod roles;
mod strategy;
mod timeline;

use crate::ui::files::download_text;
use crate::ui::state::AppState;
use crate::ui::widgets::AfterFirstPaint;
use adoption_chart::AdoptionChart;
use compare::Compare;
use events::Events;
use leptos::prelude::*;
use metrics::RolloutOkrs;
use org_status::OrgStatus;
use phases::{PhaseBar, PhaseEditor};
use readiness::Readiness;
use risks::Risks;
use roles::Roles;
use strategy::StrategyChooser;

pub use context::Rollout;
pub use timeline::Timeline;

/// The timeline and the adoption chart stacked into one standalone SVG file.
fn picture_markup() -> Option<String> {
    let markup = |id: &str| {
        document()
            .get_element_by_id(id)
            .map(|e| (e.outer_html(), e.get_attribute("height")))
    };
    let (timeline, height) = markup("rollout-timeline")?;
    let top: f64 = height?.parse().ok()?;
    let (adoption, _) = markup("rollout-adoption").unwrap_or_default();
    // A nested <svg> is placed by its own x and y.
    let adoption = adoption.replacen("<svg ", &format!("<svg y=\"{top}\" "), 1);
    let total = top + adoption_chart::HEIGHT;
    let width = timeline::WIDTH;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\">{timeline}{adoption}</svg>"
    ))
}

#[component]
pub fn RolloutView() -> impl IntoView {
    let state = AppState::expect();
    let rollout = Rollout::new(state);
    provide_context(rollout);
    let has_phases = move || rollout.index.with(|ix| !ix.phases.is_empty());
    let download = move |_| match picture_markup() {
        Some(svg) => download_text("rollout.svg", &svg, "image/svg+xml"),
        None => state
            .status
            .set("There is no picture to download yet.".into()),
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="rollout" aria-labelledby="rollout-title">
            <div class="view-head">
                <h1 id="rollout-title">"Rollout"</h1>
                <StrategyChooser />
            </div>
            <Show
                when=has_phases
                fallback=|| view! {
                    <p class="empty-plan">"No phases yet. Choose a strategy and “Propose phases” to plan them from your organisation; every proposal stays editable."</p>
                }
            >
                <div class="row picture-actions no-print">
                    <button on:click=download>"Download picture (SVG)"</button>
                    <button on:click=print>"Print"</button>
                </div>
                <div class="picture">
                    <Timeline />
                </div>
                <PhaseBar />
                <PhaseEditor />
                // Below the timeline, which fills the first screen: drawn a
                // paint later, so the view shows sooner.
                <AfterFirstPaint>
                    <div class="rollout-body">
                        <OrgStatus />
                        <div class="rollout-side">
                            <Risks />
                            <Readiness />
                            <Events />
                        </div>
                    </div>
                    <AdoptionChart />
                </AfterFirstPaint>
            </Show>
            // Below the fold: drawn a paint later, so the view opens sooner
            // (the comparison proposes and weighs two rollouts).
            <AfterFirstPaint>
                <div class="rollout-programme">
                    <RolloutOkrs />
                    <Roles />
                </div>
                <Compare />
            </AfterFirstPaint>
        </section>
    }
}
