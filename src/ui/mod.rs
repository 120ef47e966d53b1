//! Leptos components, one concern per file. Components format and edit
//! values; every figure they show comes from the model.

pub(crate) mod actuals;
pub(crate) mod assumptions;
pub(crate) mod bands;
pub(crate) mod cloud;
pub(crate) mod compare;
pub(crate) mod exports;
pub(crate) mod frame;
pub(crate) mod headcount;
pub(crate) mod overview;
pub(crate) mod pivot;
pub(crate) mod plans;
pub(crate) mod scenarios;
pub(crate) mod teams;
pub(crate) mod widgets;

pub use frame::app::App;
pub use frame::crash::install as install_crash_report;
pub use frame::state::PlanState;
