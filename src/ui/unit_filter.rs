//! The list of units with their paths, and the "Show unit" filter built on it,
//! shared by the views that can narrow to one unit and the units below it.

use crate::model::{unit_path, unit_paths, Aspects, Id, UnitTree};
use crate::ui::cascade::Cascade;
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// Every unit with its path, in unit order, from the plan's unit `tree`;
/// changes only when units do.
pub fn unit_choices(state: AppState, tree: Memo<Arc<UnitTree>>) -> Memo<Arc<Vec<(Id, String)>>> {
    state.index_of(Aspects::UNITS, move |p| {
        let ids = p.units.iter().map(|u| u.id.clone());
        ids.zip(unit_paths(p, &tree.get())).collect()
    })
}

/// The "Show unit" filter of a view, on the page's list of unit paths (the
/// cascade's, which every view has).
#[component]
pub fn SubtreeSelect(subtree: RwSignal<Option<Id>>) -> impl IntoView {
    let choices = Cascade::expect().unit_choices;
    let choose = move |ev| {
        let value = event_target_value(&ev);
        subtree.set((!value.is_empty()).then(|| Id::from(value.as_str())));
    };
    // Chromium measures every option of a select to lay it out (a quarter
    // of a second for 2,000 paths), so a large organisation's list is only
    // filled while the select is in use: focused, pressed or keyed, each of
    // which comes before it opens.
    let focused = RwSignal::new(false);
    // Set once: setting notifies even when unchanged, which would refill the list.
    let in_use = move || {
        if !focused.get_untracked() {
            focused.set(true);
        }
    };
    let state = AppState::expect();
    // Counted apart from the list, so that edits leave the list unread.
    let unit_count = Memo::new(move |_| state.with_aspects(Aspects::UNITS, |p| p.units.len()));
    // A memo: the select is refilled only when its options change.
    let options = Memo::new(move |_| {
        // In use, the select already shows what is chosen in it: choosing
        // does not refill it (2,000 options to parse and lay out again).
        let selected = if focused.get() {
            subtree.get_untracked()
        } else {
            subtree.get()
        };
        let mut html = String::from("<option value=\"\">Whole organisation</option>");
        let mut push = |id: &Id, path: &str| {
            let mark = if selected.as_ref() == Some(id) {
                " selected"
            } else {
                ""
            };
            html.push_str(&format!(
                "<option value=\"{}\"{mark}>{}</option>",
                escape_html(id.as_str()),
                escape_html(path)
            ));
        };
        if focused.get() || unit_count.get() <= ALWAYS_LISTED {
            choices.with(|choices| choices.iter().for_each(|(id, path)| push(id, path)));
        } else if let Some(id) = &selected {
            // Only the chosen unit, its path found by walking up: the list
            // of every path (rebuilt by every move) waits until it is wanted.
            let path = state.with_aspects(Aspects::UNITS, |p| {
                p.unit_index(id)
                    .map(|u| unit_path(p, u, |id| p.unit_index(id)))
            });
            if let Some(path) = path {
                push(id, &path);
            }
        }
        html
    });
    view! {
        <label>
            "Unit "
            <select
                aria-label="Show unit"
                class="unit-filter"
                on:change=choose
                on:focus=move |_| in_use()
                on:pointerdown=move |_| in_use()
                on:keydown=move |_| in_use()
                on:blur=move |_| focused.set(false)
                inner_html=options
            ></select>
        </label>
    }
}

/// Organisations up to this many units keep every option in the select.
/// Every move of a unit fills it again, which costs Chromium about 25 µs an
/// option (5 ms at 200 units).
const ALWAYS_LISTED: usize = 50;

/// Text made safe to place in HTML, inside an element or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '"' => safe.push_str("&quot;"),
            '\'' => safe.push_str("&#39;"),
            c => safe.push(c),
        }
    }
    safe
}
