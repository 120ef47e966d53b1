//! Budget against actual by category for one closed month, with the year
//! to date and the fiscal year; each category opens onto its teams. Every
//! figure is `model::variance::BudgetActual`'s; this table picks and
//! formats.

use std::collections::BTreeSet;
use std::ops::Range;

use leptos::prelude::*;

use crate::i18n::actuals::{ActualsText as A, share_pct, signed_pct, table_caption};
use crate::i18n::common::{Common, category};
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::variance::{BudgetActual, Figures, Pick, pct_of};
use crate::model::{Category, FiscalYear};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::variance_data::{
    VarianceSource, problems_view, team_name, variance_figure,
};

/// The fiscal year shown and its months (a range of the horizon).
pub type YearShown = Memo<Option<(FiscalYear, Range<usize>)>>;

/// Budget, actual, variance and variance % of one period; `part` names the
/// cells for tests and print (`month`, `ytd`).
pub fn figure_cells(state: PlanState, f: Figures, part: &'static str) -> impl IntoView + use<> {
    view! {
        <td class="num" data-col=format!("{part}-budget")>{state.show_minor(f.budget)}</td>
        <td class="num" data-col=format!("{part}-actual")>{state.show_minor(f.actual)}</td>
        <td class="num" data-col=format!("{part}-variance")>{variance_figure(state, f.variance())}</td>
        <td class="num" data-col=format!("{part}-pct")>{signed_pct(f.variance_pct())}</td>
    }
}

/// The head cells of one period's four columns.
pub fn figure_heads() -> impl IntoView {
    view! {
        <th scope="col" class="num">{t(A::Budget)}</th>
        <th scope="col" class="num">{t(A::Actual)}</th>
        <th scope="col" class="num">{t(A::Variance)}</th>
        <th scope="col" class="num">{t(A::VariancePct)}</th>
    }
}

/// One row's figures: the month, the year to date and the year.
struct RowFigures {
    month: Figures,
    to_date: Figures,
    year: Figures,
}

impl RowFigures {
    fn of(
        ba: &BudgetActual,
        month: usize,
        to_date: &Range<usize>,
        year: &Range<usize>,
        pick: Pick,
    ) -> Self {
        Self {
            month: ba.month(month, pick),
            to_date: ba.over(to_date.clone(), pick),
            year: ba.over(year.clone(), pick),
        }
    }

    fn is_empty(&self) -> bool {
        [self.month, self.to_date, self.year]
            .iter()
            .all(|f| f.budget == 0 && f.actual == 0)
    }

    fn cells(&self, state: PlanState) -> impl IntoView + use<> {
        let used = pct_of(self.to_date.actual, self.year.budget);
        view! {
            {figure_cells(state, self.month, "month")}
            {figure_cells(state, self.to_date, "ytd")}
            <td class="num" data-col="year-budget">{state.show_minor(self.year.budget)}</td>
            <td class="num" data-col="year-used">{share_pct(used)}</td>
        }
    }
}

#[component]
pub fn CategoryVariance(source: VarianceSource, year: YearShown) -> impl IntoView {
    let state = PlanState::expect();
    let asked_month = RwSignal::new(None::<usize>);
    // Categories opened onto their teams: kept while the figures change.
    let open = RwSignal::new(BTreeSet::<Category>::new());
    let body = move || {
        let Some((fy, range)) = year.get() else {
            return ().into_any();
        };
        let ba = match source.budget_actual.get() {
            Ok(ba) => ba,
            Err(errors) => return problems_view(&errors),
        };
        let to_date = ba.to_date(&range);
        if to_date.is_empty() {
            return view! { <p class="empty" data-testid="variance-nothing-closed">{t(A::NothingClosed)}</p> }
                .into_any();
        }
        let month = asked_month
            .get()
            .filter(|m| to_date.contains(m))
            .unwrap_or(to_date.end - 1);
        let months = ba.months().to_vec();
        let month_options = to_date
            .clone()
            .map(|m| {
                view! { <option value=m.to_string() selected=m == month>{format::month(months[m])}</option> }
            })
            .collect_view();
        let code = currency_unit(state.currency.get());
        let opened = open.get();
        let rows = Category::ALL
            .into_iter()
            .map(|c| {
                let figures = RowFigures::of(&ba, month, &to_date, &range, Pick::Category(c));
                let is_open = opened.contains(&c);
                let toggle = move |_| {
                    open.update(|o| {
                        if !o.remove(&c) {
                            o.insert(c);
                        }
                    })
                };
                let teams = is_open.then(|| {
                    ba.teams()
                        .iter()
                        .enumerate()
                        .filter_map(|(slot, team)| {
                            let f = RowFigures::of(
                                &ba,
                                month,
                                &to_date,
                                &range,
                                Pick::TeamCategory(slot, c),
                            );
                            (!f.is_empty()).then(|| {
                                let name = team_name(team);
                                let key = name.clone();
                                view! {
                                    <tr class="team-row" data-testid="variance-team-row" data-category=c.as_str() data-team=key>
                                        <th scope="row"><span class="team-name">{name}</span></th>
                                        {f.cells(state)}
                                    </tr>
                                }
                            })
                        })
                        .collect_view()
                });
                view! {
                    <tr data-testid="variance-row" data-category=c.as_str() class:open=is_open>
                        <th scope="row">
                            <button type="button" class="drill" data-testid="variance-drill"
                                aria-expanded=is_open.to_string()
                                title=t(if is_open { A::HideTeams } else { A::ShowTeams })
                                on:click=toggle>
                                <span class="drill-mark" aria-hidden="true">{if is_open { "▾" } else { "▸" }}</span>
                                {category(c)}
                            </button>
                        </th>
                        {figures.cells(state)}
                    </tr>
                    {teams}
                }
            })
            .collect_view();
        let total = RowFigures::of(&ba, month, &to_date, &range, Pick::All);
        view! {
            <label class="field inline">
                <span class="field-label">{t(A::MonthShown)}</span>
                <select data-testid="variance-month" on:change=move |ev| asked_month.set(event_target_value(&ev).parse().ok())>
                    {month_options}
                </select>
            </label>
            <div class="table-scroll">
                <table class="grid variance-table" data-testid="variance-table">
                    <caption class="muted">{table_caption(t(A::ByCategory), code)}</caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{t(Common::Category)}</th>
                            <th scope="colgroup" colspan="4" class="group">{format::month(months[month])}</th>
                            <th scope="colgroup" colspan="4" class="group">{t(A::YearToDate)}</th>
                            <th scope="colgroup" colspan="2" class="group">{format::fiscal_year(fy)}</th>
                        </tr>
                        <tr>
                            {figure_heads()}
                            {figure_heads()}
                            <th scope="col" class="num">{t(A::YearBudget)}</th>
                            <th scope="col" class="num">{t(A::Used)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="total-row" data-testid="variance-total">
                            <th scope="row">{t(Common::Total)}</th>
                            {total.cells(state)}
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="variance-category-title" data-testid="variance-by-category">
            <div class="card-head">
                <h3 id="variance-category-title">{t(A::ByCategory)}</h3>
            </div>
            {body}
        </section>
    }
}
