//! A unit's path found by walking up from it is the one the whole-tree walk
//! gives, for any hierarchy: deep, with missing parents, with parent loops.
//! A unit found by walking down its typed path is the one a search through
//! every unit's path finds.

use okrplan::model::{find_unit, unit_path, unit_paths, Id, Plan, Unit, UnitKind, UnitTree};
use proptest::prelude::*;

/// Units named after their place, each with a parent among them (often one
/// before it, so chains get deep), a missing one, itself, or none.
fn hierarchy() -> impl Strategy<Value = Plan> {
    prop::collection::vec(prop::option::of(0..14usize), 1..12).prop_map(|parents| {
        let mut plan = Plan::new("Paths");
        let count = parents.len();
        for (i, parent) in parents.into_iter().enumerate() {
            let parent = parent.map(|p| match p {
                // Points past the list: a parent that does not exist.
                p if p >= count => Id::from(format!("gone-{p}").as_str()),
                p => Id::from(format!("u{p}").as_str()),
            });
            plan.units.push(Unit {
                id: Id::from(format!("u{i}").as_str()),
                name: format!("Unit {i}"),
                kind: UnitKind::Team,
                parent,
                headcount: None,
            });
        }
        plan
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn walking_up_gives_the_whole_walks_path(plan in hierarchy()) {
        let all = unit_paths(&plan, &UnitTree::new(&plan));
        let position = |id: &Id| plan.unit_index(id);
        for (unit, path) in all.iter().enumerate() {
            prop_assert_eq!(&unit_path(&plan, unit, position), path);
        }
    }
}

/// Units without parent loops (some parents missing), named from a few
/// names (in mixed case, one holding the separator) so that paths and names
/// repeat.
fn named_hierarchy() -> impl Strategy<Value = Plan> {
    let name = prop::sample::select(vec!["Sales", "SALES", "Ops", "A › B", "Émile"]);
    prop::collection::vec((name, prop::option::of(0..14usize)), 1..12).prop_map(|units| {
        let mut plan = Plan::new("Names");
        for (i, (name, parent)) in units.into_iter().enumerate() {
            plan.units.push(Unit {
                id: Id::from(format!("u{i}").as_str()),
                name: name.into(),
                kind: UnitKind::Team,
                // Only units before it, or one that does not exist: no loops.
                parent: parent.map(|p| match p {
                    p if p < i => Id::from(format!("u{p}").as_str()),
                    p => Id::from(format!("gone-{p}").as_str()),
                }),
                headcount: None,
            });
        }
        plan
    })
}

/// Searches every unit's full path, then every unit's name.
fn find_by_listing(plan: &Plan, text: &str) -> Option<usize> {
    let wanted = text.trim().to_lowercase();
    let paths = unit_paths(plan, &UnitTree::new(plan));
    paths
        .iter()
        .position(|p| p.to_lowercase() == wanted)
        .or_else(|| {
            let named: Vec<usize> = (0..plan.units.len())
                .filter(|&u| plan.units[u].name.to_lowercase() == wanted)
                .collect();
            (named.len() == 1).then(|| named[0])
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn walking_down_finds_what_listing_every_path_finds(
        plan in named_hierarchy(),
        unit in any::<prop::sample::Index>(),
        kind in 0..3u8,
        names in prop::collection::vec(prop::sample::select(vec!["Sales", "ops", "A › B", "Nowhere"]), 1..4),
        upper in any::<bool>(),
    ) {
        let unit = unit.index(plan.units.len());
        let text = match kind {
            0 => plan.units[unit].name.clone(),
            1 => unit_paths(&plan, &UnitTree::new(&plan))[unit].clone(),
            // Names put together: a path that may or may not be a unit's.
            _ => names.join(" › "),
        };
        let text = if upper { format!("  {}", text.to_uppercase()) } else { text };
        let found = find_unit(&plan, &UnitTree::new(&plan), &text);
        prop_assert_eq!(found.and_then(|id| plan.unit_index(id)), find_by_listing(&plan, &text));
    }
}

#[test]
fn a_unit_below_a_parent_loop_shows_only_its_name() {
    let mut plan = Plan::new("Loop");
    for (id, parent) in [("a", "b"), ("b", "a"), ("c", "a")] {
        plan.units.push(Unit {
            id: id.into(),
            name: id.to_uppercase(),
            kind: UnitKind::Team,
            parent: Some(parent.into()),
            headcount: None,
        });
    }
    let position = |id: &Id| plan.unit_index(id);
    assert_eq!(unit_path(&plan, 2, position), "C");
    assert_eq!(unit_paths(&plan, &UnitTree::new(&plan))[2], "C");
}
