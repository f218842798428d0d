//! Every problem in a plan, each with the JSON path where it sits — not just the first.

use super::{Alignment, Id, MeasureKind, Plan};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    DuplicateId,
    DanglingReference,
    /// A unit that is, through its parents, its own ancestor.
    UnitCycle,
    /// An objective that, through its alignment links, supports itself.
    AlignmentCycle,
    EmptyText,
    OutOfRange,
    /// An end date before its start date.
    DateOrder,
    DuplicateEntry,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where in the JSON file, e.g. `objectives[3].key_results[0].weight`.
    pub path: String,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: String, kind: ProblemKind, message: impl Into<String>) {
        self.0.push(Problem {
            path,
            kind,
            message: message.into(),
        });
    }

    // Paths are built only when there is a problem to report: a valid plan of
    // 10,000 objectives would otherwise format hundreds of thousands of them.

    fn require_text(&mut self, path: impl FnOnce() -> String, text: &str, what: &str) {
        if text.trim().is_empty() {
            self.add(path(), ProblemKind::EmptyText, format!("{what} is empty"));
        }
    }

    fn require_range(&mut self, path: impl FnOnce() -> String, value: f64, low: f64, high: f64) {
        if !(low..=high).contains(&value) {
            self.add(
                path(),
                ProblemKind::OutOfRange,
                format!("{value} is outside {low}–{high}"),
            );
        }
    }

    fn require_ref(&mut self, path: impl FnOnce() -> String, id: &Id, exists: bool, what: &str) {
        if !exists {
            self.add(
                path(),
                ProblemKind::DanglingReference,
                format!("refers to {what} \"{id}\", which does not exist"),
            );
        }
    }
}

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Problems::default();
    problems.require_text(|| "meta.name".into(), &plan.meta.name, "the plan name");
    let ids = check_unique_ids(plan, &mut problems);
    for (i, cycle) in plan.cycles.iter().enumerate() {
        problems.require_text(
            || format!("cycles[{i}].name"),
            &cycle.name,
            "the cycle name",
        );
        if cycle.end < cycle.start {
            problems.add(
                format!("cycles[{i}].end"),
                ProblemKind::DateOrder,
                "the cycle ends before it starts",
            );
        }
    }

    for (i, unit) in plan.units.iter().enumerate() {
        problems.require_text(|| format!("units[{i}].name"), &unit.name, "the unit name");
        if let Some(parent) = &unit.parent {
            let exists = ids.is_in(parent, "units");
            problems.require_ref(|| format!("units[{i}].parent"), parent, exists, "unit");
        }
    }
    check_unit_cycles(plan, &mut problems);

    for (i, objective) in plan.objectives.iter().enumerate() {
        let at = |field: &str| format!("objectives[{i}].{field}");
        problems.require_text(|| at("title"), &objective.title, "the objective title");
        let unit = &objective.unit;
        problems.require_ref(|| at("unit"), unit, ids.is_in(unit, "units"), "unit");
        let cycle = &objective.cycle;
        problems.require_ref(|| at("cycle"), cycle, ids.is_in(cycle, "cycles"), "cycle");
        // Links may point at objectives outside a partial plan, through its references.
        match &objective.aligned_to {
            Some(Alignment::Objective(id)) => {
                let exists = ids.objective(id).is_some() || ids.referenced_objectives.contains(id);
                problems.require_ref(|| at("aligned_to.objective"), id, exists, "objective")
            }
            Some(Alignment::KeyResult(id)) => {
                let exists =
                    ids.key_result_owner(id).is_some() || ids.referenced_key_results.contains(id);
                problems.require_ref(|| at("aligned_to.key_result"), id, exists, "key result")
            }
            None => {}
        }
        for (k, kr) in objective.key_results.iter().enumerate() {
            check_key_result((i, k), kr, &mut problems);
        }
    }
    check_alignment_cycles(plan, &ids, &mut problems);
    check_rollout(plan, &ids, &mut problems);
    problems.0
}

fn check_key_result((i, k): (usize, usize), kr: &super::KeyResult, problems: &mut Problems) {
    let at = |field: &str| format!("objectives[{i}].key_results[{k}].{field}");
    problems.require_text(|| at("title"), &kr.title, "the key result title");
    problems.require_range(|| at("weight"), kr.weight, 0.0, f64::MAX);
    let (low, high) = match kr.measure {
        MeasureKind::Number => (f64::MIN, f64::MAX),
        MeasureKind::Percentage => (0.0, 100.0),
        MeasureKind::Milestone | MeasureKind::Grade => (0.0, 1.0),
    };
    if kr.measure == MeasureKind::Percentage {
        problems.require_range(|| at("start"), kr.start, 0.0, 100.0);
        problems.require_range(|| at("target"), kr.target, 0.0, 100.0);
    }
    if let Some(over) = &kr.score_override {
        problems.require_range(|| at("score_override.score"), over.score, 0.0, 1.0);
        problems.require_text(
            || at("score_override.reason"),
            &over.reason,
            "the reason for the score override",
        );
    }
    for (c, check_in) in kr.check_ins.iter().enumerate() {
        let value = || at(&format!("check_ins[{c}].value"));
        problems.require_range(value, check_in.value, low, high);
        if let Some(confidence) = check_in.confidence {
            let path = || at(&format!("check_ins[{c}].confidence"));
            problems.require_range(path, confidence, 0.0, 1.0);
        }
    }
}

/// Where an id sits, turned into a path only when reporting a duplicate.
#[derive(Clone, Copy)]
enum Place {
    List(&'static str, usize),
    KeyResult(usize, usize),
    CheckIn(usize, usize, usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Place::List(list, i) => write!(f, "{list}[{i}]"),
            Place::KeyResult(i, k) => write!(f, "objectives[{i}].key_results[{k}]"),
            Place::CheckIn(i, k, c) => {
                write!(f, "objectives[{i}].key_results[{k}].check_ins[{c}]")
            }
        }
    }
}

/// Pairs each id of a list with its place (`list[index]`).
fn listed<'a>(
    list: &'static str,
    ids: impl Iterator<Item = &'a Id>,
) -> impl Iterator<Item = (&'a Id, Place)> {
    ids.enumerate()
        .map(move |(i, id)| (id, Place::List(list, i)))
}

/// Every id of the plan at the place it is first used: one map answers both
/// "is this id unique" and "does this reference point at a unit", where a
/// map per kind would hash a plan of 10,000 objectives several times over.
/// Keyed by the ids, whose hashes are kept: hashing their texts took a
/// quarter of the checks' time.
struct Ids<'a> {
    first_use: FxHashMap<&'a Id, Place>,
    /// Objectives outside a partial plan that it may link to, and their key results.
    referenced_objectives: FxHashSet<&'a Id>,
    referenced_key_results: FxHashSet<&'a Id>,
}

impl Ids<'_> {
    /// Whether the id is one of the list's items (`units`, `cycles`, …).
    fn is_in(&self, id: &Id, list: &str) -> bool {
        matches!(self.first_use.get(id), Some(Place::List(l, _)) if *l == list)
    }

    fn objective(&self, id: &Id) -> Option<usize> {
        match self.first_use.get(id) {
            Some(&Place::List("objectives", i)) => Some(i),
            _ => None,
        }
    }

    fn key_result_owner(&self, id: &Id) -> Option<usize> {
        match self.first_use.get(id) {
            Some(&Place::KeyResult(i, _)) => Some(i),
            _ => None,
        }
    }
}

fn check_unique_ids<'a>(plan: &'a Plan, problems: &mut Problems) -> Ids<'a> {
    let mut places: Vec<(&Id, Place)> = Vec::new();
    places.extend(listed("cycles", plan.cycles.iter().map(|c| &c.id)));
    places.extend(listed("units", plan.units.iter().map(|u| &u.id)));
    for (i, o) in plan.objectives.iter().enumerate() {
        places.push((&o.id, Place::List("objectives", i)));
        for (k, kr) in o.key_results.iter().enumerate() {
            places.push((&kr.id, Place::KeyResult(i, k)));
            let check_ins = kr.check_ins.iter().enumerate();
            places.extend(check_ins.map(|(c, ci)| (&ci.id, Place::CheckIn(i, k, c))));
        }
    }
    let rollout = &plan.rollout;
    places.extend(listed(
        "rollout.phases",
        rollout.phases.iter().map(|p| &p.id),
    ));
    places.extend(listed("rollout.roles", rollout.roles.iter().map(|r| &r.id)));
    places.extend(listed(
        "rollout.readiness",
        rollout.readiness.iter().map(|r| &r.id),
    ));
    places.extend(listed(
        "rollout.events",
        rollout.events.iter().map(|e| &e.id),
    ));

    let mut first_use: FxHashMap<&Id, Place> =
        FxHashMap::with_capacity_and_hasher(places.len(), Default::default());
    for (id, place) in places {
        match first_use.get(id) {
            Some(first) => problems.add(
                format!("{place}.id"),
                ProblemKind::DuplicateId,
                format!("id \"{id}\" is already used at {first}"),
            ),
            None => {
                first_use.insert(id, place);
            }
        }
    }
    let references = &plan.references;
    Ids {
        first_use,
        referenced_objectives: references.iter().map(|r| &r.id).collect(),
        referenced_key_results: references
            .iter()
            .flat_map(|r| r.key_results.iter().map(|k| &k.id))
            .collect(),
    }
}

/// Finds the loops in a graph where each node has at most one outgoing edge
/// (a unit's parent, an objective's alignment) and returns the nodes on them.
/// Linear time: each node is walked once.
fn nodes_on_loops(next: &[Option<usize>]) -> Vec<usize> {
    const NEW: u8 = 0;
    const WALKING: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; next.len()];
    let mut on_loop = Vec::new();
    for start in 0..next.len() {
        let mut path = Vec::new();
        let mut node = Some(start);
        while let Some(n) = node {
            match state[n] {
                NEW => {
                    state[n] = WALKING;
                    path.push(n);
                    node = next[n];
                }
                WALKING => {
                    let from = path.iter().position(|&p| p == n).unwrap_or(0);
                    on_loop.extend_from_slice(&path[from..]);
                    break;
                }
                _ => break,
            }
        }
        for n in path {
            state[n] = DONE;
        }
    }
    on_loop.sort_unstable();
    on_loop
}

fn check_unit_cycles(plan: &Plan, problems: &mut Problems) {
    let index: FxHashMap<&Id, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, i))
        .collect();
    let next: Vec<Option<usize>> = plan
        .units
        .iter()
        .map(|u| u.parent.as_ref().and_then(|p| index.get(p).copied()))
        .collect();
    for i in nodes_on_loops(&next) {
        problems.add(
            format!("units[{i}].parent"),
            ProblemKind::UnitCycle,
            format!("unit \"{}\" is its own ancestor", plan.units[i].name),
        );
    }
}

fn check_alignment_cycles(plan: &Plan, ids: &Ids, problems: &mut Problems) {
    let next: Vec<Option<usize>> = plan
        .objectives
        .iter()
        .map(|o| match &o.aligned_to {
            Some(Alignment::Objective(id)) => ids.objective(id),
            Some(Alignment::KeyResult(id)) => ids.key_result_owner(id),
            None => None,
        })
        .collect();
    for i in nodes_on_loops(&next) {
        problems.add(
            format!("objectives[{i}].aligned_to"),
            ProblemKind::AlignmentCycle,
            format!(
                "objective \"{}\" supports itself through its alignment links",
                plan.objectives[i].title
            ),
        );
    }
}

fn check_rollout(plan: &Plan, ids: &Ids, problems: &mut Problems) {
    let rollout = &plan.rollout;
    for (i, phase) in rollout.phases.iter().enumerate() {
        let at = || format!("rollout.phases[{i}]");
        problems.require_text(|| format!("{}.name", at()), &phase.name, "the phase name");
        if phase.end < phase.start {
            problems.add(
                format!("{}.end", at()),
                ProblemKind::DateOrder,
                "the phase ends before it starts",
            );
        }
    }
    let mut pairs = FxHashSet::default();
    for (i, p) in rollout.participation.iter().enumerate() {
        let at = || format!("rollout.participation[{i}]");
        let (unit, phase) = (&p.unit, &p.phase);
        problems.require_ref(
            || format!("{}.unit", at()),
            unit,
            ids.is_in(unit, "units"),
            "unit",
        );
        let exists = ids.is_in(phase, "rollout.phases");
        problems.require_ref(|| format!("{}.phase", at()), phase, exists, "phase");
        if !pairs.insert((p.unit.as_str(), p.phase.as_str())) {
            problems.add(
                at(),
                ProblemKind::DuplicateEntry,
                format!(
                    "unit \"{}\" has two entries for phase \"{}\"",
                    p.unit, p.phase
                ),
            );
        }
    }
    for (i, role) in rollout.roles.iter().enumerate() {
        let at = || format!("rollout.roles[{i}]");
        problems.require_text(
            || format!("{}.person", at()),
            &role.person,
            "the person's name",
        );
        if let Some(unit) = &role.unit {
            let exists = ids.is_in(unit, "units");
            problems.require_ref(|| format!("{}.unit", at()), unit, exists, "unit");
        }
    }
    for (i, item) in rollout.readiness.iter().enumerate() {
        let at = || format!("rollout.readiness[{i}]");
        problems.require_text(
            || format!("{}.text", at()),
            &item.text,
            "the readiness item",
        );
        let exists = ids.is_in(&item.phase, "rollout.phases");
        problems.require_ref(|| format!("{}.phase", at()), &item.phase, exists, "phase");
    }
}
