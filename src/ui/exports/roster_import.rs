//! Importing positions from a roster file into the scenario shown: read the
//! file in slices between frames (a progress bar for a large one), show a
//! summary of what would change with the first rows and every error, let
//! the person map the columns the planner does not know, and apply only
//! when they confirm and only if there is no error: one undo step.
//! Everything the import decides is `format::import`'s, shared with
//! `fleetplan-cli import-roster`.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::format::decode::decode;
use crate::format::import::{
    ColumnSource, Field, IGNORE, ImportError, ImportProblem, ImportReport, RosterReader,
    roster_template,
};
use crate::i18n::common::Common;
use crate::i18n::roster::{self as texts, RosterText};
use crate::i18n::shell::ShellText;
use crate::i18n::{Lang, lang, t};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download::download_bytes;
use crate::ui::widgets::read_file::on_file_chosen;

/// Rows shown in the preview's table; the others are counted.
const SHOWN_ROWS: usize = 20;
/// Errors listed; the others are counted.
const SHOWN_ERRORS: usize = 50;
/// A slice of reading stops after this many milliseconds, so the page
/// keeps drawing (and shows the progress) while a large file is read.
const SLICE_MS: f64 = 40.0;

/// Where the chosen file is.
#[derive(Clone)]
enum Stage {
    Idle,
    Reading {
        file: String,
        percent: usize,
    },
    Read {
        file: String,
        report: Arc<ImportReport>,
    },
    /// Stopped before the header: nothing to map.
    Refused {
        file: String,
        errors: Arc<Vec<ImportError>>,
    },
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser draw and handle input before the next slice.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[component]
pub fn RosterImport() -> impl IntoView {
    let state = PlanState::expect();
    let stage = RwSignal::new(Stage::Idle);
    let applied = RwSignal::new(None::<String>);
    // The file chosen, kept to read again when the mapping changes.
    let chosen = StoredValue::new(None::<(String, Arc<Vec<u8>>)>);
    // The mapping chosen for this file (header key → field key or "ignore").
    let choices = RwSignal::new(BTreeMap::<String, String>::new());
    let remove_missing = RwSignal::new(false);
    // Reading a newer file (or the same one with another mapping) stops an
    // older reading.
    let generation = StoredValue::new(0_u64);
    let shown_scenario = move || {
        let index = state.scenario.get_untracked();
        state
            .plan
            .with_untracked(|p| index.min(p.scenarios.len().saturating_sub(1)))
    };

    let run = move || {
        let Some((file, bytes)) = chosen.get_value() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        let scenario = shown_scenario();
        let choices = choices.get_untracked();
        remove_missing.set(false);
        leptos::task::spawn_local(async move {
            stage.set(Stage::Reading {
                file: file.clone(),
                percent: 0,
            });
            next_task().await;
            // Decoding a large file is a task of its own.
            let decoded = decode(&bytes);
            next_task().await;
            if generation.get_value() != this {
                return;
            }
            let started = state
                .plan
                .with_untracked(|p| RosterReader::start_decoded(p, scenario, decoded, &choices));
            let mut reader = match started {
                Ok(reader) => reader,
                Err(errors) => {
                    stage.set(Stage::Refused {
                        file,
                        errors: Arc::new(errors),
                    });
                    return;
                }
            };
            // Read, then validate, a slice at a time.
            let mut reading = true;
            loop {
                let begun = now();
                let mut done = false;
                while !done && now() - begun < SLICE_MS {
                    done = if reading {
                        reader.read(500)
                    } else {
                        reader.validate(1000)
                    };
                }
                if done && reading {
                    reading = false;
                    continue;
                }
                if done {
                    break;
                }
                if generation.get_value() != this {
                    return;
                }
                let (read, all) = reader.progress();
                // Reading is 90 % of the work, validating the rest.
                let percent = if reading { read * 90 / all.max(1) } else { 95 };
                stage.set(Stage::Reading {
                    file: file.clone(),
                    percent,
                });
                next_task().await;
            }
            if generation.get_value() == this {
                stage.set(Stage::Read {
                    file,
                    report: Arc::new(reader.finish()),
                });
            }
        });
    };

    // The import goes into the scenario shown: showing another one reads
    // the chosen file again for it.
    Effect::new(move |previous: Option<usize>| {
        let now = state.scenario.get();
        if previous.is_some_and(|p| p != now) && chosen.with_value(Option::is_some) {
            run();
        }
        now
    });

    let on_file = move |ev: leptos::ev::Event| {
        applied.set(None);
        on_file_chosen(&ev, move |file, bytes| {
            let Some(bytes) = bytes else {
                chosen.set_value(None);
                stage.set(Stage::Refused {
                    file,
                    errors: Arc::new(vec![ImportError {
                        line: 0,
                        column: None,
                        problem: ImportProblem::FileUnreadable,
                    }]),
                });
                return;
            };
            chosen.set_value(Some((file, Arc::new(bytes))));
            choices.set(BTreeMap::new());
            run();
        });
    };

    let choose = move |key: String, value: String| {
        choices.update(|c| {
            c.insert(key, value);
        });
        run();
    };

    let cancel = move || {
        generation.update_value(|g| *g += 1);
        chosen.set_value(None);
        stage.set(Stage::Idle);
    };

    let confirm = move |_| {
        let Stage::Read { file, report } = stage.get_untracked() else {
            return;
        };
        let Ok(preview) = &report.result else {
            return;
        };
        let remove = remove_missing.get_untracked();
        let mut outcome = Ok(());
        // One edit: one step of undo.
        state.edit(|p| outcome = preview.apply_to(p, remove));
        match outcome {
            Ok(()) => {
                let removed = if remove { preview.missing.len() } else { 0 };
                applied.set(Some(texts::imported(
                    &file,
                    preview.added().count(),
                    preview.changed().count(),
                    removed,
                )));
                cancel();
            }
            Err(problem) => stage.set(Stage::Refused {
                file,
                errors: Arc::new(vec![ImportError {
                    line: 0,
                    column: None,
                    problem,
                }]),
            }),
        }
    };

    let template = move |_| {
        let bytes = state
            .plan
            .with_untracked(|p| roster_template(p, shown_scenario(), lang() == Lang::Ja));
        let _ = download_bytes(
            texts::template_file_name(),
            "text/csv;charset=utf-8",
            &bytes,
        );
    };

    let salary = move |p: &crate::model::Position| {
        p.annual_base
            .map(|a| state.show_amount(a))
            // Pay stated by the month shows as 月給.
            .or_else(|| {
                p.monthly_base
                    .map(|m| texts::stated_otherwise(&state.show_amount(m), true))
            })
            .unwrap_or_else(|| t(RosterText::BandMidpoint).to_string())
    };

    let scenario_name = move || state.with_scenario(|s| s.name.clone()).unwrap_or_default();

    let errors_view = move |errors: &[ImportError]| {
        let more = errors.len().saturating_sub(SHOWN_ERRORS);
        view! {
            <ul>
                {errors
                    .iter()
                    .take(SHOWN_ERRORS)
                    .map(|e| view! { <li>{texts::import_error(e)}</li> })
                    .collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="muted" data-testid="import-more-errors">{texts::more_errors(more)}</p> })}
        }
    };

    let mapping_view = move |report: &ImportReport| {
        let ignored: Vec<String> = report
            .ignored()
            .map(|c| c.header.clone())
            .filter(|h| !h.is_empty())
            .collect();
        // The header's errors name columns (two filling one field): those
        // get a choice too, so the person can settle it.
        let in_error: Vec<&str> = report
            .result
            .as_ref()
            .err()
            .map(|errors| {
                errors
                    .iter()
                    .filter(|e| e.line == 1)
                    .filter_map(|e| e.column.as_deref())
                    .collect()
            })
            .unwrap_or_default();
        let mappable: Vec<_> = report
            .columns
            .iter()
            .filter(|c| {
                matches!(c.source, ColumnSource::Unknown | ColumnSource::Chosen)
                    || in_error.contains(&c.header.as_str())
            })
            .cloned()
            .collect();
        view! {
            {(!ignored.is_empty()).then(|| view! { <p class="muted" data-testid="import-ignored">{texts::ignored_columns(&ignored)}</p> })}
            {(!mappable.is_empty()).then(|| view! {
                <fieldset class="import-mapping" data-testid="import-mapping">
                    <legend>{t(RosterText::ColumnsHeading)}</legend>
                    <p class="muted">{t(RosterText::MappingHelp)}</p>
                    {mappable
                        .into_iter()
                        .map(|column| {
                            let current = column.field.map_or(IGNORE, Field::key);
                            let key = column.key.clone();
                            view! {
                                <label class="field">
                                    <span>{column.header.clone()}</span>
                                    <select
                                        data-testid="import-map"
                                        on:change=move |ev| choose(key.clone(), event_target_value(&ev))
                                    >
                                        <option value=IGNORE selected=current == IGNORE>{t(RosterText::IgnoreColumn)}</option>
                                        {Field::ALL
                                            .into_iter()
                                            .map(|f| view! { <option value=f.key() selected=current == f.key()>{texts::field_label(f)}</option> })
                                            .collect_view()}
                                    </select>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            })}
        }
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <div class="card-head">
                <h2 id="import-title">{t(RosterText::ImportHeading)}</h2>
                <button type="button" class="button-secondary" data-testid="import-template" on:click=template>
                    {t(RosterText::Template)}
                </button>
            </div>
            <p class="muted">
                {import_columns()}
                {t(RosterText::ImportRows)}
            </p>
            <p class="muted">{t(RosterText::ImportForms)}</p>
            <p data-testid="import-into">{move || texts::import_into(&scenario_name())}</p>
            {move || {
                state
                    .locked()
                    .then(|| view! {
                        <p class="banner banner-warning" role="status" data-testid="import-refused-locked">
                            {texts::import_locked(&scenario_name())}
                        </p>
                    })
            }}
            <label class="field">
                <span>{t(RosterText::CsvFile)}</span>
                <input
                    type="file"
                    accept=".csv,.tsv,.txt,text/csv,text/plain"
                    data-testid="import-file"
                    disabled=move || state.locked()
                    on:change=on_file
                />
            </label>
            {move || applied.get().map(|text| view! { <p class="note" role="status" data-testid="import-done">{text}</p> })}
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading { file, percent } => view! {
                    <div class="import-reading" role="status" data-testid="import-reading">
                        <p><strong>{file}</strong> " " {texts::reading_progress(percent)}</p>
                        <progress max="100" value=percent.to_string()>{t(RosterText::Reading)}</progress>
                    </div>
                }
                .into_any(),
                Stage::Refused { file, errors } => view! {
                    <div class="import-errors" data-testid="import-errors" role="alert">
                        <p>
                            <strong>{file}</strong>
                            {texts::import_refused(errors.len())}
                        </p>
                        {errors_view(&errors)}
                        <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(ShellText::Dismiss)}</button>
                    </div>
                }
                .into_any(),
                Stage::Read { file, report } => {
                    let read_as = texts::read_as(report.encoding.name(), report.separator);
                    match &report.result {
                        Err(errors) => view! {
                            <div class="import-errors" data-testid="import-errors" role="alert">
                                <p>
                                    <strong>{file}</strong>
                                    {texts::import_refused(errors.len())}
                                </p>
                                <p class="muted" data-testid="import-encoding">{read_as}</p>
                                {mapping_view(&report)}
                                {errors_view(errors)}
                                <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(ShellText::Dismiss)}</button>
                            </div>
                        }
                        .into_any(),
                        Ok(preview) => {
                            let added = preview.added().count();
                            let changed = preview.changed().count();
                            let new_teams = texts::names(&preview.new_teams);
                            let missing = preview.missing.len();
                            let target = preview.scenario_name.clone();
                            let rows: Vec<_> = preview.rows.iter().take(SHOWN_ROWS).cloned().collect();
                            let all_rows = preview.rows.len();
                            let others = preview.other_scenarios.clone();
                            let nothing = move || {
                                let remove = remove_missing.get();
                                added + changed + if remove { missing } else { 0 } == 0
                            };
                            view! {
                                <div class="import-preview" data-testid="import-preview">
                                    <p>
                                        <strong>{file}</strong>
                                        {texts::import_summary(added, changed, preview.unchanged)}
                                    </p>
                                    <p class="muted" data-testid="import-encoding">{read_as}</p>
                                    <p data-testid="import-target">{texts::import_into(&target)}</p>
                                    {(!others.is_empty()).then(|| view! { <p class="muted" data-testid="import-other-scenarios">{texts::other_scenarios(&others)}</p> })}
                                    {(!new_teams.is_empty())
                                        .then(|| view! { <p class="muted">{t(RosterText::NewTeams)} {new_teams}</p> })}
                                    {mapping_view(&report)}
                                    {(all_rows > 0).then(|| view! {
                                        <p>{texts::first_rows(rows.len(), all_rows)}</p>
                                        <div class="table-scroll"><table class="grid">
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
                                        </table></div>
                                    })}
                                    {(missing > 0).then(|| view! {
                                        <label class="check">
                                            <input type="checkbox" data-testid="import-remove-missing" bind:checked=remove_missing />
                                            <span>{texts::remove_missing(missing, &target)}</span>
                                        </label>
                                    })}
                                    <div class="actions-row">
                                        {move || if nothing() {
                                            view! { <p class="note" data-testid="import-nothing">{t(RosterText::NothingToImport)}</p> }.into_any()
                                        } else {
                                            let n = added + changed + if remove_missing.get() { missing } else { 0 };
                                            view! {
                                                <button
                                                    type="button"
                                                    class="button-primary"
                                                    data-testid="import-confirm"
                                                    disabled=move || state.locked()
                                                    on:click=confirm
                                                >
                                                    {texts::import_button(n)}
                                                </button>
                                            }.into_any()
                                        }}
                                        <button type="button" class="button-quiet" on:click=move |_| cancel()>
                                            {t(Common::Cancel)}
                                        </button>
                                    </div>
                                </div>
                            }
                            .into_any()
                        }
                    }
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
