//! Quality warnings for a cycle's OKRs, each with a one-line why
//! (DOMAIN.md, "Cascading": problems worth surfacing).

use super::{CascadeIndex, Id, MeasureKind, Objective, ObjectiveIndex, ParticipationStatus, Plan};
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

/// Every warning of the cycle: about each unit, and about each objective
/// of the cycle and its key results.
pub fn warnings(plan: &Plan, cycle: &Id) -> Vec<Warning> {
    let index = CascadeIndex::new(plan, Some(cycle));
    let active = ActiveUnits::new(plan, cycle);
    let in_plan = |subject| warnings_in_plan(plan, cycle, &index, &active, &subject);
    let mut found: Vec<Warning> = plan
        .units
        .iter()
        .flat_map(|u| in_plan(Subject::Unit(u.id.clone())))
        .collect();
    for objective in plan.objectives.iter().filter(|o| &o.cycle == cycle) {
        found.extend(in_plan(Subject::Objective(objective.id.clone())));
        found.extend(own_warnings(objective));
    }
    found
}

/// The warnings about `subject` that depend on the rest of the plan: where
/// its unit stands, what its objectives link to, the rollout. Each is a
/// few lookups in `index` (the cascade index of `cycle`) and `active`, so
/// a view asks for the subjects it shows rather than checking the plan.
pub fn warnings_in_plan(
    plan: &Plan,
    cycle: &Id,
    index: &CascadeIndex,
    active: &ActiveUnits,
    subject: &Subject,
) -> Vec<Warning> {
    match subject {
        Subject::Unit(id) => index
            .unit(id)
            .map(|u| unit_warnings(plan, index, active, u))
            .unwrap_or_default(),
        Subject::Objective(id) => {
            let positions = index.objectives();
            let Some(objective) = positions.objective_in(plan, id) else {
                return Vec::new();
            };
            if &objective.cycle != cycle {
                return Vec::new();
            }
            let unaligned = unaligned(plan, index, objective);
            let link = link_warning(plan, cycle, positions, objective);
            unaligned.into_iter().chain(link).collect()
        }
        Subject::KeyResult(_) => Vec::new(),
    }
}

/// An objective below the top of the organisation aligned to nothing.
fn unaligned(plan: &Plan, index: &CascadeIndex, objective: &Objective) -> Option<Warning> {
    let unit = &plan.units[index.unit(&objective.unit)?];
    (unit.parent.is_some() && objective.aligned_to.is_none()).then(|| Warning {
        subject: Subject::Objective(objective.id.clone()),
        kind: WarningKind::Unaligned,
        why: "Aligned to nothing: link it to the objective or key result it supports.".into(),
    })
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

/// A unit's warnings: too many objectives in the cycle, or none while the
/// rollout makes it active.
fn unit_warnings(
    plan: &Plan,
    index: &CascadeIndex,
    active: &ActiveUnits,
    unit: usize,
) -> Vec<Warning> {
    let id = &plan.units[unit].id;
    let count = index.objectives_of(unit).len();
    let mut found = Vec::new();
    if count > MAX_OBJECTIVES_PER_UNIT {
        found.push(Warning {
            subject: Subject::Unit(id.clone()),
            kind: WarningKind::TooManyObjectives,
            why: format!(
                "{count} objectives: more than {MAX_OBJECTIVES_PER_UNIT} means nothing is a priority."
            ),
        });
    }
    if count == 0 && active.units.contains(id) {
        found.push(Warning {
            subject: Subject::Unit(id.clone()),
            kind: WarningKind::ActiveWithoutOkrs,
            why: active.why.clone(),
        });
    }
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

/// The units the rollout makes active during a cycle: those active in the
/// phase that covers its start (or else the first phase that overlaps it).
/// It reads the rollout and the cycles only, so it outlives edits of units
/// and objectives.
#[derive(Default)]
pub struct ActiveUnits {
    units: FxHashSet<Id>,
    /// Why an active unit without objectives gets a warning.
    why: String,
}

impl ActiveUnits {
    pub fn new(plan: &Plan, cycle: &Id) -> Self {
        let Some(cycle) = plan.cycle(cycle) else {
            return Self::default();
        };
        let phase = plan
            .rollout
            .phases
            .iter()
            .filter(|p| p.start <= cycle.end && cycle.start <= p.end)
            .min_by_key(|p| (!(p.start <= cycle.start && cycle.start <= p.end), p.start));
        let Some(phase) = phase else {
            return Self::default();
        };
        let active = plan
            .rollout
            .participation
            .iter()
            .filter(|p| p.phase == phase.id && p.status == ParticipationStatus::Active);
        ActiveUnits {
            units: active.map(|p| p.unit.clone()).collect(),
            why: format!(
                "Active in rollout phase “{}” but has no OKRs in {}.",
                phase.name, cycle.name
            ),
        }
    }
}
