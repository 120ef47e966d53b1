//! Saving the plan as it changes: a while after the last edit (so a burst of
//! edits on a 5,000-position plan writes once, not once per keystroke), and
//! at once when the page is hidden or left.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::state::{PlanState, SaveStatus};
use crate::storage;

/// How long after the last change the plan is written.
const QUIET: Duration = Duration::from_millis(400);

/// Starts saving `state.plan` whenever it changes.
pub fn autosave(state: PlanState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let save_now = move || {
        let Some(handle) = timer.get_value() else {
            return; // nothing waiting
        };
        handle.clear();
        timer.set_value(None);
        if state.save_status.get_untracked() == SaveStatus::Blocked {
            return;
        }
        state
            .save_status
            .set(match state.plan.with_untracked(storage::save_plan) {
                Ok(()) => SaveStatus::Saved,
                Err(message) => SaveStatus::Failed(message),
            });
    };
    Effect::new(move |first_run: Option<()>| {
        state.plan.track();
        if first_run.is_none() || state.save_status.get_untracked() == SaveStatus::Blocked {
            return;
        }
        state.save_status.set(SaveStatus::Saving);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // The handle is still ours: let `save_now` find it.
                save_now();
            },
            QUIET,
        )
        .ok();
        timer.set_value(handle);
    });
    // Closing, reloading or switching away must not lose the last edit.
    let on_pagehide = window_event_listener(ev::pagehide, move |_| save_now());
    let on_hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            save_now();
        }
    });
    on_cleanup(move || {
        on_pagehide.remove();
        on_hidden.remove();
    });
}
