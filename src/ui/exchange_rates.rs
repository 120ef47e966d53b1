//! The scenario's exchange rates (為替レート): for each foreign currency a
//! rate from a month, with later steps (docs/model.md, "Costs in other
//! currencies"); and the currency select a cost states its amount in.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::assumptions_rows::{At, Place, RowCells, RowList};
use super::field::{Commit, Field};
use super::state::PlanState;
use crate::format::input::parse_amount;
use crate::i18n::fields::input_error;
use crate::i18n::fx::{FxText as X, missing_rates, plan_currency};
use crate::i18n::{format, t};
use crate::model::fx::{currencies_used, exponent_of};
use crate::model::{Currency, ExchangeRate};

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

/// The currency a cost is stated in: the plan's (`None`), one the
/// scenario has rates for, or any ISO code typed under "Other…". A choice
/// the plan refuses (a currency without a rate) gets its message beside the
/// select, and a code typed stays as typed.
#[component]
pub fn CurrencySelect(
    /// The cost's currency (`None`: the plan's).
    #[prop(into)]
    value: Signal<Option<String>>,
    commit: Rc<dyn Fn(Option<String>) -> Result<(), String>>,
) -> impl IntoView {
    let state = PlanState::expect();
    let error = RwSignal::new(None::<String>);
    let other = RwSignal::new(false);
    let commit = StoredValue::new_local(commit);
    let apply = move |code: Option<String>| {
        let result = commit.with_value(|c| c(code));
        error.set(result.as_ref().err().cloned());
        result
    };
    let choices = move || {
        let plan = state.currency.get().code();
        let current = value.get();
        let mut codes: Vec<String> = state
            .with_scenario(|s| {
                let mut codes: Vec<String> = Vec::new();
                for r in &s.exchange_rates {
                    if !codes.contains(&r.currency) {
                        codes.push(r.currency.clone());
                    }
                }
                codes
            })
            .unwrap_or_default();
        if let Some(c) = current.as_ref().filter(|c| !codes.contains(c)) {
            codes.push(c.clone());
        }
        let first =
            view! { <option value="" selected=current.is_none()>{plan_currency(plan)}</option> };
        let each = codes
            .into_iter()
            .map(|c| {
                let selected = current.as_deref() == Some(c.as_str());
                view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
            })
            .collect_view();
        view! {
            {first}
            {each}
            <option value="*" selected=other.get()>{t(X::OtherCurrency)}</option>
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        if picked == "*" {
            other.set(true);
            return;
        }
        other.set(false);
        let _ = apply((!picked.is_empty()).then_some(picked));
    };
    let typed: Commit = Rc::new(move |text: &str| {
        let code = text.trim().to_uppercase();
        let result = apply((!code.is_empty()).then_some(code));
        if result.is_ok() {
            other.set(false);
        }
        error.set(None);
        result
    });
    let typed = StoredValue::new_local(typed);
    view! {
        <div class="currency-select">
            <select data-testid="cost-currency" aria-label=t(X::Currency) on:change=on_change>
                {choices}
            </select>
            {move || other.get().then(|| view! {
                <Field label=t(X::CurrencyCode) name="currency-code" compact=true
                    value=Signal::derive(String::new) commit=typed.get_value() />
            })}
            {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </div>
    }
}

/// A cost's currency (`None`: the plan's), tracked.
pub fn currency_of<T: 'static>(at: At<T>, get: fn(&T) -> Option<String>) -> Signal<Option<String>> {
    Signal::derive(move || at.with(get).flatten())
}

/// A cost's amount as its input shows it: in its currency's decimals
/// ($21.50 in a yen plan stays 21.50).
pub fn cost_amount<T: 'static>(
    at: At<T>,
    currency: Signal<Option<String>>,
    get: fn(&T) -> Decimal,
) -> Signal<String> {
    let state = PlanState::expect();
    Signal::derive(move || {
        let plan = state.currency.get();
        let shown = currency
            .get()
            .as_deref()
            .and_then(Currency::from_code)
            .unwrap_or(plan);
        at.with(get)
            .map(|amount| format::plain_amount(amount, shown))
            .unwrap_or_default()
    })
}

/// Commits a cost's amount, read in its currency's decimals.
pub fn commit_cost_amount<T: 'static>(
    at: At<T>,
    field: &'static str,
    currency: Signal<Option<String>>,
    set: fn(&mut T, Decimal),
) -> Commit {
    let state = PlanState::expect();
    Rc::new(move |text| {
        let plan = state.currency.get_untracked();
        let exponent = exponent_of(&currency.get_untracked(), plan).unwrap_or(plan.exponent());
        let amount = parse_amount(text, exponent).map_err(|e| input_error(&e))?;
        at.edit(field, |c| set(c, amount))
    })
}

/// The currency select of a cost (its field `currency`).
pub fn cost_currency<T: 'static>(
    at: At<T>,
    value: Signal<Option<String>>,
    set: fn(&mut T, Option<String>),
) -> impl IntoView {
    let commit = Rc::new(move |code: Option<String>| at.edit("currency", |c| set(c, code)));
    view! { <CurrencySelect value=value commit=commit /> }
}
