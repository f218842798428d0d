//! The built-in sample plan a first visit opens: a mid-sized e-bike maker
//! with departments of uneven depth, OKRs for the current quarter with some
//! check-ins, and a leadership-first rollout.

use super::*;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn unit(id: &str, name: &str, kind: UnitKind, parent: Option<&str>, people: u32) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
        kind,
        parent: parent.map(Id::from),
        headcount: Some(people),
    }
}

/// A key result: `(id, title, measure, start, target, unit of measure)`, with check-ins as `(date, value)`.
fn kr(
    id: &str,
    title: &str,
    measure: MeasureKind,
    (start, target): (f64, f64),
    unit_of_measure: &str,
    check_ins: &[(NaiveDate, f64, f64)],
) -> KeyResult {
    KeyResult {
        id: id.into(),
        title: title.into(),
        measure,
        start,
        target,
        unit_of_measure: unit_of_measure.into(),
        weight: 1.0,
        check_ins: check_ins
            .iter()
            .enumerate()
            .map(|(i, &(date, value, confidence))| CheckIn {
                id: Id::from(format!("{id}-c{}", i + 1).as_str()),
                date,
                value,
                confidence: Some(confidence),
                comment: String::new(),
            })
            .collect(),
        score_override: None,
    }
}

fn objective(
    id: &str,
    title: &str,
    (unit, cycle): (&str, &str),
    commitment: Commitment,
    aligned_to: Option<Alignment>,
    key_results: Vec<KeyResult>,
) -> Objective {
    Objective {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        unit: unit.into(),
        cycle: cycle.into(),
        commitment,
        aligned_to,
        key_results,
        review: Review::default(),
    }
}

fn to_kr(id: &str) -> Option<Alignment> {
    Some(Alignment::KeyResult(id.into()))
}

fn to_objective(id: &str) -> Option<Alignment> {
    Some(Alignment::Objective(id.into()))
}

pub fn sample_plan() -> Plan {
    use Commitment::{Aspirational, Committed};
    use MeasureKind::{Grade, Milestone, Number, Percentage};
    use UnitKind::{Company, Department, Person, Team};

    let mut plan = Plan::new("Fernhill Cycles — OKRs 2026/27");
    plan.meta.description =
        "Company, department and team OKRs for Q4 2026, and the plan for rolling OKRs out in 2027."
            .into();
    plan.cycles = vec![
        cycle(
            "y2026",
            "2026",
            CycleKind::Year,
            date(2026, 1, 1),
            date(2026, 12, 31),
        ),
        cycle(
            "q3-2026",
            "Q3 2026",
            CycleKind::Quarter,
            date(2026, 7, 1),
            date(2026, 9, 30),
        ),
        cycle(
            "q4-2026",
            "Q4 2026",
            CycleKind::Quarter,
            date(2026, 10, 1),
            date(2026, 12, 31),
        ),
        cycle(
            "q1-2027",
            "Q1 2027",
            CycleKind::Quarter,
            date(2027, 1, 1),
            date(2027, 3, 31),
        ),
    ];
    plan.units = vec![
        unit("u-company", "Fernhill Cycles", Company, None, 240),
        unit("u-eng", "Engineering", Department, Some("u-company"), 90),
        unit(
            "u-platform",
            "Platform group",
            UnitKind::Custom("Group".into()),
            Some("u-eng"),
            30,
        ),
        unit(
            "u-infra",
            "Infrastructure team",
            Team,
            Some("u-platform"),
            8,
        ),
        unit("u-priya", "Priya Nair", Person, Some("u-infra"), 1),
        unit("u-data", "Data team", Team, Some("u-platform"), 6),
        unit("u-mobile", "Mobile app team", Team, Some("u-eng"), 10),
        unit("u-tom", "Tom Becker", Person, Some("u-mobile"), 1),
        unit("u-sales", "Sales", Department, Some("u-company"), 40),
        unit("u-emea", "EMEA sales", Team, Some("u-sales"), 15),
        unit(
            "u-cs",
            "Customer success",
            Department,
            Some("u-company"),
            25,
        ),
        unit(
            "u-people",
            "People & culture",
            Department,
            Some("u-company"),
            8,
        ),
        unit(
            "u-marketing",
            "Marketing",
            Department,
            Some("u-company"),
            20,
        ),
        unit("u-brand", "Brand team", Team, Some("u-marketing"), 7),
    ];

    let (oct, nov1, nov15) = (date(2026, 10, 15), date(2026, 11, 1), date(2026, 11, 15));
    let q4 = "q4-2026";
    plan.objectives = vec![
        objective(
            "o-loved",
            "Become the most loved e-bike brand in Europe",
            ("u-company", q4),
            Aspirational,
            None,
            vec![
                kr(
                    "kr-nps",
                    "Raise NPS from 32 to 50",
                    Number,
                    (32.0, 50.0),
                    "NPS",
                    &[(oct, 35.0, 0.6), (nov1, 39.0, 0.6), (nov15, 41.0, 0.5)],
                ),
                kr(
                    "kr-repeat",
                    "Grow repeat purchases from 18% to 25%",
                    Percentage,
                    (18.0, 25.0),
                    "%",
                    &[(oct, 19.0, 0.7), (nov15, 21.5, 0.7)],
                ),
                kr(
                    "kr-rating",
                    "Reach a 4.6 app store rating",
                    Number,
                    (4.2, 4.6),
                    "stars",
                    &[(nov1, 4.3, 0.5)],
                ),
            ],
        ),
        objective(
            "o-profit",
            "Make every bike we sell profitable",
            ("u-company", q4),
            Committed,
            None,
            vec![
                kr(
                    "kr-margin",
                    "Increase gross margin from 31% to 36%",
                    Percentage,
                    (31.0, 36.0),
                    "%",
                    &[(oct, 32.0, 0.8), (nov15, 34.0, 0.8)],
                ),
                kr(
                    "kr-warranty",
                    "Reduce warranty cost per bike from €42 to €30",
                    Number,
                    (42.0, 30.0),
                    "€",
                    &[(nov1, 37.0, 0.7)],
                ),
                kr(
                    "kr-refurb",
                    "Launch the refurbished bike line",
                    Milestone,
                    (0.0, 1.0),
                    "",
                    &[],
                ),
            ],
        ),
        objective(
            "o-team",
            "Build a team people want to join",
            ("u-company", q4),
            Aspirational,
            None,
            vec![
                kr(
                    "kr-hire",
                    "Cut time to hire from 60 to 40 days",
                    Number,
                    (60.0, 40.0),
                    "days",
                    &[(nov1, 52.0, 0.6)],
                ),
                kr(
                    "kr-engage",
                    "Raise the engagement score from 7.1 to 8.0",
                    Number,
                    (7.1, 8.0),
                    "points",
                    &[],
                ),
            ],
        ),
        objective(
            "o-eng-app",
            "Ship an app riders rave about",
            ("u-eng", q4),
            Committed,
            to_kr("kr-rating"),
            vec![
                kr(
                    "kr-crash",
                    "Crash-free sessions from 97.5% to 99.5%",
                    Percentage,
                    (97.5, 99.5),
                    "%",
                    &[(oct, 98.1, 0.7), (nov15, 98.9, 0.8)],
                ),
                kr(
                    "kr-start",
                    "Cut p95 app start time from 2,400 to 1,200 ms",
                    Number,
                    (2400.0, 1200.0),
                    "ms",
                    &[(nov1, 1900.0, 0.6)],
                ),
            ],
        ),
        objective(
            "o-infra",
            "Keep the platform fast and available",
            ("u-infra", q4),
            Committed,
            to_objective("o-eng-app"),
            vec![
                kr(
                    "kr-uptime",
                    "Raise uptime from 99.5% to 99.95%",
                    Percentage,
                    (99.5, 99.95),
                    "%",
                    &[(nov15, 99.9, 0.9)],
                ),
                kr(
                    "kr-deploys",
                    "Automate 80% of deploys",
                    Percentage,
                    (30.0, 80.0),
                    "%",
                    &[(oct, 45.0, 0.7), (nov15, 60.0, 0.7)],
                ),
            ],
        ),
        objective(
            "o-priya",
            "Move monitoring to the new stack",
            ("u-priya", q4),
            Aspirational,
            to_objective("o-infra"),
            vec![kr(
                "kr-monitoring",
                "All alerts run on the new stack",
                Grade,
                (0.0, 1.0),
                "",
                &[(nov15, 0.5, 0.6)],
            )],
        ),
        objective(
            "o-mobile",
            "Make the app start instantly",
            ("u-mobile", q4),
            Committed,
            to_kr("kr-start"),
            vec![
                kr(
                    "kr-cold",
                    "Cut cold start from 2,400 to 1,000 ms",
                    Number,
                    (2400.0, 1000.0),
                    "ms",
                    &[(nov1, 1800.0, 0.5)],
                ),
                kr(
                    "kr-offline",
                    "Release the offline ride log",
                    Milestone,
                    (0.0, 1.0),
                    "",
                    &[],
                ),
            ],
        ),
        objective(
            "o-sales",
            "Open the Nordic market",
            ("u-sales", q4),
            Aspirational,
            to_objective("o-profit"),
            vec![
                kr(
                    "kr-dealers",
                    "Sign 12 dealers in the Nordics",
                    Number,
                    (0.0, 12.0),
                    "dealers",
                    &[(oct, 2.0, 0.5), (nov15, 5.0, 0.5)],
                ),
                kr(
                    "kr-nordic-rev",
                    "Book €1.2M Nordic revenue",
                    Number,
                    (0.0, 1.2),
                    "€M",
                    &[(nov15, 0.3, 0.4)],
                ),
            ],
        ),
        objective(
            "o-emea",
            "Win the first Nordic dealers",
            ("u-emea", q4),
            Committed,
            to_kr("kr-dealers"),
            vec![kr(
                "kr-demos",
                "Run 30 dealer demos",
                Number,
                (0.0, 30.0),
                "demos",
                &[(nov1, 11.0, 0.8), (nov15, 17.0, 0.8)],
            )],
        ),
        objective(
            "o-cs",
            "Resolve issues on first contact",
            ("u-cs", q4),
            Committed,
            to_kr("kr-nps"),
            vec![
                kr(
                    "kr-fcr",
                    "First-contact resolution from 55% to 75%",
                    Percentage,
                    (55.0, 75.0),
                    "%",
                    &[(oct, 58.0, 0.7), (nov15, 66.0, 0.7)],
                ),
                kr(
                    "kr-response",
                    "Cut median response time from 9 to 2 hours",
                    Number,
                    (9.0, 2.0),
                    "hours",
                    &[(nov1, 5.0, 0.6)],
                ),
            ],
        ),
        objective(
            "o-people",
            "Hire faster without lowering the bar",
            ("u-people", q4),
            Committed,
            to_kr("kr-hire"),
            vec![
                kr(
                    "kr-kits",
                    "Publish structured interview kits for every role",
                    Milestone,
                    (0.0, 1.0),
                    "",
                    &[(nov15, 1.0, 1.0)],
                ),
                kr(
                    "kr-accept",
                    "Raise offer acceptance from 70% to 85%",
                    Percentage,
                    (70.0, 85.0),
                    "%",
                    &[(nov1, 74.0, 0.6)],
                ),
            ],
        ),
        objective(
            "o-q3-quality",
            "Fewer bikes back in the workshop",
            ("u-company", "q3-2026"),
            Committed,
            None,
            vec![kr(
                "kr-q3-returns",
                "Cut returns from 6% to 3%",
                Percentage,
                (6.0, 3.0),
                "%",
                &[(date(2026, 9, 28), 3.6, 0.9)],
            )],
        ),
    ];
    plan.rollout = sample_rollout();
    plan
}

fn cycle(id: &str, name: &str, kind: CycleKind, start: NaiveDate, end: NaiveDate) -> Cycle {
    Cycle {
        id: id.into(),
        name: name.into(),
        kind,
        start,
        end,
    }
}

fn sample_rollout() -> Rollout {
    use ParticipationStatus::{Active, NotStarted, ViewOnly};
    let phases = [
        ("ph-1", "Leadership", date(2026, 10, 1), date(2026, 12, 31)),
        (
            "ph-2",
            "Departments and early teams",
            date(2027, 1, 1),
            date(2027, 3, 31),
        ),
        ("ph-3", "Everyone", date(2027, 4, 1), date(2027, 6, 30)),
    ];
    // Per unit: its status in phases 1, 2 and 3.
    let statuses = [
        ("u-company", [Active, Active, Active]),
        ("u-eng", [Active, Active, Active]),
        ("u-platform", [ViewOnly, Active, Active]),
        ("u-infra", [Active, Active, Active]),
        ("u-priya", [ViewOnly, ViewOnly, Active]),
        ("u-data", [ViewOnly, ViewOnly, Active]),
        ("u-mobile", [Active, Active, Active]),
        ("u-tom", [ViewOnly, ViewOnly, Active]),
        ("u-sales", [Active, Active, Active]),
        ("u-emea", [Active, Active, Active]),
        ("u-cs", [Active, Active, Active]),
        ("u-people", [Active, Active, Active]),
        ("u-marketing", [ViewOnly, Active, Active]),
        ("u-brand", [NotStarted, ViewOnly, Active]),
    ];
    let mut readiness: Vec<ReadinessItem> = DEFAULT_READINESS
        .iter()
        .enumerate()
        .map(|(i, text)| ReadinessItem {
            id: Id::from(format!("rd-1-{}", i + 1).as_str()),
            phase: "ph-1".into(),
            text: (*text).into(),
            done: i != 3,
        })
        .collect();
    readiness.extend(
        [
            "Team leaders trained as ambassadors",
            "Check-in cadence agreed with every department",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| ReadinessItem {
            id: Id::from(format!("rd-2-{}", i + 1).as_str()),
            phase: "ph-2".into(),
            text: (*text).into(),
            done: false,
        }),
    );
    let role = |id: &str, role: Role, person: &str, unit: Option<&str>| RoleAssignment {
        id: id.into(),
        role,
        person: person.into(),
        unit: unit.map(Id::from),
    };
    Rollout {
        strategy: Strategy::LeadershipFirst,
        cadence: CheckInCadence::Weekly,
        phases: phases
            .iter()
            .map(|&(id, name, start, end)| Phase {
                id: id.into(),
                name: name.into(),
                start,
                end,
            })
            .collect(),
        participation: statuses
            .iter()
            .flat_map(|(unit, per_phase)| {
                phases
                    .iter()
                    .zip(per_phase)
                    .map(|(phase, &status)| Participation {
                        unit: (*unit).into(),
                        phase: phase.0.into(),
                        status,
                    })
            })
            .collect(),
        roles: vec![
            role(
                "r-sponsor",
                Role::ExecutiveSponsor,
                "Mara Lindqvist (CEO)",
                None,
            ),
            role("r-champion", Role::Champion, "Jonas Weber", None),
            role("r-amb-eng", Role::Ambassador, "Aisha Khan", Some("u-eng")),
            role(
                "r-amb-sales",
                Role::Ambassador,
                "Luca Romano",
                Some("u-sales"),
            ),
        ],
        readiness,
        events: Vec::new(),
    }
}
