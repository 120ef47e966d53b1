//! Whether the browser keeps this site's storage (`navigator.storage`).
//!
//! The browser is asked (`persist()`) once, when the person first does real
//! work (the first edit saved), never on a first load: a plan opened only to
//! look at is no reason to ask, and Firefox shows a prompt. The answer is
//! kept under [`PERSISTENCE_KEY`] so it is asked once per browser; the
//! Plans & backups view can ask again on a click. What the browser holds
//! now (`persisted()`, `estimate()`) is read on every load and never asks.
//!
//! The decisions are pure and tested natively over a [`KeyValue`].

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::Persistence;
use super::library::KeyValue;

/// Where the browser's answer is kept: `{"at": <ms>, "granted": <bool>}`.
pub const PERSISTENCE_KEY: &str = "fleetplan.persistence";

/// When the browser was asked, and what it answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub at: i64,
    pub granted: bool,
}

impl Asked {
    /// What was asked on this browser, if it was (a record that cannot be
    /// read counts as never asked).
    pub fn read(store: &impl KeyValue) -> Option<Self> {
        let text = store.get(PERSISTENCE_KEY).ok()??;
        serde_json::from_str(&text).ok()
    }

    /// Keeps the browser's answer. Not kept (no storage), it is only asked
    /// again on the next load's first edit.
    pub fn note(store: &mut impl KeyValue, at: i64, granted: bool) -> Self {
        let asked = Self { at, granted };
        if let Ok(text) = serde_json::to_string(&asked) {
            let _ = store.set(PERSISTENCE_KEY, &text);
        }
        asked
    }
}

/// What to say, from what the browser holds now (`persisted()`: `None`
/// without a storage manager) and what it answered before.
pub fn standing(persisted: Option<bool>, asked: Option<Asked>) -> Persistence {
    match (persisted, asked) {
        (None, _) => Persistence::Unsupported,
        (Some(true), _) => Persistence::Granted,
        (Some(false), None) => Persistence::NotAsked,
        (Some(false), Some(_)) => Persistence::BestEffort,
    }
}

/// Whether an edit saved now should ask the browser: only while it was
/// never asked and does not keep the storage already.
pub fn should_ask(standing: Persistence) -> bool {
    standing == Persistence::NotAsked
}

/// What the browser counts as this site's storage (`estimate()`), in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub used: u64,
    pub quota: u64,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older Safari has no `navigator.storage`: web-sys's getter would hand
    // back `undefined` as a manager.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    Some(navigator.storage())
}

async fn answer(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Whether the browser keeps this site's storage now; `None` without a
/// storage manager. Never asks.
pub async fn persisted() -> Option<bool> {
    answer(manager()?.persisted()).await?.as_bool()
}

/// Asks the browser to keep this site's storage; its answer.
pub async fn persist() -> Option<bool> {
    answer(manager()?.persist()).await?.as_bool()
}

/// The browser's estimate of this site's storage.
pub async fn estimate() -> Option<Usage> {
    let estimate: web_sys::StorageEstimate = answer(manager()?.estimate()).await?.into();
    // Whole bytes: the browser counts them as doubles, and rounds its own
    // figures (deliberately, against fingerprinting).
    let bytes = |v: Option<f64>| v.filter(|v| v.is_finite() && *v >= 0.0).map(|v| v as u64);
    Some(Usage {
        used: bytes(estimate.get_usage())?,
        quota: bytes(estimate.get_quota())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::library::MemoryStore;

    #[test]
    fn asked_once_at_the_first_edit_then_the_answer_is_said() {
        let mut store = MemoryStore::default();
        // First load: not kept, never asked.
        let now = standing(Some(false), Asked::read(&store));
        assert_eq!(now, Persistence::NotAsked);
        assert!(should_ask(now));
        // The first edit asks; the browser refuses.
        Asked::note(&mut store, 1_000, false);
        let after = standing(Some(false), Asked::read(&store));
        assert_eq!(after, Persistence::BestEffort);
        assert!(!should_ask(after), "asked once, not at every edit or load");
        // The browser may grant it later (Chromium does as a site is used).
        assert_eq!(
            standing(Some(true), Asked::read(&store)),
            Persistence::Granted
        );
    }

    #[test]
    fn kept_already_or_no_storage_manager_never_asks() {
        let store = MemoryStore::default();
        assert_eq!(standing(Some(true), None), Persistence::Granted);
        assert!(!should_ask(standing(Some(true), None)));
        assert_eq!(standing(None, None), Persistence::Unsupported);
        assert!(!should_ask(standing(None, Asked::read(&store))));
    }

    #[test]
    fn the_answer_reads_back_and_a_bad_record_counts_as_never_asked() {
        let mut store = MemoryStore::default();
        let asked = Asked::note(&mut store, 1_798_794_000_000, true);
        assert_eq!(Asked::read(&store), Some(asked));
        assert_eq!(
            store.get(PERSISTENCE_KEY).unwrap().as_deref(),
            Some(r#"{"at":1798794000000,"granted":true}"#)
        );
        store.set(PERSISTENCE_KEY, "yes").unwrap();
        assert_eq!(Asked::read(&store), None);
    }
}
