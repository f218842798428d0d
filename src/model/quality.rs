//! Quality warnings for a cycle's OKRs, each with a one-line why
//! (DOMAIN.md, "Cascading": problems worth surfacing).

use super::{Alignment, Id, MeasureKind, Objective, ObjectiveIndex, ParticipationStatus, Plan};
use rustc_hash::FxHashMap;

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
    collect(plan, cycle, &ObjectiveIndex::new(plan), true)
}

/// The warnings that depend on more than one objective: alignment, links
/// across cycles, objectives per unit, active units without OKRs. They read
/// units, layout and rollout, never key results' numbers or words, so a
/// view keeps them across most edits and adds [`own_warnings`] per objective.
/// `positions` is the plan's objective index (views keep one already).
pub fn plan_warnings(plan: &Plan, cycle: &Id, positions: &ObjectiveIndex) -> Vec<Warning> {
    collect(plan, cycle, positions, false)
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

fn collect(plan: &Plan, cycle: &Id, positions: &ObjectiveIndex, with_own: bool) -> Vec<Warning> {
    let mut found = Vec::new();
    let units: FxHashMap<&Id, usize> = plan.unit_positions();
    let mut per_unit: FxHashMap<&Id, usize> = FxHashMap::default();

    for objective in plan.objectives.iter().filter(|o| &o.cycle == cycle) {
        *per_unit.entry(&objective.unit).or_default() += 1;
        let subject = || Subject::Objective(objective.id.clone());
        let below_top = units
            .get(&objective.unit)
            .is_some_and(|&u| plan.units[u].parent.is_some());
        match &objective.aligned_to {
            None if below_top => found.push(Warning {
                subject: subject(),
                kind: WarningKind::Unaligned,
                why: "Aligned to nothing: link it to the objective or key result it supports."
                    .into(),
            }),
            Some(link) => {
                let target = match link {
                    Alignment::Objective(id) => positions.objective(id),
                    Alignment::KeyResult(id) => positions.key_result(id).map(|(o, _)| o),
                };
                if let Some(why) = target
                    .and_then(|t| plan.objectives.get(t))
                    .and_then(|target| cross_cycle(plan, target, cycle))
                {
                    found.push(Warning {
                        subject: subject(),
                        kind: WarningKind::LinkIntoAnotherCycle,
                        why,
                    });
                }
            }
            None => {}
        }
        if with_own {
            found.extend(own_warnings(objective));
        }
    }

    for unit in &plan.units {
        let count = per_unit.get(&unit.id).copied().unwrap_or(0);
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
    found.extend(active_without_okrs(plan, cycle, &per_unit));
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
fn active_without_okrs(plan: &Plan, cycle: &Id, per_unit: &FxHashMap<&Id, usize>) -> Vec<Warning> {
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
        .filter(|p| !per_unit.contains_key(&p.unit))
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
