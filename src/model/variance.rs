//! Budget against actual (予実), and every scenario's latest estimate
//! (着地見込み): the actuals through the closed month plus the scenario's
//! forecast after it.
//!
//! Everything here is sums of minor units (`i128`), so every total is the
//! sum of its rows and every bridge sums exactly to its difference. The only
//! rounding is a variance's percentage, rounded once for display
//! ([`Figures::variance_pct`]). docs/actuals.md has a worked example.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use rust_decimal::Decimal;

use super::date::YearMonth;
use super::ledger::{CATEGORY_COUNT, Category};
use super::money::to_minor;
use super::plan::Plan;
use super::summary::FiscalYear;
use super::totals::ScenarioForecast;

/// A budget and an actual, in minor units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub budget: i128,
    pub actual: i128,
}

impl Figures {
    /// Actual − budget: positive is over budget (bad for a cost).
    pub fn variance(&self) -> i128 {
        self.actual - self.budget
    }

    /// The variance as a percentage of the budget's size, rounded half away
    /// from zero to one decimal; `None` when the budget is zero.
    pub fn variance_pct(&self) -> Option<Decimal> {
        pct_of(self.variance(), self.budget)
    }

    fn add(&mut self, other: Figures) {
        self.budget += other.budget;
        self.actual += other.actual;
    }
}

/// `part` as a percentage of `whole`, one decimal, half away from zero.
pub fn pct_of(part: i128, whole: i128) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    // part × 1000 ÷ |whole| in tenths of a percent, rounded half away from
    // zero: the sign stays the variance's (positive is over budget), also
    // against a negative budget (a planned credit).
    let tenths = super::money::div_round(part.checked_mul(1000)?, whole.abs());
    Decimal::try_from_i128_with_scale(tenths, 1).ok()
}

/// Which part of the costs a figure covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    All,
    Category(Category),
    /// A team slot ([`BudgetActual::teams`]).
    Team(usize),
    TeamCategory(usize, Category),
}

/// How many months of the horizon are closed: those through `closed_through`.
pub fn closed_months(plan: &Plan) -> usize {
    let Some(closed) = plan.actuals.closed_through else {
        return 0;
    };
    let through = i64::from(closed.index()) - i64::from(plan.horizon.start.index()) + 1;
    through.clamp(0, i64::from(plan.horizon.months)) as usize
}

/// The fiscal years the horizon touches, each with its months' range.
pub fn fiscal_years(
    months: &[YearMonth],
    fiscal_start_month: u8,
) -> Vec<(FiscalYear, Range<usize>)> {
    let mut years: Vec<(FiscalYear, Range<usize>)> = Vec::new();
    for (m, month) in months.iter().enumerate() {
        let year = FiscalYear::of(*month, fiscal_start_month);
        match years.last_mut() {
            Some((last, range)) if *last == year => range.end = m + 1,
            _ => years.push((year, m..m + 1)),
        }
    }
    years
}

/// The actual amounts of a plan in minor units, by month, team and
/// category, for any scenario to read.
#[derive(Clone, Debug)]
pub struct ActualGrid {
    months: usize,
    /// The teams the actuals name, sorted, then `None` (costs of no team).
    teams: Vec<Option<String>>,
    /// `months × teams`, month-major.
    cells: Vec<[i128; CATEGORY_COUNT]>,
    /// `months × teams`: heads (and FTE in millionths) where given.
    heads: Vec<Option<(u32, Option<i64>)>>,
    closed: usize,
}

impl ActualGrid {
    pub fn of(plan: &Plan) -> Self {
        let months = usize::from(plan.horizon.months);
        let mut teams: Vec<Option<String>> = plan
            .actuals
            .teams()
            .into_iter()
            .map(|t| Some(t.to_string()))
            .collect();
        teams.push(None);
        let slot: HashMap<Option<&str>, usize> = teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_deref(), i))
            .collect();
        let exponent = plan.currency_exponent();
        let start = plan.horizon.start.index();
        let month_of = |month: YearMonth| {
            usize::try_from(month.index() - start)
                .ok()
                .filter(|&m| m < months)
        };
        let mut cells = vec![[0_i128; CATEGORY_COUNT]; months * teams.len()];
        for actual in &plan.actuals.amounts {
            // Validation keeps actuals inside the horizon and the currency's
            // decimals; anything else is left out rather than guessed.
            let (Some(m), Some(minor)) =
                (month_of(actual.month), to_minor(actual.amount, exponent))
            else {
                continue;
            };
            let t = slot[&actual.team.as_deref()];
            cells[m * teams.len() + t][actual.category.index()] += i128::from(minor);
        }
        let mut heads = vec![None; months * teams.len()];
        for h in &plan.actuals.heads {
            let Some(m) = month_of(h.month) else { continue };
            let t = slot[&Some(h.team.as_str())];
            let fte = h.fte.and_then(|f| to_minor(f, 6));
            heads[m * teams.len() + t] = Some((h.heads, fte));
        }
        Self {
            months,
            teams,
            cells,
            heads,
            closed: closed_months(plan),
        }
    }

    /// Months of the horizon whose actuals are final.
    pub fn closed(&self) -> usize {
        self.closed
    }

    pub fn teams(&self) -> &[Option<String>] {
        &self.teams
    }

    pub fn months(&self) -> usize {
        self.months
    }

    /// One month's actuals of one team slot, by category.
    pub fn cell(&self, month: usize, slot: usize) -> [i128; CATEGORY_COUNT] {
        self.cells[month * self.teams.len() + slot]
    }

    /// One month's actuals of every team, by category.
    pub fn month_categories(&self, month: usize) -> [i128; CATEGORY_COUNT] {
        let mut sum = [0; CATEGORY_COUNT];
        for t in 0..self.teams.len() {
            add_into(&mut sum, &self.cell(month, t));
        }
        sum
    }

    fn slot(&self, team: Option<&str>) -> Option<usize> {
        self.teams.iter().position(|t| t.as_deref() == team)
    }

    /// One team's heads (and FTE in millionths) at the end of a month, where given.
    pub fn heads(&self, month: usize, team: &str) -> Option<(u32, Option<i64>)> {
        self.slot(Some(team))
            .and_then(|t| self.heads[month * self.teams.len() + t])
    }

    /// Whether any heads were given for the month.
    pub fn has_heads(&self, month: usize) -> bool {
        let n = self.teams.len();
        self.heads[month * n..(month + 1) * n]
            .iter()
            .any(Option::is_some)
    }
}

fn add_into(sum: &mut [i128; CATEGORY_COUNT], add: &[i128; CATEGORY_COUNT]) {
    for (s, a) in sum.iter_mut().zip(add) {
        *s += a;
    }
}

/// The budget scenario against the actuals, by month, team and category.
/// Teams are matched by name; a team only the actuals name, or only the
/// budget, has zeros on the other side.
#[derive(Clone, Debug)]
pub struct BudgetActual {
    months: Vec<YearMonth>,
    fiscal_start_month: u8,
    /// The budget's teams, then teams only the actuals name, then `None`.
    teams: Vec<Option<String>>,
    /// `months × teams`, month-major.
    cells: Vec<[Figures; CATEGORY_COUNT]>,
    /// `months × teams`: planned heads, and actual heads where given.
    heads: Vec<(u32, Option<u32>)>,
    closed: usize,
}

impl BudgetActual {
    pub fn new(plan: &Plan, budget: &ScenarioForecast) -> Self {
        Self::with_grid(&ActualGrid::of(plan), budget)
    }

    pub fn with_grid(actuals: &ActualGrid, budget: &ScenarioForecast) -> Self {
        let months = budget.months().to_vec();
        let budget_teams = budget.teams();
        let mut teams: Vec<Option<String>> = budget_teams.iter().cloned().map(Some).collect();
        for t in actuals.teams().iter().flatten() {
            if !budget_teams.contains(t) {
                teams.push(Some(t.clone()));
            }
        }
        teams.push(None);
        let n = teams.len();
        let mut cells = vec![[Figures::default(); CATEGORY_COUNT]; months.len() * n];
        let mut heads = vec![(0_u32, None); months.len() * n];
        let actual_slot: Vec<Option<usize>> =
            teams.iter().map(|t| actuals.slot(t.as_deref())).collect();
        for m in 0..months.len() {
            for (t, team) in teams.iter().enumerate() {
                let cell = &mut cells[m * n + t];
                let planned = if t < budget_teams.len() {
                    budget.team_categories(m, Some(t))
                } else if team.is_none() {
                    budget.team_categories(m, None)
                } else {
                    [0; CATEGORY_COUNT]
                };
                let actual = match actual_slot[t] {
                    Some(a) if m < actuals.months() => actuals.cell(m, a),
                    _ => [0; CATEGORY_COUNT],
                };
                for c in 0..CATEGORY_COUNT {
                    cell[c] = Figures {
                        budget: planned[c],
                        actual: actual[c],
                    };
                }
                if let Some(name) = team {
                    let planned_heads = if t < budget_teams.len() {
                        budget.team_headcount(m, t).heads
                    } else {
                        0
                    };
                    let actual_heads = (m < actuals.months())
                        .then(|| actuals.heads(m, name))
                        .flatten()
                        .map(|(h, _)| h);
                    heads[m * n + t] = (planned_heads, actual_heads);
                }
            }
        }
        Self {
            months,
            fiscal_start_month: budget.fiscal_year_start_month(),
            teams,
            cells,
            heads,
            closed: actuals.closed().min(budget.months().len()),
        }
    }

    pub fn months(&self) -> &[YearMonth] {
        &self.months
    }

    /// Months of the horizon whose actuals are final (from its start).
    pub fn closed(&self) -> usize {
        self.closed
    }

    /// The team slots: the budget's teams, teams only the actuals name,
    /// then `None` for costs of no team.
    pub fn teams(&self) -> &[Option<String>] {
        &self.teams
    }

    /// The fiscal years of the horizon with their months.
    pub fn fiscal_years(&self) -> Vec<(FiscalYear, Range<usize>)> {
        fiscal_years(&self.months, self.fiscal_start_month)
    }

    /// The closed months of `year`: its year to date.
    pub fn to_date(&self, year: &Range<usize>) -> Range<usize> {
        year.start..year.end.min(self.closed).max(year.start)
    }

    /// The budget and actual of one month for `pick`.
    pub fn month(&self, month: usize, pick: Pick) -> Figures {
        let n = self.teams.len();
        let row = &self.cells[month * n..(month + 1) * n];
        let mut sum = Figures::default();
        match pick {
            Pick::All => row.iter().flatten().for_each(|f| sum.add(*f)),
            Pick::Category(c) => row.iter().for_each(|cell| sum.add(cell[c.index()])),
            Pick::Team(t) => row[t].iter().for_each(|f| sum.add(*f)),
            Pick::TeamCategory(t, c) => sum = row[t][c.index()],
        }
        sum
    }

    /// The budget and actual over `months` for `pick`.
    pub fn over(&self, months: Range<usize>, pick: Pick) -> Figures {
        let mut sum = Figures::default();
        for m in months {
            sum.add(self.month(m, pick));
        }
        sum
    }

    /// Planned heads and, where imported, actual heads of a team slot at a
    /// month's end.
    pub fn team_heads(&self, month: usize, slot: usize) -> (u32, Option<u32>) {
        self.heads[month * self.teams.len() + slot]
    }

    /// Planned heads of every team, and actual heads where any team's were
    /// given for the month (teams without a count add nothing).
    pub fn heads(&self, month: usize) -> (u32, Option<u32>) {
        let n = self.teams.len();
        let row = &self.heads[month * n..(month + 1) * n];
        let planned = row.iter().map(|h| h.0).sum();
        let given: Vec<u32> = row.iter().filter_map(|h| h.1).collect();
        (planned, (!given.is_empty()).then(|| given.iter().sum()))
    }
}

/// One scenario's latest estimate of a fiscal year, by category, with the
/// budget it is measured against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LatestEstimate {
    pub year: FiscalYear,
    /// The year's months inside the horizon, and the closed ones among them.
    pub months: Range<usize>,
    pub to_date: Range<usize>,
    /// The budget scenario over the whole year, and over the closed months.
    pub budget: [i128; CATEGORY_COUNT],
    pub budget_to_date: [i128; CATEGORY_COUNT],
    /// Actuals over the closed months.
    pub actual_to_date: [i128; CATEGORY_COUNT],
    /// The scenario's forecast over the months after the closed one.
    pub forecast_rest: [i128; CATEGORY_COUNT],
}

impl LatestEstimate {
    /// Actual to date plus the rest of the year's forecast, per category.
    pub fn estimate(&self) -> [i128; CATEGORY_COUNT] {
        let mut e = self.actual_to_date;
        add_into(&mut e, &self.forecast_rest);
        e
    }

    pub fn estimate_total(&self) -> i128 {
        self.estimate().iter().sum()
    }

    pub fn budget_total(&self) -> i128 {
        self.budget.iter().sum()
    }

    pub fn actual_to_date_total(&self) -> i128 {
        self.actual_to_date.iter().sum()
    }

    pub fn budget_to_date_total(&self) -> i128 {
        self.budget_to_date.iter().sum()
    }
}

/// `scenario`'s latest estimate of the fiscal year whose months are `year`
/// (a range of the horizon), against `budget`.
pub fn latest_estimate(
    actuals: &ActualGrid,
    budget: &ScenarioForecast,
    scenario: &ScenarioForecast,
    year: FiscalYear,
    months: Range<usize>,
) -> LatestEstimate {
    let closed = actuals.closed();
    let to_date = months.start..months.end.min(closed).max(months.start);
    let mut estimate = LatestEstimate {
        year,
        months: months.clone(),
        to_date: to_date.clone(),
        budget: [0; CATEGORY_COUNT],
        budget_to_date: [0; CATEGORY_COUNT],
        actual_to_date: [0; CATEGORY_COUNT],
        forecast_rest: [0; CATEGORY_COUNT],
    };
    for m in months {
        let planned = budget.month_categories(m);
        add_into(&mut estimate.budget, &planned);
        if to_date.contains(&m) {
            add_into(&mut estimate.budget_to_date, &planned);
            add_into(&mut estimate.actual_to_date, &actuals.month_categories(m));
        } else {
            add_into(&mut estimate.forecast_rest, &scenario.month_categories(m));
        }
    }
    estimate
}

/// What a step of the budget-to-estimate bridge is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BridgePart {
    Category(Category),
    /// A team by name; `None` for costs of no team.
    Team(Option<String>),
}

/// How to break the bridge's two parts down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BridgeBy {
    Category,
    Team,
}

/// From the budget to a scenario's latest estimate of a fiscal year, in two
/// parts: the closed months' actuals against their budget, and the rest of
/// the year's forecast against its budget. Each part is broken down by
/// category or team, and the steps sum exactly to the difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateBridge {
    pub budget: i128,
    pub estimate: i128,
    /// Actual − budget over the closed months, per part (nonzero only).
    pub to_date: Vec<(BridgePart, i128)>,
    /// Forecast − budget over the months after, per part (nonzero only).
    pub rest_of_year: Vec<(BridgePart, i128)>,
}

impl EstimateBridge {
    pub fn difference(&self) -> i128 {
        self.estimate - self.budget
    }

    pub fn to_date_total(&self) -> i128 {
        self.to_date.iter().map(|(_, v)| v).sum()
    }

    pub fn rest_of_year_total(&self) -> i128 {
        self.rest_of_year.iter().map(|(_, v)| v).sum()
    }
}

/// The bridge from `budget` to `scenario`'s latest estimate over `months`.
pub fn estimate_bridge(
    actuals: &ActualGrid,
    budget: &ScenarioForecast,
    scenario: &ScenarioForecast,
    months: Range<usize>,
    by: BridgeBy,
) -> EstimateBridge {
    let closed = actuals.closed();
    let mut to_date: BTreeMap<BridgePart, i128> = BTreeMap::new();
    let mut rest: BTreeMap<BridgePart, i128> = BTreeMap::new();
    let mut budget_total = 0;
    let mut estimate_total = 0;
    // Adds `sign × amounts` of one forecast's team slots (or of the
    // actuals') into `into`.
    fn add_team_rows(
        into: &mut BTreeMap<BridgePart, i128>,
        by: BridgeBy,
        rows: impl Iterator<Item = (Option<String>, [i128; CATEGORY_COUNT])>,
        sign: i128,
    ) -> i128 {
        let mut total = 0;
        for (team, amounts) in rows {
            match by {
                BridgeBy::Category => {
                    for c in Category::ALL {
                        *into.entry(BridgePart::Category(c)).or_default() +=
                            sign * amounts[c.index()];
                    }
                }
                BridgeBy::Team => {
                    *into.entry(BridgePart::Team(team)).or_default() +=
                        sign * amounts.iter().sum::<i128>();
                }
            }
            total += amounts.iter().sum::<i128>();
        }
        total
    }
    fn forecast_rows(
        forecast: &ScenarioForecast,
        m: usize,
    ) -> impl Iterator<Item = (Option<String>, [i128; CATEGORY_COUNT])> + '_ {
        (0..forecast.teams().len())
            .map(move |t| {
                (
                    Some(forecast.teams()[t].clone()),
                    forecast.team_categories(m, Some(t)),
                )
            })
            .chain(std::iter::once((None, forecast.team_categories(m, None))))
    }
    for m in months {
        let into = if m < closed { &mut to_date } else { &mut rest };
        budget_total += add_team_rows(into, by, forecast_rows(budget, m), -1);
        if m < closed {
            let rows = (0..actuals.teams().len())
                .map(|t| (actuals.teams()[t].clone(), actuals.cell(m, t)));
            estimate_total += add_team_rows(into, by, rows, 1);
        } else {
            estimate_total += add_team_rows(into, by, forecast_rows(scenario, m), 1);
        }
    }
    let nonzero = |map: BTreeMap<BridgePart, i128>| -> Vec<(BridgePart, i128)> {
        map.into_iter().filter(|(_, v)| *v != 0).collect()
    };
    EstimateBridge {
        budget: budget_total,
        estimate: estimate_total,
        to_date: nonzero(to_date),
        rest_of_year: nonzero(rest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_away_from_zero_to_one_decimal() {
        let f = |budget, actual| Figures { budget, actual }.variance_pct();
        assert_eq!(f(1000, 1000), Some(Decimal::new(0, 1)));
        assert_eq!(f(3000, 3001), Some(Decimal::new(0, 1))); // 0.0333 %
        assert_eq!(f(2000, 2001), Some(Decimal::new(1, 1))); // 0.05 % → 0.1
        assert_eq!(f(2000, 1999), Some(Decimal::new(-1, 1)));
        assert_eq!(f(0, 5), None);
        // A negative budget (a credit planned) keeps the sign of the variance.
        assert_eq!(f(-100, -50), Some(Decimal::new(500, 1)));
    }
}
