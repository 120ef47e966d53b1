//! Compare's latest estimates: each scenario's estimate of a fiscal year
//! (the actuals through the closed month, then its own forecast) side by
//! side, against the base scenario as the budget. Read from the forecasts
//! Compare already holds; shown once the plan has actuals.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::actuals::{ActualsText as A, signed_pct, table_caption};
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::variance::{
    ActualGrid, Figures, LatestEstimate, closed_months, fiscal_years, latest_estimate,
};
use crate::model::{FiscalYear, Plan, ScenarioForecast};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::variance_data::{pick_year, variance_figure};

/// The plan and its scenarios' forecasts, as Compare computed them.
pub type ComparedForecasts = Option<(Arc<Plan>, Arc<Vec<ScenarioForecast>>)>;

#[component]
pub fn LatestEstimates(
    /// Compare's period: a fiscal year, or `None` for the whole horizon (the
    /// estimates then are of the year holding the closed month).
    year: RwSignal<Option<FiscalYear>>,
    #[prop(into)] forecasts: Signal<ComparedForecasts>,
) -> impl IntoView {
    let state = PlanState::expect();
    let estimates = Memo::new(move |_| {
        let asked = year.get();
        forecasts.with(|f| {
            let (plan, scenarios) = f.as_ref()?;
            if plan.actuals.is_empty() {
                return None;
            }
            let base = plan.base_index();
            let budget = scenarios.get(base)?;
            let years = fiscal_years(budget.months(), budget.fiscal_year_start_month());
            let (fy, months) = pick_year(&years, asked, closed_months(plan))?;
            let grid = ActualGrid::of(plan);
            let columns: Vec<(String, LatestEstimate)> = scenarios
                .iter()
                .map(|s| {
                    (
                        s.name().to_string(),
                        latest_estimate(&grid, budget, s, fy, months.clone()),
                    )
                })
                .collect();
            Some((fy, base, columns))
        })
    });
    move || {
        estimates.get().map(|(fy, base, columns)| {
            let code = currency_unit(state.currency.get());
            let head = columns
                .iter()
                .map(|(name, _)| view! { <th scope="col" class="num">{name.clone()}</th> })
                .collect_view();
            let row = |label: &'static str, testid: &'static str, total: bool, pick: &dyn Fn(&LatestEstimate) -> i128| {
                let cells = columns
                    .iter()
                    .map(|(_, e)| view! { <td class="num">{state.show_minor(pick(e))}</td> })
                    .collect_view();
                view! { <tr data-testid=testid class:total-row=total><th scope="row">{label}</th>{cells}</tr> }
            };
            let against_budget = columns
                .iter()
                .map(|(_, e)| {
                    let f = Figures {
                        budget: e.budget_total(),
                        actual: e.estimate_total(),
                    };
                    view! {
                        <td class="num">
                            {variance_figure(state, f.variance())}
                            <span class="difference">{signed_pct(f.variance_pct())}</span>
                        </td>
                    }
                })
                .collect_view();
            let base_name = columns.get(base).map(|c| c.0.clone()).unwrap_or_default();
            view! {
                <section class="card" aria-labelledby="compare-estimates-title" data-testid="compare-estimates">
                    <div class="card-head">
                        <h2 id="compare-estimates-title">{t(A::CompareEstimates)}</h2>
                        <span class="muted">{format::fiscal_year(fy)}</span>
                    </div>
                    <p class="muted">{t(A::CompareEstimatesNote)}</p>
                    <div class="table-scroll">
                        <table class="grid compare-table variance-table">
                            <caption class="muted">{table_caption(&format!("{} · {base_name}", t(A::Budget)), code)}</caption>
                            <thead><tr><th scope="col">""</th>{head}</tr></thead>
                            <tbody>
                                {row(t(A::YearBudget), "compare-estimate-budget", false, &|e| e.budget_total())}
                                {row(t(A::ActualToDate), "compare-estimate-actual", false, &|e| e.actual_to_date_total())}
                                {row(t(A::ForecastRest), "compare-estimate-rest", false, &|e| e.forecast_rest.iter().sum())}
                                {row(t(A::EstimateTitle), "compare-estimate", true, &|e| e.estimate_total())}
                                <tr data-testid="compare-estimate-variance"><th scope="row">{t(A::Variance)}</th>{against_budget}</tr>
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
    }
}
