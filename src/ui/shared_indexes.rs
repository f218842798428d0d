//! Indexes of the plan that the cascade's and the scoring's state both read,
//! built once: an edit rebuilds each of them once, not once per view.

use crate::model::{Aspects, Id, ObjectiveIndex};
use crate::ui::state::AppState;
use crate::ui::unit_filter::unit_choices;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct SharedIndexes {
    /// Where each objective and key result sits, and who aligns to them;
    /// rebuilt when the layout changes.
    pub objectives: Memo<Arc<ObjectiveIndex>>,
    /// Every unit with its path, in unit order; changes only when units do.
    pub unit_choices: Memo<Arc<Vec<(Id, String)>>>,
}

impl SharedIndexes {
    pub fn new(state: AppState) -> Self {
        SharedIndexes {
            objectives: state.index_of(Aspects::LAYOUT, ObjectiveIndex::new),
            unit_choices: unit_choices(state),
        }
    }
}
