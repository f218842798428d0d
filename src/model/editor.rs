//! A plan together with its undo and redo history.

use super::{Aspects, Command, EditError, Plan};

/// How many edits can be undone; older ones are forgotten.
const HISTORY_LIMIT: usize = 200;

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
}

impl Editor {
    pub fn new(plan: Plan) -> Self {
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            aspect_revisions: [0; Aspects::COUNT],
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

    fn touched(&mut self, aspects: Aspects) {
        self.revision += 1;
        for bit in aspects.bits() {
            self.aspect_revisions[bit] += 1;
        }
    }

    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let label = command.label();
        let inverse = command.apply(&mut self.plan)?;
        self.touched(Aspects::of_edit(&inverse, &self.plan));
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
        self.touched(touched);
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let (label, touched) = Self::replay(&mut self.plan, &mut self.redo, &mut self.undo)?;
        self.touched(touched);
        Some(label)
    }

    /// Takes a plan changed outside this editor (another tab saved it). The
    /// history is dropped: its steps were made against the old plan.
    pub fn replace_from_outside(&mut self, plan: Plan) {
        self.plan = plan;
        self.undo.clear();
        self.redo.clear();
        self.touched(Aspects::ALL);
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
