//! Finding objectives by what a user types: ignoring case, and quick enough
//! to run on every keystroke over tens of thousands of titles.

use super::{CascadeIndex, Id, Plan};

/// Typed text, trimmed and lower-cased once for all the titles it is looked for in.
#[derive(Clone, Debug)]
pub struct SearchText {
    folded: String,
    ascii: bool,
}

/// The only letters outside ASCII whose lower case holds an ASCII letter:
/// "İ" becomes "i" and a combining dot, the Kelvin sign a "k".
pub const LOWER_CASE_TO_ASCII: [char; 2] = ['\u{130}', '\u{212A}'];

impl SearchText {
    pub fn new(typed: &str) -> Self {
        let folded = typed.trim().to_lowercase();
        SearchText {
            ascii: folded.is_ascii(),
            folded,
        }
    }

    /// Whether `text` contains it, ignoring case, as `text.to_lowercase()`
    /// would tell. Lower-casing every title on every keystroke took most of
    /// a search's time, so text is compared in place where it can be: ASCII
    /// typed text can only match ASCII letters of the text, which fold alone.
    pub fn found_in(&self, text: &str) -> bool {
        if !self.ascii {
            // Lower-cased ASCII text holds no other letters.
            return !text.is_ascii() && text.to_lowercase().contains(&self.folded);
        }
        if !text.is_ascii() && text.contains(LOWER_CASE_TO_ASCII) {
            return text.to_lowercase().contains(&self.folded);
        }
        let wanted = self.folded.as_bytes();
        let Some((&first, rest)) = wanted.split_first() else {
            return true;
        };
        let text = text.as_bytes();
        text.len() >= wanted.len()
            && (0..=text.len() - wanted.len()).any(|at| {
                text[at].to_ascii_lowercase() == first
                    && text[at + 1..at + wanted.len()].eq_ignore_ascii_case(rest)
            })
    }
}

/// The objectives under `roots` (positions in the index), in outline order,
/// whose title or one of whose key results' titles contains `text`.
pub fn objectives_matching(
    plan: &Plan,
    index: &CascadeIndex,
    roots: &[usize],
    text: &SearchText,
) -> Vec<Id> {
    let mut found = Vec::new();
    let mut stack: Vec<usize> = roots.iter().rev().copied().collect();
    while let Some(unit) = stack.pop() {
        for &o in index.objectives_of(unit) {
            let objective = &plan.objectives[o];
            let hit = text.found_in(&objective.title)
                || objective
                    .key_results
                    .iter()
                    .any(|k| text.found_in(&k.title));
            if hit {
                found.push(objective.id.clone());
            }
        }
        stack.extend(index.children(unit).iter().rev());
    }
    found
}
