//! What the parts of the scoring view share: the cycle, the scores, filters.

use crate::model::scoring::{KrScore, Scores};
use crate::model::{Aspects, Id, KeyResult, Objective, ObjectiveIndex, Plan};
use crate::ui::cycle::CycleChoice;
use crate::ui::keyed_triggers::KeyedTriggers;
use crate::ui::relay::Relayed;
use crate::ui::state::AppState;
use crate::ui::widgets::PAGE;
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
    /// Every score of the cycle, kept current edit by edit. Read one
    /// objective's through [`Self::objective_score_at`], which follows only it.
    pub scores: Relayed<Arc<Option<Scores>>>,
    /// What the latest update of `scores` changed.
    last_update: StoredValue<ScoresUpdate>,
    /// The readers of single objectives' scores in one view (none outside a
    /// view: a reader there follows every update).
    readers: Option<ScoreReaders>,
    /// Show only this unit and the units below it.
    pub subtree: RwSignal<Option<Id>>,
    pub order: RwSignal<Order>,
    /// How many of the visible objectives are drawn; "Show more" adds a page.
    pub shown: RwSignal<usize>,
    /// Where each objective and key result sits, for lookups in O(1).
    positions: Relayed<Arc<ObjectiveIndex>>,
    /// The cycle's objectives under the chosen unit, in plan order, with their
    /// positions: rebuilt when units, layout, cycle or unit change.
    in_view: Relayed<Arc<Vec<(usize, Id)>>>,
    /// The unit filter's unit while the plan has it (deleted, or another
    /// plan opened, the whole organisation shows).
    pub unit_in_view: Relayed<Option<Id>>,
}

/// What the scores are built on: units and layout, a re-score from scratch each.
const STRUCTURE: Aspects = Aspects::UNITS.union(Aspects::LAYOUT);

/// The latest update of the scores: its number, counted from the start,
/// and the positions of the objectives it re-scored (`None`: scored afresh).
#[derive(Default)]
struct ScoresUpdate {
    number: u64,
    rescored: Option<Vec<usize>>,
}

impl ScoresUpdate {
    fn record(&mut self, rescored: Option<Vec<usize>>) {
        self.number += 1;
        self.rescored = rescored;
    }
}

/// The readers of single objectives' scores in one view, by position. A
/// check-in re-scores a handful of objectives; with hundreds of cards drawn,
/// waking every card's score to compare took 25–40 ms at each check-in.
#[derive(Clone, Copy)]
struct ScoreReaders {
    by_position: KeyedTriggers<usize>,
    /// Notified when the scores are built afresh.
    any: Trigger,
    /// The view's owner, until its first reader starts the effect that passes
    /// updates on: a view that reads no single score does not score at all.
    owner: StoredValue<Option<Owner>>,
}

impl ScoreReaders {
    /// Readers for the view being built, under its owner.
    fn for_view() -> Option<Self> {
        Some(ScoreReaders {
            by_position: KeyedTriggers::default(),
            any: Trigger::new(),
            owner: StoredValue::new(Some(Owner::current()?)),
        })
    }
}

/// The cycle's scores: built afresh when the cycle, units or layout change;
/// after check-ins and new values, brought up to date for just the
/// objectives changed (a check-in at 10,000 objectives re-scores a handful).
/// Each update records what it changed in `last_update`.
fn cycle_scores(
    state: AppState,
    cycle: Relayed<Option<Id>>,
    positions: Memo<Arc<ObjectiveIndex>>,
    last_update: StoredValue<ScoresUpdate>,
) -> Memo<Arc<Option<Scores>>> {
    let editor = state.editor;
    let structure = Memo::new(move |_| state.revision_of(STRUCTURE));
    let measures = Memo::new(move |_| state.revision_of(Aspects::MEASURES));
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
                    .and_then(|s| s.rescore(e.plan(), &changed));
                if updated.is_some() {
                    last_update.update_value(|u| u.record(updated));
                    return scores;
                }
            }
            last_update.update_value(|u| u.record(None));
            let cycle = now.0.as_ref();
            Arc::new(cycle.map(|c| Scores::with_positions(e.plan(), c, positions)))
        });
        built.set_value(Some(now));
        (scores, true)
    })
}

impl Scoring {
    pub fn new(state: AppState, cycle: CycleChoice, positions: Memo<Arc<ObjectiveIndex>>) -> Self {
        let last_update = StoredValue::new(ScoresUpdate::default());
        let scores = cycle_scores(state, cycle.current, positions, last_update);
        let subtree = RwSignal::new(None);
        let current = cycle.current;
        let unit_in_view = Memo::new(move |_| {
            let chosen = subtree.get();
            state.with_aspects(Aspects::UNITS, |p| chosen.filter(|u| p.unit(u).is_some()))
        });
        let in_view = state.index_of(STRUCTURE, move |p| {
            objectives_in_view(p, current.get().as_ref(), unit_in_view.get().as_ref())
        });
        let scoring = Scoring {
            state,
            cycle,
            scores: Relayed::new(scores),
            last_update,
            readers: None,
            subtree,
            order: RwSignal::new(Order::Plan),
            shown: RwSignal::new(PAGE),
            positions: Relayed::new(positions),
            in_view: Relayed::new(in_view),
            unit_in_view: Relayed::new(unit_in_view),
        };
        // Another cycle, unit or order starts again from the first page, even
        // when the cycle changes in another view.
        Effect::watch(
            move || scoring.list_choice(),
            move |_, _, _| scoring.shown.set(PAGE),
            false,
        );
        scoring
    }

    /// What picks the objectives listed and their order, tracked: cycle, unit
    /// and order. A change lists other objectives, from the first page.
    pub fn list_choice(&self) -> (Option<Id>, Option<Id>, Order) {
        (
            self.cycle.current.get(),
            self.subtree.get(),
            self.order.get(),
        )
    }

    pub fn expect() -> Self {
        expect_context::<Scoring>()
    }

    /// The scoring as one view reads it, with `state` and `cycle` (see
    /// [`AppState::for_view`]).
    pub fn for_view(self, state: AppState, cycle: CycleChoice) -> Self {
        Scoring {
            state,
            cycle,
            scores: self.scores.for_view(),
            readers: ScoreReaders::for_view(),
            positions: self.positions.for_view(),
            in_view: self.in_view.for_view(),
            unit_in_view: self.unit_in_view.for_view(),
            ..self
        }
    }

    /// Where an objective is in the plan, tracked. It changes only with the
    /// layout: a row that keeps it reads its objective and score by position
    /// on every other edit, without hashing its id.
    pub fn objective_position(&self, id: &Id) -> Option<usize> {
        self.positions.with(|ix| ix.objective(id))
    }

    /// A copy of the objective at `at` if it is still `id`, tracked.
    pub fn objective_at(&self, at: usize, id: &Id) -> Option<Objective> {
        self.state
            .with_objective(id, |p| p.objective_at(at, id).cloned())
    }

    /// A copy of one key result, tracked.
    pub fn key_result(&self, id: &Id) -> Option<KeyResult> {
        self.positions
            .with(|ix| self.state.with_plan(|p| ix.key_result_in(p, id).cloned()))
    }

    pub fn objective_score(&self, id: &Id) -> Option<f64> {
        self.objective_score_at(self.objective_position(id)?)
    }

    /// The score of the objective at `at` (see [`Self::objective_position`]),
    /// tracked: the caller re-runs when that objective is re-scored.
    pub fn objective_score_at(&self, at: usize) -> Option<f64> {
        self.follow_score(at);
        self.scores
            .with_untracked(|s| s.as_ref().as_ref().and_then(|s| s.objective_at(at)))
    }

    /// The score of the key result at `(o, k)`, tracked as its objective's.
    pub fn key_result_score_at(&self, (o, k): (usize, usize)) -> Option<KrScore> {
        self.follow_score(o);
        self.scores
            .with_untracked(|s| s.as_ref().as_ref().and_then(|s| s.key_result_at(o, k)))
    }

    fn follow_score(&self, at: usize) {
        let Some(readers) = self.readers else {
            return self.scores.with(|_| ());
        };
        if let Some(owner) = readers.owner.try_update_value(Option::take).flatten() {
            let scoring = *self;
            owner.with(|| Effect::new(move |seen| scoring.pass_on_updates(readers, seen)));
        }
        readers.any.track();
        readers.by_position.track(&at);
    }

    /// Follows the scores and notifies the readers of the objectives each
    /// update re-scored (the view's effect, started by its first reader);
    /// returns the number of the update passed on.
    fn pass_on_updates(&self, readers: ScoreReaders, seen: Option<u64>) -> u64 {
        // Read, not only tracked: this brings the scores up to date.
        self.scores.with(|_| ());
        let (number, rescored) = self
            .last_update
            .with_value(|u| (u.number, u.rescored.clone()));
        match (seen, rescored) {
            // The first run follows the drawing of the readers, which read
            // the scores as they were then.
            (None, _) => {}
            (Some(seen), _) if seen == number => {}
            (Some(seen), Some(positions)) if seen + 1 == number => {
                readers.by_position.notify(&positions)
            }
            // Scored afresh (positions may have moved), or updates missed.
            _ => {
                readers.by_position.forget_all();
                readers.any.notify();
            }
        }
        number
    }

    /// The objectives shown, filtered by unit subtree and sorted as chosen.
    /// In plan order a check-in changes nothing here, so nothing is redone.
    pub fn visible_objectives(&self) -> Vec<Id> {
        let order = self.order.get();
        let in_view = self.in_view.get();
        if order == Order::Plan {
            return in_view.iter().map(|(_, id)| id.clone()).collect();
        }
        let mut scored: Vec<(Option<f64>, &Id)> = self.scores.with(|scores| {
            let score = |at: usize| scores.as_ref().as_ref()?.objective_at(at);
            in_view.iter().map(|(at, id)| (score(*at), id)).collect()
        });
        // Unscored objectives go last either way.
        scored.sort_by(|(a, _), (b, _)| {
            let key = |s: &Option<f64>| s.unwrap_or(f64::NAN);
            match order {
                Order::LowestFirst => key(a).total_cmp(&key(b)),
                _ => key(b).total_cmp(&key(a)),
            }
        });
        if order == Order::HighestFirst {
            let unscored = scored.iter().take_while(|(s, _)| s.is_none()).count();
            scored.rotate_left(unscored);
        }
        scored.into_iter().map(|(_, id)| id.clone()).collect()
    }
}

/// The cycle's objectives under `subtree` (or in the whole organisation), in
/// plan order, with their positions.
fn objectives_in_view(plan: &Plan, cycle: Option<&Id>, subtree: Option<&Id>) -> Vec<(usize, Id)> {
    let units: Option<FxHashSet<&Id>> = subtree.map(|root| {
        plan.subtree(root)
            .into_iter()
            .map(|i| &plan.units[i].id)
            .collect()
    });
    plan.objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| Some(&o.cycle) == cycle)
        .filter(|(_, o)| units.as_ref().is_none_or(|units| units.contains(&o.unit)))
        .map(|(at, o)| (at, o.id.clone()))
        .collect()
}
