//! What the parts of the scoring view share: the cycle, the scores, filters.

use crate::model::scoring::Scores;
use crate::model::{Aspects, Id, KeyResult, Objective, ObjectiveIndex};
use crate::ui::cycle::CycleChoice;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rustc_hash::FxHashSet;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Plan,
    LowestFirst,
    HighestFirst,
}

#[derive(Clone, Copy)]
pub struct Scoring {
    pub state: AppState,
    pub cycle: CycleChoice,
    /// Every score of the cycle, computed once per change of plan or cycle.
    pub scores: Memo<Arc<Option<Scores>>>,
    /// Show only this unit and the units below it.
    pub subtree: RwSignal<Option<Id>>,
    pub order: RwSignal<Order>,
    /// How many of the visible objectives are drawn; "Show more" adds a page.
    pub shown: RwSignal<usize>,
    /// Where each objective and key result sits, for lookups in O(1).
    positions: Memo<Arc<ObjectiveIndex>>,
}

/// Objectives drawn at first, and added by each "Show more".
pub const PAGE: usize = 50;

impl Scoring {
    pub fn new(state: AppState) -> Self {
        let cycle = CycleChoice::new(state);
        let positions = state.index_of(Aspects::LAYOUT, ObjectiveIndex::new);
        let scores = state.index_of(
            Aspects::UNITS
                .union(Aspects::LAYOUT)
                .union(Aspects::MEASURES),
            move |p| {
                let positions = positions.get();
                cycle
                    .current
                    .get()
                    .map(|c| Scores::with_positions(p, &c, positions))
            },
        );
        Scoring {
            state,
            cycle,
            scores,
            subtree: RwSignal::new(None),
            order: RwSignal::new(Order::Plan),
            shown: RwSignal::new(PAGE),
            positions,
        }
    }

    pub fn expect() -> Self {
        expect_context::<Scoring>()
    }

    /// A copy of one objective, tracked.
    pub fn objective(&self, id: &Id) -> Option<Objective> {
        self.positions
            .with(|ix| self.state.with_plan(|p| ix.objective_in(p, id).cloned()))
    }

    /// A copy of one key result, tracked.
    pub fn key_result(&self, id: &Id) -> Option<KeyResult> {
        self.positions
            .with(|ix| self.state.with_plan(|p| ix.key_result_in(p, id).cloned()))
    }

    pub fn objective_score(&self, id: &Id) -> Option<f64> {
        self.scores
            .with(|s| s.as_ref().as_ref().and_then(|s| s.objective(id)))
    }

    /// The objectives shown, filtered by unit subtree and sorted as chosen.
    pub fn visible_objectives(&self) -> Vec<Id> {
        let cycle = self.cycle.current.get();
        let subtree = self.subtree.get();
        let order = self.order.get();
        let mut ids: Vec<(Id, Option<f64>)> = self.state.with_plan(|p| {
            let units: Option<FxHashSet<&Id>> = subtree.as_ref().map(|root| {
                p.subtree(root)
                    .into_iter()
                    .map(|i| &p.units[i].id)
                    .collect()
            });
            p.objectives
                .iter()
                .filter(|o| Some(&o.cycle) == cycle.as_ref())
                .filter(|o| units.as_ref().is_none_or(|units| units.contains(&o.unit)))
                .map(|o| (o.id.clone(), None))
                .collect()
        });
        if order != Order::Plan {
            for (id, score) in &mut ids {
                *score = self.objective_score(id);
            }
            // Unscored objectives go last either way.
            ids.sort_by(|(_, a), (_, b)| {
                let key = |s: &Option<f64>| s.unwrap_or(f64::NAN);
                match order {
                    Order::LowestFirst => key(a).total_cmp(&key(b)),
                    _ => key(b).total_cmp(&key(a)),
                }
            });
            if order == Order::HighestFirst {
                let unscored = ids.iter().take_while(|(_, s)| s.is_none()).count();
                ids.rotate_left(unscored);
            }
        }
        ids.into_iter().map(|(id, _)| id).collect()
    }
}
