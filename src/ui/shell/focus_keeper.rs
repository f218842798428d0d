//! Focus kept in its place when an edit removes the element that had it: a
//! deleted row's "Remove" button, a unit's panel closed by deleting the unit.
//! Left alone, focus falls to `<body>`, and keyboard and screen-reader users
//! start again from the top of the page.

use crate::ui::route::View;
use leptos::ev;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// What can take focus, in page order (those out of the Tab order are skipped below).
const FOCUSABLE: &str = "button, a[href], input, select, textarea, [tabindex]";

pub fn install(view: ReadSignal<View>) {
    // Only the last loss counts: a dialog closing gives focus back to its
    // opener, which the edit may then remove too.
    let losses = Rc::new(Cell::new(0_u64));
    // A press on the page's text moves focus where the user chose: nowhere.
    let pressing = Rc::new(Cell::new(false));
    let pressed = {
        let pressing = Rc::clone(&pressing);
        window_event_listener(ev::pointerdown, move |ev| {
            // `<main>` takes focus from a script, not from the Tab key: not a control.
            let on_control = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest(FOCUSABLE).ok().flatten())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .is_some_and(|e| e.tab_index() >= 0);
            if !on_control {
                pressing.set(true);
                let pressing = Rc::clone(&pressing);
                set_timeout(move || pressing.set(false), Duration::ZERO);
            }
        })
    };
    // The view focus was given in: another view replacing it (the Back
    // key, leaving the workshop) leaves nothing to come back to.
    let focused_in = Rc::new(Cell::new(view.get_untracked()));
    let focused = {
        let focused_in = Rc::clone(&focused_in);
        window_event_listener(ev::focusin, move |_| focused_in.set(view.get_untracked()))
    };
    let handle = window_event_listener(ev::focusout, move |ev: ev::FocusEvent| {
        // Focus going somewhere else is not lost.
        if ev.related_target().is_some() || pressing.get() {
            return;
        }
        let Some(lost) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // Recorded now, while the element is still in the page: each ancestor
        // with the element that followed the way down to the lost one.
        let mut path = Vec::new();
        let mut child = lost.clone();
        while let Some(parent) = child.parent_element() {
            path.push((parent.clone(), child.next_element_sibling()));
            child = parent;
        }
        let focused_view = focused_in.get();
        let loss = losses.get() + 1;
        losses.set(loss);
        let losses = Rc::clone(&losses);
        // Once the edit is drawn: its other removals may take ancestors too.
        set_timeout(
            move || {
                let focus_fell = document()
                    .active_element()
                    .is_none_or(|active| Some(active) == document().body().map(Element::from));
                let same_view = view.get_untracked() == focused_view;
                if losses.get() == loss && same_view && !lost.is_connected() && focus_fell {
                    refocus(&path);
                }
            },
            Duration::ZERO,
        );
    });
    on_cleanup(move || {
        handle.remove();
        pressed.remove();
        focused.remove();
    });
}

/// Focuses what is next to where the lost element was: in the nearest
/// ancestor still in the page, the first focusable element after that place,
/// or else the last one before it. Only within `<main>`: a dialog has gone
/// as a whole.
fn refocus(path: &[(Element, Option<Element>)]) {
    let Some(main) = path.iter().position(|(a, _)| a.tag_name() == "MAIN") else {
        return;
    };
    for (ancestor, next) in path[..=main].iter().filter(|(a, _)| a.is_connected()) {
        let Ok(found) = ancestor.query_selector_all(FOCUSABLE) else {
            continue;
        };
        let candidates: Vec<HtmlElement> = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok())
            .filter(|c| c.tab_index() >= 0 && !hidden(c))
            .collect();
        let after = next
            .as_ref()
            .filter(|n| n.is_connected())
            .and_then(|next| candidates.iter().position(|c| at_or_after(c, next)));
        let (before, after) = candidates.split_at(after.unwrap_or(candidates.len()));
        for candidate in after.iter().chain(before.iter().rev()) {
            let _ = candidate.focus();
            if document().active_element().as_ref() == Some(candidate.as_ref()) {
                return;
            }
        }
    }
}

/// Whether `element` is `place`, inside it, or after it in the page.
fn at_or_after(element: &Node, place: &Node) -> bool {
    place.contains(Some(element))
        || place.compare_document_position(element) & Node::DOCUMENT_POSITION_FOLLOWING != 0
}

/// Whether `element` is kept from users: hidden, inert or out of the accessibility tree.
fn hidden(element: &Element) -> bool {
    element
        .closest("[hidden], [inert], [aria-hidden='true']")
        .ok()
        .flatten()
        .is_some()
}
