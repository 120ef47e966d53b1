//! What budget against actual reads, computed once per change of the plan
//! (or of the budget chosen), never per cell: the actuals as a grid, the
//! budget scenario's forecast and the shown scenario's, and the budget
//! against the actuals (`model::variance`). The shown scenario's forecast
//! is the app's own (`PlanState::forecast`); the budget's is computed only
//! when it is another scenario. Also how a variance reads on screen.

use std::ops::{Deref, Range};
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::actuals::variance_word;
use crate::i18n::common::Common;
use crate::i18n::t;
use crate::model::variance::{ActualGrid, BudgetActual, fiscal_years};
use crate::model::{FiscalYear, PlanError, ScenarioForecast, forecast_scenario};
use crate::ui::frame::state::PlanState;

/// A value computed once and read by several parts of a view. Two are equal
/// only when they are the same computation, so a memo of one compares in
/// constant time.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub type Forecast = Result<Shared<ScenarioForecast>, Vec<PlanError>>;

/// The memos budget against actual reads.
#[derive(Clone, Copy)]
pub struct VarianceSource {
    /// The budget scenario's index: the one chosen, else the plan's base.
    pub budget: Memo<usize>,
    pub grid: Memo<Shared<ActualGrid>>,
    pub budget_forecast: Memo<Forecast>,
    /// The scenario shown (the header's picker): its latest estimate.
    pub scenario_forecast: Memo<Forecast>,
    pub budget_actual: Memo<Result<Shared<BudgetActual>, Vec<PlanError>>>,
}

impl VarianceSource {
    /// `chosen`: the budget scenario picked on the page, `None` for the base.
    pub fn new(state: PlanState, chosen: Signal<Option<usize>>) -> Self {
        let budget = Memo::new(move |_| {
            state.plan.with(|p| {
                chosen
                    .get()
                    .filter(|&b| b < p.scenarios.len())
                    .unwrap_or_else(|| p.base_index())
            })
        });
        let grid = Memo::new(move |_| Shared::new(state.plan.with(ActualGrid::of)));
        let scenario_forecast =
            Memo::new(move |_| state.forecast.with(|f| f.clone().map(Shared::new)));
        let budget_forecast = Memo::new(move |_| {
            let b = budget.get();
            if b == state.scenario_index() {
                scenario_forecast.get()
            } else {
                state
                    .plan
                    .with(|p| forecast_scenario(p, b))
                    .map(Shared::new)
            }
        });
        let budget_actual = Memo::new(move |_| {
            let forecast = budget_forecast.get()?;
            Ok(grid.with(|g| Shared::new(BudgetActual::with_grid(g, &forecast))))
        });
        Self {
            budget,
            grid,
            budget_forecast,
            scenario_forecast,
            budget_actual,
        }
    }

    /// The fiscal years of the horizon with their months. Read from the
    /// plan alone, not from the figures: a view that reads the year and
    /// then the figures would otherwise reach the figures by two paths and
    /// could miss their change (the second path finds them recomputed).
    pub fn years(state: PlanState) -> Memo<Vec<(FiscalYear, Range<usize>)>> {
        Memo::new(move |_| {
            state
                .plan
                .with(|p| fiscal_years(&p.months(), p.fiscal_year_start_month))
        })
    }
}

/// The year asked for, else the one holding the closed month, else the
/// horizon's first.
pub fn pick_year(
    years: &[(FiscalYear, Range<usize>)],
    asked: Option<FiscalYear>,
    closed: usize,
) -> Option<(FiscalYear, Range<usize>)> {
    asked
        .and_then(|a| years.iter().find(|(y, _)| *y == a))
        .or_else(|| {
            years
                .iter()
                .find(|(_, r)| closed > 0 && r.contains(&(closed - 1)))
        })
        .or_else(|| years.first())
        .cloned()
}

/// A team slot's name: the team's, or "No team" for costs of no team.
pub fn team_name(team: &Option<String>) -> String {
    team.clone()
        .unwrap_or_else(|| t(Common::NoTeam).to_string())
}

/// Money with its sign: "+¥1,500,000", "−¥300,000", "¥0".
pub fn signed_money(state: PlanState, minor: i128) -> String {
    let text = state.show_minor(minor.abs());
    match minor.signum() {
        1 => format!("+{text}"),
        -1 => format!("\u{2212}{text}"),
        _ => text,
    }
}

/// A cost's variance (actual − budget) as it reads: signed, with the word
/// that says over or under budget, so that neither colour nor print is
/// needed to read it.
pub fn variance_figure(state: PlanState, variance: i128) -> impl IntoView + use<> {
    let class = match variance.signum() {
        1 => "var var-over",
        -1 => "var var-under",
        _ => "var",
    };
    let word = variance_word(variance);
    view! {
        <span class=class>
            {signed_money(state, variance)}
            {(!word.is_empty()).then(|| view! { " " <span class="var-word">{word}</span> })}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::YearMonth;

    fn fy(year: i32) -> FiscalYear {
        FiscalYear::of(YearMonth::new(year, 4).unwrap(), 4)
    }

    #[test]
    fn the_year_shown_is_the_one_asked_else_the_closed_months() {
        let years = vec![(fy(2026), 0..12), (fy(2027), 12..24)];
        assert_eq!(pick_year(&years, None, 0).map(|y| y.0), Some(fy(2026)));
        assert_eq!(pick_year(&years, None, 14).map(|y| y.0), Some(fy(2027)));
        assert_eq!(pick_year(&years, None, 12).map(|y| y.0), Some(fy(2026)));
        assert_eq!(
            pick_year(&years, Some(fy(2026)), 14).map(|y| y.0),
            Some(fy(2026))
        );
        // A year outside the horizon is not shown.
        assert_eq!(
            pick_year(&years, Some(fy(2030)), 0).map(|y| y.0),
            Some(fy(2026))
        );
        assert_eq!(pick_year(&[], None, 3), None);
    }
}

#[cfg(test)]
mod memo_tests {
    use super::*;
    use crate::model::variance::Pick;
    use crate::model::{Category, YearMonth, generate_plan};
    use crate::ui::frame::state::SaveStatus;
    use rust_decimal::Decimal;

    #[test]
    fn every_edit_of_an_actual_reaches_the_figures() {
        let mut plan = generate_plan(10, 12, 1, 3);
        let start = plan.horizon.start;
        plan.actuals.closed_through = Some(start);
        let state = PlanState::new(plan, SaveStatus::Saved);
        let source = VarianceSource::new(state, Signal::derive(|| None));
        let actual = || {
            source
                .budget_actual
                .get_untracked()
                .map(|ba| ba.month(0, Pick::Category(Category::Cloud)).actual)
                .unwrap()
        };
        // As a view reads them: the year first, then the figures.
        let years = VarianceSource::years(state);
        let shown = Memo::new(move |_| {
            let months = years.with(|ys| ys.first().map(|y| y.1.clone()))?;
            source.budget_actual.with(|ba| {
                ba.as_ref()
                    .ok()
                    .map(|ba| ba.over(months, Pick::Category(Category::Cloud)).actual)
            })
        });
        assert_eq!(actual(), 0);
        assert_eq!(shown.get_untracked(), Some(0));
        for amount in [100, 250, -40] {
            state.edit(|p| {
                p.actuals
                    .set_amount(start, Category::Cloud, None, Some(Decimal::from(amount)))
            });
            assert_eq!(shown.get_untracked(), Some(i128::from(amount)));
            assert_eq!(actual(), i128::from(amount));
        }
        let _: YearMonth = start;
    }
}

/// The problems that keep the figures from being shown.
pub fn problems_view(errors: &[crate::model::PlanError]) -> AnyView {
    view! {
        <div class="problems" role="alert" data-testid="variance-problems">
            <p>{t(crate::i18n::actuals::ActualsText::FixFirst)}</p>
            <ul>{errors.iter().take(10).map(|e| view! { <li>{crate::i18n::overview::problem_line(e)}</li> }).collect_view()}</ul>
        </div>
    }
    .into_any()
}
