//! The domain model: pure Rust, no browser in sight, tested on the host.

mod aspect;
mod cascade;
mod command;
mod cycle;
pub mod date;
mod editor;
mod id;
mod layout_step;
mod lookup;
mod objective_index;
mod okr;
pub mod ops;
mod plan;
pub mod quality;
mod reference;
mod roll_up;
mod rollout;
pub mod rollout_plan;
mod sample;
pub mod scoring;
pub mod search;
mod tree;
mod unit;
mod validate;

pub use aspect::Aspects;
pub use cascade::{CascadeIndex, CycleObjectives};
pub use command::{Command, EditError};
pub use cycle::{Cycle, CycleKind};
pub use editor::{Editor, ObjectivesChanged};
pub use id::Id;
pub use layout_step::LayoutStep;
pub use objective_index::ObjectiveIndex;
pub use okr::{
    Alignment, CheckIn, Commitment, KeyResult, MeasureKind, Objective, Review, ScoreOverride,
};
pub use plan::{FormatTag, Meta, Plan, Settings, FORMAT_NAME, SCHEMA_VERSION};
pub use reference::{Reference, ReferencedKeyResult, Scope};
pub use rollout::{
    CheckInCadence, Participation, ParticipationStatus, Phase, ProgrammeEvent, ProgrammeEventKind,
    ReadinessItem, Role, RoleAssignment, Rollout, Strategy, DEFAULT_READINESS,
};
pub use sample::sample_plan;
pub use tree::{find_unit, unit_path, unit_paths, UnitTree};
pub use unit::{Unit, UnitKind};
pub use validate::{validate, Problem, ProblemKind};
