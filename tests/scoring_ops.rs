//! Recording check-ins, overrides and review notes: checked, undoable.

use chrono::NaiveDate;
use okrplan::model::ops::*;
use okrplan::model::*;

fn check_in(id: &str, value: f64) -> CheckIn {
    CheckIn {
        id: id.into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        value,
        confidence: Some(0.8),
        comment: "on track".into(),
    }
}

fn kr<'a>(plan: &'a Plan, id: &str) -> &'a KeyResult {
    let (o, k) = plan.key_result_position(&id.into()).unwrap();
    &plan.objectives[o].key_results[k]
}

#[test]
fn a_check_in_is_recorded_and_undone() {
    let mut editor = Editor::new(sample_plan());
    let command = add_check_in(editor.plan(), &"kr-nps".into(), check_in("c-new", 44.0)).unwrap();
    assert_eq!(command.label(), "check in on \"Raise NPS from 32 to 50\"");
    editor.apply(command).unwrap();
    assert_eq!(
        kr(editor.plan(), "kr-nps").latest_check_in().unwrap().value,
        44.0
    );
    editor.undo();
    assert_eq!(editor.plan(), &sample_plan());
}

#[test]
fn check_in_values_must_fit_the_measure() {
    let plan = sample_plan();
    let refused = |kr: &str, value: f64| {
        add_check_in(&plan, &kr.into(), check_in("c-x", value))
            .unwrap_err()
            .0
    };
    assert_eq!(
        refused("kr-repeat", 120.0),
        "A percentage is between 0 and 100."
    );
    assert_eq!(
        refused("kr-refurb", 0.5),
        "A milestone is 1 (done) or 0 (not done)."
    );
    assert_eq!(
        refused("kr-monitoring", 1.5),
        "A grade is between 0.0 and 1.0."
    );
    assert_eq!(refused("kr-nps", f64::NAN), "A check-in needs a number.");
    let mut unsure = check_in("c-y", 40.0);
    unsure.confidence = Some(2.0);
    assert_eq!(
        add_check_in(&plan, &"kr-nps".into(), unsure).unwrap_err().0,
        "Confidence is between 0.0 and 1.0."
    );
    assert!(
        add_check_in(&plan, &"kr-nps".into(), check_in("kr-nps-c1", 40.0)).is_err(),
        "ids stay unique"
    );
}

#[test]
fn a_check_in_can_be_removed() {
    let mut editor = Editor::new(sample_plan());
    let command = remove_check_in(editor.plan(), &"kr-nps".into(), &"kr-nps-c3".into()).unwrap();
    editor.apply(command).unwrap();
    assert_eq!(kr(editor.plan(), "kr-nps").check_ins.len(), 2);
}

#[test]
fn an_override_needs_a_reason_and_a_score_in_range() {
    let plan = sample_plan();
    let set = |score: f64, reason: &str| {
        set_score_override(
            &plan,
            &"kr-nps".into(),
            Some(ScoreOverride {
                score,
                reason: reason.into(),
            }),
        )
    };
    assert_eq!(
        set(0.8, "  ").unwrap_err().0,
        "A score override needs a reason."
    );
    assert_eq!(
        set(1.3, "survey late").unwrap_err().0,
        "A score is between 0.0 and 1.0."
    );
    let mut editor = Editor::new(plan.clone());
    editor
        .apply(set(0.8, "survey closed late").unwrap())
        .unwrap();
    assert_eq!(
        kr(editor.plan(), "kr-nps")
            .score_override
            .as_ref()
            .unwrap()
            .score,
        0.8
    );
    editor
        .apply(set_score_override(editor.plan(), &"kr-nps".into(), None).unwrap())
        .unwrap();
    assert_eq!(kr(editor.plan(), "kr-nps").score_override, None);
}

#[test]
fn review_notes_are_kept_per_objective() {
    let mut editor = Editor::new(sample_plan());
    let command = edit_review(editor.plan(), &"o-profit".into(), |r| {
        r.explanation = "Supplier delay".into()
    })
    .unwrap();
    assert_eq!(command.label(), "edit review notes");
    editor.apply(command).unwrap();
    assert_eq!(
        editor
            .plan()
            .objective(&"o-profit".into())
            .unwrap()
            .review
            .explanation,
        "Supplier delay"
    );
    assert_eq!(validate(editor.plan()), vec![]);
}

#[test]
fn an_objective_progresses_with_each_check_in_of_its_key_results() {
    let plan = sample_plan();
    let objective = plan.objective(&"o-loved".into()).unwrap();
    let series = okrplan::model::scoring::objective_series(objective);
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    // NPS 32→50, repeat 18→25 %, rating 4.2→4.6, equal weights.
    let expected = [
        (
            day(10, 15),
            ((35.0 - 32.0) / 18.0 + (19.0 - 18.0) / 7.0 + 0.0) / 3.0,
        ),
        (
            day(11, 1),
            ((39.0 - 32.0) / 18.0 + (19.0 - 18.0) / 7.0 + (4.3 - 4.2) / 0.4) / 3.0,
        ),
        (
            day(11, 15),
            ((41.0 - 32.0) / 18.0 + (21.5 - 18.0) / 7.0 + (4.3 - 4.2) / 0.4) / 3.0,
        ),
    ];
    assert_eq!(series.len(), 3);
    for ((date, progress), (want_date, want)) in series.iter().zip(expected) {
        assert_eq!(*date, want_date);
        assert!((progress - want).abs() < 1e-9, "{progress} vs {want}");
    }
}
