//! Leptos components, one concern per file. Components format and edit
//! values; every figure they show comes from the model.

mod add_position;
mod app;
mod clock;
mod download;
mod exports;
mod header;
mod monthly_cost;
mod nav;
mod position_row;
mod roster;
mod roster_import;
mod state;

pub use app::App;
pub use state::PlanState;
