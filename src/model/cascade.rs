//! An index of one cycle's cascade, built in one pass over the plan, so that
//! views can ask "what is under this unit", "who supports this" in O(1).

use super::{Alignment, Id, Plan, UnitTree};
use std::collections::HashMap;

pub struct CascadeIndex {
    tree: UnitTree,
    unit_position: HashMap<Id, usize>,
    objective_position: HashMap<Id, usize>,
    /// Per unit (by position): its objectives in the cycle, in plan order.
    objectives_by_unit: Vec<Vec<usize>>,
    /// Per unit: objectives in the cycle in its whole subtree.
    subtree_objectives: Vec<usize>,
    /// Objective or key-result id → objectives (any cycle) aligned to it.
    supporters: HashMap<Id, Vec<usize>>,
}

impl CascadeIndex {
    pub fn new(plan: &Plan, cycle: Option<&Id>) -> Self {
        let tree = UnitTree::new(plan);
        let unit_position: HashMap<Id, usize> = plan
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        let mut objective_position = HashMap::with_capacity(plan.objectives.len());
        let mut objectives_by_unit = vec![Vec::new(); plan.units.len()];
        let mut supporters: HashMap<Id, Vec<usize>> = HashMap::new();
        for (i, objective) in plan.objectives.iter().enumerate() {
            objective_position.insert(objective.id.clone(), i);
            if Some(&objective.cycle) == cycle {
                if let Some(&u) = unit_position.get(&objective.unit) {
                    objectives_by_unit[u].push(i);
                }
            }
            if let Some(Alignment::Objective(target) | Alignment::KeyResult(target)) =
                &objective.aligned_to
            {
                supporters.entry(target.clone()).or_default().push(i);
            }
        }
        let mut subtree_objectives: Vec<usize> = objectives_by_unit.iter().map(Vec::len).collect();
        // Children before parents: walk a breadth-first order backwards.
        let mut order: Vec<usize> = tree.roots.clone();
        let mut next = 0;
        while next < order.len() {
            order.extend_from_slice(tree.children(order[next]));
            next += 1;
        }
        for &u in order.iter().rev() {
            let below: usize = tree
                .children(u)
                .iter()
                .map(|&c| subtree_objectives[c])
                .sum();
            subtree_objectives[u] += below;
        }
        CascadeIndex {
            tree,
            unit_position,
            objective_position,
            objectives_by_unit,
            subtree_objectives,
            supporters,
        }
    }

    pub fn roots(&self) -> &[usize] {
        &self.tree.roots
    }

    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.unit_position.get(id).copied()
    }

    pub fn objective(&self, id: &Id) -> Option<usize> {
        self.objective_position.get(id).copied()
    }

    pub fn children(&self, unit: usize) -> &[usize] {
        self.tree.children(unit)
    }

    pub fn objectives_of(&self, unit: usize) -> &[usize] {
        &self.objectives_by_unit[unit]
    }

    pub fn objectives_in_subtree(&self, unit: usize) -> usize {
        self.subtree_objectives[unit]
    }

    /// Objectives aligned to this objective or key result.
    pub fn supporters(&self, target: &Id) -> &[usize] {
        self.supporters.get(target).map_or(&[], Vec::as_slice)
    }
}
