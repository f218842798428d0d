//! The rollout plan: how OKRs reach the organisation, phase by phase.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Leadership and middle management first, everyone else view-only (seed 000).
    #[default]
    LeadershipFirst,
    /// One level of the hierarchy after another (seed 001).
    LevelByLevel,
    /// Two or three representative departments first (seed 001).
    DepartmentPilot,
    /// Every level at once (seed 001).
    AllAtOnce,
    /// A ring-fenced unit where success is likely and visible (seeds 003, 004).
    LeapfrogPilot,
}

impl Strategy {
    pub const ALL: [Strategy; 5] = [
        Strategy::LeadershipFirst,
        Strategy::LevelByLevel,
        Strategy::DepartmentPilot,
        Strategy::AllAtOnce,
        Strategy::LeapfrogPilot,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Strategy::LeadershipFirst => "Leadership-first, gradual",
            Strategy::LevelByLevel => "Level by level",
            Strategy::DepartmentPilot => "Department-focused pilot",
            Strategy::AllAtOnce => "Inclusive, all at once",
            Strategy::LeapfrogPilot => "Leapfrog pilot",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub id: Id,
    pub name: String,
    #[serde(with = "super::date::iso")]
    pub start: NaiveDate,
    #[serde(with = "super::date::iso")]
    pub end: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipationStatus {
    #[default]
    NotStarted,
    /// An observer: sees the OKRs, writes none yet.
    ViewOnly,
    Active,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participation {
    pub unit: Id,
    pub phase: Id,
    pub status: ParticipationStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    ExecutiveSponsor,
    Champion,
    Ambassador,
    Member,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub id: Id,
    pub role: Role,
    pub person: String,
    /// The unit the role serves (an ambassador's team); `None` for the whole programme.
    #[serde(default)]
    pub unit: Option<Id>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadinessItem {
    pub id: Id,
    pub phase: Id,
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeEventKind {
    /// "Hit the pause button until there is full buy-in" (seed 003).
    Pause,
    Relaunch,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeEvent {
    pub id: Id,
    #[serde(with = "super::date::iso")]
    pub date: NaiveDate,
    pub kind: ProgrammeEventKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How often teams check in on their key results (the OKR cadence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckInCadence {
    #[default]
    Weekly,
    Biweekly,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rollout {
    #[serde(default)]
    pub strategy: Strategy,
    #[serde(default)]
    pub cadence: CheckInCadence,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub participation: Vec<Participation>,
    #[serde(default)]
    pub roles: Vec<RoleAssignment>,
    #[serde(default)]
    pub readiness: Vec<ReadinessItem>,
    #[serde(default)]
    pub events: Vec<ProgrammeEvent>,
}

/// The readiness checklist DOMAIN.md draws from seeds 002 and 004.
pub const DEFAULT_READINESS: [&str; 7] = [
    "Executive sponsor and OKR champion named",
    "Leadership bought in",
    "Leaders trained",
    "Expert support available",
    "Company-level OKRs written before teams write theirs",
    "Guiding principles published",
    "Planning cadence communicated",
];
