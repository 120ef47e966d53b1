//! Every scenario side by side for one fiscal year or the whole horizon:
//! totals per category, heads and FTE at the end, cost and cloud cost per
//! engineer and year, each with its difference from the base scenario; the
//! assumptions and what-ifs behind them; and each scenario's monthly totals. What the Compare view shows; the same sums as
//! `compare` (and so the CLI's `compare` and the comparison CSV).

use rust_decimal::Decimal;

use super::bridge::horizon_summary;
use super::compare::{
    ScenarioAssumptions, assumptions_of, fte_months, per_engineer_per_year, percent_of,
};
use super::date::{Date, YearMonth};
use super::forecast::forecast_scenario;
use super::ledger::CATEGORY_COUNT;
use super::ledger::Category;
use super::money::Currency;
use super::plan::{ExchangeRate, Plan};
use super::problem::Problem;
use super::summary::{FiscalYear, PeriodSummary, fiscal_year_summaries, period_summary};
use super::totals::ScenarioForecast;
use super::validate::PlanError;

/// One scenario's figures for the period, and its difference from the base.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioColumn {
    pub scenario: usize,
    pub name: String,
    pub locked_on: Option<Date>,
    /// The fiscal year's summary, or the whole horizon's.
    pub summary: PeriodSummary,
    /// This scenario minus the base, per category and in total.
    pub category_difference: [i128; CATEGORY_COUNT],
    /// Each category's difference in % of the base's, like `difference_pct`.
    pub category_difference_pct: [Option<Decimal>; CATEGORY_COUNT],
    pub difference: i128,
    /// `difference ÷ base total × 100`, two decimals, half away from zero.
    pub difference_pct: Option<Decimal>,
    pub heads_difference: i64,
    pub fte_difference: Decimal,
    /// The total and the cloud total per engineer and year, whatever the
    /// period's length ([`per_engineer_per_year`]); `None` without FTE.
    pub cost_per_engineer_per_year: Option<i128>,
    pub cloud_per_engineer_per_year: Option<i128>,
    /// `None` when either side has no FTE.
    pub cost_per_engineer_per_year_difference: Option<i128>,
    pub cloud_per_engineer_per_year_difference: Option<i128>,
    /// The scenario's assumptions and what-ifs, as forecast.
    pub assumptions: ScenarioAssumptions,
    /// Its rate steps in force during the period.
    pub exchange_rates: Vec<ExchangeRate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SideBySide {
    pub base: usize,
    pub currency: Currency,
    pub fiscal_year_start: u8,
    /// The fiscal years the horizon touches (to choose from).
    pub years: Vec<FiscalYear>,
    pub columns: Vec<ScenarioColumn>,
    pub months: Vec<YearMonth>,
    /// Each scenario's total of each month, in plan order.
    pub monthly: Vec<Vec<i128>>,
}

/// The scenarios of `plan` for `year` (`None`: the whole horizon), against
/// the plan's base scenario. Fails with the errors of any scenario that
/// cannot be forecast.
pub fn side_by_side(plan: &Plan, year: Option<FiscalYear>) -> Result<SideBySide, Vec<PlanError>> {
    let mut errors: Vec<PlanError> = Vec::new();
    let mut forecasts = Vec::with_capacity(plan.scenarios.len());
    for s in 0..plan.scenarios.len() {
        match forecast_scenario(plan, s) {
            Ok(f) => forecasts.push(f),
            Err(e) => {
                for err in e {
                    if !errors.contains(&err) {
                        errors.push(err);
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    side_by_side_of(plan, &forecasts, year)
}

/// [`side_by_side`] from every scenario's forecast (plan order), computed
/// by the caller: the Compare view forecasts the scenarios once, in slices
/// for a large plan, and reads each period from them.
pub fn side_by_side_of(
    plan: &Plan,
    forecasts: &[ScenarioForecast],
    year: Option<FiscalYear>,
) -> Result<SideBySide, Vec<PlanError>> {
    let base = plan.base_index();
    let Some(first) = forecasts.first() else {
        return Err(vec![PlanError::at("scenarios", Problem::PlanHasNoScenario)]);
    };
    let currency = first.currency();
    let fiscal_year_start = first.fiscal_year_start_month();
    let months = first.months().to_vec();
    let years: Vec<FiscalYear> = fiscal_year_summaries(plan, first)
        .iter()
        .map(|s| s.year)
        .collect();
    let summaries: Vec<PeriodSummary> = forecasts
        .iter()
        .map(|f| match year {
            None => Some(horizon_summary(plan, f)),
            Some(y) => fiscal_year_summaries(plan, f)
                .into_iter()
                .find(|s| s.year == y)
                .map(|s| period_summary(f, s.first_month, s.first_month + s.months)),
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| vec![PlanError::at("", Problem::FiscalYearOutsideHorizon)])?;
    let base_summary = summaries
        .get(base)
        .cloned()
        .ok_or_else(|| vec![PlanError::at("base_scenario", Problem::NoBaseScenario)])?;
    let difference_of = |a: Option<i128>, b: Option<i128>| Some(a? - b?);
    // Per engineer and year, from each period's FTE-months.
    let per_year: Vec<(Option<i128>, Option<i128>)> = summaries
        .iter()
        .zip(forecasts)
        .map(|(summary, f)| {
            let fte = fte_months(f, summary.first_month, summary.first_month + summary.months);
            (
                per_engineer_per_year(summary.total, fte),
                per_engineer_per_year(summary.category(Category::Cloud), fte),
            )
        })
        .collect();
    let (base_cost, base_cloud) = per_year.get(base).copied().unwrap_or((None, None));
    let first = months.get(base_summary.first_month).copied();
    let last = months
        .get((base_summary.first_month + base_summary.months).saturating_sub(1))
        .copied();
    let columns = summaries
        .into_iter()
        .enumerate()
        .map(|(s, summary)| {
            let (cost_per_year, cloud_per_year) = per_year[s];
            let assumptions = assumptions_of(plan, s).unwrap_or_default();
            let exchange_rates = match (first, last) {
                (Some(first), Some(last)) => assumptions.rates_in_force(first, last),
                _ => Vec::new(),
            };
            let mut category_difference = [0_i128; CATEGORY_COUNT];
            let mut category_difference_pct = [None; CATEGORY_COUNT];
            for c in 0..CATEGORY_COUNT {
                category_difference[c] = summary.by_category[c] - base_summary.by_category[c];
                category_difference_pct[c] =
                    percent_of(category_difference[c], base_summary.by_category[c]);
            }
            let difference = summary.total - base_summary.total;
            ScenarioColumn {
                scenario: s,
                name: plan.scenarios[s].name.clone(),
                locked_on: plan.scenarios[s].locked_on,
                category_difference,
                category_difference_pct,
                difference,
                difference_pct: percent_of(difference, base_summary.total),
                heads_difference: i64::from(summary.heads_at_end)
                    - i64::from(base_summary.heads_at_end),
                fte_difference: summary.fte_at_end - base_summary.fte_at_end,
                cost_per_engineer_per_year: cost_per_year,
                cloud_per_engineer_per_year: cloud_per_year,
                cost_per_engineer_per_year_difference: difference_of(cost_per_year, base_cost),
                cloud_per_engineer_per_year_difference: difference_of(cloud_per_year, base_cloud),
                assumptions,
                exchange_rates,
                summary,
            }
        })
        .collect();
    let monthly = forecasts
        .iter()
        .map(|f| (0..f.months().len()).map(|m| f.month_total(m)).collect())
        .collect();
    Ok(SideBySide {
        base,
        currency,
        fiscal_year_start,
        years,
        columns,
        months,
        monthly,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::plan_json::read_plan_file;
    use crate::model::compare;

    fn example() -> Plan {
        read_plan_file(include_str!("../../docs/example-plan.json")).unwrap()
    }

    #[test]
    fn a_fiscal_year_matches_the_comparison_the_cli_prints() {
        let plan = example();
        let comparison = compare(&plan, 0).unwrap();
        for year in &comparison.years {
            let side = side_by_side(&plan, Some(year.year)).unwrap();
            assert_eq!(side.columns.len(), year.scenarios.len());
            for (column, expected) in side.columns.iter().zip(&year.scenarios) {
                assert_eq!(column.summary.by_category, expected.by_category);
                assert_eq!(column.summary.total, expected.total);
                assert_eq!(column.category_difference, expected.category_difference);
                assert_eq!(column.difference, expected.difference);
                assert_eq!(column.difference_pct, expected.difference_pct);
            }
        }
    }

    #[test]
    fn the_whole_horizon_adds_up_the_months_and_the_base_differs_by_nothing() {
        let plan = example();
        let side = side_by_side(&plan, None).unwrap();
        for (column, monthly) in side.columns.iter().zip(&side.monthly) {
            assert_eq!(column.summary.total, monthly.iter().sum::<i128>());
            assert_eq!(
                column.summary.total,
                column.summary.by_category.iter().sum::<i128>()
            );
        }
        let base = &side.columns[side.base];
        assert_eq!(base.difference, 0);
        assert_eq!(base.category_difference, [0; CATEGORY_COUNT]);
        let other = &side.columns[1];
        assert_eq!(other.difference, other.summary.total - base.summary.total);
        assert_eq!(
            other.category_difference.iter().sum::<i128>(),
            other.difference
        );
        // Each category's % is its difference over the base's, to 2 decimals.
        let k = crate::model::Category::Base.index();
        assert_eq!(
            other.category_difference_pct[k],
            percent_of(other.category_difference[k], base.summary.by_category[k])
        );
        assert!(other.category_difference_pct[k].is_some_and(|p| p > Decimal::ZERO));
    }

    #[test]
    fn the_named_base_is_the_one_compared_with() {
        let mut plan = example();
        plan.set_base_scenario(1).unwrap();
        let side = side_by_side(&plan, None).unwrap();
        assert_eq!(side.base, 1);
        assert_eq!(side.columns[1].difference, 0);
        assert_eq!(
            side.columns[0].difference,
            side.columns[0].summary.total - side.columns[1].summary.total
        );
    }
}
