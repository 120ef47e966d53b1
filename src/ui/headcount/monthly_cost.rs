//! The plan's cost for each month, quarter, half or fiscal year of the
//! horizon and its total, in the unit chosen.

use leptos::prelude::*;

use crate::i18n::overview::{OverviewText, amount_in, period_label, problem_line};
use crate::i18n::t;
use crate::model::periods::{Granularity, periods};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::period_select::{PeriodSelect, chosen_periods};
use crate::ui::widgets::unit_select::{UnitSelect, UnitStatement, chosen_unit};

#[component]
pub fn MonthlyCost() -> impl IntoView {
    let state = PlanState::expect();
    let unit = chosen_unit();
    let granularity = chosen_periods();
    let currency = Signal::derive(move || state.currency.get());
    let cells = {
        let unit = unit.clone();
        let granularity = granularity.clone();
        Memo::new(move |_| {
            let unit = unit.get();
            let granularity = granularity.get();
            state.forecast.with(|f| match f {
                Ok(forecast) => {
                    let months = forecast.months();
                    let start = forecast.fiscal_year_start_month();
                    periods(months, start, granularity)
                        .iter()
                        .map(|p| {
                            // Each period's total is the exact sum of its
                            // months, rounded once for display.
                            let total = p.sum(|m| forecast.month_total(m));
                            (
                                period_label(p, start, months),
                                p.partial(),
                                amount_in(total, forecast.currency(), unit),
                            )
                        })
                        .collect::<Vec<_>>()
                }
                Err(_) => Vec::new(),
            })
        })
    };
    let total = {
        let unit = unit.clone();
        move || {
            state.forecast.with(|f| match f {
                Ok(forecast) => amount_in(forecast.total(), forecast.currency(), unit.get()),
                Err(_) => "—".to_string(),
            })
        }
    };
    let problems = move || {
        state.forecast.with(|f| match f {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(problem_line).collect(),
        })
    };
    view! {
        <section class="card" aria-labelledby="cost-title">
            <div class="card-head">
                <h2 id="cost-title">{t(OverviewText::MonthlyCost)}</h2>
                <div class="total">
                    <span class="muted">{t(OverviewText::TotalOverHorizon)}</span>
                    <strong class="num" data-testid="annual-total">{total}</strong>
                </div>
            </div>
            <div class="amount-controls">
                <PeriodSelect value=granularity choices=&Granularity::ALL testid="cost-periods" />
                <UnitSelect currency=currency />
                <UnitStatement currency=currency />
            </div>
            <div class="month-strip" data-testid="monthly-cost">
                <For each=move || cells.get() key=|c| c.clone() let:cell>
                    <div class="month-cell">
                        <div class="month-label">
                            {cell.0}
                            {cell.1.then(|| view! { <span class="partial">{t(OverviewText::Partial)}</span> })}
                        </div>
                        <div class="num month-amount">{cell.2}</div>
                    </div>
                </For>
            </div>
            <ul class="problems">
                <For each=problems key=|p| p.clone() let:problem>
                    <li class="field-error">{problem}</li>
                </For>
            </ul>
        </section>
    }
}
