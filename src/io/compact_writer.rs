//! The compact JSON of a plan, written a slice of objectives at a time. At
//! 10,000 objectives writing it in one go holds the page for a fifth of a
//! second; autosave writes a slice per task so the page stays responsive.

use super::json::to_compact_text;
use crate::model::Plan;

/// Where the objectives go in the text of a plan without them.
const EMPTY_OBJECTIVES: &[u8] = br#""objectives":[]"#;

pub struct CompactWriter {
    text: Vec<u8>,
    /// What follows the objectives.
    tail: Vec<u8>,
    written: usize,
}

impl CompactWriter {
    /// Starts writing `plan`; every later call must pass the same plan, unchanged.
    pub fn new(plan: &Plan) -> CompactWriter {
        let mut text = to_compact_text(&plan.without_objectives()).into_bytes();
        let mut found = text
            .windows(EMPTY_OBJECTIVES.len())
            .enumerate()
            .filter(|(_, window)| *window == EMPTY_OBJECTIVES)
            .map(|(at, _)| at);
        match (found.next(), found.next()) {
            (Some(at), None) => {
                // Split between "[" and "]".
                let tail = text.split_off(at + EMPTY_OBJECTIVES.len() - 1);
                CompactWriter {
                    text,
                    tail,
                    written: 0,
                }
            }
            // Not there exactly once (a map key with a list value could repeat it; the
            // schema has none today): no telling where the field is, so write it all now.
            _ => CompactWriter {
                text: to_compact_text(plan).into_bytes(),
                tail: Vec::new(),
                written: plan.objectives.len(),
            },
        }
    }

    /// Writes up to `count` more objectives; returns whether all are written.
    pub fn write(&mut self, plan: &Plan, count: usize) -> bool {
        let end = plan.objectives.len().min(self.written + count);
        for objective in &plan.objectives[self.written.min(end)..end] {
            if self.written > 0 {
                self.text.push(b',');
            }
            // Writing plain data to memory cannot fail.
            serde_json::to_writer(&mut self.text, objective).ok();
            self.written += 1;
        }
        self.written == plan.objectives.len()
    }

    /// The whole text, once `write` has returned true.
    pub fn finish(mut self) -> String {
        self.text.append(&mut self.tail);
        String::from_utf8(self.text).unwrap_or_default()
    }
}
