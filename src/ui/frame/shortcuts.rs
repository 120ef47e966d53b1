//! Keyboard shortcuts for undo and redo of plan edits: Ctrl+Z (⌘Z) undoes,
//! Ctrl+Shift+Z (⌘⇧Z) and Ctrl+Y redo. In a field whose text is being
//! typed they are left to the browser, which undoes the typing.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::PlanState;

/// What a key press asks of the history.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Undo,
    Redo,
}

/// Listens for the shortcuts on the window while the calling component lives.
pub fn undo_shortcuts(state: PlanState) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        let Some(step) = step_for(&ev) else {
            return;
        };
        if document().active_element().is_some_and(|e| edits_text(&e)) {
            return;
        }
        ev.prevent_default();
        match step {
            Step::Undo => state.undo(),
            Step::Redo => state.redo(),
        };
    });
    on_cleanup(move || handle.remove());
}

fn step_for(ev: &web_sys::KeyboardEvent) -> Option<Step> {
    if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() {
        return None;
    }
    // The key's letter, or the physical key's on a non-Latin layout.
    let key = ev.key().to_ascii_lowercase();
    let letter = if key.len() == 1 && key.is_ascii() {
        key
    } else {
        ev.code().strip_prefix("Key")?.to_ascii_lowercase()
    };
    step_of(&letter, ev.shift_key())
}

/// The step for a letter pressed with Ctrl or ⌘.
fn step_of(letter: &str, shift: bool) -> Option<Step> {
    match (letter, shift) {
        ("z", false) => Some(Step::Undo),
        ("z", true) | ("y", false) => Some(Step::Redo),
        _ => None,
    }
}

/// Whether focus is in a field whose own text the browser undoes: a text
/// input, a text area, a list or editable content. A checkbox or a button
/// has no text to undo, so the plan's history takes the shortcut there.
fn edits_text(element: &web_sys::Element) -> bool {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
        );
    }
    matches!(element.tag_name().as_str(), "TEXTAREA" | "SELECT")
        || element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|e| e.is_content_editable())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn z_undoes_shift_z_and_y_redo() {
        assert_eq!(step_of("z", false), Some(Step::Undo));
        assert_eq!(step_of("z", true), Some(Step::Redo));
        assert_eq!(step_of("y", false), Some(Step::Redo));
        assert_eq!(step_of("y", true), None);
        assert_eq!(step_of("s", false), None);
    }
}
