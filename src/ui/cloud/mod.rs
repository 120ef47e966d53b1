//! The cloud view.

pub mod cloud_chart;
pub mod cloud_line;
pub mod view;
