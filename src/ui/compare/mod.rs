//! The compare view.

pub mod compare_assumptions;
pub mod variance_compare;
pub mod view;
