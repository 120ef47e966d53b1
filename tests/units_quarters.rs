//! The on-screen quarters, halves and hiring plan against the forecast:
//! every period's amount is the exact sum of its months, each fiscal year's
//! quarters and halves add up to its summary, and the hiring plan's cells
//! add up to the year's hires and headcount; for an April and a January
//! fiscal year over a horizon that cuts both ends.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::hiring_plan::{hiring_plan, team_months};
use fleetplan::model::periods::{Granularity, periods};
use fleetplan::model::units::Unit;
use fleetplan::model::{
    CATEGORY_COUNT, Currency, Plan, YearMonth, fiscal_year_summaries, forecast_scenario,
};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");

/// The example plan over June 2026 to May 2028: the first and last fiscal
/// years are partial whatever month they start in.
fn cut_plan(fiscal_start: u8) -> Plan {
    let mut plan = read_plan_file(EXAMPLE).expect("the example plan reads");
    plan.fiscal_year_start_month = fiscal_start;
    plan.horizon.start = YearMonth::new(2026, 6).unwrap();
    plan.horizon.months = 24;
    plan
}

#[test]
fn periods_are_the_exact_sums_of_their_months() {
    for start in [4, 1] {
        let plan = cut_plan(start);
        let forecast = forecast_scenario(&plan, 0).expect("the example forecasts");
        let months = forecast.months();
        let years = fiscal_year_summaries(&plan, &forecast);
        assert!(years.first().unwrap().partial && years.last().unwrap().partial);
        for granularity in Granularity::ALL {
            let all = periods(months, start, granularity);
            // The periods tile the horizon.
            assert_eq!(all.iter().map(|p| p.months).sum::<usize>(), months.len());
            for p in &all {
                let by_hand: i128 = p.month_indexes().map(|m| forecast.month_total(m)).sum();
                assert_eq!(p.sum(|m| forecast.month_total(m)), by_hand);
                for c in 0..CATEGORY_COUNT {
                    let by_hand: i128 = p
                        .month_indexes()
                        .map(|m| forecast.month_categories(m)[c])
                        .sum();
                    assert_eq!(p.sum(|m| forecast.month_categories(m)[c]), by_hand);
                }
            }
            // Each fiscal year's periods add up to its summary, to the minor unit.
            for year in &years {
                let parts: i128 = all
                    .iter()
                    .filter(|p| p.year == year.year)
                    .map(|p| p.sum(|m| forecast.month_total(m)))
                    .sum();
                assert_eq!(parts, year.total, "{granularity:?} of {:?}", year.year);
            }
        }
        // The horizon's total is the sum of its quarters.
        let quarters: i128 = periods(months, start, Granularity::Quarters)
            .iter()
            .map(|p| p.sum(|m| forecast.month_total(m)))
            .sum();
        assert_eq!(quarters, forecast.total());
    }
}

#[test]
fn a_quarter_in_thousands_is_its_exact_total_rounded_once() {
    let plan = cut_plan(4);
    let forecast = forecast_scenario(&plan, 0).unwrap();
    let jpy = Currency::from_code("JPY").unwrap();
    for q in periods(forecast.months(), 4, Granularity::Quarters) {
        let exact = q.sum(|m| forecast.month_total(m));
        let shown = Unit::Thousand.scaled(exact, jpy);
        // Within half a thousand of the exact figure, never further.
        assert!(
            (shown * 1000 - exact).abs() <= 500,
            "{exact} shown as {shown}"
        );
    }
}

#[test]
fn the_hiring_plan_adds_up_to_the_year() {
    for start in [4, 1] {
        let plan = cut_plan(start);
        let forecast = forecast_scenario(&plan, 0).unwrap();
        let teams = team_months(&forecast);
        for year in fiscal_year_summaries(&plan, &forecast) {
            for granularity in [
                Granularity::Months,
                Granularity::Quarters,
                Granularity::Halves,
            ] {
                let grid = hiring_plan(forecast.months(), start, year.year, granularity, &teams);
                assert_eq!(
                    grid.periods.iter().map(|p| p.months).sum::<usize>(),
                    year.months
                );
                // Totals row and column are the sums of their cells.
                for row in grid.teams.iter().chain([&grid.total]) {
                    assert_eq!(row.hires.iter().sum::<u32>(), row.hires_total);
                }
                for (i, cell) in grid.total.hires.iter().enumerate() {
                    assert_eq!(grid.teams.iter().map(|t| t.hires[i]).sum::<u32>(), *cell);
                }
                // Every position of the example has a team: the grid's year is
                // the summary's year.
                assert_eq!(grid.total.hires_total, year.hires);
                assert_eq!(grid.total.departures_total, year.departures);
                assert_eq!(grid.total.heads_at_year_end, year.heads_at_end);
                // Headcount at each period's end is the forecast's at its last month.
                for (i, p) in grid.periods.iter().enumerate() {
                    assert_eq!(
                        grid.total.heads_at_end[i],
                        forecast.headcount(p.last_month()).heads
                    );
                }
            }
        }
    }
}
