//! The pivot view.

pub mod pivot_table;
pub mod view;
