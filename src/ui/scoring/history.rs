//! A key result's check-ins: the form to add one, the list, and the chart.

use super::chart::ProgressChart;
use super::context::Scoring;
use crate::model::date::{day_month, day_month_year, parse_iso};
use crate::model::scoring::progress_series;
use crate::model::{ops, CheckIn, Id};
use crate::ui::clock::today;
use crate::ui::ids::new_id;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Confidence choices: a word for people, a number for the file.
const CONFIDENCE: [(&str, f64); 3] = [("Low", 0.3), ("Medium", 0.6), ("High", 0.9)];

/// The date a check-in made today belongs to: today, kept inside the cycle.
pub fn check_in_date(start: NaiveDate, end: NaiveDate) -> NaiveDate {
    today().clamp(start, end)
}

#[component]
pub fn KeyResultHistory(kr: Id) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    let data = {
        let kr = kr.clone();
        Memo::new(move |_| {
            let cycle = scoring.cycle.current.get();
            let key_result = scoring.key_result(&kr)?;
            let cycle = state.with_plan(|p| cycle.and_then(|c| p.cycle(&c).cloned()))?;
            Some((key_result, cycle))
        })
    };
    let (date, value, confidence, comment) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new("Medium".to_owned()),
        RwSignal::new(String::new()),
    );
    let add = {
        let kr = kr.clone();
        move |_| {
            let Some((_, cycle)) = data.get_untracked() else {
                return;
            };
            let Ok(number) = value
                .get_untracked()
                .trim()
                .replace(',', ".")
                .parse::<f64>()
            else {
                state.status.set("Enter the value to check in.".into());
                return;
            };
            let when = parse_iso(&date.get_untracked())
                .unwrap_or_else(|| check_in_date(cycle.start, cycle.end));
            let check_in = CheckIn {
                id: new_id("ci"),
                date: when,
                value: number,
                confidence: CONFIDENCE
                    .iter()
                    .find(|(w, _)| *w == confidence.get_untracked())
                    .map(|(_, c)| *c),
                comment: comment.get_untracked().trim().to_owned(),
            };
            if state.edit(|p| ops::add_check_in(p, &kr, check_in)) {
                value.set(String::new());
                comment.set(String::new());
                state.status.set("Checked in.".into());
            }
        }
    };
    let remove = {
        let kr = kr.clone();
        move |check_in: Id| {
            state.edit(|p| ops::remove_check_in(p, &kr, &check_in));
        }
    };
    move || {
        let (key_result, cycle) = data.get()?;
        let mut rows = key_result.check_ins.clone();
        rows.sort_by_key(|c| std::cmp::Reverse(c.date));
        let unit = key_result.unit_of_measure.clone();
        let remove = remove.clone();
        let add = add.clone();
        Some(view! {
            <div class="history">
                <ProgressChart title=key_result.title.clone() cycle=cycle.clone() points=progress_series(&key_result) today=today() />
                <form class="check-in-form" aria-label=format!("New check-in for {}", key_result.title) on:submit=move |ev| { ev.prevent_default(); add(()); }>
                    <label>"Date" <input type="date" aria-label="Check-in date" min=cycle.start.to_string() max=cycle.end.to_string()
                        prop:value=move || { let d = date.get(); if d.is_empty() { check_in_date(cycle.start, cycle.end).to_string() } else { d } }
                        on:change=move |ev| date.set(event_target_value(&ev)) /></label>
                    <label>"Value" <input type="number" step="any" aria-label="Check-in value" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /></label>
                    <label>"Confidence"
                        <select aria-label="Confidence" on:change=move |ev| confidence.set(event_target_value(&ev))>
                            {CONFIDENCE.map(|(word, _)| view! { <option value=word selected=move || confidence.get() == word>{word}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="wide">"Comment" <input aria-label="Comment" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev)) /></label>
                    <button type="submit" class="primary">"Add check-in"</button>
                </form>
                <table class="check-ins">
                    <caption class="visually-hidden">{format!("Check-ins of {}", key_result.title)}</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Value"</th><th scope="col">"Confidence"</th><th scope="col">"Comment"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|c| {
                            let remove = remove.clone();
                            let id = c.id.clone();
                            let confidence = c.confidence.map(|v| CONFIDENCE.iter().min_by(|a, b| (a.1 - v).abs().total_cmp(&(b.1 - v).abs())).map(|(w, _)| *w).unwrap_or("")).unwrap_or("");
                            view! {
                                <tr>
                                    <td>{day_month_year(c.date)}</td>
                                    <td>{format!("{} {}", c.value, unit)}</td>
                                    <td>{confidence}</td>
                                    <td>{c.comment.clone()}</td>
                                    <td><button on:click=move |_| remove(id.clone()) aria-label=format!("Remove check-in of {}", day_month(c.date))>"Remove"</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })
    }
}
