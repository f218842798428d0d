//! Fuzz target for plan files: arbitrary bytes and mutated valid files never
//! panic the reader or a merge; whatever is accepted is a valid plan.

mod common;

use common::mutate;
use okrplan::io::json::{read_plan, to_file_text};
use okrplan::io::merge::{apply, preview};
use okrplan::io::part::export_part;
use okrplan::model::{sample_plan, validate};
use proptest::prelude::*;

fn sample_part_text() -> String {
    to_file_text(&export_part(&sample_plan(), &"u-sales".into()).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(plan) = read_plan(&String::from_utf8_lossy(&bytes)) {
            prop_assert!(validate(&plan).is_empty());
        }
    }

    #[test]
    fn mutated_files_are_read_or_refused_and_merge_without_panic(
        at in any::<prop::sample::Index>(),
        len in 0usize..30,
        insert in prop_oneof![Just(String::new()), "[\\[\\]{}\",:0-9a-z-]{1,6}", Just("null".to_owned())],
    ) {
        let text = mutate(&sample_part_text(), at, len, &insert);
        if let Ok(part) = read_plan(&text) {
            prop_assert!(validate(&part).is_empty());
            let local = sample_plan();
            let preview = preview(&local, &part);
            let everything = preview.changes.iter().map(|c| c.key.clone()).collect();
            for choice in [preview.default_selection(), everything] {
                if let Ok(merged) = apply(&local, &part, &preview, &choice) {
                    prop_assert!(validate(&merged).is_empty());
                }
            }
        }
    }
}
