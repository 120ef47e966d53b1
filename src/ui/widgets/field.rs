//! Inputs that edit the plan: a label, the value, its unit, and the message
//! when the typed text is not a valid value.
//!
//! A field commits when the person leaves it or presses Enter. Its `commit`
//! parses the text and tries the edit (usually through
//! [`PlanState::try_edit_scenario`](crate::ui::frame::state::PlanState::try_edit_scenario),
//! which asks the engine's validation about that field). On a message the
//! text stays as typed, marked "not saved", and the plan keeps its last valid
//! value, so the totals never show a guess. Escape puts the saved value back.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html;
use leptos::prelude::*;

use crate::i18n::fields::FieldText;
use crate::i18n::t;
use crate::ui::frame::pending::{Pending, Retry, RowNote, next_key};

/// Parses the typed text and applies it; `Err` is the message for the field,
/// in the UI's language (a parser's [`InputError`](crate::format::input::InputError)
/// goes through [`input_error`](crate::i18n::fields::input_error)).
pub type Commit = Rc<dyn Fn(&str) -> Result<(), String>>;
/// Applies a checkbox's new state; `Err` is the message for the field, in
/// the UI's language.
pub type CommitCheck = Rc<dyn Fn(bool) -> Result<(), String>>;

/// A fresh id for linking an input to its message (`aria-describedby`).
fn next_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("f{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A text input bound to one value of the plan.
#[component]
pub fn Field(
    /// What the field is, shown above it (or only to screen readers in a grid cell).
    #[prop(into)]
    label: String,
    /// The saved value, as the field shows it.
    #[prop(into)]
    value: Signal<String>,
    commit: Commit,
    /// The unit after the input: "%", "months", "JPY per month".
    #[prop(optional, into)]
    unit: MaybeProp<String>,
    /// Right-aligned tabular figures.
    #[prop(optional)]
    numeric: bool,
    /// A grid cell: the label is for screen readers only.
    #[prop(optional)]
    compact: bool,
    /// `text` (default), `month` or `date`.
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional, into)] placeholder: MaybeProp<String>,
    /// Marks the input for tests and for moving between grid cells.
    #[prop(optional)]
    name: Option<&'static str>,
    /// A locked field shows its value and cannot be edited.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<html::Input>::new();
    let message_id = next_id();
    let pending = Pending::get();
    let note = RowNote::get();
    let key = next_key();
    let commit = StoredValue::new_local(commit);
    let restore = move || {
        if let Some(el) = input.get_untracked() {
            el.set_value(&value.get_untracked());
        }
    };
    let saved = move || {
        error.set(None);
        if let Some(note) = note {
            note.clear(key);
        }
        if let Some(pending) = pending {
            pending.release(key);
        }
        // Show the value as saved (`1200000` becomes `1,200,000`) even
        // when it equals the old one and nothing re-renders.
        restore();
    };
    let refused = move |message: String| {
        if let Some(note) = note {
            note.set(key, message.clone());
        }
        error.set(Some(message));
    };
    // The typed text, tried again after another field of the plan is saved.
    let retry: Retry = Rc::new(move || {
        let Some(text) = input.get_untracked().map(|el| el.value()) else {
            return false;
        };
        match commit.with_value(|commit| commit(&text)) {
            Ok(()) => {
                saved();
                true
            }
            Err(message) => {
                refused(message);
                false
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match commit.with_value(|commit| commit(&text)) {
            Ok(()) => {
                saved();
                if let Some(pending) = pending {
                    pending.settle();
                }
            }
            Err(message) => {
                refused(message);
                if let Some(pending) = pending {
                    pending.hold(key, retry.clone());
                }
            }
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && error.get_untracked().is_some()
            || ev.key() == "Escape"
                && input
                    .get_untracked()
                    .is_some_and(|el| el.value() != value.get_untracked())
        {
            ev.prevent_default();
            saved();
        }
    };
    on_cleanup(move || {
        if let Some(pending) = pending {
            pending.release(key);
        }
    });
    // A refused field keeps its text when the plan changes under it (the
    // band's maximum saved must not put the typed minimum back to 0).
    let shown = move || {
        let saved = value.get();
        if error.get_untracked().is_some() {
            input.get_untracked().map(|el| el.value()).unwrap_or(saved)
        } else {
            saved
        }
    };
    let described = message_id.clone();
    let input_view = view! {
        <input
            node_ref=input
            type=kind.unwrap_or("text")
            class:num=numeric
            class:invalid=move || error.get().is_some()
            inputmode=numeric.then_some("decimal")
            aria-label=compact.then(|| label.clone())
            aria-invalid=move || error.get().is_some().then_some("true")
            aria-describedby=move || (error.get().is_some() && note.is_none()).then(|| described.clone())
            data-field=name
            placeholder=move || placeholder.get()
            disabled=disabled
            prop:value=shown
            on:change=on_change
            on:keydown=on_keydown
        />
    };
    let not_saved = t(FieldText::NotSaved);
    // In a row with one note, the row says it.
    let message = move || {
        error.get().filter(|_| note.is_none()).map(|m| {
            view! {
                <div class="field-error" role="alert" id=message_id.clone()>
                    {m}
                    <span class="unsaved">{not_saved}</span>
                </div>
            }
        })
    };
    let unit = move || unit.get().map(|u| view! { <span class="unit">{u}</span> });
    if compact {
        // A cell's unit, when given, is what the column cannot say: the
        // currency of an amount in a column of several.
        view! {
            <div class="cell-field">
                {input_view}
                {unit}
                {message}
            </div>
        }
        .into_any()
    } else {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <span class="field-input">{input_view}{unit}</span>
                {message}
            </label>
        }
        .into_any()
    }
}

/// A choice among fixed options, bound to one value of the plan.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    /// `(value, label)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    commit: Commit,
    #[prop(optional)] compact: bool,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let select = NodeRef::<html::Select>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        match commit(&chosen) {
            Ok(()) => error.set(None),
            Err(message) => {
                error.set(Some(message));
                if let Some(el) = select.get_untracked() {
                    el.set_value(&value.get_untracked());
                }
            }
        }
    };
    let select_view = view! {
        <select
            node_ref=select
            aria-label=compact.then(|| label.clone())
            data-field=name
            disabled=disabled
            on:change=on_change
        >
            {move || {
                let current = value.get();
                options
                    .get()
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()
            }}
        </select>
    };
    let message = move || {
        error
            .get()
            .map(|m| view! { <div class="field-error" role="alert">{m}</div> })
    };
    if compact {
        view! { <div class="cell-field">{select_view}{message}</div> }.into_any()
    } else {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <span class="field-input">{select_view}</span>
                {message}
            </label>
        }
        .into_any()
    }
}

/// A yes/no value of the plan.
#[component]
pub fn CheckField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<bool>,
    commit: CommitCheck,
    /// A grid cell: the label is for screen readers only.
    #[prop(optional)]
    compact: bool,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        match commit(checked) {
            Ok(()) => error.set(None),
            Err(message) => error.set(Some(message)),
        }
    };
    let message = move || {
        error
            .get()
            .map(|m| view! { <div class="field-error" role="alert">{m}</div> })
    };
    let input_view = view! {
        <input
            type="checkbox"
            aria-label=compact.then(|| label.clone())
            data-field=name
            disabled=disabled
            prop:checked=move || value.get()
            on:change=on_change
        />
    };
    if compact {
        view! { <div class="cell-field cell-check">{input_view}{message}</div> }.into_any()
    } else {
        view! {
            <label class="check">
                {input_view}
                <span>{label}</span>
                {message}
            </label>
        }
        .into_any()
    }
}

/// The message beside a field whose text is not a valid value, in the UI's
/// language.
#[component]
pub fn FieldError(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! { <div class="field-error" role="alert">{message}</div> }
        })
    }
}
