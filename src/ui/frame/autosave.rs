//! Saving the plan as it changes: a while after the last edit (so a burst of
//! edits on a 5,000-position plan writes once, not once per keystroke), and
//! at once when the page is hidden or left. Text typed into a field and not
//! yet committed is committed first; the browser asks "leave this page?"
//! only when something would really be lost.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::pending::Pending;
use super::session::Session;
use super::state::{PlanState, SaveStatus};

/// How long after the last change the plan is written.
const QUIET: Duration = Duration::from_millis(400);

/// Starts saving `state.plan` whenever it changes.
pub fn autosave(state: PlanState, session: Session, pending: Pending) {
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
        // Real work began: the browser is asked to keep the plans (once).
        super::persist_status::ask_once(session);
    });
    // Closing, reloading or switching away must not lose the last edit.
    let leave = move || {
        if commit_typing(state) && state.save_status.get_untracked() != SaveStatus::Blocked {
            // The effect above would schedule this save only after the page
            // is gone.
            session.schedule(state, QUIET);
        }
        session.flush(state);
    };
    let on_pagehide = window_event_listener(ev::pagehide, move |_| leave());
    let on_hidden = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            leave();
        }
    });
    let on_leave = window_event_listener(ev::beforeunload, move |ev| {
        leave();
        if would_lose(state, pending) {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            ev.set_return_value("");
        }
    });
    on_cleanup(move || {
        on_pagehide.remove();
        on_hidden.remove();
        on_leave.remove();
    });
}

/// Commits the text of the field being typed in, as leaving it would.
/// Whether that changed the plan.
fn commit_typing(state: PlanState) -> bool {
    let Some(input) = document()
        .active_element()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return false;
    };
    let before = state.last_edit.get_untracked();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = input.dispatch_event(&change);
    }
    state.last_edit.get_untracked() != before
}

/// Whether leaving now loses something: typed text that is not saved, or
/// edits that could not be written.
fn would_lose(state: PlanState, pending: Pending) -> bool {
    if pending.any() {
        return true;
    }
    match state.save_status.get_untracked() {
        SaveStatus::Saved => false,
        SaveStatus::Saving | SaveStatus::Failed(_) => true,
        SaveStatus::Blocked => state.can_undo.get_untracked(),
    }
}
