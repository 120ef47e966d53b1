//! Export and import: the CSV files finance reviews, and positions read
//! from a roster CSV. Every byte comes from `format::export`, the same
//! writer the command-line tool runs, so both give identical files.
//!
//! A file is written in chunks between frames (`download_chunks`), with
//! its progress and a Cancel button; before it starts, its size is
//! estimated, and a file larger than a browser is trusted to download is
//! refused with the command line that writes it. The ledger can be limited
//! to one fiscal year (and, like every file, to one scenario); the summary
//! and the pivot can be in thousands or millions and carry Japanese
//! headers. Leaving the view cancels a download in progress.

use leptos::prelude::*;

use super::roster_import::RosterImport;
use super::variance_export::VarianceExport;
use crate::format::export::{
    self, BROWSER_DOWNLOAD_LIMIT, ExportKind, ExportOptions, ExportRequest, SizeEstimate,
    SummaryOptions, cli_command, estimate, header_bytes, horizon_fiscal_years, plan_file_name,
    request_file_name,
};
use crate::format::pivot::Labels;
use crate::i18n::common::Common;
use crate::i18n::exports::{self as texts, ExportsText, describe};
use crate::i18n::finance::{unit_name, unit_statement};
use crate::i18n::shell::ShellText;
use crate::i18n::{format, t};
use crate::model::units::Unit;
use crate::model::{FiscalYear, Plan};
use crate::ui::frame::clock::today;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download_chunks::{Written, download_export, next_turn};

/// The request for `kind` from the view's choices: `scenario` is an index
/// or "" (every scenario), `year` a fiscal year's first calendar year or ""
/// (the whole horizon; the ledger only).
fn request_of(
    plan: &Plan,
    kind: ExportKind,
    scenario: &str,
    year: &str,
    base: usize,
    bom: bool,
    file: SummaryOptions,
) -> ExportRequest {
    let mut request = ExportRequest::new(
        kind,
        ExportOptions {
            scenario: scenario.parse().ok(),
            bom,
        },
    );
    request.base = base;
    // The unit and labels serve the summary and the pivot (whose layout
    // stays the default here; the Pivot view offers the others).
    request.summary = file;
    request.pivot.unit = file.unit;
    request.pivot.labels = file.labels;
    if kind == ExportKind::Ledger {
        request.fiscal_year = year.parse().ok().map(|start_year| FiscalYear {
            start_year,
            start_month: plan.fiscal_year_start_month,
        });
    }
    request
}

fn index_of(kind: ExportKind) -> usize {
    ExportKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

#[component]
pub fn Exports() -> impl IntoView {
    let state = PlanState::expect();
    let scenario_names = Memo::new(move |_| {
        state.plan.with(|p| {
            p.scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let years = Memo::new(move |_| state.plan.with(horizon_fiscal_years));
    // "" means every scenario; the year "" the whole horizon.
    let scenario = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let base = RwSignal::new(0_usize);
    let bom = RwSignal::new(state.plan.with_untracked(|p| export::default_bom(p, false)));
    // The summary's and pivot's unit and labels: exact and English keys
    // unless chosen, whatever the screen shows.
    let unit = RwSignal::new(Unit::One);
    let japanese_labels = RwSignal::new(false);
    let file = move || SummaryOptions {
        unit: unit.get(),
        labels: if japanese_labels.get() {
            Labels::Japanese
        } else {
            Labels::Keys
        },
    };
    let message = RwSignal::new(None::<Result<String, String>>);
    // The file being written and how far (thousandths); a request to stop.
    let job = RwSignal::new(None::<(ExportKind, u32)>);
    let cancel = StoredValue::new(false);
    let request = move |kind: ExportKind| {
        let (s, y, b, bom, f) = (scenario.get(), year.get(), base.get(), bom.get(), file());
        state
            .plan
            .with(|plan| request_of(plan, kind, &s, &y, b, bom, f))
    };
    // Each file's size before it is written. The ledger's validates and
    // compiles each scenario (tens of milliseconds at 50,000 positions):
    // it is measured a scenario per turn of the page, after the view is on
    // screen, and added up.
    let sizes = RwSignal::new([None::<SizeEstimate>; ExportKind::ALL.len()]);
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let requests = ExportKind::ALL.map(request);
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let mut now = state.plan.with_untracked(|plan| {
            requests.map(|r| {
                (r.kind != ExportKind::Ledger)
                    .then(|| estimate(plan, &r).ok())
                    .flatten()
            })
        });
        let ledger = requests[index_of(ExportKind::Ledger)];
        let parts: Vec<usize> = match ledger.options.scenario {
            Some(s) => vec![s],
            None => (0..state.plan.with_untracked(|p| p.scenarios.len())).collect(),
        };
        sizes.set(now);
        leptos::task::spawn_local(async move {
            let alive = move || generation.try_get_value() == Some(this);
            let header = state.plan.with_untracked(|p| header_bytes(p, &ledger));
            let mut total = SizeEstimate {
                rows: 0,
                bytes: header,
                exact: true,
            };
            for s in parts {
                next_turn().await;
                if !alive() {
                    return;
                }
                let mut one = ledger;
                one.options.scenario = Some(s);
                let Some(Ok(e)) = state.plan.try_with_untracked(|p| estimate(p, &one)) else {
                    return;
                };
                total.rows += e.rows;
                total.bytes += e.bytes.saturating_sub(header);
                total.exact &= e.exact;
            }
            now[index_of(ExportKind::Ledger)] = Some(total);
            sizes.try_set(now);
        });
    });
    let too_large = move |kind: ExportKind| {
        sizes
            .with(|s| s[index_of(kind)])
            .filter(SizeEstimate::too_large_for_browser)
    };
    let download = move |kind: ExportKind| {
        if job.get_untracked().is_some() {
            return;
        }
        let request = untrack(|| request(kind));
        // Refused before any work: too large for a browser. (Measured now
        // when the view has not finished measuring it.)
        let size = sizes.get_untracked()[index_of(kind)]
            .or_else(|| state.plan.with_untracked(|p| estimate(p, &request).ok()));
        if let Some(size) = size.filter(SizeEstimate::too_large_for_browser) {
            message.set(Some(Err(texts::too_large(
                size.bytes,
                BROWSER_DOWNLOAD_LIMIT,
                t(ShellText::ViewPlans),
            ))));
            return;
        }
        // The plan as it is now: edits made while the file is written do
        // not change it.
        let plan = state.plan.get_untracked();
        let name = request_file_name(&plan, &request, today());
        cancel.set_value(false);
        message.set(None);
        job.set(Some((kind, 0)));
        leptos::task::spawn_local(async move {
            let result = download_export(
                &plan,
                &request,
                &name,
                |permille| {
                    job.try_set(Some((kind, permille)));
                },
                // Leaving the view (its values disposed) cancels too.
                || cancel.try_get_value().unwrap_or(true),
            )
            .await;
            job.try_set(None);
            message.try_set(Some(match result {
                Ok(Written::Downloaded(_)) => Ok(texts::downloaded(&name)),
                Ok(Written::Cancelled) => Ok(t(ExportsText::Cancelled).to_string()),
                Err(e) => Err(e),
            }));
        });
    };

    view! {
        <section class="card" aria-labelledby="export-title">
            <div class="card-head">
                <h2 id="export-title">{t(ExportsText::Title)}</h2>
            </div>
            <div class="export-options">
                <label class="field">
                    <span>{t(Common::Scenario)}</span>
                    <select
                        data-testid="export-scenario"
                        on:change=move |ev| scenario.set(event_target_value(&ev))
                        prop:value=move || scenario.get()
                    >
                        <option value="">{t(ExportsText::AllScenarios)}</option>
                        <For each=move || scenario_names.get().into_iter().enumerate() key=|s| s.clone() let:s>
                            <option value=s.0.to_string()>{s.1}</option>
                        </For>
                    </select>
                </label>
                <label class="field">
                    <span>{t(ExportsText::LedgerYear)}</span>
                    <select
                        data-testid="export-year"
                        on:change=move |ev| year.set(event_target_value(&ev))
                        prop:value=move || year.get()
                    >
                        <option value="">{t(ExportsText::WholeHorizon)}</option>
                        <For each=move || years.get() key=|y| *y let:y>
                            <option value=y.start_year.to_string()>{format::fiscal_year(y)}</option>
                        </For>
                    </select>
                </label>
                <Show when=move || scenario_names.with(|names| names.len() > 1)>
                    <label class="field">
                        <span>{t(ExportsText::CompareAgainst)}</span>
                        <select
                            data-testid="export-base"
                            on:change=move |ev| base.set(event_target_value(&ev).parse().unwrap_or(0))
                            prop:value=move || base.get().to_string()
                        >
                            <For each=move || scenario_names.get().into_iter().enumerate() key=|s| s.clone() let:s>
                                <option value=s.0.to_string()>{s.1}</option>
                            </For>
                        </select>
                    </label>
                </Show>
                <label class="check">
                    <input type="checkbox" data-testid="export-bom" bind:checked=bom />
                    <span>{t(ExportsText::Bom)}</span>
                </label>
            </div>
            <fieldset class="export-options export-file-options">
                <legend>{t(ExportsText::FileUnit)}</legend>
                <label class="field">
                    <span>{t(crate::i18n::finance::FinanceText::Unit)}</span>
                    <select
                        data-testid="export-unit"
                        on:change=move |ev| {
                            if let Some(u) = Unit::parse(&event_target_value(&ev)) {
                                unit.set(u);
                            }
                        }
                        prop:value=move || unit.get().as_str()
                    >
                        {move || {
                            let currency = state.currency.get();
                            Unit::ALL
                                .into_iter()
                                .map(|u| view! { <option value=u.as_str()>{unit_name(u, currency)}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="export-labels-ja" bind:checked=japanese_labels />
                    <span>{t(ExportsText::FileLabels)}</span>
                </label>
                <p class="export-unit-statement" data-testid="export-unit-statement">
                    {move || unit_statement(unit.get(), state.currency.get())}
                </p>
                <p class="muted hint">{t(ExportsText::FileUnitNote)}</p>
            </fieldset>
            <ul class="export-list">
                {ExportKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let (title, text) = describe(kind);
                        let size = move || {
                            sizes
                                .with(|s| s[index_of(kind)])
                                .map(|e| texts::size_note(e.bytes, e.exact))
                        };
                        // Too large: what to do instead, with the command line.
                        let refusal = move || {
                            too_large(kind).map(|size| {
                                let command = state.plan.with(|plan| {
                                    let request = request(kind);
                                    let output = request_file_name(plan, &request, today());
                                    cli_command(plan, &request, &plan_file_name(plan), &output)
                                });
                                view! {
                                    <div class="field-error" role="note" data-testid="export-too-large">
                                        <p>{texts::too_large(size.bytes, BROWSER_DOWNLOAD_LIMIT, t(ShellText::ViewPlans))}</p>
                                        <p>
                                            {t(ExportsText::CommandLine)}" "
                                            <code data-testid="export-command">{command}</code>
                                        </p>
                                    </div>
                                }
                            })
                        };
                        view! {
                            <li class="export-item">
                                <div>
                                    <div class="export-title">{title}</div>
                                    <div class="muted">{text}</div>
                                    <div class="muted" data-testid=format!("export-size-{}", kind.as_str())>{size}</div>
                                    {refusal}
                                </div>
                                <button
                                    type="button"
                                    class="button-secondary"
                                    data-testid=format!("export-{}", kind.as_str())
                                    disabled=move || job.with(Option::is_some) || too_large(kind).is_some()
                                    on:click=move |_| download(kind)
                                >
                                    {move || {
                                        t(if bom.get() {
                                            ExportsText::DownloadBom
                                        } else {
                                            ExportsText::Download
                                        })
                                    }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
                <VarianceExport bom=bom />
            </ul>
            // Built once per download: only the bar and its text follow the
            // progress, so the Cancel button stays the same element.
            <Show when=move || job.with(Option::is_some)>
                <div class="export-progress" data-testid="export-progress" role="status">
                    <progress
                        max="1000"
                        value=move || job.get().map_or(0, |j| j.1).to_string()
                        aria-label=move || job.get().map(|(kind, _)| describe(kind).0)
                    ></progress>
                    " "
                    <span>{move || job.get().map(|(kind, permille)| texts::writing(describe(kind).0, permille))}</span>
                    " "
                    <button
                        type="button"
                        class="button-secondary"
                        data-testid="export-cancel"
                        on:click=move |_| cancel.set_value(true)
                    >
                        {t(Common::Cancel)}
                    </button>
                </div>
            </Show>
            {move || {
                message
                    .get()
                    .map(|m| match m {
                        Ok(text) => view! { <p class="note" role="status">{text}</p> }.into_any(),
                        Err(text) => view! { <p class="field-error" role="alert">{text}</p> }.into_any(),
                    })
            }}
        </section>
        // The import goes into the scenario shown and refuses a locked one
        // itself (RosterImport), naming it.
        <RosterImport />
    }
}
