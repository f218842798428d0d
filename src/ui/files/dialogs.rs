//! The dialogs of an import: what is wrong with a file, or whether to replace the plan.

use super::merge_dialog::MergeDialog;
use super::{FileImport, ImportOutcome};
use crate::io::json::FileProblem;
use crate::model::{Command, Plan};
use crate::ui::state::AppState;
use crate::ui::widgets::{plural, Modal};
use leptos::prelude::*;
use std::sync::Arc;

/// Long lists are cut here: nobody reads the 5,000th problem, and the DOM stays small.
const SHOWN_PROBLEMS: usize = 200;

#[component]
pub fn ProblemList(problems: Vec<FileProblem>) -> impl IntoView {
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    view! {
        <ul class="problems" aria-label="Problems">
            {problems
                .into_iter()
                .take(SHOWN_PROBLEMS)
                .map(|p| view! { <li><code>{p.path}</code>" " {p.message}</li> })
                .collect_view()}
        </ul>
        {(hidden > 0).then(|| view! { <p>"… and " {hidden} " more."</p> })}
    }
}

#[component]
pub fn ImportDialogs() -> impl IntoView {
    let import = FileImport::expect();
    let state = AppState::expect();
    let close = Callback::new(move |()| import.outcome.set(None));
    // Always in the page, so screen readers announce the text when it comes.
    let busy = move || import.busy.get().unwrap_or_default();
    let dialogs = move || {
        import.outcome.get().map(|outcome| match outcome {
            ImportOutcome::Failed { file, failure } => view! {
                <Modal title=format!("Cannot open {file}") role="alertdialog" on_close=close>
                    <p>{failure.headline}</p>
                    <ProblemList problems=failure.problems />
                    <p>"Nothing was changed."</p>
                    <div class="actions">
                        <button class="primary" on:click=move |_| close.run(())>"Close"</button>
                    </div>
                </Modal>
            }
            .into_any(),
            ImportOutcome::Ready { file, plan } => {
                let current = state.editor.with_untracked(|e| described(e.plan()));
                let incoming = described(&plan);
                let is_part = plan.scope.is_some();
                let plan = StoredValue::new(Some(plan));
                let replace = move |_| {
                    // Closed first: the outcome lets go of its share of the
                    // plan, which then moves into the editor uncopied.
                    close.run(());
                    // The file's `synced` stamps come along: they say which version of each item left.
                    if let Some(plan) = plan.try_update_value(Option::take).flatten() {
                        let plan = Arc::try_unwrap(plan).unwrap_or_else(|shared| (*shared).clone());
                        let name = plan.meta.name.clone();
                        if state.edit(|_| Ok(Command::ReplacePlan(Box::new(plan)))) {
                            state.status.set(format!(
                                "Opened “{name}”. Undo brings the previous plan back."
                            ));
                        }
                    }
                };
                let file_name = file.clone();
                let merge = move |_| {
                    if let Some(plan) = plan.try_update_value(Option::take).flatten() {
                        import.compare(file_name.clone(), plan);
                    }
                };
                view! {
                    <Modal title=format!("Open {file}") on_close=close>
                        <p>"The file holds " {incoming} "; the current plan is " {current} "."</p>
                        {is_part.then(|| view! { <p>"The file holds one unit's part of a plan: merging it brings that part into the current plan."</p> })}
                        <p>"Merge shows what would change before anything does. Replace swaps the whole plan; Undo brings the current one back."</p>
                        <div class="actions">
                            <button class="primary" on:click=merge>"Merge into current plan…"</button>
                            <button on:click=replace>"Replace current plan"</button>
                            <button on:click=move |_| close.run(())>"Cancel"</button>
                        </div>
                    </Modal>
                }
                .into_any()
            }
            ImportOutcome::Merge { file, incoming, preview } => view! {
                <MergeDialog file incoming preview state import />
            }
            .into_any(),
        })
    };
    view! {
        <p class="busy" role="status">{busy}</p>
        {dialogs}
    }
}

/// A plan named with what it holds, for a confirmation: “Q4 plan” (12
/// units, 2,030 objectives, 6,084 key results).
fn described(plan: &Plan) -> String {
    format!(
        "“{}” ({}, {}, {})",
        plan.meta.name,
        plural(plan.units.len(), "unit"),
        plural(plan.objectives.len(), "objective"),
        plural(plan.key_result_count(), "key result")
    )
}
