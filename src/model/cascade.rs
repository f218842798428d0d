//! An index of one cycle's cascade, built in one pass over the plan, so that
//! views can ask "what is under this unit", "who supports this" in O(1).
//! It comes in two parts so that moving a unit does not re-hash every
//! objective and key result: [`ObjectiveIndex`] reads only the plan's
//! layout (see [`super::Aspects`]), [`CascadeIndex`] adds the units.

use super::layout_step::Shifts;
use super::{Id, LayoutStep, Objective, ObjectiveIndex, Plan, UnitTree};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// One cycle's objectives grouped by the id of their unit, in plan order. It
/// reads only the layout, so it outlives every change to units (a move
/// reorders them too).
#[derive(Clone)]
pub struct CycleObjectives {
    cycle: Option<Id>,
    /// Shared with the grouping this one was patched from, and copied only
    /// where a patch changes them: an edit touches a group or two, and a
    /// large plan has thousands.
    group_of: Arc<FxHashMap<Id, usize>>,
    groups: Vec<Arc<Vec<usize>>>,
    /// By objective position: its group, if it is in the cycle.
    group_at: Vec<Option<usize>>,
}

impl CycleObjectives {
    pub fn new(plan: &Plan, cycle: Option<&Id>) -> Self {
        let mut grouped = CycleObjectives {
            cycle: cycle.cloned(),
            group_of: Arc::default(),
            groups: Vec::new(),
            group_at: vec![None; plan.objectives.len()],
        };
        for (at, objective) in plan.objectives.iter().enumerate() {
            grouped.place(at, objective);
        }
        grouped
    }

    /// The grouping of `plan` after the edits `steps`
    /// (`Editor::layout_changed_since`), with `positions` the index of
    /// `plan`; `None` when it is better built afresh (another cycle, say).
    pub fn patched(
        &self,
        plan: &Plan,
        cycle: Option<&Id>,
        positions: &ObjectiveIndex,
        steps: &[LayoutStep],
    ) -> Option<Self> {
        if self.cycle.as_ref() != cycle || LayoutStep::moved(steps) > self.group_at.len() / 2 {
            return None;
        }
        let shifts = Shifts::of(steps);
        let (removed, inserted) = shifts.counts();
        if self.group_at.len() + inserted != plan.objectives.len() + removed {
            // The steps were not this plan's.
            return None;
        }
        let first = shifts.first_touched().min(self.group_at.len());
        let mut patched = self.clone();
        patched.group_at.truncate(first);
        patched.group_at.resize(plan.objectives.len(), None);
        for (built, &group) in self.group_at.iter().enumerate().skip(first) {
            if let (Some(group), Some(now)) = (group, shifts.now(built)) {
                *patched.group_at.get_mut(now)? = Some(group);
            }
        }
        for members in &mut patched.groups {
            // Sorted: a group wholly before the steps stays as it was.
            if members.last().is_some_and(|&last| last >= first) {
                Arc::make_mut(members)
                    .retain_mut(|at| shifts.now(*at).map(|now| *at = now).is_some());
            }
        }
        for at in LayoutStep::to_read_again(steps, &shifts, |id| positions.objective(id)) {
            patched.take_out(at);
            patched.place(at, plan.objectives.get(at)?);
        }
        Some(patched)
    }

    /// Puts the objective at `at` in its unit's group if it is in the cycle,
    /// keeping the group in plan order.
    fn place(&mut self, at: usize, objective: &Objective) {
        if Some(&objective.cycle) != self.cycle.as_ref() {
            return;
        }
        let group = match self.group_of.get(&objective.unit) {
            Some(&group) => group,
            None => {
                let group = self.groups.len();
                Arc::make_mut(&mut self.group_of).insert(objective.unit.clone(), group);
                self.groups.push(Arc::default());
                group
            }
        };
        let members = Arc::make_mut(&mut self.groups[group]);
        if let Err(slot) = members.binary_search(&at) {
            members.insert(slot, at);
        }
        self.group_at[at] = Some(group);
    }

    /// Takes the objective at `at` out of its group.
    fn take_out(&mut self, at: usize) {
        if let Some(group) = self.group_at.get_mut(at).and_then(Option::take) {
            Arc::make_mut(&mut self.groups[group]).retain(|&member| member != at);
        }
    }
}

pub struct CascadeIndex {
    objectives: Arc<ObjectiveIndex>,
    cycle_objectives: Arc<CycleObjectives>,
    tree: Arc<UnitTree>,
    /// Per unit (by position): its group in `cycle_objectives`, if it has objectives.
    unit_group: Vec<Option<usize>>,
    /// Per unit: objectives in the cycle in its whole subtree.
    subtree_objectives: Vec<usize>,
}

impl CascadeIndex {
    pub fn new(plan: &Plan, cycle: Option<&Id>) -> Self {
        let tree = Arc::new(UnitTree::new(plan));
        let objectives = Arc::new(ObjectiveIndex::new(plan));
        let cycle_objectives = Arc::new(CycleObjectives::new(plan, cycle));
        Self::with_parts(plan, tree, objectives, cycle_objectives)
    }

    /// The index over the parts already built for this plan: the unit tree,
    /// which outlives edits of objectives, and the objective parts, which
    /// outlive edits of units. What joins them is a pass over units.
    pub fn with_parts(
        plan: &Plan,
        tree: Arc<UnitTree>,
        objectives: Arc<ObjectiveIndex>,
        cycle_objectives: Arc<CycleObjectives>,
    ) -> Self {
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
        self.tree.unit(id)
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
    pub fn supporters(&self, target: &Id) -> std::borrow::Cow<'_, [usize]> {
        self.objectives.supporters(target)
    }
}
