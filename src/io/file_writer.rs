//! The text of an exported plan file, worked out a slice of objectives at a
//! time: first every item's stamp, then the compact text (see
//! [`CompactWriter`]). Done in one go at 10,000 objectives, an export held
//! the page for over half a second.
//!
//! An export stamps the items never exchanged with their current
//! fingerprint and keeps the others' stamps, so the file says which version
//! of each item left, and edits made on the other side show as theirs alone.

use super::compact_writer::CompactWriter;
use super::items::{kept_or_current, Stamper};
use super::json::{file_text, to_pretty_text};
use crate::model::Plan;
use std::collections::BTreeMap;

pub struct FileWriter {
    stage: Stage,
}

enum Stage {
    Stamping(Stamper),
    Writing {
        writer: CompactWriter,
        synced: BTreeMap<String, String>,
    },
}

impl FileWriter {
    /// Starts on `plan`; every later call must pass the same plan, unchanged.
    pub fn new(plan: &Plan) -> Self {
        FileWriter {
            stage: Stage::Stamping(Stamper::new(plan, &mut kept_or_current(&plan.synced))),
        }
    }

    /// Does up to `count` objectives' part of the work; returns whether the
    /// text is ready.
    pub fn write(&mut self, plan: &Plan, count: usize) -> bool {
        match &mut self.stage {
            Stage::Stamping(stamper) => {
                if stamper.stamp(plan, count, &mut kept_or_current(&plan.synced)) {
                    let mut head = plan.without_objectives();
                    head.synced = stamper.take();
                    let writer = CompactWriter::around(plan, &head);
                    let synced = head.synced;
                    self.stage = Stage::Writing { writer, synced };
                }
                false
            }
            Stage::Writing { writer, .. } => writer.write(plan, count),
        }
    }

    /// The file's text, once `write` has returned true: as
    /// [`super::json::to_file_text`] writes the plan with the export's stamps.
    pub fn finish(self, plan: &Plan) -> String {
        match self.stage {
            Stage::Writing { writer, synced } => file_text(writer.finish(), || {
                let mut stamped = plan.clone();
                stamped.synced = synced;
                to_pretty_text(&stamped)
            }),
            // Not written yet: no text rather than a wrong one.
            Stage::Stamping(_) => String::new(),
        }
    }
}
