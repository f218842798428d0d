//! Where each objective and key result sits in a plan, and who aligns to
//! them. Built in one pass; edits that leave every objective where it was
//! (a key result added, an alignment changed, an objective added at the
//! end) are laid over the built index instead of rebuilding it, which at
//! 10,000 objectives took most of such an edit's time.

use super::{Alignment, Id, KeyResult, Objective, Plan};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

/// Past this many objectives laid over it, the index is built afresh.
const PATCH_LIMIT: usize = 256;

#[derive(Clone)]
pub struct ObjectiveIndex {
    built: Arc<Built>,
    patch: Patch,
}

/// The index as built from a whole plan.
struct Built {
    objective_position: FxHashMap<Id, usize>,
    /// Key-result id → (objective position, position among its key results).
    key_result_position: FxHashMap<Id, (usize, usize)>,
    /// Objective or key-result id → objectives (any cycle) aligned to it, in plan order.
    supporters: FxHashMap<Id, Vec<usize>>,
}

/// The objectives read again since the build, by position: what they hold
/// now replaces whatever the build says about those positions.
#[derive(Clone, Default)]
struct Patch {
    /// Objectives whose position differs from the build's: added (`Some`) or removed (`None`).
    objective_position: FxHashMap<Id, Option<usize>>,
    /// The key results of the objectives at those positions.
    key_result_position: FxHashMap<Id, (usize, usize)>,
    /// What each position read again held when it was read (nothing, for
    /// one emptied at the end of the plan).
    read: FxHashMap<usize, Reading>,
}

/// What an objective read again is aligned to, and its key results.
#[derive(Clone, Default)]
struct Reading {
    target: Option<Id>,
    key_results: Vec<Id>,
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
            if let Some(target) = alignment_target(objective) {
                supporters.entry(target.clone()).or_default().push(i);
            }
        }
        let built = Built {
            objective_position,
            key_result_position,
            supporters,
        };
        ObjectiveIndex {
            built: Arc::new(built),
            patch: Patch::default(),
        }
    }

    /// The index of `plan` after edits that changed the objectives `changed`
    /// in place, added them at the end or removed them from the end, and
    /// moved no other (`Editor::layout_changed_since`); `None` when it is
    /// better built afresh.
    pub fn patched(&self, plan: &Plan, changed: &[Id]) -> Option<Self> {
        let mut patch = self.patch.clone();
        for id in changed {
            let at = match self.objective(id) {
                Some(at) => {
                    if plan.objective_at(at, id).is_none() {
                        // Removed from the end: its place is empty, or another's.
                        patch.objective_position.insert(id.clone(), None);
                    }
                    Some(at)
                }
                // Added at the end since.
                None => plan
                    .objectives
                    .iter()
                    .enumerate()
                    .rev()
                    .take(PATCH_LIMIT)
                    .find(|(_, o)| &o.id == id)
                    .map(|(at, _)| at),
            };
            if let Some(at) = at {
                patch.read_again(&self.built, plan, at);
            }
            if patch.read.len() > PATCH_LIMIT {
                return None;
            }
        }
        Some(ObjectiveIndex {
            built: Arc::clone(&self.built),
            patch,
        })
    }

    pub fn objective(&self, id: &Id) -> Option<usize> {
        // The build first: most lookups end there, with one hash of the id.
        match self.built.objective_position.get(id) {
            Some(&at) if !self.patch.read.contains_key(&at) => Some(at),
            // Read again since, or added since: the patch knows.
            built => match self.patch.objective_position.get(id) {
                Some(at) => *at,
                None => built.copied(),
            },
        }
    }

    /// The objective owning a key result, and the key result's position in it.
    pub fn key_result(&self, id: &Id) -> Option<(usize, usize)> {
        match self.built.key_result_position.get(id) {
            Some(&place) if !self.patch.read.contains_key(&place.0) => Some(place),
            // Its objective was read again: if it is still there, or was
            // added since, the patch has it.
            _ => self.patch.key_result_position.get(id).copied(),
        }
    }

    /// Objectives aligned to this objective or key result, in plan order.
    pub fn supporters(&self, target: &Id) -> Cow<'_, [usize]> {
        let built = self
            .built
            .supporters
            .get(target)
            .map_or(&[][..], Vec::as_slice);
        if self.patch.read.is_empty() {
            return Cow::Borrowed(built);
        }
        let mut found: Vec<usize> = built
            .iter()
            .copied()
            .filter(|at| !self.patch.read.contains_key(at))
            .collect();
        let read_again = self.patch.read.iter();
        found.extend(
            read_again
                .filter(|(_, reading)| reading.target.as_ref() == Some(target))
                .map(|(at, _)| *at),
        );
        found.sort_unstable();
        Cow::Owned(found)
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
            for target in targets {
                for &supporter in self.supporters(target).iter() {
                    if let Some(seen @ false) = found.get_mut(supporter) {
                        *seen = true;
                        next.push(supporter);
                    }
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

impl Patch {
    /// Lays what position `at` of `plan` holds now over the build; a
    /// position past the end is emptied.
    fn read_again(&mut self, built: &Built, plan: &Plan, at: usize) {
        if let Some(before) = self.read.remove(&at) {
            for id in before.key_results {
                // Unless a later read found it elsewhere.
                if self
                    .key_result_position
                    .get(&id)
                    .is_some_and(|&(o, _)| o == at)
                {
                    self.key_result_position.remove(&id);
                }
            }
        }
        let Some(objective) = plan.objectives.get(at) else {
            self.read.insert(at, Reading::default());
            return;
        };
        if built.objective_position.get(&objective.id) == Some(&at) {
            // Back where the build has it (an undone removal, say).
            self.objective_position.remove(&objective.id);
        } else {
            self.objective_position
                .insert(objective.id.clone(), Some(at));
        }
        let mut key_results = Vec::with_capacity(objective.key_results.len());
        for (k, kr) in objective.key_results.iter().enumerate() {
            self.key_result_position.insert(kr.id.clone(), (at, k));
            key_results.push(kr.id.clone());
        }
        let target = alignment_target(objective).cloned();
        self.read.insert(
            at,
            Reading {
                target,
                key_results,
            },
        );
    }
}

/// What an objective is aligned to: another objective or a key result.
fn alignment_target(objective: &Objective) -> Option<&Id> {
    match &objective.aligned_to {
        Some(Alignment::Objective(target) | Alignment::KeyResult(target)) => Some(target),
        None => None,
    }
}
