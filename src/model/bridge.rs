//! The bridge between two scenarios: how one's total differs from the
//! other's, by cost category and by team, over a fiscal year or the whole
//! horizon. Both breakdowns add up exactly to the difference of the totals
//! (docs/model.md, "Bridge").

use super::date::YearMonth;
use super::forecast::forecast_scenario;
use super::ledger::Category;
use super::plan::Plan;
use super::problem::Problem;
use super::summary::{FiscalYear, PeriodSummary, period_summary};
use super::totals::ScenarioForecast;
use super::validate::PlanError;

/// What the bridge calls costs that belong to no team (cloud lines, shared
/// other costs).
pub const NO_TEAM: &str = "No team";

/// `other_total − base_total`, broken down twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bridge {
    /// Scenario indexes.
    pub base: usize,
    pub other: usize,
    /// Totals in minor units.
    pub base_total: i128,
    pub other_total: i128,
    /// Other minus base, for every category in [`Category::ALL`] order.
    pub by_category: Vec<(Category, i128)>,
    /// Other minus base per team, matched by name: the base's teams in
    /// order, then teams only the other has, then [`NO_TEAM`].
    pub by_team: Vec<(String, i128)>,
    /// What the exchange rates alone explain: the other scenario at its
    /// own rates minus the other at the base's rates (0 without costs in
    /// other currencies). When it is not 0, `by_category` and `by_team`
    /// run from the base to the other at the base's rates, so the base's
    /// total, this step and either breakdown add up to the other's total.
    pub exchange_rate: i128,
}

impl Bridge {
    /// `other_total − base_total`.
    pub fn difference(&self) -> i128 {
        self.other_total - self.base_total
    }
}

/// The bridge from scenario `base` to scenario `other` over fiscal year
/// `year`, or the whole horizon with `None`. Fails with the errors of a
/// scenario that cannot be forecast, an unknown scenario, or a year outside
/// the horizon.
pub fn bridge(
    plan: &Plan,
    base: usize,
    other: usize,
    year: Option<FiscalYear>,
) -> Result<Bridge, Vec<PlanError>> {
    for index in [base, other] {
        if index >= plan.scenarios.len() {
            return Err(vec![PlanError::at(
                "scenarios",
                Problem::NoSuchScenario { number: index + 1 },
            )]);
        }
    }
    let mut errors = Vec::new();
    let mut forecasts = Vec::with_capacity(2);
    for index in [base, other] {
        match forecast_scenario(plan, index) {
            Ok(forecast) => forecasts.push(forecast),
            Err(mut e) => {
                // Plan-level errors come with both scenarios: keep them once.
                e.retain(|err| !errors.contains(err));
                errors.extend(e);
            }
        }
    }
    let [base_forecast, other_forecast] =
        <[ScenarioForecast; 2]>::try_from(forecasts).map_err(|_| errors)?;
    let at_base_rates = other_at_base_rates(plan, base, other)?;
    bridge_with_rates(
        base,
        other,
        &base_forecast,
        &other_forecast,
        at_base_rates.as_ref(),
        year,
    )
}

/// The other scenario forecast at the base's exchange rates, when its
/// foreign costs would convert differently; `None` when the rates change
/// nothing.
pub fn other_at_base_rates(
    plan: &Plan,
    base: usize,
    other: usize,
) -> Result<Option<ScenarioForecast>, Vec<PlanError>> {
    let (Some(b), Some(o), Some(currency)) = (
        plan.scenarios.get(base),
        plan.scenarios.get(other),
        plan.currency(),
    ) else {
        return Ok(None);
    };
    if base == other || super::fx::currencies_used(o, currency).is_empty() {
        return Ok(None);
    }
    let moved = super::fx::at_rates_of(o, b);
    if moved.exchange_rates == o.exchange_rates && moved.adjustments == o.adjustments {
        return Ok(None);
    }
    let mut copy = plan.clone();
    copy.scenarios[other] = moved;
    forecast_scenario(&copy, other).map(Some)
}

/// [`bridge`] from the two scenarios' forecasts (`base` and `other` are
/// their indexes), computed by the caller: the Compare view forecasts each
/// scenario once and draws every bridge and period from them.
pub fn bridge_of(
    base: usize,
    other: usize,
    base_forecast: &ScenarioForecast,
    other_forecast: &ScenarioForecast,
    year: Option<FiscalYear>,
) -> Result<Bridge, Vec<PlanError>> {
    bridge_with_rates(base, other, base_forecast, other_forecast, None, year)
}

/// [`bridge_of`] with an exchange-rate step: `at_base_rates` is the other
/// scenario forecast at the base's rates ([`other_at_base_rates`]).
pub fn bridge_with_rates(
    base: usize,
    other: usize,
    base_forecast: &ScenarioForecast,
    other_forecast: &ScenarioForecast,
    at_base_rates: Option<&ScenarioForecast>,
    year: Option<FiscalYear>,
) -> Result<Bridge, Vec<PlanError>> {
    let (first, end) = months_of(base_forecast, year)?;
    let base_period = period_summary(base_forecast, first, end);
    let other_period = period_summary(other_forecast, first, end);
    let moved_period = at_base_rates.map(|f| period_summary(f, first, end));
    let middle = moved_period.as_ref().unwrap_or(&other_period);
    Ok(Bridge {
        base,
        other,
        base_total: base_period.total,
        other_total: other_period.total,
        by_category: Category::ALL
            .iter()
            .map(|&c| (c, middle.category(c) - base_period.category(c)))
            .collect(),
        by_team: team_differences(&base_period, middle),
        exchange_rate: other_period.total - middle.total,
    })
}

/// The horizon's months (`None`) or those of fiscal year `year`, as a range
/// of month indexes.
fn months_of(
    forecast: &ScenarioForecast,
    year: Option<FiscalYear>,
) -> Result<(usize, usize), Vec<PlanError>> {
    let months = forecast.months();
    let Some(year) = year else {
        return Ok((0, months.len()));
    };
    // "FY2026" means the plan's fiscal year starting in 2026.
    let year = FiscalYear {
        start_year: year.start_year,
        start_month: forecast.fiscal_year_start_month(),
    };
    let in_year = |m: &YearMonth| FiscalYear::of(*m, year.start_month) == year;
    match months.iter().position(in_year) {
        Some(first) => {
            let count = months.iter().skip(first).take_while(|m| in_year(m)).count();
            Ok((first, first + count))
        }
        None => Err(vec![PlanError::at(
            "year",
            Problem::NotAFiscalYearOfHorizon { year },
        )]),
    }
}

/// Per team name, other minus base: the base's teams, then the other's
/// new teams, then costs of no team.
fn team_differences(base: &PeriodSummary, other: &PeriodSummary) -> Vec<(String, i128)> {
    let named = |period: &PeriodSummary| -> Vec<(String, i128)> {
        period
            .by_team
            .iter()
            .filter(|t| t.team.is_some())
            .map(|t| (t.name.clone(), t.total))
            .collect()
    };
    let no_team = |period: &PeriodSummary| -> i128 {
        period
            .by_team
            .iter()
            .filter(|t| t.team.is_none())
            .map(|t| t.total)
            .sum()
    };
    let other_teams = named(other);
    let other_total = |name: &str| -> i128 {
        other_teams
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, total)| total)
            .sum()
    };
    let base_teams = named(base);
    let mut rows: Vec<(String, i128)> = base_teams
        .iter()
        .map(|(name, total)| (name.clone(), other_total(name) - total))
        .collect();
    rows.extend(
        other_teams
            .iter()
            .filter(|(name, _)| !base_teams.iter().any(|(n, _)| n == name))
            .cloned(),
    );
    rows.push((NO_TEAM.to_string(), no_team(other) - no_team(base)));
    rows
}

/// The figures of the whole horizon, as a fiscal year's are computed: totals
/// by category and team, heads and FTE at the end, hires and departures,
/// average FTE, cost and cloud cost per engineer. (`plan` is the plan the
/// forecast came from; the forecast carries what is needed.)
pub fn horizon_summary(_plan: &Plan, forecast: &ScenarioForecast) -> PeriodSummary {
    period_summary(forecast, 0, forecast.months().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Date, OtherCost, OtherCostKind, PositionStatus, fiscal_year_summaries, generate_plan,
    };
    use rust_decimal::Decimal;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn fy(start_year: i32) -> FiscalYear {
        FiscalYear {
            start_year,
            start_month: 4,
        }
    }

    /// Base: one engineer on ¥6,000,000 in Platform. Stretch: the same, a
    /// Data hire on ¥6,000,000 from October 2026 and a ¥1,000,000 shared
    /// one-off in November 2026. Horizon April 2026, 18 months.
    fn worked_plan() -> Plan {
        let mut plan = Plan::blank(
            "Budget",
            "JPY",
            4,
            crate::model::YearMonth::new(2026, 4).unwrap(),
            18,
        );
        let base = &mut plan.scenarios[0];
        base.add_position(
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
        s.other_costs.push(OtherCost {
            currency: None,
            name: "Offsite".into(),
            team: None,
            kind: OtherCostKind::OneOff,
            amount: Decimal::from(1_000_000),
            start: crate::model::YearMonth::new(2026, 11).unwrap(),
            end: None,
            yearly_escalation_pct: Decimal::ZERO,
        });
        plan
    }

    #[test]
    fn the_worked_example_bridges_by_category_and_team() {
        let plan = worked_plan();
        let b = bridge(&plan, 0, 1, Some(fy(2026))).unwrap();
        assert_eq!((b.base, b.other), (0, 1));
        assert_eq!((b.base_total, b.other_total), (6_000_000, 10_000_000));
        assert_eq!(b.difference(), 4_000_000);
        let by_category: Vec<i128> = b.by_category.iter().map(|(_, v)| *v).collect();
        // Base salary +3,000,000 (six months of 500,000), other costs +1,000,000.
        assert_eq!(by_category, [3_000_000, 0, 0, 0, 0, 0, 0, 0, 1_000_000, 0]);
        assert_eq!(
            b.by_category.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            Category::ALL
        );
        assert_eq!(
            b.by_team,
            [
                ("Platform".to_string(), 0),
                ("Data".to_string(), 3_000_000),
                (NO_TEAM.to_string(), 1_000_000),
            ]
        );
        // The whole horizon (18 months): Data works 18 − 6 = 12 months.
        let whole = bridge(&plan, 0, 1, None).unwrap();
        assert_eq!(
            (whole.base_total, whole.other_total),
            (9_000_000, 16_000_000)
        );
        assert_eq!(whole.by_team[1], ("Data".to_string(), 6_000_000));
        // Bridged the other way round, every figure changes sign.
        let back = bridge(&plan, 1, 0, Some(fy(2026))).unwrap();
        assert_eq!(
            back.by_team,
            [
                ("Platform".to_string(), 0),
                ("Data".to_string(), -3_000_000),
                (NO_TEAM.to_string(), -1_000_000),
            ]
        );
    }

    #[test]
    fn teams_only_the_base_has_count_against_the_other() {
        let mut plan = worked_plan();
        plan.scenarios[1].rename_team("Platform", "Core").unwrap();
        let b = bridge(&plan, 0, 1, Some(fy(2026))).unwrap();
        assert_eq!(
            b.by_team,
            [
                ("Platform".to_string(), -6_000_000),
                // Only the other has these, in its order.
                ("Core".to_string(), 6_000_000),
                ("Data".to_string(), 3_000_000),
                (NO_TEAM.to_string(), 1_000_000),
            ]
        );
    }

    #[test]
    fn unknown_scenarios_years_and_invalid_plans_are_refused() {
        let mut plan = worked_plan();
        assert_eq!(
            bridge(&plan, 0, 2, None).unwrap_err()[0].message,
            "there is no scenario number 3"
        );
        let errors = bridge(&plan, 0, 1, Some(fy(2030))).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "year: FY2030 is not a fiscal year of the horizon"
        );
        // A partial year at the end of the horizon is a year of the horizon.
        assert!(bridge(&plan, 0, 1, Some(fy(2027))).is_ok());
        plan.scenarios[1].positions[0].fte = Decimal::from(2);
        let errors = bridge(&plan, 0, 1, None).unwrap_err();
        assert_eq!(errors[0].path, "scenarios[1].positions[0].fte");
        plan.currency = "XXX".into();
        let errors = bridge(&plan, 0, 1, None).unwrap_err();
        assert_eq!(errors.iter().filter(|e| e.path == "currency").count(), 1);
    }

    #[test]
    fn the_horizon_summary_adds_up_the_fiscal_years() {
        let plan = generate_plan(40, 30, 1, 9);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let years = fiscal_year_summaries(&plan, &forecast);
        assert_eq!(years.len(), 3, "a horizon over three fiscal years");
        let horizon = horizon_summary(&plan, &forecast);
        assert_eq!((horizon.first_month, horizon.months), (0, 30));
        assert_eq!(horizon.total, years.iter().map(|y| y.total).sum::<i128>());
        assert_eq!(horizon.total, forecast.total());
        for c in Category::ALL {
            assert_eq!(
                horizon.category(c),
                years.iter().map(|y| y.category(c)).sum::<i128>()
            );
        }
        for (t, team) in horizon.by_team.iter().enumerate() {
            assert_eq!(
                team.total,
                years.iter().map(|y| y.by_team[t].total).sum::<i128>()
            );
        }
        let last = years.last().unwrap();
        assert_eq!(
            (horizon.heads_at_end, horizon.fte_at_end),
            (last.heads_at_end, last.fte_at_end)
        );
        assert_eq!(horizon.hires, years.iter().map(|y| y.hires).sum::<u32>());
        assert!(horizon.cost_per_engineer.is_some());
    }

    #[test]
    fn a_horizon_of_one_fiscal_year_summarises_like_that_year() {
        let plan = worked_plan();
        let mut one_year = plan.clone();
        one_year.horizon.months = 12;
        let forecast = forecast_scenario(&one_year, 1).unwrap();
        let year = fiscal_year_summaries(&one_year, &forecast).remove(0);
        let horizon = horizon_summary(&one_year, &forecast);
        assert_eq!(horizon.total, 10_000_000);
        assert_eq!(
            (
                horizon.total,
                horizon.average_fte,
                horizon.cost_per_engineer
            ),
            (year.total, year.average_fte, year.cost_per_engineer)
        );
        // 12 + 6 engineer-months over 12 months: 1.5 FTE, 10,000,000 ÷ 1.5.
        assert_eq!(horizon.average_fte, Decimal::new(15, 1));
        assert_eq!(horizon.cost_per_engineer, Some(6_666_667));
    }
}
