//! The header's backup state: when the open plan was last backed up (a
//! downloaded backup or a written plan file) and, once changes have waited
//! long enough (`storage::backup_log`: 7 days or 50 saves), a gentle
//! reminder offering the download. Never a modal: it sits in the header,
//! work goes on around it, and "Later" hides it until the page is loaded
//! again or another plan is opened.

use std::cell::OnceCell;

use leptos::prelude::*;

use super::session::Session;
use super::state::{PlanState, SaveStatus};
use crate::i18n::keeping::{self as texts, KeepingText};
use crate::i18n::t;
use crate::storage::LocalStore;
use crate::storage::backup_log::BackupLog;
use crate::ui::widgets::download::download_bytes;

/// The browser's clock, in milliseconds since 1970.
fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

thread_local! {
    /// Bumped whenever a plan's backup log changes, so the header follows a
    /// backup made anywhere on the page.
    static CHANGED: OnceCell<RwSignal<u64>> = const { OnceCell::new() };
}

fn changed() -> RwSignal<u64> {
    CHANGED.with(|cell| *cell.get_or_init(|| RwSignal::new(0)))
}

/// The open plan was just backed up (a download, a written plan file).
pub fn backed_up(session: Session) {
    let id = session.current.get_untracked();
    if !id.is_empty() {
        BackupLog::backed_up(&mut LocalStore, &id, now_ms());
        changed().update(|n| *n += 1);
    }
}

/// Downloads the open plan as a backup and notes it.
pub fn download_backup(session: Session, state: PlanState) -> Result<(), String> {
    let (name, text) = Session::backup(state);
    download_bytes(&name, "application/json", text.as_bytes())?;
    backed_up(session);
    Ok(())
}

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    let changed = changed();
    // Every save of the open plan counts towards the reminder.
    Effect::watch(
        move || state.save_status.get(),
        move |status, previous, _| {
            let id = session.current.get_untracked();
            if *status == SaveStatus::Saved
                && previous == Some(&SaveStatus::Saving)
                && !id.is_empty()
            {
                BackupLog::saved(&mut LocalStore, &id, now_ms());
                changed.update(|n| *n += 1);
            }
        },
        false,
    );
    // A deleted plan's log goes with it (its id may be given again).
    Effect::new(move |_| {
        session.plans.with(|plans| {
            let ids: Vec<&str> = plans.iter().map(|p| p.id.as_str()).collect();
            BackupLog::forget_others(&mut LocalStore, &ids);
        });
    });
    let later = RwSignal::new(false);
    let log = Memo::new(move |_| {
        changed.track();
        BackupLog::read(&LocalStore, &session.current.get())
    });
    let label = move || match log.get().days_since_backup(now_ms()) {
        Some(days) => texts::backed_up_days(days),
        None => t(KeepingText::NeverBackedUp).to_string(),
    };
    let due = move || log.get().due(now_ms());
    // "Later" holds for this plan until the page is loaded again.
    Effect::watch(
        move || session.current.get(),
        move |_, _, _| later.set(false),
        false,
    );
    let error = RwSignal::new(None::<String>);
    let download = move |_| error.set(download_backup(session, state).err());
    view! {
        <div class="backup-state" data-testid="backup-state" data-due=move || due().to_string()>
            {label}
        </div>
        <Show when=move || due() && !later.get()>
            <div class="backup-reminder" role="status" data-testid="backup-reminder">
                <span>{t(KeepingText::ReminderText)}</span>
                <button type="button" class="button-secondary" data-testid="backup-reminder-download"
                    on:click=download>{t(KeepingText::ReminderDownload)}</button>
                <button type="button" class="button-quiet" on:click=move |_| later.set(true)>
                    {t(KeepingText::ReminderLater)}
                </button>
                {move || error.get().map(|e| view! { <span class="field-error">{e}</span> })}
            </div>
        </Show>
    }
}
