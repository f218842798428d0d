//! Triggers by key, made as readers ask for them: an update notifies only the
//! readers of the keys it changed, where one signal for all would wake every
//! row drawn (hundreds of score cards, each comparing its own part).

use leptos::prelude::*;
use rustc_hash::FxHashMap;
use std::hash::Hash;

pub struct KeyedTriggers<K: Send + Sync + 'static>(StoredValue<FxHashMap<K, ArcTrigger>>);

impl<K: Send + Sync + 'static> Clone for KeyedTriggers<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Send + Sync + 'static> Copy for KeyedTriggers<K> {}

impl<K: Send + Sync + 'static> Default for KeyedTriggers<K> {
    fn default() -> Self {
        KeyedTriggers(StoredValue::new(FxHashMap::default()))
    }
}

impl<K: Eq + Hash + Clone + Send + Sync + 'static> KeyedTriggers<K> {
    /// Tracks `key`: the caller re-runs when it is notified.
    pub fn track(&self, key: &K) {
        self.0.update_value(|triggers| {
            triggers
                .entry(key.clone())
                .or_insert_with(ArcTrigger::new)
                .track()
        });
    }

    pub fn notify<'a>(&self, keys: impl IntoIterator<Item = &'a K>) {
        self.0.with_value(|triggers| {
            keys.into_iter()
                .filter_map(|key| triggers.get(key))
                .for_each(ArcTrigger::notify)
        });
    }

    /// Forgets every reader: after a change that may have touched any key,
    /// which the readers follow by other means, they ask for a trigger anew,
    /// and the map holds only what is still read.
    pub fn forget_all(&self) {
        self.0.update_value(FxHashMap::clear);
    }
}
