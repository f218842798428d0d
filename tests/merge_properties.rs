//! Merging any valid file into any valid plan: accepting everything gives
//! the file's items, the default choices are idempotent, nothing panics.

mod common;

use common::valid_plan;
use okrplan::io::items::{items, stamps};
use okrplan::io::merge::{apply, preview, ChangeKind, Comparing, Merging};
use okrplan::io::part::export_part;
use okrplan::model::{validate, Plan};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn fingerprints(plan: &okrplan::model::Plan) -> BTreeSet<(String, String)> {
    items(plan)
        .into_iter()
        .map(|i| {
            let fingerprint = i.part.fingerprint();
            (i.key, fingerprint)
        })
        .collect()
}

/// What a merge records as exchanged, by definition: each item of the
/// merged plan that the file has with the same content, at its current
/// fingerprint; any other, at the stamp it had here if it had one.
fn exchanged_by_definition(merged: &Plan, local: &Plan, file: &Plan) -> BTreeMap<String, String> {
    let theirs = items(file);
    items(merged)
        .into_iter()
        .filter_map(|mine| {
            let same = theirs
                .iter()
                .any(|their| their.key == mine.key && their.part.content() == mine.part.content());
            let stamp = match same {
                true => Some(mine.part.fingerprint()),
                false => local.synced.get(&mine.key).cloned(),
            };
            stamp.map(|stamp| (mine.key, stamp))
        })
        .collect()
}

/// The plan with every other objective retitled, as a colleague's file.
fn retitled(plan: &Plan) -> Plan {
    let mut file = plan.clone();
    for objective in file.objectives.iter_mut().step_by(2) {
        objective.title.push_str(" (theirs)");
    }
    file
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
                prop_assert_eq!(mine.part.same_content(&their.part), mine.part.content() == their.part.content());
            }
            prop_assert!(mine.part.same_content(&mine.part));
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

    #[test]
    fn a_merge_records_what_is_exchanged_the_same_in_slices_of_any_size(
        local in valid_plan(),
        other in valid_plan(),
        base in valid_plan(),
        slice in 1usize..4,
        everything in any::<bool>(),
    ) {
        // Stamps of another plan: some keys shared, their stamps out of date.
        let local = Plan { synced: stamps(&base, &BTreeMap::new()), ..local };
        for file in [retitled(&local), other.clone()] {
            let preview = preview(&local, &file);
            let chosen = match everything {
                true => preview.changes.iter().map(|c| c.key.clone()).collect(),
                false => preview.default_selection(),
            };
            let Ok(at_once) = apply(&local, &file, &preview, &chosen) else { continue };
            prop_assert_eq!(&at_once.synced, &exchanged_by_definition(&at_once, &local, &file));
            let mut merging = Merging::start(&local, &file, &preview, &chosen);
            prop_assert_eq!(merging.advance(&file, slice), Ok(false), "checked first");
            let mut slices = 1;
            while !merging.advance(&file, slice).expect("checked") {
                slices += 1;
            }
            prop_assert_eq!(slices, at_once.objectives.len().div_ceil(slice).max(1));
            prop_assert_eq!(merging.finish(), at_once);
        }
    }

    /// A comparison in slices, of a whole file or of a unit's part, finds
    /// what one in a single slice does, in as many slices as objectives ask.
    #[test]
    fn a_comparison_in_slices_of_any_size_finds_the_same(
        local in valid_plan(),
        other in valid_plan(),
        slice in 1usize..4,
        unit_pick in any::<prop::sample::Index>(),
    ) {
        let unit = &other.units[unit_pick.index(other.units.len())].id;
        let part = export_part(&other, unit).expect("a unit of the plan");
        for file in [retitled(&local), other.clone(), part] {
            let mut comparing = Comparing::start(&local, &file);
            let mut slices = 1;
            while !comparing.advance(&local, &file, slice) {
                slices += 1;
            }
            let expected = file.objectives.len().div_ceil(slice) + local.objectives.len().div_ceil(slice).max(1);
            prop_assert_eq!(slices, expected);
            let all = file.objectives.len() + local.objectives.len();
            prop_assert_eq!(comparing.progress(&local, &file), (all, all));
            prop_assert_eq!(comparing.finish(), preview(&local, &file));
        }
    }

    /// Whatever one added item refers to comes with it, when added too.
    #[test]
    fn any_one_added_item_brings_what_it_needs(local in valid_plan(), file in valid_plan()) {
        let preview = preview(&local, &file);
        let added = preview.changes.iter().filter(|c| c.kind == ChangeKind::Added);
        for change in added {
            let alone = BTreeSet::from([change.key.clone()]);
            let merged = apply(&local, &file, &preview, &alone);
            prop_assert!(merged.is_ok(), "{}: {:?}", change.key, merged.err());
        }
    }
}
