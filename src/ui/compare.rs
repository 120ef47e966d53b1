//! Scenarios side by side for a fiscal year or the whole horizon, with their
//! differences from the base scenario; a bridge from the base's total to
//! another scenario's, by category or by team; each scenario's monthly
//! total, overlaid. Every figure comes from the model (`compare`,
//! `bridge`), the same as `fleetplan-cli compare` and `bridge` print.

use std::sync::Arc;

use leptos::prelude::*;

use super::band_chart::fit_label;
use super::charts::{Chart, ChartData, ChartKind, Figures, Series, SeriesName};
use super::download::download_bytes;
use super::download_chunks::{CSV_MIME, Slice};
use super::state::PlanState;
use super::variance_compare::LatestEstimates;
use crate::format::export::{self, ExportKind, ExportOptions};
use crate::i18n::common::{Common, category};
use crate::i18n::compare::{
    CompareText as C, bridge_label, computing, difference_pct, labelled, locked_mark, table_caption,
};
use crate::i18n::fx::FxText;
use crate::i18n::overview::problem_line;
use crate::i18n::{format, t};
use crate::model::bridge::{Bridge, NO_TEAM, bridge_with_rates, other_at_base_rates};
use crate::model::compare::compare_summaries;
use crate::model::side_by_side::{SideBySide, side_by_side_of};
use crate::model::{
    Category, FiscalYear, Plan, PlanError, PreparedScenario, ScenarioForecast,
    fiscal_year_summaries,
};

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
    let (forecasts, progress) = scenario_forecasts(state);
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
            .map(|s| fiscal_year_summaries(plan, s))
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
                    super::clock::today(),
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
            </div>
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
                Some(Ok(d)) => view! { <SideTable data=d /> }.into_any(),
            }}
            <button type="button" class="button-secondary" data-testid="export-comparison" on:click=export
                disabled=move || !forecasts.with(|f| matches!(f, Some(Ok(_))))>
                {t(C::DownloadCsv)}
            </button>
        </section>
        <BridgeCard year=year forecasts=forecasts />
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
        axis_title: d.currency.code(),
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

/// Signed, with its sign: "+1,500,000", "−300,000", "0".
fn signed(state: PlanState, minor: i128) -> String {
    let text = state.show_minor(minor.abs());
    match minor.signum() {
        1 => format!("+{text}"),
        -1 => format!("\u{2212}{text}"),
        _ => text,
    }
}

#[component]
fn SideTable(data: SideBySide) -> impl IntoView {
    let state = PlanState::expect();
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
                        .then(|| format!("{}{}", signed(state, difference), percent(pct)));
                    view! {
                        <td class="num">
                            <span class="figure">{state.show_minor(amount)}</span>
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
                format!("{}{}", signed(state, c.difference), percent(c.difference_pct))
            });
            view! {
                <td class="num">
                    <span class="figure" data-testid="compare-total">{state.show_minor(c.summary.total)}</span>
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
    let per_engineer = |pick: fn(
        &crate::model::side_by_side::ScenarioColumn,
    ) -> (Option<i128>, Option<i128>)| {
        data.columns
            .iter()
            .map(|c| {
                let (value, difference) = pick(c);
                let diff = (c.scenario != base).then(|| difference.map(|d| signed(state, d)).unwrap_or_else(|| "—".into()));
                view! {
                    <td class="num">
                        <span class="figure">{value.map(|v| state.show_minor(v)).unwrap_or_else(|| "—".into())}</span>
                        {diff.map(|d| view! { <span class="difference">{d}</span> })}
                    </td>
                }
            })
            .collect_view()
    };
    let cost_per = per_engineer(|c| (c.summary.cost_per_engineer, c.cost_per_engineer_difference));
    let cloud_per = per_engineer(|c| {
        (
            c.summary.cloud_per_engineer,
            c.cloud_per_engineer_difference,
        )
    });
    let code = state.currency.get_untracked().code();
    view! {
        <div class="table-scroll">
            <table class="grid compare-table" data-testid="compare-table">
                <caption class="muted">{table_caption(code)}</caption>
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
                    waterfall(state, &b, &from, &to, &steps).into_any()
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

/// Bars from the base total, one step per part (only parts that differ),
/// to the other total; with a table of the exact steps.
fn waterfall(
    state: PlanState,
    b: &Bridge,
    from: &str,
    to: &str,
    steps: &[(String, i128)],
) -> impl IntoView + use<> {
    let moving: Vec<&(String, i128)> = steps.iter().filter(|(_, v)| *v != 0).collect();
    // Running totals in minor units; pixels are f64 (positions only).
    let mut levels = vec![b.base_total];
    for (_, v) in &moving {
        levels.push(levels.last().copied().unwrap_or(0) + v);
    }
    // The axis starts below the lowest level by as much as the levels
    // spread (not at zero), so that steps of a few percent stay visible; the
    // totals' bars say so with their figures.
    let low = levels.iter().copied().min().unwrap_or(0);
    let hi = levels.iter().copied().max().unwrap_or(0).max(1);
    let lo = if low > 0 {
        (low - (hi - low).max(hi / 20)).max(0)
    } else {
        low
    };
    let span = (hi - lo).max(1) as f64;
    let y = move |v: i128| TOP + (BOTTOM - TOP) * ((hi - v) as f64 / span);
    let columns = moving.len() + 2;
    let slot = (W - 20.0) / columns as f64;
    let bar = (slot * 0.6).min(56.0);
    let x = move |i: usize| 10.0 + slot * i as f64 + (slot - bar) / 2.0;
    let r1 = |v: f64| (v * 10.0).round() / 10.0;
    let mut bars = Vec::new();
    // A name cut to fit under its bar (a Japanese character is as wide as
    // two Latin ones); the whole name is its tooltip.
    let room = ((slot / LABEL_CHAR) as usize).clamp(4, 24);
    let label = |text: &str| fit_label(text, room);
    bars.push(view! {
        <g class="wf-total">
            <rect x=r1(x(0)) y=r1(y(b.base_total.max(lo))) width=r1(bar) height=r1((y(lo) - y(b.base_total.max(lo))).abs())>
                <title>{labelled(from, &state.show_minor(b.base_total))}</title>
            </rect>
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
                    <title>{labelled(name, &signed(state, *v))}</title>
                </rect>
                <text x=r1(x(i + 1) + bar / 2.0) y=r1(top - 4.0) class="step-label">{short(state, *v)}</text>
                <text x=r1(x(i + 1) + bar / 2.0) y=r1(BOTTOM + 16.0) class="tick-x"><title>{name.clone()}</title>{label(name)}</text>
            </g>
        }.into_any());
    }
    let last = columns - 1;
    bars.push(view! {
        <g class="wf-total">
            <rect x=r1(x(last)) y=r1(y(b.other_total.max(lo))) width=r1(bar) height=r1((y(lo) - y(b.other_total.max(lo))).abs())>
                <title>{labelled(to, &state.show_minor(b.other_total))}</title>
            </rect>
            <text x=r1(x(last) + bar / 2.0) y=r1(BOTTOM + 16.0) class="tick-x"><title>{to.to_string()}</title>{label(to)}</text>
        </g>
    }.into_any());
    let rows = moving
        .iter()
        .map(|(name, v)| view! { <tr data-testid="bridge-step"><th scope="row">{name.clone()}</th><td class="num">{signed(state, *v)}</td></tr> })
        .collect_view();
    let difference = b.difference();
    view! {
        <div class="chart-scroll">
            <svg class="chart-svg waterfall" viewBox=format!("0 0 {W} {H}") role="img"
                aria-label=bridge_label(from, to)>
                <line class="axis-zero" x1="10" x2=W - 10.0 y1=r1(y(lo)) y2=r1(y(lo))></line>
                {bars}
            </svg>
        </div>
        <table class="grid bridge-table">
            <tbody>
                <tr><th scope="row">{from.to_string()}</th><td class="num" data-testid="bridge-base">{state.show_minor(b.base_total)}</td></tr>
                {rows}
                <tr class="total-row"><th scope="row">{to.to_string()}</th><td class="num" data-testid="bridge-other-total">{state.show_minor(b.other_total)}</td></tr>
                <tr><th scope="row">{t(C::Difference)}</th><td class="num" data-testid="bridge-difference">{signed(state, difference)}</td></tr>
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
