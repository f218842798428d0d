//! Objectives and key results as CSV, in the columns other OKR tools' import
//! templates share, so a plan opens in any spreadsheet.

use crate::model::scoring::{key_result_score, objective_score};
use crate::model::{Alignment, Plan};

pub const COLUMNS: [&str; 12] = [
    "id",
    "parent id",
    "type",
    "title",
    "unit",
    "cycle",
    "start",
    "target",
    "current",
    "unit of measure",
    "weight",
    "score",
];

/// One row per objective, followed by its key results. An objective's parent
/// is what it is aligned to; a key result's parent is its objective.
pub fn to_csv(plan: &Plan) -> String {
    let mut out = String::new();
    push_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for objective in &plan.objectives {
        let unit = plan
            .unit(&objective.unit)
            .map(|u| u.name.clone())
            .unwrap_or_default();
        let cycle = plan
            .cycle(&objective.cycle)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let parent = match &objective.aligned_to {
            Some(Alignment::Objective(id) | Alignment::KeyResult(id)) => id.to_string(),
            None => String::new(),
        };
        let score = objective_score(objective).map(number).unwrap_or_default();
        push_row(
            &mut out,
            [
                objective.id.to_string(),
                parent,
                "objective".into(),
                text(&objective.title),
                text(&unit),
                text(&cycle),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                score,
            ],
        );
        for kr in &objective.key_results {
            let current = kr
                .latest_check_in()
                .map(|c| number(c.value))
                .unwrap_or_default();
            push_row(
                &mut out,
                [
                    kr.id.to_string(),
                    objective.id.to_string(),
                    "key result".into(),
                    text(&kr.title),
                    text(&unit),
                    text(&cycle),
                    number(kr.start),
                    number(kr.target),
                    current,
                    text(&kr.unit_of_measure),
                    number(kr.weight),
                    number(key_result_score(kr).value),
                ],
            );
        }
    }
    out
}

fn number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    rounded.to_string()
}

/// Text a spreadsheet must not run as a formula: a leading = + - @ gets an apostrophe.
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|cell| quote(&cell)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}
