//! A cycle's scores with roll-up: objectives, key results, units and
//! subtrees, computed once in time linear in the plan, then kept current
//! edit by edit. A check-in re-scores its objective, the objectives that
//! objective counts into, and their units, not the other 9,999.

use super::scoring::{key_result_score, weighted_mean, Basis, KrScore};
use super::{Alignment, Cycle, Id, Objective, ObjectiveIndex, Plan, UnitTree};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Objectives that count into an objective's score when roll-up is on, by position in the plan.
#[derive(Clone)]
struct Supporters {
    /// Classic: objectives aligned to the objective itself.
    classic: Vec<Vec<usize>>,
    /// Duality: `(key result position, objective)` for objectives cascaded from one of its key results.
    cascaded: Vec<Vec<(usize, usize)>>,
}

impl Supporters {
    /// Empty when roll-up is off, so every objective scores on its own key results.
    fn new(plan: &Plan, positions: &ObjectiveIndex) -> Self {
        let count = plan.objectives.len();
        let mut supporters = Supporters {
            classic: vec![Vec::new(); count],
            cascaded: vec![Vec::new(); count],
        };
        if !plan.settings.roll_up_aligned {
            return supporters;
        }
        let cycles: FxHashMap<&Id, &Cycle> = plan.cycles.iter().map(|c| (&c.id, c)).collect();
        for (child, objective) in plan.objectives.iter().enumerate() {
            let counts_into = |parent: usize| {
                within_cycle(&cycles, &objective.cycle, &plan.objectives[parent].cycle)
            };
            match &objective.aligned_to {
                Some(Alignment::Objective(target)) => {
                    if let Some(parent) = positions.objective(target) {
                        if counts_into(parent) {
                            supporters.classic[parent].push(child);
                        }
                    }
                }
                Some(Alignment::KeyResult(target)) => {
                    if let Some((parent, kr)) = positions.key_result(target) {
                        if counts_into(parent) {
                            supporters.cascaded[parent].push((kr, child));
                        }
                    }
                }
                None => {}
            }
        }
        supporters
    }

    fn of(&self, objective: usize) -> impl Iterator<Item = usize> + '_ {
        let cascaded = self.cascaded[objective].iter().map(|&(_, child)| child);
        self.classic[objective].iter().copied().chain(cascaded)
    }

    /// The objective `child` counts into, if any (it aligns to one thing at most).
    fn parent_of(&self, plan: &Plan, positions: &ObjectiveIndex, child: usize) -> Option<usize> {
        match plan.objectives.get(child)?.aligned_to.as_ref()? {
            Alignment::Objective(target) => positions
                .objective(target)
                .filter(|&parent| self.classic[parent].contains(&child)),
            Alignment::KeyResult(target) => {
                let (parent, _) = positions.key_result(target)?;
                let listed = self.cascaded[parent].iter().any(|&(_, c)| c == child);
                listed.then_some(parent)
            }
        }
    }
}

/// Whether a child objective's cycle lies within its parent's (the same
/// cycle, or a quarter inside the year), so that its score belongs in the
/// parent's. Links into other cycles are a quality warning, not a roll-up.
fn within_cycle(cycles: &FxHashMap<&Id, &Cycle>, child: &Id, parent: &Id) -> bool {
    if child == parent {
        return true;
    }
    match (cycles.get(child), cycles.get(parent)) {
        (Some(child), Some(parent)) => parent.start <= child.start && child.end <= parent.end,
        _ => false,
    }
}

/// An objective's key-result scores and its own score, given its
/// supporters' scores (`None` for one without a score, or on a loop).
fn score_objective(
    objective: &Objective,
    index: usize,
    supporters: &Supporters,
    scored: impl Fn(usize) -> Option<f64>,
) -> (Vec<KrScore>, Option<f64>) {
    // Per key result: sum and count of the cascaded objectives' scores.
    let mut cascaded = vec![(0.0, 0usize); objective.key_results.len()];
    for &(kr, child) in &supporters.cascaded[index] {
        if let Some(score) = scored(child) {
            cascaded[kr].0 += score;
            cascaded[kr].1 += 1;
        }
    }
    let key_results: Vec<KrScore> = objective
        .key_results
        .iter()
        .zip(cascaded)
        .map(|(kr, (sum, count))| {
            let own = key_result_score(kr);
            if count == 0 {
                return own;
            }
            let (sum, count) = if own.basis == Basis::NoCheckIns {
                (sum, count)
            } else {
                (sum + own.value, count + 1)
            };
            KrScore {
                value: sum / count as f64,
                basis: Basis::RolledUp,
            }
        })
        .collect();
    let classic = supporters.classic[index]
        .iter()
        .filter_map(|&child| scored(child))
        .map(|score| (score, 1.0));
    let own = key_results
        .iter()
        .zip(&objective.key_results)
        .map(|(score, kr)| (score.value, kr.weight));
    let score = weighted_mean(own.chain(classic));
    (key_results, score)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    /// Its supporters are being scored; meeting it again means an alignment loop.
    Open,
    Done,
}

/// Scores every objective of the cycle, each after its supporters; a
/// supporter met again while still open sits on an alignment loop and is
/// left out, so bad data ends the walk instead of hanging it.
struct RollUp<'a> {
    plan: &'a Plan,
    supporters: &'a Supporters,
    visit: Vec<Visit>,
    objectives: Vec<Option<f64>>,
    key_results: Vec<Vec<KrScore>>,
}

impl RollUp<'_> {
    /// Scores the objective and everything that counts into it, each once.
    /// Walks with an explicit stack: a chain of thousands of aligned
    /// objectives must not overflow the call stack.
    fn score(&mut self, root: usize) {
        let mut stack = vec![(root, false)];
        while let Some((objective, supporters_scored)) = stack.pop() {
            if supporters_scored {
                self.finish(objective);
                continue;
            }
            if self.visit[objective] != Visit::New {
                continue;
            }
            self.visit[objective] = Visit::Open;
            stack.push((objective, true));
            stack.extend(
                self.supporters
                    .of(objective)
                    .filter(|&child| self.visit[child] == Visit::New)
                    .map(|child| (child, false)),
            );
        }
    }

    fn finish(&mut self, index: usize) {
        let scored = |child: usize| match self.visit[child] {
            Visit::Done => self.objectives[child],
            Visit::New | Visit::Open => None,
        };
        let (key_results, score) =
            score_objective(&self.plan.objectives[index], index, self.supporters, scored);
        self.objectives[index] = score;
        self.key_results[index] = key_results;
        self.visit[index] = Visit::Done;
    }
}

/// Every score of one cycle. Scores are kept by position and found through
/// an [`ObjectiveIndex`], which views keep across edits that do not move
/// objectives around.
#[derive(Clone)]
pub struct Scores {
    positions: Arc<ObjectiveIndex>,
    supporters: Supporters,
    /// By objective position: whether it is in the cycle (only those show).
    in_cycle: Vec<bool>,
    /// By objective position: the cycle's objectives and those that count
    /// into them; `None` also for an objective without key results.
    objectives: Vec<Option<f64>>,
    /// By objective position, then key result.
    key_results: Vec<Vec<KrScore>>,
    units: UnitTree,
    /// By unit position: its parent as sums roll up the tree (`None` for a root).
    unit_parent: Vec<Option<usize>>,
    /// By unit position: whether a walk from the roots reaches it (not on a parent loop).
    reached: Vec<bool>,
    /// By unit position: the cycle's objectives in it, in plan order.
    unit_objectives: Vec<Vec<usize>>,
    /// By unit position: sum and count of its own objectives' scores, and of its subtree's.
    own: Vec<(f64, usize)>,
    subtree: Vec<(f64, usize)>,
}

impl Scores {
    /// With `plan.settings.roll_up_aligned` on, an objective's score also
    /// averages in each classic-aligned child objective (weight 1), and a
    /// key result's score becomes the plain average of its own score (when
    /// it has a check-in or an override) and the objectives cascaded from it.
    /// Children count when their cycle lies within the parent's.
    pub fn new(plan: &Plan, cycle: &Id) -> Self {
        Self::with_positions(plan, cycle, Arc::new(ObjectiveIndex::new(plan)))
    }

    /// The scores, given the plan's [`ObjectiveIndex`].
    pub fn with_positions(plan: &Plan, cycle: &Id, positions: Arc<ObjectiveIndex>) -> Self {
        let count = plan.objectives.len();
        let supporters = Supporters::new(plan, &positions);
        let in_cycle: Vec<bool> = plan.objectives.iter().map(|o| &o.cycle == cycle).collect();
        let mut roll_up = RollUp {
            plan,
            supporters: &supporters,
            visit: vec![Visit::New; count],
            objectives: vec![None; count],
            key_results: vec![Vec::new(); count],
        };
        for i in (0..count).filter(|&i| in_cycle[i]) {
            roll_up.score(i);
        }
        let (objectives, key_results) = (roll_up.objectives, roll_up.key_results);

        let units = UnitTree::new(plan);
        let mut unit_objectives = vec![Vec::new(); plan.units.len()];
        for (i, objective) in plan.objectives.iter().enumerate() {
            if let (true, Some(u)) = (in_cycle[i], units.unit(&objective.unit)) {
                unit_objectives[u].push(i);
            }
        }
        let mut unit_parent = vec![None; plan.units.len()];
        let mut reached = vec![false; plan.units.len()];
        let bottom_up = units.bottom_up();
        for &u in &bottom_up {
            reached[u] = true;
            for &child in units.children(u) {
                unit_parent[child] = Some(u);
            }
        }
        let mut scores = Scores {
            positions,
            supporters,
            in_cycle,
            objectives,
            key_results,
            units,
            unit_parent,
            reached,
            unit_objectives,
            own: Vec::new(),
            subtree: Vec::new(),
        };
        scores.own = (0..plan.units.len()).map(|u| scores.own_sum(u)).collect();
        // Units no walk reaches (a parent loop) keep their own sums.
        scores.subtree = scores.own.clone();
        for u in bottom_up {
            scores.subtree[u] = scores.subtree_sum(u);
        }
        scores
    }

    fn own_sum(&self, unit: usize) -> (f64, usize) {
        let scores = self.unit_objectives[unit]
            .iter()
            .filter_map(|&o| self.objectives[o]);
        scores.fold((0.0, 0), |(sum, count), score| (sum + score, count + 1))
    }

    fn subtree_sum(&self, unit: usize) -> (f64, usize) {
        let children = self.units.children(unit).iter();
        children.fold(self.own[unit], |(sum, count), &child| {
            (sum + self.subtree[child].0, count + self.subtree[child].1)
        })
    }

    /// Brings the scores up to date after edits that changed only the
    /// measures of the `changed` objectives (no objective, key result or
    /// unit moved, came or went): re-scores each of them, the objectives it
    /// counts into, and their units, with the same arithmetic as a full
    /// scoring. Returns the positions of the objectives re-scored, the only
    /// ones whose scores (or key results' scores) may have changed; or
    /// `None`, changing nothing, where that would not be exact (an alignment
    /// loop, an objective not found), so the caller scores afresh.
    pub fn rescore(&mut self, plan: &Plan, changed: &[Id]) -> Option<Vec<usize>> {
        let mut order = Vec::new();
        // Alignment chains can be thousands long: a set finds a loop in linear time.
        let mut chain = FxHashSet::default();
        for id in changed {
            let mut at = self.positions.objective(id)?;
            chain.clear();
            loop {
                if !chain.insert(at) {
                    return None; // a loop: a full scoring leaves part of it out
                }
                order.push(at);
                match self.supporters.parent_of(plan, &self.positions, at) {
                    Some(parent) => at = parent,
                    None => break,
                }
            }
        }
        // Each chain runs child to parent; a parent shared by two chains is
        // re-scored again after the second, so it ends up exact.
        for &o in &order {
            let scored = |child: usize| self.objectives[child];
            let (key_results, score) =
                score_objective(&plan.objectives[o], o, &self.supporters, scored);
            self.objectives[o] = score;
            self.key_results[o] = key_results;
        }
        let mut units: Vec<usize> = order
            .iter()
            .filter(|&&o| self.in_cycle[o])
            .filter_map(|&o| self.units.unit(&plan.objectives[o].unit))
            .collect();
        units.dedup();
        for unit in units {
            self.own[unit] = self.own_sum(unit);
            self.subtree[unit] = self.own[unit];
            let mut at = self.reached[unit].then_some(unit);
            while let Some(u) = at {
                self.subtree[u] = self.subtree_sum(u);
                at = self.unit_parent[u];
            }
        }
        Some(order)
    }

    /// `None` for an objective without key results (or supporters), or outside the cycle.
    pub fn objective(&self, id: &Id) -> Option<f64> {
        self.objective_at(self.positions.objective(id)?)
    }

    pub fn key_result(&self, id: &Id) -> Option<KrScore> {
        let (o, k) = self.positions.key_result(id)?;
        self.key_result_at(o, k)
    }

    /// The score of the objective at this position in the plan's objectives
    /// (as the [`ObjectiveIndex`] the scores were built with has it).
    pub fn objective_at(&self, at: usize) -> Option<f64> {
        // `get`: a position from another version of the plan finds nothing rather than panics.
        self.in_cycle(at)
            .then(|| self.objectives.get(at).copied().flatten())?
    }

    /// The score of key result `k` of the objective at position `o`.
    pub fn key_result_at(&self, o: usize, k: usize) -> Option<KrScore> {
        self.in_cycle(o)
            .then(|| self.key_results.get(o)?.get(k).copied())?
    }

    /// Whether the objective at this position is in the scores' cycle.
    pub fn in_cycle(&self, objective: usize) -> bool {
        self.in_cycle.get(objective).copied().unwrap_or(false)
    }

    /// The mean score of the unit's own objectives in the cycle.
    pub fn unit(&self, id: &Id) -> Option<f64> {
        mean(*self.own.get(self.units.unit(id)?)?)
    }

    /// The mean score of the cycle's objectives in the unit and every unit
    /// below it; the root's subtree score is the company score.
    pub fn subtree(&self, id: &Id) -> Option<f64> {
        mean(*self.subtree.get(self.units.unit(id)?)?)
    }
}

fn mean((sum, count): (f64, usize)) -> Option<f64> {
    (count > 0).then(|| sum / count as f64)
}
