//! When each plan was last backed up (a downloaded backup, a saved or
//! linked plan file) and how many saves were made since: what the header's
//! backup reminder reads. Over any key-value store, with the time passed in
//! (milliseconds since 1970), so the timing is tested natively with a clock
//! the test sets.
//!
//! One small record per plan, `fleetplan.backup.<id>`: `{"last":…,"since":…,"saves":…}`.
//! The reminder is due once the plan has changes not in a backup and either
//! [`REMIND_AFTER_DAYS`] days have passed since the last backup (or since the
//! first change, for a plan never backed up) or [`REMIND_AFTER_SAVES`] saves
//! were made since.

use serde::{Deserialize, Serialize};

use super::library::KeyValue;

pub const BACKUP_PREFIX: &str = "fleetplan.backup.";
/// Days after which changes not in a backup bring the reminder.
pub const REMIND_AFTER_DAYS: i64 = 7;
/// Saves (each one the edits of a moment) after which the reminder comes
/// whatever the days.
pub const REMIND_AFTER_SAVES: u32 = 50;
pub const DAY_MS: i64 = 86_400_000;

/// A plan's backups, as stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupLog {
    /// When the plan was last backed up; `None` if it never was.
    pub last: Option<i64>,
    /// Since when changes are counted: the last backup, or the first save
    /// of a plan never backed up.
    pub since: Option<i64>,
    /// Saves since then.
    pub saves: u32,
}

fn key(plan_id: &str) -> String {
    format!("{BACKUP_PREFIX}{plan_id}")
}

impl BackupLog {
    /// The log of plan `plan_id`; an empty one when there is none or it
    /// cannot be read (the reminder then starts again, never fails).
    pub fn read(store: &impl KeyValue, plan_id: &str) -> Self {
        store
            .get(&key(plan_id))
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    fn write(self, store: &mut impl KeyValue, plan_id: &str) -> Self {
        if let Ok(text) = serde_json::to_string(&self) {
            // A log that cannot be written only means a reminder comes late.
            let _ = store.set(&key(plan_id), &text);
        }
        self
    }

    /// Counts a save of plan `plan_id` at `now`.
    pub fn saved(store: &mut impl KeyValue, plan_id: &str, now: i64) -> Self {
        let mut log = Self::read(store, plan_id);
        log.since.get_or_insert(now);
        log.saves = log.saves.saturating_add(1);
        log.write(store, plan_id)
    }

    /// Plan `plan_id` was backed up at `now`: nothing is waiting any more.
    pub fn backed_up(store: &mut impl KeyValue, plan_id: &str, now: i64) -> Self {
        Self {
            last: Some(now),
            since: Some(now),
            saves: 0,
        }
        .write(store, plan_id)
    }

    /// Plan `plan_id` was written to its linked plan file at `now`
    /// (`storage::linked_file`): a backup like a download, since the file
    /// holds the whole plan as the command line reads it.
    pub fn written_to_file(store: &mut impl KeyValue, plan_id: &str, now: i64) -> Self {
        Self::backed_up(store, plan_id, now)
    }

    /// Forgets plan `plan_id`'s log (the plan was deleted).
    pub fn forget(store: &mut impl KeyValue, plan_id: &str) {
        store.remove(&key(plan_id));
    }

    /// Forgets the logs of plans no longer on the device (`ids` are the
    /// plans listed), so a new plan that gets a deleted one's id starts
    /// with none. An empty list (the list unreadable) forgets nothing.
    pub fn forget_others(store: &mut impl KeyValue, ids: &[&str]) {
        if ids.is_empty() {
            return;
        }
        for key in store.keys() {
            if let Some(id) = key.strip_prefix(BACKUP_PREFIX)
                && !ids.contains(&id)
            {
                store.remove(&key);
            }
        }
    }

    /// Whole days from the last backup to `now`, if there was one.
    pub fn days_since_backup(&self, now: i64) -> Option<i64> {
        self.last.map(|last| (now - last).max(0) / DAY_MS)
    }

    /// Whether the reminder is due at `now`.
    pub fn due(&self, now: i64) -> bool {
        if self.saves == 0 {
            return false;
        }
        let waited = self.since.map(|since| now - since).unwrap_or(0);
        self.saves >= REMIND_AFTER_SAVES || waited >= REMIND_AFTER_DAYS * DAY_MS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::library::MemoryStore;

    /// The test's clock: 1 January 2027, 09:00 UTC, moved by hand.
    const START: i64 = 1_798_794_000_000;

    #[test]
    fn a_plan_never_changed_is_never_reminded() {
        let store = MemoryStore::default();
        let log = BackupLog::read(&store, "1");
        assert_eq!(log, BackupLog::default());
        assert!(!log.due(START + 365 * DAY_MS));
        assert_eq!(log.days_since_backup(START), None);
    }

    #[test]
    fn days_count_from_the_first_change_of_a_plan_never_backed_up() {
        let mut store = MemoryStore::default();
        BackupLog::saved(&mut store, "1", START);
        let log = BackupLog::saved(&mut store, "1", START + 3 * DAY_MS);
        assert_eq!(log.saves, 2);
        assert!(!log.due(START + 7 * DAY_MS - 1));
        assert!(log.due(START + 7 * DAY_MS));
    }

    #[test]
    fn a_backup_resets_the_clock_and_the_count() {
        let mut store = MemoryStore::default();
        for i in 0..10 {
            BackupLog::saved(&mut store, "1", START + i);
        }
        let backed = BackupLog::backed_up(&mut store, "1", START + 8 * DAY_MS);
        assert!(
            !backed.due(START + 30 * DAY_MS),
            "no change since the backup"
        );
        assert_eq!(backed.days_since_backup(START + 10 * DAY_MS + 5), Some(2));
        // A change after it: due seven days after the backup, not before.
        let log = BackupLog::saved(&mut store, "1", START + 9 * DAY_MS);
        assert_eq!(BackupLog::read(&store, "1"), log);
        assert!(!log.due(START + 15 * DAY_MS - 1));
        assert!(log.due(START + 15 * DAY_MS));
    }

    #[test]
    fn many_saves_remind_before_the_days_are_up() {
        let mut store = MemoryStore::default();
        BackupLog::backed_up(&mut store, "1", START);
        let mut log = BackupLog::default();
        for i in 0..REMIND_AFTER_SAVES {
            assert!(!log.due(START + DAY_MS), "due after {i} saves");
            log = BackupLog::saved(&mut store, "1", START + i64::from(i));
        }
        assert!(log.due(START + DAY_MS));
    }

    #[test]
    fn plans_have_their_own_logs_and_a_bad_record_starts_again() {
        let mut store = MemoryStore::default();
        BackupLog::saved(&mut store, "1", START);
        assert_eq!(BackupLog::read(&store, "2"), BackupLog::default());
        store.set("fleetplan.backup.2", "not json").unwrap();
        assert_eq!(BackupLog::saved(&mut store, "2", START).saves, 1);
        BackupLog::forget(&mut store, "1");
        assert_eq!(BackupLog::read(&store, "1"), BackupLog::default());
        BackupLog::saved(&mut store, "1", START);
        BackupLog::forget_others(&mut store, &[]);
        assert_eq!(
            BackupLog::read(&store, "1").saves,
            1,
            "an empty list forgets nothing"
        );
        BackupLog::forget_others(&mut store, &["2"]);
        assert_eq!(BackupLog::read(&store, "1"), BackupLog::default());
        assert_eq!(BackupLog::read(&store, "2").saves, 1);
    }
}
