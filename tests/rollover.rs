//! Rollover: unfinished objectives carried into the next cycle as one edit.

mod common;

use chrono::NaiveDate;
use okrplan::model::scoring::{rollover, Pick};
use okrplan::model::*;
use proptest::prelude::*;

const Q4: &str = "q4-2026";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn pick(objective: &str, key_results: &[&str]) -> Pick {
    Pick {
        objective: objective.into(),
        key_results: key_results.iter().map(|&k| Id::from(k)).collect(),
    }
}

fn quarter(id: &str, name: &str, start: NaiveDate, end: NaiveDate) -> Cycle {
    Cycle {
        id: id.into(),
        name: name.into(),
        kind: CycleKind::Quarter,
        start,
        end,
    }
}

fn q1_2027() -> Cycle {
    quarter("q1-2027", "Q1 2027", date(2027, 1, 1), date(2027, 3, 31))
}

fn q2_2027() -> Cycle {
    quarter("q2-2027", "Q2 2027", date(2027, 4, 1), date(2027, 6, 30))
}

/// New ids `o-0000000000000001`, `kr-0000000000000002`, … in the order asked for.
fn counter() -> impl FnMut(&str) -> Id {
    let mut next = 0;
    move |prefix| {
        next += 1;
        Id::mint(prefix, next)
    }
}

fn run(plan: &Plan, from: &str, next: Cycle, picks: &[Pick]) -> Result<Command, EditError> {
    rollover(plan, &from.into(), next, picks, &mut counter())
}

fn objective<'a>(plan: &'a Plan, id: &Id) -> &'a Objective {
    plan.objective(id).unwrap()
}

fn objective_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Objective {
    plan.objectives
        .iter_mut()
        .find(|o| o.id.as_str() == id)
        .unwrap()
}

fn key_result_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut KeyResult {
    plan.objectives
        .iter_mut()
        .flat_map(|o| o.key_results.iter_mut())
        .find(|k| k.id.as_str() == id)
        .unwrap()
}

/// The sample's quarter with a weight and an override to see what is carried.
fn plan() -> Plan {
    let mut plan = sample_plan();
    key_result_mut(&mut plan, "kr-nps").weight = 2.0;
    key_result_mut(&mut plan, "kr-rating").score_override = Some(ScoreOverride {
        score: 0.3,
        reason: "the rating dropped after the release".into(),
    });
    plan
}

/// Carried in this order; new ids are numbered in it.
fn picks() -> Vec<Pick> {
    vec![
        pick("o-loved", &["kr-nps", "kr-rating"]), // o-1, kr-2, kr-3
        pick("o-eng-app", &["kr-start"]),          // o-4 (→ kr-rating), kr-5
        pick("o-mobile", &["kr-cold", "kr-offline"]), // o-6 (→ kr-start), kr-7, kr-8
        pick("o-infra", &[]),                      // o-9 (→ o-eng-app)
        pick("o-people", &["kr-kits"]),            // o-10 (→ kr-hire, not carried), kr-11
        pick("o-sales", &["kr-dealers"]),          // o-12 (→ o-profit, not carried), kr-13
    ]
}

fn new(prefix: &str, serial: u64) -> Id {
    Id::mint(prefix, serial)
}

#[test]
fn carried_objectives_keep_their_owner_commitment_and_texts() {
    let before = plan();
    let mut editor = Editor::new(before.clone());
    editor
        .apply(run(&before, Q4, q1_2027(), &picks()).unwrap())
        .unwrap();
    let after = editor.plan();
    assert_eq!(after.cycles, before.cycles, "Q1 2027 exists already");
    assert_eq!(after.objectives.len(), before.objectives.len() + 6);
    assert_eq!(
        after.objectives[..before.objectives.len()],
        before.objectives
    );

    let copy = objective(after, &new("o", 10));
    let old = objective(&before, &"o-people".into());
    assert_eq!(copy.title, old.title);
    assert_eq!(copy.unit, old.unit);
    assert_eq!(copy.commitment, Commitment::Committed);
    assert_eq!(copy.cycle, Id::from("q1-2027"));
    assert!(copy.review.is_empty());
    let stretch = objective(after, &new("o", 1));
    assert_eq!(stretch.commitment, Commitment::Aspirational);
    assert!(objective(after, &new("o", 9)).key_results.is_empty());
}

#[test]
fn carried_key_results_start_where_the_old_ones_stopped() {
    let before = plan();
    let mut after = before.clone();
    run(&before, Q4, q1_2027(), &picks())
        .unwrap()
        .apply(&mut after)
        .unwrap();
    let loved = objective(&after, &new("o", 1));
    let ids: Vec<&Id> = loved.key_results.iter().map(|k| &k.id).collect();
    assert_eq!(ids, [&new("kr", 2), &new("kr", 3)]);

    let nps = &loved.key_results[0];
    assert_eq!(nps.title, "Raise NPS from 32 to 50");
    assert_eq!((nps.start, nps.target), (41.0, 50.0));
    assert_eq!(nps.measure, MeasureKind::Number);
    assert_eq!(nps.unit_of_measure, "NPS");
    assert_eq!(nps.weight, 2.0);
    assert!(nps.check_ins.is_empty());

    let rating = &loved.key_results[1];
    assert_eq!((rating.start, rating.target), (4.3, 4.6));
    assert_eq!(rating.score_override, None);

    // The offline ride log has no check-ins: it keeps its old start.
    let mobile = objective(&after, &new("o", 6));
    assert_eq!(mobile.key_results[1].title, "Release the offline ride log");
    assert_eq!(
        (mobile.key_results[1].start, mobile.key_results[1].target),
        (0.0, 1.0)
    );
    assert_eq!(validate(&after), vec![]);
}

#[test]
fn links_to_carried_targets_point_at_their_copies_and_others_are_dropped() {
    let before = plan();
    let mut after = before.clone();
    run(&before, Q4, q1_2027(), &picks())
        .unwrap()
        .apply(&mut after)
        .unwrap();
    let link = |serial| objective(&after, &new("o", serial)).aligned_to.clone();
    assert_eq!(link(1), None);
    assert_eq!(link(4), Some(Alignment::KeyResult(new("kr", 3))));
    assert_eq!(link(6), Some(Alignment::KeyResult(new("kr", 5))));
    assert_eq!(link(9), Some(Alignment::Objective(new("o", 4))));
    assert_eq!(link(10), None, "kr-hire stays in Q4");
    assert_eq!(link(12), None, "o-profit stays in Q4");
}

#[test]
fn a_link_to_a_key_result_left_behind_is_dropped_even_if_its_objective_is_carried() {
    let before = plan();
    let picks = [pick("o-loved", &["kr-nps"]), pick("o-eng-app", &[])];
    let mut after = before.clone();
    run(&before, Q4, q1_2027(), &picks)
        .unwrap()
        .apply(&mut after)
        .unwrap();
    assert_eq!(objective(&after, &new("o", 3)).aligned_to, None);
}

#[test]
fn links_into_a_cycle_that_spans_the_next_one_are_kept() {
    let mut before = plan();
    // A year objective for 2026, supported by Q3 objectives both ways.
    before.objectives.push(Objective {
        id: "o-2026".into(),
        title: "Bikes that stay on the road".into(),
        description: String::new(),
        unit: "u-company".into(),
        cycle: "y2026".into(),
        commitment: Commitment::Committed,
        aligned_to: None,
        key_results: vec![KeyResult {
            id: "kr-2026-returns".into(),
            title: "Halve returns".into(),
            measure: MeasureKind::Percentage,
            start: 6.0,
            target: 3.0,
            unit_of_measure: "%".into(),
            weight: 1.0,
            check_ins: Vec::new(),
            score_override: None,
        }],
        review: Review::default(),
    });
    objective_mut(&mut before, "o-q3-quality").aligned_to =
        Some(Alignment::KeyResult("kr-2026-returns".into()));
    let mut classic = objective(&before, &"o-q3-quality".into()).clone();
    classic.id = "o-q3-classic".into();
    classic.key_results.clear();
    classic.aligned_to = Some(Alignment::Objective("o-2026".into()));
    before.objectives.push(classic);
    assert_eq!(validate(&before), vec![]);

    let q4 = before.cycle(&Q4.into()).unwrap().clone();
    let picks = [
        pick("o-q3-quality", &["kr-q3-returns"]),
        pick("o-q3-classic", &[]),
    ];
    let mut after = before.clone();
    run(&before, "q3-2026", q4, &picks)
        .unwrap()
        .apply(&mut after)
        .unwrap();
    assert_eq!(
        objective(&after, &new("o", 1)).aligned_to,
        Some(Alignment::KeyResult("kr-2026-returns".into()))
    );
    assert_eq!(
        objective(&after, &new("o", 3)).aligned_to,
        Some(Alignment::Objective("o-2026".into()))
    );
    // The Q3 returns KR ended at 3.6%: Q4 starts there.
    assert_eq!(objective(&after, &new("o", 1)).key_results[0].start, 3.6);
    assert_eq!(validate(&after), vec![]);

    // Into 2027 the year 2026 no longer spans the cycle: the links go.
    let mut later = before.clone();
    run(&before, "q3-2026", q1_2027(), &picks)
        .unwrap()
        .apply(&mut later)
        .unwrap();
    assert_eq!(objective(&later, &new("o", 1)).aligned_to, None);
    assert_eq!(objective(&later, &new("o", 3)).aligned_to, None);
}

#[test]
fn a_new_cycle_is_added_and_one_undo_removes_everything() {
    let before = plan();
    let mut editor = Editor::new(before.clone());
    let command = run(&before, Q4, q2_2027(), &picks()).unwrap();
    let Command::Batch { steps, .. } = &command else {
        panic!("rollover is one batch");
    };
    // The cycle, then the six objectives carried, put in at once.
    assert_eq!(steps.len(), 2);
    assert!(
        matches!(&steps[0], Command::InsertCycle { cycle, .. } if cycle.id.as_str() == "q2-2027")
    );
    assert!(matches!(&steps[1], Command::InsertObjectives { placed } if placed.len() == 6));
    editor.apply(command).unwrap();
    assert_eq!(editor.plan().cycles.len(), before.cycles.len() + 1);
    assert_eq!(
        editor.plan().cycles.last().unwrap(),
        &q2_2027(),
        "added at the end"
    );
    assert_eq!(validate(editor.plan()), vec![]);
    let rolled = editor.plan().clone();

    assert_eq!(editor.undo_label(), Some("roll over into \"Q2 2027\""));
    assert_eq!(editor.undo().as_deref(), Some("roll over into \"Q2 2027\""));
    assert_eq!(editor.plan(), &before);
    assert_eq!(editor.undo(), None);
    editor.redo().unwrap();
    assert_eq!(editor.plan(), &rolled);
}

#[test]
fn an_existing_cycle_with_the_same_id_is_used_as_it_is() {
    let before = plan();
    let renamed = Cycle {
        name: "First quarter".into(),
        ..q1_2027()
    };
    let command = run(&before, Q4, renamed, &[pick("o-loved", &[])]).unwrap();
    assert_eq!(command.label(), "roll over into \"Q1 2027\"");
}

fn refused(plan: &Plan, from: &str, next: Cycle, picks: &[Pick]) -> String {
    run(plan, from, next, picks).unwrap_err().0
}

#[test]
fn picks_outside_the_cycle_are_refused() {
    let plan = plan();
    assert_eq!(
        refused(&plan, Q4, q1_2027(), &[pick("o-q3-quality", &[])]),
        "\"o-q3-quality\" is not an objective of Q4 2026."
    );
    assert_eq!(
        refused(&plan, Q4, q1_2027(), &[pick("o-gone", &[])]),
        "\"o-gone\" is not an objective of Q4 2026."
    );
}

#[test]
fn key_results_of_another_objective_are_refused() {
    assert_eq!(
        refused(
            &plan(),
            Q4,
            q1_2027(),
            &[pick("o-loved", &["kr-nps", "kr-engage"])]
        ),
        "The key result \"kr-engage\" is not part of \"Become the most loved e-bike brand in Europe\"."
    );
}

#[test]
fn picking_twice_is_refused() {
    let plan = plan();
    assert_eq!(
        refused(
            &plan,
            Q4,
            q1_2027(),
            &[pick("o-team", &[]), pick("o-team", &["kr-hire"])]
        ),
        "\"Build a team people want to join\" is picked twice."
    );
    assert_eq!(
        refused(
            &plan,
            Q4,
            q1_2027(),
            &[pick("o-team", &["kr-hire", "kr-hire"])]
        ),
        "The key result \"Cut time to hire from 60 to 40 days\" is picked twice."
    );
}

#[test]
fn nothing_to_carry_or_nowhere_to_go_is_refused() {
    let plan = plan();
    let some = [pick("o-team", &[])];
    assert_eq!(
        refused(&plan, Q4, q1_2027(), &[]),
        "Nothing to roll over: pick at least one objective."
    );
    assert_eq!(
        refused(&plan, "q9-2030", q1_2027(), &some),
        "The cycle \"q9-2030\" no longer exists."
    );
    let q4 = plan.cycle(&Q4.into()).unwrap().clone();
    assert_eq!(
        refused(&plan, Q4, q4, &some),
        "Roll over into another cycle than the one that ended."
    );
}

#[test]
fn a_new_cycle_that_would_not_validate_is_refused() {
    let plan = plan();
    let some = [pick("o-team", &[])];
    let backwards = quarter("q2-2027", "Q2 2027", date(2027, 6, 30), date(2027, 4, 1));
    assert_eq!(
        refused(&plan, Q4, backwards, &some),
        "The next cycle ends before it starts."
    );
    let nameless = Cycle {
        name: "  ".into(),
        ..q2_2027()
    };
    assert_eq!(
        refused(&plan, Q4, nameless, &some),
        "The next cycle needs a name."
    );
    let clashing = Cycle {
        id: "u-sales".into(),
        ..q2_2027()
    };
    assert_eq!(
        refused(&plan, Q4, clashing, &some),
        "The id \"u-sales\" is already in use."
    );
}

#[test]
fn new_ids_already_in_use_are_refused() {
    let plan = plan();
    let picks = [pick("o-team", &["kr-hire"])];
    // The first id minted is `first`, the others are new.
    let refusal = |next: Cycle, first: &str| {
        let mut serial = 0;
        let mut minting = |prefix: &str| {
            serial += 1;
            match serial {
                1 => Id::from(first),
                _ => Id::mint(prefix, serial),
            }
        };
        rollover(&plan, &Q4.into(), next, &picks, &mut minting)
            .unwrap_err()
            .0
    };
    assert_eq!(
        refusal(q1_2027(), "kr-nps"),
        "The new id \"kr-nps\" is already in use."
    );
    assert_eq!(
        refusal(q1_2027(), "q1-2027"),
        "The new id \"q1-2027\" is already in use."
    );
    assert_eq!(
        refusal(q2_2027(), "q2-2027"),
        "The new id \"q2-2027\" is already in use.",
        "the next cycle's id, though the cycle is only being added"
    );
    let mut same = |_: &str| Id::from("fresh");
    assert_eq!(
        rollover(&plan, &Q4.into(), q1_2027(), &picks, &mut same)
            .unwrap_err()
            .0,
        "The new id \"fresh\" is already in use."
    );
}

proptest! {
    /// Any picks from a valid plan roll over into a valid plan, and back.
    #[test]
    fn rolling_over_keeps_a_valid_plan_valid_and_undoes_exactly(
        plan in common::valid_plan(),
        carry in prop::collection::vec(any::<bool>(), 40),
    ) {
        let from = plan.cycles[0].id.clone();
        let mut wanted = carry.iter().copied().cycle();
        let mut picks = Vec::new();
        for objective in plan.objectives.iter().filter(|o| o.cycle == from) {
            if wanted.next().unwrap() {
                let key_results = objective
                    .key_results
                    .iter()
                    .filter(|_| wanted.next().unwrap())
                    .map(|k| k.id.clone())
                    .collect();
                picks.push(Pick { objective: objective.id.clone(), key_results });
            }
        }
        prop_assume!(!picks.is_empty());
        let next = quarter("next", "Next", date(2040, 1, 1), date(2040, 3, 31));
        let mut serial = 0;
        let mut new_id = |prefix: &str| {
            serial += 1;
            Id::mint(&format!("new-{prefix}"), serial)
        };
        let command = rollover(&plan, &from, next, &picks, &mut new_id).unwrap();
        let mut editor = Editor::new(plan.clone());
        editor.apply(command).unwrap();
        prop_assert_eq!(validate(editor.plan()), vec![]);
        let carried = picks.len();
        prop_assert_eq!(editor.plan().objectives.len(), plan.objectives.len() + carried);
        editor.undo().unwrap();
        prop_assert_eq!(editor.plan(), &plan);
    }
}
