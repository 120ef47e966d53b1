//! Fiscal-year summaries of a scenario's forecast.
//!
//! A fiscal year is labelled by the calendar year it starts in: with an
//! April start, FY2026 (2026年度) runs from April 2026 to March 2027. A year
//! the horizon cuts is marked partial and summarises only its months inside
//! the horizon.

use rust_decimal::Decimal;
use std::fmt;

use super::date::YearMonth;
use super::ledger::{CATEGORY_COUNT, Category};
use super::money::div_round;
use super::plan::Plan;
use super::totals::ScenarioForecast;

/// Least common multiple of 28, 29, 30 and 31: the days of any month divide it.
const DAYS_LCM: i128 = 377_580;

/// A fiscal year, named by the calendar year it starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear {
    pub start_year: i32,
    /// The month it starts in, 1 to 12.
    pub start_month: u8,
}

impl FiscalYear {
    /// The fiscal year `month` belongs to, for years starting in `start_month`.
    pub fn of(month: YearMonth, start_month: u8) -> Self {
        let start_year = if month.month() >= start_month {
            month.year()
        } else {
            month.year() - 1
        };
        Self {
            start_year,
            start_month,
        }
    }

    /// "FY2026".
    pub fn label(self) -> String {
        format!("FY{}", self.start_year)
    }

    pub fn first_month(self) -> Option<YearMonth> {
        YearMonth::new(self.start_year, self.start_month).ok()
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FY{}", self.start_year)
    }
}

/// Totals of one team (or of costs of no team) over a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamYear {
    /// Index into the scenario's teams; `None` for costs of no team.
    pub team: Option<usize>,
    pub name: String,
    pub by_category: [i128; CATEGORY_COUNT],
    pub total: i128,
}

/// One fiscal year of one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiscalYearSummary {
    pub year: FiscalYear,
    /// Index of the year's first month inside the horizon.
    pub first_month: usize,
    /// Months of the year inside the horizon (12 unless partial).
    pub months: usize,
    /// The horizon cuts this year.
    pub partial: bool,
    /// Totals in minor units, in [`Category::ALL`] order.
    pub by_category: [i128; CATEGORY_COUNT],
    pub total: i128,
    /// Every team, then costs of no team (cloud lines, shared other costs).
    pub by_team: Vec<TeamYear>,
    /// Headcount and FTE on the last day of the year's last month in the horizon.
    pub heads_at_end: u32,
    pub fte_at_end: Decimal,
    pub hires: u32,
    pub departures: u32,
    /// Mean over the year's months of Σ FTE × (days active ÷ days in month),
    /// rounded to 6 decimals for display.
    pub average_fte: Decimal,
    /// Total ÷ average FTE (exact, rounded once); `None` without FTE.
    pub cost_per_engineer: Option<i128>,
    /// Cloud total ÷ average FTE; `None` without FTE.
    pub cloud_per_engineer: Option<i128>,
}

impl FiscalYearSummary {
    pub fn category(&self, category: Category) -> i128 {
        self.by_category[category.index()]
    }
}

/// The figures of any run of consecutive months of a forecast: a fiscal
/// year ([`FiscalYearSummary`] is built from it) or the whole horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodSummary {
    /// Index of the period's first month inside the horizon.
    pub first_month: usize,
    pub months: usize,
    /// Totals in minor units, in [`Category::ALL`] order.
    pub by_category: [i128; CATEGORY_COUNT],
    pub total: i128,
    /// Every team, then costs of no team (cloud lines, shared other costs).
    pub by_team: Vec<TeamYear>,
    /// Headcount and FTE on the last day of the period's last month.
    pub heads_at_end: u32,
    pub fte_at_end: Decimal,
    pub hires: u32,
    pub departures: u32,
    /// Mean over the months of Σ FTE × (days active ÷ days in month),
    /// rounded to 6 decimals for display.
    pub average_fte: Decimal,
    /// Total ÷ average FTE (exact, rounded once); `None` without FTE.
    pub cost_per_engineer: Option<i128>,
    /// Cloud total ÷ average FTE; `None` without FTE.
    pub cloud_per_engineer: Option<i128>,
}

impl PeriodSummary {
    pub fn category(&self, category: Category) -> i128 {
        self.by_category[category.index()]
    }
}

/// The fiscal years the horizon touches, in order.
/// (`plan` is the plan the forecast came from; the forecast carries what is needed.)
pub fn fiscal_year_summaries(_plan: &Plan, forecast: &ScenarioForecast) -> Vec<FiscalYearSummary> {
    let start_month = forecast.fiscal_year_start_month();
    let months = forecast.months();
    let mut summaries = Vec::new();
    let mut first = 0;
    while first < months.len() {
        let year = FiscalYear::of(months[first], start_month);
        let mut end = first;
        while end < months.len() && FiscalYear::of(months[end], start_month) == year {
            end += 1;
        }
        summaries.push(summarise(forecast, year, first, end));
        first = end;
    }
    summaries
}

fn summarise(
    forecast: &ScenarioForecast,
    year: FiscalYear,
    first: usize,
    end: usize,
) -> FiscalYearSummary {
    let period = period_summary(forecast, first, end);
    FiscalYearSummary {
        year,
        first_month: period.first_month,
        months: period.months,
        partial: period.months < 12,
        by_category: period.by_category,
        total: period.total,
        by_team: period.by_team,
        heads_at_end: period.heads_at_end,
        fte_at_end: period.fte_at_end,
        hires: period.hires,
        departures: period.departures,
        average_fte: period.average_fte,
        cost_per_engineer: period.cost_per_engineer,
        cloud_per_engineer: period.cloud_per_engineer,
    }
}

/// The figures of months `first..end` of the forecast (clamped to the
/// horizon); the rules are those of a fiscal year (docs/model.md).
pub fn period_summary(forecast: &ScenarioForecast, first: usize, end: usize) -> PeriodSummary {
    let end = end.min(forecast.months().len());
    let first = first.min(end);
    let count = end - first;
    let mut by_category = [0_i128; CATEGORY_COUNT];
    for m in first..end {
        for (total, value) in by_category.iter_mut().zip(forecast.month_categories(m)) {
            *total += value;
        }
    }
    let total = by_category.iter().sum();
    let team_count = forecast.teams().len();
    let by_team = (0..=team_count)
        .map(|t| {
            let team = (t < team_count).then_some(t);
            let mut by_category = [0_i128; CATEGORY_COUNT];
            for m in first..end {
                for (total, value) in by_category
                    .iter_mut()
                    .zip(forecast.team_categories(m, team))
                {
                    *total += value;
                }
            }
            TeamYear {
                team,
                name: team
                    .and_then(|t| forecast.teams().get(t).cloned())
                    .unwrap_or_default(),
                by_category,
                total: by_category.iter().sum(),
            }
        })
        .collect();

    // Average FTE = Σ_m (fte_micro_days_m / days_m) / (10^6 × months), exactly:
    // every month's days divide DAYS_LCM.
    let mut fte_numerator: i128 = 0;
    let mut hires = 0;
    let mut departures = 0;
    for m in first..end {
        let h = forecast.headcount(m);
        let days = forecast
            .months()
            .get(m)
            .map_or(30, |ym| i128::from(ym.days()));
        fte_numerator += i128::from(h.fte_micro_days) * (DAYS_LCM / days.max(1));
        hires += h.hires;
        departures += h.departures;
    }
    let fte_denominator = 1_000_000 * DAYS_LCM * count as i128;
    let average_fte =
        Decimal::try_from_i128_with_scale(div_round(fte_numerator * 1_000_000, fte_denominator), 6)
            .unwrap_or_default()
            .normalize();
    let per_engineer = |amount: i128| {
        (fte_numerator > 0)
            .then(|| amount.checked_mul(fte_denominator))
            .flatten()
            .map(|n| div_round(n, fte_numerator))
    };
    let at_end = forecast.headcount(end.saturating_sub(1));
    PeriodSummary {
        first_month: first,
        months: count,
        by_category,
        total,
        by_team,
        heads_at_end: at_end.heads,
        fte_at_end: at_end.fte(),
        hires,
        departures,
        average_fte,
        cost_per_engineer: per_engineer(total),
        cloud_per_engineer: per_engineer(by_category[Category::Cloud.index()]),
    }
}
