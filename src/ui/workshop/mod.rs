//! Workshop mode: full screen and large type for a room, stepping through the
//! company's objectives, each department's OKRs, the alignment map and the
//! rollout timeline with the arrow keys. Grading and check-ins work on the slides themselves.

use crate::model::{Aspects, Id, UnitTree};
use crate::ui::cascade::AlignmentMap;
use crate::ui::rollout::{Rollout, Timeline};
use crate::ui::route::View;
use crate::ui::scoring::{ObjectiveScores, ScoringContext};
use crate::ui::state::AppState;
use crate::ui::widgets::{drawn_in_steps, first_page, ShowMore, CARDS_ON_A_SCREEN, PAGE};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, PartialEq)]
enum Slide {
    /// A unit's OKRs of the cycle: the company first, then its departments.
    Unit {
        id: Id,
        title: String,
    },
    Map,
    Rollout,
}

impl Slide {
    fn title(&self) -> String {
        match self {
            Slide::Unit { title, .. } => title.clone(),
            Slide::Map => "Alignment map".into(),
            Slide::Rollout => "Rollout timeline".into(),
        }
    }
}

/// Opens workshop mode full screen (the click is the user gesture browsers require).
pub fn enter() {
    if let Some(root) = document().document_element() {
        let _ = root.request_fullscreen();
    }
    let _ = window().location().set_hash(View::Workshop.href());
}

fn leave() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
    let _ = window().location().set_hash(View::Cascade.href());
}

#[component]
pub fn WorkshopView() -> impl IntoView {
    let state = AppState::expect();
    let scoring = ScoringContext::expect();
    provide_context(Rollout::new(state));

    let slides = Memo::new(move |_| {
        let cycle = scoring.cycle.current.get();
        state.with_plan(|p| {
            let tree = UnitTree::new(p);
            let has_okrs = |unit: usize| {
                p.objectives
                    .iter()
                    .any(|o| o.unit == p.units[unit].id && Some(&o.cycle) == cycle.as_ref())
            };
            let mut slides = Vec::new();
            for &root in &tree.roots {
                let mut units = vec![root];
                units.extend_from_slice(tree.children(root));
                for unit in units.into_iter().filter(|&u| has_okrs(u)) {
                    let name = &p.units[unit].name;
                    let title = if unit == root {
                        format!("{name}: company objectives")
                    } else {
                        format!("{name}: OKRs")
                    };
                    slides.push(Slide::Unit {
                        id: p.units[unit].id.clone(),
                        title,
                    });
                }
            }
            slides.push(Slide::Map);
            if !p.rollout.phases.is_empty() {
                slides.push(Slide::Rollout);
            }
            slides
        })
    });
    let at = RwSignal::new(0usize);
    let step = move |by: isize| {
        let last = slides.with_untracked(Vec::len).saturating_sub(1);
        at.update(|i| *i = i.saturating_add_signed(by).min(last));
    };
    let keys = window_event_listener(ev::keydown, move |ev: ev::KeyboardEvent| {
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name());
        let typing = matches!(tag.as_deref(), Some("INPUT" | "TEXTAREA" | "SELECT"));
        // Space presses a focused button ("Show more", "Check-ins") rather than turning the slide.
        let pressing = matches!(tag.as_deref(), Some("BUTTON" | "A" | "SUMMARY"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" => step(1),
            " " if !pressing => step(1),
            "ArrowLeft" | "PageUp" => step(-1),
            "Home" => at.set(0),
            "End" => step(isize::MAX),
            "Escape"
                if document()
                    .query_selector("[role=dialog]")
                    .ok()
                    .flatten()
                    .is_none() =>
            {
                leave()
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let current = Memo::new(move |_| slides.with(|s| s.get(at.get()).or(s.last()).cloned()));
    let company_roots = Signal::derive(move || {
        state.with_plan(|p| {
            p.units
                .iter()
                .filter(|u| u.parent.is_none())
                .map(|u| u.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let objectives_of = move |unit: Id| {
        let cycle = scoring.cycle.current.get();
        // Which objectives exist and where they hang: layout, not every check-in.
        state.with_aspects(Aspects::LAYOUT, |p| {
            p.objectives
                .iter()
                .filter(|o| o.unit == unit && Some(&o.cycle) == cycle.as_ref())
                .map(|o| o.id.clone())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="workshop" aria-roledescription="slides" aria-label="Workshop">
            <header class="slide-bar">
                <p class="slide-count" aria-live="polite">
                    {move || format!("{} / {}", at.get() + 1, slides.with(Vec::len))} " · "
                    {move || current.get().map(|s| s.title())}
                </p>
                <nav aria-label="Slides" class="slide-nav">
                    <button on:click=move |_| step(-1) aria-label="Previous slide">"←"</button>
                    <button on:click=move |_| step(1) aria-label="Next slide">"→"</button>
                    <button on:click=|_| leave()>"Leave workshop"</button>
                </nav>
            </header>
            {move || current.get().map(|slide| match slide {
                Slide::Unit { id, title } => {
                    // A page at a time: a flat import can put thousands on one unit.
                    let all = Memo::new(move |_| objectives_of(id.clone()));
                    let shown = RwSignal::new(PAGE);
                    let drawn = drawn_in_steps(shown.into(), CARDS_ON_A_SCREEN, || ());
                    view! {
                        <div class="slide" role="group" aria-roledescription="slide" aria-label=title.clone()>
                            <h1>{title.clone()}</h1>
                            <For each=move || all.with(|ids| first_page(ids, drawn.get())) key=|id| id.clone() let:objective>
                                <ObjectiveScores id=objective />
                            </For>
                            <ShowMore total=Signal::derive(move || all.with(Vec::len)) shown />
                        </div>
                    }.into_any()
                }
                Slide::Rollout => view! {
                    <div class="slide" role="group" aria-roledescription="slide" aria-label="Rollout timeline">
                        <h1>"Rollout timeline"</h1>
                        <Timeline />
                    </div>
                }.into_any(),
                Slide::Map => view! {
                    <div class="slide" role="group" aria-roledescription="slide" aria-label="Alignment map">
                        <h1>"Alignment map"</h1>
                        <AlignmentMap roots=company_roots />
                    </div>
                }.into_any(),
            })}
            <p class="slide-hint">"← → to move between slides · Esc to leave"</p>
        </section>
    }
}
