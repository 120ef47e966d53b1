//! The scenario's exchange rates (為替レート): for each foreign currency a
//! rate from a month, with later steps (docs/model.md, "Costs in other
//! currencies"). A cost's own currency is `cost_currency`.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::format::input::parse_amount;
use crate::i18n::fields::input_error;
use crate::i18n::fx::{FxText as X, missing_rates};
use crate::i18n::t;
use crate::model::ExchangeRate;
use crate::model::fx::currencies_used;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{At, Place, RowCells, RowList};
use crate::ui::widgets::field::{Commit, Field};

/// A rate is exact to 6 decimals.
const RATE_DECIMALS: u32 = 6;

const RATES: Place<ExchangeRate> = Place {
    get: |s, [i, _]| s.exchange_rates.get(i),
    get_mut: |s, [i, _]| s.exchange_rates.get_mut(i),
    path: |[i, _]| format!("exchange_rates[{i}]"),
};

/// The step a new row starts as: a currency used without a rate, else a
/// later step of the last row's currency (a month after its last step, at
/// its last rate), else dollars from the horizon's start.
fn next_step(
    rates: &[ExchangeRate],
    missing: &[String],
    start: crate::model::YearMonth,
    plan: &str,
) -> ExchangeRate {
    if let Some(code) = missing.first() {
        return ExchangeRate {
            currency: code.clone(),
            from: start,
            rate: Decimal::ONE,
        };
    }
    match rates.last() {
        Some(last) => {
            let latest = rates
                .iter()
                .filter(|r| r.currency == last.currency)
                .max_by_key(|r| r.from)
                .unwrap_or(last);
            ExchangeRate {
                currency: latest.currency.clone(),
                from: latest.from.add_months(1).unwrap_or(latest.from),
                rate: latest.rate,
            }
        }
        None => ExchangeRate {
            currency: if plan == "USD" { "EUR" } else { "USD" }.to_string(),
            from: start,
            rate: Decimal::ONE,
        },
    }
}

#[component]
pub fn ExchangeRates() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| state.with_scenario(|s| s.exchange_rates.len()).unwrap_or(0));
    // Currencies the scenario's costs use without a rate path.
    let missing = Memo::new(move |_| {
        let plan = state.currency.get();
        state
            .with_scenario(|s| {
                currencies_used(s, plan)
                    .into_iter()
                    .filter(|c| !s.exchange_rates.iter().any(|r| r.currency == *c))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &RATES, [i, 0]);
        let commit_rate: Commit = Rc::new(move |text| {
            let rate = parse_amount(text, RATE_DECIMALS).map_err(|e| input_error(&e))?;
            at.edit("rate", |r| r.rate = rate)
        });
        let commit_currency: Commit = Rc::new(move |text| {
            let code = text.trim().to_uppercase();
            at.edit("currency", |r| r.currency = code)
        });
        view! {
            <td>
                <Field label=t(X::Currency) name="currency" compact=true
                    value=at.text(|r| r.currency.clone()) commit=commit_currency />
            </td>
            <td>
                <Field label=t(X::From) name="from" compact=true kind="month"
                    value=at.text(|r| r.from.to_string()) commit=at.commit_month("from", |r, m| r.from = m) />
            </td>
            <td class="num">
                <Field label=t(X::Rate) name="rate" compact=true numeric=true
                    value=at.text(|r| r.rate.normalize().to_string()) commit=commit_rate />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="exchange-rates-title" data-testid="exchange-rates">
            <div class="card-head">
                <h2 id="exchange-rates-title">{t(X::RatesTitle)}</h2>
            </div>
            <p class="muted hint">{t(X::RatesNote)}</p>
            {move || {
                let codes = missing.get();
                (!codes.is_empty()).then(|| view! {
                    <p class="note" role="status" data-testid="missing-rates">{missing_rates(&codes.join(", "))}</p>
                })
            }}
            <RowList
                noun="rate"
                what=t(X::RateRow)
                columns=&[(t(X::Currency), false), (t(X::From), false), (t(X::Rate), true)]
                count=count
                row=row
                on_add=Arc::new(move |()| {
                    let plan = state.currency.get_untracked();
                    let start = state.plan.with_untracked(|p| p.horizon.start);
                    let codes = missing.get_untracked();
                    state.edit_scenario(|s| {
                        let step = next_step(&s.exchange_rates, &codes, start, plan.code());
                        s.exchange_rates.push(step);
                    })
                })
                on_delete=Arc::new(move |i| {
                    state.edit_scenario(|s| {
                        if i < s.exchange_rates.len() {
                            s.exchange_rates.remove(i);
                        }
                    })
                })
            />
        </section>
    }
}
