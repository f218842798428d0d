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
    #[serde(with = "super::date::iso")]
    pub start: NaiveDate,
    #[serde(with = "super::date::iso")]
    pub end: NaiveDate,
}

impl Cycle {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

impl Cycle {
    /// The calendar quarter a date falls in, named "Q4 2026".
    pub fn quarter_of(date: NaiveDate, id: Id) -> Cycle {
        use chrono::Datelike;
        let quarter = date.month0() / 3;
        let start = NaiveDate::from_ymd_opt(date.year(), quarter * 3 + 1, 1).unwrap_or(date);
        let end = start
            .checked_add_months(chrono::Months::new(3))
            .and_then(|d| d.pred_opt())
            .unwrap_or(date);
        Cycle {
            id,
            name: format!("Q{} {}", quarter + 1, date.year()),
            kind: CycleKind::Quarter,
            start,
            end,
        }
    }
}
