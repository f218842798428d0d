//! One unit's part of a plan, as a file of its own: the unit and everything
//! below it, their objectives with key results and check-ins, their rollout
//! entries, and references to the objectives outside that they align to.

use crate::model::{Alignment, Id, Plan, Reference, ReferencedKeyResult, Scope};
use rustc_hash::{FxHashMap, FxHashSet};

/// The part of `plan` under `unit`, or `None` when there is no such unit.
/// The part is a valid plan on its own: its top unit is a root, and links
/// out of it point at its references.
pub fn export_part(plan: &Plan, unit: &Id) -> Option<Plan> {
    let top = plan.unit(unit)?;
    let inside: FxHashSet<&Id> = plan
        .subtree(unit)
        .into_iter()
        .map(|i| &plan.units[i].id)
        .collect();

    let mut part = Plan::new(format!("{} (part of {})", top.name, plan.meta.name));
    part.meta.description = plan.meta.description.clone();
    part.settings = plan.settings.clone();
    part.scope = Some(Scope {
        unit: unit.clone(),
        parent: top.parent.clone(),
    });
    // Cycles and phases are few and shared by everyone: the part takes them all.
    part.cycles = plan.cycles.clone();
    part.rollout.strategy = plan.rollout.strategy;
    part.rollout.cadence = plan.rollout.cadence;
    part.rollout.phases = plan.rollout.phases.clone();
    part.units = plan
        .units
        .iter()
        .filter(|u| inside.contains(&u.id))
        .cloned()
        .collect();
    if let Some(top) = part.units.iter_mut().find(|u| &u.id == unit) {
        top.parent = None;
    }
    part.objectives = plan
        .objectives
        .iter()
        .filter(|o| inside.contains(&o.unit))
        .cloned()
        .collect();
    part.rollout.participation = plan
        .rollout
        .participation
        .iter()
        .filter(|p| inside.contains(&p.unit))
        .cloned()
        .collect();
    part.rollout.roles = plan
        .rollout
        .roles
        .iter()
        .filter(|r| r.unit.as_ref().is_some_and(|u| inside.contains(u)))
        .cloned()
        .collect();
    part.references = references_out_of(plan, &part);
    // Stamps the plan already has travel with the part; the rest are stamped as they leave.
    part.synced = super::items::stamps(&part, &plan.synced);
    Some(part)
}

/// The objectives outside `part` that its objectives align to, described from
/// `plan` (or from `plan`'s own references when it is itself a part).
fn references_out_of(plan: &Plan, part: &Plan) -> Vec<Reference> {
    let in_part: FxHashSet<&Id> = part
        .objectives
        .iter()
        .flat_map(|o| std::iter::once(&o.id).chain(o.key_results.iter().map(|k| &k.id)))
        .collect();
    // Each key result's objective, found once: a part of a large plan has
    // thousands of links (a scan per link took 190 ms at 10,000 objectives).
    let owner_of_key_result: FxHashMap<&Id, &Id> = plan
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |k| (&k.id, &o.id)))
        .collect();
    let mut wanted: Vec<&Id> = Vec::new();
    let mut seen: FxHashSet<&Id> = FxHashSet::default();
    for link in part.objectives.iter().filter_map(|o| o.aligned_to.as_ref()) {
        let target = match link {
            Alignment::Objective(id) => Some(id),
            Alignment::KeyResult(id) => owner_of_key_result.get(id).copied().or_else(|| {
                plan.references
                    .iter()
                    .find(|r| r.key_results.iter().any(|k| &k.id == id))
                    .map(|r| &r.id)
            }),
        };
        if let Some(target) = target.filter(|t| !in_part.contains(t) && seen.insert(t)) {
            wanted.push(target);
        }
    }
    wanted
        .into_iter()
        .filter_map(|id| {
            if let Some(o) = plan.objective(id) {
                Some(Reference {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    unit_name: plan
                        .unit(&o.unit)
                        .map(|u| u.name.clone())
                        .unwrap_or_default(),
                    key_results: o
                        .key_results
                        .iter()
                        .map(|k| ReferencedKeyResult {
                            id: k.id.clone(),
                            title: k.title.clone(),
                        })
                        .collect(),
                })
            } else {
                plan.references.iter().find(|r| &r.id == id).cloned()
            }
        })
        .collect()
}
