//! Validation: every problem in a plan, each naming its field.
//!
//! The engine only runs on plans without errors, so it can rely on what is
//! checked here: known currency, months 1 to 12, horizon of 1 to 120 months,
//! money that is non-negative, at most 10^15 units and no finer than the
//! currency's minor unit, percentages from 0 to 100 with at most 6 decimals,
//! FTE in (0, 1], end dates not before start dates, known teams and levels,
//! and compounding (raises, escalation, cloud growth) that stays within 10^15.

use rust_decimal::Decimal;
use std::collections::HashSet;
use std::fmt;

use super::date::MAX_YEAR;
use super::money::{Currency, MAX_UNITS};
use super::plan::{OtherCostKind, Plan, Scenario};
use super::problem::{Named, Problem, Quantity};

/// The most decimals a percentage or an FTE may have.
pub const MAX_RATE_DECIMALS: u32 = 6;
/// The longest horizon, in months.
pub const MAX_HORIZON_MONTHS: u16 = 120;

/// One problem in a plan: the field (`scenarios[1].positions[4].fte`), what
/// is wrong as data (for a UI to say in its language) and in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    pub path: String,
    /// The English message: `problem`'s [`Display`](fmt::Display).
    pub message: String,
    pub problem: Problem,
}

impl PlanError {
    /// The problem at the field `path`.
    pub fn at(path: impl Into<String>, problem: Problem) -> Self {
        Self {
            path: path.into(),
            message: problem.to_string(),
            problem,
        }
    }

    /// A problem known only by its English message ([`Problem::Other`]);
    /// prefer [`at`](Self::at) with the problem named, which a UI can
    /// translate.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            path: path.into(),
            problem: Problem::Other(message.clone()),
            message,
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PlanError {}

/// Every problem in the plan, in field order; empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<PlanError> {
    let mut errors = validate_header(plan);
    let currency = plan.currency();
    let mut names = HashSet::new();
    for (s, scenario) in plan.scenarios.iter().enumerate() {
        if !names.insert(scenario.name.as_str()) {
            errors.push(PlanError::at(
                format!("scenarios[{s}].name"),
                Problem::NameTaken {
                    what: Named::Scenario,
                    name: scenario.name.clone(),
                },
            ));
        }
        check_scenario(plan, currency, s, scenario, &mut errors);
    }
    errors
}

/// The problems that stop scenario `index` from being forecast: the plan's
/// own fields and that scenario's. Other scenarios are not looked at, so an
/// unfinished scenario does not block the others.
pub fn validate_scenario(plan: &Plan, index: usize) -> Vec<PlanError> {
    let mut errors = validate_header(plan);
    match plan.scenarios.get(index) {
        Some(scenario) => check_scenario(plan, plan.currency(), index, scenario, &mut errors),
        None => errors.push(PlanError::at(
            "scenarios",
            Problem::NoSuchScenario { number: index + 1 },
        )),
    }
    errors
}

fn validate_header(plan: &Plan) -> Vec<PlanError> {
    let mut errors = Vec::new();
    if plan.name.trim().is_empty() {
        errors.push(PlanError::at("name", Problem::PlanNeedsName));
    }
    if plan.currency().is_none() {
        errors.push(PlanError::at(
            "currency",
            Problem::UnknownCurrency {
                code: plan.currency.clone(),
            },
        ));
    }
    check_month(
        "fiscal_year_start_month",
        plan.fiscal_year_start_month,
        &mut errors,
    );
    let months = plan.horizon.months;
    if months == 0 || months > MAX_HORIZON_MONTHS {
        errors.push(PlanError::at(
            "horizon.months",
            Problem::HorizonLength {
                months,
                max: MAX_HORIZON_MONTHS,
            },
        ));
    } else if plan
        .horizon
        .start
        .add_months(i32::from(months) - 1)
        .is_none()
    {
        errors.push(PlanError::at(
            "horizon.start",
            Problem::HorizonPastYear { year: MAX_YEAR },
        ));
    }
    if plan.scenarios.is_empty() {
        errors.push(PlanError::at("scenarios", Problem::NoScenarios));
    }
    check_actuals(plan, &mut errors);
    errors
}

/// Actuals lie inside the horizon, one amount per month, category and team,
/// each within ±10^15 and the currency's decimals (negative is a credit),
/// and heads' FTE has at most 6 decimals. A horizon that would leave an
/// actual outside it is refused here, so no actual is ever dropped.
fn check_actuals(plan: &Plan, errors: &mut Vec<PlanError>) {
    let actuals = &plan.actuals;
    let start = plan.horizon.start.index();
    let end = start + i32::from(plan.horizon.months);
    let outside = |month: super::date::YearMonth| !(start..end).contains(&month.index());
    if let Some(month) = actuals.closed_through.filter(|m| outside(*m)) {
        errors.push(PlanError::at(
            "actuals.closed_through",
            Problem::ActualOutsideHorizon { month },
        ));
    }
    let mut checker = Checker {
        currency: plan.currency(),
        errors,
    };
    for (i, actual) in actuals.amounts.iter().enumerate() {
        let path = || format!("actuals.amounts[{i}].amount");
        if outside(actual.month) {
            checker.push(
                format!("actuals.amounts[{i}].month"),
                Problem::ActualOutsideHorizon {
                    month: actual.month,
                },
            );
        }
        if i > 0 && actuals.amounts[i - 1].key() == actual.key() {
            checker.push(
                format!("actuals.amounts[{i}]"),
                Problem::ActualTwice {
                    month: actual.month,
                    category: actual.category.as_str(),
                    team: actual.team.clone(),
                },
            );
        }
        // A credit is checked as the amount it takes back.
        checker.money(path, actual.amount.abs());
    }
    for (i, heads) in actuals.heads.iter().enumerate() {
        if outside(heads.month) {
            checker.push(
                format!("actuals.heads[{i}].month"),
                Problem::ActualOutsideHorizon { month: heads.month },
            );
        }
        if let Some(fte) = heads.fte {
            checker.decimals(|| format!("actuals.heads[{i}].fte"), fte, Quantity::Fte);
        }
    }
}

fn check_month(path: &str, month: u8, errors: &mut Vec<PlanError>) {
    if !(1..=12).contains(&month) {
        errors.push(PlanError::at(path, Problem::MonthOutOfRange { month }));
    }
}

/// Checks amounts against the plan's currency (skipped when it is unknown:
/// that error is reported once, on `currency`).
struct Checker<'a> {
    currency: Option<Currency>,
    errors: &'a mut Vec<PlanError>,
}

impl Checker<'_> {
    fn push(&mut self, path: String, problem: Problem) {
        self.errors.push(PlanError::at(path, problem));
    }

    fn name(&mut self, path: impl FnOnce() -> String, name: &str, what: Named) {
        if name.trim().is_empty() {
            self.push(path(), Problem::NeedsName { what });
        }
    }

    /// Paths are built only for errors: validation runs on every keystroke.
    fn money(&mut self, path: impl FnOnce() -> String, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.push(path(), Problem::NegativeAmount { value });
        } else if value > Decimal::from(MAX_UNITS) {
            self.push(path(), Problem::AmountTooLarge { value });
        } else if let Some(currency) = self.currency
            && value.scale() > currency.exponent()
            && value.normalize().scale() > currency.exponent()
        {
            let code = currency.code().to_string();
            let problem = match currency.exponent() {
                0 => Problem::NoMinorUnit {
                    currency: code,
                    value,
                },
                decimals => Problem::TooManyAmountDecimals {
                    currency: code,
                    decimals,
                    value,
                },
            };
            self.push(path(), problem);
        }
    }

    /// An amount stated in `currency` (the plan's when `None`): checked
    /// against that currency's decimals; a foreign currency must be known
    /// and have a rate path in the scenario.
    fn money_in(
        &mut self,
        path: impl Fn() -> String,
        value: Decimal,
        currency: &Option<String>,
        scenario: &Scenario,
    ) {
        let plan = self.currency;
        let foreign = currency
            .as_deref()
            .filter(|c| plan.is_none_or(|p| p.code() != *c));
        let Some(code) = foreign else {
            self.money(path, value);
            return;
        };
        let currency_path = || {
            let p = path();
            match p.rfind('.') {
                Some(dot) if !p[dot..].contains('[') => format!("{}.currency", &p[..dot]),
                _ => format!("{p}.currency"),
            }
        };
        match Currency::from_code(code) {
            None => self.push(
                currency_path(),
                Problem::UnknownCurrency {
                    code: code.to_string(),
                },
            ),
            Some(stated) => {
                self.currency = Some(stated);
                self.money(&path, value);
                self.currency = plan;
                if !scenario.exchange_rates.iter().any(|r| r.currency == code) {
                    self.push(
                        currency_path(),
                        Problem::NoExchangeRate {
                            currency: code.to_string(),
                        },
                    );
                }
            }
        }
    }

    fn decimals(&mut self, path: impl FnOnce() -> String, value: Decimal, what: Quantity) -> bool {
        if value.scale() > MAX_RATE_DECIMALS && value.normalize().scale() > MAX_RATE_DECIMALS {
            self.push(
                path(),
                Problem::TooManyDecimals {
                    what,
                    max: MAX_RATE_DECIMALS,
                    value,
                },
            );
            return false;
        }
        true
    }

    /// A percentage from 0 to 100 inclusive.
    fn pct(&mut self, path: impl Fn() -> String, value: Decimal) {
        if !self.decimals(&path, value, Quantity::Percentage) {
            return;
        }
        if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            self.push(path(), Problem::RateOutOfRange { value });
        }
    }
}

fn check_scenario(
    plan: &Plan,
    currency: Option<Currency>,
    s: usize,
    scenario: &Scenario,
    errors: &mut Vec<PlanError>,
) {
    let at = format!("scenarios[{s}]");
    let mut c = Checker { currency, errors };
    c.name(|| format!("{at}.name"), &scenario.name, Named::Scenario);

    let mut teams = HashSet::new();
    for (t, team) in scenario.teams.iter().enumerate() {
        let path = format!("{at}.teams[{t}]");
        c.name(|| format!("{path}.name"), &team.name, Named::Team);
        if !teams.insert(team.name.as_str()) {
            c.push(
                format!("{path}.name"),
                Problem::NameTaken {
                    what: Named::Team,
                    name: team.name.clone(),
                },
            );
        }
        if let Some(attrition) = &team.attrition {
            check_attrition(&mut c, &format!("{path}.attrition"), attrition);
        }
    }
    let mut levels = HashSet::new();
    for (l, level) in scenario.levels.iter().enumerate() {
        c.name(|| format!("{at}.levels[{l}]"), level, Named::Level);
        if !levels.insert(level.as_str()) {
            c.push(
                format!("{at}.levels[{l}]"),
                Problem::LevelTaken {
                    level: level.clone(),
                },
            );
        }
    }

    let mut bands = HashSet::new();
    for (b, band) in scenario.bands.iter().enumerate() {
        let path = format!("{at}.bands[{b}]");
        if !levels.contains(band.level.as_str()) {
            c.push(
                format!("{path}.level"),
                Problem::UnknownLevel {
                    level: band.level.clone(),
                },
            );
        }
        if !bands.insert((band.level.as_str(), band.location.as_deref())) {
            c.push(format!("{path}.level"), Problem::BandTaken);
        }
        c.money(|| format!("{path}.min"), band.min);
        c.money(|| format!("{path}.mid"), band.mid);
        c.money(|| format!("{path}.max"), band.max);
        if band.min > band.mid {
            c.push(format!("{path}.mid"), Problem::MidBelowMin);
        }
        if band.mid > band.max {
            c.push(format!("{path}.max"), Problem::MaxBelowMid);
        }
    }

    check_positions(&mut c, &at, scenario, &teams, &levels);
    check_exchange_rates(&mut c, &at, scenario);
    check_people(&mut c, plan, &at, scenario);
    if !scenario.adjustments.is_none() {
        check_adjustments(&mut c, plan, &at, scenario);
    }

    for (t, tool) in scenario.tools.iter().enumerate() {
        let path = format!("{at}.tools[{t}]");
        c.name(|| format!("{path}.name"), &tool.name, Named::Tool);
        c.money_in(
            || format!("{path}.monthly_per_seat"),
            tool.monthly_per_seat,
            &tool.currency,
            scenario,
        );
        for (i, team) in tool.teams.iter().enumerate() {
            if !teams.contains(team.as_str()) {
                c.push(
                    format!("{path}.teams[{i}]"),
                    Problem::UnknownTeam { team: team.clone() },
                );
            }
        }
    }

    let last_month = plan
        .horizon
        .start
        .add_months(i32::from(plan.horizon.months.max(1)) - 1)
        .unwrap_or(plan.horizon.start);
    for (o, cost) in scenario.other_costs.iter().enumerate() {
        let path = format!("{at}.other_costs[{o}]");
        c.name(|| format!("{path}.name"), &cost.name, Named::Cost);
        if let Some(team) = &cost.team
            && !teams.contains(team.as_str())
        {
            c.push(
                format!("{path}.team"),
                Problem::UnknownTeam { team: team.clone() },
            );
        }
        c.money_in(
            || format!("{path}.amount"),
            cost.amount,
            &cost.currency,
            scenario,
        );
        c.pct(
            || format!("{path}.yearly_escalation_pct"),
            cost.yearly_escalation_pct,
        );
        if let Some(end) = cost.end
            && end < cost.start
        {
            c.push(
                format!("{path}.end"),
                Problem::EndMonthBeforeStart {
                    end,
                    start: cost.start,
                },
            );
        }
        if cost.kind == OtherCostKind::Monthly && cost.yearly_escalation_pct > Decimal::ZERO {
            let last = cost.end.map_or(last_month, |e| e.min(last_month));
            let years = last.months_since(cost.start).max(0) / 12;
            if !compounds_within_limit(cost.amount, cost.yearly_escalation_pct, years) {
                c.push(
                    format!("{path}.yearly_escalation_pct"),
                    Problem::EscalationBeyondLimit,
                );
            }
        }
    }

    let cloud = &scenario.cloud;
    c.money(
        || format!("{at}.cloud.per_engineer_monthly"),
        cloud.per_engineer_monthly,
    );
    for (l, line) in cloud.lines.iter().enumerate() {
        let path = format!("{at}.cloud.lines[{l}]");
        c.name(|| format!("{path}.name"), &line.name, Named::CloudLine);
        c.money_in(
            || format!("{path}.on_demand_monthly"),
            line.on_demand_monthly,
            &line.currency,
            scenario,
        );
        let growth_path = || format!("{path}.monthly_growth_pct");
        if c.decimals(growth_path, line.monthly_growth_pct, Quantity::Percentage) {
            let g = line.monthly_growth_pct;
            if !growth_in_range(g) {
                c.push(growth_path(), Problem::GrowthOutOfRange { value: g });
            } else if !growth_within_limit(plan, line.on_demand_monthly, g) {
                c.push(growth_path(), Problem::GrowthBeyondLimit);
            }
        }
        if let Some(commitment) = &line.commitment {
            c.pct(
                || format!("{path}.commitment.coverage_pct"),
                commitment.coverage_pct,
            );
            c.pct(
                || format!("{path}.commitment.discount_pct"),
                commitment.discount_pct,
            );
        }
        for (i, saving) in line.savings.iter().enumerate() {
            c.name(
                || format!("{path}.savings[{i}].name"),
                &saving.name,
                Named::SavingsInitiative,
            );
            c.pct(|| format!("{path}.savings[{i}].pct"), saving.pct);
        }
        for (i, one_off) in line.one_offs.iter().enumerate() {
            c.money_in(
                || format!("{path}.one_offs[{i}].amount"),
                one_off.amount,
                &line.currency,
                scenario,
            );
        }
    }
}

fn check_positions(
    c: &mut Checker<'_>,
    at: &str,
    scenario: &Scenario,
    teams: &HashSet<&str>,
    levels: &HashSet<&str>,
) {
    let mut ids = HashSet::new();
    for (p, position) in scenario.positions.iter().enumerate() {
        let path = || format!("{at}.positions[{p}]");
        if position.id.trim().is_empty() {
            c.push(format!("{}.id", path()), Problem::PositionNeedsId);
        } else if !ids.insert(position.id.as_str()) {
            c.push(
                format!("{}.id", path()),
                Problem::IdTaken {
                    id: position.id.clone(),
                },
            );
        }
        c.name(
            || format!("{}.title", path()),
            &position.title,
            Named::Position,
        );
        if !teams.contains(position.team.as_str()) {
            c.push(
                format!("{}.team", path()),
                Problem::UnknownTeam {
                    team: position.team.clone(),
                },
            );
        }
        let known_level = levels.contains(position.level.as_str());
        if !known_level {
            c.push(
                format!("{}.level", path()),
                Problem::UnknownLevel {
                    level: position.level.clone(),
                },
            );
        }
        match position.annual_base {
            Some(base) => c.money(|| format!("{}.annual_base", path()), base),
            None if known_level
                && position.monthly_base.is_none()
                && scenario
                    .band_for(&position.level, position.location.as_deref())
                    .is_none() =>
            {
                c.push(
                    format!("{}.annual_base", path()),
                    Problem::NoBaseNorBand {
                        level: position.level.clone(),
                    },
                );
            }
            None => {}
        }
        let fte_path = || format!("{}.fte", path());
        if c.decimals(fte_path, position.fte, Quantity::Fte)
            && (position.fte <= Decimal::ZERO || position.fte > Decimal::ONE)
        {
            c.push(
                fte_path(),
                Problem::FteOutOfRange {
                    value: position.fte,
                },
            );
        }
        if let Some(end) = position.end
            && end < position.start
        {
            c.push(
                format!("{}.end", path()),
                Problem::EndDateBeforeStart {
                    end,
                    start: position.start,
                },
            );
        }
        if let Some(fee) = position.recruiting_fee_pct {
            c.pct(|| format!("{}.recruiting_fee_pct", path()), fee);
        }
        if let Some(monthly) = position.monthly_base {
            c.money(|| format!("{}.monthly_base", path()), monthly);
            if position.annual_base.is_some() {
                c.push(format!("{}.monthly_base", path()), Problem::TwoBases);
            }
        }
        for (a, allowance) in position.allowances.iter().enumerate() {
            c.name(
                || format!("{}.allowances[{a}].name", path()),
                &allowance.name,
                Named::Allowance,
            );
            c.money(
                || format!("{}.allowances[{a}].monthly", path()),
                allowance.monthly,
            );
        }
    }
}

fn check_attrition(c: &mut Checker<'_>, path: &str, attrition: &super::plan::Attrition) {
    c.pct(
        || format!("{path}.annual_rate_pct"),
        attrition.annual_rate_pct,
    );
    // The vacant share r/12 × L cannot exceed the whole seat.
    let lag = Decimal::from(attrition.backfill_lag_months);
    if attrition
        .annual_rate_pct
        .checked_mul(lag)
        .is_none_or(|share| share > Decimal::from(1200))
    {
        c.push(
            format!("{path}.backfill_lag_months"),
            Problem::VacancyBeyondSeat {
                rate: attrition.annual_rate_pct,
                lag: attrition.backfill_lag_months,
            },
        );
    }
}

fn check_people(c: &mut Checker<'_>, plan: &Plan, at: &str, scenario: &Scenario) {
    let people = &scenario.people;
    let at = format!("{at}.people");
    for (b, component) in people.burden.iter().enumerate() {
        let path = format!("{at}.burden[{b}]");
        c.name(
            || format!("{path}.name"),
            &component.name,
            Named::BurdenComponent,
        );
        c.pct(|| format!("{path}.rate_pct"), component.rate_pct);
        for (field, cap) in [
            ("monthly_pay_cap", component.monthly_pay_cap),
            ("bonus_payment_cap", component.bonus_payment_cap),
            ("bonus_fiscal_year_cap", component.bonus_fiscal_year_cap),
        ] {
            if let Some(cap) = cap {
                c.money(|| format!("{path}.{field}"), cap);
            }
        }
        if let Some(cap) = &component.annual_pay_cap {
            c.money(|| format!("{path}.annual_pay_cap.amount"), cap.amount);
        }
        if component.basis.is_graded() && plan.currency != "JPY" {
            c.push(
                format!("{path}.basis"),
                Problem::GradedNeedsYen {
                    currency: plan.currency.clone(),
                },
            );
        }
        let mut previous: Option<super::date::YearMonth> = None;
        for (i, step) in component.schedule.iter().enumerate() {
            let at = format!("{path}.schedule[{i}]");
            if previous.is_some_and(|p| p >= step.from) {
                c.push(
                    format!("{at}.from"),
                    Problem::ScheduleOutOfOrder { from: step.from },
                );
            }
            previous = Some(step.from);
            if let Some(rate) = step.rate_pct {
                c.pct(|| format!("{at}.rate_pct"), rate);
            }
            for (field, cap) in [
                ("monthly_pay_cap", step.monthly_pay_cap),
                ("bonus_payment_cap", step.bonus_payment_cap),
                ("bonus_fiscal_year_cap", step.bonus_fiscal_year_cap),
                ("annual_pay_cap", step.annual_pay_cap),
            ] {
                if let Some(cap) = cap {
                    c.money(|| format!("{at}.{field}"), cap);
                }
            }
        }
    }
    for (i, cost) in people.per_head.iter().enumerate() {
        let path = format!("{at}.per_head[{i}]");
        c.name(|| format!("{path}.name"), &cost.name, Named::PerHeadCost);
        c.money_in(
            || format!("{path}.monthly"),
            cost.monthly,
            &cost.currency,
            scenario,
        );
        for (t, team) in cost.teams.iter().enumerate() {
            if scenario.team_index(team).is_none() {
                c.push(
                    format!("{path}.teams[{t}]"),
                    Problem::UnknownTeam { team: team.clone() },
                );
            }
        }
    }
    let mut payout_months = HashSet::new();
    for (b, payout) in people.bonus_payouts.iter().enumerate() {
        let path = format!("{at}.bonus_payouts[{b}]");
        check_month(&format!("{path}.month"), payout.month, c.errors);
        if let Some(a) = payout.assessment {
            check_month(&format!("{path}.assessment.from"), a.from, c.errors);
            check_month(&format!("{path}.assessment.to"), a.to, c.errors);
        }
        if !payout_months.insert(payout.month) {
            c.push(
                format!("{path}.month"),
                Problem::PayoutMonthTaken {
                    month: payout.month,
                },
            );
        }
        let months_path = || format!("{path}.months");
        if c.decimals(months_path, payout.months, Quantity::Months)
            && (payout.months < Decimal::ZERO || payout.months > Decimal::from(12))
        {
            c.push(
                months_path(),
                Problem::PayoutOutOfRange {
                    months: payout.months,
                },
            );
        }
    }
    c.pct(|| format!("{at}.raise_pct"), people.raise_pct);
    check_month(&format!("{at}.raise_month"), people.raise_month, c.errors);
    c.pct(
        || format!("{at}.recruiting_fee_pct"),
        people.recruiting_fee_pct,
    );
    c.money(
        || format!("{at}.per_hire.equipment"),
        people.per_hire.equipment,
    );
    c.money(
        || format!("{at}.per_hire.onboarding"),
        people.per_hire.onboarding,
    );
    check_attrition(c, &format!("{at}.attrition"), &people.attrition);
    c.money(
        || format!("{at}.training_per_head_annual"),
        people.training_per_head_annual,
    );

    if !raises_within_limit(plan, scenario, people.raise_pct) {
        c.push(format!("{at}.raise_pct"), Problem::RaisesBeyondLimit);
    }
}

/// Raises compound: whether the largest salary stays within 10^15 until the
/// horizon's end at `raise_pct` (a rate outside 0–100 % is reported apart).
fn raises_within_limit(plan: &Plan, scenario: &Scenario, raise_pct: Decimal) -> bool {
    if raise_pct <= Decimal::ZERO || raise_pct > Decimal::ONE_HUNDRED {
        return true;
    }
    let raises = (0..i32::from(plan.horizon.months.min(MAX_HORIZON_MONTHS)))
        .filter_map(|m| plan.horizon.start.add_months(m))
        .filter(|m| m.month() == scenario.people.raise_month)
        .count();
    let largest = scenario
        .positions
        .iter()
        .filter_map(|p| scenario.annual_base_of(p))
        .max()
        .unwrap_or(Decimal::ZERO);
    compounds_within_limit(largest, raise_pct, i32::try_from(raises).unwrap_or(0))
}

/// Whether a monthly cloud growth is in range: above −100 %, at most 100 %.
fn growth_in_range(g: Decimal) -> bool {
    g > -Decimal::ONE_HUNDRED && g <= Decimal::ONE_HUNDRED
}

/// Whether a cloud line's cost stays within 10^15 over the horizon at `g` % a month.
fn growth_within_limit(plan: &Plan, on_demand: Decimal, g: Decimal) -> bool {
    g <= Decimal::ZERO
        || compounds_within_limit(on_demand, g, i32::from(plan.horizon.months.max(1)) - 1)
}

/// The longest a what-if may slip hires, either way: the longest horizon.
pub const MAX_HIRE_SLIP_MONTHS: i32 = 120;

/// Exchange rates: a known currency other than the plan's, a rate above
/// zero and at most 10^9 with at most 6 decimals, one step per currency and
/// month.
fn check_exchange_rates(c: &mut Checker<'_>, at: &str, scenario: &Scenario) {
    let mut steps = HashSet::new();
    for (i, rate) in scenario.exchange_rates.iter().enumerate() {
        let path = format!("{at}.exchange_rates[{i}]");
        if Currency::from_code(&rate.currency).is_none() {
            c.push(
                format!("{path}.currency"),
                Problem::UnknownCurrency {
                    code: rate.currency.clone(),
                },
            );
        } else if c.currency.is_some_and(|p| p.code() == rate.currency) {
            c.push(
                format!("{path}.currency"),
                Problem::RateOfPlanCurrency {
                    currency: rate.currency.clone(),
                },
            );
        }
        if c.decimals(|| format!("{path}.rate"), rate.rate, Quantity::Rate)
            && (rate.rate <= Decimal::ZERO || rate.rate > Decimal::from(1_000_000_000))
        {
            c.push(
                format!("{path}.rate"),
                Problem::RateOutOfBounds { value: rate.rate },
            );
        }
        if !steps.insert((rate.currency.as_str(), rate.from)) {
            c.push(
                format!("{path}.from"),
                Problem::RateStepTaken {
                    currency: rate.currency.clone(),
                    from: rate.from,
                },
            );
        }
    }
}

/// What-if adjustments: each in range, and such that the adjusted raise,
/// cloud growth and attrition would themselves be valid (the engine
/// forecasts the adjusted copy, docs/model.md "What-if adjustments"). A
/// stated rate that is itself invalid is reported on its own field only.
fn check_adjustments(c: &mut Checker<'_>, plan: &Plan, at: &str, scenario: &Scenario) {
    let adjustments = &scenario.adjustments;
    let at = format!("{at}.adjustments");
    let fx = adjustments.fx_pct;
    if c.decimals(|| format!("{at}.fx_pct"), fx, Quantity::Points)
        && !(Decimal::from(-90)..=Decimal::from(900)).contains(&fx)
    {
        c.push(
            format!("{at}.fx_pct"),
            Problem::FxChangeOutOfRange { value: fx },
        );
    }
    let slip = adjustments.hire_slip_months;
    if !(-MAX_HIRE_SLIP_MONTHS..=MAX_HIRE_SLIP_MONTHS).contains(&slip) {
        c.push(
            format!("{at}.hire_slip_months"),
            Problem::HireSlipOutOfRange {
                months: slip,
                max: MAX_HIRE_SLIP_MONTHS,
            },
        );
    }

    let points = adjustments.raise_points;
    let path = || format!("{at}.raise_points");
    let stated = scenario.people.raise_pct;
    if c.decimals(path, points, Quantity::Points)
        && stated.normalize().scale() <= MAX_RATE_DECIMALS
        && (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&stated)
    {
        match stated.checked_add(points) {
            Some(raise) if (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&raise) => {
                if !raises_within_limit(plan, scenario, raise) {
                    c.push(path(), Problem::AdjustedRaiseBeyondLimit { points, raise });
                }
            }
            raise => c.push(path(), Problem::AdjustedRaiseOutOfRange { points, raise }),
        }
    }

    let points = adjustments.cloud_growth_points;
    let path = || format!("{at}.cloud_growth_points");
    if c.decimals(path, points, Quantity::Points) && !points.is_zero() {
        // One message for the first line it breaks: the fix is the points.
        let broken = scenario.cloud.lines.iter().find_map(|line| {
            let stated = line.monthly_growth_pct;
            if stated.normalize().scale() > MAX_RATE_DECIMALS
                || !growth_in_range(stated)
                || !growth_within_limit(plan, line.on_demand_monthly, stated)
            {
                return None;
            }
            let line_name = || line.name.clone();
            let Some(growth) = stated.checked_add(points) else {
                return Some(Problem::AdjustedGrowthOverflow {
                    points,
                    line: line_name(),
                });
            };
            if !growth_in_range(growth) {
                Some(Problem::AdjustedGrowthOutOfRange {
                    points,
                    line: line_name(),
                    growth,
                })
            } else if !growth_within_limit(plan, line.on_demand_monthly, growth) {
                Some(Problem::AdjustedGrowthBeyondLimit {
                    points,
                    line: line_name(),
                    growth,
                })
            } else {
                None
            }
        });
        if let Some(problem) = broken {
            c.push(path(), problem);
        }
    }

    if let Some(rate) = adjustments.attrition_pct {
        let path = || format!("{at}.attrition_pct");
        let errors_before = c.errors.len();
        c.pct(path, rate);
        if c.errors.len() == errors_before {
            let lags = std::iter::once((None, &scenario.people.attrition)).chain(
                scenario
                    .teams
                    .iter()
                    .filter_map(|t| Some((Some(t.name.as_str()), t.attrition.as_ref()?))),
            );
            for (team, attrition) in lags {
                let lag = attrition.backfill_lag_months;
                if rate
                    .checked_mul(Decimal::from(lag))
                    .is_none_or(|share| share > Decimal::from(1200))
                {
                    c.push(
                        path(),
                        Problem::AdjustedVacancyBeyondSeat {
                            rate,
                            team: team.map(str::to_string),
                            lag,
                        },
                    );
                    break;
                }
            }
        }
    }
}

/// Whether `amount × (1 + pct/100)^times` stays within 10^15.
fn compounds_within_limit(amount: Decimal, pct: Decimal, times: i32) -> bool {
    let limit = Decimal::from(MAX_UNITS);
    let Some(factor) = pct
        .checked_div(Decimal::ONE_HUNDRED)
        .and_then(|f| f.checked_add(Decimal::ONE))
    else {
        return false;
    };
    let mut value = amount;
    for _ in 0..times.max(0) {
        match value.checked_mul(factor) {
            Some(v) if v <= limit => value = v,
            _ => return false,
        }
    }
    value <= limit
}
