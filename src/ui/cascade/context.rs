//! What the parts of the cascade view share: the chosen cycle, the index of
//! the cascade, warnings, selection and expansion.

use crate::model::quality::{warnings, Subject, Warning};
use crate::model::{CascadeIndex, Id, Objective, Plan};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Cascade {
    pub state: AppState,
    pub cycle: RwSignal<Option<Id>>,
    pub index: Memo<Arc<CascadeIndex>>,
    pub warnings: Memo<Arc<HashMap<Subject, Vec<Warning>>>>,
    pub selected: RwSignal<Option<Id>>,
    pub expanded: RwSignal<HashSet<Id>>,
    /// The unit being dragged in the outline.
    pub dragging: RwSignal<Option<Id>>,
}

/// Plans above this many units open with only the top level expanded.
const EXPAND_ALL_UP_TO: usize = 60;

impl Cascade {
    pub fn new(state: AppState, cycle: Option<Id>) -> Self {
        let cycle = RwSignal::new(cycle);
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
        let expanded = state
            .editor
            .with_untracked(|e| initially_expanded(e.plan()));
        Cascade {
            state,
            cycle,
            index,
            warnings,
            selected: RwSignal::new(None),
            expanded: RwSignal::new(expanded),
            dragging: RwSignal::new(None),
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

    pub fn warnings_for(&self, subject: &Subject) -> Vec<Warning> {
        self.warnings
            .with(|w| w.get(subject).cloned().unwrap_or_default())
    }

    pub fn toggle(&self, unit: &Id) {
        self.expanded.update(|set| {
            if !set.remove(unit) {
                set.insert(unit.clone());
            }
        });
    }
}

fn initially_expanded(plan: &Plan) -> HashSet<Id> {
    let small = plan.units.len() <= EXPAND_ALL_UP_TO;
    plan.units
        .iter()
        .filter(|u| small || u.parent.is_none())
        .map(|u| u.id.clone())
        .collect()
}

/// "Fernhill Cycles › Engineering › Platform group": where a unit sits.
pub fn unit_path(plan: &Plan, unit: &Id) -> String {
    let mut names = Vec::new();
    let mut current = plan.unit_index(unit);
    while let Some(i) = current {
        names.push(plan.units[i].name.as_str());
        if names.len() > plan.units.len() {
            break;
        }
        current = plan.units[i]
            .parent
            .as_ref()
            .and_then(|p| plan.unit_index(p));
    }
    names.reverse();
    names.join(" › ")
}
