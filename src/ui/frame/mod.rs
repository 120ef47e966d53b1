//! The page's frame: app, header, navigation, notices, the session and its saving.

pub mod app;
pub mod autosave;
pub mod backup_reminder;
pub mod clock;
pub mod crash;
pub mod header;
pub mod history;
pub mod language;
pub mod lazy_view;
pub mod linked_file;
pub mod nav;
pub mod notices;
pub mod pending;
pub mod persist_status;
pub mod plan_files;
pub mod print_header;
pub mod session;
pub mod share_link;
pub mod shortcuts;
pub mod state;
pub mod views;
