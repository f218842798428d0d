//! Planning cycles: quarters, years, or any custom span of dates.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleKind {
    Quarter,
    Year,
    Custom,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cycle {
    pub id: Id,
    pub name: String,
    pub kind: CycleKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Cycle {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}
