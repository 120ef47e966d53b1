//! Banners under the header: a save conflict with another tab (with the
//! choices), and notices about stored plans: one that could not be read, a
//! list rebuilt, this tab's changes replaced by another tab's version (with
//! a download of this tab's).

use leptos::prelude::*;

use super::session::{Session, SessionNotice};
use super::state::{PlanState, SaveStatus};
use crate::i18n::plans::PlansText;
use crate::i18n::shell::ShellText;
use crate::i18n::t;
use crate::ui::widgets::download::download_bytes;

#[component]
pub fn Notices() -> impl IntoView {
    let session = Session::expect();
    let state = PlanState::expect();
    let download_mine = move |_| {
        let (name, text) = Session::backup(state);
        let _ = download_bytes(&name, "application/json", text.as_bytes());
    };
    let notices = move || {
        session
            .notices
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, notice)| {
                // Written when asked for: a large plan takes a while.
                let file = matches!(notice, SessionNotice::Replaced(_)).then(|| {
                    let notice = notice.clone();
                    let download = move |_| {
                        if let Some((name, text)) = notice.plan_file() {
                            let _ = download_bytes(&name, "application/json", text.as_bytes());
                        }
                    };
                    view! {
                        <button type="button" class="button-secondary" data-testid="notice-download"
                            on:click=download>{t(PlansText::DownloadReplaced)}</button>
                    }
                });
                view! {
                    <div class="banner banner-warning" role="alert" data-testid="notice">
                        <span>{notice.text()}</span>
                        {file}
                        <button type="button" class="button-quiet" aria-label=t(ShellText::Dismiss)
                            on:click=move |_| session.notices.update(|n| { if i < n.len() { n.remove(i); } })>
                            {t(ShellText::Dismiss)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    // A failed save (a full quota, storage turned off): the plan is only in
    // this tab now, so a backup is offered where the person looks.
    let failed = move || match state.save_status.get() {
        SaveStatus::Failed(failure) if !session.conflict.get() => Some(failure.text()),
        _ => None,
    };
    view! {
        {move || failed().map(|message| view! {
            <div class="banner banner-warning" role="alert" data-testid="save-failed">
                <span>{message} {t(ShellText::SaveFailedTail)}</span>
                <button type="button" class="button-secondary" data-testid="save-failed-backup" on:click=download_mine>
                    {t(ShellText::DownloadBackup)}
                </button>
            </div>
        })}
        <Show when=move || session.conflict.get()>
            <div class="banner banner-warning" role="alert" data-testid="conflict">
                <span>
                    {t(ShellText::Conflict)}
                </span>
                <button type="button" class="button-secondary" data-testid="keep-mine"
                    on:click=move |_| session.keep_mine(state)>{t(ShellText::KeepMine)}</button>
                <button type="button" class="button-secondary" data-testid="take-theirs"
                    on:click=move |_| session.take_theirs(state)>{t(ShellText::TakeTheirs)}</button>
                <button type="button" class="button-quiet" on:click=download_mine>
                    {t(ShellText::DownloadMine)}
                </button>
            </div>
        </Show>
        {notices}
    }
}
