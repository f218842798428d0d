//! Stable identifiers. An id is minted once and never changes, so it survives
//! export, import and merging between files from different people.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Shared text: views and indexes copy ids constantly, and a copy is a
/// reference-count increment rather than an allocation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(Arc<str>);

impl Id {
    /// An id from 64 bits of entropy supplied by the caller (the browser's
    /// random source in the app, a counter in tests), so the model stays pure.
    pub fn mint(prefix: &str, entropy: u64) -> Self {
        Id(format!("{prefix}-{entropy:016x}").into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.into())
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
