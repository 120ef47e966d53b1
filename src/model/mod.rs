//! The planning domain: pure Rust, no browser code, no floating point.
//!
//! A [`Plan`] is validated ([`validate`]), compiled ([`PreparedScenario`])
//! and forecast month by month into ledger rows ([`LedgerRow`]) handed to a
//! [`LedgerSink`]; [`ScenarioForecast`] keeps the totals and headcount,
//! [`fiscal_year_summaries`] and [`compare`] summarise them. The rules are
//! documented in `docs/model.md`.

pub mod accounts;
pub mod actuals;
pub mod adjust;
pub mod band_outside;
pub mod bands;
pub mod bridge;
pub mod cloud;
pub mod cloud_years;
pub mod compare;
pub mod date;
mod decimal_serde;
pub mod editing;
pub mod exact;
pub mod explain;
pub mod forecast;
pub mod fx;
pub mod generate;
pub mod grades;
pub mod hiring_plan;
pub mod ledger;
pub mod money;
pub mod overview;
pub mod periods;
pub mod plan;
pub mod presets;
pub mod problem;
pub mod roster;
pub mod scenarios;
pub mod side_by_side;
pub mod summary;
pub mod teams;
pub mod ticks;
pub mod totals;
pub mod units;
pub mod validate;
pub mod variance;

pub use actuals::{Actual, ActualHeads, Actuals, ForeignAmount};
pub use adjust::adjusted_scenario;
pub use bridge::{Bridge, bridge, horizon_summary};
pub use compare::{Comparison, ScenarioYear, YearComparison, compare};
pub use date::{Date, DateError, DateProblem, YearMonth};
pub use explain::{ExplainedRow, Explanation, explain};

pub use forecast::{
    MonthTrace, PreparedScenario, forecast_after_position_edit, forecast_position_into,
    forecast_scenario, forecast_scenario_into,
};
pub use generate::{generate_plan, generate_plan_graded, with_simple_basis};
pub use ledger::{
    Activity, Both, CATEGORY_COUNT, Category, Component, Foreign, LedgerCollector, LedgerRow,
    LedgerSink, Source, component_label, source_label,
};
pub use money::{
    Currency, Money, format_minor, from_minor, group_digits, plain_minor, round_to_minor, to_minor,
};
pub use plan::{
    Adjustments, Allowance, AnnualCap, Assessment, Attrition, BonusPayout, BurdenBasis,
    BurdenComponent, BurdenStep, CapPeriod, Cloud, CloudCategory, CloudLine, Commitment,
    Employment, ExchangeRate, FirstBonus, Horizon, OneOff, OtherCost, OtherCostKind, PeopleCosts,
    PerHeadCost, PerHire, Plan, Position, PositionStatus, SalaryBand, Saving, Scenario, Team, Tool,
};
pub use problem::{ChangeOf, Named, Problem, Quantity};
pub use summary::{
    FiscalYear, FiscalYearSummary, PeriodSummary, TeamYear, fiscal_year_summaries, period_summary,
};
pub use totals::{Headcount, ScenarioForecast};
pub use validate::{PlanError, validate, validate_scenario};
