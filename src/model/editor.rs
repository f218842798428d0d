//! A plan together with its undo and redo history.

use super::{Command, EditError, Plan};

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
}

impl Editor {
    pub fn new(plan: Plan) -> Self {
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let label = command.label();
        let inverse = command.apply(&mut self.plan)?;
        self.undo.push(Step { label, inverse });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// Reverts the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        Self::replay(
            &mut self.plan,
            &mut self.undo,
            &mut self.redo,
            &mut self.revision,
        )
    }

    pub fn redo(&mut self) -> Option<String> {
        Self::replay(
            &mut self.plan,
            &mut self.redo,
            &mut self.undo,
            &mut self.revision,
        )
    }

    /// Takes a plan changed outside this editor (another tab saved it). The
    /// history is dropped: its steps were made against the old plan.
    pub fn replace_from_outside(&mut self, plan: Plan) {
        self.plan = plan;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    fn replay(
        plan: &mut Plan,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        revision: &mut u64,
    ) -> Option<String> {
        let step = from.pop()?;
        // An inverse undoes a change that was valid a moment ago, so it applies;
        // if it ever did not, the step is dropped rather than the plan damaged.
        let inverse = step.inverse.apply(plan).ok()?;
        to.push(Step {
            label: step.label.clone(),
            inverse,
        });
        *revision += 1;
        Some(step.label)
    }
}
