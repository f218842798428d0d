//! The cascade editor's operations: move, cascade, delete with dependants,
//! alignment without loops, reordering — each undoable exactly.

use okrplan::model::ops::*;
use okrplan::model::*;

fn edit(editor: &mut Editor, make: impl FnOnce(&Plan) -> Result<Command, EditError>) {
    let command = make(editor.plan()).expect("the edit is allowed");
    apply(editor, command);
}

fn apply(editor: &mut Editor, command: Command) {
    editor.apply(command).expect("command applies");
    assert_eq!(validate(editor.plan()), vec![], "the plan stays valid");
}

fn unit(plan: &Plan, id: &str) -> Unit {
    plan.unit(&id.into()).cloned().unwrap()
}

fn children(plan: &Plan, parent: &str) -> Vec<String> {
    plan.units
        .iter()
        .filter(|u| u.parent.as_ref().map(Id::as_str) == Some(parent))
        .map(|u| u.id.to_string())
        .collect()
}

#[test]
fn moving_a_unit_takes_its_subtree_and_undo_restores_order() {
    let original = sample_plan();
    let mut editor = Editor::new(original.clone());
    let command = move_unit(editor.plan(), &"u-platform".into(), Some(&"u-sales".into())).unwrap();
    assert_eq!(command.label(), "move \"Platform group\"");
    apply(&mut editor, command);
    assert_eq!(
        unit(editor.plan(), "u-platform").parent,
        Some("u-sales".into())
    );
    assert_eq!(children(editor.plan(), "u-sales"), ["u-emea", "u-platform"]);
    assert_eq!(children(editor.plan(), "u-platform"), ["u-infra", "u-data"]);
    editor.undo();
    assert_eq!(editor.plan(), &original);
}

#[test]
fn a_unit_cannot_move_into_itself_or_below_itself() {
    let plan = sample_plan();
    for target in ["u-eng", "u-platform", "u-priya"] {
        let error = move_unit(&plan, &"u-eng".into(), Some(&target.into())).unwrap_err();
        assert_eq!(
            error.0,
            "\"Engineering\" cannot move into itself or a unit below it."
        );
    }
    assert!(
        move_unit(&plan, &"u-eng".into(), None).is_ok(),
        "to the top level is fine"
    );
    assert!(move_unit(&plan, &"u-gone".into(), None).is_err());
}

#[test]
fn siblings_shift_up_and_down() {
    let mut editor = Editor::new(sample_plan());
    edit(&mut editor, |p| shift_unit(p, &"u-cs".into(), true));
    assert_eq!(
        children(editor.plan(), "u-company"),
        ["u-eng", "u-cs", "u-sales", "u-people", "u-marketing"]
    );
    assert!(shift_unit(editor.plan(), &"u-eng".into(), true).is_err());
    assert!(shift_unit(editor.plan(), &"u-marketing".into(), false).is_err());
}

#[test]
fn cascading_a_key_result_creates_a_linked_objective_in_the_unit() {
    let mut editor = Editor::new(sample_plan());
    let command = cascade_key_result(
        editor.plan(),
        &"kr-margin".into(),
        &"u-sales".into(),
        "o-new".into(),
    )
    .unwrap();
    assert_eq!(command.label(), "cascade to \"Sales\"");
    apply(&mut editor, command);
    let created = editor.plan().objective(&"o-new".into()).unwrap();
    assert_eq!(created.title, "Increase gross margin from 31% to 36%");
    assert_eq!(created.unit, "u-sales".into());
    assert_eq!(created.cycle, "q4-2026".into());
    assert_eq!(
        created.aligned_to,
        Some(Alignment::KeyResult("kr-margin".into()))
    );
    let index = CascadeIndex::new(editor.plan(), Some(&"q4-2026".into()));
    let supporters = index.supporters(&"kr-margin".into());
    assert_eq!(supporters.len(), 1);
    assert_eq!(editor.plan().objectives[supporters[0]].id, "o-new".into());
}

#[test]
fn deleting_a_unit_takes_what_belongs_to_it_and_unlinks_the_rest() {
    let original = sample_plan();
    let mut editor = Editor::new(original.clone());
    let (command, impact) = delete_unit(editor.plan(), &"u-eng".into()).unwrap();
    // Engineering, Platform group, Infrastructure, Priya, Data, Mobile, Tom.
    assert_eq!(
        impact,
        DeleteImpact {
            units: 7,
            objectives: 4,
            key_results: 7,
            unlinked: 0
        }
    );
    apply(&mut editor, command);
    let plan = editor.plan();
    assert_eq!(plan.units.len(), original.units.len() - 7);
    assert!(plan.objectives.iter().all(|o| o.unit != "u-mobile".into()));
    assert!(plan
        .rollout
        .participation
        .iter()
        .all(|p| p.unit != "u-tom".into()));
    let ambassador = plan
        .rollout
        .roles
        .iter()
        .find(|r| r.id == "r-amb-eng".into())
        .unwrap();
    assert_eq!(ambassador.unit, None);
    editor.undo();
    assert_eq!(editor.plan(), &original);
}

#[test]
fn deleting_a_unit_unlinks_objectives_aligned_into_it() {
    let mut editor = Editor::new(sample_plan());
    // EMEA sales supports a Sales key result; deleting Sales' objective's owner keeps EMEA? No:
    // EMEA is below Sales. Customer success supports the company NPS KR instead — delete the company's
    // objective and CS loses its link.
    let command = delete_objective(editor.plan(), &"o-loved".into()).unwrap();
    apply(&mut editor, command);
    let cs = editor.plan().objective(&"o-cs".into()).unwrap();
    assert_eq!(cs.aligned_to, None);
    let eng = editor.plan().objective(&"o-eng-app".into()).unwrap();
    assert_eq!(
        eng.aligned_to, None,
        "was aligned to a KR of the deleted objective"
    );

    let (_, impact) = delete_unit(&sample_plan(), &"u-sales".into()).unwrap();
    assert_eq!(impact.unlinked, 0, "EMEA's objective goes with Sales");
    let (_, impact) = delete_unit(&sample_plan(), &"u-infra".into()).unwrap();
    assert_eq!(
        (impact.units, impact.objectives, impact.unlinked),
        (2, 2, 0)
    );
}

#[test]
fn alignment_cannot_make_a_loop_or_point_at_nothing() {
    let plan = sample_plan();
    let error = align(
        &plan,
        &"o-loved".into(),
        Some(Alignment::Objective("o-priya".into())),
    )
    .unwrap_err();
    assert_eq!(
        error.0,
        "That link would make the objective support itself."
    );
    let error = align(
        &plan,
        &"o-loved".into(),
        Some(Alignment::KeyResult("kr-rating".into())),
    )
    .unwrap_err();
    assert_eq!(
        error.0,
        "That link would make the objective support itself."
    );
    let error = align(
        &plan,
        &"o-cs".into(),
        Some(Alignment::Objective("o-deleted".into())),
    )
    .unwrap_err();
    assert_eq!(error.0, "The item to align to no longer exists.");
    let mut editor = Editor::new(plan);
    edit(&mut editor, |p| {
        align(
            p,
            &"o-cs".into(),
            Some(Alignment::Objective("o-profit".into())),
        )
    });
    assert_eq!(editor.undo_label(), Some("change alignment"));
}

#[test]
fn removing_a_key_result_unlinks_what_was_cascaded_from_it() {
    let mut editor = Editor::new(sample_plan());
    edit(&mut editor, |p| delete_key_result(p, &"kr-dealers".into()));
    assert_eq!(
        editor
            .plan()
            .objective(&"o-emea".into())
            .unwrap()
            .aligned_to,
        None
    );
    editor.undo();
    assert_eq!(editor.plan(), &sample_plan());
}

#[test]
fn objectives_and_key_results_reorder_within_their_list() {
    let mut editor = Editor::new(sample_plan());
    edit(&mut editor, |p| shift_objective(p, &"o-team".into(), true));
    let company: Vec<_> = editor
        .plan()
        .objectives
        .iter()
        .filter(|o| o.unit == "u-company".into() && o.cycle == "q4-2026".into())
        .map(|o| o.id.to_string())
        .collect();
    assert_eq!(company, ["o-loved", "o-team", "o-profit"]);
    edit(&mut editor, |p| {
        shift_key_result(p, &"kr-nps".into(), false)
    });
    let titles: Vec<_> = editor
        .plan()
        .objective(&"o-loved".into())
        .unwrap()
        .key_results
        .iter()
        .map(|k| k.id.to_string())
        .collect();
    assert_eq!(titles, ["kr-repeat", "kr-nps", "kr-rating"]);
    assert!(shift_key_result(editor.plan(), &"kr-repeat".into(), true).is_err());
}

#[test]
fn ids_already_in_use_and_empty_names_are_refused() {
    let plan = sample_plan();
    let mut copy = unit(&plan, "u-eng");
    assert!(add_unit(&plan, copy.clone()).is_err());
    copy.id = "u-new".into();
    copy.name = "  ".into();
    assert_eq!(add_unit(&plan, copy).unwrap_err().0, "A unit needs a name.");
    let mut editor = Editor::new(plan);
    let rename = edit_unit(editor.plan(), &"u-eng".into(), |u| u.name = String::new()).unwrap();
    assert!(editor.apply(rename).is_err());
    assert_eq!(editor.plan(), &sample_plan());
}

#[test]
fn a_position_kept_from_an_earlier_plan_finds_nothing_rather_than_another() {
    let mut plan = sample_plan();
    let first = plan.objectives[0].id.clone();
    let kr = plan.objectives[0].key_results[0].id.clone();
    assert_eq!(plan.objective_at(0, &first).map(|o| &o.id), Some(&first));
    assert_eq!(plan.key_result_at((0, 0), &kr).map(|k| &k.id), Some(&kr));
    plan.objectives.remove(0);
    assert!(plan.objective_at(0, &first).is_none());
    assert!(plan.key_result_at((0, 0), &kr).is_none());
    assert!(plan.objective_at(plan.objectives.len(), &first).is_none());
}

/// Every `"id"` in a plan's file: what no new item may take.
fn ids_in_file(value: &serde_json::Value, ids: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(fields) => {
            for (name, field) in fields {
                match (name.as_str(), field) {
                    ("id", serde_json::Value::String(id)) => ids.push(id.clone()),
                    _ => ids_in_file(field, ids),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| ids_in_file(item, ids)),
        _ => {}
    }
}

#[test]
fn a_new_item_may_not_take_an_id_any_item_of_the_plan_has() {
    let plan = sample_plan();
    let mut ids = Vec::new();
    ids_in_file(&serde_json::to_value(&plan).unwrap(), &mut ids);
    let mut check_ins = plan
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .flat_map(|k| &k.check_ins);
    let check_in = check_ins.next().expect("a check-in").id.to_string();
    let role = plan.rollout.roles.first().expect("a role").id.to_string();
    let readiness = plan
        .rollout
        .readiness
        .first()
        .expect("a readiness item")
        .id
        .to_string();
    assert!([check_in, role, readiness]
        .iter()
        .all(|id| ids.contains(id)));
    let new_unit = |id: &str| Unit {
        id: id.into(),
        ..unit(&plan, "u-sales")
    };
    for id in &ids {
        assert_eq!(
            add_unit(&plan, new_unit(id)).unwrap_err().0,
            format!("The id \"{id}\" is already in use.")
        );
    }
    assert!(add_unit(&plan, new_unit("u-new")).is_ok());
}
