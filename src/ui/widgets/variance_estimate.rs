//! The latest estimate (着地見込み) of the scenario shown for a fiscal year:
//! the budget, the year to date and the estimate side by side; in detail,
//! by category, and the bridge from the budget to the estimate split into
//! the closed months' actuals against their budget and the rest of the
//! year's forecast against its budget. The sums are the model's
//! (`latest_estimate`, `estimate_bridge`).

use leptos::prelude::*;

use super::variance_data::{VarianceSource, problems_view, signed_money, variance_figure};
use crate::i18n::actuals::{
    ActualsText as A, against_budget, budget_of, estimate_basis, estimate_of, signed_pct,
    table_caption,
};
use crate::i18n::common::{Common, category};
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::variance::{
    BridgeBy, BridgePart, EstimateBridge, Figures, LatestEstimate, estimate_bridge, fiscal_years,
    latest_estimate,
};
use crate::model::{Category, FiscalYear, PlanError};
use crate::ui::frame::state::PlanState;

type Estimate = Option<Result<(LatestEstimate, EstimateBridge), Vec<PlanError>>>;

/// A part of the bridge as people read it.
fn part_name(part: &BridgePart) -> String {
    match part {
        BridgePart::Category(c) => category(*c).to_string(),
        BridgePart::Team(Some(name)) => name.clone(),
        BridgePart::Team(None) => t(Common::NoTeam).to_string(),
    }
}

#[component]
pub fn LatestEstimateCard(
    source: VarianceSource,
    #[prop(into)] year: Signal<Option<FiscalYear>>,
    /// With the table by category and the bridge (the budget-against-actual
    /// view); the Overview shows the three figures only.
    #[prop(optional)]
    detailed: bool,
) -> impl IntoView {
    let state = PlanState::expect();
    let by_team = RwSignal::new(false);
    let estimate: Memo<Estimate> = Memo::new(move |_| {
        let year = year.get()?;
        let by = if by_team.get() {
            BridgeBy::Team
        } else {
            BridgeBy::Category
        };
        let budget = match source.budget_forecast.get() {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        let scenario = match source.scenario_forecast.get() {
            Ok(s) => s,
            Err(e) => return Some(Err(e)),
        };
        let months = fiscal_years(budget.months(), budget.fiscal_year_start_month())
            .into_iter()
            .find(|(y, _)| *y == year)?
            .1;
        source.grid.with(|grid| {
            let estimate = latest_estimate(grid, &budget, &scenario, year, months.clone());
            let bridge = estimate_bridge(grid, &budget, &scenario, months, by);
            Some(Ok((estimate, bridge)))
        })
    });
    let budget_name = move || {
        let b = source.budget.get();
        state
            .plan
            .with(|p| p.scenarios.get(b).map(|s| s.name.clone()))
            .unwrap_or_default()
    };
    let scenario_name = move || state.with_scenario(|s| s.name.clone()).unwrap_or_default();
    let closed = move || {
        state
            .plan
            .with(|p| p.actuals.closed_through)
            .map(format::month)
    };
    let body = move || {
        let (e, bridge) = match estimate.get() {
            None => return ().into_any(),
            Some(Err(errors)) => return problems_view(&errors),
            Some(Ok(found)) => found,
        };
        let year = format::fiscal_year(e.year);
        let to_date = Figures {
            budget: e.budget_to_date_total(),
            actual: e.actual_to_date_total(),
        };
        let whole = Figures {
            budget: e.budget_total(),
            actual: e.estimate_total(),
        };
        let kpis = view! {
            <div class="kpis estimate-kpis">
                <div class="kpi">
                    <div class="kpi-label">{t(A::Budget)}</div>
                    <div class="kpi-value"><span class="num" data-testid="estimate-budget">{state.show_minor(whole.budget)}</span></div>
                    <div class="kpi-note">{budget_of(&budget_name(), &year)}</div>
                </div>
                <div class="kpi">
                    <div class="kpi-label">{t(A::YearToDate)}</div>
                    <div class="kpi-value"><span class="num" data-testid="estimate-actual-to-date">{state.show_minor(to_date.actual)}</span></div>
                    <div class="kpi-note">
                        <span data-testid="estimate-to-date-variance">{variance_figure(state, to_date.variance())}</span>
                        " "
                        {against_budget(&state.show_minor(to_date.budget))}
                    </div>
                </div>
                <div class="kpi">
                    <div class="kpi-label">{t(A::EstimateTitle)}</div>
                    <div class="kpi-value"><span class="num" data-testid="estimate-total">{state.show_minor(whole.actual)}</span></div>
                    <div class="kpi-note">
                        <span data-testid="estimate-variance">{variance_figure(state, whole.variance())}</span>
                        " ("{signed_pct(whole.variance_pct())}")"
                    </div>
                    <div class="kpi-note">{estimate_basis(closed().as_deref())}</div>
                </div>
            </div>
        };
        if !detailed {
            return kpis.into_any();
        }
        let code = currency_unit(state.currency.get());
        let estimate_by_category = e.estimate();
        let rows = Category::ALL
            .into_iter()
            .map(|c| {
                let k = c.index();
                let f = Figures {
                    budget: e.budget[k],
                    actual: estimate_by_category[k],
                };
                view! {
                    <tr data-testid="estimate-row" data-category=c.as_str()>
                        <th scope="row">{category(c)}</th>
                        <td class="num">{state.show_minor(e.budget[k])}</td>
                        <td class="num">{state.show_minor(e.actual_to_date[k])}</td>
                        <td class="num">{state.show_minor(e.forecast_rest[k])}</td>
                        <td class="num" data-col="estimate">{state.show_minor(f.actual)}</td>
                        <td class="num" data-col="variance">{variance_figure(state, f.variance())}</td>
                        <td class="num">{signed_pct(f.variance_pct())}</td>
                    </tr>
                }
            })
            .collect_view();
        let forecast_rest: i128 = e.forecast_rest.iter().sum();
        let table = view! {
            <div class="table-scroll">
                <table class="grid variance-table" data-testid="estimate-table">
                    <caption class="muted">{table_caption(&format!("{} · {}", t(A::EstimateTitle), year), code)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Common::Category)}</th>
                            <th scope="col" class="num">{t(A::YearBudget)}</th>
                            <th scope="col" class="num">{t(A::ActualToDate)}</th>
                            <th scope="col" class="num">{t(A::ForecastRest)}</th>
                            <th scope="col" class="num">{t(A::EstimateTitle)}</th>
                            <th scope="col" class="num">{t(A::Variance)}</th>
                            <th scope="col" class="num">{t(A::VariancePct)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="total-row">
                            <th scope="row">{t(Common::Total)}</th>
                            <td class="num">{state.show_minor(whole.budget)}</td>
                            <td class="num">{state.show_minor(to_date.actual)}</td>
                            <td class="num">{state.show_minor(forecast_rest)}</td>
                            <td class="num">{state.show_minor(whole.actual)}</td>
                            <td class="num">{variance_figure(state, whole.variance())}</td>
                            <td class="num">{signed_pct(whole.variance_pct())}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        };
        let steps = |parts: &[(BridgePart, i128)]| {
            parts
                .iter()
                .map(|(part, v)| {
                    view! {
                        <tr class="bridge-part" data-testid="estimate-bridge-part">
                            <th scope="row">{part_name(part)}</th>
                            <td class="num">{variance_figure(state, *v)}</td>
                        </tr>
                    }
                })
                .collect_view()
        };
        let bridge_view = view! {
            <div class="bridge-head">
                <h4>{t(A::BridgeTitle)}</h4>
                <div class="segmented" role="group" aria-label=t(A::BreakDownBy)>
                    <button type="button" class="segment" data-testid="estimate-bridge-by-category"
                        aria-pressed=move || (!by_team.get()).to_string() on:click=move |_| by_team.set(false)>{t(A::ByCategory)}</button>
                    <button type="button" class="segment" data-testid="estimate-bridge-by-team"
                        aria-pressed=move || by_team.get().to_string() on:click=move |_| by_team.set(true)>{t(A::ByTeam)}</button>
                </div>
            </div>
            <table class="grid bridge-table estimate-bridge" data-testid="estimate-bridge">
                <tbody>
                    <tr class="total-row">
                        <th scope="row">{budget_of(&budget_name(), &year)}</th>
                        <td class="num" data-testid="estimate-bridge-budget">{state.show_minor(bridge.budget)}</td>
                    </tr>
                    <tr class="subtotal-row">
                        <th scope="row">{t(A::BridgeToDate)}</th>
                        <td class="num" data-testid="estimate-bridge-to-date">{signed_money(state, bridge.to_date_total())}</td>
                    </tr>
                    {steps(&bridge.to_date)}
                    <tr class="subtotal-row">
                        <th scope="row">{t(A::BridgeRest)}</th>
                        <td class="num" data-testid="estimate-bridge-rest">{signed_money(state, bridge.rest_of_year_total())}</td>
                    </tr>
                    {steps(&bridge.rest_of_year)}
                    <tr class="total-row">
                        <th scope="row">{estimate_of(&scenario_name())}</th>
                        <td class="num" data-testid="estimate-bridge-estimate">{state.show_minor(bridge.estimate)}</td>
                    </tr>
                </tbody>
            </table>
        };
        view! { {kpis} {table} {bridge_view} }.into_any()
    };
    view! {
        <section class="card estimate-card" aria-labelledby="estimate-title" data-testid="latest-estimate">
            <div class="card-head">
                <h3 id="estimate-title">{t(A::EstimateTitle)}</h3>
                <span class="muted" data-testid="estimate-scenario">{move || estimate_of(&scenario_name())}</span>
            </div>
            {body}
        </section>
    }
}

/// The Overview's latest estimate of the year it shows, against the base
/// scenario as the budget; only once the plan has actuals.
#[component]
pub fn OverviewEstimate(#[prop(into)] year: Signal<Option<FiscalYear>>) -> impl IntoView {
    let state = PlanState::expect();
    let has_actuals = Memo::new(move |_| state.plan.with(|p| !p.actuals.is_empty()));
    move || {
        has_actuals.get().then(|| {
            let source = VarianceSource::new(state, Signal::derive(|| None));
            view! { <LatestEstimateCard source=source year=year /> }
        })
    }
}
