//! Saving the plan as it changes: a while after the last edit (so a burst of
//! edits on a 5,000-position plan writes once, not once per keystroke), and
//! at once when the page is hidden or left.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::session::Session;
use super::state::{PlanState, SaveStatus};

/// How long after the last change the plan is written.
const QUIET: Duration = Duration::from_millis(400);

/// Starts saving `state.plan` whenever it changes.
pub fn autosave(state: PlanState, session: Session) {
    Effect::new(move |first_run: Option<()>| {
        state.plan.track();
        // A plan read from storage (opened, or saved by another tab) is not
        // written back.
        if first_run.is_none() || session.take_quiet() {
            return;
        }
        if state.save_status.get_untracked() == SaveStatus::Blocked {
            return;
        }
        state.save_status.set(SaveStatus::Saving);
        session.schedule(state, QUIET);
    });
    // Closing, reloading or switching away must not lose the last edit.
    let on_pagehide = window_event_listener(ev::pagehide, move |_| session.flush(state));
    let on_hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            session.flush(state);
        }
    });
    on_cleanup(move || {
        on_pagehide.remove();
        on_hidden.remove();
    });
}
