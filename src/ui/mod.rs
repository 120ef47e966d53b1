//! Leptos components, one concern per file. Components format and edit
//! values; every figure they show comes from the model.

mod add_position;
mod app;
mod assumptions;
mod assumptions_costs;
mod assumptions_rows;
mod bands;
mod burden_table;
mod charts;
mod clock;
mod cloud;
mod cloud_chart;
mod cloud_line;
mod download;
mod exports;
mod field;
mod header;
mod monthly_cost;
mod nav;
mod overview;
mod position_row;
mod roster;
mod roster_import;
mod state;
mod teams;

pub use app::App;
pub use state::PlanState;
