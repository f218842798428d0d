//! Finding things in a plan by id, and walking the unit tree.

use super::{Alignment, Id, KeyResult, Objective, Plan, UnitTree};
use rustc_hash::FxHashMap;

impl Plan {
    pub fn unit_index(&self, id: &Id) -> Option<usize> {
        self.units.iter().position(|u| &u.id == id)
    }

    /// Each unit's position in `units`, for lookups in O(1) during a pass over the plan.
    pub fn unit_positions(&self) -> FxHashMap<&Id, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.id, i))
            .collect()
    }

    /// The same as [`Plan::unit_positions`], for an index that outlives this borrow.
    pub fn unit_positions_owned(&self) -> FxHashMap<Id, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect()
    }

    pub fn objective_index(&self, id: &Id) -> Option<usize> {
        self.objectives.iter().position(|o| &o.id == id)
    }

    pub fn objective(&self, id: &Id) -> Option<&Objective> {
        self.objectives.iter().find(|o| &o.id == id)
    }

    /// The objective at position `at`, if it is still `id`: a position kept
    /// from an earlier version of the plan finds nothing rather than another.
    pub fn objective_at(&self, at: usize, id: &Id) -> Option<&Objective> {
        self.objectives.get(at).filter(|o| &o.id == id)
    }

    /// Key result `k` of the objective at `o`, if it is still `id` (as [`Plan::objective_at`]).
    pub fn key_result_at(&self, (o, k): (usize, usize), id: &Id) -> Option<&KeyResult> {
        self.objectives
            .get(o)?
            .key_results
            .get(k)
            .filter(|kr| &kr.id == id)
    }

    /// The objective owning a key result, and the key result's position in it.
    pub fn key_result_position(&self, kr: &Id) -> Option<(usize, usize)> {
        self.objectives
            .iter()
            .enumerate()
            .find_map(|(o, objective)| {
                objective
                    .key_results
                    .iter()
                    .position(|k| &k.id == kr)
                    .map(|k| (o, k))
            })
    }

    /// The objective an alignment points into (the KR's owner for a KR link).
    pub fn aligned_objective(&self, alignment: &Alignment) -> Option<usize> {
        match alignment {
            Alignment::Objective(id) => self.objective_index(id),
            Alignment::KeyResult(id) => self.key_result_position(id).map(|(o, _)| o),
        }
    }

    /// The unit and all units below it, as indexes into `units`, the unit first.
    pub fn subtree(&self, root: &Id) -> Vec<usize> {
        let Some(start) = self.unit_index(root) else {
            return Vec::new();
        };
        let tree = UnitTree::new(self);
        let mut found = vec![start];
        let mut next = 0;
        while next < found.len() {
            found.extend_from_slice(tree.children(found[next]));
            next += 1;
        }
        found
    }

    /// Whether `unit` is `ancestor` or lies below it, found by walking up
    /// from `unit`: as many lookups as its depth, without building the tree.
    pub fn is_within(&self, unit: &Id, ancestor: &Id) -> bool {
        let mut at = Some(unit);
        // A parent loop (bad data) ends the walk after as many steps as units.
        for _ in 0..=self.units.len() {
            match at {
                Some(id) if id == ancestor => return true,
                Some(id) => at = self.unit(id).and_then(|u| u.parent.as_ref()),
                None => return false,
            }
        }
        false
    }

    /// The first id of the plan's items (cycles, units, objectives, key
    /// results, check-ins, rollout entries) that is `wanted`.
    pub fn find_id(&self, mut wanted: impl FnMut(&Id) -> bool) -> Option<&Id> {
        let rollout = &self.rollout;
        let mut lists = (self.cycles.iter().map(|c| &c.id))
            .chain(self.units.iter().map(|u| &u.id))
            .chain(rollout.phases.iter().map(|p| &p.id))
            .chain(rollout.roles.iter().map(|r| &r.id))
            .chain(rollout.readiness.iter().map(|r| &r.id))
            .chain(rollout.events.iter().map(|e| &e.id));
        if let Some(id) = lists.find(|id| wanted(id)) {
            return Some(id);
        }
        // Most ids are here: at 10,000 objectives about 100,000, walked for
        // every new item.
        for objective in &self.objectives {
            if wanted(&objective.id) {
                return Some(&objective.id);
            }
            for kr in &objective.key_results {
                if wanted(&kr.id) {
                    return Some(&kr.id);
                }
                if let Some(check_in) = kr.check_ins.iter().find(|c| wanted(&c.id)) {
                    return Some(&check_in.id);
                }
            }
        }
        None
    }

    /// Whether any item of the plan already has this id.
    pub fn id_in_use(&self, id: &Id) -> bool {
        self.find_id(|used| used == id).is_some()
    }
}
