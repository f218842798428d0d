//! The state every view shares: the editor (plan + history) and the app's messages.

use super::keyed_triggers::KeyedTriggers;
use super::relay::{changes_of, follow, relay};
use crate::model::{Aspects, Command, EditError, Editor, Id, LayoutStep, ObjectivesChanged, Plan};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan and its history, to read; every change goes through
    /// [`AppState::change`], which notifies what it touched.
    pub editor: ReadSignal<Editor>,
    write_editor: WriteSignal<Editor>,
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
    /// Set once another plan took the place of the one the page opened with
    /// (a file, a blank plan, another tab's): the welcome, which introduces
    /// the sample, has nothing more to say then.
    pub replaced: RwSignal<bool>,
    /// One per aspect, notified when an edit touches it: whole-plan indexes
    /// follow these, not the editor, so an edit elsewhere does not even
    /// mark them (and everything that reads them) for checking.
    aspect_changes: [Trigger; Aspects::COUNT],
    /// One per objective a view shows, notified when an edit changes that
    /// objective; `any_objective` when an edit may have changed any.
    objective_changes: KeyedTriggers<Id>,
    any_objective: Trigger,
    /// What readers track to follow those triggers and the editor (see
    /// [`AppState::for_view`]).
    watch: Watch,
}

/// Memos that change whenever the aspects, any objective or the plan do:
/// the page's own, or relays of them that one view makes as it mounts.
#[derive(Clone, Copy)]
struct Watch {
    aspects: [Memo<()>; Aspects::COUNT],
    any_objective: Memo<()>,
    plan: Memo<()>,
}

impl Watch {
    fn for_view(self) -> Self {
        Watch {
            aspects: self.aspects.map(relay),
            any_objective: relay(self.any_objective),
            plan: relay(self.plan),
        }
    }
}

/// The editor's revision and each aspect's, to tell what a change touched.
type Revisions = (u64, [u64; Aspects::COUNT]);

fn revisions(editor: &Editor) -> Revisions {
    (editor.revision(), editor.aspect_revisions())
}

/// What a refused edit of a shared plan says.
const READ_ONLY: &str = "This shared plan is read-only: choose “Save a copy” to edit it.";

impl AppState {
    pub fn new(plan: Plan, read_only: bool) -> Self {
        let (editor, write_editor) = signal(Editor::new(plan));
        let aspect_changes: [Trigger; Aspects::COUNT] = std::array::from_fn(|_| Trigger::new());
        let any_objective = Trigger::new();
        let watch = Watch {
            aspects: aspect_changes.map(|trigger| changes_of(move || trigger.track())),
            any_objective: changes_of(move || any_objective.track()),
            plan: changes_of(move || editor.track()),
        };
        AppState {
            editor,
            write_editor,
            save_error: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            last_save_ms: RwSignal::new(None),
            conflict: RwSignal::new(false),
            read_only,
            replaced: RwSignal::new(false),
            aspect_changes,
            objective_changes: KeyedTriggers::default(),
            any_objective,
            watch,
        }
    }

    /// The state as one view reads it (see [`super::relay`]). Only views
    /// read single objectives, one view at a time: the triggers the last
    /// view's rows listened on go with those rows.
    pub fn for_view(self) -> Self {
        self.objective_changes.forget_all();
        AppState {
            watch: self.watch.for_view(),
            ..self
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
        let mut replaces = false;
        let result = self.change(|e| {
            make(e.plan()).and_then(|command| {
                // A merge (a batch around a replacement) keeps the plan, with
                // a file's changes in it: the welcome stays.
                replaces = matches!(command, Command::ReplacePlan(_));
                e.apply(command)
            })
        });
        match result {
            Some(Ok(())) => {
                if replaces {
                    self.replaced.set(true);
                }
                true
            }
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
        let label = self.change(|e| e.undo()).flatten();
        if let Some(label) = label {
            self.status.set(format!("Undid {label}."));
        }
    }

    pub fn redo(&self) {
        if self.read_only {
            return self.status.set(READ_ONLY.into());
        }
        let label = self.change(|e| e.redo()).flatten();
        if let Some(label) = label {
            self.status.set(format!("Redid {label}."));
        }
    }

    /// Puts what another tab saved in place of this tab's plan.
    pub fn replace_from_outside(&self, plan: Plan) {
        self.change(|e| e.replace_from_outside(plan));
        self.replaced.set(true);
    }

    /// Every change to the editor goes through here, so that the aspects and
    /// objectives it touched are notified.
    fn change<T>(&self, f: impl FnOnce(&mut Editor) -> T) -> Option<T> {
        let before = self.editor.try_with_untracked(revisions)?;
        let result = self.write_editor.try_update(f);
        self.notify_changes(before);
        result
    }

    /// Notifies what the change since `before` touched; apart from `change`,
    /// which every edit's call site instantiates.
    fn notify_changes(&self, (revision, aspects): Revisions) {
        let Some(((now, after), objectives)) = self
            .editor
            .try_with_untracked(|e| (revisions(e), e.objectives_changed().clone()))
        else {
            return;
        };
        if now == revision {
            // Refused: nothing changed.
            return;
        }
        for (bit, trigger) in self.aspect_changes.iter().enumerate() {
            if aspects[bit] != after[bit] {
                trigger.notify();
            }
        }
        match objectives {
            ObjectivesChanged::Any => {
                // Every objective shown reads again and asks for a trigger
                // anew: the list holds only what was shown since.
                self.objective_changes.forget_all();
                self.any_objective.notify();
            }
            ObjectivesChanged::Only(ids) => self.objective_changes.notify(&ids),
        }
    }

    /// Reads the plan for what it says about one objective, tracking only
    /// that objective: the caller re-runs when an edit changes it (or may
    /// have), not on every edit of the plan.
    pub fn with_objective<T>(&self, id: &Id, f: impl FnOnce(&Plan) -> T) -> T {
        follow(self.watch.any_objective);
        self.objective_changes.track(id);
        self.editor.with_untracked(|e| f(e.plan()))
    }

    /// The editor's revision of `aspects`, tracked: the caller re-runs only
    /// when an edit touches one of them.
    pub fn revision_of(&self, aspects: Aspects) -> u64 {
        self.track(aspects);
        self.editor.with_untracked(|e| e.revision_of(aspects))
    }

    /// Reads the plan for what it says about `aspects`, tracking only them:
    /// the caller re-runs when an edit touches one of them.
    pub fn with_aspects<T>(&self, aspects: Aspects, f: impl FnOnce(&Plan) -> T) -> T {
        self.track(aspects);
        self.editor.with_untracked(|e| f(e.plan()))
    }

    fn track(&self, aspects: Aspects) {
        for bit in aspects.bits() {
            follow(self.watch.aspects[bit]);
        }
    }

    /// Reads the plan, tracking it: the caller re-runs when the plan changes.
    pub fn with_plan<T>(&self, f: impl FnOnce(&Plan) -> T) -> T {
        follow(self.watch.plan);
        self.editor.with_untracked(|e| f(e.plan()))
    }

    /// A whole-plan index of the layout, as [`Self::index_of`], that
    /// `patch` lays the edits since over, step by step (see
    /// `Editor::layout_changed_since`), returning `None` to have it built
    /// afresh.
    pub fn layout_index_of<T: Send + Sync + 'static>(
        &self,
        build: impl Fn(&Plan) -> T + Send + Sync + 'static,
        patch: impl Fn(&T, &Plan, &[LayoutStep]) -> Option<T> + Send + Sync + 'static,
    ) -> Memo<Arc<T>> {
        let state = *self;
        // The layout revision the memo's index is for.
        let indexed = StoredValue::new(None::<u64>);
        Memo::new_with_compare(
            move |last: Option<&Arc<T>>| {
                state.track(Aspects::LAYOUT);
                state.editor.with_untracked(|e| {
                    let changed = indexed.get_value().and_then(|r| e.layout_changed_since(r));
                    indexed.set_value(Some(e.revision_of(Aspects::LAYOUT)));
                    let patched = last
                        .zip(changed)
                        .and_then(|(last, steps)| patch(last, e.plan(), &steps));
                    Arc::new(patched.unwrap_or_else(|| build(e.plan())))
                })
            },
            |_, _| true,
        )
    }

    /// A whole-plan index that reads only `aspects` of the plan, rebuilt by
    /// `build` when an edit touches one of them (or a signal `build` reads
    /// changes), and kept across every other edit.
    pub fn index_of<T: Send + Sync + 'static>(
        &self,
        aspects: Aspects,
        build: impl Fn(&Plan) -> T + Send + Sync + 'static,
    ) -> Memo<Arc<T>> {
        let state = *self;
        // Never equal: a rebuilt index always notifies (comparing would cost a pass).
        Memo::new_with_compare(
            move |_| state.with_aspects(aspects, |p| Arc::new(build(p))),
            |_, _| true,
        )
    }
}
