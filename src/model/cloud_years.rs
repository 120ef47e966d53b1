//! Cloud cost per fiscal year: each line, the per-engineer cost, and both.

use super::cloud::CloudMonths;
use super::summary::{FiscalYear, FiscalYearSummary};

/// The cloud cost of one fiscal year, in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudYear {
    pub year: FiscalYear,
    /// Months of the year inside the horizon (12 unless partial).
    pub months: usize,
    /// The horizon cuts this year.
    pub partial: bool,
    /// Each line's total, in the scenario's order.
    pub lines: Vec<i128>,
    /// All lines together.
    pub lines_total: i128,
    /// Development environments and CI.
    pub per_engineer: i128,
    /// The lines and the per-engineer cost.
    pub total: i128,
}

/// Each fiscal year's cloud cost, from the scenario's cloud months and its
/// fiscal-year summaries (whose month ranges say which months are whose).
pub fn cloud_years(cloud: &CloudMonths, years: &[FiscalYearSummary]) -> Vec<CloudYear> {
    years
        .iter()
        .map(|summary| {
            let range = summary.first_month..summary.first_month + summary.months;
            let lines: Vec<i128> = (0..cloud.lines.len())
                .map(|l| cloud.line_total(l, range.clone()))
                .collect();
            let per_engineer = cloud
                .per_engineer
                .get(range)
                .map_or(0, |months| months.iter().sum());
            let lines_total = lines.iter().sum::<i128>();
            CloudYear {
                year: summary.year,
                months: summary.months,
                partial: summary.partial,
                lines,
                lines_total,
                per_engineer,
                total: lines_total + per_engineer,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cloud::cloud_months;
    use crate::model::editing::new_cloud_line;
    use crate::model::{
        Category, Date, Plan, YearMonth, fiscal_year_summaries, forecast_scenario, generate_plan,
    };
    use rust_decimal::Decimal;

    fn years_of(plan: &Plan, s: usize) -> (Vec<CloudYear>, Vec<FiscalYearSummary>) {
        let forecast = forecast_scenario(plan, s).unwrap();
        let summaries = fiscal_year_summaries(plan, &forecast);
        let cloud = cloud_months(plan, s).unwrap();
        (cloud_years(&cloud, &summaries), summaries)
    }

    #[test]
    fn each_year_matches_the_forecast_cloud_category() {
        let plan = generate_plan(30, 30, 2, 11);
        for s in 0..plan.scenarios.len() {
            let (years, summaries) = years_of(&plan, s);
            assert_eq!(years.len(), summaries.len());
            for (year, summary) in years.iter().zip(&summaries) {
                assert_eq!(year.year, summary.year);
                assert_eq!(year.partial, summary.partial);
                assert_eq!(year.months, summary.months);
                assert_eq!(year.lines_total, year.lines.iter().sum::<i128>());
                assert_eq!(year.lines.len(), plan.scenarios[s].cloud.lines.len());
                assert_eq!(year.total, summary.category(Category::Cloud));
                assert_eq!(year.total, year.lines_total + year.per_engineer);
            }
        }
    }

    #[test]
    fn a_flat_line_and_one_engineer_per_fiscal_year() {
        // January 2026 for 18 months, April fiscal year: FY2025 has 3 months,
        // FY2026 12, FY2027 3.
        let start = YearMonth::new(2026, 1).unwrap();
        let mut plan = Plan::blank("Cloud", "JPY", 4, start, 18);
        let scenario = &mut plan.scenarios[0];
        let mut line = new_cloud_line();
        line.on_demand_monthly = Decimal::from(1_000_000);
        scenario.cloud.lines.push(line);
        scenario.cloud.per_engineer_monthly = Decimal::from(30_000);
        scenario.add_position(
            "Engineer",
            "Platform",
            Decimal::from(6_000_000),
            Date::new(2025, 1, 1).unwrap(),
        );
        let (years, _) = years_of(&plan, 0);
        let labels: Vec<String> = years.iter().map(|y| y.year.label()).collect();
        assert_eq!(labels, ["FY2025", "FY2026", "FY2027"]);
        let lines: Vec<i128> = years.iter().map(|y| y.lines[0]).collect();
        assert_eq!(lines, [3_000_000, 12_000_000, 3_000_000]);
        let per_engineer: Vec<i128> = years.iter().map(|y| y.per_engineer).collect();
        assert_eq!(per_engineer, [90_000, 360_000, 90_000]);
        let totals: Vec<i128> = years.iter().map(|y| y.total).collect();
        assert_eq!(totals, [3_090_000, 12_360_000, 3_090_000]);
        let partial: Vec<(bool, usize)> = years.iter().map(|y| (y.partial, y.months)).collect();
        assert_eq!(partial, [(true, 3), (false, 12), (true, 3)]);
    }
}
