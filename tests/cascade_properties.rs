//! Any sequence of cascade edits keeps the plan valid, undoing all of them
//! gives back exactly the plan we started with, and every edit reports each
//! aspect of the plan it changed (views rebuild their indexes from that).

use okrplan::model::ops::*;
use okrplan::model::quality::{
    warnings, warnings_in_plan, ActiveUnits, Subject, Warning, WarningKind,
};
use okrplan::model::*;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::Strategy;
use std::sync::Arc;

#[derive(Clone, Debug)]
enum Op {
    AddUnit(Index),
    RenameUnit(Index, String),
    MoveUnit(Index, Option<Index>),
    ShiftUnit(Index, bool),
    DeleteUnit(Index),
    AddObjective(Index, Index),
    RetitleObjective(Index, String),
    Align(Index, Index, bool),
    Unalign(Index),
    Cascade(Index, Index),
    DeleteObjective(Index),
    ShiftObjective(Index, bool),
    AddKeyResult(Index),
    DeleteKeyResult(Index, Index),
    ShiftKeyResult(Index, Index, bool),
    SetTarget(Index, f64),
    AddCheckIn(Index, f64),
    ToggleCommitment(Index),
    DescribeObjective(Index, String),
    ChangeOwner(Index, Index),
    SetWeight(Index, f64),
    WriteReview(Index, String),
    RenamePlan(String),
    ToggleRollUp,
}

fn op() -> impl Strategy<Value = Op> {
    let name = "[A-Za-z][a-z ]{0,8}";
    prop_oneof![
        any::<Index>().prop_map(Op::AddUnit),
        (any::<Index>(), name).prop_map(|(u, n)| Op::RenameUnit(u, n)),
        (any::<Index>(), any::<Option<Index>>()).prop_map(|(u, p)| Op::MoveUnit(u, p)),
        (any::<Index>(), any::<bool>()).prop_map(|(u, up)| Op::ShiftUnit(u, up)),
        any::<Index>().prop_map(Op::DeleteUnit),
        (any::<Index>(), any::<Index>()).prop_map(|(u, c)| Op::AddObjective(u, c)),
        (any::<Index>(), name).prop_map(|(o, t)| Op::RetitleObjective(o, t)),
        (any::<Index>(), any::<Index>(), any::<bool>()).prop_map(|(o, t, kr)| Op::Align(o, t, kr)),
        any::<Index>().prop_map(Op::Unalign),
        (any::<Index>(), any::<Index>()).prop_map(|(k, u)| Op::Cascade(k, u)),
        any::<Index>().prop_map(Op::DeleteObjective),
        (any::<Index>(), any::<bool>()).prop_map(|(o, up)| Op::ShiftObjective(o, up)),
        any::<Index>().prop_map(Op::AddKeyResult),
        (any::<Index>(), any::<Index>()).prop_map(|(o, k)| Op::DeleteKeyResult(o, k)),
        (any::<Index>(), any::<Index>(), any::<bool>())
            .prop_map(|(o, k, up)| Op::ShiftKeyResult(o, k, up)),
        (any::<Index>(), 0.0..50.0f64).prop_map(|(k, t)| Op::SetTarget(k, t)),
        (any::<Index>(), 0.0..50.0f64).prop_map(|(k, v)| Op::AddCheckIn(k, v)),
        any::<Index>().prop_map(Op::ToggleCommitment),
        (any::<Index>(), name).prop_map(|(o, d)| Op::DescribeObjective(o, d)),
        (any::<Index>(), any::<Index>()).prop_map(|(o, u)| Op::ChangeOwner(o, u)),
        (any::<Index>(), 0.0..5.0f64).prop_map(|(k, w)| Op::SetWeight(k, w)),
        (any::<Index>(), name).prop_map(|(o, t)| Op::WriteReview(o, t)),
        name.prop_map(Op::RenamePlan),
        Just(Op::ToggleRollUp),
    ]
}

fn pick<T>(items: &[T], index: &Index) -> Option<usize> {
    (!items.is_empty()).then(|| index.index(items.len()))
}

fn all_key_results(plan: &Plan) -> Vec<Id> {
    plan.objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(|k| k.id.clone()))
        .collect()
}

/// Turns a random choice into an edit of the current plan; `None` when it does not apply.
fn command_for(plan: &Plan, op: &Op, serial: u64) -> Option<Result<Command, EditError>> {
    let unit_id = |i: &Index| pick(&plan.units, i).map(|u| plan.units[u].id.clone());
    let objective_id = |i: &Index| pick(&plan.objectives, i).map(|o| plan.objectives[o].id.clone());
    Some(match op {
        Op::AddUnit(parent) => add_unit(
            plan,
            Unit {
                id: Id::mint("u", serial),
                name: format!("Unit {serial}"),
                kind: UnitKind::Team,
                parent: unit_id(parent),
                headcount: None,
            },
        ),
        Op::RenameUnit(u, name) => edit_unit(plan, &unit_id(u)?, |unit| unit.name = name.clone()),
        Op::MoveUnit(u, parent) => {
            let target = parent.as_ref().and_then(unit_id);
            move_unit(plan, &unit_id(u)?, target.as_ref())
        }
        Op::ShiftUnit(u, up) => shift_unit(plan, &unit_id(u)?, *up),
        Op::DeleteUnit(u) => delete_unit(plan, &unit_id(u)?).map(|(c, _)| c),
        Op::AddObjective(u, c) => add_objective(
            plan,
            Objective {
                id: Id::mint("o", serial),
                title: format!("Objective {serial}"),
                description: String::new(),
                unit: unit_id(u)?,
                cycle: plan.cycles[pick(&plan.cycles, c)?].id.clone(),
                commitment: Commitment::Committed,
                aligned_to: None,
                key_results: Vec::new(),
                review: Review::default(),
            },
        ),
        Op::RetitleObjective(o, title) => {
            edit_objective(plan, &objective_id(o)?, |o| o.title = title.clone())
        }
        Op::Align(o, target, to_kr) => {
            let link = if *to_kr {
                let krs = all_key_results(plan);
                Alignment::KeyResult(krs[pick(&krs, target)?].clone())
            } else {
                Alignment::Objective(objective_id(target)?)
            };
            align(plan, &objective_id(o)?, Some(link))
        }
        Op::Unalign(o) => align(plan, &objective_id(o)?, None),
        Op::Cascade(k, u) => {
            let krs = all_key_results(plan);
            cascade_key_result(
                plan,
                &krs[pick(&krs, k)?],
                &unit_id(u)?,
                Id::mint("o", serial),
            )
        }
        Op::DeleteObjective(o) => delete_objective(plan, &objective_id(o)?),
        Op::ShiftObjective(o, up) => shift_objective(plan, &objective_id(o)?, *up),
        Op::AddKeyResult(o) => add_key_result(
            plan,
            &objective_id(o)?,
            KeyResult {
                id: Id::mint("kr", serial),
                title: format!("Key result {serial}"),
                measure: MeasureKind::Number,
                start: 0.0,
                target: 10.0,
                unit_of_measure: String::new(),
                weight: 1.0,
                check_ins: Vec::new(),
                score_override: None,
            },
        ),
        Op::DeleteKeyResult(o, k) => {
            let objective = &plan.objectives[pick(&plan.objectives, o)?];
            let kr = &objective.key_results[pick(&objective.key_results, k)?];
            delete_key_result(plan, &kr.id)
        }
        Op::ShiftKeyResult(o, k, up) => {
            let objective = &plan.objectives[pick(&plan.objectives, o)?];
            let kr = &objective.key_results[pick(&objective.key_results, k)?];
            shift_key_result(plan, &kr.id, *up)
        }
        Op::SetTarget(k, target) => edit_key_result(plan, k, |kr| kr.target = *target)?,
        Op::AddCheckIn(k, value) => {
            let krs = all_key_results(plan);
            let check_in = CheckIn {
                id: Id::mint("ci", serial),
                date: plan.cycles[0].start,
                value: *value,
                confidence: None,
                comment: String::new(),
            };
            add_check_in(plan, &krs[pick(&krs, k)?], check_in)
        }
        Op::ToggleCommitment(o) => edit_objective(plan, &objective_id(o)?, |o| {
            o.commitment = match o.commitment {
                Commitment::Committed => Commitment::Aspirational,
                Commitment::Aspirational => Commitment::Committed,
            }
        }),
        Op::DescribeObjective(o, text) => {
            edit_objective(plan, &objective_id(o)?, |o| o.description = text.clone())
        }
        Op::ChangeOwner(o, u) => {
            let unit = unit_id(u)?;
            edit_objective(plan, &objective_id(o)?, |o| o.unit = unit)
        }
        Op::SetWeight(k, weight) => edit_key_result(plan, k, |kr| kr.weight = *weight)?,
        Op::WriteReview(o, text) => {
            edit_review(plan, &objective_id(o)?, |r| r.lessons = text.clone())
        }
        Op::RenamePlan(name) => Ok(Command::RenamePlan(name.clone())),
        Op::ToggleRollUp => {
            let mut settings = plan.settings.clone();
            settings.roll_up_aligned = !settings.roll_up_aligned;
            Ok(Command::SetSettings(settings))
        }
    })
}

/// An edit of the picked key result, through its objective; `None` without key results.
fn edit_key_result(
    plan: &Plan,
    k: &Index,
    change: impl FnOnce(&mut KeyResult),
) -> Option<Result<Command, EditError>> {
    let krs = all_key_results(plan);
    let kr = &krs[pick(&krs, k)?];
    let (o, position) = plan.key_result_position(kr)?;
    Some(edit_objective(plan, &plan.objectives[o].id, |o| {
        change(&mut o.key_results[position])
    }))
}

/// What each aspect covers, as a comparable projection of the plan.
fn projections(plan: &Plan) -> [String; Aspects::COUNT] {
    let layout: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| (&o.id, &o.unit, &o.cycle, &o.aligned_to, o.key_result_ids()))
        .collect();
    let measures: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| {
            let krs: Vec<_> = o
                .key_results
                .iter()
                .map(|k| {
                    (
                        k.measure,
                        k.start,
                        k.target,
                        k.weight,
                        &k.check_ins,
                        &k.score_override,
                    )
                })
                .collect();
            (o.commitment, krs)
        })
        .collect();
    let text: Vec<_> = plan
        .objectives
        .iter()
        .map(|o| {
            let krs: Vec<_> = o
                .key_results
                .iter()
                .map(|k| (&k.title, &k.unit_of_measure))
                .collect();
            (&o.title, &o.description, &o.review, krs)
        })
        .collect();
    [
        format!("{:?}", plan.units),
        format!(
            "{:?}",
            (
                &plan.cycles,
                layout,
                &plan.settings,
                &plan.scope,
                &plan.references
            )
        ),
        format!("{measures:?}"),
        format!("{:?}", plan.rollout),
        format!("{:?}", (&plan.meta, text)),
    ]
}

/// Fails when an aspect's projection changed but its revision did not, or
/// an objective changed where it stands but the editor did not say so.
fn check_reported(
    before: &Plan,
    editor: &Editor,
    revisions: [u64; Aspects::COUNT],
) -> Result<(), TestCaseError> {
    let (projected, after) = (projections(before), projections(editor.plan()));
    for (bit, aspect) in [
        Aspects::UNITS,
        Aspects::LAYOUT,
        Aspects::MEASURES,
        Aspects::ROLLOUT,
        Aspects::TEXT,
    ]
    .into_iter()
    .enumerate()
    {
        if projected[bit] != after[bit] {
            prop_assert_ne!(
                editor.revision_of(aspect),
                revisions[bit],
                "aspect {} changed unreported",
                bit
            );
        }
    }
    let (old, new) = (&before.objectives, &editor.plan().objectives);
    for at in 0..old.len().max(new.len()) {
        if old.get(at) == new.get(at) {
            continue;
        }
        let reported = match editor.objectives_changed() {
            ObjectivesChanged::Any => true,
            ObjectivesChanged::Only(ids) => new.get(at).is_some_and(|o| ids.contains(&o.id)),
        };
        prop_assert!(reported, "objective at {} changed unreported", at);
    }
    Ok(())
}

fn revisions(editor: &Editor) -> [u64; Aspects::COUNT] {
    [
        Aspects::UNITS,
        Aspects::LAYOUT,
        Aspects::MEASURES,
        Aspects::ROLLOUT,
        Aspects::TEXT,
    ]
    .map(|aspect| editor.revision_of(aspect))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_edits_keep_the_plan_valid_and_undo_restores_it(ops in prop::collection::vec(op(), 1..40)) {
        let original = sample_plan();
        let mut editor = Editor::new(original.clone());
        let mut applied = 0;
        for (serial, op) in ops.iter().enumerate() {
            let Some(Ok(command)) = command_for(editor.plan(), op, serial as u64) else { continue };
            let before = editor.plan().clone();
            match editor.apply(command) {
                Ok(()) => applied += 1,
                Err(_) => prop_assert_eq!(editor.plan(), &before, "a refused edit changes nothing"),
            }
            prop_assert_eq!(validate(editor.plan()), vec![], "after {:?}", op);
        }
        for _ in 0..applied {
            prop_assert!(editor.undo().is_some());
        }
        prop_assert_eq!(editor.plan(), &original);
        for _ in 0..applied {
            prop_assert!(editor.redo().is_some());
        }
    }

    #[test]
    fn every_edit_reports_the_aspects_it_changes(ops in prop::collection::vec(op(), 1..30)) {
        let mut editor = Editor::new(sample_plan());
        let mut applied = 0;
        for (serial, op) in ops.iter().enumerate() {
            let Some(Ok(command)) = command_for(editor.plan(), op, serial as u64) else { continue };
            let (before, counted) = (editor.plan().clone(), revisions(&editor));
            if editor.apply(command).is_ok() {
                applied += 1;
                check_reported(&before, &editor, counted)?;
            }
        }
        for _ in 0..applied {
            let (before, counted) = (editor.plan().clone(), revisions(&editor));
            prop_assert!(editor.undo().is_some());
            check_reported(&before, &editor, counted)?;
        }
        for _ in 0..applied {
            let (before, counted) = (editor.plan().clone(), revisions(&editor));
            prop_assert!(editor.redo().is_some());
            check_reported(&before, &editor, counted)?;
        }
    }
}

/// The sample with an objective in Q3 that three Q4 objectives align to,
/// so that links into another cycle are there to keep.
fn with_links_into_q3() -> Plan {
    let mut plan = sample_plan();
    let mut earlier = plan.objectives[0].clone();
    earlier.id = "o-q3".into();
    earlier.cycle = "q3-2026".into();
    earlier.aligned_to = None;
    for (i, kr) in earlier.key_results.iter_mut().enumerate() {
        kr.id = Id::mint("kr-q3", i as u64);
        kr.check_ins.clear();
    }
    let in_q4 = plan
        .objectives
        .iter_mut()
        .filter(|o| o.cycle.as_str() == "q4-2026");
    for objective in in_q4.skip(1).take(3) {
        objective.aligned_to = Some(Alignment::Objective(earlier.id.clone()));
    }
    plan.objectives.push(earlier);
    assert_eq!(validate(&plan), vec![]);
    plan
}

/// What the cascade view keeps while the layout stays (the objective index,
/// the cycle's objectives by unit) and while units stay (their tree),
/// joined, gives what a fresh start gives, and the same warnings.
fn check_kept_indexes(plan: &Plan, cycle: &Id, kept: &Kept) -> Result<(), TestCaseError> {
    let reused = CascadeIndex::with_parts(
        plan,
        Arc::clone(&kept.tree),
        Arc::clone(&kept.objectives),
        Arc::clone(&kept.cycle_objectives),
    );
    let fresh = CascadeIndex::new(plan, Some(cycle));
    prop_assert_eq!(reused.roots(), fresh.roots());
    for unit in 0..plan.units.len() {
        prop_assert_eq!(reused.objectives_of(unit), fresh.objectives_of(unit));
        prop_assert_eq!(reused.children(unit), fresh.children(unit));
        prop_assert_eq!(
            reused.objectives_in_subtree(unit),
            fresh.objectives_in_subtree(unit)
        );
    }
    prop_assert_eq!(
        warnings_by(plan, cycle, &reused),
        warnings_by(plan, cycle, &fresh)
    );
    Ok(())
}

/// What `warnings_in_plan` says over `index` about every unit and objective
/// of the plan, as the cascade view asks for those it shows.
fn warnings_by(plan: &Plan, cycle: &Id, index: &CascadeIndex) -> Vec<Warning> {
    let active = ActiveUnits::new(plan, cycle);
    let units = plan.units.iter().map(|u| Subject::Unit(u.id.clone()));
    let objectives = plan
        .objectives
        .iter()
        .map(|o| Subject::Objective(o.id.clone()));
    units
        .chain(objectives)
        .flat_map(|subject| warnings_in_plan(plan, cycle, index, &active, &subject))
        .collect()
}

/// The parts the cascade view keeps while the layout stays, and the one it
/// keeps while units stay.
struct Kept {
    objectives: Arc<ObjectiveIndex>,
    cycle_objectives: Arc<CycleObjectives>,
    tree: Arc<UnitTree>,
}

impl Kept {
    fn new(plan: &Plan, cycle: &Id) -> Self {
        Kept {
            objectives: Self::objectives(plan),
            cycle_objectives: Self::cycle_objectives(plan, cycle),
            tree: Self::tree(plan),
        }
    }

    fn objectives(plan: &Plan) -> Arc<ObjectiveIndex> {
        Arc::new(ObjectiveIndex::new(plan))
    }

    fn cycle_objectives(plan: &Plan, cycle: &Id) -> Arc<CycleObjectives> {
        Arc::new(CycleObjectives::new(plan, Some(cycle)))
    }

    fn tree(plan: &Plan) -> Arc<UnitTree> {
        Arc::new(UnitTree::new(plan))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn indexes_kept_while_the_layout_stays_match_fresh_ones(ops in prop::collection::vec(op(), 1..30)) {
        let mut editor = Editor::new(with_links_into_q3());
        let cycle: Id = "q4-2026".into();
        let mut layout = editor.revision_of(Aspects::LAYOUT);
        let mut units = editor.revision_of(Aspects::UNITS);
        let mut kept = Kept::new(editor.plan(), &cycle);
        for (serial, op) in ops.iter().enumerate() {
            let Some(Ok(command)) = command_for(editor.plan(), op, serial as u64) else { continue };
            if editor.apply(command).is_err() {
                continue;
            }
            let plan = editor.plan();
            // Each part is built again only when what it reads changed.
            if editor.revision_of(Aspects::LAYOUT) != layout {
                layout = editor.revision_of(Aspects::LAYOUT);
                kept.objectives = Kept::objectives(plan);
                kept.cycle_objectives = Kept::cycle_objectives(plan, &cycle);
            }
            if editor.revision_of(Aspects::UNITS) != units {
                units = editor.revision_of(Aspects::UNITS);
                kept.tree = Kept::tree(plan);
            }
            check_kept_indexes(editor.plan(), &cycle, &kept)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// What the "Align to…" picker leaves out is exactly what `align` refuses.
    #[test]
    fn the_objectives_that_would_make_a_loop_are_the_ones_align_refuses(
        ops in prop::collection::vec(op(), 1..40),
        chosen in any::<Index>(),
    ) {
        let mut editor = Editor::new(sample_plan());
        for (serial, op) in ops.iter().enumerate() {
            if let Some(Ok(command)) = command_for(editor.plan(), op, serial as u64) {
                let _ = editor.apply(command);
            }
        }
        let plan = editor.plan();
        prop_assume!(!plan.objectives.is_empty());
        let at = chosen.index(plan.objectives.len());
        let objective = &plan.objectives[at].id;
        let loops = ObjectiveIndex::new(plan).supporting(plan, at);
        prop_assert!(loops[at], "an objective cannot support itself");
        for (target, looping) in plan.objectives.iter().zip(&loops) {
            let links = std::iter::once(Alignment::Objective(target.id.clone()))
                .chain(target.key_results.iter().map(|k| Alignment::KeyResult(k.id.clone())));
            for link in links {
                let refused = align(plan, objective, Some(link.clone())).is_err();
                prop_assert_eq!(refused, *looping, "{} to {:?}", objective, link);
            }
        }
    }
}

#[test]
fn retitling_touches_only_text_and_a_target_only_measures() {
    let mut editor = Editor::new(sample_plan());
    let objective = editor.plan().objectives[0].id.clone();
    let counted = revisions(&editor);
    let retitle =
        edit_objective(editor.plan(), &objective, |o| o.title = "New title".into()).unwrap();
    editor.apply(retitle).unwrap();
    let after_retitle = revisions(&editor);
    assert_eq!(
        counted[..4],
        after_retitle[..4],
        "units, layout, measures, rollout"
    );
    assert_ne!(counted[4], after_retitle[4], "text");
    let retarget = edit_objective(editor.plan(), &objective, |o| {
        o.key_results[0].target += 1.0
    })
    .unwrap();
    editor.apply(retarget).unwrap();
    let after_target = revisions(&editor);
    assert_eq!(after_retitle[..2], after_target[..2]);
    assert_ne!(after_retitle[2], after_target[2], "measures");
    assert_eq!(after_retitle[3..], after_target[3..]);
}

#[derive(Clone, Debug)]
enum Step {
    Edit(Op),
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => op().prop_map(Step::Edit),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

/// Everything `patched` and `fresh` say about `ids` (objectives and key
/// results, present or gone): where they are and who aligns to them.
fn assert_same_index(
    patched: &ObjectiveIndex,
    fresh: &ObjectiveIndex,
    ids: &[Id],
) -> Result<(), TestCaseError> {
    for id in ids {
        prop_assert_eq!(
            patched.objective(id),
            fresh.objective(id),
            "objective {}",
            id
        );
        prop_assert_eq!(
            patched.key_result(id),
            fresh.key_result(id),
            "key result {}",
            id
        );
        prop_assert_eq!(
            patched.supporters(id),
            fresh.supporters(id),
            "supporters of {}",
            id
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The objective index and the cycle's objectives by unit, laid over
    /// edit by edit where the editor says objectives kept their places,
    /// answer as ones built afresh: about every objective and key result
    /// there is or has been, and every unit, and give the same warnings.
    #[test]
    fn indexes_patched_edit_by_edit_equal_ones_built_afresh(
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let mut editor = Editor::new(with_links_into_q3());
        let cycle: Id = "q4-2026".into();
        let mut index = ObjectiveIndex::new(editor.plan());
        let mut grouped = CycleObjectives::new(editor.plan(), Some(&cycle));
        let mut since = editor.revision_of(Aspects::LAYOUT);
        let mut seen: Vec<Id> = Vec::new();
        for (serial, step) in steps.iter().enumerate() {
            match step {
                Step::Edit(op) => {
                    let Some(Ok(command)) = command_for(editor.plan(), op, serial as u64) else { continue };
                    let _ = editor.apply(command);
                }
                Step::Undo => { editor.undo(); }
                Step::Redo => { editor.redo(); }
            }
            let plan = editor.plan();
            for objective in &plan.objectives {
                seen.push(objective.id.clone());
                seen.extend(objective.key_results.iter().map(|k| k.id.clone()));
            }
            let changed = editor.layout_changed_since(since);
            let patched = changed.as_ref().and_then(|changed| index.patched(plan, changed));
            index = patched.unwrap_or_else(|| ObjectiveIndex::new(plan));
            let patched = changed.as_ref().and_then(|changed| grouped.patched(plan, Some(&cycle), &index, changed));
            grouped = patched.unwrap_or_else(|| CycleObjectives::new(plan, Some(&cycle)));
            since = editor.revision_of(Aspects::LAYOUT);
            assert_same_index(&index, &ObjectiveIndex::new(plan), &seen)?;
            let kept = CascadeIndex::with_parts(plan, Arc::new(UnitTree::new(plan)), Arc::new(index.clone()), Arc::new(grouped.clone()));
            let fresh = CascadeIndex::new(plan, Some(&cycle));
            for unit in 0..plan.units.len() {
                prop_assert_eq!(kept.objectives_of(unit), fresh.objectives_of(unit));
                prop_assert_eq!(kept.objectives_in_subtree(unit), fresh.objectives_in_subtree(unit));
            }
            prop_assert_eq!(warnings_by(plan, &cycle, &kept), warnings_by(plan, &cycle, &fresh));
        }
    }
}

#[test]
fn adding_key_results_and_objectives_and_undoing_them_patch_the_index() {
    let mut editor = Editor::new(sample_plan());
    let index = ObjectiveIndex::new(editor.plan());
    let since = editor.revision_of(Aspects::LAYOUT);
    let first = editor.plan().objectives[0].clone();
    let added_key_result = Id::from("kr-added");
    let add = edit_objective(editor.plan(), &first.id, |o| {
        let mut kr = o.key_results[0].clone();
        kr.id = added_key_result.clone();
        o.key_results.push(kr);
    });
    editor.apply(add.unwrap()).unwrap();
    let mut objective = first.clone();
    objective.id = "o-added".into();
    objective.key_results.clear();
    objective.aligned_to = Some(Alignment::Objective(first.id.clone()));
    editor
        .apply(add_objective(editor.plan(), objective).unwrap())
        .unwrap();
    editor.undo();
    let changed = editor.layout_changed_since(since).expect("places kept");
    let patched = index.patched(editor.plan(), &changed).expect("patched");
    let plan = editor.plan();
    assert_eq!(
        patched.key_result(&added_key_result),
        Some((0, first.key_results.len()))
    );
    assert_eq!(patched.objective(&"o-added".into()), None);
    assert_eq!(
        patched.supporters(&first.id),
        ObjectiveIndex::new(plan).supporters(&first.id)
    );
    // Built with the objective at the end, then undone and redone.
    editor.redo();
    let index = ObjectiveIndex::new(editor.plan());
    let since = editor.revision_of(Aspects::LAYOUT);
    editor.undo();
    let changed = editor.layout_changed_since(since).expect("places kept");
    let undone = index.patched(editor.plan(), &changed).expect("patched");
    assert_eq!(undone.objective(&"o-added".into()), None);
    let since = editor.revision_of(Aspects::LAYOUT);
    editor.redo();
    let changed = editor.layout_changed_since(since).expect("places kept");
    let patched = undone.patched(editor.plan(), &changed).expect("patched");
    let last = editor.plan().objectives.len() - 1;
    assert_eq!(patched.objective(&"o-added".into()), Some(last));
    // A reorder moves objectives, and so does a removal before the end.
    let since = editor.revision_of(Aspects::LAYOUT);
    editor
        .apply(Command::ReorderObjective { from: 0, to: 1 })
        .unwrap();
    editor
        .apply(Command::RemoveObjectives { indices: vec![2] })
        .unwrap();
    let steps = editor.layout_changed_since(since).expect("remembered");
    assert_eq!(
        steps,
        [
            LayoutStep::Removed(0),
            LayoutStep::Inserted(1),
            LayoutStep::Removed(2)
        ]
    );
    let moved = patched.patched(editor.plan(), &steps).expect("patched");
    let fresh = ObjectiveIndex::new(editor.plan());
    let ids = editor.plan().objectives.iter().map(|o| o.id.clone());
    assert_same_index(&moved, &fresh, &ids.chain([first.id]).collect::<Vec<_>>()).unwrap();
}

#[test]
fn objectives_put_back_count_as_kept_only_where_they_were_built() {
    let mut editor = Editor::new(sample_plan());
    let index = ObjectiveIndex::new(editor.plan());
    let ids: Vec<Id> = editor
        .plan()
        .objectives
        .iter()
        .map(|o| o.id.clone())
        .collect();
    let since = editor.revision_of(Aspects::LAYOUT);
    let second = ids[1].clone();
    editor
        .apply(delete_objective(editor.plan(), &second).unwrap())
        .unwrap();
    // The third moves one down: out where it was built, in one place later.
    editor
        .apply(Command::ReorderObjective { from: 1, to: 2 })
        .unwrap();
    let steps = editor.layout_changed_since(since).expect("remembered");
    let moved = index.patched(editor.plan(), &steps).expect("patched");
    assert_same_index(&moved, &ObjectiveIndex::new(editor.plan()), &ids).unwrap();
    assert_eq!(moved.objective(&ids[2]), Some(2));
    // Both undone: each back where it was built.
    let since = editor.revision_of(Aspects::LAYOUT);
    editor.undo();
    editor.undo();
    let steps = editor.layout_changed_since(since).expect("remembered");
    let restored = moved.patched(editor.plan(), &steps).expect("patched");
    assert_same_index(&restored, &index, &ids).unwrap();

    // A key result added, its objective deleted, both undone edit by edit:
    // back where it was built, but read since, it is read again.
    let first = ids[0].clone();
    let mut index = ObjectiveIndex::new(editor.plan());
    let mut seen = ids.clone();
    let add = edit_objective(editor.plan(), &first, |o| {
        let mut kr = o.key_results[0].clone();
        kr.id = Id::from("kr-added");
        o.key_results.push(kr);
    });
    let delete = Command::RemoveObjectives { indices: vec![0] };
    seen.push("kr-added".into());
    for edit in [Some(add.unwrap()), Some(delete), None, None] {
        let since = editor.revision_of(Aspects::LAYOUT);
        match edit {
            Some(command) => editor.apply(command).unwrap(),
            None => assert!(editor.undo().is_some()),
        }
        let steps = editor.layout_changed_since(since).expect("remembered");
        index = index.patched(editor.plan(), &steps).expect("patched");
        assert_same_index(&index, &ObjectiveIndex::new(editor.plan()), &seen).unwrap();
    }
}

#[test]
fn an_objective_moved_into_the_cycle_ends_the_warnings_of_links_into_it() {
    let mut editor = Editor::new(with_links_into_q3());
    let cycle: Id = "q4-2026".into();
    let links_out = |plan: &Plan| {
        let found = warnings(plan, &cycle);
        let links = found
            .iter()
            .filter(|w| w.kind == WarningKind::LinkIntoAnotherCycle);
        links.count()
    };
    assert_eq!(
        links_out(editor.plan()),
        3,
        "three Q4 objectives link into Q3"
    );
    let mut earlier = editor.plan().objective(&"o-q3".into()).unwrap().clone();
    earlier.cycle = cycle.clone();
    editor.apply(Command::UpdateObjective(earlier)).unwrap();
    assert_eq!(links_out(editor.plan()), 0);
}

#[test]
fn a_unit_deleted_with_hundreds_of_objectives_and_undone_is_laid_over_the_indexes() {
    // 300 objectives in a unit with no units below it, 700 elsewhere, each
    // with a key result; every tenth one elsewhere aligned into the unit.
    let mut plan = sample_plan();
    let leaf = |p: &Plan| {
        let parents: Vec<&Id> = p.units.iter().filter_map(|u| u.parent.as_ref()).collect();
        p.units
            .iter()
            .find(|u| !parents.contains(&&u.id))
            .unwrap()
            .id
            .clone()
    };
    let (doomed, other) = (leaf(&plan), plan.units[0].id.clone());
    let template = plan.objectives[0].clone();
    for n in 0..1000 {
        let mut objective = template.clone();
        objective.id = Id::from(format!("o-many-{n}").as_str());
        objective.unit = if n % 10 < 3 {
            doomed.clone()
        } else {
            other.clone()
        };
        objective.aligned_to = (n % 10 == 4)
            .then(|| Alignment::Objective(Id::from(format!("o-many-{}", n - 4).as_str())));
        objective.key_results.truncate(1);
        objective.key_results[0].check_ins.clear();
        objective.key_results[0].id = Id::from(format!("kr-many-{n}").as_str());
        plan.objectives.push(objective);
    }
    assert_eq!(validate(&plan), vec![]);
    let ids: Vec<Id> = plan
        .objectives
        .iter()
        .flat_map(|o| {
            std::iter::once(o.id.clone()).chain(o.key_results.iter().map(|k| k.id.clone()))
        })
        .collect();
    let cycle = template.cycle.clone();
    let mut editor = Editor::new(plan);
    let index = ObjectiveIndex::new(editor.plan());
    let grouped = CycleObjectives::new(editor.plan(), Some(&cycle));
    let since = editor.revision_of(Aspects::LAYOUT);
    let (delete, impact) = delete_unit(editor.plan(), &doomed).unwrap();
    // More than an index keeps read again or inserted (256).
    assert!(impact.objectives > 256, "{} objectives", impact.objectives);
    editor.apply(delete).unwrap();
    let steps = editor.layout_changed_since(since).expect("remembered");
    let (index, grouped) = patched_as_fresh(editor.plan(), &cycle, &ids, (index, grouped), &steps);

    // Undone: the 300 come back where they were, as the build has them.
    let since = editor.revision_of(Aspects::LAYOUT);
    editor.undo();
    let steps = editor.layout_changed_since(since).expect("remembered");
    patched_as_fresh(editor.plan(), &cycle, &ids, (index, grouped), &steps);
}

/// Both indexes laid over `steps`, not built afresh, and answering as
/// fresh ones about `ids` and every unit's objectives in the cycle.
fn patched_as_fresh(
    plan: &Plan,
    cycle: &Id,
    ids: &[Id],
    (index, grouped): (ObjectiveIndex, CycleObjectives),
    steps: &[LayoutStep],
) -> (ObjectiveIndex, CycleObjectives) {
    let index = index
        .patched(plan, steps)
        .expect("laid over, not built afresh");
    assert_same_index(&index, &ObjectiveIndex::new(plan), ids).unwrap();
    let grouped = grouped.patched(plan, Some(cycle), &index, steps);
    let grouped = grouped.expect("grouping laid over, not built afresh");
    assert_same_grouping(plan, cycle, &index, &grouped);
    (index, grouped)
}

/// Every unit's objectives in the cycle, grouped by `grouped`, as a fresh build has them.
fn assert_same_grouping(
    plan: &Plan,
    cycle: &Id,
    index: &ObjectiveIndex,
    grouped: &CycleObjectives,
) {
    let tree = Arc::new(UnitTree::new(plan));
    let kept = CascadeIndex::with_parts(
        plan,
        tree,
        Arc::new(index.clone()),
        Arc::new(grouped.clone()),
    );
    let fresh = CascadeIndex::new(plan, Some(cycle));
    for unit in 0..plan.units.len() {
        assert_eq!(
            kept.objectives_of(unit),
            fresh.objectives_of(unit),
            "unit {unit}"
        );
    }
}
