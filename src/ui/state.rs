//! The state every view shares: the editor (plan + history) and the app's messages.

use crate::model::{Aspects, Command, EditError, Editor, Plan};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct AppState {
    pub editor: RwSignal<Editor>,
    /// Set while saving to browser storage fails; the app keeps working in memory.
    pub save_error: RwSignal<Option<String>>,
    /// A short announcement for the status line ("Undid rename plan").
    pub status: RwSignal<String>,
    /// How long the last successful autosave took, in milliseconds.
    pub last_save_ms: RwSignal<Option<f64>>,
    /// Another tab saved while this one had unsaved edits: saving waits for the user.
    pub conflict: RwSignal<bool>,
    /// A plan opened from a share link: shown, never edited or saved here.
    pub read_only: bool,
}

/// What a refused edit of a shared plan says.
const READ_ONLY: &str = "This shared plan is read-only: choose “Save a copy” to edit it.";

impl AppState {
    pub fn new(plan: Plan, read_only: bool) -> Self {
        AppState {
            editor: RwSignal::new(Editor::new(plan)),
            save_error: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            last_save_ms: RwSignal::new(None),
            conflict: RwSignal::new(false),
            read_only,
        }
    }

    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Applies an edit; a refused edit is announced and changes nothing.
    pub fn apply(&self, command: Command) {
        self.edit(|_| Ok(command));
    }

    /// Builds an edit from the current plan (an `ops` function) and applies it;
    /// a refused edit is announced and changes nothing. Returns whether it applied.
    pub fn edit(&self, make: impl FnOnce(&Plan) -> Result<Command, EditError>) -> bool {
        if self.read_only {
            self.status.set(READ_ONLY.into());
            return false;
        }
        let result = self
            .editor
            .try_update(|e| make(e.plan()).and_then(|command| e.apply(command)));
        match result {
            Some(Ok(())) => true,
            Some(Err(error)) => {
                self.status.set(error.0);
                false
            }
            None => false,
        }
    }

    pub fn undo(&self) {
        if self.read_only {
            return self.status.set(READ_ONLY.into());
        }
        let label = self.editor.try_update(|e| e.undo()).flatten();
        if let Some(label) = label {
            self.status.set(format!("Undid {label}."));
        }
    }

    pub fn redo(&self) {
        if self.read_only {
            return self.status.set(READ_ONLY.into());
        }
        let label = self.editor.try_update(|e| e.redo()).flatten();
        if let Some(label) = label {
            self.status.set(format!("Redid {label}."));
        }
    }

    /// Reads the plan, tracking it: the caller re-runs when the plan changes.
    pub fn with_plan<T>(&self, f: impl FnOnce(&Plan) -> T) -> T {
        self.editor.with(|e| f(e.plan()))
    }

    /// A whole-plan index that reads only `aspects` of the plan, rebuilt by
    /// `build` when an edit touches one of them (or a signal `build` reads
    /// changes), and kept across every other edit.
    pub fn index_of<T: Send + Sync + 'static>(
        &self,
        aspects: Aspects,
        build: impl Fn(&Plan) -> T + Send + Sync + 'static,
    ) -> Memo<Arc<T>> {
        let editor = self.editor;
        let touched = Memo::new(move |_| editor.with(|e| e.revision_of(aspects)));
        // Never equal: a rebuilt index always notifies (comparing would cost a pass).
        Memo::new_with_compare(
            move |_| {
                // Read, not just tracked: a memo runs (and subscribes) only when read.
                let _revision = touched.get();
                editor.with_untracked(|e| Arc::new(build(e.plan())))
            },
            |_, _| true,
        )
    }
}
