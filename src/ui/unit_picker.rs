//! Choosing a unit by typing: one shared list of the units whose path holds
//! what was typed, so a plan with thousands of units does not draw
//! thousands of options per field, nor any while no picker is in use.

use crate::model::search::SearchText;
use crate::model::Id;
use crate::ui::cascade::Cascade;
use crate::ui::fields::input_of;
use crate::ui::unit_filter::escape_html;
use leptos::ev;
use leptos::prelude::*;

const UNIT_CHOICES: &str = "unit-choices";

/// How many suggestions the unit pickers offer at once; typing narrows them.
const SUGGESTIONS: usize = 50;

/// The one `<datalist>` all unit pickers of a view share: the units whose
/// path contains what was typed in the picker in use, empty while none is.
/// Kept short because Chromium re-reads a datalist whenever it changes, and
/// a moved unit changes the path of every unit below it. The page's units
/// and their paths are the cascade's, which every view has.
#[component]
pub fn UnitChoices() -> impl IntoView {
    let cascade = Cascade::expect();
    // A memo: an edit made while a picker is in use that leaves its
    // suggestions as they were (another tab's, say) does not refill the list.
    let options = Memo::new(move |_| {
        let Some(typed) = cascade
            .unit_query
            .with(|q| q.as_deref().map(SearchText::new))
        else {
            return String::new();
        };
        cascade.unit_choices.with(|choices| {
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
    });
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
    let cascade = Cascade::expect();
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
            (false, _) => match cascade.find_unit(&text) {
                Some(id) => commit(id),
                None => {
                    cascade
                        .state
                        .status
                        .set(format!("No unit is called “{}”.", text.trim()));
                    false
                }
            },
        };
        if applied {
            // The choice is made: the suggestions close until the next
            // keystroke, and are not worked out again (every path below a
            // moved unit changes) for a list nobody is looking at.
            cascade.unit_query.set(None);
        } else {
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
            on:focus=move |ev| cascade.unit_query.set(Some(event_target_value(&ev)))
            on:input=move |ev| cascade.unit_query.set(Some(event_target_value(&ev)))
            on:blur=move |_| cascade.unit_query.set(None)
            on:change=on_change
        />
    }
}
