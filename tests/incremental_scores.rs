//! Scores kept current edit by edit equal scores computed afresh: after
//! check-ins, new values, targets, weights, overrides, commitments, and
//! their undo and redo, with roll-up on and off.

mod common;

use okrplan::model::scoring::Scores;
use okrplan::model::*;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::Strategy;

#[derive(Clone, Debug)]
enum Edit {
    CheckIn(Index, f64),
    Target(Index, f64),
    Weight(Index, f64),
    Override(Index, Option<f64>),
    Commitment(Index),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), -50.0f64..150.0).prop_map(|(k, v)| Edit::CheckIn(k, v)),
        1 => (any::<Index>(), -50.0f64..150.0).prop_map(|(k, v)| Edit::Target(k, v)),
        1 => (any::<Index>(), 0.0f64..5.0).prop_map(|(k, v)| Edit::Weight(k, v)),
        1 => (any::<Index>(), prop::option::of(0.0f64..1.0)).prop_map(|(k, v)| Edit::Override(k, v)),
        1 => any::<Index>().prop_map(Edit::Commitment),
        1 => Just(Edit::Undo),
        1 => Just(Edit::Redo),
    ]
}

/// The objective holding the `k`th key result of the plan, changed by `change`.
fn with_key_result(plan: &Plan, k: &Index, change: impl FnOnce(&mut KeyResult)) -> Option<Command> {
    let krs: Vec<(usize, usize)> = plan
        .objectives
        .iter()
        .enumerate()
        .flat_map(|(o, objective)| (0..objective.key_results.len()).map(move |kr| (o, kr)))
        .collect();
    if krs.is_empty() {
        return None;
    }
    let (o, kr) = krs[k.index(krs.len())];
    let mut objective = plan.objectives[o].clone();
    change(&mut objective.key_results[kr]);
    Some(Command::UpdateObjective(objective))
}

fn apply(editor: &mut Editor, edit: &Edit) {
    let plan = editor.plan();
    let command = match edit {
        Edit::CheckIn(k, value) => {
            let date = plan.cycles[0].start;
            with_key_result(plan, k, |kr| {
                let id = Id::mint("ci-new", kr.check_ins.len() as u64);
                kr.check_ins.push(CheckIn {
                    id,
                    date,
                    value: *value,
                    confidence: None,
                    comment: String::new(),
                });
            })
        }
        Edit::Target(k, target) => with_key_result(plan, k, |kr| kr.target = *target),
        Edit::Weight(k, weight) => with_key_result(plan, k, |kr| kr.weight = *weight),
        Edit::Override(k, score) => with_key_result(plan, k, |kr| {
            kr.score_override = score.map(|score| ScoreOverride {
                score,
                reason: "set".into(),
            })
        }),
        Edit::Commitment(k) => (!plan.objectives.is_empty()).then(|| {
            let mut objective = plan.objectives[k.index(plan.objectives.len())].clone();
            objective.commitment = match objective.commitment {
                Commitment::Committed => Commitment::Aspirational,
                Commitment::Aspirational => Commitment::Committed,
            };
            Command::UpdateObjective(objective)
        }),
        Edit::Undo => {
            editor.undo();
            None
        }
        Edit::Redo => {
            editor.redo();
            None
        }
    };
    if let Some(command) = command {
        // A rejected edit changes nothing, which the scores must follow too.
        let _ = editor.apply(command);
    }
}

/// Every score both give, compared exactly.
fn assert_same(kept: &Scores, fresh: &Scores, plan: &Plan) -> Result<(), TestCaseError> {
    for objective in &plan.objectives {
        prop_assert_eq!(
            kept.objective(&objective.id),
            fresh.objective(&objective.id),
            "{}",
            objective.id
        );
        for kr in &objective.key_results {
            prop_assert_eq!(
                kept.key_result(&kr.id),
                fresh.key_result(&kr.id),
                "{}",
                kr.id
            );
        }
    }
    for unit in &plan.units {
        prop_assert_eq!(kept.unit(&unit.id), fresh.unit(&unit.id), "{}", unit.id);
        prop_assert_eq!(
            kept.subtree(&unit.id),
            fresh.subtree(&unit.id),
            "{}",
            unit.id
        );
    }
    Ok(())
}

/// Views redraw only the objectives `rescore` reports: every other score,
/// of an objective or of its key results, is as it was.
fn assert_only_rescored_changed(
    before: &Scores,
    after: &Scores,
    rescored: &[usize],
    plan: &Plan,
) -> Result<(), TestCaseError> {
    for (at, objective) in plan.objectives.iter().enumerate() {
        if rescored.contains(&at) {
            continue;
        }
        prop_assert_eq!(
            before.objective_at(at),
            after.objective_at(at),
            "{}",
            objective.id
        );
        for k in 0..objective.key_results.len() {
            prop_assert_eq!(before.key_result_at(at, k), after.key_result_at(at, k));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scores_kept_edit_by_edit_equal_scores_afresh(
        mut plan in common::valid_plan(),
        roll_up in any::<bool>(),
        cycle in any::<Index>(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        plan.settings.roll_up_aligned = roll_up;
        let cycle = plan.cycles[cycle.index(plan.cycles.len())].id.clone();
        let mut editor = Editor::new(plan);
        let mut kept = Scores::new(editor.plan(), &cycle);
        let mut since = editor.revision_of(Aspects::MEASURES);
        for edit in &edits {
            apply(&mut editor, edit);
            let changed = editor.measures_changed_since(since);
            prop_assert!(changed.is_some(), "measure edits are known objective by objective");
            let before = kept.clone();
            let rescored = kept.rescore(editor.plan(), &changed.unwrap_or_default());
            prop_assert!(rescored.is_some());
            since = editor.revision_of(Aspects::MEASURES);
            assert_same(&kept, &Scores::new(editor.plan(), &cycle), editor.plan())?;
            assert_only_rescored_changed(&before, &kept, &rescored.unwrap_or_default(), editor.plan())?;
        }
    }
}

#[test]
fn edits_beyond_the_log_or_of_another_kind_are_not_listed() {
    let mut editor = Editor::new(sample_plan());
    let since = editor.revision_of(Aspects::MEASURES);
    let mut objective = editor.plan().objectives[0].clone();
    for value in 0..40 {
        objective.key_results[0].target = f64::from(value) + 100.0;
        editor
            .apply(Command::UpdateObjective(objective.clone()))
            .unwrap();
    }
    assert_eq!(
        editor.measures_changed_since(since),
        None,
        "older than the log remembers"
    );
    let recent = editor.revision_of(Aspects::MEASURES) - 2;
    assert_eq!(
        editor.measures_changed_since(recent),
        Some(vec![objective.id.clone(), objective.id.clone()])
    );
    editor.replace_from_outside(sample_plan());
    assert_eq!(
        editor.measures_changed_since(recent),
        None,
        "a plan from elsewhere"
    );
}
