//! The org-unit hierarchy as an index over the flat unit list.

use super::{Id, Plan};
use rustc_hash::FxHashMap;

/// Children of each unit, in list order, and where each unit id is. Built
/// in one pass; units whose parent is missing count as roots so that
/// nothing ever disappears from view.
#[derive(Clone)]
pub struct UnitTree {
    pub roots: Vec<usize>,
    children: Vec<Vec<usize>>,
    position: FxHashMap<Id, usize>,
}

impl UnitTree {
    pub fn new(plan: &Plan) -> Self {
        let position = plan.unit_positions_owned();
        let mut roots = Vec::new();
        let mut children = vec![Vec::new(); plan.units.len()];
        for (i, unit) in plan.units.iter().enumerate() {
            match unit.parent.as_ref().and_then(|p| position.get(p)) {
                Some(&parent) if parent != i => children[parent].push(i),
                _ => roots.push(i),
            }
        }
        UnitTree {
            roots,
            children,
            position,
        }
    }

    /// The unit's place in `plan.units`.
    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.position.get(id).copied()
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
/// unit order, computed in one walk down `tree` (the plan's). A unit caught
/// in a parent loop (bad data) shows just its name.
pub fn unit_paths(plan: &Plan, tree: &UnitTree) -> Vec<String> {
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

/// One unit's path, walking up from it to its root: the same as its entry in
/// [`unit_paths`], in time proportional to its depth. `position` finds a
/// unit's place in `plan.units` by id.
pub fn unit_path(plan: &Plan, unit: usize, position: impl Fn(&Id) -> Option<usize>) -> String {
    let units = &plan.units;
    let mut names = vec![units[unit].name.as_str()];
    let mut at = unit;
    while let Some(parent) = units[at].parent.as_ref().and_then(&position) {
        if parent == at {
            break;
        }
        if names.len() > units.len() {
            // Caught in a parent loop, as unit_paths shows it.
            return units[unit].name.clone();
        }
        names.push(&units[parent].name);
        at = parent;
    }
    names.reverse();
    names.join(PATH_SEPARATOR)
}

/// The unit a typed text names: its full path, or a name only one unit has
/// (case does not matter). The path is followed down from the roots, so
/// finding a unit costs its depth times the siblings on the way, not a path
/// for every unit.
pub fn find_unit<'p>(plan: &'p Plan, tree: &UnitTree, text: &str) -> Option<&'p Id> {
    let wanted: String = text.trim().chars().flat_map(char::to_lowercase).collect();
    let name_of = |u: usize| plan.units[u].name.as_str();
    // (unit, what is left of the text from the unit's name on)
    let mut open: Vec<(usize, &str)> = tree.roots.iter().map(|&r| (r, wanted.as_str())).collect();
    // Two units with one path: the first in the list, as everywhere.
    let mut found: Option<usize> = None;
    while let Some((unit, rest)) = open.pop() {
        match without_name(rest, name_of(unit)) {
            Some("") => found = Some(found.map_or(unit, |f| f.min(unit))),
            Some(after) => {
                if let Some(below) = after.strip_prefix(PATH_SEPARATOR) {
                    open.extend(tree.children(unit).iter().map(|&c| (c, below)));
                }
            }
            None => {}
        }
    }
    if found.is_none() {
        let mut by_name =
            (0..plan.units.len()).filter(|&u| without_name(&wanted, name_of(u)) == Some(""));
        found = match (by_name.next(), by_name.next()) {
            (Some(u), None) => Some(u),
            _ => None,
        };
    }
    found.map(|u| &plan.units[u].id)
}

/// `text` (in lower case) after a leading `name` in any case, if it starts with it.
fn without_name<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = text.chars();
    for c in name.chars().flat_map(char::to_lowercase) {
        if rest.next()? != c {
            return None;
        }
    }
    Some(rest.as_str())
}
