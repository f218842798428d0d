//! What the parts of the cascade view share: the chosen cycle, the index of
//! the cascade, warnings, selection and expansion.

use crate::model::quality::{warnings, Subject, Warning};
use crate::model::{find_unit, CascadeIndex, Id, Objective};
use crate::ui::cycle::CycleChoice;
use crate::ui::state::AppState;
use crate::ui::unit_filter::unit_choices;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Cascade {
    pub state: AppState,
    pub cycle_choice: CycleChoice,
    /// The cycle shown (see [`CycleChoice`]).
    pub cycle: Memo<Option<Id>>,
    pub index: Memo<Arc<CascadeIndex>>,
    pub warnings: Memo<Arc<HashMap<Subject, Vec<Warning>>>>,
    pub selected: RwSignal<Option<Id>>,
    /// Units opened or closed by hand; the rest follow the plan's size.
    toggled: RwSignal<HashMap<Id, bool>>,
    /// Small plans open fully; large ones show only their top level at first.
    open_by_default: Memo<bool>,
    /// The unit being dragged in the outline.
    pub dragging: RwSignal<Option<Id>>,
    /// Every unit with its path, in unit order; changes only when units do.
    pub unit_choices: Memo<Arc<Vec<(Id, String)>>>,
}

/// Plans above this many units open with only the top level expanded.
const EXPAND_ALL_UP_TO: usize = 60;

impl Cascade {
    pub fn new(state: AppState) -> Self {
        let cycle_choice = CycleChoice::new(state);
        let cycle = cycle_choice.current;
        // Rebuilt once per change of plan or cycle; every node reads it in O(1).
        let index = Memo::new_with_compare(
            move |_| {
                let cycle = cycle.get();
                state.with_plan(|p| Arc::new(CascadeIndex::new(p, cycle.as_ref())))
            },
            |_, _| true,
        );
        let warnings = Memo::new_with_compare(
            move |_| {
                let cycle = cycle.get();
                state.with_plan(|p| {
                    let mut by_subject: HashMap<Subject, Vec<Warning>> = HashMap::new();
                    if let Some(cycle) = cycle {
                        for w in warnings(p, &cycle) {
                            by_subject.entry(w.subject.clone()).or_default().push(w);
                        }
                    }
                    Arc::new(by_subject)
                })
            },
            |_, _| true,
        );
        let open_by_default =
            Memo::new(move |_| state.with_plan(|p| p.units.len() <= EXPAND_ALL_UP_TO));
        let unit_choices = unit_choices(state);
        Cascade {
            state,
            cycle_choice,
            cycle,
            index,
            warnings,
            selected: RwSignal::new(None),
            toggled: RwSignal::new(HashMap::new()),
            open_by_default,
            dragging: RwSignal::new(None),
            unit_choices,
        }
    }

    pub fn expect() -> Self {
        expect_context::<Cascade>()
    }

    /// A copy of one objective, tracked: views re-render only when it changes.
    pub fn objective(&self, id: &Id) -> Option<Objective> {
        let position = self.index.with(|ix| ix.objective(id))?;
        self.state
            .with_plan(|p| p.objectives.get(position).filter(|o| &o.id == id).cloned())
    }

    /// A unit's path ("Company › Sales"), tracked.
    pub fn path_of(&self, unit: &Id) -> String {
        let position = self.index.with(|ix| ix.unit(unit));
        self.unit_choices.with(|choices| {
            position
                .and_then(|i| choices.get(i))
                .filter(|(id, _)| id == unit)
                .map(|(_, path)| path.clone())
                .unwrap_or_default()
        })
    }

    /// The unit a typed text names: its full path, or a name only one unit has.
    pub fn find_unit(&self, text: &str) -> Option<Id> {
        self.unit_choices
            .with_untracked(|choices| find_unit(choices, text).cloned())
    }

    pub fn warnings_for(&self, subject: &Subject) -> Vec<Warning> {
        self.warnings
            .with(|w| w.get(subject).cloned().unwrap_or_default())
    }

    /// Whether a unit shows what is inside it (tracked). Roots start open.
    pub fn is_expanded(&self, unit: &Id, is_root: bool) -> bool {
        self.toggled
            .with(|t| t.get(unit).copied())
            .unwrap_or_else(|| is_root || self.open_by_default.get())
    }

    pub fn set_expanded(&self, unit: &Id, open: bool) {
        self.toggled.update(|t| {
            t.insert(unit.clone(), open);
        });
    }

    pub fn set_all_expanded(&self, open: bool) {
        let all: HashMap<Id, bool> = self.state.editor.with_untracked(|e| {
            e.plan()
                .units
                .iter()
                .map(|u| (u.id.clone(), open))
                .collect()
        });
        self.toggled.set(all);
    }
}
