//! A crash is never silent. After a panic or a WebAssembly trap the page
//! can no longer be trusted to save, so it says so at once: the header stops
//! claiming the plan is saved, a banner says what happened and when the plan
//! was last saved, offers a reload and, when the plan in memory could still
//! be read, its download.
//!
//! The banner's words are rendered here, hidden, in the page's language; the
//! page's own script `src/crash.js` shows them, so a trap that leaves the
//! WebAssembly unable to run still reaches the person. The panic hook calls
//! that script first and only then tries to read the plan, since reading it
//! may fail in turn.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use super::session::Session;
use super::state::{PlanState, SaveStatus};
use crate::i18n::shell::ShellText;
use crate::i18n::t;

thread_local! {
    /// The page's plan, for the panic hook.
    static STATE: Cell<Option<PlanState>> = const { Cell::new(None) };
    /// Armed by [`fault_panic_on_next_edit`]: the next edit panics half way.
    static ARMED: RefCell<bool> = const { RefCell::new(false) };
}

/// Installs the panic hook: the console's message, then the banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let detail = match info.payload().downcast_ref::<&str>() {
            Some(message) => (*message).to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "panic".to_string()),
        };
        call("fleetplanCrashed", &[detail.into()]);
        // Last, as it may panic in turn (the plan half way through a change).
        if let Some(state) = STATE.with(Cell::get) {
            let (name, text) = Session::backup(state);
            call("fleetplanCrashPlan", &[text.into(), name.into()]);
        }
    }));
}

/// Calls the page script's function `name`, if it is there.
fn call(name: &str, args: &[wasm_bindgen::JsValue]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(function) = js_sys::Reflect::get(&window, &name.into()) else {
        return;
    };
    if let Some(function) = function.dyn_ref::<js_sys::Function>() {
        let array: js_sys::Array = args.iter().collect();
        let _ = function.apply(&window, &array);
    }
}

/// For tests only (the fault-injection suite calls it through
/// `window.wasmBindings`): the next edit of the plan panics half way,
/// after its copy is made and before it is put in place.
#[wasm_bindgen]
pub fn fault_panic_on_next_edit() {
    ARMED.with(|armed| *armed.borrow_mut() = true);
}

/// Panics if a test armed it; called in the middle of every edit.
pub fn injected_fault() {
    if ARMED.with(|armed| std::mem::take(&mut *armed.borrow_mut())) {
        panic!("test fault: a panic in the middle of an edit");
    }
}

/// The banner, hidden until a crash; keeps the time of the last save on the
/// page for it.
#[component]
pub fn CrashBanner() -> impl IntoView {
    let state = PlanState::expect();
    STATE.with(|s| s.set(Some(state)));
    Effect::new(move |first: Option<()>| {
        let saved = state.save_status.get() == SaveStatus::Saved;
        if first.is_none() {
            // What was loaded is what is stored: saved as of now.
            mark_time("data-opened-at");
        } else if saved {
            mark_time("data-saved-at");
        }
    });
    view! {
        <div class="crash-banner" id="crash-banner" data-testid="crash-banner" role="alert" hidden
            data-header=t(ShellText::CrashHeader)
            data-saved=t(ShellText::CrashSavedAt)
            data-none=t(ShellText::CrashNothingSaved)>
            <p><strong>{t(ShellText::CrashTitle)}</strong>" "<span data-crash="detail"></span></p>
            <p data-crash="saved"></p>
            <p class="crash-actions">
                <button type="button" class="button-primary" data-crash="reload">{t(ShellText::CrashReload)}</button>
                <button type="button" class="button-secondary" data-crash="download" hidden>{t(ShellText::CrashDownload)}</button>
            </p>
        </div>
    }
}

/// Writes the browser's time now into an attribute of `<html>`.
fn mark_time(attribute: &str) {
    if let Some(root) = document().document_element() {
        let now = js_sys::Date::new_0().to_iso_string();
        let _ = root.set_attribute(attribute, &String::from(now));
    }
}
