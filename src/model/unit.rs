//! The organisation: a tree of units of any depth. Units are stored flat with
//! a parent id; the order of siblings is their order in the list.

use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Company,
    Department,
    Team,
    Person,
    /// Any other level an organisation has (tribe, squad, region, …).
    Custom(String),
}

impl UnitKind {
    pub fn label(&self) -> &str {
        match self {
            UnitKind::Company => "Company",
            UnitKind::Department => "Department",
            UnitKind::Team => "Team",
            UnitKind::Person => "Person",
            UnitKind::Custom(name) => name,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub id: Id,
    pub name: String,
    pub kind: UnitKind,
    /// `None` for a root (normally the company).
    #[serde(default)]
    pub parent: Option<Id>,
    /// Number of people in the unit, where known (for adoption charts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
}
