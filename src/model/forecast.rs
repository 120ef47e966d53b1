//! The engine: a validated scenario, month by month, into ledger rows.
//!
//! The plan is first compiled into a compact form ([`PreparedScenario`]):
//! money as `i64` minor units, percentages, FTE and bonus months as exact
//! rationals. Each amount is then one [`mul_div`] of integer factors,
//! rounded once. Amounts that only change when their inputs change (a
//! raise, a partial month, the vacancy share growing) are recomputed only
//! then, which keeps the exact engine as fast as floating point.
//!
//! The rules and the point at which each amount is rounded are documented,
//! with worked examples, in `docs/model.md`.

use std::borrow::Cow;

use super::adjust::adjusted_scenario;
use super::date::YearMonth;
use super::exact::{Ratio, mul_div, saturate};
use super::ledger::{Activity, CATEGORY_COUNT, Category, Component, LedgerRow, LedgerSink, Source};
use super::money::{Currency, div_round, to_minor};
use super::plan::{CapPeriod, Employment, OtherCostKind, Plan, Scenario};
use super::problem::Problem;
use super::totals::ScenarioForecast;
use super::validate::{PlanError, validate_scenario};

/// Cloud costs compound month after month; between steps they are carried
/// at a billionth of a minor unit (see docs/model.md, "Cloud lines").
const CLOUD_CARRY: i128 = 1_000_000_000;

/// Forecasts scenario `scenario` of `plan`: totals per month, team and
/// category, and headcount. Errors name every invalid field.
pub fn forecast_scenario(plan: &Plan, scenario: usize) -> Result<ScenarioForecast, Vec<PlanError>> {
    let prepared = PreparedScenario::new(plan, scenario)?;
    let mut forecast = ScenarioForecast::for_scenario(plan, scenario);
    prepared.forecast(&mut forecast);
    Ok(forecast)
}

/// Forecasts scenario `scenario` into any sink (every ledger row and activity).
pub fn forecast_scenario_into<S: LedgerSink + ?Sized>(
    plan: &Plan,
    scenario: usize,
    sink: &mut S,
) -> Result<(), Vec<PlanError>> {
    let prepared = PreparedScenario::new(plan, scenario)?;
    prepared.forecast(sink);
    Ok(())
}

/// Forecasts one position of a scenario into a sink: its rows only. With
/// [`PreparedScenario`] this lets a caller update totals when one position
/// changes instead of recomputing the scenario.
pub fn forecast_position_into<S: LedgerSink + ?Sized>(
    plan: &Plan,
    scenario: usize,
    position: usize,
    sink: &mut S,
) -> Result<(), Vec<PlanError>> {
    let prepared = PreparedScenario::new(plan, scenario)?;
    if position >= prepared.positions.len() {
        return Err(vec![PlanError::at(
            format!("scenarios[{scenario}].positions"),
            Problem::NoSuchPosition {
                number: position + 1,
            },
        )]);
    }
    prepared.forecast_position(position, sink);
    Ok(())
}

/// The forecast of scenario `scenario` of `plan` after one edit changed
/// only position `index` (from `old` to what `plan` now holds), derived
/// from `previous`, the forecast before the edit: the old position's rows are
/// taken out and the new one's added, instead of recomputing every position.
/// Positions do not affect each other (caps, vacancy and tools are per
/// position), so the result equals a full forecast; the tests check that.
///
/// The caller vouches that nothing else changed. `None` when the edit cannot
/// be applied this way (the plan is invalid, the index is out of range, or
/// the team list differs from the forecast's, or the scenario has
/// what-if adjustments): then forecast in full.
pub fn forecast_after_position_edit(
    previous: &ScenarioForecast,
    plan: &Plan,
    scenario: usize,
    index: usize,
    old: &super::plan::Position,
) -> Option<ScenarioForecast> {
    let s = plan.scenarios.get(scenario)?;
    let new = s.positions.get(index)?;
    // An adjusted scenario's positions are not the plan's (hires slip):
    // a full run is simple and always right.
    if !s.adjustments.is_none()
        || previous.scenario() != scenario
        || previous.teams().len() != s.teams.len()
        || previous
            .teams()
            .iter()
            .zip(&s.teams)
            .any(|(a, b)| *a != b.name)
        || !validate_position(plan, scenario, index)
    {
        return None;
    }
    let mut forecast = previous.clone();
    let old_rules = PreparedScenario::compile_positions(
        plan,
        Cow::Borrowed(s),
        scenario,
        Some(std::slice::from_ref(old)),
    )?;
    old_rules.forecast_position(0, &mut super::totals::Retract(&mut forecast));
    let new_rules = PreparedScenario::compile_positions(
        plan,
        Cow::Borrowed(s),
        scenario,
        Some(std::slice::from_ref(new)),
    )?;
    new_rules.forecast_position(0, &mut forecast);
    Some(forecast)
}

/// Whether the plan's header and position `index` of the scenario are valid
/// (the rest was valid for the previous forecast and did not change).
fn validate_position(plan: &Plan, scenario: usize, index: usize) -> bool {
    let prefix = format!("scenarios[{scenario}].positions[{index}]");
    // Validation of one scenario is linear and cheap next to the forecast,
    // but the path filter keeps unrelated old problems from blocking.
    !validate_scenario(plan, scenario)
        .iter()
        .any(|e| !e.path.starts_with("scenarios[") || e.path.starts_with(&prefix))
}

/// One month of the horizon, as the engine needs it.
#[derive(Clone, Copy, Debug)]
struct MonthInfo {
    /// Month index (see [`YearMonth::index`]).
    index: i32,
    days: i64,
    calendar_month: u8,
    calendar_year: i32,
    /// Starting year of the fiscal year the month belongs to.
    fiscal_year: i32,
}

/// A burden component in minor units and rationals. Absent caps are `i64::MAX`.
#[derive(Clone, Copy, Debug)]
struct BurdenRule {
    rate: Ratio,
    on_base: bool,
    on_bonus: bool,
    monthly_pay_cap: i64,
    bonus_payment_cap: i64,
    bonus_fiscal_year_cap: i64,
    annual_pay_cap: i64,
    annual_cap_period: CapPeriod,
    age_dependent: bool,
}

/// `1 − v` for each k = 0..=L, over a common denominator, where
/// v = r/12 × min(k, L) is the expected vacant share of a seat.
#[derive(Clone, Debug)]
struct Vacancy {
    rate: Ratio,
    lag: usize,
    occupied: Vec<i64>,
    denominator: i64,
}

impl Vacancy {
    fn new(rate: Ratio, lag: u8) -> Option<Self> {
        let denominator = rate.d.checked_mul(12)?;
        let occupied = (0..=i64::from(lag))
            .map(|k| {
                // 1 − r·k/12 = (12·d − n·k) / (12·d), never below an empty seat.
                rate.n
                    .checked_mul(k)
                    .and_then(|vacant| denominator.checked_sub(vacant))
                    .map(|o| o.max(0))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self {
            rate,
            lag: usize::from(lag),
            occupied,
            denominator,
        })
    }

    /// Numerator and denominator of `1 − v` after `k` active months.
    #[inline]
    fn occupied(&self, k: usize) -> (i64, i64) {
        let numerator = self
            .occupied
            .get(k.min(self.lag))
            .copied()
            .unwrap_or(self.denominator);
        (numerator, self.denominator)
    }
}

/// The inputs of one position's amounts in one month, as the engine used them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthTrace {
    pub month: u16,
    /// Annual base in force (after raises), minor units, at full time.
    pub annual: i64,
    pub days_active: i64,
    pub days_in_month: i64,
    /// min(k, L): months of vacancy build-up counted.
    pub vacancy_step: usize,
    /// 1 − v as numerator and denominator.
    pub occupied: (i64, i64),
    /// The seat's booked pay of the month (burden basis), minor units.
    pub pay: i64,
    /// The bonus basis of a payout month (0 otherwise).
    pub bonus_basis: i64,
    /// Per applied burden component: its index and the pay it applied to after caps.
    pub burden_subjects: Vec<(u16, i64)>,
}

/// A position reduced to what the monthly loop needs.
#[derive(Clone, Copy, Debug)]
struct PositionRule {
    team: u32,
    employee: bool,
    hire: bool,
    age_dependent: bool,
    /// Annual base at full time, minor units, before raises in the horizon.
    annual: i64,
    fte: Ratio,
    fte_micro: i64,
    start_index: i32,
    start_day: u8,
    /// `i32::MAX` when open-ended.
    end_index: i32,
    end_day: u8,
    recruiting_fee: Ratio,
    /// Sum of the per-seat tools that apply to the position's team.
    tools_monthly: i64,
    /// Index into `PreparedScenario::vacancy`.
    vacancy: usize,
}

/// A scenario compiled for the engine. Build it once per plan change and
/// forecast all of it, or one position at a time.
#[derive(Clone, Debug)]
pub struct PreparedScenario<'a> {
    plan: &'a Plan,
    /// Borrowed from the plan, or an adjusted copy (see [`adjusted_scenario`]).
    scenario: Cow<'a, Scenario>,
    index: usize,
    currency: Currency,
    months: Vec<MonthInfo>,
    burden: Vec<BurdenRule>,
    /// Bonus months of pay by calendar month (index 1 to 12).
    bonus: [Option<Ratio>; 13],
    /// `1 + raise %`, or `None` without raises.
    raise: Option<Ratio>,
    raise_month: u8,
    equipment: i64,
    onboarding: i64,
    training_annual: i64,
    dev_cloud_monthly: i64,
    /// Index 0 is the scenario's attrition; team overrides follow.
    vacancy: Vec<Vacancy>,
    positions: Vec<PositionRule>,
}

/// Cap counters of one burden component for the position being computed.
#[derive(Clone, Copy, Debug)]
struct CapState {
    bonus_year: i32,
    bonus_used: i64,
    pay_year: i32,
    pay_used: i64,
    /// The last amount computed, with the subject and vacancy step it came from.
    memo_subject: i64,
    memo_k: usize,
    memo_amount: i64,
}

const FRESH_CAPS: CapState = CapState {
    bonus_year: i32::MIN,
    bonus_used: 0,
    pay_year: i32::MIN,
    pay_used: 0,
    memo_subject: -1,
    memo_k: usize::MAX,
    memo_amount: 0,
};

/// Amounts of a position-month that depend only on (annual base, share of
/// the month active, vacancy step): reused while those stay the same.
#[derive(Clone, Copy, Debug)]
struct Steady {
    key: (i64, i64, i64, usize),
    base: i64,
    pay: i64,
    training: i64,
    tools: i64,
    backfill_fee: i64,
    dev_cloud: i64,
}

impl<'a> PreparedScenario<'a> {
    /// Validates scenario `index` of `plan` and compiles it.
    pub fn new(plan: &'a Plan, index: usize) -> Result<Self, Vec<PlanError>> {
        let errors = validate_scenario(plan, index);
        if !errors.is_empty() {
            return Err(errors);
        }
        let scenario = plan
            .scenarios
            .get(index)
            .ok_or_else(|| vec![PlanError::at("scenarios", Problem::ScenarioMissing)])?;
        Self::compile(plan, adjusted_scenario(scenario), index).ok_or_else(|| {
            // Validation admits only plans that compile; this is a safety net.
            vec![PlanError::at(
                format!("scenarios[{index}]"),
                Problem::TooLargeToCompute,
            )]
        })
    }

    fn compile(plan: &'a Plan, scenario: Cow<'a, Scenario>, index: usize) -> Option<Self> {
        Self::compile_positions(plan, scenario, index, None)
    }

    /// Compiles the scenario's rules with `positions` standing in for its
    /// positions (`None`: all of its own; one for an incremental update).
    fn compile_positions(
        plan: &'a Plan,
        scenario: Cow<'a, Scenario>,
        index: usize,
        positions: Option<&[super::plan::Position]>,
    ) -> Option<Self> {
        let rules = ScenarioRules::compile(plan, &scenario, positions)?;
        Some(Self {
            plan,
            scenario,
            index,
            currency: rules.currency,
            months: rules.months,
            burden: rules.burden,
            bonus: rules.bonus,
            raise: rules.raise,
            raise_month: rules.raise_month,
            equipment: rules.equipment,
            onboarding: rules.onboarding,
            training_annual: rules.training_annual,
            dev_cloud_monthly: rules.dev_cloud_monthly,
            vacancy: rules.vacancy,
            positions: rules.positions,
        })
    }
}

/// The compiled fields of a [`PreparedScenario`], made before the scenario
/// (which may be an adjusted copy) moves into it.
struct ScenarioRules {
    currency: Currency,
    months: Vec<MonthInfo>,
    burden: Vec<BurdenRule>,
    bonus: [Option<Ratio>; 13],
    raise: Option<Ratio>,
    raise_month: u8,
    equipment: i64,
    onboarding: i64,
    training_annual: i64,
    dev_cloud_monthly: i64,
    vacancy: Vec<Vacancy>,
    positions: Vec<PositionRule>,
}

impl ScenarioRules {
    fn compile(
        plan: &Plan,
        scenario: &Scenario,
        positions: Option<&[super::plan::Position]>,
    ) -> Option<Self> {
        let positions = positions.unwrap_or(&scenario.positions);
        let currency = plan.currency()?;
        let exponent = currency.exponent();
        let money = |value| to_minor(value, exponent);
        let fy_start = plan.fiscal_year_start_month;
        let months = plan
            .months()
            .into_iter()
            .map(|ym: YearMonth| MonthInfo {
                index: ym.index(),
                days: i64::from(ym.days()),
                calendar_month: ym.month(),
                calendar_year: ym.year(),
                fiscal_year: if ym.month() >= fy_start {
                    ym.year()
                } else {
                    ym.year() - 1
                },
            })
            .collect();
        let people = &scenario.people;
        let cap = |value: Option<rust_decimal::Decimal>| match value {
            Some(v) => money(v),
            None => Some(i64::MAX),
        };
        let burden = people
            .burden
            .iter()
            .map(|c| {
                Some(BurdenRule {
                    rate: Ratio::from_pct(c.rate_pct)?,
                    on_base: c.on_base,
                    on_bonus: c.on_bonus,
                    monthly_pay_cap: cap(c.monthly_pay_cap)?,
                    bonus_payment_cap: cap(c.bonus_payment_cap)?,
                    bonus_fiscal_year_cap: cap(c.bonus_fiscal_year_cap)?,
                    annual_pay_cap: cap(c.annual_pay_cap.as_ref().map(|a| a.amount))?,
                    annual_cap_period: c
                        .annual_pay_cap
                        .as_ref()
                        .map_or(CapPeriod::CalendarYear, |a| a.period),
                    age_dependent: c.age_dependent,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let mut bonus = [None; 13];
        for payout in &people.bonus_payouts {
            let months = Ratio::from_decimal(payout.months)?;
            *bonus.get_mut(usize::from(payout.month))? = (!months.is_zero()).then_some(months);
        }
        let raise_pct = Ratio::from_pct(people.raise_pct)?;
        let raise = if raise_pct.is_zero() {
            None
        } else {
            Some(raise_pct.one_plus()?)
        };
        let scenario_fee = Ratio::from_pct(people.recruiting_fee_pct)?;

        let mut vacancy = vec![Vacancy::new(
            Ratio::from_pct(people.attrition.annual_rate_pct)?,
            people.attrition.backfill_lag_months,
        )?];
        let mut team_vacancy = Vec::with_capacity(scenario.teams.len());
        for team in &scenario.teams {
            match &team.attrition {
                Some(a) => {
                    team_vacancy.push(vacancy.len());
                    vacancy.push(Vacancy::new(
                        Ratio::from_pct(a.annual_rate_pct)?,
                        a.backfill_lag_months,
                    )?);
                }
                None => team_vacancy.push(0),
            }
        }

        let mut team_tools = vec![0_i64; scenario.teams.len()];
        for tool in &scenario.tools {
            let cost = money(tool.monthly_per_seat)?;
            for (t, team) in scenario.teams.iter().enumerate() {
                if tool.teams.is_empty() || tool.teams.contains(&team.name) {
                    let slot = team_tools.get_mut(t)?;
                    *slot = slot.saturating_add(cost);
                }
            }
        }

        // Team names to indexes once, not once per position.
        let team_of: std::collections::HashMap<&str, usize> = scenario
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        let micro = Ratio::from_decimal(rust_decimal::Decimal::from(1_000_000))?;
        let positions = positions
            .iter()
            .map(|p| {
                let team = *team_of.get(p.team.as_str())?;
                let fte = Ratio::from_decimal(p.fte)?;
                let annual = money(scenario.annual_base_of(p)?)?;
                let (end_index, end_day) = match p.end {
                    Some(end) => (end.year_month().index(), end.day()),
                    None => (i32::MAX, 31),
                };
                Some(PositionRule {
                    team: u32::try_from(team).ok()?,
                    employee: p.employment == Employment::Employee,
                    hire: p.status.is_hire(),
                    age_dependent: p.age_dependent_burden,
                    annual,
                    fte,
                    fte_micro: mul_div([fte.n, micro.n], [fte.d]),
                    start_index: p.start.year_month().index(),
                    start_day: p.start.day(),
                    end_index,
                    end_day,
                    recruiting_fee: match p.recruiting_fee_pct {
                        Some(pct) => Ratio::from_pct(pct)?,
                        None => scenario_fee,
                    },
                    tools_monthly: *team_tools.get(team)?,
                    vacancy: *team_vacancy.get(team)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;

        Some(Self {
            currency,
            months,
            burden,
            bonus,
            raise,
            raise_month: people.raise_month,
            equipment: money(people.per_hire.equipment)?,
            onboarding: money(people.per_hire.onboarding)?,
            training_annual: money(people.training_per_head_annual)?,
            dev_cloud_monthly: money(scenario.cloud.per_engineer_monthly)?,
            vacancy,
            positions,
        })
    }
}

impl<'a> PreparedScenario<'a> {
    pub fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// The scenario as forecast: with its adjustments applied.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn scenario_index(&self) -> usize {
        self.index
    }

    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Every row of the scenario: positions, then other costs, then cloud lines.
    pub fn forecast<S: LedgerSink + ?Sized>(&self, sink: &mut S) {
        let mut caps = vec![FRESH_CAPS; self.burden.len()];
        for p in 0..self.positions.len() {
            self.position_rows(p, &mut caps, sink, None);
        }
        self.line_rows(sink);
    }

    /// The rows and activity of one position.
    pub fn forecast_position<S: LedgerSink + ?Sized>(&self, position: usize, sink: &mut S) {
        let mut caps = vec![FRESH_CAPS; self.burden.len()];
        self.position_rows(position, &mut caps, sink, None);
    }

    /// The position's rows, and for each month it is active the inputs its
    /// amounts came from (for [`explain`](super::explain::explain)).
    pub fn trace_position<S: LedgerSink + ?Sized>(
        &self,
        position: usize,
        sink: &mut S,
    ) -> Vec<MonthTrace> {
        let mut caps = vec![FRESH_CAPS; self.burden.len()];
        let mut trace = Vec::new();
        self.position_rows(position, &mut caps, sink, Some(&mut trace));
        trace
    }

    /// The rows of other costs and cloud lines (no position).
    pub fn forecast_lines<S: LedgerSink + ?Sized>(&self, sink: &mut S) {
        self.line_rows(sink);
    }

    #[allow(clippy::too_many_lines)]
    fn position_rows<S: LedgerSink + ?Sized>(
        &self,
        index: usize,
        caps: &mut [CapState],
        sink: &mut S,
        mut trace: Option<&mut Vec<MonthTrace>>,
    ) {
        let Some(p) = self.positions.get(index) else {
            return;
        };
        let Some(first) = self.months.first() else {
            return;
        };
        let h0 = first.index;
        let horizon = self.months.len() as i64;
        // Months of the horizon in which the position works at all.
        let first_m = i64::from(p.start_index) - i64::from(h0);
        let last_m = i64::from(p.end_index) - i64::from(h0);
        let first_m = first_m.max(0);
        let last_m = last_m.min(horizon - 1);
        if first_m > last_m {
            return;
        }
        caps.fill(FRESH_CAPS);
        let wants_rows = sink.wants_position_rows();
        let source = Source::Position(index as u32);
        let team = Some(p.team);
        let vacancy = self.vacancy.get(p.vacancy).or(self.vacancy.first());
        let fee = p.recruiting_fee;
        let base_den = p.fte.d.saturating_mul(12);
        let mut annual = p.annual;
        let mut steady = Steady {
            key: (-1, 0, 0, usize::MAX),
            base: 0,
            pay: 0,
            training: 0,
            tools: 0,
            backfill_fee: 0,
            dev_cloud: 0,
        };

        for m in first_m..=last_m {
            let Some(month) = self.months.get(m as usize) else {
                break;
            };
            let mi = month.index;
            let days = month.days;
            let first_day = if mi == p.start_index {
                i64::from(p.start_day)
            } else {
                1
            };
            let last_day = if mi == p.end_index {
                i64::from(p.end_day).min(days)
            } else {
                days
            };
            let active = last_day - first_day + 1;
            if active <= 0 {
                continue;
            }
            let m16 = m as u16;
            let mut by_category = [0_i128; CATEGORY_COUNT];
            let mut emit = |category: Category, component: Component, amount: i64| {
                if amount != 0 {
                    by_category[category.index()] += i128::from(amount);
                    if wants_rows {
                        sink.row(&LedgerRow {
                            month: m16,
                            team,
                            source,
                            category,
                            component,
                            amount_minor: amount,
                        });
                    }
                }
            };

            // A raise applies to employees who started before the month's first day.
            if p.employee
                && month.calendar_month == self.raise_month
                && p.start_index < mi
                && let Some(raise) = self.raise
            {
                annual = mul_div([annual, raise.n], [raise.d]);
            }
            // Months active inside the horizon before this one.
            let k = (m - first_m) as usize;
            let (occupied, occupied_den, k_step) = match (p.employee, vacancy) {
                (true, Some(v)) => {
                    let (o, d) = v.occupied(k);
                    (o, d, k.min(v.lag))
                }
                _ => (1, 1, 0),
            };
            // The active share a = active / days, as 1/1 for a whole month.
            let (a_n, a_d) = if active == days {
                (1, 1)
            } else {
                (active, days)
            };

            let key = (annual, a_n, a_d, k_step);
            if steady.key != key {
                steady.key = key;
                steady.base = mul_div(
                    [annual, p.fte.n, a_n, occupied],
                    [base_den, a_d, occupied_den],
                );
                steady.pay = mul_div([annual, p.fte.n, a_n], [base_den, a_d]);
                steady.training = mul_div(
                    [self.training_annual, a_n, occupied],
                    [12, a_d, occupied_den],
                );
                steady.tools = mul_div([p.tools_monthly, occupied], [occupied_den]);
                steady.backfill_fee = match (p.employee, vacancy) {
                    (true, Some(v)) if !v.rate.is_zero() && !fee.is_zero() => mul_div(
                        [annual, v.rate.n, p.fte.n, a_n, fee.n],
                        [v.rate.d, 12, p.fte.d, a_d, fee.d],
                    ),
                    _ => 0,
                };
                steady.dev_cloud = mul_div([self.dev_cloud_monthly, p.fte.n, a_n], [p.fte.d, a_d]);
            }

            emit(Category::Base, Component::Main, steady.base);
            if let Some(trace) = trace.as_deref_mut() {
                trace.push(MonthTrace {
                    month: m16,
                    annual,
                    days_active: active,
                    days_in_month: days,
                    vacancy_step: k_step,
                    occupied: (occupied, occupied_den),
                    pay: steady.pay,
                    bonus_basis: 0,
                    burden_subjects: Vec::new(),
                });
            }

            // Bonus: paid in full if the position is active on the month's first day.
            let mut bonus_basis = 0;
            if p.employee
                && first_day == 1
                && let Some(Some(months)) = self.bonus.get(usize::from(month.calendar_month))
            {
                let bonus = mul_div(
                    [annual, p.fte.n, months.n, occupied],
                    [base_den, months.d, occupied_den],
                );
                emit(Category::Bonus, Component::Main, bonus);
                bonus_basis = mul_div([annual, p.fte.n, months.n], [base_den, months.d]);
                if let Some(month) = trace.as_deref_mut().and_then(|t| t.last_mut()) {
                    month.bonus_basis = bonus_basis;
                }
            }

            if p.employee {
                for (c, (rule, state)) in self.burden.iter().zip(caps.iter_mut()).enumerate() {
                    if rule.age_dependent && !p.age_dependent {
                        continue;
                    }
                    let mut subject = 0_i64;
                    if rule.on_base {
                        subject = steady.pay.min(rule.monthly_pay_cap);
                    }
                    if rule.on_bonus && bonus_basis > 0 {
                        let mut part = bonus_basis.min(rule.bonus_payment_cap);
                        if rule.bonus_fiscal_year_cap != i64::MAX {
                            if state.bonus_year != month.fiscal_year {
                                state.bonus_year = month.fiscal_year;
                                state.bonus_used = 0;
                            }
                            part = part
                                .min(rule.bonus_fiscal_year_cap - state.bonus_used)
                                .max(0);
                            state.bonus_used = state.bonus_used.saturating_add(part);
                        }
                        subject = subject.saturating_add(part);
                    }
                    if rule.annual_pay_cap != i64::MAX {
                        let year = match rule.annual_cap_period {
                            CapPeriod::CalendarYear => month.calendar_year,
                            CapPeriod::FiscalYear => month.fiscal_year,
                        };
                        if state.pay_year != year {
                            state.pay_year = year;
                            state.pay_used = 0;
                        }
                        subject = subject.min(rule.annual_pay_cap - state.pay_used).max(0);
                        state.pay_used = state.pay_used.saturating_add(subject);
                    }
                    let burden = if state.memo_subject == subject && state.memo_k == k_step {
                        state.memo_amount
                    } else {
                        let amount = mul_div(
                            [subject, rule.rate.n, occupied],
                            [rule.rate.d, occupied_den],
                        );
                        // Bonus months are one-offs: keep the regular month's amount
                        // for the months that follow.
                        if bonus_basis == 0 {
                            state.memo_subject = subject;
                            state.memo_k = k_step;
                            state.memo_amount = amount;
                        }
                        amount
                    };
                    if let Some(trace) = trace.as_deref_mut()
                        && let Some(month) = trace.last_mut()
                    {
                        month.burden_subjects.push((c as u16, subject));
                    }
                    emit(Category::Burden, Component::Burden(c as u16), burden);
                }
            }

            if p.hire && mi == p.start_index {
                emit(
                    Category::Recruiting,
                    Component::HireFee,
                    mul_div([annual, p.fte.n, fee.n], [p.fte.d, fee.d]),
                );
                emit(Category::Recruiting, Component::Onboarding, self.onboarding);
                emit(Category::Equipment, Component::Main, self.equipment);
            }
            emit(
                Category::Recruiting,
                Component::BackfillFee,
                steady.backfill_fee,
            );
            emit(Category::Tools, Component::Main, steady.tools);
            emit(Category::Training, Component::Main, steady.training);
            emit(
                Category::Cloud,
                Component::DevEnvironments,
                steady.dev_cloud,
            );

            sink.position_month(m16, p.team, &by_category);
            sink.activity(&Activity {
                month: m16,
                team: p.team,
                position: index as u32,
                days_active: active as u8,
                days_in_month: days as u8,
                fte_micro: p.fte_micro,
                on_last_day: last_day == days,
                hire: p.hire && mi == p.start_index,
                departure: mi == p.end_index,
            });
        }
    }

    fn line_rows<S: LedgerSink + ?Sized>(&self, sink: &mut S) {
        let exponent = self.currency.exponent();
        let Some(h0) = self.months.first().map(|m| m.index) else {
            return;
        };
        let teams = &self.scenario.teams;
        for (o, cost) in self.scenario.other_costs.iter().enumerate() {
            let team = cost
                .team
                .as_deref()
                .and_then(|name| teams.iter().position(|t| t.name == name))
                .map(|t| t as u32);
            let Some(amount) = to_minor(cost.amount, exponent) else {
                continue;
            };
            let start = cost.start.index();
            let row = |month: usize, amount: i64| LedgerRow {
                month: month as u16,
                team,
                source: Source::OtherCost(o as u32),
                category: Category::Other,
                component: Component::Main,
                amount_minor: amount,
            };
            match cost.kind {
                OtherCostKind::OneOff => {
                    let m = start - h0;
                    if m >= 0 && (m as usize) < self.months.len() && amount != 0 {
                        sink.row(&row(m as usize, amount));
                    }
                }
                OtherCostKind::Monthly => {
                    let escalation = Ratio::from_pct(cost.yearly_escalation_pct)
                        .and_then(Ratio::one_plus)
                        .unwrap_or(Ratio::ONE);
                    let end = cost.end.map_or(i32::MAX, |e| e.index());
                    // The amount in force: escalated (and rounded) on each anniversary.
                    let mut current = amount;
                    let mut year = 0;
                    for (m, month) in self.months.iter().enumerate() {
                        if month.index < start || month.index > end {
                            continue;
                        }
                        let years = (month.index - start) / 12;
                        while year < years {
                            current = mul_div([current, escalation.n], [escalation.d]);
                            year += 1;
                        }
                        if current != 0 {
                            sink.row(&row(m, current));
                        }
                    }
                }
            }
        }

        for (l, line) in self.scenario.cloud.lines.iter().enumerate() {
            let source = Source::CloudLine(l as u32);
            let Some(on_demand) = to_minor(line.on_demand_monthly, exponent) else {
                continue;
            };
            let growth = Ratio::from_pct(line.monthly_growth_pct)
                .and_then(Ratio::one_plus)
                .unwrap_or(Ratio::ONE);
            let commitment = line.commitment.as_ref().and_then(|c| {
                let share =
                    Ratio::from_pct(c.coverage_pct)?.times(Ratio::from_pct(c.discount_pct)?)?;
                Some((c.start.index(), share.one_minus()?))
            });
            let savings: Vec<(i32, Ratio)> = line
                .savings
                .iter()
                .filter_map(|s| Some((s.start.index(), Ratio::from_pct(s.pct)?.one_minus()?)))
                .collect();
            // The on-demand cost, carried at 10^-9 of a minor unit.
            let mut carried = i128::from(on_demand) * CLOUD_CARRY;
            for (m, month) in self.months.iter().enumerate() {
                if m > 0 {
                    carried = scale_carried(carried, growth);
                }
                let mut effective = carried;
                if let Some((start, factor)) = commitment
                    && month.index >= start
                {
                    effective = scale_carried(effective, factor);
                }
                for &(start, factor) in &savings {
                    if month.index >= start {
                        effective = scale_carried(effective, factor);
                    }
                }
                let amount = saturate(div_round(effective, CLOUD_CARRY));
                if amount != 0 {
                    sink.row(&LedgerRow {
                        month: m as u16,
                        team: None,
                        source,
                        category: Category::Cloud,
                        component: Component::Main,
                        amount_minor: amount,
                    });
                }
            }
            for (i, one_off) in line.one_offs.iter().enumerate() {
                let m = one_off.month.index() - h0;
                let Some(amount) = to_minor(one_off.amount, exponent) else {
                    continue;
                };
                if m >= 0 && (m as usize) < self.months.len() && amount != 0 {
                    sink.row(&LedgerRow {
                        month: m as u16,
                        team: None,
                        source,
                        category: Category::Cloud,
                        component: Component::OneOff(i as u16),
                        amount_minor: amount,
                    });
                }
            }
        }
    }
}

/// `value × factor`, rounded half away from zero at the carry precision.
fn scale_carried(value: i128, factor: Ratio) -> i128 {
    match value.checked_mul(i128::from(factor.n)) {
        Some(product) => div_round(product, i128::from(factor.d)),
        None => value.saturating_mul(i128::from(factor.n.signum())),
    }
}
