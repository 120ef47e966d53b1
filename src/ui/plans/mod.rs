//! The plans view.

pub mod view;
