//! Edits as a planner thinks of them ("delete this unit", "align to…"),
//! checked against the plan and turned into [`Command`]s. Nothing here
//! changes a plan; applying the returned command does.

use super::{
    Alignment, CheckIn, Command, EditError, Id, KeyResult, MeasureKind, Objective, Plan, Review,
    ScoreOverride, Unit,
};
use rustc_hash::FxHashSet;

type Edit = Result<Command, EditError>;

fn refuse<T>(why: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(why.into()))
}

fn missing(what: &str, id: &Id) -> EditError {
    EditError(format!("The {what} \"{id}\" no longer exists."))
}

fn check_new_id(plan: &Plan, id: &Id) -> Result<(), EditError> {
    if plan.id_in_use(id) {
        return refuse(format!("The id \"{id}\" is already in use."));
    }
    Ok(())
}

pub fn add_unit(plan: &Plan, unit: Unit) -> Edit {
    check_new_id(plan, &unit.id)?;
    if let Some(parent) = &unit.parent {
        plan.unit_index(parent)
            .ok_or_else(|| missing("unit", parent))?;
    }
    if unit.name.trim().is_empty() {
        return refuse("A unit needs a name.");
    }
    Ok(Command::InsertUnit {
        index: plan.units.len(),
        unit,
    })
}

/// Changes a unit's own fields (name, kind, headcount); moving has its own edit.
pub fn edit_unit(plan: &Plan, id: &Id, change: impl FnOnce(&mut Unit)) -> Edit {
    let mut unit = plan
        .units
        .iter()
        .find(|u| &u.id == id)
        .cloned()
        .ok_or_else(|| missing("unit", id))?;
    let parent = unit.parent.clone();
    change(&mut unit);
    unit.parent = parent;
    Ok(Command::UpdateUnit(unit))
}

/// Moves a unit (with everything below it) under a new parent, as its last child.
pub fn move_unit(plan: &Plan, id: &Id, new_parent: Option<&Id>) -> Edit {
    let index = plan.unit_index(id).ok_or_else(|| missing("unit", id))?;
    if let Some(parent) = new_parent {
        plan.unit_index(parent)
            .ok_or_else(|| missing("unit", parent))?;
        if plan.is_within(parent, id) {
            return refuse(format!(
                "\"{}\" cannot move into itself or a unit below it.",
                plan.units[index].name
            ));
        }
    }
    let mut unit = plan.units[index].clone();
    unit.parent = new_parent.cloned();
    let label = format!("move \"{}\"", unit.name);
    Ok(Command::Batch {
        label,
        steps: vec![
            Command::UpdateUnit(unit),
            Command::ReorderUnit {
                from: index,
                to: plan.units.len() - 1,
            },
        ],
    })
}

/// Swaps a unit with its previous (`up`) or next sibling.
pub fn shift_unit(plan: &Plan, id: &Id, up: bool) -> Edit {
    let index = plan.unit_index(id).ok_or_else(|| missing("unit", id))?;
    let parent = &plan.units[index].parent;
    let is_sibling = |i: &usize| &plan.units[*i].parent == parent;
    let neighbour = if up {
        (0..index).rev().find(is_sibling)
    } else {
        (index + 1..plan.units.len()).find(is_sibling)
    };
    match neighbour {
        Some(to) => Ok(Command::ReorderUnit { from: index, to }),
        None => refuse("It is already at the end of its level."),
    }
}

/// What deleting a unit takes with it, for the confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteImpact {
    pub units: usize,
    pub objectives: usize,
    pub key_results: usize,
    /// Objectives elsewhere that lose their alignment link.
    pub unlinked: usize,
}

/// Deletes a unit, the units below it, their objectives, rollout entries and
/// role links; objectives elsewhere aligned to what goes lose that link.
pub fn delete_unit(plan: &Plan, id: &Id) -> Result<(Command, DeleteImpact), EditError> {
    let units = plan.subtree(id);
    if units.is_empty() {
        return Err(missing("unit", id));
    }
    let unit_ids: FxHashSet<&Id> = units.iter().map(|&i| &plan.units[i].id).collect();
    let objectives: Vec<usize> = (0..plan.objectives.len())
        .filter(|&i| unit_ids.contains(&plan.objectives[i].unit))
        .collect();
    let (mut steps, unlinked) = unlink_dependants(plan, &objectives);
    let key_results = objectives
        .iter()
        .map(|&i| plan.objectives[i].key_results.len())
        .sum();
    let objective_count = objectives.len();
    steps.push(Command::RemoveObjectives {
        indices: objectives,
    });
    let participation = &plan.rollout.participation;
    steps.extend(
        (0..participation.len())
            .rev()
            .filter(|&i| unit_ids.contains(&participation[i].unit))
            .map(|index| Command::RemoveParticipation { index }),
    );
    if plan
        .rollout
        .roles
        .iter()
        .any(|r| r.unit.as_ref().is_some_and(|u| unit_ids.contains(u)))
    {
        let mut roles = plan.rollout.roles.clone();
        for role in &mut roles {
            if role.unit.as_ref().is_some_and(|u| unit_ids.contains(u)) {
                role.unit = None;
            }
        }
        steps.push(Command::SetRoles(roles));
    }
    let mut removed = units.clone();
    removed.sort_unstable();
    steps.extend(
        removed
            .into_iter()
            .rev()
            .map(|index| Command::RemoveUnit { index }),
    );
    let impact = DeleteImpact {
        units: units.len(),
        objectives: objective_count,
        key_results,
        unlinked,
    };
    let label = format!("delete \"{}\"", plan.units[units[0]].name);
    Ok((Command::Batch { label, steps }, impact))
}

/// Steps that clear the alignment of every objective (outside `removed`)
/// that points at a removed objective or one of its key results.
fn unlink_dependants(plan: &Plan, removed: &[usize]) -> (Vec<Command>, usize) {
    let removed_set: FxHashSet<usize> = removed.iter().copied().collect();
    let mut gone: FxHashSet<&Id> = FxHashSet::default();
    for &i in removed {
        gone.insert(&plan.objectives[i].id);
        gone.extend(plan.objectives[i].key_results.iter().map(|k| &k.id));
    }
    let steps: Vec<Command> = plan
        .objectives
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            !removed_set.contains(i)
                && o.aligned_to
                    .as_ref()
                    .is_some_and(|a| gone.contains(target_id(a)))
        })
        .map(|(_, o)| {
            let mut unlinked = o.clone();
            unlinked.aligned_to = None;
            Command::UpdateObjective(unlinked)
        })
        .collect();
    let count = steps.len();
    (steps, count)
}

fn target_id(alignment: &Alignment) -> &Id {
    match alignment {
        Alignment::Objective(id) | Alignment::KeyResult(id) => id,
    }
}

pub fn add_objective(plan: &Plan, objective: Objective) -> Edit {
    check_new_id(plan, &objective.id)?;
    plan.unit_index(&objective.unit)
        .ok_or_else(|| missing("unit", &objective.unit))?;
    plan.cycle(&objective.cycle)
        .ok_or_else(|| missing("cycle", &objective.cycle))?;
    Ok(Command::InsertObjectives {
        placed: vec![(plan.objectives.len(), objective)],
    })
}

/// Changes an objective's own fields and its key results. Alignment and
/// ownership changes are checked: no loops, no links to what does not exist.
pub fn edit_objective(plan: &Plan, id: &Id, change: impl FnOnce(&mut Objective)) -> Edit {
    let index = plan
        .objective_index(id)
        .ok_or_else(|| missing("objective", id))?;
    let mut objective = plan.objectives[index].clone();
    change(&mut objective);
    objective.id = id.clone();
    plan.unit_index(&objective.unit)
        .ok_or_else(|| missing("unit", &objective.unit))?;
    plan.cycle(&objective.cycle)
        .ok_or_else(|| missing("cycle", &objective.cycle))?;
    let mut steps = Vec::new();
    // An unchanged link was checked when it was made: walking the chain of
    // links costs a search of the plan per step, on every check-in.
    let relinked = objective.aligned_to != plan.objectives[index].aligned_to;
    if let Some(target) = objective.aligned_to.as_ref().filter(|_| relinked) {
        check_alignment(plan, index, target)?;
    }
    // Key results that were removed take their cascaded links with them.
    let kept: FxHashSet<&Id> = objective.key_results.iter().map(|k| &k.id).collect();
    let dropped: FxHashSet<&Id> = plan.objectives[index]
        .key_results
        .iter()
        .map(|k| &k.id)
        .filter(|k| !kept.contains(k))
        .collect();
    if !dropped.is_empty() {
        for other in &plan.objectives {
            if let Some(Alignment::KeyResult(kr)) = &other.aligned_to {
                if dropped.contains(kr) && other.id != objective.id {
                    let mut unlinked = other.clone();
                    unlinked.aligned_to = None;
                    steps.push(Command::UpdateObjective(unlinked));
                }
            }
        }
    }
    let ids: FxHashSet<&Id> = objective.key_results.iter().map(|k| &k.id).collect();
    if ids.len() != objective.key_results.len() {
        return refuse("Two key results share an id.");
    }
    let label = format!("edit \"{}\"", objective.title);
    steps.insert(0, Command::UpdateObjective(objective));
    Ok(if steps.len() == 1 {
        steps.remove(0)
    } else {
        Command::Batch { label, steps }
    })
}

/// Refuses a link to something missing, or one that would make the objective
/// support itself (directly or through a chain of links).
fn check_alignment(plan: &Plan, objective: usize, target: &Alignment) -> Result<(), EditError> {
    let Some(mut current) = plan.aligned_objective(target) else {
        return refuse("The item to align to no longer exists.");
    };
    for _ in 0..=plan.objectives.len() {
        if current == objective {
            return refuse("That link would make the objective support itself.");
        }
        match plan.objectives[current]
            .aligned_to
            .as_ref()
            .and_then(|a| plan.aligned_objective(a))
        {
            Some(next) => current = next,
            None => return Ok(()),
        }
    }
    refuse("The plan already has an alignment loop.")
}

pub fn align(plan: &Plan, objective: &Id, target: Option<Alignment>) -> Edit {
    let edit = edit_objective(plan, objective, |o| o.aligned_to = target)?;
    Ok(relabel(edit, "change alignment"))
}

fn relabel(command: Command, label: &str) -> Command {
    match command {
        Command::Batch { steps, .. } => Command::Batch {
            label: label.into(),
            steps,
        },
        single => Command::Batch {
            label: label.into(),
            steps: vec![single],
        },
    }
}

/// Duality cascading: the key result becomes an objective of `unit`, linked to it.
pub fn cascade_key_result(plan: &Plan, kr: &Id, unit: &Id, new_id: Id) -> Edit {
    let (o, k) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    let parent = &plan.objectives[o];
    let objective = Objective {
        id: new_id,
        title: parent.key_results[k].title.clone(),
        description: String::new(),
        unit: unit.clone(),
        cycle: parent.cycle.clone(),
        commitment: parent.commitment,
        aligned_to: Some(Alignment::KeyResult(kr.clone())),
        key_results: Vec::new(),
        review: Review::default(),
    };
    let unit_name = plan
        .unit_index(unit)
        .map(|i| plan.units[i].name.clone())
        .ok_or_else(|| missing("unit", unit))?;
    Ok(relabel(
        add_objective(plan, objective)?,
        &format!("cascade to \"{unit_name}\""),
    ))
}

/// Deletes an objective; objectives aligned to it or its key results lose that link.
pub fn delete_objective(plan: &Plan, id: &Id) -> Edit {
    let index = plan
        .objective_index(id)
        .ok_or_else(|| missing("objective", id))?;
    let (mut steps, _) = unlink_dependants(plan, &[index]);
    steps.push(Command::RemoveObjectives {
        indices: vec![index],
    });
    Ok(Command::Batch {
        label: format!("delete \"{}\"", plan.objectives[index].title),
        steps,
    })
}

/// Swaps an objective with the previous (`up`) or next one of the same unit and cycle.
pub fn shift_objective(plan: &Plan, id: &Id, up: bool) -> Edit {
    let index = plan
        .objective_index(id)
        .ok_or_else(|| missing("objective", id))?;
    let me = &plan.objectives[index];
    let is_sibling = |i: &usize| {
        let o = &plan.objectives[*i];
        o.unit == me.unit && o.cycle == me.cycle
    };
    let neighbour = if up {
        (0..index).rev().find(is_sibling)
    } else {
        (index + 1..plan.objectives.len()).find(is_sibling)
    };
    match neighbour {
        Some(to) => Ok(Command::ReorderObjective { from: index, to }),
        None => refuse("It is already at the end of the list."),
    }
}

pub fn add_key_result(plan: &Plan, objective: &Id, kr: KeyResult) -> Edit {
    check_new_id(plan, &kr.id)?;
    edit_objective(plan, objective, |o| o.key_results.push(kr))
}

pub fn delete_key_result(plan: &Plan, kr: &Id) -> Edit {
    let (o, _) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    let id = plan.objectives[o].id.clone();
    edit_objective(plan, &id, |o| o.key_results.retain(|k| &k.id != kr))
}

pub fn shift_key_result(plan: &Plan, kr: &Id, up: bool) -> Edit {
    let (o, k) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    let count = plan.objectives[o].key_results.len();
    let to = if up {
        k.checked_sub(1)
    } else {
        Some(k + 1).filter(|&t| t < count)
    };
    let Some(to) = to else {
        return refuse("It is already at the end of the list.");
    };
    let id = plan.objectives[o].id.clone();
    edit_objective(plan, &id, |o| o.key_results.swap(k, to))
}

/// Records a check-in. Its value must fit the measure: 0–100 for a
/// percentage, 0 or 1 for a milestone, 0.0–1.0 for a grade.
pub fn add_check_in(plan: &Plan, kr: &Id, check_in: CheckIn) -> Edit {
    let (o, k) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    check_new_id(plan, &check_in.id)?;
    let key_result = &plan.objectives[o].key_results[k];
    let value = check_in.value;
    let fits = match key_result.measure {
        MeasureKind::Number => value.is_finite(),
        MeasureKind::Percentage => (0.0..=100.0).contains(&value),
        MeasureKind::Milestone => value == 0.0 || value == 1.0,
        MeasureKind::Grade => (0.0..=1.0).contains(&value),
    };
    if !fits {
        return refuse(match key_result.measure {
            MeasureKind::Number => "A check-in needs a number.",
            MeasureKind::Percentage => "A percentage is between 0 and 100.",
            MeasureKind::Milestone => "A milestone is 1 (done) or 0 (not done).",
            MeasureKind::Grade => "A grade is between 0.0 and 1.0.",
        });
    }
    if check_in
        .confidence
        .is_some_and(|c| !(0.0..=1.0).contains(&c))
    {
        return refuse("Confidence is between 0.0 and 1.0.");
    }
    let objective = plan.objectives[o].id.clone();
    let label = format!("check in on \"{}\"", key_result.title);
    let edit = edit_objective(plan, &objective, |o| {
        o.key_results[k].check_ins.push(check_in)
    })?;
    Ok(relabel(edit, &label))
}

pub fn remove_check_in(plan: &Plan, kr: &Id, check_in: &Id) -> Edit {
    let (o, k) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    let objective = plan.objectives[o].id.clone();
    let edit = edit_objective(plan, &objective, |o| {
        o.key_results[k].check_ins.retain(|c| &c.id != check_in)
    })?;
    Ok(relabel(edit, "remove check-in"))
}

/// Sets (or with `None` clears) a hand-set final score; it needs a reason.
pub fn set_score_override(plan: &Plan, kr: &Id, score: Option<ScoreOverride>) -> Edit {
    if let Some(over) = &score {
        if !(0.0..=1.0).contains(&over.score) {
            return refuse("A score is between 0.0 and 1.0.");
        }
        if over.reason.trim().is_empty() {
            return refuse("A score override needs a reason.");
        }
    }
    let (o, k) = plan
        .key_result_position(kr)
        .ok_or_else(|| missing("key result", kr))?;
    let objective = plan.objectives[o].id.clone();
    let edit = edit_objective(plan, &objective, |o| {
        o.key_results[k].score_override = score
    })?;
    Ok(relabel(edit, "override score"))
}

/// Changes an objective's end-of-cycle notes.
pub fn edit_review(plan: &Plan, objective: &Id, change: impl FnOnce(&mut Review)) -> Edit {
    let edit = edit_objective(plan, objective, |o| change(&mut o.review))?;
    Ok(relabel(edit, "edit review notes"))
}
