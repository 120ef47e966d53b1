//! The employer burden components of the scenario (social insurance,
//! payroll taxes): a rate on base pay and/or bonuses, with optional caps.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::assumptions::AssumptionsText as A;
use crate::i18n::common::{Common, category};
use crate::i18n::format;
use crate::i18n::t;
use crate::model::editing::{new_burden_component, remove_row};
use crate::model::{AnnualCap, BurdenBasis, CapPeriod, Category, YearMonth, grades};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{At, BURDEN, Column, RowCells, RowList};
use crate::ui::widgets::field::{CheckField, Commit, Field, SelectField};

/// The table's headings, in the UI's language.
fn columns() -> Vec<Column> {
    vec![
        (t(Common::Name), false),
        (t(A::RateColumn), true),
        (t(A::OnBase), false),
        (t(A::OnBonus), false),
        (t(A::MonthlyPayCapColumn), true),
        (t(A::BonusCapColumn), true),
        (t(A::BonusYearCapColumn), true),
        (t(A::AnnualPayCapColumn), true),
        (t(A::CapYear), false),
        (t(A::AgeDependent), false),
        (t(A::BasisColumn), false),
    ]
}

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
        ("calendar_year".into(), t(A::CalendarYear).into()),
        ("fiscal_year".into(), t(Common::FiscalYear).into()),
    ];
    let no_cap = t(A::NoCap);
    let bases: Vec<(String, String)> = BurdenBasis::ALL
        .into_iter()
        .map(|b| {
            let label = match b {
                BurdenBasis::Simple => t(A::BasisSimple),
                BurdenBasis::HealthGrades => t(A::BasisHealth),
                BurdenBasis::PensionGrades => t(A::BasisPension),
            };
            (basis_value(b).to_string(), label.to_string())
        })
        .collect();
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
        // A long name is cut with an ellipsis: the whole of it is the
        // cell's tooltip.
        let name = at.text(|b| b.name.clone());
        view! {
            <td class="name-cell" title=name>
                <Field
                    label=t(Common::Name)
                    name="name"
                    compact=true
                    value=name
                    commit=at.commit_name("name", |b, v| b.name = v)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::RateColumn)
                    name="rate_pct"
                    compact=true
                    numeric=true
                    value=at.percent(|b| b.rate_pct)
                    commit=at.commit_percent("rate_pct", false, |b, v| b.rate_pct = v)
                />
            </td>
            <td>
                <CheckField
                    label=t(A::OnBasePay)
                    name="on_base"
                    compact=true
                    value=at.flag(|b| b.on_base)
                    commit=at.commit_check("on_base", |b, on| b.on_base = on)
                />
            </td>
            <td>
                <CheckField
                    label=t(A::OnBonuses)
                    name="on_bonus"
                    compact=true
                    value=at.flag(|b| b.on_bonus)
                    commit=at.commit_check("on_bonus", |b, on| b.on_bonus = on)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::MonthlyPayCap)
                    name="monthly_pay_cap"
                    compact=true
                    numeric=true
                    placeholder=no_cap
                    value=at.amount(|b| b.monthly_pay_cap)
                    commit=at.commit_optional_amount("monthly_pay_cap", |b, v| b.monthly_pay_cap = v)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::BonusPaymentCap)
                    name="bonus_payment_cap"
                    compact=true
                    numeric=true
                    placeholder=no_cap
                    value=at.amount(|b| b.bonus_payment_cap)
                    commit=at
                        .commit_optional_amount("bonus_payment_cap", |b, v| b.bonus_payment_cap = v)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::BonusFiscalYearCap)
                    name="bonus_fiscal_year_cap"
                    compact=true
                    numeric=true
                    placeholder=no_cap
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
                    label=t(A::AnnualPayCap)
                    name="annual_pay_cap"
                    compact=true
                    numeric=true
                    placeholder=no_cap
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
                    label=t(A::AnnualPayCapYear)
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
                    label=t(A::AgeDependentField)
                    name="age_dependent"
                    compact=true
                    value=at.flag(|b| b.age_dependent)
                    commit=at.commit_check("age_dependent", |b, on| b.age_dependent = on)
                />
            </td>
            <td>
                // Validation refuses a graded basis outside a yen plan.
                <SelectField
                    label=t(A::BasisColumn)
                    name="basis"
                    compact=true
                    value=at.text(|b| basis_value(b.basis).to_string())
                    options=bases.clone()
                    commit=Rc::new(move |value: &str| {
                        let basis = BurdenBasis::ALL
                            .into_iter()
                            .find(|b| basis_value(*b) == value)
                            .unwrap_or_default();
                        at.edit("basis", |b| b.basis = basis)
                    })
                />
            </td>
        }
        .into_any()
    });
    view! {
        // The widest table of the view: it scrolls sideways under a
        // sticky name column (style/forms.css).
        <section class="card burden" aria-labelledby="burden-title">
            <div class="card-head">
                <h2 id="burden-title">{category(Category::Burden)}</h2>
                <span class="muted">{t(A::BurdenNote)}</span>
            </div>
            <RowList
                noun="burden"
                what=t(A::BurdenComponent)
                columns=columns()
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
            <p class="muted hint">{t(A::AgeDependentHint)}</p>
            <p class="muted hint">{t(A::BasisHint)}</p>
        </section>
    }
}

/// The `<select>` value of a basis.
fn basis_value(basis: BurdenBasis) -> &'static str {
    basis.as_str()
}

/// The grade tables the graded components use, as in force in the plan's
/// first month, with the grades that come later and when.
#[component]
pub fn GradeTables() -> impl IntoView {
    let state = PlanState::expect();
    let graded = Memo::new(move |_| {
        state
            .with_scenario(|s| s.people.burden.iter().any(|b| b.basis.is_graded()))
            .unwrap_or(false)
    });
    let table = move |basis: BurdenBasis, title: &'static str| {
        let currency = state.currency.get();
        // Every grade: those added later say from which month.
        let shown = grades::table(basis)
            .unwrap_or(&[])
            .iter()
            .map(|g| {
                let since = g
                    .since
                    .and_then(|(y, m)| YearMonth::new(y, m).ok())
                    .map(format::month)
                    .unwrap_or_default();
                view! {
                    <tr>
                        <td class="num">{g.number}</td>
                        <td class="num">{format::money(g.standard, currency)}</td>
                        <td class="num">{format::money(g.lower, currency)}</td>
                        <td>{since}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <details class="grade-table" data-testid="grade-table">
                <summary>{title}</summary>
                <div class="table-scroll"><table class="grid">
                    <thead><tr>
                        <th scope="col" class="num">{t(A::GradeColumn)}</th>
                        <th scope="col" class="num">{t(A::StandardColumn)}</th>
                        <th scope="col" class="num">{t(A::FromColumn)}</th>
                        <th scope="col">{t(A::SinceColumn)}</th>
                    </tr></thead>
                    <tbody>{shown}</tbody>
                </table></div>
            </details>
        }
    };
    view! {
        <Show when=move || graded.get()>
            <section class="card" aria-labelledby="grades-title" data-testid="grade-tables">
                <div class="card-head">
                    <h2 id="grades-title">{t(A::GradeTables)}</h2>
                    <span class="muted">{t(A::GradeTablesMonth)}</span>
                </div>
                {move || table(BurdenBasis::HealthGrades, t(A::HealthTable))}
                {move || table(BurdenBasis::PensionGrades, t(A::PensionTable))}
            </section>
        </Show>
    }
}
