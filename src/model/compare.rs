//! Scenario comparison: per fiscal year, each scenario's totals and its
//! difference from a base scenario.

use rust_decimal::Decimal;

use super::forecast::forecast_scenario;
use super::ledger::CATEGORY_COUNT;
use super::money::{Currency, div_round};
use super::plan::Plan;
use super::problem::Problem;
use super::summary::{FiscalYear, FiscalYearSummary, fiscal_year_summaries};
use super::validate::PlanError;

/// One scenario in one fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioYear {
    pub scenario: usize,
    pub name: String,
    /// Minor units, in [`Category::ALL`](super::Category::ALL) order.
    pub by_category: [i128; CATEGORY_COUNT],
    pub total: i128,
    /// This scenario minus the base, per category and in total.
    pub category_difference: [i128; CATEGORY_COUNT],
    pub difference: i128,
    /// `difference ÷ base total × 100`, rounded half away from zero to two
    /// decimals; `None` when the base total is zero.
    pub difference_pct: Option<Decimal>,
}

/// One fiscal year across scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearComparison {
    pub year: FiscalYear,
    pub partial: bool,
    /// Every scenario, in plan order (the base included, with zero difference).
    pub scenarios: Vec<ScenarioYear>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub base: usize,
    pub currency: Currency,
    pub years: Vec<YearComparison>,
}

/// Compares every scenario of `plan` with scenario `base`, fiscal year by
/// fiscal year. Fails with the errors of any scenario that cannot be forecast.
pub fn compare(plan: &Plan, base: usize) -> Result<Comparison, Vec<PlanError>> {
    if base >= plan.scenarios.len() {
        return Err(vec![PlanError::at(
            "scenarios",
            Problem::NoScenarioToCompareWith { number: base + 1 },
        )]);
    }
    let mut errors = Vec::new();
    let mut summaries = Vec::with_capacity(plan.scenarios.len());
    for s in 0..plan.scenarios.len() {
        match forecast_scenario(plan, s) {
            Ok(forecast) => summaries.push(fiscal_year_summaries(plan, &forecast)),
            Err(mut e) => {
                // The plan-level errors repeat for each scenario: keep them once.
                e.retain(|err| !errors.contains(err));
                errors.extend(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    compare_summaries(plan, base, &summaries)
}

/// [`compare`] from each scenario's fiscal-year summaries (plan order),
/// computed by the caller: a caller that forecast the scenarios in slices
/// (the browser's chunked export) gets the same comparison.
pub fn compare_summaries(
    plan: &Plan,
    base: usize,
    summaries: &[Vec<FiscalYearSummary>],
) -> Result<Comparison, Vec<PlanError>> {
    if base >= plan.scenarios.len() {
        return Err(vec![PlanError::at(
            "scenarios",
            Problem::NoScenarioToCompareWith { number: base + 1 },
        )]);
    }
    let currency = plan
        .currency()
        .ok_or_else(|| vec![PlanError::at("currency", Problem::CurrencyNotKnown)])?;
    let base_years = summaries.get(base).cloned().unwrap_or_default();
    let years = base_years
        .iter()
        .enumerate()
        .map(|(y, base_year)| YearComparison {
            year: base_year.year,
            partial: base_year.partial,
            scenarios: summaries
                .iter()
                .enumerate()
                .filter_map(|(s, years)| {
                    let year = years.get(y)?;
                    let mut category_difference = [0_i128; CATEGORY_COUNT];
                    for (c, diff) in category_difference.iter_mut().enumerate() {
                        *diff = year.by_category[c] - base_year.by_category[c];
                    }
                    let difference = year.total - base_year.total;
                    Some(ScenarioYear {
                        scenario: s,
                        name: plan
                            .scenarios
                            .get(s)
                            .map(|x| x.name.clone())
                            .unwrap_or_default(),
                        by_category: year.by_category,
                        total: year.total,
                        category_difference,
                        difference,
                        difference_pct: percent_of(difference, base_year.total),
                    })
                })
                .collect(),
        })
        .collect();
    Ok(Comparison {
        base,
        currency,
        years,
    })
}

/// `part ÷ whole × 100` to two decimals, half away from zero.
pub(super) fn percent_of(part: i128, whole: i128) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let hundredths = div_round(part.checked_mul(10_000)?, whole.abs()) * whole.signum();
    Decimal::try_from_i128_with_scale(hundredths, 2).ok()
}
