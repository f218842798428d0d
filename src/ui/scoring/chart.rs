//! Progress over a cycle as an SVG line chart, with the expected pace drawn
//! as a dashed diagonal; large type so a projector audience can read it.

use crate::model::date::{day_month, month_name};
use crate::model::Cycle;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

#[component]
pub fn ProgressChart(
    #[prop(into)] title: String,
    cycle: Cycle,
    points: Vec<(NaiveDate, f64)>,
    today: NaiveDate,
) -> impl IntoView {
    let days = ((cycle.end - cycle.start).num_days()).max(1) as f64;
    let x = move |d: NaiveDate| {
        LEFT + ((d - cycle.start).num_days() as f64 / days).clamp(0.0, 1.0) * (W - LEFT - RIGHT)
    };
    let y = |p: f64| TOP + (1.0 - p.clamp(0.0, 1.0)) * (H - TOP - BOTTOM);
    let line: String = points
        .iter()
        .map(|&(d, p)| format!("{:.1},{:.1}", x(d), y(p)))
        .collect::<Vec<_>>()
        .join(" ");
    let latest = points
        .last()
        .map(|&(d, p)| format!("{p:.1} on {}", day_month(d)));
    let description = format!(
        "Progress of {title}: {}. The dashed line is the expected pace.",
        latest.unwrap_or_else(|| "no check-ins yet".into())
    );
    // Month ticks along the cycle.
    let mut ticks = Vec::new();
    let mut month =
        NaiveDate::from_ymd_opt(cycle.start.year(), cycle.start.month(), 1).unwrap_or(cycle.start);
    while month <= cycle.end {
        if month >= cycle.start {
            ticks.push(month);
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(cycle.end + chrono::Days::new(1));
    }
    let today_x = (cycle.start..=cycle.end).contains(&today).then(|| x(today));
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=description>
            {[0.0, 0.3, 0.7, 1.0].map(|p| view! {
                <line x1=LEFT x2=W - RIGHT y1=y(p) y2=y(p) class="grid" />
                <text x=LEFT - 8.0 y=y(p) + 5.0 text-anchor="end" class="axis">{format!("{p:.1}")}</text>
            }).collect_view()}
            {ticks.into_iter().map(|t| view! {
                <text x=x(t) y=H - 12.0 class="axis">{month_name(t)}</text>
            }).collect_view()}
            <line x1=x(cycle.start) y1=y(0.0) x2=x(cycle.end) y2=y(1.0) class="pace" />
            {today_x.map(|tx| view! {
                <line x1=tx x2=tx y1=TOP y2=H - BOTTOM class="today" />
                <text x=tx + 4.0 y=TOP + 12.0 class="axis">"today"</text>
            })}
            <polyline points=line class="progress" />
            {points.iter().map(|&(d, p)| view! { <circle cx=x(d) cy=y(p) r="5" class="point" /> }).collect_view()}
        </svg>
    }
}
