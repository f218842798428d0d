//! Focus kept in its place when an edit removes the element that had it: a
//! deleted row's "Remove" button, a unit's panel closed by deleting the unit.
//! Left alone, focus falls to `<body>`, and keyboard and screen-reader users
//! start again from the top of the page.

use leptos::ev;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// What can take focus, in the order Tab visits it on this page.
const FOCUSABLE: &str = "button:not([disabled]), a[href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

pub fn install() {
    // Only the last loss counts: a dialog closing gives focus back to its
    // opener, which the edit may then remove too.
    let losses = Rc::new(Cell::new(0_u64));
    let handle = window_event_listener(ev::focusout, move |ev: ev::FocusEvent| {
        // Focus going somewhere else is not lost.
        if ev.related_target().is_some() {
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
        let loss = losses.get() + 1;
        losses.set(loss);
        let losses = Rc::clone(&losses);
        // Once the edit is drawn: its other removals may take ancestors too.
        set_timeout(
            move || {
                let focus_fell = document()
                    .active_element()
                    .is_none_or(|active| Some(active) == document().body().map(Element::from));
                if losses.get() == loss && !lost.is_connected() && focus_fell {
                    refocus(&path);
                }
            },
            Duration::ZERO,
        );
    });
    on_cleanup(move || handle.remove());
}

/// Focuses what is next to where the lost element was: in the nearest
/// ancestor still in the page, the first focusable element after that place,
/// or else the last one before it.
fn refocus(path: &[(Element, Option<Element>)]) {
    for (ancestor, next) in path.iter().filter(|(a, _)| a.is_connected()) {
        let Ok(found) = ancestor.query_selector_all(FOCUSABLE) else {
            continue;
        };
        let candidates: Vec<HtmlElement> = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into().ok())
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
