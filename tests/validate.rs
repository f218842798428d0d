//! `validate` finds each kind of problem, at the right path, all at once.

use okrplan::model::*;

fn problems(plan: &Plan) -> Vec<(String, ProblemKind)> {
    validate(plan)
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect()
}

fn objective_index(plan: &Plan, id: &str) -> usize {
    plan.objectives
        .iter()
        .position(|o| o.id.as_str() == id)
        .unwrap()
}

#[test]
fn the_sample_plan_is_valid() {
    assert_eq!(validate(&sample_plan()), vec![]);
}

#[test]
fn dangling_references_are_found_everywhere() {
    let mut plan = sample_plan();
    plan.units[1].parent = Some("u-gone".into());
    plan.objectives[0].unit = "u-gone".into();
    plan.objectives[3].aligned_to = Some(Alignment::KeyResult("kr-gone".into()));
    plan.objectives[4].aligned_to = Some(Alignment::Objective("o-gone".into()));
    plan.rollout.participation[0].phase = "ph-gone".into();
    plan.rollout.readiness[0].phase = "ph-gone".into();
    plan.rollout.roles[2].unit = Some("u-gone".into());
    let found = problems(&plan);
    let expected = [
        "units[1].parent",
        "objectives[0].unit",
        "objectives[3].aligned_to.key_result",
        "objectives[4].aligned_to.objective",
        "rollout.participation[0].phase",
        "rollout.roles[2].unit",
        "rollout.readiness[0].phase",
    ];
    assert_eq!(found.len(), expected.len(), "{found:?}");
    for (path, (found_path, kind)) in expected.iter().zip(&found) {
        assert_eq!(found_path, path);
        assert_eq!(*kind, ProblemKind::DanglingReference);
    }
    assert!(validate(&plan)[0].message.contains("\"u-gone\""));
}

#[test]
fn duplicate_ids_are_found_across_kinds() {
    let mut plan = sample_plan();
    plan.objectives[2].key_results[0].id = "u-eng".into();
    plan.rollout.phases[1].id = plan.rollout.phases[0].id.clone();
    let found = validate(&plan);
    let duplicates: Vec<_> = found
        .iter()
        .filter(|p| p.kind == ProblemKind::DuplicateId)
        .collect();
    assert_eq!(duplicates.len(), 2, "{found:?}");
    assert_eq!(duplicates[0].path, "objectives[2].key_results[0].id");
    assert!(duplicates[0].message.contains("units[1]"));
    assert_eq!(duplicates[1].path, "rollout.phases[1].id");
}

#[test]
fn alignment_cycles_are_found_through_objectives_and_key_results() {
    let mut plan = sample_plan();
    // Company objective "o-loved" now supports the engineering objective that supports its KR.
    let loved = objective_index(&plan, "o-loved");
    let eng = objective_index(&plan, "o-eng-app");
    plan.objectives[loved].aligned_to = Some(Alignment::Objective("o-eng-app".into()));
    let found = problems(&plan);
    assert_eq!(
        found,
        vec![
            (
                format!("objectives[{loved}].aligned_to"),
                ProblemKind::AlignmentCycle
            ),
            (
                format!("objectives[{eng}].aligned_to"),
                ProblemKind::AlignmentCycle
            ),
        ]
    );
}

#[test]
fn an_objective_aligned_to_itself_is_a_cycle() {
    let mut plan = sample_plan();
    plan.objectives[0].aligned_to = Some(Alignment::KeyResult("kr-nps".into()));
    assert_eq!(
        problems(&plan),
        vec![(
            "objectives[0].aligned_to".into(),
            ProblemKind::AlignmentCycle
        )]
    );
}

#[test]
fn unit_parent_loops_are_found() {
    let mut plan = sample_plan();
    plan.units[0].parent = Some("u-infra".into());
    let found = problems(&plan);
    // company → infra → platform → eng → company: all four are on the loop.
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found
        .iter()
        .all(|(_, kind)| *kind == ProblemKind::UnitCycle));
}

#[test]
fn empty_titles_and_names_are_found() {
    let mut plan = sample_plan();
    plan.meta.name = " ".into();
    plan.units[2].name = String::new();
    plan.objectives[1].title = "\t".into();
    plan.objectives[1].key_results[2].title = String::new();
    plan.rollout.phases[0].name = String::new();
    assert_eq!(
        problems(&plan),
        vec![
            ("meta.name".into(), ProblemKind::EmptyText),
            ("units[2].name".into(), ProblemKind::EmptyText),
            ("objectives[1].title".into(), ProblemKind::EmptyText),
            (
                "objectives[1].key_results[2].title".into(),
                ProblemKind::EmptyText
            ),
            ("rollout.phases[0].name".into(), ProblemKind::EmptyText),
        ]
    );
}

#[test]
fn values_out_of_range_are_found() {
    let mut plan = sample_plan();
    let kr = &mut plan.objectives[0].key_results[1]; // a percentage
    kr.weight = -1.0;
    kr.target = 140.0;
    kr.check_ins[0].confidence = Some(1.5);
    kr.score_override = Some(ScoreOverride {
        score: 1.2,
        reason: "late data".into(),
    });
    plan.objectives[0].key_results[0].check_ins[0].value = f64::INFINITY;
    let at = "objectives[0].key_results";
    assert_eq!(
        problems(&plan),
        vec![
            (
                format!("{at}[0].check_ins[0].value"),
                ProblemKind::OutOfRange
            ),
            (format!("{at}[1].weight"), ProblemKind::OutOfRange),
            (format!("{at}[1].target"), ProblemKind::OutOfRange),
            (
                format!("{at}[1].score_override.score"),
                ProblemKind::OutOfRange
            ),
            (
                format!("{at}[1].check_ins[0].confidence"),
                ProblemKind::OutOfRange
            ),
        ]
    );
}

#[test]
fn dates_in_the_wrong_order_and_double_entries_are_found() {
    let mut plan = sample_plan();
    let cycle = &mut plan.cycles[0];
    std::mem::swap(&mut cycle.start, &mut cycle.end);
    let duplicate = plan.rollout.participation[0].clone();
    plan.rollout.participation.push(duplicate);
    let last = plan.rollout.participation.len() - 1;
    assert_eq!(
        problems(&plan),
        vec![
            ("cycles[0].end".into(), ProblemKind::DateOrder),
            (
                format!("rollout.participation[{last}]"),
                ProblemKind::DuplicateEntry
            ),
        ]
    );
}

#[test]
fn units_are_found_by_path_or_by_a_unique_name() {
    let mut plan = sample_plan();
    assert_eq!(
        unit_paths(&plan, &UnitTree::new(&plan))[3],
        "Fernhill Cycles › Engineering › Platform group › Infrastructure team"
    );
    let find = |plan: &Plan, text: &str| {
        find_unit(plan, &UnitTree::new(plan), text).map(|id| id.to_string())
    };
    assert_eq!(
        find(&plan, "fernhill cycles › sales").as_deref(),
        Some("u-sales")
    );
    assert_eq!(find(&plan, "  EMEA sales ").as_deref(), Some("u-emea"));
    assert_eq!(
        find(
            &plan,
            "Fernhill Cycles › Engineering › Platform group › INFRASTRUCTURE TEAM"
        )
        .as_deref(),
        Some(plan.units[3].id.as_str())
    );
    assert_eq!(find(&plan, "Nowhere"), None);
    assert_eq!(find(&plan, "Fernhill Cycles › Nowhere"), None);
    assert_eq!(find(&plan, "Fernhill Cycles ›"), None);
    let marketing = plan
        .units
        .iter()
        .find(|u| u.name == "Marketing")
        .unwrap()
        .id
        .clone();
    plan.units.push(Unit {
        id: "u-other".into(),
        name: "Sales".into(),
        kind: UnitKind::Team,
        parent: Some(marketing),
        headcount: None,
    });
    assert_eq!(
        find(&plan, "Sales"),
        None,
        "a name two units share is not enough"
    );
    assert_eq!(
        find(&plan, "Fernhill Cycles › Marketing › Sales").as_deref(),
        Some("u-other")
    );
}
