//! The Pivot view: the current scenario's costs per fiscal year, months
//! with quarter and half subtotals and the year's total, by category (with
//! accounts), by team, or teams by category; in the unit chosen; and the
//! download of the same table (`format::pivot`, the bytes
//! `fleetplan-cli export --kind pivot` writes with the same choices).

use leptos::prelude::*;

use super::pivot_table::PivotTable;
use crate::format::export::{self, ExportKind, ExportOptions, ExportRequest};
use crate::format::pivot::{Labels, PivotLayout, PivotOptions, pivot_of};
use crate::i18n::finance::{FinanceText as F, year_span};
use crate::i18n::print::PrintedPeriod;
use crate::i18n::{format, t};
use crate::model::FiscalYear;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download::download_bytes;
use crate::ui::widgets::download_chunks::CSV_MIME;
use crate::ui::widgets::unit_select::{UnitSelect, UnitStatement, chosen_unit};

fn layout_name(layout: PivotLayout) -> &'static str {
    t(match layout {
        PivotLayout::MonthCategory => F::MonthCategory,
        PivotLayout::MonthTeam => F::MonthTeam,
        PivotLayout::TeamCategory => F::TeamCategory,
    })
}

#[component]
pub fn PivotView() -> impl IntoView {
    let state = PlanState::expect();
    let layout = RwSignal::new(PivotLayout::MonthCategory);
    let japanese_labels = RwSignal::new(false);
    let asked = RwSignal::new(None::<FiscalYear>);
    let unit = chosen_unit();
    let currency = Signal::derive(move || state.currency.get());

    let pivot = Memo::new(move |_| {
        let layout = layout.get();
        state.forecast.with(|f| {
            f.as_ref()
                .ok()
                .map(|forecast| state.plan.with(|plan| pivot_of(plan, forecast, layout)))
        })
    });
    let years = Memo::new(move |_| {
        pivot.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.blocks
                        .iter()
                        .map(|b| (b.year, b.partial))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let year = Memo::new(move |_| {
        let years = years.get();
        asked
            .get()
            .filter(|y| years.iter().any(|(x, _)| x == y))
            .or_else(|| years.first().map(|(y, _)| *y))
    });
    let block = Memo::new(move |_| {
        let year = year.get()?;
        pivot.with(|p| {
            p.as_ref()
                .and_then(|p| p.blocks.iter().find(|b| b.year == year).cloned())
        })
    });
    let teams =
        Memo::new(move |_| pivot.with(|p| p.as_ref().map(|p| p.teams.clone()).unwrap_or_default()));
    // "Apr 2026 – Mar 2027": the shown year's months in the horizon.
    let span = Memo::new(move |_| {
        let Some(b) = block.get() else {
            return String::new();
        };
        let months = state.plan.with(|p| p.months());
        let first = months.get(b.first_month).copied();
        let last = months
            .get(b.first_month + b.months.saturating_sub(1))
            .copied();
        let span = match (first, last) {
            (Some(f), Some(l)) if f != l => format::month_range(f, l),
            (Some(f), _) => format::month(f),
            _ => String::new(),
        };
        year_span(b.year, &span)
    });

    let download = {
        let unit = unit.clone();
        move |_| {
            let scenario = state.scenario_index();
            let options = PivotOptions {
                layout: layout.get_untracked(),
                unit: unit.get_untracked(),
                labels: if japanese_labels.get_untracked() {
                    Labels::Japanese
                } else {
                    Labels::Keys
                },
            };
            let result = state.plan.with_untracked(|plan| {
                let mut request = ExportRequest::new(
                    ExportKind::Pivot,
                    ExportOptions {
                        scenario: Some(scenario),
                        bom: export::default_bom(plan, false),
                    },
                );
                request.pivot = options;
                let name =
                    export::request_file_name(plan, &request, crate::ui::frame::clock::today());
                export::export(plan, &request)
                    .map_err(|e| {
                        e.iter()
                            .take(3)
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .and_then(|bytes| download_bytes(&name, CSV_MIME, &bytes))
            });
            if let Err(e) = result {
                web_sys::console::warn_1(&e.into());
            }
        }
    };

    let layout_buttons = move || {
        PivotLayout::ALL
            .into_iter()
            .map(|l| {
                view! {
                    <button
                        type="button"
                        class="segment"
                        data-layout=l.as_str()
                        class:active=move || layout.get() == l
                        aria-pressed=move || (layout.get() == l).to_string()
                        on:click=move |_| layout.set(l)
                    >
                        {layout_name(l)}
                    </button>
                }
            })
            .collect_view()
    };
    let year_buttons = move || {
        years
            .get()
            .into_iter()
            .map(|(y, partial)| {
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
                        {partial.then(|| view! { <span class="partial">{t(F::Partial)}</span> })}
                    </button>
                }
            })
            .collect_view()
    };
    // Printed pages name the year on show (the picker is not printed).
    crate::ui::frame::print_header::print_period(move || {
        year.get()
            .map_or(PrintedPeriod::Horizon, PrintedPeriod::Year)
    });
    let table = move || match block.get() {
        Some(b) => {
            let start = state.plan.with(|p| p.fiscal_year_start_month);
            view! {
                <PivotTable
                    block=b
                    teams=teams.get()
                    start_month=start
                    currency=currency.get()
                    unit=unit.get()
                />
            }
            .into_any()
        }
        None => view! { <p class="empty">{t(F::NoFigures)}</p> }.into_any(),
    };

    view! {
        <section class="card pivot-view" data-testid="pivot" aria-labelledby="pivot-title">
            <div class="card-head">
                <h2 id="pivot-title">{t(F::Title)}</h2>
                <span class="muted">{move || span.get()}</span>
            </div>
            <p class="muted pivot-lead">{t(F::Lead)}</p>
            <div class="pivot-controls">
                <div class="segmented" role="group" aria-label=t(F::Layout) data-testid="pivot-layout">
                    {layout_buttons}
                </div>
                <div class="segmented" role="group" aria-label=t(crate::i18n::common::Common::FiscalYear) data-testid="pivot-years">
                    {year_buttons}
                </div>
                <UnitSelect currency=currency />
            </div>
            <UnitStatement currency=currency />
            <div class="table-scroll pivot-scroll">{table}</div>
            <div class="pivot-download">
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="pivot-japanese-labels"
                        prop:checked=move || japanese_labels.get()
                        on:change=move |ev| japanese_labels.set(event_target_checked(&ev))
                    />
                    <span>{t(F::FileLabels)}</span>
                </label>
                <p class="muted">{t(F::FileLabelsNote)}</p>
                <button type="button" class="primary" data-testid="pivot-download" on:click=download>
                    {t(F::Download)}
                </button>
            </div>
        </section>
    }
}
