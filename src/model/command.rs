//! The one way to change a plan. Every edit is a [`Command`]; applying it
//! returns the command that undoes it, so undo/redo and autosave hang off
//! one place ([`super::Editor`]).

use super::Plan;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    RenamePlan(String),
    /// Swap in a whole plan (an imported file, the sample); undoing it brings the old one back.
    ReplacePlan(Box<Plan>),
}

/// Why a command was refused; the plan is left exactly as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Command {
    /// What the edit does, for the undo and redo buttons ("Undo rename plan").
    pub fn label(&self) -> String {
        match self {
            Command::RenamePlan(_) => "rename plan".into(),
            Command::ReplacePlan(plan) => format!("open \"{}\"", plan.meta.name),
        }
    }

    /// Applies the command and returns its inverse, or refuses it without changing anything.
    pub fn apply(self, plan: &mut Plan) -> Result<Command, EditError> {
        match self {
            Command::RenamePlan(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(EditError("A plan needs a name.".into()));
                }
                let old = std::mem::replace(&mut plan.meta.name, name);
                Ok(Command::RenamePlan(old))
            }
            Command::ReplacePlan(new) => {
                let old = std::mem::replace(plan, *new);
                Ok(Command::ReplacePlan(Box::new(old)))
            }
        }
    }
}
