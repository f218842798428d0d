//! Quality warnings for a cycle's OKRs, each with a one-line why
//! (DOMAIN.md, "Cascading": problems worth surfacing).

use super::{
    CascadeIndex, Id, LayoutStep, MeasureKind, Objective, ObjectiveIndex, ParticipationStatus, Plan,
};
use rustc_hash::FxHashSet;

/// Conventions, not laws (DOMAIN.md: "~5"): a unit or objective above these gets a warning.
pub const MAX_OBJECTIVES_PER_UNIT: usize = 5;
pub const MAX_KEY_RESULTS_PER_OBJECTIVE: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    Unaligned,
    TooManyObjectives,
    TooManyKeyResults,
    NoMeasurableTarget,
    LinkIntoAnotherCycle,
    ActiveWithoutOkrs,
}

/// What a warning is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Unit(Id),
    Objective(Id),
    KeyResult(Id),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub subject: Subject,
    pub kind: WarningKind,
    pub why: String,
}

/// Every warning of the cycle.
pub fn warnings(plan: &Plan, cycle: &Id) -> Vec<Warning> {
    let index = CascadeIndex::new(plan, Some(cycle));
    let mut found = link_warnings(plan, cycle, index.objectives());
    found.extend(unit_warnings(plan, cycle, &index));
    let objectives = plan.objectives.iter().filter(|o| &o.cycle == cycle);
    found.extend(objectives.flat_map(own_warnings));
    found
}

/// Links into another cycle. They read only the plan's layout, so a view
/// keeps them while units move. `positions` is the plan's objective index.
pub fn link_warnings(plan: &Plan, cycle: &Id, positions: &ObjectiveIndex) -> Vec<Warning> {
    let in_cycle = plan.objectives.iter().filter(|o| &o.cycle == cycle);
    in_cycle
        .filter_map(|objective| link_warning(plan, cycle, positions, objective))
        .collect()
}

/// The link warnings of `plan`, from those found `before`, after the edits
/// `steps` (`Editor::layout_changed_since`), which left the cycles as they
/// were; `positions` is the index of `plan`. Only the objectives the steps
/// changed or inserted, and those aligned to them or to their key results,
/// can have gained or lost one; those removed lost theirs.
pub fn link_warnings_patched(
    before: &[Warning],
    plan: &Plan,
    cycle: &Id,
    positions: &ObjectiveIndex,
    steps: &[LayoutStep],
) -> Vec<Warning> {
    let changed = LayoutStep::changed(steps);
    let inserted = LayoutStep::inserted(steps);
    let inserted = inserted.iter().filter_map(|&at| plan.objectives.get(at));
    let mut touched: FxHashSet<&Id> = FxHashSet::default();
    for id in changed.chain(inserted.map(|o| &o.id)) {
        touched.insert(id);
        let key_results = positions.objective_in(plan, id).map(|o| &o.key_results[..]);
        let targets =
            std::iter::once(id).chain(key_results.unwrap_or_default().iter().map(|k| &k.id));
        for target in targets {
            let supporters = positions.supporters(target);
            let supporting = supporters.iter().filter_map(|&at| plan.objectives.get(at));
            touched.extend(supporting.map(|o| &o.id));
        }
    }
    let kept = before.iter().filter(|w| match &w.subject {
        Subject::Objective(id) => !touched.contains(id) && positions.objective(id).is_some(),
        _ => true,
    });
    let mut found: Vec<Warning> = kept.cloned().collect();
    let again = touched
        .iter()
        .filter_map(|id| positions.objective_in(plan, id))
        .filter(|o| &o.cycle == cycle);
    found.extend(again.filter_map(|o| link_warning(plan, cycle, positions, o)));
    found
}

/// The warning about `objective`'s link, if it leads into another cycle.
fn link_warning(
    plan: &Plan,
    cycle: &Id,
    positions: &ObjectiveIndex,
    objective: &Objective,
) -> Option<Warning> {
    let target = positions.aligned_objective(objective.aligned_to.as_ref()?)?;
    let why = cross_cycle(plan, plan.objectives.get(target)?, cycle)?;
    Some(Warning {
        subject: Subject::Objective(objective.id.clone()),
        kind: WarningKind::LinkIntoAnotherCycle,
        why,
    })
}

/// The warnings that depend on where units are: objectives below the top
/// aligned to nothing, units with too many objectives, units the rollout
/// makes active without OKRs. `index` is the cascade index of `cycle`: its
/// objectives by unit spare a lookup per objective.
pub fn unit_warnings(plan: &Plan, cycle: &Id, index: &CascadeIndex) -> Vec<Warning> {
    let mut found = Vec::new();
    for (u, unit) in plan.units.iter().enumerate() {
        let objectives = index.objectives_of(u);
        if unit.parent.is_some() {
            let unaligned = objectives
                .iter()
                .map(|&o| &plan.objectives[o])
                .filter(|o| o.aligned_to.is_none());
            found.extend(
                unaligned.map(|o| Warning {
                    subject: Subject::Objective(o.id.clone()),
                    kind: WarningKind::Unaligned,
                    why: "Aligned to nothing: link it to the objective or key result it supports."
                        .into(),
                }),
            );
        }
        let count = objectives.len();
        if count > MAX_OBJECTIVES_PER_UNIT {
            found.push(Warning {
                subject: Subject::Unit(unit.id.clone()),
                kind: WarningKind::TooManyObjectives,
                why: format!(
                    "{count} objectives: more than {MAX_OBJECTIVES_PER_UNIT} means nothing is a priority."
                ),
            });
        }
    }
    found.extend(active_without_okrs(plan, cycle, index));
    found
}

/// The warnings an objective earns on its own: too many key results, key
/// results without a measurable target.
pub fn own_warnings(objective: &Objective) -> Vec<Warning> {
    let mut found = Vec::new();
    let krs = objective.key_results.len();
    if krs > MAX_KEY_RESULTS_PER_OBJECTIVE {
        found.push(Warning {
            subject: Subject::Objective(objective.id.clone()),
            kind: WarningKind::TooManyKeyResults,
            why: format!(
                "{krs} key results: more than {MAX_KEY_RESULTS_PER_OBJECTIVE} dilutes focus."
            ),
        });
    }
    for kr in &objective.key_results {
        let numeric = matches!(kr.measure, MeasureKind::Number | MeasureKind::Percentage);
        if numeric && kr.start == kr.target {
            found.push(Warning {
                subject: Subject::KeyResult(kr.id.clone()),
                kind: WarningKind::NoMeasurableTarget,
                why: "No measurable target: the target equals the start value.".into(),
            });
        }
    }
    found
}

/// A link to an objective of another cycle, unless that cycle spans this one
/// (a quarter's objective may well support the year's).
fn cross_cycle(plan: &Plan, target: &Objective, cycle: &Id) -> Option<String> {
    if &target.cycle == cycle {
        return None;
    }
    let (Some(own), Some(theirs)) = (plan.cycle(cycle), plan.cycle(&target.cycle)) else {
        return None;
    };
    if theirs.start <= own.start && own.end <= theirs.end {
        return None;
    }
    Some(format!(
        "Linked into another cycle ({}): alignment normally stays within one cycle.",
        theirs.name
    ))
}

/// Units the rollout makes active during the cycle that have no objectives in it.
fn active_without_okrs(plan: &Plan, cycle: &Id, index: &CascadeIndex) -> Vec<Warning> {
    let Some(cycle) = plan.cycle(cycle) else {
        return Vec::new();
    };
    let phase = plan
        .rollout
        .phases
        .iter()
        .filter(|p| p.start <= cycle.end && cycle.start <= p.end)
        .min_by_key(|p| (!(p.start <= cycle.start && cycle.start <= p.end), p.start));
    let Some(phase) = phase else {
        return Vec::new();
    };
    plan.rollout
        .participation
        .iter()
        .filter(|p| p.phase == phase.id && p.status == ParticipationStatus::Active)
        .filter(|p| {
            index
                .unit(&p.unit)
                .is_none_or(|u| index.objectives_of(u).is_empty())
        })
        .map(|p| Warning {
            subject: Subject::Unit(p.unit.clone()),
            kind: WarningKind::ActiveWithoutOkrs,
            why: format!(
                "Active in rollout phase “{}” but has no OKRs in {}.",
                phase.name, cycle.name
            ),
        })
        .collect()
}
