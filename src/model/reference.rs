//! What a partial file carries besides its own items: where its part sits in
//! the plan it came from, and the objectives outside it that it aligns to.

use super::{Alignment, Id, Plan};
use serde::{Deserialize, Serialize};

/// The unit subtree a partial file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// The top unit of the part.
    pub unit: Id,
    /// Its parent in the plan the part came from (the file itself keeps the
    /// top unit as a root, so it also opens on its own).
    #[serde(default)]
    pub parent: Option<Id>,
}

/// An objective outside the file that objectives inside it align to: enough
/// to show the link and to re-attach it when the part is merged back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub id: Id,
    pub title: String,
    /// The owner unit's name, for display.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit_name: String,
    #[serde(default)]
    pub key_results: Vec<ReferencedKeyResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferencedKeyResult {
    pub id: Id,
    pub title: String,
}

impl Plan {
    /// The title of what a link points to, when it points outside the plan.
    pub fn referenced_title(&self, link: &Alignment) -> Option<String> {
        match link {
            Alignment::Objective(id) => self
                .references
                .iter()
                .find(|r| &r.id == id)
                .map(|r| format!("{} ({})", r.title, r.unit_name)),
            Alignment::KeyResult(id) => self.references.iter().find_map(|r| {
                r.key_results
                    .iter()
                    .find(|k| &k.id == id)
                    .map(|k| format!("{} ({})", k.title, r.unit_name))
            }),
        }
    }

    /// Drops references that nothing links to any more or that now resolve
    /// inside the plan (after a merge brought the objective in).
    pub fn prune_references(&mut self) {
        if self.references.is_empty() {
            return;
        }
        let mut linked = rustc_hash::FxHashSet::default();
        for objective in &self.objectives {
            if let Some(Alignment::Objective(id) | Alignment::KeyResult(id)) = &objective.aligned_to
            {
                linked.insert(id.clone());
            }
        }
        let inside: rustc_hash::FxHashSet<Id> = self
            .objectives
            .iter()
            .flat_map(|o| std::iter::once(o.id.clone()).chain(o.key_result_ids()))
            .collect();
        self.references.retain(|r| {
            !inside.contains(&r.id)
                && (linked.contains(&r.id) || r.key_results.iter().any(|k| linked.contains(&k.id)))
        });
    }
}
