//! The variance CSV: the budget scenario against the actuals, per closed
//! month, category and team, with the fiscal year to date. The same
//! conventions as every export (docs/csv.md): CRLF, a BOM when asked,
//! amounts in exact minor units, text cells made safe from formulas.
//! `fleetplan-cli variance` writes the same bytes.

use super::export::{BOM, text_cell};
use crate::model::variance::{BudgetActual, Pick};
use crate::model::{
    Category, Plan, PlanError, Problem, forecast_scenario, plain_minor, summary::FiscalYear,
};

/// The columns of the variance export.
pub const VARIANCE_COLUMNS: [&str; 13] = [
    "budget_scenario",
    "fiscal_year",
    "month",
    "category",
    "team",
    "budget",
    "actual",
    "variance",
    "variance_pct",
    "ytd_budget",
    "ytd_actual",
    "ytd_variance",
    "ytd_variance_pct",
];

/// How a cost of no team is named in the team column, as in the summary.
pub const NO_TEAM: &str = "(no team)";

/// The variance of scenario `budget` against the plan's actuals, for the
/// closed months of fiscal year `year` (every fiscal year with a closed
/// month when `None`). A row for each closed month, category and team
/// with a budget or an actual, in that order; `ytd_*` run from the fiscal
/// year's first month through the row's month. Variance is actual −
/// budget; its percentage is of the budget's size, one decimal, empty when
/// the budget is zero.
pub fn variance_csv(
    plan: &Plan,
    budget: usize,
    year: Option<FiscalYear>,
    bom: bool,
) -> Result<Vec<u8>, Vec<PlanError>> {
    let forecast = forecast_scenario(plan, budget)?;
    let exponent = plan.currency_exponent();
    let ba = BudgetActual::new(plan, &forecast);
    let years = ba.fiscal_years();
    let chosen: Vec<_> = match year {
        Some(year) => {
            let found: Vec<_> = years.into_iter().filter(|(y, _)| *y == year).collect();
            if found.is_empty() {
                return Err(vec![PlanError::at(
                    "",
                    Problem::NotAFiscalYearOfHorizon { year },
                )]);
            }
            found
        }
        None => years
            .into_iter()
            .filter(|(_, months)| !ba.to_date(months).is_empty())
            .collect(),
    };
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let _ = writer.write_record(VARIANCE_COLUMNS);
    let scenario = text_cell(forecast.name()).into_owned();
    let teams: Vec<String> = ba
        .teams()
        .iter()
        .map(|t| text_cell(t.as_deref().unwrap_or(NO_TEAM)).into_owned())
        .collect();
    let money = |v: i128| plain_minor(v, exponent);
    let pct = |v: Option<rust_decimal::Decimal>| v.map(|p| p.to_string()).unwrap_or_default();
    for (year, months) in chosen {
        let label = year.label();
        let mut ytd = vec![
            [crate::model::variance::Figures::default();
                crate::model::CATEGORY_COUNT];
            teams.len()
        ];
        for m in ba.to_date(&months) {
            let month = ba.months()[m].to_string();
            for category in Category::ALL {
                for (t, team) in teams.iter().enumerate() {
                    let f = ba.month(m, Pick::TeamCategory(t, category));
                    let sum = &mut ytd[t][category.index()];
                    sum.budget += f.budget;
                    sum.actual += f.actual;
                    if f.budget == 0 && f.actual == 0 {
                        continue;
                    }
                    let _ = writer.write_record([
                        scenario.as_str(),
                        label.as_str(),
                        month.as_str(),
                        category.as_str(),
                        team.as_str(),
                        &money(f.budget),
                        &money(f.actual),
                        &money(f.variance()),
                        &pct(f.variance_pct()),
                        &money(sum.budget),
                        &money(sum.actual),
                        &money(sum.variance()),
                        &pct(sum.variance_pct()),
                    ]);
                }
            }
        }
    }
    let _ = writer.flush();
    drop(writer);
    Ok(out)
}
