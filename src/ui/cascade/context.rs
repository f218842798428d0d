//! What the parts of the cascade view share: the chosen cycle, the index of
//! the cascade, warnings, selection and expansion.

use crate::model::quality::{own_warnings, warnings_in_plan, ActiveUnits, Subject, Warning};
use crate::model::{
    find_unit, unit_path, Alignment, Aspects, CascadeIndex, CycleObjectives, Id, Objective,
    ObjectiveIndex, UnitTree,
};
use crate::ui::cycle::CycleChoice;
use crate::ui::relay::{changes_of, follow, relay, Relayed};
use crate::ui::state::AppState;
use crate::ui::unit_filter::unit_choices;
use crate::ui::widgets::PAGE;
use leptos::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Cascade {
    pub state: AppState,
    /// The cycle shown (see [`CycleChoice`]).
    pub cycle_choice: CycleChoice,
    pub index: Relayed<Arc<CascadeIndex>>,
    /// The units the rollout makes active in the cycle, for their warnings.
    active_units: Relayed<Arc<ActiveUnits>>,
    pub selected: RwSignal<Option<Id>>,
    /// Changes with `selected`, for the units of the outline to track (see
    /// [`Cascade::for_view`]).
    selected_changes: Memo<()>,
    /// The selected unit and the units above it, up to the top: each is
    /// drawn even past its list's page, so the selected unit is in sight.
    pub selected_line: Relayed<Vec<Id>>,
    /// Set to have the unit selected next take focus in the outline, until
    /// the next paint: the parent of a deleted unit, in place of the dialog
    /// and panel that go.
    pub focus_selected: StoredValue<bool>,
    /// Units opened or closed by hand; the rest follow the plan's size.
    toggled: RwSignal<FxHashMap<Id, bool>>,
    /// Changes with `toggled`, for the units of the outline to track.
    toggled_changes: Memo<()>,
    /// How many units side by side are drawn, by their parent (`None`: the
    /// top of the outline), for lists that drew more than a page.
    units_pages: StoredValue<FxHashMap<Option<Id>, ArcRwSignal<usize>>>,
    /// Small plans open fully; large ones show only their top level at first.
    open_by_default: Relayed<bool>,
    /// Every unit with its path, in unit order; changes only when units do.
    pub unit_choices: Relayed<Arc<Vec<(Id, String)>>>,
    /// How the view shows the organisation.
    pub mode: RwSignal<Mode>,
    /// The unit whose part of the organisation is shown; `None` for all of it.
    pub subtree: RwSignal<Option<Id>>,
    /// What was typed into "Find objectives".
    pub query: RwSignal<String>,
    /// What was typed in the unit picker in use, in any view: its
    /// suggestions match it. `None` while no picker has focus, so no edit
    /// refills the suggestions.
    pub unit_query: RwSignal<Option<String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Outline,
    Map,
}

/// Plans above this many units open with only the top level expanded.
const EXPAND_ALL_UP_TO: usize = 60;

impl Cascade {
    pub fn new(
        state: AppState,
        cycle_choice: CycleChoice,
        objectives: Memo<Arc<ObjectiveIndex>>,
    ) -> Self {
        let cycle = cycle_choice.current;
        // Rebuilt when units, layout or the cycle change; every node reads it
        // in O(1). Its objective parts outlive changes to units.
        let cycle_objectives = state.layout_index_of(
            move |p| CycleObjectives::new(p, cycle.get().as_ref()),
            move |last, p, changed| {
                last.patched(p, cycle.get().as_ref(), &objectives.get(), changed)
            },
        );
        // The unit tree outlives edits of objectives, the objective parts
        // edits of units; joining them is one pass over units.
        let tree = state.index_of(Aspects::UNITS, UnitTree::new);
        let index = state.index_of(Aspects::UNITS.union(Aspects::LAYOUT), move |p| {
            CascadeIndex::with_parts(p, tree.get(), objectives.get(), cycle_objectives.get())
        });
        let active_units = state.index_of(Aspects::ROLLOUT.union(Aspects::LAYOUT), move |p| {
            cycle
                .get()
                .map(|c| ActiveUnits::new(p, &c))
                .unwrap_or_default()
        });
        let selected = RwSignal::new(None::<Id>);
        let toggled = RwSignal::new(FxHashMap::default());
        let query = RwSignal::new(String::new());
        // Another plan in place of this one (a file, a blank plan, another
        // tab's) starts without the old one's search and selection; a unit
        // filter stays while the new plan has that unit.
        Effect::watch(
            move || state.replaced.get(),
            move |_, _, _| {
                query.set(String::new());
                selected.set(None);
            },
            false,
        );
        let selected_line = Memo::new(move |_| {
            let Some(unit) = selected.get() else {
                return Vec::new();
            };
            let index = index.get();
            state.with_aspects(Aspects::UNITS, |p| {
                let mut line = vec![unit];
                // Up through the parents; the index knows only units in the plan.
                while let Some(parent) = line
                    .last()
                    .and_then(|u| index.unit(u))
                    .and_then(|u| p.units[u].parent.clone())
                    .filter(|parent| !line.contains(parent) && index.unit(parent).is_some())
                {
                    line.push(parent);
                }
                line
            })
        });
        let open_by_default = Memo::new(move |_| {
            state.with_aspects(Aspects::UNITS, |p| p.units.len() <= EXPAND_ALL_UP_TO)
        });
        Cascade {
            state,
            cycle_choice,
            index: Relayed::new(index),
            active_units: Relayed::new(active_units),
            selected,
            selected_changes: changes_of(move || selected.track()),
            selected_line: Relayed::new(selected_line),
            focus_selected: StoredValue::new(false),
            toggled,
            toggled_changes: changes_of(move || toggled.track()),
            units_pages: StoredValue::new(FxHashMap::default()),
            open_by_default: Relayed::new(open_by_default),
            unit_choices: Relayed::new(unit_choices(state, tree)),
            mode: RwSignal::new(Mode::Outline),
            subtree: RwSignal::new(None),
            unit_query: RwSignal::new(None),
            query,
        }
    }

    pub fn expect() -> Self {
        expect_context::<Cascade>()
    }

    /// The cascade as one view reads it, with `state` and `cycle_choice`
    /// (see [`AppState::for_view`]).
    pub fn for_view(self, state: AppState, cycle_choice: CycleChoice) -> Self {
        Cascade {
            state,
            cycle_choice,
            index: self.index.for_view(),
            active_units: self.active_units.for_view(),
            selected_changes: relay(self.selected_changes),
            selected_line: self.selected_line.for_view(),
            toggled_changes: relay(self.toggled_changes),
            open_by_default: self.open_by_default.for_view(),
            unit_choices: self.unit_choices.for_view(),
            ..self
        }
    }

    /// The unit selected, tracked (through the view's relay, as
    /// [`Cascade::is_selected`]).
    pub fn selected_unit(&self) -> Option<Id> {
        follow(self.selected_changes);
        self.selected.get_untracked()
    }

    /// Whether `unit` is the one selected, tracked.
    pub fn is_selected(&self, unit: &Id) -> bool {
        follow(self.selected_changes);
        self.selected.with_untracked(|s| s.as_ref() == Some(unit))
    }

    /// A copy of one objective, tracked: views re-render only when it changes.
    pub fn objective(&self, id: &Id) -> Option<Objective> {
        self.index.with(|ix| {
            self.state
                .with_objective(id, |p| ix.objectives().objective_in(p, id).cloned())
        })
    }

    /// A unit's path ("Company › Sales"), tracked.
    pub fn path_of(&self, unit: &Id) -> String {
        self.index.with(|ix| {
            // Untracked: the index is rebuilt whenever a name or parent changes.
            self.state.editor.with_untracked(|e| {
                ix.unit(unit)
                    .map(|u| unit_path(e.plan(), u, |id| ix.unit(id)))
                    .unwrap_or_default()
            })
        })
    }

    /// The title of what an alignment points to, tracked: the objective or
    /// key result in this plan, or a reference a unit's part carries.
    pub fn link_title(&self, link: &Alignment) -> String {
        self.index
            .with(|ix| {
                let here = ix.objectives();
                // Titles are text; references come with a part's layout.
                self.state
                    .with_aspects(Aspects::LAYOUT.union(Aspects::TEXT), |p| {
                        match link {
                            Alignment::Objective(id) => here.objective_in(p, id).map(|o| &o.title),
                            Alignment::KeyResult(id) => here.key_result_in(p, id).map(|k| &k.title),
                        }
                        .cloned()
                        .or_else(|| p.referenced_title(link))
                    })
            })
            .unwrap_or_else(|| "(missing)".into())
    }

    /// The unit a typed text names: its full path, or a name only one unit has.
    pub fn find_unit(&self, text: &str) -> Option<Id> {
        self.index.with_untracked(|ix| {
            self.state
                .editor
                .with_untracked(|e| find_unit(e.plan(), ix.tree(), text).cloned())
        })
    }

    /// The warnings about a unit, objective or key result, tracked; `owner`
    /// is the objective (itself, or the key result's) whose own warnings count.
    pub fn warnings_for(&self, subject: &Subject, owner: Option<&Objective>) -> Vec<Warning> {
        let mut found = self.cycle_choice.current.with(|cycle| {
            let Some(cycle) = cycle else {
                return Vec::new();
            };
            self.index.with(|index| {
                self.active_units.with(|active| {
                    // Untracked: the index changes with every edit of units and layout.
                    self.state.editor.with_untracked(|e| {
                        warnings_in_plan(e.plan(), cycle, index, active, subject)
                    })
                })
            })
        });
        if let Some(objective) = owner {
            found.extend(
                own_warnings(objective)
                    .into_iter()
                    .filter(|w| &w.subject == subject),
            );
        }
        found
    }

    /// Whether a unit shows what is inside it (tracked). Roots start open.
    pub fn is_expanded(&self, unit: &Id, is_root: bool) -> bool {
        follow(self.toggled_changes);
        self.toggled
            .with_untracked(|t| t.get(unit).copied())
            .unwrap_or_else(|| is_root || self.open_by_default.get())
    }

    pub fn set_expanded(&self, unit: &Id, open: bool) {
        self.toggled.update(|t| {
            t.insert(unit.clone(), open);
        });
    }

    /// Closes every unit of the plan.
    pub fn collapse_all(&self) {
        let all: FxHashMap<Id, bool> = self.state.editor.with_untracked(|e| {
            e.plan()
                .units
                .iter()
                .map(|u| (u.id.clone(), false))
                .collect()
        });
        self.toggled.set(all);
    }

    /// How many of `parent`'s units (`None`: those at the top) the outline
    /// draws; "Show more" raises it.
    pub fn units_page(&self, parent: Option<Id>) -> RwSignal<usize> {
        let page = self.units_pages.try_update_value(|pages| {
            pages
                .entry(parent)
                .or_insert_with(|| ArcRwSignal::new(PAGE))
                .clone()
        });
        RwSignal::from(page.unwrap_or_else(|| ArcRwSignal::new(PAGE)))
    }

    /// How many of `parent`'s units are drawn, tracked.
    fn units_drawn(&self, parent: Option<&Id>) -> usize {
        self.units_pages
            .try_with_value(|pages| pages.get(&parent.cloned()).map(ArcRwSignal::get))
            .flatten()
            .unwrap_or(PAGE)
    }

    /// Opens every unit drawn under `roots` (the units shown), themselves included.
    pub fn expand_all_under(&self, roots: &[Id]) {
        let ids: Vec<Id> = self.index.with_untracked(|ix| {
            self.state.editor.with_untracked(|e| {
                let units = &e.plan().units;
                let drawn = |u: Option<usize>| self.units_drawn(u.map(|u| &units[u].id));
                units_under(ix, roots, drawn)
                    .map(|u| units[u].id.clone())
                    .collect()
            })
        });
        self.toggled
            .update(|t| t.extend(ids.into_iter().map(|id| (id, true))));
    }

    /// Whether opening every unit drawn under `roots` would draw at most
    /// `limit` objective cards, each unit with a page of its objectives
    /// (tracked). Counting stops past `limit`: a large organisation is past
    /// it within its first units, and every move of a unit asks again.
    pub fn cards_if_expanded_within(&self, roots: &[Id], limit: usize) -> bool {
        self.index.with(|ix| {
            self.state.with_aspects(Aspects::UNITS, |p| {
                let drawn = |u: Option<usize>| self.units_drawn(u.map(|u| &p.units[u].id));
                let mut cards =
                    units_under(ix, roots, drawn).map(|u| ix.objectives_of(u).len().min(PAGE));
                cards
                    .try_fold(0, |sum, n| Some(sum + n).filter(|&sum| sum <= limit))
                    .is_some()
            })
        })
    }
}

/// The units under `roots` and the roots themselves, by position, depth
/// first, taking as many of each unit's children (and of the roots, for
/// `None`) as `side_by_side` says.
fn units_under<'a>(
    index: &'a CascadeIndex,
    roots: &[Id],
    side_by_side: impl Fn(Option<usize>) -> usize + 'a,
) -> impl Iterator<Item = usize> + 'a {
    let mut stack: Vec<usize> = roots
        .iter()
        .take(side_by_side(None))
        .filter_map(|r| index.unit(r))
        .collect();
    std::iter::from_fn(move || {
        let unit = stack.pop()?;
        stack.extend(index.children(unit).iter().take(side_by_side(Some(unit))));
        Some(unit)
    })
}
