//! The org-unit hierarchy as an index over the flat unit list.

use super::{Id, Plan};
use rustc_hash::FxHashMap;

/// Children of each unit, in list order. Built in one pass; units whose parent
/// is missing count as roots so that nothing ever disappears from view.
#[derive(Clone)]
pub struct UnitTree {
    pub roots: Vec<usize>,
    children: Vec<Vec<usize>>,
}

impl UnitTree {
    pub fn new(plan: &Plan) -> Self {
        let index: FxHashMap<&Id, usize> = plan.unit_positions();
        let mut roots = Vec::new();
        let mut children = vec![Vec::new(); plan.units.len()];
        for (i, unit) in plan.units.iter().enumerate() {
            match unit.parent.as_ref().and_then(|p| index.get(p)) {
                Some(&parent) if parent != i => children[parent].push(i),
                _ => roots.push(i),
            }
        }
        UnitTree { roots, children }
    }

    pub fn children(&self, unit: usize) -> &[usize] {
        &self.children[unit]
    }

    /// Every unit reachable from a root, children before their parents (a
    /// breadth-first order reversed), for sums that roll up the tree.
    pub fn bottom_up(&self) -> Vec<usize> {
        let mut order = self.roots.clone();
        let mut next = 0;
        while next < order.len() {
            order.extend_from_slice(self.children(order[next]));
            next += 1;
        }
        order.reverse();
        order
    }
}

/// What separates the names in a unit's path.
const PATH_SEPARATOR: &str = " › ";

/// Each unit's place in the hierarchy ("Company › Engineering › Platform"), in
/// unit order, computed in one walk. A unit caught in a parent loop (bad data)
/// shows just its name.
pub fn unit_paths(plan: &Plan) -> Vec<String> {
    let tree = UnitTree::new(plan);
    let mut paths: Vec<String> = plan.units.iter().map(|u| u.name.clone()).collect();
    let mut stack = tree.roots.clone();
    while let Some(unit) = stack.pop() {
        for &child in tree.children(unit) {
            // Pushed, not formatted: a move redraws every path, 2,000 of them in a large plan.
            let (parent, name) = (&paths[unit], &plan.units[child].name);
            let mut path = String::with_capacity(parent.len() + PATH_SEPARATOR.len() + name.len());
            path.push_str(parent);
            path.push_str(PATH_SEPARATOR);
            path.push_str(name);
            paths[child] = path;
            stack.push(child);
        }
    }
    paths
}

/// The unit a typed text names, given each unit's path: its full path, or a
/// name only one unit has (case does not matter).
pub fn find_unit<'a>(paths: &'a [(Id, String)], text: &str) -> Option<&'a Id> {
    let wanted = text.trim().to_lowercase();
    if let Some((id, _)) = paths.iter().find(|(_, p)| p.to_lowercase() == wanted) {
        return Some(id);
    }
    let mut by_name = paths.iter().filter(|(_, path)| {
        path.rsplit(PATH_SEPARATOR)
            .next()
            .is_some_and(|name| name.to_lowercase() == wanted)
    });
    match (by_name.next(), by_name.next()) {
        (Some((id, _)), None) => Some(id),
        _ => None,
    }
}
