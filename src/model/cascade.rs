//! An index of one cycle's cascade, built in one pass over the plan, so that
//! views can ask "what is under this unit", "who supports this" in O(1).
//! It comes in two parts so that moving a unit does not re-hash every
//! objective and key result: [`ObjectiveIndex`] reads only the plan's
//! layout (see [`super::Aspects`]), [`CascadeIndex`] adds the units.

use super::{Alignment, Id, KeyResult, Objective, Plan, UnitTree};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Where each objective and key result is, and who aligns to them.
pub struct ObjectiveIndex {
    objective_position: FxHashMap<Id, usize>,
    /// Key-result id → (objective position, position among its key results).
    key_result_position: FxHashMap<Id, (usize, usize)>,
    /// Objective or key-result id → objectives (any cycle) aligned to it.
    supporters: FxHashMap<Id, Vec<usize>>,
}

impl ObjectiveIndex {
    pub fn new(plan: &Plan) -> Self {
        let count = plan.objectives.len();
        let mut objective_position = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let key_results = plan.objectives.iter().map(|o| o.key_results.len()).sum();
        let mut key_result_position =
            FxHashMap::with_capacity_and_hasher(key_results, Default::default());
        let mut supporters: FxHashMap<Id, Vec<usize>> = FxHashMap::default();
        for (i, objective) in plan.objectives.iter().enumerate() {
            objective_position.insert(objective.id.clone(), i);
            for (k, kr) in objective.key_results.iter().enumerate() {
                key_result_position.insert(kr.id.clone(), (i, k));
            }
            if let Some(Alignment::Objective(target) | Alignment::KeyResult(target)) =
                &objective.aligned_to
            {
                supporters.entry(target.clone()).or_default().push(i);
            }
        }
        ObjectiveIndex {
            objective_position,
            key_result_position,
            supporters,
        }
    }

    pub fn objective(&self, id: &Id) -> Option<usize> {
        self.objective_position.get(id).copied()
    }

    /// The objective owning a key result, and the key result's position in it.
    pub fn key_result(&self, id: &Id) -> Option<(usize, usize)> {
        self.key_result_position.get(id).copied()
    }

    /// Objectives aligned to this objective or key result.
    pub fn supporters(&self, target: &Id) -> &[usize] {
        self.supporters.get(target).map_or(&[], Vec::as_slice)
    }

    /// By objective position: the objective at `at` and every objective
    /// that supports it, directly or through others, via it or its key
    /// results. Aligning it to any of these would make a loop. `plan` is the
    /// one the index was built for.
    pub fn supporting(&self, plan: &Plan, at: usize) -> Vec<bool> {
        let mut found = vec![false; plan.objectives.len()];
        let mut next: Vec<usize> = Vec::new();
        if let Some(first) = found.get_mut(at) {
            *first = true;
            next.push(at);
        }
        while let Some(o) = next.pop() {
            let objective = &plan.objectives[o];
            let targets =
                std::iter::once(&objective.id).chain(objective.key_results.iter().map(|k| &k.id));
            for &supporter in targets.flat_map(|t| self.supporters(t)) {
                if let Some(seen @ false) = found.get_mut(supporter) {
                    *seen = true;
                    next.push(supporter);
                }
            }
        }
        found
    }

    /// The objective an alignment points into (the key result's owner for a
    /// link to a key result), as [`Plan::aligned_objective`] finds it by scanning.
    pub fn aligned_objective(&self, link: &Alignment) -> Option<usize> {
        match link {
            Alignment::Objective(id) => self.objective(id),
            Alignment::KeyResult(id) => self.key_result(id).map(|(o, _)| o),
        }
    }

    /// The objective with this id in `plan`, which the index was built for
    /// (`None`, never a wrong one, if the plan has changed since).
    pub fn objective_in<'p>(&self, plan: &'p Plan, id: &Id) -> Option<&'p Objective> {
        plan.objective_at(self.objective(id)?, id)
    }

    /// The key result with this id in `plan`, as [`Self::objective_in`].
    pub fn key_result_in<'p>(&self, plan: &'p Plan, id: &Id) -> Option<&'p KeyResult> {
        plan.key_result_at(self.key_result(id)?, id)
    }
}

/// One cycle's objectives grouped by the id of their unit, in plan order. It
/// reads only the layout, so it outlives every change to units (a move
/// reorders them too).
pub struct CycleObjectives {
    group_of: FxHashMap<Id, usize>,
    groups: Vec<Vec<usize>>,
}

impl CycleObjectives {
    pub fn new(plan: &Plan, cycle: Option<&Id>) -> Self {
        let mut group_of = FxHashMap::default();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let in_cycle = plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(_, o)| Some(&o.cycle) == cycle);
        for (i, objective) in in_cycle {
            let group = *group_of.entry(objective.unit.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[group].push(i);
        }
        CycleObjectives { group_of, groups }
    }
}

pub struct CascadeIndex {
    objectives: Arc<ObjectiveIndex>,
    cycle_objectives: Arc<CycleObjectives>,
    tree: UnitTree,
    unit_position: FxHashMap<Id, usize>,
    /// Per unit (by position): its group in `cycle_objectives`, if it has objectives.
    unit_group: Vec<Option<usize>>,
    /// Per unit: objectives in the cycle in its whole subtree.
    subtree_objectives: Vec<usize>,
}

impl CascadeIndex {
    pub fn new(plan: &Plan, cycle: Option<&Id>) -> Self {
        let objectives = Arc::new(ObjectiveIndex::new(plan));
        let cycle_objectives = Arc::new(CycleObjectives::new(plan, cycle));
        Self::with_parts(plan, objectives, cycle_objectives)
    }

    /// The index over the objective parts already built for this plan: a
    /// change to units rebuilds only the units' side, in a pass over units.
    pub fn with_parts(
        plan: &Plan,
        objectives: Arc<ObjectiveIndex>,
        cycle_objectives: Arc<CycleObjectives>,
    ) -> Self {
        let unit_position = plan.unit_positions_owned();
        let tree = UnitTree::with_positions(plan, |id| unit_position.get(id).copied());
        let unit_group: Vec<Option<usize>> = plan
            .units
            .iter()
            .map(|u| cycle_objectives.group_of.get(&u.id).copied())
            .collect();
        let group_size = |g: &Option<usize>| g.map_or(0, |g| cycle_objectives.groups[g].len());
        let mut subtree_objectives: Vec<usize> = unit_group.iter().map(group_size).collect();
        for u in tree.bottom_up() {
            let below: usize = tree
                .children(u)
                .iter()
                .map(|&c| subtree_objectives[c])
                .sum();
            subtree_objectives[u] += below;
        }
        CascadeIndex {
            objectives,
            cycle_objectives,
            tree,
            unit_position,
            unit_group,
            subtree_objectives,
        }
    }

    /// Where each objective and key result is.
    pub fn objectives(&self) -> &ObjectiveIndex {
        &self.objectives
    }

    pub fn tree(&self) -> &UnitTree {
        &self.tree
    }

    pub fn roots(&self) -> &[usize] {
        &self.tree.roots
    }

    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.unit_position.get(id).copied()
    }

    pub fn children(&self, unit: usize) -> &[usize] {
        self.tree.children(unit)
    }

    pub fn objectives_of(&self, unit: usize) -> &[usize] {
        self.unit_group[unit].map_or(&[], |g| &self.cycle_objectives.groups[g])
    }

    pub fn objectives_in_subtree(&self, unit: usize) -> usize {
        self.subtree_objectives[unit]
    }

    /// Objectives aligned to this objective or key result.
    pub fn supporters(&self, target: &Id) -> &[usize] {
        self.objectives.supporters(target)
    }
}
