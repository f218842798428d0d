//! Rollout strategies, risks, comparison and adoption on small hand-made org trees.

use chrono::NaiveDate;
use okrplan::model::rollout_plan::*;
use okrplan::model::*;
use ParticipationStatus::{Active, NotStarted, ViewOnly};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const START: (i32, u32, u32) = (2026, 11, 15);

fn start() -> NaiveDate {
    date(START.0, START.1, START.2)
}

/// The risks of the plan's rollout as of `today`.
fn risks_on(plan: &Plan, today: NaiveDate) -> Vec<Risk> {
    risks(plan, &ObjectiveOwners::new(plan), today)
}

fn unit(id: &str, kind: UnitKind, parent: Option<&str>, headcount: Option<u32>) -> Unit {
    Unit {
        id: id.into(),
        name: id.to_uppercase(),
        kind,
        parent: parent.map(Id::from),
        headcount,
    }
}

fn quarter(id: &str, start: NaiveDate, end: NaiveDate) -> Cycle {
    Cycle {
        id: id.into(),
        name: id.into(),
        kind: CycleKind::Quarter,
        start,
        end,
    }
}

fn role(id: &str, role: Role) -> RoleAssignment {
    RoleAssignment {
        id: id.into(),
        role,
        person: "Someone".into(),
        unit: None,
    }
}

/// A company with four departments of uneven depth: engineering four levels
/// below the company, sales and finance two, people one.
fn org() -> Plan {
    use UnitKind::{Company, Department, Person, Team};
    let mut plan = Plan::new("Test org");
    plan.units = vec![
        unit("co", Company, None, Some(100)),
        unit("eng", Department, Some("co"), Some(50)),
        unit(
            "platform",
            UnitKind::Custom("Group".into()),
            Some("eng"),
            Some(30),
        ),
        unit("infra", Team, Some("platform"), Some(10)),
        unit("ana", Person, Some("infra"), Some(1)),
        unit("data", Team, Some("platform"), Some(8)),
        unit("mobile", Team, Some("eng"), Some(12)),
        unit("sales", Department, Some("co"), Some(30)),
        unit("emea", Team, Some("sales"), Some(20)),
        unit("people", Department, Some("co"), Some(5)),
        unit("finance", Department, Some("co"), Some(8)),
        unit("payroll", Team, Some("finance"), Some(4)),
    ];
    plan.cycles = vec![quarter("q4-2026", date(2026, 10, 1), date(2026, 12, 31))];
    plan.rollout.roles = vec![
        role("r-sponsor", Role::ExecutiveSponsor),
        role("r-champion", Role::Champion),
    ];
    plan
}

fn counter() -> impl FnMut(&str) -> Id {
    let mut n = 0;
    move |prefix| {
        n += 1;
        Id::from(format!("{prefix}-{n}").as_str())
    }
}

/// The plan with the strategy's proposal (from [`start`]) applied.
fn planned(mut plan: Plan, strategy: Strategy) -> Plan {
    let proposal = propose(&plan, strategy, start(), &mut counter());
    let command = apply_proposal(&plan, proposal).unwrap();
    command.apply(&mut plan).unwrap();
    plan
}

/// Each unit's statuses phase by phase (A active, V view-only, - not
/// started); panics unless every unit has exactly one entry per phase.
fn table(plan: &Plan) -> Vec<String> {
    plan.units
        .iter()
        .map(|u| {
            let letters: String = plan
                .rollout
                .phases
                .iter()
                .map(|ph| {
                    let entries: Vec<_> = plan
                        .rollout
                        .participation
                        .iter()
                        .filter(|p| p.unit == u.id && p.phase == ph.id)
                        .collect();
                    assert_eq!(entries.len(), 1, "{} in {}", u.id, ph.id);
                    match entries[0].status {
                        Active => 'A',
                        ViewOnly => 'V',
                        NotStarted => '-',
                    }
                })
                .collect();
            format!("{} {letters}", u.id)
        })
        .collect()
}

fn spans(plan: &Plan) -> Vec<(NaiveDate, NaiveDate)> {
    plan.rollout
        .phases
        .iter()
        .map(|p| (p.start, p.end))
        .collect()
}

fn phase_names(plan: &Plan) -> Vec<&str> {
    plan.rollout
        .phases
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

fn calendar_quarters(count: usize) -> Vec<(NaiveDate, NaiveDate)> {
    let all = [
        (date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
        (date(2027, 4, 1), date(2027, 6, 30)),
        (date(2027, 7, 1), date(2027, 9, 30)),
        (date(2027, 10, 1), date(2027, 12, 31)),
    ];
    all[..count].to_vec()
}

fn phase_id(plan: &Plan, n: usize) -> Id {
    plan.rollout.phases[n].id.clone()
}

fn kinds(risks: &[Risk]) -> Vec<RiskKind> {
    risks.iter().map(|r| r.kind).collect()
}

fn of_kind(risks: &[Risk], kind: RiskKind) -> Vec<&Risk> {
    risks.iter().filter(|r| r.kind == kind).collect()
}

fn objective(id: &str, unit: &str, cycle: &str, key_results: Vec<KeyResult>) -> Objective {
    Objective {
        id: id.into(),
        title: id.into(),
        description: String::new(),
        unit: unit.into(),
        cycle: cycle.into(),
        commitment: Commitment::Committed,
        aligned_to: None,
        key_results,
        review: Review::default(),
    }
}

fn key_result(id: &str, check_ins: &[NaiveDate]) -> KeyResult {
    KeyResult {
        id: id.into(),
        title: id.into(),
        measure: MeasureKind::Number,
        start: 0.0,
        target: 10.0,
        unit_of_measure: String::new(),
        weight: 1.0,
        check_ins: check_ins
            .iter()
            .enumerate()
            .map(|(i, &d)| CheckIn {
                id: Id::from(format!("{id}-c{i}").as_str()),
                date: d,
                value: 1.0,
                confidence: None,
                comment: String::new(),
            })
            .collect(),
        score_override: None,
    }
}

// ---------------------------------------------------------------- proposals

#[test]
fn leadership_first_starts_with_two_levels_and_adds_one_per_quarter() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    assert_eq!(plan.rollout.strategy, Strategy::LeadershipFirst);
    assert_eq!(
        table(&plan),
        [
            "co AAAA",
            "eng AAAA",
            "platform VAAA",
            "infra VVAA",
            "ana VVVA",
            "data VVAA",
            "mobile VAAA",
            "sales AAAA",
            "emea VAAA",
            "people AAAA",
            "finance AAAA",
            "payroll VAAA",
        ]
    );
    assert_eq!(spans(&plan), calendar_quarters(4));
    assert_eq!(
        phase_names(&plan),
        [
            "Phase 1: leadership and management",
            "Phase 2: level 3 joins",
            "Phase 3: level 4 joins",
            "Phase 4: everyone",
        ]
    );
    assert!(validate(&plan).is_empty());
}

#[test]
fn level_by_level_has_a_phase_per_level_and_no_observers() {
    let plan = planned(org(), Strategy::LevelByLevel);
    assert_eq!(
        table(&plan),
        [
            "co AAAAA",
            "eng -AAAA",
            "platform --AAA",
            "infra ---AA",
            "ana ----A",
            "data ---AA",
            "mobile --AAA",
            "sales -AAAA",
            "emea --AAA",
            "people -AAAA",
            "finance -AAAA",
            "payroll --AAA",
        ]
    );
    assert_eq!(spans(&plan), calendar_quarters(5));
    assert_eq!(phase_names(&plan)[0], "Phase 1: level 1");
}

#[test]
fn department_pilot_picks_the_smallest_median_and_second_largest() {
    // By headcount: people 5, finance 8, sales 30, eng 50 (largest: left out).
    let plan = planned(org(), Strategy::DepartmentPilot);
    assert_eq!(
        table(&plan),
        [
            "co AA",
            "eng VA",
            "platform VA",
            "infra VA",
            "ana VA",
            "data VA",
            "mobile VA",
            "sales AA",
            "emea AA",
            "people AA",
            "finance AA",
            "payroll AA",
        ]
    );
    assert_eq!(spans(&plan), calendar_quarters(2));
    assert_eq!(
        phase_names(&plan),
        [
            "Phase 1: pilot in PEOPLE, FINANCE, SALES",
            "Phase 2: everyone"
        ]
    );
}

#[test]
fn department_pilot_without_headcounts_ranks_by_subtree_size() {
    let mut plan = org();
    // Finance's headcount unknown: units count instead, eng 6, sales 2,
    // people 1, finance 2 → people, sales, finance.
    plan.units[10].headcount = None;
    let plan = planned(plan, Strategy::DepartmentPilot);
    assert_eq!(
        phase_names(&plan)[0],
        "Phase 1: pilot in PEOPLE, SALES, FINANCE"
    );
}

#[test]
fn all_at_once_is_one_phase_with_everyone_active() {
    let plan = planned(org(), Strategy::AllAtOnce);
    assert!(table(&plan).iter().all(|row| row.ends_with(" A")));
    assert_eq!(spans(&plan), calendar_quarters(1));
    assert_eq!(phase_names(&plan), ["Phase 1: everyone"]);
}

#[test]
fn leapfrog_ring_fences_the_median_department_and_relaunches() {
    let plan = planned(org(), Strategy::LeapfrogPilot);
    assert_eq!(
        table(&plan),
        [
            "co VA",
            "eng -A",
            "platform -A",
            "infra -A",
            "ana -A",
            "data -A",
            "mobile -A",
            "sales -A",
            "emea -A",
            "people -A",
            "finance AA",
            "payroll AA",
        ]
    );
    assert_eq!(
        phase_names(&plan),
        ["Phase 1: pilot in FINANCE", "Phase 2: relaunch to everyone"]
    );
}

#[test]
fn phases_follow_the_plans_own_quarter_cycles_then_continue_by_three_months() {
    let mut plan = org();
    plan.cycles = vec![
        quarter("fq1", date(2026, 11, 1), date(2027, 1, 31)),
        quarter("fq2", date(2027, 2, 1), date(2027, 4, 30)),
    ];
    let proposal = propose(
        &plan,
        Strategy::LeadershipFirst,
        date(2026, 12, 10),
        &mut counter(),
    );
    let got: Vec<_> = proposal.phases.iter().map(|p| (p.start, p.end)).collect();
    assert_eq!(
        got,
        [
            (date(2026, 11, 1), date(2027, 1, 31)),
            (date(2027, 2, 1), date(2027, 4, 30)),
            (date(2027, 5, 1), date(2027, 7, 31)),
            (date(2027, 8, 1), date(2027, 10, 31)),
        ]
    );
}

#[test]
fn proposals_mint_phase_ids_and_cover_every_unit_in_every_phase() {
    let plan = org();
    for strategy in Strategy::ALL {
        let proposal = propose(&plan, strategy, start(), &mut counter());
        assert_eq!(proposal.strategy, strategy);
        let ids: Vec<_> = proposal.phases.iter().map(|p| p.id.as_str()).collect();
        let expected: Vec<String> = (1..=ids.len()).map(|n| format!("ph-{n}")).collect();
        assert_eq!(ids, expected);
        assert_eq!(
            proposal.participation.len(),
            plan.units.len() * proposal.phases.len()
        );
    }
}

#[test]
fn tiny_organisations_get_no_empty_phases() {
    let mut only_company = Plan::new("Solo");
    only_company.units = vec![unit("co", UnitKind::Company, None, None)];
    for strategy in Strategy::ALL {
        let plan = planned(only_company.clone(), strategy);
        assert_eq!(table(&plan), ["co A"], "{strategy:?}");
    }

    let mut one_department = Plan::new("One department");
    one_department.units = vec![
        unit("co", UnitKind::Company, None, None),
        unit("d", UnitKind::Department, Some("co"), None),
        unit("t", UnitKind::Team, Some("d"), None),
    ];
    // The only department as pilot is everyone already: one phase.
    let plan = planned(one_department.clone(), Strategy::DepartmentPilot);
    assert_eq!(table(&plan), ["co A", "d A", "t A"]);
    let plan = planned(one_department, Strategy::LeapfrogPilot);
    assert_eq!(table(&plan), ["co VA", "d AA", "t AA"]);
}

#[test]
fn units_on_a_parent_loop_still_get_a_status() {
    let mut plan = org();
    plan.units
        .push(unit("x", UnitKind::Team, Some("y"), Some(3)));
    plan.units
        .push(unit("y", UnitKind::Team, Some("x"), Some(3)));
    for strategy in Strategy::ALL {
        let proposal = propose(&plan, strategy, start(), &mut counter());
        assert_eq!(
            proposal.participation.len(),
            plan.units.len() * proposal.phases.len()
        );
        risks_on(&planned(plan.clone(), strategy), start());
        adoption(&planned(plan.clone(), strategy));
    }
}

// ------------------------------------------------------ applying and editing

/// An existing two-phase rollout with a readiness item on each phase.
fn with_old_rollout() -> Plan {
    let mut plan = org();
    let phase = |id: &str, start: NaiveDate, end: NaiveDate| Phase {
        id: id.into(),
        name: id.into(),
        start,
        end,
    };
    plan.rollout.phases = vec![
        // Listed out of date order: positions follow dates.
        phase("old-2", date(2026, 4, 1), date(2026, 6, 30)),
        phase("old-1", date(2026, 1, 1), date(2026, 3, 31)),
    ];
    plan.rollout.participation = vec![Participation {
        unit: "co".into(),
        phase: "old-1".into(),
        status: Active,
    }];
    let item = |id: &str, phase: &str| ReadinessItem {
        id: id.into(),
        phase: phase.into(),
        text: id.into(),
        done: false,
    };
    plan.rollout.readiness = vec![item("rd-a", "old-1"), item("rd-b", "old-2")];
    plan
}

fn readiness_phases(plan: &Plan) -> Vec<&str> {
    plan.rollout
        .readiness
        .iter()
        .map(|r| r.phase.as_str())
        .collect()
}

#[test]
fn applying_a_proposal_is_one_undoable_edit_and_keeps_the_plan_valid() {
    let original = with_old_rollout();
    assert!(validate(&original).is_empty());
    let mut editor = Editor::new(original.clone());
    let proposal = propose(
        editor.plan(),
        Strategy::LevelByLevel,
        start(),
        &mut counter(),
    );
    let command = apply_proposal(editor.plan(), proposal).unwrap();
    editor.apply(command).unwrap();
    let applied = editor.plan().clone();
    assert_eq!(applied.rollout.strategy, Strategy::LevelByLevel);
    assert_eq!(applied.rollout.phases.len(), 5);
    assert_eq!(editor.undo_label(), Some("plan \"Level by level\" rollout"));
    assert!(validate(&applied).is_empty(), "{:?}", validate(&applied));
    // Readiness follows phase position: old first → new first, old second → new second.
    assert_eq!(readiness_phases(&applied), ["ph-1", "ph-2"]);
    assert_eq!(applied.rollout.roles, original.rollout.roles);

    editor.undo();
    assert_eq!(editor.plan(), &original);
    editor.redo();
    assert_eq!(editor.plan(), &applied);
}

#[test]
fn readiness_of_phases_beyond_the_new_ones_moves_to_the_last() {
    let plan = planned(with_old_rollout(), Strategy::AllAtOnce);
    assert_eq!(readiness_phases(&plan), ["ph-1", "ph-1"]);
    assert!(validate(&plan).is_empty());
}

#[test]
fn every_strategy_applies_cleanly_to_the_sample_plan() {
    let sample = sample_plan();
    for strategy in Strategy::ALL {
        let mut editor = Editor::new(sample.clone());
        let proposal = propose(&sample, strategy, date(2026, 10, 1), &mut counter());
        editor
            .apply(apply_proposal(&sample, proposal).unwrap())
            .unwrap();
        assert!(validate(editor.plan()).is_empty(), "{strategy:?}");
        table(editor.plan());
        editor.undo();
        assert_eq!(editor.plan(), &sample);
    }
}

#[test]
fn a_stale_or_empty_proposal_is_refused() {
    let plan = org();
    let proposal = propose(&plan, Strategy::AllAtOnce, start(), &mut counter());
    let (delete, _) = ops::delete_unit(&plan, &"payroll".into()).unwrap();
    let mut changed = plan.clone();
    delete.apply(&mut changed).unwrap();
    assert!(apply_proposal(&changed, proposal.clone()).is_err());

    let empty = Proposal {
        phases: Vec::new(),
        participation: Vec::new(),
        ..proposal
    };
    assert!(apply_proposal(&plan, empty).is_err());
}

#[test]
fn set_participation_updates_in_place_or_adds_and_undoes() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    let phase1 = phase_id(&plan, 0);
    let mut editor = Editor::new(plan.clone());

    let command = set_participation(editor.plan(), &"ana".into(), &phase1, Active).unwrap();
    assert_eq!(
        command.label(),
        "set \"ANA\" to active in \"Phase 1: leadership and management\""
    );
    editor.apply(command).unwrap();
    assert_eq!(table(editor.plan())[4], "ana AVVA");
    assert_eq!(
        editor.plan().rollout.participation.len(),
        plan.rollout.participation.len()
    );
    editor.undo();
    assert_eq!(editor.plan(), &plan);

    // A unit added later has no entries yet: one is appended.
    let mut grown = plan.clone();
    ops::add_unit(&grown, unit("new", UnitKind::Team, Some("sales"), None))
        .unwrap()
        .apply(&mut grown)
        .unwrap();
    let command = set_participation(&grown, &"new".into(), &phase1, ViewOnly).unwrap();
    command.apply(&mut grown).unwrap();
    assert_eq!(
        grown.rollout.participation.last(),
        Some(&Participation {
            unit: "new".into(),
            phase: phase1.clone(),
            status: ViewOnly
        })
    );
    assert!(validate(&grown).is_empty());

    assert!(set_participation(&plan, &"nobody".into(), &phase1, Active).is_err());
    assert!(set_participation(&plan, &"co".into(), &"no-phase".into(), Active).is_err());
}

#[test]
fn moving_a_unit_to_a_phase_makes_it_active_from_there_on() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    // ana: V V V A → observer before phase 2, active from it.
    let command = move_unit_to_phase(&plan, &"ana".into(), &phase_id(&plan, 1)).unwrap();
    assert_eq!(
        command.label(),
        "make \"ANA\" active from \"Phase 2: level 3 joins\""
    );
    let mut moved = plan.clone();
    let undo = command.apply(&mut moved).unwrap();
    assert_eq!(table(&moved)[4], "ana VAAA");
    // Nobody else changes, not even the units above or below.
    assert_eq!(
        table(&moved)
            .iter()
            .zip(table(&plan))
            .filter(|(a, b)| *a != b)
            .count(),
        1
    );
    undo.apply(&mut moved).unwrap();
    assert_eq!(moved, plan);

    // Later, with no view before: level by level's emea (- - A A A) to phase 2.
    let plan = planned(org(), Strategy::LevelByLevel);
    let mut moved = plan.clone();
    move_unit_to_phase(&plan, &"emea".into(), &phase_id(&plan, 1))
        .unwrap()
        .apply(&mut moved)
        .unwrap();
    assert_eq!(table(&moved)[8], "emea -AAAA");
    // Moving later: earlier phases where it was active become view-only.
    move_unit_to_phase(&moved, &"sales".into(), &phase_id(&plan, 3))
        .unwrap()
        .apply(&mut moved)
        .unwrap();
    assert_eq!(table(&moved)[7], "sales -VVAA");
    assert!(validate(&moved).is_empty());
}

#[test]
fn moving_a_unit_without_entries_fills_every_phase() {
    let mut plan = planned(org(), Strategy::LeadershipFirst);
    plan.rollout
        .participation
        .retain(|p| p.unit.as_str() != "emea");
    let command = move_unit_to_phase(&plan, &"emea".into(), &phase_id(&plan, 2)).unwrap();
    command.apply(&mut plan).unwrap();
    assert_eq!(table(&plan)[8], "emea --AA");
    assert!(validate(&plan).is_empty());
}

#[test]
fn programme_events_are_added_in_date_order_and_removed_undoably() {
    let plan = org();
    let event = |id: &str, date: NaiveDate, kind| ProgrammeEvent {
        id: id.into(),
        date,
        kind,
        note: String::new(),
    };
    let relaunch = event("ev-2", date(2027, 3, 1), ProgrammeEventKind::Relaunch);
    let pause = event("ev-1", date(2027, 1, 15), ProgrammeEventKind::Pause);
    let mut editor = Editor::new(plan.clone());
    editor
        .apply(add_event(editor.plan(), relaunch.clone()).unwrap())
        .unwrap();
    editor
        .apply(add_event(editor.plan(), pause.clone()).unwrap())
        .unwrap();
    assert_eq!(
        editor.plan().rollout.events,
        [pause.clone(), relaunch.clone()]
    );
    assert_eq!(editor.undo_label(), Some("change programme events"));
    assert!(add_event(editor.plan(), pause.clone()).is_err());

    editor
        .apply(remove_event(editor.plan(), &"ev-1".into()).unwrap())
        .unwrap();
    assert_eq!(editor.plan().rollout.events, [relaunch]);
    assert!(remove_event(editor.plan(), &"ev-1".into()).is_err());
    assert!(validate(editor.plan()).is_empty());
    editor.undo();
    editor.undo();
    editor.undo();
    assert_eq!(editor.plan(), &plan);
}

// -------------------------------------------------------------------- risks

/// Company objectives in the first quarter, so parents have OKRs where it matters.
fn with_company_okrs(mut plan: Plan) -> Plan {
    plan.objectives
        .push(objective("o-co", "co", "q4-2026", Vec::new()));
    plan
}

#[test]
fn a_plan_without_phases_has_no_rollout_risks() {
    let mut plan = org();
    plan.rollout.roles.clear();
    assert!(risks_on(&plan, start()).is_empty());
}

#[test]
fn every_risk_is_one_line_and_cites_a_seed() {
    let mut plan = planned(with_old_rollout(), Strategy::LevelByLevel);
    plan.rollout.roles.clear();
    for strategy in Strategy::ALL {
        plan.rollout.strategy = strategy;
        for risk in risks_on(&plan, start()) {
            assert!(!risk.message.contains('\n'), "{}", risk.message);
            assert!(risk.source.starts_with("Seed"), "{}", risk.source);
        }
    }
}

#[test]
fn missing_sponsor_and_champion_are_risks() {
    let plan = with_company_okrs(planned(org(), Strategy::AllAtOnce));
    let named = risks_on(&plan, start());
    assert!(of_kind(&named, RiskKind::NoExecutiveSponsor).is_empty());
    assert!(of_kind(&named, RiskKind::NoChampion).is_empty());

    let mut unnamed = plan.clone();
    unnamed.rollout.roles[0].person = "  ".into(); // a sponsor without a name is none
    unnamed.rollout.roles.pop();
    let found = risks_on(&unnamed, start());
    let sponsor = of_kind(&found, RiskKind::NoExecutiveSponsor);
    assert_eq!(sponsor.len(), 1);
    assert!(sponsor[0].source.contains("tail wagging the dog"));
    assert_eq!(sponsor[0].subject, None);
    assert_eq!(of_kind(&found, RiskKind::NoChampion).len(), 1);
}

#[test]
fn level_by_level_on_an_uneven_hierarchy_names_the_deepest_department() {
    let plan = with_company_okrs(planned(org(), Strategy::LevelByLevel));
    let found = risks_on(&plan, start());
    let deep = of_kind(&found, RiskKind::LevelByLevelOnDeepHierarchy);
    assert_eq!(deep.len(), 1);
    assert_eq!(deep[0].subject, Some("eng".into()));
    assert_eq!(
        deep[0].message,
        "Level by level through 5 levels: ENG has 3 levels below it, PEOPLE only 0, so deep departments wait far longer."
    );

    // Same tree, another strategy: no such risk.
    let other = planned(org(), Strategy::LeadershipFirst);
    assert!(of_kind(
        &risks_on(&other, start()),
        RiskKind::LevelByLevelOnDeepHierarchy
    )
    .is_empty());
}

#[test]
fn level_by_level_on_a_deep_but_even_hierarchy_is_a_risk_and_on_a_shallow_one_not() {
    let chain = |depth: usize| {
        let mut plan = Plan::new("Chain");
        plan.units.push(unit("u0", UnitKind::Company, None, None));
        for i in 1..=depth {
            let parent = format!("u{}", i - 1);
            plan.units
                .push(unit(&format!("u{i}"), UnitKind::Team, Some(&parent), None));
        }
        planned(plan, Strategy::LevelByLevel)
    };
    let found = risks_on(&chain(4), start());
    let deep = of_kind(&found, RiskKind::LevelByLevelOnDeepHierarchy);
    assert_eq!(deep.len(), 1);
    assert_eq!(
        deep[0].message,
        "Level by level through 5 levels: the lowest level waits 5 phases to take part."
    );
    assert!(of_kind(
        &risks_on(&chain(3), start()),
        RiskKind::LevelByLevelOnDeepHierarchy
    )
    .is_empty());

    // Two departments one level apart: even enough.
    let mut plan = Plan::new("Shallow");
    plan.units = vec![
        unit("co", UnitKind::Company, None, None),
        unit("a", UnitKind::Department, Some("co"), None),
        unit("a1", UnitKind::Team, Some("a"), None),
        unit("b", UnitKind::Department, Some("co"), None),
    ];
    let plan = planned(plan, Strategy::LevelByLevel);
    assert!(of_kind(
        &risks_on(&plan, start()),
        RiskKind::LevelByLevelOnDeepHierarchy
    )
    .is_empty());
}

#[test]
fn units_active_before_their_parent_are_a_risk() {
    // Leapfrog: finance is active while the company only watches, and
    // finance has no objectives for payroll to align to.
    let plan = with_company_okrs(planned(org(), Strategy::LeapfrogPilot));
    let found = risks_on(&plan, start());
    let early = of_kind(&found, RiskKind::ActiveBeforeParents);
    let messages: Vec<_> = early.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "In “Phase 1: pilot in FINANCE”, FINANCE is active while its parent CO is not active.",
            "In “Phase 1: pilot in FINANCE”, PAYROLL is active while its parent FINANCE has no objectives for that time.",
        ]
    );
    assert_eq!(early[0].subject, Some("co".into()));
    assert_eq!(early[1].subject, Some("finance".into()));

    // Finance writes its OKRs first: only the inactive parent remains.
    let mut plan = plan;
    plan.objectives
        .push(objective("o-fin", "finance", "q4-2026", Vec::new()));
    assert_eq!(
        of_kind(&risks_on(&plan, start()), RiskKind::ActiveBeforeParents).len(),
        1
    );
}

#[test]
fn missing_parent_okrs_only_matter_for_phases_that_start_soon() {
    // Leadership first, company without objectives: the departments of the
    // current phase are flagged, the levels joining next year are not yet.
    let plan = planned(org(), Strategy::LeadershipFirst);
    let found = risks_on(&plan, start());
    let early = of_kind(&found, RiskKind::ActiveBeforeParents);
    assert_eq!(early.len(), 1);
    assert_eq!(
        early[0].message,
        "In “Phase 1: leadership and management”, ENG, SALES, PEOPLE and 1 more are active while their parent CO has no objectives for that time."
    );
    // With company OKRs in place: nothing.
    let plan = with_company_okrs(plan);
    assert!(of_kind(&risks_on(&plan, start()), RiskKind::ActiveBeforeParents).is_empty());
    // Two weeks before phase 2 its parents (departments) lack OKRs too.
    let found = risks_on(&plan, date(2026, 12, 20));
    assert!(of_kind(&found, RiskKind::ActiveBeforeParents)
        .iter()
        .any(|r| r.subject == Some("eng".into())));
}

#[test]
fn a_department_pilot_of_more_than_three_departments_is_too_large() {
    let plan = planned(org(), Strategy::DepartmentPilot);
    assert!(of_kind(&risks_on(&plan, start()), RiskKind::PilotTooLarge).is_empty());
    let mut wide = plan.clone();
    move_unit_to_phase(&plan, &"mobile".into(), &phase_id(&plan, 0))
        .unwrap()
        .apply(&mut wide)
        .unwrap();
    let found = risks_on(&wide, start());
    let large = of_kind(&found, RiskKind::PilotTooLarge);
    assert_eq!(large.len(), 1);
    assert_eq!(large[0].subject, Some(phase_id(&plan, 0)));
    assert_eq!(
        large[0].message,
        "4 departments are active in “Phase 1: pilot in PEOPLE, FINANCE, SALES”; a pilot this wide is no longer of a manageable size."
    );
}

#[test]
fn a_leapfrog_pilot_in_more_than_one_department_is_not_ring_fenced() {
    let plan = planned(org(), Strategy::LeapfrogPilot);
    assert!(of_kind(&risks_on(&plan, start()), RiskKind::PilotTooLarge).is_empty());
    let mut wide = plan.clone();
    set_participation(&plan, &"emea".into(), &phase_id(&plan, 0), Active)
        .unwrap()
        .apply(&mut wide)
        .unwrap();
    let found = risks_on(&wide, start());
    let large = of_kind(&found, RiskKind::PilotTooLarge);
    assert_eq!(large.len(), 1);
    assert!(large[0].message.ends_with("no longer ring-fenced."));
    assert!(large[0].source.starts_with("Seed 003"));
    // Representativeness is a department-pilot criterion only.
    assert!(of_kind(&found, RiskKind::PilotNotRepresentative).is_empty());
}

#[test]
fn pilots_all_of_one_size_are_not_representative() {
    let plan = planned(org(), Strategy::DepartmentPilot);
    // people (small), finance (small), sales (medium): a mix.
    assert!(of_kind(&risks_on(&plan, start()), RiskKind::PilotNotRepresentative).is_empty());
    let mut small = plan.clone();
    for unit in ["sales", "emea"] {
        set_participation(&small, &unit.into(), &phase_id(&plan, 0), ViewOnly)
            .unwrap()
            .apply(&mut small)
            .unwrap();
    }
    let found = risks_on(&small, start());
    let narrow = of_kind(&found, RiskKind::PilotNotRepresentative);
    assert_eq!(narrow.len(), 1);
    assert_eq!(
        narrow[0].message,
        "The pilot covers only small departments (PEOPLE, FINANCE); add one that differs so it represents the organisation."
    );
}

#[test]
fn pilots_all_of_one_kind_are_not_representative() {
    let mut plan = Plan::new("Regions");
    plan.units = vec![unit("co", UnitKind::Company, None, Some(40))];
    for id in ["a", "b", "c"] {
        plan.units
            .push(unit(id, UnitKind::Department, Some("co"), Some(10)));
    }
    plan.units.push(unit(
        "r",
        UnitKind::Custom("Region".into()),
        Some("co"),
        Some(10),
    ));
    // All the same size: the pilot is a, b, c, all Departments.
    let plan = planned(plan, Strategy::DepartmentPilot);
    let found = risks_on(&plan, start());
    let narrow = of_kind(&found, RiskKind::PilotNotRepresentative);
    assert_eq!(narrow.len(), 1);
    assert!(narrow[0]
        .message
        .starts_with("The pilot covers only units of kind Department (A, B, C)"));
}

#[test]
fn open_readiness_is_a_risk_from_two_weeks_before_a_phase_until_it_ends() {
    let mut plan = with_company_okrs(planned(org(), Strategy::AllAtOnce));
    let phase = plan.rollout.phases[0].clone(); // 2026-10-01 – 2026-12-31
    plan.rollout.readiness = ["Leaders trained", "Cadence communicated"]
        .iter()
        .enumerate()
        .map(|(i, text)| ReadinessItem {
            id: Id::from(format!("rd-{i}").as_str()),
            phase: phase.id.clone(),
            text: (*text).into(),
            done: i == 1,
        })
        .collect();
    let open_at = |plan: &Plan, today| {
        of_kind(
            &risks_on(plan, today),
            RiskKind::PhaseStartsWithOpenReadiness,
        )
        .len()
    };
    assert_eq!(open_at(&plan, date(2026, 9, 10)), 0);
    assert_eq!(open_at(&plan, date(2026, 9, 17)), 1);
    assert_eq!(open_at(&plan, date(2026, 12, 31)), 1);
    assert_eq!(open_at(&plan, date(2027, 1, 1)), 0);

    let found = risks_on(&plan, date(2026, 9, 20));
    let open = of_kind(&found, RiskKind::PhaseStartsWithOpenReadiness);
    assert_eq!(open[0].subject, Some(phase.id.clone()));
    assert_eq!(
        open[0].message,
        "“Phase 1: everyone” starts on 2026-10-01 with 1 of 2 readiness items open, such as “Leaders trained”."
    );
    let found = risks_on(&plan, start());
    assert!(of_kind(&found, RiskKind::PhaseStartsWithOpenReadiness)[0]
        .message
        .contains("started on 2026-10-01"));

    plan.rollout.readiness[0].done = true;
    assert_eq!(open_at(&plan, start()), 0);
}

#[test]
fn too_many_units_in_the_first_phase() {
    let load = |strategy| {
        let plan = with_company_okrs(planned(org(), strategy));
        of_kind(
            &risks_on(&plan, start()),
            RiskKind::TooManyUnitsInFirstPhase,
        )
        .into_iter()
        .cloned()
        .collect::<Vec<_>>()
    };
    // 5 of 12 (42%) and 6 of 12 are too many; 1 and 2 of 12 are not.
    let leadership = load(Strategy::LeadershipFirst);
    assert_eq!(
        leadership[0].message,
        "5 of 12 units (42%) become active in “Phase 1: leadership and management”: more than 30% at once is too much, too soon."
    );
    assert!(leadership[0].source.starts_with("Seed 000"));
    assert_eq!(load(Strategy::DepartmentPilot).len(), 1);
    assert!(load(Strategy::LevelByLevel).is_empty());
    assert!(load(Strategy::LeapfrogPilot).is_empty());
    // All at once: the known trade-off, said as such.
    let all = load(Strategy::AllAtOnce);
    assert_eq!(all.len(), 1);
    assert!(all[0].message.contains("known trade-off"));
    assert!(all[0].source.starts_with("Seed 001"));
}

#[test]
fn phases_with_units_not_started_and_no_observers_lack_view_only_access() {
    let plan = with_company_okrs(planned(org(), Strategy::LevelByLevel));
    let found = risks_on(&plan, start());
    let blind = of_kind(&found, RiskKind::NoViewOnlyAccess);
    let subjects: Vec<_> = blind.iter().map(|r| r.subject.clone().unwrap()).collect();
    let expected: Vec<Id> = (0..4).map(|n| phase_id(&plan, n)).collect();
    assert_eq!(subjects, expected);
    assert_eq!(
        blind[0].message,
        "In “Phase 1: level 1”, 11 units have not started and none can see the OKRs; give them view-only access."
    );
    for strategy in [
        Strategy::LeadershipFirst,
        Strategy::LeapfrogPilot,
        Strategy::AllAtOnce,
    ] {
        let plan = planned(org(), strategy);
        assert!(of_kind(&risks_on(&plan, start()), RiskKind::NoViewOnlyAccess).is_empty());
    }
}

#[test]
fn a_well_prepared_all_at_once_rollout_has_only_its_trade_off() {
    let plan = with_company_okrs(planned(org(), Strategy::AllAtOnce));
    let mut plan = plan;
    for (i, dept) in ["eng", "platform", "infra", "sales", "finance"]
        .iter()
        .enumerate()
    {
        plan.objectives
            .push(objective(&format!("o-{i}"), dept, "q4-2026", Vec::new()));
    }
    assert_eq!(
        kinds(&risks_on(&plan, start())),
        [RiskKind::TooManyUnitsInFirstPhase]
    );
}

// --------------------------------------------------------------- comparison

/// Two strategies compared from [`start`], with what the plan's rollout carries over.
fn compared(plan: &Plan, a: Strategy, b: Strategy) -> (StrategyMetrics, StrategyMetrics) {
    compare(plan, &CarriedOver::of(&plan.rollout), a, b, start())
}

#[test]
fn comparing_strategies_counts_phases_days_and_peaks() {
    let plan = with_company_okrs(org());
    let (leadership, levels) = compared(&plan, Strategy::LeadershipFirst, Strategy::LevelByLevel);
    assert_eq!(leadership.strategy, Strategy::LeadershipFirst);
    assert_eq!(leadership.phases, 4);
    // 2026-10-01 to 2027-07-01.
    assert_eq!(leadership.days_to_full_coverage, Some(273));
    assert_eq!(leadership.peak_newly_active, 5);
    assert_eq!(
        kinds(&leadership.risks),
        [RiskKind::TooManyUnitsInFirstPhase]
    );

    assert_eq!(levels.strategy, Strategy::LevelByLevel);
    assert_eq!(levels.phases, 5);
    assert_eq!(levels.days_to_full_coverage, Some(365));
    assert_eq!(levels.peak_newly_active, 4);
    let kinds = kinds(&levels.risks);
    assert!(kinds.contains(&RiskKind::LevelByLevelOnDeepHierarchy));
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == RiskKind::NoViewOnlyAccess)
            .count(),
        4
    );
    // The plan itself is untouched.
    assert_eq!(plan, with_company_okrs(org()));
}

#[test]
fn comparing_all_at_once_with_a_leapfrog_pilot() {
    let plan = with_company_okrs(org());
    let (all, leapfrog) = compared(&plan, Strategy::AllAtOnce, Strategy::LeapfrogPilot);
    assert_eq!(
        (all.phases, all.days_to_full_coverage, all.peak_newly_active),
        (1, Some(0), 12)
    );
    assert_eq!(
        (
            leapfrog.phases,
            leapfrog.days_to_full_coverage,
            leapfrog.peak_newly_active
        ),
        (2, Some(92), 10)
    );
    assert!(leapfrog
        .risks
        .iter()
        .any(|r| r.kind == RiskKind::ActiveBeforeParents));
}

/// The plan with the strategy's proposal applied, its phases named as
/// `compare` names them.
fn applied_as_compared(plan: &Plan, strategy: Strategy, from: NaiveDate) -> Plan {
    let mut minted = 0;
    let proposal = propose(plan, strategy, from, &mut |_| {
        minted += 1;
        Id::from(format!("proposed-phase-{minted}").as_str())
    });
    let mut applied = plan.clone();
    apply_proposal(plan, proposal)
        .unwrap()
        .apply(&mut applied)
        .unwrap();
    applied
}

#[test]
fn comparing_measures_what_applying_each_proposal_would() {
    // The sample has objectives in several cycles, readiness on its phases
    // and named roles; the small org has a company objective only. Both get a
    // cadence and a programme event, which applying a proposal keeps.
    for (mut plan, from) in [
        (sample_plan(), date(2026, 10, 1)),
        (with_company_okrs(org()), start()),
    ] {
        plan.rollout.cadence = CheckInCadence::Biweekly;
        plan.rollout.events.push(ProgrammeEvent {
            id: "ev-pause".into(),
            date: date(2026, 12, 20),
            kind: ProgrammeEventKind::Pause,
            note: "Holidays".into(),
        });
        let carried = CarriedOver::of(&plan.rollout);
        for (k, a) in Strategy::ALL.into_iter().enumerate() {
            let b = Strategy::ALL[(k + 1) % Strategy::ALL.len()];
            let expected = (
                strategy_metrics(&applied_as_compared(&plan, a, from), from),
                strategy_metrics(&applied_as_compared(&plan, b, from), from),
            );
            let compared = compare(&plan, &carried, a, b, from);
            assert_eq!(compared, expected, "{a:?} against {b:?}");
        }
    }
}

#[test]
fn what_is_carried_over_follows_roles_readiness_and_the_order_of_phases() {
    // The view compares again only when this changes.
    let plan = sample_plan();
    let carried = CarriedOver::of(&plan.rollout);
    let first = phase_id(&plan, 0);
    let edited = |command: Result<Command, EditError>| applied(plan.clone(), command.unwrap());
    let unchanged = [
        set_participation(&plan, &"u-brand".into(), &first, Active),
        edit_phase(&plan, &first, |p| p.name = "Kick-off".into()),
        edit_phase(&plan, &first, |p| p.end = p.end.pred_opt().unwrap()),
    ];
    for command in unchanged {
        assert_eq!(CarriedOver::of(&edited(command).rollout), carried);
    }
    let item = plan.rollout.readiness[0].id.clone();
    let role = plan.rollout.roles[0].id.clone();
    let changed = [
        edit_readiness_item(&plan, &item, |r| r.done = !r.done),
        edit_role(&plan, &role, |r| r.person = "Someone else".into()),
        // The first phase moved after the others.
        edit_phase(&plan, &first, |p| {
            p.start = date(2027, 9, 1);
            p.end = date(2027, 9, 30);
        }),
    ];
    for command in changed {
        assert_ne!(CarriedOver::of(&edited(command).rollout), carried);
    }
}

#[test]
fn comparing_reads_only_what_a_proposal_carries_over_of_the_plans_rollout() {
    // The view compares again only when what is carried over changes.
    let plan = sample_plan();
    let carried = CarriedOver::of(&plan.rollout);
    // Another rollout in every respect but what is carried over.
    let mut other = plan.clone();
    other.rollout = Rollout {
        strategy: Strategy::AllAtOnce,
        cadence: CheckInCadence::Biweekly,
        roles: plan.rollout.roles.clone(),
        readiness: plan.rollout.readiness.clone(),
        ..Rollout::default()
    };
    assert_ne!(other.rollout.strategy, plan.rollout.strategy);
    for (a, b) in [
        (Strategy::LeadershipFirst, Strategy::DepartmentPilot),
        (Strategy::AllAtOnce, Strategy::LevelByLevel),
        (Strategy::LeapfrogPilot, Strategy::LeadershipFirst),
    ] {
        let from = date(2026, 10, 1);
        assert_eq!(
            compare(&other, &carried, a, b, from),
            compare(&plan, &carried, a, b, from)
        );
    }
}

#[test]
fn metrics_of_a_rollout_that_never_reaches_everyone() {
    let mut plan = planned(org(), Strategy::LevelByLevel);
    let last = phase_id(&plan, 4);
    set_participation(&plan, &"ana".into(), &last, ViewOnly)
        .unwrap()
        .apply(&mut plan)
        .unwrap();
    let metrics = strategy_metrics(&plan, start());
    assert_eq!(metrics.days_to_full_coverage, None);
    assert_eq!(metrics.phases, 5);
}

// ----------------------------------------------------------------- adoption

#[test]
fn adoption_shares_of_units_and_people_per_phase() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    let points = adoption(&plan);
    assert_eq!(points.len(), 4);
    assert_eq!(points[0].phase, phase_id(&plan, 0));
    assert_eq!(points[0].start, date(2026, 10, 1));
    let units: Vec<_> = points
        .iter()
        .map(|p| (p.active_units, p.view_only_units))
        .collect();
    assert_eq!(
        units,
        [
            (5.0 / 12.0, 7.0 / 12.0),
            (9.0 / 12.0, 3.0 / 12.0),
            (11.0 / 12.0, 1.0 / 12.0),
            (1.0, 0.0)
        ]
    );
    // People sit in their own unit: co 7, eng 8, sales 10, people 5, finance 4
    // are active first (34 of 100); then platform 12, mobile 12, emea 20,
    // payroll 4 (82); then infra 9, data 8 (99); then ana.
    let people: Vec<_> = points
        .iter()
        .map(|p| (p.active_people.unwrap(), p.view_only_people.unwrap()))
        .collect();
    let close =
        |(a, b): (f64, f64), (x, y): (f64, f64)| (a - x).abs() < 1e-9 && (b - y).abs() < 1e-9;
    for (got, want) in
        people
            .into_iter()
            .zip([(0.34, 0.66), (0.82, 0.18), (0.99, 0.01), (1.0, 0.0)])
    {
        assert!(close(got, want), "{got:?} vs {want:?}");
    }
}

#[test]
fn adoption_counts_people_below_a_unit_without_headcount_once() {
    let mut plan = org();
    plan.units[2].headcount = None; // platform: its teams still count
    let plan = planned(plan, Strategy::LeadershipFirst);
    let points = adoption(&plan);
    // eng owns 50 - (infra 10 + data 8 + mobile 12) = 20 now.
    assert!((points[0].active_people.unwrap() - 0.46).abs() < 1e-9);
    assert!((points[3].active_people.unwrap() - 1.0).abs() < 1e-9);
}

#[test]
fn adoption_without_headcounts_has_no_people_shares() {
    let mut plan = org();
    for unit in &mut plan.units {
        unit.headcount = None;
    }
    let points = adoption(&planned(plan, Strategy::AllAtOnce));
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].active_units, 1.0);
    assert_eq!(points[0].active_people, None);
    assert_eq!(points[0].view_only_people, None);
    assert!(adoption(&org()).is_empty());
}

// ------------------------------------------------------------------ metrics

fn measured_plan() -> Plan {
    let mut plan = planned(org(), Strategy::LeadershipFirst);
    plan.objectives = vec![
        objective(
            "o-co",
            "co",
            "q4-2026",
            vec![
                key_result("kr-co-1", &[date(2026, 10, 20), date(2026, 11, 10)]),
                key_result("kr-co-2", &[]),
            ],
        ),
        objective(
            "o-eng",
            "eng",
            "q4-2026",
            vec![key_result("kr-eng", &[date(2026, 10, 1)])],
        ),
        objective(
            "o-sales",
            "sales",
            "q4-2026",
            vec![key_result("kr-sales", &[date(2026, 11, 20)])],
        ),
        // Another cycle's objective does not count.
        objective("o-emea", "emea", "q3-2026", Vec::new()),
    ];
    plan.cycles
        .push(quarter("q3-2026", date(2026, 7, 1), date(2026, 9, 30)));
    plan
}

#[test]
fn okr_coverage_and_check_in_rate_during_the_cycle() {
    let plan = measured_plan();
    let q4 = Id::from("q4-2026");
    let coverage = okr_coverage(&plan, &ObjectiveOwners::new(&plan), &q4, start());
    assert_eq!(coverage.active_units, 5);
    assert_eq!(coverage.units_with_okrs, 3);
    assert!((coverage.coverage - 0.6).abs() < 1e-9);
    // Only kr-co-1 has a check-in of the last 14 days (kr-sales' is in the future).
    assert!((check_in_rate(&plan, &q4, start()) - 0.25).abs() < 1e-9);
    // Exactly 14 days old still counts.
    assert!((check_in_rate(&plan, &q4, date(2026, 11, 24)) - 0.5).abs() < 1e-9);
}

#[test]
fn okr_coverage_and_check_in_rate_after_the_cycle_and_before_the_rollout() {
    let plan = measured_plan();
    let q4 = Id::from("q4-2026");
    let coverage = okr_coverage(&plan, &ObjectiveOwners::new(&plan), &q4, date(2027, 1, 10));
    // Phase 2 is in force: 9 active units, 3 with Q4 objectives; any check-in counts.
    assert_eq!(coverage.active_units, 9);
    assert_eq!(coverage.units_with_okrs, 3);
    assert!((coverage.coverage - 3.0 / 9.0).abs() < 1e-9);
    assert!((check_in_rate(&plan, &q4, date(2027, 1, 10)) - 0.75).abs() < 1e-9);

    let before = okr_coverage(&plan, &ObjectiveOwners::new(&plan), &q4, date(2026, 9, 1));
    assert_eq!(
        (before.active_units, before.units_with_okrs, before.coverage),
        (0, 0, 0.0)
    );
    let none = Id::from("no-cycle");
    assert_eq!(
        okr_coverage(&plan, &ObjectiveOwners::new(&plan), &none, start()).coverage,
        0.0
    );
    assert_eq!(check_in_rate(&plan, &none, start()), 0.0);
}

// ------------------------------------------------- hand edits of the rollout

fn applied(mut plan: Plan, command: Command) -> Plan {
    command.apply(&mut plan).unwrap();
    plan
}

#[test]
fn a_fresh_proposal_is_not_hand_edited_but_any_change_is() {
    assert!(!hand_edited(&org()), "no phases, nothing to lose");
    let plan = planned(org(), Strategy::LeadershipFirst);
    assert!(!hand_edited(&plan));

    let moved = move_unit_to_phase(&plan, &"ana".into(), &phase_id(&plan, 1)).unwrap();
    assert!(hand_edited(&applied(plan.clone(), moved)));

    let rename = edit_phase(&plan, &phase_id(&plan, 0), |p| p.name = "Kick-off".into()).unwrap();
    assert!(hand_edited(&applied(plan.clone(), rename)));

    let mut grown = plan.clone();
    grown
        .units
        .push(unit("legal", UnitKind::Department, Some("co"), None));
    assert!(hand_edited(&grown), "a unit added since has no statuses");
    assert!(hand_edited(&sample_plan()));
}

#[test]
fn the_status_table_lists_phases_by_date_and_units_in_order() {
    let plan = with_old_rollout();
    assert_eq!(
        phases_in_order(&plan.rollout)
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["old-1", "old-2"]
    );
    let table = status_table(&plan);
    assert_eq!(table.len(), 2);
    assert_eq!(table[0][0], Active);
    assert!(table[1].iter().all(|&s| s == NotStarted));
}

#[test]
fn phases_can_be_renamed_and_moved_but_not_emptied_or_reversed() {
    let plan = planned(org(), Strategy::AllAtOnce);
    let id = phase_id(&plan, 0);
    let command = edit_phase(&plan, &id, |p| {
        p.name = "  Everyone at once ".into();
        p.end = date(2027, 1, 31);
    })
    .unwrap();
    assert_eq!(command.label(), "edit \"Everyone at once\"");
    let mut editor = Editor::new(plan.clone());
    editor.apply(command).unwrap();
    let phase = &editor.plan().rollout.phases[0];
    assert_eq!(
        (phase.name.as_str(), phase.end),
        ("Everyone at once", date(2027, 1, 31))
    );
    assert_eq!(
        editor.plan().rollout.participation,
        plan.rollout.participation
    );
    editor.undo();
    assert_eq!(editor.plan(), &plan);

    assert!(edit_phase(&plan, &id, |p| p.name = " ".into()).is_err());
    assert!(edit_phase(&plan, &id, |p| p.end = date(2026, 1, 1)).is_err());
    assert!(edit_phase(&plan, &"nope".into(), |_| ()).is_err());
}

#[test]
fn roles_are_added_edited_and_removed_as_one_list() {
    let plan = org();
    let ambassador = RoleAssignment {
        id: "r-amb".into(),
        role: Role::Ambassador,
        person: "Ada".into(),
        unit: Some("eng".into()),
    };
    let plan = applied(plan, add_role(&org(), ambassador.clone()).unwrap());
    assert_eq!(plan.rollout.roles.len(), 3);
    assert!(
        add_role(&plan, ambassador.clone()).is_err(),
        "ids are unique"
    );
    let elsewhere = RoleAssignment {
        id: "r-x".into(),
        unit: Some("nowhere".into()),
        ..ambassador
    };
    assert!(add_role(&plan, elsewhere).is_err(), "the unit must exist");

    let edit = edit_role(&plan, &"r-amb".into(), |r| {
        r.person = " Ada L. ".into();
        r.unit = Some("sales".into());
    })
    .unwrap();
    let plan = applied(plan.clone(), edit);
    let role = &plan.rollout.roles[2];
    assert_eq!(
        (role.person.as_str(), role.unit.as_ref().map(Id::as_str)),
        ("Ada L.", Some("sales"))
    );
    assert!(edit_role(&plan, &"r-amb".into(), |r| r.unit = Some("gone".into())).is_err());

    let plan = applied(
        plan.clone(),
        remove_role(&plan, &"r-sponsor".into()).unwrap(),
    );
    assert_eq!(
        kinds(&risks_on(
            &planned(plan.clone(), Strategy::AllAtOnce),
            start()
        ))[0],
        RiskKind::NoExecutiveSponsor
    );
    assert!(remove_role(&plan, &"r-sponsor".into()).is_err());
}

#[test]
fn readiness_items_are_added_ticked_reworded_and_removed() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    let first = phase_id(&plan, 0);
    let item = ReadinessItem {
        id: "rd-x".into(),
        phase: first.clone(),
        text: "  Tooling chosen ".into(),
        done: false,
    };
    let mut editor = Editor::new(plan.clone());
    editor
        .apply(add_readiness_item(editor.plan(), item.clone()).unwrap())
        .unwrap();
    assert_eq!(editor.plan().rollout.readiness[0].text, "Tooling chosen");
    assert_eq!(editor.undo_label(), Some("change readiness checklist"));
    assert!(add_readiness_item(editor.plan(), item.clone()).is_err());
    let blank = ReadinessItem {
        id: "rd-y".into(),
        text: " ".into(),
        ..item.clone()
    };
    assert!(add_readiness_item(editor.plan(), blank).is_err());
    let lost = ReadinessItem {
        id: "rd-z".into(),
        phase: "nope".into(),
        ..item
    };
    assert!(add_readiness_item(editor.plan(), lost).is_err());

    let tick = edit_readiness_item(editor.plan(), &"rd-x".into(), |r| r.done = true).unwrap();
    editor.apply(tick).unwrap();
    assert!(editor.plan().rollout.readiness[0].done);
    assert!(edit_readiness_item(editor.plan(), &"rd-x".into(), |r| r.text.clear()).is_err());
    let remove = remove_readiness_item(editor.plan(), &"rd-x".into()).unwrap();
    editor.apply(remove).unwrap();
    assert!(editor.plan().rollout.readiness.is_empty());
    editor.undo();
    editor.undo();
    editor.undo();
    assert_eq!(editor.plan(), &plan);
}

#[test]
fn the_standard_checklist_fills_in_what_a_phase_lacks() {
    let plan = planned(org(), Strategy::LeadershipFirst);
    let first = phase_id(&plan, 0);
    let own = ReadinessItem {
        id: "rd-own".into(),
        phase: first.clone(),
        text: DEFAULT_READINESS[1].to_uppercase(),
        done: true,
    };
    let plan = applied(plan.clone(), add_readiness_item(&plan, own).unwrap());
    let plan = applied(
        plan.clone(),
        add_default_readiness(&plan, &first, &mut counter()).unwrap(),
    );
    let texts: Vec<&str> = plan
        .rollout
        .readiness
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(texts.len(), DEFAULT_READINESS.len());
    assert_eq!(texts[1], DEFAULT_READINESS[0]);
    assert!(plan.rollout.readiness[1..].iter().all(|r| !r.done));
    assert!(validate(&plan).is_empty());
    assert!(add_default_readiness(&plan, &first, &mut counter()).is_err());
    assert!(add_default_readiness(&plan, &"nope".into(), &mut counter()).is_err());
}

#[test]
fn the_cadence_is_one_undoable_edit() {
    let mut editor = Editor::new(org());
    editor
        .apply(Command::SetCadence(CheckInCadence::Biweekly))
        .unwrap();
    assert_eq!(editor.plan().rollout.cadence, CheckInCadence::Biweekly);
    assert_eq!(editor.undo_label(), Some("change check-in cadence"));
    editor.undo();
    assert_eq!(editor.plan().rollout.cadence, CheckInCadence::Weekly);
}
