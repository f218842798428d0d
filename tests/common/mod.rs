//! Shared test helpers: generators of valid plans for property tests, and
//! mutations of files.
#![allow(dead_code)] // each test crate uses a different part

use chrono::NaiveDate;
use okrplan::model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy;

pub fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÄéß€][A-Za-z0-9 äé€\"\\\\/<>&'\\n\\t-]{0,12}"
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3000)
        .prop_map(|d| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(d as u64))
}

fn span() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (date(), 0u64..400).prop_map(|(start, len)| (start, start + chrono::Days::new(len)))
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![-1e9f64..1e9, Just(0.0), any::<i32>().prop_map(f64::from)]
}

fn unit_fraction() -> impl Strategy<Value = f64> {
    0.0f64..=1.0
}

fn measure_and_values() -> impl Strategy<Value = (MeasureKind, f64, f64, Vec<f64>)> {
    prop_oneof![
        (finite(), finite(), prop::collection::vec(finite(), 0..3)).prop_map(|(s, t, v)| (
            MeasureKind::Number,
            s,
            t,
            v
        )),
        (
            0.0f64..=100.0,
            0.0f64..=100.0,
            prop::collection::vec(0.0f64..=100.0, 0..3)
        )
            .prop_map(|(s, t, v)| (MeasureKind::Percentage, s, t, v)),
        prop::collection::vec(prop_oneof![Just(0.0), Just(1.0)], 0..3).prop_map(|v| (
            MeasureKind::Milestone,
            0.0,
            1.0,
            v
        )),
        prop::collection::vec(unit_fraction(), 0..3).prop_map(|v| (
            MeasureKind::Grade,
            0.0,
            1.0,
            v
        )),
    ]
}

fn key_result(seed: usize) -> impl Strategy<Value = KeyResult> {
    (
        text(),
        measure_and_values(),
        text(),
        0.0f64..10.0,
        prop::collection::vec((date(), prop::option::of(unit_fraction()), text()), 0..3),
        prop::option::of((unit_fraction(), text())),
    )
        .prop_map(
            move |(title, (measure, start, target, values), uom, weight, dated, over)| KeyResult {
                id: Id::mint("kr", seed as u64),
                title,
                measure,
                start,
                target,
                unit_of_measure: uom,
                weight,
                check_ins: values
                    .iter()
                    .zip(dated)
                    .enumerate()
                    .map(|(i, (&value, (date, confidence, comment)))| CheckIn {
                        id: Id::mint("ci", (seed * 10 + i) as u64),
                        date,
                        value,
                        confidence,
                        comment,
                    })
                    .collect(),
                score_override: over.map(|(score, reason)| ScoreOverride { score, reason }),
            },
        )
}

/// A random plan that satisfies every rule of `validate`: references point to
/// existing items, parents and alignments point only backwards (so no loops).
pub fn valid_plan() -> impl Strategy<Value = Plan> {
    (1usize..8, 1usize..4, 0usize..10, 0usize..3).prop_flat_map(
        |(units, cycles, objectives, phases)| {
            let unit_parents: Vec<_> = (0..units)
                .map(|i| {
                    if i == 0 {
                        Just(None).boxed()
                    } else {
                        prop::option::of(0..i).boxed()
                    }
                })
                .collect();
            let kinds = prop::collection::vec(
                prop_oneof![
                    Just(UnitKind::Company),
                    Just(UnitKind::Team),
                    Just(UnitKind::Person),
                    text().prop_map(UnitKind::Custom)
                ],
                units,
            );
            let objective_parts = prop::collection::vec(
                (
                    0..units,
                    0..cycles,
                    any::<bool>(),
                    text(),
                    prop::option::of((
                        any::<prop::sample::Index>(),
                        any::<bool>(),
                        any::<prop::sample::Index>(),
                    )),
                    0usize..4,
                ),
                objectives,
            );
            (
                text(),
                any::<bool>(),
                unit_parents,
                kinds,
                prop::collection::vec(
                    (text(), span(), prop::option::of(1u32..500)),
                    units.max(cycles).max(phases),
                ),
                objective_parts,
                prop::collection::vec(key_result(0), objectives * 4),
                prop::collection::vec(
                    (0..units, 0..phases.max(1), 0u8..3),
                    0..(units * phases + 1),
                ),
                prop::collection::vec((text(), prop::option::of(0..units), 0u8..4), 0..3),
                prop::collection::vec((0..phases.max(1), text(), any::<bool>()), 0..4),
            )
                .prop_map(
                    move |(
                        name,
                        roll_up,
                        parents,
                        kinds,
                        named,
                        objective_parts,
                        krs,
                        part,
                        roles,
                        ready,
                    )| {
                        let mut plan = Plan::new(name);
                        plan.settings.roll_up_aligned = roll_up;
                        plan.cycles = (0..cycles)
                            .map(|i| Cycle {
                                id: Id::mint("cy", i as u64),
                                name: named[i].0.clone(),
                                kind: [CycleKind::Quarter, CycleKind::Year, CycleKind::Custom]
                                    [i % 3],
                                start: named[i].1 .0,
                                end: named[i].1 .1,
                            })
                            .collect();
                        plan.units = (0..units)
                            .map(|i| Unit {
                                id: Id::mint("u", i as u64),
                                name: named[i].0.clone(),
                                kind: kinds[i].clone(),
                                parent: parents[i].map(|p| Id::mint("u", p as u64)),
                                headcount: named[i].2,
                            })
                            .collect();
                        let mut krs = krs.into_iter();
                        let mut kr_serial = 0u64;
                        for (i, (unit, cycle, aspirational, title, align, kr_count)) in
                            objective_parts.into_iter().enumerate()
                        {
                            let aligned_to = align.and_then(|(target, to_kr, kr_index)| {
                                if i == 0 {
                                    return None;
                                }
                                let parent: &Objective = &plan.objectives[target.index(i)];
                                if to_kr && !parent.key_results.is_empty() {
                                    let k = kr_index.index(parent.key_results.len());
                                    Some(Alignment::KeyResult(parent.key_results[k].id.clone()))
                                } else {
                                    Some(Alignment::Objective(parent.id.clone()))
                                }
                            });
                            let key_results = krs
                                .by_ref()
                                .take(kr_count)
                                .map(|mut kr| {
                                    kr_serial += 1;
                                    kr.id = Id::mint("kr", kr_serial);
                                    for (c, check_in) in kr.check_ins.iter_mut().enumerate() {
                                        check_in.id = Id::mint(&format!("ci{kr_serial}"), c as u64);
                                    }
                                    kr
                                })
                                .collect();
                            plan.objectives.push(Objective {
                                id: Id::mint("o", i as u64),
                                title,
                                description: String::new(),
                                unit: Id::mint("u", unit as u64),
                                cycle: Id::mint("cy", cycle as u64),
                                commitment: if aspirational {
                                    Commitment::Aspirational
                                } else {
                                    Commitment::Committed
                                },
                                aligned_to,
                                key_results,
                                review: Review::default(),
                            });
                        }
                        plan.rollout.phases = (0..phases)
                            .map(|i| Phase {
                                id: Id::mint("ph", i as u64),
                                name: named[i].0.clone(),
                                start: named[i].1 .0,
                                end: named[i].1 .1,
                            })
                            .collect();
                        if phases > 0 {
                            let statuses = [
                                ParticipationStatus::NotStarted,
                                ParticipationStatus::ViewOnly,
                                ParticipationStatus::Active,
                            ];
                            let mut seen = std::collections::HashSet::new();
                            for (unit, phase, status) in part {
                                if seen.insert((unit, phase)) {
                                    plan.rollout.participation.push(Participation {
                                        unit: Id::mint("u", unit as u64),
                                        phase: Id::mint("ph", phase as u64),
                                        status: statuses[status as usize],
                                    });
                                }
                            }
                            plan.rollout.readiness = ready
                                .into_iter()
                                .enumerate()
                                .map(|(i, (phase, text, done))| ReadinessItem {
                                    id: Id::mint("rd", i as u64),
                                    phase: Id::mint("ph", phase as u64),
                                    text,
                                    done,
                                })
                                .collect();
                        }
                        let role_kinds = [
                            Role::ExecutiveSponsor,
                            Role::Champion,
                            Role::Ambassador,
                            Role::Member,
                        ];
                        plan.rollout.roles = roles
                            .into_iter()
                            .enumerate()
                            .map(|(i, (person, unit, role))| RoleAssignment {
                                id: Id::mint("r", i as u64),
                                role: role_kinds[role as usize],
                                person,
                                unit: unit.map(|u| Id::mint("u", u as u64)),
                            })
                            .collect();
                        plan
                    },
                )
        },
    )
}

/// Cuts `len` bytes at `at` and puts `insert` there, on character boundaries.
pub fn mutate(text: &str, at: prop::sample::Index, len: usize, insert: &str) -> String {
    let mut start = at.index(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}
