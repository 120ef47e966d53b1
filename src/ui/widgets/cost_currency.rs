//! The currency a cost states its amount in: its select, and its amount
//! shown and committed in that currency's decimals. Tools, per-head costs,
//! other costs and cloud lines all use them.

use std::rc::Rc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::assumptions_rows::At;
use super::field::{Commit, Field};
use crate::format::input::parse_amount;
use crate::i18n::fields::input_error;
use crate::i18n::fx::{FxText as X, plan_currency};
use crate::i18n::{format, t};
use crate::model::Currency;
use crate::model::fx::exponent_of;
use crate::ui::frame::state::PlanState;

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

/// The code of the currency a cost is stated in, the plan's when it
/// states none: the unit its amount cell shows, since a column may mix
/// currencies.
pub fn cost_code(currency: Signal<Option<String>>) -> Signal<String> {
    let state = PlanState::expect();
    Signal::derive(move || {
        currency
            .get()
            .unwrap_or_else(|| state.currency.get().code().to_string())
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
