//! Scores, bands, expectations, pace and rollover (DOMAIN.md, "Scoring").
//!
//! Everything here reads a plan and changes nothing; `rollover` returns a
//! [`Command`] for the editor to apply, so it undoes like any other edit.

use super::{
    Alignment, Command, Commitment, Cycle, EditError, Id, KeyResult, MeasureKind, Objective, Plan,
    Review,
};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

pub use super::roll_up::Scores;

/// Where a key result's score comes from, so a view can say more than the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Derived from the latest check-in.
    Measured,
    /// A hand-set final score, which wins over the measured one.
    Override,
    /// Nothing measured yet: the score is 0.0, so roll-ups count it as no
    /// progress, while a view can say "no check-ins yet" instead of "0.0".
    NoCheckIns,
    /// Roll-up is on and objectives cascaded from this key result count into it.
    RolledUp,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KrScore {
    pub value: f64,
    pub basis: Basis,
}

/// Clamps to 0.0–1.0. NaN can only come from corrupt data; it counts as no progress.
fn unit_interval(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// How far one check-in value gets a key result, 0.0–1.0, by its measure kind.
///
/// A numeric key result whose start equals its target has no distance to
/// cover, and no direction either, so we cannot tell "beyond the target"
/// from "short of it": it scores 1.0 only when the value is exactly the
/// target, else 0.0 (quality warns about such key results).
pub fn progress(kr: &KeyResult, value: f64) -> f64 {
    match kr.measure {
        MeasureKind::Number | MeasureKind::Percentage => {
            let distance = kr.target - kr.start;
            if distance == 0.0 {
                if value == kr.target {
                    1.0
                } else {
                    0.0
                }
            } else {
                // Dividing by a negative distance makes decreasing targets work too.
                unit_interval((value - kr.start) / distance)
            }
        }
        // Done is entered as 1; anything from 0.5 up is read as done.
        MeasureKind::Milestone => {
            if value >= 0.5 {
                1.0
            } else {
                0.0
            }
        }
        MeasureKind::Grade => unit_interval(value),
    }
}

/// The key result's own score: its override, else its latest check-in.
pub fn key_result_score(kr: &KeyResult) -> KrScore {
    if let Some(over) = &kr.score_override {
        return KrScore {
            value: unit_interval(over.score),
            basis: Basis::Override,
        };
    }
    match kr.latest_check_in() {
        Some(check_in) => KrScore {
            value: progress(kr, check_in.value),
            basis: Basis::Measured,
        },
        None => KrScore {
            value: 0.0,
            basis: Basis::NoCheckIns,
        },
    }
}

/// Weighted average of `(score, weight)` pairs. Negative weights (which
/// validate reports) count as zero; when the weights add up to nothing
/// usable, every item counts the same, so zero weights never divide by zero.
/// `None` when there is nothing to average.
pub(super) fn weighted_mean(items: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut weighted, mut total_weight, mut plain, mut count) = (0.0, 0.0, 0.0, 0usize);
    for (score, weight) in items {
        let weight = weight.max(0.0);
        weighted += score * weight;
        total_weight += weight;
        plain += score;
        count += 1;
    }
    if count == 0 {
        None
    } else if total_weight > 0.0 && total_weight.is_finite() {
        Some(weighted / total_weight)
    } else {
        Some(plain / count as f64)
    }
}

/// The objective's own score: its key results' scores averaged by weight
/// (a plain average if all weights are zero); `None` without key results.
/// Ignores roll-up; [`Scores`] applies it.
pub fn objective_score(objective: &Objective) -> Option<f64> {
    weighted_mean(
        objective
            .key_results
            .iter()
            .map(|kr| (key_result_score(kr).value, kr.weight)),
    )
}

fn objective_positions(plan: &Plan) -> FxHashMap<&Id, usize> {
    plan.objectives
        .iter()
        .enumerate()
        .map(|(i, o)| (&o.id, i))
        .collect()
}

/// A score rounded to one decimal, as tenths (0–10). Half-way scores round
/// up, even when float arithmetic lands a hair below (0.35 as 0.3499…).
pub fn tenths(score: f64) -> usize {
    (unit_interval(score) * 10.0 + 1e-9).round() as usize
}

/// Google's colour bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    Red,
    Yellow,
    Green,
}

impl Band {
    /// Text naming the range as well as the colour, so no view relies on colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Band::Red => "0.0–0.3 red",
            Band::Yellow => "0.4–0.6 yellow",
            Band::Green => "0.7–1.0 green",
        }
    }
}

/// The band of a score after rounding it to one decimal (0.35 is yellow, 0.65 green).
pub fn band(score: f64) -> Band {
    match tenths(score) {
        0..=3 => Band::Red,
        4..=6 => Band::Yellow,
        _ => Band::Green,
    }
}

/// How a final score compares with what its commitment expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Committed and delivered.
    Met,
    /// Committed but short of 1.0.
    NeedsExplanation,
    /// Aspirational, below the sweet spot.
    Below,
    /// Aspirational, 0.6–0.7.
    SweetSpot,
    /// Aspirational, above 0.7 but short of 1.0.
    Above,
    /// Aspirational and fully delivered.
    TooEasy,
}

impl Expectation {
    pub fn explanation(self) -> &'static str {
        match self {
            Expectation::Met => "Committed and delivered in full.",
            Expectation::NeedsExplanation => {
                "Committed but below 1.0: explain what got in the way."
            }
            Expectation::Below => "Below the 0.6–0.7 a stretch goal aims for.",
            Expectation::SweetSpot => "In the 0.6–0.7 sweet spot of a stretch goal.",
            Expectation::Above => "Above the 0.6–0.7 a stretch goal aims for.",
            Expectation::TooEasy => {
                "A stretch goal fully met: if this keeps happening, aim higher."
            }
        }
    }
}

/// Whether a score reads 1.0 at one decimal (0.95 and up), as the bands
/// round: a committed objective is met, and the next cycle leaves it behind.
pub fn finished(score: f64) -> bool {
    tenths(score) == 10
}

/// Compares after rounding to one decimal, like the bands: a committed
/// objective is met when [`finished`]; the aspirational sweet spot is
/// 0.6 and 0.7 (0.55 up to just below 0.75).
pub fn expectation(commitment: Commitment, score: f64) -> Expectation {
    let tenths = tenths(score);
    match commitment {
        Commitment::Committed if finished(score) => Expectation::Met,
        Commitment::Committed => Expectation::NeedsExplanation,
        Commitment::Aspirational => match tenths {
            0..=5 => Expectation::Below,
            6 | 7 => Expectation::SweetSpot,
            8 | 9 => Expectation::Above,
            _ => Expectation::TooEasy,
        },
    }
}

/// Where progress should be on the date if it grew evenly over the cycle:
/// 0.0 at the start, 1.0 at the end, clamped outside. A one-day cycle is
/// due in full on its day.
pub fn expected_progress(cycle: &Cycle, date: NaiveDate) -> f64 {
    let length = (cycle.end - cycle.start).num_days();
    if length <= 0 {
        return if date >= cycle.end { 1.0 } else { 0.0 };
    }
    let elapsed = (date - cycle.start).num_days();
    unit_interval(elapsed as f64 / length as f64)
}

/// Progress after each check-in, in date order (same-day check-ins in the
/// order entered). Overrides are final scores, not progress, so they do not show.
pub fn progress_series(kr: &KeyResult) -> Vec<(NaiveDate, f64)> {
    let mut check_ins: Vec<_> = kr.check_ins.iter().collect();
    check_ins.sort_by_key(|c| c.date); // stable: keeps the entry order within a day
    check_ins
        .into_iter()
        .map(|c| (c.date, progress(kr, c.value)))
        .collect()
}

/// The objective's progress after each date any of its key results was
/// checked in: the weighted average of each key result's progress as of that
/// date, a key result not yet checked in counting as 0.
pub fn objective_series(objective: &Objective) -> Vec<(NaiveDate, f64)> {
    let series: Vec<Vec<(NaiveDate, f64)>> =
        objective.key_results.iter().map(progress_series).collect();
    let mut dates: Vec<NaiveDate> = series.iter().flatten().map(|(d, _)| *d).collect();
    dates.sort_unstable();
    dates.dedup();
    dates
        .into_iter()
        .filter_map(|date| {
            let as_of = series
                .iter()
                .zip(&objective.key_results)
                .map(|(points, kr)| {
                    let reached = points.iter().take_while(|(d, _)| *d <= date).last();
                    (reached.map_or(0.0, |(_, p)| *p), kr.weight)
                });
            weighted_mean(as_of).map(|p| (date, p))
        })
        .collect()
}

/// The end-of-cycle picture. `objectives` counts every objective of the
/// cycle; the other counts leave out objectives that have no score (no key
/// results), since there is nothing to band.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CycleSummary {
    pub objectives: usize,
    /// Scored objectives per band: red, yellow, green.
    pub per_band: [usize; 3],
    pub committed_total: usize,
    /// Committed objectives scoring 1.0 after rounding to one decimal.
    pub committed_met: usize,
    /// `committed_met / committed_total`; `None` without committed objectives.
    pub committed_hit_rate: Option<f64>,
    /// The mean (unrounded) score of aspirational objectives; about 0.7 is healthy.
    pub aspirational_average: Option<f64>,
    /// Scored objectives per rounded score 0.0, 0.1, … 1.0.
    pub distribution: [usize; 11],
}

/// Summarises the cycle of `scores` (and so with their roll-up setting),
/// built or kept current for this version of the plan: the scoring view
/// passes the scores it keeps rather than scoring the cycle again.
pub fn summarize(plan: &Plan, scores: &Scores) -> CycleSummary {
    let mut summary = CycleSummary::default();
    let (mut aspirational_sum, mut aspirational_count) = (0.0, 0usize);
    let in_cycle = plan
        .objectives
        .iter()
        .enumerate()
        .filter(|&(at, _)| scores.in_cycle(at));
    for (at, objective) in in_cycle {
        summary.objectives += 1;
        let Some(score) = scores.objective_at(at) else {
            continue;
        };
        let band_slot = match band(score) {
            Band::Red => 0,
            Band::Yellow => 1,
            Band::Green => 2,
        };
        summary.per_band[band_slot] += 1;
        summary.distribution[tenths(score)] += 1;
        match objective.commitment {
            Commitment::Committed => {
                summary.committed_total += 1;
                if expectation(Commitment::Committed, score) == Expectation::Met {
                    summary.committed_met += 1;
                }
            }
            Commitment::Aspirational => {
                aspirational_sum += score;
                aspirational_count += 1;
            }
        }
    }
    summary.committed_hit_rate = (summary.committed_total > 0)
        .then(|| summary.committed_met as f64 / summary.committed_total as f64);
    summary.aspirational_average =
        (aspirational_count > 0).then(|| aspirational_sum / aspirational_count as f64);
    summary
}

/// An unfinished objective to carry into the next cycle, with the key results to take along.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pick {
    pub objective: Id,
    pub key_results: Vec<Id>,
}

fn refuse<T>(why: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(why.into()))
}

/// A fresh key result carrying on where the old one stopped: its latest
/// value becomes the new start; check-ins and any override stay behind.
fn carried_key_result(kr: &KeyResult, id: Id) -> KeyResult {
    KeyResult {
        id,
        title: kr.title.clone(),
        measure: kr.measure,
        start: kr.latest_check_in().map_or(kr.start, |c| c.value),
        target: kr.target,
        unit_of_measure: kr.unit_of_measure.clone(),
        weight: kr.weight,
        check_ins: Vec::new(),
        score_override: None,
    }
}

/// The picked objectives and key results, each checked to belong where the pick says.
fn picked_objectives<'a>(
    plan: &'a Plan,
    objective_at: &FxHashMap<&Id, usize>,
    from: &Cycle,
    picks: &[Pick],
) -> Result<Vec<(&'a Objective, Vec<&'a KeyResult>)>, EditError> {
    let mut picked = Vec::with_capacity(picks.len());
    let mut seen: FxHashSet<&Id> = FxHashSet::default();
    for pick in picks {
        let Some(objective) = objective_at
            .get(&pick.objective)
            .map(|&i| &plan.objectives[i])
            .filter(|o| o.cycle == from.id)
        else {
            return refuse(format!(
                "\"{}\" is not an objective of {}.",
                pick.objective, from.name
            ));
        };
        if !seen.insert(&objective.id) {
            return refuse(format!("\"{}\" is picked twice.", objective.title));
        }
        let mut key_results: Vec<&KeyResult> = Vec::with_capacity(pick.key_results.len());
        for id in &pick.key_results {
            let Some(kr) = objective.key_results.iter().find(|k| &k.id == id) else {
                return refuse(format!(
                    "The key result \"{id}\" is not part of \"{}\".",
                    objective.title
                ));
            };
            if key_results.iter().any(|k| k.id == kr.id) {
                return refuse(format!("The key result \"{}\" is picked twice.", kr.title));
            }
            key_results.push(kr);
        }
        picked.push((objective, key_results));
    }
    Ok(picked)
}

/// Carries unfinished objectives (and the picked key results) of cycle
/// `from` into `next`, as one edit that one undo reverts. The cycle is added
/// unless a cycle with its id exists. Each copy keeps its unit, commitment
/// and texts; its alignment points at the target's copy when the target was
/// carried too, stays when the target's cycle spans the next cycle (a year
/// objective), and is dropped otherwise, since it would point into the past.
pub fn rollover(
    plan: &Plan,
    from: &Id,
    next: Cycle,
    picks: &[Pick],
    new_id: &mut dyn FnMut(&str) -> Id,
) -> Result<Command, EditError> {
    let Some(from_cycle) = plan.cycle(from) else {
        return refuse(format!("The cycle \"{from}\" no longer exists."));
    };
    if &next.id == from {
        return refuse("Roll over into another cycle than the one that ended.");
    }
    if picks.is_empty() {
        return refuse("Nothing to roll over: pick at least one objective.");
    }
    let mut steps = Vec::new();
    let next = match plan.cycle(&next.id) {
        Some(existing) => existing.clone(),
        None => {
            if next.name.trim().is_empty() {
                return refuse("The next cycle needs a name.");
            }
            if next.end < next.start {
                return refuse("The next cycle ends before it starts.");
            }
            if plan.id_in_use(&next.id) {
                return refuse(format!("The id \"{}\" is already in use.", next.id));
            }
            steps.push(Command::InsertCycle {
                index: plan.cycles.len(),
                cycle: next.clone(),
            });
            next
        }
    };

    let objective_at = objective_positions(plan);
    let picked = picked_objectives(plan, &objective_at, from_cycle, picks)?;

    // Mint every id first, so links between carried objectives can be remapped.
    let key_result_count = picked
        .iter()
        .map(|(_, key_results)| key_results.len())
        .sum();
    let mut objective_copies: FxHashMap<&Id, Id> =
        FxHashMap::with_capacity_and_hasher(picked.len(), Default::default());
    let mut key_result_copies: FxHashMap<&Id, Id> =
        FxHashMap::with_capacity_and_hasher(key_result_count, Default::default());
    for (objective, key_results) in &picked {
        objective_copies.insert(&objective.id, new_id("o"));
        for kr in key_results {
            key_result_copies.insert(&kr.id, new_id("kr"));
        }
    }
    // New ids must be new: none twice, none the next cycle's (even one only
    // being added), none in use (validate checks them all). One pass over
    // the plan's ids, looked up among the new ones, rather than a set of all.
    let mut fresh: FxHashSet<&Id> =
        FxHashSet::with_capacity_and_hasher(picked.len() + key_result_count, Default::default());
    let mut minted = objective_copies.values().chain(key_result_copies.values());
    let clash = minted.find(|&id| !fresh.insert(id) || id == &next.id);
    if let Some(clash) = clash.or_else(|| plan.find_id(|id| fresh.contains(id))) {
        return refuse(format!("The new id \"{clash}\" is already in use."));
    }
    let all_key_results = plan.objectives.iter().map(|o| o.key_results.len()).sum();
    let mut key_result_owner: FxHashMap<&Id, usize> =
        FxHashMap::with_capacity_and_hasher(all_key_results, Default::default());
    key_result_owner.extend(
        (plan.objectives.iter().enumerate())
            .flat_map(|(o, objective)| objective.key_results.iter().map(move |k| (&k.id, o))),
    );
    let spans_next = |target: Option<usize>| {
        target
            .and_then(|o| plan.cycle(&plan.objectives[o].cycle))
            .is_some_and(|c| c.start <= next.start && next.end <= c.end)
    };
    let carried_link = |link: &Alignment| match link {
        Alignment::Objective(target) => match objective_copies.get(target) {
            Some(copy) => Some(Alignment::Objective(copy.clone())),
            None => spans_next(objective_at.get(target).copied()).then(|| link.clone()),
        },
        Alignment::KeyResult(target) => match key_result_copies.get(target) {
            Some(copy) => Some(Alignment::KeyResult(copy.clone())),
            None => spans_next(key_result_owner.get(target).copied()).then(|| link.clone()),
        },
    };

    let mut placed = Vec::with_capacity(picked.len());
    for (offset, (objective, key_results)) in picked.iter().enumerate() {
        let copy = Objective {
            id: objective_copies[&objective.id].clone(),
            title: objective.title.clone(),
            description: objective.description.clone(),
            unit: objective.unit.clone(),
            cycle: next.id.clone(),
            commitment: objective.commitment,
            aligned_to: objective.aligned_to.as_ref().and_then(carried_link),
            key_results: key_results
                .iter()
                .map(|kr| carried_key_result(kr, key_result_copies[&kr.id].clone()))
                .collect(),
            review: Review::default(),
        };
        placed.push((plan.objectives.len() + offset, copy));
    }
    steps.push(Command::InsertObjectives { placed });
    Ok(Command::Batch {
        label: format!("roll over into \"{}\"", next.name),
        steps,
    })
}
