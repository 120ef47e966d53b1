//! The overview: the current scenario's fiscal-year totals by category,
//! headcount and cost per engineer, and charts of its months. Every figure
//! comes from the model; this view picks the year and formats.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::start::StartPanel;
use crate::i18n::common::Common;
use crate::i18n::finance::{currency_unit, heading_unit};
use crate::i18n::overview::{
    OverviewText as O, amount_in, category_caption, expected_departures, hires_and_departures,
    months_note, per_average_fte, period_short, with_unit,
};
use crate::i18n::problems::problem_text;
use crate::i18n::shell::ShellText;
use crate::i18n::{format, t};
use crate::model::overview::{
    CLOUD_SERIES, category_shares, cloud_stack, cost_stack, expected_attrition,
    headcount_with_attrition, nothing_to_show, pick_year,
};
use crate::model::periods::{Granularity, periods};
use crate::model::units::Unit;
use crate::model::{
    CATEGORY_COUNT, Category, CloudCategory, FiscalYear, FiscalYearSummary, ScenarioForecast,
    fiscal_year_summaries, group_digits,
};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::charts::{Chart, ChartData, ChartKind, Figures, Series, SeriesName};
use crate::ui::widgets::period_select::{PeriodSelect, chosen_periods};
use crate::ui::widgets::unit_select::{UnitSelect, UnitStatement, chosen_unit};
use crate::ui::widgets::variance_estimate::OverviewEstimate;

/// The cost categories, coloured by `style/overview.css`.
const COST_SERIES: [Series; CATEGORY_COUNT] = [
    cost(Category::Base, "cat-base"),
    cost(Category::Bonus, "cat-bonus"),
    cost(Category::Burden, "cat-burden"),
    cost(Category::Benefits, "cat-benefits"),
    cost(Category::Recruiting, "cat-recruiting"),
    cost(Category::Tools, "cat-tools"),
    cost(Category::Equipment, "cat-equipment"),
    cost(Category::Training, "cat-training"),
    cost(Category::Other, "cat-other"),
    cost(Category::Cloud, "cat-cloud"),
];

const CLOUD: [Series; CLOUD_SERIES] = [
    cloud(CloudCategory::Compute, "cc-compute"),
    cloud(CloudCategory::Storage, "cc-storage"),
    cloud(CloudCategory::Data, "cc-data"),
    cloud(CloudCategory::Observability, "cc-observability"),
    cloud(CloudCategory::Network, "cc-network"),
    cloud(CloudCategory::Other, "cc-other"),
    Series {
        class: "cc-dev",
        name: SeriesName::Overview(O::DevPerEngineer),
    },
];

/// Heads, FTE, and the heads expected after attrition: dotted in the
/// heads' colour (see [`crate::ui::widgets::charts::DOTTED`]).
const HEADCOUNT: [Series; 3] = [
    Series {
        class: "line-heads",
        name: SeriesName::Common(Common::Heads),
    },
    Series {
        class: "line-fte",
        name: SeriesName::Common(Common::Fte),
    },
    Series {
        class: "line-heads dotted",
        name: SeriesName::Overview(O::ExpectedHeads),
    },
];

const fn cost(category: Category, class: &'static str) -> Series {
    Series {
        class,
        name: SeriesName::Category(category),
    }
}

const fn cloud(category: CloudCategory, class: &'static str) -> Series {
    Series {
        class,
        name: SeriesName::Cloud(category),
    }
}

/// What the overview can show for the current plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Problems,
    Empty,
    Figures,
}

/// The fiscal year on show, with what the model says about it.
#[derive(Clone, Debug, PartialEq)]
struct ShownYear {
    summary: FiscalYearSummary,
    shares: [Option<Decimal>; CATEGORY_COUNT],
    /// "Apr 2026 – Mar 2027": the year's months inside the horizon.
    span: String,
}

/// A chart's data from a forecast, or an empty chart without one.
fn chart_of(
    forecast: &Result<ScenarioForecast, Vec<crate::model::PlanError>>,
    build: impl FnOnce(&ScenarioForecast) -> Option<ChartData>,
) -> ChartData {
    forecast.as_ref().ok().and_then(build).unwrap_or_default()
}

fn months_of(forecast: &ScenarioForecast) -> ChartData {
    ChartData {
        months: forecast.months().to_vec(),
        fiscal_year_start: forecast.fiscal_year_start_month(),
        ..ChartData::default()
    }
}

/// The path of a problem inside the scenario being shown:
/// `scenarios[0].positions[3].fte` reads `positions[3].fte`.
fn field_of(path: &str) -> &str {
    path.strip_prefix("scenarios[")
        .and_then(|rest| rest.split_once("]."))
        .map_or(path, |(_, field)| field)
}

#[component]
pub fn Overview() -> impl IntoView {
    let state = PlanState::expect();

    let mode = Memo::new(move |_| {
        state.forecast.with(|f| match f {
            Err(_) => Mode::Problems,
            Ok(forecast) => {
                if state
                    .with_scenario(|s| nothing_to_show(s, forecast))
                    .unwrap_or(true)
                {
                    Mode::Empty
                } else {
                    Mode::Figures
                }
            }
        })
    });

    // Each derived value is computed once per change of the forecast.
    let years = Memo::new(move |_| {
        state.forecast.with(|f| match f {
            Ok(forecast) => state
                .plan
                .with_untracked(|plan| fiscal_year_summaries(plan, forecast)),
            Err(_) => Vec::new(),
        })
    });
    let year_list = Memo::new(move |_| {
        years.with(|ys| ys.iter().map(|y| (y.year, y.partial)).collect::<Vec<_>>())
    });
    let asked = RwSignal::new(None::<FiscalYear>);
    let shown = Memo::new(move |_| {
        let summary = years.with(|ys| pick_year(ys, asked.get()).map(|i| ys[i].clone()))?;
        let span = state.forecast.with(|f| {
            let months = f.as_ref().map(|fc| fc.months()).unwrap_or_default();
            let first = months.get(summary.first_month);
            let last = months.get(summary.first_month + summary.months.saturating_sub(1));
            match (first, last) {
                (Some(first), Some(last)) if first != last => format::month_range(*first, *last),
                (Some(first), _) => format::month(*first),
                _ => String::new(),
            }
        });
        Some(ShownYear {
            shares: category_shares(&summary),
            summary,
            span,
        })
    });

    // The buttons follow the year shown, not every edit of its figures.
    let selected = Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.summary.year)));
    // Printed pages name the year on show (its picker is not printed).
    crate::ui::frame::print_header::print_period(move || {
        use crate::i18n::print::PrintedPeriod;
        selected
            .get()
            .map_or(PrintedPeriod::Horizon, PrintedPeriod::YearAndCharts)
    });

    let cost_chart = Memo::new(move |_| {
        state.forecast.with(|f| {
            chart_of(f, |forecast| {
                let stack = cost_stack(forecast);
                let currency = forecast.currency();
                Some(ChartData {
                    series: &COST_SERIES,
                    values: stack.parts.into_iter().flatten().collect(),
                    totals: stack.totals,
                    figures: Figures::Money(currency),
                    axis_title: currency_unit(currency),
                    ..months_of(forecast)
                })
            })
        })
    });
    // Attrition in people, by the rates and vacancies the forecast costs.
    let attrition = Memo::new(move |_| {
        let index = state.scenario_index();
        state.plan.with(|plan| expected_attrition(plan, index))
    });
    let headcount_chart = Memo::new(move |_| {
        attrition.with(|attrition| {
            state.forecast.with(|f| {
                chart_of(f, |forecast| {
                    let lines = headcount_with_attrition(forecast, attrition.as_ref()?);
                    Some(ChartData {
                        series: &HEADCOUNT,
                        values: lines.into_iter().flatten().collect(),
                        figures: Figures::Millionths,
                        axis_title: t(O::People),
                        ..months_of(forecast)
                    })
                })
            })
        })
    });
    let cloud_chart = Memo::new(move |_| {
        // Tracks the plan too: a line moved to another cloud category
        // changes this chart but not the forecast.
        let index = state.scenario_index();
        state.forecast.with(|f| {
            chart_of(f, |forecast| {
                let stack = state
                    .plan
                    .with(|plan| cloud_stack(plan, index, forecast))
                    .ok()?;
                let currency = forecast.currency();
                Some(ChartData {
                    series: &CLOUD,
                    values: stack.parts.into_iter().flatten().collect(),
                    totals: stack.totals,
                    figures: Figures::Money(currency),
                    axis_title: currency_unit(currency),
                    ..months_of(forecast)
                })
            })
        })
    });

    let scenario_name = move || state.with_scenario(|s| s.name.clone()).unwrap_or_default();

    let problems = move || {
        state.forecast.with(|f| {
            f.as_ref()
                .err()
                .into_iter()
                .flatten()
                .map(|e| {
                    view! {
                        <li>
                            {(!e.path.is_empty())
                                .then(|| view! { <code class="problem-path">{field_of(&e.path).to_string()}</code> })}
                            <span>{problem_text(e)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let picker = move || {
        year_list
            .get()
            .into_iter()
            .map(|(year, partial)| {
                view! {
                    <button
                        type="button"
                        class="segment"
                        data-fy=year.label()
                        class:active=move || selected.get() == Some(year)
                        aria-pressed=move || (selected.get() == Some(year)).to_string()
                        on:click=move |_| asked.set(Some(year))
                    >
                        {format::fiscal_year(year)}
                        {partial.then(|| view! { <span class="partial">{t(O::Partial)}</span> })}
                    </button>
                }
            })
            .collect_view()
    };

    let unit = chosen_unit();
    let currency = Signal::derive(move || state.currency.get());
    let summary = {
        let unit = unit.clone();
        move || {
            let unit = unit.get();
            shown.with(|shown| {
            let Some(ShownYear {
                summary: y,
                shares,
                span,
            }) = shown
            else {
                return view! { <p class="empty">{t(O::NoMonths)}</p> }.into_any();
            };
            let currency = state.currency.get();
            let code = currency_unit(currency);
            let show = |amount: i128| amount_in(amount, currency, unit);
            let per_engineer = |amount: Option<i128>| {
                amount.map_or_else(|| "—".to_string(), show)
            };
            let months_note = months_note(span, y.partial, y.months);
            let per_fte = |what: O| {
                if y.average_fte.is_zero() {
                    t(O::NoFte).to_string()
                } else {
                    per_average_fte(t(what), y.average_fte)
                }
            };
            let expected = attrition.with(|a| {
                a.as_ref()
                    .map(|a| expected_departures(a.rate_pct, a.team_rates, a.year_departures(y)))
            });
            let rows = Category::ALL
                .iter()
                .zip(COST_SERIES)
                .zip(shares)
                .map(|((category, series), share)| {
                    let (share_text, bar) = match share {
                        Some(share) => {
                            let width = (*share).max(Decimal::ZERO);
                            (format!("{share}%"), format!("{width}%"))
                        }
                        None => ("—".to_string(), "0%".to_string()),
                    };
                    view! {
                        <tr data-testid="category-row" data-category=category.as_str()>
                            <th scope="row">
                                <span class=format!("swatch {}", series.class) aria-hidden="true"></span>
                                {series.name.text()}
                            </th>
                            <td class="num">{show(y.category(*category))}</td>
                            <td class="num">{share_text}</td>
                            <td class="share-cell" aria-hidden="true">
                                <span class=format!("share-bar {}", series.class) style:width=bar></span>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="kpis">
                    <div class="kpi">
                        <div class="kpi-label">{t(O::TotalCost)}</div>
                        <div class="kpi-value">
                            <span class="num" data-testid="kpi-total">{show(y.total)}</span>
                        </div>
                        <div class="kpi-note">{months_note}</div>
                    </div>
                    <div class="kpi">
                        <div class="kpi-label">{t(O::HeadsFteAtYearEnd)}</div>
                        <div class="kpi-value">
                            <span class="num" data-testid="kpi-heads">
                                {group_digits(&y.heads_at_end.to_string())}
                            </span>
                            <span class="kpi-sep">" / "</span>
                            <span class="num" data-testid="kpi-fte">
                                {group_digits(&y.fte_at_end.normalize().to_string())}
                            </span>
                        </div>
                        <div class="kpi-note" data-testid="kpi-departures">
                            {hires_and_departures(y.hires, y.departures)}
                        </div>
                        <div class="kpi-note" data-testid="kpi-expected-departures">{expected}</div>
                    </div>
                    <div class="kpi">
                        <div class="kpi-label">{t(O::CostPerEngineer)}</div>
                        <div class="kpi-value">
                            <span class="num" data-testid="kpi-cost-per-engineer">
                                {per_engineer(y.cost_per_engineer)}
                            </span>
                        </div>
                        <div class="kpi-note">{per_fte(O::TotalCost)}</div>
                    </div>
                    <div class="kpi">
                        <div class="kpi-label">{t(O::CloudPerEngineer)}</div>
                        <div class="kpi-value">
                            <span class="num" data-testid="kpi-cloud-per-engineer">
                                {per_engineer(y.cloud_per_engineer)}
                            </span>
                        </div>
                        <div class="kpi-note">{per_fte(O::CloudCost)}</div>
                    </div>
                </div>
                <table class="grid category-table">
                    <caption class="visually-hidden">
                        {category_caption(&format::fiscal_year(y.year), code)}
                    </caption>
                    <colgroup>
                        <col class="col-category" />
                        <col class="col-amount" />
                        <col class="col-share" />
                        <col class="col-bar" />
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col">{t(Common::Category)}</th>
                            <th scope="col" class="num">
                                {with_unit(t(Common::Amount), &heading_unit(unit, currency))}
                            </th>
                            <th scope="col" class="num">{t(O::Share)}</th>
                            <th scope="col"><span class="visually-hidden">{t(O::ShareOfTotal)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t(Common::Total)}</th>
                            <td class="num" data-testid="category-total">{show(y.total)}</td>
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            }
            .into_any()
        })
        }
    };

    let granularity = chosen_periods();
    let by_period = {
        let unit = unit.clone();
        let granularity = granularity.clone();
        move || {
            let year = selected.get()?;
            let unit = unit.get();
            let granularity = granularity.get();
            state.forecast.with(|f| {
                let forecast = f.as_ref().ok()?;
                Some(period_table(forecast, year, granularity, unit))
            })
        }
    };

    let figures = move || {
        view! {
            <div class="card overview-year">
                <div class="card-head overview-year-head">
                    <h3>{t(Common::FiscalYear)}</h3>
                    <div class="segmented" role="group" aria-label=t(Common::FiscalYear) data-testid="fy-picker">
                        {picker}
                    </div>
                </div>
                <div class="amount-controls">
                    <UnitSelect currency=currency />
                    <UnitStatement currency=currency />
                </div>
                {summary.clone()}
            </div>
            <div class="card overview-periods">
                <div class="card-head">
                    <h3>{t(O::ByPeriod)}</h3>
                    <PeriodSelect value=granularity.clone() choices=&Granularity::ALL testid="overview-periods" />
                </div>
                <UnitStatement currency=currency />
                {by_period.clone()}
            </div>
            <OverviewEstimate year=selected />
            <Chart
                kind=ChartKind::StackedBars
                title=t(O::CostChart)
                description=t(O::CostChartNote)
                empty=t(O::CostChartEmpty)
                testid="chart-monthly-cost"
                data=cost_chart.into()
            />
            <Chart
                kind=ChartKind::Lines
                title=t(O::HeadcountChart)
                description=t(O::HeadcountChartNote)
                empty=t(O::HeadcountChartEmpty)
                testid="chart-headcount"
                data=headcount_chart.into()
            />
            <Chart
                kind=ChartKind::StackedBars
                title=t(O::CloudChart)
                description=t(O::CloudChartNote)
                empty=t(O::CloudChartEmpty)
                testid="chart-cloud"
                data=cloud_chart.into()
            />
        }
    };

    view! {
        <section class="overview" data-testid="overview" aria-labelledby="overview-title">
            <div class="overview-head">
                <h2 id="overview-title">{t(ShellText::ViewOverview)}</h2>
                <span class="muted">{scenario_name}</span>
            </div>
            {move || match mode.get() {
                Mode::Problems => view! {
                    <div class="card overview-problems" role="alert" data-testid="overview-problems">
                        <h3>{t(O::HasProblems)}</h3>
                        <ul>{problems}</ul>
                    </div>
                }
                .into_any(),
                Mode::Empty => view! {
                    <div class="card overview-empty" data-testid="overview-empty">
                        <h3>{t(O::NothingPlanned)}</h3>
                        <p>
                            {t(O::EmptyLead)} <strong>{t(ShellText::ViewHeadcount)}</strong> {t(O::EmptyMiddle)}
                            <strong>{t(ShellText::ViewCloud)}</strong>
                            {t(O::EmptyTail)}
                        </p>
                        <StartPanel />
                    </div>
                }
                .into_any(),
                Mode::Figures => figures().into_any(),
            }}
        </section>
    }
}

/// The shown year's costs by category in periods of `granularity`, each
/// period the exact sum of its months, shown in `unit`; the year's total
/// after its periods, and the heads at each period's end.
fn period_table(
    forecast: &ScenarioForecast,
    year: FiscalYear,
    granularity: Granularity,
    unit: Unit,
) -> impl IntoView + use<> {
    let start = forecast.fiscal_year_start_month();
    let currency = forecast.currency();
    let mut columns: Vec<_> = periods(forecast.months(), start, granularity)
        .into_iter()
        .filter(|p| p.year == year)
        .collect();
    // The year after its parts (a table of years is its own total).
    if granularity != Granularity::Years {
        columns.extend(
            periods(forecast.months(), start, Granularity::Years)
                .into_iter()
                .filter(|p| p.year == year),
        );
    }
    let amount = |minor: i128| unit.grouped(minor, currency);
    let heads = columns
        .iter()
        .map(|p| {
            let partial = p
                .partial()
                .then(|| view! { <span class="partial">{t(O::Partial)}</span> });
            view! {
                <th scope="col" class="num" class:year-col=p.granularity == Granularity::Years>
                    {period_short(p, start)}{partial}
                </th>
            }
        })
        .collect_view();
    let rows = Category::ALL
        .iter()
        .zip(COST_SERIES)
        .map(|(category, series)| {
            let cells = columns
                .iter()
                .map(|p| {
                    let value = p.sum(|m| forecast.month_categories(m)[category.index()]);
                    view! { <td class="num">{amount(value)}</td> }
                })
                .collect_view();
            view! {
                <tr data-testid="period-row" data-category=category.as_str()>
                    <th scope="row">
                        <span class=format!("swatch {}", series.class) aria-hidden="true"></span>
                        {series.name.text()}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let totals = columns
        .iter()
        .map(|p| view! { <td class="num"><strong>{amount(p.sum(|m| forecast.month_total(m)))}</strong></td> })
        .collect_view();
    let heads_at_end = columns
        .iter()
        .map(|p| view! { <td class="num">{group_digits(&forecast.headcount(p.last_month()).heads.to_string())}</td> })
        .collect_view();
    view! {
        // Focusable, so a keyboard scrolls the months sideways.
        <div class="table-scroll" tabindex="0" role="region" aria-label=t(O::ByPeriod)>
            <table class="grid period-table" data-testid="period-table" data-periods=granularity.as_str()>
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Category)}</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr data-testid="period-total">
                        <th scope="row">{t(Common::Total)}</th>
                        {totals}
                    </tr>
                    <tr data-testid="period-heads">
                        <th scope="row">{t(O::HeadsAtPeriodEnd)}</th>
                        {heads_at_end}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::overview::category_name;

    #[test]
    fn problems_name_the_field_inside_the_scenario() {
        assert_eq!(
            field_of("scenarios[0].positions[3].fte"),
            "positions[3].fte"
        );
        assert_eq!(field_of("scenarios[12].cloud.lines[1]"), "cloud.lines[1]");
        assert_eq!(field_of("currency"), "currency");
        assert_eq!(field_of("scenarios[0]"), "scenarios[0]");
    }

    #[test]
    fn every_category_has_its_colour_class() {
        for (category, series) in Category::ALL.iter().zip(COST_SERIES) {
            assert_eq!(series.class, format!("cat-{}", category.as_str()));
            assert_eq!(series.name, SeriesName::Category(*category));
            assert_eq!(series.name.text(), category_name(*category));
        }
        for (category, series) in CloudCategory::ALL.iter().zip(CLOUD) {
            assert_eq!(series.class, format!("cc-{}", category.as_str()));
        }
    }
}
