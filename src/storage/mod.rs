//! The only code that touches the browser's storage.
//!
//! `library` keeps the plans (records, the list, recovery copies) over any
//! key-value store and is tested natively; [`LocalStore`] is that store in
//! the browser: local storage through gloo-storage. Every save is one
//! `setItem` of a whole record, so a failed or interrupted save leaves the
//! previous record as it was.

pub mod backup_log;
pub mod library;
pub mod linked_file;
pub mod persistence;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use library::{KeyValue, StoreError};

/// The browser's local storage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl LocalStore {
    /// Local storage, if this browser lets the page use it (it may not, for
    /// example with site data blocked): gloo's accessor would panic then.
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()?;
        Some(LocalStorage::raw())
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()
            .ok_or(StoreError::Unavailable)?
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()
            .ok_or(StoreError::Unavailable)?
            .set_item(key, value)
            .map_err(|e| classify(&e))
    }

    fn remove(&mut self, key: &str) {
        if let Some(storage) = Self::storage() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = Self::storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }
}

/// A full quota is `QuotaExceededError` (a `DOMException`'s name).
fn classify(error: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") => StoreError::Full,
        _ => StoreError::Unavailable,
    }
}

/// Whether the browser keeps this site's storage under storage pressure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// No answer yet (the page is reading it).
    Unknown,
    /// Not kept yet, and not asked yet: asked at the first edit
    /// (`persistence`).
    NotAsked,
    /// Kept until the person clears it.
    Granted,
    /// The browser may clear it when the disk runs low.
    BestEffort,
    /// This browser has no storage manager.
    Unsupported,
}

/// Where the chosen language of the UI is kept ("en", "ja"). Not a plan:
/// it belongs to this browser, and no plan key starts with it.
const LANGUAGE_KEY: &str = "fleetplan.language";

/// The language chosen on this browser, if one was.
pub fn saved_language() -> Option<String> {
    LocalStore.get(LANGUAGE_KEY).ok().flatten()
}

/// Remembers the chosen language. A failure (no storage) only means the
/// browser's language is used next time.
pub fn save_language(code: &str) {
    let _ = LocalStore.set(LANGUAGE_KEY, code);
}
