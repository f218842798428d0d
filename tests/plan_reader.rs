//! Reading a file a slice of objectives at a time gives what reading it in
//! one go gives: the same plan, or the same failure.

mod common;

use common::mutate;
use okrplan::io::json::{read_plan, to_compact_text, to_file_text, to_pretty_text, PlanReader};
use okrplan::io::part::export_part;
use okrplan::model::{sample_plan, Plan};
use proptest::prelude::*;

/// Reads `text` with a reader, `slice` objectives at a time, checking that
/// its progress counts up to the file's objectives.
fn read_in_slices(text: &str, slice: usize) -> Result<Plan, okrplan::io::json::ReadFailure> {
    let mut reader = PlanReader::new(text)?;
    let (_, total) = reader.progress();
    let mut expected = 0;
    while !reader.read(slice)? {
        expected += slice;
        assert_eq!(reader.progress(), (expected, total));
    }
    assert_eq!(reader.progress(), (total, total));
    reader.finish()
}

#[test]
fn the_sample_plan_reads_in_slices_of_one() {
    let plan = sample_plan();
    let text = to_file_text(&plan);
    let mut reader = PlanReader::new(&text).unwrap();
    assert_eq!(reader.progress(), (0, plan.objectives.len()));
    assert!(!reader.read(1).unwrap());
    assert_eq!(reader.progress(), (1, plan.objectives.len()));
    assert_eq!(reader.finish().unwrap(), plan);
}

#[test]
fn objectives_anywhere_in_the_file_or_nowhere_read_alike() {
    let plan = sample_plan();
    let text = to_compact_text(&plan);
    // The objectives first, before every other field of the plan.
    let objectives = serde_json::to_string(&plan.objectives).unwrap();
    let rest = to_compact_text(&plan.without_objectives()).replacen(",\"objectives\":[]", "", 1);
    let first = format!("{{\"objectives\":{objectives},{}", &rest[1..]);
    assert_ne!(first, text);
    assert_eq!(read_in_slices(&first, 2).unwrap(), plan);
    // No objectives at all: the field may be left out.
    assert_eq!(rest.find("\"objectives\""), None);
    assert_eq!(read_in_slices(&rest, 2).unwrap(), read_plan(&rest).unwrap());
}

#[test]
fn a_broken_objective_fails_with_its_path() {
    let text =
        to_pretty_text(&sample_plan()).replacen("\"title\": \"", "\"title\": 7, \"x\": \"", 3);
    let failure = read_in_slices(&text, 1).unwrap_err();
    assert_eq!(failure, read_plan(&text).unwrap_err());
    assert_eq!(failure.problems[0].path, "objectives[0].title");
}

#[test]
fn refusals_before_any_objective_is_read_are_read_plans() {
    let plan = sample_plan();
    for text in [
        "not json".to_owned(),
        "[1, 2]".to_owned(),
        "{\"objectives\": null}".to_owned(),
        to_compact_text(&plan).replacen("\"objectives\":[", "\"objectives\":{", 1),
        to_compact_text(&plan).replacen("\"schema_version\":2", "\"schema_version\":9", 1),
        // The objectives twice: the second must not go unread.
        to_compact_text(&plan).replacen("\"objectives\":", "\"objectives\":[],\"objectives\":", 1),
    ] {
        let failure = PlanReader::new(&text)
            .and_then(PlanReader::finish)
            .unwrap_err();
        assert_eq!(failure, read_plan(&text).unwrap_err(), "{text:.80}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_plan_reads_as_in_one_go(plan in common::valid_plan(), slice in 1usize..5, pretty: bool) {
        let text = if pretty { to_pretty_text(&plan) } else { to_compact_text(&plan) };
        prop_assert_eq!(read_in_slices(&text, slice), read_plan(&text));
    }

    #[test]
    fn a_mutated_file_reads_or_fails_as_in_one_go(
        at in any::<prop::sample::Index>(),
        len in 0usize..30,
        insert in prop_oneof![Just(String::new()), "[\\[\\]{}\",:0-9a-z-]{1,6}", Just("null".to_owned())],
        slice in 1usize..4,
    ) {
        let part = export_part(&sample_plan(), &"u-sales".into()).unwrap();
        let text = mutate(&to_file_text(&part), at, len, &insert);
        prop_assert_eq!(read_in_slices(&text, slice), read_plan(&text));
    }
}
