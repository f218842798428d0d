//! Rollout strategies turned into phases, the known risks of a rollout plan,
//! and how far a rollout has got. The rules come from the five seed articles
//! behind DOMAIN.md ("Rolling OKRs out") and cite them where they are used.

use super::ParticipationStatus::{self, Active, NotStarted, ViewOnly};
use super::{
    CheckIn, Command, CycleKind, EditError, Id, Participation, Phase, Plan, ProgrammeEvent,
    ReadinessItem, Role, RoleAssignment, Rollout, Strategy, UnitTree, DEFAULT_READINESS,
};
use chrono::{Datelike, Days, Months, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// A phase whose readiness items are still open this many days before it
/// starts is a risk: two weeks leaves time to close them.
pub const READINESS_WARNING_DAYS: u64 = 14;
/// Seed 000 warns against "too much, too soon": more than this share of all
/// units becoming active in the first phase is flagged.
pub const FIRST_PHASE_SHARE: f64 = 0.3;
/// A hierarchy this deep (levels below the top) makes level by level slow (seed 001).
pub const DEEP_HIERARCHY: usize = 4;
/// Departments whose depths differ by this many levels make level by level uneven (seed 001).
pub const UNEVEN_DEPTH: usize = 2;
/// Seed 001: "two to three departments" make a department pilot.
pub const MAX_PILOT_DEPARTMENTS: usize = 3;
/// A key result counts as checked in when its latest update is at most this old.
pub const CHECK_IN_WINDOW_DAYS: u64 = 14;

const SPONSOR_SOURCE: &str = "Seed 003: a senior OKR sponsor is \"a critical requirement of successful implementations\"; without one it is 'the tail wagging the dog'";
const CHAMPION_SOURCE: &str = "Seed 002: \"Before rolling out OKRs, it's important to have an OKR program champion\", who owns the programme and leads the rollout";
const DEPTH_SOURCE: &str = "Seed 001: level by level, \"the varying depths of departmental hierarchies can complicate the process\", and it tends to become mere status aggregation";
const PARENTS_SOURCE: &str = "Seed 004: organisational OKRs \"documented and ready to communicate before the rest of the organisation is asked to do theirs\" (seed 002: company OKRs first)";
const PILOT_SIZE_SOURCE: &str =
    "Seed 001: select \"two to three departments or business units as the initial focus\"";
const LEAPFROG_SIZE_SOURCE: &str =
    "Seed 003: \"ring-fence the implementation and work with a specific team\"";
const REPRESENTATIVE_SOURCE: &str = "Seed 001: pilot departments of \"a manageable size that accurately reflect the broader organizational structure\"";
const READINESS_SOURCE: &str = "Seed 002: \"Before rolling out OKRs, it's important to have an OKR program champion and get executive level commitment\"; seed 004: leaders trained, expert support";
const LOAD_SOURCE: &str = "Seed 000: organisations that \"rush to get everyone involved from day one\" meet \"confusion, frustration, and failure\"";
const ALL_AT_ONCE_SOURCE: &str = "Seed 001: involving every level at once drives cultural change, against \"the impracticality of instituting widespread change across an entire organization simultaneously\"";
const VIEW_ONLY_SOURCE: &str = "Seed 000: \"you do want everyone to have view-only access\", so the organisation can observe and understand the value";

type Edit = Result<Command, EditError>;

fn refuse<T>(why: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(why.into()))
}

fn missing(what: &str, id: &Id) -> EditError {
    EditError(format!("The {what} \"{id}\" no longer exists."))
}

/// The unit tree seen from the top, as indexes into `plan.units`. Units on a
/// parent loop (bad data that `validate` reports) count as roots, so every
/// unit gets a place.
struct Org {
    /// Every unit after its parent.
    order: Vec<usize>,
    parent: Vec<Option<usize>>,
    depth: Vec<usize>,
    /// The depth-1 unit (department) a unit belongs to, itself at depth 1; `None` for roots.
    department: Vec<Option<usize>>,
}

impl Org {
    fn new(plan: &Plan) -> Self {
        let tree = UnitTree::new(plan);
        let count = plan.units.len();
        let mut org = Org {
            order: Vec::with_capacity(count),
            parent: vec![None; count],
            depth: vec![0; count],
            department: vec![None; count],
        };
        let mut seen = vec![false; count];
        for root in tree.roots.iter().copied().chain(0..count) {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            let mut next = org.order.len();
            org.order.push(root);
            while next < org.order.len() {
                let unit = org.order[next];
                next += 1;
                for &child in tree.children(unit) {
                    if !seen[child] {
                        seen[child] = true;
                        org.parent[child] = Some(unit);
                        org.depth[child] = org.depth[unit] + 1;
                        org.department[child] = org.department[unit].or(Some(child));
                        org.order.push(child);
                    }
                }
            }
        }
        org
    }

    fn max_depth(&self) -> usize {
        self.depth.iter().copied().max().unwrap_or(0)
    }

    /// The depth-1 units, in list order.
    fn departments(&self) -> Vec<usize> {
        (0..self.depth.len())
            .filter(|&u| self.depth[u] == 1)
            .collect()
    }

    /// How many levels each department has below it.
    fn department_heights(&self) -> FxHashMap<usize, usize> {
        let mut heights = FxHashMap::default();
        for (unit, department) in self.department.iter().enumerate() {
            if let Some(d) = *department {
                let height = heights.entry(d).or_insert(0);
                *height = (*height).max(self.depth[unit] - 1);
            }
        }
        heights
    }
}

/// A department's size, for picking and judging pilots: its headcount when
/// every department has one (people are what a pilot must manage), else the
/// number of units in its subtree.
fn department_sizes(plan: &Plan, org: &Org, departments: &[usize]) -> Vec<usize> {
    let headcounts: Option<Vec<usize>> = departments
        .iter()
        .map(|&d| plan.units[d].headcount.map(|h| h as usize))
        .collect();
    headcounts.unwrap_or_else(|| {
        departments
            .iter()
            .map(|&d| org.department.iter().filter(|&&x| x == Some(d)).count())
            .collect()
    })
}

/// Departments from smallest to largest (list order among equals).
fn departments_by_size(plan: &Plan, org: &Org) -> Vec<usize> {
    let departments = org.departments();
    let sizes = department_sizes(plan, org, &departments);
    let mut ranked: Vec<(usize, usize)> = departments.into_iter().zip(sizes).collect();
    ranked.sort_by_key(|&(_, size)| size);
    ranked.into_iter().map(|(unit, _)| unit).collect()
}

const SIZE_CLASSES: [&str; 3] = ["small", "medium", "large"];

/// Small, medium or large (0, 1, 2) by rank among all department sizes, so
/// the classes mean something in any organisation; equal sizes share a class.
fn size_class(size: usize, all: &[usize]) -> usize {
    all.iter().filter(|&&s| s < size).count() * 3 / all.len().max(1)
}

/// The pilots of a department pilot. Seed 001: "two to three departments" of
/// "a manageable size that accurately reflect the broader organizational
/// structure". By size: the smallest, the median and the second largest; the
/// largest is left out as the least manageable. Fewer departments give fewer
/// pilots (one of two, two of three), so there is always someone to extend to.
fn pilot_departments(plan: &Plan, org: &Org) -> Vec<usize> {
    let ranked = departments_by_size(plan, org);
    let count = ranked.len();
    if count == 0 {
        return Vec::new();
    }
    let mut picks = vec![0, (count - 1) / 2, count.saturating_sub(2)];
    picks.dedup();
    picks.into_iter().map(|i| ranked[i]).collect()
}

/// The ring-fenced unit of a leapfrog pilot (seed 004: "Choose one where the
/// chance of success is high, but where ... the value realised is
/// demonstrable"): the median-sized department, big enough to be visible,
/// small enough to succeed.
fn leapfrog_pilot(plan: &Plan, org: &Org) -> Option<usize> {
    let ranked = departments_by_size(plan, org);
    ranked.get(ranked.len().saturating_sub(1) / 2).copied()
}

fn names(plan: &Plan, units: &[usize]) -> String {
    const SHOWN: usize = 3;
    let mut text = units
        .iter()
        .take(SHOWN)
        .map(|&u| plan.units[u].name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if units.len() > SHOWN {
        text.push_str(&format!(" and {} more", units.len() - SHOWN));
    }
    text
}

/// A strategy's proposed rollout, ready to apply with [`apply_proposal`].
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub strategy: Strategy,
    pub phases: Vec<Phase>,
    /// Every unit's status in every phase.
    pub participation: Vec<Participation>,
}

/// Each phase of a strategy before it gets dates: what it is about, and every unit's status.
fn strategy_steps(
    plan: &Plan,
    org: &Org,
    strategy: Strategy,
) -> Vec<(String, Vec<ParticipationStatus>)> {
    let count = plan.units.len();
    let everyone = || ("everyone".to_owned(), vec![Active; count]);
    let by_depth = |rule: &dyn Fn(usize) -> ParticipationStatus| -> Vec<ParticipationStatus> {
        org.depth.iter().map(|&d| rule(d)).collect()
    };
    match strategy {
        // Seed 000: "Begin with leadership and middle management"; "For the
        // rest of your organization, view-only access is sufficient."
        // Then one level more per phase.
        Strategy::LeadershipFirst => {
            let last = org.max_depth().max(1);
            (1..=last)
                .map(|k| {
                    let about = match k {
                        _ if k == last => "everyone".to_owned(),
                        1 => "leadership and management".to_owned(),
                        _ => format!("level {} joins", k + 1),
                    };
                    (about, by_depth(&|d| if d <= k { Active } else { ViewOnly }))
                })
                .collect()
        }
        // Seed 001: "starts with the upper echelons ... before progressing
        // to the subsequent levels"; nobody else sees anything yet.
        Strategy::LevelByLevel => (1..=org.max_depth() + 1)
            .map(|k| {
                let rule = |d| if d < k { Active } else { NotStarted };
                (format!("level {k}"), by_depth(&rule))
            })
            .collect(),
        // Seed 001: pilot departments first (roots lead them), everyone else
        // watches; then everyone.
        Strategy::DepartmentPilot => {
            let pilots = pilot_departments(plan, org);
            if pilots.is_empty() {
                return vec![everyone()];
            }
            let first = (0..count)
                .map(|u| match org.department[u] {
                    None => Active,
                    Some(d) if pilots.contains(&d) => Active,
                    Some(_) => ViewOnly,
                })
                .collect();
            vec![
                (format!("pilot in {}", names(plan, &pilots)), first),
                everyone(),
            ]
        }
        // Seed 001: "engages all levels of the organization simultaneously".
        Strategy::AllAtOnce => vec![everyone()],
        // Seeds 003, 004: a ring-fenced pilot proves the value to a
        // leadership that watches (view-only: the proof of concept is for
        // them), then a relaunch to everyone. The rest has not started.
        Strategy::LeapfrogPilot => {
            let Some(pilot) = leapfrog_pilot(plan, org) else {
                return vec![everyone()];
            };
            let first = (0..count)
                .map(|u| match org.department[u] {
                    None => ViewOnly,
                    Some(d) if d == pilot => Active,
                    Some(_) => NotStarted,
                })
                .collect();
            vec![
                (format!("pilot in {}", plan.units[pilot].name), first),
                ("relaunch to everyone".to_owned(), vec![Active; count]),
            ]
        }
    }
}

/// Back-to-back quarters from the one containing `start`: the plan's own
/// quarter cycles where they line up (a fiscal year), else three-month spans
/// continuing from the calendar quarter containing `start`.
fn quarter_spans(plan: &Plan, start: NaiveDate, count: usize) -> Vec<(NaiveDate, NaiveDate)> {
    let quarters: Vec<_> = plan
        .cycles
        .iter()
        .filter(|c| c.kind == CycleKind::Quarter && c.start <= c.end)
        .collect();
    let calendar_quarter =
        NaiveDate::from_ymd_opt(start.year(), start.month0() / 3 * 3 + 1, 1).unwrap_or(start);
    let mut begin = quarters
        .iter()
        .filter(|c| c.contains(start))
        .map(|c| c.start)
        .min()
        .unwrap_or(calendar_quarter);
    let mut spans = Vec::with_capacity(count);
    for _ in 0..count {
        let end = quarters
            .iter()
            .find(|c| c.start == begin)
            .map(|c| c.end)
            .unwrap_or_else(|| {
                begin
                    .checked_add_months(Months::new(3))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(begin)
            });
        spans.push((begin, end));
        begin = end.succ_opt().unwrap_or(end);
    }
    spans
}

/// Proposes a rollout for the plan's own org tree, one phase per quarter from
/// the quarter containing `start`. Every unit gets a status in every phase; a
/// phase that would change nothing is left out (a pilot in the only department).
/// `new_id` mints the phase ids (prefix "ph").
pub fn propose(
    plan: &Plan,
    strategy: Strategy,
    start: NaiveDate,
    new_id: &mut dyn FnMut(&str) -> Id,
) -> Proposal {
    let org = Org::new(plan);
    let mut steps = strategy_steps(plan, &org, strategy);
    steps.dedup_by(|later, earlier| later.1 == earlier.1);
    let spans = quarter_spans(plan, start, steps.len());
    let phases: Vec<Phase> = steps
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, ((about, _), (start, end)))| Phase {
            id: new_id("ph"),
            name: format!("Phase {}: {about}", i + 1),
            start,
            end,
        })
        .collect();
    let participation = plan
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            phases
                .iter()
                .zip(&steps)
                .map(move |(phase, (_, status))| Participation {
                    unit: unit.id.clone(),
                    phase: phase.id.clone(),
                    status: status[u],
                })
        })
        .collect();
    Proposal {
        strategy,
        phases,
        participation,
    }
}

/// The rollout's phases by start date (list order among equals).
pub fn phases_in_order(rollout: &Rollout) -> Vec<&Phase> {
    let mut phases: Vec<&Phase> = rollout.phases.iter().collect();
    phases.sort_by_key(|p| p.start);
    phases
}

/// What the metrics of a proposal read of the rollout it would replace: the
/// roles, and the readiness checklist with the order of the phases it hangs
/// on (applying a proposal also keeps the cadence and events, which no
/// metric reads). An edit of anything else there (participation, a phase's
/// name, dates that keep the phases' order) leaves it, and so a comparison,
/// as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct CarriedOver {
    roles: Vec<RoleAssignment>,
    readiness: Vec<ReadinessItem>,
    /// The ids of the rollout's phases by start date.
    phase_order: Vec<Id>,
}

impl CarriedOver {
    pub fn of(rollout: &Rollout) -> Self {
        CarriedOver {
            roles: rollout.roles.clone(),
            readiness: rollout.readiness.clone(),
            phase_order: phases_in_order(rollout)
                .into_iter()
                .map(|p| p.id.clone())
                .collect(),
        }
    }

    /// The readiness checklist moved onto new phases by position: an item of
    /// the old second phase goes to the new second phase (the last one if
    /// there are fewer), so a checklist survives a change of strategy; items
    /// of an unknown phase go to the first.
    fn readiness_on(&self, new_phases: &[Phase]) -> Vec<ReadinessItem> {
        let Some(last) = new_phases.len().checked_sub(1) else {
            return self.readiness.clone();
        };
        let old = &self.phase_order;
        self.readiness
            .iter()
            .map(|item| {
                let at = old.iter().position(|id| *id == item.phase).unwrap_or(0);
                ReadinessItem {
                    phase: new_phases[at.min(last)].id.clone(),
                    ..item.clone()
                }
            })
            .collect()
    }
}

/// Makes a proposal the plan's rollout (strategy, phases, participation) in
/// one undoable edit; readiness items follow their phase by position (see
/// [`CarriedOver`]). Refuses a proposal made for units since deleted.
pub fn apply_proposal(plan: &Plan, proposal: Proposal) -> Edit {
    if proposal.phases.is_empty() {
        return refuse("A rollout needs at least one phase.");
    }
    let phase_ids: FxHashSet<&Id> = proposal.phases.iter().map(|p| &p.id).collect();
    let units = plan.unit_positions();
    let stale = proposal
        .participation
        .iter()
        .any(|p| !units.contains_key(&p.unit) || !phase_ids.contains(&p.phase));
    if stale {
        return refuse("The proposal no longer matches the plan; propose again.");
    }
    let readiness = CarriedOver::of(&plan.rollout).readiness_on(&proposal.phases);
    Ok(Command::SetRolloutPlan {
        strategy: proposal.strategy,
        phases: proposal.phases,
        participation: proposal.participation,
        readiness,
    })
}

fn status_label(status: ParticipationStatus) -> &'static str {
    match status {
        NotStarted => "not started",
        ViewOnly => "view-only",
        Active => "active",
    }
}

/// The steps that give `unit` the `status` in `phase`: an existing entry is
/// replaced in place, a new one appended after the `appended` ones that
/// earlier steps of the same edit add.
fn put_status(
    plan: &Plan,
    unit: &Id,
    phase: &Id,
    status: ParticipationStatus,
    appended: &mut usize,
) -> Vec<Command> {
    let list = &plan.rollout.participation;
    let participation = Participation {
        unit: unit.clone(),
        phase: phase.clone(),
        status,
    };
    match list
        .iter()
        .position(|p| &p.unit == unit && &p.phase == phase)
    {
        Some(index) if list[index].status == status => Vec::new(),
        Some(index) => vec![
            Command::RemoveParticipation { index },
            Command::InsertParticipation {
                index,
                participation,
            },
        ],
        None => {
            *appended += 1;
            vec![Command::InsertParticipation {
                index: list.len() + *appended - 1,
                participation,
            }]
        }
    }
}

fn unit_name<'a>(plan: &'a Plan, unit: &Id) -> Result<&'a str, EditError> {
    plan.unit(unit)
        .map(|u| u.name.as_str())
        .ok_or_else(|| missing("unit", unit))
}

/// Sets one unit's status in one phase, adding the entry if there is none.
pub fn set_participation(plan: &Plan, unit: &Id, phase: &Id, status: ParticipationStatus) -> Edit {
    let unit_name = unit_name(plan, unit)?;
    let phase_name = plan
        .rollout
        .phases
        .iter()
        .find(|p| &p.id == phase)
        .map(|p| p.name.as_str())
        .ok_or_else(|| missing("phase", phase))?;
    Ok(Command::Batch {
        label: format!(
            "set \"{unit_name}\" to {} in \"{phase_name}\"",
            status_label(status)
        ),
        steps: put_status(plan, unit, phase, status, &mut 0),
    })
}

/// "This unit becomes active from that phase on": Active in `phase` and in
/// every later one (by start date); in each earlier phase it stays an
/// observer (ViewOnly) if it was ViewOnly or Active there, else NotStarted.
/// Only this unit changes; the units below it keep their statuses.
pub fn move_unit_to_phase(plan: &Plan, unit: &Id, phase: &Id) -> Edit {
    let unit_name = unit_name(plan, unit)?;
    let phases = phases_in_order(&plan.rollout);
    let from = phases
        .iter()
        .position(|p| &p.id == phase)
        .ok_or_else(|| missing("phase", phase))?;
    let was_in_view = |phase: &Id| {
        plan.rollout
            .participation
            .iter()
            .any(|p| &p.unit == unit && &p.phase == phase && p.status != NotStarted)
    };
    let mut appended = 0;
    let mut steps = Vec::new();
    for (i, p) in phases.iter().enumerate() {
        let status = if i >= from {
            Active
        } else if was_in_view(&p.id) {
            ViewOnly
        } else {
            NotStarted
        };
        steps.extend(put_status(plan, unit, &p.id, status, &mut appended));
    }
    Ok(Command::Batch {
        label: format!("make \"{unit_name}\" active from \"{}\"", phases[from].name),
        steps,
    })
}

/// Records a pause or relaunch (seed 003: "hitting the pause button on the
/// use of OKRs until there is full buy-in", then "relaunching"). Events are
/// kept in date order.
pub fn add_event(plan: &Plan, event: ProgrammeEvent) -> Edit {
    let mut events = plan.rollout.events.clone();
    if events.iter().any(|e| e.id == event.id) {
        return refuse(format!("The id \"{}\" is already in use.", event.id));
    }
    let at = events
        .iter()
        .position(|e| e.date > event.date)
        .unwrap_or(events.len());
    events.insert(at, event);
    Ok(Command::SetEvents(events))
}

pub fn remove_event(plan: &Plan, id: &Id) -> Edit {
    let mut events = plan.rollout.events.clone();
    let at = events
        .iter()
        .position(|e| &e.id == id)
        .ok_or_else(|| missing("event", id))?;
    events.remove(at);
    Ok(Command::SetEvents(events))
}

/// Whether the rollout differs from what its strategy proposes from its
/// first phase's start: phases renamed or moved, statuses changed, units
/// added since. Replacing such a plan deserves a question first.
pub fn hand_edited(plan: &Plan) -> bool {
    let phases = phases_in_order(&plan.rollout);
    let Some(first) = phases.first() else {
        return false;
    };
    let proposal = propose(plan, plan.rollout.strategy, first.start, &mut |p| {
        Id::from(p)
    });
    let count = proposal.phases.len();
    if count != phases.len() {
        return true;
    }
    let same_phases = phases
        .iter()
        .zip(&proposal.phases)
        .all(|(a, b)| a.name == b.name && a.start == b.start && a.end == b.end);
    // Proposals list participation unit by unit, each with every phase in order.
    let proposed = |k: usize, u: usize| proposal.participation[u * count + k].status;
    let grid = Grid::new(plan, &plan.rollout);
    let same_status = grid
        .status
        .iter()
        .enumerate()
        .all(|(k, row)| row.iter().enumerate().all(|(u, &s)| s == proposed(k, u)));
    !(same_phases && same_status)
}

/// Every unit's status in every phase, phases as [`phases_in_order`] and
/// units in list order, as `status[phase][unit]`; no entry means NotStarted.
pub fn status_table(plan: &Plan) -> Vec<Vec<ParticipationStatus>> {
    Grid::new(plan, &plan.rollout).status
}

/// Renames a phase or moves its dates. A phase needs a name and must not end
/// before it starts.
pub fn edit_phase(plan: &Plan, id: &Id, change: impl FnOnce(&mut Phase)) -> Edit {
    let mut phases = plan.rollout.phases.clone();
    let phase = phases
        .iter_mut()
        .find(|p| &p.id == id)
        .ok_or_else(|| missing("phase", id))?;
    change(phase);
    phase.name = phase.name.trim().to_owned();
    if phase.name.is_empty() {
        return refuse("A phase needs a name.");
    }
    if phase.end < phase.start {
        return refuse(format!(
            "“{}” cannot end ({}) before it starts ({}).",
            phase.name, phase.end, phase.start
        ));
    }
    let label = format!("edit \"{}\"", phase.name);
    let rollout = &plan.rollout;
    Ok(Command::Batch {
        label,
        steps: vec![Command::SetRolloutPlan {
            strategy: rollout.strategy,
            phases,
            participation: rollout.participation.clone(),
            readiness: rollout.readiness.clone(),
        }],
    })
}

fn check_role_unit(plan: &Plan, role: &RoleAssignment) -> Result<(), EditError> {
    match &role.unit {
        Some(unit) if plan.unit(unit).is_none() => Err(missing("unit", unit)),
        _ => Ok(()),
    }
}

pub fn add_role(plan: &Plan, role: RoleAssignment) -> Edit {
    if plan.rollout.roles.iter().any(|r| r.id == role.id) {
        return refuse(format!("The id \"{}\" is already in use.", role.id));
    }
    check_role_unit(plan, &role)?;
    let mut roles = plan.rollout.roles.clone();
    roles.push(role);
    Ok(Command::SetRoles(roles))
}

/// Changes one role assignment (its role, person or unit).
pub fn edit_role(plan: &Plan, id: &Id, change: impl FnOnce(&mut RoleAssignment)) -> Edit {
    let mut roles = plan.rollout.roles.clone();
    let role = roles
        .iter_mut()
        .find(|r| &r.id == id)
        .ok_or_else(|| missing("role", id))?;
    change(role);
    role.person = role.person.trim().to_owned();
    check_role_unit(plan, role)?;
    Ok(Command::SetRoles(roles))
}

pub fn remove_role(plan: &Plan, id: &Id) -> Edit {
    let mut roles = plan.rollout.roles.clone();
    let at = roles
        .iter()
        .position(|r| &r.id == id)
        .ok_or_else(|| missing("role", id))?;
    roles.remove(at);
    Ok(Command::SetRoles(roles))
}

fn phase_name<'a>(plan: &'a Plan, phase: &Id) -> Result<&'a str, EditError> {
    plan.rollout
        .phases
        .iter()
        .find(|p| &p.id == phase)
        .map(|p| p.name.as_str())
        .ok_or_else(|| missing("phase", phase))
}

/// Adds an item to its phase's checklist; it needs some text.
pub fn add_readiness_item(plan: &Plan, item: ReadinessItem) -> Edit {
    phase_name(plan, &item.phase)?;
    if plan.rollout.readiness.iter().any(|r| r.id == item.id) {
        return refuse(format!("The id \"{}\" is already in use.", item.id));
    }
    let text = item.text.trim().to_owned();
    if text.is_empty() {
        return refuse("A readiness item needs some text.");
    }
    let mut items = plan.rollout.readiness.clone();
    items.push(ReadinessItem { text, ..item });
    Ok(Command::SetReadiness(items))
}

/// Ticks, unticks or rewords one readiness item.
pub fn edit_readiness_item(plan: &Plan, id: &Id, change: impl FnOnce(&mut ReadinessItem)) -> Edit {
    let mut items = plan.rollout.readiness.clone();
    let item = items
        .iter_mut()
        .find(|r| &r.id == id)
        .ok_or_else(|| missing("readiness item", id))?;
    change(item);
    item.text = item.text.trim().to_owned();
    if item.text.is_empty() {
        return refuse("A readiness item needs some text.");
    }
    Ok(Command::SetReadiness(items))
}

pub fn remove_readiness_item(plan: &Plan, id: &Id) -> Edit {
    let mut items = plan.rollout.readiness.clone();
    let at = items
        .iter()
        .position(|r| &r.id == id)
        .ok_or_else(|| missing("readiness item", id))?;
    items.remove(at);
    Ok(Command::SetReadiness(items))
}

/// Adds the items of [`DEFAULT_READINESS`] the phase's checklist lacks (by
/// text, ignoring case), not yet done; `new_id` mints their ids (prefix "rd").
pub fn add_default_readiness(plan: &Plan, phase: &Id, new_id: &mut dyn FnMut(&str) -> Id) -> Edit {
    let name = phase_name(plan, phase)?;
    let has = |text: &str| {
        plan.rollout
            .readiness
            .iter()
            .any(|r| &r.phase == phase && r.text.eq_ignore_ascii_case(text))
    };
    let mut items = plan.rollout.readiness.clone();
    let before = items.len();
    items.extend(
        DEFAULT_READINESS
            .iter()
            .filter(|text| !has(text))
            .map(|text| ReadinessItem {
                id: new_id("rd"),
                phase: phase.clone(),
                text: (*text).to_owned(),
                done: false,
            }),
    );
    if items.len() == before {
        return refuse(format!("“{name}” already has the standard checklist."));
    }
    Ok(Command::SetReadiness(items))
}

/// Every unit's status in every phase, phases by start date, as
/// `status[phase][unit]`; a missing entry means NotStarted.
struct Grid<'a> {
    phases: Vec<&'a Phase>,
    status: Vec<Vec<ParticipationStatus>>,
}

impl<'a> Grid<'a> {
    fn new(plan: &Plan, rollout: &'a Rollout) -> Self {
        let phases = phases_in_order(rollout);
        let phase_at: FxHashMap<&Id, usize> =
            phases.iter().enumerate().map(|(i, p)| (&p.id, i)).collect();
        let unit_at: FxHashMap<&Id, usize> = plan.unit_positions();
        let mut status = vec![vec![NotStarted; plan.units.len()]; phases.len()];
        for p in &rollout.participation {
            if let (Some(&phase), Some(&unit)) = (phase_at.get(&p.phase), unit_at.get(&p.unit)) {
                status[phase][unit] = p.status;
            }
        }
        Grid { phases, status }
    }

    /// Units Active in phase `k` that were not Active in the phase before.
    fn newly_active(&self, k: usize) -> usize {
        (0..self.status[k].len())
            .filter(|&u| self.status[k][u] == Active && (k == 0 || self.status[k - 1][u] != Active))
            .count()
    }

    /// The phase in force on `day`: the latest one that has started by then
    /// (after the last phase ends its statuses stay); `None` before the first.
    fn current(&self, day: NaiveDate) -> Option<usize> {
        (0..self.phases.len())
            .rev()
            .find(|&k| self.phases[k].start <= day)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskKind {
    NoExecutiveSponsor,
    NoChampion,
    LevelByLevelOnDeepHierarchy,
    ActiveBeforeParents,
    PilotTooLarge,
    PilotNotRepresentative,
    PhaseStartsWithOpenReadiness,
    TooManyUnitsInFirstPhase,
    NoViewOnlyAccess,
}

/// A known risk of the rollout plan, with the seed text that names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Risk {
    pub kind: RiskKind,
    /// The unit or phase it is about, if one.
    pub subject: Option<Id>,
    /// One line, naming the unit or phase.
    pub message: String,
    /// The seed article and its point.
    pub source: &'static str,
}

fn risk(kind: RiskKind, subject: Option<&Id>, message: String, source: &'static str) -> Risk {
    Risk {
        kind,
        subject: subject.cloned(),
        message,
        source,
    }
}

/// The known risks of the plan's rollout as of `today`, in the order of
/// [`RiskKind`], with `owners` the plan's. A plan without rollout phases has
/// none: nothing is planned yet.
pub fn risks(plan: &Plan, owners: &ObjectiveOwners, today: NaiveDate) -> Vec<Risk> {
    risks_of(plan, owners, &plan.rollout, today)
}

/// The known risks of `rollout` (the plan's own or a proposal) for the
/// plan's organisation, objectives and cycles.
fn risks_of(
    plan: &Plan,
    owners: &ObjectiveOwners,
    rollout: &Rollout,
    today: NaiveDate,
) -> Vec<Risk> {
    if rollout.phases.is_empty() {
        return Vec::new();
    }
    let org = Org::new(plan);
    let grid = Grid::new(plan, rollout);
    let soon = today
        .checked_add_days(Days::new(READINESS_WARNING_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let mut found = role_risks(rollout);
    found.extend(deep_hierarchy(plan, rollout.strategy, &org));
    found.extend(active_before_parents(plan, owners, &org, &grid, soon));
    found.extend(pilot_risks(plan, rollout.strategy, &org, &grid));
    found.extend(open_readiness(rollout, &grid, today, soon));
    found.extend(first_phase_load(plan, rollout.strategy, &grid));
    found.extend(no_view_only(&grid));
    found
}

fn role_risks(rollout: &Rollout) -> Vec<Risk> {
    let named = |role: Role| {
        rollout
            .roles
            .iter()
            .any(|r| r.role == role && !r.person.trim().is_empty())
    };
    let mut found = Vec::new();
    if !named(Role::ExecutiveSponsor) {
        found.push(risk(
            RiskKind::NoExecutiveSponsor,
            None,
            "No executive sponsor is named for the rollout.".into(),
            SPONSOR_SOURCE,
        ));
    }
    if !named(Role::Champion) {
        found.push(risk(
            RiskKind::NoChampion,
            None,
            "No OKR champion is named to own the rollout.".into(),
            CHAMPION_SOURCE,
        ));
    }
    found
}

/// Level by level where the hierarchy is deep (levels below the top reach
/// [`DEEP_HIERARCHY`]) or uneven (department depths differ by [`UNEVEN_DEPTH`]);
/// the subject is the deepest department.
fn deep_hierarchy(plan: &Plan, strategy: Strategy, org: &Org) -> Option<Risk> {
    if strategy != Strategy::LevelByLevel {
        return None;
    }
    let heights = org.department_heights();
    let departments = org.departments();
    // Reversed so that, among equals, the first in list order wins.
    let deepest = departments.iter().copied().rev().max_by_key(|d| heights[d]);
    let shallowest = departments.iter().copied().min_by_key(|d| heights[d]);
    let uneven = deepest
        .zip(shallowest)
        .filter(|(deep, shallow)| heights[deep] - heights[shallow] >= UNEVEN_DEPTH);
    let levels = org.max_depth() + 1;
    let message = match uneven {
        Some((deep, shallow)) => format!(
            "Level by level through {levels} levels: {} has {} levels below it, {} only {}, so deep departments wait far longer.",
            plan.units[deep].name, heights[&deep], plan.units[shallow].name, heights[&shallow]
        ),
        None if org.max_depth() >= DEEP_HIERARCHY => format!(
            "Level by level through {levels} levels: the lowest level waits {levels} phases to take part."
        ),
        None => return None,
    };
    let subject = deepest.map(|d| &plan.units[d].id);
    Some(risk(
        RiskKind::LevelByLevelOnDeepHierarchy,
        subject,
        message,
        DEPTH_SOURCE,
    ))
}

/// Units Active in a phase while their parent is not, or while their parent
/// has no objectives in a cycle overlapping the phase; one risk per phase and
/// parent (the subject). Missing parent objectives only count for phases
/// that have started or start soon: nobody writes next year's OKRs today.
fn active_before_parents(
    plan: &Plan,
    owners: &ObjectiveOwners,
    org: &Org,
    grid: &Grid,
    soon: NaiveDate,
) -> Vec<Risk> {
    let mut found = Vec::new();
    for (phase, status) in grid.phases.iter().zip(&grid.status) {
        let cycles: Vec<&Id> = plan
            .cycles
            .iter()
            .filter(|c| c.start <= phase.end && phase.start <= c.end)
            .map(|c| &c.id)
            .collect();
        let has_objectives = |unit: usize| {
            let unit = &plan.units[unit].id;
            cycles.iter().any(|cycle| owners.owns(cycle, unit))
        };
        let mut early: BTreeMap<usize, (Vec<usize>, bool)> = BTreeMap::new();
        for (unit, &parent) in org.parent.iter().enumerate() {
            let Some(parent) = parent else { continue };
            if status[unit] != Active {
                continue;
            }
            let parent_active = status[parent] == Active;
            if parent_active && (phase.start > soon || has_objectives(parent)) {
                continue;
            }
            let entry = early.entry(parent).or_insert((Vec::new(), parent_active));
            entry.0.push(unit);
        }
        for (parent, (units, parent_active)) in early {
            let (is, their) = if units.len() == 1 {
                ("is", "its")
            } else {
                ("are", "their")
            };
            let why = if parent_active {
                "has no objectives for that time"
            } else {
                "is not active"
            };
            let message = format!(
                "In “{}”, {} {is} active while {their} parent {} {why}.",
                phase.name,
                names(plan, &units),
                plan.units[parent].name
            );
            found.push(risk(
                RiskKind::ActiveBeforeParents,
                Some(&plan.units[parent].id),
                message,
                PARENTS_SOURCE,
            ));
        }
    }
    found
}

/// For pilot strategies: too many departments in the first phase (more than
/// [`MAX_PILOT_DEPARTMENTS`] for a department pilot, more than one for a
/// ring-fenced leapfrog pilot), and, for a department pilot only (seed 001's
/// criterion; a leapfrog pilot is chosen for likely success instead), pilots
/// that all share one size class or kind while the departments do not.
fn pilot_risks(plan: &Plan, strategy: Strategy, org: &Org, grid: &Grid) -> Vec<Risk> {
    let (Some(first), Some(status)) = (grid.phases.first(), grid.status.first()) else {
        return Vec::new();
    };
    let (limit, source) = match strategy {
        Strategy::DepartmentPilot => (MAX_PILOT_DEPARTMENTS, PILOT_SIZE_SOURCE),
        Strategy::LeapfrogPilot => (1, LEAPFROG_SIZE_SOURCE),
        _ => return Vec::new(),
    };
    let departments = org.departments();
    let in_pilot: Vec<bool> = departments
        .iter()
        .map(|&d| (0..status.len()).any(|u| org.department[u] == Some(d) && status[u] == Active))
        .collect();
    let pilots: Vec<usize> = departments
        .iter()
        .zip(&in_pilot)
        .filter(|(_, &p)| p)
        .map(|(&d, _)| d)
        .collect();
    let mut found = Vec::new();
    let subject = Some(&first.id);
    if pilots.len() > limit {
        let message = format!(
            "{} departments are active in “{}”; a pilot this wide is no longer {}.",
            pilots.len(),
            first.name,
            if limit == 1 {
                "ring-fenced"
            } else {
                "of a manageable size"
            }
        );
        found.push(risk(RiskKind::PilotTooLarge, subject, message, source));
    }
    if strategy != Strategy::DepartmentPilot {
        return found;
    }
    let sizes = department_sizes(plan, org, &departments);
    let classes: Vec<usize> = sizes.iter().map(|&s| size_class(s, &sizes)).collect();
    let kinds: Vec<&str> = departments
        .iter()
        .map(|&d| plan.units[d].kind.label())
        .collect();
    let what = if let Some(class) = narrow(&picked(&classes, &in_pilot), &classes) {
        format!("{} departments", SIZE_CLASSES[class])
    } else if let Some(kind) = narrow(&picked(&kinds, &in_pilot), &kinds) {
        format!("units of kind {kind}")
    } else {
        return found;
    };
    let message = format!(
        "The pilot covers only {what} ({}); add one that differs so it represents the organisation.",
        names(plan, &pilots)
    );
    found.push(risk(
        RiskKind::PilotNotRepresentative,
        subject,
        message,
        REPRESENTATIVE_SOURCE,
    ));
    found
}

fn picked<T: Copy>(all: &[T], chosen: &[bool]) -> Vec<T> {
    all.iter()
        .zip(chosen)
        .filter(|(_, &c)| c)
        .map(|(&x, _)| x)
        .collect()
}

/// The one value all pilots share, if the whole set has others too.
fn narrow<T: Copy + PartialEq>(pilots: &[T], all: &[T]) -> Option<T> {
    let first = *pilots.first()?;
    let shared = pilots.iter().all(|&x| x == first) && all.iter().any(|&x| x != first);
    shared.then_some(first)
}

/// Phases that have started (and not ended) by `today`, or start by `soon`,
/// with readiness items not done; a phase that is over is past helping.
fn open_readiness(rollout: &Rollout, grid: &Grid, today: NaiveDate, soon: NaiveDate) -> Vec<Risk> {
    grid.phases
        .iter()
        .filter(|p| p.start <= soon && today <= p.end)
        .filter_map(|phase| {
            let items: Vec<&ReadinessItem> = rollout
                .readiness
                .iter()
                .filter(|r| r.phase == phase.id)
                .collect();
            let open: Vec<&&ReadinessItem> = items.iter().filter(|r| !r.done).collect();
            let first_open = open.first()?;
            let when = if phase.start <= today {
                "started"
            } else {
                "starts"
            };
            let message = format!(
                "“{}” {when} on {} with {} of {} readiness items open, such as “{}”.",
                phase.name,
                phase.start,
                open.len(),
                items.len(),
                first_open.text
            );
            Some(risk(
                RiskKind::PhaseStartsWithOpenReadiness,
                Some(&phase.id),
                message,
                READINESS_SOURCE,
            ))
        })
        .collect()
}

/// More than [`FIRST_PHASE_SHARE`] of the units active in the first phase.
/// All at once chooses exactly that, so there it is reported as the known
/// trade-off (the highest load) rather than as a mistake.
fn first_phase_load(plan: &Plan, strategy: Strategy, grid: &Grid) -> Option<Risk> {
    let first = grid.phases.first()?;
    let total = plan.units.len();
    let active = grid.newly_active(0);
    if total == 0 || (active as f64) <= FIRST_PHASE_SHARE * total as f64 {
        return None;
    }
    let (message, source) = if strategy == Strategy::AllAtOnce {
        (
            format!(
                "{active} of {total} units start together in “{}”: the known trade-off of an inclusive rollout is the highest load on training and support.",
                first.name
            ),
            ALL_AT_ONCE_SOURCE,
        )
    } else {
        (
            format!(
                "{active} of {total} units ({:.0}%) become active in “{}”: more than {:.0}% at once is too much, too soon.",
                share(active, total) * 100.0,
                first.name,
                FIRST_PHASE_SHARE * 100.0
            ),
            LOAD_SOURCE,
        )
    };
    Some(risk(
        RiskKind::TooManyUnitsInFirstPhase,
        Some(&first.id),
        message,
        source,
    ))
}

/// Phases where some units have not started and none may even look.
fn no_view_only(grid: &Grid) -> Vec<Risk> {
    grid.phases
        .iter()
        .zip(&grid.status)
        .filter(|(_, status)| !status.contains(&ViewOnly))
        .filter_map(|(phase, status)| {
            let waiting = status.iter().filter(|&&s| s == NotStarted).count();
            (waiting > 0).then(|| {
                risk(
                    RiskKind::NoViewOnlyAccess,
                    Some(&phase.id),
                    format!(
                        "In “{}”, {waiting} units have not started and none can see the OKRs; give them view-only access.",
                        phase.name
                    ),
                    VIEW_ONLY_SOURCE,
                )
            })
        })
        .collect()
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The numbers a rollout is compared by.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyMetrics {
    pub strategy: Strategy,
    pub phases: usize,
    /// From the first phase's start to the start of the first phase where
    /// every unit is Active; `None` if that never happens.
    pub days_to_full_coverage: Option<i64>,
    /// The most units becoming Active in a single phase.
    pub peak_newly_active: usize,
    pub risks: Vec<Risk>,
}

/// The metrics of the plan's rollout as it stands, risks as of `today`.
pub fn strategy_metrics(plan: &Plan, today: NaiveDate) -> StrategyMetrics {
    metrics_of(plan, &ObjectiveOwners::new(plan), &plan.rollout, today)
}

fn metrics_of(
    plan: &Plan,
    owners: &ObjectiveOwners,
    rollout: &Rollout,
    today: NaiveDate,
) -> StrategyMetrics {
    let grid = Grid::new(plan, rollout);
    let first = grid.phases.first().map(|p| p.start);
    let full = grid
        .phases
        .iter()
        .zip(&grid.status)
        .find(|(_, status)| status.iter().all(|&s| s == Active))
        .map(|(p, _)| p.start);
    StrategyMetrics {
        strategy: rollout.strategy,
        phases: grid.phases.len(),
        days_to_full_coverage: first.zip(full).map(|(a, b)| (b - a).num_days()),
        peak_newly_active: (0..grid.phases.len())
            .map(|k| grid.newly_active(k))
            .max()
            .unwrap_or(0),
        risks: risks_of(plan, owners, rollout, today),
    }
}

/// Compares two strategies by proposing each, from `start`, for the plan's
/// organisation and measuring it with risks as of `start`, with what applying
/// the proposal would carry over from the plan's rollout (`carried`, from
/// [`CarriedOver::of`]); the plan's own rollout is not read, and the plan is
/// not copied. Phase subjects in the risks name the proposals' phases
/// ("proposed-phase-1", …), not the plan's.
pub fn compare(
    plan: &Plan,
    carried: &CarriedOver,
    a: Strategy,
    b: Strategy,
    start: NaiveDate,
) -> (StrategyMetrics, StrategyMetrics) {
    let owners = ObjectiveOwners::new(plan);
    let measure = |strategy| {
        let mut minted = 0;
        let proposal = propose(plan, strategy, start, &mut |_| {
            minted += 1;
            Id::from(format!("proposed-phase-{minted}").as_str())
        });
        // The cadence and programme events do not bear on the metrics.
        let proposed = Rollout {
            strategy,
            readiness: carried.readiness_on(&proposal.phases),
            phases: proposal.phases,
            participation: proposal.participation,
            roles: carried.roles.clone(),
            ..Rollout::default()
        };
        metrics_of(plan, &owners, &proposed, start)
    };
    (measure(a), measure(b))
}

/// Which units have objectives in which cycle: all that the risks and the
/// coverage ask of the objectives. It reads only the plan's layout, so a view
/// keeps it across rollout edits instead of going over every objective again.
pub struct ObjectiveOwners {
    units_by_cycle: FxHashMap<Id, FxHashSet<Id>>,
}

impl ObjectiveOwners {
    pub fn new(plan: &Plan) -> Self {
        let mut units_by_cycle: FxHashMap<Id, FxHashSet<Id>> = FxHashMap::default();
        for objective in &plan.objectives {
            let units = match units_by_cycle.get_mut(&objective.cycle) {
                Some(units) => units,
                None => units_by_cycle.entry(objective.cycle.clone()).or_default(),
            };
            if !units.contains(&objective.unit) {
                units.insert(objective.unit.clone());
            }
        }
        ObjectiveOwners { units_by_cycle }
    }

    /// Whether `unit` has an objective in `cycle`.
    pub fn owns(&self, cycle: &Id, unit: &Id) -> bool {
        self.units_by_cycle
            .get(cycle)
            .is_some_and(|units| units.contains(unit))
    }
}

/// How far the rollout reaches at the start of one phase.
#[derive(Clone, Debug, PartialEq)]
pub struct AdoptionPoint {
    pub phase: Id,
    pub start: NaiveDate,
    /// Shares of all units, 0.0–1.0.
    pub active_units: f64,
    pub view_only_units: f64,
    /// Shares of all known people; `None` when no unit has a headcount.
    pub active_people: Option<f64>,
    pub view_only_people: Option<f64>,
}

/// People counted once each: a unit's headcount minus the people its
/// sub-units account for, because headcounts nest (a department's includes
/// its teams'). A unit without a headcount owns nobody; the people below it
/// count at the sub-units that know theirs. The total is then the roots'
/// headcount wherever the numbers are consistent.
fn own_people(plan: &Plan, org: &Org) -> Vec<u64> {
    let mut below = vec![0u64; plan.units.len()];
    let mut own = vec![0u64; plan.units.len()];
    for &unit in org.order.iter().rev() {
        let counted = match plan.units[unit].headcount {
            Some(headcount) => {
                let headcount = u64::from(headcount);
                own[unit] = headcount.saturating_sub(below[unit]);
                headcount.max(below[unit])
            }
            None => below[unit],
        };
        if let Some(parent) = org.parent[unit] {
            below[parent] += counted;
        }
    }
    own
}

/// Adoption phase by phase: shares of units and of people that are Active or
/// ViewOnly. A person counts with the unit they sit in directly (see [`own_people`]).
pub fn adoption(plan: &Plan) -> Vec<AdoptionPoint> {
    let org = Org::new(plan);
    let grid = Grid::new(plan, &plan.rollout);
    let people = own_people(plan, &org);
    let total_people: u64 = people.iter().sum();
    grid.phases
        .iter()
        .zip(&grid.status)
        .map(|(phase, status)| {
            let units = |want| share(status.iter().filter(|&&s| s == want).count(), status.len());
            let people = |want| {
                let counted: u64 = status
                    .iter()
                    .zip(&people)
                    .filter(|(&s, _)| s == want)
                    .map(|(_, &p)| p)
                    .sum();
                (total_people > 0).then(|| counted as f64 / total_people as f64)
            };
            AdoptionPoint {
                phase: phase.id.clone(),
                start: phase.start,
                active_units: units(Active),
                view_only_units: units(ViewOnly),
                active_people: people(Active),
                view_only_people: people(ViewOnly),
            }
        })
        .collect()
}

/// How many of the active units have OKRs, one of the key results the rollout
/// is measured with (seed 004: "Consider using OKRs as the mechanism for
/// defining and measuring the success of your OKR implementation"); the
/// other is [`check_in_rate`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OkrCoverage {
    /// Share of the active units that have at least one objective in the cycle.
    pub coverage: f64,
    pub active_units: usize,
    pub units_with_okrs: usize,
}

/// How many of the units Active in the phase in force today (the latest
/// phase started by then) have objectives in `cycle`, with `owners` the plan's.
pub fn okr_coverage(
    plan: &Plan,
    owners: &ObjectiveOwners,
    cycle: &Id,
    today: NaiveDate,
) -> OkrCoverage {
    let grid = Grid::new(plan, &plan.rollout);
    let active: Vec<&Id> = grid
        .current(today)
        .map(|k| {
            plan.units
                .iter()
                .zip(&grid.status[k])
                .filter(|(_, &s)| s == Active)
                .map(|(u, _)| &u.id)
                .collect()
        })
        .unwrap_or_default();
    let units_with_okrs = active.iter().filter(|u| owners.owns(cycle, u)).count();
    OkrCoverage {
        coverage: share(units_with_okrs, active.len()),
        active_units: active.len(),
        units_with_okrs,
    }
}

/// The share of `cycle`'s key results checked in recently: with a check-in at
/// most [`CHECK_IN_WINDOW_DAYS`] old (and not in the future), or with any
/// check-in once the cycle has ended. It does not read the rollout, so a
/// view keeps it across rollout edits.
pub fn check_in_rate(plan: &Plan, cycle: &Id, today: NaiveDate) -> f64 {
    let ended = plan.cycle(cycle).is_some_and(|c| c.end < today);
    let since = today
        .checked_sub_days(Days::new(CHECK_IN_WINDOW_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let key_results = plan
        .objectives
        .iter()
        .filter(|o| &o.cycle == cycle)
        .flat_map(|o| &o.key_results);
    let (mut checked_in, mut all) = (0, 0);
    for kr in key_results {
        all += 1;
        let recent = |c: &CheckIn| ended || (since <= c.date && c.date <= today);
        if kr.check_ins.iter().any(recent) {
            checked_in += 1;
        }
    }
    share(checked_in, all)
}
