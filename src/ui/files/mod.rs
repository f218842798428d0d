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
use super::paint::{after_paint, in_slices_until_done, next_task, OBJECTIVES_PER_TASK};
use super::state::AppState;
use crate::io::csv::{read_csv, to_csv};
use crate::io::file_writer::FileWriter;
use crate::io::json::{
    check_size, file_name, to_file_text, FileProblem, PlanReader, ReadFailure, FILE_EXTENSION,
};
use crate::io::merge::{self, Comparing, Preview};
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
    /// Shared: the dialog reads a copy of the outcome, which must not copy
    /// the plan (at 10,000 objectives, dropping that copy alone took 10 ms
    /// of the task that draws the plan after "Replace").
    Ready {
        file: String,
        plan: Arc<Plan>,
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
    /// Counts the files opened: a file read or compared in slices stops
    /// once another is opened.
    reading: StoredValue<u64>,
}

impl FileImport {
    pub fn new(state: AppState) -> Self {
        FileImport {
            outcome: RwSignal::new(None),
            busy: RwSignal::new(None),
            state,
            reading: StoredValue::new(0),
        }
    }

    pub fn expect() -> Self {
        expect_context::<FileImport>()
    }

    /// Reads and checks a file; the plan changes only after the user confirms.
    /// A CSV file goes straight to the merge preview: it edits the open plan.
    /// A file opened while another is read takes its place.
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
        let opening = if megabytes < 0.1 {
            format!("Opening {name}…")
        } else {
            format!("Opening {name} ({megabytes:.1} MB)…")
        };
        self.busy.set(Some(opening.clone()));
        self.reading.update_value(|n| *n += 1);
        let reading = self.reading.get_value();
        spawn_local(async move {
            let text = text_of(&file).await;
            // Checking a large plan takes a moment: show what is happening first.
            after_paint().await;
            let outcome = match text {
                None => Some(unreadable(name)),
                Some(text) if name.to_lowercase().ends_with(".csv") => {
                    Some(self.csv_outcome(name, &text))
                }
                Some(text) => self.plan_outcome(name, &text, &opening, reading).await,
            };
            // None: another file took this one's place.
            if let Some(outcome) = outcome {
                self.busy.set(None);
                self.outcome.set(Some(outcome));
            }
        });
    }

    /// Whether another file was opened since the work on file `reading` began.
    fn superseded(self, reading: u64) -> bool {
        self.reading.try_get_value() != Some(reading)
    }

    /// Reads a plan file a slice of objectives per task, saying how far it
    /// has got; `None` once another file is being read instead.
    async fn plan_outcome(
        self,
        file: String,
        text: &str,
        opening: &str,
        reading: u64,
    ) -> Option<ImportOutcome> {
        let mut reader = match PlanReader::new(text) {
            Ok(reader) => reader,
            Err(failure) => return Some(ImportOutcome::Failed { file, failure }),
        };
        // The plan is checked in a task of its own once every objective is read.
        let mut all_read = false;
        let read = loop {
            self.busy
                .set(Some(with_progress(opening, reader.progress())));
            next_task().await;
            if self.superseded(reading) {
                return None;
            }
            if all_read {
                break reader.finish();
            }
            match reader.read(OBJECTIVES_PER_TASK) {
                Ok(done) => all_read = done,
                Err(failure) => break Err(failure),
            }
        };
        Some(match read {
            Ok(plan) => ImportOutcome::Ready {
                file,
                plan: Arc::new(plan),
            },
            Err(failure) => ImportOutcome::Failed { file, failure },
        })
    }

    /// Compares a file's plan with the open one for the merge preview,
    /// showing what is happening first, a slice per task: at 10,000
    /// objectives it takes 0.12–0.15 s.
    pub fn compare(self, file: String, incoming: Arc<Plan>) {
        self.outcome.set(None);
        let busy = format!("Comparing {file} with the plan…");
        self.busy.set(Some(busy.clone()));
        let reading = self.reading.get_value();
        spawn_local(async move {
            after_paint().await;
            let comparing = in_slices_until_done(
                self.state.editor,
                |plan| Comparing::start(plan, &incoming),
                |comparing, plan| {
                    let progress = comparing.progress(plan, &incoming);
                    self.busy.set(Some(with_progress(&busy, progress)));
                    self.superseded(reading)
                        || comparing.advance(plan, &incoming, OBJECTIVES_PER_TASK)
                },
            );
            let Some(comparing) = comparing.await.filter(|_| !self.superseded(reading)) else {
                return;
            };
            let preview = comparing.finish();
            self.busy.set(None);
            self.outcome.set(Some(ImportOutcome::Merge {
                file,
                incoming,
                preview: Arc::new(preview),
            }));
        });
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

/// A file's text, copied into wasm as bytes (several times faster than as
/// the browser's string): UTF-8 without a byte-order mark, any bytes that
/// are not UTF-8 replaced, as the browser's own reading of text does.
async fn text_of(file: &web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    Some(
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
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

/// What is being done and how far it has got: "Opening plan.json… 40%".
fn with_progress(doing: &str, (done, of): (usize, usize)) -> String {
    format!("{doing} {}%", done * 100 / of.max(1))
}
