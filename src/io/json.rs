//! The `.okrplan.json` file: export, and an import that checks everything
//! before it changes anything.

use super::json_path::{offset_of, path_at};
use crate::model::{validate, Plan, FORMAT_NAME, SCHEMA_VERSION};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;

/// Files above this size are refused before parsing (a plan with 10,000
/// objectives is about 8 MB).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

pub const FILE_EXTENSION: &str = ".okrplan.json";

/// One thing wrong with a file, at a JSON path such as `objectives[3].title`.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file could not be opened: a headline and every problem found.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadFailure {
    pub headline: String,
    pub problems: Vec<FileProblem>,
}

impl ReadFailure {
    fn single(headline: &str, path: &str, message: String) -> Self {
        ReadFailure {
            headline: headline.to_owned(),
            problems: vec![FileProblem {
                path: path.to_owned(),
                message,
            }],
        }
    }
}

/// Files whose compact text passes this are written compact. Indentation
/// doubles a large plan's file (23.7 MB at 10,000 objectives), which nobody
/// reads by hand, and would pass the limit the app opens (`MAX_FILE_BYTES`)
/// from about 14,000 objectives on.
pub const PRETTY_UP_TO_BYTES: usize = 1024 * 1024;

/// The text of an exported file: pretty-printed, compact when large.
pub fn to_file_text(plan: &Plan) -> String {
    file_text(to_compact_text(plan), || to_pretty_text(plan))
}

/// The text of a file whose compact text is `compact`: that, or when small
/// what `pretty` writes.
pub fn file_text(compact: String, pretty: impl FnOnce() -> String) -> String {
    if compact.len() > PRETTY_UP_TO_BYTES {
        compact
    } else {
        pretty()
    }
}

/// The plan as indented JSON, for files people may read.
pub fn to_pretty_text(plan: &Plan) -> String {
    // Serialising plain data structures to a string cannot fail.
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// The compact text kept in browser storage.
pub fn to_compact_text(plan: &Plan) -> String {
    serde_json::to_string(plan).unwrap_or_default()
}

/// A file name for the plan, safe on every operating system.
pub fn file_name(plan: &Plan) -> String {
    let mut stem = String::new();
    for c in plan.meta.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "plan" } else { stem };
    format!("{stem}{FILE_EXTENSION}")
}

/// Just enough of a file to know whether it is ours and whether we can read its version.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    schema_version: Option<serde_json::Value>,
}

/// Refuses a file above [`MAX_FILE_BYTES`]; callers that know the size up front
/// check before reading the file at all.
pub fn check_size(bytes: usize) -> Result<(), ReadFailure> {
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(ReadFailure::single(
        "The file is too large.",
        "(file)",
        format!(
            "{:.1} MB is more than the {} MB limit",
            bytes as f64 / 1e6,
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    ))
}

/// Reads a plan from file text. On any problem returns all of them and no plan.
pub fn read_plan(text: &str) -> Result<Plan, ReadFailure> {
    check_size(text.len())?;
    // A valid file is parsed once; the slower passes that explain a failure run only on failure.
    let plan: Plan = serde_json::from_str(text).map_err(|_| diagnose(text))?;
    checked(plan)
}

/// Reads a plan from file text as [`read_plan`] does, with the same plan or
/// failure, its objectives a slice at a time, so that the page can respond
/// between slices: read in one go, a 10,000-objective file held the page for
/// 160 ms and one near the size limit for 450 ms.
pub struct PlanReader<'a> {
    text: &'a str,
    /// The plan read so far: all but the objectives still to read.
    plan: Plan,
    /// The text of each objective still to read, in the file's order.
    unread: std::vec::IntoIter<&'a RawValue>,
}

impl<'a> PlanReader<'a> {
    /// Reads all of the file but its objectives: a scan of the whole text,
    /// which checks its syntax and finds each objective's text, and the rest
    /// of the plan.
    pub fn new(text: &'a str) -> Result<Self, ReadFailure> {
        check_size(text.len())?;
        let (mut plan, objectives) = Self::split(text).ok_or_else(|| diagnose(text))?;
        plan.objectives.reserve_exact(objectives.len());
        Ok(PlanReader {
            text,
            plan,
            unread: objectives.into_iter(),
        })
    }

    /// The plan without its objectives, and each objective's text.
    fn split(text: &'a str) -> Option<(Plan, Vec<&'a RawValue>)> {
        #[derive(Deserialize)]
        struct Layout<'a> {
            #[serde(borrow, default)]
            objectives: Vec<&'a RawValue>,
        }
        let objectives = serde_json::from_str::<Layout>(text).ok()?.objectives;
        let (Some(first), Some(last)) = (objectives.first(), objectives.last()) else {
            return Some((serde_json::from_str(text).ok()?, objectives));
        };
        // A raw value borrowed from the text is a slice of it: the rest of
        // the plan is the text without what lies from the first objective
        // to the end of the last.
        let offset = |raw: &str| (raw.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
        let start = offset(first.get())?;
        let end = offset(last.get())? + last.get().len();
        let rest = [text.get(..start)?, text.get(end..)?].concat();
        Some((serde_json::from_str(&rest).ok()?, objectives))
    }

    /// Reads up to `count` more objectives; true once every one is read.
    pub fn read(&mut self, count: usize) -> Result<bool, ReadFailure> {
        for objective in self.unread.by_ref().take(count) {
            let objective =
                serde_json::from_str(objective.get()).map_err(|_| diagnose(self.text))?;
            self.plan.objectives.push(objective);
        }
        Ok(self.unread.len() == 0)
    }

    /// How many objectives are read, of how many in the file.
    pub fn progress(&self) -> (usize, usize) {
        let read = self.plan.objectives.len();
        (read, read + self.unread.len())
    }

    /// The plan, once the objectives left are read and the whole is checked.
    pub fn finish(mut self) -> Result<Plan, ReadFailure> {
        self.read(usize::MAX)?;
        checked(self.plan)
    }
}

/// A parsed plan once its version is known, brought up to date and valid.
fn checked(plan: Plan) -> Result<Plan, ReadFailure> {
    check_header(&Header {
        format: Some(FORMAT_NAME.into()),
        schema_version: Some(plan.schema_version.into()),
    })?;
    let plan = migrate(plan);
    let problems = validate(&plan);
    if problems.is_empty() {
        return Ok(plan);
    }
    Err(ReadFailure {
        headline: format!(
            "The plan in the file has {} problem{}.",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ),
        problems: problems
            .into_iter()
            .map(|p| FileProblem {
                path: p.path,
                message: p.message,
            })
            .collect(),
    })
}

/// Explains why text is not a readable plan: broken JSON, another kind of
/// file, an unknown version, or the path of the first value of the wrong shape.
fn diagnose(text: &str) -> ReadFailure {
    // Syntax first (a scan that builds nothing), so broken JSON is reported as such.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return ReadFailure::single(
            "The file is not valid JSON.",
            &format!("(line {}, column {})", e.line(), e.column()),
            e.to_string(),
        );
    }
    let header = match serde_json::from_str::<Header>(text) {
        Ok(header) => header,
        Err(_) => {
            return ReadFailure::single(
                "The file is not an okrplan plan.",
                "(file)",
                "expected a JSON object with \"format\": \"okrplan\"".into(),
            )
        }
    };
    if let Err(failure) = check_header(&header) {
        return failure;
    }
    match serde_json::from_str::<Plan>(text) {
        Err(e) => {
            let path = path_at(text, offset_of(text, e.line(), e.column()));
            // The parser's own message ends with the line and column; the path says more.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(what, _)| what);
            ReadFailure::single(
                "The file does not have the shape of an okrplan plan.",
                &path,
                message.to_owned(),
            )
        }
        Ok(_) => ReadFailure::single(
            "The file could not be read.",
            "(file)",
            "it parses on a second look; try again".into(),
        ),
    }
}

/// The oldest schema version this reader still opens.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Brings a plan read from an older file up to [`SCHEMA_VERSION`], one step per version.
fn migrate(mut plan: Plan) -> Plan {
    if plan.schema_version == 1 {
        // Version 2 only added optional fields (`scope`, `references`,
        // `synced`), which a version 1 file simply lacks.
        plan.schema_version = 2;
    }
    plan
}

fn check_header(header: &Header) -> Result<(), ReadFailure> {
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(ReadFailure::single(
            "The file is not an okrplan plan.",
            "format",
            format!("expected \"{FORMAT_NAME}\""),
        ));
    }
    match header.schema_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if (u64::from(OLDEST_SCHEMA_VERSION)..=u64::from(SCHEMA_VERSION)).contains(&v) => {
            Ok(())
        }
        Some(v) if v > u64::from(SCHEMA_VERSION) => Err(ReadFailure::single(
            "The file was written by a newer version of okrplan.",
            "schema_version",
            format!(
                "schema version {v} is newer than {SCHEMA_VERSION}, the newest this version reads; \
                 open it with a newer okrplan"
            ),
        )),
        _ => Err(ReadFailure::single(
            "The file's schema version is not one okrplan knows.",
            "schema_version",
            format!("expected a whole number from {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}"),
        )),
    }
}
