//! The end of a cycle: the review questions, notes per objective, and the
//! cycle's summary with its distribution of scores.

use super::badge::ScoreBadge;
use super::context::Scoring;
use crate::model::scoring::{summarize, CycleSummary};
use crate::model::{ops, Id, Review};
use crate::ui::fields::TextArea;
use crate::ui::widgets::{drawn_in_steps, first_page, ShowMore, CARDS_ON_A_SCREEN};
use leptos::prelude::*;

/// DOMAIN.md, "Scoring": what an end-of-quarter review asks.
const QUESTIONS: [&str; 4] = [
    "How well did we do?",
    "Were our goals aligned?",
    "Did we capture the dependencies?",
    "What changed mid-quarter, and why?",
];

#[component]
pub fn CycleSummaryPanel() -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    // From the scores the view keeps (scoring the cycle afresh took 20 ms at
    // 10,000 objectives each time this tab opened), and compared: a note
    // typed on this tab changes the plan, not the summary or its chart.
    let summary = Memo::new(move |_| {
        scoring.scores.with(|scores| {
            let scores = scores.as_ref().as_ref()?;
            Some(state.with_plan(|p| summarize(p, scores)))
        })
    });
    move || {
        summary.get().map(|s: CycleSummary| {
            let [red, yellow, green] = s.per_band;
            let hit = match s.committed_hit_rate {
                Some(rate) => format!(
                    "{} of {} met ({:.0}%)",
                    s.committed_met,
                    s.committed_total,
                    rate * 100.0
                ),
                None => "no committed objectives".into(),
            };
            let aspirational = match s.aspirational_average {
                Some(avg) => format!(
                    "{avg:.2} against about 0.7{}",
                    if avg < 0.6 {
                        ": below the sweet spot"
                    } else if avg > 0.75 {
                        ": goals may not have stretched enough"
                    } else {
                        ": in the sweet spot"
                    }
                ),
                None => "no aspirational objectives".into(),
            };
            view! {
                <section class="summary" aria-labelledby="summary-title">
                    <h2 id="summary-title">"Cycle summary"</h2>
                    <dl class="figures">
                        <div><dt>"Objectives"</dt><dd>{s.objectives}</dd></div>
                        <div><dt>"■ 0.0–0.3 red"</dt><dd>{red}</dd></div>
                        <div><dt>"▲ 0.4–0.6 yellow"</dt><dd>{yellow}</dd></div>
                        <div><dt>"● 0.7–1.0 green"</dt><dd>{green}</dd></div>
                        <div><dt>"Committed hit rate"</dt><dd>{hit}</dd></div>
                        <div><dt>"Aspirational average"</dt><dd>{aspirational}</dd></div>
                    </dl>
                    <Distribution counts=s.distribution />
                </section>
            }
        })
    }
}

/// How many objectives scored 0.0, 0.1, … 1.0, as a bar chart.
#[component]
fn Distribution(counts: [usize; 11]) -> impl IntoView {
    const W: f64 = 640.0;
    const H: f64 = 220.0;
    const BASE: f64 = 180.0;
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = (W - 40.0) / 11.0;
    let described = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, n)| format!("{n} at {:.1}", i as f64 / 10.0))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <svg class="chart distribution" viewBox=format!("0 0 {W} {H}") role="img"
            aria-label=format!("Distribution of objective scores: {}", if described.is_empty() { "none scored".to_owned() } else { described })>
            {counts.iter().enumerate().map(|(i, &n)| {
                let height = n as f64 / most * (BASE - 30.0);
                let x = 30.0 + i as f64 * slot;
                let class = match i { 0..=3 => "bar red", 4..=6 => "bar yellow", _ => "bar green" };
                view! {
                    <rect x=x + 6.0 y=BASE - height width=slot - 12.0 height=height class=class />
                    {(n > 0).then(|| view! { <text x=x + slot / 2.0 y=BASE - height - 6.0 text-anchor="middle" class="axis">{n}</text> })}
                    <text x=x + slot / 2.0 y=BASE + 22.0 text-anchor="middle" class="axis">{format!("{:.1}", i as f64 / 10.0)}</text>
                }
            }).collect_view()}
            <line x1="24" x2=W - 10.0 y1=BASE y2=BASE class="grid" />
        </svg>
    }
}

/// Notes for the objectives in view, a page at a time (the same page as the
/// grades): a cycle of a large organisation has thousands.
#[component]
pub fn ReviewNotes(#[prop(into)] objectives: Signal<Vec<Id>>) -> impl IntoView {
    let scoring = Scoring::expect();
    let drawn = drawn_in_steps(scoring.shown.into(), CARDS_ON_A_SCREEN, move || {
        scoring.list_choice()
    });
    view! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">"Review"</h2>
            <ul class="questions" aria-label="Review questions">
                {QUESTIONS.map(|q| view! { <li>{q}</li> }).collect_view()}
            </ul>
            <For each=move || objectives.with(|ids| first_page(ids, drawn.get())) key=|id| id.clone() let:id>
                <ObjectiveReview id />
            </For>
            <ShowMore total=Signal::derive(move || objectives.with(Vec::len)) shown=scoring.shown />
        </section>
    }
}

#[component]
fn ObjectiveReview(id: Id) -> impl IntoView {
    let scoring = Scoring::expect();
    let state = scoring.state;
    // Follows this objective alone, found by its position.
    let review = {
        let id = id.clone();
        Memo::new(move |_| {
            let at = scoring.objective_position(&id)?;
            scoring.objective_at(at, &id).map(|o| (o.title, o.review))
        })
    };
    let title = move || review.with(|r| r.as_ref().map(|(t, _)| t.clone()).unwrap_or_default());
    let field = move |read: fn(&Review) -> String| {
        Signal::derive(move || {
            review.with(|r| r.as_ref().map(|(_, r)| read(r)).unwrap_or_default())
        })
    };
    let write = {
        let id = id.clone();
        move |set: fn(&mut Review, String)| {
            let id = id.clone();
            move |text: String| state.edit(|p| ops::edit_review(p, &id, |r| set(r, text)))
        }
    };
    let score = {
        let id = id.clone();
        Signal::derive(move || scoring.objective_score(&id))
    };
    view! {
        <article class="objective-review" aria-label=move || format!("Review of {}", title())>
            <h3>{title} " " <ScoreBadge score /></h3>
            <div class="form-grid three">
                <label>"Wins" <TextArea label=format!("Wins of {}", title()) value=field(|r| r.wins.clone()) commit=write(|r, t| r.wins = t) /></label>
                <label>"Misses" <TextArea label=format!("Misses of {}", title()) value=field(|r| r.misses.clone()) commit=write(|r, t| r.misses = t) /></label>
                <label>"Lessons" <TextArea label=format!("Lessons of {}", title()) value=field(|r| r.lessons.clone()) commit=write(|r, t| r.lessons = t) /></label>
            </div>
        </article>
    }
}
