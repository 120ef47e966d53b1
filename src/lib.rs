//! Fleetplan: a budget and headcount planner for engineering leaders.
//!
//! `model` is the pure planning domain, `format` the plan-file and CSV formats,
//! `storage` the only code that touches localStorage, and `ui` the Leptos views.

pub mod format;
pub mod i18n;
pub mod model;
pub mod storage;
pub mod ui;
