//! A plan seen as a set of separately mergeable items, each with a stable key
//! and a fingerprint of its content.

use super::fingerprint::fingerprint;
use crate::model::{
    Alignment, Cycle, Id, Meta, Objective, Participation, Phase, Plan, RoleAssignment, Rollout,
    Settings, Unit,
};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// Name, description and settings of the plan.
    Details,
    /// Strategy, cadence, readiness checklist and programme events.
    Programme,
    Cycle,
    Phase,
    Unit,
    Objective,
    KeyResult,
    Participation,
    Role,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Details => "Plan details",
            ItemKind::Programme => "Rollout programme",
            ItemKind::Cycle => "Cycle",
            ItemKind::Phase => "Phase",
            ItemKind::Unit => "Unit",
            ItemKind::Objective => "Objective",
            ItemKind::KeyResult => "Key result",
            ItemKind::Participation => "Participation",
            ItemKind::Role => "Role",
        }
    }
}

/// One item: its key ("objective:o-12") and what it is made of in its plan.
pub struct Item<'a> {
    pub kind: ItemKind,
    pub key: String,
    pub part: Part<'a>,
}

impl<'a> Item<'a> {
    pub fn objective(objective: &'a Objective) -> Self {
        Item {
            kind: ItemKind::Objective,
            key: key(ItemKind::Objective, &objective.id),
            part: Part::Objective(objective),
        }
    }

    pub fn key_result(objective: &'a Objective, key_result: &'a crate::model::KeyResult) -> Self {
        Item {
            kind: ItemKind::KeyResult,
            key: key(ItemKind::KeyResult, &key_result.id),
            part: Part::KeyResult(objective, key_result),
        }
    }

    /// What the item is called, for a preview: asked only of the few that
    /// differ, so listing a large plan's items formats no names.
    pub fn name(&self, names: &Names) -> String {
        match self.part {
            Part::Details(meta, _) => meta.name.clone(),
            Part::Programme(r) => r.strategy.label().to_owned(),
            Part::Cycle(c) => c.name.clone(),
            Part::Phase(p) => p.name.clone(),
            Part::Unit(u) => u.name.clone(),
            Part::Objective(o) => format!("{} · {}", o.title, names.unit(&o.unit)),
            Part::KeyResult(o, kr) => format!("{} · {}", kr.title, o.title),
            Part::Participation(p) => {
                format!("{} in {}", names.unit(&p.unit), names.phase(&p.phase))
            }
            Part::Role(r) => r.person.clone(),
        }
    }
}

/// The parts of a plan an item is made of.
#[derive(Clone, Copy)]
pub enum Part<'a> {
    Details(&'a Meta, &'a Settings),
    Programme(&'a Rollout),
    Cycle(&'a Cycle),
    Phase(&'a Phase),
    Unit(&'a Unit),
    /// Its own fields: its key results are items of their own.
    Objective(&'a Objective),
    /// With the objective it belongs to: moving it is a change.
    KeyResult(&'a Objective, &'a crate::model::KeyResult),
    Participation(&'a Participation),
    Role(&'a RoleAssignment),
}

impl Part<'_> {
    pub fn content(&self) -> serde_json::Value {
        self.with_fields(ToValue)
    }

    /// The content's fingerprint, written from the fields without building
    /// the JSON value: a plan's every item is fingerprinted on export.
    pub fn fingerprint(&self) -> String {
        self.with_fields(Fingerprint)
    }

    /// The keys of the items this part refers to: an added item cannot come
    /// without them.
    pub fn needs(&self) -> Vec<String> {
        match *self {
            Part::Unit(u) => u.parent.iter().map(|p| key(ItemKind::Unit, p)).collect(),
            Part::Objective(o) => {
                let aligned_to = o.aligned_to.as_ref().map(|target| match target {
                    Alignment::Objective(id) => key(ItemKind::Objective, id),
                    Alignment::KeyResult(id) => key(ItemKind::KeyResult, id),
                });
                let owners = [key(ItemKind::Unit, &o.unit), key(ItemKind::Cycle, &o.cycle)];
                owners.into_iter().chain(aligned_to).collect()
            }
            Part::KeyResult(objective, _) => vec![key(ItemKind::Objective, &objective.id)],
            Part::Participation(p) => {
                vec![key(ItemKind::Unit, &p.unit), key(ItemKind::Phase, &p.phase)]
            }
            Part::Role(r) => r.unit.iter().map(|u| key(ItemKind::Unit, u)).collect(),
            Part::Details(..) | Part::Programme(_) | Part::Cycle(_) | Part::Phase(_) => Vec::new(),
        }
    }

    /// Whether two parts have the same content. Most items of a file are
    /// unchanged: equal fields tell so without building their JSON.
    pub fn same_content(&self, other: &Part) -> bool {
        self.differing_content(other).is_none()
    }

    /// Both parts' content as JSON if it differs, built once for the
    /// comparison, the fingerprints and the fields that differ.
    pub fn differing_content(
        &self,
        other: &Part,
    ) -> Option<(serde_json::Value, serde_json::Value)> {
        if self.same_fields(other) {
            return None;
        }
        let (mine, theirs) = (self.content(), other.content());
        (mine != theirs).then_some((mine, theirs))
    }

    /// Hands the fields that make up the content to `with`.
    fn with_fields<W: WithFields>(&self, with: W) -> W::Output {
        match *self {
            Part::Details(meta, settings) => with.fields(&(meta, settings)),
            Part::Programme(r) => with.fields(&(&r.strategy, &r.cadence, &r.readiness, &r.events)),
            Part::Cycle(c) => with.fields(c),
            Part::Phase(p) => with.fields(p),
            Part::Unit(u) => with.fields(u),
            Part::Objective(o) => with.fields(&objective_fields(o)),
            Part::KeyResult(objective, kr) => with.fields(&(&objective.id, kr)),
            Part::Participation(p) => with.fields(p),
            Part::Role(r) => with.fields(r),
        }
    }

    /// Whether the fields that make up the content are equal, which makes
    /// their JSON equal. (Not the reverse: unequal fields could still write
    /// the same JSON, which [`Item::same_content`] then compares.)
    fn same_fields(&self, other: &Part) -> bool {
        match (*self, *other) {
            (Part::Details(m, s), Part::Details(m2, s2)) => m == m2 && s == s2,
            (Part::Programme(a), Part::Programme(b)) => {
                (a.strategy, a.cadence) == (b.strategy, b.cadence)
                    && a.readiness == b.readiness
                    && a.events == b.events
            }
            (Part::Cycle(a), Part::Cycle(b)) => a == b,
            (Part::Phase(a), Part::Phase(b)) => a == b,
            (Part::Unit(a), Part::Unit(b)) => a == b,
            (Part::Objective(a), Part::Objective(b)) => same_objective_fields(a, b),
            (Part::KeyResult(o, a), Part::KeyResult(o2, b)) => o.id == o2.id && a == b,
            (Part::Participation(a), Part::Participation(b)) => a == b,
            (Part::Role(a), Part::Role(b)) => a == b,
            _ => false,
        }
    }
}

/// Whether two objectives' own fields are equal, key results aside. Every
/// field is named, so a new one cannot be left out.
fn same_objective_fields(a: &Objective, b: &Objective) -> bool {
    let Objective {
        id,
        title,
        description,
        unit,
        cycle,
        commitment,
        aligned_to,
        key_results: _,
        review,
    } = a;
    (id, title, description, unit, cycle) == (&b.id, &b.title, &b.description, &b.unit, &b.cycle)
        && (commitment, aligned_to, review) == (&b.commitment, &b.aligned_to, &b.review)
}

pub fn key(kind: ItemKind, id: impl AsRef<str>) -> String {
    // Not `format!`: a large plan's preview and export build 100,000 keys,
    // and in wasm formatting took a sixth of the preview.
    [prefix(kind), ":", id.as_ref()].concat()
}

/// The ids of the items of one kind among `keys`.
pub fn ids_of(kind: ItemKind, keys: &BTreeSet<String>) -> FxHashSet<&str> {
    let prefix = prefix(kind);
    keys.iter()
        .filter_map(|key| key.strip_prefix(prefix)?.strip_prefix(':'))
        .collect()
}

/// What an item's key starts with, before the colon.
fn prefix(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Details => "details",
        ItemKind::Programme => "programme",
        ItemKind::Cycle => "cycle",
        ItemKind::Phase => "phase",
        ItemKind::Unit => "unit",
        ItemKind::Objective => "objective",
        ItemKind::KeyResult => "key_result",
        ItemKind::Participation => "participation",
        ItemKind::Role => "role",
    }
}

/// A participation has no id of its own: it is one unit in one phase.
pub fn participation_id(p: &Participation) -> String {
    [p.unit.as_str(), "@", p.phase.as_str()].concat()
}

pub fn participation_key(p: &Participation) -> String {
    key(ItemKind::Participation, participation_id(p))
}

/// An objective's own fields, without its key results (which a clone of
/// the whole objective would copy only to drop).
pub fn objective_fields(objective: &Objective) -> Objective {
    let Objective {
        id,
        title,
        description,
        unit,
        cycle,
        commitment,
        aligned_to,
        key_results: _,
        review,
    } = objective;
    Objective {
        id: id.clone(),
        title: title.clone(),
        description: description.clone(),
        unit: unit.clone(),
        cycle: cycle.clone(),
        commitment: *commitment,
        aligned_to: aligned_to.clone(),
        key_results: Vec::new(),
        review: review.clone(),
    }
}

/// Every item of the plan. The plan-wide details and programme are items only
/// of a whole plan: a partial file does not speak for them.
pub fn items(plan: &Plan) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    each_item(plan, &mut |kind, key, part| {
        items.push(Item { kind, key, part })
    });
    items
}

/// The names of a plan's units and phases, which items' names include:
/// looked up on the first name asked, as most comparisons name nothing.
pub struct Names<'p> {
    plan: &'p Plan,
    found: OnceCell<NameMaps<'p>>,
}

/// Units' and phases' names by id.
struct NameMaps<'p> {
    units: FxHashMap<&'p str, &'p str>,
    phases: FxHashMap<&'p str, &'p str>,
}

impl<'p> Names<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        Names {
            plan,
            found: OnceCell::new(),
        }
    }

    fn maps(&self) -> &NameMaps<'p> {
        self.found.get_or_init(|| {
            let named = |id: &'p Id, name: &'p String| (id.as_str(), name.as_str());
            let plan = self.plan;
            NameMaps {
                units: plan.units.iter().map(|u| named(&u.id, &u.name)).collect(),
                phases: plan
                    .rollout
                    .phases
                    .iter()
                    .map(|p| named(&p.id, &p.name))
                    .collect(),
            }
        })
    }

    fn unit(&self, id: &Id) -> &str {
        self.maps().units.get(id.as_str()).copied().unwrap_or("?")
    }

    fn phase(&self, id: &Id) -> &str {
        self.maps().phases.get(id.as_str()).copied().unwrap_or("?")
    }
}

/// What `each_item` hands over: an item's kind, key and part.
type Visit<'a, 'p> = dyn FnMut(ItemKind, String, Part<'p>) + 'a;

/// What is made of a part's fields: its JSON value, or its fingerprint.
trait WithFields {
    type Output;
    fn fields(self, fields: &impl Serialize) -> Self::Output;
}

struct ToValue;

impl WithFields for ToValue {
    type Output = serde_json::Value;
    fn fields(self, fields: &impl Serialize) -> serde_json::Value {
        // Serialising plain data to a JSON value cannot fail.
        serde_json::to_value(fields).unwrap_or_default()
    }
}

struct Fingerprint;

impl WithFields for Fingerprint {
    type Output = String;
    fn fields(self, fields: &impl Serialize) -> String {
        fingerprint(fields)
    }
}

/// Visits every item of the plan, in the order `items` lists them.
fn each_item<'p>(plan: &'p Plan, visit: &mut Visit<'_, 'p>) {
    each_item_but_objectives(plan, visit);
    each_objective_item(plan, 0..plan.objectives.len(), visit);
}

/// Visits the plan's items but its objectives and their key results.
pub(super) fn each_item_but_objectives<'p>(plan: &'p Plan, visit: &mut Visit<'_, 'p>) {
    if plan.scope.is_none() {
        let details = Part::Details(&plan.meta, &plan.settings);
        visit(ItemKind::Details, key(ItemKind::Details, "plan"), details);
        let programme = Part::Programme(&plan.rollout);
        visit(
            ItemKind::Programme,
            key(ItemKind::Programme, "plan"),
            programme,
        );
    }
    for c in &plan.cycles {
        visit(ItemKind::Cycle, key(ItemKind::Cycle, &c.id), Part::Cycle(c));
    }
    for p in &plan.rollout.phases {
        visit(ItemKind::Phase, key(ItemKind::Phase, &p.id), Part::Phase(p));
    }
    for u in &plan.units {
        visit(ItemKind::Unit, key(ItemKind::Unit, &u.id), Part::Unit(u));
    }
    for p in &plan.rollout.participation {
        visit(
            ItemKind::Participation,
            participation_key(p),
            Part::Participation(p),
        );
    }
    for r in &plan.rollout.roles {
        visit(ItemKind::Role, key(ItemKind::Role, &r.id), Part::Role(r));
    }
}

/// Visits the objectives at `positions` and their key results.
pub(super) fn each_objective_item<'p>(
    plan: &'p Plan,
    positions: Range<usize>,
    visit: &mut Visit<'_, 'p>,
) {
    for o in &plan.objectives[positions] {
        let Item { kind, key, part } = Item::objective(o);
        visit(kind, key, part);
        for kr in &o.key_results {
            let Item { kind, key, part } = Item::key_result(o, kr);
            visit(kind, key, part);
        }
    }
}

/// Records every item's current fingerprint as the version last exchanged:
/// done when a whole plan arrives from a file, so later merges know the base.
pub fn mark_synced(plan: &mut Plan) {
    plan.synced = stamps(plan, &BTreeMap::new());
}

/// A stamp for every item of `plan`: the one in `earlier` if there is one,
/// else the item's current fingerprint. Stamps of items not in `plan` are dropped.
pub fn stamps(plan: &Plan, earlier: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut rule = kept_or_current(earlier);
    let mut stamper = Stamper::new(plan, &mut rule);
    stamper.stamp(plan, plan.objectives.len(), &mut rule);
    stamper.take()
}

/// An item's stamp from its key and part, or none.
pub trait StampRule: FnMut(&str, Part) -> Option<String> {}
impl<F: FnMut(&str, Part) -> Option<String>> StampRule for F {}

/// The export's rule: the stamp in `earlier`, else the current fingerprint.
pub fn kept_or_current(earlier: &BTreeMap<String, String>) -> impl StampRule + '_ {
    |key, part| {
        Some(
            earlier
                .get(key)
                .cloned()
                .unwrap_or_else(|| part.fingerprint()),
        )
    }
}

/// A plan's stamps worked out a slice of objectives at a time, for work
/// that leaves the page responsive: every call passes the same plan and the
/// same rule, unchanged.
pub struct Stamper {
    stamps: BTreeMap<String, String>,
    /// Objectives stamped, with their key results.
    objectives: usize,
}

impl Stamper {
    /// Starts with every item but the objectives and their key results.
    pub fn new(plan: &Plan, rule: &mut impl StampRule) -> Self {
        let mut stamper = Stamper {
            stamps: BTreeMap::new(),
            objectives: 0,
        };
        each_item_but_objectives(plan, &mut |_, key, part| stamper.add(key, part, rule));
        stamper
    }

    /// Stamps up to `count` more objectives and their key results; returns
    /// whether all are.
    pub fn stamp(&mut self, plan: &Plan, count: usize, rule: &mut impl StampRule) -> bool {
        let end = plan
            .objectives
            .len()
            .min(self.objectives.saturating_add(count));
        let start = self.objectives.min(end);
        each_objective_item(plan, start..end, &mut |_, key, part| {
            self.add(key, part, rule)
        });
        self.objectives = end;
        end == plan.objectives.len()
    }

    /// The stamps, once `stamp` has returned true.
    pub fn take(&mut self) -> BTreeMap<String, String> {
        std::mem::take(&mut self.stamps)
    }

    fn add(&mut self, key: String, part: Part, rule: &mut impl StampRule) {
        if let Some(stamp) = rule(&key, part) {
            self.stamps.insert(key, stamp);
        }
    }
}
