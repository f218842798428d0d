//! Export then import gives back exactly the same plan; import never panics.

mod common;

use okrplan::io::compact_writer::CompactWriter;
use okrplan::io::file_writer::FileWriter;
use okrplan::io::items::{items, stamps};
use okrplan::io::json::{read_plan, to_compact_text, to_file_text, PRETTY_UP_TO_BYTES};
use okrplan::model::Plan;
use okrplan::model::{sample_plan, validate};
use proptest::prelude::*;

#[test]
fn the_sample_plan_survives_a_round_trip() {
    let plan = sample_plan();
    let text = to_file_text(&plan);
    assert!(text.contains("\"format\": \"okrplan\""));
    assert!(text.contains("\"schema_version\": 2"));
    assert_eq!(read_plan(&text).unwrap(), plan);
}

#[test]
fn a_large_plan_is_written_compact_and_a_small_one_pretty() {
    let small = sample_plan();
    assert!(to_file_text(&small).contains("\n  \"meta\": {"));
    let mut large = sample_plan();
    let each = PRETTY_UP_TO_BYTES / small.objectives.len();
    for objective in &mut large.objectives {
        objective.description = "x".repeat(each);
    }
    let text = to_file_text(&large);
    assert!(text.len() > PRETTY_UP_TO_BYTES);
    assert_eq!(text, to_compact_text(&large));
    assert_eq!(read_plan(&text).unwrap(), large);
}

/// The compact text as autosave writes it, `per_slice` objectives at a time.
fn written_in_slices(plan: &Plan, per_slice: usize) -> String {
    let mut writer = CompactWriter::new(plan);
    while !writer.write(plan, per_slice) {}
    writer.finish()
}

#[test]
fn text_written_in_slices_is_the_compact_text_even_when_names_look_like_json() {
    let mut plan = sample_plan();
    plan.units[0].name = r#""objectives":[]"#.into();
    plan.synced.insert(r#""objectives":[]"#.into(), "[]".into());
    for per_slice in [1, 2, 1000] {
        assert_eq!(written_in_slices(&plan, per_slice), to_compact_text(&plan));
    }
}

/// An exported file as the export writes it, `per_slice` objectives per step.
fn exported_in_slices(plan: &Plan, per_slice: usize) -> String {
    let mut writer = FileWriter::new(plan);
    while !writer.write(plan, per_slice) {}
    writer.finish(plan)
}

/// What an export writes: the plan with a stamp for every item, the one it
/// had or the item's fingerprint, as a file.
fn exported_at_once(plan: &Plan) -> String {
    let mut stamped = plan.clone();
    stamped.synced = stamps(plan, &plan.synced);
    to_file_text(&stamped)
}

#[test]
fn an_export_written_in_slices_is_the_stamped_plans_file_pretty_or_compact() {
    let mut small = sample_plan();
    // Some items exchanged before, at another version; one item gone since.
    for (key, stamp) in [
        ("objective:o-emea", "0123456789abcdef"),
        ("unit:u-eng", "00000000000000e1"),
        ("unit:u-gone", "fedcba9876543210"),
    ] {
        small.synced.insert(key.into(), stamp.into());
    }
    let mut large = small.clone();
    let each = PRETTY_UP_TO_BYTES / small.objectives.len();
    for objective in &mut large.objectives {
        objective.description = "x".repeat(each);
    }
    for plan in [&small, &large] {
        let expected = exported_at_once(plan);
        for per_slice in [1, 7, plan.objectives.len()] {
            assert_eq!(exported_in_slices(plan, per_slice), expected);
        }
        let file = read_plan(&expected).expect("a valid file");
        assert_eq!(file.synced.len(), items(plan).len());
        assert_eq!(file.synced["objective:o-emea"], "0123456789abcdef");
        assert_eq!(file.synced["unit:u-eng"], "00000000000000e1");
        assert!(!file.synced.contains_key("unit:u-gone"));
        let sales = items(plan).into_iter().find(|i| i.key == "unit:u-sales");
        assert_eq!(
            file.synced["unit:u-sales"],
            sales.expect("Sales").part.fingerprint()
        );
    }
    assert!(exported_at_once(&small).contains("\n  \"meta\": {"));
    assert!(!exported_at_once(&large).contains('\n'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn an_export_written_in_slices_is_the_export_written_at_once(plan in common::valid_plan(), per_slice in 1usize..4) {
        prop_assert_eq!(exported_in_slices(&plan, per_slice), exported_at_once(&plan));
    }

    #[test]
    fn text_written_in_slices_is_the_compact_text(plan in common::valid_plan(), per_slice in 1usize..4) {
        prop_assert_eq!(written_in_slices(&plan, per_slice), to_compact_text(&plan));
    }

    #[test]
    fn generated_plans_are_valid(plan in common::valid_plan()) {
        prop_assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn pretty_and_compact_files_round_trip(plan in common::valid_plan()) {
        prop_assert_eq!(&read_plan(&to_file_text(&plan)).unwrap(), &plan);
        prop_assert_eq!(&read_plan(&to_compact_text(&plan)).unwrap(), &plan);
    }

    #[test]
    fn arbitrary_text_is_refused_without_panic(text in ".{0,200}") {
        // Either it is refused with at least one problem, or (by a wild chance) it is a valid plan.
        if let Err(failure) = read_plan(&text) {
            prop_assert!(!failure.problems.is_empty());
        }
    }

    #[test]
    fn truncated_files_are_refused(plan in common::valid_plan(), cut in any::<prop::sample::Index>()) {
        let text = to_file_text(&plan);
        let end = cut.index(text.len());
        if text.is_char_boundary(end) {
            prop_assert!(read_plan(&text[..end]).is_err());
        }
    }
}
