//! The teams view.

pub mod team_row;
pub mod view;
