//! Files in and out: export, import by picker or drop, and what the user sees
//! when a file cannot be opened.

mod dialogs;
mod download;
mod merge_dialog;
mod share;

pub use dialogs::{ImportDialogs, ProblemList};
pub use download::download_text;
pub use share::ShareLinkButton;

use super::clock::today;
use super::ids::new_id;
use super::paint::{after_paint, in_slices_until_done, OBJECTIVES_PER_TASK};
use super::state::AppState;
use crate::io::csv::{read_csv, to_csv};
use crate::io::file_writer::FileWriter;
use crate::io::json::{
    check_size, file_name, read_plan, to_file_text, FileProblem, ReadFailure, FILE_EXTENSION,
};
use crate::io::merge::{self, Preview};
use crate::model::Plan;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// Where an import stands while the user looks at it.
#[derive(Clone)]
pub enum ImportOutcome {
    Failed {
        file: String,
        failure: ReadFailure,
    },
    /// A valid plan waiting for the user to choose: replace the current one or merge.
    Ready {
        file: String,
        plan: Box<Plan>,
    },
    /// The preview of merging a file into the current plan.
    Merge {
        file: String,
        incoming: Arc<Plan>,
        preview: Arc<Preview>,
    },
}

#[derive(Clone, Copy)]
pub struct FileImport {
    pub outcome: RwSignal<Option<ImportOutcome>>,
    /// What is being done with a file while it is read and checked, or
    /// written ("Opening x.json (11 MB)…", "Exporting the plan…").
    pub busy: RwSignal<Option<String>>,
    /// The plan files are read against (a CSV edits it); kept here because
    /// reading finishes in a task that has no reactive context to look it up.
    state: AppState,
}

impl FileImport {
    pub fn new(state: AppState) -> Self {
        FileImport {
            outcome: RwSignal::new(None),
            busy: RwSignal::new(None),
            state,
        }
    }

    pub fn expect() -> Self {
        expect_context::<FileImport>()
    }

    /// Reads and checks a file; the plan changes only after the user confirms.
    /// A CSV file goes straight to the merge preview: it edits the open plan.
    pub fn open(self, file: web_sys::File) {
        let name = file.name();
        if let Err(failure) = check_size(file.size() as usize) {
            self.outcome.set(Some(ImportOutcome::Failed {
                file: name,
                failure,
            }));
            return;
        }
        let megabytes = file.size() / 1e6;
        self.busy.set(Some(if megabytes < 0.1 {
            format!("Opening {name}…")
        } else {
            format!("Opening {name} ({megabytes:.1} MB)…")
        }));
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            // Checking a large plan takes a moment: show what is happening first.
            after_paint().await;
            let outcome = self.outcome_of(name, text);
            self.busy.set(None);
            self.outcome.set(Some(outcome));
        });
    }

    /// Compares a file's plan with the open one for the merge preview,
    /// showing what is happening first: at 10,000 objectives it takes a
    /// quarter of a second.
    pub fn compare(self, file: String, incoming: Arc<Plan>) {
        self.outcome.set(None);
        self.busy
            .set(Some(format!("Comparing {file} with the plan…")));
        spawn_local(async move {
            after_paint().await;
            let preview = self
                .state
                .editor
                .with_untracked(|e| merge::preview(e.plan(), &incoming));
            self.busy.set(None);
            self.outcome.set(Some(ImportOutcome::Merge {
                file,
                incoming,
                preview: Arc::new(preview),
            }));
        });
    }

    fn outcome_of(self, name: String, text: Option<String>) -> ImportOutcome {
        if name.to_lowercase().ends_with(".csv") {
            return match text {
                Some(text) => self.csv_outcome(name, &text),
                None => unreadable(name),
            };
        }
        match text.map(|t| read_plan(&t)) {
            Some(Ok(plan)) => ImportOutcome::Ready {
                file: name,
                plan: Box::new(plan),
            },
            Some(Err(failure)) => ImportOutcome::Failed {
                file: name,
                failure,
            },
            None => unreadable(name),
        }
    }

    fn csv_outcome(self, file: String, text: &str) -> ImportOutcome {
        let read = self.state.editor.with_untracked(|e| {
            read_csv(text, e.plan(), today(), &mut new_id).map(|incoming| {
                let preview = merge::preview(e.plan(), &incoming);
                (incoming, preview)
            })
        });
        match read {
            Ok((incoming, preview)) => ImportOutcome::Merge {
                file,
                incoming: Arc::new(incoming),
                preview: Arc::new(preview),
            },
            Err(failure) => ImportOutcome::Failed {
                file,
                failure: ReadFailure {
                    headline: failure.headline,
                    problems: failure
                        .problems
                        .iter()
                        .map(|p| FileProblem {
                            path: p.place(),
                            message: p.message.clone(),
                        })
                        .collect(),
                },
            },
        }
    }
}

fn unreadable(file: String) -> ImportOutcome {
    ImportOutcome::Failed {
        file,
        failure: ReadFailure {
            headline: "The browser could not read the file.".into(),
            problems: Vec::new(),
        },
    }
}

/// Objectives and key results as CSV, named like the plan file.
pub fn export_csv(state: AppState) {
    state.editor.with_untracked(|e| {
        let plan = e.plan();
        let name = file_name(plan).replace(FILE_EXTENSION, ".csv");
        download_text(&name, &to_csv(plan), "text/csv");
    });
    state
        .status
        .set("Exported objectives and key results as CSV.".into());
}

/// One unit's part of the plan as a file of its own.
pub fn export_unit_part(state: AppState, unit: &crate::model::Id) {
    let part = state
        .editor
        .with_untracked(|e| crate::io::part::export_part(e.plan(), unit));
    if let Some(part) = part {
        download_text(&file_name(&part), &to_file_text(&part), "application/json");
        state.status.set(format!("Exported “{}”.", part.meta.name));
    }
}

/// The whole plan as a file, worked out a slice per task so the page stays
/// responsive while "Exporting the plan…" shows (most of a second at 10,000
/// objectives). An edit made meanwhile starts it again on the edited plan.
pub fn export_plan(state: AppState) {
    let files = FileImport::expect();
    files.busy.set(Some("Exporting the plan…".into()));
    spawn_local(async move {
        after_paint().await;
        let editor = state.editor;
        let written = in_slices_until_done(editor, FileWriter::new, |writer, plan| {
            writer.write(plan, OBJECTIVES_PER_TASK)
        })
        .await;
        let Some(writer) = written else { return };
        // In the task of the last slice: the plan is the one written.
        let (name, text) =
            editor.with_untracked(|e| (file_name(e.plan()), writer.finish(e.plan())));
        download_text(&name, &text, "application/json");
        files.busy.set(None);
        state.status.set("Exported the plan.".into());
    });
}

/// "Open file…": a button that opens the browser's file picker.
#[component]
pub fn OpenFileButton(#[prop(optional)] primary: bool) -> impl IntoView {
    let import = FileImport::expect();
    let input = NodeRef::<leptos::html::Input>::new();
    let chosen = move |_| {
        let Some(field) = input.get() else { return };
        if let Some(file) = field.files().and_then(|f| f.get(0)) {
            import.open(file);
        }
        // Choosing the same file again must fire another change event.
        field.set_value("");
    };
    view! {
        <button class:primary=primary on:click=move |_| { if let Some(field) = input.get() { field.click(); } }>"Open file…"</button>
        <input
            type="file"
            accept=".json,application/json,.csv,text/csv"
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            node_ref=input
            on:change=chosen
        />
    }
}
