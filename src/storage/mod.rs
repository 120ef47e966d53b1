//! The only code that touches localStorage.
//!
//! The current plan is stored as one whole record (the documented plan file),
//! so a save either replaces the record or fails: there is no partial write.
//! A record that cannot be read is never overwritten: its raw text is copied
//! to a recovery key first, and the app starts from a blank plan.

use gloo_storage::{LocalStorage, Storage};

use crate::format::plan_json::{parse_plan_file, write_plan_file};
use crate::model::Plan;

/// Where the plan lives.
pub const PLAN_KEY: &str = "fleetplan.plan";
/// Where unreadable records are kept, untouched, for the user to download.
pub const RECOVERY_KEY: &str = "fleetplan.recovery";

/// What loading found.
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    /// The stored plan.
    Plan(Plan),
    /// A record that could not be read. `kept` says whether its raw text is
    /// safe under [`RECOVERY_KEY`]; if not, nothing may be saved over it.
    Unreadable { reason: String, kept: bool },
}

/// Reads the stored plan.
pub fn load_plan() -> Loaded {
    let raw = match LocalStorage::raw().get_item(PLAN_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Empty,
        Err(_) => {
            return Loaded::Unreadable {
                reason: "local storage could not be read".into(),
                kept: false,
            };
        }
    };
    // Parsed, not validated: a plan with invalid values still opens, with
    // its errors shown next to the figures, rather than being set aside.
    match parse_plan_file(&raw) {
        Ok(plan) => Loaded::Plan(plan),
        Err(errors) => {
            let reason = errors
                .iter()
                .take(3)
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            // Keep the raw text before anything can overwrite the plan key.
            let kept = LocalStorage::raw().set_item(RECOVERY_KEY, &raw).is_ok();
            Loaded::Unreadable { reason, kept }
        }
    }
}

/// Writes the whole plan as one record.
pub fn save_plan(plan: &Plan) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(PLAN_KEY, &write_plan_file(plan))
        .map_err(|_| "The plan could not be saved: local storage is full or disabled.".to_string())
}

/// Whether an unreadable record is waiting under the recovery key.
pub fn recovery_text() -> Option<String> {
    LocalStorage::raw().get_item(RECOVERY_KEY).ok().flatten()
}
