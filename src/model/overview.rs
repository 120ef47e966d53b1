//! What the overview shows, computed exactly: readable category names, each
//! category's share of a fiscal year, the fiscal year to show, the series of
//! its charts, and whether the plan has anything to show yet.

use rust_decimal::Decimal;

use super::cloud::CloudMonths;
use super::forecast::PreparedScenario;
use super::ledger::{CATEGORY_COUNT, Category, LedgerRow, LedgerSink, Source};
use super::plan::{CloudCategory, Plan, Scenario};
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
        CloudLine, Date, OtherCost, OtherCostKind, YearMonth, fiscal_year_summaries,
        forecast_scenario, generate_plan,
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
