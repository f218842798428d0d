//! Which cycle the views show: the one the user picked while it exists, else the
//! plan's current one (an imported plan brings cycles of its own).

use crate::model::{Aspects, Id};
use crate::ui::clock::today;
use crate::ui::relay::Relayed;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CycleChoice {
    pub chosen: RwSignal<Option<Id>>,
    pub current: Relayed<Option<Id>>,
}

impl CycleChoice {
    pub fn new(state: AppState) -> Self {
        let chosen = RwSignal::new(None::<Id>);
        let current = Memo::new(move |_| {
            let wanted = chosen.get();
            state.with_aspects(Aspects::LAYOUT, |p| {
                wanted
                    .filter(|c| p.cycle(c).is_some())
                    .or_else(|| p.current_cycle(today()).map(|c| c.id.clone()))
            })
        });
        CycleChoice {
            chosen,
            current: Relayed::new(current),
        }
    }

    /// The choice as one view reads it (see [`AppState::for_view`]).
    pub fn for_view(self) -> Self {
        CycleChoice {
            current: self.current.for_view(),
            ..self
        }
    }
}

#[component]
pub fn CycleSelect(choice: CycleChoice) -> impl IntoView {
    let state = AppState::expect();
    let cycles = move || {
        state.with_aspects(Aspects::LAYOUT, |p| {
            p.cycles
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label>
            "Cycle "
            <select
                aria-label="Cycle"
                on:change=move |ev| choice.chosen.set(Some(Id::from(event_target_value(&ev).as_str())))
            >
                {move || {
                    let current = choice.current.get();
                    cycles()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = current.as_ref() == Some(&id);
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
