//! The Leptos front end. Components read the model and send it commands, nothing more.

use crate::storage;

mod app;
mod autosave;
mod cascade;
mod clock;
mod cycle;
mod fatal;
mod fields;
mod files;
mod ids;
mod keyed_triggers;
mod paint;
mod recovery;
mod relay;
mod rollout;
mod route;
mod scoring;
mod shell;
mod state;
mod svg;
mod theme;
mod unit_filter;
mod unit_picker;
mod widgets;
mod workshop;

pub fn start() {
    fatal::install_panic_hook();
    theme::restore();
    // Reading storage waits for the browser to inflate a large saved plan.
    wasm_bindgen_futures::spawn_local(async {
        let opened = storage::browser::load(&storage::LocalStore).await;
        leptos::mount::mount_to_body(move || leptos::view! { <app::App opened /> });
        // The page's own "Loading…" line, shown until the app has drawn.
        if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
            loading.remove();
        }
    });
}
