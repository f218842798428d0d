//! Which parts of a plan an edit touched, so that views keep whole-plan
//! indexes (the cascade index, warnings, scores) until something they read
//! changes: retitling an objective in a plan of 10,000 should not rebuild
//! them all.

use super::{Command, KeyResult, Objective, Plan};

/// A set of the parts of a plan, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aspects(u8);

impl Aspects {
    pub const NONE: Aspects = Aspects(0);
    /// The units: names, kinds, parents, headcounts, order.
    pub const UNITS: Aspects = Aspects(1);
    /// What hangs where: cycles, which objectives exist and their order,
    /// their unit, cycle and alignment, their key results' ids, the
    /// settings, and a part's scope and references.
    pub const LAYOUT: Aspects = Aspects(1 << 1);
    /// What scores read: commitments and key results' measures, targets,
    /// weights, check-ins and overrides.
    pub const MEASURES: Aspects = Aspects(1 << 2);
    /// The rollout programme: strategy, phases, participation, roles,
    /// readiness, events, cadence.
    pub const ROLLOUT: Aspects = Aspects(1 << 3);
    /// Words only: the plan's name, titles, descriptions, reviews, units of measure.
    pub const TEXT: Aspects = Aspects(1 << 4);
    pub const ALL: Aspects = Aspects(0b1_1111);
    /// How many aspects there are (one bit each).
    pub const COUNT: usize = 5;

    pub const fn union(self, other: Aspects) -> Aspects {
        Aspects(self.0 | other.0)
    }

    pub fn intersects(self, other: Aspects) -> bool {
        self.0 & other.0 != 0
    }

    /// Each aspect on its own, as its bit position.
    pub fn bits(self) -> impl Iterator<Item = usize> {
        (0..Self::COUNT).filter(move |bit| self.0 & (1 << bit) != 0)
    }

    /// What an edit touched, given the command that reverts it and the plan
    /// after it. An objective replaced by id is compared field by field; a
    /// step whose target is gone counts as touching everything.
    pub fn of_edit(inverse: &Command, plan: &Plan) -> Aspects {
        match inverse {
            Command::RenamePlan(_) => Aspects::TEXT,
            Command::ReplacePlan(_) => Aspects::ALL,
            Command::InsertCycle { .. } | Command::RemoveCycle { .. } => Aspects::LAYOUT,
            Command::SetSettings(_) => Aspects::LAYOUT,
            Command::InsertUnit { .. }
            | Command::RemoveUnit { .. }
            | Command::UpdateUnit(_)
            | Command::ReorderUnit { .. } => Aspects::UNITS,
            Command::InsertObjectives { .. }
            | Command::RemoveObjectives { .. }
            | Command::ReorderObjective { .. } => OBJECTIVE_LIST,
            Command::UpdateObjective(before) => match plan.objective(&before.id) {
                Some(after) => objective_change(before, after),
                None => Aspects::ALL,
            },
            Command::InsertParticipation { .. }
            | Command::RemoveParticipation { .. }
            | Command::SetRoles(_)
            | Command::SetRolloutPlan { .. }
            | Command::SetEvents(_)
            | Command::SetReadiness(_)
            | Command::SetCadence(_) => Aspects::ROLLOUT,
            Command::Batch { steps, .. } => steps.iter().fold(Aspects::NONE, |all, step| {
                all.union(Aspects::of_edit(step, plan))
            }),
        }
    }
}

/// Objectives or key results added, removed or reordered: their place, scores and words.
const OBJECTIVE_LIST: Aspects = Aspects::LAYOUT
    .union(Aspects::MEASURES)
    .union(Aspects::TEXT);

fn objective_change(before: &Objective, after: &Objective) -> Aspects {
    let krs = (&before.key_results, &after.key_results);
    if krs.0.len() != krs.1.len() || krs.0.iter().zip(krs.1).any(|(a, b)| a.id != b.id) {
        // Everything an objective can touch.
        return OBJECTIVE_LIST;
    }
    let mut changed = Aspects::NONE;
    let mut mark = |differs: bool, aspect: Aspects| {
        if differs {
            changed = changed.union(aspect);
        }
    };
    mark(
        before.unit != after.unit
            || before.cycle != after.cycle
            || before.aligned_to != after.aligned_to,
        Aspects::LAYOUT,
    );
    mark(
        before.commitment != after.commitment
            || krs.0.iter().zip(krs.1).any(|(a, b)| measures_differ(a, b)),
        Aspects::MEASURES,
    );
    mark(
        before.title != after.title
            || before.description != after.description
            || before.review != after.review
            || krs
                .0
                .iter()
                .zip(krs.1)
                .any(|(a, b)| a.title != b.title || a.unit_of_measure != b.unit_of_measure),
        Aspects::TEXT,
    );
    changed
}

fn measures_differ(a: &KeyResult, b: &KeyResult) -> bool {
    a.measure != b.measure
        || a.start.to_bits() != b.start.to_bits()
        || a.target.to_bits() != b.target.to_bits()
        || a.weight.to_bits() != b.weight.to_bits()
        || a.check_ins != b.check_ins
        || a.score_override != b.score_override
}
