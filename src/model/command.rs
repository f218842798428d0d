//! The one way to change a plan. Every edit is a [`Command`]; applying it
//! returns the command that undoes it, so undo/redo and autosave hang off
//! one place ([`super::Editor`]). Compound edits (deleting a unit with all
//! that goes with it) are a [`Command::Batch`] of small invertible steps.

use super::{
    CheckInCadence, Cycle, Id, Objective, Participation, Phase, Plan, ProgrammeEvent,
    ReadinessItem, RoleAssignment, Settings, Strategy, Unit,
};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    RenamePlan(String),
    /// Swap in a whole plan (an imported file, the sample); undoing it brings the old one back.
    ReplacePlan(Box<Plan>),
    InsertCycle {
        index: usize,
        cycle: Cycle,
    },
    RemoveCycle {
        index: usize,
    },
    InsertUnit {
        index: usize,
        unit: Unit,
    },
    RemoveUnit {
        index: usize,
    },
    /// Replaces the unit with the same id (rename, change kind, re-parent).
    UpdateUnit(Unit),
    /// Moves a unit within the flat list (sibling order follows list order).
    ReorderUnit {
        from: usize,
        to: usize,
    },
    /// Puts objectives in, each at its position in the list after the
    /// insertion (ascending): one pass over the list, where inserting one at
    /// a time would move the rest of it once per objective (deleting a
    /// department and undoing that move a thousand).
    InsertObjectives {
        placed: Vec<(usize, Objective)>,
    },
    /// Takes out the objectives at these positions (ascending), in one pass.
    RemoveObjectives {
        indices: Vec<usize>,
    },
    /// Replaces the objective with the same id, key results included.
    UpdateObjective(Objective),
    ReorderObjective {
        from: usize,
        to: usize,
    },
    InsertParticipation {
        index: usize,
        participation: Participation,
    },
    RemoveParticipation {
        index: usize,
    },
    /// Replaces the list of rollout roles (a short list).
    SetRoles(Vec<RoleAssignment>),
    /// Replaces the rollout's strategy, phases, participation and readiness
    /// checklist together (a proposed rollout plan); undo brings the old ones back.
    SetRolloutPlan {
        strategy: Strategy,
        phases: Vec<Phase>,
        participation: Vec<Participation>,
        readiness: Vec<ReadinessItem>,
    },
    /// Replaces the list of programme events (pauses, relaunches; a short list).
    SetEvents(Vec<ProgrammeEvent>),
    /// Replaces the plan-wide settings (how scores roll up).
    SetSettings(Settings),
    /// Replaces the readiness checklists of all phases (a short list), so
    /// ticking an item does not copy the whole participation table.
    SetReadiness(Vec<ReadinessItem>),
    SetCadence(CheckInCadence),
    /// Several steps applied as one edit, undone as one.
    Batch {
        label: String,
        steps: Vec<Command>,
    },
}

/// Why a command was refused; the plan is left exactly as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(why: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(why.into()))
}

fn check_insert(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        return refuse(format!("position {index} is past the end ({len})"));
    }
    Ok(())
}

fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index >= len {
        return refuse(format!("no item at position {index}"));
    }
    Ok(())
}

fn position_of<T>(items: &[T], id: &Id, id_of: impl Fn(&T) -> &Id) -> Result<usize, EditError> {
    items
        .iter()
        .position(|item| id_of(item) == id)
        .ok_or_else(|| EditError(format!("\"{id}\" no longer exists")))
}

/// Takes the items at `indices` (strictly ascending) out of `items`, moving
/// only what follows the first of them, once.
fn remove_many<T>(items: &mut Vec<T>, indices: &[usize]) -> Result<Vec<(usize, T)>, EditError> {
    // One item: a single move of the rest, without the copy a pass makes.
    if let [at] = *indices {
        check_index(at, items.len())?;
        return Ok(vec![(at, items.remove(at))]);
    }
    let ascending = indices.windows(2).all(|pair| pair[0] < pair[1]);
    let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
        return Ok(Vec::new());
    };
    check_index(last, items.len())?;
    if !ascending {
        return refuse("positions out of order");
    }
    let mut tail = items.split_off(first).into_iter();
    let mut removed = Vec::with_capacity(indices.len());
    for &at in indices {
        // What lies between the last one taken and this one stays: the
        // next in `tail` was at `items.len() + removed.len()`.
        items.extend(tail.by_ref().take(at - items.len() - removed.len()));
        removed.extend(tail.next().map(|item| (at, item)));
    }
    items.extend(tail);
    Ok(removed)
}

/// Puts each item in at its position (strictly ascending, positions of the
/// list after), moving only what follows the first of them, once.
fn insert_many<T>(
    items: &mut Vec<T>,
    mut placed: Vec<(usize, T)>,
) -> Result<Vec<usize>, EditError> {
    if placed.len() == 1 {
        let (at, item) = placed.swap_remove(0);
        check_insert(at, items.len())?;
        items.insert(at, item);
        return Ok(vec![at]);
    }
    let ascending = placed.windows(2).all(|pair| pair[0].0 < pair[1].0);
    let (Some(&(first, _)), Some(&(last, _))) = (placed.first(), placed.last()) else {
        return Ok(Vec::new());
    };
    check_index(last, items.len() + placed.len())?;
    if !ascending {
        return refuse("positions out of order");
    }
    let mut tail = items.split_off(first).into_iter();
    items.reserve(tail.len() + placed.len());
    let mut indices = Vec::with_capacity(placed.len());
    for (at, item) in placed {
        items.extend(tail.by_ref().take(at - items.len()));
        items.push(item);
        indices.push(at);
    }
    items.extend(tail);
    Ok(indices)
}

fn reorder<T>(items: &mut Vec<T>, from: usize, to: usize) -> Result<(), EditError> {
    check_index(from, items.len())?;
    check_index(to, items.len())?;
    let item = items.remove(from);
    items.insert(to, item);
    Ok(())
}

impl Command {
    /// What the edit does, for the undo and redo buttons ("Undo rename plan").
    pub fn label(&self) -> String {
        match self {
            Command::RenamePlan(_) => "rename plan".into(),
            Command::ReplacePlan(plan) => format!("open \"{}\"", plan.meta.name),
            Command::InsertCycle { cycle, .. } => format!("add \"{}\"", cycle.name),
            Command::RemoveCycle { .. } => "remove cycle".into(),
            Command::InsertUnit { unit, .. } => format!("add \"{}\"", unit.name),
            Command::RemoveUnit { .. } => "remove unit".into(),
            Command::UpdateUnit(unit) => format!("edit \"{}\"", unit.name),
            Command::ReorderUnit { .. } => "reorder units".into(),
            Command::InsertObjectives { placed } => match placed.as_slice() {
                [(_, objective)] => format!("add \"{}\"", objective.title),
                _ => format!("add {} objectives", placed.len()),
            },
            Command::RemoveObjectives { indices } => match indices.len() {
                1 => "remove objective".into(),
                count => format!("remove {count} objectives"),
            },
            Command::UpdateObjective(objective) => format!("edit \"{}\"", objective.title),
            Command::ReorderObjective { .. } => "reorder objectives".into(),
            Command::InsertParticipation { .. } | Command::RemoveParticipation { .. } => {
                "change participation".into()
            }
            Command::SetRoles(_) => "change roles".into(),
            Command::SetRolloutPlan { strategy, .. } => {
                format!("plan \"{}\" rollout", strategy.label())
            }
            Command::SetEvents(_) => "change programme events".into(),
            Command::SetSettings(_) => "change settings".into(),
            Command::SetReadiness(_) => "change readiness checklist".into(),
            Command::SetCadence(_) => "change check-in cadence".into(),
            Command::Batch { label, .. } => label.clone(),
        }
    }

    /// Applies the command and returns its inverse, or refuses it without changing anything.
    pub fn apply(self, plan: &mut Plan) -> Result<Command, EditError> {
        match self {
            Command::RenamePlan(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return refuse("A plan needs a name.");
                }
                let old = std::mem::replace(&mut plan.meta.name, name);
                Ok(Command::RenamePlan(old))
            }
            Command::ReplacePlan(new) => {
                let old = std::mem::replace(plan, *new);
                Ok(Command::ReplacePlan(Box::new(old)))
            }
            Command::InsertCycle { index, cycle } => {
                check_insert(index, plan.cycles.len())?;
                plan.cycles.insert(index, cycle);
                Ok(Command::RemoveCycle { index })
            }
            Command::RemoveCycle { index } => {
                check_index(index, plan.cycles.len())?;
                let cycle = plan.cycles.remove(index);
                Ok(Command::InsertCycle { index, cycle })
            }
            Command::InsertUnit { index, unit } => {
                check_insert(index, plan.units.len())?;
                plan.units.insert(index, unit);
                Ok(Command::RemoveUnit { index })
            }
            Command::RemoveUnit { index } => {
                check_index(index, plan.units.len())?;
                let unit = plan.units.remove(index);
                Ok(Command::InsertUnit { index, unit })
            }
            Command::UpdateUnit(unit) => {
                if unit.name.trim().is_empty() {
                    return refuse("A unit needs a name.");
                }
                let at = position_of(&plan.units, &unit.id, |u| &u.id)?;
                let old = std::mem::replace(&mut plan.units[at], unit);
                Ok(Command::UpdateUnit(old))
            }
            Command::ReorderUnit { from, to } => {
                reorder(&mut plan.units, from, to)?;
                Ok(Command::ReorderUnit { from: to, to: from })
            }
            Command::InsertObjectives { placed } => {
                let indices = insert_many(&mut plan.objectives, placed)?;
                Ok(Command::RemoveObjectives { indices })
            }
            Command::RemoveObjectives { indices } => {
                let placed = remove_many(&mut plan.objectives, &indices)?;
                Ok(Command::InsertObjectives { placed })
            }
            Command::UpdateObjective(objective) => {
                if objective.title.trim().is_empty() {
                    return refuse("An objective needs a title.");
                }
                if objective
                    .key_results
                    .iter()
                    .any(|k| k.title.trim().is_empty())
                {
                    return refuse("A key result needs a title.");
                }
                let at = position_of(&plan.objectives, &objective.id, |o| &o.id)?;
                let old = std::mem::replace(&mut plan.objectives[at], objective);
                Ok(Command::UpdateObjective(old))
            }
            Command::ReorderObjective { from, to } => {
                reorder(&mut plan.objectives, from, to)?;
                Ok(Command::ReorderObjective { from: to, to: from })
            }
            Command::InsertParticipation {
                index,
                participation,
            } => {
                let list = &mut plan.rollout.participation;
                check_insert(index, list.len())?;
                list.insert(index, participation);
                Ok(Command::RemoveParticipation { index })
            }
            Command::RemoveParticipation { index } => {
                let list = &mut plan.rollout.participation;
                check_index(index, list.len())?;
                let participation = list.remove(index);
                Ok(Command::InsertParticipation {
                    index,
                    participation,
                })
            }
            Command::SetRoles(roles) => Ok(Command::SetRoles(std::mem::replace(
                &mut plan.rollout.roles,
                roles,
            ))),
            Command::SetRolloutPlan {
                strategy,
                phases,
                participation,
                readiness,
            } => {
                let rollout = &mut plan.rollout;
                Ok(Command::SetRolloutPlan {
                    strategy: std::mem::replace(&mut rollout.strategy, strategy),
                    phases: std::mem::replace(&mut rollout.phases, phases),
                    participation: std::mem::replace(&mut rollout.participation, participation),
                    readiness: std::mem::replace(&mut rollout.readiness, readiness),
                })
            }
            Command::SetSettings(settings) => Ok(Command::SetSettings(std::mem::replace(
                &mut plan.settings,
                settings,
            ))),
            Command::SetEvents(events) => Ok(Command::SetEvents(std::mem::replace(
                &mut plan.rollout.events,
                events,
            ))),
            Command::SetReadiness(items) => Ok(Command::SetReadiness(std::mem::replace(
                &mut plan.rollout.readiness,
                items,
            ))),
            Command::SetCadence(cadence) => Ok(Command::SetCadence(std::mem::replace(
                &mut plan.rollout.cadence,
                cadence,
            ))),
            Command::Batch { label, steps } => apply_batch(plan, label, steps),
        }
    }
}

/// All steps or none: if one is refused, the ones before it are rolled back.
fn apply_batch(plan: &mut Plan, label: String, steps: Vec<Command>) -> Result<Command, EditError> {
    let mut inverses = Vec::with_capacity(steps.len());
    for step in steps {
        match step.apply(plan) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Undoing steps that just succeeded cannot fail.
                    let _ = inverse.apply(plan);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch {
        label,
        steps: inverses,
    })
}
