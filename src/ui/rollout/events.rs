//! Programme events: a pause "until there is full buy-in" and a relaunch (seed 003).

use super::context::Rollout;
use crate::model::date::{day_month_year, parse_iso};
use crate::model::rollout_plan::{add_event, remove_event};
use crate::model::{ProgrammeEvent, ProgrammeEventKind};
use crate::ui::ids::new_id;
use leptos::prelude::*;

fn kind_label(kind: ProgrammeEventKind) -> &'static str {
    match kind {
        ProgrammeEventKind::Pause => "Pause",
        ProgrammeEventKind::Relaunch => "Relaunch",
    }
}

#[component]
pub fn Events() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    let events = move || state.with_plan(|p| p.rollout.events.clone());
    let kind = RwSignal::new(ProgrammeEventKind::Pause);
    let day = RwSignal::new(rollout.today.to_string());
    let note = RwSignal::new(String::new());
    let add = move || {
        let Some(date) = parse_iso(&day.get_untracked()) else {
            state.status.set("Enter the date of the event.".into());
            return;
        };
        let event = ProgrammeEvent {
            id: new_id("ev"),
            date,
            kind: kind.get_untracked(),
            note: note.get_untracked().trim().to_owned(),
        };
        if state.edit(|p| add_event(p, event)) {
            note.set(String::new());
        }
    };
    view! {
        <section class="events" aria-labelledby="events-title">
            <h2 id="events-title">"Pauses and relaunches"</h2>
            <ul aria-label="Programme events">
                {move || events().into_iter().map(|e| {
                    let what = format!("{} on {}", kind_label(e.kind), day_month_year(e.date));
                    let id = e.id.clone();
                    view! {
                        <li>
                            <span class=format!("event {}", kind_label(e.kind).to_lowercase())>
                                {if e.kind == ProgrammeEventKind::Pause { "❚❚ " } else { "▶ " }}
                                {what.clone()}
                            </span>
                            {(!e.note.is_empty()).then(|| format!(": {}", e.note))}
                            " "
                            <button class="no-print" aria-label=format!("Remove {what}")
                                on:click=move |_| { state.edit(|p| remove_event(p, &id)); }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="row no-print" aria-label="New programme event" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <select aria-label="Event" on:change=move |ev| kind.set(
                    if event_target_value(&ev) == "Relaunch" { ProgrammeEventKind::Relaunch } else { ProgrammeEventKind::Pause }
                )>
                    <option>"Pause"</option>
                    <option>"Relaunch"</option>
                </select>
                <input type="date" aria-label="Event date" prop:value=move || day.get() on:change=move |ev| day.set(event_target_value(&ev)) />
                <input aria-label="Event note" placeholder="Why (optional)" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                <button type="submit">"Add event"</button>
            </form>
        </section>
    }
}
