//! Objectives, key results and check-ins.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    /// Must happen: anything below 1.0 needs an explanation.
    #[default]
    Committed,
    /// A stretch goal: about 0.7 on average is the sweet spot.
    Aspirational,
}

/// What an objective supports one level up. Duality: a parent's key result
/// became this objective. Classic: this objective supports a parent objective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    Objective(Id),
    KeyResult(Id),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The owner unit.
    pub unit: Id,
    pub cycle: Id,
    #[serde(default)]
    pub commitment: Commitment,
    #[serde(default)]
    pub aligned_to: Option<Alignment>,
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
    /// End-of-cycle review notes.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub review: Review,
}

/// What a team writes down when the cycle ends (DOMAIN.md, "Scoring").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Why a committed objective scored below 1.0 (required then).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wins: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub misses: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lessons: String,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.explanation.is_empty()
            && self.wins.is_empty()
            && self.misses.is_empty()
            && self.lessons.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// A number moving from `start` to `target`; the target may be lower.
    #[default]
    Number,
    /// A percentage from `start` to `target`, both within 0–100.
    Percentage,
    /// Done or not: a check-in value of 1 means done.
    Milestone,
    /// A 0.0–1.0 grade entered by hand.
    Grade,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyResult {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub measure: MeasureKind,
    #[serde(default)]
    pub start: f64,
    #[serde(default = "one")]
    pub target: f64,
    /// Unit of measure shown next to values ("customers", "ms", "%").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit_of_measure: String,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_override: Option<ScoreOverride>,
}

fn one() -> f64 {
    1.0
}

/// A dated progress update. Progress, confidence and the final score are
/// different numbers and are kept apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: Id,
    #[serde(with = "super::date::iso")]
    pub date: NaiveDate,
    pub value: f64,
    /// How likely the team thinks the target is, 0.0–1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// A hand-set final score, which must say why it differs from the measured one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreOverride {
    pub score: f64,
    pub reason: String,
}

impl Objective {
    pub fn key_result_ids(&self) -> Vec<Id> {
        self.key_results.iter().map(|k| k.id.clone()).collect()
    }
}

impl KeyResult {
    /// The latest check-in by date (the last one entered wins a tie).
    pub fn latest_check_in(&self) -> Option<&CheckIn> {
        self.check_ins
            .iter()
            .enumerate()
            .max_by_key(|(index, c)| (c.date, *index))
            .map(|(_, c)| c)
    }
}
