//! Scenarios side by side for a fiscal year or the whole horizon, with their
//! differences from the base scenario; a bridge from the base's total to
//! another scenario's, by category or by team; each scenario's monthly
//! total, overlaid. Every figure comes from the model (`compare`,
//! `bridge`), the same as `fleetplan-cli compare` and `bridge` print.

use std::sync::Arc;

use leptos::prelude::*;

use super::compare_assumptions::AssumptionsTable;
use super::variance_compare::LatestEstimates;
use crate::format::export::{self, ExportKind, ExportOptions};
use crate::i18n::common::{Common, category};
use crate::i18n::compare::{
    CompareText as C, axis_cut, bridge_label, computing, difference_pct, labelled, locked_mark,
    table_caption,
};
use crate::i18n::finance::{currency_unit, heading_unit};
use crate::i18n::fx::FxText;
use crate::i18n::overview::{amount_in, problem_line};
use crate::i18n::{format, t};
use crate::model::bridge::{Bridge, NO_TEAM, bridge_with_rates, other_at_base_rates};
use crate::model::compare::{compare_summaries, scenario_years};
use crate::model::side_by_side::{SideBySide, side_by_side_of};
use crate::model::ticks::nice_step;
use crate::model::units::Unit;
use crate::model::{Category, FiscalYear, Plan, PlanError, PreparedScenario, ScenarioForecast};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::charts::fit_label;
use crate::ui::widgets::charts::{
    Axis, Chart, ChartData, ChartKind, Figures, Series, SeriesName, tick_labels,
};
use crate::ui::widgets::download::download_bytes;
use crate::ui::widgets::download_chunks::{CSV_MIME, Slice};
use crate::ui::widgets::unit_select::{UnitSelect, UnitStatement, chosen_unit};

/// Line colours of the scenarios, in plan order (style/compare.css).
const SCENARIO_SERIES: [Series; 8] = [
    Series {
        class: "sc-1",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-2",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-3",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-4",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-5",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-6",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-7",
        name: SeriesName::Given,
    },
    Series {
        class: "sc-8",
        name: SeriesName::Given,
    },
];

/// Every scenario's forecast, with the plan it was computed from: what the
/// table, the bridge, the chart and the download all read, so the view
/// forecasts each scenario once (not again for the bridge, nor when another
/// period is chosen).
#[derive(Clone, Debug)]
struct Forecasts {
    plan: Arc<Plan>,
    scenarios: Arc<Vec<ScenarioForecast>>,
}

impl PartialEq for Forecasts {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) && Arc::ptr_eq(&self.scenarios, &other.scenarios)
    }
}

type Computed = Result<Forecasts, Vec<PlanError>>;

/// Above this many position-months in all scenarios (about 2,300 positions
/// × 36 months × 3 scenarios, some 40 ms of engine in the browser), the
/// scenarios are forecast in slices between frames, with progress.
const AT_ONCE: usize = 250_000;

fn position_months(plan: &Plan) -> usize {
    let positions: usize = plan.scenarios.iter().map(|s| s.positions.len()).sum();
    positions * usize::from(plan.horizon.months)
}

/// Adds a forecast's errors to `errors`, each once (the plan-level ones
/// repeat for each scenario).
fn add_errors(errors: &mut Vec<PlanError>, more: Vec<PlanError>) {
    for e in more {
        if !errors.contains(&e) {
            errors.push(e);
        }
    }
}

/// Every scenario's forecast, at once (a small plan).
fn forecast_all(plan: Plan) -> Computed {
    let mut errors = Vec::new();
    let mut scenarios = Vec::with_capacity(plan.scenarios.len());
    for s in 0..plan.scenarios.len() {
        match crate::model::forecast_scenario(&plan, s) {
            Ok(f) => scenarios.push(f),
            Err(e) => add_errors(&mut errors, e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Forecasts {
        plan: Arc::new(plan),
        scenarios: Arc::new(scenarios),
    })
}

/// Every scenario's forecast, a few hundred positions at a time with a
/// turn of the event loop between slices; `progress` gets thousandths.
/// `None` when `alive` says the result is no longer wanted.
async fn forecast_in_slices(
    plan: Arc<Plan>,
    progress: impl Fn(u32),
    alive: impl Fn() -> bool,
) -> Option<Computed> {
    let total: usize = plan.scenarios.iter().map(|s| s.positions.len() + 1).sum();
    let mut done = 0;
    let mut errors = Vec::new();
    let mut scenarios = Vec::with_capacity(plan.scenarios.len());
    let mut slice = Slice::start();
    for s in 0..plan.scenarios.len() {
        let prepared = match PreparedScenario::new(&plan, s) {
            Ok(p) => p,
            Err(e) => {
                add_errors(&mut errors, e);
                continue;
            }
        };
        let mut forecast = ScenarioForecast::for_scenario(&plan, s);
        let positions = prepared.scenario().positions.len();
        for i in 0..positions {
            prepared.forecast_position(i, &mut forecast);
            done += 1;
            if i % 32 == 31 && slice.over() {
                progress((done * 1000 / total.max(1)) as u32);
                slice.next().await;
                if !alive() {
                    return None;
                }
            }
        }
        prepared.forecast_lines(&mut forecast);
        done += 1;
        scenarios.push(forecast);
    }
    if !errors.is_empty() {
        return Some(Err(errors));
    }
    Some(Ok(Forecasts {
        plan,
        scenarios: Arc::new(scenarios),
    }))
}

/// The scenarios' forecasts for the plan as it is (`None` while a large
/// plan's are computed), and how far that is (thousandths).
fn scenario_forecasts(state: PlanState) -> (Memo<Option<Computed>>, RwSignal<u32>) {
    let large = Memo::new(move |_| state.plan.with(position_months) > AT_ONCE);
    let sliced = RwSignal::new(None::<Computed>);
    let progress = RwSignal::new(0_u32);
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        state.plan.track();
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        sliced.set(None);
        progress.set(0);
        if !large.get_untracked() {
            return;
        }
        let plan = Arc::new(state.plan.get_untracked());
        leptos::task::spawn_local(async move {
            // A newer plan, or the view closed: the result is not wanted.
            let alive = move || generation.try_get_value() == Some(this);
            let computed = forecast_in_slices(
                plan,
                |p| {
                    progress.try_set(p);
                },
                alive,
            )
            .await;
            if let Some(computed) = computed.filter(|_| alive()) {
                sliced.try_set(Some(computed));
            }
        });
    });
    let forecasts = Memo::new(move |_| {
        if large.get() {
            sliced.get()
        } else {
            Some(forecast_all(state.plan.get()))
        }
    });
    (forecasts, progress)
}

#[component]
pub fn Compare() -> impl IntoView {
    let state = PlanState::expect();
    // `None`: the whole horizon.
    let year = RwSignal::new(None::<FiscalYear>);
    // Printed pages name every scenario and the period on show (its
    // picker is not printed).
    crate::ui::frame::print_header::print_every_scenario();
    crate::ui::frame::print_header::print_period(move || {
        use crate::i18n::print::PrintedPeriod;
        year.get()
            .map_or(PrintedPeriod::Horizon, PrintedPeriod::Year)
    });
    let (forecasts, progress) = scenario_forecasts(state);
    // The unit the amounts are shown in (円 / 千円 / 百万円), as on the
    // Overview: each figure its exact amount rounded once.
    let unit = chosen_unit();
    let table_unit = unit.clone();
    let currency = Signal::derive(move || state.currency.get());
    let data = Memo::new(move |_| {
        let year = year.get();
        forecasts.with(|f| {
            f.as_ref().map(|computed| match computed {
                Ok(f) => side_by_side_of(&f.plan, &f.scenarios, year),
                Err(errors) => Err(errors.clone()),
            })
        })
    });
    let years = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.as_ref().ok())
                .map(|d| d.years.clone())
                .unwrap_or_default()
        })
    });
    let year_buttons = move || {
        let mut buttons: Vec<(Option<FiscalYear>, String)> = years
            .get()
            .into_iter()
            .map(|y| (Some(y), format::fiscal_year(y)))
            .collect();
        buttons.push((None, t(C::WholeHorizon).to_string()));
        buttons
            .into_iter()
            .map(|(y, label)| {
                view! {
                    <button type="button" class="segment" data-testid="compare-year"
                        aria-pressed=move || (year.get() == y).to_string()
                        on:click=move |_| year.set(y)>{label}</button>
                }
            })
            .collect_view()
    };
    // The comparison file from the forecasts at hand: the bytes of
    // `fleetplan-cli compare`, without forecasting again.
    let export = move |_| {
        let Some(Ok(f)) = forecasts.get_untracked() else {
            return;
        };
        let plan = &f.plan;
        let base = plan.base_index();
        let options = ExportOptions {
            scenario: None,
            bom: export::default_bom(plan, false),
        };
        let summaries: Vec<_> = f
            .scenarios
            .iter()
            .map(|s| scenario_years(plan, s))
            .collect();
        let result = compare_summaries(plan, base, &summaries)
            .map_err(|e| {
                e.iter()
                    .take(3)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .and_then(|comparison| {
                let bytes = export::comparison_of(plan, &comparison, base, options);
                let name = export::file_name(
                    plan,
                    Some(base),
                    ExportKind::Comparison,
                    crate::ui::frame::clock::today(),
                );
                download_bytes(&name, CSV_MIME, &bytes)
            });
        if let Err(e) = result {
            web_sys::console::warn_1(&e.into());
        }
    };
    view! {
        <section class="card compare" aria-labelledby="compare-title">
            <div class="card-head">
                <h2 id="compare-title">{t(C::Title)}</h2>
                <div class="segmented" role="group" aria-label=t(C::Period)>{year_buttons}</div>
                <UnitSelect currency=currency />
            </div>
            <UnitStatement currency=currency />
            {move || match data.get() {
                None => view! {
                    <div class="note" role="status" data-testid="compare-progress">
                        <progress max="1000" value=move || progress.get().to_string() aria-label=t(C::Title)></progress>
                        " "
                        <span>{move || computing(progress.get() / 10)}</span>
                    </div>
                }.into_any(),
                Some(Err(errors)) => view! {
                    <div class="problems" role="alert">
                        <p>{t(C::FixFirst)}</p>
                        <ul>{errors.iter().take(10).map(|e| view! { <li>{problem_line(e)}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Some(Ok(d)) => view! { <SideTable data=d unit=table_unit.get() /> }.into_any(),
            }}
            <p class="muted compare-note">{t(C::PerYearNote)}</p>
            <button type="button" class="button-secondary" data-testid="export-comparison" on:click=export
                disabled=move || !forecasts.with(|f| matches!(f, Some(Ok(_))))>
                {t(C::DownloadCsv)}
            </button>
        </section>
        {move || data.get().and_then(Result::ok).map(|d| view! { <AssumptionsTable data=d year=year.get() /> })}
        <BridgeCard year=year forecasts=forecasts unit=unit.clone() />
        <LatestEstimates year=year forecasts=Signal::derive(move || forecasts.with(|f| match f {
            Some(Ok(f)) => Some((Arc::clone(&f.plan), Arc::clone(&f.scenarios))),
            _ => None,
        })) />
        <Chart kind=ChartKind::Lines title=t(C::MonthlyChart)
            description=t(C::MonthlyChartNote)
            empty=t(C::MonthlyChartEmpty) testid="compare-monthly"
            data=Signal::derive(move || data.with(|d| d.as_ref().and_then(|d| d.as_ref().ok()).map(monthly_chart).unwrap_or_default())) />
    }
}

fn monthly_chart(d: &SideBySide) -> ChartData {
    let n = d.columns.len().min(SCENARIO_SERIES.len());
    let mut values = Vec::with_capacity(d.months.len() * n);
    for m in 0..d.months.len() {
        for s in 0..n {
            values.push(
                d.monthly
                    .get(s)
                    .and_then(|v| v.get(m))
                    .copied()
                    .unwrap_or(0),
            );
        }
    }
    ChartData {
        months: d.months.clone(),
        fiscal_year_start: d.fiscal_year_start,
        series: &SCENARIO_SERIES[..n],
        values,
        figures: Figures::Money(d.currency),
        axis_title: currency_unit(d.currency),
        names: d.columns.iter().take(n).map(|c| c.name.clone()).collect(),
        ..ChartData::default()
    }
}

/// " (+18.39 %)", " (−2.50 %)"; nothing without a base to divide by.
fn percent(pct: Option<rust_decimal::Decimal>) -> String {
    match pct {
        Some(p) if p.is_sign_negative() && !p.is_zero() => {
            difference_pct(&format!("\u{2212}{}", p.abs()))
        }
        Some(p) if !p.is_zero() => difference_pct(&format!("+{p}")),
        Some(p) => difference_pct(&p.to_string()),
        None => String::new(),
    }
}

/// Signed, with its sign: "+1,500,000", "−300,000", "0" (`show` gives
/// the figure of an amount).
fn signed(show: impl Fn(i128) -> String, minor: i128) -> String {
    let text = show(minor.abs());
    match minor.signum() {
        1 => format!("+{text}"),
        -1 => format!("\u{2212}{text}"),
        _ => text,
    }
}

#[component]
fn SideTable(data: SideBySide, unit: Unit) -> impl IntoView {
    let state = PlanState::expect();
    let currency = state.currency.get_untracked();
    let show = move |minor: i128| amount_in(minor, currency, unit);
    let base = data.base;
    let head = data
        .columns
        .iter()
        .map(|c| {
            let lock = c.locked_on.map(locked_mark);
            let tag = (c.scenario == base).then(|| t(C::BaseTag));
            view! { <th scope="col" class="num" data-testid="compare-scenario">{c.name.clone()}{tag}{lock}</th> }
        })
        .collect_view();
    let money_row =
        |label: String,
         testid: &'static str,
         value: &dyn Fn(usize) -> (i128, i128, Option<rust_decimal::Decimal>)| {
            let cells = data
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (amount, difference, pct) = value(i);
                    let diff = (c.scenario != base)
                        .then(|| format!("{}{}", signed(show, difference), percent(pct)));
                    view! {
                        <td class="num">
                            <span class="figure">{show(amount)}</span>
                            {diff.map(|d| view! { <span class="difference">{d}</span> })}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr data-testid=testid><th scope="row">{label}</th>{cells}</tr> }
        };
    let category_rows = Category::ALL
        .iter()
        .map(|&c| {
            let k = c.index();
            money_row(category(c).to_string(), "compare-category", &|i| {
                let c = &data.columns[i];
                (
                    c.summary.by_category[k],
                    c.category_difference[k],
                    c.category_difference_pct[k],
                )
            })
        })
        .collect_view();
    let total_cells = data
        .columns
        .iter()
        .map(|c| {
            let diff = (c.scenario != base).then(|| {
                format!("{}{}", signed(show, c.difference), percent(c.difference_pct))
            });
            view! {
                <td class="num">
                    <span class="figure" data-testid="compare-total">{show(c.summary.total)}</span>
                    {diff.map(|d| view! { <span class="difference" data-testid="compare-difference">{d}</span> })}
                </td>
            }
        })
        .collect_view();
    let people = data
        .columns
        .iter()
        .map(|c| {
            let diff = (c.scenario != base).then(|| {
                format!("{:+} / {:+}", c.heads_difference, c.fte_difference.normalize())
            });
            view! {
                <td class="num">
                    <span class="figure">{format!("{} / {}", c.summary.heads_at_end, c.summary.fte_at_end.normalize())}</span>
                    {diff.map(|d| view! { <span class="difference">{d}</span> })}
                </td>
            }
        })
        .collect_view();
    let per_engineer =
        |pick: fn(&crate::model::side_by_side::ScenarioColumn) -> (Option<i128>, Option<i128>)| {
            data.columns
            .iter()
            .map(|c| {
                let (value, difference) = pick(c);
                let diff = (c.scenario != base).then(|| {
                    difference
                        .map(|d| signed(show, d))
                        .unwrap_or_else(|| "—".into())
                });
                view! {
                    <td class="num">
                        <span class="figure">{value.map(show).unwrap_or_else(|| "—".into())}</span>
                        {diff.map(|d| view! { <span class="difference">{d}</span> })}
                    </td>
                }
            })
            .collect_view()
        };
    let cost_per = per_engineer(|c| {
        (
            c.cost_per_engineer_per_year,
            c.cost_per_engineer_per_year_difference,
        )
    });
    let cloud_per = per_engineer(|c| {
        (
            c.cloud_per_engineer_per_year,
            c.cloud_per_engineer_per_year_difference,
        )
    });
    view! {
        <div class="table-scroll">
            <table class="grid compare-table" data-testid="compare-table">
                <caption class="muted">{table_caption(&heading_unit(unit, currency))}</caption>
                <thead><tr><th scope="col">""</th>{head}</tr></thead>
                <tbody>
                    {category_rows}
                    <tr class="total-row"><th scope="row">{t(Common::Total)}</th>{total_cells}</tr>
                    <tr><th scope="row">{t(C::HeadsFteAtEnd)}</th>{people}</tr>
                    <tr><th scope="row">{t(C::CostPerEngineer)}</th>{cost_per}</tr>
                    <tr><th scope="row">{t(C::CloudPerEngineer)}</th>{cloud_per}</tr>
                </tbody>
            </table>
        </div>
    }
}

/// The bridge (waterfall) from the base's total to another scenario's.
#[component]
fn BridgeCard(
    year: RwSignal<Option<FiscalYear>>,
    forecasts: Memo<Option<Computed>>,
    unit: ArcRwSignal<Unit>,
) -> impl IntoView {
    let state = PlanState::expect();
    let other = RwSignal::new(None::<usize>);
    let by_team = RwSignal::new(false);
    let names = Memo::new(move |_| {
        state.plan.with(|p| {
            p.scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let base = Memo::new(move |_| state.plan.with(|p| p.base_index()));
    // The other scenario: the one chosen, else the first that is not the base.
    let chosen = move || {
        let count = names.with(Vec::len);
        other
            .get()
            .filter(|&o| o < count && o != base.get())
            .or_else(|| (0..count).find(|&i| i != base.get()))
    };
    let result = Memo::new(move |_| {
        let o = chosen()?;
        let year = year.get();
        let b = base.get();
        forecasts.with(|f| match f.as_ref()? {
            Ok(f) => {
                let (base, other) = (f.scenarios.get(b)?, f.scenarios.get(o)?);
                // The other scenario's foreign costs at the base's rates:
                // forecast again only when its rates differ.
                let moved = match state.plan.with(|p| other_at_base_rates(p, b, o)) {
                    Ok(moved) => moved,
                    Err(errors) => return Some(Err(errors)),
                };
                Some(bridge_with_rates(b, o, base, other, moved.as_ref(), year))
            }
            Err(errors) => Some(Err(errors.clone())),
        })
    });
    let options = move || {
        names
            .get()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != base.get())
            .map(|(i, n)| view! { <option value=i.to_string() selected=move || chosen() == Some(i)>{n}</option> })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="bridge-title" data-testid="bridge">
            <div class="card-head">
                <h2 id="bridge-title">{t(C::BridgeTitle)}</h2>
                <div class="bridge-controls">
                    <label class="field inline">
                        <span class="field-label">{t(C::BridgeOther)}</span>
                        <select data-testid="bridge-other" on:change=move |ev| other.set(event_target_value(&ev).parse().ok())>
                            {options}
                        </select>
                    </label>
                    <div class="segmented" role="group" aria-label=t(C::BreakDownBy)>
                        <button type="button" class="segment" data-testid="bridge-by-category"
                            aria-pressed=move || (!by_team.get()).to_string() on:click=move |_| by_team.set(false)>{t(C::ByCategory)}</button>
                        <button type="button" class="segment" data-testid="bridge-by-team"
                            aria-pressed=move || by_team.get().to_string() on:click=move |_| by_team.set(true)>{t(C::ByTeam)}</button>
                    </div>
                </div>
            </div>
            {move || match result.get() {
                // Still computing (the table above shows how far).
                None if chosen().is_some() => ().into_any(),
                None => view! { <p class="empty">{t(C::NoBridge)}</p> }.into_any(),
                Some(Err(errors)) => view! {
                    <p class="problems" role="alert">{errors.first().map(problem_line)}</p>
                }.into_any(),
                Some(Ok(b)) => {
                    let mut steps: Vec<(String, i128)> = if by_team.get() {
                        team_steps(&b.by_team)
                    } else {
                        b.by_category.iter().map(|(c, v)| (category(*c).to_string(), *v)).collect()
                    };
                    // What the rates alone explain, after the other steps.
                    if b.exchange_rate != 0 {
                        steps.push((t(FxText::BridgeRates).to_string(), b.exchange_rate));
                    }
                    let names = names.get();
                    let from = names.get(b.base).cloned().unwrap_or_default();
                    let to = names.get(b.other).cloned().unwrap_or_default();
                    waterfall(state, unit.get(), &b, &from, &to, &steps).into_any()
                }
            }}
        </section>
    }
}

/// The bridge's steps by team: the teams are named by the plan, the last
/// step (the costs of no team) by the page.
fn team_steps(by_team: &[(String, i128)]) -> Vec<(String, i128)> {
    let last = by_team.len().saturating_sub(1);
    by_team
        .iter()
        .enumerate()
        .map(|(i, (name, v))| {
            let name = if i == last && name == NO_TEAM {
                t(Common::NoTeam).to_string()
            } else {
                name.clone()
            };
            (name, *v)
        })
        .collect()
}

const W: f64 = 760.0;
/// The labels under the bars end at `BOTTOM + 16`: no blank band below them.
const H: f64 = 226.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 200.0;
/// The width of a half-width character of the bars' labels (11 px text).
const LABEL_CHAR: f64 = 6.2;
/// Room left of the bars for the value axis' labels.
const GUTTER: f64 = 58.0;

/// The waterfall's value axis, in round steps. On an axis from zero, steps
/// of a few percent of totals near ¥2 bn would be a pixel high; so when
/// every level is positive and they spread over less than half the
/// highest, the axis starts at a round value under the lowest level (a cut
/// axis, which the drawing marks with a break and a labelled first tick).
fn waterfall_axis(levels: &[i128], min_step: i128) -> Axis {
    let low = levels.iter().copied().min().unwrap_or(0);
    let hi = levels.iter().copied().max().unwrap_or(0);
    if low <= 0 || (hi - low).saturating_mul(2) >= hi {
        return Axis::new(low, hi, min_step, 5);
    }
    let spread = (hi - low).max(hi / 20);
    let step = nice_step(spread / 4 + i128::from(spread % 4 != 0), min_step);
    // Below the lowest level, so that its bar keeps a height.
    let min = (low - 1).div_euclid(step) * step;
    let max = -((-hi).div_euclid(step)) * step;
    Axis {
        min: min.max(0),
        max,
        step,
    }
}

/// A zigzag from `left` to `right` around height `y`: the break mark.
fn break_path(left: f64, right: f64, y: f64) -> String {
    let w = (right - left) / 4.0;
    format!(
        "M{left},{a} L{b},{c} L{d},{a} L{e},{c} L{right},{a} M{left},{f} L{b},{g} L{d},{f} L{e},{g} L{right},{f}",
        a = y,
        c = y - 4.0,
        f = y + 4.0,
        g = y,
        b = left + w,
        d = left + 2.0 * w,
        e = left + 3.0 * w,
    )
}

/// Bars from the base total, one step per part (only parts that differ),
/// to the other total; with a table of the exact steps.
fn waterfall(
    state: PlanState,
    unit: Unit,
    b: &Bridge,
    from: &str,
    to: &str,
    steps: &[(String, i128)],
) -> impl IntoView + use<> {
    let currency = state.currency.get_untracked();
    // The table's figures in the unit chosen; the bars' labels and their
    // tooltips stay as they were (compact, and exact).
    let show = move |minor: i128| amount_in(minor, currency, unit);
    let moving: Vec<&(String, i128)> = steps.iter().filter(|(_, v)| *v != 0).collect();
    // Running totals in minor units; pixels are f64 (positions only).
    let mut levels = vec![b.base_total];
    for (_, v) in &moving {
        levels.push(levels.last().copied().unwrap_or(0) + v);
    }
    let exponent = state.currency.get_untracked().exponent();
    let axis = waterfall_axis(&levels, 10_i128.pow(exponent));
    let cut = axis.min > 0;
    // The totals' bars stand on zero, or on the cut axis' first tick.
    let floor = if cut { axis.min } else { 0 };
    let span = (axis.max - axis.min).max(1) as f64;
    let y = move |v: i128| TOP + (BOTTOM - TOP) * ((axis.max - v) as f64 / span);
    let columns = moving.len() + 2;
    let slot = (W - GUTTER - 10.0) / columns as f64;
    let bar = (slot * 0.6).min(56.0);
    let x = move |i: usize| GUTTER + slot * i as f64 + (slot - bar) / 2.0;
    let r1 = |v: f64| (v * 10.0).round() / 10.0;
    let labels = tick_labels(&axis, exponent);
    let first_label = labels.first().cloned().unwrap_or_default();
    let grid = axis
        .ticks()
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (v, label))| {
            let testid = (i == 0).then_some("waterfall-first-tick");
            view! {
                <g class="wf-tick">
                    <line class="grid-line" x1=GUTTER x2=W - 10.0 y1=r1(y(v)) y2=r1(y(v))></line>
                    <text class="tick-y" x=GUTTER - 6.0 y=r1(y(v) + 4.0) data-testid=testid>{label}</text>
                </g>
            }
        })
        .collect_view();
    // A total's bar from its floor; on a cut axis a white zigzag across
    // its foot says the bar is shorter than its figure.
    let total_bar = |i: usize, total: i128, name: &str| {
        let (top, bottom) = (y(total.max(floor)), y(floor.min(total)));
        let zigzag = cut.then(|| {
            let (left, right) = (x(i) - 2.0, x(i) + bar + 2.0);
            view! { <path class="wf-bar-break" d=break_path(r1(left), r1(right), r1(BOTTOM - 12.0))></path> }
        });
        view! {
            <rect x=r1(x(i)) y=r1(top.min(bottom)) width=r1(bar) height=r1((bottom - top).abs())>
                <title>{labelled(name, &state.show_minor(total))}</title>
            </rect>
            {zigzag}
        }
    };
    let mut bars = Vec::new();
    // A name cut to fit under its bar (a Japanese character is as wide as
    // two Latin ones); the whole name is its tooltip.
    let room = ((slot / LABEL_CHAR) as usize).clamp(4, 24);
    let label = |text: &str| fit_label(text, room);
    bars.push(view! {
        <g class="wf-total">
            {total_bar(0, b.base_total, from)}
            <text x=r1(x(0) + bar / 2.0) y=r1(BOTTOM + 16.0) class="tick-x"><title>{from.to_string()}</title>{label(from)}</text>
        </g>
    }.into_any());
    for (i, (name, v)) in moving.iter().enumerate() {
        let before = levels[i];
        let after = levels[i + 1];
        let top = y(before.max(after));
        let bottom = y(before.min(after));
        let class = if *v > 0 { "wf-up" } else { "wf-down" };
        bars.push(view! {
            <g class=class>
                <rect x=r1(x(i + 1)) y=r1(top) width=r1(bar) height=r1((bottom - top).max(1.0))>
                    <title>{labelled(name, &signed(|m| state.show_minor(m), *v))}</title>
                </rect>
                <text x=r1(x(i + 1) + bar / 2.0) y=r1(top - 4.0) class="step-label">{short(state, *v)}</text>
                <text x=r1(x(i + 1) + bar / 2.0) y=r1(BOTTOM + 16.0) class="tick-x"><title>{name.clone()}</title>{label(name)}</text>
            </g>
        }.into_any());
    }
    let last = columns - 1;
    bars.push(view! {
        <g class="wf-total">
            {total_bar(last, b.other_total, to)}
            <text x=r1(x(last) + bar / 2.0) y=r1(BOTTOM + 16.0) class="tick-x"><title>{to.to_string()}</title>{label(to)}</text>
        </g>
    }.into_any());
    // The cut axis' own break mark, on the axis line above its first tick.
    let axis_break = cut.then(|| {
        view! {
            <path class="wf-axis-break" data-testid="waterfall-break"
                d=break_path(GUTTER - 6.0, GUTTER + 6.0, r1(BOTTOM - 12.0))>
                <title>{axis_cut(&first_label)}</title>
            </path>
        }
    });
    let cut_note = cut.then(|| {
        view! { <p class="muted compare-note" data-testid="waterfall-cut-note">{axis_cut(&first_label)}</p> }
    });
    let rows = moving
        .iter()
        .map(|(name, v)| view! { <tr data-testid="bridge-step"><th scope="row">{name.clone()}</th><td class="num">{signed(show, *v)}</td></tr> })
        .collect_view();
    let difference = b.difference();
    view! {
        <div class="chart-scroll">
            <svg class="chart-svg waterfall" viewBox=format!("0 0 {W} {H}") role="img"
                aria-label=bridge_label(from, to)>
                {grid}
                <line class="axis-zero" x1=GUTTER x2=W - 10.0 y1=r1(y(floor)) y2=r1(y(floor))></line>
                <line class="axis-y" x1=GUTTER x2=GUTTER y1=TOP y2=BOTTOM></line>
                {bars}
                {axis_break}
            </svg>
        </div>
        {cut_note}
        <table class="grid bridge-table">
            <tbody>
                <tr><th scope="row">{from.to_string()}</th><td class="num" data-testid="bridge-base">{show(b.base_total)}</td></tr>
                {rows}
                <tr class="total-row"><th scope="row">{to.to_string()}</th><td class="num" data-testid="bridge-other-total">{show(b.other_total)}</td></tr>
                <tr><th scope="row">{t(C::Difference)}</th><td class="num" data-testid="bridge-difference">{signed(show, difference)}</td></tr>
            </tbody>
        </table>
    }
}

/// A step's figure, shortened for a label above its bar: "+45.7M", "−1.7M",
/// "−180.0万" (whole units, truncated to a tenth: the exact figure is in the
/// table).
fn short(state: PlanState, minor: i128) -> String {
    let currency = state.currency.get_untracked();
    let units = (minor / 10_i128.pow(currency.exponent())).unsigned_abs();
    // A tenth of the largest unit the figure reaches (K, M… or 万, 億…).
    let (scale, suffix) = format::compact_units()
        .iter()
        .find(|(power, _)| units >= 10_u128.pow(*power))
        .map_or((0, ""), |&(power, suffix)| (10_u128.pow(power - 1), suffix));
    let figure = match units.checked_div(scale) {
        Some(tenths) => format!("{}.{}", format::count((tenths / 10) as i128), tenths % 10),
        None => units.to_string(),
    };
    let sign = match minor.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "",
    };
    format!("{sign}{figure}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_lang};

    #[test]
    fn a_waterfall_near_two_billion_cuts_its_axis_at_a_round_tick() {
        // The bridge: ¥1.94 bn to ¥2.10 bn.
        let axis = waterfall_axis(&[1_940_000_000, 2_050_000_000, 2_100_000_000], 1);
        assert_eq!(
            axis,
            Axis {
                min: 1_900_000_000,
                max: 2_100_000_000,
                step: 50_000_000
            }
        );
        // The lowest level stands above the first tick: its bar keeps a height.
        let axis = waterfall_axis(&[2_000_000_000, 2_100_000_000], 1);
        assert!(axis.min > 0 && axis.min < 2_000_000_000, "{axis:?}");
    }

    #[test]
    fn a_waterfall_that_spreads_widely_or_crosses_zero_starts_at_zero() {
        // From 100 to 1,000: bars in proportion to their figures.
        let axis = waterfall_axis(&[100_000, 600_000, 1_000_000], 1);
        assert_eq!(axis.min, 0);
        assert!(axis.max >= 1_000_000);
        let axis = waterfall_axis(&[50_000, -20_000, 10_000], 1);
        assert!(axis.min <= -20_000 && axis.max >= 50_000, "{axis:?}");
        assert!(axis.ticks().contains(&0));
        // Cents: no step finer than a whole unit.
        let axis = waterfall_axis(&[150, 160], 100);
        assert_eq!(
            axis,
            Axis {
                min: 100,
                max: 200,
                step: 100
            }
        );
    }

    #[test]
    fn the_costs_of_no_team_are_named_by_the_page() {
        let steps = vec![
            ("Platform".to_string(), 5),
            (NO_TEAM.to_string(), -2),
            (NO_TEAM.to_string(), 1),
        ];
        set_lang(Lang::Ja);
        let named = team_steps(&steps);
        set_lang(Lang::En);
        // A team the plan calls "No team" keeps its name; only the last
        // step is the costs of no team.
        assert_eq!(
            named,
            [
                ("Platform".to_string(), 5),
                (NO_TEAM.to_string(), -2),
                ("チームなし".to_string(), 1)
            ]
        );
        assert_eq!(team_steps(&steps), steps);
        assert!(team_steps(&[]).is_empty());
    }
}
