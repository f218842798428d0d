//! Every objective of the cycle with its key results, scores and bands; fast
//! keyboard entry of new values that moves from one key result to the next.

use super::badge::ScoreBadge;
use super::chart::ProgressChart;
use super::context::Scoring;
use super::history::{check_in_date, KeyResultHistory};
use crate::model::scoring::{expectation, objective_series, Basis, Expectation};
use crate::model::{ops, Aspects, CheckIn, Commitment, Id, MeasureKind, Objective, ScoreOverride};
use crate::ui::clock::today;
use crate::ui::fields::{input_of, TextField};
use crate::ui::ids::new_id;
use crate::ui::widgets::{FieldGroup, Modal};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The class every fast-entry field carries, so Enter can find the next one.
const ENTRY: &str = "grade-input";

#[component]
pub fn ObjectiveScores(id: Id) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    // Kept by position: an edit that leaves the layout alone finds it without a lookup.
    let at = {
        let id = id.clone();
        Memo::new(move |_| scoring.objective_position(&id))
    };
    let objective = {
        let id = id.clone();
        Memo::new(move |_| scoring.objective_at(at.get()?, &id))
    };
    let unit = move || {
        objective
            .with(|o| o.as_ref().map(|o| o.unit.clone()))
            .and_then(|u| {
                state.with_aspects(Aspects::UNITS, |p| p.unit(&u).map(|u| u.name.clone()))
            })
            .unwrap_or_default()
    };
    // A memo: the badge and the expectation redraw only when this score changes.
    let score = Memo::new(move |_| scoring.objective_score_at(at.get()?));
    let expected = move || {
        let commitment = objective.with(|o| o.as_ref().map(|o| o.commitment))?;
        score
            .get()
            .map(|s| (commitment, expectation(commitment, s)))
    };
    let explanation = Signal::derive(move || {
        objective.with(|o| {
            o.as_ref()
                .map(|o| o.review.explanation.clone())
                .unwrap_or_default()
        })
    });
    let explain = {
        let id = id.clone();
        move |text: String| state.edit(|p| ops::edit_review(p, &id, |r| r.explanation = text))
    };
    let title = move || objective.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default());
    let show_chart = RwSignal::new(false);
    // One form for the card's entry fields (see `FieldGroup`).
    let form = format!("entries-{id}");
    let key_results = move || {
        objective.with(|o| {
            o.as_ref()
                .map(Objective::key_result_ids)
                .unwrap_or_default()
        })
    };

    view! {
        <article class="score-card" aria-label=move || format!("Objective: {}", title())>
            <header class="score-head">
                <div>
                    <h3>{title}</h3>
                    <p class="meta">
                        {unit} " · "
                        {move || match objective.with(|o| o.as_ref().map(|o| o.commitment)) {
                            Some(Commitment::Aspirational) => "Aspirational",
                            _ => "Committed",
                        }}
                    </p>
                </div>
                <ScoreBadge score />
            </header>
            {move || expected().map(|(commitment, e)| {
                let flagged = matches!(e, Expectation::NeedsExplanation | Expectation::Below | Expectation::TooEasy);
                view! {
                    <p class="expectation" class:flagged=flagged>
                        {if flagged { "⚑ " } else { "✓ " }} {e.explanation()}
                        {(commitment == Commitment::Aspirational).then(|| format!(" (about 0.7 is expected; this is {:.1}.)", score.get().unwrap_or(0.0)))}
                    </p>
                }
            })}
            <Show when=move || expected().is_some_and(|(_, e)| e == Expectation::NeedsExplanation)>
                <label class="explain">
                    "Why below 1.0? "
                    <TextField label=format!("Explanation for {}", title()) value=explanation commit=explain.clone() />
                </label>
            </Show>
            // Joined by id: a key result's check-ins, in the table, hold a form.
            <FieldGroup id=form.clone() />
            <table class="krs-table">
                <caption class="visually-hidden">{move || format!("Key results of {}", title())}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Key result"</th>
                        <th scope="col">"Latest"</th>
                        <th scope="col">"Score"</th>
                        <th scope="col">"New value"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <For each=key_results key=|id| id.clone() let:kr>
                    <KeyResultRow id=kr objective objective_at=at form=form.clone() />
                </For>
            </table>
            <button aria-expanded=move || show_chart.get().to_string() on:click=move |_| show_chart.update(|s| *s = !*s)>
                {move || if show_chart.get() { "Hide objective chart" } else { "Objective chart" }}
            </button>
            <Show when=move || show_chart.get()>
                {move || {
                    let cycle = scoring.cycle.current.get().and_then(|c| state.with_plan(|p| p.cycle(&c).cloned()))?;
                    let o = objective.get()?;
                    Some(view! { <ProgressChart title=o.title.clone() cycle points=objective_series(&o) today=today() /> })
                }}
            </Show>
        </article>
    }
}

#[component]
fn KeyResultRow(
    id: Id,
    objective: Memo<Option<Objective>>,
    /// The objective's position in the plan.
    objective_at: Memo<Option<usize>>,
    /// The id of the card's form, which the entry field belongs to.
    form: String,
) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    // Read from its objective's copy, not the plan: a check-in elsewhere
    // reruns one memo per objective shown, not one per key result.
    let index = {
        let id = id.clone();
        Memo::new(move |_| {
            objective.with(|o| o.as_ref()?.key_results.iter().position(|k| k.id == id))
        })
    };
    let kr =
        Memo::new(move |_| objective.with(|o| o.as_ref()?.key_results.get(index.get()?).cloned()));
    let score =
        Memo::new(move |_| scoring.key_result_score_at((objective_at.get()?, index.get()?)));
    let title = move || kr.with(|k| k.as_ref().map(|k| k.title.clone()).unwrap_or_default());
    let latest = move || {
        kr.with(|k| {
            let k = k.as_ref()?;
            let c = k.latest_check_in()?;
            Some(match k.measure {
                MeasureKind::Milestone => {
                    if c.value >= 0.5 {
                        "done".to_owned()
                    } else {
                        "not done".to_owned()
                    }
                }
                _ => format!("{} {}", c.value, k.unit_of_measure)
                    .trim()
                    .to_owned(),
            })
        })
        .unwrap_or_else(|| "—".into())
    };
    let basis = move || match score.get().map(|s| s.basis) {
        Some(Basis::NoCheckIns) => "no check-ins yet",
        Some(Basis::Override) => "set by hand",
        Some(Basis::RolledUp) => "includes aligned objectives",
        _ => "",
    };
    let hint = move || {
        kr.with(|k| {
            match k
                .as_ref()
                .map(|k| (k.measure, k.start, k.target, k.unit_of_measure.clone()))
            {
                Some((MeasureKind::Milestone, ..)) => "1 done, 0 not".to_owned(),
                Some((MeasureKind::Grade, ..)) => "0.0–1.0".to_owned(),
                Some((_, start, target, unit)) => {
                    format!("{start} → {target} {unit}").trim().to_owned()
                }
                None => String::new(),
            }
        })
    };
    let record = {
        let id = id.clone();
        move |ev: ev::KeyboardEvent| {
            if ev.key() != "Enter" {
                return;
            }
            // Focus moves on below: the key's default would submit the next field's form.
            ev.prevent_default();
            let Some(input) = input_of(&ev) else {
                return;
            };
            let text = input.value();
            if !text.trim().is_empty() {
                let Ok(value) = text.trim().replace(',', ".").parse::<f64>() else {
                    state.status.set("Enter a number.".into());
                    return;
                };
                let Some(cycle) = scoring
                    .cycle
                    .current
                    .get_untracked()
                    .and_then(|c| state.with_plan(|p| p.cycle(&c).cloned()))
                else {
                    return;
                };
                let check_in = CheckIn {
                    id: new_id("ci"),
                    date: check_in_date(cycle.start, cycle.end),
                    value,
                    confidence: None,
                    comment: String::new(),
                };
                if !state.edit(|p| ops::add_check_in(p, &id, check_in)) {
                    return;
                }
                input.set_value("");
            }
            focus_next_entry(&input, ev.shift_key());
        }
    };
    let show_history = RwSignal::new(false);
    let overriding = RwSignal::new(false);
    let history_id = id.clone();
    let override_id = id.clone();

    view! {
        <tbody class="kr-row">
            <tr>
                <th scope="row">{title}<span class="basis">{basis}</span></th>
                <td>{latest}</td>
                <td><ScoreBadge score=Signal::derive(move || score.get().map(|s| s.value)) /></td>
                <td>
                    // `record` handles Enter; the form is never submitted.
                    <input
                        class=ENTRY
                        form=form
                        inputmode="decimal"
                        aria-label=move || format!("New value for {}", title())
                        placeholder=hint
                        on:keydown=record
                    />
                </td>
                <td class="actions-cell">
                    <button aria-expanded=move || show_history.get().to_string() on:click=move |_| show_history.update(|s| *s = !*s)
                        aria-label=move || format!("Check-ins of {}", title())>"Check-ins"</button>
                    <button on:click=move |_| overriding.set(true) aria-label=move || format!("Override score of {}", title())>"Override…"</button>
                </td>
            </tr>
            <Show when=move || show_history.get()>
                <tr><td colspan="5"><KeyResultHistory kr=history_id.clone() /></td></tr>
            </Show>
            <Show when=move || overriding.get()>
                <OverrideDialog kr=override_id.clone() on_close=Callback::new(move |()| overriding.set(false)) />
            </Show>
        </tbody>
    }
}

/// Enter moves to the next key result's field (Shift+Enter to the previous one).
fn focus_next_entry(current: &web_sys::HtmlInputElement, backwards: bool) {
    let Ok(fields) = document().query_selector_all(&format!("input.{ENTRY}")) else {
        return;
    };
    let fields: Vec<web_sys::HtmlInputElement> = (0..fields.length())
        .filter_map(|i| fields.item(i)?.dyn_into().ok())
        .collect();
    let Some(at) = fields.iter().position(|f| f == current) else {
        return;
    };
    let next = if backwards {
        at.checked_sub(1)
    } else {
        Some(at + 1)
    };
    if let Some(field) = next.and_then(|n| fields.get(n)) {
        let _ = field.focus();
    }
}

#[component]
fn OverrideDialog(kr: Id, on_close: Callback<()>) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    let (title, current) = untrack(|| scoring.key_result(&kr))
        .map(|k| (k.title, k.score_override))
        .unwrap_or_default();
    let score = RwSignal::new(
        current
            .as_ref()
            .map(|o| o.score.to_string())
            .unwrap_or_default(),
    );
    let reason = RwSignal::new(
        current
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
    );
    let has_override = current.is_some();
    let save = {
        let kr = kr.clone();
        move |_| {
            let Ok(value) = score
                .get_untracked()
                .trim()
                .replace(',', ".")
                .parse::<f64>()
            else {
                state.status.set("Enter a score from 0.0 to 1.0.".into());
                return;
            };
            let over = ScoreOverride {
                score: value,
                reason: reason.get_untracked().trim().to_owned(),
            };
            if state.edit(|p| ops::set_score_override(p, &kr, Some(over))) {
                on_close.run(());
            }
        }
    };
    let clear = move |_| {
        if state.edit(|p| ops::set_score_override(p, &kr, None)) {
            on_close.run(());
        }
    };
    view! {
        <Modal title=format!("Override the score of “{title}”") on_close>
            <p>"A score set by hand replaces the measured one. Say why, so the review can follow it."</p>
            <div class="form-grid">
                <label>"Score" <input type="number" step="0.1" min="0" max="1" aria-label="Score" prop:value=move || score.get() on:input=move |ev| score.set(event_target_value(&ev)) /></label>
                <label class="wide">"Reason" <input aria-label="Reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) /></label>
            </div>
            <div class="actions">
                <button class="primary" on:click=save>"Set score"</button>
                {has_override.then(|| view! { <button on:click=clear.clone()>"Use the measured score"</button> })}
                <button on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </Modal>
    }
}
