//! The headcount view.

pub mod add_position;
pub mod allowance_editor;
pub mod bulk_actions;
pub mod hiring_plan;
pub mod monthly_cost;
pub mod position_row;
pub mod roster;
pub mod team_totals;
