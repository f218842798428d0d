//! The rollout picture: phases over dates, each a bar split by participation,
//! with the OKR cadence (check-ins, monthly reviews, quarter-end scoring and
//! planning), pauses and relaunches, and today. Colours are drawn from a
//! fixed light palette so the downloaded file looks the same anywhere; every
//! colour is paired with a shape, a pattern or a word.

use super::context::{Index, Rollout};
use super::phases::{accept_unit, drop_on_phase};
use crate::model::date::{day_month, month_name, month_year};
use crate::model::{Aspects, CheckInCadence, CycleKind, Plan, ProgrammeEventKind};
use crate::ui::svg::wrap;
use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::ev;
use leptos::prelude::*;

pub const WIDTH: f64 = 1200.0;
const LEFT: f64 = 200.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 76.0;
const ROW: f64 = 52.0;
const LANE: f64 = 28.0;
const LEGEND: f64 = 40.0;

pub const INK: &str = "#1b1f24";
pub const MUTED: &str = "#545b66";
pub const GRID: &str = "#d5dae1";
pub const ACTIVE: &str = "#1f7a4d";
pub const VIEW_ONLY: &str = "#1f5fbf";
const PAUSE: &str = "#b42318";
const TODAY: &str = "#c2410c";

/// Months from the first phase (or event) to the last, whole months.
#[derive(Clone, Copy, Default, PartialEq)]
struct Scale {
    from: NaiveDate,
    days: f64,
}

impl Scale {
    fn x(&self, date: NaiveDate) -> f64 {
        let offset = (date - self.from).num_days() as f64;
        LEFT + offset / self.days * (WIDTH - LEFT - RIGHT)
    }
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn next_month(date: NaiveDate) -> NaiveDate {
    date.checked_add_months(Months::new(1)).unwrap_or(date)
}

/// Quarter ends within the span: the plan's own quarter cycles (a fiscal
/// year), and calendar quarters wherever the plan has no quarter cycle.
fn quarter_ends(plan: &Plan, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let quarters: Vec<_> = plan
        .cycles
        .iter()
        .filter(|c| c.kind == CycleKind::Quarter)
        .collect();
    let mut ends: Vec<NaiveDate> = quarters
        .iter()
        .map(|c| c.end)
        .filter(|&end| from <= end && end <= to)
        .collect();
    let mut month = month_start(from);
    while month <= to {
        let end = next_month(month).pred_opt().unwrap_or(month);
        let covered = quarters.iter().any(|c| c.contains(end));
        if end.month() % 3 == 0 && from <= end && end <= to && !covered {
            ends.push(end);
        }
        month = next_month(month);
    }
    ends.sort();
    ends.dedup();
    ends
}

/// Everything the picture draws but the phase bars. It follows the phases'
/// dates, the events, the cadence and the plan's quarters, not participation
/// or names, so an edit of those redraws the bars alone.
#[derive(Default, PartialEq)]
struct Frame {
    height: f64,
    scale: Scale,
    phase_count: usize,
    cadence: CheckInCadence,
    months: Vec<(f64, String)>,
    /// Marks per cadence lane: check-ins, monthly reviews, quarter ends.
    lanes: [Vec<f64>; 3],
    events: Vec<(f64, ProgrammeEventKind, NaiveDate, String)>,
    today: Option<f64>,
    lanes_top: f64,
}

fn frame_of(plan: &Plan, ix: &Index, today: NaiveDate) -> Frame {
    let (Some(first), Some(last)) = (ix.phases.first(), ix.phases.last()) else {
        return Frame::default();
    };
    let rollout = &plan.rollout;
    let event_days = rollout.events.iter().map(|e| e.date);
    let start = event_days
        .clone()
        .chain([first.start])
        .min()
        .unwrap_or(first.start);
    let end = ix
        .phases
        .iter()
        .map(|p| p.end)
        .chain(event_days)
        .max()
        .unwrap_or(last.end);
    let from = month_start(start);
    let to = next_month(month_start(end));
    let scale = Scale {
        from,
        days: (to - from).num_days().max(1) as f64,
    };
    let lanes_top = TOP + ix.phases.len() as f64 * ROW + 8.0;
    Frame {
        height: lanes_top + 4.0 * LANE + LEGEND,
        scale,
        phase_count: ix.phases.len(),
        cadence: rollout.cadence,
        months: months(&scale, from, to),
        lanes: cadence(plan, &scale, first.start, end),
        events: rollout
            .events
            .iter()
            .map(|e| (scale.x(e.date), e.kind, e.date, e.note.clone()))
            .collect(),
        today: (from <= today && today < to).then(|| scale.x(today)),
        lanes_top,
    }
}

/// A bar per phase, split by participation; `selected` is the shown phase's position.
fn bars_of(ix: &Index, scale: &Scale, selected: Option<usize>) -> Vec<PhaseBar> {
    ix.phases
        .iter()
        .enumerate()
        .map(|(k, phase)| {
            let x = scale.x(phase.start);
            let w = (scale.x(phase.end.succ_opt().unwrap_or(phase.end)) - x).max(4.0);
            let counts = ix.counts(k);
            let total = counts.iter().sum::<usize>().max(1) as f64;
            let label = wrap(&phase.name, ((w - 8.0) / 7.5).max(4.0) as usize, 1)
                .pop()
                .unwrap_or_default();
            PhaseBar {
                id: phase.id.clone(),
                y: TOP + k as f64 * ROW,
                x,
                w,
                label,
                title: format!(
                    "{}: {} to {}; {} active, {} view-only, {} not started",
                    phase.name, phase.start, phase.end, counts[0], counts[1], counts[2]
                ),
                shares: counts.map(|c| c as f64 / total),
                counts,
                selected: selected == Some(k),
            }
        })
        .collect()
}

#[derive(PartialEq)]
struct PhaseBar {
    id: crate::model::Id,
    y: f64,
    x: f64,
    w: f64,
    label: String,
    title: String,
    shares: [f64; 3],
    counts: [usize; 3],
    selected: bool,
}

fn months(scale: &Scale, from: NaiveDate, to: NaiveDate) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let mut month = from;
    while month < to {
        let label = if month.month() == 1 || month == from {
            month_year(month)
        } else {
            month_name(month).to_owned()
        };
        out.push((scale.x(month), label));
        month = next_month(month);
    }
    out
}

fn cadence(plan: &Plan, scale: &Scale, from: NaiveDate, to: NaiveDate) -> [Vec<f64>; 3] {
    let step = match plan.rollout.cadence {
        CheckInCadence::Weekly => 7,
        CheckInCadence::Biweekly => 14,
    };
    let mut check_ins = Vec::new();
    let mut day = from;
    while day <= to {
        check_ins.push(scale.x(day));
        day = day
            .checked_add_days(Days::new(step))
            .unwrap_or(NaiveDate::MAX);
    }
    let quarter_ends = quarter_ends(plan, from, to);
    // A monthly review at each month's end, except where the quarter's review takes its place.
    let mut reviews = Vec::new();
    let mut month = month_start(from);
    while month <= to {
        let end = next_month(month).pred_opt().unwrap_or(month);
        if from <= end && end <= to && !quarter_ends.contains(&end) {
            reviews.push(scale.x(end));
        }
        month = next_month(month);
    }
    [
        check_ins,
        reviews,
        quarter_ends.into_iter().map(|d| scale.x(d)).collect(),
    ]
}

fn cadence_name(cadence: CheckInCadence) -> &'static str {
    match cadence {
        CheckInCadence::Weekly => "Weekly check-ins",
        CheckInCadence::Biweekly => "Check-ins every two weeks",
    }
}

fn phase_bars(rollout: Rollout, bars: &[PhaseBar]) -> impl IntoView {
    bars.iter().map(|b| {
        let id = b.id.clone();
        let pick = {
            let id = id.clone();
            move |_| rollout.chosen_phase.set(Some(id.clone()))
        };
        let bar_y = b.y + 20.0;
        let widths = b.shares.map(|s| s * b.w);
        // A count is written only where its part of the bar has room for it.
        let count_text = |i: usize, w: f64| (w >= 26.0 && b.counts[i] > 0).then(|| b.counts[i].to_string());
        view! {
            <g class="phase" on:click=pick
                on:dragover=move |ev: ev::DragEvent| accept_unit(rollout, &ev)
                on:drop=move |ev: ev::DragEvent| drop_on_phase(rollout, &id, &ev)>
                <title>{b.title.clone()}</title>
                <text x=b.x + 2.0 y=b.y + 14.0 font-size="14" font-weight=if b.selected { "700" } else { "600" } fill=INK>
                    {if b.selected { format!("▶ {}", b.label) } else { b.label.clone() }}
                </text>
                <rect x=b.x y=bar_y width=widths[0] height="24" fill=ACTIVE />
                <rect x=b.x + widths[0] y=bar_y width=widths[1] height="24" fill="url(#rollout-hatch)" />
                <rect x=b.x + widths[0] + widths[1] y=bar_y width=widths[2] height="24" fill="#ffffff" />
                <rect x=b.x y=bar_y width=b.w height="24" fill="none" stroke=if b.selected { TODAY } else { MUTED }
                    stroke-width=if b.selected { "3" } else { "1" } />
                {count_text(0, widths[0]).map(|t| view! {
                    <text x=b.x + 5.0 y=bar_y + 17.0 font-size="13" font-weight="700" fill="#ffffff">{t}</text>
                })}
                {count_text(1, widths[1]).map(|t| view! {
                    <text x=b.x + widths[0] + 5.0 y=bar_y + 17.0 font-size="13" font-weight="700" fill=INK paint-order="stroke" stroke="#ffffff" stroke-width="3">{t}</text>
                })}
                {count_text(2, widths[2]).map(|t| view! {
                    <text x=b.x + widths[0] + widths[1] + 5.0 y=bar_y + 17.0 font-size="13" fill=MUTED>{t}</text>
                })}
            </g>
        }
    }).collect_view()
}

#[component]
pub fn Timeline() -> impl IntoView {
    let rollout = Rollout::expect();
    let state = rollout.state;
    // Redrawing the frame costs some thousand attribute writes (Leptos sets
    // every attribute of an erased element anew), so it is drawn again only
    // when it differs; a participation edit redraws only the bars.
    let read = Aspects::LAYOUT.union(Aspects::ROLLOUT);
    let frame = Memo::new(move |_| {
        rollout
            .index
            .with(|ix| state.with_aspects(read, |p| frame_of(p, ix, rollout.today)))
    });
    let bars = Memo::new(move |_| {
        let selected = rollout.phase.get();
        let scale = frame.with(|f| f.scale);
        rollout.index.with(|ix| bars_of(ix, &scale, selected))
    });
    let title = move || {
        state.with_aspects(Aspects::TEXT.union(Aspects::ROLLOUT), |p| {
            format!("{} — {} rollout", p.meta.name, p.rollout.strategy.label())
        })
    };
    move || {
        frame.with(|d| {
            let label = format!(
                "Timeline of {} phases with {}, monthly reviews and quarter-end scoring{}",
                d.phase_count,
                cadence_name(d.cadence).to_lowercase(),
                if d.events.is_empty() {
                    String::new()
                } else {
                    format!(", and {} programme events", d.events.len())
                }
            );
            let bottom = d.lanes_top + 4.0 * LANE;
            let lane_y = |i: usize| d.lanes_top + i as f64 * LANE;
            let months = d
                .months
                .iter()
                .map(|(x, label)| {
                    view! {
                        <line x1=*x x2=*x y1=TOP - 12.0 y2=bottom stroke=GRID stroke-width="1" />
                        <text x=x + 4.0 y=TOP - 16.0 font-size="13" fill=MUTED>{label.clone()}</text>
                    }
                })
                .collect_view();
            let lane_labels = [cadence_name(d.cadence), "Monthly reviews", "Quarter-end scoring and planning", "Pauses and relaunches"]
                .into_iter()
                .enumerate()
                .map(|(i, text)| view! {
                    <text x="12" y=lane_y(i) + 18.0 font-size="13" fill=INK>{text}</text>
                    <line x1="8" x2=WIDTH - RIGHT y1=lane_y(i) y2=lane_y(i) stroke=GRID stroke-width="1" />
                })
                .collect_view();
            let ticks = d.lanes[0].iter().map(|x| view! {
                <line x1=*x x2=*x y1=lane_y(0) + 7.0 y2=lane_y(0) + 21.0 stroke=INK stroke-width="1.5" />
            }).collect_view();
            let reviews = d.lanes[1].iter().map(|x| {
                let y = lane_y(1) + 14.0;
                view! { <path d=format!("M{x:.1},{:.1} l6,6 l-6,6 l-6,-6 z", y - 6.0) fill=VIEW_ONLY /> }
            }).collect_view();
            let quarters = d.lanes[2]
                .iter()
                .map(|x| {
                    let y = lane_y(2) + 21.0;
                    view! { <path d=format!("M{:.1},{y:.1} l7,-14 l7,14 z", x - 7.0) fill=ACTIVE /> }
                })
                .collect_view();
            let events = d.events.iter().map(|(x, kind, date, note)| {
                let y = lane_y(3) + 6.0;
                let (mark, word) = match kind {
                    ProgrammeEventKind::Pause => (
                        view! { <g><rect x=x - 6.0 y=y width="4" height="16" fill=PAUSE /><rect x=x + 2.0 y=y width="4" height="16" fill=PAUSE /></g> }.into_any(),
                        "Pause",
                    ),
                    ProgrammeEventKind::Relaunch => (
                        view! { <path d=format!("M{:.1},{y:.1} l13,8 l-13,8 z", x - 5.0) fill=ACTIVE /> }.into_any(),
                        "Relaunch",
                    ),
                };
                let colour = if *kind == ProgrammeEventKind::Pause { PAUSE } else { ACTIVE };
                view! {
                    <g>
                        <title>{format!("{word} on {date}{}", if note.is_empty() { String::new() } else { format!(": {note}") })}</title>
                        <line x1=*x x2=*x y1=TOP - 8.0 y2=y stroke=colour stroke-width="2" stroke-dasharray="6 4" />
                        {mark}
                        <text x=x + 10.0 y=y + 13.0 font-size="13" font-weight="600" fill=INK>{format!("{word} {}", day_month(*date))}</text>
                    </g>
                }
            }).collect_view();
            let today = d.today.map(|x| view! {
                <line x1=x x2=x y1=TOP - 46.0 y2=bottom stroke=TODAY stroke-width="2" />
                <text x=x + 4.0 y=TOP - 34.0 font-size="13" font-weight="700" fill=TODAY>"Today"</text>
            });
            let legend_y = bottom + 26.0;
            view! {
                <svg
                    id="rollout-timeline"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=format!("0 0 {WIDTH} {:.0}", d.height)
                    width=WIDTH
                    height=format!("{:.0}", d.height)
                    role="img"
                    aria-label=label
                    font-family="system-ui, sans-serif"
                >
                    <defs>
                        <pattern id="rollout-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect width="8" height="8" fill="#dbe7fb" />
                            <line x1="0" y1="0" x2="0" y2="8" stroke=VIEW_ONLY stroke-width="3" />
                        </pattern>
                    </defs>
                    <rect width="100%" height="100%" fill="#f6f7f9" />
                    <text x="12" y="24" font-size="17" font-weight="700" fill=INK>{title}</text>
                    {months}
                    {lane_labels}
                    {move || bars.with(|b| phase_bars(rollout, b))}
                    {ticks}
                    {reviews}
                    {quarters}
                    {events}
                    {today}
                    <g font-size="13" fill=INK>
                        <rect x="12" y=legend_y - 12.0 width="22" height="14" fill=ACTIVE />
                        <text x="40" y=legend_y>"Active"</text>
                        <rect x="110" y=legend_y - 12.0 width="22" height="14" fill="url(#rollout-hatch)" stroke=MUTED />
                        <text x="138" y=legend_y>"View-only"</text>
                        <rect x="230" y=legend_y - 12.0 width="22" height="14" fill="#ffffff" stroke=MUTED />
                        <text x="258" y=legend_y>"Not started (numbers are units)"</text>
                        <line x1="500" x2="500" y1=legend_y - 13.0 y2=legend_y + 1.0 stroke=INK stroke-width="1.5" />
                        <text x="508" y=legend_y>"Check-in"</text>
                        <path d=format!("M590,{:.1} l6,6 l-6,6 l-6,-6 z", legend_y - 12.0) fill=VIEW_ONLY />
                        <text x="602" y=legend_y>"Monthly review"</text>
                        <path d=format!("M716,{:.1} l7,-14 l7,14 z", legend_y + 1.0) fill=ACTIVE />
                        <text x="736" y=legend_y>"Quarter-end scoring and planning"</text>
                        <line x1="990" x2="990" y1=legend_y - 13.0 y2=legend_y + 1.0 stroke=TODAY stroke-width="2" />
                        <text x="996" y=legend_y>"Today"</text>
                    </g>
                </svg>
            }
        })
    }
}
