//! Partial export, and merging files into an open plan: the preview, the
//! choices, conflicts and idempotence.

use okrplan::io::items::mark_synced;
use okrplan::io::json::{read_plan, to_file_text};
use okrplan::io::merge::{apply, preview, ChangeKind, Preview};
use okrplan::io::part::export_part;
use okrplan::model::*;
use std::collections::BTreeSet;

/// The company plan after it was sent out as a file (so both sides share a base).
fn company() -> Plan {
    let mut plan = sample_plan();
    mark_synced(&mut plan);
    plan
}

/// What a department receives: its part of the company file, through file text.
fn part_of(plan: &Plan, unit: &str) -> Plan {
    let part = export_part(plan, &unit.into()).expect("the unit exists");
    read_plan(&to_file_text(&part)).expect("a part opens on its own")
}

fn objective_mut<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Objective {
    plan.objectives
        .iter_mut()
        .find(|o| o.id.as_str() == id)
        .expect("objective exists")
}

fn keys(preview: &Preview, kind: ChangeKind) -> Vec<String> {
    preview
        .changes
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.key.clone())
        .collect()
}

fn merge_defaults(local: &Plan, incoming: &Plan) -> Plan {
    let preview = preview(local, incoming);
    apply(local, incoming, &preview, &preview.default_selection()).expect("merges cleanly")
}

fn new_objective(id: &str, unit: &str, aligned_to: Option<Alignment>) -> Objective {
    Objective {
        id: id.into(),
        title: format!("Objective {id}"),
        description: String::new(),
        unit: unit.into(),
        cycle: "q4-2026".into(),
        commitment: Commitment::Committed,
        aligned_to,
        key_results: vec![KeyResult {
            id: format!("{id}-kr").as_str().into(),
            title: "Do the thing".into(),
            measure: MeasureKind::Number,
            start: 0.0,
            target: 10.0,
            unit_of_measure: String::new(),
            weight: 1.0,
            check_ins: Vec::new(),
            score_override: None,
        }],
        review: Review::default(),
    }
}

#[test]
fn a_part_holds_the_subtree_its_okrs_rollout_entries_and_references_out() {
    let plan = company();
    let part = export_part(&plan, &"u-sales".into()).unwrap();
    let units: Vec<&str> = part.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(units, ["u-sales", "u-emea"]);
    assert_eq!(
        part.units[0].parent, None,
        "the top unit is a root in the file"
    );
    let scope = part.scope.as_ref().unwrap();
    assert_eq!(
        (scope.unit.as_str(), scope.parent.as_ref().map(Id::as_str)),
        ("u-sales", Some("u-company"))
    );
    let objectives: Vec<&str> = part.objectives.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(objectives, ["o-sales", "o-emea"]);
    // o-sales supports the company objective o-profit: a reference, with its key results.
    let references: Vec<&str> = part.references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(references, ["o-profit"]);
    assert_eq!(part.references[0].unit_name, "Fernhill Cycles");
    assert_eq!(part.references[0].key_results.len(), 3);
    assert!(part
        .rollout
        .participation
        .iter()
        .all(|p| ["u-sales", "u-emea"].contains(&p.unit.as_str())));
    assert!(!part.rollout.participation.is_empty());
    assert_eq!(validate(&part), Vec::new());
    assert!(part.synced.keys().all(|k| !k.starts_with("unit:u-eng")));
}

#[test]
fn a_part_shows_links_out_of_it_by_their_reference() {
    let part = part_of(&company(), "u-sales");
    let link = part
        .objective(&"o-sales".into())
        .unwrap()
        .aligned_to
        .clone();
    assert_eq!(
        part.referenced_title(&link.unwrap()).as_deref(),
        Some("Make every bike we sell profitable (Fernhill Cycles)")
    );
}

#[test]
fn an_unknown_unit_has_no_part() {
    assert_eq!(export_part(&company(), &"u-nobody".into()), None);
}

#[test]
fn a_department_file_merges_back_with_its_alignment_to_company_okrs() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    objective_mut(&mut sales, "o-sales").title = "Open the Nordic and Baltic markets".into();
    sales.units.push(Unit {
        id: "u-baltic".into(),
        name: "Baltic sales".into(),
        kind: UnitKind::Team,
        parent: Some("u-sales".into()),
        headcount: Some(4),
    });
    // A new team objective supporting a company key result the part only references.
    sales.objectives.push(new_objective(
        "o-baltic",
        "u-baltic",
        Some(Alignment::KeyResult("kr-margin".into())),
    ));
    let file = read_plan(&to_file_text(&sales)).unwrap();

    let preview = preview(&company_plan, &file);
    assert_eq!(
        keys(&preview, ChangeKind::Added),
        [
            "unit:u-baltic",
            "objective:o-baltic",
            "key_result:o-baltic-kr"
        ]
    );
    assert_eq!(keys(&preview, ChangeKind::Changed), ["objective:o-sales"]);
    assert_eq!(preview.changes[3].fields, ["title"]);
    assert_eq!(preview.count(ChangeKind::Conflict), 0);
    assert_eq!(preview.count(ChangeKind::Missing), 0);

    let merged = apply(&company_plan, &file, &preview, &preview.default_selection()).unwrap();
    assert_eq!(
        merged.unit(&"u-sales".into()).unwrap().parent,
        Some("u-company".into()),
        "the department goes back under the company"
    );
    let baltic = merged.objective(&"o-baltic".into()).unwrap();
    assert_eq!(
        baltic.aligned_to,
        Some(Alignment::KeyResult("kr-margin".into()))
    );
    assert_eq!(baltic.key_results.len(), 1);
    assert_eq!(
        merged.objective(&"o-sales".into()).unwrap().title,
        "Open the Nordic and Baltic markets"
    );
    assert!(
        merged.references.is_empty(),
        "links resolve inside the company plan"
    );
    assert_eq!(merged.objectives.len(), company_plan.objectives.len() + 1);
    assert_eq!(validate(&merged), Vec::new());
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    objective_mut(&mut sales, "o-emea").key_results[0].target = 40.0;
    sales
        .objectives
        .push(new_objective("o-new", "u-emea", None));
    let once = merge_defaults(&company_plan, &sales);
    assert_ne!(once, company_plan);
    let again = preview(&once, &sales);
    assert_eq!(again.changes, Vec::new());
    assert_eq!(merge_defaults(&once, &sales), once);
}

#[test]
fn an_item_edited_on_both_sides_is_a_conflict_kept_as_mine_unless_chosen() {
    let mut company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    objective_mut(&mut sales, "o-emea").title = "Theirs".into();
    objective_mut(&mut company_plan, "o-emea").title = "Mine".into();

    let preview = preview(&company_plan, &sales);
    assert_eq!(keys(&preview, ChangeKind::Conflict), ["objective:o-emea"]);
    assert!(preview.default_selection().is_empty());
    let kept = apply(
        &company_plan,
        &sales,
        &preview,
        &preview.default_selection(),
    )
    .unwrap();
    assert_eq!(kept.objective(&"o-emea".into()).unwrap().title, "Mine");
    let chosen: BTreeSet<String> = ["objective:o-emea".to_owned()].into();
    let taken = apply(&company_plan, &sales, &preview, &chosen).unwrap();
    assert_eq!(taken.objective(&"o-emea".into()).unwrap().title, "Theirs");
    // Once resolved, the item is in sync: the same file shows no conflict.
    assert_eq!(self::preview(&taken, &sales).changes, Vec::new());
}

#[test]
fn an_item_edited_only_here_is_kept_and_counted_not_offered() {
    let mut company_plan = company();
    let sales = part_of(&company_plan, "u-sales");
    objective_mut(&mut company_plan, "o-emea").title = "Edited here since".into();
    let preview = preview(&company_plan, &sales);
    assert_eq!(preview.changes, Vec::new());
    assert_eq!(preview.newer_here, 1);
}

#[test]
fn items_missing_from_the_file_are_listed_and_removed_only_when_chosen() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    sales.objectives.retain(|o| o.id.as_str() != "o-emea");
    let preview = preview(&company_plan, &sales);
    assert_eq!(
        keys(&preview, ChangeKind::Missing),
        ["objective:o-emea", "key_result:kr-demos"]
    );
    let kept = apply(
        &company_plan,
        &sales,
        &preview,
        &preview.default_selection(),
    )
    .unwrap();
    assert!(kept.objective(&"o-emea".into()).is_some());
    let chosen: BTreeSet<String> = ["objective:o-emea".to_owned()].into();
    let removed = apply(&company_plan, &sales, &preview, &chosen).unwrap();
    assert!(removed.objective(&"o-emea".into()).is_none());
    // Nothing outside the part is ever listed as missing.
    assert!(preview.changes.iter().all(|c| !c.key.contains("u-eng")));
}

#[test]
fn an_added_item_brings_the_added_items_it_needs() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    sales.units.push(Unit {
        id: "u-new".into(),
        name: "New team".into(),
        kind: UnitKind::Team,
        parent: Some("u-sales".into()),
        headcount: None,
    });
    sales.objectives.push(new_objective("o-new", "u-new", None));
    let preview = preview(&company_plan, &sales);
    let only_kr: BTreeSet<String> = ["key_result:o-new-kr".to_owned()].into();
    assert_eq!(
        preview.with_needs(&only_kr),
        ["key_result:o-new-kr", "objective:o-new", "unit:u-new"]
            .map(String::from)
            .into()
    );
    let merged = apply(&company_plan, &sales, &preview, &only_kr).unwrap();
    assert!(merged.unit(&"u-new".into()).is_some());
    assert_eq!(
        merged.objective(&"o-new".into()).unwrap().key_results.len(),
        1
    );
}

#[test]
fn choices_that_would_break_the_plan_are_refused_with_the_reason() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    // The file drops o-sales, which the company's o-emea aligns to through kr-dealers.
    sales.objectives.retain(|o| o.id.as_str() != "o-sales");
    let preview = preview(&company_plan, &sales);
    let chosen: BTreeSet<String> = [
        "objective:o-sales".to_owned(),
        "key_result:kr-dealers".to_owned(),
        "key_result:kr-nordic-rev".to_owned(),
    ]
    .into();
    let problems = apply(&company_plan, &sales, &preview, &chosen).unwrap_err();
    assert_eq!(
        problems,
        ["refers to key result \"kr-dealers\", which does not exist"]
    );
}

#[test]
fn two_team_files_merge_into_one_plan() {
    let company_plan = company();
    let mut sales = part_of(&company_plan, "u-sales");
    let mut eng = part_of(&company_plan, "u-eng");
    objective_mut(&mut sales, "o-emea").title = "Sales side".into();
    let eng_objective = eng.objectives[0].id.clone();
    objective_mut(&mut eng, eng_objective.as_str()).title = "Engineering side".into();
    eng.objectives
        .push(new_objective("o-eng-new", "u-eng", None));

    let merged = merge_defaults(&merge_defaults(&company_plan, &sales), &eng);
    assert_eq!(
        merged.objective(&"o-emea".into()).unwrap().title,
        "Sales side"
    );
    assert_eq!(
        merged.objective(&eng_objective).unwrap().title,
        "Engineering side"
    );
    assert!(merged.objective(&"o-eng-new".into()).is_some());
    assert_eq!(validate(&merged), Vec::new());
}

#[test]
fn a_whole_plan_file_carries_details_and_programme() {
    let company_plan = company();
    let mut theirs = company_plan.clone();
    theirs.meta.name = "Renamed elsewhere".into();
    theirs.rollout.cadence = CheckInCadence::Biweekly;
    let preview = preview(&company_plan, &theirs);
    assert_eq!(
        keys(&preview, ChangeKind::Changed),
        ["details:plan", "programme:plan"]
    );
    assert_eq!(preview.changes[0].fields, ["name"]);
    assert_eq!(preview.changes[1].fields, ["cadence"]);
    let merged = merge_defaults(&company_plan, &theirs);
    assert_eq!(merged.meta.name, "Renamed elsewhere");
    assert_eq!(merged.rollout.cadence, CheckInCadence::Biweekly);
}

#[test]
fn a_plan_merged_with_itself_shows_no_changes() {
    let plan = sample_plan();
    let preview = preview(&plan, &plan);
    assert_eq!(preview.changes, Vec::new());
}

#[test]
fn a_part_of_a_plan_that_never_exchanged_files_merges_back_without_false_conflicts() {
    // The export stamps what left, so the department's edits are theirs alone.
    let plan = sample_plan();
    let mut sales = part_of(&plan, "u-sales");
    objective_mut(&mut sales, "o-emea").title = "Edited by Sales".into();
    let preview = preview(&plan, &sales);
    assert_eq!(keys(&preview, ChangeKind::Changed), ["objective:o-emea"]);
    assert_eq!(preview.count(ChangeKind::Conflict), 0);
}

/// Stamps in files already exchanged are FNV-1a over each item's compact
/// JSON: however fingerprints are computed, they must keep that value.
#[test]
fn a_fingerprint_is_fnv_1a_over_the_items_compact_json() {
    let fnv = |text: &str| {
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        format!("{hash:016x}")
    };
    let plan = company();
    let items = okrplan::io::items::items(&plan);
    assert!(items.len() > 30);
    for item in &items {
        assert_eq!(
            item.part.fingerprint(),
            fnv(&item.part.content().to_string()),
            "{}",
            item.key
        );
    }
    // One value written out, so a change of the JSON itself shows too.
    let unit = items
        .iter()
        .find(|i| i.key == "unit:u-sales")
        .expect("Sales");
    assert_eq!(
        unit.part.content().to_string(),
        r#"{"headcount":40,"id":"u-sales","kind":"department","name":"Sales","parent":"u-company"}"#
    );
}

/// Unchanged items are told by comparing their fields; a change to any one
/// field of an objective or key result is still a change.
#[test]
fn a_change_to_any_single_field_shows() {
    let local = company();
    let objective = local
        .objectives
        .iter()
        .find(|o| o.aligned_to.is_some() && o.key_results.iter().any(|k| !k.check_ins.is_empty()))
        .expect("an aligned objective with check-ins")
        .id
        .as_str()
        .to_owned();
    // Another unit and cycle than the objective's.
    let at = local
        .objective(&objective.as_str().into())
        .expect("the objective");
    fn another<'a>(mut ids: impl Iterator<Item = &'a Id>, not: &Id) -> Id {
        ids.find(|&id| id != not).expect("another one").clone()
    }
    let other_unit = another(local.units.iter().map(|u| &u.id), &at.unit);
    let other_cycle = another(local.cycles.iter().map(|c| &c.id), &at.cycle);
    type Edit = Box<dyn Fn(&mut Objective)>;
    let edits: Vec<(&str, Edit)> = vec![
        ("title", Box::new(|o| o.title.push('!'))),
        ("description", Box::new(|o| o.description.push('!'))),
        ("unit", Box::new(move |o| o.unit = other_unit.clone())),
        ("cycle", Box::new(move |o| o.cycle = other_cycle.clone())),
        (
            "commitment",
            Box::new(|o| {
                o.commitment = match o.commitment {
                    Commitment::Committed => Commitment::Aspirational,
                    Commitment::Aspirational => Commitment::Committed,
                }
            }),
        ),
        ("aligned to", Box::new(|o| o.aligned_to = None)),
        ("review", Box::new(|o| o.review.lessons.push('!'))),
        ("key result", Box::new(|o| o.key_results[0].weight += 1.0)),
        (
            "check-in",
            Box::new(|o| {
                let checked = o.key_results.iter_mut().find(|k| !k.check_ins.is_empty());
                checked.expect("check-ins").check_ins.pop();
            }),
        ),
    ];
    for (field, edit) in edits {
        let mut file = local.clone();
        edit(objective_mut(&mut file, &objective));
        let changes = preview(&local, &file).changes;
        assert_eq!(changes.len(), 1, "{field}: {changes:?}");
        assert_eq!(changes[0].kind, ChangeKind::Changed, "{field}");
    }
}
