//! Leptos components, one concern per file. Components format and edit
//! values; every figure they show comes from the model.

mod add_position;
mod app;
mod assumptions;
mod assumptions_costs;
mod assumptions_rows;
mod autosave;
mod band_chart;
mod band_ladder;
mod band_outside;
mod band_table;
mod bands;
mod bulk_actions;
mod burden_table;
mod charts;
mod clock;
mod cloud;
mod cloud_chart;
mod cloud_line;
mod compare;
mod download;
mod exports;
mod field;
mod grid_cell;
mod header;
mod history;
mod language;
mod monthly_cost;
mod nav;
mod notices;
mod overview;
mod plans;
mod position_row;
mod roster;
mod roster_import;
mod scenario_picker;
mod scenarios;
mod session;
mod shortcuts;
mod state;
mod team_row;
mod team_totals;
mod teams;

pub use app::App;
pub use state::PlanState;
