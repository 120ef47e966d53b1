//! Export and import: the CSV files finance reviews, and positions read
//! from a roster CSV. Every byte comes from `format::export`, the same
//! functions the command-line tool calls, so both give identical files.

use leptos::prelude::*;

use super::clock::today;
use super::download::download_bytes;
use super::roster_import::RosterImport;
use super::state::PlanState;
use crate::format::export::{self, ExportKind, ExportOptions};
use crate::i18n::common::Common;
use crate::i18n::exports::{self as texts, ExportsText, describe};
use crate::i18n::roster as texts_roster;
use crate::i18n::t;

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
    // The first scenario's name while it is locked.
    let import_locked = move || {
        state.plan.with(|p| {
            p.scenarios
                .first()
                .filter(|s| s.locked_on.is_some())
                .map(|s| s.name.clone())
        })
    };

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
            .map_err(|errors| texts::plan_has_errors(&errors))?;
            let scenario_part = if kind == ExportKind::Comparison {
                Some(base)
            } else {
                chosen
            };
            let name = export::file_name(plan, scenario_part, kind, today());
            download_bytes(&name, "text/csv;charset=utf-8", &bytes).map(|()| name)
        });
        message.set(Some(result.map(|name| texts::downloaded(&name))));
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
        // An import goes into the plan's first scenario: refused while that
        // one is locked, as every edit of a locked scenario is.
        {move || {
            import_locked()
                .map(|name| {
                    view! {
                        <p class="banner banner-warning import-locked" role="status" data-testid="import-locked">
                            {texts_roster::import_locked(&name)}
                        </p>
                    }
                })
        }}
        <fieldset class="edit-lock" disabled=move || import_locked().is_some()>
            <RosterImport />
        </fieldset>
    }
}
