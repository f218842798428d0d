//! Merging any valid file into any valid plan: accepting everything gives
//! the file's items, the default choices are idempotent, nothing panics.

mod common;

use common::valid_plan;
use okrplan::io::items::items;
use okrplan::io::merge::{apply, preview};
use okrplan::model::validate;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn fingerprints(plan: &okrplan::model::Plan) -> BTreeSet<(String, String)> {
    items(plan)
        .into_iter()
        .map(|i| {
            let fingerprint = i.fingerprint();
            (i.key, fingerprint)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_plan_merged_with_itself_shows_nothing(plan in valid_plan()) {
        prop_assert!(preview(&plan, &plan).changes.is_empty());
    }

    #[test]
    fn accepting_every_change_leaves_exactly_the_files_items(local in valid_plan(), file in valid_plan()) {
        let preview = preview(&local, &file);
        let everything: BTreeSet<String> = preview.changes.iter().map(|c| c.key.clone()).collect();
        let merged = apply(&local, &file, &preview, &everything).expect("the file's items are a valid plan");
        prop_assert_eq!(fingerprints(&merged), fingerprints(&file));
        prop_assert!(validate(&merged).is_empty());
    }

    /// Items are compared field by field before their JSON: the two agree.
    #[test]
    fn comparing_items_agrees_with_comparing_their_json(a in valid_plan(), b in valid_plan()) {
        let theirs = items(&b);
        for mine in items(&a) {
            for their in theirs.iter().filter(|i| i.key == mine.key) {
                prop_assert_eq!(mine.same_content(their), mine.content() == their.content());
            }
            prop_assert!(mine.same_content(&mine));
        }
    }

    #[test]
    fn the_default_merge_is_idempotent(local in valid_plan(), file in valid_plan()) {
        let first = preview(&local, &file);
        if let Ok(once) = apply(&local, &file, &first, &first.default_selection()) {
            prop_assert!(validate(&once).is_empty());
            let second = preview(&once, &file);
            let twice = apply(&once, &file, &second, &second.default_selection());
            prop_assert_eq!(twice.as_ref(), Ok(&once));
        }
    }
}
