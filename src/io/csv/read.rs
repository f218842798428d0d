//! The CSV import: rows of objectives and key results applied to a copy of
//! the plan, with every problem reported at its spreadsheet row and column.
//!
//! A row with the id of an objective or key result in the plan edits it; any
//! other row adds one. Nothing is deleted. Empty cells keep what is there.

use super::{number, records, unguard, Record, COLUMNS};
use crate::io::items::mark_synced;
use crate::io::json::check_size;
use crate::model::{
    find_unit, unit_paths, validate, Alignment, CheckIn, Commitment, Cycle, Id, KeyResult,
    MeasureKind, Objective, Plan, Review, UnitTree,
};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

/// One thing wrong with a CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvProblem {
    /// The spreadsheet row, 1-based with the header as row 1; 0 for the whole file.
    pub row: usize,
    /// The column's header name, or "" when the whole row or file is meant.
    pub column: String,
    pub message: String,
}

impl CsvProblem {
    /// Where the problem is, in a spreadsheet's terms ("Row 4, column \"target\"").
    pub fn place(&self) -> String {
        match (self.row, self.column.as_str()) {
            (0, "") => "(file)".into(),
            (0, column) => format!("Column \"{column}\""),
            (row, "") => format!("Row {row}"),
            (row, column) => format!("Row {row}, column \"{column}\""),
        }
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row == 0 && self.column.is_empty() {
            return f.write_str(&self.message);
        }
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// Why a CSV file could not be imported: a headline and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvFailure {
    pub headline: String,
    pub problems: Vec<CsvProblem>,
}

/// Applies a CSV file to a copy of `plan`. The copy is first marked as synced,
/// so a merge preview shows the file's edits as changes to the current plan.
/// A changed `current` value becomes a check-in dated `today`; `mint` makes
/// the ids of new objectives ("o"), key results ("kr") and check-ins ("ci").
/// On any problem returns all of them and no plan.
pub fn read_csv(
    text: &str,
    plan: &Plan,
    today: NaiveDate,
    mint: &mut dyn FnMut(&str) -> Id,
) -> Result<Plan, CsvFailure> {
    if let Err(too_large) = check_size(text.len()) {
        return Err(CsvFailure {
            headline: too_large.headline,
            problems: too_large
                .problems
                .into_iter()
                .map(|p| CsvProblem {
                    row: 0,
                    column: String::new(),
                    message: p.message,
                })
                .collect(),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Problems::default();
    let (records, unterminated) = records(text);
    if let Some(row) = unterminated {
        problems.add(row, "", "a quoted cell is never closed (a \" is missing)");
    }
    let Some((header, rows)) = records.split_first() else {
        if problems.0.is_empty() {
            problems.add(
                1,
                "",
                "the file is empty: it needs a header row naming the columns",
            );
        }
        return Err(problems.failure());
    };
    let Some(header) = Header::read(header, &mut problems) else {
        return Err(problems.failure());
    };
    let mut import = Import::new(plan, header, problems, mint);
    let lines = import.classify(rows);
    let mut result = plan.clone();
    mark_synced(&mut result);
    import.apply(&lines, today, &mut result);
    if !import.problems.0.is_empty() {
        return Err(import.problems.failure());
    }
    import.check(&result)?;
    Ok(result)
}

#[derive(Default)]
struct Problems(Vec<CsvProblem>);

impl Problems {
    fn add(&mut self, row: usize, column: &str, message: impl Into<String>) {
        self.0.push(CsvProblem {
            row,
            column: column.to_owned(),
            message: message.into(),
        });
    }

    /// All problems, in row order as a spreadsheet shows them (whole-file ones first).
    fn failure(mut self) -> CsvFailure {
        self.0.sort_by_key(|p| p.row);
        let count = self.0.len();
        CsvFailure {
            headline: format!(
                "The CSV file has {count} problem{}.",
                if count == 1 { "" } else { "s" }
            ),
            problems: self.0,
        }
    }
}

/// The columns read, numbered as in [`COLUMNS`] (`score` is computed, so ignored).
#[derive(Clone, Copy)]
enum Col {
    Id = 0,
    Parent = 1,
    Type = 2,
    Title = 3,
    Unit = 4,
    Cycle = 5,
    Start = 6,
    Target = 7,
    Current = 8,
    Measure = 9,
    Weight = 10,
}

impl Col {
    fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }
}

/// Where each known column sits in the file.
struct Header {
    positions: [Option<usize>; COLUMNS.len()],
    /// How many cells the header row has, named or not.
    width: usize,
}

impl Header {
    /// Names match whatever their case, spacing or underscores; unknown ones are ignored.
    fn read(record: &Record, problems: &mut Problems) -> Option<Header> {
        let mut positions = [None; COLUMNS.len()];
        let before = problems.0.len();
        for (at, name) in record.cells.iter().enumerate() {
            let name = name.trim().to_lowercase().replace('_', " ");
            let Some(column) = COLUMNS.iter().position(|c| *c == name) else {
                continue;
            };
            if positions[column].is_some() {
                let message = "the column appears twice in the header";
                problems.add(record.row, COLUMNS[column], message);
            }
            positions[column] = Some(at);
        }
        for required in [Col::Type, Col::Title] {
            if positions[required as usize].is_none() {
                let message = format!("the header has no \"{}\" column", required.name());
                problems.add(record.row, required.name(), message);
            }
        }
        (problems.0.len() == before).then_some(Header {
            positions,
            width: record.cells.len(),
        })
    }

    /// The cell of a column: `None` when the file has no such column, "" when the row is short.
    fn cell<'r>(&self, record: &'r Record, column: Col) -> Option<&'r str> {
        let at = self.positions[column as usize]?;
        Some(record.cells.get(at).map_or("", String::as_str))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Objective,
    KeyResult,
}

/// A data row whose type and id are sound, ready to apply.
struct Line<'r> {
    record: &'r Record,
    kind: Kind,
    id: Id,
    /// The nearest objective row above: where a new key result without a parent id goes.
    above: Option<Id>,
}

/// A problem already recorded; the row it was found in is not applied.
struct Reported;

/// Shorthand for a cell's value or a recorded problem.
type Cell<T> = Result<T, Reported>;

struct Import<'p, 'm> {
    plan: &'p Plan,
    header: Header,
    problems: Problems,
    mint: &'m mut dyn FnMut(&str) -> Id,
    /// Each objective of the plan by its id.
    objectives: FxHashMap<&'p str, &'p Objective>,
    /// Each key result of the plan and the objective it belongs to.
    key_results: FxHashMap<&'p str, (&'p KeyResult, &'p Id)>,
    /// Each unit with its path ("Company › Sales"), for finding units by name.
    unit_paths: Vec<(Id, String)>,
    units: UnitTree,
    /// Ids the rows of the file give objectives and key results, with their rows.
    declared: FxHashMap<Id, (Kind, usize)>,
}

impl<'p, 'm> Import<'p, 'm> {
    fn new(
        plan: &'p Plan,
        header: Header,
        problems: Problems,
        mint: &'m mut dyn FnMut(&str) -> Id,
    ) -> Self {
        let key_results = plan
            .objectives
            .iter()
            .flat_map(|o| {
                o.key_results
                    .iter()
                    .map(move |k| (k.id.as_str(), (k, &o.id)))
            })
            .collect();
        let units = UnitTree::new(plan);
        let unit_paths = plan
            .units
            .iter()
            .map(|u| u.id.clone())
            .zip(unit_paths(plan, &units))
            .collect();
        Import {
            plan,
            objectives: plan.objectives.iter().map(|o| (o.id.as_str(), o)).collect(),
            header,
            problems,
            mint,
            key_results,
            unit_paths,
            units,
            declared: FxHashMap::default(),
        }
    }

    fn problem(&mut self, record: &Record, column: Col, message: impl Into<String>) -> Reported {
        self.problems.add(record.row, column.name(), message);
        Reported
    }

    fn cell<'r>(&self, record: &'r Record, column: Col) -> Option<&'r str> {
        self.header.cell(record, column)
    }

    /// A text cell, trimmed, with the export's formula guard undone.
    fn text<'r>(&self, record: &'r Record, column: Col) -> Option<&'r str> {
        self.cell(record, column).map(|cell| unguard(cell.trim()))
    }

    fn is_objective(&self, id: &str) -> bool {
        self.objectives.contains_key(id)
    }

    /// Every other kind of id in the plan (units, cycles, check-ins, rollout items).
    fn other_ids(&self) -> FxHashSet<&'p str> {
        let plan = self.plan;
        let rollout = &plan.rollout;
        let check_ins = self
            .key_results
            .values()
            .flat_map(|(kr, _)| kr.check_ins.iter().map(|c| &c.id));
        plan.cycles
            .iter()
            .map(|c| &c.id)
            .chain(plan.units.iter().map(|u| &u.id))
            .chain(check_ins)
            .chain(rollout.phases.iter().map(|p| &p.id))
            .chain(rollout.roles.iter().map(|r| &r.id))
            .chain(rollout.readiness.iter().map(|r| &r.id))
            .chain(rollout.events.iter().map(|e| &e.id))
            .map(Id::as_str)
            .collect()
    }

    /// First pass: each row's type and id, so rows can refer to rows further down.
    fn classify<'r>(&mut self, rows: &'r [Record]) -> Vec<Line<'r>> {
        let other_ids = self.other_ids();
        let width = self.header.width;
        let mut lines = Vec::new();
        let mut above = None;
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for record in rows {
            if record
                .cells
                .iter()
                .skip(width)
                .any(|c| !c.trim().is_empty())
            {
                let message = "the row has more cells than the header has columns \
                               (is a comma in a cell missing its quotes?)";
                self.problems.add(record.row, "", message);
            }
            let kind = self.kind(record);
            let given = self.cell(record, Col::Id).unwrap_or("").trim();
            if !given.is_empty() {
                if let Some(first) = seen.get(given) {
                    let message = format!("id \"{given}\" is already used in row {first}");
                    self.problem(record, Col::Id, message);
                    continue;
                }
                seen.insert(given, record.row);
            }
            let Ok(kind) = kind else { continue };
            let clash = match kind {
                Kind::Objective if self.key_results.contains_key(given) => {
                    Some("is a key result's id, but the row is an objective")
                }
                Kind::KeyResult if self.is_objective(given) => {
                    Some("is an objective's id, but the row is a key result")
                }
                _ if !given.is_empty() && other_ids.contains(given) => {
                    Some("is already used in the plan")
                }
                _ => None,
            };
            if let Some(clash) = clash {
                self.problem(record, Col::Id, format!("id \"{given}\" {clash}"));
                continue;
            }
            let id = if given.is_empty() {
                (self.mint)(match kind {
                    Kind::Objective => "o",
                    Kind::KeyResult => "kr",
                })
            } else {
                Id::from(given)
            };
            self.declared.insert(id.clone(), (kind, record.row));
            let line_above = match kind {
                Kind::Objective => {
                    above = Some(id.clone());
                    None
                }
                Kind::KeyResult => above.clone(),
            };
            lines.push(Line {
                record,
                kind,
                id,
                above: line_above,
            });
        }
        lines
    }

    fn kind(&mut self, record: &Record) -> Cell<Kind> {
        let text = self.cell(record, Col::Type).unwrap_or("").trim();
        match text.to_lowercase().as_str() {
            "objective" => Ok(Kind::Objective),
            "key result" | "key_result" | "kr" => Ok(Kind::KeyResult),
            "" => Err(self.problem(record, Col::Type, "the type is empty")),
            _ => Err(self.problem(
                record,
                Col::Type,
                format!("\"{text}\" is not a type: use \"objective\" or \"key result\""),
            )),
        }
    }

    /// Second pass: objectives first, so key results can move into new ones.
    fn apply(&mut self, lines: &[Line], today: NaiveDate, result: &mut Plan) {
        let mut positions: FxHashMap<Id, usize> = (result.objectives.iter().enumerate())
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        for line in lines.iter().filter(|l| l.kind == Kind::Objective) {
            let Ok(objective) = self.objective(line) else {
                continue;
            };
            match positions.get(&objective.id) {
                Some(&at) => {
                    let key_results = std::mem::take(&mut result.objectives[at].key_results);
                    result.objectives[at] = Objective {
                        key_results,
                        ..objective
                    };
                }
                None => {
                    positions.insert(objective.id.clone(), result.objectives.len());
                    result.objectives.push(objective);
                }
            }
        }
        for line in lines.iter().filter(|l| l.kind == Kind::KeyResult) {
            let Ok((owner, kr)) = self.key_result(line, today) else {
                continue;
            };
            // The owner's row may have had problems of its own and not been added.
            let Some(&to) = positions.get(&owner) else {
                continue;
            };
            let from = self.key_results.get(kr.id.as_str()).map(|(_, o)| o);
            let place = from.and_then(|o| positions.get(*o)).and_then(|&at| {
                let list = &result.objectives[at].key_results;
                list.iter().position(|k| k.id == kr.id).map(|k| (at, k))
            });
            match place {
                Some((at, k)) if at == to => result.objectives[at].key_results[k] = kr,
                Some((at, k)) => {
                    result.objectives[at].key_results.remove(k);
                    result.objectives[to].key_results.push(kr);
                }
                None => result.objectives[to].key_results.push(kr),
            }
        }
    }

    /// An objective row as the objective it describes (without key results).
    fn objective(&mut self, line: &Line) -> Cell<Objective> {
        let current = self.objectives.get(line.id.as_str()).copied();
        let record = line.record;
        let title = self.title(record, current.map(|o| o.title.as_str()));
        let unit = self.unit(record, current.map(|o| &o.unit));
        let cycle = self.cycle(record, current.map(|o| &o.cycle));
        let aligned_to = self.alignment(record, current.and_then(|o| o.aligned_to.as_ref()));
        let (title, unit, cycle, aligned_to) = (title?, unit?, cycle?, aligned_to?);
        Ok(match current {
            Some(current) => Objective {
                title,
                unit,
                cycle,
                aligned_to,
                ..current.clone()
            },
            None => Objective {
                id: line.id.clone(),
                title,
                description: String::new(),
                unit,
                cycle,
                commitment: Commitment::default(),
                aligned_to,
                key_results: Vec::new(),
                review: Review::default(),
            },
        })
    }

    fn title(&mut self, record: &Record, current: Option<&str>) -> Cell<String> {
        let cell = self.cell(record, Col::Title).unwrap_or("");
        if unguard(cell.trim()).is_empty() {
            return Err(self.problem(record, Col::Title, "the title is empty"));
        }
        Ok(edited_text(cell, current))
    }

    /// A unit by its path or a name only one unit has; empty keeps the current unit.
    fn unit(&mut self, record: &Record, current: Option<&Id>) -> Cell<Id> {
        let text = self.text(record, Col::Unit).unwrap_or("");
        if text.is_empty() {
            return current
                .cloned()
                .ok_or_else(|| self.problem(record, Col::Unit, "a new objective needs a unit"));
        }
        let plan = self.plan;
        let called = |id: &Id| plan.unit(id).is_some_and(|u| same_name(&u.name, text));
        let path_of = |id: &Id| self.unit_paths.iter().find(|(u, _)| u == id);
        // The unit as exported, by its name, even when another unit has the same name.
        let is_current =
            |id: &&Id| called(id) || path_of(id).is_some_and(|(_, p)| same_name(p, text));
        if let Some(current) = current.filter(is_current) {
            return Ok(current.clone());
        }
        if let Some(id) = find_unit(plan, &self.units, text) {
            return Ok(id.clone());
        }
        let named: Vec<&(Id, String)> = self
            .unit_paths
            .iter()
            .filter(|(id, _)| called(id))
            .collect();
        let message = match named.as_slice() {
            [(id, _)] => return Ok(id.clone()),
            [] => format!("no unit is called \"{text}\""),
            [(_, path), ..] => format!(
                "{} units are called \"{text}\": give the full path, such as \"{path}\"",
                named.len()
            ),
        };
        Err(self.problem(record, Col::Unit, message))
    }

    /// A cycle by its id or name; empty keeps the current cycle.
    fn cycle(&mut self, record: &Record, current: Option<&Id>) -> Cell<Id> {
        let text = self.text(record, Col::Cycle).unwrap_or("");
        if text.is_empty() {
            return current
                .cloned()
                .ok_or_else(|| self.problem(record, Col::Cycle, "a new objective needs a cycle"));
        }
        let plan = self.plan;
        let is_current = |c: &&Cycle| c.id.as_str() == text || same_name(&c.name, text);
        let current = current.and_then(|id| plan.cycle(id));
        if let Some(cycle) = current.filter(is_current) {
            return Ok(cycle.id.clone());
        }
        if let Some(cycle) = plan.cycles.iter().find(|c| c.id.as_str() == text) {
            return Ok(cycle.id.clone());
        }
        let mut named = plan.cycles.iter().filter(|c| same_name(&c.name, text));
        let message = match (named.next(), named.next()) {
            (Some(cycle), None) => return Ok(cycle.id.clone()),
            (None, _) => format!("no cycle is called \"{text}\""),
            (Some(_), Some(_)) => format!("more than one cycle is called \"{text}\": give its id"),
        };
        Err(self.problem(record, Col::Cycle, message))
    }

    /// What an objective aligns to: an objective or key result of the plan,
    /// of another row, or referenced by a partial plan. Empty means none.
    fn alignment(
        &mut self,
        record: &Record,
        current: Option<&Alignment>,
    ) -> Cell<Option<Alignment>> {
        let Some(text) = self.cell(record, Col::Parent).map(str::trim) else {
            return Ok(current.cloned());
        };
        if text.is_empty() {
            return Ok(None);
        }
        let id = Id::from(text);
        let plan = self.plan;
        let references = &plan.references;
        match self.declared.get(&id) {
            Some((Kind::Objective, _)) => return Ok(Some(Alignment::Objective(id))),
            Some((Kind::KeyResult, _)) => return Ok(Some(Alignment::KeyResult(id))),
            None => {}
        }
        if self.is_objective(text) || references.iter().any(|r| r.id == id) {
            Ok(Some(Alignment::Objective(id)))
        } else if self.key_results.contains_key(text)
            || (references.iter()).any(|r| r.key_results.iter().any(|k| k.id == id))
        {
            Ok(Some(Alignment::KeyResult(id)))
        } else {
            let message = format!("no objective or key result has the id \"{text}\"");
            Err(self.problem(record, Col::Parent, message))
        }
    }

    /// A key result row as its objective's id and the key result it describes.
    fn key_result(&mut self, line: &Line, today: NaiveDate) -> Cell<(Id, KeyResult)> {
        let record = line.record;
        let current = self.key_results.get(line.id.as_str()).copied();
        let kr = current.map(|(kr, _)| kr);
        let latest = kr.and_then(KeyResult::latest_check_in).map(|c| c.value);
        let title = self.title(record, kr.map(|k| k.title.as_str()));
        let owner = self.owner(line, current.map(|(_, owner)| owner));
        let start = self.number(record, Col::Start, kr.map(|k| k.start));
        let target = self.number(record, Col::Target, kr.map(|k| k.target));
        let weight = self.number(record, Col::Weight, kr.map(|k| k.weight));
        let value = self.number(record, Col::Current, latest);
        let (title, owner, start, target, weight, value) =
            (title?, owner?, start?, target?, weight?, value?);

        let mut next = match kr {
            Some(kr) => kr.clone(),
            None => KeyResult {
                id: line.id.clone(),
                title: String::new(),
                measure: MeasureKind::Number,
                start: 0.0,
                target: target.ok_or_else(|| {
                    self.problem(record, Col::Target, "a new key result needs a target")
                })?,
                unit_of_measure: String::new(),
                weight: 1.0,
                check_ins: Vec::new(),
                score_override: None,
            },
        };
        next.title = title;
        if let Some(cell) = self.cell(record, Col::Measure) {
            next.unit_of_measure = edited_text(cell, Some(&next.unit_of_measure));
        }
        let mut ok = true;
        if let Some(weight) = weight {
            ok &= self.in_range(record, Col::Weight, weight, (0.0, f64::MAX), "0 or more");
            next.weight = weight;
        }
        let percent = (0.0, 100.0);
        let measure = next.measure;
        for (column, value, field) in [
            (Col::Start, start, &mut next.start),
            (Col::Target, target, &mut next.target),
        ] {
            if let Some(value) = value {
                if measure == MeasureKind::Percentage {
                    ok &=
                        self.in_range(record, column, value, percent, "a percentage from 0 to 100");
                }
                *field = value;
            }
        }
        if let Some(value) = value.filter(|&v| Some(v) != latest) {
            let (range, what) = match measure {
                MeasureKind::Number => ((f64::MIN, f64::MAX), ""),
                MeasureKind::Percentage => (percent, "a percentage from 0 to 100"),
                MeasureKind::Milestone => ((0.0, 1.0), "a value from 0 (not done) to 1 (done)"),
                MeasureKind::Grade => ((0.0, 1.0), "a grade from 0 to 1"),
            };
            ok &= self.in_range(record, Col::Current, value, range, what);
            next.check_ins.push(CheckIn {
                id: (self.mint)("ci"),
                date: today,
                value,
                confidence: None,
                comment: String::new(),
            });
        }
        if ok {
            Ok((owner, next))
        } else {
            Err(Reported)
        }
    }

    /// A key result's objective: the parent id, else where it is now, else
    /// (for a new key result) the objective row above it.
    fn owner(&mut self, line: &Line, current: Option<&Id>) -> Cell<Id> {
        let record = line.record;
        let text = self.cell(record, Col::Parent).unwrap_or("").trim();
        if text.is_empty() {
            return current.or(line.above.as_ref()).cloned().ok_or_else(|| {
                let message = "a new key result needs its objective's id, \
                               or an objective row above it";
                self.problem(record, Col::Parent, message)
            });
        }
        let id = Id::from(text);
        let message = match self.declared.get(&id) {
            Some((Kind::Objective, _)) => return Ok(id),
            Some((Kind::KeyResult, _)) => format!("\"{text}\" is a key result, not an objective"),
            None if self.is_objective(text) => return Ok(id),
            None if self.key_results.contains_key(text) => {
                format!("\"{text}\" is a key result, not an objective")
            }
            None => format!("no objective in the plan has the id \"{text}\""),
        };
        Err(self.problem(record, Col::Parent, message))
    }

    /// A number cell: `None` when empty. A cell showing the current value as
    /// exported (rounded) keeps the exact current value.
    fn number(&mut self, record: &Record, column: Col, current: Option<f64>) -> Cell<Option<f64>> {
        let text = self.cell(record, column).unwrap_or("").trim();
        if text.is_empty() {
            return Ok(None);
        }
        if let Some(current) = current.filter(|&c| number(c) == text) {
            return Ok(Some(current));
        }
        match decimal(text) {
            Some(value) if value.is_finite() => Ok(Some(value)),
            Some(_) => Err(self.problem(record, column, format!("{text} is too large"))),
            None => Err(self.problem(record, column, format!("\"{text}\" is not a number"))),
        }
    }

    fn in_range(
        &mut self,
        record: &Record,
        column: Col,
        value: f64,
        (low, high): (f64, f64),
        what: &str,
    ) -> bool {
        let inside = (low..=high).contains(&value);
        if !inside {
            self.problem(
                record,
                column,
                format!("{value} is outside the range: use {what}"),
            );
        }
        inside
    }

    /// Runs the plan's own checks on the result (alignment loops, say) and
    /// reports each at the row that made the objective or key result.
    fn check(&self, result: &Plan) -> Result<(), CsvFailure> {
        let found = validate(result);
        if found.is_empty() {
            return Ok(());
        }
        let mut problems = Problems::default();
        for problem in found {
            match self.locate(result, &problem.path) {
                Some((row, column)) => problems.add(row, column, problem.message),
                None => problems.add(0, "", format!("{}: {}", problem.path, problem.message)),
            }
        }
        Err(problems.failure())
    }

    /// The row and column behind a path such as `objectives[3].key_results[0].target`.
    fn locate(&self, result: &Plan, path: &str) -> Option<(usize, &'static str)> {
        let (i, rest) = index(path.strip_prefix("objectives[")?)?;
        let objective = result.objectives.get(i)?;
        let (id, field, columns): (&Id, _, &[(&str, Col)]) =
            match rest.strip_prefix(".key_results[") {
                Some(rest) => {
                    let (k, field) = index(rest)?;
                    let columns = &[
                        ("title", Col::Title),
                        ("start", Col::Start),
                        ("target", Col::Target),
                        ("weight", Col::Weight),
                        ("check_ins", Col::Current),
                        ("id", Col::Id),
                    ];
                    (&objective.key_results.get(k)?.id, field, columns)
                }
                None => {
                    let columns = &[
                        ("title", Col::Title),
                        ("unit", Col::Unit),
                        ("cycle", Col::Cycle),
                        ("aligned_to", Col::Parent),
                        ("id", Col::Id),
                    ];
                    (&objective.id, rest, columns)
                }
            };
        let &(_, row) = self.declared.get(id)?;
        let field = field.trim_start_matches('.');
        let column = columns
            .iter()
            .find(|(name, _)| field.starts_with(name))
            .map_or("", |(_, column)| column.name());
        Some((row, column))
    }
}

/// A text cell's value: trimmed, without the formula guard, or the current
/// text exactly when the cell shows it unchanged (as exported, or as typed).
fn edited_text(cell: &str, current: Option<&str>) -> String {
    let raw = cell.trim();
    let text = unguard(raw);
    match current {
        Some(current) if current.trim() == raw || current.trim() == text => current.to_owned(),
        _ => text.to_owned(),
    }
}

/// Names match whatever their case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Splits "12]rest" into 12 and "rest".
fn index(text: &str) -> Option<(usize, &str)> {
    let (number, rest) = text.split_once(']')?;
    Some((number.parse().ok()?, rest))
}

/// A plain decimal ("12", "-0.5", ".25"): no exponents, no infinities, no
/// thousands separators or decimal commas.
fn decimal(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    text.parse().ok()
}
