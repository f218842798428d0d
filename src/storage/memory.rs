//! An in-memory store: for host tests, and the fallback when the browser has no storage.

use super::{KeyValueStore, StoreError};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

#[derive(Default)]
pub struct MemoryStore {
    entries: RefCell<HashMap<String, String>>,
    /// Simulates a full quota: every write fails.
    full: Cell<bool>,
}

impl MemoryStore {
    pub fn set_full(&self, full: bool) {
        self.full.set(full);
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.full.get() {
            return Err(StoreError::QuotaExceeded);
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
}
