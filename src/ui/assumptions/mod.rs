//! The assumptions view.

pub mod assumptions_accounts;
pub mod assumptions_costs;
pub mod burden_table;
pub mod exchange_rates;
pub mod per_head_costs;
pub mod view;
