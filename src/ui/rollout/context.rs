//! What the parts of the rollout view share: the selected phase, an index of
//! the org tree with every unit's status in every phase, the risks, the date
//! strategies start from, and which units are expanded.

use crate::model::rollout_plan::{
    adoption, phases_in_order, risks, status_table, AdoptionPoint, ObjectiveOwners, Risk,
};
use crate::model::{Aspects, Id, ParticipationStatus, Phase, Plan, UnitTree};
use crate::ui::clock::today;
use crate::ui::state::AppState;
use chrono::NaiveDate;
use leptos::prelude::*;
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Plans above this many units open with only the top two levels shown.
const EXPAND_ALL_UP_TO: usize = 60;

/// The plan's rollout seen as a table: phases by date, units in list order.
pub struct Index {
    pub phases: Vec<Phase>,
    /// `status[phase][unit]`.
    pub status: Vec<Vec<ParticipationStatus>>,
    /// Where each unit is, by id.
    tree: UnitTree,
    pub roots: Vec<Id>,
    children: Vec<Vec<Id>>,
}

impl Index {
    fn new(plan: &Plan) -> Self {
        let tree = UnitTree::new(plan);
        let id = |u: usize| plan.units[u].id.clone();
        Index {
            phases: phases_in_order(&plan.rollout)
                .into_iter()
                .cloned()
                .collect(),
            status: status_table(plan),
            roots: tree.roots.iter().map(|&r| id(r)).collect(),
            children: (0..plan.units.len())
                .map(|u| tree.children(u).iter().map(|&c| id(c)).collect())
                .collect(),
            tree,
        }
    }

    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.tree.unit(id)
    }

    pub fn unit_count(&self) -> usize {
        self.children.len()
    }

    pub fn children(&self, unit: usize) -> &[Id] {
        &self.children[unit]
    }

    /// The first phase in which the unit is active.
    pub fn starts_in(&self, unit: usize) -> Option<usize> {
        self.status
            .iter()
            .position(|row| row[unit] == ParticipationStatus::Active)
    }

    /// How many units are active, view-only and not started in a phase.
    pub fn counts(&self, phase: usize) -> [usize; 3] {
        let mut counts = [0; 3];
        for status in &self.status[phase] {
            counts[slot(*status)] += 1;
        }
        counts
    }

    /// Units active in a phase that were not active in the phase before.
    pub fn newly_active(&self, phase: usize) -> usize {
        (0..self.status[phase].len())
            .filter(|&u| {
                self.status[phase][u] == ParticipationStatus::Active
                    && (phase == 0 || self.status[phase - 1][u] != ParticipationStatus::Active)
            })
            .count()
    }

    pub fn position(&self, phase: &Id) -> Option<usize> {
        self.phases.iter().position(|p| &p.id == phase)
    }
}

/// The order statuses are listed in everywhere: active, view-only, not started.
pub fn slot(status: ParticipationStatus) -> usize {
    match status {
        ParticipationStatus::Active => 0,
        ParticipationStatus::ViewOnly => 1,
        ParticipationStatus::NotStarted => 2,
    }
}

pub const STATUSES: [ParticipationStatus; 3] = [
    ParticipationStatus::Active,
    ParticipationStatus::ViewOnly,
    ParticipationStatus::NotStarted,
];

pub fn status_label(status: ParticipationStatus) -> &'static str {
    ["Active", "View-only", "Not started"][slot(status)]
}

/// A shape for each status, so colour is never the only cue.
pub fn status_mark(status: ParticipationStatus) -> &'static str {
    ["●", "◐", "○"][slot(status)]
}

pub fn status_class(status: ParticipationStatus) -> &'static str {
    ["active", "view-only", "not-started"][slot(status)]
}

#[derive(Clone, Copy)]
pub struct Rollout {
    pub state: AppState,
    pub today: NaiveDate,
    pub index: Memo<Arc<Index>>,
    /// The phase the user picked, if any.
    pub chosen_phase: RwSignal<Option<Id>>,
    /// The phase shown, by position: the one picked while it exists, else the
    /// one in force today, else the first.
    pub phase: Memo<Option<usize>>,
    /// Which units have objectives in which cycle: kept across rollout
    /// edits, which then need not go over every objective.
    pub owners: Memo<Arc<ObjectiveOwners>>,
    pub risks: Memo<Arc<Vec<Risk>>>,
    /// Adoption at each phase's start, for the chart and the rollout's OKRs.
    pub adoption: Memo<Arc<Vec<AdoptionPoint>>>,
    pub expanded: RwSignal<FxHashSet<Id>>,
    /// The unit being dragged onto a phase.
    pub dragging: RwSignal<Option<Id>>,
    /// Where proposals and comparisons start.
    pub start: RwSignal<NaiveDate>,
}

impl Rollout {
    pub fn new(state: AppState) -> Self {
        let today = today();
        // Rebuilt once per edit of the units or the rollout; every row reads it in O(1).
        let index = state.index_of(Aspects::UNITS.union(Aspects::ROLLOUT), Index::new);
        let chosen_phase = RwSignal::new(None::<Id>);
        let phase = Memo::new(move |_| {
            let chosen = chosen_phase.get();
            index.with(|ix| {
                chosen
                    .and_then(|id| ix.position(&id))
                    .or_else(|| ix.phases.iter().rposition(|p| p.start <= today))
                    .or((!ix.phases.is_empty()).then_some(0))
            })
        });
        let owners = state.index_of(Aspects::LAYOUT, ObjectiveOwners::new);
        let risks = Memo::new_with_compare(
            move |_| {
                let read = Aspects::UNITS
                    .union(Aspects::LAYOUT)
                    .union(Aspects::ROLLOUT);
                owners
                    .with(|owners| state.with_aspects(read, |p| Arc::new(risks(p, owners, today))))
            },
            |_, _| true,
        );
        let adoption = state.index_of(Aspects::UNITS.union(Aspects::ROLLOUT), adoption);
        let (expanded, start) = state.editor.with_untracked(|e| {
            let plan = e.plan();
            let first = phases_in_order(&plan.rollout).first().map(|p| p.start);
            (initially_expanded(plan), first.unwrap_or(today))
        });
        Rollout {
            state,
            today,
            index,
            chosen_phase,
            phase,
            owners,
            risks,
            adoption,
            expanded: RwSignal::new(expanded),
            dragging: RwSignal::new(None),
            start: RwSignal::new(start),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Rollout>()
    }

    /// The shown phase's id and name, tracked.
    pub fn selected_phase(&self) -> Option<(Id, String)> {
        let at = self.phase.get()?;
        self.index
            .with(|ix| ix.phases.get(at).map(|p| (p.id.clone(), p.name.clone())))
    }

    pub fn toggle(&self, unit: &Id) {
        self.expanded.update(|set| {
            if !set.remove(unit) {
                set.insert(unit.clone());
            }
        });
    }
}

/// Small plans open fully expanded; big ones show the roots and their children.
fn initially_expanded(plan: &Plan) -> FxHashSet<Id> {
    let small = plan.units.len() <= EXPAND_ALL_UP_TO;
    plan.units
        .iter()
        .filter(|u| small || u.parent.is_none())
        .map(|u| u.id.clone())
        .collect()
}
