//! Widgets more than one view uses: charts, fields, grid cells, selects, downloads.

pub mod assumptions_rows;
pub mod charts;
pub mod cost_currency;
pub mod download;
pub mod download_chunks;
pub mod field;
pub mod grid_cell;
pub mod period_select;
pub mod read_file;
pub mod scenario_picker;
pub mod unit_select;
pub mod variance_data;
pub mod variance_estimate;
