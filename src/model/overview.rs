//! What the overview shows, computed exactly: readable category names, each
//! category's share of a fiscal year, the fiscal year to show, the series of
//! its charts, whether the plan has anything to show yet, and attrition in
//! people (expected departures and heads, as the forecast costs them).

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};

use super::adjust::adjusted_scenario;
use super::cloud::CloudMonths;
use super::forecast::PreparedScenario;
use super::ledger::{CATEGORY_COUNT, Category, LedgerRow, LedgerSink, Source};
use super::money::div_round;
use super::plan::{CloudCategory, Employment, Plan, Scenario};
use super::summary::{FiscalYear, FiscalYearSummary};
use super::totals::ScenarioForecast;
use super::validate::PlanError;

/// The cloud chart's series: the six cloud categories, then development
/// environments (the per-engineer cost).
pub const CLOUD_SERIES: usize = 7;

/// A cost category as people read it.
pub const fn category_name(category: Category) -> &'static str {
    match category {
        Category::Base => "Base salary",
        Category::Bonus => "Bonuses",
        Category::Burden => "Employer burden",
        Category::Benefits => "Benefits per head",
        Category::Recruiting => "Recruiting",
        Category::Tools => "Tools",
        Category::Equipment => "Equipment & onboarding",
        Category::Training => "Training",
        Category::Other => "Other costs",
        Category::Cloud => "Cloud",
    }
}

/// A cloud category as people read it.
pub const fn cloud_category_name(category: CloudCategory) -> &'static str {
    match category {
        CloudCategory::Compute => "Compute",
        CloudCategory::Storage => "Storage",
        CloudCategory::Data => "Data",
        CloudCategory::Observability => "Observability",
        CloudCategory::Network => "Network",
        CloudCategory::Other => "Other cloud",
    }
}

/// `part` as a percentage of `total`, rounded half away from zero to one
/// decimal (12.3 means 12.3 %). `None` when the total is zero (no share to
/// speak of) or the product would overflow.
pub fn share_pct(part: i128, total: i128) -> Option<Decimal> {
    if total == 0 {
        return None;
    }
    // Tenths of a percent: part × 1000 / total, rounded once.
    let numerator = part.checked_mul(1000)?.checked_mul(total.signum())?;
    let tenths = super::money::div_round(numerator, total.checked_abs()?);
    Decimal::try_from_i128_with_scale(tenths, 1).ok()
}

/// Each category's share of the year's total, in [`Category::ALL`] order.
pub fn category_shares(year: &FiscalYearSummary) -> [Option<Decimal>; CATEGORY_COUNT] {
    year.by_category.map(|amount| share_pct(amount, year.total))
}

/// Which of `years` to show: the one asked for if the horizon still has it,
/// else the first full year, else the first. `None` only without years.
pub fn pick_year(years: &[FiscalYearSummary], asked: Option<FiscalYear>) -> Option<usize> {
    asked
        .and_then(|asked| years.iter().position(|y| y.year == asked))
        .or_else(|| years.iter().position(|y| !y.partial))
        .or(if years.is_empty() { None } else { Some(0) })
}

/// Nothing to show: no positions, no cloud lines and no cost in any month
/// (other costs alone still give figures).
pub fn nothing_to_show(scenario: &Scenario, forecast: &ScenarioForecast) -> bool {
    scenario.positions.is_empty()
        && scenario.cloud.lines.is_empty()
        && (0..forecast.months().len()).all(|m| forecast.month_total(m) == 0)
}

/// A stacked chart's numbers: each month's parts in series order and the
/// month's total (the sum of its parts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stack<const N: usize> {
    pub parts: Vec<[i128; N]>,
    pub totals: Vec<i128>,
}

/// Monthly cost by category over the horizon.
pub fn cost_stack(forecast: &ScenarioForecast) -> Stack<CATEGORY_COUNT> {
    let months = forecast.months().len();
    Stack {
        parts: (0..months).map(|m| forecast.month_categories(m)).collect(),
        totals: (0..months).map(|m| forecast.month_total(m)).collect(),
    }
}

/// Heads and FTE on each month's last day, both in millionths so that one
/// axis carries both: `[heads × 10⁶, FTE × 10⁶]`.
pub fn headcount_lines(forecast: &ScenarioForecast) -> Vec<[i128; 2]> {
    (0..forecast.months().len())
        .map(|m| {
            let h = forecast.headcount(m);
            [i128::from(h.heads) * 1_000_000, i128::from(h.fte_micro)]
        })
        .collect()
}

/// The headcount chart's lines on each month's last day, in millionths:
/// `[heads, FTE, heads expected after attrition]` (see [`ExpectedAttrition`]).
pub fn headcount_with_attrition(
    forecast: &ScenarioForecast,
    attrition: &ExpectedAttrition,
) -> Vec<[i128; 3]> {
    headcount_lines(forecast)
        .into_iter()
        .enumerate()
        .map(|(m, [heads, fte])| [heads, fte, attrition.expected_heads_micro(m)])
        .collect()
}

/// Least common multiple of 28, 29, 30 and 31: a month's active share
/// (days active ÷ days in the month) is a whole number of 1/377,580ths.
const DAYS_LCM: i128 = 377_580;

/// A rate of r % a year is r/1200 a month.
const PCT_MONTHS: i128 = 1200;

/// One attrition rule as the forecast applies it: the scenario's own, or a
/// team's override.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rule {
    rate_pct: Decimal,
    lag: u8,
}

/// What one rule's employees add up to in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    /// Employees on the month's last day.
    heads: i64,
    /// Σ min(k, L) over them: the months of vacancy build-up the forecast
    /// counts (k months active in the horizon before this one, L the lag).
    steps: i64,
    /// Σ days active × (377,580 ÷ days in the month) over every employee
    /// active in the month: months worked, in 1/377,580ths.
    worked: i128,
}

/// A scenario's attrition in people, by the forecast's own arithmetic
/// (`forecast.rs`; docs/model.md, "Attrition (expected value)"). An
/// employee's costs are booked × (1 − v), v = r/12 × min(k, L) the expected
/// vacant share of the seat after k months active in the horizon (r the
/// annual rate, L the backfill lag), and a backfill fee falls on r/12 of the
/// seat for each month worked. In people:
///
/// - expected departures = Σ over employees' months of r/12 × the share of
///   the month worked (10 people all year at 12 % → 1.2);
/// - expected heads on a month's last day = Σ over the heads of 1 − v
///   (contractors do not leave by attrition: 1 each).
///
/// A team's own attrition replaces the scenario's for its positions, and a
/// what-if attrition rate replaces both, as in the forecast. Figures are
/// exact and rounded once, to millionths. Validation keeps r × L ≤ 12 (r as a
/// share), so 1 − v is never below 0 (the forecast's floor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedAttrition {
    /// The scenario's annual rate in percent, as forecast (after what-if).
    pub rate_pct: Decimal,
    /// Whether some team leaves at a rate of its own, other than `rate_pct`.
    pub team_rates: bool,
    rules: Vec<Rule>,
    /// Per month: heads on the last day that attrition leaves alone.
    others: Vec<i64>,
    /// `months × rules`.
    tallies: Vec<Tally>,
}

/// Attrition in people of scenario `scenario` of `plan` over the horizon
/// (see [`ExpectedAttrition`]); `None` without that scenario.
pub fn expected_attrition(plan: &Plan, scenario: usize) -> Option<ExpectedAttrition> {
    let scenario = adjusted_scenario(plan.scenarios.get(scenario)?);
    let months = plan.months();
    let own = &scenario.people.attrition;
    let mut rules = vec![Rule {
        rate_pct: own.annual_rate_pct,
        lag: own.backfill_lag_months,
    }];
    let mut rule_of: HashMap<&str, usize> = HashMap::with_capacity(scenario.teams.len());
    for team in &scenario.teams {
        let rule = match &team.attrition {
            Some(a) => {
                rules.push(Rule {
                    rate_pct: a.annual_rate_pct,
                    lag: a.backfill_lag_months,
                });
                rules.len() - 1
            }
            None => 0,
        };
        rule_of.insert(team.name.as_str(), rule);
    }
    let width = rules.len();
    let n = months.len();
    let mut others = vec![0_i64; n];
    let mut tallies = vec![Tally::default(); n * width];
    let h0 = months.first().map_or(0, |m| i64::from(m.index()));
    for p in &scenario.positions {
        let rule = rule_of.get(p.team.as_str()).copied().unwrap_or(0);
        let lag = i64::from(rules[rule].lag);
        let employee = p.employment == Employment::Employee;
        let start = p.start.year_month().index();
        let (end, end_day) = p
            .end
            .map_or((i32::MAX, 31), |e| (e.year_month().index(), e.day()));
        // The months the forecast runs the position in, as it counts them.
        let first_m = (i64::from(start) - h0).max(0);
        let last_m = (i64::from(end) - h0).min(n as i64 - 1);
        for m in first_m..=last_m {
            let Some(month) = months.get(m as usize) else {
                break;
            };
            let days = i64::from(month.days());
            let first_day = if month.index() == start {
                i64::from(p.start.day())
            } else {
                1
            };
            let last_day = if month.index() == end {
                i64::from(end_day).min(days)
            } else {
                days
            };
            let active = last_day - first_day + 1;
            if active <= 0 {
                continue;
            }
            let on_last_day = last_day == days;
            if !employee {
                others[m as usize] += i64::from(on_last_day);
                continue;
            }
            let tally = &mut tallies[m as usize * width + rule];
            if on_last_day {
                tally.heads += 1;
                tally.steps += (m - first_m).min(lag);
            }
            tally.worked += i128::from(active) * (DAYS_LCM / i128::from(days));
        }
    }
    let rate_pct = rules[0].rate_pct;
    Some(ExpectedAttrition {
        rate_pct,
        team_rates: rules[1..].iter().any(|r| r.rate_pct != rate_pct),
        rules,
        others,
        tallies,
    })
}

/// `value ÷ denominator` in millionths, rounded half away from zero once.
fn millionths(value: Decimal, denominator: i128) -> i128 {
    let exact = 10_i128.checked_pow(value.scale()).and_then(|scale| {
        Some(div_round(
            value.mantissa().checked_mul(1_000_000)?,
            denominator.checked_mul(scale)?,
        ))
    });
    // Out of i128 only for rates with absurdly many decimals.
    exact.unwrap_or_else(|| {
        value
            .checked_div(Decimal::from_i128_with_scale(denominator, 0))
            .map_or(0, |q| {
                let mut q = q.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero);
                q.rescale(6);
                q.mantissa()
            })
    })
}

fn from_millionths(value: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(value, 6)
        .unwrap_or_default()
        .normalize()
}

impl ExpectedAttrition {
    /// Months of the horizon.
    pub fn months(&self) -> usize {
        self.others.len()
    }

    fn month(&self, m: usize) -> &[Tally] {
        let width = self.rules.len();
        self.tallies
            .get(m * width..(m + 1) * width)
            .unwrap_or_default()
    }

    /// Heads on month `m`'s last day, as planned (the forecast's headcount).
    pub fn planned_heads(&self, m: usize) -> i64 {
        self.others.get(m).copied().unwrap_or(0)
            + self.month(m).iter().map(|t| t.heads).sum::<i64>()
    }

    /// Heads expected on month `m`'s last day after attrition, in
    /// millionths: the planned heads less the seats attrition leaves vacant
    /// until their backfill, Σ r/12 × min(k, L).
    pub fn expected_heads_micro(&self, m: usize) -> i128 {
        // Over 1200: 1200 × heads − Σ rate % × steps.
        let planned = Decimal::from(self.planned_heads(m));
        let expected = self.rules.iter().zip(self.month(m)).try_fold(
            planned * Decimal::from_i128_with_scale(PCT_MONTHS, 0),
            |sum, (rule, tally)| {
                sum.checked_sub(rule.rate_pct.checked_mul(Decimal::from(tally.steps))?)
            },
        );
        expected.map_or(0, |e| millionths(e, PCT_MONTHS))
    }

    /// Heads expected on month `m`'s last day after attrition (6 decimals).
    pub fn expected_heads(&self, m: usize) -> Decimal {
        from_millionths(self.expected_heads_micro(m))
    }

    /// Departures expected in months `first..end` (clamped to the horizon)
    /// at the scenario's rates, exact and rounded to 6 decimals.
    pub fn expected_departures(&self, first: usize, end: usize) -> Decimal {
        let end = end.min(self.months());
        let width = self.rules.len();
        let leaving = self
            .rules
            .iter()
            .enumerate()
            .try_fold(Decimal::ZERO, |sum, (r, rule)| {
                let worked: i128 = (first.min(end)..end)
                    .filter_map(|m| self.tallies.get(m * width + r))
                    .map(|t| t.worked)
                    .sum();
                let worked = Decimal::try_from_i128_with_scale(worked, 0).ok()?;
                sum.checked_add(rule.rate_pct.checked_mul(worked)?)
            });
        leaving.map_or(Decimal::ZERO, |l| {
            from_millionths(millionths(l, PCT_MONTHS * DAYS_LCM))
        })
    }

    /// Departures expected in a fiscal year's months inside the horizon.
    pub fn year_departures(&self, year: &FiscalYearSummary) -> Decimal {
        self.expected_departures(year.first_month, year.first_month + year.months)
    }
}

/// Cloud lines only: other rows are the forecast's already.
struct LineSink {
    lines: Vec<Vec<i128>>,
}

impl LedgerSink for LineSink {
    fn row(&mut self, row: &LedgerRow) {
        if row.category != Category::Cloud {
            return;
        }
        if let Source::CloudLine(l) = row.source
            && let Some(slot) = self
                .lines
                .get_mut(l as usize)
                .and_then(|line| line.get_mut(usize::from(row.month)))
        {
            *slot += i128::from(row.amount_minor);
        }
    }
}

/// The same figures as [`cloud_months`](super::cloud::cloud_months), from
/// `forecast`, the forecast of scenario `scenario` of `plan`: the lines are
/// forecast on their own (no position is run again), and the per-engineer
/// cost is what the forecast's cloud category holds beyond them. An edit to
/// a 5,000-position plan then costs one forecast, not two.
pub fn cloud_months_of(
    plan: &Plan,
    scenario: usize,
    forecast: &ScenarioForecast,
) -> Result<CloudMonths, Vec<PlanError>> {
    let months = forecast.months().len();
    let mut sink = LineSink { lines: Vec::new() };
    // Without lines there is nothing to compile: the cloud category is all
    // development environments.
    let has_lines = plan
        .scenarios
        .get(scenario)
        .is_some_and(|s| !s.cloud.lines.is_empty());
    if has_lines {
        let prepared = PreparedScenario::new(plan, scenario)?;
        sink.lines = vec![vec![0; months]; prepared.scenario().cloud.lines.len()];
        prepared.forecast_lines(&mut sink);
    }
    let per_engineer = (0..months)
        .map(|m| {
            let lines: i128 = sink.lines.iter().map(|line| line[m]).sum();
            forecast.month_category(m, Category::Cloud) - lines
        })
        .collect();
    Ok(CloudMonths {
        lines: sink.lines,
        per_engineer,
    })
}

/// Cloud cost per month by cloud category, then development environments;
/// each month's total is the forecast's cloud category.
pub fn cloud_stack(
    plan: &Plan,
    scenario: usize,
    forecast: &ScenarioForecast,
) -> Result<Stack<CLOUD_SERIES>, Vec<PlanError>> {
    let cloud = cloud_months_of(plan, scenario, forecast)?;
    let parts = cloud
        .by_category(plan, scenario)
        .into_iter()
        .zip(&cloud.per_engineer)
        .map(|(by_category, per_engineer)| {
            let mut parts = [0; CLOUD_SERIES];
            parts[..6].copy_from_slice(&by_category);
            parts[6] = *per_engineer;
            parts
        })
        .collect();
    let totals = (0..forecast.months().len())
        .map(|m| cloud.month_total(m))
        .collect();
    Ok(Stack { parts, totals })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cloud::{category_index, cloud_months};
    use crate::model::{
        Activity, Attrition, CloudLine, Date, OtherCost, OtherCostKind, Position, PositionStatus,
        Team, YearMonth, fiscal_year_summaries, forecast_scenario, generate_plan,
    };
    use rust_decimal::dec;

    #[test]
    fn categories_have_readable_names() {
        let names: Vec<&str> = Category::ALL.iter().map(|c| category_name(*c)).collect();
        assert_eq!(
            names,
            [
                "Base salary",
                "Bonuses",
                "Employer burden",
                "Benefits per head",
                "Recruiting",
                "Tools",
                "Equipment & onboarding",
                "Training",
                "Other costs",
                "Cloud"
            ]
        );
        assert_eq!(
            cloud_category_name(CloudCategory::Observability),
            "Observability"
        );
        assert_eq!(cloud_category_name(CloudCategory::Other), "Other cloud");
    }

    #[test]
    fn shares_round_half_away_from_zero_to_one_decimal() {
        assert_eq!(share_pct(1, 3), Some(dec!(33.3)));
        assert_eq!(share_pct(2, 3), Some(dec!(66.7)));
        // 1/8 = 12.5 % exactly; 1/16 = 6.25 % rounds up to 6.3.
        assert_eq!(share_pct(1, 8), Some(dec!(12.5)));
        assert_eq!(share_pct(1, 16), Some(dec!(6.3)));
        assert_eq!(share_pct(-1, 16), Some(dec!(-6.3)));
        assert_eq!(share_pct(1, -16), Some(dec!(-6.3)));
        assert_eq!(share_pct(5, 5), Some(dec!(100.0)));
        assert_eq!(share_pct(0, 5), Some(dec!(0.0)));
        assert_eq!(share_pct(5, 0), None);
        assert_eq!(share_pct(i128::MAX, 7), None);
        // Large yen totals stay exact.
        assert_eq!(
            share_pct(123_456_789_012, 987_654_321_098),
            Some(dec!(12.5))
        );
    }

    #[test]
    fn category_shares_follow_the_year() {
        let plan = generate_plan(30, 12, 1, 3);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let years = fiscal_year_summaries(&plan, &forecast);
        let year = &years[0];
        let shares = category_shares(year);
        for (category, share) in Category::ALL.iter().zip(shares) {
            assert_eq!(share, share_pct(year.category(*category), year.total));
        }
        let base = shares[Category::Base.index()].unwrap();
        assert!(base > dec!(20) && base < dec!(100), "{base}");
    }

    fn year(start_year: i32, partial: bool) -> FiscalYearSummary {
        FiscalYearSummary {
            year: FiscalYear {
                start_year,
                start_month: 4,
            },
            first_month: 0,
            months: if partial { 3 } else { 12 },
            partial,
            by_category: [0; CATEGORY_COUNT],
            total: 0,
            by_team: Vec::new(),
            heads_at_end: 0,
            fte_at_end: Decimal::ZERO,
            hires: 0,
            departures: 0,
            average_fte: Decimal::ZERO,
            cost_per_engineer: None,
            cloud_per_engineer: None,
        }
    }

    #[test]
    fn the_year_asked_for_else_the_first_full_one() {
        let years = [year(2025, true), year(2026, false), year(2027, true)];
        let fy = |start_year| {
            Some(FiscalYear {
                start_year,
                start_month: 4,
            })
        };
        assert_eq!(pick_year(&years, fy(2027)), Some(2));
        assert_eq!(pick_year(&years, fy(2025)), Some(0));
        assert_eq!(pick_year(&years, None), Some(1));
        // A year the horizon no longer has falls back.
        assert_eq!(pick_year(&years, fy(2031)), Some(1));
        assert_eq!(
            pick_year(&[year(2025, true), year(2026, true)], None),
            Some(0)
        );
        assert_eq!(pick_year(&[], fy(2026)), None);
    }

    #[test]
    fn a_blank_plan_has_nothing_to_show_until_something_costs() {
        let start = YearMonth::new(2026, 4).unwrap();
        let mut plan = Plan::blank("p", "JPY", 4, start, 12);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        assert!(nothing_to_show(&plan.scenarios[0], &forecast));

        plan.scenarios[0].other_costs.push(OtherCost {
            currency: None,
            name: "Office".into(),
            team: None,
            kind: OtherCostKind::OneOff,
            amount: dec!(100000),
            start,
            end: None,
            yearly_escalation_pct: Decimal::ZERO,
        });
        let forecast = forecast_scenario(&plan, 0).unwrap();
        assert!(!nothing_to_show(&plan.scenarios[0], &forecast));

        let generated = generate_plan(2, 12, 1, 1);
        let forecast = forecast_scenario(&generated, 0).unwrap();
        assert!(!nothing_to_show(&generated.scenarios[0], &forecast));
    }

    #[test]
    fn cost_stack_is_the_forecast_by_month_and_category() {
        let plan = generate_plan(20, 18, 1, 5);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let stack = cost_stack(&forecast);
        assert_eq!(stack.parts.len(), 18);
        assert_eq!(stack.totals.len(), 18);
        for m in 0..18 {
            assert_eq!(stack.parts[m], forecast.month_categories(m));
            assert_eq!(stack.totals[m], stack.parts[m].iter().sum::<i128>());
            assert!(stack.totals[m] > 0);
        }
    }

    #[test]
    fn headcount_lines_are_heads_and_fte_in_millionths() {
        let mut plan = generate_plan(1, 3, 1, 1);
        let second = plan.horizon.start.add_months(1).unwrap();
        let position = &mut plan.scenarios[0].positions[0];
        position.fte = dec!(0.5);
        position.start = Date::new(second.year(), second.month(), 10).unwrap();
        position.end = None;
        let forecast = forecast_scenario(&plan, 0).unwrap();
        assert_eq!(
            headcount_lines(&forecast),
            vec![[0, 0], [1_000_000, 500_000], [1_000_000, 500_000]]
        );
    }

    fn person(id: &str, team: &str, start: &str, end: Option<&str>) -> Position {
        Position {
            id: id.into(),
            title: format!("Engineer {id}"),
            team: team.into(),
            level: "Mid".into(),
            status: PositionStatus::Filled,
            employment: Employment::Employee,
            annual_base: Some(dec!(6000000)),
            fte: Decimal::ONE,
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
            recruiting_fee_pct: None,
            age_dependent_burden: false,
            location: None,
            monthly_base: None,
            allowances: Vec::new(),
        }
    }

    /// FY2026 (April to March) in yen, teams Platform and Data, the
    /// scenario's attrition `rate` % a year with a backfill lag of `lag`.
    fn staff_plan(rate: Decimal, lag: u8) -> Plan {
        let mut plan = Plan::blank("p", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
        let s = &mut plan.scenarios[0];
        s.teams = ["Platform", "Data"]
            .map(|name| Team {
                name: name.into(),
                attrition: None,
            })
            .into();
        s.people.attrition = Attrition {
            annual_rate_pct: rate,
            backfill_lag_months: lag,
        };
        plan
    }

    #[test]
    fn ten_people_all_year_at_12_pct_are_expected_to_lose_1_2() {
        let mut plan = staff_plan(dec!(12), 2);
        plan.scenarios[0].positions = (0..10)
            .map(|i| person(&format!("P{i}"), "Platform", "2025-01-01", None))
            .collect();
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let attrition = expected_attrition(&plan, 0).unwrap();
        // 10 people × 12 months × 12 %/12 = 1.2.
        assert_eq!(attrition.expected_departures(0, 12), dec!(1.2));
        let years = fiscal_year_summaries(&plan, &forecast);
        assert_eq!(attrition.year_departures(&years[0]), dec!(1.2));
        // One quarter: 10 × 3 × 1 % = 0.3.
        assert_eq!(attrition.expected_departures(0, 3), dec!(0.3));
        assert_eq!(years[0].departures, 0);
        assert_eq!(
            (attrition.rate_pct, attrition.team_rates),
            (dec!(12), false)
        );

        // 1 % of the seats empties each month and stays empty for the lag
        // (2 months): 10, 10 × 0.99, then 10 × 0.98 from June on.
        let lines = headcount_with_attrition(&forecast, &attrition);
        assert_eq!(lines.len(), 12);
        assert_eq!(lines[0], [10_000_000, 10_000_000, 10_000_000]);
        assert_eq!(lines[1], [10_000_000, 10_000_000, 9_900_000]);
        assert_eq!(lines[2], [10_000_000, 10_000_000, 9_800_000]);
        assert!(lines[2..].iter().all(|l| l[2] == 9_800_000));
        assert_eq!(attrition.expected_heads(1), dec!(9.9));
        // The cost of the same months: base pay of 500,000 a month each,
        // booked × (1 − v), so base cost ÷ expected heads is one full salary.
        for (m, base) in [
            (0, 5_000_000),
            (1, 4_950_000),
            (2, 4_900_000),
            (11, 4_900_000),
        ] {
            assert_eq!(forecast.month_category(m, Category::Base), base);
            assert_eq!(attrition.expected_heads_micro(m) / 2, base);
        }
    }

    #[test]
    fn partial_months_contractors_and_team_rates_count_as_the_forecast_does() {
        let mut plan = staff_plan(dec!(12), 1);
        let s = &mut plan.scenarios[0];
        s.teams[1].attrition = Some(Attrition {
            annual_rate_pct: dec!(24),
            backfill_lag_months: 3,
        });
        let mut contractor = person("B", "Platform", "2026-04-01", None);
        contractor.employment = Employment::Contractor;
        s.positions = vec![
            // Half of April (15 of 30 days), then every month.
            person("A", "Platform", "2026-04-16", None),
            contractor,
            // Since before the horizon to mid-June (15 of 30 days), at 24 %.
            person("C", "Data", "2024-10-01", Some("2026-06-15")),
        ];
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let attrition = expected_attrition(&plan, 0).unwrap();
        assert!(attrition.team_rates);
        // A: 0.5 × 1 % + 11 × 1 % = 0.115; C: (1 + 1 + 0.5) × 2 % = 0.05;
        // the contractor none.
        assert_eq!(attrition.expected_departures(0, 12), dec!(0.165));
        // April to June: A 0.005 + 0.01 + 0.01, C 0.05.
        assert_eq!(attrition.expected_departures(0, 3), dec!(0.075));
        assert_eq!(attrition.expected_departures(3, 99), dec!(0.09));
        // Heads on the last day: April 3 (no build-up yet); May A 0.99,
        // B 1, C 0.98; from June A 0.99 (lag 1) and B, C gone mid-June.
        let expected: Vec<Decimal> = (0..4).map(|m| attrition.expected_heads(m)).collect();
        assert_eq!(expected, [dec!(3), dec!(2.97), dec!(1.99), dec!(1.99)]);
        for m in 0..12 {
            assert_eq!(
                attrition.planned_heads(m),
                i64::from(forecast.headcount(m).heads)
            );
        }
        assert_eq!(fiscal_year_summaries(&plan, &forecast)[0].departures, 1);

        // A what-if rate replaces the scenario's and the team's: 6 % is 0.5 %
        // a month. A: 0.5 × 0.5 % + 11 × 0.5 %; C: 2.5 × 0.5 %.
        plan.scenarios[0].adjustments.attrition_pct = Some(dec!(6));
        let attrition = expected_attrition(&plan, 0).unwrap();
        assert_eq!((attrition.rate_pct, attrition.team_rates), (dec!(6), false));
        assert_eq!(attrition.expected_departures(0, 12), dec!(0.07));
        assert_eq!(attrition.expected_heads(1), dec!(2.99));
        assert!(expected_attrition(&plan, 1).is_none());
    }

    /// Every activity of one position, with the inputs of its amounts.
    struct Activities(Vec<Activity>);

    impl LedgerSink for Activities {
        fn row(&mut self, _row: &LedgerRow) {}
        fn wants_position_rows(&self) -> bool {
            false
        }
        fn activity(&mut self, activity: &Activity) {
            self.0.push(*activity);
        }
    }

    fn gcd(a: i128, b: i128) -> i128 {
        if b == 0 { a } else { gcd(b, a % b) }
    }

    #[test]
    fn expected_heads_are_the_seats_the_forecast_books() {
        let mut adjusted = generate_plan(80, 30, 1, 5);
        adjusted.scenarios[0].adjustments.attrition_pct = Some(dec!(9.5));
        adjusted.scenarios[0].adjustments.hire_slip_months = 2;
        for plan in [generate_plan(120, 30, 2, 3), adjusted] {
            for s in 0..plan.scenarios.len() {
                let prepared = PreparedScenario::new(&plan, s).unwrap();
                let scenario = prepared.scenario();
                let attrition = expected_attrition(&plan, s).unwrap();
                let months = plan.months().len();
                // Per month, Σ (1 − v) over the seats on the last day as the
                // engine traced it, over a common denominator.
                let mut sums = vec![(0_i128, 1_i128); months];
                let mut leaving = vec![Decimal::ZERO; months];
                for p in 0..scenario.positions.len() {
                    let mut sink = Activities(Vec::new());
                    let trace = prepared.trace_position(p, &mut sink);
                    assert_eq!(trace.len(), sink.0.len());
                    let position = &scenario.positions[p];
                    let rate = scenario
                        .teams
                        .iter()
                        .find(|t| t.name == position.team)
                        .and_then(|t| t.attrition.as_ref())
                        .unwrap_or(&scenario.people.attrition)
                        .annual_rate_pct;
                    for (month, activity) in trace.iter().zip(&sink.0) {
                        let m = usize::from(activity.month);
                        if activity.on_last_day {
                            let (n, d) =
                                (i128::from(month.occupied.0), i128::from(month.occupied.1));
                            let (sn, sd) = sums[m];
                            let lcm = sd / gcd(sd, d) * d;
                            sums[m] = (sn * (lcm / sd) + n * (lcm / d), lcm);
                        }
                        if position.employment == Employment::Employee {
                            leaving[m] += rate / dec!(1200) * Decimal::from(activity.days_active)
                                / Decimal::from(activity.days_in_month);
                        }
                    }
                }
                assert!(attrition.rate_pct > Decimal::ZERO);
                for (m, (n, d)) in sums.into_iter().enumerate() {
                    assert_eq!(
                        attrition.expected_heads_micro(m),
                        div_round(n * 1_000_000, d),
                        "month {m}"
                    );
                    let planned = i128::from(attrition.planned_heads(m)) * 1_000_000;
                    assert!(attrition.expected_heads_micro(m) <= planned);
                }
                // Some seats are vacant: the comparison is not of full seats only.
                assert!((0..months).any(|m| {
                    attrition.expected_heads_micro(m)
                        < i128::from(attrition.planned_heads(m)) * 1_000_000
                }));
                let all: Decimal = leaving.iter().sum();
                let diff = (attrition.expected_departures(0, months) - all).abs();
                assert!(diff <= dec!(0.000001), "{diff}");
                assert!(attrition.expected_departures(0, months) > Decimal::ZERO);
            }
        }
    }

    #[test]
    fn cloud_from_the_forecast_equals_cloud_months() {
        let plan = generate_plan(40, 24, 2, 7);
        for s in 0..plan.scenarios.len() {
            let forecast = forecast_scenario(&plan, s).unwrap();
            let expected = cloud_months(&plan, s).unwrap();
            assert_eq!(cloud_months_of(&plan, s, &forecast).unwrap(), expected);
            let stack = cloud_stack(&plan, s, &forecast).unwrap();
            let by_category = expected.by_category(&plan, s);
            assert_eq!(stack.parts.len(), 24);
            for (m, (parts, by_category)) in stack.parts.iter().zip(&by_category).enumerate() {
                assert_eq!(parts[..6], *by_category);
                assert_eq!(parts[6], expected.per_engineer[m]);
                assert_eq!(stack.totals[m], forecast.month_category(m, Category::Cloud));
            }
            assert!(stack.parts.iter().any(|p| p[6] > 0));
            assert!(stack.parts.iter().any(|p| p[..6].iter().any(|v| *v > 0)));
        }
    }

    #[test]
    fn without_lines_the_cloud_is_development_environments() {
        let mut plan = generate_plan(10, 12, 1, 2);
        plan.scenarios[0].cloud.lines.clear();
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let expected = cloud_months(&plan, 0).unwrap();
        assert!(expected.per_engineer.iter().all(|v| *v > 0));
        assert_eq!(cloud_months_of(&plan, 0, &forecast).unwrap(), expected);
    }

    #[test]
    fn a_lines_category_picks_its_series() {
        let start = YearMonth::new(2026, 1).unwrap();
        let mut plan = Plan::blank("p", "USD", 1, start, 2);
        let mut line: CloudLine = generate_plan(1, 2, 1, 1).scenarios[0].cloud.lines[0].clone();
        line.category = CloudCategory::Network;
        line.on_demand_monthly = dec!(100);
        line.monthly_growth_pct = Decimal::ZERO;
        line.commitment = None;
        line.savings.clear();
        line.one_offs.clear();
        plan.scenarios[0].cloud.lines.push(line);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let stack = cloud_stack(&plan, 0, &forecast).unwrap();
        assert_eq!(category_index(CloudCategory::Network), 4);
        assert_eq!(stack.parts, vec![[0, 0, 0, 0, 10_000, 0, 0]; 2]);
        assert_eq!(stack.totals, vec![10_000, 10_000]);
    }

    #[test]
    fn an_invalid_plan_gives_its_errors_for_the_cloud_chart() {
        let plan = generate_plan(3, 12, 1, 1);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let mut broken = plan.clone();
        broken.currency = "XXX".into();
        assert!(cloud_stack(&broken, 0, &forecast).is_err());
    }
}
