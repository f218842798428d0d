//! A plan together with its undo and redo history.

use super::{Aspects, Command, EditError, Id, Plan};
use std::collections::VecDeque;

/// How many edits can be undone; older ones are forgotten.
const HISTORY_LIMIT: usize = 200;
/// How many recent changes to measures are remembered (see `measures_changed_since`).
const MEASURE_LOG_LIMIT: usize = 32;

#[derive(Clone, Debug)]
struct Step {
    label: String,
    /// The command that reverts this step.
    inverse: Command,
}

#[derive(Clone, Debug)]
pub struct Editor {
    plan: Plan,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts every change to the plan, so observers (autosave) know when to act.
    revision: u64,
    /// Counts changes per aspect, so whole-plan indexes rebuild only when
    /// something they read changed.
    aspect_revisions: [u64; Aspects::COUNT],
    /// The latest edits that touched measures, oldest first: the objectives
    /// each changed in place, or `None` for an edit that did more.
    measure_log: VecDeque<Option<Vec<Id>>>,
}

impl Editor {
    pub fn new(plan: Plan) -> Self {
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            aspect_revisions: [0; Aspects::COUNT],
            measure_log: VecDeque::new(),
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes only when an edit touches one of `aspects`.
    pub fn revision_of(&self, aspects: Aspects) -> u64 {
        aspects.bits().map(|bit| self.aspect_revisions[bit]).sum()
    }

    /// The objectives whose measures changed since the measures revision
    /// `since` (`revision_of(Aspects::MEASURES)` then), when every edit
    /// since changed objectives in place and is still remembered; `None`
    /// otherwise. Lets scores follow a check-in without a full re-score.
    pub fn measures_changed_since(&self, since: u64) -> Option<Vec<Id>> {
        let count = self.revision_of(Aspects::MEASURES).checked_sub(since)?;
        let skip = self
            .measure_log
            .len()
            .checked_sub(usize::try_from(count).ok()?)?;
        let mut recent = self.measure_log.iter().skip(skip);
        recent.try_fold(Vec::new(), |mut ids, edit| {
            ids.extend(edit.as_ref()?.iter().cloned());
            Some(ids)
        })
    }

    /// Counts an edit, with the objectives it changed in place if that is all it did.
    fn touched(&mut self, aspects: Aspects, in_place: Option<Vec<Id>>) {
        self.revision += 1;
        for bit in aspects.bits() {
            self.aspect_revisions[bit] += 1;
        }
        if aspects.intersects(Aspects::MEASURES) {
            self.measure_log.push_back(in_place);
            if self.measure_log.len() > MEASURE_LOG_LIMIT {
                self.measure_log.pop_front();
            }
        }
    }

    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let label = command.label();
        let inverse = command.apply(&mut self.plan)?;
        self.touched(
            Aspects::of_edit(&inverse, &self.plan),
            objectives_changed_in_place(&inverse),
        );
        self.undo.push(Step { label, inverse });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Reverts the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let (label, touched) = Self::replay(&mut self.plan, &mut self.undo, &mut self.redo)?;
        let in_place = self
            .redo
            .last()
            .and_then(|s| objectives_changed_in_place(&s.inverse));
        self.touched(touched, in_place);
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let (label, touched) = Self::replay(&mut self.plan, &mut self.redo, &mut self.undo)?;
        let in_place = self
            .undo
            .last()
            .and_then(|s| objectives_changed_in_place(&s.inverse));
        self.touched(touched, in_place);
        Some(label)
    }

    /// Takes a plan changed outside this editor (another tab saved it). The
    /// history is dropped: its steps were made against the old plan.
    pub fn replace_from_outside(&mut self, plan: Plan) {
        self.plan = plan;
        self.undo.clear();
        self.redo.clear();
        self.touched(Aspects::ALL, None);
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Applies the last step of `from`, moving its inverse to `to`; returns
    /// its label and what it touched.
    fn replay(
        plan: &mut Plan,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> Option<(String, Aspects)> {
        let step = from.pop()?;
        // An inverse undoes a change that was valid a moment ago, so it applies;
        // if it ever did not, the step is dropped rather than the plan damaged.
        let inverse = step.inverse.apply(plan).ok()?;
        let touched = Aspects::of_edit(&inverse, plan);
        to.push(Step {
            label: step.label.clone(),
            inverse,
        });
        Some((step.label, touched))
    }
}

/// The objectives an edit changed in place, given the command that reverts
/// it: `None` when it did anything else (added, removed, reordered, …).
fn objectives_changed_in_place(inverse: &Command) -> Option<Vec<Id>> {
    match inverse {
        Command::UpdateObjective(before) => Some(vec![before.id.clone()]),
        Command::Batch { steps, .. } => steps.iter().try_fold(Vec::new(), |mut ids, step| {
            ids.extend(objectives_changed_in_place(step)?);
            Some(ids)
        }),
        _ => None,
    }
}
