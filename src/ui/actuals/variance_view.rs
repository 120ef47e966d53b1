//! The budget-against-actual view (予実): the budget scenario, the fiscal
//! year and the closed-through month (締め月) chosen here, then the
//! variance by category and by month, the latest estimate, headcount, and
//! entering or importing actuals. Every figure is read from memos built
//! once per change of the plan (`variance_data`).

use leptos::prelude::*;

use super::actuals_grid::ActualsEntry;
use super::actuals_import::ActualsImport;
use super::variance_heads::HeadsVariance;
use super::variance_months::MonthlyVariance;
use super::variance_table::CategoryVariance;
use crate::i18n::actuals::{ActualsText as A, budget_against_actuals};
use crate::i18n::common::Common;
use crate::i18n::{format, t};
use crate::model::variance::closed_months;
use crate::model::{FiscalYear, YearMonth};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::variance_data::{VarianceSource, pick_year};
use crate::ui::widgets::variance_estimate::LatestEstimateCard;

#[component]
pub fn BudgetVsActual() -> impl IntoView {
    let state = PlanState::expect();
    let chosen = RwSignal::new(None::<usize>);
    let source = VarianceSource::new(state, chosen.into());
    let years = VarianceSource::years(state);
    let asked = RwSignal::new(None::<FiscalYear>);
    let closed = Memo::new(move |_| state.plan.with(closed_months));
    let year = Memo::new(move |_| years.with(|ys| pick_year(ys, asked.get(), closed.get())));
    let shown_year = Signal::derive(move || year.with(|y| y.as_ref().map(|y| y.0)));

    let names = Memo::new(move |_| {
        state.plan.with(|p| {
            (
                p.scenarios
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>(),
                p.base_index(),
            )
        })
    });
    let budget_options = move || {
        let (names, base) = names.get();
        let budget = source.budget.get();
        names
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                let tag = (i == base).then(|| t(A::BaseTag));
                view! { <option value=i.to_string() selected=i == budget>{name}{tag}</option> }
            })
            .collect_view()
    };
    let year_buttons = move || {
        let current = shown_year.get();
        years
            .get()
            .into_iter()
            .map(|(y, _)| {
                view! {
                    <button type="button" class="segment" data-testid="variance-year" data-fy=y.label()
                        aria-pressed=(current == Some(y)).to_string()
                        on:click=move |_| asked.set(Some(y))>{format::fiscal_year(y)}</button>
                }
            })
            .collect_view()
    };
    let horizon = Memo::new(move |_| state.plan.with(|p| p.months()));
    let closed_options = move || {
        let through = state.plan.with(|p| p.actuals.closed_through);
        let mut months = horizon.get();
        // A month outside the horizon (a file's) is still shown as chosen.
        if let Some(m) = through.filter(|m| !months.contains(m)) {
            months.push(m);
        }
        let none =
            view! { <option value="" selected=through.is_none()>{t(A::NoneClosed)}</option> };
        let each = months
            .into_iter()
            .map(|m| {
                view! { <option value=m.to_string() selected=through == Some(m)>{format::month(m)}</option> }
            })
            .collect_view();
        view! { {none} {each} }
    };
    let set_closed = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let through = value.parse::<YearMonth>().ok();
        // One edit: one step of undo.
        state.edit(|p| p.actuals.closed_through = through);
    };
    let subtitle = move || {
        let (names, _) = names.get();
        let budget = names.get(source.budget.get()).cloned().unwrap_or_default();
        let year = shown_year
            .get()
            .map(format::fiscal_year)
            .unwrap_or_default();
        budget_against_actuals(&budget, &year)
    };
    view! {
        <section class="card variance-head" aria-labelledby="variance-title" data-testid="variance">
            <div class="card-head">
                <h2 id="variance-title">{t(A::Title)}</h2>
                <span class="muted" data-testid="variance-subtitle">{subtitle}</span>
            </div>
            <div class="variance-controls">
                <label class="field">
                    <span class="field-label">{t(A::BudgetScenario)}</span>
                    <select data-testid="variance-budget" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                        {budget_options}
                    </select>
                </label>
                <div class="field">
                    <span class="field-label">{t(Common::FiscalYear)}</span>
                    <div class="segmented" role="group" aria-label=t(Common::FiscalYear)>{year_buttons}</div>
                </div>
                <label class="field">
                    <span class="field-label">{t(A::ClosedThrough)}</span>
                    <select data-testid="closed-through" on:change=set_closed>{closed_options}</select>
                </label>
            </div>
            <p class="muted">{t(A::ClosedHelp)}</p>
        </section>
        <CategoryVariance source=source year=year />
        <LatestEstimateCard source=source year=shown_year detailed=true />
        <MonthlyVariance source=source year=year />
        <HeadsVariance source=source year=year />
        <ActualsEntry source=source year=year />
        <ActualsImport />
    }
}
