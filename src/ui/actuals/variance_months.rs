//! Budget against actual month by month through the closed month, for all
//! categories or one: a chart of each month, a chart of the year to date
//! added up, and the table of the exact figures.

use leptos::prelude::*;

use super::variance_table::{YearShown, figure_cells, figure_heads};
use crate::i18n::actuals::{ActualsText as A, table_caption};
use crate::i18n::common::{Common, category};
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::Category;
use crate::model::variance::Pick;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::charts::{
    Chart, ChartData, ChartKind, Figures as ChartFigures, Series, SeriesName,
};
use crate::ui::widgets::variance_data::VarianceSource;
use crate::ui::widgets::variance_data::problems_view;

/// The budget dotted, the actual solid: told apart without colour.
const BUDGET_ACTUAL: [Series; 2] = [
    Series {
        class: "va-budget dotted",
        name: SeriesName::Given,
    },
    Series {
        class: "va-actual",
        name: SeriesName::Given,
    },
];

#[component]
pub fn MonthlyVariance(source: VarianceSource, year: YearShown) -> impl IntoView {
    let state = PlanState::expect();
    // `None`: every category.
    let pick = RwSignal::new(None::<Category>);
    let picked = move || pick.get().map_or(Pick::All, Pick::Category);
    // The closed months of the year with their budget and actual, each
    // month's and added up from the year's start.
    let rows = Memo::new(move |_| {
        let (fy, range) = year.get()?;
        let pick = picked();
        source.budget_actual.with(|ba| {
            let ba = ba.as_ref().ok()?;
            let to_date = ba.to_date(&range);
            let rows: Vec<_> = to_date
                .clone()
                .map(|m| {
                    (
                        ba.months()[m],
                        ba.month(m, pick),
                        ba.over(range.start..m + 1, pick),
                    )
                })
                .collect();
            Some((fy, rows))
        })
    });
    let chart = move |cumulative: bool| {
        Signal::derive(move || {
            let currency = state.currency.get();
            rows.with(|rows| {
                let Some((fy, rows)) = rows else {
                    return ChartData::default();
                };
                ChartData {
                    months: rows.iter().map(|r| r.0).collect(),
                    fiscal_year_start: fy.start_month,
                    series: &BUDGET_ACTUAL,
                    values: rows
                        .iter()
                        .flat_map(|(_, month, to_date)| {
                            let f = if cumulative { to_date } else { month };
                            [f.budget, f.actual]
                        })
                        .collect(),
                    figures: ChartFigures::Money(currency),
                    axis_title: currency_unit(currency),
                    names: vec![t(A::Budget).to_string(), t(A::Actual).to_string()],
                    ..ChartData::default()
                }
            })
        })
    };
    let table = move || {
        if let Err(errors) = source.budget_actual.get() {
            return problems_view(&errors);
        }
        let Some((_, rows)) = rows.get() else {
            return ().into_any();
        };
        if rows.is_empty() {
            return view! { <p class="empty">{t(A::NothingClosed)}</p> }.into_any();
        }
        let code = currency_unit(state.currency.get());
        let body = rows
            .into_iter()
            .map(|(month, f, to_date)| {
                view! {
                    <tr data-testid="variance-month-row" data-month=month.to_string()>
                        <th scope="row">{format::month(month)}</th>
                        {figure_cells(state, f, "month")}
                        {figure_cells(state, to_date, "ytd")}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="grid variance-table" data-testid="variance-months">
                    <caption class="muted">{table_caption(t(A::ByMonth), code)}</caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{t(Common::Month)}</th>
                            <th scope="colgroup" colspan="4" class="group">{t(A::ThisMonth)}</th>
                            <th scope="colgroup" colspan="4" class="group">{t(A::YearToDate)}</th>
                        </tr>
                        <tr>{figure_heads()}{figure_heads()}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let options = move || {
        let current = pick.get();
        let all =
            view! { <option value="" selected=current.is_none()>{t(A::AllCategories)}</option> };
        let each = Category::ALL
            .into_iter()
            .map(|c| view! { <option value=c.as_str() selected=current == Some(c)>{category(c)}</option> })
            .collect_view();
        view! { {all} {each} }
    };
    view! {
        <section class="card" aria-labelledby="variance-months-title" data-testid="variance-by-month">
            <div class="card-head">
                <h3 id="variance-months-title">{t(A::ByMonth)}</h3>
                <label class="field inline">
                    <span class="field-label">{t(Common::Category)}</span>
                    <select data-testid="variance-category" on:change=move |ev| pick.set(Category::from_key(&event_target_value(&ev)))>
                        {options}
                    </select>
                </label>
            </div>
            {table}
        </section>
        <Chart kind=ChartKind::Lines title=t(A::MonthlyChart) description=t(A::MonthlyChartNote)
            empty=t(A::ChartEmpty) testid="variance-monthly-chart" data=chart(false) />
        <Chart kind=ChartKind::Lines title=t(A::CumulativeChart) description=t(A::CumulativeChartNote)
            empty=t(A::ChartEmpty) testid="variance-cumulative-chart" data=chart(true) />
    }
}
