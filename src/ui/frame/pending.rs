//! Typed text that is not saved yet: refused by a rule across fields (a
//! minimum above the band's midpoint, a start after the end) or not a valid
//! value at all.
//!
//! A rule across fields cannot be met one field at a time in every order:
//! a band typed left to right has its minimum above the old midpoint until
//! the midpoint is typed. So a refused field keeps its text and is held here,
//! and every value that is saved lets the held ones try again, until none
//! more can be saved. Nothing typed is thrown away, and the plan never holds
//! a value its rules refuse.
//!
//! The page also asks here whether leaving would lose typed text.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

/// Tries the held text again: `true` once it is saved.
pub type Retry = Rc<dyn Fn() -> bool>;

/// The fields whose typed text is not saved, shared through context.
#[derive(Clone, Copy)]
pub struct Pending {
    held: StoredValue<Vec<(usize, Retry)>, LocalStorage>,
    /// How many fields hold text (tracked, for a page that wants to say so).
    pub count: RwSignal<usize>,
}

/// A key for one field, unique on the page.
pub fn next_key() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Pending {
    pub fn new() -> Self {
        Self {
            held: StoredValue::new_local(Vec::new()),
            count: RwSignal::new(0),
        }
    }

    /// The page's, if there is one (a component rendered alone in a test
    /// has none and behaves as before).
    pub fn get() -> Option<Self> {
        use_context::<Self>()
    }

    /// Holds field `key`'s text, replacing what it held before.
    pub fn hold(self, key: usize, retry: Retry) {
        self.held.update_value(|held| {
            held.retain(|(k, _)| *k != key);
            held.push((key, retry));
        });
        self.count_held();
    }

    /// Field `key` was saved, put back (Escape) or removed from the page.
    pub fn release(self, key: usize) {
        let mut changed = false;
        self.held.update_value(|held| {
            let before = held.len();
            held.retain(|(k, _)| *k != key);
            changed = held.len() != before;
        });
        if changed {
            self.count_held();
        }
    }

    /// After a value was saved: each held text tries again, and again while
    /// one more gets saved (a maximum saved lets the midpoint in, which lets
    /// the minimum in). Bounded by the number held.
    pub fn settle(self) {
        let rounds = self.held.with_value(Vec::len);
        for _ in 0..rounds {
            let held = self.held.get_value();
            let mut saved = Vec::new();
            for (key, retry) in held {
                if retry() {
                    saved.push(key);
                }
            }
            if saved.is_empty() {
                break;
            }
            self.held
                .update_value(|held| held.retain(|(k, _)| !saved.contains(k)));
        }
        self.count_held();
    }

    /// Forgets every held text (another plan or scenario is shown: the
    /// fields it was typed into are gone).
    pub fn clear(self) {
        self.held.update_value(Vec::clear);
        self.count_held();
    }

    /// Whether any field holds text that is not saved (untracked).
    pub fn any(self) -> bool {
        self.held.with_value(|held| !held.is_empty())
    }

    fn count_held(self) {
        let n = self.held.with_value(Vec::len);
        if self.count.get_untracked() != n {
            self.count.set(n);
        }
    }
}

impl Default for Pending {
    fn default() -> Self {
        Self::new()
    }
}

/// One message for a row of fields (a band, a position): a rule across
/// fields is said once, on the row, not under each field it involves. The
/// row shows the latest message of the fields still refused.
#[derive(Clone, Copy)]
pub struct RowNote(RwSignal<Vec<(usize, String)>>);

impl RowNote {
    /// A note for the row being built, which its fields find in context.
    pub fn provide() -> Self {
        let note = Self(RwSignal::new(Vec::new()));
        provide_context(note);
        note
    }

    pub fn get() -> Option<Self> {
        use_context::<Self>()
    }

    pub fn set(self, key: usize, message: String) {
        self.0.update(|notes| {
            notes.retain(|(k, _)| *k != key);
            notes.push((key, message));
        });
    }

    /// Field `key` is saved or put back.
    pub fn clear(self, key: usize) {
        if self.0.with_untracked(|n| n.iter().any(|(k, _)| *k == key)) {
            self.0.update(|notes| notes.retain(|(k, _)| *k != key));
        }
    }

    /// The message to show (tracked).
    pub fn message(self) -> Option<String> {
        self.0.with(|notes| notes.last().map(|(_, m)| m.clone()))
    }
}
