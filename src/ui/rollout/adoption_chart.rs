//! Adoption over time: the share of units, and of people where headcounts are
//! known, that are active or view-only, phase by phase. Each series has its
//! own line style and marker shape besides its colour; a table gives the
//! same numbers in words.

use super::context::Rollout;
use super::timeline::{ACTIVE, GRID, INK, MUTED, VIEW_ONLY};
use crate::model::date::day_month_year;
use crate::model::rollout_plan::AdoptionPoint;
use chrono::NaiveDate;
use leptos::prelude::*;

pub const WIDTH: f64 = 1200.0;
pub const HEIGHT: f64 = 340.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 260.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 44.0;

struct Series {
    name: &'static str,
    colour: &'static str,
    dash: &'static str,
    value: fn(&AdoptionPoint) -> Option<f64>,
}

const SERIES: [Series; 4] = [
    Series {
        name: "Units active",
        colour: ACTIVE,
        dash: "none",
        value: |p| Some(p.active_units),
    },
    Series {
        name: "Units view-only",
        colour: VIEW_ONLY,
        dash: "8 5",
        value: |p| Some(p.view_only_units),
    },
    Series {
        name: "People active",
        colour: "#6a3fb0",
        dash: "2 4",
        value: |p| p.active_people,
    },
    Series {
        name: "People view-only",
        colour: "#8a5a00",
        dash: "12 4 2 4",
        value: |p| p.view_only_people,
    },
];

/// A marker per series: circle, square, triangle, diamond.
fn marker(series: usize, x: f64, y: f64, colour: &'static str) -> AnyView {
    match series {
        0 => view! { <circle cx=x cy=y r="5" fill=colour /> }.into_any(),
        1 => view! { <rect x=x - 4.5 y=y - 4.5 width="9" height="9" fill=colour /> }.into_any(),
        2 => view! { <path d=format!("M{:.1},{:.1} l5.5,9 l-11,0 z", x, y - 5.5) fill=colour /> }
            .into_any(),
        _ => view! { <path d=format!("M{x:.1},{:.1} l5,5 l-5,5 l-5,-5 z", y - 5.0) fill=colour /> }
            .into_any(),
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn y(share: f64) -> f64 {
    TOP + (1.0 - share) * (HEIGHT - TOP - BOTTOM)
}

/// What the chart is drawn against: the phases' start dates, the latest end
/// of any phase and the series every phase has data for. An edit of
/// participation changes the shares, not these, so it redraws the lines alone
/// (Leptos sets every attribute of a redrawn element anew).
#[derive(Clone, PartialEq)]
struct Axes {
    starts: Vec<NaiveDate>,
    end: NaiveDate,
    shown: Vec<usize>,
}

impl Axes {
    fn of(points: &[AdoptionPoint], end: Option<NaiveDate>) -> Option<Axes> {
        let end = end.filter(|_| !points.is_empty())?;
        Some(Axes {
            starts: points.iter().map(|p| p.start).collect(),
            end,
            shown: (0..SERIES.len())
                .filter(|&s| points.iter().all(|p| (SERIES[s].value)(p).is_some()))
                .collect(),
        })
    }

    fn x(&self, day: NaiveDate) -> f64 {
        let from = self.starts.first().copied().unwrap_or(day);
        let days = (self.end - from).num_days().max(1) as f64;
        LEFT + (day - from).num_days() as f64 / days * (WIDTH - LEFT - RIGHT)
    }
}

/// A step line per series with a marker at each phase start, and the share
/// of units active written at each.
fn lines(axes: &Axes, points: &[AdoptionPoint]) -> impl IntoView {
    axes.shown.iter().map(|&s| {
        let series = &SERIES[s];
        // A step line: each phase's share holds until the next phase starts.
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            let value = (series.value)(p).unwrap_or(0.0);
            let until = points.get(i + 1).map_or(axes.end, |n| n.start);
            let cmd = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{cmd}{:.1},{:.1} L{:.1},{:.1} ", axes.x(p.start), y(value), axes.x(until), y(value)));
        }
        let markers = points.iter().map(|p| {
            let value = (series.value)(p).unwrap_or(0.0);
            marker(s, axes.x(p.start), y(value), series.colour)
        }).collect_view();
        let labels = (s == 0).then(|| points.iter().map(|p| view! {
            <text x=axes.x(p.start) + 8.0 y=y(p.active_units) - 8.0 font-size="13" font-weight="700" fill=INK
                paint-order="stroke" stroke="#f6f7f9" stroke-width="4">{percent(p.active_units)}</text>
        }).collect_view());
        view! {
            <path d=d fill="none" stroke=series.colour stroke-width="3" stroke-dasharray=series.dash />
            {markers}
            {labels}
        }
    }).collect_view()
}

#[component]
pub fn AdoptionChart() -> impl IntoView {
    let rollout = Rollout::expect();
    let data = Memo::new_with_compare(
        move |_| {
            let points = rollout.adoption.get();
            rollout.index.with(|ix| {
                let end = ix.phases.iter().map(|ph| ph.end).max();
                let names = ix
                    .phases
                    .iter()
                    .map(|ph| ph.name.clone())
                    .collect::<Vec<_>>();
                std::sync::Arc::new((points, end, names))
            })
        },
        |_, _| true,
    );
    let axes = Memo::new(move |_| data.with(|d| Axes::of(&d.0, d.1)));
    let label = move || {
        data.with(|d| {
            let share = |p: Option<&AdoptionPoint>| percent(p.map_or(0.0, |p| p.active_units));
            format!(
                "Adoption over time: units active from {} in the first phase to {} in the last",
                share(d.0.first()),
                share(d.0.last())
            )
        })
    };
    let chart = move || {
        axes.with(|axes| {
            let axes = axes.clone()?;
            let grid = [0.0, 0.25, 0.5, 0.75, 1.0].map(|share| view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=y(share) y2=y(share) stroke=GRID stroke-width="1" />
                <text x=LEFT - 8.0 y=y(share) + 4.0 font-size="13" text-anchor="end" fill=MUTED>{percent(share)}</text>
            }).into_iter().collect_view();
            let dates = axes.starts.iter().map(|&start| view! {
                <line x1=axes.x(start) x2=axes.x(start) y1=TOP y2=HEIGHT - BOTTOM stroke=GRID stroke-width="1" />
                <text x=axes.x(start) y=HEIGHT - BOTTOM + 20.0 font-size="13" text-anchor="middle" fill=MUTED>{day_month_year(start)}</text>
            }).collect_view();
            let legend = axes.shown.iter().enumerate().map(|(row, &s)| {
                let series = &SERIES[s];
                let ly = TOP + 10.0 + row as f64 * 26.0;
                let lx = WIDTH - RIGHT + 24.0;
                view! {
                    <line x1=lx x2=lx + 40.0 y1=ly y2=ly stroke=series.colour stroke-width="3" stroke-dasharray=series.dash />
                    {marker(s, lx + 20.0, ly, series.colour)}
                    <text x=lx + 50.0 y=ly + 5.0 font-size="14" fill=INK>{series.name}</text>
                }
            }).collect_view();
            Some(view! {
                <svg
                    id="rollout-adoption"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    width=WIDTH
                    height=HEIGHT
                    role="img"
                    aria-label=label
                    font-family="system-ui, sans-serif"
                >
                    <rect width="100%" height="100%" fill="#f6f7f9" />
                    <text x="12" y="26" font-size="17" font-weight="700" fill=INK>"Adoption over time (share at each phase start)"</text>
                    {grid}
                    {dates}
                    {move || data.with(|d| lines(&axes, &d.0))}
                    {legend}
                </svg>
            })
        })
    };
    let table = move || {
        let data = data.get();
        let (points, _, names) = &*data;
        let people = |v: Option<f64>| v.map_or_else(|| "unknown".to_owned(), percent);
        points
            .iter()
            .zip(names)
            .map(|(p, name)| {
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        <td>{percent(p.active_units)}</td>
                        <td>{percent(p.view_only_units)}</td>
                        <td>{people(p.active_people)}</td>
                        <td>{people(p.view_only_people)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="adoption chart" aria-labelledby="adoption-title">
            <h2 id="adoption-title">"Adoption"</h2>
            {chart}
            <details>
                <summary>"Adoption as a table"</summary>
                <table aria-label="Adoption by phase">
                    <thead><tr><th scope="col">"Phase"</th><th scope="col">"Units active"</th><th scope="col">"Units view-only"</th><th scope="col">"People active"</th><th scope="col">"People view-only"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </section>
    }
}
