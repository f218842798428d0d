//! The planner's frame: header, navigation, banners, and the routed view.

mod focus_keeper;
mod header;
mod help;
mod shared;
mod shortcuts;
mod status;
mod welcome;

use super::autosave::Autosave;
use super::cascade::{Cascade, CascadeView};
use super::cycle::CycleChoice;
use super::files::{FileImport, ImportDialogs, ImportOutcome};
use super::rollout::RolloutView;
use super::route::{use_view, View};
use super::scoring::{ScoringContext, ScoringView};
use super::state::AppState;
use super::workshop::WorkshopView;
use crate::model::{Aspects, ObjectiveIndex, Plan};
use header::Header;
use help::ShortcutHelp;
use leptos::ev;
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
use shared::SharedBanner;
use status::StatusLine;
use welcome::{EmptyPlan, Welcome};

/// The planner. With `save_copy` it shows a shared plan read-only, saves
/// nothing, and offers the plan to the user's own through that callback.
#[component]
pub fn Planner(
    plan: Plan,
    first_visit: bool,
    #[prop(optional)] save_copy: Option<Callback<Box<Plan>>>,
    /// A dialog to show at once (a shared plan to save, a broken link).
    #[prop(default = None)]
    opening: Option<ImportOutcome>,
    /// The stamp of the save `plan` came from (see `storage::Opened`).
    #[prop(default = None)]
    stamp: Option<String>,
) -> impl IntoView {
    let state = AppState::new(plan, save_copy.is_some());
    provide_context(state);
    let import = FileImport::new(state);
    import.outcome.set(opening);
    provide_context(import);
    // The cascade's and the scoring's state live as long as the planner:
    // what they computed, and what the user opened, selected or filtered in
    // them, is still there on coming back to the view. They show one cycle.
    let cycle = CycleChoice::new(state);
    // One index of where objectives sit, for both: an edit rebuilds it once.
    let objectives = state.layout_index_of(ObjectiveIndex::new, ObjectiveIndex::patched);
    provide_context(Cascade::new(state, cycle, objectives));
    provide_context(ScoringContext::new(state, cycle, objectives));
    let autosave = save_copy.is_none().then(|| Autosave::install(state, stamp));
    let help = RwSignal::new(false);
    let welcome = RwSignal::new(first_visit);
    shortcuts::install(state, help);
    let empty = Memo::new(move |_| state.with_aspects(Aspects::UNITS, |p| p.units.is_empty()));
    let view = use_view();
    focus_keeper::install(view);

    // A file dropped anywhere on the page is imported.
    let on_dragover = |ev: ev::DragEvent| ev.prevent_default();
    let on_drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            import.open(file);
        }
    };

    view! {
        <div class="app" on:dragover=on_dragover on:drop=on_drop>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Show when=move || view.get() != View::Workshop>
                <Header view help />
            </Show>
            {save_copy.map(|save_copy| view! { <SharedBanner save_copy /> })}
            <Show when=move || state.save_error.get().is_some()>
                <div class="banner warning" role="alert">
                    <strong>"Not saved. "</strong>
                    {move || state.save_error.get()}
                </div>
            </Show>
            <Show when=move || state.conflict.get()>
                <div class="banner warning" role="alert">
                    <strong>"This plan was changed in another tab"</strong>
                    " while you were editing here. Nothing is saved until you choose: "
                    <button on:click=move |_| { if let Some(a) = autosave { a.take_theirs() } }>"Load the other tab's version"</button>
                    " "
                    <button on:click=move |_| { if let Some(a) = autosave { a.keep_mine() } }>"Keep this tab's version"</button>
                </div>
            </Show>
            <main id="main" tabindex="-1">
                <ErrorBoundary fallback=|errors| {
                    view! {
                        <div class="banner warning" role="alert">
                            <p>"This view could not be shown:"</p>
                            <ul>
                                {move || {
                                    errors
                                        .get()
                                        .into_iter()
                                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                                        .collect_view()
                                }}
                            </ul>
                        </div>
                    }
                }>
                    <Show when=move || welcome.get() && !state.replaced.get() && !empty.get() && view.get() != View::Workshop>
                        <Welcome open=welcome />
                    </Show>
                    {move || mounted(move || match view.get() {
                        _ if empty.get() => view! { <EmptyPlan /> }.into_any(),
                        View::Cascade => view! { <CascadeView /> }.into_any(),
                        View::Scoring => view! { <ScoringView /> }.into_any(),
                        View::Rollout => view! { <RolloutView /> }.into_any(),
                        View::Workshop => view! { <WorkshopView /> }.into_any(),
                    })}
                </ErrorBoundary>
            </main>
            <StatusLine />
            <ImportDialogs />
            <Show when=move || help.get()>
                <ShortcutHelp on_close=Callback::new(move |()| help.set(false)) />
            </Show>
        </div>
    }
}

/// Builds a view under an owner of its own, reading the page-long state
/// through relays it drops as it goes (see [`AppState::for_view`]).
fn mounted(build: impl FnOnce() -> AnyView) -> impl IntoView {
    let owner = Owner::current().map(|o| o.child()).unwrap_or_default();
    let view = owner.with(|| {
        let state = AppState::expect().for_view();
        provide_context(state);
        let cascade = Cascade::expect();
        // One cycle choice, shared by both as it is by the page.
        let cycle = cascade.cycle_choice.for_view();
        provide_context(cascade.for_view(state, cycle));
        provide_context(ScoringContext::expect().for_view(state, cycle));
        build()
    });
    OwnedView::new_with_owner(view, owner)
}
