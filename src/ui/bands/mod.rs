//! The bands view.

pub mod band_chart;
pub mod band_ladder;
pub mod band_outside;
pub mod band_table;
pub mod view;
