//! The browser's localStorage, reached through web-sys directly: gloo-storage's
//! accessor panics when storage is disabled, and okrplan must not.

use super::{KeyValueStore, StoreError};
use wasm_bindgen::JsValue;

pub struct LocalStore;

fn local_storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        local_storage()?
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        local_storage()?.set_item(key, value).map_err(|e| {
            if property(&e, "name").contains("Quota") {
                StoreError::QuotaExceeded
            } else {
                StoreError::Unavailable(describe(&e))
            }
        })
    }
}

fn property(value: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(value, &name.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn describe(error: &JsValue) -> String {
    let message = property(error, "message");
    if message.is_empty() {
        "unknown error".into()
    } else {
        message
    }
}
