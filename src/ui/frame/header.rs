//! The header: product name, the plan's editable name, undo and redo, and
//! the save state with where the plan's linked file stands.

use leptos::prelude::*;

use super::backup_reminder::BackupReminder;
use super::language::LanguageSwitch;
use super::linked_file::LinkedFileState;
use super::session::Session;
use super::share_link::SharedPlanOffer;
use super::shortcuts::undo_shortcuts;
use super::state::{PlanState, SaveStatus};
use crate::i18n::shell::ShellText;
use crate::i18n::t;
use crate::ui::widgets::scenario_picker::ScenarioPicker;

#[component]
pub fn Header() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    let name = move || state.plan.with(|p| p.name.clone());
    let error = RwSignal::new(None::<String>);
    let name_input = NodeRef::<leptos::html::Input>::new();
    let commit = move |text: String| {
        let text = text.trim().to_string();
        if text.is_empty() {
            error.set(Some(t(ShellText::PlanNeedsName).into()));
        } else if text != name() {
            // Through the library: a name another plan has is refused.
            let id = session.current.get_untracked();
            error.set(session.rename(state, &id, &text).err());
        } else {
            error.set(None);
        }
    };
    // The header lives as long as the page: so do the shortcuts.
    undo_shortcuts(state);
    let save_label = move || match state.save_status.get() {
        SaveStatus::Saved => ("saved", t(ShellText::Saved).to_string()),
        SaveStatus::Saving => ("saving", t(ShellText::Saving).to_string()),
        SaveStatus::Failed(failure) => ("failed", failure.text()),
        SaveStatus::Blocked => ("failed", t(ShellText::SaveBlocked).to_string()),
    };
    view! {
        <header class="header">
            <div class="brand">"Fleetplan"</div>
            <div class="plan-name">
                <label for="plan-name" class="visually-hidden">{t(ShellText::PlanName)}</label>
                <input
                    node_ref=name_input
                    id="plan-name"
                    data-testid="plan-name"
                    class="plan-name-input"
                    title=t(ShellText::RenamePlan)
                    class:invalid=move || error.get().is_some()
                    prop:value=name
                    on:change=move |ev| commit(event_target_value(&ev))
                />
                // The pencil says the name can be changed; it focuses the input.
                <span class="plan-name-edit" aria-hidden="true" title=t(ShellText::RenamePlan)
                    on:click=move |_| {
                        if let Some(input) = name_input.get_untracked() {
                            let _ = input.focus();
                            input.select();
                        }
                    }>"✎"</span>
                {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </div>
            <ScenarioPicker />
            <div class="history" role="group" aria-label=t(ShellText::EditHistory)>
                <button
                    type="button"
                    class="history-button"
                    data-testid="undo"
                    title=t(ShellText::UndoTitle)
                    aria-keyshortcuts="Control+Z Meta+Z"
                    disabled=move || !state.can_undo.get()
                    on:click=move |_| {
                        state.undo();
                    }
                >
                    <svg class="history-icon" viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M5.5 3 2 6.5 5.5 10M2.5 6.5H10a4 4 0 0 1 0 8H7" />
                    </svg>
                    {t(ShellText::Undo)}
                </button>
                <button
                    type="button"
                    class="history-button"
                    data-testid="redo"
                    title=t(ShellText::RedoTitle)
                    aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                    disabled=move || !state.can_redo.get()
                    on:click=move |_| {
                        state.redo();
                    }
                >
                    <svg class="history-icon" viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M10.5 3 14 6.5 10.5 10M13.5 6.5H6a4 4 0 0 0 0 8h3" />
                    </svg>
                    {t(ShellText::Redo)}
                </button>
            </div>
            <LanguageSwitch />
            <div class="save-state" data-testid="save-state" data-state=move || save_label().0>
                {move || save_label().1}
            </div>
            <LinkedFileState />
            <BackupReminder />
            <SharedPlanOffer />
        </header>
    }
}
