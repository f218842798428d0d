//! Merging a file into the open plan: a preview of what differs, item by
//! item, and the merged plan for the items the user accepts.
//!
//! Who edited what is told from `synced`: each side remembers the
//! fingerprint of every item as last exchanged through a file. An item that
//! differs from that base on both sides is a conflict.

use super::fingerprint::fingerprint;
use super::items::{
    each_item_but_objectives, ids_of, items, key, participation_id, participation_key, Item,
    ItemKind, Names, Part, StampRule, Stamper,
};
use crate::model::{validate, Id, Objective, ObjectiveIndex, Plan};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

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
    let incoming = attach(local, incoming);
    let mine = items(local);
    let here: FxHashMap<&str, &Item> = mine.iter().map(|i| (i.key.as_str(), i)).collect();
    let theirs = items(&incoming);
    let their_keys: FxHashSet<&str> = theirs.iter().map(|i| i.key.as_str()).collect();
    let (names_here, their_names) = (Names::new(local), Names::new(&incoming));
    let mut preview = Preview::default();
    // Each added item with the items it needs, which may be added too.
    let mut added_needs = Vec::new();

    for item in &theirs {
        let Some(mine) = here.get(item.key.as_str()) else {
            added_needs.push((item.key.clone(), item.part.needs()));
            preview.changes.push(Change {
                kind: ChangeKind::Added,
                item: item.kind,
                key: item.key.clone(),
                name: item.name(&their_names),
                fields: Vec::new(),
            });
            continue;
        };
        // Equal content needs no fingerprints: most items of a file are unchanged.
        let Some((mine_json, their_json)) = mine.part.differing_content(&item.part) else {
            preview.unchanged += 1;
            continue;
        };
        let (fp_mine, fp_theirs) = (fingerprint(&mine_json), fingerprint(&their_json));
        let bases = [local.synced.get(&item.key), incoming.synced.get(&item.key)];
        let edited = |fp: &String| !bases.contains(&Some(fp));
        let kind = match (edited(&fp_mine), edited(&fp_theirs)) {
            (true, false) => {
                preview.newer_here += 1;
                continue;
            }
            (false, true) => ChangeKind::Changed,
            _ => ChangeKind::Conflict,
        };
        preview.changes.push(Change {
            kind,
            item: item.kind,
            key: item.key.clone(),
            name: item.name(&their_names),
            fields: changed_fields(item.kind, &mine_json, &their_json),
        });
    }

    let covered = covered_keys(local, &incoming);
    for item in &mine {
        let in_scope = covered.as_ref().is_none_or(|keys| keys.contains(&item.key));
        if in_scope && !their_keys.contains(item.key.as_str()) {
            preview.changes.push(Change {
                kind: ChangeKind::Missing,
                item: item.kind,
                key: item.key.clone(),
                name: item.name(&names_here),
                fields: Vec::new(),
            });
        }
    }
    let added: FxHashSet<&str> = added_needs.iter().map(|(key, _)| key.as_str()).collect();
    preview.needs = added_needs
        .iter()
        .map(|(key, needs)| {
            let needs = needs.iter().filter(|n| added.contains(n.as_str()));
            (key.clone(), needs.cloned().collect())
        })
        .collect();
    preview
        .changes
        .sort_by_key(|change| (change.kind, change.item));
    preview
}

/// The open plan with the selected changes from the file (and the added
/// items they need), or what would be wrong with it.
pub fn apply(
    local: &Plan,
    incoming: &Plan,
    preview: &Preview,
    selected: &BTreeSet<String>,
) -> Result<Plan, Vec<String>> {
    let mut merging = Merging::start(local, incoming, preview, selected);
    while !merging.advance(incoming, usize::MAX)? {}
    Ok(merging.finish())
}

/// A merge under way, a part per call: the merged plan is checked, then
/// its record of what is now exchanged is worked out a slice of objectives
/// at a time. That record is the fingerprint of every item the same on both
/// sides: most of a large merge's work, which in one go held the page.
pub struct Merging {
    plan: Plan,
    checked: bool,
    /// Where the file's objectives and key results are.
    theirs: ObjectiveIndex,
    stamper: Stamper,
}

impl Merging {
    /// Merges the selected changes; records what is exchanged for every
    /// item but objectives and key results.
    pub fn start(
        local: &Plan,
        incoming: &Plan,
        preview: &Preview,
        selected: &BTreeSet<String>,
    ) -> Self {
        let incoming = attach(local, incoming);
        let plan = merged(local, &incoming, &preview.with_needs(selected));
        let mut their_others = FxHashMap::default();
        each_item_but_objectives(&incoming, &mut |_, key, part| {
            their_others.insert(key, part);
        });
        let stamper = Stamper::new(
            &plan,
            &mut exchanged(&plan.synced, |key, _| their_others.get(key).copied()),
        );
        Merging {
            theirs: ObjectiveIndex::new(&incoming),
            plan,
            checked: false,
            stamper,
        }
    }

    /// Checks the merged plan, or once checked, records up to `count` more
    /// objectives with their key results; returns whether all are, or what
    /// would be wrong with the plan. Every call passes the file `start` had.
    pub fn advance(&mut self, incoming: &Plan, count: usize) -> Result<bool, Vec<String>> {
        if !self.checked {
            let problems = validate(&self.plan);
            if !problems.is_empty() {
                return Err(problems.into_iter().map(|p| p.message).collect());
            }
            self.checked = true;
            return Ok(false);
        }
        let theirs = &self.theirs;
        let their_part = |_: &str, part: Part| match part {
            Part::Objective(o) => theirs.objective_in(incoming, &o.id).map(Part::Objective),
            Part::KeyResult(_, kr) => theirs.key_result(&kr.id).map(|(o, k)| {
                let owner = &incoming.objectives[o];
                Part::KeyResult(owner, &owner.key_results[k])
            }),
            _ => None,
        };
        let plan = &self.plan;
        Ok(self
            .stamper
            .stamp(plan, count, &mut exchanged(&plan.synced, their_part)))
    }

    /// The merged plan, once `advance` has returned true.
    pub fn finish(mut self) -> Plan {
        self.plan.synced = self.stamper.take();
        self.plan
    }
}

/// The rule for what is exchanged after a merge: an item now the same on
/// both sides was exchanged in that version; any other keeps the stamp it
/// had here, if any. (Stamps of items no longer in the plan are dropped.)
fn exchanged<'a, 'p>(
    earlier: &'a BTreeMap<String, String>,
    their_part: impl Fn(&str, Part) -> Option<Part<'p>> + 'a,
) -> impl StampRule + 'a {
    move |key, part| match their_part(key, part) {
        Some(theirs) if theirs.same_content(&part) => Some(part.fingerprint()),
        _ => earlier.get(key).cloned(),
    }
}

/// The open plan with the items in `take` as the file has them.
fn merged(local: &Plan, incoming: &Plan, take: &BTreeSet<String>) -> Plan {
    let mut plan = local.clone();
    if take.contains(&key(ItemKind::Details, "plan")) {
        plan.meta = incoming.meta.clone();
        plan.settings = incoming.settings.clone();
    }
    if take.contains(&key(ItemKind::Programme, "plan")) {
        let (to, from) = (&mut plan.rollout, &incoming.rollout);
        to.strategy = from.strategy;
        to.cadence = from.cadence;
        to.readiness = from.readiness.clone();
        to.events = from.events.clone();
    }
    let taken = |kind| ids_of(kind, take);
    merge_list(
        &mut plan.cycles,
        &incoming.cycles,
        |c| Cow::Borrowed(c.id.as_str()),
        &taken(ItemKind::Cycle),
        |_, from| from.clone(),
    );
    merge_list(
        &mut plan.rollout.phases,
        &incoming.rollout.phases,
        |p| Cow::Borrowed(p.id.as_str()),
        &taken(ItemKind::Phase),
        |_, from| from.clone(),
    );
    merge_list(
        &mut plan.units,
        &incoming.units,
        |u| Cow::Borrowed(u.id.as_str()),
        &taken(ItemKind::Unit),
        |_, from| from.clone(),
    );
    // An objective's own fields come from the file; its key results are merged one by one.
    merge_list(
        &mut plan.objectives,
        &incoming.objectives,
        |o| Cow::Borrowed(o.id.as_str()),
        &taken(ItemKind::Objective),
        |mine, from| Objective {
            key_results: mine
                .map(|o| std::mem::take(&mut o.key_results))
                .unwrap_or_default(),
            ..super::items::objective_fields(from)
        },
    );
    merge_key_results(&mut plan, incoming, &taken(ItemKind::KeyResult));
    merge_list(
        &mut plan.rollout.participation,
        &incoming.rollout.participation,
        |p| Cow::Owned(participation_id(p)),
        &taken(ItemKind::Participation),
        |_, from| from.clone(),
    );
    merge_list(
        &mut plan.rollout.roles,
        &incoming.rollout.roles,
        |r| Cow::Borrowed(r.id.as_str()),
        &taken(ItemKind::Role),
        |_, from| from.clone(),
    );

    for reference in &incoming.references {
        if !plan.references.iter().any(|r| r.id == reference.id) {
            plan.references.push(reference.clone());
        }
    }
    plan.prune_references();
    plan
}

/// Replaces and appends the items of `incoming` whose ids are `taken`, and
/// removes the taken items it does not have. Only taken ids are looked up:
/// a merge usually takes a handful of a large plan's items.
fn merge_list<T: Clone>(
    list: &mut Vec<T>,
    incoming: &[T],
    id_of: impl Fn(&T) -> Cow<'_, str>,
    taken: &FxHashSet<&str>,
    adopt: impl Fn(Option<&mut T>, &T) -> T,
) {
    if taken.is_empty() {
        return;
    }
    let positions: FxHashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, item)| (id_of(item), i))
        .filter(|(id, _)| taken.contains(id.as_ref()))
        .map(|(id, i)| (id.into_owned(), i))
        .collect();
    let mut theirs = FxHashSet::default();
    for item in incoming {
        let id = id_of(item);
        if !taken.contains(id.as_ref()) {
            continue;
        }
        match positions.get(id.as_ref()) {
            Some(&i) => list[i] = adopt(Some(&mut list[i]), item),
            None => list.push(adopt(None, item)),
        }
        theirs.insert(id.into_owned());
    }
    list.retain(|item| {
        let id = id_of(item);
        !taken.contains(id.as_ref()) || theirs.contains(id.as_ref())
    });
}

fn merge_key_results(plan: &mut Plan, incoming: &Plan, taken: &FxHashSet<&str>) {
    if taken.is_empty() {
        return;
    }
    let theirs: FxHashSet<&str> = incoming
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(|k| k.id.as_str()))
        .collect();
    // Removed key results first, then each taken one where the file has it.
    for objective in &mut plan.objectives {
        objective
            .key_results
            .retain(|k| !taken.contains(k.id.as_str()) || theirs.contains(k.id.as_str()));
    }
    // Objectives stay where they are from here on, and each key result is
    // looked up once, by where it was (a scan of the plan per key result was
    // quadratic); its place among its objective's key results may have moved.
    let index = ObjectiveIndex::new(plan);
    for owner in &incoming.objectives {
        for kr in &owner.key_results {
            if !taken.contains(kr.id.as_str()) {
                continue;
            }
            let Some(target) = index.objective(&owner.id) else {
                continue;
            };
            let found = index.key_result(&kr.id).and_then(|(o, _)| {
                let k = plan.objectives[o]
                    .key_results
                    .iter()
                    .position(|k| k.id == kr.id)?;
                Some((o, k))
            });
            match found {
                Some((o, k)) if o == target => plan.objectives[o].key_results[k] = kr.clone(),
                found => {
                    if let Some((o, k)) = found {
                        plan.objectives[o].key_results.remove(k);
                    }
                    plan.objectives[target].key_results.push(kr.clone());
                }
            }
        }
    }
}

/// A partial file's top unit is a root in the file; merged, it goes back
/// under its parent here (or the parent the file names, if this plan has it).
fn attach<'p>(local: &Plan, incoming: &'p Plan) -> Cow<'p, Plan> {
    let Some(scope) = &incoming.scope else {
        return Cow::Borrowed(incoming);
    };
    let parent = match local.unit(&scope.unit) {
        Some(unit) => unit.parent.clone(),
        None => scope.parent.clone().filter(|p| local.unit(p).is_some()),
    };
    let mut attached = incoming.clone();
    if let Some(top) = attached.units.iter_mut().find(|u| u.id == scope.unit) {
        top.parent = parent;
    }
    Cow::Owned(attached)
}

/// The keys of this plan's items that the file speaks for: `None` (all of
/// them) for a whole plan; for a part, the items of that unit's subtree.
fn covered_keys(local: &Plan, incoming: &Plan) -> Option<FxHashSet<String>> {
    let scope = incoming.scope.as_ref()?;
    let units: FxHashSet<&Id> = local
        .subtree(&scope.unit)
        .into_iter()
        .map(|i| &local.units[i].id)
        .collect();
    let mut keys: FxHashSet<String> = units.iter().map(|u| key(ItemKind::Unit, u)).collect();
    for o in local.objectives.iter().filter(|o| units.contains(&o.unit)) {
        keys.insert(key(ItemKind::Objective, &o.id));
        keys.extend(
            o.key_results
                .iter()
                .map(|k| key(ItemKind::KeyResult, &k.id)),
        );
    }
    let rollout = &local.rollout;
    keys.extend(
        rollout
            .participation
            .iter()
            .filter(|p| units.contains(&p.unit))
            .map(participation_key),
    );
    keys.extend(
        rollout
            .roles
            .iter()
            .filter(|r| r.unit.as_ref().is_some_and(|u| units.contains(u)))
            .map(|r| key(ItemKind::Role, &r.id)),
    );
    Some(keys)
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
