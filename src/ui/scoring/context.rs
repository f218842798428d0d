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
    /// Every score of the cycle, kept current edit by edit.
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

/// What the scores are built on: units and layout, a re-score from scratch each.
const STRUCTURE: Aspects = Aspects::UNITS.union(Aspects::LAYOUT);

/// The cycle's scores: built afresh when the cycle, units or layout change;
/// after check-ins and new values, brought up to date for just the
/// objectives changed (a check-in at 10,000 objectives re-scores a handful).
fn cycle_scores(
    state: AppState,
    cycle: Memo<Option<Id>>,
    positions: Memo<Arc<ObjectiveIndex>>,
) -> Memo<Arc<Option<Scores>>> {
    let editor = state.editor;
    let structure = Memo::new(move |_| editor.with(|e| e.revision_of(STRUCTURE)));
    let measures = Memo::new(move |_| editor.with(|e| e.revision_of(Aspects::MEASURES)));
    // What the current scores were built for: cycle, structure and measures revisions.
    let built = StoredValue::new(None::<(Option<Id>, u64, u64)>);
    Memo::new_owning(move |previous: Option<Arc<Option<Scores>>>| {
        let now = (cycle.get(), structure.get(), measures.get());
        let positions = positions.get();
        let scores = editor.with_untracked(|e| {
            let same_structure = built
                .get_value()
                .filter(|(cycle, structure, _)| (cycle, *structure) == (&now.0, now.1));
            let changed = same_structure.and_then(|(_, _, since)| e.measures_changed_since(since));
            if let (Some(mut scores), Some(changed)) = (previous, changed) {
                let updated = Arc::make_mut(&mut scores)
                    .as_mut()
                    .is_some_and(|s| s.rescore(e.plan(), &changed));
                if updated {
                    return scores;
                }
            }
            let cycle = now.0.as_ref();
            Arc::new(cycle.map(|c| Scores::with_positions(e.plan(), c, positions)))
        });
        built.set_value(Some(now));
        (scores, true)
    })
}

impl Scoring {
    pub fn new(state: AppState) -> Self {
        let cycle = CycleChoice::new(state);
        let positions = state.index_of(Aspects::LAYOUT, ObjectiveIndex::new);
        let scores = cycle_scores(state, cycle.current, positions);
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
