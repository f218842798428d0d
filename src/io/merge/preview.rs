//! The preview of a merge: what the file adds, changes or conflicts with,
//! and what it lacks of what it speaks for, compared a part at a time.

use super::attach;
use crate::io::fingerprint::fingerprint;
use crate::io::items::{
    each_item_but_objectives, each_objective_item, Item, ItemKind, Names, Part,
};
use crate::model::{Id, ObjectiveIndex, Plan};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeKind {
    /// In the file, not in this plan.
    Added,
    /// Edited in the file since the version this plan has.
    Changed,
    /// Edited both here and in the file.
    Conflict,
    /// In this plan, within what the file covers, but not in the file.
    Missing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub item: ItemKind,
    pub key: String,
    pub name: String,
    /// The fields that differ, for changed items and conflicts.
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub changes: Vec<Change>,
    pub unchanged: usize,
    /// Items this plan has edited since the file's version of them: kept as they are.
    pub newer_here: usize,
    /// Added items and the added items each cannot come without (a unit's
    /// objectives need the unit).
    needs: FxHashMap<String, Vec<String>>,
}

impl Preview {
    /// What a user accepts by default: everything added and changed; conflicts
    /// and removals only when asked.
    pub fn default_selection(&self) -> BTreeSet<String> {
        self.changes
            .iter()
            .filter(|c| matches!(c.kind, ChangeKind::Added | ChangeKind::Changed))
            .map(|c| c.key.clone())
            .collect()
    }

    /// The selection plus every added item a selected one needs.
    pub fn with_needs(&self, selected: &BTreeSet<String>) -> BTreeSet<String> {
        let mut all = selected.clone();
        let mut queue: Vec<String> = selected.iter().cloned().collect();
        while let Some(key) = queue.pop() {
            for need in self.needs.get(&key).into_iter().flatten() {
                if all.insert(need.clone()) {
                    queue.push(need.clone());
                }
            }
        }
        all
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// Compares the file with the open plan.
pub fn preview(local: &Plan, incoming: &Plan) -> Preview {
    let mut comparing = Comparing::start(local, incoming);
    while !comparing.advance(local, incoming, usize::MAX) {}
    comparing.finish()
}

/// A comparison under way, a part per call, so that a large file does not
/// hold the page: every item but objectives and key results at the start,
/// then a slice of the file's objectives with their key results per call,
/// then a slice of this plan's, for those the file lacks. Every call passes
/// the plans `start` had.
pub struct Comparing {
    /// A part's file as it attaches here (see `attach`); `None`: as it is.
    attached: Option<Plan>,
    /// This plan's objectives and key results: built with the first slice.
    mine: Option<Mine>,
    /// The units whose items a part's file speaks for; `None`: all of them.
    covered: Option<FxHashSet<Id>>,
    /// How many of the file's objectives, then of this plan's, are done.
    compared: usize,
    looked_through: usize,
    findings: Findings,
}

/// Where this plan's objectives and key results are, and which of them the
/// file has, by position: no copy of their ids is kept.
struct Mine {
    index: ObjectiveIndex,
    objectives_in_file: Vec<bool>,
    /// In plan order; an objective's start at `first_key_result[its position]`.
    key_results_in_file: Vec<bool>,
    first_key_result: Vec<usize>,
}

impl Mine {
    fn new(local: &Plan) -> Self {
        let mut first_key_result = Vec::with_capacity(local.objectives.len() + 1);
        let mut key_results = 0;
        for objective in &local.objectives {
            first_key_result.push(key_results);
            key_results += objective.key_results.len();
        }
        first_key_result.push(key_results);
        Mine {
            index: ObjectiveIndex::new(local),
            objectives_in_file: vec![false; local.objectives.len()],
            key_results_in_file: vec![false; key_results],
            first_key_result,
        }
    }

    /// This plan's part with the key of the file's `part`, noted as in the file.
    fn counterpart<'p>(&mut self, local: &'p Plan, part: Part) -> Option<Part<'p>> {
        match part {
            Part::Objective(o) => {
                let at = self.index.objective(&o.id)?;
                self.objectives_in_file[at] = true;
                Some(Part::Objective(&local.objectives[at]))
            }
            Part::KeyResult(_, kr) => {
                let (at, k) = self.index.key_result(&kr.id)?;
                self.key_results_in_file[self.first_key_result[at] + k] = true;
                let owner = &local.objectives[at];
                Some(Part::KeyResult(owner, &owner.key_results[k]))
            }
            _ => None,
        }
    }
}

impl Comparing {
    pub fn start(local: &Plan, incoming: &Plan) -> Self {
        let attached = match attach(local, incoming) {
            Cow::Owned(plan) => Some(plan),
            Cow::Borrowed(_) => None,
        };
        let theirs = attached.as_ref().unwrap_or(incoming);
        let covered = covered_units(local, theirs);
        let mut findings = Findings::default();
        let mut mine = Vec::new();
        each_item_but_objectives(local, &mut |kind, key, part| {
            mine.push(Item { kind, key, part });
        });
        let here: FxHashMap<&str, Part> = mine.iter().map(|i| (i.key.as_str(), i.part)).collect();
        let their_names = Names::new(theirs);
        let mut their_keys = FxHashSet::default();
        each_item_but_objectives(theirs, &mut |kind, key, part| {
            let item = Item { kind, key, part };
            let counterpart = here.get(item.key.as_str()).copied();
            findings.compare(local, theirs, &item, counterpart, &their_names);
            their_keys.insert(item.key);
        });
        let names_here = Names::new(local);
        for item in &mine {
            if !their_keys.contains(&item.key) && covers(covered.as_ref(), item.part) {
                findings.missing(item, &names_here);
            }
        }
        Comparing {
            attached,
            mine: None,
            covered,
            compared: 0,
            looked_through: 0,
            findings,
        }
    }

    /// Compares up to `count` more of the file's objectives with their key
    /// results or, once all are, looks through up to `count` more of this
    /// plan's for those the file lacks; returns whether all are done.
    pub fn advance(&mut self, local: &Plan, incoming: &Plan, count: usize) -> bool {
        let theirs = self.attached.as_ref().unwrap_or(incoming);
        let mine = self.mine.get_or_insert_with(|| Mine::new(local));
        if self.compared < theirs.objectives.len() {
            let end = slice_end(self.compared, count, theirs.objectives.len());
            let their_names = Names::new(theirs);
            each_objective_item(theirs, self.compared..end, &mut |kind, key, part| {
                let here = mine.counterpart(local, part);
                let item = Item { kind, key, part };
                self.findings
                    .compare(local, theirs, &item, here, &their_names);
            });
            self.compared = end;
            return false;
        }
        let end = slice_end(self.looked_through, count, local.objectives.len());
        let names_here = Names::new(local);
        for at in self.looked_through..end {
            let objective = &local.objectives[at];
            if !covers(self.covered.as_ref(), Part::Objective(objective)) {
                continue;
            }
            if !mine.objectives_in_file[at] {
                self.findings
                    .missing(&Item::objective(objective), &names_here);
            }
            let in_file = &mine.key_results_in_file[mine.first_key_result[at]..];
            for (key_result, in_file) in objective.key_results.iter().zip(in_file) {
                if !in_file {
                    let item = Item::key_result(objective, key_result);
                    self.findings.missing(&item, &names_here);
                }
            }
        }
        self.looked_through = end;
        end == local.objectives.len()
    }

    /// Objectives gone through, of how many.
    pub fn progress(&self, local: &Plan, incoming: &Plan) -> (usize, usize) {
        let theirs = self.attached.as_ref().unwrap_or(incoming);
        let of = theirs.objectives.len() + local.objectives.len();
        (self.compared + self.looked_through, of)
    }

    /// The preview, once `advance` has returned true.
    pub fn finish(self) -> Preview {
        self.findings.finish()
    }
}

fn slice_end(done: usize, count: usize, len: usize) -> usize {
    len.min(done.saturating_add(count))
}

/// What the comparison has found so far.
#[derive(Default)]
struct Findings {
    preview: Preview,
    /// Each added item with the items it needs, which may be added too.
    added_needs: Vec<(String, Vec<String>)>,
}

impl Findings {
    /// The file's `item` against this plan's part of the same key, if any.
    fn compare(
        &mut self,
        local: &Plan,
        theirs: &Plan,
        item: &Item,
        mine: Option<Part>,
        their_names: &Names,
    ) {
        let Some(mine) = mine else {
            self.added_needs.push((item.key.clone(), item.part.needs()));
            self.push(ChangeKind::Added, item, their_names, Vec::new());
            return;
        };
        // Equal content needs no fingerprints: most items of a file are unchanged.
        let Some((mine_json, their_json)) = mine.differing_content(&item.part) else {
            self.preview.unchanged += 1;
            return;
        };
        let (fp_mine, fp_theirs) = (fingerprint(&mine_json), fingerprint(&their_json));
        let bases = [local.synced.get(&item.key), theirs.synced.get(&item.key)];
        let edited = |fp: &String| !bases.contains(&Some(fp));
        let kind = match (edited(&fp_mine), edited(&fp_theirs)) {
            (true, false) => {
                self.preview.newer_here += 1;
                return;
            }
            (false, true) => ChangeKind::Changed,
            _ => ChangeKind::Conflict,
        };
        let fields = changed_fields(item.kind, &mine_json, &their_json);
        self.push(kind, item, their_names, fields);
    }

    /// This plan's `item`, which the file lacks.
    fn missing(&mut self, item: &Item, names_here: &Names) {
        self.push(ChangeKind::Missing, item, names_here, Vec::new());
    }

    fn push(&mut self, kind: ChangeKind, item: &Item, names: &Names, fields: Vec<String>) {
        self.preview.changes.push(Change {
            kind,
            item: item.kind,
            key: item.key.clone(),
            name: item.name(names),
            fields,
        });
    }

    fn finish(mut self) -> Preview {
        let added: FxHashSet<&str> = self
            .added_needs
            .iter()
            .map(|(key, _)| key.as_str())
            .collect();
        self.preview.needs = self
            .added_needs
            .iter()
            .map(|(key, needs)| {
                let needs = needs.iter().filter(|n| added.contains(n.as_str()));
                (key.clone(), needs.cloned().collect())
            })
            .collect();
        self.preview
            .changes
            .sort_by_key(|change| (change.kind, change.item));
        self.preview
    }
}

/// The units whose items a part's file speaks for: its top unit's subtree
/// here. `None` for a whole plan, which speaks for all of them.
fn covered_units(local: &Plan, incoming: &Plan) -> Option<FxHashSet<Id>> {
    let scope = incoming.scope.as_ref()?;
    let subtree = local.subtree(&scope.unit).into_iter();
    Some(subtree.map(|i| local.units[i].id.clone()).collect())
}

/// Whether the file speaks for this plan's `part`, so that lacking it is a
/// change: a part's file speaks for its units' objectives, key results,
/// participation and roles, not for the plan-wide items.
fn covers(covered: Option<&FxHashSet<Id>>, part: Part) -> bool {
    let Some(units) = covered else {
        return true;
    };
    match part {
        Part::Unit(u) => units.contains(&u.id),
        Part::Objective(o) | Part::KeyResult(o, _) => units.contains(&o.unit),
        Part::Participation(p) => units.contains(&p.unit),
        Part::Role(r) => r.unit.as_ref().is_some_and(|u| units.contains(u)),
        Part::Details(..) | Part::Programme(_) | Part::Cycle(_) | Part::Phase(_) => false,
    }
}
/// The names of the fields that differ, in words ("title", "aligned to").
fn changed_fields(
    kind: ItemKind,
    mine: &serde_json::Value,
    theirs: &serde_json::Value,
) -> Vec<String> {
    use serde_json::Value;
    // Some items are tuples of parts; these name the parts that are not objects.
    let part_names: &[&str] = match kind {
        ItemKind::KeyResult => &["objective", ""],
        ItemKind::Programme => &["strategy", "cadence", "readiness", "events"],
        _ => &[],
    };
    let mut fields = Vec::new();
    let mut compare = |a: &Value, b: &Value, part: &str| match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for name in names {
                if a.get(name) != b.get(name) {
                    fields.push(name.replace('_', " "));
                }
            }
        }
        _ if a != b => fields.push(part.to_owned()),
        _ => {}
    };
    match (mine, theirs) {
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (a, b)) in a.iter().zip(b).enumerate() {
                compare(a, b, part_names.get(i).copied().unwrap_or(""));
            }
        }
        _ => compare(mine, theirs, ""),
    }
    fields
}
