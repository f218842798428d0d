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
        Self::around(plan, &plan.without_objectives())
    }

    /// Starts writing `head` (`plan` without its objectives, changed: an
    /// export's stamps) with `plan`'s objectives.
    pub fn around(plan: &Plan, head: &Plan) -> CompactWriter {
        let mut text = to_compact_text(head).into_bytes();
        match objectives_split(&text) {
            Some(at) => {
                let tail = text.split_off(at);
                CompactWriter {
                    text,
                    tail,
                    written: 0,
                }
            }
            // No telling where the field is: write it all now.
            None => CompactWriter {
                text: {
                    let mut whole = head.clone();
                    whole.objectives = plan.objectives.clone();
                    to_compact_text(&whole).into_bytes()
                },
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

/// Where objectives go in `text` (between the "[" and "]" of the empty list),
/// if the empty field is there exactly once. Names cannot fake it (their
/// quotes are escaped), but a map of lists in a later schema could repeat it.
fn objectives_split(text: &[u8]) -> Option<usize> {
    let mut found = text
        .windows(EMPTY_OBJECTIVES.len())
        .enumerate()
        .filter(|(_, window)| *window == EMPTY_OBJECTIVES)
        .map(|(at, _)| at + EMPTY_OBJECTIVES.len() - 1);
    match (found.next(), found.next()) {
        (Some(at), None) => Some(at),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::objectives_split;

    #[test]
    fn the_split_is_inside_the_one_empty_objectives_list() {
        let text = br#"{"units":[],"objectives":[],"cycles":[]}"#;
        let at = objectives_split(text).unwrap();
        assert_eq!(&text[..at], br#"{"units":[],"objectives":["#);
    }

    #[test]
    fn no_split_where_the_field_is_missing_or_repeated() {
        assert_eq!(objectives_split(br#"{"units":[]}"#), None);
        let twice = br#"{"objectives":[],"by_unit":{"a":{"objectives":[]}}}"#;
        assert_eq!(objectives_split(twice), None);
    }
}
