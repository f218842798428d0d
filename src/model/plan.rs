//! The whole plan: what is saved, exported and imported.

use super::{Cycle, CycleKind, Id, Objective, Reference, Rollout, Scope, Unit};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// The format name written into every file, so a stray JSON file is recognised as not ours.
pub const FORMAT_NAME: &str = "okrplan";
/// Bumped whenever the file shape changes in a way older readers cannot handle.
/// Version 2 added partial files (`scope`, `references`) and `synced`; a
/// version 1 file reads as version 2 unchanged (see `io::json::migrate`).
pub const SCHEMA_VERSION: u32 = 2;

/// Serialises as [`FORMAT_NAME`] and refuses any other value when read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT_NAME)
    }
}

impl<'de> Deserialize<'de> for FormatTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        if name == FORMAT_NAME {
            Ok(FormatTag)
        } else {
            Err(serde::de::Error::custom(format!(
                "expected format \"{FORMAT_NAME}\", found \"{name}\""
            )))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Whether aligned child objectives count into their parent's score.
    #[serde(default)]
    pub roll_up_aligned: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format: FormatTag,
    pub schema_version: u32,
    pub meta: Meta,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub cycles: Vec<Cycle>,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub rollout: Rollout,
    /// Set when the file holds one unit's part of a larger plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Objectives outside the plan that objectives in it align to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Each item's fingerprint as last exchanged through a file (item key →
    /// fingerprint), so a merge can tell who edited what since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub synced: BTreeMap<String, String>,
}

impl Plan {
    pub fn new(name: impl Into<String>) -> Self {
        Plan {
            format: FormatTag,
            schema_version: SCHEMA_VERSION,
            meta: Meta {
                name: name.into(),
                description: String::new(),
            },
            settings: Settings::default(),
            cycles: Vec::new(),
            units: Vec::new(),
            objectives: Vec::new(),
            rollout: Rollout::default(),
            scope: None,
            references: Vec::new(),
            synced: BTreeMap::new(),
        }
    }

    /// A copy of everything but the objectives (to write those apart).
    pub fn without_objectives(&self) -> Plan {
        Plan {
            format: FormatTag,
            schema_version: self.schema_version,
            meta: self.meta.clone(),
            settings: self.settings.clone(),
            cycles: self.cycles.clone(),
            units: self.units.clone(),
            objectives: Vec::new(),
            rollout: self.rollout.clone(),
            scope: self.scope.clone(),
            references: self.references.clone(),
            synced: self.synced.clone(),
        }
    }

    /// A plan to start from scratch: one organisation and the quarter running on `today`.
    pub fn blank(today: NaiveDate, organisation: Id, quarter: Id) -> Self {
        let mut plan = Plan::new("New plan");
        plan.units.push(Unit {
            id: organisation,
            name: "My organisation".into(),
            kind: super::UnitKind::Company,
            parent: None,
            headcount: None,
        });
        plan.cycles.push(Cycle::quarter_of(today, quarter));
        plan
    }

    pub fn unit(&self, id: &Id) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    pub fn cycle(&self, id: &Id) -> Option<&Cycle> {
        self.cycles.iter().find(|c| &c.id == id)
    }

    /// The cycle to show first: the quarter running today, else any cycle
    /// running today, else the latest one.
    pub fn current_cycle(&self, today: NaiveDate) -> Option<&Cycle> {
        let running = |c: &&Cycle| c.contains(today);
        self.cycles
            .iter()
            .filter(running)
            .find(|c| c.kind == CycleKind::Quarter)
            .or_else(|| self.cycles.iter().find(running))
            .or_else(|| self.cycles.iter().max_by_key(|c| c.start))
    }

    pub fn key_result_count(&self) -> usize {
        self.objectives.iter().map(|o| o.key_results.len()).sum()
    }
}
