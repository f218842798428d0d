//! The Leptos front end. Components read the model and send it commands, nothing more.

mod app;
mod autosave;
mod cascade;
mod clock;
mod cycle;
mod fatal;
mod fields;
mod files;
mod ids;
mod recovery;
mod rollout;
mod route;
mod scoring;
mod shell;
mod state;
mod svg;
mod theme;
mod unit_filter;
mod widgets;
mod workshop;

pub fn start() {
    fatal::install_panic_hook();
    theme::restore();
    leptos::mount::mount_to_body(app::App);
}
