//! The open plan linked to a plan file on disk: "Save to file…" and "Open
//! file…" on Plans & backups, and the header's word on the file. Where the
//! browser has no File System Access API (Firefox, Safari) both fall back to
//! a download and an upload, and the card says why.
//!
//! The order of writes is `storage::linked_file` (tested natively); this
//! module starts them: `Session::flush` calls [`after_save`] once a save in
//! local storage succeeded, so the file never gets a plan the browser does
//! not also hold.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::backup_reminder::{backed_up, download_backup};
use super::nav::View;
use super::plan_files::open_plan_file;
use super::session::Session;
use super::state::{PlanState, SaveStatus};
use crate::i18n::keeping::{self as texts, KeepingText};
use crate::i18n::plans::PlansText;
use crate::i18n::t;
use crate::storage::LocalStore;
use crate::storage::backup_log::BackupLog;
use crate::storage::linked_file::{
    self as files, BrowserFile, FileState, FileSync, Picked, write_through,
};

/// A plan's link to its file.
struct Link {
    plan_id: String,
    file: BrowserFile,
    sync: RefCell<FileSync>,
}

/// What the page shows of the open plan's link.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkView {
    pub plan_id: String,
    pub name: String,
    pub state: FileState,
    /// Kept in IndexedDB for the next visit.
    pub kept: bool,
}

thread_local! {
    /// The open plan's link, if it has one. A write under way holds its own
    /// reference, so opening another plan does not cut it short.
    static LINK: RefCell<Option<Rc<Link>>> = const { RefCell::new(None) };
    /// Reference counted, not owned by the view that first reads it: writes
    /// finish after views are gone.
    static VIEW: OnceCell<ArcRwSignal<Option<LinkView>>> = const { OnceCell::new() };
}

/// The open plan's link as shown.
pub fn link_view() -> ArcRwSignal<Option<LinkView>> {
    VIEW.with(|cell| cell.get_or_init(|| ArcRwSignal::new(None)).clone())
}

fn current_link() -> Option<Rc<Link>> {
    LINK.with(|l| l.borrow().clone())
}

fn set_link(link: Option<Rc<Link>>, kept: bool) {
    let view = link.as_ref().map(|l| LinkView {
        plan_id: l.plan_id.clone(),
        name: l.file.0.name(),
        state: l.sync.borrow().state(),
        kept,
    });
    LINK.with(|l| *l.borrow_mut() = link);
    link_view().set(view);
}

/// Shows `link`'s state, if it is still the open plan's link.
fn publish(link: &Rc<Link>) {
    let still = current_link().is_some_and(|l| Rc::ptr_eq(&l, link));
    if still {
        let state = link.sync.borrow().state();
        link_view().update(|v| {
            if let Some(v) = v {
                v.state = state;
            }
        });
    }
}

/// The plan as its file holds it: the plan file, byte for byte what the
/// backup download writes.
fn plan_text(state: PlanState) -> String {
    Session::backup(state).1
}

/// Writes `text` to `link`'s file, then each save made meanwhile; each
/// write that succeeds is a backup for the reminder.
fn start_writing(session: Session, link: Rc<Link>, text: String) {
    publish(&link);
    leptos::task::spawn_local(async move {
        let plan_id = link.plan_id.clone();
        write_through(&link.sync, &link.file, text, || {
            if session.current.get_untracked() == plan_id {
                backed_up(session);
            } else {
                BackupLog::written_to_file(&mut LocalStore, &plan_id, js_sys::Date::now() as i64);
            }
        })
        .await;
        publish(&link);
    });
}

/// A save of the open plan in local storage succeeded: its linked file, if
/// it has one, is written too.
pub fn after_save(session: Session, state: PlanState) {
    let Some(link) = current_link() else {
        return;
    };
    if link.plan_id != session.current.get_untracked() {
        return;
    }
    let job = link.sync.borrow_mut().saved(plan_text(state));
    match job {
        Some(text) => start_writing(session, link, text),
        None => publish(&link),
    }
}

/// Links the open plan to `handle`. `write_now`: the file is written from
/// the plan at once (Save to file…); otherwise it holds the plan already
/// (Open file…), and `allowed` says whether the page may write it.
async fn link_open_plan(
    session: Session,
    state: PlanState,
    handle: web_sys::FileSystemFileHandle,
    write_now: bool,
    allowed: bool,
) {
    let plan_id = session.current.get_untracked();
    let initial = if allowed {
        FileState::Written
    } else {
        FileState::NeedsPermission
    };
    let link = Rc::new(Link {
        plan_id: plan_id.clone(),
        file: BrowserFile(handle.clone()),
        sync: RefCell::new(FileSync::new(initial)),
    });
    set_link(Some(link.clone()), false);
    if write_now {
        let job = link.sync.borrow_mut().saved(plan_text(state));
        if let Some(text) = job {
            start_writing(session, link.clone(), text);
        }
    } else if allowed {
        // The file holds the plan just opened from it.
        backed_up(session);
    }
    // A plan not stored (no storage) has no id to keep the link under.
    let kept = !plan_id.is_empty() && files::keep_link(&plan_id, &handle).await;
    if current_link().is_some_and(|l| Rc::ptr_eq(&l, &link)) {
        link_view().update(|v| {
            if let Some(v) = v {
                v.kept = kept;
            }
        });
    }
}

/// "Save to file…": asks where, links the open plan to that file and
/// writes it. Without the API, downloads the plan file. The error is the
/// sentence to show.
async fn save_to_file(session: Session, state: PlanState) -> Result<(), String> {
    if !files::supported() {
        return download_backup(session, state);
    }
    // The plan as stored: the file starts from the latest save.
    session.flush(state);
    let (name, _) = Session::backup(state);
    match files::pick_save(&name, t(KeepingText::FileKind)).await {
        Picked::File(handle) => {
            link_open_plan(session, state, handle, true, true).await;
            Ok(())
        }
        Picked::Cancelled => Ok(()),
        Picked::Refused => Err(t(KeepingText::PickerRefused).into()),
    }
}

/// Why "Open file…" opened nothing.
enum Opening {
    /// The picker did not open, or the file could not be read.
    Refused(String),
    /// The file is not a plan: its problems.
    NotAPlan(Vec<String>),
}

/// "Open file…": opens a plan file as a new plan (as a backup is opened:
/// nothing else changes) and links the new plan to it.
async fn open_file(session: Session, state: PlanState) -> Result<(), Opening> {
    let handle = match files::pick_open(t(KeepingText::FileKind)).await {
        Picked::File(handle) => handle,
        Picked::Cancelled => return Ok(()),
        Picked::Refused => return Err(Opening::Refused(t(KeepingText::PickerRefused).into())),
    };
    let Some(bytes) = files::read(&handle).await else {
        return Err(Opening::Refused(t(PlansText::FileUnreadable).into()));
    };
    // Decoded as the command line and the upload decode it.
    let text = crate::format::decode::decode(&bytes)
        .map_err(|e| Opening::NotAPlan(vec![crate::i18n::roster::decode_error(&e)]))?
        .text;
    session
        .import_file(state, &text)
        .map_err(Opening::NotAPlan)?;
    // The picker gave leave to read; writing needs the person's leave too,
    // asked while the click that opened the picker still counts.
    let allowed = files::may_write(&handle, true).await;
    link_open_plan(session, state, handle, false, allowed).await;
    Ok(())
}

/// "Allow writing the file": asks the browser's leave (a click is needed
/// for its prompt), then writes the plan as saved now.
async fn allow_writing(session: Session, state: PlanState) {
    let Some(link) = current_link() else {
        return;
    };
    if !files::may_write(&link.file.0, true).await {
        return;
    }
    let job = link.sync.borrow_mut().permitted(plan_text(state));
    if let Some(text) = job {
        start_writing(session, link, text);
    }
}

/// "Stop writing the file": the plan stays, the link goes.
fn unlink(session: Session) {
    set_link(None, false);
    let plan_id = session.current.get_untracked();
    leptos::task::spawn_local(async move { files::forget_link(&plan_id).await });
}

/// Finds the link kept for the open plan whenever another plan is opened
/// (and on load), and forgets the links of deleted plans. The header calls
/// this once.
pub fn follow_links(session: Session, state: PlanState) {
    Effect::new(move |_| {
        let plan_id = session.current.get();
        // Linked just now (Open file… opens a new plan, then links it).
        if current_link().is_some_and(|l| l.plan_id == plan_id) {
            return;
        }
        set_link(None, false);
        if plan_id.is_empty() || !files::supported() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Some(handle) = files::kept_link(&plan_id).await else {
                return;
            };
            if session.current.get_untracked() != plan_id {
                return;
            }
            // Chromium gives leave again only when asked on a click, unless
            // the person let it write on every visit.
            let allowed = files::may_write(&handle, false).await;
            if session.current.get_untracked() != plan_id || current_link().is_some() {
                return;
            }
            let initial = if allowed {
                FileState::Written
            } else {
                FileState::NeedsPermission
            };
            let link = Rc::new(Link {
                plan_id,
                file: BrowserFile(handle),
                sync: RefCell::new(FileSync::new(initial)),
            });
            set_link(Some(link.clone()), true);
            if allowed {
                // A write may have failed before the reload: the file
                // catches up with the plan as stored.
                let job = link.sync.borrow_mut().saved(plan_text(state));
                if let Some(text) = job {
                    start_writing(session, link, text);
                }
            }
        });
    });
    Effect::new(move |_| {
        let ids: Vec<String> = session
            .plans
            .with(|plans| plans.iter().map(|p| p.id.clone()).collect());
        if files::supported() {
            leptos::task::spawn_local(async move {
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                files::forget_other_links(&ids).await;
            });
        }
    });
}

/// The header's word on the linked file, from its state and the plan's
/// save: never "saved" while the file lacks the latest save.
fn header_state(view: &LinkView, save: &SaveStatus) -> &'static str {
    match (view.state, save) {
        (FileState::NeedsPermission, _) => "permission",
        (FileState::Failed(_), _) => "failed",
        (FileState::Writing, _) => "writing",
        (FileState::Written, SaveStatus::Saved) => "written",
        (FileState::Written, SaveStatus::Saving) => "writing",
        (FileState::Written, SaveStatus::Failed(_) | SaveStatus::Blocked) => "behind",
    }
}

/// In the header, after the save state: where the linked file stands, a
/// link to Plans & backups. Nothing while the plan has no file.
#[component]
pub fn LinkedFileState() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    follow_links(session, state);
    let view = RwSignal::from(link_view());
    // Opens Plans & backups at the file's card (the address alone does not
    // switch the view once the page is open).
    let page_view = use_context::<RwSignal<View>>();
    let go_to_card = move |ev: leptos::ev::MouseEvent| {
        let Some(page_view) = page_view else {
            return;
        };
        ev.prevent_default();
        page_view.set(View::Plans);
        request_animation_frame(|| {
            if let Some(card) = document().get_element_by_id("files-title") {
                card.scroll_into_view();
            }
        });
    };
    let shown = move || {
        let save = state.save_status.get();
        view.get().map(|v| {
            (
                header_state(&v, &save),
                texts::file_state(&v.name, header_state(&v, &save)),
            )
        })
    };
    view! {
        <div class="file-state-slot" role="status">
            {move || shown().map(|(key, text)| view! {
                <a class="file-state" href="#plans" data-testid="file-state" data-state=key
                    on:click=go_to_card>{text}</a>
            })}
        </div>
    }
}

/// The card on Plans & backups: link the open plan to a file, open one,
/// the link's state; or, without the API, why these download and upload.
#[component]
pub fn LinkedFileCard() -> impl IntoView {
    let session = Session::expect();
    let state = PlanState::expect();
    let supported = files::supported();
    let view = RwSignal::from(link_view());
    // What went wrong: with the picker or the download (`error`), or the
    // file opened is not a plan (`problems`, as a backup's are shown).
    let error = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    let save = move |_| {
        problems.set(Vec::new());
        leptos::task::spawn_local(async move {
            // The card may be gone by then (another view opened).
            error.try_set(save_to_file(session, state).await.err());
        });
    };
    let open = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            match open_file(session, state).await {
                Ok(()) => {
                    problems.try_set(Vec::new());
                }
                Err(Opening::Refused(e)) => {
                    error.try_set(Some(e));
                }
                Err(Opening::NotAPlan(p)) => {
                    problems.try_set(p);
                }
            }
        });
    };
    let open_upload = move |ev: leptos::ev::Event| open_plan_file(session, state, &ev, problems);
    let allow = move |_| leptos::task::spawn_local(allow_writing(session, state));
    let open_button = if supported {
        view! {
            <button type="button" class="button-secondary" data-testid="file-open" on:click=open>
                {t(KeepingText::OpenFile)}
            </button>
        }
        .into_any()
    } else {
        view! {
            <label class="button-secondary file-button" data-testid="file-open">
                {t(KeepingText::OpenFile)}
                <input type="file" accept=".json,application/json" class="visually-hidden"
                    data-testid="file-open-input" on:change=open_upload />
            </label>
        }
        .into_any()
    };
    let status = move || {
        view.get().map(|v| {
            let detail = match v.state {
                FileState::Failed(e) => Some(("failed", texts::write_failed(&v.name, e))),
                FileState::NeedsPermission => Some(("permission", texts::needs_permission(&v.name))),
                _ => None,
            };
            let needs_permission = v.state == FileState::NeedsPermission;
            view! {
                <div class="linked-file" data-testid="linked-file">
                    <p>{texts::linked(&v.name, v.kept)}</p>
                    {(!v.kept).then(|| view! { <p class="muted" data-testid="link-not-kept">{t(KeepingText::NotKept)}</p> })}
                    {detail.map(|(key, text)| view! {
                        <p class="field-error" role="alert" data-testid="file-problem" data-state=key>{text}</p>
                    })}
                    <div class="backup-actions">
                        {needs_permission.then(|| view! {
                            <button type="button" class="button-primary" data-testid="file-allow" on:click=allow>
                                {t(KeepingText::AllowWriting)}
                            </button>
                        })}
                        <button type="button" class="button-quiet" data-testid="file-unlink"
                            on:click=move |_| unlink(session)>{t(KeepingText::Unlink)}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="files-title" data-testid="linked-file-card"
            data-supported=supported.to_string()>
            <div class="card-head"><h2 id="files-title">{t(KeepingText::FilesTitle)}</h2></div>
            <p class="muted" data-testid="files-intro">
                {t(if supported { KeepingText::FilesIntro } else { KeepingText::FilesFallback })}
            </p>
            <div class="backup-actions">
                <button type="button" class="button-secondary" data-testid="file-save" on:click=save>
                    {t(KeepingText::SaveToFile)}
                </button>
                {open_button}
            </div>
            {status}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="file-error">{e}</p> })}
            <Show when=move || !problems.get().is_empty()>
                <div class="field-error" role="alert" data-testid="file-problems">
                    <p>{t(PlansText::NotAPlan)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
