//! Scoring rules with exact numbers: key results, objectives, roll-ups,
//! bands, expectations, pace and the cycle summary.

mod common;

use chrono::NaiveDate;
use okrplan::model::scoring::*;
use okrplan::model::*;
use proptest::prelude::*;

const EPSILON: f64 = 1e-9;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < EPSILON
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {{
        let (actual, expected): (f64, f64) = ($actual, $expected);
        assert!(close(actual, expected), "expected {expected}, got {actual}");
    }};
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A key result with check-ins given as `(day of October 2026, value)`.
fn kr(id: &str, measure: MeasureKind, start: f64, target: f64, values: &[(u32, f64)]) -> KeyResult {
    KeyResult {
        id: id.into(),
        title: format!("KR {id}"),
        measure,
        start,
        target,
        unit_of_measure: String::new(),
        weight: 1.0,
        check_ins: values
            .iter()
            .enumerate()
            .map(|(i, &(day, value))| CheckIn {
                id: Id::from(format!("{id}-c{i}").as_str()),
                date: date(2026, 10, day),
                value,
                confidence: None,
                comment: String::new(),
            })
            .collect(),
        score_override: None,
    }
}

fn number(start: f64, target: f64, value: f64) -> KeyResult {
    kr("k", MeasureKind::Number, start, target, &[(1, value)])
}

fn grade(id: &str, value: f64) -> KeyResult {
    kr(id, MeasureKind::Grade, 0.0, 1.0, &[(1, value)])
}

fn no_check_ins(id: &str) -> KeyResult {
    kr(id, MeasureKind::Number, 0.0, 10.0, &[])
}

fn score_of(kr: &KeyResult) -> f64 {
    key_result_score(kr).value
}

// ---- Key results ----

#[test]
fn a_number_scores_its_linear_progress() {
    assert_close!(score_of(&number(10.0, 20.0, 15.0)), 0.5);
    assert_close!(score_of(&number(0.0, 12.0, 3.0)), 0.25);
    assert_eq!(
        key_result_score(&number(0.0, 4.0, 1.0)).basis,
        Basis::Measured
    );
}

#[test]
fn a_decreasing_target_scores_progress_downwards() {
    // Warranty cost from €42 to €30, now €37: 5 of 12 down.
    assert_close!(score_of(&number(42.0, 30.0, 37.0)), 5.0 / 12.0);
    assert_close!(score_of(&number(42.0, 30.0, 30.0)), 1.0);
    assert_close!(score_of(&number(42.0, 30.0, 42.0)), 0.0);
}

#[test]
fn progress_is_clamped_beyond_the_target_and_behind_the_start() {
    assert_close!(score_of(&number(10.0, 20.0, 25.0)), 1.0);
    assert_close!(score_of(&number(10.0, 20.0, 5.0)), 0.0);
    assert_close!(score_of(&number(42.0, 30.0, 20.0)), 1.0);
    assert_close!(score_of(&number(42.0, 30.0, 50.0)), 0.0);
}

#[test]
fn start_equal_to_target_scores_only_an_exact_hit() {
    assert_close!(score_of(&number(5.0, 5.0, 5.0)), 1.0);
    assert_close!(score_of(&number(5.0, 5.0, 6.0)), 0.0);
    assert_close!(score_of(&number(5.0, 5.0, 4.0)), 0.0);
}

#[test]
fn a_percentage_scores_like_a_number() {
    let churn = kr("k", MeasureKind::Percentage, 8.0, 5.0, &[(1, 6.5)]);
    assert_close!(score_of(&churn), 0.5);
    let same = kr("k", MeasureKind::Percentage, 40.0, 40.0, &[(1, 40.0)]);
    assert_close!(score_of(&same), 1.0);
}

#[test]
fn a_milestone_is_done_from_half_up() {
    let milestone = |value| kr("k", MeasureKind::Milestone, 0.0, 1.0, &[(1, value)]);
    assert_close!(score_of(&milestone(0.0)), 0.0);
    assert_close!(score_of(&milestone(0.49)), 0.0);
    assert_close!(score_of(&milestone(0.5)), 1.0);
    assert_close!(score_of(&milestone(1.0)), 1.0);
}

#[test]
fn a_grade_is_its_value_clamped() {
    assert_close!(score_of(&grade("k", 0.45)), 0.45);
    assert_close!(score_of(&grade("k", 1.3)), 1.0);
    assert_close!(score_of(&grade("k", -0.2)), 0.0);
}

#[test]
fn the_latest_check_in_by_date_counts_not_the_last_entered() {
    let kr = kr("k", MeasureKind::Number, 0.0, 10.0, &[(20, 8.0), (5, 2.0)]);
    assert_close!(score_of(&kr), 0.8);
}

#[test]
fn an_override_wins_over_the_measured_score() {
    let mut kr = number(0.0, 10.0, 9.0);
    kr.score_override = Some(ScoreOverride {
        score: 0.4,
        reason: "the last deal fell through after the check-in".into(),
    });
    assert_eq!(
        key_result_score(&kr),
        KrScore {
            value: 0.4,
            basis: Basis::Override
        }
    );
    kr.check_ins.clear();
    assert_eq!(key_result_score(&kr).basis, Basis::Override);
}

#[test]
fn no_check_ins_scores_zero_and_says_so() {
    assert_eq!(
        key_result_score(&no_check_ins("k")),
        KrScore {
            value: 0.0,
            basis: Basis::NoCheckIns
        }
    );
}

// ---- Objectives ----

fn objective_with(key_results: Vec<KeyResult>) -> Objective {
    Objective {
        id: "o".into(),
        title: "O".into(),
        description: String::new(),
        unit: "u".into(),
        cycle: "q".into(),
        commitment: Commitment::Committed,
        aligned_to: None,
        key_results,
        review: Review::default(),
    }
}

#[test]
fn an_objective_averages_its_key_results_by_weight() {
    let mut heavy = grade("a", 1.0);
    heavy.weight = 3.0;
    let objective = objective_with(vec![heavy, grade("b", 0.0)]);
    assert_close!(objective_score(&objective).unwrap(), 0.75);
}

#[test]
fn zero_weights_give_a_plain_average() {
    let mut a = grade("a", 0.9);
    let mut b = grade("b", 0.3);
    a.weight = 0.0;
    b.weight = 0.0;
    assert_close!(objective_score(&objective_with(vec![a, b])).unwrap(), 0.6);
}

#[test]
fn a_zero_weight_key_result_does_not_count_beside_weighted_ones() {
    let mut ignored = grade("b", 0.0);
    ignored.weight = 0.0;
    let objective = objective_with(vec![grade("a", 0.8), ignored]);
    assert_close!(objective_score(&objective).unwrap(), 0.8);
}

#[test]
fn an_objective_without_key_results_has_no_score() {
    assert_eq!(objective_score(&objective_with(Vec::new())), None);
}

#[test]
fn a_key_result_without_check_ins_counts_as_no_progress() {
    let objective = objective_with(vec![grade("a", 0.8), no_check_ins("b")]);
    assert_close!(objective_score(&objective).unwrap(), 0.4);
}

// ---- Roll-ups ----

const Q: &str = "q";

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        name: id.to_uppercase(),
        kind: UnitKind::Team,
        parent: parent.map(Id::from),
        headcount: None,
    }
}

fn objective(
    id: &str,
    unit: &str,
    aligned_to: Option<Alignment>,
    key_results: Vec<KeyResult>,
) -> Objective {
    Objective {
        id: id.into(),
        title: id.to_uppercase(),
        description: String::new(),
        unit: unit.into(),
        cycle: Q.into(),
        commitment: Commitment::Committed,
        aligned_to,
        key_results,
        review: Review::default(),
    }
}

fn cycle(id: &str, start: NaiveDate, end: NaiveDate) -> Cycle {
    Cycle {
        id: id.into(),
        name: id.to_uppercase(),
        kind: CycleKind::Quarter,
        start,
        end,
    }
}

fn to_kr(id: &str) -> Option<Alignment> {
    Some(Alignment::KeyResult(id.into()))
}

fn to_objective(id: &str) -> Option<Alignment> {
    Some(Alignment::Objective(id.into()))
}

/// company ─ team-a ─ person
///         └ team-b
///
/// P (company): p1 graded 0.8, p2 without check-ins.
/// C1 (team-a) is cascaded from p2 (duality), graded 0.6.
/// C2 (team-b) supports P (classic), graded 0.2.
/// D (person) supports C1 (classic), graded 0.0.
fn cascade(roll_up: bool) -> Plan {
    let mut plan = Plan::new("Cascade");
    plan.settings.roll_up_aligned = roll_up;
    plan.cycles = vec![cycle(Q, date(2026, 10, 1), date(2026, 12, 31))];
    plan.units = vec![
        unit("company", None),
        unit("team-a", Some("company")),
        unit("team-b", Some("company")),
        unit("person", Some("team-a")),
    ];
    plan.objectives = vec![
        objective(
            "p",
            "company",
            None,
            vec![grade("p1", 0.8), no_check_ins("p2")],
        ),
        objective("c1", "team-a", to_kr("p2"), vec![grade("c1k", 0.6)]),
        objective("c2", "team-b", to_objective("p"), vec![grade("c2k", 0.2)]),
        objective("d", "person", to_objective("c1"), vec![grade("dk", 0.0)]),
    ];
    plan
}

fn objective_in(plan: &Plan, id: &str) -> Option<f64> {
    Scores::new(plan, &Q.into()).objective(&id.into())
}

#[test]
fn without_roll_up_every_objective_scores_its_own_key_results() {
    let scores = Scores::new(&cascade(false), &Q.into());
    assert_close!(scores.objective(&"p".into()).unwrap(), 0.4);
    assert_close!(scores.objective(&"c1".into()).unwrap(), 0.6);
    assert_eq!(
        scores.key_result(&"p2".into()),
        Some(KrScore {
            value: 0.0,
            basis: Basis::NoCheckIns
        })
    );
}

#[test]
fn with_roll_up_children_count_through_key_results_and_objectives() {
    let scores = Scores::new(&cascade(true), &Q.into());
    // D (0.0) supports C1: C1 = (0.6 + 0.0) / 2.
    assert_close!(scores.objective(&"c1".into()).unwrap(), 0.3);
    // p2 has no check-ins of its own, so it is just C1's score.
    assert_eq!(
        scores.key_result(&"p2".into()),
        Some(KrScore {
            value: 0.3,
            basis: Basis::RolledUp
        })
    );
    assert_eq!(
        scores.key_result(&"p1".into()).unwrap().basis,
        Basis::Measured
    );
    // P = (p1 0.8 + p2 0.3 + C2 0.2) / 3.
    assert_close!(scores.objective(&"p".into()).unwrap(), 1.3 / 3.0);
}

#[test]
fn with_roll_up_a_key_results_own_score_averages_with_its_children() {
    let mut plan = cascade(true);
    plan.objectives[0].key_results[1] = grade("p2", 0.9);
    // p2 = (own 0.9 + C1 0.3) / 2 = 0.6; P = (0.8 + 0.6 + 0.2) / 3.
    let scores = Scores::new(&plan, &Q.into());
    assert_close!(scores.key_result(&"p2".into()).unwrap().value, 0.6);
    assert_close!(scores.objective(&"p".into()).unwrap(), 1.6 / 3.0);
}

#[test]
fn with_roll_up_an_override_counts_as_the_key_results_own_score() {
    let mut plan = cascade(true);
    plan.objectives[0].key_results[1].score_override = Some(ScoreOverride {
        score: 0.7,
        reason: "agreed in the review".into(),
    });
    // p2 = (override 0.7 + C1 0.3) / 2.
    assert_close!(
        Scores::new(&plan, &Q.into())
            .key_result(&"p2".into())
            .unwrap()
            .value,
        0.5
    );
}

#[test]
fn with_roll_up_the_weights_of_key_results_still_apply_and_children_weigh_one() {
    let mut plan = cascade(true);
    plan.objectives[0].key_results[0].weight = 2.0;
    // P = (2 × 0.8 + 1 × 0.3 + 1 × 0.2) / 4.
    assert_close!(objective_in(&plan, "p").unwrap(), 2.1 / 4.0);
}

#[test]
fn with_roll_up_an_objective_without_key_results_scores_its_supporters() {
    let mut plan = cascade(true);
    plan.objectives[1].key_results.clear();
    // C1 is just D (0.0); an empty objective without supporters has no score.
    assert_close!(objective_in(&plan, "c1").unwrap(), 0.0);
    plan.objectives[3].aligned_to = None;
    assert_eq!(objective_in(&plan, "c1"), None);
    // p2 then has neither check-ins nor scored children.
    assert_eq!(
        Scores::new(&plan, &Q.into()).key_result(&"p2".into()),
        Some(KrScore {
            value: 0.0,
            basis: Basis::NoCheckIns
        })
    );
}

#[test]
fn unit_and_subtree_scores_are_means_of_objectives() {
    let mut plan = cascade(false);
    plan.objectives.push(objective(
        "p-extra",
        "company",
        None,
        vec![grade("pk", 0.2)],
    ));
    plan.objectives
        .push(objective("empty", "team-b", None, Vec::new()));
    let scores = Scores::new(&plan, &Q.into());
    // Company's own: P 0.4 and P-extra 0.2.
    assert_close!(scores.unit(&"company".into()).unwrap(), 0.3);
    // Team B: C2 0.2; the objective without key results has no score to average.
    assert_close!(scores.unit(&"team-b".into()).unwrap(), 0.2);
    assert_close!(scores.unit(&"person".into()).unwrap(), 0.0);
    // Team A and below: C1 0.6 and D 0.0.
    assert_close!(scores.subtree(&"team-a".into()).unwrap(), 0.3);
    // Everything: (0.4 + 0.2 + 0.6 + 0.2 + 0.0) / 5.
    assert_close!(scores.subtree(&"company".into()).unwrap(), 1.4 / 5.0);
    assert_eq!(scores.unit(&"nobody".into()), None);
}

#[test]
fn a_unit_without_objectives_has_no_score() {
    let mut plan = cascade(false);
    plan.units.push(unit("idle", Some("company")));
    let scores = Scores::new(&plan, &Q.into());
    assert_eq!(scores.unit(&"idle".into()), None);
    assert_eq!(scores.subtree(&"idle".into()), None);
}

#[test]
fn scores_cover_only_the_cycle_asked_for() {
    let mut plan = cascade(false);
    plan.cycles
        .push(cycle("next", date(2027, 1, 1), date(2027, 3, 31)));
    plan.objectives[2].cycle = "next".into();
    let scores = Scores::new(&plan, &Q.into());
    assert_eq!(scores.objective(&"c2".into()), None);
    assert_eq!(scores.key_result(&"c2k".into()), None);
    assert_eq!(scores.unit(&"team-b".into()), None);
    assert_close!(
        Scores::new(&plan, &"next".into())
            .subtree(&"company".into())
            .unwrap(),
        0.2
    );
}

#[test]
fn roll_up_counts_children_from_cycles_inside_the_parents_only() {
    let mut plan = cascade(true);
    plan.cycles.extend([
        cycle("year", date(2026, 1, 1), date(2026, 12, 31)),
        cycle("later", date(2027, 1, 1), date(2027, 3, 31)),
    ]);
    plan.objectives[0].cycle = "year".into(); // P is a year objective
    plan.objectives[1].cycle = "later".into(); // C1 is outside the year
                                               // C2 (this quarter, inside the year) counts; C1 does not, so p2 stays unmeasured.
    let scores = Scores::new(&plan, &"year".into());
    assert_close!(scores.objective(&"p".into()).unwrap(), 1.0 / 3.0);
    assert_eq!(
        scores.key_result(&"p2".into()).unwrap().basis,
        Basis::NoCheckIns
    );
}

#[test]
fn alignment_loops_end_without_hanging() {
    let mut plan = cascade(true);
    // P supports D, which (through C1 and p2) supports P; C2 supports itself.
    plan.objectives[0].aligned_to = to_objective("d");
    plan.objectives[2].aligned_to = to_objective("c2");
    let scores = Scores::new(&plan, &Q.into());
    for id in ["p", "c1", "c2", "d"] {
        let score = scores.objective(&id.into()).unwrap();
        assert!((0.0..=1.0).contains(&score), "{id}: {score}");
    }
    // A loop through key results only.
    plan.objectives[0].aligned_to = to_kr("dk");
    let scores = Scores::new(&plan, &Q.into());
    assert!(scores.subtree(&"company".into()).is_some());
}

#[test]
fn a_unit_loop_does_not_hang_the_subtree_scores() {
    let mut plan = cascade(false);
    plan.units[1].parent = Some("person".into()); // team-a ⇄ person
    let scores = Scores::new(&plan, &Q.into());
    assert_close!(scores.unit(&"team-a".into()).unwrap(), 0.6);
    assert!(scores.subtree(&"company".into()).is_some());
}

/// 10,000 objectives, each supporting the one before: no stack overflow,
/// and quick (the walk is linear).
#[test]
fn a_long_chain_of_aligned_objectives_rolls_up() {
    let mut plan = cascade(true);
    plan.objectives = vec![objective("o0", "company", None, vec![grade("k0", 1.0)])];
    for i in 1..10_000 {
        let parent = if i % 2 == 0 {
            to_objective(&format!("o{}", i - 1))
        } else {
            to_kr(&format!("k{}", i - 1))
        };
        let key_results = vec![grade(&format!("k{i}"), 1.0)];
        plan.objectives
            .push(objective(&format!("o{i}"), "team-a", parent, key_results));
    }
    let started = std::time::Instant::now();
    let scores = Scores::new(&plan, &Q.into());
    assert!(started.elapsed().as_secs() < 5);
    assert_close!(scores.objective(&"o0".into()).unwrap(), 1.0);
    assert_close!(scores.subtree(&"company".into()).unwrap(), 1.0);
}

proptest! {
    #[test]
    fn every_score_of_a_valid_plan_is_between_zero_and_one(plan in common::valid_plan()) {
        for cycle in &plan.cycles {
            let scores = Scores::new(&plan, &cycle.id);
            for objective in plan.objectives.iter().filter(|o| o.cycle == cycle.id) {
                if let Some(score) = scores.objective(&objective.id) {
                    prop_assert!((0.0..=1.0).contains(&score));
                }
                for kr in &objective.key_results {
                    let score = scores.key_result(&kr.id).unwrap().value;
                    prop_assert!((0.0..=1.0).contains(&score));
                }
            }
            let summary = summarize(&plan, &scores);
            prop_assert_eq!(
                summary.per_band.iter().sum::<usize>(),
                summary.distribution.iter().sum::<usize>()
            );
        }
    }
}

// ---- Bands and expectations ----

#[test]
fn bands_round_to_one_decimal_first() {
    let cases = [
        (0.0, Band::Red),
        (0.3, Band::Red),
        (0.34, Band::Red),
        (0.35, Band::Yellow),
        (7.0 / 20.0, Band::Yellow),
        (0.4, Band::Yellow),
        (0.6, Band::Yellow),
        (0.64, Band::Yellow),
        (0.65, Band::Green),
        (0.7, Band::Green),
        (1.0, Band::Green),
    ];
    for (score, expected) in cases {
        assert_eq!(band(score), expected, "score {score}");
    }
}

#[test]
fn every_band_names_its_range_in_words() {
    assert_eq!(Band::Red.label(), "0.0–0.3 red");
    assert_eq!(Band::Yellow.label(), "0.4–0.6 yellow");
    assert_eq!(Band::Green.label(), "0.7–1.0 green");
}

#[test]
fn tenths_round_half_up_and_stay_in_range() {
    assert_eq!(tenths(0.25), 3);
    assert_eq!(tenths(0.24), 2);
    assert_eq!(tenths(0.95), 10);
    assert_eq!(tenths(1.7), 10);
    assert_eq!(tenths(-0.4), 0);
    assert_eq!(tenths(f64::NAN), 0);
}

#[test]
fn a_score_is_finished_when_it_reads_one_at_one_decimal() {
    assert!(finished(1.0));
    assert!(finished(0.95));
    assert!(finished(1.3), "a score over 1.0 counts as 1.0");
    assert!(!finished(0.94));
    assert!(!finished(0.0));
    assert!(!finished(f64::NAN));
}

#[test]
fn committed_objectives_expect_a_full_score() {
    use Commitment::Committed;
    assert_eq!(expectation(Committed, 1.0), Expectation::Met);
    assert_eq!(expectation(Committed, 0.95), Expectation::Met);
    assert_eq!(expectation(Committed, 0.94), Expectation::NeedsExplanation);
    assert_eq!(expectation(Committed, 0.0), Expectation::NeedsExplanation);
}

#[test]
fn aspirational_objectives_aim_for_the_sweet_spot() {
    use Commitment::Aspirational;
    let cases = [
        (0.0, Expectation::Below),
        (0.54, Expectation::Below),
        (0.55, Expectation::SweetSpot),
        (0.6, Expectation::SweetSpot),
        (0.7, Expectation::SweetSpot),
        (0.74, Expectation::SweetSpot),
        (0.75, Expectation::Above),
        (0.9, Expectation::Above),
        (0.95, Expectation::TooEasy),
        (1.0, Expectation::TooEasy),
    ];
    for (score, expected) in cases {
        assert_eq!(expectation(Aspirational, score), expected, "score {score}");
    }
}

#[test]
fn every_expectation_explains_itself_in_one_line() {
    let all = [
        Expectation::Met,
        Expectation::NeedsExplanation,
        Expectation::Below,
        Expectation::SweetSpot,
        Expectation::Above,
        Expectation::TooEasy,
    ];
    let texts: std::collections::HashSet<_> = all.iter().map(|e| e.explanation()).collect();
    assert_eq!(texts.len(), all.len());
    assert!(texts.iter().all(|t| !t.is_empty() && !t.contains('\n')));
}

// ---- Pace ----

#[test]
fn expected_progress_runs_from_start_to_end() {
    let ten_days = cycle("c", date(2027, 1, 1), date(2027, 1, 11));
    assert_close!(expected_progress(&ten_days, date(2027, 1, 1)), 0.0);
    assert_close!(expected_progress(&ten_days, date(2027, 1, 6)), 0.5);
    assert_close!(expected_progress(&ten_days, date(2027, 1, 11)), 1.0);
    assert_close!(expected_progress(&ten_days, date(2026, 12, 1)), 0.0);
    assert_close!(expected_progress(&ten_days, date(2027, 2, 1)), 1.0);
}

#[test]
fn a_one_day_cycle_is_due_on_its_day() {
    let day = cycle("c", date(2027, 1, 1), date(2027, 1, 1));
    assert_close!(expected_progress(&day, date(2026, 12, 31)), 0.0);
    assert_close!(expected_progress(&day, date(2027, 1, 1)), 1.0);
}

#[test]
fn the_progress_series_follows_check_ins_in_date_order() {
    let mut kr = kr(
        "k",
        MeasureKind::Number,
        42.0,
        30.0,
        &[(20, 33.0), (5, 39.0), (12, 36.0), (12, 35.0)],
    );
    kr.score_override = Some(ScoreOverride {
        score: 1.0,
        reason: "final".into(),
    });
    let series = progress_series(&kr);
    let expected = [(5, 0.25), (12, 0.5), (12, 7.0 / 12.0), (20, 0.75)];
    assert_eq!(series.len(), expected.len());
    for ((day, progress), (expected_day, expected_progress)) in series.into_iter().zip(expected) {
        assert_eq!(day, date(2026, 10, expected_day));
        assert_close!(progress, expected_progress);
    }
    assert!(progress_series(&no_check_ins("k")).is_empty());
}

// ---- Cycle summary ----

fn summary_of(plan: &Plan, cycle: &Id) -> CycleSummary {
    summarize(plan, &Scores::new(plan, cycle))
}

#[test]
fn the_summary_counts_bands_commitments_and_the_distribution() {
    let mut plan = cascade(false);
    // P 0.4, C1 0.6, C2 0.2, D 0.0 are committed; add a met one and two stretch goals.
    let stretch = |id: &str, score: f64| {
        let mut o = objective(id, "team-b", None, vec![grade(&format!("{id}k"), score)]);
        o.commitment = Commitment::Aspirational;
        o
    };
    let extra = [stretch("s1", 0.65), stretch("s2", 1.0)];
    plan.objectives.extend(extra);
    plan.objectives
        .push(objective("met", "team-a", None, vec![grade("mk", 0.96)]));
    plan.objectives
        .push(objective("empty", "team-a", None, Vec::new()));

    let summary = summary_of(&plan, &Q.into());
    assert_eq!(summary.objectives, 8);
    // Red: C2 0.2, D 0.0. Yellow: P 0.4, C1 0.6. Green: S1 0.65, S2 1.0, met 0.96.
    assert_eq!(summary.per_band, [2, 2, 3]);
    assert_eq!(summary.committed_total, 5);
    assert_eq!(summary.committed_met, 1);
    assert_close!(summary.committed_hit_rate.unwrap(), 0.2);
    assert_close!(summary.aspirational_average.unwrap(), 0.825);
    assert_eq!(summary.distribution, [1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 2]);
}

#[test]
fn an_empty_cycle_summarises_to_nothing() {
    let summary = summary_of(&cascade(false), &"no-such-cycle".into());
    assert_eq!(summary, CycleSummary::default());
    assert_eq!(summary.committed_hit_rate, None);
    assert_eq!(summary.aspirational_average, None);
}

#[test]
fn the_summary_follows_the_roll_up_setting() {
    // With roll-up, P becomes 1.3 / 3 ≈ 0.43 (still yellow) and C1 0.3 (red).
    let summary = summary_of(&cascade(true), &Q.into());
    assert_eq!(summary.per_band, [3, 1, 0]);
}

#[test]
fn the_sample_quarter_scores_as_computed_by_hand() {
    let plan = sample_plan();
    let scores = Scores::new(&plan, &"q4-2026".into());
    // NPS 32 → 50 at 41: 0.5. Repeat 18 → 25 at 21.5: 0.5. Rating 4.2 → 4.6 at 4.3: 0.25.
    assert_close!(scores.objective(&"o-loved".into()).unwrap(), 1.25 / 3.0);
    // Margin 31 → 36 at 34: 0.6. Warranty 42 → 30 at 37: 5/12. Refurb: no check-ins.
    assert_close!(
        scores.objective(&"o-profit".into()).unwrap(),
        (0.6 + 5.0 / 12.0) / 3.0
    );
    assert_eq!(
        scores.key_result(&"kr-refurb".into()).unwrap().basis,
        Basis::NoCheckIns
    );
}
