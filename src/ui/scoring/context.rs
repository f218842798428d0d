//! What the parts of the scoring view share: the cycle, the scores, filters.

use crate::model::scoring::Scores;
use crate::model::{Aspects, Id};
use crate::ui::cycle::CycleChoice;
use crate::ui::state::AppState;
use leptos::prelude::*;
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
}

impl Scoring {
    pub fn new(state: AppState) -> Self {
        let cycle = CycleChoice::new(state);
        let scores = state.index_of(
            Aspects::UNITS
                .union(Aspects::LAYOUT)
                .union(Aspects::MEASURES),
            move |p| cycle.current.get().map(|c| Scores::new(p, &c)),
        );
        Scoring {
            state,
            cycle,
            scores,
            subtree: RwSignal::new(None),
            order: RwSignal::new(Order::Plan),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Scoring>()
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
            let units: Option<Vec<&Id>> = subtree.as_ref().map(|root| {
                p.subtree(root)
                    .into_iter()
                    .map(|i| &p.units[i].id)
                    .collect()
            });
            p.objectives
                .iter()
                .filter(|o| Some(&o.cycle) == cycle.as_ref())
                .filter(|o| units.as_ref().is_none_or(|units| units.contains(&&o.unit)))
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
