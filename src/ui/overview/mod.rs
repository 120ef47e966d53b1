//! The overview view.

pub mod start;
pub mod view;
