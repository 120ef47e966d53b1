//! The plan's cost for each month of the horizon and its total.

use leptos::prelude::*;

use super::state::PlanState;
use crate::i18n::overview::{OverviewText, problem_line};
use crate::i18n::{format, t};

#[component]
pub fn MonthlyCost() -> impl IntoView {
    let state = PlanState::expect();
    let cells = Memo::new(move |_| {
        state.forecast.with(|f| match f {
            Ok(forecast) => forecast
                .months()
                .iter()
                .enumerate()
                .map(|(m, month)| {
                    (
                        format::month(*month),
                        format::money(forecast.month_total(m), forecast.currency()),
                    )
                })
                .collect::<Vec<_>>(),
            Err(_) => Vec::new(),
        })
    });
    let total = move || {
        state.forecast.with(|f| match f {
            Ok(forecast) => format::money(forecast.total(), forecast.currency()),
            Err(_) => "—".to_string(),
        })
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
            <div class="month-strip" data-testid="monthly-cost">
                <For each=move || cells.get() key=|c| c.clone() let:cell>
                    <div class="month-cell">
                        <div class="month-label">{cell.0}</div>
                        <div class="num month-amount">{cell.1}</div>
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
