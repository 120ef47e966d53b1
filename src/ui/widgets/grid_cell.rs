//! Light inputs for the roster's cells. The roster creates rows as it
//! scrolls, so a cell costs as few reactive bindings as it can: its value,
//! and whether it is the row's invalid field. A row shows one message at a
//! time, floating below the cell it belongs to.
//!
//! Behaviour matches [`Field`](super::field::Field): commit on change (Enter
//! or leaving the cell), the text stays with a message if it is refused,
//! Escape puts the saved value back.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::roster::cell_choice;
use crate::ui::frame::pending::{Pending, Retry, next_key};
use crate::ui::frame::state::PlanState;

/// The row's refused field and its message.
pub type RowError = RwSignal<Option<(&'static str, String)>>;

/// Parses and applies the typed text; `Err` is the message, in the UI's
/// language (the row shows it as it is).
pub type CellCommit = Rc<dyn Fn(&str) -> Result<(), String>>;

/// Whether the scenario shown is locked: read once as the row is built (the
/// roster rebuilds its rows when the lock changes), so a cell costs no
/// binding for it.
fn locked() -> bool {
    untrack(|| PlanState::expect().locked())
}

fn target_input(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into().ok()
}

/// A text (or date) input in a roster cell. (Plain arguments instead of a
/// props struct keep the row cheap; they are all needed.)
#[allow(clippy::too_many_arguments)]
pub fn text_cell(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    numeric: bool,
    value: Signal<String>,
    placeholder: Option<Signal<Option<String>>>,
    error: RowError,
    commit: CellCommit,
) -> impl IntoView {
    // The text as typed while it is refused: kept when the row changes under
    // it, and tried again when another value of the plan is saved.
    let held = RwSignal::new(None::<String>);
    let pending = Pending::get();
    let key = next_key();
    let commit = StoredValue::new_local(commit);
    let saved = move || {
        held.set(None);
        if error.with_untracked(|e| e.as_ref().is_some_and(|(f, _)| *f == name)) {
            error.set(None);
        }
        if let Some(pending) = pending {
            pending.release(key);
        }
    };
    let retry: Retry = Rc::new(move || {
        let Some(text) = held.get_untracked() else {
            return true;
        };
        match commit.with_value(|commit| commit(&text)) {
            Ok(()) => {
                saved();
                true
            }
            Err(message) => {
                error.set(Some((name, message)));
                false
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = target_input(&ev) else {
            return;
        };
        let text = input.value();
        match commit.with_value(|commit| commit(&text)) {
            Ok(()) => {
                saved();
                // Show the saved form (`1200000` becomes `1,200,000`).
                input.set_value(&value.get_untracked());
                if let Some(pending) = pending {
                    pending.settle();
                }
            }
            Err(message) => {
                held.set(Some(text));
                error.set(Some((name, message)));
                if let Some(pending) = pending {
                    pending.hold(key, retry.clone());
                }
            }
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        saved();
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&value.get_untracked());
        }
    };
    on_cleanup(move || {
        if let Some(pending) = pending {
            pending.release(key);
        }
    });
    let invalid = move || {
        held.with(Option::is_some) || error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == name))
    };
    view! {
        <input
            type=kind
            class:num=numeric
            class:invalid=invalid
            aria-label=label
            aria-invalid=move || invalid().then_some("true")
            data-field=name
            inputmode=numeric.then_some("decimal")
            placeholder=move || placeholder.and_then(|p| p.get())
            disabled=locked()
            // A long value cut by the cell can still be read whole.
            title=move || value.get()
            prop:value=move || {
                let saved = value.get();
                held.get_untracked().unwrap_or(saved)
            }
            on:change=on_change
            on:keydown=on_keydown
        />
    }
}

/// A choice in a roster cell; options are `(value, label)`. It shows as a
/// button with the chosen label and becomes a `<select>` only while it has
/// focus: a select is the costliest element of a row to lay out, and rows
/// are created as the roster scrolls (BENCHMARKS.md).
pub fn select_cell(
    name: &'static str,
    label: &'static str,
    value: Signal<String>,
    options: Signal<Vec<(String, String)>>,
    error: RowError,
    commit: CellCommit,
) -> impl IntoView {
    let commit = StoredValue::new_local(commit);
    let editing = RwSignal::new(false);
    // Opened by a click (not by Tab): show the list at once.
    let open_list = StoredValue::new(false);
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select.get() {
            let _ = el.focus();
            if open_list.get_value() {
                open_list.set_value(false);
                show_picker(&el);
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        match commit.with_value(|commit| commit(&el.value())) {
            Ok(()) => error.set(None),
            Err(message) => {
                el.set_value(&value.get_untracked());
                error.set(Some((name, message)));
            }
        }
    };
    let shown = move || {
        let current = value.get();
        options.with(|o| {
            o.iter()
                .find(|(v, _)| *v == current)
                .map_or(current.clone(), |(_, l)| l.clone())
        })
    };
    move || {
        if editing.get() {
            let current = value.get_untracked();
            let choices = options.with_untracked(|o| {
                o.iter()
                    .map(|(v, l)| {
                        let selected = *v == current;
                        view! { <option value=v.clone() selected=selected>{l.clone()}</option> }
                    })
                    .collect_view()
            });
            view! {
                <select node_ref=select aria-label=label data-field=name
                    on:change=on_change on:blur=move |_| editing.set(false)
                    on:keydown=move |ev| if ev.key() == "Escape" { editing.set(false) }>
                    {choices}
                </select>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="cell-choice" data-field=name data-value=move || value.get()
                    disabled=locked() title=shown
                    aria-label=move || cell_choice(label, &shown())
                    on:focus=move |_| editing.set(true)
                    on:mousedown=move |_| open_list.set_value(true)>
                    {shown}
                </button>
            }
            .into_any()
        }
    }
}

/// Opens a select's list where the browser allows it (`showPicker`).
fn show_picker(el: &web_sys::HtmlSelectElement) {
    if let Ok(f) = js_sys::Reflect::get(el, &"showPicker".into())
        && let Some(f) = f.dyn_ref::<js_sys::Function>()
    {
        let _ = f.call0(el);
    }
}

/// A checkbox in a roster cell.
pub fn check_cell(
    name: &'static str,
    label: &'static str,
    value: Signal<bool>,
    error: RowError,
    commit: Rc<dyn Fn(bool) -> Result<(), String>>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        match commit(checked) {
            Ok(()) => error.set(None),
            Err(message) => error.set(Some((name, message))),
        }
    };
    view! {
        <input type="checkbox" aria-label=label data-field=name disabled=locked()
            prop:checked=move || value.get() on:change=on_change />
    }
}
