//! Keeping the browser's copy in step: a debounced autosave that never
//! overwrites what another tab saved meanwhile, and other tabs' saves shown here.

use super::ids::new_id;
use super::paint::{in_slices, OBJECTIVES_PER_TASK};
use super::state::AppState;
use crate::io::compact_writer::CompactWriter;
use crate::storage::{self, LocalStore, SaveError, Saved, StoreError, STAMP_KEY};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

const DEBOUNCE: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct Autosave {
    state: AppState,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The revision that is in storage (nothing to save while it is current).
    saved_revision: StoredValue<u64>,
    /// The stamp of the save this tab last read or wrote.
    known_stamp: StoredValue<Option<String>>,
    tab: StoredValue<String>,
    saves: StoredValue<u64>,
    /// Whether a large plan's save is under way.
    packing: StoredValue<bool>,
}

impl Autosave {
    /// Keeps `state` saved; `stamp` is that of the save its plan came from.
    pub fn install(state: AppState, stamp: Option<String>) -> Self {
        let autosave = Autosave {
            state,
            pending: StoredValue::new(None),
            saved_revision: StoredValue::new(state.editor.with_untracked(|e| e.revision())),
            known_stamp: StoredValue::new(stamp),
            tab: StoredValue::new(new_id("tab").to_string()),
            saves: StoredValue::new(0),
            packing: StoredValue::new(false),
        };
        Effect::new(move |_| {
            let revision = state.editor.with(|e| e.revision());
            if revision != autosave.saved_revision.get_value() {
                autosave.schedule();
            }
        });
        // Leaving the page must not lose the last edit still waiting for its timer.
        let leave = window_event_listener(ev::pagehide, move |_| {
            if autosave.cancel_timer() || autosave.packing.get_value() {
                autosave.save_before_leaving();
            }
        });
        let other_tab = window_event_listener(ev::storage, move |ev| {
            if ev.key().as_deref() == Some(STAMP_KEY) {
                autosave.other_tab_saved(ev.new_value());
            }
        });
        on_cleanup(move || {
            leave.remove();
            other_tab.remove();
        });
        autosave
    }

    fn schedule(self) {
        self.cancel_timer();
        let handle = set_timeout_with_handle(move || self.save_now(), DEBOUNCE).ok();
        self.pending.set_value(handle);
    }

    /// Stops a waiting save; returns whether one was waiting.
    fn cancel_timer(self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }

    /// Saves now. A large plan is written a slice per task and deflated by
    /// the browser, so the page stays responsive; edits made meanwhile get a
    /// save of their own.
    fn save_now(self) {
        self.pending.set_value(None);
        let state = self.state;
        if state.conflict.get_untracked() || self.packing.get_value() {
            return; // the user decides first, or the save under way reschedules
        }
        let started = js_sys::Date::now();
        let (revision, objectives) = state
            .editor
            .with_untracked(|e| (e.revision(), e.plan().objectives.len()));
        if objectives <= OBJECTIVES_PER_TASK {
            let text = state
                .editor
                .with_untracked(|e| storage::saved_text(e.plan()));
            self.write(revision, text, started);
            return;
        }
        self.packing.set_value(true);
        spawn_local(async move {
            if let Some(json) = self.json_in_slices(revision).await {
                let text = storage::browser::saved_text(json).await;
                self.write(revision, text, started);
            }
            self.packing.set_value(false);
            // Edits made meanwhile found this save under way and did not save.
            let edited = state
                .editor
                .try_with_untracked(|e| e.revision() != revision);
            if edited == Some(true) {
                self.schedule();
            }
        });
    }

    /// The plan's compact JSON, a slice per task; `None` if it changed meanwhile
    /// (the save that change schedules takes over).
    async fn json_in_slices(self, revision: u64) -> Option<String> {
        let editor = self.state.editor;
        let mut writer = editor.with_untracked(|e| CompactWriter::new(e.plan()));
        in_slices(editor, revision, |plan| {
            writer.write(plan, OBJECTIVES_PER_TASK)
        })
        .await?;
        Some(writer.finish())
    }

    /// Saves at once, deflating in wasm: the page is going away.
    fn save_before_leaving(self) {
        let (revision, text) = self
            .state
            .editor
            .with_untracked(|e| (e.revision(), storage::saved_text(e.plan())));
        self.write(revision, text, js_sys::Date::now());
    }

    /// Stores the saved text of `revision`, unless storage already holds a
    /// later one or another tab saved meanwhile.
    fn write(self, revision: u64, text: Result<String, StoreError>, started: f64) {
        let state = self.state;
        if revision <= self.saved_revision.get_value() || state.conflict.get_untracked() {
            return;
        }
        let count = self.saves.get_value() + 1;
        let stamp = format!("{}:{count}", self.tab.get_value());
        let expected = self.known_stamp.get_value();
        let saved = text.map_err(SaveError::Store).and_then(|text| {
            storage::save_checked(&LocalStore, &text, expected.as_deref(), &stamp)
        });
        match saved {
            Ok(()) => {
                self.saves.set_value(count);
                self.known_stamp.set_value(Some(stamp));
                self.saved_revision.set_value(revision);
                state.last_save_ms.set(Some(js_sys::Date::now() - started));
                if state.save_error.get_untracked().is_some() {
                    state.save_error.set(None);
                }
            }
            Err(SaveError::ChangedElsewhere) => state.conflict.set(true),
            Err(SaveError::Store(e)) => state.save_error.set(Some(format!(
                "Changes are not being saved: {e}. They stay in this tab; export the plan to keep a copy."
            ))),
        }
    }

    fn other_tab_saved(self, stamp: Option<String>) {
        if stamp == self.known_stamp.get_value() {
            return;
        }
        let state = self.state;
        let unsaved =
            state.editor.with_untracked(|e| e.revision()) != self.saved_revision.get_value();
        if unsaved || state.conflict.get_untracked() {
            state.conflict.set(true);
            return;
        }
        if let Saved::Plan(plan) = storage::load(&LocalStore) {
            state.replace_from_outside(*plan);
            self.mark_saved(stamp);
            state
                .status
                .set("Updated with changes made in another tab.".into());
        }
    }

    /// Records that what the editor holds now is what storage holds.
    fn mark_saved(self, stamp: Option<String>) {
        self.known_stamp.set_value(stamp);
        self.saved_revision
            .set_value(self.state.editor.with_untracked(|e| e.revision()));
    }

    /// Resolves a conflict with the other tab's plan; Undo brings this tab's back.
    pub fn take_theirs(self) {
        let state = self.state;
        if let Saved::Plan(plan) = storage::load(&LocalStore) {
            state.apply(crate::model::Command::ReplacePlan(plan));
            self.mark_saved(storage::stamp(&LocalStore));
            state.conflict.set(false);
            state
                .status
                .set("Loaded the other tab's version. Undo brings this tab's back.".into());
        }
    }

    /// Resolves a conflict by saving this tab's plan over the other's.
    pub fn keep_mine(self) {
        self.known_stamp.set_value(storage::stamp(&LocalStore));
        self.state.conflict.set(false);
        self.save_now();
    }
}
