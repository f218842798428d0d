//! Hash routes (`#/cascade`, `#/scoring`, `#/rollout`): they work from any
//! static host and sub-path, with no server rewrite rules.

use leptos::ev;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Cascade,
    Scoring,
    Rollout,
    /// Full-screen slides for a room; not in the navigation, entered by a button.
    Workshop,
}

impl View {
    /// The views the navigation lists.
    pub const NAV: [View; 3] = [View::Cascade, View::Scoring, View::Rollout];

    pub fn title(self) -> &'static str {
        match self {
            View::Cascade => "Cascade",
            View::Scoring => "Scoring",
            View::Rollout => "Rollout",
            View::Workshop => "Workshop",
        }
    }

    pub fn href(self) -> &'static str {
        match self {
            View::Cascade => "#/cascade",
            View::Scoring => "#/scoring",
            View::Rollout => "#/rollout",
            View::Workshop => "#/workshop",
        }
    }

    /// The view a hash names, if it names one: none is the cascade, and
    /// "#main", the skip link's target, names none.
    fn named(hash: &str) -> Option<View> {
        if hash.trim_start_matches('#').is_empty() {
            return Some(View::Cascade);
        }
        [View::Cascade, View::Scoring, View::Rollout, View::Workshop]
            .into_iter()
            .find(|v| v.href() == hash)
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The view named by the URL, following back/forward and link clicks.
pub fn use_view() -> ReadSignal<View> {
    let (view, set_view) = signal(View::named(&current_hash()).unwrap_or(View::Cascade));
    let handle = window_event_listener(ev::hashchange, move |_| {
        if let Some(named) = View::named(&current_hash()) {
            set_view.set(named);
        }
    });
    on_cleanup(move || handle.remove());
    view
}
