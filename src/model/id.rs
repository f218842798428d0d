//! Stable identifiers. An id is minted once and never changes, so it survives
//! export, import and merging between files from different people.

use rustc_hash::FxHasher;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Shared text: views and indexes copy ids constantly, and a copy is a
/// reference-count increment rather than an allocation. The text's hash
/// is kept beside it: the indexes hash ids on every edit, and a new item's
/// id is compared with every id of the plan (100,000 at 10,000
/// objectives), where ids minted alike differ only near their end and
/// comparing their texts read each one from memory.
#[derive(Clone)]
pub struct Id {
    text: Arc<str>,
    /// 32 bits: ids are 12 bytes in wasm rather than 16, and two ids
    /// that differ share a hash once in four billion comparisons.
    hash: u32,
}

impl Id {
    /// An id from 64 bits of entropy supplied by the caller (the browser's
    /// random source in the app, a counter in tests), so the model stays pure.
    pub fn mint(prefix: &str, entropy: u64) -> Self {
        Id::from(format!("{prefix}-{entropy:016x}").as_str())
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        let mut hasher = FxHasher::default();
        hasher.write(text.as_bytes());
        Id {
            text: text.into(),
            hash: hasher.finish() as u32,
        }
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.text == other.text
    }
}

impl Eq for Id {}

/// Equal ids have equal texts, so equal hashes.
impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u32(self.hash);
    }
}

/// In the order of their texts.
impl Ord for Id {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Id").field(&self.text).finish()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Written as its text.
impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Read from its text, which is copied once, straight into its shared place.
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdText;
        impl Visitor<'_> for IdText {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Id, E> {
                Ok(Id::from(text))
            }
        }
        deserializer.deserialize_str(IdText)
    }
}
