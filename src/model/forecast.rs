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
use super::exact::{Ratio, mul_div};
use super::fx;
use super::grades;
use super::ledger::{
    Activity, CATEGORY_COUNT, Category, Component, Foreign, LedgerRow, LedgerSink, Source,
};
use super::money::{Currency, div_round, to_minor};
use super::plan::{BurdenBasis, CapPeriod, Employment, FirstBonus, OtherCostKind, Plan, Scenario};
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
    /// Starting year of Japan's April-to-March statutory year (the cap
    /// year of standard bonus amounts for health insurance).
    statutory_year: i32,
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
    basis: BurdenBasis,
    /// Which step of the component's schedule is in force (0: none yet).
    variant: u16,
}

/// A bonus payout month: months of pay and its assessment period, as the
/// offset from the payout month to the period's last month and its length.
#[derive(Clone, Copy, Debug)]
struct Payout {
    months: Ratio,
    period_end_offset: i32,
    period_len: i32,
}

/// How a graded component's standard monthly remuneration was determined
/// (docs/model.md, "Graded mode").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Determination {
    /// At hiring, from the expected monthly remuneration (資格取得時決定).
    AtHiring,
    /// In force at the horizon's start: the pay then (the person started before).
    AtHorizonStart,
    /// September redetermination from April to June pay (定時決定).
    September,
    /// A change of two grades or more, from the fourth month (随時改定).
    FourthMonth,
}

/// Whether a graded component charges its monthly premium in a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charge {
    /// Enrolled on the month's last day: the whole month on the grade.
    EnrolledAtMonthEnd,
    /// Joined and left in the same month (同月得喪): charged once for health.
    SameMonth,
    /// Eligibility lost in the month (left before its last day): no premium.
    NotCharged,
}

/// A graded component's grade in a month, as the engine used it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeTrace {
    pub number: u8,
    /// The grade's standard monthly remuneration, before the component's cap.
    pub standard: i64,
    /// The monthly remuneration the grade was determined from.
    pub determined_from: i64,
    pub determination: Determination,
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
    /// The month's fixed allowances as booked (prorated, before vacancy).
    pub allowances: i64,
    /// Monthly remuneration at a whole month: base × FTE ÷ 12 + allowances.
    pub remuneration: i64,
    /// Health and pension grades in force (graded components only).
    pub health_grade: Option<GradeTrace>,
    pub pension_grade: Option<GradeTrace>,
    pub charge: Charge,
    /// The standard bonus amount (the bonus truncated to ¥1,000), and
    /// whether graded components charge it (not in the month eligibility is lost).
    pub bonus_standard: i64,
    pub bonus_charged: bool,
    /// The first-bonus share applied: months worked of the assessment period's.
    pub bonus_share: (i64, i64),
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
    /// Index into `PreparedScenario::vacancy`.
    vacancy: usize,
    /// Pay stated by the month: a raise rounds the monthly base.
    monthly: bool,
    /// The position's allowances: `allowances[allowance_start..][..allowance_len]`.
    allowance_start: u32,
    allowance_len: u32,
    allowances_monthly: i64,
    /// Index into `PreparedScenario::per_head_sets`.
    per_head: u32,
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
    /// The burden rules in force, month by month: `burden[m * burden_count + c]`.
    burden: Vec<BurdenRule>,
    burden_count: usize,
    /// Whether a component uses the health or the pension grades.
    graded: [bool; 2],
    /// Bonus payouts by calendar month (index 1 to 12).
    bonus: [Option<Payout>; 13],
    first_bonus: FirstBonus,
    /// Every position's allowances, in minor units, one after another.
    allowances: Vec<i64>,
    /// Per-head costs that apply, per (rate period, team, contractor):
    /// (index, amount, the price in its own currency if not the plan's).
    per_head_sets: Vec<Vec<(u16, i64, Foreign)>>,
    /// The per-seat tools of each team, summed, per (rate period, team).
    team_tools: Vec<i64>,
    /// The same sums in the tools' currency, when all of a team's tools
    /// are in one other currency (`Foreign::NONE` otherwise).
    team_tools_foreign: Vec<Foreign>,
    /// The rate period of each month (see [`fx::rate_periods`]): prices in
    /// another currency are converted once per period.
    period_of: Vec<u16>,
    /// The scenario's exchange-rate paths.
    rates: fx::RatePaths,
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

/// The graded state of one position-month: health and pension.
#[derive(Clone, Copy, Debug)]
struct GradedMonth {
    health: Option<GradeTrace>,
    pension: Option<GradeTrace>,
}

/// Buffers reused from position to position.
#[derive(Clone, Debug, Default)]
struct Work {
    caps: Vec<CapState>,
    remuneration: Vec<i64>,
    graded: Vec<GradedMonth>,
    /// The position's allowance rows and per-head rows of the current
    /// steady state (see [`Steady`]).
    allowance_rows: Vec<i64>,
    /// Each per-head row's amount and, for a cost in another currency,
    /// its amount in that currency.
    per_head_rows: Vec<(i64, Foreign)>,
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
    memo_variant: u16,
    memo_amount: i64,
}

const FRESH_CAPS: CapState = CapState {
    bonus_year: i32::MIN,
    bonus_used: 0,
    pay_year: i32::MIN,
    pay_used: 0,
    memo_subject: -1,
    memo_k: usize::MAX,
    memo_variant: u16::MAX,
    memo_amount: 0,
};

/// Amounts of a position-month that depend only on (annual base, share of
/// the month active, vacancy step): reused while those stay the same.
#[derive(Clone, Copy, Debug)]
struct Steady {
    key: (i64, i64, i64, usize, u16),
    base: i64,
    pay: i64,
    training: i64,
    tools: i64,
    tools_foreign: Foreign,
    backfill_fee: i64,
    dev_cloud: i64,
    /// The month's allowances as booked, before vacancy (burden basis).
    allowance_pay: i64,
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
            burden_count: rules.burden_count,
            graded: rules.graded,
            bonus: rules.bonus,
            first_bonus: rules.first_bonus,
            allowances: rules.allowances,
            per_head_sets: rules.per_head_sets,
            team_tools: rules.team_tools,
            team_tools_foreign: rules.team_tools_foreign,
            period_of: rules.period_of,
            rates: rules.rates,
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
    burden_count: usize,
    graded: [bool; 2],
    bonus: [Option<Payout>; 13],
    first_bonus: FirstBonus,
    allowances: Vec<i64>,
    per_head_sets: Vec<Vec<(u16, i64, Foreign)>>,
    team_tools: Vec<i64>,
    team_tools_foreign: Vec<Foreign>,
    period_of: Vec<u16>,
    rates: fx::RatePaths,
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
                statutory_year: if ym.month() >= 4 {
                    ym.year()
                } else {
                    ym.year() - 1
                },
            })
            .collect::<Vec<MonthInfo>>();
        let people = &scenario.people;
        let cap = |value: Option<rust_decimal::Decimal>| match value {
            Some(v) => money(v),
            None => Some(i64::MAX),
        };
        // Each component's rule in force in each month: the stated values,
        // replaced by each step of its schedule from the step's month on.
        let burden_count = people.burden.len();
        let mut burden = Vec::with_capacity(months.len() * burden_count);
        let mut graded = [false; 2];
        let mut by_component = Vec::with_capacity(burden_count);
        for c in &people.burden {
            graded[0] |= c.basis == BurdenBasis::HealthGrades;
            graded[1] |= c.basis == BurdenBasis::PensionGrades;
            let mut rule = BurdenRule {
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
                basis: c.basis,
                variant: 0,
            };
            let mut variants = vec![(i32::MIN, rule)];
            for (i, step) in c.schedule.iter().enumerate() {
                if let Some(rate) = step.rate_pct {
                    rule.rate = Ratio::from_pct(rate)?;
                }
                if let Some(v) = step.monthly_pay_cap {
                    rule.monthly_pay_cap = money(v)?;
                }
                if let Some(v) = step.bonus_payment_cap {
                    rule.bonus_payment_cap = money(v)?;
                }
                if let Some(v) = step.bonus_fiscal_year_cap {
                    rule.bonus_fiscal_year_cap = money(v)?;
                }
                if let Some(v) = step.annual_pay_cap {
                    rule.annual_pay_cap = money(v)?;
                }
                rule.variant = u16::try_from(i + 1).ok()?;
                variants.push((step.from.index(), rule));
            }
            by_component.push(variants);
        }
        for month in &months {
            for variants in &by_component {
                let rule = variants
                    .iter()
                    .rev()
                    .find(|(from, _)| *from <= month.index)
                    .or(variants.first())?
                    .1;
                burden.push(rule);
            }
        }
        let mut bonus = [None; 13];
        for payout in &people.bonus_payouts {
            let months = Ratio::from_decimal(payout.months)?;
            let (end_offset, len) = match payout.assessment {
                Some(a) => (
                    (i32::from(payout.month) - i32::from(a.to)).rem_euclid(12),
                    i32::from(a.months()),
                ),
                None => (1, 6),
            };
            *bonus.get_mut(usize::from(payout.month))? = (!months.is_zero()).then_some(Payout {
                months,
                period_end_offset: end_offset,
                period_len: len,
            });
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

        // Prices in another currency are converted at each rate period's
        // rates (one period without rate changes): per period, the tools of
        // each team and the per-head costs of each (team, contractor).
        let rates = fx::RatePaths::of(&scenario.exchange_rates);
        let month_indexes: Vec<i32> = months.iter().map(|m| m.index).collect();
        let (period_of, period_firsts) = fx::rate_periods(&rates, &month_indexes);
        let team_count = scenario.teams.len();
        let mut team_tools = vec![0_i64; period_firsts.len() * team_count];
        // The ledger shows a team's tools in their currency when they share
        // one other currency; `None` until a team's first tool, then
        // `Some(NONE)` once they mix currencies.
        let mut tools_foreign: Vec<Option<Foreign>> = vec![None; team_tools.len()];
        for (period, &first) in period_firsts.iter().enumerate() {
            for tool in &scenario.tools {
                let cost = fx::price_minor(
                    tool.monthly_per_seat,
                    &tool.currency,
                    currency,
                    &rates,
                    first,
                )?;
                let in_currency =
                    fx::foreign_price(tool.monthly_per_seat, &tool.currency, currency, &rates)?;
                for (t, team) in scenario.teams.iter().enumerate() {
                    if tool.teams.is_empty() || tool.teams.contains(&team.name) {
                        let slot = team_tools.get_mut(period * team_count + t)?;
                        *slot = slot.saturating_add(cost);
                        let foreign = tools_foreign.get_mut(period * team_count + t)?;
                        *foreign = Some(match *foreign {
                            None => in_currency,
                            Some(so_far)
                                if so_far.currency == in_currency.currency
                                    && in_currency.currency != 0 =>
                            {
                                Foreign {
                                    amount_minor: { so_far.amount_minor }
                                        .saturating_add(in_currency.amount_minor),
                                    ..so_far
                                }
                            }
                            Some(_) => Foreign::NONE,
                        });
                    }
                }
            }
        }
        let team_tools_foreign: Vec<Foreign> = tools_foreign
            .into_iter()
            .map(|f| f.unwrap_or(Foreign::NONE))
            .collect();

        // Team names to indexes once, not once per position.
        let team_of: std::collections::HashMap<&str, usize> = scenario
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        // Per-head costs per (rate period, team, contractor).
        let mut per_head_sets = Vec::with_capacity(period_firsts.len() * team_count * 2);
        for &first in &period_firsts {
            for team in &scenario.teams {
                for contractor in [false, true] {
                    let mut set = Vec::new();
                    for (i, cost) in people.per_head.iter().enumerate() {
                        if (cost.teams.is_empty() || cost.teams.contains(&team.name))
                            && (!contractor || cost.contractors)
                        {
                            let amount = fx::price_minor(
                                cost.monthly,
                                &cost.currency,
                                currency,
                                &rates,
                                first,
                            )?;
                            let foreign =
                                fx::foreign_price(cost.monthly, &cost.currency, currency, &rates)?;
                            set.push((u16::try_from(i).ok()?, amount, foreign));
                        }
                    }
                    per_head_sets.push(set);
                }
            }
        }
        let mut allowances = Vec::new();
        let micro = Ratio::from_decimal(rust_decimal::Decimal::from(1_000_000))?;
        let positions = positions
            .iter()
            .map(|p| {
                let team = *team_of.get(p.team.as_str())?;
                let fte = Ratio::from_decimal(p.fte)?;
                let annual = money(scenario.annual_base_of(p)?)?;
                let allowance_start = u32::try_from(allowances.len()).ok()?;
                let mut allowances_monthly = 0_i64;
                for a in &p.allowances {
                    let amount = money(a.monthly)?;
                    allowances_monthly = allowances_monthly.checked_add(amount)?;
                    allowances.push(amount);
                }
                let contractor = p.employment == Employment::Contractor;
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
                    vacancy: *team_vacancy.get(team)?,
                    monthly: p.annual_base.is_none() && p.monthly_base.is_some(),
                    allowance_start,
                    allowance_len: u32::try_from(p.allowances.len()).ok()?,
                    allowances_monthly,
                    per_head: u32::try_from(team * 2 + usize::from(contractor)).ok()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;

        Some(Self {
            currency,
            months,
            burden,
            burden_count,
            graded,
            bonus,
            first_bonus: people.first_bonus,
            allowances,
            per_head_sets,
            team_tools,
            team_tools_foreign,
            period_of,
            rates,
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
        let mut work = self.work();
        for p in 0..self.positions.len() {
            self.position_rows(p, &mut work, sink, None);
        }
        self.line_rows(sink);
    }

    /// The rows and activity of one position.
    pub fn forecast_position<S: LedgerSink + ?Sized>(&self, position: usize, sink: &mut S) {
        let mut work = self.work();
        self.position_rows(position, &mut work, sink, None);
    }

    /// The position's rows, and for each month it is active the inputs its
    /// amounts came from (for [`explain`](super::explain::explain)).
    pub fn trace_position<S: LedgerSink + ?Sized>(
        &self,
        position: usize,
        sink: &mut S,
    ) -> Vec<MonthTrace> {
        let mut work = self.work();
        let mut trace = Vec::new();
        self.position_rows(position, &mut work, sink, Some(&mut trace));
        trace
    }

    /// The rows of other costs and cloud lines (no position).
    pub fn forecast_lines<S: LedgerSink + ?Sized>(&self, sink: &mut S) {
        self.line_rows(sink);
    }

    /// The share of a payout a position gets by the first-bonus policy:
    /// (whole months worked in the payout's assessment period, its length).
    fn bonus_share(&self, p: &PositionRule, payout_index: i32, payout: &Payout) -> (i64, i64) {
        if self.first_bonus == FirstBonus::Full {
            return (1, 1);
        }
        let len = payout.period_len.max(1);
        let end = payout_index - payout.period_end_offset;
        let start = end - len + 1;
        // A month counts when worked from its first day.
        let first_counted = if p.start_day == 1 {
            p.start_index
        } else {
            p.start_index.saturating_add(1)
        };
        let worked = (end - start.max(first_counted) + 1).clamp(0, len);
        match self.first_bonus {
            FirstBonus::Prorated => (i64::from(worked), i64::from(len)),
            FirstBonus::NoneBeforeFirstPayout if worked < len => (0, 1),
            _ => (1, 1),
        }
    }

    fn work(&self) -> Work {
        Work {
            caps: vec![FRESH_CAPS; self.burden_count],
            remuneration: Vec::with_capacity(self.months.len()),
            graded: Vec::with_capacity(self.months.len()),
            allowance_rows: Vec::new(),
            per_head_rows: Vec::new(),
        }
    }

    /// The annual base after the raise of horizon month `month`, if one
    /// applies: employees who started before the month's first day; pay
    /// stated by the month is raised (and rounded) as a monthly amount.
    #[inline]
    fn raised(&self, p: &PositionRule, annual: i64, month: &MonthInfo) -> i64 {
        match self.raise {
            Some(raise)
                if p.employee
                    && month.calendar_month == self.raise_month
                    && p.start_index < month.index =>
            {
                if p.monthly {
                    mul_div([annual / 12, raise.n], [raise.d]).saturating_mul(12)
                } else {
                    mul_div([annual, raise.n], [raise.d])
                }
            }
            _ => annual,
        }
    }

    /// The health and pension grades of position `p` in horizon months
    /// `first_m..=last_m`, into `work.graded` (indexed from `first_m`).
    fn grade_months(&self, p: &PositionRule, first_m: usize, last_m: usize, work: &mut Work) {
        let base_den = p.fte.d.saturating_mul(12);
        let remuneration = |annual: i64| {
            mul_div([annual, p.fte.n], [base_den]).saturating_add(p.allowances_monthly)
        };
        // Monthly remuneration of each month, and before the horizon.
        let before = remuneration(p.annual);
        work.remuneration.clear();
        let mut annual = p.annual;
        let mut r = before;
        for m in 0..=last_m {
            let Some(month) = self.months.get(m) else {
                break;
            };
            if m >= first_m {
                let raised = self.raised(p, annual, month);
                if raised != annual {
                    annual = raised;
                    r = remuneration(annual);
                }
            }
            work.remuneration.push(r);
        }
        let h0 = self.months.first().map_or(0, |m| m.index);
        let r_at = |index: i32, r: &[i64]| -> i64 {
            if index < h0 {
                before
            } else {
                r.get((index - h0) as usize).copied().unwrap_or(before)
            }
        };
        work.graded.clear();
        work.graded.resize(
            last_m + 1 - first_m,
            GradedMonth {
                health: None,
                pension: None,
            },
        );
        for (t, table) in [&grades::HEALTH_GRADES[..], &grades::PENSION_GRADES[..]]
            .into_iter()
            .enumerate()
        {
            if !self.graded.get(t).copied().unwrap_or(false) {
                continue;
            }
            let hired_inside = self
                .months
                .get(first_m)
                .is_some_and(|m| p.start_index >= m.index);
            let (mut determined, mut how) = if hired_inside {
                (
                    work.remuneration.get(first_m).copied().unwrap_or(before),
                    Determination::AtHiring,
                )
            } else {
                (before, Determination::AtHorizonStart)
            };
            let mut previous = determined;
            let mut check_at: Option<usize> = None;
            let mut skip_september: Option<i32> = None;
            let mut grade = grades::grade_of(table, determined, i32::MIN);
            let mut graded_from = i64::MIN;
            for m in first_m..=last_m {
                let Some(month) = self.months.get(m) else {
                    break;
                };
                let r = work.remuneration.get(m).copied().unwrap_or(before);
                // A change of fixed pay: the three months from it decide.
                if r != previous {
                    check_at = Some(m + 3);
                }
                previous = r;
                if check_at == Some(m) {
                    check_at = None;
                    let sum: i64 = (m - 3..m)
                        .map(|j| work.remuneration.get(j).copied().unwrap_or(before))
                        .sum();
                    let average = sum / 3;
                    let now = grades::grade_of(table, determined, month.index);
                    let new = grades::grade_of(table, average, month.index);
                    if now.number.abs_diff(new.number) >= 2 {
                        determined = average;
                        how = Determination::FourthMonth;
                        if (7..=9).contains(&month.calendar_month) {
                            skip_september = Some(month.calendar_year);
                        }
                    }
                }
                // September: from April to June pay, for people enrolled
                // before 1 June, unless a change took effect in July to September.
                if month.calendar_month == 9 && skip_september != Some(month.calendar_year) {
                    let april = month.index - 5;
                    if p.start_index < april + 2 {
                        let (mut sum, mut n) = (0_i64, 0_i64);
                        for j in april..april + 3 {
                            if p.start_index < j || (p.start_index == j && p.start_day == 1) {
                                sum = sum.saturating_add(r_at(j, &work.remuneration));
                                n += 1;
                            }
                        }
                        if n > 0 {
                            determined = sum / n;
                            how = Determination::September;
                        }
                    }
                }
                // The grade changes with D, or when the table gains a grade.
                if graded_from != determined || grades::table_changes_in(table, month.index) {
                    grade = grades::grade_of(table, determined, month.index);
                    graded_from = determined;
                }
                let trace = GradeTrace {
                    number: grade.number,
                    standard: grade.standard,
                    determined_from: determined,
                    determination: how,
                };
                if let Some(slot) = work.graded.get_mut(m - first_m) {
                    if t == 0 {
                        slot.health = Some(trace);
                    } else {
                        slot.pension = Some(trace);
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_lines)]
    fn position_rows<S: LedgerSink + ?Sized>(
        &self,
        index: usize,
        work: &mut Work,
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
        work.caps.fill(FRESH_CAPS);
        let graded = p.employee && (self.graded[0] || self.graded[1]);
        if graded {
            self.grade_months(p, first_m as usize, last_m as usize, work);
        }
        let Work {
            caps,
            graded: grade_months,
            allowance_rows,
            per_head_rows,
            ..
        } = work;
        let allowances = self
            .allowances
            .get(p.allowance_start as usize..)
            .and_then(|a| a.get(..p.allowance_len as usize))
            .unwrap_or(&[]);
        let team_count = self.scenario.teams.len();
        let mut period = u16::MAX;
        let mut per_head: &[(u16, i64, Foreign)] = &[];
        let mut tools_monthly = 0_i64;
        let mut tools_foreign = Foreign::NONE;
        let wants_rows = sink.wants_position_rows();
        let source = Source::Position(index as u32);
        let team = Some(p.team);
        let vacancy = self.vacancy.get(p.vacancy).or(self.vacancy.first());
        let fee = p.recruiting_fee;
        let base_den = p.fte.d.saturating_mul(12);
        let mut annual = p.annual;
        let mut steady = Steady {
            key: (-1, 0, 0, usize::MAX, u16::MAX),
            base: 0,
            pay: 0,
            training: 0,
            tools: 0,
            tools_foreign: Foreign::NONE,
            backfill_fee: 0,
            dev_cloud: 0,
            allowance_pay: 0,
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
            let mut emit =
                |category: Category, component: Component, amount: i64, foreign: Foreign| {
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
                                foreign,
                            });
                        }
                    }
                };

            // A raise applies to employees who started before the month's first day.
            annual = self.raised(p, annual, month);
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

            // Prices in other currencies change with the rate period.
            let month_period = self.period_of.get(m as usize).copied().unwrap_or(0);
            if month_period != period {
                period = month_period;
                let p_index = usize::from(period);
                per_head = self
                    .per_head_sets
                    .get(p_index * team_count * 2 + p.per_head as usize)
                    .map_or(&[][..], Vec::as_slice);
                tools_monthly = self
                    .team_tools
                    .get(p_index * team_count + p.team as usize)
                    .copied()
                    .unwrap_or(0);
                tools_foreign = self
                    .team_tools_foreign
                    .get(p_index * team_count + p.team as usize)
                    .copied()
                    .unwrap_or(Foreign::NONE);
            }
            let key = (annual, a_n, a_d, k_step, period);
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
                steady.tools = mul_div([tools_monthly, occupied], [occupied_den]);
                // A seat's share in the tools' own currency, as in the plan's.
                steady.tools_foreign = Foreign {
                    amount_minor: mul_div([tools_foreign.amount_minor, occupied], [occupied_den]),
                    ..tools_foreign
                };
                steady.backfill_fee = match (p.employee, vacancy) {
                    (true, Some(v)) if !v.rate.is_zero() && !fee.is_zero() => mul_div(
                        [annual, v.rate.n, p.fte.n, a_n, fee.n],
                        [v.rate.d, 12, p.fte.d, a_d, fee.d],
                    ),
                    _ => 0,
                };
                steady.dev_cloud = mul_div([self.dev_cloud_monthly, p.fte.n, a_n], [p.fte.d, a_d]);
                steady.allowance_pay = 0;
                allowance_rows.clear();
                for &amount in allowances {
                    steady.allowance_pay += mul_div([amount, a_n], [a_d]);
                    allowance_rows.push(mul_div([amount, a_n, occupied], [a_d, occupied_den]));
                }
                per_head_rows.clear();
                for &(_, amount, foreign) in per_head {
                    per_head_rows.push((
                        mul_div([amount, occupied], [occupied_den]),
                        Foreign {
                            amount_minor: mul_div([foreign.amount_minor, occupied], [occupied_den]),
                            ..foreign
                        },
                    ));
                }
            }

            emit(Category::Base, Component::Main, steady.base, Foreign::NONE);
            // Fixed allowances: prorated like base pay, never raised.
            for (i, &amount) in allowance_rows.iter().enumerate() {
                emit(
                    Category::Base,
                    Component::Allowance(i as u16),
                    amount,
                    Foreign::NONE,
                );
            }
            let pay = steady.pay.saturating_add(steady.allowance_pay);
            // Graded mode: enrolled on the month's last day, or joined and
            // left in the same month; eligibility lost in the month when
            // the position ends before its last day.
            let lost_this_month = mi == p.end_index && last_day < days;
            let charge = if !lost_this_month {
                Charge::EnrolledAtMonthEnd
            } else if mi == p.start_index {
                Charge::SameMonth
            } else {
                Charge::NotCharged
            };
            let grades_now = if graded {
                grade_months.get((m - first_m) as usize).copied()
            } else {
                None
            };
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
                    allowances: steady.allowance_pay,
                    remuneration: mul_div([annual, p.fte.n], [base_den])
                        .saturating_add(p.allowances_monthly),
                    health_grade: grades_now.and_then(|g| g.health),
                    pension_grade: grades_now.and_then(|g| g.pension),
                    charge,
                    bonus_standard: 0,
                    bonus_charged: false,
                    bonus_share: (1, 1),
                });
            }

            // Bonus: paid if the position is active on the month's first
            // day, in full or by the first-bonus policy.
            let mut bonus_basis = 0;
            if p.employee
                && first_day == 1
                && let Some(Some(payout)) = self.bonus.get(usize::from(month.calendar_month))
            {
                let months = payout.months;
                let (worked, len) = self.bonus_share(p, mi, payout);
                let bonus = mul_div(
                    [annual, p.fte.n, months.n, occupied, worked],
                    [base_den, months.d, occupied_den, len],
                );
                emit(Category::Bonus, Component::Main, bonus, Foreign::NONE);
                bonus_basis = mul_div(
                    [annual, p.fte.n, months.n, worked],
                    [base_den, months.d, len],
                );
                if let Some(month) = trace.as_deref_mut().and_then(|t| t.last_mut()) {
                    month.bonus_basis = bonus_basis;
                    month.bonus_standard = grades::standard_bonus(bonus_basis);
                    month.bonus_charged = !lost_this_month;
                    month.bonus_share = (worked, len);
                }
            }

            if p.employee {
                let rules = self
                    .burden
                    .get(m as usize * self.burden_count..)
                    .unwrap_or(&[]);
                for (c, (rule, state)) in rules.iter().zip(caps.iter_mut()).enumerate() {
                    if rule.age_dependent && !p.age_dependent {
                        continue;
                    }
                    let grade = match rule.basis {
                        BurdenBasis::Simple => None,
                        BurdenBasis::HealthGrades => grades_now.and_then(|g| g.health),
                        BurdenBasis::PensionGrades => grades_now.and_then(|g| g.pension),
                    };
                    let mut subject = 0_i64;
                    let bonus_year;
                    let mut bonus_part = bonus_basis;
                    if let Some(grade) = grade {
                        // The grade's standard amount for a month charged
                        // in full; the standard bonus amount, not in the
                        // month eligibility is lost.
                        let charged = match charge {
                            Charge::EnrolledAtMonthEnd => true,
                            Charge::SameMonth => rule.basis == BurdenBasis::HealthGrades,
                            Charge::NotCharged => false,
                        };
                        if rule.on_base && charged {
                            subject = grade.standard.min(rule.monthly_pay_cap);
                        }
                        bonus_part = if lost_this_month {
                            0
                        } else {
                            grades::standard_bonus(bonus_basis)
                        };
                        bonus_year = month.statutory_year;
                    } else {
                        if rule.on_base {
                            subject = pay.min(rule.monthly_pay_cap);
                        }
                        bonus_year = month.fiscal_year;
                    }
                    if rule.on_bonus && bonus_part > 0 {
                        let mut part = bonus_part.min(rule.bonus_payment_cap);
                        if rule.bonus_fiscal_year_cap != i64::MAX {
                            if state.bonus_year != bonus_year {
                                state.bonus_year = bonus_year;
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
                    let burden = if state.memo_subject == subject
                        && state.memo_k == k_step
                        && state.memo_variant == rule.variant
                    {
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
                            state.memo_variant = rule.variant;
                            state.memo_amount = amount;
                        }
                        amount
                    };
                    if let Some(trace) = trace.as_deref_mut()
                        && let Some(month) = trace.last_mut()
                    {
                        month.burden_subjects.push((c as u16, subject));
                    }
                    emit(
                        Category::Burden,
                        Component::Burden(c as u16),
                        burden,
                        Foreign::NONE,
                    );
                }
            }

            if p.hire && mi == p.start_index {
                emit(
                    Category::Recruiting,
                    Component::HireFee,
                    mul_div([annual, p.fte.n, fee.n], [p.fte.d, fee.d]),
                    Foreign::NONE,
                );
                emit(
                    Category::Recruiting,
                    Component::Onboarding,
                    self.onboarding,
                    Foreign::NONE,
                );
                emit(
                    Category::Equipment,
                    Component::Main,
                    self.equipment,
                    Foreign::NONE,
                );
            }
            emit(
                Category::Recruiting,
                Component::BackfillFee,
                steady.backfill_fee,
                Foreign::NONE,
            );
            emit(
                Category::Tools,
                Component::Main,
                steady.tools,
                steady.tools_foreign,
            );
            // Per-head costs: in full for every month active at all.
            for (&(i, _, _), &(amount, foreign)) in per_head.iter().zip(per_head_rows.iter()) {
                emit(Category::Benefits, Component::PerHead(i), amount, foreign);
            }
            emit(
                Category::Training,
                Component::Main,
                steady.training,
                Foreign::NONE,
            );
            emit(
                Category::Cloud,
                Component::DevEnvironments,
                steady.dev_cloud,
                Foreign::NONE,
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
        let plan_currency = self.currency;
        let rates = &self.rates;
        // Plan minor units per minor unit of the line's currency in a month
        // (one for the plan's own currency).
        let factor = |currency: &Option<String>, month: i32| {
            fx::factor_at(currency, plan_currency, rates, month).unwrap_or(fx::Factor::ONE)
        };
        // A row's amount in its own currency, when that is not the plan's.
        let foreign_of = |currency: &Option<String>| {
            let index = fx::foreign(currency, plan_currency).and_then(|code| rates.index_of(code));
            move |stated: i64| index.map_or(Foreign::NONE, |i| Foreign::of(i, stated))
        };
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
            // Computed in the cost's own currency, converted month by month.
            let Some(amount) = fx::exponent_of(&cost.currency, plan_currency)
                .and_then(|e| to_minor(cost.amount, e))
            else {
                continue;
            };
            let start = cost.start.index();
            let in_currency = foreign_of(&cost.currency);
            let row = |month: usize, amount: i64, stated: i64| LedgerRow {
                month: month as u16,
                team,
                source: Source::OtherCost(o as u32),
                category: Category::Other,
                component: Component::Main,
                amount_minor: amount,
                foreign: in_currency(stated),
            };
            match cost.kind {
                OtherCostKind::OneOff => {
                    let m = start - h0;
                    if m >= 0 && (m as usize) < self.months.len() && amount != 0 {
                        let converted = factor(&cost.currency, start).convert(amount.into(), 1);
                        sink.row(&row(m as usize, converted, amount));
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
                            let converted =
                                factor(&cost.currency, month.index).convert(current.into(), 1);
                            sink.row(&row(m, converted, current));
                        }
                    }
                }
            }
        }

        for (l, line) in self.scenario.cloud.lines.iter().enumerate() {
            let source = Source::CloudLine(l as u32);
            let in_currency = foreign_of(&line.currency);
            let Some(on_demand) = fx::exponent_of(&line.currency, plan_currency)
                .and_then(|e| to_minor(line.on_demand_monthly, e))
            else {
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
                // Rounded once: from the carried cost in the line's currency
                // to the plan's minor unit at the month's rate.
                let amount = factor(&line.currency, month.index).convert(effective, CLOUD_CARRY);
                if amount != 0 {
                    sink.row(&LedgerRow {
                        month: m as u16,
                        team: None,
                        source,
                        category: Category::Cloud,
                        component: Component::Main,
                        amount_minor: amount,
                        // The carried amount to the line currency's minor unit.
                        foreign: in_currency(narrow(div_round(effective, CLOUD_CARRY))),
                    });
                }
            }
            for (i, one_off) in line.one_offs.iter().enumerate() {
                let m = one_off.month.index() - h0;
                let Some(stated) = fx::exponent_of(&line.currency, plan_currency)
                    .and_then(|e| to_minor(one_off.amount, e))
                else {
                    continue;
                };
                let amount =
                    factor(&line.currency, one_off.month.index()).convert(stated.into(), 1);
                if m >= 0 && (m as usize) < self.months.len() && amount != 0 {
                    sink.row(&LedgerRow {
                        month: m as u16,
                        team: None,
                        source,
                        category: Category::Cloud,
                        component: Component::OneOff(i as u16),
                        amount_minor: amount,
                        foreign: in_currency(stated),
                    });
                }
            }
        }
    }
}

/// `value` as an `i64`, saturating: a line's carried amount in its own
/// minor units, which validation keeps far inside.
fn narrow(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

/// `value × factor`, rounded half away from zero at the carry precision.
fn scale_carried(value: i128, factor: Ratio) -> i128 {
    match value.checked_mul(i128::from(factor.n)) {
        Some(product) => div_round(product, i128::from(factor.d)),
        None => value.saturating_mul(i128::from(factor.n.signum())),
    }
}
