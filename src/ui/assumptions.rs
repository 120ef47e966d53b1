//! The assumptions view: the plan's settings and every cost assumption of
//! the current scenario (burden, bonuses, raises, hiring, attrition,
//! training, tools and other costs), each edited in place.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::assumptions_costs::{OtherCostsTable, ToolsTable};
use super::assumptions_rows::{
    At, BONUS_PAYOUT, PEOPLE, RowCells, RowList, money_unit, month_options, parse_month,
};
use super::burden_table::BurdenTable;
use super::field::{Commit, Field, SelectField};
use super::state::PlanState;
use crate::format::input::{parse_number, parse_whole};
use crate::model::editing::{new_bonus_payout, remove_row};
use crate::model::validate::MAX_HORIZON_MONTHS;
use crate::model::{Currency, Plan};

#[component]
pub fn Assumptions() -> impl IntoView {
    let state = PlanState::expect();
    let scenario = move || {
        state
            .with_scenario(|s| format!("Scenario \u{201c}{}\u{201d}", s.name))
            .unwrap_or_default()
    };
    view! {
        <section class="assumptions" data-testid="assumptions" aria-label="Assumptions">
            <PlanSettings />
            <p class="scenario-note">
                <strong>{scenario}</strong>
                " \u{2014} the assumptions below belong to this scenario only."
            </p>
            <BurdenTable />
            <BonusPayouts />
            <PeopleSettings />
            <ToolsTable />
            <OtherCostsTable />
        </section>
    }
}

/// Currency, fiscal year and horizon: shared by every scenario.
#[component]
fn PlanSettings() -> impl IntoView {
    let state = PlanState::expect();
    let shown = move |read: fn(&Plan) -> String| Signal::derive(move || state.plan.with(read));
    let currencies: Vec<(String, String)> = Currency::all()
        .iter()
        .map(|c| (c.code().to_string(), c.code().to_string()))
        .collect();
    // Validation refuses a currency the amounts cannot be written in (cents in yen).
    let currency: Commit = Rc::new(move |code| {
        let code = code.to_string();
        state.try_edit("currency", move |p| p.currency = code)
    });
    let year_start: Commit = Rc::new(move |text| {
        let month = text
            .parse::<u8>()
            .map_err(|_| "Pick a month.".to_string())?;
        state.try_edit("fiscal_year_start_month", move |p| {
            p.fiscal_year_start_month = month
        })
    });
    let horizon_start: Commit = Rc::new(move |text| {
        let month = parse_month(text)?;
        state.try_edit("horizon.start", move |p| p.horizon.start = month)
    });
    let horizon_months: Commit = Rc::new(move |text| {
        let months = parse_whole(text, 1, i64::from(MAX_HORIZON_MONTHS))?;
        let months = u16::try_from(months).map_err(|e| e.to_string())?;
        state.try_edit("horizon.months", move |p| p.horizon.months = months)
    });
    let span = move || {
        state.plan.with(|p| {
            let months = p.months();
            match (months.first(), months.last()) {
                (Some(first), Some(last)) => format!("{} to {}", first.label(), last.label()),
                _ => String::new(),
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="plan-settings-title">
            <div class="card-head">
                <h2 id="plan-settings-title">"Plan"</h2>
                <span class="muted">"Shared by every scenario"</span>
            </div>
            <div class="field-grid">
                <SelectField
                    label="Currency"
                    name="currency"
                    value=shown(|p| p.currency.clone())
                    options=currencies
                    commit=currency
                />
                <SelectField
                    label="Fiscal year starts in"
                    name="fiscal_year_start_month"
                    value=shown(|p| p.fiscal_year_start_month.to_string())
                    options=month_options()
                    commit=year_start
                />
                <Field
                    label="Horizon starts"
                    name="horizon_start"
                    kind="month"
                    value=shown(|p| p.horizon.start.to_string())
                    commit=horizon_start
                />
                <Field
                    label="Horizon length"
                    name="horizon_months"
                    numeric=true
                    unit="months (1 to 120)"
                    value=shown(|p| p.horizon.months.to_string())
                    commit=horizon_months
                />
            </div>
            <p class="muted hint" data-testid="horizon-span">{span}</p>
        </section>
    }
}

/// Raises, hiring, attrition and training of the scenario.
#[component]
fn PeopleSettings() -> impl IntoView {
    let state = PlanState::expect();
    let at = At::new(state, &PEOPLE, [0, 0]);
    let backfill_lag: Commit = Rc::new(move |text| {
        let lag = parse_whole(text, 0, i64::from(u8::MAX))?;
        let lag = u8::try_from(lag).map_err(|e| e.to_string())?;
        at.edit("attrition.backfill_lag_months", |p| {
            p.attrition.backfill_lag_months = lag
        })
    });
    view! {
        <section class="card" aria-labelledby="people-settings-title">
            <div class="card-head">
                <h2 id="people-settings-title">"Raises, hiring, attrition and training"</h2>
            </div>
            <div class="field-groups">
                <fieldset class="field-group">
                    <legend>"Raises"</legend>
                    <Field
                        label="Raise"
                        name="raise_pct"
                        numeric=true
                        unit="% per year"
                        value=at.percent(|p| p.raise_pct)
                        commit=at.commit_percent("raise_pct", false, |p, v| p.raise_pct = v)
                    />
                    <SelectField
                        label="Takes effect in"
                        name="raise_month"
                        value=at.text(|p| p.raise_month.to_string())
                        options=month_options()
                        commit=at.commit_month_of_year("raise_month", |p, m| p.raise_month = m)
                    />
                </fieldset>
                <fieldset class="field-group">
                    <legend>"Hiring"</legend>
                    <Field
                        label="Recruiting (agency) fee"
                        name="recruiting_fee_pct"
                        numeric=true
                        unit="% of annual base"
                        value=at.percent(|p| p.recruiting_fee_pct)
                        commit=at
                            .commit_percent("recruiting_fee_pct", false, |p, v| p.recruiting_fee_pct = v)
                    />
                    <Field
                        label="Equipment"
                        name="equipment"
                        numeric=true
                        unit=money_unit(state, "per hire")
                        value=at.amount(|p| Some(p.per_hire.equipment))
                        commit=at.commit_amount("per_hire.equipment", |p, v| p.per_hire.equipment = v)
                    />
                    <Field
                        label="Onboarding"
                        name="onboarding"
                        numeric=true
                        unit=money_unit(state, "per hire")
                        value=at.amount(|p| Some(p.per_hire.onboarding))
                        commit=at
                            .commit_amount("per_hire.onboarding", |p, v| p.per_hire.onboarding = v)
                    />
                </fieldset>
                <fieldset class="field-group">
                    <legend>"Attrition"</legend>
                    <Field
                        label="Leaving"
                        name="attrition_rate_pct"
                        numeric=true
                        unit="% of employees per year"
                        value=at.percent(|p| p.attrition.annual_rate_pct)
                        commit=at
                            .commit_percent(
                                "attrition.annual_rate_pct",
                                false,
                                |p, v| p.attrition.annual_rate_pct = v,
                            )
                    />
                    <Field
                        label="Backfill lag"
                        name="backfill_lag_months"
                        numeric=true
                        unit="months"
                        value=at.text(|p| p.attrition.backfill_lag_months.to_string())
                        commit=backfill_lag
                    />
                    <p class="muted hint">"A team can set its own in the Teams view."</p>
                </fieldset>
                <fieldset class="field-group">
                    <legend>"Training"</legend>
                    <Field
                        label="Training budget"
                        name="training_per_head_annual"
                        numeric=true
                        unit=money_unit(state, "per head per year")
                        value=at.amount(|p| Some(p.training_per_head_annual))
                        commit=at
                            .commit_amount(
                                "training_per_head_annual",
                                |p, v| p.training_per_head_annual = v,
                            )
                    />
                </fieldset>
            </div>
        </section>
    }
}

/// The bonus payouts of a year: a month and months of monthly base pay.
#[component]
fn BonusPayouts() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| {
        state
            .with_scenario(|s| s.people.bonus_payouts.len())
            .unwrap_or(0)
    });
    let can_add = Signal::derive(move || {
        state
            .with_scenario(|s| new_bonus_payout(&s.people).is_some())
            .unwrap_or(false)
    });
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &BONUS_PAYOUT, [i, 0]);
        let months: Commit = Rc::new(move |text| {
            let months = parse_number(text)?;
            at.edit("months", |b| b.months = months)
        });
        view! {
            <td>
                <SelectField
                    label="Month"
                    name="month"
                    compact=true
                    value=at.text(|b| b.month.to_string())
                    options=month_options()
                    commit=at.commit_month_of_year("month", |b, m| b.month = m)
                />
            </td>
            <td class="num">
                <Field
                    label="Months of pay"
                    name="months"
                    compact=true
                    numeric=true
                    value=at.text(|b| b.months.normalize().to_string())
                    commit=months
                />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="bonus-title">
            <div class="card-head">
                <h2 id="bonus-title">"Bonus payouts"</h2>
                <span class="muted">
                    "In months of monthly base pay; paid in full to employees active on the month\u{2019}s first day"
                </span>
            </div>
            <RowList
                noun="bonus"
                what="bonus payout"
                columns=&[("Month", false), ("Months of pay", true)]
                count=count
                row=row
                on_add=Arc::new(move |()| {
                    state
                        .edit_scenario(|s| {
                            if let Some(payout) = new_bonus_payout(&s.people) {
                                s.people.bonus_payouts.push(payout);
                            }
                        })
                })
                on_delete=Arc::new(move |i| {
                    state
                        .edit_scenario(|s| {
                            remove_row(&mut s.people.bonus_payouts, i);
                        })
                })
                can_add=can_add
            />
        </section>
    }
}
