//! The CSV export: one row per objective, followed by its key results.

use super::{guard, number, quote, COLUMNS};
use crate::model::scoring::{key_result_score, objective_score};
use crate::model::{Alignment, Plan};

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
                guard(&objective.title),
                guard(&unit),
                guard(&cycle),
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
                    guard(&kr.title),
                    guard(&unit),
                    guard(&cycle),
                    number(kr.start),
                    number(kr.target),
                    current,
                    guard(&kr.unit_of_measure),
                    number(kr.weight),
                    number(key_result_score(kr).value),
                ],
            );
        }
    }
    out
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|cell| quote(&cell)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}
