//! Quality warnings: each rule fires where it should, with its reason.

use okrplan::model::quality::{warnings, warnings_in_plan, ActiveUnits, Subject, WarningKind};
use okrplan::model::*;

const Q4: &str = "q4-2026";

fn kinds(plan: &Plan) -> Vec<(Subject, WarningKind)> {
    warnings(plan, &Q4.into())
        .into_iter()
        .map(|w| (w.subject, w.kind))
        .collect()
}

fn objective_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Objective {
    plan.objectives
        .iter_mut()
        .find(|o| o.id.as_str() == id)
        .unwrap()
}

#[test]
fn the_sample_quarter_has_no_warnings() {
    assert_eq!(kinds(&sample_plan()), vec![]);
}

#[test]
fn an_objective_below_the_company_aligned_to_nothing() {
    let mut plan = sample_plan();
    objective_mut(&mut plan, "o-cs").aligned_to = None;
    objective_mut(&mut plan, "o-loved").aligned_to = None; // company level: fine
    assert_eq!(
        kinds(&plan),
        vec![(Subject::Objective("o-cs".into()), WarningKind::Unaligned)]
    );
    assert!(warnings(&plan, &Q4.into())[0]
        .why
        .starts_with("Aligned to nothing"));
}

#[test]
fn more_than_five_objectives_in_a_unit_or_key_results_in_an_objective() {
    let mut plan = sample_plan();
    let template = objective_mut(&mut plan, "o-sales").clone();
    for i in 0..5 {
        let mut extra = template.clone();
        extra.id = Id::mint("o-extra", i);
        extra.key_results.clear();
        plan.objectives.push(extra);
    }
    let kr = objective_mut(&mut plan, "o-cs").key_results[0].clone();
    for i in 0..4 {
        let mut extra = kr.clone();
        extra.id = Id::mint("kr-extra", i);
        extra.check_ins.clear();
        objective_mut(&mut plan, "o-cs").key_results.push(extra);
    }
    let found = warnings(&plan, &Q4.into());
    let found: Vec<_> = found
        .iter()
        .map(|w| (&w.subject, w.kind, w.why.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                &Subject::Unit("u-sales".into()),
                WarningKind::TooManyObjectives,
                "6 objectives: more than 5 means nothing is a priority."
            ),
            (
                &Subject::Objective("o-cs".into()),
                WarningKind::TooManyKeyResults,
                "6 key results: more than 5 dilutes focus."
            ),
        ]
    );
}

#[test]
fn a_key_result_without_a_measurable_target() {
    let mut plan = sample_plan();
    let kr = &mut objective_mut(&mut plan, "o-people").key_results[1];
    kr.target = kr.start;
    assert_eq!(
        kinds(&plan),
        vec![(
            Subject::KeyResult("kr-accept".into()),
            WarningKind::NoMeasurableTarget
        )]
    );
}

#[test]
fn a_link_into_another_cycle_but_not_into_the_year_around_it() {
    let mut plan = sample_plan();
    objective_mut(&mut plan, "o-cs").aligned_to = Some(Alignment::Objective("o-q3-quality".into()));
    let found = warnings(&plan, &Q4.into());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, WarningKind::LinkIntoAnotherCycle);
    assert_eq!(
        found[0].why,
        "Linked into another cycle (Q3 2026): alignment normally stays within one cycle."
    );

    let q3 = objective_mut(&mut plan, "o-q3-quality");
    q3.cycle = "y2026".into();
    assert_eq!(
        kinds(&plan),
        vec![],
        "a Q4 objective may support a 2026 objective"
    );
}

#[test]
fn a_unit_active_in_the_rollout_without_okrs() {
    let mut plan = sample_plan();
    plan.objectives.retain(|o| o.id.as_str() != "o-people");
    let found = warnings(&plan, &Q4.into());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].subject, Subject::Unit("u-people".into()));
    assert_eq!(
        found[0].why,
        "Active in rollout phase “Leadership” but has no OKRs in Q4 2026."
    );
    // Marketing is only view-only in that phase: no warning although it has no OKRs.
    assert!(!found
        .iter()
        .any(|w| w.subject == Subject::Unit("u-marketing".into())));
}

#[test]
fn a_view_asking_about_one_subject_hears_only_of_the_cycle_it_shows() {
    let mut plan = sample_plan();
    objective_mut(&mut plan, "o-cs").aligned_to = None;
    let about = |cycle: &str| {
        let cycle: Id = cycle.into();
        let index = CascadeIndex::new(&plan, Some(&cycle));
        let active = ActiveUnits::new(&plan, &cycle);
        let subject = Subject::Objective("o-cs".into());
        let found = warnings_in_plan(&plan, &cycle, &index, &active, &subject);
        found.into_iter().map(|w| w.kind).collect::<Vec<_>>()
    };
    assert_eq!(about(Q4), vec![WarningKind::Unaligned]);
    // Asked while Q3 is shown, it is not Q3’s to warn about.
    assert_eq!(about("q3-2026"), vec![]);
}
