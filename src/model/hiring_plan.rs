//! The hiring plan as a CFO reads it: hires per team per quarter (or month
//! or half) of a fiscal year, with each team's planned headcount at the end
//! of each period, the departures, and totals that are the sums of their
//! cells.
//!
//! A hire is an open or planned position starting in the month (the
//! forecast's [`Headcount::hires`](super::Headcount)); headcount at a
//! period's end is the positions active on its last month's last day.

use super::date::YearMonth;
use super::periods::{Granularity, Period, periods};
use super::summary::FiscalYear;
use super::totals::ScenarioForecast;

/// One team's month: what the forecast counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TeamMonth {
    pub hires: u32,
    pub departures: u32,
    /// Positions active on the month's last day.
    pub heads: u32,
}

/// A team's months over the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMonths {
    pub name: String,
    /// One per horizon month.
    pub months: Vec<TeamMonth>,
}

/// One row of the grid: a team, or all teams.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiringRow {
    pub name: String,
    /// Hires in each period.
    pub hires: Vec<u32>,
    /// Hires in the year (inside the horizon): the sum of `hires`.
    pub hires_total: u32,
    pub departures: Vec<u32>,
    pub departures_total: u32,
    /// Headcount at each period's end.
    pub heads_at_end: Vec<u32>,
    /// Headcount at the end of the year's last month in the horizon.
    pub heads_at_year_end: u32,
}

/// The grid of one fiscal year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HiringPlan {
    pub year: FiscalYear,
    /// The year's periods inside the horizon, in order (the first and last
    /// may be partial).
    pub periods: Vec<Period>,
    pub teams: Vec<HiringRow>,
    /// All teams: each cell the sum of the teams' cells.
    pub total: HiringRow,
}

/// Each team's months from a forecast.
pub fn team_months(forecast: &ScenarioForecast) -> Vec<TeamMonths> {
    let months = forecast.months().len();
    forecast
        .teams()
        .iter()
        .enumerate()
        .map(|(t, name)| TeamMonths {
            name: name.clone(),
            months: (0..months)
                .map(|m| {
                    let h = forecast.team_headcount(m, t);
                    TeamMonth {
                        hires: h.hires,
                        departures: h.departures,
                        heads: h.heads,
                    }
                })
                .collect(),
        })
        .collect()
}

fn row(name: &str, months: &[TeamMonth], periods: &[Period]) -> HiringRow {
    let at = |m: usize| months.get(m).copied().unwrap_or_default();
    let sum = |p: &Period, f: fn(TeamMonth) -> u32| p.month_indexes().map(|m| f(at(m))).sum();
    let hires: Vec<u32> = periods.iter().map(|p| sum(p, |t| t.hires)).collect();
    let departures: Vec<u32> = periods.iter().map(|p| sum(p, |t| t.departures)).collect();
    let heads_at_end: Vec<u32> = periods.iter().map(|p| at(p.last_month()).heads).collect();
    HiringRow {
        name: name.to_string(),
        hires_total: hires.iter().sum(),
        departures_total: departures.iter().sum(),
        heads_at_year_end: heads_at_end.last().copied().unwrap_or(0),
        hires,
        departures,
        heads_at_end,
    }
}

/// The hiring plan of fiscal year `year` (years starting in `start_month`)
/// in periods of `granularity`, for `teams` over the horizon `months`.
pub fn hiring_plan(
    months: &[YearMonth],
    start_month: u8,
    year: FiscalYear,
    granularity: Granularity,
    teams: &[TeamMonths],
) -> HiringPlan {
    let periods: Vec<Period> = periods(months, start_month, granularity)
        .into_iter()
        .filter(|p| p.year == year)
        .collect();
    let rows: Vec<HiringRow> = teams
        .iter()
        .map(|t| row(&t.name, &t.months, &periods))
        .collect();
    let add = |f: fn(&HiringRow) -> &Vec<u32>| -> Vec<u32> {
        (0..periods.len())
            .map(|i| rows.iter().map(|r| f(r)[i]).sum())
            .collect()
    };
    let total = HiringRow {
        name: String::new(),
        hires: add(|r| &r.hires),
        hires_total: rows.iter().map(|r| r.hires_total).sum(),
        departures: add(|r| &r.departures),
        departures_total: rows.iter().map(|r| r.departures_total).sum(),
        heads_at_end: add(|r| &r.heads_at_end),
        heads_at_year_end: rows.iter().map(|r| r.heads_at_year_end).sum(),
    };
    HiringPlan {
        year,
        periods,
        teams: rows,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn horizon(year: i32, month: u8, count: i32) -> Vec<YearMonth> {
        let first = YearMonth::new(year, month).unwrap();
        (0..count).map(|m| first.add_months(m).unwrap()).collect()
    }

    /// A team starting with `start` heads, hiring `hires[m]` and losing
    /// `departures[m]` in month m.
    fn team(name: &str, start: u32, hires: &[u32], departures: &[u32]) -> TeamMonths {
        let mut heads = start;
        TeamMonths {
            name: name.to_string(),
            months: hires
                .iter()
                .zip(departures)
                .map(|(&h, &d)| {
                    heads = heads + h - d;
                    TeamMonth {
                        hires: h,
                        departures: d,
                        heads,
                    }
                })
                .collect(),
        }
    }

    fn fy(start_year: i32, start_month: u8) -> FiscalYear {
        FiscalYear {
            start_year,
            start_month,
        }
    }

    //                           A  M  J  J  A  S  O  N  D  J  F  M
    const PLATFORM_HIRES: [u32; 12] = [1, 0, 2, 0, 0, 1, 0, 0, 0, 3, 0, 0];
    const PLATFORM_LEAVE: [u32; 12] = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
    const MOBILE_HIRES: [u32; 12] = [0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];

    fn april_teams() -> [TeamMonths; 2] {
        [
            team("Platform", 10, &PLATFORM_HIRES, &PLATFORM_LEAVE),
            team("Mobile", 4, &MOBILE_HIRES, &[0; 12]),
        ]
    }

    #[test]
    fn april_year_by_quarter() {
        // Apr 2026 – Mar 2027.
        let months = horizon(2026, 4, 12);
        let plan = hiring_plan(
            &months,
            4,
            fy(2026, 4),
            Granularity::Quarters,
            &april_teams(),
        );
        assert_eq!(plan.periods.len(), 4);
        let p = &plan.teams[0];
        assert_eq!(p.hires, [3, 1, 0, 3]);
        assert_eq!(p.hires_total, 7);
        assert_eq!(p.departures, [0, 1, 0, 1]);
        // 10 + 3 = 13 in June; 13 + 1 − 1 = 13 in Sept; 13 in Dec; 15 in March.
        assert_eq!(p.heads_at_end, [13, 13, 13, 15]);
        assert_eq!(p.heads_at_year_end, 15);
        let m = &plan.teams[1];
        assert_eq!(m.hires, [1, 0, 2, 1]);
        assert_eq!(m.heads_at_end, [5, 5, 7, 8]);
        // All teams: each cell is the sum of the teams' cells.
        assert_eq!(plan.total.hires, [4, 1, 2, 4]);
        assert_eq!(plan.total.hires_total, 11);
        assert_eq!(plan.total.heads_at_end, [18, 18, 20, 23]);
        assert_eq!(plan.total.heads_at_year_end, 23);
        assert_eq!(plan.total.departures_total, 2);
        // Halves add up to the same year.
        let halves = hiring_plan(&months, 4, fy(2026, 4), Granularity::Halves, &april_teams());
        assert_eq!(halves.total.hires, [5, 6]);
        assert_eq!(halves.total.hires_total, 11);
        assert_eq!(halves.total.heads_at_end, [18, 23]);
    }

    #[test]
    fn january_year_with_a_cut_horizon() {
        // Nov 2026 – Apr 2027 with a January year: FY2026 holds Nov and
        // Dec (Q4, partial); FY2027 Jan – Apr (Q1 whole, Q2 with April).
        let months = horizon(2026, 11, 6);
        //                   N  D  J  F  M  A
        let infra = team("Infra", 3, &[1, 0, 2, 0, 1, 1], &[0, 1, 0, 0, 0, 0]);
        let teams = [infra];
        let first = hiring_plan(&months, 1, fy(2026, 1), Granularity::Quarters, &teams);
        assert_eq!(first.periods.len(), 1);
        assert_eq!(first.periods[0].number, 4);
        assert!(first.periods[0].partial());
        assert_eq!(first.teams[0].hires, [1]);
        assert_eq!(first.teams[0].heads_at_end, [3]);
        let second = hiring_plan(&months, 1, fy(2027, 1), Granularity::Quarters, &teams);
        assert_eq!(
            second.periods.iter().map(|p| p.number).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(second.teams[0].hires, [3, 1]);
        // 3 in Dec, 5 in Jan, 5 in Feb, 6 in March, 7 in April.
        assert_eq!(second.teams[0].heads_at_end, [6, 7]);
        assert_eq!(second.total.hires_total, 4);
        // By month: one column per month, the same total.
        let by_month = hiring_plan(&months, 1, fy(2027, 1), Granularity::Months, &teams);
        assert_eq!(by_month.total.hires, [2, 0, 1, 1]);
        assert_eq!(by_month.total.hires_total, 4);
        assert_eq!(by_month.total.heads_at_end, [5, 5, 6, 7]);
    }
}
