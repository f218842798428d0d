//! Times the pure model's whole-plan passes on a plan file, natively: which
//! of them an edit or a load pays for. `scripts/bench` runs it on the
//! generated 10,000-objective plan; the browser (wasm) is slower by ~1.5–2×.
//!   cargo run --release --example model_timings -- plan.okrplan.json

use okrplan::io::file_writer::FileWriter;
use okrplan::io::items::stamps;
use okrplan::io::json::{read_plan, to_compact_text, PlanReader};
use okrplan::io::merge;
use okrplan::model::quality::{warnings, ActiveUnits};
use okrplan::model::rollout_plan;
use okrplan::model::scoring::{rollover, Pick, Scores};
use okrplan::model::{
    ops, unit_paths, validate, Aspects, CascadeIndex, CheckIn, Command, CycleObjectives, Editor,
    Id, ObjectiveIndex, Plan, UnitTree,
};
use okrplan::storage::saved_text;
use std::sync::Arc;
use std::time::Instant;

/// The median of `runs` timings of `f`, in milliseconds, after one run to warm up.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    std::hint::black_box(f());
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: model_timings PLAN.json");
    let text = std::fs::read_to_string(&path).expect("readable plan file");
    let plan = read_plan(&text).expect("a valid plan");
    let cycle = plan.cycles.last().expect("a cycle").id.clone();
    let today = plan.cycles.last().expect("a cycle").start;
    let owners = rollout_plan::ObjectiveOwners::new(&plan);
    println!(
        "{} units, {} objectives, {:.1} MB",
        plan.units.len(),
        plan.objectives.len(),
        text.len() as f64 / 1e6
    );
    let positions = Arc::new(ObjectiveIndex::new(&plan));
    let mut scores = Scores::with_positions(&plan, &cycle, positions.clone());
    // The cycle's last objective: deepest in the tree, the longest roll-up chain.
    let checked_in = plan.objectives.iter().rev().find(|o| o.cycle == cycle);
    let checked_in = [checked_in.expect("an objective in the cycle").id.clone()];
    let by_unit = Arc::new(CycleObjectives::new(&plan, Some(&cycle)));
    let tree = Arc::new(UnitTree::new(&plan));
    // A file from a colleague: the same plan with 10 objectives retitled.
    let mut file = plan.clone();
    for objective in file.objectives.iter_mut().take(10) {
        objective.title.push_str(" (revised)");
    }
    // The plan after an edit, and what the editor says the edit did.
    let edited = |edit: &dyn Fn(&Plan) -> Command| {
        let mut editor = Editor::new(plan.clone());
        let since = editor.revision_of(Aspects::LAYOUT);
        editor.apply(edit(editor.plan())).expect("applied");
        let steps = editor.layout_changed_since(since).expect("remembered");
        (editor.plan().clone(), steps)
    };
    let (with_key_result, added) = edited(&|plan| {
        let first = &plan.objectives[0].id;
        let add = ops::edit_objective(plan, first, |o| {
            let mut kr = o.key_results[0].clone();
            kr.id = Id::from("kr-timed");
            o.key_results.push(kr);
        });
        add.expect("a key result to add")
    });
    // An objective in the middle: every one after it moves.
    let (without_objective, deleted) = edited(&|plan| {
        let middle = &plan.objectives[plan.objectives.len() / 2].id;
        ops::delete_objective(plan, middle).expect("an objective to delete")
    });
    // A department with all below it, as the benchmark deletes it.
    let department = plan.units.iter().find(|u| u.name == "Department 2");
    let department = department.expect("a Department 2").id.clone();
    let delete_department = |plan: &Plan| ops::delete_unit(plan, &department).expect("deletable");
    let (without_department, department_deleted) = edited(&|plan| delete_department(plan).0);
    let department_restored = {
        let mut editor = Editor::new(plan.clone());
        editor
            .apply(delete_department(editor.plan()).0)
            .expect("deleted");
        let since = editor.revision_of(Aspects::LAYOUT);
        editor.undo();
        editor.layout_changed_since(since).expect("remembered")
    };
    // Both indexes laid over what `steps` did, as the views do after an edit.
    let patch_both = |index: &ObjectiveIndex, grouped: &CycleObjectives, plan: &Plan, steps| {
        let index = index.patched(plan, steps).expect("index patched");
        let grouped = grouped.patched(plan, Some(&cycle), &index, steps);
        (index, grouped.expect("grouping patched"))
    };
    // Every objective of the cycle carried into the next, with all its key results.
    let picks: Vec<Pick> = plan
        .objectives
        .iter()
        .filter(|o| o.cycle == cycle)
        .map(|o| Pick {
            objective: o.id.clone(),
            key_results: o.key_results.iter().map(|k| k.id.clone()).collect(),
        })
        .collect();
    let next = {
        let last = plan.cycles.last().expect("a cycle");
        let mut next = last.clone();
        next.id = Id::from("cy-timed");
        next.start = last.end + chrono::Days::new(1);
        next.end = next.start + chrono::Days::new(90);
        next
    };
    let changes = merge::preview(&plan, &file);
    let accepted = changes.default_selection();
    let rows: Vec<(&str, f64)> = vec![
        ("read_plan (parse + validate)", time(5, || read_plan(&text))),
        (
            "PlanReader::new (an opened file's first task: the scan, all but objectives)",
            time(5, || PlanReader::new(&text).map(|_| ())),
        ),
        (
            "PlanReader::read (the next 500 objectives, a task each)",
            {
                // A reader each run (and the warm-up's), made beforehand.
                let mut readers: Vec<_> = (0..16).map(|_| PlanReader::new(&text)).collect();
                time(15, || readers.pop().map(|r| r.and_then(|mut r| r.read(500))))
            },
        ),
        ("validate", time(15, || validate(&plan))),
        ("to_compact_text", time(15, || to_compact_text(&plan))),
        (
            "storage::saved_text (JSON, deflated)",
            time(5, || saved_text(&plan)),
        ),
        ("clone", time(15, || plan.clone())),
        (
            "an export: io::file_writer::FileWriter (no item exchanged before)",
            time(5, || {
                // All objectives per step: one to stamp, one to write.
                let mut writer = FileWriter::new(&plan);
                while !writer.write(&plan, plan.objectives.len()) {}
                writer.finish(&plan)
            }),
        ),
        (
            "items::stamps (the export's stamps alone)",
            time(5, || stamps(&plan, &plan.synced)),
        ),
        (
            "CascadeIndex::new",
            time(15, || CascadeIndex::new(&plan, Some(&cycle))),
        ),
        ("quality::warnings", time(15, || warnings(&plan, &cycle))),
        (
            "ObjectiveIndex::new",
            time(15, || ObjectiveIndex::new(&plan)),
        ),
        (
            "ObjectiveIndex::patched and CycleObjectives::patched (a key result added)",
            time(15, || patch_both(&positions, &by_unit, &with_key_result, &added)),
        ),
        (
            "ObjectiveIndex::patched and CycleObjectives::patched (an objective in the middle deleted)",
            time(15, || patch_both(&positions, &by_unit, &without_objective, &deleted)),
        ),
        (
            "ops::delete_unit, Editor::apply and Editor::undo (Department 2 and all below it)",
            {
                let mut editor = Editor::new(plan.clone());
                time(15, || {
                    editor.apply(delete_department(editor.plan()).0).expect("deleted");
                    editor.undo()
                })
            },
        ),
        (
            "ObjectiveIndex::patched and CycleObjectives::patched (that deletion)",
            time(15, || {
                patch_both(&positions, &by_unit, &without_department, &department_deleted)
            }),
        ),
        (
            "ObjectiveIndex::patched and CycleObjectives::patched (that deletion undone)",
            {
                let (after, steps) = (&without_department, &department_deleted);
                let (index, grouped) = patch_both(&positions, &by_unit, after, steps);
                time(15, || patch_both(&index, &grouped, &plan, &department_restored))
            },
        ),
        (
            "Scores::with_positions (after a structural edit)",
            time(15, || {
                Scores::with_positions(&plan, &cycle, positions.clone())
            }),
        ),
        (
            "Scores::rescore (after a check-in)",
            time(15, || scores.rescore(&plan, &checked_in)),
        ),
        (
            "UnitTree::new and CascadeIndex::with_parts (after a move)",
            time(15, || {
                let tree = Arc::new(UnitTree::new(&plan));
                CascadeIndex::with_parts(&plan, tree, positions.clone(), by_unit.clone())
            }),
        ),
        (
            "CascadeIndex::with_parts (after a change of layout)",
            time(15, || {
                CascadeIndex::with_parts(&plan, tree.clone(), positions.clone(), by_unit.clone())
            }),
        ),
        (
            "quality::ActiveUnits::new (after a rollout edit)",
            time(15, || ActiveUnits::new(&plan, &cycle)),
        ),
        ("unit_paths", time(15, || unit_paths(&plan, &tree))),
        (
            "rollout_plan::risks (after a rollout edit)",
            time(15, || rollout_plan::risks(&plan, &owners, today)),
        ),
        (
            "rollout_plan::okr_coverage (after a rollout edit)",
            time(15, || {
                rollout_plan::okr_coverage(&plan, &owners, &cycle, today)
            }),
        ),
        (
            "rollout_plan::adoption (after a rollout edit)",
            time(15, || rollout_plan::adoption(&plan)),
        ),
        (
            "rollout_plan::ObjectiveOwners::new (after a change of layout, in the rollout view)",
            time(15, || rollout_plan::ObjectiveOwners::new(&plan)),
        ),
        (
            "merge::preview (a file with 10 changes)",
            time(5, || merge::preview(&plan, &file)),
        ),
        (
            "merge::Comparing::start (the preview's first task: all but objectives)",
            time(5, || merge::Comparing::start(&plan, &file)),
        ),
        (
            "merge::Comparing, 500 objectives a slice (the preview as the page makes it)",
            time(5, || {
                let mut comparing = merge::Comparing::start(&plan, &file);
                while !comparing.advance(&plan, &file, 500) {}
                comparing.finish()
            }),
        ),
        (
            "merge::apply (those 10)",
            time(5, || merge::apply(&plan, &file, &changes, &accepted)),
        ),
        ("a check-in: ops::add_check_in and Editor::apply", {
            // A key result of the objective scored above, deepest in the tree.
            let objective = plan.objective(&checked_in[0]).expect("the objective");
            let key_result = objective
                .key_results
                .first()
                .expect("a key result")
                .id
                .clone();
            let mut editor = Editor::new(plan.clone());
            let mut n = 0u64;
            time(15, || {
                n += 1;
                let check_in = CheckIn {
                    id: Id::mint("c", n),
                    date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"),
                    value: 1.0,
                    confidence: None,
                    comment: String::new(),
                };
                let command = ops::add_check_in(editor.plan(), &key_result, check_in);
                editor
                    .apply(command.expect("a valid check-in"))
                    .expect("the check-in applies")
            })
        }),
        (
            "scoring::rollover (every objective of the cycle carried)",
            time(5, || {
                let mut n = 0u64;
                let mut mint = |prefix: &str| {
                    n += 1;
                    Id::mint(prefix, n)
                };
                rollover(&plan, &cycle, next.clone(), &picks, &mut mint).expect("rolled over")
            }),
        ),
    ];
    println!("| pass | ms |\n|---|---:|");
    for (name, ms) in rows {
        println!("| {name} | {ms:.3} |");
    }
}
