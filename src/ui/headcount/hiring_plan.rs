//! The hiring plan on the Headcount view: hires per team per quarter (or
//! month or half) of a fiscal year, and each team's headcount at each
//! period's end (`model::hiring_plan` counts; this view formats).

use leptos::prelude::*;

use crate::i18n::common::Common;
use crate::i18n::finance::slot;
use crate::i18n::overview::{OverviewText as O, period_short};
use crate::i18n::{format, t};
use crate::model::FiscalYear;
use crate::model::hiring_plan::{HiringPlan, HiringRow, hiring_plan, team_months};
use crate::model::periods::{Granularity, Slot, horizon_years};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::period_select::{PeriodSelect, hiring_periods};

const CHOICES: [Granularity; 3] = [
    Granularity::Months,
    Granularity::Quarters,
    Granularity::Halves,
];

fn count(n: u32) -> String {
    format::count(n)
}

/// One row of figures: the periods' cells and the total cell.
fn cells(values: &[u32], total: u32) -> impl IntoView + use<> {
    let periods = values
        .iter()
        .map(|v| view! { <td class="num">{count(*v)}</td> })
        .collect_view();
    view! {
        {periods}
        <td class="num total-cell">{count(total)}</td>
    }
}

fn team_rows(
    plan: &HiringPlan,
    part: &'static str,
    pick: fn(&HiringRow) -> (&[u32], u32),
) -> impl IntoView + use<> {
    plan.teams
        .iter()
        .map(|row| {
            let (values, total) = pick(row);
            view! {
                <tr data-testid=format!("{part}-row") data-team=row.name.clone()>
                    <th scope="row" title=row.name.clone()>{row.name.clone()}</th>
                    {cells(values, total)}
                </tr>
            }
        })
        .collect_view()
}

#[component]
pub fn HiringPlanGrid() -> impl IntoView {
    let state = PlanState::expect();
    let granularity = hiring_periods();
    let asked = RwSignal::new(None::<FiscalYear>);
    let years = Memo::new(move |_| {
        state.forecast.with(|f| {
            f.as_ref()
                .map(|fc| horizon_years(fc.months(), fc.fiscal_year_start_month()))
                .unwrap_or_default()
        })
    });
    let year = Memo::new(move |_| {
        let years = years.get();
        asked
            .get()
            .filter(|y| years.contains(y))
            .or_else(|| years.first().copied())
    });
    let plan = {
        let granularity = granularity.clone();
        Memo::new(move |_| {
            let year = year.get()?;
            let granularity = granularity.get();
            state.forecast.with(|f| {
                let forecast = f.as_ref().ok()?;
                Some(hiring_plan(
                    forecast.months(),
                    forecast.fiscal_year_start_month(),
                    year,
                    granularity,
                    &team_months(forecast),
                ))
            })
        })
    };

    let year_buttons = move || {
        years
            .get()
            .into_iter()
            .map(|y| {
                view! {
                    <button
                        type="button"
                        class="segment"
                        data-fy=y.label()
                        class:active=move || year.get() == Some(y)
                        aria-pressed=move || (year.get() == Some(y)).to_string()
                        on:click=move |_| asked.set(Some(y))
                    >
                        {format::fiscal_year(y)}
                    </button>
                }
            })
            .collect_view()
    };

    let table = move || {
        let Some(plan) = plan.get() else {
            return ().into_any();
        };
        if plan.teams.is_empty() {
            return view! { <p class="empty">{t(O::NoTeams)}</p> }.into_any();
        }
        let start = plan.year.start_month;
        let span = plan.periods.len() + 2;
        let heads = plan
            .periods
            .iter()
            .map(|p| {
                let partial = p.partial().then(|| view! { <span class="partial">{t(O::Partial)}</span> });
                view! { <th scope="col" class="num" data-partial=p.partial().to_string()>{period_short(p, start)}{partial}</th> }
            })
            .collect_view();
        let hires = team_rows(&plan, "hire", |r| (&r.hires, r.hires_total));
        let ends = team_rows(&plan, "heads", |r| (&r.heads_at_end, r.heads_at_year_end));
        let total = plan.total.clone();
        view! {
            // Focusable, so a keyboard scrolls the months sideways.
            <div class="table-scroll" tabindex="0" role="region" aria-label=t(O::HiringPlan)>
                <table class="grid hiring-table" data-testid="hiring-plan">
                    <thead>
                        <tr>
                            <th scope="col">{t(Common::Team)}</th>
                            {heads}
                            <th scope="col" class="num">{slot(Slot::Year, start)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="block-head"><th scope="rowgroup" colspan=span>{t(O::NewHires)}</th></tr>
                        {hires}
                        <tr class="total-row" data-testid="hire-total">
                            <th scope="row">{t(Common::AllTeams)}</th>
                            {cells(&total.hires, total.hires_total)}
                        </tr>
                    </tbody>
                    <tbody>
                        <tr class="block-head"><th scope="rowgroup" colspan=span>{t(O::HeadsAtEnd)}</th></tr>
                        {ends}
                        <tr class="total-row" data-testid="heads-total">
                            <th scope="row">{t(Common::AllTeams)}</th>
                            {cells(&total.heads_at_end, total.heads_at_year_end)}
                        </tr>
                        <tr data-testid="departures-total">
                            <th scope="row">{t(O::Departures)}</th>
                            {cells(&total.departures, total.departures_total)}
                        </tr>
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <section class="card hiring-plan" aria-labelledby="hiring-title">
            <div class="card-head">
                <h2 id="hiring-title">{t(O::HiringPlan)}</h2>
            </div>
            <p class="muted">{t(O::HiringPlanNote)}</p>
            <div class="amount-controls">
                <div class="segmented" role="group" aria-label=t(Common::FiscalYear) data-testid="hiring-years">
                    {year_buttons}
                </div>
                <PeriodSelect value=granularity choices=&CHOICES testid="hiring-periods" />
            </div>
            {table}
        </section>
    }
}
