//! The assumptions view: the plan's settings and every cost assumption of
//! the current scenario (burden, bonuses, raises, hiring, attrition,
//! training, tools and other costs) and the accounts they book under,
//! each edited in place.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::assumptions_accounts::AccountsCard;
use super::assumptions_costs::{OtherCostsTable, ToolsTable};
use super::burden_table::{BurdenTable, GradeTables};
use super::exchange_rates::ExchangeRates;
use super::per_head_costs::PerHeadCosts;
use crate::format::input::{parse_number, parse_whole};
use crate::i18n::assumptions::{AssumptionsText as A, horizon_span, scenario_heading};
use crate::i18n::common::Common;
use crate::i18n::fields::{FieldText, input_error};
use crate::i18n::t;
use crate::model::editing::{new_bonus_payout, remove_row};
use crate::model::validate::MAX_HORIZON_MONTHS;
use crate::model::{Assessment, Currency, FirstBonus, Plan};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{
    At, BONUS_PAYOUT, PEOPLE, RowCells, RowList, money_unit, month_options, parse_month,
};
use crate::ui::widgets::field::{Commit, Field, SelectField};

#[component]
pub fn Assumptions() -> impl IntoView {
    let state = PlanState::expect();
    let scenario = move || {
        state
            .with_scenario(|s| scenario_heading(&s.name))
            .unwrap_or_default()
    };
    view! {
        <section class="assumptions" data-testid="assumptions" aria-label=t(A::Assumptions)>
            // Every field here edits the plan while the scenario shown is
            // not locked (even the plan's settings: `PlanState` refuses them
            // on a locked scenario), so all of them are read-only then.
            <fieldset class="edit-lock" disabled=move || state.locked()>
                <PlanSettings />
                <p class="scenario-note">
                    <strong>{scenario}</strong>
                    {t(A::ScenarioOnly)}
                </p>
                <BurdenTable />
                <GradeTables />
                <BonusPayouts />
                <PeopleSettings />
                <ExchangeRates />
                <PerHeadCosts />
                <ToolsTable />
                <OtherCostsTable />
                <AccountsCard />
            </fieldset>
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
            .map_err(|_| t(FieldText::PickMonth).to_string())?;
        state.try_edit("fiscal_year_start_month", move |p| {
            p.fiscal_year_start_month = month
        })
    });
    let horizon_start: Commit = Rc::new(move |text| {
        let month = parse_month(text)?;
        state.try_edit("horizon.start", move |p| p.horizon.start = month)
    });
    let horizon_months: Commit = Rc::new(move |text| {
        let months =
            parse_whole(text, 1, i64::from(MAX_HORIZON_MONTHS)).map_err(|e| input_error(&e))?;
        let months = u16::try_from(months).map_err(|e| e.to_string())?;
        state.try_edit("horizon.months", move |p| p.horizon.months = months)
    });
    let span = move || {
        state.plan.with(|p| {
            let months = p.months();
            match (months.first(), months.last()) {
                (Some(first), Some(last)) => horizon_span(*first, *last),
                _ => String::new(),
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="plan-settings-title">
            <div class="card-head">
                <h2 id="plan-settings-title">{t(Common::Plan)}</h2>
                <span class="muted">{t(A::SharedByEveryScenario)}</span>
            </div>
            <div class="field-grid">
                <SelectField
                    label=t(A::Currency)
                    name="currency"
                    value=shown(|p| p.currency.clone())
                    options=currencies
                    commit=currency
                />
                <SelectField
                    label=t(A::FiscalYearStartsIn)
                    name="fiscal_year_start_month"
                    value=shown(|p| p.fiscal_year_start_month.to_string())
                    options=month_options()
                    commit=year_start
                />
                <Field
                    label=t(A::HorizonStarts)
                    name="horizon_start"
                    kind="month"
                    value=shown(|p| p.horizon.start.to_string())
                    commit=horizon_start
                />
                <Field
                    label=t(A::HorizonLength)
                    name="horizon_months"
                    numeric=true
                    unit=t(A::HorizonMonths)
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
        let lag = parse_whole(text, 0, i64::from(u8::MAX)).map_err(|e| input_error(&e))?;
        let lag = u8::try_from(lag).map_err(|e| e.to_string())?;
        at.edit("attrition.backfill_lag_months", |p| {
            p.attrition.backfill_lag_months = lag
        })
    });
    view! {
        <section class="card" aria-labelledby="people-settings-title">
            <div class="card-head">
                <h2 id="people-settings-title">{t(A::PeopleTitle)}</h2>
            </div>
            <div class="field-groups">
                <fieldset class="field-group">
                    <legend>{t(A::Raises)}</legend>
                    <Field
                        label=t(A::Raise)
                        name="raise_pct"
                        numeric=true
                        unit=t(A::PctPerYear)
                        value=at.percent(|p| p.raise_pct)
                        commit=at.commit_percent("raise_pct", false, |p, v| p.raise_pct = v)
                    />
                    <SelectField
                        label=t(A::TakesEffectIn)
                        name="raise_month"
                        value=at.text(|p| p.raise_month.to_string())
                        options=month_options()
                        commit=at.commit_month_of_year("raise_month", |p, m| p.raise_month = m)
                    />
                </fieldset>
                <fieldset class="field-group">
                    <legend>{t(A::Hiring)}</legend>
                    <Field
                        label=t(A::RecruitingFee)
                        name="recruiting_fee_pct"
                        numeric=true
                        unit=t(A::PctOfAnnualBase)
                        value=at.percent(|p| p.recruiting_fee_pct)
                        commit=at
                            .commit_percent("recruiting_fee_pct", false, |p, v| p.recruiting_fee_pct = v)
                    />
                    <Field
                        label=t(A::Equipment)
                        name="equipment"
                        numeric=true
                        unit=money_unit(state, t(A::PerHire))
                        value=at.amount(|p| Some(p.per_hire.equipment))
                        commit=at.commit_amount("per_hire.equipment", |p, v| p.per_hire.equipment = v)
                    />
                    <Field
                        label=t(A::Onboarding)
                        name="onboarding"
                        numeric=true
                        unit=money_unit(state, t(A::PerHire))
                        value=at.amount(|p| Some(p.per_hire.onboarding))
                        commit=at
                            .commit_amount("per_hire.onboarding", |p, v| p.per_hire.onboarding = v)
                    />
                </fieldset>
                <fieldset class="field-group">
                    <legend>{t(A::Attrition)}</legend>
                    <Field
                        label=t(A::Leaving)
                        name="attrition_rate_pct"
                        numeric=true
                        unit=t(A::PctOfEmployeesPerYear)
                        value=at.percent(|p| p.attrition.annual_rate_pct)
                        commit=at
                            .commit_percent(
                                "attrition.annual_rate_pct",
                                false,
                                |p, v| p.attrition.annual_rate_pct = v,
                            )
                    />
                    <Field
                        label=t(A::BackfillLag)
                        name="backfill_lag_months"
                        numeric=true
                        unit=t(Common::Months)
                        value=at.text(|p| p.attrition.backfill_lag_months.to_string())
                        commit=backfill_lag
                    />
                    <p class="muted hint">{t(A::TeamsSetTheirOwn)}</p>
                </fieldset>
                <fieldset class="field-group">
                    <legend>{t(A::Training)}</legend>
                    <Field
                        label=t(A::TrainingBudget)
                        name="training_per_head_annual"
                        numeric=true
                        unit=money_unit(state, t(A::PerHeadPerYear))
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
            let months = parse_number(text).map_err(|e| input_error(&e))?;
            at.edit("months", |b| b.months = months)
        });
        // The period as the engine reads it (stated, or the 6 months
        // before the payout); choosing either end states it.
        let period = move || state.with_scenario(|s| s.people.assessment_of(i)).flatten();
        let shown_end = move |end: fn(Assessment) -> u8| {
            Signal::derive(move || period().map(|a| end(a).to_string()).unwrap_or_default())
        };
        let commit_end = move |field: &'static str, set: fn(&mut Assessment, u8)| -> Commit {
            Rc::new(move |text: &str| {
                let month = text
                    .parse::<u8>()
                    .map_err(|_| t(FieldText::PickMonth).to_string())?;
                let mut assessment = period().ok_or_else(|| t(FieldText::PickMonth).to_string())?;
                set(&mut assessment, month);
                at.edit(field, |b| b.assessment = Some(assessment))
            })
        };
        view! {
            <td>
                <SelectField
                    label=t(Common::Month)
                    name="month"
                    compact=true
                    value=at.text(|b| b.month.to_string())
                    options=month_options()
                    commit=at.commit_month_of_year("month", |b, m| b.month = m)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::MonthsOfPay)
                    name="months"
                    compact=true
                    numeric=true
                    value=at.text(|b| b.months.normalize().to_string())
                    commit=months
                />
            </td>
            <td>
                <SelectField
                    label=t(A::AssessedFrom)
                    name="assessment_from"
                    compact=true
                    value=shown_end(|a| a.from)
                    options=month_options()
                    commit=commit_end("assessment.from", |a, m| a.from = m)
                />
            </td>
            <td>
                <SelectField
                    label=t(A::AssessedTo)
                    name="assessment_to"
                    compact=true
                    value=shown_end(|a| a.to)
                    options=month_options()
                    commit=commit_end("assessment.to", |a, m| a.to = m)
                />
            </td>
        }
        .into_any()
    });
    let policies: Vec<(String, String)> = FirstBonus::ALL
        .into_iter()
        .map(|policy| {
            let label = match policy {
                FirstBonus::Full => t(A::FirstBonusFull),
                FirstBonus::Prorated => t(A::FirstBonusProrated),
                FirstBonus::NoneBeforeFirstPayout => t(A::FirstBonusNone),
            };
            (policy.as_str().to_string(), label.to_string())
        })
        .collect();
    let people = At::new(state, &PEOPLE, [0, 0]);
    let first_bonus: Commit = Rc::new(move |value: &str| {
        let policy = FirstBonus::ALL
            .into_iter()
            .find(|p| p.as_str() == value)
            .unwrap_or_default();
        people.edit("first_bonus", |p| p.first_bonus = policy)
    });
    view! {
        <section class="card" aria-labelledby="bonus-title">
            <div class="card-head">
                <h2 id="bonus-title">{t(A::BonusPayouts)}</h2>
                <span class="muted">{t(A::BonusPayoutsNote)}</span>
            </div>
            <RowList
                noun="bonus"
                what=t(A::BonusPayout)
                columns=&[
                    (t(Common::Month), false),
                    (t(A::MonthsOfPay), true),
                    (t(A::AssessedFrom), false),
                    (t(A::AssessedTo), false),
                ]
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
            <div class="field-grid first-bonus">
                <SelectField
                    label=t(A::FirstBonus)
                    name="first_bonus"
                    value=people.text(|p| p.first_bonus.as_str().to_string())
                    options=policies
                    commit=first_bonus
                />
            </div>
            <p class="muted hint">{t(A::FirstBonusHint)}</p>
        </section>
    }
}
