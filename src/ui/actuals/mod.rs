//! The actuals view.

pub mod actuals_grid;
pub mod actuals_import;
pub mod focus_import;
pub mod variance_heads;
pub mod variance_months;
pub mod variance_table;
pub mod variance_view;
