//! A scenario's forecast as totals: per month and category, per month, team
//! and category, and headcount per month. Built as a [`LedgerSink`], so every
//! total is the sum of the ledger rows it comes from.
//!
//! Totals are `i128` minor units: a single amount fits an `i64`, a sum of
//! hundreds of thousands of them might not.

use rust_decimal::Decimal;

use super::date::YearMonth;
use super::ledger::{Activity, CATEGORY_COUNT, Category, LedgerRow, LedgerSink};
use super::money::{Currency, format_minor};
use super::plan::Plan;

/// Headcount of one month (for the scenario or one team).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Headcount {
    /// Positions active on the month's last day.
    pub heads: u32,
    /// Their FTE, in millionths.
    pub fte_micro: i64,
    /// Open or planned positions starting in the month.
    pub hires: u32,
    /// Positions whose end date is in the month.
    pub departures: u32,
    /// Σ FTE (millionths) × days active, over every position active in the month.
    pub fte_micro_days: i64,
}

impl Headcount {
    /// FTE of the positions active on the month's last day.
    pub fn fte(&self) -> Decimal {
        Decimal::from_i128_with_scale(i128::from(self.fte_micro), 6).normalize()
    }

    fn remove(&mut self, a: &Activity) {
        if a.on_last_day {
            self.heads = self.heads.wrapping_sub(1);
            self.fte_micro = self.fte_micro.wrapping_sub(a.fte_micro);
        }
        self.hires = self.hires.wrapping_sub(u32::from(a.hire));
        self.departures = self.departures.wrapping_sub(u32::from(a.departure));
        self.fte_micro_days = self
            .fte_micro_days
            .wrapping_sub(a.fte_micro.wrapping_mul(i64::from(a.days_active)));
    }

    fn add(&mut self, a: &Activity) {
        if a.on_last_day {
            self.heads += 1;
            self.fte_micro = self.fte_micro.saturating_add(a.fte_micro);
        }
        self.hires += u32::from(a.hire);
        self.departures += u32::from(a.departure);
        self.fte_micro_days = self
            .fte_micro_days
            .saturating_add(a.fte_micro.saturating_mul(i64::from(a.days_active)));
    }
}

/// Totals and headcount of one scenario over the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioForecast {
    scenario: usize,
    name: String,
    currency: Currency,
    fiscal_year_start_month: u8,
    months: Vec<YearMonth>,
    teams: Vec<String>,
    /// `months × (teams + 1)`; the last slot of each month is "no team".
    by_team: Vec<[i128; CATEGORY_COUNT]>,
    headcount: Vec<Headcount>,
    /// `months × teams`.
    team_headcount: Vec<Headcount>,
}

impl ScenarioForecast {
    /// Empty totals shaped for scenario `scenario` of `plan` (no rows yet).
    pub fn for_scenario(plan: &Plan, scenario: usize) -> Self {
        let months = plan.months();
        let (name, teams) = plan.scenarios.get(scenario).map_or_else(
            || (String::new(), Vec::new()),
            |s| {
                (
                    s.name.clone(),
                    s.teams.iter().map(|t| t.name.clone()).collect(),
                )
            },
        );
        let n = months.len();
        let team_count: usize = teams.len();
        Self {
            scenario,
            name,
            currency: plan
                .currency()
                .or_else(|| Currency::from_code("JPY"))
                .unwrap_or(Currency::all()[0]),
            fiscal_year_start_month: plan.fiscal_year_start_month,
            by_team: vec![[0; CATEGORY_COUNT]; n * (team_count + 1)],
            headcount: vec![Headcount::default(); n],
            team_headcount: vec![Headcount::default(); n * team_count],
            months,
            teams,
        }
    }

    pub fn scenario(&self) -> usize {
        self.scenario
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    pub fn fiscal_year_start_month(&self) -> u8 {
        self.fiscal_year_start_month
    }

    /// The horizon's months; index `m` of every other method is into this.
    pub fn months(&self) -> &[YearMonth] {
        &self.months
    }

    /// Team names; a team index is into this.
    pub fn teams(&self) -> &[String] {
        &self.teams
    }

    /// Total of month `m` in minor units (0 outside the horizon).
    pub fn month_total(&self, m: usize) -> i128 {
        self.month_categories(m).iter().sum()
    }

    /// Total of one category in month `m`.
    pub fn month_category(&self, m: usize, category: Category) -> i128 {
        self.month_categories(m)[category.index()]
    }

    /// Per-category totals of month `m`, in [`Category::ALL`] order.
    pub fn month_categories(&self, m: usize) -> [i128; CATEGORY_COUNT] {
        // Kept per team only (half the additions while forecasting); a
        // month's totals are the sum of its team cells.
        let width = self.teams.len() + 1;
        let mut totals = [0_i128; CATEGORY_COUNT];
        for cells in self.by_team.iter().skip(m * width).take(width) {
            for (total, cell) in totals.iter_mut().zip(cells) {
                *total += cell;
            }
        }
        totals
    }

    /// Per-category totals of one team (`None`: costs of no team) in month `m`.
    pub fn team_categories(&self, m: usize, team: Option<usize>) -> [i128; CATEGORY_COUNT] {
        self.team_slot(m, team)
            .and_then(|i| self.by_team.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// Total over the horizon.
    pub fn total(&self) -> i128 {
        (0..self.months.len()).map(|m| self.month_total(m)).sum()
    }

    /// Total of one category over the horizon.
    pub fn category_total(&self, category: Category) -> i128 {
        self.by_team.iter().map(|c| c[category.index()]).sum()
    }

    /// Month `m`'s total, formatted for the currency ("500,000").
    pub fn month_total_text(&self, m: usize) -> String {
        format_minor(self.month_total(m), self.currency)
    }

    /// The horizon's total, formatted for the currency.
    pub fn total_text(&self) -> String {
        format_minor(self.total(), self.currency)
    }

    /// Headcount of month `m` (zero outside the horizon).
    pub fn headcount(&self, m: usize) -> Headcount {
        self.headcount.get(m).copied().unwrap_or_default()
    }

    /// Headcount of one team in month `m`.
    pub fn team_headcount(&self, m: usize, team: usize) -> Headcount {
        if team >= self.teams.len() {
            return Headcount::default();
        }
        self.team_headcount
            .get(m * self.teams.len() + team)
            .copied()
            .unwrap_or_default()
    }

    fn team_slot(&self, m: usize, team: Option<usize>) -> Option<usize> {
        let width = self.teams.len() + 1;
        let slot = match team {
            Some(t) if t < self.teams.len() => t,
            Some(_) => return None,
            None => self.teams.len(),
        };
        Some(m * width + slot)
    }
}

/// Takes one position's rows and activity back out of a forecast: what the
/// forecast was before the position was added. Used to update totals when
/// one position changes (see [`forecast_after_position_edit`](super::forecast::forecast_after_position_edit)).
pub struct Retract<'a>(pub &'a mut ScenarioForecast);

impl LedgerSink for Retract<'_> {
    fn row(&mut self, row: &LedgerRow) {
        let negated = LedgerRow {
            amount_minor: -row.amount_minor,
            foreign: row.foreign.negated(),
            ..*row
        };
        self.0.row(&negated);
    }

    fn wants_position_rows(&self) -> bool {
        false
    }

    fn position_month(&mut self, month: u16, team: u32, by_category: &[i128; CATEGORY_COUNT]) {
        let mut negated = *by_category;
        for cell in &mut negated {
            *cell = -*cell;
        }
        self.0.position_month(month, team, &negated);
    }

    fn activity(&mut self, activity: &Activity) {
        let forecast = &mut *self.0;
        let m = usize::from(activity.month);
        if let Some(h) = forecast.headcount.get_mut(m) {
            h.remove(activity);
        }
        let team = activity.team as usize;
        if team < forecast.teams.len()
            && let Some(h) = forecast
                .team_headcount
                .get_mut(m * forecast.teams.len() + team)
        {
            h.remove(activity);
        }
    }
}

impl LedgerSink for ScenarioForecast {
    #[inline]
    fn row(&mut self, row: &LedgerRow) {
        let m = usize::from(row.month);
        // A team the forecast does not know counts as no team: every row
        // stays in the totals.
        let team = row
            .team
            .map(|t| t as usize)
            .filter(|&t| t < self.teams.len());
        if let Some(cell) = self
            .team_slot(m, team)
            .and_then(|i| self.by_team.get_mut(i))
            .and_then(|r| r.get_mut(row.category.index()))
        {
            *cell += i128::from(row.amount_minor);
        }
    }

    /// Positions arrive summed per month and category (the same amounts as
    /// their rows), which saves additions per row.
    fn wants_position_rows(&self) -> bool {
        false
    }

    #[inline]
    fn position_month(&mut self, month: u16, team: u32, by_category: &[i128; CATEGORY_COUNT]) {
        let m = usize::from(month);
        let team = Some(team as usize).filter(|&t| t < self.teams.len());
        if let Some(cells) = self
            .team_slot(m, team)
            .and_then(|i| self.by_team.get_mut(i))
        {
            // An index loop: iterator adaptors stay out-of-line calls when
            // optimising for size (the release profile).
            let mut c = 0;
            while c < CATEGORY_COUNT {
                cells[c] += by_category[c];
                c += 1;
            }
        }
    }

    fn activity(&mut self, activity: &Activity) {
        let m = usize::from(activity.month);
        if let Some(h) = self.headcount.get_mut(m) {
            h.add(activity);
        }
        let team = activity.team as usize;
        if team < self.teams.len()
            && let Some(h) = self.team_headcount.get_mut(m * self.teams.len() + team)
        {
            h.add(activity);
        }
    }
}
