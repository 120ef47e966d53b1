//! Scenario comparison: per fiscal year, each scenario's totals and its
//! difference from a base scenario.

use rust_decimal::Decimal;

use super::adjust::adjusted_scenario;
use super::date::YearMonth;
use super::forecast::forecast_scenario;
use super::ledger::{CATEGORY_COUNT, Category};
use super::money::{Currency, div_round};
use super::plan::{ExchangeRate, Plan};
use super::problem::Problem;
use super::summary::{FiscalYear, FiscalYearSummary, fiscal_year_summaries};
use super::totals::ScenarioForecast;
use super::validate::PlanError;

/// Least common multiple of 28, 29, 30 and 31: the days of any month divide it.
const DAYS_LCM: i128 = 377_580;
/// One FTE-month in the units of [`fte_months`].
const FTE_MONTH: i128 = 1_000_000 * DAYS_LCM;

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
    /// Open and planned positions starting in the year.
    pub hires: u32,
    pub average_fte: Decimal,
    /// Total and cloud total per engineer and year ([`per_engineer_per_year`]).
    pub cost_per_engineer_per_year: Option<i128>,
    pub cloud_per_engineer_per_year: Option<i128>,
    /// The rate steps in force during the year, as forecast.
    pub exchange_rates: Vec<ExchangeRate>,
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
    /// Every scenario's assumptions and what-ifs, in plan order.
    pub assumptions: Vec<ScenarioAssumptions>,
}

/// What the comparison reads of one scenario's forecast: its fiscal years'
/// summaries and each year's FTE-months, exactly ([`fte_months`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioYears {
    pub summaries: Vec<FiscalYearSummary>,
    pub fte_months: Vec<i128>,
}

/// [`ScenarioYears`] of a forecast.
pub fn scenario_years(plan: &Plan, forecast: &ScenarioForecast) -> ScenarioYears {
    let summaries = fiscal_year_summaries(plan, forecast);
    let fte_months = summaries
        .iter()
        .map(|y| fte_months(forecast, y.first_month, y.first_month + y.months))
        .collect();
    ScenarioYears {
        summaries,
        fte_months,
    }
}

/// The FTE-months of months `first..end` of a forecast: Σ over the months
/// of FTE × days active ÷ days in the month, exactly, in units of
/// 1 ÷ (10⁶ × 377,580) FTE-month (every month's days divide 377,580).
pub fn fte_months(forecast: &ScenarioForecast, first: usize, end: usize) -> i128 {
    let end = end.min(forecast.months().len());
    (first.min(end)..end)
        .map(|m| {
            let days = forecast
                .months()
                .get(m)
                .map_or(30, |ym| i128::from(ym.days()));
            i128::from(forecast.headcount(m).fte_micro_days) * (DAYS_LCM / days.max(1))
        })
        .sum()
}

/// `amount` per engineer and year: amount × 12 ÷ FTE-months, which is
/// amount ÷ average FTE × 12 ÷ months, computed exactly and rounded once to
/// the minor unit, half away from zero. A twelve-month year gives its cost
/// per engineer; three years give a third of their total per engineer.
/// `None` without FTE.
pub fn per_engineer_per_year(amount: i128, fte_months: i128) -> Option<i128> {
    if fte_months <= 0 {
        return None;
    }
    Some(div_round(amount.checked_mul(12 * FTE_MONTH)?, fte_months))
}

/// A cloud line's growth as forecast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudGrowth {
    pub line: String,
    /// Compounding monthly growth, percent.
    pub monthly_pct: Decimal,
    /// The yearly growth it compounds to, percent, 2 decimals.
    pub annual_pct: Option<Decimal>,
}

/// A scenario's assumptions as the engine forecasts them (its what-ifs
/// applied), and the what-ifs themselves: why one scenario differs from
/// another, where the comparison says by how much.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioAssumptions {
    pub scenario: usize,
    pub name: String,
    /// Yearly raise, percent: the stated raise plus the what-if's points.
    pub raise_pct: Decimal,
    /// The month (1 to 12) raises take effect.
    pub raise_month: u8,
    /// Annual attrition, percent: the what-if's rate, else the stated one.
    pub attrition_pct: Decimal,
    /// The teams with a rate of their own, as forecast.
    pub team_attrition: Vec<(String, Decimal)>,
    /// Each cloud line's growth, plus the what-if's points.
    pub cloud_growth: Vec<CloudGrowth>,
    /// The what-ifs (docs/model.md, "What-if adjustments").
    pub hire_slip_months: i32,
    pub raise_points: Decimal,
    pub cloud_growth_points: Decimal,
    pub attrition_override_pct: Option<Decimal>,
    pub fx_pct: Decimal,
    /// Every rate step, moved by `fx_pct`, by currency (first seen first)
    /// and month.
    pub exchange_rates: Vec<ExchangeRate>,
}

impl ScenarioAssumptions {
    /// The lowest and highest monthly growth of the cloud lines.
    pub fn cloud_growth_range(&self) -> Option<(Decimal, Decimal)> {
        let rates = self.cloud_growth.iter().map(|g| g.monthly_pct);
        Some((rates.clone().min()?, rates.max()?))
    }

    /// The rate steps in force from `first` to `last`: each currency's
    /// step in force in `first` (the first step when none has started, as
    /// the engine reads a path), then the steps starting after it up to
    /// `last`.
    pub fn rates_in_force(&self, first: YearMonth, last: YearMonth) -> Vec<ExchangeRate> {
        let mut in_force = Vec::new();
        let mut currencies: Vec<&str> = Vec::new();
        for r in &self.exchange_rates {
            if !currencies.contains(&r.currency.as_str()) {
                currencies.push(&r.currency);
            }
        }
        for currency in currencies {
            let steps: Vec<&ExchangeRate> = self
                .exchange_rates
                .iter()
                .filter(|r| r.currency == currency)
                .collect();
            let at_start = steps.iter().rposition(|r| r.from <= first).unwrap_or(0);
            in_force.extend(
                steps
                    .iter()
                    .enumerate()
                    .filter(|&(i, r)| i == at_start || (r.from > first && r.from <= last))
                    .map(|(_, r)| (*r).clone()),
            );
        }
        in_force
    }
}

/// Scenario `s`'s assumptions as forecast; `None` when there is no such
/// scenario.
pub fn assumptions_of(plan: &Plan, s: usize) -> Option<ScenarioAssumptions> {
    let stated = plan.scenarios.get(s)?;
    let what_if = &stated.adjustments;
    // The engine's own copy: the figures here are the ones it forecasts.
    let adjusted = adjusted_scenario(stated);
    let mut exchange_rates = adjusted.exchange_rates.clone();
    let order = |c: &str| exchange_rates.iter().position(|r| r.currency == c);
    let mut keyed: Vec<(usize, ExchangeRate)> = exchange_rates
        .iter()
        .map(|r| (order(&r.currency).unwrap_or(0), r.clone()))
        .collect();
    keyed.sort_by_key(|(k, r)| (*k, r.from));
    exchange_rates = keyed.into_iter().map(|(_, r)| r).collect();
    Some(ScenarioAssumptions {
        scenario: s,
        name: stated.name.clone(),
        raise_pct: adjusted.people.raise_pct,
        raise_month: adjusted.people.raise_month,
        attrition_pct: adjusted.people.attrition.annual_rate_pct,
        team_attrition: adjusted
            .teams
            .iter()
            .filter_map(|t| Some((t.name.clone(), t.attrition.as_ref()?.annual_rate_pct)))
            .collect(),
        cloud_growth: adjusted
            .cloud
            .lines
            .iter()
            .map(|l| CloudGrowth {
                line: l.name.clone(),
                monthly_pct: l.monthly_growth_pct,
                annual_pct: l.annual_growth_pct(),
            })
            .collect(),
        hire_slip_months: what_if.hire_slip_months,
        raise_points: what_if.raise_points,
        cloud_growth_points: what_if.cloud_growth_points,
        attrition_override_pct: what_if.attrition_pct,
        fx_pct: what_if.fx_pct,
        exchange_rates,
    })
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
            Ok(forecast) => summaries.push(scenario_years(plan, &forecast)),
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

/// [`compare`] from each scenario's fiscal years ([`scenario_years`], plan
/// order), computed by the caller: a caller that forecast the scenarios in
/// slices (the browser's chunked export) gets the same comparison.
pub fn compare_summaries(
    plan: &Plan,
    base: usize,
    summaries: &[ScenarioYears],
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
    let assumptions: Vec<ScenarioAssumptions> = (0..plan.scenarios.len())
        .filter_map(|s| assumptions_of(plan, s))
        .collect();
    let base_years = summaries
        .get(base)
        .map(|y| y.summaries.clone())
        .unwrap_or_default();
    let month = |i: usize| {
        plan.horizon
            .start
            .add_months(i32::try_from(i).unwrap_or(i32::MAX))
    };
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
                    let year = years.summaries.get(y)?;
                    let fte = years.fte_months.get(y).copied().unwrap_or(0);
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
                        hires: year.hires,
                        average_fte: year.average_fte,
                        cost_per_engineer_per_year: per_engineer_per_year(year.total, fte),
                        cloud_per_engineer_per_year: per_engineer_per_year(
                            year.category(Category::Cloud),
                            fte,
                        ),
                        exchange_rates: match (
                            assumptions.get(s),
                            month(year.first_month),
                            month((year.first_month + year.months).saturating_sub(1)),
                        ) {
                            (Some(a), Some(first), Some(last)) => a.rates_in_force(first, last),
                            _ => Vec::new(),
                        },
                    })
                })
                .collect(),
        })
        .collect();
    Ok(Comparison {
        base,
        currency,
        years,
        assumptions,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::side_by_side::side_by_side;
    use crate::model::{Date, PositionStatus};

    const FY_MONTH: i128 = FTE_MONTH;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn ym(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn rate(currency: &str, from: YearMonth, rate: Decimal) -> ExchangeRate {
        ExchangeRate {
            currency: currency.into(),
            from,
            rate,
        }
    }

    /// Base: one engineer on ¥6,000,000 a year from before the horizon.
    /// Stretch: the same and a Data hire on ¥6,000,000 from October 2026.
    /// Horizon April 2026, 18 months (FY2026 whole, FY2027 six months).
    fn worked_plan() -> Plan {
        let mut plan = Plan::blank("Budget", "JPY", 4, ym(2026, 4), 18);
        plan.scenarios[0].add_position(
            "Engineer",
            "Platform",
            Decimal::from(6_000_000),
            day(2025, 4, 1),
        );
        let stretch = plan.duplicate_scenario(0, "Stretch").unwrap();
        let s = &mut plan.scenarios[stretch];
        let id = s.add_position(
            "Data engineer",
            "Data",
            Decimal::from(6_000_000),
            day(2026, 10, 1),
        );
        s.position_mut(&id).unwrap().status = PositionStatus::Open;
        plan
    }

    #[test]
    fn cost_per_engineer_per_year_is_the_cost_times_twelve_over_fte_months() {
        // ¥9,000,000 over 18 FTE-months: ¥6,000,000 a year.
        assert_eq!(
            per_engineer_per_year(9_000_000, 18 * FY_MONTH),
            Some(6_000_000)
        );
        // ¥10,000,000 over 18 FTE-months: 6,666,666.67, rounded once.
        assert_eq!(
            per_engineer_per_year(10_000_000, 18 * FY_MONTH),
            Some(6_666_667)
        );
        assert_eq!(
            per_engineer_per_year(-10_000_000, 18 * FY_MONTH),
            Some(-6_666_667)
        );
        // Half a minor unit rounds away from zero.
        assert_eq!(per_engineer_per_year(1, 24 * FY_MONTH), Some(1));
        assert_eq!(per_engineer_per_year(1, 25 * FY_MONTH), Some(0));
        assert_eq!(per_engineer_per_year(5, 0), None);
    }

    #[test]
    fn the_whole_horizon_is_annualised_by_hand() {
        let plan = worked_plan();
        let side = side_by_side(&plan, None).unwrap();
        let (base, stretch) = (&side.columns[0], &side.columns[1]);
        // Base: ¥9,000,000 in 18 months of one engineer: ¥6,000,000 a year
        // (not the ¥9,000,000 "per engineer" of the whole period).
        assert_eq!(base.summary.total, 9_000_000);
        assert_eq!(base.cost_per_engineer_per_year, Some(6_000_000));
        // Stretch: ¥15,000,000 over 18 + 12 = 30 FTE-months: 15M × 12 ÷ 30.
        assert_eq!(stretch.summary.total, 15_000_000);
        assert_eq!(stretch.cost_per_engineer_per_year, Some(6_000_000));
        assert_eq!(stretch.cost_per_engineer_per_year_difference, Some(0));
        assert_eq!(stretch.cloud_per_engineer_per_year, Some(0));
        // FY2026: ¥9,000,000 over 12 + 6 = 18 FTE-months: 6,666,666.67.
        let fy2026 = side_by_side(
            &plan,
            Some(FiscalYear {
                start_year: 2026,
                start_month: 4,
            }),
        )
        .unwrap();
        assert_eq!(fy2026.columns[1].summary.total, 9_000_000);
        assert_eq!(
            fy2026.columns[1].cost_per_engineer_per_year,
            Some(6_000_000)
        );
        // A twelve-month year gives the summary's cost per engineer.
        assert_eq!(
            fy2026.columns[1].cost_per_engineer_per_year,
            fy2026.columns[1].summary.cost_per_engineer
        );
    }

    #[test]
    fn the_comparison_annualises_a_partial_year() {
        let plan = worked_plan();
        let c = compare(&plan, 0).unwrap();
        let fy2027 = &c.years[1];
        assert!(fy2027.partial);
        let stretch = &fy2027.scenarios[1];
        // Six months of two engineers: ¥6,000,000 and 12 FTE-months.
        assert_eq!(stretch.total, 6_000_000);
        assert_eq!(stretch.average_fte, Decimal::from(2));
        assert_eq!(stretch.cost_per_engineer_per_year, Some(6_000_000));
        // FY2026: the Data engineer is a hire of the year.
        assert_eq!(c.years[0].scenarios[1].hires, 1);
        assert_eq!(c.years[0].scenarios[0].hires, 0);
    }

    #[test]
    fn assumptions_are_the_ones_forecast_with_the_what_ifs_beside_them() {
        let mut plan = worked_plan();
        let s = &mut plan.scenarios[1];
        s.people.raise_pct = Decimal::new(37, 1);
        s.people.attrition.annual_rate_pct = Decimal::from(10);
        s.adjustments.raise_points = Decimal::new(15, 1);
        s.adjustments.attrition_pct = Some(Decimal::from(12));
        s.adjustments.fx_pct = Decimal::from(10);
        s.adjustments.hire_slip_months = 2;
        s.exchange_rates = vec![
            rate("USD", ym(2026, 10), Decimal::from(160)),
            rate("EUR", ym(2026, 4), Decimal::from(160)),
            rate("USD", ym(2026, 4), Decimal::from(150)),
        ];
        let a = assumptions_of(&plan, 1).unwrap();
        assert_eq!(a.name, "Stretch");
        assert_eq!(a.raise_pct, Decimal::new(52, 1));
        assert_eq!(a.raise_points, Decimal::new(15, 1));
        assert_eq!(a.attrition_pct, Decimal::from(12));
        assert_eq!(a.attrition_override_pct, Some(Decimal::from(12)));
        assert_eq!(a.hire_slip_months, 2);
        // The rates as forecast: 10 % more yen a unit; each currency's steps
        // by month, the currencies in the order first stated.
        assert_eq!(
            a.exchange_rates,
            [
                rate("USD", ym(2026, 4), Decimal::from(165)),
                rate("USD", ym(2026, 10), Decimal::from(176)),
                rate("EUR", ym(2026, 4), Decimal::from(176)),
            ]
        );
        // Before October the first step; across it both; after it the second.
        let usd = |first, last| -> Vec<Decimal> {
            a.rates_in_force(first, last)
                .into_iter()
                .filter(|r| r.currency == "USD")
                .map(|r| r.rate)
                .collect()
        };
        assert_eq!(usd(ym(2026, 4), ym(2026, 9)), [Decimal::from(165)]);
        assert_eq!(
            usd(ym(2026, 4), ym(2027, 3)),
            [Decimal::from(165), Decimal::from(176)]
        );
        assert_eq!(usd(ym(2027, 4), ym(2027, 9)), [Decimal::from(176)]);
        // Before any step, the first one (as the engine reads a path).
        assert_eq!(usd(ym(2025, 4), ym(2025, 9)), [Decimal::from(165)]);
        // The base states none of it.
        let base = assumptions_of(&plan, 0).unwrap();
        assert_eq!(base.fx_pct, Decimal::ZERO);
        assert!(base.exchange_rates.is_empty());
        assert_eq!(base.attrition_override_pct, None);
        assert!(assumptions_of(&plan, 2).is_none());
    }

    #[test]
    fn cloud_growth_is_each_line_plus_the_what_if() {
        let plan =
            crate::format::plan_json::read_plan_file(include_str!("../../docs/example-plan.json"))
                .unwrap();
        let mut plan = plan;
        plan.scenarios[1].adjustments.cloud_growth_points = Decimal::new(5, 1);
        let a = assumptions_of(&plan, 1).unwrap();
        let growth: Vec<Decimal> = a.cloud_growth.iter().map(|g| g.monthly_pct).collect();
        // Aggressive states 3, 1.5 and 4 % a month; the what-if adds 0.5.
        assert_eq!(
            growth,
            [Decimal::new(35, 1), Decimal::from(2), Decimal::new(45, 1)]
        );
        assert_eq!(
            a.cloud_growth_range(),
            Some((Decimal::from(2), Decimal::new(45, 1)))
        );
        // 2 % a month compounds to 26.82 % a year.
        assert_eq!(a.cloud_growth[1].annual_pct, Some(Decimal::new(2682, 2)));
        let base = assumptions_of(&plan, 0).unwrap();
        assert_eq!(base.raise_pct, Decimal::new(37, 1));
        assert_eq!(
            base.team_attrition,
            [("Data".to_string(), Decimal::new(142, 1))]
        );
    }
}
