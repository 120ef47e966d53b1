//! The employer burden components of the scenario (social insurance,
//! payroll taxes): a rate on base pay and/or bonuses, with optional caps.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::assumptions_rows::{At, BURDEN, Column, RowCells, RowList};
use super::field::{CheckField, Commit, Field, SelectField};
use super::state::PlanState;
use crate::model::editing::{new_burden_component, remove_row};
use crate::model::{AnnualCap, CapPeriod};

const COLUMNS: &[Column] = &[
    ("Name", false),
    ("Rate (%)", true),
    ("On base", false),
    ("On bonus", false),
    ("Monthly pay cap (¤)", true),
    ("Cap per bonus (¤)", true),
    ("Bonus cap per fiscal year (¤)", true),
    ("Annual pay cap (¤)", true),
    ("Cap year", false),
    ("Age-dependent", false),
];

fn period_value(period: CapPeriod) -> &'static str {
    match period {
        CapPeriod::CalendarYear => "calendar_year",
        CapPeriod::FiscalYear => "fiscal_year",
    }
}

#[component]
pub fn BurdenTable() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| state.with_scenario(|s| s.people.burden.len()).unwrap_or(0));
    let periods: Vec<(String, String)> = vec![
        ("calendar_year".into(), "Calendar year".into()),
        ("fiscal_year".into(), "Fiscal year".into()),
    ];
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &BURDEN, [i, 0]);
        let period: Commit = Rc::new(move |value| {
            let period = if value == period_value(CapPeriod::FiscalYear) {
                CapPeriod::FiscalYear
            } else {
                CapPeriod::CalendarYear
            };
            at.edit("annual_pay_cap.period", |b| {
                if let Some(cap) = &mut b.annual_pay_cap {
                    cap.period = period;
                }
            })
        });
        view! {
            <td>
                <Field
                    label="Name"
                    name="name"
                    compact=true
                    value=at.text(|b| b.name.clone())
                    commit=at.commit_name("name", |b, v| b.name = v)
                />
            </td>
            <td class="num">
                <Field
                    label="Rate (%)"
                    name="rate_pct"
                    compact=true
                    numeric=true
                    value=at.percent(|b| b.rate_pct)
                    commit=at.commit_percent("rate_pct", false, |b, v| b.rate_pct = v)
                />
            </td>
            <td>
                <CheckField
                    label="On base pay"
                    name="on_base"
                    compact=true
                    value=at.flag(|b| b.on_base)
                    commit=at.commit_check("on_base", |b, on| b.on_base = on)
                />
            </td>
            <td>
                <CheckField
                    label="On bonuses"
                    name="on_bonus"
                    compact=true
                    value=at.flag(|b| b.on_bonus)
                    commit=at.commit_check("on_bonus", |b, on| b.on_bonus = on)
                />
            </td>
            <td class="num">
                <Field
                    label="Monthly pay cap"
                    name="monthly_pay_cap"
                    compact=true
                    numeric=true
                    placeholder="none"
                    value=at.amount(|b| b.monthly_pay_cap)
                    commit=at.commit_optional_amount("monthly_pay_cap", |b, v| b.monthly_pay_cap = v)
                />
            </td>
            <td class="num">
                <Field
                    label="Cap per bonus payment"
                    name="bonus_payment_cap"
                    compact=true
                    numeric=true
                    placeholder="none"
                    value=at.amount(|b| b.bonus_payment_cap)
                    commit=at
                        .commit_optional_amount("bonus_payment_cap", |b, v| b.bonus_payment_cap = v)
                />
            </td>
            <td class="num">
                <Field
                    label="Bonus cap per fiscal year"
                    name="bonus_fiscal_year_cap"
                    compact=true
                    numeric=true
                    placeholder="none"
                    value=at.amount(|b| b.bonus_fiscal_year_cap)
                    commit=at
                        .commit_optional_amount(
                            "bonus_fiscal_year_cap",
                            |b, v| b.bonus_fiscal_year_cap = v,
                        )
                />
            </td>
            <td class="num">
                <Field
                    label="Annual pay cap"
                    name="annual_pay_cap"
                    compact=true
                    numeric=true
                    placeholder="none"
                    value=at.amount(|b| b.annual_pay_cap.as_ref().map(|c| c.amount))
                    commit=at
                        .commit_optional_amount(
                            "annual_pay_cap",
                            |b, v| {
                                let period = b
                                    .annual_pay_cap
                                    .as_ref()
                                    .map_or(CapPeriod::CalendarYear, |c| c.period);
                                b.annual_pay_cap = v.map(|amount| AnnualCap { amount, period });
                            },
                        )
                />
            </td>
            <td>
                <SelectField
                    label="Annual pay cap year"
                    name="annual_pay_cap_period"
                    compact=true
                    value=at
                        .text(|b| {
                            let period = b.annual_pay_cap.as_ref().map(|c| c.period);
                            period_value(period.unwrap_or(CapPeriod::CalendarYear)).to_string()
                        })
                    options=periods.clone()
                    commit=period
                    disabled=at.flag(|b| b.annual_pay_cap.is_none())
                />
            </td>
            <td>
                <CheckField
                    label="Age-dependent (only positions marked age-dependent)"
                    name="age_dependent"
                    compact=true
                    value=at.flag(|b| b.age_dependent)
                    commit=at.commit_check("age_dependent", |b, on| b.age_dependent = on)
                />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="burden-title">
            <div class="card-head">
                <h2 id="burden-title">"Employer burden"</h2>
                <span class="muted">
                    "Social insurance and payroll taxes on employees\u{2019} pay; an empty cap means none"
                </span>
            </div>
            <RowList
                noun="burden"
                what="burden component"
                columns=COLUMNS
                count=count
                row=row
                on_add=Arc::new(move |()| {
                    state.edit_scenario(|s| s.people.burden.push(new_burden_component()))
                })
                on_delete=Arc::new(move |i| {
                    state
                        .edit_scenario(|s| {
                            remove_row(&mut s.people.burden, i);
                        })
                })
            />
            <p class="muted hint">
                "Age-dependent components apply only to positions marked so (Japan\u{2019}s long-term care insurance, ages 40 to 64)."
            </p>
        </section>
    }
}
