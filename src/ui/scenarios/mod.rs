//! The scenarios view.

pub mod view;
