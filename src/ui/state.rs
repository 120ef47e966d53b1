//! The plan being edited, its forecast, and whether it is saved.

use leptos::prelude::*;

use rust_decimal::Decimal;

use crate::model::{
    Currency, Plan, PlanError, ScenarioForecast, forecast_scenario, format_minor, round_to_minor,
};

/// Whether the plan on screen is in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Failed(String),
    /// An unreadable record could not be set aside, so nothing is saved over it.
    Blocked,
}

/// The app-wide state, shared through context.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub plan: RwSignal<Plan>,
    /// The plan's currency (yen when the code is unknown: the forecast then
    /// reports the code as invalid).
    pub currency: Memo<Currency>,
    /// The first scenario's forecast, recomputed whenever the plan changes.
    pub forecast: Memo<Result<ScenarioForecast, Vec<PlanError>>>,
    pub save_status: RwSignal<SaveStatus>,
}

impl PlanState {
    pub fn new(plan: Plan, save_status: SaveStatus) -> Self {
        let plan = RwSignal::new(plan);
        let forecast = Memo::new(move |_| plan.with(|p| forecast_scenario(p, 0)));
        let currency = Memo::new(move |_| {
            plan.with(|p| p.currency())
                .or_else(|| Currency::from_code("JPY"))
                .expect("JPY is in the currency table")
        });
        Self {
            plan,
            currency,
            forecast,
            save_status: RwSignal::new(save_status),
        }
    }

    /// An amount as the plan's currency shows it: `6,000,000`, `1,234.50`.
    pub fn show_amount(&self, amount: Decimal) -> String {
        let currency = self.currency.get();
        round_to_minor(amount, currency.exponent())
            .map(|minor| format_minor(minor, currency))
            .unwrap_or_else(|| amount.to_string())
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }
}
