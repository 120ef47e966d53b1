//! Importing positions from a roster CSV: read the file, show what would
//! change, apply only when the person confirms and only if there is no error.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::PlanState;
use crate::format::import::{ImportError, RosterPreview, preview_roster};
use crate::i18n::common::Common;
use crate::i18n::roster::{self as texts, RosterText};
use crate::i18n::shell::ShellText;
use crate::i18n::t;

/// What the chosen file would do.
#[derive(Clone)]
enum Pending {
    Preview {
        file: String,
        preview: RosterPreview,
    },
    Refused {
        file: String,
        errors: Vec<ImportError>,
    },
}

pub(super) async fn read_file(input: web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some((file.name(), bytes))
}

#[component]
pub fn RosterImport() -> impl IntoView {
    let state = PlanState::expect();
    let pending = RwSignal::new(None::<Pending>);
    let applied = RwSignal::new(None::<String>);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        applied.set(None);
        leptos::task::spawn_local(async move {
            let Some((file, bytes)) = read_file(input.clone()).await else {
                return;
            };
            // The same file can be chosen again after a fix.
            input.set_value("");
            let result = state.plan.with_untracked(|p| preview_roster(p, 0, &bytes));
            pending.set(Some(match result {
                Ok(preview) => Pending::Preview { file, preview },
                Err(errors) => Pending::Refused { file, errors },
            }));
        });
    };

    let confirm = move |_| {
        let Some(Pending::Preview { file, preview }) = pending.get_untracked() else {
            return;
        };
        state.edit(|p| {
            if let Some(scenario) = p.scenarios.first_mut() {
                preview.apply(scenario);
            }
        });
        let added = preview.added().count();
        let changed = preview.changed().count();
        applied.set(Some(texts::imported(&file, added, changed)));
        pending.set(None);
    };

    let salary = move |p: &crate::model::Position| {
        p.annual_base
            .map(|a| state.show_amount(a))
            .unwrap_or_else(|| t(RosterText::BandMidpoint).to_string())
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <div class="card-head">
                <h2 id="import-title">{t(RosterText::ImportHeading)}</h2>
            </div>
            <p class="muted">
                {import_columns()}
                {t(RosterText::ImportRows)}
            </p>
            <label class="field">
                <span>{t(RosterText::CsvFile)}</span>
                <input type="file" accept=".csv,text/csv" data-testid="import-file" on:change=on_file />
            </label>
            {move || applied.get().map(|text| view! { <p class="note" role="status" data-testid="import-done">{text}</p> })}
            {move || match pending.get() {
                None => ().into_any(),
                Some(Pending::Refused { file, errors }) => view! {
                    <div class="import-errors" data-testid="import-errors" role="alert">
                        <p>
                            <strong>{file}</strong>
                            {texts::import_refused(errors.len())}
                        </p>
                        <ul>
                            {errors.into_iter().map(|e| view! { <li>{texts::import_error(&e)}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>{t(ShellText::Dismiss)}</button>
                    </div>
                }
                .into_any(),
                Some(Pending::Preview { file, preview }) => {
                    let added = preview.added().count();
                    let changed = preview.changed().count();
                    let unchanged = preview.unchanged;
                    let rows = preview.rows.clone();
                    let new_teams = texts::names(&preview.new_teams);
                    view! {
                        <div class="import-preview" data-testid="import-preview">
                            <p>
                                <strong>{file}</strong>
                                {texts::import_summary(added, changed, unchanged)}
                            </p>
                            {(!new_teams.is_empty())
                                .then(|| view! { <p class="muted">{t(RosterText::NewTeams)} {new_teams}</p> })}
                            <table class="grid">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(RosterText::Line)}</th>
                                        <th scope="col">{t(RosterText::ChangeKind)}</th>
                                        <th scope="col">{t(Common::Title)}</th>
                                        <th scope="col">{t(Common::Team)}</th>
                                        <th scope="col">{t(Common::Level)}</th>
                                        <th scope="col" class="num">{t(Common::Salary)}</th>
                                        <th scope="col">{t(Common::Start)}</th>
                                        <th scope="col">{t(Common::Status)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows
                                        .into_iter()
                                        .map(|row| {
                                            let p = row.position;
                                            let change = t(if row.before.is_some() { RosterText::ChangeRow } else { RosterText::AddRow });
                                            view! {
                                                <tr>
                                                    <td class="num">{row.line}</td>
                                                    <td>{change}</td>
                                                    <td>{p.title.clone()}</td>
                                                    <td>{p.team.clone()}</td>
                                                    <td>{p.level.clone()}</td>
                                                    <td class="num">{salary(&p)}</td>
                                                    <td>{texts::preview_date(p.start)}</td>
                                                    <td>{texts::preview_status(p.status)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <div class="actions-row">
                                <button
                                    type="button"
                                    class="button-primary"
                                    data-testid="import-confirm"
                                    disabled=added + changed == 0
                                    on:click=confirm
                                >
                                    {texts::import_button(added + changed)}
                                </button>
                                <button type="button" class="button-quiet" on:click=move |_| pending.set(None)>
                                    {t(Common::Cancel)}
                                </button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The columns an import needs, each named as the file names it.
fn import_columns() -> impl IntoView {
    let (before, between, after) = texts::import_columns_frame();
    let columns = texts::IMPORT_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, column)| {
            view! {
                {(i > 0).then_some(between)}
                <code>{*column}</code>
                {texts::import_column_gloss(column)}
            }
        })
        .collect_view();
    view! { {before} {columns} {after} }
}
