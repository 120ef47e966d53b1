//! Each cloud line's cost month by month, as the engine books it.

use super::forecast::PreparedScenario;
use super::ledger::{Category, LedgerRow, LedgerSink, Source};
use super::plan::{CloudCategory, Plan};
use super::totals::ScenarioForecast;
use super::validate::PlanError;

/// The cloud costs of one scenario, per line and month, in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloudMonths {
    /// `lines[l][m]`: line `l` (in the scenario's order) in horizon month `m`,
    /// its one-offs included.
    pub lines: Vec<Vec<i128>>,
    /// Development environments and CI (per engineer), per month.
    pub per_engineer: Vec<i128>,
}

impl CloudMonths {
    /// A line's total over the months `range` of the horizon.
    pub fn line_total(&self, line: usize, range: std::ops::Range<usize>) -> i128 {
        self.lines
            .get(line)
            .and_then(|months| months.get(range))
            .map_or(0, |m| m.iter().sum())
    }

    /// Per month, the lines of each cloud category (in `CloudCategory` order:
    /// compute, storage, data, observability, network, other).
    pub fn by_category(&self, plan: &Plan, scenario: usize) -> Vec<[i128; 6]> {
        let months = self.per_engineer.len();
        let mut out = vec![[0i128; 6]; months];
        let Some(s) = plan.scenarios.get(scenario) else {
            return out;
        };
        for (line, amounts) in s.cloud.lines.iter().zip(&self.lines) {
            let c = category_index(line.category);
            for (slot, amount) in out.iter_mut().zip(amounts) {
                slot[c] += amount;
            }
        }
        out
    }

    /// All cloud cost of month `m` (lines and per-engineer).
    pub fn month_total(&self, m: usize) -> i128 {
        self.lines.iter().filter_map(|l| l.get(m)).sum::<i128>()
            + self.per_engineer.get(m).copied().unwrap_or(0)
    }
}

/// The position of a cloud category in [`CloudCategory::ALL`].
pub fn category_index(category: CloudCategory) -> usize {
    CloudCategory::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0)
}

struct Sink {
    out: CloudMonths,
}

impl LedgerSink for Sink {
    fn row(&mut self, row: &LedgerRow) {
        if row.category != Category::Cloud {
            return;
        }
        let m = usize::from(row.month);
        let slot = match row.source {
            Source::CloudLine(l) => self
                .out
                .lines
                .get_mut(l as usize)
                .and_then(|line| line.get_mut(m)),
            _ => self.out.per_engineer.get_mut(m),
        };
        if let Some(slot) = slot {
            *slot += i128::from(row.amount_minor);
        }
    }
}

/// The cloud cost of scenario `scenario`, per line and per month. Fails with
/// the plan's errors when the scenario cannot be forecast.
pub fn cloud_months(plan: &Plan, scenario: usize) -> Result<CloudMonths, Vec<PlanError>> {
    let prepared = PreparedScenario::new(plan, scenario)?;
    let months = plan.months().len();
    let lines = prepared.scenario().cloud.lines.len();
    let mut sink = Sink {
        out: CloudMonths {
            lines: vec![vec![0; months]; lines],
            per_engineer: vec![0; months],
        },
    };
    // Per-engineer cost comes with the positions; lines come on their own.
    prepared.forecast(&mut sink);
    Ok(sink.out)
}

/// The same figures when the scenario's forecast is at hand: only its cloud
/// lines are forecast again, and the per-engineer cost of each month is the
/// forecast's cloud total less the lines (it comes with the positions, which
/// are not forecast again: at 50,000 positions that is most of the work).
/// A forecast of another scenario is not used: then as [`cloud_months`].
pub fn cloud_months_of(
    plan: &Plan,
    scenario: usize,
    forecast: &ScenarioForecast,
) -> Result<CloudMonths, Vec<PlanError>> {
    let months = plan.months().len();
    if forecast.scenario() != scenario || forecast.months().len() != months {
        return cloud_months(plan, scenario);
    }
    let prepared = PreparedScenario::new(plan, scenario)?;
    let lines = prepared.scenario().cloud.lines.len();
    let mut sink = Sink {
        out: CloudMonths {
            lines: vec![vec![0; months]; lines],
            per_engineer: vec![0; months],
        },
    };
    prepared.forecast_lines(&mut sink);
    let mut out = sink.out;
    for (m, slot) in out.per_engineer.iter_mut().enumerate() {
        let lines: i128 = out.lines.iter().map(|l| l[m]).sum();
        *slot = forecast.month_category(m, Category::Cloud) - lines;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, forecast_scenario, generate_plan};

    #[test]
    fn lines_and_per_engineer_add_up_to_the_forecast_cloud_total() {
        let plan = generate_plan(40, 24, 2, 7);
        for s in 0..plan.scenarios.len() {
            let cloud = cloud_months(&plan, s).unwrap();
            let forecast = forecast_scenario(&plan, s).unwrap();
            assert_eq!(cloud.lines.len(), plan.scenarios[s].cloud.lines.len());
            for m in 0..24 {
                assert_eq!(
                    cloud.month_total(m),
                    forecast.month_category(m, Category::Cloud),
                    "scenario {s} month {m}"
                );
                let by_category: i128 = cloud.by_category(&plan, s)[m].iter().sum();
                assert_eq!(by_category + cloud.per_engineer[m], cloud.month_total(m));
            }
            let whole: i128 = (0..cloud.lines.len())
                .map(|l| cloud.line_total(l, 0..24))
                .sum();
            let per_engineer: i128 = cloud.per_engineer.iter().sum();
            assert_eq!(
                whole + per_engineer,
                forecast.category_total(Category::Cloud)
            );
        }
    }

    #[test]
    fn from_the_forecast_the_same_months_as_forecast_again() {
        for (positions, seed) in [(40, 7), (300, 3), (0, 1)] {
            let plan = generate_plan(positions, 30, 3, seed);
            for s in 0..plan.scenarios.len() {
                let forecast = forecast_scenario(&plan, s).unwrap();
                assert_eq!(
                    cloud_months_of(&plan, s, &forecast).unwrap(),
                    cloud_months(&plan, s).unwrap(),
                    "{positions} positions, scenario {s}"
                );
            }
        }
        // Another scenario's forecast is not taken for this one's.
        let plan = generate_plan(40, 24, 2, 7);
        let other = forecast_scenario(&plan, 0).unwrap();
        let (first, second) = (
            cloud_months(&plan, 0).unwrap(),
            cloud_months(&plan, 1).unwrap(),
        );
        assert_ne!(first.per_engineer, second.per_engineer);
        assert_eq!(
            cloud_months_of(&plan, 1, &other).unwrap(),
            cloud_months(&plan, 1).unwrap()
        );
    }

    #[test]
    fn an_invalid_plan_gives_its_errors() {
        let mut plan = generate_plan(3, 12, 1, 1);
        plan.currency = "XXX".into();
        assert!(cloud_months(&plan, 0).is_err());
    }
}
