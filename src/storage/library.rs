//! The plans kept on this device, over any key-value store: the browser's
//! local storage in the app (`super::LocalStore`), memory in tests.
//!
//! Layout (docs/storage.md):
//! - `fleetplan.plans`: the index, a small JSON list of plan ids and names,
//!   and the plan opened last.
//! - `fleetplan.plan.<id>`: one record per plan (`format::record`), so saving
//!   one plan never rewrites another. A save replaces the whole record in one
//!   `setItem`: there is no partial write.
//! - `fleetplan.recovery.<id>`: the untouched text of a record that could not
//!   be read, for the person to download.
//! - `fleetplan.replaced.<id>`: which revisions the last "keep mine" saved
//!   over, so the tab whose saves they were can say so.
//!
//! What is never done: write over a record that could not be read or that a
//! newer version wrote, or over a record another tab saved since this one
//! read it (the record's revision tells; the person chooses).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::format::record::{
    RECORD_VERSION, Reason, RecordError, decode_record, encode_record, record_header,
    record_revision,
};
use crate::model::Plan;

pub const INDEX_KEY: &str = "fleetplan.plans";
pub const PLAN_PREFIX: &str = "fleetplan.plan.";
pub const RECOVERY_PREFIX: &str = "fleetplan.recovery.";
/// Where [`Library::overwrite`] says which revisions it saved over.
pub const REPLACED_PREFIX: &str = "fleetplan.replaced.";
/// Where the first versions kept their only plan (the plan file JSON).
pub const LEGACY_PLAN_KEY: &str = "fleetplan.plan";
/// Where the first versions kept a record they could not read.
pub const LEGACY_RECOVERY_KEY: &str = "fleetplan.recovery";

const INDEX_FORMAT: &str = "fleetplan-plans";
const INDEX_VERSION: u32 = 1;

/// A key-value store of strings with local storage's failure modes.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Replaces the value whole, or fails and leaves the old value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The quota is used up.
    Full,
    /// Storage is disabled or failed otherwise.
    Unavailable,
}

/// A plan in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct IndexFile {
    format: String,
    version: u32,
    plans: Vec<PlanEntry>,
    #[serde(default)]
    last: Option<String>,
}

/// The index as read, and what reading it found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    pub plans: Vec<PlanEntry>,
    pub last: Option<String>,
}

/// What opening a plan found.
#[derive(Debug)]
pub enum Opened {
    Plan {
        id: String,
        plan: Plan,
        /// The stored record's revision: the next save expects it unchanged.
        revision: u64,
    },
    /// The record could not be read. Its text stays under its key, and a copy
    /// is under [`recovery_key`] unless `kept` is false (storage full).
    Unreadable {
        id: String,
        reason: ReadProblem,
        kept: bool,
    },
    /// Written by a newer version of Fleetplan: left alone.
    Newer { id: String, version: u32 },
    /// No record under that id (deleted in another tab).
    Missing { id: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved this plan since it was opened or last saved here.
    Conflict {
        theirs: u64,
    },
    Full,
    Unavailable,
    /// The stored record could not be read or is from a newer version: it is
    /// not overwritten.
    Blocked,
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Full => Self::Full,
            StoreError::Unavailable => Self::Unavailable,
        }
    }
}

impl SaveError {
    /// The message for the header, in plain English (its
    /// [`Display`](fmt::Display)); a UI words the variant in its language.
    pub fn message(&self) -> String {
        self.english().to_string()
    }

    fn english(&self) -> &'static str {
        match self {
            Self::Conflict { .. } => "Not saved: this plan was changed in another tab",
            Self::Full => "Not saved: this browser's storage for Fleetplan is full",
            Self::Unavailable => "Not saved: this browser's storage is unavailable",
            Self::Blocked => "Not saved: the stored copy could not be read and is kept",
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// Why a stored plan could not be read; its [`Display`](fmt::Display) is
/// the English clause ("this browser's storage could not be read").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// The store failed to give the record.
    Storage,
    /// The record is there but cannot be read.
    Record(Reason),
}

impl fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Storage => f.write_str("this browser's storage could not be read"),
            Self::Record(reason) => write!(f, "{reason}"),
        }
    }
}

/// What a kept text was; its [`Display`](fmt::Display) is the English
/// label ("Plan “FY2026”", "The list of plans").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveryLabel {
    /// The plan list's text.
    Index,
    /// A listed plan's record.
    Plan { name: String },
    /// The record of a plan no longer in the list.
    Deleted { id: String },
    /// What the first versions kept of a record they could not read.
    EarlierUnreadable,
    /// The first versions' plan, which could not be moved to the list.
    EarlierPlan,
}

impl fmt::Display for RecoveryLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Index => f.write_str("The list of plans"),
            Self::Plan { name } => write!(f, "Plan \u{201c}{name}\u{201d}"),
            Self::Deleted { id } => write!(f, "Plan {id} (deleted)"),
            Self::EarlierUnreadable => f.write_str("A plan an earlier version could not read"),
            Self::EarlierPlan => f.write_str("The plan saved by an earlier version"),
        }
    }
}

/// Text kept because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    pub key: String,
    /// What it was.
    pub label: RecoveryLabel,
    /// Characters of text.
    pub length: usize,
    /// The plan's own record, found unreadable with no room left for a
    /// copy: `key` is its plan key, and discarding it deletes the plan.
    pub in_place: bool,
}

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

pub fn recovery_key(id: &str) -> String {
    format!("{RECOVERY_PREFIX}{id}")
}

pub fn replaced_key(id: &str) -> String {
    format!("{REPLACED_PREFIX}{id}")
}

/// What `fleetplan.replaced.<id>` holds: the record at `revision` was saved
/// over the revisions after `base` (the one the saving tab had read), which
/// other tabs had saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct ReplacedFile {
    revision: u64,
    base: u64,
}

/// What starting the app found.
#[derive(Debug)]
pub struct Start {
    /// Always a plan: the one found, or a new one (with an empty id when it
    /// could not be stored).
    pub opened: Opened,
    /// Things the person should know (a migration that failed, a plan list
    /// rebuilt).
    pub notices: Vec<Notice>,
    /// The plan list was written by a newer version: nothing is changed.
    pub newer_index: bool,
}

pub struct Library<S: KeyValue> {
    store: S,
    /// The header line of each record as this library last wrote or read
    /// it whole. A stored record still under that header is this library's
    /// own: a save may replace it without checking its payload again.
    known: std::collections::HashMap<String, String>,
    /// Plans whose record could not be read and could not be copied (no
    /// room): their own record is listed with the kept texts.
    in_place: std::collections::BTreeSet<String>,
    /// A fingerprint of each record this library found unreadable or of a
    /// newer version: while it is still what is stored, no save replaces
    /// it, whatever its header says.
    refused: std::collections::HashMap<String, u64>,
}

impl<S: KeyValue> Library<S> {
    pub fn new(store: S) -> Self {
        Self {
            store,
            known: Default::default(),
            in_place: Default::default(),
            refused: Default::default(),
        }
    }

    fn remember_header(&mut self, id: &str, text: &str) {
        if let Some((line, _)) = text.split_once('\n') {
            self.known.insert(id.to_string(), line.to_string());
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Reads the index. A missing index is empty, unless plan records are
    /// stored: then it is rebuilt from them (`Lost`), as an unreadable one
    /// is, which is also kept under a recovery key (`Rebuilt`). Either way
    /// the plans stored stay listed.
    pub fn index(&mut self) -> Result<Index, IndexProblem> {
        let raw = match self.store.get(INDEX_KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) if !self.has_records() => return Ok(Index::default()),
            Ok(None) => {
                let index = self.rebuilt_index();
                let _ = self.write_index(&index);
                return Err(IndexProblem::Lost(index));
            }
            Err(_) => return Err(IndexProblem::Unavailable),
        };
        match serde_json::from_str::<IndexFile>(&raw) {
            Ok(file) if file.format == INDEX_FORMAT && file.version <= INDEX_VERSION => Ok(Index {
                plans: file.plans,
                last: file.last,
            }),
            Ok(file) if file.format == INDEX_FORMAT => Err(IndexProblem::Newer {
                version: file.version,
            }),
            _ => {
                let key = recovery_key("index");
                if self.store.get(&key).ok().flatten().as_deref() != Some(raw.as_str()) {
                    let _ = self.store.set(&key, &raw);
                }
                let index = self.rebuilt_index();
                let _ = self.write_index(&index);
                Err(IndexProblem::Rebuilt(index))
            }
        }
    }

    /// Whether any plan record is stored.
    fn has_records(&self) -> bool {
        self.store.keys().iter().any(|k| k.starts_with(PLAN_PREFIX))
    }

    /// The index of the plan records present, named from their records
    /// (an unreadable one by its id).
    fn rebuilt_index(&self) -> Index {
        let mut ids: Vec<String> = self
            .store
            .keys()
            .into_iter()
            .filter_map(|k| k.strip_prefix(PLAN_PREFIX).map(str::to_string))
            .collect();
        ids.sort_by(|a, b| crate::model::roster::natural(a, b));
        let plans = ids
            .into_iter()
            .map(|id| {
                let name = self
                    .store
                    .get(&plan_key(&id))
                    .ok()
                    .flatten()
                    .and_then(|text| decode_record(&text).ok())
                    .map_or_else(|| format!("Plan {id}"), |r| r.plan.name);
                PlanEntry { id, name }
            })
            .collect();
        Index { plans, last: None }
    }

    fn write_index(&mut self, index: &Index) -> Result<(), StoreError> {
        let file = IndexFile {
            format: INDEX_FORMAT.into(),
            version: INDEX_VERSION,
            plans: index.plans.clone(),
            last: index.last.clone(),
        };
        let text = serde_json::to_string(&file).map_err(|_| StoreError::Unavailable)?;
        self.store.set(INDEX_KEY, &text)
    }

    /// The index for a change: refuses to change one a newer version wrote.
    fn index_for_change(&mut self) -> Result<Index, SaveError> {
        match self.index() {
            Ok(index) | Err(IndexProblem::Rebuilt(index) | IndexProblem::Lost(index)) => Ok(index),
            Err(IndexProblem::Newer { .. }) => Err(SaveError::Blocked),
            Err(IndexProblem::Unavailable) => Err(SaveError::Unavailable),
        }
    }

    /// Starts the app: moves a first-version plan into the list, then opens
    /// the plan opened last (or the first readable one; or a new plan made by
    /// `blank` when there is none).
    pub fn start(&mut self, blank: impl FnOnce() -> Plan) -> Start {
        let mut notices = Vec::new();
        let mut index = match self.index() {
            Ok(index) => index,
            Err(problem) => {
                // A list rebuilt, unreadable or missing: the person is told.
                notices.extend(problem.notice());
                match problem {
                    IndexProblem::Rebuilt(index) | IndexProblem::Lost(index) => index,
                    IndexProblem::Newer { version } => {
                        notices.push(Notice::NewerIndex { version });
                        return Start {
                            opened: Opened::Plan {
                                id: String::new(),
                                plan: blank(),
                                revision: 0,
                            },
                            notices,
                            newer_index: true,
                        };
                    }
                    IndexProblem::Unavailable => {
                        notices.push(Notice::Unavailable);
                        Index::default()
                    }
                }
            }
        };
        if let Some(notice) = self.migrate_first_version(&mut index) {
            notices.push(notice);
        }
        let mut order: Vec<String> = index.plans.iter().map(|p| p.id.clone()).collect();
        if let Some(last) = &index.last
            && let Some(at) = order.iter().position(|id| id == last)
        {
            let last = order.remove(at);
            order.insert(0, last);
        }
        // The last plan opened, or else the next one that can be read: a
        // plan that cannot be read does not keep the others from opening.
        for id in order {
            match self.open(&id) {
                opened @ Opened::Plan { .. } => {
                    self.remember_last(&id);
                    return Start {
                        opened,
                        notices,
                        newer_index: false,
                    };
                }
                Opened::Missing { .. } => {}
                problem => notices.extend(Notice::of(problem, &index)),
            }
        }
        let mut plan = blank();
        let opened = match self.create_entry(&plan) {
            Ok(entry) => {
                // Numbered if a plan that could not be read has its name.
                plan.name = entry.name;
                Opened::Plan {
                    id: entry.id,
                    plan,
                    revision: 1,
                }
            }
            // Not stored: the plan lives in memory and the header says why.
            Err(_) => Opened::Plan {
                id: String::new(),
                plan,
                revision: 0,
            },
        };
        Start {
            opened,
            notices,
            newer_index: false,
        }
    }

    fn remember_last(&mut self, id: &str) {
        if let Ok(mut index) = self.index_for_change()
            && index.last.as_deref() != Some(id)
        {
            index.last = Some(id.to_string());
            let _ = self.write_index(&index);
        }
    }

    /// The first versions kept one plan under `fleetplan.plan`: it becomes
    /// plan 1 of the list, in the current record format, and the old key is
    /// removed only once both are written. One that cannot be read stays
    /// where it is and is listed with the recoveries.
    fn migrate_first_version(&mut self, index: &mut Index) -> Option<Notice> {
        let raw = self.store.get(LEGACY_PLAN_KEY).ok().flatten()?;
        let record = decode_record(&raw).ok()?;
        let id = self.free_id(index);
        let written = self
            .store
            .set(&plan_key(&id), &encode_record(&record.plan, 1))
            .and_then(|()| {
                index.plans.push(PlanEntry {
                    id: id.clone(),
                    name: record.plan.name.clone(),
                });
                index.last = Some(id.clone());
                self.write_index(index)
            });
        match written {
            Ok(()) => {
                self.store.remove(LEGACY_PLAN_KEY);
                None
            }
            Err(_) => {
                index.plans.retain(|p| p.id != id);
                self.store.remove(&plan_key(&id));
                Some(Notice::NotMigrated)
            }
        }
    }

    /// A new id: one more than the highest number in use, and not a key
    /// present (another tab may have created one since).
    fn free_id(&self, index: &Index) -> String {
        let mut n = index
            .plans
            .iter()
            .filter_map(|p| p.id.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        while matches!(self.store.get(&plan_key(&n.to_string())), Ok(Some(_))) {
            n = n.saturating_add(1);
        }
        n.to_string()
    }

    /// Reads a plan. An older record is read and written back in the current
    /// format; one that cannot be read is copied to its recovery key.
    pub fn open(&mut self, id: &str) -> Opened {
        let key = plan_key(id);
        let raw = match self.store.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Opened::Missing { id: id.into() },
            Err(_) => {
                return Opened::Unreadable {
                    id: id.into(),
                    reason: ReadProblem::Storage,
                    kept: true,
                };
            }
        };
        match decode_record(&raw) {
            Ok(record) => {
                if record.version < RECORD_VERSION {
                    // Failure leaves the older record, which still reads.
                    let text = encode_record(&record.plan, record.revision);
                    if self.store.set(&key, &text).is_ok() {
                        self.remember_header(id, &text);
                    }
                } else {
                    self.remember_header(id, &raw);
                }
                Opened::Plan {
                    id: id.into(),
                    plan: record.plan,
                    revision: record.revision,
                }
            }
            Err(RecordError::Newer { version }) => {
                self.known.remove(id);
                self.refused.insert(id.to_string(), fingerprint(&raw));
                Opened::Newer {
                    id: id.into(),
                    version,
                }
            }
            Err(RecordError::Unreadable(reason)) => {
                self.known.remove(id);
                self.refused.insert(id.to_string(), fingerprint(&raw));
                let recovery = recovery_key(id);
                let kept = self.store.get(&recovery).ok().flatten().as_deref()
                    == Some(raw.as_str())
                    || self.store.set(&recovery, &raw).is_ok();
                // No room for a copy: the record itself is listed with the
                // kept texts, so it stays in sight.
                if kept {
                    self.in_place.remove(id);
                } else {
                    self.in_place.insert(id.to_string());
                }
                Opened::Unreadable {
                    id: id.into(),
                    reason: ReadProblem::Record(reason),
                    kept,
                }
            }
        }
    }

    /// Opens a plan the person chose, remembering it as the last one.
    pub fn open_chosen(&mut self, id: &str) -> Opened {
        let opened = self.open(id);
        if matches!(opened, Opened::Plan { .. }) {
            self.remember_last(id);
        }
        opened
    }

    /// Saves `plan` as plan `id` if the stored record is still at
    /// `revision`; returns the new revision.
    pub fn save(&mut self, id: &str, plan: &Plan, revision: u64) -> Result<u64, SaveError> {
        let stored = self.stored_revision(id)?;
        if let Some(theirs) = stored
            && theirs != revision
        {
            return Err(SaveError::Conflict { theirs });
        }
        self.write(id, plan, revision.max(stored.unwrap_or(0)) + 1)
    }

    /// Saves over whatever another tab saved (the person chose to keep this
    /// tab's plan); returns the new revision. `base` is the revision this
    /// tab's plan started from: the revisions stored after it are replaced,
    /// and `fleetplan.replaced.<id>` says so, for the tabs that saved them
    /// ([`Library::replaced_since`]).
    pub fn overwrite(&mut self, id: &str, plan: &Plan, base: u64) -> Result<u64, SaveError> {
        let stored = self.stored_revision(id)?;
        let revision = stored.unwrap_or(0) + 1;
        // Written before the record, so a tab told of the record finds it.
        let marked = stored.is_some_and(|stored| stored > base)
            && serde_json::to_string(&ReplacedFile { revision, base })
                .ok()
                .is_some_and(|text| self.store.set(&replaced_key(id), &text).is_ok());
        let written = self.write(id, plan, revision);
        if written.is_err() && marked {
            // Nothing was replaced; a later save of that revision replaces
            // nothing either.
            self.store.remove(&replaced_key(id));
        }
        written
    }

    /// When the record of plan `id` at `revision` was saved over other tabs'
    /// saves ([`Library::overwrite`]): the revision the saving tab had read.
    /// Every revision after it was replaced.
    pub fn replaced_since(&self, id: &str, revision: u64) -> Option<u64> {
        let text = self.store.get(&replaced_key(id)).ok().flatten()?;
        let file: ReplacedFile = serde_json::from_str(&text).ok()?;
        (file.revision == revision).then_some(file.base)
    }

    /// The revision of the stored record (`None`: no record), refusing one
    /// that must not be written over.
    fn stored_revision(&self, id: &str) -> Result<Option<u64>, SaveError> {
        match self.store.get(&plan_key(id)).map_err(SaveError::from)? {
            None => Ok(None),
            Some(text)
                if self
                    .known
                    .get(id)
                    .is_some_and(|line| text.split_once('\n').is_some_and(|(l, _)| l == line)) =>
            {
                Ok(record_revision(&text))
            }
            // Found unreadable (or newer) here and unchanged since: a
            // header that reads (a checksum that matches) does not make the
            // rest of it readable.
            Some(text)
                if self
                    .refused
                    .get(id)
                    .is_some_and(|&seen| seen == fingerprint(&text)) =>
            {
                Err(SaveError::Blocked)
            }
            Some(text) => match record_header(&text) {
                Some((version, revision)) if version <= RECORD_VERSION => Ok(Some(revision)),
                _ => Err(SaveError::Blocked),
            },
        }
    }

    fn write(&mut self, id: &str, plan: &Plan, revision: u64) -> Result<u64, SaveError> {
        if id.is_empty() {
            return Err(SaveError::Unavailable);
        }
        let text = encode_record(plan, revision);
        self.store.set(&plan_key(id), &text)?;
        self.remember_header(id, &text);
        self.refused.remove(id);
        // The list shows the plan's name; it follows a rename. A failure
        // here leaves the record saved and the old name listed.
        if let Ok(mut index) = self.index_for_change() {
            match index.plans.iter_mut().find(|p| p.id == id) {
                Some(entry) if entry.name == plan.name => return Ok(revision),
                Some(entry) => entry.name = plan.name.clone(),
                // Deleted in another tab meanwhile: this save brings it back.
                None => index.plans.push(PlanEntry {
                    id: id.into(),
                    name: plan.name.clone(),
                }),
            }
            let _ = self.write_index(&index);
        }
        Ok(revision)
    }

    /// Stores a new plan at the end of the list under a name no other plan
    /// in the list has ([`unique_name`]: its own, else "… (2)", "… (3)");
    /// returns its id. Opening it gives the plan under the name stored.
    pub fn create(&mut self, plan: &Plan) -> Result<String, SaveError> {
        self.create_entry(plan).map(|entry| entry.id)
    }

    /// [`Library::create`], returning the new plan's id and the name it was
    /// stored under.
    pub fn create_entry(&mut self, plan: &Plan) -> Result<PlanEntry, SaveError> {
        let mut index = self.index_for_change()?;
        let id = self.free_id(&index);
        let name = unique_name(&plan.name, index.plans.iter().map(|p| p.name.as_str()));
        let text = if name == plan.name {
            encode_record(plan, 1)
        } else {
            let mut renamed = plan.clone();
            renamed.name = name.clone();
            encode_record(&renamed, 1)
        };
        self.store.set(&plan_key(&id), &text)?;
        self.remember_header(&id, &text);
        let entry = PlanEntry {
            id: id.clone(),
            name,
        };
        index.plans.push(entry.clone());
        if let Err(e) = self.write_index(&index) {
            self.store.remove(&plan_key(&id));
            return Err(e.into());
        }
        Ok(entry)
    }

    /// Stores a copy of plan `id` named "… (copy)" (or "… (copy) (2)" when
    /// that name is taken, as [`Library::create`]); returns the new id.
    pub fn duplicate(&mut self, id: &str) -> Result<String, SaveError> {
        self.duplicate_named(id, |name| format!("{name} (copy)"))
    }

    /// Stores a copy of plan `id` under the name `name_of` gives for the
    /// original's name (a UI names it in its language), numbered when that
    /// name is taken; returns the new id.
    pub fn duplicate_named(
        &mut self,
        id: &str,
        name_of: impl FnOnce(&str) -> String,
    ) -> Result<String, SaveError> {
        let text = self
            .store
            .get(&plan_key(id))
            .map_err(SaveError::from)?
            .ok_or(SaveError::Unavailable)?;
        let mut plan = decode_record(&text).map_err(|_| SaveError::Blocked)?.plan;
        plan.name = name_of(&plan.name);
        self.create(&plan)
    }

    /// The name plan `id` may be renamed to: `name` trimmed. Refuses an
    /// empty name and one another plan in the list has (a rename is what
    /// the person typed: it is refused rather than numbered).
    pub fn check_rename(&mut self, id: &str, name: &str) -> Result<String, RenameError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(RenameError::EmptyName);
        }
        let index = self.index_for_change().map_err(RenameError::Save)?;
        if index
            .plans
            .iter()
            .any(|p| p.id != id && p.name.trim() == name)
        {
            return Err(RenameError::NameTaken {
                name: name.to_string(),
            });
        }
        Ok(name.to_string())
    }

    /// Renames a plan that is not open in this tab (the open plan is renamed
    /// by editing it, after [`Library::check_rename`]). Refuses an empty
    /// name and one another plan has.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), RenameError> {
        let name = self.check_rename(id, name)?;
        let text = self
            .store
            .get(&plan_key(id))
            .map_err(|_| RenameError::Save(SaveError::Unavailable))?
            .ok_or(RenameError::Save(SaveError::Unavailable))?;
        let record = decode_record(&text).map_err(|_| RenameError::Save(SaveError::Blocked))?;
        let mut plan = record.plan;
        plan.name = name;
        self.write(id, &plan, record.revision + 1)
            .map(|_| ())
            .map_err(RenameError::Save)
    }

    /// Deletes a plan's record and its entry. Its recovery copy, if any,
    /// stays until discarded.
    pub fn delete(&mut self, id: &str) -> Result<(), SaveError> {
        let mut index = self.index_for_change()?;
        index.plans.retain(|p| p.id != id);
        if index.last.as_deref() == Some(id) {
            index.last = index.plans.first().map(|p| p.id.clone());
        }
        self.write_index(&index)?;
        self.store.remove(&plan_key(id));
        self.store.remove(&replaced_key(id));
        self.known.remove(id);
        self.refused.remove(id);
        self.in_place.remove(id);
        Ok(())
    }

    /// Texts kept because they could not be read.
    pub fn recoveries(&self) -> Vec<Recovery> {
        let names: Vec<PlanEntry> = self
            .store
            .get(INDEX_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<IndexFile>(&raw).ok())
            .map(|f| f.plans)
            .unwrap_or_default();
        let mut found: Vec<Recovery> = self
            .store
            .keys()
            .into_iter()
            .filter_map(|key| {
                let label = if let Some(id) = key.strip_prefix(RECOVERY_PREFIX) {
                    if id == "index" {
                        RecoveryLabel::Index
                    } else {
                        match names.iter().find(|p| p.id == id) {
                            Some(p) => RecoveryLabel::Plan {
                                name: p.name.clone(),
                            },
                            None => RecoveryLabel::Deleted { id: id.into() },
                        }
                    }
                } else if key == LEGACY_RECOVERY_KEY {
                    RecoveryLabel::EarlierUnreadable
                } else if key == LEGACY_PLAN_KEY {
                    RecoveryLabel::EarlierPlan
                } else {
                    return None;
                };
                let length = self.store.get(&key).ok().flatten()?.chars().count();
                Some(Recovery {
                    key,
                    label,
                    length,
                    in_place: false,
                })
            })
            .collect();
        found.sort_by(|a, b| a.key.cmp(&b.key));
        // Records that could not be read nor copied, after the copies.
        for id in &self.in_place {
            let key = plan_key(id);
            if found.iter().any(|r| r.key == recovery_key(id)) {
                continue;
            }
            let Some(text) = self.still_unreadable(id) else {
                continue;
            };
            let label = match names.iter().find(|p| p.id == *id) {
                Some(p) => RecoveryLabel::Plan {
                    name: p.name.clone(),
                },
                None => RecoveryLabel::Deleted { id: id.clone() },
            };
            found.push(Recovery {
                key,
                label,
                length: text.chars().count(),
                in_place: true,
            });
        }
        found
    }

    /// The text of plan `id`'s record, if it was found unreadable with no
    /// room for a copy and still cannot be read (another tab may have
    /// deleted or replaced it since).
    fn still_unreadable(&self, id: &str) -> Option<String> {
        if !self.in_place.contains(id) {
            return None;
        }
        let text = self.store.get(&plan_key(id)).ok().flatten()?;
        matches!(decode_record(&text), Err(RecordError::Unreadable(_))).then_some(text)
    }

    /// A kept text: a copy, or a record that could not be copied.
    pub fn recovery_text(&self, key: &str) -> Option<String> {
        if let Some(id) = key.strip_prefix(PLAN_PREFIX) {
            return self.still_unreadable(id);
        }
        if !is_recovery_key(key) {
            return None;
        }
        self.store.get(key).ok().flatten()
    }

    /// Removes kept text the person no longer wants. A plan's own record
    /// (kept in place, unreadable) goes with its entry in the list, as a
    /// delete.
    pub fn discard_recovery(&mut self, key: &str) {
        if let Some(id) = key.strip_prefix(PLAN_PREFIX) {
            if self.still_unreadable(id).is_some() {
                let id = id.to_string();
                if self.delete(&id).is_ok() {
                    self.in_place.remove(&id);
                }
            }
            return;
        }
        if is_recovery_key(key) {
            self.store.remove(key);
        }
    }
}

/// A fingerprint of a stored text, to tell whether it changed.
fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// `name` if none of the `taken` names is the same (spaces around a name
/// do not count), else the first free of "stem (2)", "stem (3)", …, where
/// the stem is `name` without a number it already ends with: "Budget"
/// becomes "Budget (2)", and "Budget (2)" becomes "Budget (3)" when taken.
/// Language-neutral: the same in every language of the UI.
pub fn unique_name<'a>(name: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.into_iter().map(str::trim).collect();
    if !taken.contains(name.trim()) {
        return name.to_string();
    }
    let trimmed = name.trim();
    let stem = numbered_stem(trimmed).unwrap_or(trimmed);
    (2u64..)
        .map(|n| format!("{stem} ({n})"))
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_else(|| trimmed.to_string())
}

/// "Budget" of "Budget (2)": the name before a number of 2 or more in
/// parentheses that ends it.
fn numbered_stem(name: &str) -> Option<&str> {
    let (stem, number) = name.strip_suffix(')')?.rsplit_once(" (")?;
    let digits = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
    (digits && !stem.is_empty() && number.parse::<u64>().is_ok_and(|n| n >= 2)).then_some(stem)
}

fn is_recovery_key(key: &str) -> bool {
    key.starts_with(RECOVERY_PREFIX) || key == LEGACY_RECOVERY_KEY || key == LEGACY_PLAN_KEY
}

/// Something storage found on start that the person should know, as data
/// (a UI words it in its language); its [`Display`](fmt::Display) is the
/// English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The plan list could not be read: rebuilt from the `plans` records
    /// found, its text kept under `key`.
    IndexRebuilt { plans: usize, key: String },
    /// The plan list was missing while plan records were stored: rebuilt
    /// from the `plans` records found.
    IndexMissing { plans: usize },
    /// The plan list is of a newer version: nothing stored is changed.
    NewerIndex { version: u32 },
    /// Storage cannot be used: nothing will be saved.
    Unavailable,
    /// The first versions' plan could not be moved (storage is full).
    NotMigrated,
    /// A plan that could not be read; its text is under `key`: a recovery
    /// copy when `kept`, else its own record (no room for a copy).
    Unreadable {
        plan: PlanRef,
        reason: ReadProblem,
        key: String,
        kept: bool,
    },
    /// A plan of a newer version, left unchanged.
    Newer { plan: PlanRef, version: u32 },
}

/// How a notice names a plan: by its name in the list, or by its id when
/// the list does not name it. Displayed as "“Name”" or "plan 3".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanRef {
    Named(String),
    Id(String),
}

impl fmt::Display for PlanRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Named(name) => write!(f, "\u{201c}{name}\u{201d}"),
            Self::Id(id) => write!(f, "plan {id}"),
        }
    }
}

impl Notice {
    /// The notice for a plan that could not be opened (none for one that
    /// opened or is missing).
    fn of(opened: Opened, index: &Index) -> Option<Self> {
        let plan = |id: String| match index.plans.iter().find(|p| p.id == id) {
            Some(p) => PlanRef::Named(p.name.clone()),
            None => PlanRef::Id(id),
        };
        match opened {
            Opened::Unreadable { id, reason, kept } => Some(Self::Unreadable {
                key: if kept {
                    recovery_key(&id)
                } else {
                    plan_key(&id)
                },
                plan: plan(id),
                reason,
                kept,
            }),
            Opened::Newer { id, version } => Some(Self::Newer {
                plan: plan(id),
                version,
            }),
            Opened::Plan { .. } | Opened::Missing { .. } => None,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IndexRebuilt { plans, key } => write!(
                f,
                "The list of plans could not be read; it was rebuilt from the {plans} plans found. \
                 Its text is kept under \u{201c}{key}\u{201d}."
            ),
            Self::IndexMissing { plans } => write!(
                f,
                "The list of plans was missing; it was rebuilt from the {plans} plans found."
            ),
            Self::NewerIndex { version } => write!(
                f,
                "These plans were saved by a newer version of Fleetplan (list version {version}); \
                 this version shows a new plan and changes nothing stored."
            ),
            Self::Unavailable => {
                f.write_str("This browser's storage is unavailable: nothing will be saved.")
            }
            Self::NotMigrated => f.write_str(
                "The plan saved by an earlier version could not be moved to the current format \
                 (storage is full); it is kept as it was.",
            ),
            Self::Unreadable {
                plan,
                reason,
                key,
                kept,
            } => {
                if *kept {
                    write!(
                        f,
                        "The plan {plan} could not be read ({reason}); \
                         its text is kept untouched under \u{201c}{key}\u{201d}."
                    )
                } else {
                    write!(
                        f,
                        "The plan {plan} could not be read ({reason}); there was no room \
                         for a copy, so its text stays untouched under its own key \
                         \u{201c}{key}\u{201d}."
                    )
                }
            }
            Self::Newer { plan, version } => write!(
                f,
                "The plan {plan} was saved by a newer version of Fleetplan (record version {version}); it is left unchanged."
            ),
        }
    }
}

/// Why the index could not be used as stored.
#[derive(Debug)]
pub enum IndexProblem {
    /// Unreadable: rebuilt from the records present (its text kept).
    Rebuilt(Index),
    /// Missing while plan records are stored: rebuilt from them.
    Lost(Index),
    Newer {
        version: u32,
    },
    Unavailable,
}

impl IndexProblem {
    /// What the person is told of it: a list rebuilt (the index to use is
    /// in the problem); nothing for the others, which `Library::start`
    /// words itself.
    pub fn notice(&self) -> Option<Notice> {
        match self {
            Self::Rebuilt(index) => Some(Notice::IndexRebuilt {
                plans: index.plans.len(),
                key: recovery_key("index"),
            }),
            Self::Lost(index) => Some(Notice::IndexMissing {
                plans: index.plans.len(),
            }),
            Self::Newer { .. } | Self::Unavailable => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    EmptyName,
    /// Another plan on this device has the name (trimmed, as given).
    NameTaken {
        name: String,
    },
    Save(SaveError),
}

/// A store in memory with local storage's quota rule (2 bytes per UTF-16
/// code unit of keys and values), for tests and benchmarks.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: std::collections::BTreeMap<String, String>,
    /// The quota in bytes; `None` for unlimited.
    pub quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(bytes: usize) -> Self {
        Self {
            entries: Default::default(),
            quota: Some(bytes),
        }
    }

    /// Bytes used, counted as local storage does.
    pub fn used(&self) -> usize {
        self.entries
            .iter()
            .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
            .sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self.entries.get(key).map_or(0, |v| {
                2 * (key.encode_utf16().count() + v.encode_utf16().count())
            });
            let new = 2 * (key.encode_utf16().count() + value.encode_utf16().count());
            if self.used() - old + new > quota {
                return Err(StoreError::Full);
            }
        }
        self.entries.insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }
}
