//! The exports view.

pub mod roster_import;
pub mod variance_export;
pub mod view;
