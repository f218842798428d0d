//! Where each objective and key result sits in a plan, and who aligns to
//! them. Built in one pass; the edits since (see [`LayoutStep`]) are laid
//! over the built index instead of rebuilding it, which at 10,000
//! objectives took most of such an edit's time: the positions they shifted
//! are worked out from the few objectives they removed and inserted, and
//! the objectives they inserted or changed are read again.

use super::layout_step::Shifts;
use super::{Alignment, Id, KeyResult, LayoutStep, Objective, Plan};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

/// Past this many objectives laid over it (read again or inserted: each
/// later step walks them), an index is better built afresh.
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
    /// By position: how many key results the objective has and whether it
    /// is aligned (with the maps, all the build says of it).
    shapes: Vec<(usize, bool)>,
}

/// The edits since the build. Positions are the plan's now.
#[derive(Clone, Default)]
struct Patch {
    /// Which objectives of the build were removed since, and where others were inserted.
    shifts: Shifts,
    /// What the objectives read again since hold (all those inserted among
    /// them): it replaces what the build says about them.
    read: FxHashMap<usize, Reading>,
    /// The objectives read again, by id.
    objective_position: FxHashMap<Id, usize>,
    /// Their key results.
    key_result_position: FxHashMap<Id, (usize, usize)>,
}

/// An objective read again: its id, what it is aligned to, its key results.
#[derive(Clone)]
struct Reading {
    id: Id,
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
        let shapes = plan.objectives.iter().map(shape).collect();
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
            shapes,
        };
        ObjectiveIndex {
            built: Arc::new(built),
            patch: Patch::default(),
        }
    }

    /// The index of `plan` after the edits `steps` (from
    /// `Editor::layout_changed_since`); `None` when it is better built afresh.
    pub fn patched(&self, plan: &Plan, steps: &[LayoutStep]) -> Option<Self> {
        let built = self.built.shapes.len();
        if LayoutStep::moved(steps) > built / 2 {
            return None;
        }
        let these = Shifts::of(steps);
        let mut patched = self.clone();
        patched.patch.follow(steps, &these);
        // An undo puts back what an edit took out: no need to read it again.
        let restored = patched.patch.restore(&self.built, plan);
        if patched.patch.outgrown(built) {
            return None;
        }
        for at in LayoutStep::to_read_again(steps, &these, |id| patched.objective(id)) {
            if restored.binary_search(&at).is_err() {
                patched.patch.read_again(plan, at)?;
            }
        }
        (!patched.patch.outgrown(built)).then_some(patched)
    }

    pub fn objective(&self, id: &Id) -> Option<usize> {
        // The build first: most lookups end there, with one hash of the id.
        if let Some(at) = self
            .built
            .objective_position
            .get(id)
            .and_then(|&b| self.patch.kept(b))
        {
            return Some(at);
        }
        // Read again, inserted or removed since: the patch knows.
        self.patch.objective_position.get(id).copied()
    }

    /// The objective owning a key result, and the key result's position in it.
    pub fn key_result(&self, id: &Id) -> Option<(usize, usize)> {
        if let Some(&(built, k)) = self.built.key_result_position.get(id) {
            if let Some(at) = self.patch.kept(built) {
                return Some((at, k));
            }
        }
        // Its objective was read again or removed: if it is still there, or
        // was added since, the patch has it.
        self.patch.key_result_position.get(id).copied()
    }

    /// Objectives aligned to this objective or key result, in plan order.
    pub fn supporters(&self, target: &Id) -> Cow<'_, [usize]> {
        let built = self
            .built
            .supporters
            .get(target)
            .map_or(&[][..], Vec::as_slice);
        if self.patch.read.is_empty() && self.patch.shifts.counts().0 == 0 {
            return Cow::Borrowed(built);
        }
        let mut found: Vec<usize> = built.iter().filter_map(|&at| self.patch.kept(at)).collect();
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

impl Built {
    /// Whether what the build says of the objective at `at` holds for `objective`.
    fn describes(&self, at: usize, objective: &Objective) -> bool {
        let mut key_results = objective.key_results.iter().enumerate();
        self.objective_position.get(&objective.id) == Some(&at)
            && self.shapes.get(at) == Some(&shape(objective))
            && key_results.all(|(k, kr)| self.key_result_position.get(&kr.id) == Some(&(at, k)))
            && alignment_target(objective).is_none_or(|target| {
                let aligned = self.supporters.get(target);
                aligned.is_some_and(|list| list.binary_search(&at).is_ok())
            })
    }
}

impl Patch {
    /// Whether building afresh is cheaper than keeping the patch, for a
    /// build of `built` objectives: past the limit of objectives it holds in
    /// maps, or once it has removed half of them. Removals alone are sorted
    /// positions, cheap to carry: a department of a thousand objectives
    /// deleted keeps the index.
    fn outgrown(&self, built: usize) -> bool {
        let (removed, inserted) = self.shifts.counts();
        inserted.max(self.read.len()) > PATCH_LIMIT || removed > built / 2
    }

    /// Where the objective the build put at `built` is now, when what the
    /// build says of it still holds: not removed, nor read again since.
    fn kept(&self, built: usize) -> Option<usize> {
        self.shifts
            .now(built)
            .filter(|at| !self.read.contains_key(at))
    }

    /// Follows `steps` (`these` their shifts): which objectives of the build
    /// they removed and where they inserted others, and where what the patch
    /// holds went, forgetting what it says of an objective they removed.
    fn follow(&mut self, steps: &[LayoutStep], these: &Shifts) {
        steps.iter().for_each(|step| self.shifts.follow(step));
        let moved = |at: &mut usize| these.now(*at).map(|now| *at = now).is_some();
        self.objective_position.retain(|_, at| moved(at));
        self.key_result_position.retain(|_, (at, _)| moved(at));
        self.read = std::mem::take(&mut self.read)
            .into_iter()
            .filter_map(|(at, reading)| Some((these.now(at)?, reading)))
            .collect();
    }

    /// Counts as kept each objective inserted where one of the build was
    /// removed that it equals as far as the index goes (an undone deletion),
    /// and returns where those are, in order.
    fn restore(&mut self, built: &Built, plan: &Plan) -> Vec<usize> {
        let read = &self.read;
        // One read since says more than the build: it stays, and is read again if changed.
        self.shifts.restore(|was, at| {
            let objective = plan.objectives.get(at);
            !read.contains_key(&at) && objective.is_some_and(|o| built.describes(was, o))
        })
    }

    /// Lays what position `at` of `plan` holds now over the build; `None`
    /// if the plan has no objective there (the steps were not this plan's).
    fn read_again(&mut self, plan: &Plan, at: usize) -> Option<()> {
        if let Some(before) = self.read.remove(&at) {
            let still_here = |place: Option<&usize>| place == Some(&at);
            if still_here(self.objective_position.get(&before.id)) {
                self.objective_position.remove(&before.id);
            }
            for id in before.key_results {
                // Unless a later read found it elsewhere.
                if still_here(self.key_result_position.get(&id).map(|(o, _)| o)) {
                    self.key_result_position.remove(&id);
                }
            }
        }
        let objective = plan.objectives.get(at)?;
        self.objective_position.insert(objective.id.clone(), at);
        let mut key_results = Vec::with_capacity(objective.key_results.len());
        for (k, kr) in objective.key_results.iter().enumerate() {
            self.key_result_position.insert(kr.id.clone(), (at, k));
            key_results.push(kr.id.clone());
        }
        let reading = Reading {
            id: objective.id.clone(),
            target: alignment_target(objective).cloned(),
            key_results,
        };
        self.read.insert(at, reading);
        Some(())
    }
}

/// What the build keeps of an objective besides the maps: its key results'
/// count and whether it is aligned.
fn shape(objective: &Objective) -> (usize, bool) {
    (objective.key_results.len(), objective.aligned_to.is_some())
}

/// What an objective is aligned to: another objective or a key result.
fn alignment_target(objective: &Objective) -> Option<&Id> {
    match &objective.aligned_to {
        Some(Alignment::Objective(target) | Alignment::KeyResult(target)) => Some(target),
        None => None,
    }
}
