//! Which stored plan is open, its revision, the list of plans, and what
//! happens when another tab saves: the bridge between `PlanState` and
//! `storage::library`.

use leptos::ev;
use leptos::prelude::*;

use super::state::{PlanState, SaveFailure, SaveStatus};
use std::sync::Arc;

use crate::format::export::plan_file_name;
use crate::format::plan_json::{read_plan_file, write_plan_file};
use crate::format::record::{decode_record, record_header};
use crate::i18n::plans::{self as texts, PlansText, save_error};
use crate::i18n::t;
use crate::model::Plan;
use crate::storage::library::{
    INDEX_KEY, IndexProblem, Library, Notice, Opened, PlanEntry, ReadProblem, Recovery,
    RenameError, SaveError, plan_key, recovery_key,
};
use crate::storage::{LocalStore, Persistence};

thread_local! {
    /// One library for the tab: it remembers the records it wrote, so a
    /// save need not re-check its own last record (see `Library`).
    static LIBRARY: std::cell::RefCell<Library<LocalStore>> =
        std::cell::RefCell::new(Library::new(LocalStore));
}

/// Runs `f` on the tab's library.
fn with_library<T>(f: impl FnOnce(&mut Library<LocalStore>) -> T) -> T {
    LIBRARY.with(|library| f(&mut library.borrow_mut()))
}

/// A message under the header about the plans on this device. Kept as
/// what happened, and put into words when shown, so it follows a switch of
/// language.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionNotice {
    /// What the library found on start.
    Storage(Notice),
    /// A plan that could not be read, and the key its text is kept under:
    /// a copy's when `kept`, else its own (no room for a copy).
    Unreadable {
        reason: ReadProblem,
        key: String,
        kept: bool,
    },
    /// A plan saved by a newer version of Fleetplan.
    Newer(u32),
    /// Another tab kept its version over this tab's saved changes (its
    /// "keep mine"); this tab took that version in. The plan is this tab's
    /// version before that, for a download.
    Replaced(Arc<Plan>),
    /// A fixed text.
    Said(PlansText),
}

impl SessionNotice {
    /// The notice in the current language.
    pub fn text(&self) -> String {
        match self {
            Self::Storage(notice) => texts::storage_notice(notice),
            Self::Unreadable { reason, key, kept } => texts::unreadable_plan(reason, key, *kept),
            Self::Newer(version) => texts::newer_plan(*version),
            Self::Replaced(_) => t(PlansText::ReplacedElsewhere).to_string(),
            Self::Said(text) => t(*text).to_string(),
        }
    }

    /// The plan file the notice offers for download (file name, text): the
    /// version of a plan that another tab replaced.
    pub fn plan_file(&self) -> Option<(String, String)> {
        match self {
            Self::Replaced(plan) => Some(plan_file(plan)),
            _ => None,
        }
    }
}

/// A plan as a plan file (the backup download): its file name, from the
/// plan's name as export files are named (`format::export::plan_file_name`,
/// through `file_part`), and its text.
pub fn plan_file(plan: &Plan) -> (String, String) {
    (plan_file_name(plan), write_plan_file(plan))
}

#[derive(Clone, Copy)]
pub struct Session {
    /// The open plan's id; empty while it could not be stored.
    pub current: RwSignal<String>,
    /// The stored record's revision this tab last read or wrote.
    revision: StoredValue<u64>,
    /// The last revision this tab wrote of the open plan, until it takes in
    /// another tab's: the saves another tab's "keep mine" may replace.
    wrote: StoredValue<Option<u64>>,
    pub plans: RwSignal<Vec<PlanEntry>>,
    pub recoveries: RwSignal<Vec<Recovery>>,
    /// What the person should know (an unreadable plan, a migration), shown
    /// until dismissed.
    pub notices: RwSignal<Vec<SessionNotice>>,
    /// Another tab saved this plan while this one had changes not saved.
    pub conflict: RwSignal<bool>,
    pub persistence: RwSignal<Persistence>,
    /// Set when the plan is replaced by one read from storage: that change
    /// is not an edit and is not saved back.
    quiet: StoredValue<bool>,
    /// The save waiting for a quiet moment (see `autosave`).
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Session {
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// Opens the plan the person worked on last (moving a first-version plan
    /// into the list), or a new one; returns it with the save state to start in.
    pub fn start(blank: impl FnOnce() -> Plan) -> (Self, Plan, SaveStatus) {
        let start = with_library(|library| library.start(blank));
        let mut notices: Vec<SessionNotice> = start
            .notices
            .into_iter()
            .map(SessionNotice::Storage)
            .collect();
        let (id, plan, revision) = match start.opened {
            Opened::Plan { id, plan, revision } => (id, plan, revision),
            // `start` always opens a plan; this is its contract.
            _ => unreachable!("Library::start opens a plan"),
        };
        let status = if start.newer_index {
            SaveStatus::Blocked
        } else if id.is_empty() {
            notices.push(SessionNotice::Said(PlansText::NotStored));
            SaveStatus::Failed(SaveFailure::NoStorage)
        } else {
            SaveStatus::Saved
        };
        let session = Self {
            current: RwSignal::new(id),
            revision: StoredValue::new(revision),
            wrote: StoredValue::new(None),
            plans: RwSignal::new(Vec::new()),
            recoveries: RwSignal::new(Vec::new()),
            notices: RwSignal::new(notices),
            conflict: RwSignal::new(false),
            persistence: RwSignal::new(Persistence::Unknown),
            quiet: StoredValue::new(false),
            timer: StoredValue::new(None),
        };
        session.refresh();
        leptos::task::spawn_local(async move {
            // What the browser keeps now; it is asked at the first edit.
            let standing = super::persist_status::standing_now().await;
            session.persistence.set(standing);
        });
        (session, plan, status)
    }

    /// Reads the list of plans and recovered texts again. A list found
    /// unreadable or missing (removed by another tab or by hand) is rebuilt
    /// from the records, and the person is told.
    pub fn refresh(&self) {
        let (plans, recoveries, rebuilt) = with_library(|library| {
            let (plans, rebuilt) = match library.index() {
                Ok(index) => (index.plans, None),
                Err(problem) => {
                    let notice = problem.notice();
                    match problem {
                        IndexProblem::Rebuilt(index) | IndexProblem::Lost(index) => {
                            (index.plans, notice)
                        }
                        IndexProblem::Newer { .. } | IndexProblem::Unavailable => {
                            (Vec::new(), None)
                        }
                    }
                }
            };
            (plans, library.recoveries(), rebuilt)
        });
        self.plans.set(plans);
        self.recoveries.set(recoveries);
        if let Some(notice) = rebuilt {
            self.notice(SessionNotice::Storage(notice));
        }
    }

    /// Whether the latest change of the plan came from storage (and clears
    /// it): autosave does not write such a change back.
    pub fn take_quiet(&self) -> bool {
        let quiet = self.quiet.get_value();
        self.quiet.set_value(false);
        quiet
    }

    fn show(&self, state: PlanState, id: String, plan: Plan, revision: u64) {
        self.quiet.set_value(true);
        state.replace_plan(plan);
        self.current.set(id);
        self.revision.set_value(revision);
        self.wrote.set_value(None);
        self.conflict.set(false);
        state.save_status.set(SaveStatus::Saved);
    }

    /// Shows `notice`, unless the same one is showing.
    fn notice(&self, notice: SessionNotice) {
        if self.notices.with_untracked(|n| n.contains(&notice)) {
            return;
        }
        self.notices.update(|n| n.push(notice));
    }

    /// Saves `state`'s plan after `quiet` without another change.
    pub fn schedule(&self, state: PlanState, quiet: std::time::Duration) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let session = *self;
        let handle = set_timeout_with_handle(move || session.flush(state), quiet).ok();
        self.timer.set_value(handle);
    }

    /// Saves at once if a save is waiting.
    pub fn flush(&self, state: PlanState) {
        let Some(handle) = self.timer.get_value() else {
            return;
        };
        handle.clear();
        self.timer.set_value(None);
        let status = self.save(state);
        if status == SaveStatus::Saved {
            super::linked_file::after_save(*self, state);
        }
        state.save_status.set(status);
    }

    /// Writes the plan now.
    fn save(&self, state: PlanState) -> SaveStatus {
        let id = self.current.get_untracked();
        let revision = self.revision.get_value();
        let result = state.plan.with_untracked(|plan| {
            with_library(|library| {
                if id.is_empty() {
                    library.create_entry(plan).map(|entry| (Some(entry), 1))
                } else {
                    library.save(&id, plan, revision).map(|r| (None, r))
                }
            })
        });
        let result = result.map(|(created, revision)| {
            if let Some(entry) = created {
                self.current.set(entry.id);
                // Stored under a number because another plan has its name:
                // the open plan takes that name (and saves it again).
                if state.plan.with_untracked(|p| p.name != entry.name) {
                    state.edit(|p| p.name = entry.name);
                }
            }
            revision
        });
        match result {
            Ok(revision) => {
                self.revision.set_value(revision);
                self.wrote.set_value(Some(revision));
                let name = state.plan.with_untracked(|p| p.name.clone());
                let id = self.current.get_untracked();
                if self
                    .plans
                    .with_untracked(|ps| !ps.iter().any(|p| p.id == id && p.name == name))
                {
                    self.refresh();
                }
                SaveStatus::Saved
            }
            Err(error) => {
                if matches!(error, SaveError::Conflict { .. }) {
                    self.conflict.set(true);
                }
                SaveStatus::Failed(SaveFailure::Store(error))
            }
        }
    }

    /// Keeps this tab's plan over the one another tab saved (which is told
    /// its saves were replaced).
    pub fn keep_mine(&self, state: PlanState) {
        let id = self.current.get_untracked();
        let base = self.revision.get_value();
        let result = state
            .plan
            .with_untracked(|plan| with_library(|library| library.overwrite(&id, plan, base)));
        match result {
            Ok(revision) => {
                self.revision.set_value(revision);
                self.wrote.set_value(Some(revision));
                self.conflict.set(false);
                super::linked_file::after_save(*self, state);
                state.save_status.set(SaveStatus::Saved);
            }
            Err(e) => state
                .save_status
                .set(SaveStatus::Failed(SaveFailure::Store(e))),
        }
    }

    /// Opens a plan from the list; this tab's unsaved change is saved first.
    pub fn open(&self, state: PlanState, id: &str) {
        self.flush(state);
        match with_library(|library| library.open_chosen(id)) {
            Opened::Plan { id, plan, revision } => self.show(state, id, plan, revision),
            Opened::Unreadable { id, reason, kept } => {
                let key = if kept {
                    recovery_key(&id)
                } else {
                    plan_key(&id)
                };
                self.notice(SessionNotice::Unreadable { reason, key, kept });
            }
            Opened::Newer { version, .. } => self.notice(SessionNotice::Newer(version)),
            Opened::Missing { .. } => self.notice(SessionNotice::Said(PlansText::Missing)),
        }
        self.refresh();
    }

    /// Stores `plan` as a new plan and opens it. A name another plan on
    /// this device has is numbered: "… (2)", "… (3)" (`Library::create`).
    pub fn create(&self, state: PlanState, plan: &Plan) -> Result<(), String> {
        let id = with_library(|library| library.create(plan)).map_err(|e| save_error(&e))?;
        self.open(state, &id);
        Ok(())
    }

    /// Stores a copy of plan `id`, named "… (copy)" in the page's language
    /// (numbered when that name is taken).
    pub fn duplicate(&self, state: PlanState, id: &str) -> Result<(), String> {
        if *id == self.current.get_untracked() {
            // The copy has this tab's latest edits.
            self.flush(state);
        }
        with_library(|library| library.duplicate_named(id, texts::copy_name))
            .map_err(|e| save_error(&e))?;
        self.refresh();
        Ok(())
    }

    /// Renames plan `id` (the open one by editing it; the header can rename
    /// the open plan through this too). An empty name and one another plan
    /// on this device has are refused with a message, and the list shows
    /// the name kept.
    pub fn rename(&self, state: PlanState, id: &str, name: &str) -> Result<(), String> {
        let result = if *id == self.current.get_untracked() {
            let checked = match with_library(|library| library.check_rename(id, name)) {
                // The list cannot be read (storage unavailable, or a newer
                // version's list): the plan lives in memory, and is renamed.
                Err(RenameError::Save(_)) => Ok(name.trim().to_string()),
                checked => checked,
            };
            checked.map(|name| {
                if state.plan.with_untracked(|p| p.name != name) {
                    state.edit(|p| p.name = name);
                }
            })
        } else {
            with_library(|library| library.rename(id, name))
        };
        if let Err(e) = result {
            // The list shows the stored name again, not the one refused.
            self.refresh();
            return Err(match e {
                RenameError::EmptyName => t(PlansText::PlanNeedsName).into(),
                RenameError::NameTaken { name } => texts::plan_name_taken(&name),
                RenameError::Save(e) => save_error(&e),
            });
        }
        if *id != self.current.get_untracked() {
            self.refresh();
        }
        Ok(())
    }

    /// Deletes a plan; deleting the open one opens another (or a new one).
    pub fn delete(
        &self,
        state: PlanState,
        id: &str,
        blank: impl FnOnce() -> Plan,
    ) -> Result<(), String> {
        with_library(|library| library.delete(id)).map_err(|e| save_error(&e))?;
        self.refresh();
        if *id == self.current.get_untracked() {
            match self
                .plans
                .with_untracked(|ps| ps.first().map(|p| p.id.clone()))
            {
                Some(next) => self.open(state, &next),
                None => self.create(state, &blank())?,
            }
        }
        Ok(())
    }

    /// Opens a plan file (the documented JSON) as a new plan, numbered when
    /// another plan on this device has its name. A file that is not a valid
    /// plan changes nothing; its problems come back with their field paths.
    pub fn import_file(&self, state: PlanState, text: &str) -> Result<(), Vec<String>> {
        let plan = read_plan_file(text).map_err(|errors| {
            errors
                .iter()
                .take(20)
                .map(texts::plan_file_error)
                .collect::<Vec<_>>()
        })?;
        self.create(state, &plan).map_err(|e| vec![e])
    }

    /// The open plan as a plan file, for a backup download: its file name
    /// and text ([`plan_file`]).
    pub fn backup(state: PlanState) -> (String, String) {
        state.plan.with_untracked(plan_file)
    }

    pub fn recovery_text(key: &str) -> Option<String> {
        with_library(|library| library.recovery_text(key))
    }

    pub fn discard_recovery(&self, key: &str) {
        with_library(|library| library.discard_recovery(key));
        self.refresh();
    }

    /// Follows other tabs: a save of the open plan is taken in when this tab
    /// has nothing unsaved, and is a conflict otherwise; the list follows
    /// plans created, renamed or deleted elsewhere.
    pub fn follow_other_tabs(&self, state: PlanState) {
        let session = *self;
        let listener = window_event_listener(ev::storage, move |event| {
            let Some(key) = event.key() else {
                session.refresh();
                return;
            };
            if key == INDEX_KEY {
                session.refresh();
                return;
            }
            let id = session.current.get_untracked();
            if id.is_empty() || key != plan_key(&id) {
                if key.starts_with("fleetplan.") {
                    session.refresh();
                }
                return;
            }
            let Some(text) = event.new_value() else {
                session.notice(SessionNotice::Said(PlansText::DeletedElsewhere));
                session.refresh();
                return;
            };
            if record_header(&text).map(|(_, r)| r) == Some(session.revision.get_value()) {
                return;
            }
            // A change here not yet stored: the person chooses.
            if state.save_status.get_untracked() != SaveStatus::Saved {
                session.conflict.set(true);
                return;
            }
            if let Ok(record) = decode_record(&text) {
                // Another tab's "keep mine" replaced saves of this tab: say
                // so, and keep this tab's version for a download.
                let replaced = with_library(|library| library.replaced_since(&id, record.revision))
                    .is_some_and(|base| session.wrote.get_value().is_some_and(|w| w > base));
                let mine = replaced.then(|| Arc::new(state.plan.get_untracked()));
                session.show(state, id, record.plan, record.revision);
                session.notice(match mine {
                    Some(mine) => SessionNotice::Replaced(mine),
                    None => SessionNotice::Said(PlansText::UpdatedElsewhere),
                });
            }
        });
        on_cleanup(move || listener.remove());
    }

    /// Takes the other tab's version of the open plan, dropping this tab's
    /// unsaved change (the person chose it).
    pub fn take_theirs(&self, state: PlanState) {
        let id = self.current.get_untracked();
        self.open(state, &id);
    }
}
