//! Merging a file into the open plan: a preview of what differs, item by
//! item, and the merged plan for the items the user accepts.
//!
//! Who edited what is told from `synced`: each side remembers the
//! fingerprint of every item as last exchanged through a file. An item that
//! differs from that base on both sides is a conflict.

mod preview;

pub use preview::{preview, Change, ChangeKind, Comparing, Preview};

use super::items::{
    each_item_but_objectives, ids_of, key, participation_id, ItemKind, Part, StampRule, Stamper,
};
use crate::model::{validate, Objective, ObjectiveIndex, Plan};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

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
