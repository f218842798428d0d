//! A plan together with its undo and redo history.

use super::{Aspects, Command, EditError, Id, LayoutStep, Plan};
use std::collections::VecDeque;

/// How many edits can be undone; older ones are forgotten.
const HISTORY_LIMIT: usize = 200;
/// How many recent changes to measures, and to the layout, are remembered
/// (see `measures_changed_since`, `layout_changed_since`).
const CHANGE_LOG_LIMIT: usize = 32;

#[derive(Clone, Debug)]
struct Step {
    label: String,
    /// The command that reverts this step.
    inverse: Command,
}

#[derive(Clone, Debug)]
pub struct Editor {
    plan: Plan,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts every change to the plan, so observers (autosave) know when to act.
    revision: u64,
    /// Counts changes per aspect, so whole-plan indexes rebuild only when
    /// something they read changed.
    aspect_revisions: [u64; Aspects::COUNT],
    /// The latest edits that touched measures, oldest first: the objectives
    /// each changed in place, or `None` for an edit that did more.
    measure_log: VecDeque<Option<Vec<Id>>>,
    /// The latest edits that touched the layout, oldest first: what each
    /// did to objectives, step by step, or `None` for a new plan.
    layout_log: VecDeque<Option<Vec<LayoutStep>>>,
    /// What the last change did to objectives.
    last_objectives_changed: ObjectivesChanged,
}

impl Editor {
    pub fn new(plan: Plan) -> Self {
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            aspect_revisions: [0; Aspects::COUNT],
            measure_log: VecDeque::new(),
            layout_log: VecDeque::new(),
            last_objectives_changed: ObjectivesChanged::Any,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Each aspect's count of changes, by bit.
    pub fn aspect_revisions(&self) -> [u64; Aspects::COUNT] {
        self.aspect_revisions
    }

    /// Changes only when an edit touches one of `aspects`.
    pub fn revision_of(&self, aspects: Aspects) -> u64 {
        aspects.bits().map(|bit| self.aspect_revisions[bit]).sum()
    }

    /// The objectives whose measures changed since the measures revision
    /// `since` (`revision_of(Aspects::MEASURES)` then), when every edit
    /// since changed objectives in place and is still remembered; `None`
    /// otherwise. Lets scores follow a check-in without a full re-score.
    pub fn measures_changed_since(&self, since: u64) -> Option<Vec<Id>> {
        changed_since(
            &self.measure_log,
            self.revision_of(Aspects::MEASURES),
            since,
        )
    }

    /// What the edits since the layout revision `since` did to objectives,
    /// step by step, when every one is still remembered and none put a new
    /// plan in place; `None` otherwise. Lets indexes of objectives follow
    /// adding, removing or moving one without rebuilding.
    pub fn layout_changed_since(&self, since: u64) -> Option<Vec<LayoutStep>> {
        changed_since(&self.layout_log, self.revision_of(Aspects::LAYOUT), since)
    }

    /// What the last change did to objectives, so that views showing one
    /// objective redraw only when it changed.
    pub fn objectives_changed(&self) -> &ObjectivesChanged {
        &self.last_objectives_changed
    }

    /// Counts an edit that touched `aspects` and did `change`.
    fn touched(&mut self, aspects: Aspects, change: Change) {
        self.revision += 1;
        for bit in aspects.bits() {
            self.aspect_revisions[bit] += 1;
        }
        if aspects.intersects(Aspects::MEASURES) {
            let in_place = match &change.objectives {
                ObjectivesChanged::Only(ids) => Some(ids.clone()),
                ObjectivesChanged::Any => None,
            };
            remember(&mut self.measure_log, in_place);
        }
        if aspects.intersects(Aspects::LAYOUT) {
            remember(&mut self.layout_log, change.layout);
        }
        self.last_objectives_changed = change.objectives;
    }

    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let label = command.label();
        let inverse = command.apply(&mut self.plan)?;
        let change = Change::of(Some(&inverse));
        self.touched(Aspects::of_edit(&inverse, &self.plan), change);
        self.undo.push(Step { label, inverse });
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Reverts the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let (label, touched) = Self::replay(&mut self.plan, &mut self.undo, &mut self.redo)?;
        let change = Change::of(self.redo.last().map(|s| &s.inverse));
        self.touched(touched, change);
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        let (label, touched) = Self::replay(&mut self.plan, &mut self.redo, &mut self.undo)?;
        let change = Change::of(self.undo.last().map(|s| &s.inverse));
        self.touched(touched, change);
        Some(label)
    }

    /// Takes a plan changed outside this editor (another tab saved it). The
    /// history is dropped: its steps were made against the old plan.
    pub fn replace_from_outside(&mut self, plan: Plan) {
        self.plan = plan;
        self.undo.clear();
        self.redo.clear();
        self.touched(Aspects::ALL, Change::of(None));
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Applies the last step of `from`, moving its inverse to `to`; returns
    /// its label and what it touched.
    fn replay(
        plan: &mut Plan,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> Option<(String, Aspects)> {
        let step = from.pop()?;
        // An inverse undoes a change that was valid a moment ago, so it applies;
        // if it ever did not, the step is dropped rather than the plan damaged.
        let inverse = step.inverse.apply(plan).ok()?;
        let touched = Aspects::of_edit(&inverse, plan);
        to.push(Step {
            label: step.label.clone(),
            inverse,
        });
        Some((step.label, touched))
    }
}

/// What an edit did to objectives, as the editor's logs keep it.
struct Change {
    objectives: ObjectivesChanged,
    /// See [`LayoutStep::of_edit`].
    layout: Option<Vec<LayoutStep>>,
}

impl Change {
    /// Given the command that reverts the edit (`None`: the plan was
    /// replaced from outside).
    fn of(inverse: Option<&Command>) -> Self {
        Change {
            objectives: inverse.map_or(ObjectivesChanged::Any, objectives_changed),
            layout: inverse.and_then(LayoutStep::of_edit),
        }
    }
}

/// Which objectives an edit may have changed, where they stand.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectivesChanged {
    /// These, in place; none for an edit of units, the rollout, the plan's name…
    Only(Vec<Id>),
    /// Any of them: objectives were added, removed, reordered or replaced.
    Any,
}

/// What an edit did to objectives, given the command that reverts it.
fn objectives_changed(inverse: &Command) -> ObjectivesChanged {
    use ObjectivesChanged::{Any, Only};
    match inverse {
        Command::UpdateObjective(before) => Only(vec![before.id.clone()]),
        Command::Batch { steps, .. } => steps
            .iter()
            .try_fold(Vec::new(), |mut ids, step| match objectives_changed(step) {
                Only(more) => {
                    ids.extend(more);
                    Some(ids)
                }
                Any => None,
            })
            .map_or(Any, Only),
        Command::RenamePlan(_)
        | Command::SetSettings(_)
        | Command::InsertUnit { .. }
        | Command::RemoveUnit { .. }
        | Command::UpdateUnit(_)
        | Command::ReorderUnit { .. }
        | Command::InsertParticipation { .. }
        | Command::RemoveParticipation { .. }
        | Command::SetRoles(_)
        | Command::SetRolloutPlan { .. }
        | Command::SetEvents(_)
        | Command::SetReadiness(_)
        | Command::SetCadence(_) => Only(Vec::new()),
        Command::InsertObjectives { .. }
        | Command::RemoveObjectives { .. }
        | Command::ReorderObjective { .. }
        | Command::InsertCycle { .. }
        | Command::RemoveCycle { .. }
        | Command::ReplacePlan(_) => Any,
    }
}

/// Appends an edit's entry to a change log, forgetting the oldest beyond the limit.
fn remember<T>(log: &mut VecDeque<Option<Vec<T>>>, entry: Option<Vec<T>>) {
    log.push_back(entry);
    if log.len() > CHANGE_LOG_LIMIT {
        log.pop_front();
    }
}

/// The entries a log's edits since `since` list, in order, when the log
/// remembers all of them (`now` is the aspect's revision) and none of them
/// is `None`.
fn changed_since<T: Clone>(log: &VecDeque<Option<Vec<T>>>, now: u64, since: u64) -> Option<Vec<T>> {
    let count = now.checked_sub(since)?;
    let skip = log.len().checked_sub(usize::try_from(count).ok()?)?;
    log.iter()
        .skip(skip)
        .try_fold(Vec::new(), |mut entries, edit| {
            entries.extend(edit.as_ref()?.iter().cloned());
            Some(entries)
        })
}
