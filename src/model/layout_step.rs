//! What edits did to where objectives sit, step by step, so that indexes
//! keyed by an objective's position can follow them instead of being built
//! afresh: removing or moving one objective shifts every position after it.

use super::{Command, Id};
use std::cmp::Ordering;

/// One thing an edit did to the plan's objectives, in the order it did it;
/// a position is the plan's at that moment.
#[derive(Clone, Debug, PartialEq)]
pub enum LayoutStep {
    /// The objective changed in place: its key results, unit, cycle or link.
    Changed(Id),
    /// An objective was inserted here; those from here on moved up one.
    Inserted(usize),
    /// The objective here was removed; those after it moved down one.
    Removed(usize),
}

impl LayoutStep {
    /// The steps of an edit, given the command that reverts it; `None` for
    /// a new plan, which nothing can follow.
    pub fn of_edit(inverse: &Command) -> Option<Vec<LayoutStep>> {
        let mut steps = Vec::new();
        push_steps(inverse, &mut steps)?;
        Some(steps)
    }

    /// How many objectives `steps` insert or remove. Past half the objectives
    /// an index was built for, building it afresh costs less than following
    /// them (each is a sorted insertion into a list as long as the moves).
    pub fn moved(steps: &[LayoutStep]) -> usize {
        let moves = steps
            .iter()
            .filter(|s| !matches!(s, LayoutStep::Changed(_)));
        moves.count()
    }

    /// The objectives `steps` changed in place.
    fn changed(steps: &[LayoutStep]) -> impl Iterator<Item = &Id> {
        steps.iter().filter_map(|step| match step {
            LayoutStep::Changed(id) => Some(id),
            _ => None,
        })
    }

    /// Where the objectives `steps` changed or inserted stand now: what an
    /// index reads again, with `shifts` their [`Shifts::of`]. `position`
    /// finds a changed one (`None`: removed since).
    pub fn to_read_again(
        steps: &[LayoutStep],
        shifts: &Shifts,
        position: impl Fn(&Id) -> Option<usize>,
    ) -> Vec<usize> {
        let changed = Self::changed(steps).filter_map(position);
        changed.chain(shifts.inserted.iter().copied()).collect()
    }
}

/// Where steps left the objectives of a plan as it was (its positions
/// are "built" positions here): which of them they removed and where they
/// inserted others. Every other position follows from those, so steps that
/// move thousands of objectives (a department deleted) cost a sorted list
/// each, not a pass over every position per step.
#[derive(Clone, Debug, Default)]
pub struct Shifts {
    /// The built positions of the objectives removed, in order.
    removed: Vec<usize>,
    /// Where the objectives inserted are now, in order.
    inserted: Vec<usize>,
}

impl Shifts {
    pub fn of(steps: &[LayoutStep]) -> Self {
        let mut shifts = Shifts::default();
        steps.iter().for_each(|step| shifts.follow(step));
        shifts
    }

    /// Follows `step`, made on the plan as the steps so far left it.
    pub fn follow(&mut self, step: &LayoutStep) {
        match *step {
            LayoutStep::Changed(_) => {}
            LayoutStep::Removed(at) => {
                let later = match self.inserted.binary_search(&at) {
                    Ok(k) => {
                        self.inserted.remove(k);
                        k
                    }
                    Err(k) => {
                        let built = self.built(at);
                        let slot = self.removed.partition_point(|&r| r < built);
                        self.removed.insert(slot, built);
                        k
                    }
                };
                self.inserted[later..].iter_mut().for_each(|i| *i -= 1);
            }
            LayoutStep::Inserted(at) => {
                let later = self.inserted.partition_point(|&i| i < at);
                self.inserted[later..].iter_mut().for_each(|i| *i += 1);
                self.inserted.insert(later, at);
            }
        }
    }

    /// Where the objective built at `built` is now; `None` if it was removed.
    pub fn now(&self, built: usize) -> Option<usize> {
        let removed_before = match self.removed.binary_search(&built) {
            Ok(_) => return None,
            Err(count) => count,
        };
        Some(nth_free(&self.inserted, built - removed_before))
    }

    /// Where the build put the objective now at `at`, which was not inserted.
    fn built(&self, at: usize) -> usize {
        let inserted_before = self.inserted.partition_point(|&i| i < at);
        nth_free(&self.removed, at - inserted_before)
    }

    /// Takes back removals that insertions undid: an objective inserted
    /// where one built was removed, between the same objectives kept, that
    /// `same(built, now)` finds to be that one counts as kept. Returns where
    /// those are now, in order.
    pub fn restore(&mut self, mut same: impl FnMut(usize, usize) -> bool) -> Vec<usize> {
        // Ranked by the objectives kept before them, removals and insertions
        // of equal rank share a gap; paired in order, their places agree.
        let (mut r, mut i) = (0, 0);
        let (mut built, mut now) = (Vec::new(), Vec::new());
        while let (Some(&was), Some(&at)) = (self.removed.get(r), self.inserted.get(i)) {
            match (was - r).cmp(&(at - i)) {
                Ordering::Less => r += 1,
                Ordering::Greater => i += 1,
                Ordering::Equal => {
                    if same(was, at) {
                        built.push(was);
                        now.push(at);
                    }
                    r += 1;
                    i += 1;
                }
            }
        }
        let taken = |list: &mut Vec<usize>, gone: &[usize]| {
            list.retain(|at| gone.binary_search(at).is_err());
        };
        taken(&mut self.removed, &built);
        taken(&mut self.inserted, &now);
        now
    }

    /// How many objectives were removed and inserted.
    pub fn counts(&self) -> (usize, usize) {
        (self.removed.len(), self.inserted.len())
    }

    /// The first position the steps touched: every one before it is where
    /// it was built.
    pub fn first_touched(&self) -> usize {
        let first = |list: &[usize]| list.first().copied().unwrap_or(usize::MAX);
        first(&self.removed).min(first(&self.inserted))
    }
}

/// The `rank`-th position (from 0) that is not among `taken` (in order).
fn nth_free(taken: &[usize], rank: usize) -> usize {
    // `taken[j] - j` free positions come before `taken[j]`, and never fewer
    // for a later one: the taken ones before the answer are those with at
    // most `rank` free positions before them.
    let (mut low, mut high) = (0, taken.len());
    while low < high {
        let mid = (low + high) / 2;
        if taken[mid] - mid <= rank {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    rank + low
}

/// Appends the steps of the edit that `inverse` reverts.
fn push_steps(inverse: &Command, steps: &mut Vec<LayoutStep>) -> Option<()> {
    match inverse {
        Command::UpdateObjective(before) => steps.push(LayoutStep::Changed(before.id.clone())),
        // An inverse removes what the edit inserted, and the other way round.
        // Positions ascending: inserted lowest first, removed highest first,
        // so that each step's position is the plan's at that moment.
        Command::RemoveObjectives { indices } => {
            steps.extend(indices.iter().map(|&at| LayoutStep::Inserted(at)));
        }
        Command::InsertObjectives { placed } => {
            steps.extend(placed.iter().rev().map(|&(at, _)| LayoutStep::Removed(at)));
        }
        // The edit took the objective out at `to` and put it in at `from`.
        Command::ReorderObjective { from, to } => {
            steps.push(LayoutStep::Removed(*to));
            steps.push(LayoutStep::Inserted(*from));
        }
        // A batch's inverse lists its steps' inverses, the last step's first.
        Command::Batch {
            steps: inverses, ..
        } => {
            for inverse in inverses.iter().rev() {
                push_steps(inverse, steps)?;
            }
        }
        Command::ReplacePlan(_) => return None,
        // Cycles, settings, units, the rollout: no objective moves.
        _ => {}
    }
    Some(())
}
