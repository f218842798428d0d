//! Every change goes through a command; every command can be undone and redone.

mod common;

use okrplan::model::*;
use proptest::prelude::*;

#[test]
fn renaming_is_undoable_and_redoable() {
    let original = sample_plan();
    let mut editor = Editor::new(original.clone());
    editor
        .apply(Command::RenamePlan("  Q1 offsite  ".into()))
        .unwrap();
    assert_eq!(editor.plan().meta.name, "Q1 offsite");
    assert_eq!(editor.undo_label(), Some("rename plan"));

    assert_eq!(editor.undo().as_deref(), Some("rename plan"));
    assert_eq!(editor.plan(), &original);
    assert_eq!(editor.redo().as_deref(), Some("rename plan"));
    assert_eq!(editor.plan().meta.name, "Q1 offsite");
    assert_eq!(editor.revision(), 3);
}

#[test]
fn a_refused_command_changes_nothing() {
    let mut editor = Editor::new(sample_plan());
    let err = editor.apply(Command::RenamePlan("   ".into())).unwrap_err();
    assert_eq!(err.0, "A plan needs a name.");
    assert_eq!(editor.plan(), &sample_plan());
    assert_eq!(editor.revision(), 0);
    assert!(editor.undo().is_none());
}

#[test]
fn replacing_the_plan_can_be_undone() {
    let mut editor = Editor::new(sample_plan());
    editor
        .apply(Command::ReplacePlan(Box::new(Plan::new("Imported"))))
        .unwrap();
    assert_eq!(editor.plan().meta.name, "Imported");
    assert_eq!(editor.undo_label(), Some("open \"Imported\""));
    editor.undo();
    assert_eq!(editor.plan(), &sample_plan());
}

#[test]
fn a_new_edit_clears_the_redo_stack() {
    let mut editor = Editor::new(sample_plan());
    editor.apply(Command::RenamePlan("A".into())).unwrap();
    editor.undo();
    assert_eq!(editor.redo_label(), Some("rename plan"));
    editor.apply(Command::RenamePlan("B".into())).unwrap();
    assert!(editor.redo().is_none());
    assert_eq!(editor.plan().meta.name, "B");
}

#[test]
fn a_blank_plan_has_one_organisation_and_the_current_quarter() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let plan = Plan::blank(today, "u-org".into(), "cy-now".into());
    assert_eq!(validate(&plan), vec![]);
    assert_eq!(plan.units.len(), 1);
    let quarter = &plan.cycles[0];
    assert_eq!(quarter.name, "Q4 2026");
    assert_eq!(
        (quarter.start.to_string(), quarter.end.to_string()),
        ("2026-10-01".into(), "2026-12-31".into())
    );
    assert_eq!(
        plan.current_cycle(today).map(|c| c.id.as_str()),
        Some("cy-now")
    );
    let march = chrono::NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
    assert_eq!(Cycle::quarter_of(march, "q".into()).end, march);
}

proptest! {
    /// Objectives taken out at once are the ones at those positions, the
    /// rest keep their order, and the inverse puts each back where it was
    /// (which is also what inserting at any ascending positions does).
    #[test]
    fn objectives_removed_at_once_come_back_where_they_were(
        plan in common::valid_plan(),
        mask in prop::collection::vec(any::<bool>(), 10),
    ) {
        let indices: Vec<usize> = (0..plan.objectives.len()).filter(|&i| mask[i]).collect();
        let kept: Vec<&Objective> = plan
            .objectives
            .iter()
            .enumerate()
            .filter(|(i, _)| !mask[*i])
            .map(|(_, o)| o)
            .collect();
        let mut edited = plan.clone();
        let inverse = Command::RemoveObjectives { indices: indices.clone() }
            .apply(&mut edited)
            .unwrap();
        prop_assert_eq!(edited.objectives.iter().collect::<Vec<_>>(), kept);
        let Command::InsertObjectives { placed } = &inverse else {
            panic!("the inverse of a removal puts objectives in: {inverse:?}");
        };
        let expected: Vec<(usize, &Objective)> =
            indices.iter().map(|&i| (i, &plan.objectives[i])).collect();
        prop_assert_eq!(placed.iter().map(|(i, o)| (*i, o)).collect::<Vec<_>>(), expected);
        let redo = inverse.apply(&mut edited).unwrap();
        prop_assert_eq!(&edited, &plan);
        prop_assert_eq!(redo, Command::RemoveObjectives { indices });
    }
}

#[test]
fn objectives_at_positions_out_of_order_or_past_the_end_are_refused() {
    let plan = sample_plan();
    let count = plan.objectives.len();
    let objective = plan.objectives[0].clone();
    let refused = [
        Command::RemoveObjectives {
            indices: vec![1, 0],
        },
        Command::RemoveObjectives {
            indices: vec![0, 0],
        },
        Command::RemoveObjectives {
            indices: vec![0, count],
        },
        Command::RemoveObjectives {
            indices: vec![count],
        },
        Command::InsertObjectives {
            placed: vec![(count + 1, objective.clone())],
        },
        Command::InsertObjectives {
            placed: vec![(1, objective.clone()), (0, objective.clone())],
        },
        // Two objectives put in: the list after has count + 2 positions.
        Command::InsertObjectives {
            placed: vec![(0, objective.clone()), (count + 2, objective.clone())],
        },
    ];
    for command in refused {
        let mut edited = plan.clone();
        assert!(command.clone().apply(&mut edited).is_err(), "{command:?}");
        assert_eq!(edited, plan, "{command:?} changed the plan");
    }
    let mut edited = plan.clone();
    Command::InsertObjectives {
        placed: vec![(0, objective.clone()), (count + 1, objective.clone())],
    }
    .apply(&mut edited)
    .unwrap();
    assert_eq!(edited.objectives.len(), count + 2);
    assert_eq!(edited.objectives[count + 1], objective);
}
