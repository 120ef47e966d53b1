//! Export and import: the CSV files finance reviews, and positions read
//! from a roster CSV. Every byte comes from `format::export`, the same
//! functions the command-line tool calls, so both give identical files.

use leptos::prelude::*;

use super::clock::today;
use super::download::download_bytes;
use super::roster_import::RosterImport;
use super::state::PlanState;
use crate::format::export::{self, ExportKind, ExportOptions};

fn describe(kind: ExportKind) -> (&'static str, &'static str) {
    match kind {
        ExportKind::Ledger => (
            "Monthly ledger",
            "One row per scenario, month, team, position or line and category, with its fiscal year.",
        ),
        ExportKind::Summary => (
            "Fiscal-year summary",
            "Totals per scenario, fiscal year, team and category, with headcount and cost per engineer.",
        ),
        ExportKind::Roster => (
            "Roster",
            "Every position with its fields, band, compa-ratio and annual cost per fiscal year.",
        ),
        ExportKind::Comparison => (
            "Scenario comparison",
            "Each scenario's totals per fiscal year and category, and the difference from the base.",
        ),
    }
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
    // "" means every scenario.
    let scenario = RwSignal::new(String::new());
    let base = RwSignal::new(0_usize);
    let bom = RwSignal::new(state.plan.with_untracked(|p| export::default_bom(p, false)));
    let message = RwSignal::new(None::<Result<String, String>>);

    let download = move |kind: ExportKind| {
        let chosen = scenario.get_untracked().parse::<usize>().ok();
        let options = ExportOptions {
            scenario: chosen,
            bom: bom.get_untracked(),
        };
        let base = base.get_untracked();
        let result = state.plan.with_untracked(|plan| {
            let bytes = match kind {
                ExportKind::Ledger => export::ledger(plan, options),
                ExportKind::Summary => export::summary(plan, options),
                ExportKind::Roster => export::roster(plan, options),
                ExportKind::Comparison => export::comparison(plan, base, options),
            }
            .map_err(|errors| {
                let first: Vec<String> = errors.iter().take(3).map(ToString::to_string).collect();
                format!("The plan has errors to fix first: {}", first.join("; "))
            })?;
            let scenario_part = if kind == ExportKind::Comparison {
                Some(base)
            } else {
                chosen
            };
            let name = export::file_name(plan, scenario_part, kind, today());
            download_bytes(&name, "text/csv;charset=utf-8", &bytes).map(|()| name)
        });
        message.set(Some(result.map(|name| format!("Downloaded {name}"))));
    };

    view! {
        <section class="card" aria-labelledby="export-title">
            <div class="card-head">
                <h2 id="export-title">"Export CSV for finance"</h2>
            </div>
            <div class="export-options">
                <label class="field">
                    <span>"Scenario"</span>
                    <select
                        data-testid="export-scenario"
                        on:change=move |ev| scenario.set(event_target_value(&ev))
                        prop:value=move || scenario.get()
                    >
                        <option value="">"All scenarios"</option>
                        <For each=move || scenario_names.get().into_iter().enumerate() key=|s| s.clone() let:s>
                            <option value=s.0.to_string()>{s.1}</option>
                        </For>
                    </select>
                </label>
                <Show when=move || scenario_names.with(|names| names.len() > 1)>
                    <label class="field">
                        <span>"Compare against"</span>
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
                    <span>
                        "UTF-8 with byte-order mark: Excel in Japan needs it to show Japanese text instead of mojibake"
                    </span>
                </label>
            </div>
            <ul class="export-list">
                {ExportKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let (title, text) = describe(kind);
                        view! {
                            <li class="export-item">
                                <div>
                                    <div class="export-title">{title}</div>
                                    <div class="muted">{text}</div>
                                </div>
                                <button
                                    type="button"
                                    class="button-secondary"
                                    data-testid=format!("export-{}", kind.as_str())
                                    on:click=move |_| download(kind)
                                >
                                    {move || {
                                        if bom.get() {
                                            "Download CSV (UTF-8 with BOM, for Excel)"
                                        } else {
                                            "Download CSV (UTF-8)"
                                        }
                                    }}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || {
                message
                    .get()
                    .map(|m| match m {
                        Ok(text) => view! { <p class="note" role="status">{text}</p> }.into_any(),
                        Err(text) => view! { <p class="field-error" role="alert">{text}</p> }.into_any(),
                    })
            }}
        </section>
        <RosterImport />
    }
}
