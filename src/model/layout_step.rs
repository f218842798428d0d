//! What edits did to where objectives sit, step by step, so that indexes
//! keyed by an objective's position can follow them instead of being built
//! afresh: removing or moving one objective shifts every position after it.

use super::{Command, Id};
use std::cmp::Ordering;

/// One thing an edit did to the plan's objectives, in the order it did it;
/// a position is the plan's at that moment.
#[derive(Clone, Debug, PartialEq)]
pub enum LayoutStep {
    /// The objective changed in place: its key results, unit, cycle or link.
    Changed(Id),
    /// An objective was inserted here; those from here on moved up one.
    Inserted(usize),
    /// The objective here was removed; those after it moved down one.
    Removed(usize),
}

impl LayoutStep {
    /// The steps of an edit, given the command that reverts it; `None` for
    /// a new plan, which nothing can follow.
    pub fn of_edit(inverse: &Command) -> Option<Vec<LayoutStep>> {
        let mut steps = Vec::new();
        push_steps(inverse, &mut steps)?;
        Some(steps)
    }

    /// Where the step leaves the objective at `at`; `None` if it removed it.
    pub fn shift(&self, at: usize) -> Option<usize> {
        match *self {
            LayoutStep::Changed(_) => Some(at),
            LayoutStep::Inserted(inserted) if at >= inserted => Some(at + 1),
            LayoutStep::Inserted(_) => Some(at),
            LayoutStep::Removed(removed) => match at.cmp(&removed) {
                Ordering::Less => Some(at),
                Ordering::Equal => None,
                Ordering::Greater => Some(at - 1),
            },
        }
    }

    /// The objectives `steps` changed in place.
    fn changed(steps: &[LayoutStep]) -> impl Iterator<Item = &Id> {
        steps.iter().filter_map(|step| match step {
            LayoutStep::Changed(id) => Some(id),
            _ => None,
        })
    }

    /// Where the objectives `steps` changed or inserted stand now: what an
    /// index reads again. `position` finds a changed one (`None`: removed since).
    pub fn to_read_again(
        steps: &[LayoutStep],
        position: impl Fn(&Id) -> Option<usize>,
    ) -> Vec<usize> {
        let changed = Self::changed(steps).filter_map(position);
        changed.chain(Self::inserted(steps)).collect()
    }

    /// Where the objectives that `steps` inserted stand after all of them
    /// (those still there).
    fn inserted(steps: &[LayoutStep]) -> Vec<usize> {
        let mut inserted: Vec<usize> = Vec::new();
        for step in steps {
            inserted.retain_mut(|at| step.shift(*at).map(|now| *at = now).is_some());
            if let LayoutStep::Inserted(at) = *step {
                inserted.push(at);
            }
        }
        inserted
    }
}

/// Appends the steps of the edit that `inverse` reverts.
fn push_steps(inverse: &Command, steps: &mut Vec<LayoutStep>) -> Option<()> {
    match inverse {
        Command::UpdateObjective(before) => steps.push(LayoutStep::Changed(before.id.clone())),
        // An inverse removes what the edit inserted, and the other way round.
        // Positions ascending: inserted lowest first, removed highest first,
        // so that each step's position is the plan's at that moment.
        Command::RemoveObjectives { indices } => {
            steps.extend(indices.iter().map(|&at| LayoutStep::Inserted(at)));
        }
        Command::InsertObjectives { placed } => {
            steps.extend(placed.iter().rev().map(|&(at, _)| LayoutStep::Removed(at)));
        }
        // The edit took the objective out at `to` and put it in at `from`.
        Command::ReorderObjective { from, to } => {
            steps.push(LayoutStep::Removed(*to));
            steps.push(LayoutStep::Inserted(*from));
        }
        // A batch's inverse lists its steps' inverses, the last step's first.
        Command::Batch {
            steps: inverses, ..
        } => {
            for inverse in inverses.iter().rev() {
                push_steps(inverse, steps)?;
            }
        }
        Command::ReplacePlan(_) => return None,
        // Cycles, settings, units, the rollout: no objective moves.
        _ => {}
    }
    Some(())
}
