//! The only code that touches the browser's storage.
//!
//! `library` keeps the plans (records, the list, recovery copies) over any
//! key-value store and is tested natively; [`LocalStore`] is that store in
//! the browser: local storage through gloo-storage. Every save is one
//! `setItem` of a whole record, so a failed or interrupted save leaves the
//! previous record as it was.

pub mod backup_log;
pub mod library;

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
    /// Not asked yet, or no answer yet.
    Unknown,
    /// Kept until the person clears it.
    Granted,
    /// The browser may clear it when the disk runs low.
    BestEffort,
    /// This browser has no storage manager.
    Unsupported,
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`),
/// first checking whether it already does.
pub async fn request_persistence() -> Persistence {
    use wasm_bindgen_futures::JsFuture;
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return Persistence::Unsupported;
    };
    let answer = |promise: Result<js_sys::Promise, JsValue>| async move {
        JsFuture::from(promise.ok()?).await.ok()?.as_bool()
    };
    if answer(manager.persisted()).await == Some(true) {
        return Persistence::Granted;
    }
    match answer(manager.persist()).await {
        Some(true) => Persistence::Granted,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unsupported,
    }
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
