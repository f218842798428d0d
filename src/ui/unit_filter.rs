//! The list of units with their paths, and the "Show unit" filter built on it,
//! shared by the views that can narrow to one unit and the units below it.

use crate::model::{unit_paths, Id};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// Every unit with its path, in unit order; changes only when units do.
pub fn unit_choices(state: AppState) -> Memo<Arc<Vec<(Id, String)>>> {
    Memo::new(move |_| {
        state.with_plan(|p| {
            let ids = p.units.iter().map(|u| u.id.clone());
            Arc::new(ids.zip(unit_paths(p)).collect::<Vec<_>>())
        })
    })
}

#[component]
pub fn SubtreeSelect(
    choices: Memo<Arc<Vec<(Id, String)>>>,
    subtree: RwSignal<Option<Id>>,
) -> impl IntoView {
    let choose = move |ev| {
        let value = event_target_value(&ev);
        subtree.set((!value.is_empty()).then(|| Id::from(value.as_str())));
    };
    view! {
        <label>
            "Unit "
            <select aria-label="Show unit" on:change=choose>
                <option value="">"Whole organisation"</option>
                // Keyed by unit and path: a move redraws only the options it changed.
                <For each=move || choices.get().to_vec() key=|choice| choice.clone() let:choice>
                    <option value=choice.0.to_string() selected=move || subtree.get().as_ref() == Some(&choice.0)>
                        {choice.1.clone()}
                    </option>
                </For>
            </select>
        </label>
    }
}
