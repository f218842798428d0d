//! Choosing a unit by typing: one shared list of every unit's path, so a plan
//! with thousands of units does not draw thousands of options per field.

use super::context::Cascade;
use crate::model::Id;
use crate::ui::fields::input_of;
use leptos::ev;
use leptos::prelude::*;

pub const UNIT_CHOICES: &str = "unit-choices";

/// The one `<datalist>` all unit pickers of the cascade view share.
#[component]
pub fn UnitChoices() -> impl IntoView {
    let cascade = Cascade::expect();
    view! {
        // Keyed by path: a move or rename redraws only the options it changed.
        <datalist id=UNIT_CHOICES>
            <For each=move || cascade.unit_choices.get().to_vec() key=|choice| choice.clone() let:choice>
                <option value=choice.1 />
            </For>
        </datalist>
    }
}

/// A text field that accepts a unit's path or its unique name. `commit` gets
/// the chosen unit's id and returns whether the edit applied; otherwise the
/// field shows `value` again.
#[component]
pub fn UnitPicker(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(Id) -> bool + 'static,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let cascade = Cascade::expect();
    let on_change = move |ev: ev::Event| {
        let Some(input) = input_of(&ev) else {
            return;
        };
        let text = input.value();
        if text.trim().is_empty() || text == value.get_untracked() {
            return;
        }
        let applied = match cascade.find_unit(&text) {
            Some(id) => commit(id),
            None => {
                cascade
                    .state
                    .status
                    .set(format!("No unit is called “{}”.", text.trim()));
                false
            }
        };
        if !applied {
            input.set_value(&value.get_untracked());
        }
    };
    view! {
        <input
            list=UNIT_CHOICES
            aria-label=label
            placeholder=placeholder
            autocomplete="off"
            prop:value=move || value.get()
            on:change=on_change
        />
    }
}
