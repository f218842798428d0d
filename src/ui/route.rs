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

    fn from_hash(hash: &str) -> View {
        [View::Cascade, View::Scoring, View::Rollout, View::Workshop]
            .into_iter()
            .find(|v| v.href() == hash)
            .unwrap_or(View::Cascade)
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The view named by the URL, following back/forward and link clicks.
pub fn use_view() -> ReadSignal<View> {
    let (view, set_view) = signal(View::from_hash(&current_hash()));
    let handle = window_event_listener(ev::hashchange, move |_| {
        set_view.set(View::from_hash(&current_hash()))
    });
    on_cleanup(move || handle.remove());
    view
}
