//! Choosing a unit by typing: one shared list of the units whose path holds
//! what was typed, so a plan with thousands of units does not draw
//! thousands of options per field, nor any while no picker is in use.

use crate::model::search::SearchText;
use crate::model::Id;
use crate::ui::fields::input_of;
use crate::ui::relay::Relayed;
use crate::ui::state::AppState;
use crate::ui::unit_filter::escape_html;
use leptos::ev;
use leptos::prelude::*;
use std::sync::Arc;

const UNIT_CHOICES: &str = "unit-choices";

/// How many suggestions the unit pickers offer at once; typing narrows them.
const SUGGESTIONS: usize = 50;

/// What the unit pickers of a view share; the view provides it.
#[derive(Clone, Copy)]
pub struct UnitPicking {
    /// Every unit with its path.
    choices: Relayed<Arc<Vec<(Id, String)>>>,
    /// What was typed in the picker in use: its suggestions match it.
    /// `None` while no picker has focus, so no edit refills the suggestions.
    query: RwSignal<Option<String>>,
    /// The unit a typed text names: its full path, or a name only one unit has.
    find: Callback<String, Option<Id>>,
}

impl UnitPicking {
    pub fn provide(
        choices: Relayed<Arc<Vec<(Id, String)>>>,
        find: impl Fn(String) -> Option<Id> + Send + Sync + 'static,
    ) {
        provide_context(UnitPicking {
            choices,
            query: RwSignal::new(None),
            find: Callback::new(find),
        });
    }
}

/// The one `<datalist>` all unit pickers of a view share: the units whose
/// path contains what was typed in the picker in use, empty while none is.
/// Kept short because Chromium re-reads a datalist whenever it changes, and
/// a moved unit changes the path of every unit below it.
#[component]
pub fn UnitChoices() -> impl IntoView {
    let picking = expect_context::<UnitPicking>();
    let options = move || {
        let Some(typed) = picking.query.with(|q| q.as_deref().map(SearchText::new)) else {
            return String::new();
        };
        picking.choices.with(|choices| {
            let mut html = String::new();
            let matching = choices.iter().filter(|(_, path)| typed.found_in(path));
            for (_, path) in matching.take(SUGGESTIONS) {
                html.push_str(&format!(
                    "<option value=\"{}\"></option>",
                    escape_html(path)
                ));
            }
            html
        })
    };
    view! { <datalist id=UNIT_CHOICES inner_html=options></datalist> }
}

/// A text field that accepts a unit's path or its unique name. `commit` gets
/// the chosen unit's id and returns whether the edit applied; otherwise the
/// field shows `value` again. Emptied, it runs `clear` if there is one.
#[component]
pub fn UnitPicker(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    commit: impl Fn(Id) -> bool + 'static,
    #[prop(optional)] clear: Option<Callback<(), bool>>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let picking = expect_context::<UnitPicking>();
    let state = AppState::expect();
    let on_change = move |ev: ev::Event| {
        let Some(input) = input_of(&ev) else {
            return;
        };
        let text = input.value();
        if text == value.get_untracked() {
            return;
        }
        let applied = match (text.trim().is_empty(), clear) {
            (true, Some(clear)) => clear.run(()),
            (true, None) => false,
            (false, _) => match picking.find.run(text.clone()) {
                Some(id) => commit(id),
                None => {
                    state
                        .status
                        .set(format!("No unit is called “{}”.", text.trim()));
                    false
                }
            },
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
            on:focus=move |ev| picking.query.set(Some(event_target_value(&ev)))
            on:input=move |ev| picking.query.set(Some(event_target_value(&ev)))
            on:blur=move |_| picking.query.set(None)
            on:change=on_change
        />
    }
}
