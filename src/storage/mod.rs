//! Keeping the plan in browser storage: what was saved, what to do when it
//! cannot be read, and what happens when saving fails. The browser's
//! localStorage is one implementation of [`KeyValueStore`]; tests use memory.

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
mod local;
mod memory;

#[cfg(target_arch = "wasm32")]
pub use local::LocalStore;
pub use memory::MemoryStore;

use crate::io::json::{read_plan, to_compact_text, FileProblem, ReadFailure, MAX_FILE_BYTES};
use crate::io::packed::{base64url, deflate, from_base64url, inflate, UnpackError};
use crate::model::Plan;
use std::fmt;

/// Where the current plan lives.
pub const PLAN_KEY: &str = "okrplan.plan";
/// Unreadable saved text is moved here before the user starts over, never dropped.
pub const SET_ASIDE_KEY: &str = "okrplan.unreadable";
/// Who saved the plan last ("<tab id>:<save count>"): lets a tab notice that
/// another tab saved since it last read or wrote the plan.
pub const STAMP_KEY: &str = "okrplan.stamp";

/// Saved plans larger than this are stored deflated: localStorage holds about
/// 5 MB, and a plan of 10,000 objectives is about 11 MB of JSON (1.5 MB packed).
/// Smaller plans stay plain JSON, quick to save and readable in dev tools.
pub const PACK_ABOVE_BYTES: usize = 1024 * 1024;
/// What marks a saved plan as packed (JSON never starts with it).
const PACKED_PREFIX: &str = "deflate:";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Storage is switched off or not allowed (private mode, policies).
    Unavailable(String),
    /// The plan's JSON is this many bytes, more than a plan may be to open
    /// again ([`MAX_FILE_BYTES`]): saving it would leave a plan that cannot load.
    TooLarge(usize),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str("the browser's storage is full"),
            StoreError::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            StoreError::TooLarge(bytes) => write!(
                f,
                "the plan is {:.1} MB, more than the {} MB the app can open",
                *bytes as f64 / 1e6,
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        }
    }
}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
}

/// What a visit finds in storage.
#[derive(Debug)]
pub enum Saved {
    /// A first visit (or storage cannot be read at all).
    Nothing,
    Plan(Box<Plan>),
    /// Something is saved but cannot be opened: kept as it is for the recovery screen.
    Unreadable {
        raw: String,
        failure: ReadFailure,
    },
}

/// What storage held when the page opened, and the stamp of that save. They
/// are read together: a tab that learnt the stamp later could take another
/// tab's save, made while this one was starting, for its own.
#[derive(Debug)]
pub struct Opened {
    pub saved: Saved,
    pub stamp: Option<String>,
}

/// Reads the saved plan, inflating it here when it is packed (the browser
/// inflates faster: see `browser::load`).
pub fn load(store: &dyn KeyValueStore) -> Saved {
    match saved_raw(store) {
        Some(raw) => open_saved(raw, None),
        None => Saved::Nothing,
    }
}

/// Opens saved text; `inflated` is its JSON when the browser already inflated it.
fn open_saved(raw: String, inflated: Option<String>) -> Saved {
    let result = match inflated {
        Some(json) => read_plan(&json),
        None => match packed_bytes(&raw) {
            None => read_plan(&raw),
            Some(deflated) => deflated
                .and_then(|d| inflate(&d, MAX_FILE_BYTES).map_err(damaged))
                .and_then(|json| read_plan(&json)),
        },
    };
    match result {
        Ok(plan) => Saved::Plan(Box::new(plan)),
        Err(failure) => Saved::Unreadable { raw, failure },
    }
}

fn saved_raw(store: &dyn KeyValueStore) -> Option<String> {
    store.get(PLAN_KEY).ok().flatten()
}

/// The deflated bytes of a packed saved plan; `None` when it is plain JSON.
fn packed_bytes(raw: &str) -> Option<Result<Vec<u8>, ReadFailure>> {
    let packed = raw.strip_prefix(PACKED_PREFIX)?;
    Some(from_base64url(packed).map_err(damaged))
}

fn damaged(why: UnpackError) -> ReadFailure {
    ReadFailure {
        headline: "The saved plan is damaged.".into(),
        problems: vec![FileProblem {
            path: "(saved data)".into(),
            message: format!("the packed plan does not unpack ({why:?})"),
        }],
    }
}

/// Whether a plan's JSON is stored packed.
fn is_large(json: &str) -> bool {
    json.len() > PACK_ABOVE_BYTES
}

/// Refuses to save JSON that loading would refuse.
fn check_fits(json: &str) -> Result<(), StoreError> {
    match json.len() {
        bytes if bytes > MAX_FILE_BYTES => Err(StoreError::TooLarge(bytes)),
        _ => Ok(()),
    }
}

/// The saved text of a plan whose JSON deflated to `deflated`.
fn packed_text(deflated: &[u8]) -> String {
    format!("{PACKED_PREFIX}{}", base64url(deflated))
}

/// The text a plan is saved as: JSON, packed when it is large.
pub fn saved_text(plan: &Plan) -> Result<String, StoreError> {
    let json = to_compact_text(plan);
    check_fits(&json)?;
    if !is_large(&json) {
        return Ok(json);
    }
    // The fastest level: this runs as the page closes, or without the browser's deflate.
    Ok(packed_text(&deflate(json.as_bytes(), 1)))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Store(StoreError),
    /// Another tab saved since `expected`: writing now would overwrite its work.
    ChangedElsewhere,
}

/// The stamp of the last save, from any tab.
pub fn stamp(store: &dyn KeyValueStore) -> Option<String> {
    store.get(STAMP_KEY).ok().flatten()
}

/// Saves `text` (from [`saved_text`]) only if nobody else saved since the
/// stamp this tab knows, then records `new_stamp` as the latest save.
pub fn save_checked(
    store: &dyn KeyValueStore,
    text: &str,
    expected: Option<&str>,
    new_stamp: &str,
) -> Result<(), SaveError> {
    if stamp(store).as_deref() != expected {
        return Err(SaveError::ChangedElsewhere);
    }
    store.set(PLAN_KEY, text).map_err(SaveError::Store)?;
    store.set(STAMP_KEY, new_stamp).map_err(SaveError::Store)
}

/// Moves unreadable saved text out of the way so the user can start over
/// without losing it.
pub fn set_aside(store: &dyn KeyValueStore, raw: &str) -> Result<(), StoreError> {
    store.set(SET_ASIDE_KEY, raw)
}
