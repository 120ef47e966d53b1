//! Importing actuals from a file: read it (UTF-8 or Shift_JIS, through the
//! shared decoding), show the month × category totals that would change
//! and every error by line, let the person say what each column holds,
//! and apply only without errors and only on confirmation: one undo step.
//! Everything the import decides is `format::actuals`', shared with
//! `fleetplan-cli import-actuals`.

use std::sync::Arc;

use leptos::prelude::*;

use super::focus_import::CloudBillImport;
use crate::format::actuals::{
    ActualsField, ActualsMapping, ActualsPreview, ColumnUse, actuals_template, preview_actuals,
};
use crate::format::values::key;
use crate::i18n::actuals::{
    ActualsText as A, FocusText as F, also_close, column_use, import_error, import_refused,
    import_summary, imported, more, read_as, template_file_name,
};
use crate::i18n::common::{Common, category};
use crate::i18n::plans::PlansText;
use crate::i18n::roster::decode_error;
use crate::i18n::shell::ShellText;
use crate::i18n::{Lang, format, lang, t};
use crate::model::Category;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download::download_bytes;
use crate::ui::widgets::read_file::on_file_chosen;
use crate::ui::widgets::variance_data::signed_money;

/// Changes listed in the preview; the others are counted.
const SHOWN_CHANGES: usize = 60;
/// Errors listed; the others are counted.
const SHOWN_ERRORS: usize = 50;

#[derive(Clone)]
enum Stage {
    Idle,
    Read {
        file: String,
        preview: Arc<ActualsPreview>,
    },
    /// Not text in a known encoding: the message says why.
    Refused {
        file: String,
        message: String,
    },
}

/// Every use a column can be given, in the mapping's order.
fn uses() -> Vec<ColumnUse> {
    let mut all = vec![ColumnUse::Ignored];
    all.extend(ActualsField::ALL.into_iter().map(ColumnUse::Field));
    all.extend(Category::ALL.into_iter().map(ColumnUse::Category));
    all
}

/// The errors by line and the totals that change, as an actuals preview
/// shows them (the CSV's and the cloud bill's).
pub(super) fn preview_results(state: PlanState, preview: &ActualsPreview) -> impl IntoView + use<> {
    let errors = (!preview.errors.is_empty()).then(|| {
            let hidden = preview.errors.len().saturating_sub(SHOWN_ERRORS);
            view! {
                <div class="import-errors" role="alert" data-testid="actuals-import-errors">
                    <p>{import_refused(preview.errors.len())}</p>
                    <ul>
                        {preview.errors.iter().take(SHOWN_ERRORS).map(|e| view! { <li>{import_error(e)}</li> }).collect_view()}
                    </ul>
                    {(hidden > 0).then(|| view! { <p class="muted">{more(hidden)}</p> })}
                    <p>{t(A::FixErrors)}</p>
                </div>
            }
        });
    let ok = preview.errors.is_empty();
    let hidden_changes = preview.changes.len().saturating_sub(SHOWN_CHANGES);
    let changes = (ok && !preview.changes.is_empty()).then(|| {
            let rows = preview
                .changes
                .iter()
                .take(SHOWN_CHANGES)
                .map(|c| {
                    view! {
                        <tr data-testid="actuals-change" data-month=c.month.to_string() data-category=c.category.as_str()>
                            <td>{format::month(c.month)}</td>
                            <td>{category(c.category)}</td>
                            <td class="num">{state.show_minor(c.before)}</td>
                            <td class="num" data-col="after">{state.show_minor(c.after)}</td>
                            <td class="num">{signed_money(state, c.after - c.before)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h4>{t(A::ChangesHeading)}</h4>
                <div class="table-scroll">
                    <table class="grid" data-testid="actuals-changes">
                        <thead>
                            <tr>
                                <th scope="col">{t(Common::Month)}</th>
                                <th scope="col">{t(Common::Category)}</th>
                                <th scope="col" class="num">{t(A::Before)}</th>
                                <th scope="col" class="num">{t(A::After)}</th>
                                <th scope="col" class="num">{t(A::Difference)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(hidden_changes > 0).then(|| view! { <p class="muted">{more(hidden_changes)}</p> })}
            }
        });
    view! { {errors} {changes} }
}

#[component]
pub fn ActualsImport() -> impl IntoView {
    let state = PlanState::expect();
    let stage = RwSignal::new(Stage::Idle);
    let done = RwSignal::new(None::<String>);
    let chosen = StoredValue::new(None::<(String, Arc<Vec<u8>>)>);
    let mapping = RwSignal::new(ActualsMapping::default());
    let close = RwSignal::new(false);

    let run = move || {
        let Some((file, bytes)) = chosen.get_value() else {
            return;
        };
        let map = mapping.get_untracked();
        let result = state
            .plan
            .with_untracked(|p| preview_actuals(p, &bytes, &map));
        stage.set(match result {
            Ok(preview) => Stage::Read {
                file,
                preview: Arc::new(preview),
            },
            Err(e) => Stage::Refused {
                file,
                message: decode_error(&e),
            },
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        on_file_chosen(&ev, move |file, bytes| {
            let Some(bytes) = bytes else {
                chosen.set_value(None);
                stage.set(Stage::Refused {
                    file,
                    message: t(PlansText::FileUnreadable).to_string(),
                });
                return;
            };
            chosen.set_value(Some((file, Arc::new(bytes))));
            mapping.set(ActualsMapping::default());
            close.set(false);
            run();
        });
    };

    let choose = move |header: String, value: String| {
        if let Some(used) = ColumnUse::from_key(&value) {
            mapping.update(|m| {
                m.by_header.insert(key(&header), used);
            });
            run();
        }
    };

    let cancel = move || {
        chosen.set_value(None);
        stage.set(Stage::Idle);
    };

    let confirm = move |_| {
        let Stage::Read { file, preview } = stage.get_untracked() else {
            return;
        };
        let close_through = close.get_untracked() && preview.proposed_closed.is_some();
        let mut outcome = Ok(());
        // One edit: one step of undo.
        state.edit(|p| outcome = preview.apply(p, close_through));
        if outcome.is_ok() {
            let closed = close_through
                .then_some(preview.proposed_closed)
                .flatten()
                .map(format::month);
            done.set(Some(imported(
                &file,
                preview.changes.len(),
                closed.as_deref(),
            )));
            cancel();
        }
    };

    let template = move |_| {
        let bytes = state
            .plan
            .with_untracked(|p| actuals_template(p, lang() == Lang::Ja));
        let _ = download_bytes(template_file_name(), "text/csv;charset=utf-8", &bytes);
    };

    let preview_view = move |file: String, preview: Arc<ActualsPreview>| {
        let columns = preview
            .columns
            .iter()
            .map(|column| {
                let header = column.header.clone();
                let current = column.used_as;
                let options = uses()
                    .into_iter()
                    .map(|u| view! { <option value=u.key() selected=u == current>{column_use(u)}</option> })
                    .collect_view();
                view! {
                    <label class="field">
                        <span>{column.header.clone()}</span>
                        <select data-testid="actuals-map" data-header=column.header.clone()
                            on:change=move |ev| choose(header.clone(), event_target_value(&ev))>
                            {options}
                        </select>
                    </label>
                }
            })
            .collect_view();
        let ok = preview.errors.is_empty();
        let results = preview_results(state, &preview);
        let proposed = preview.proposed_closed.filter(|_| ok).map(|m| {
            view! {
                <label class="check">
                    <input type="checkbox" data-testid="actuals-import-close" bind:checked=close />
                    <span>{also_close(&format::month(m))}</span>
                </label>
            }
        });
        let nothing = ok && preview.changes.is_empty();
        view! {
            <div class="import-preview" data-testid="actuals-import-preview">
                <p>
                    <strong>{file}</strong>" "
                    <span data-testid="actuals-import-summary">{import_summary(preview.changes.len(), preview.unchanged)}</span>
                </p>
                <p class="muted" data-testid="actuals-import-encoding">{read_as(preview.encoding.name(), preview.rows, preview.skipped)}</p>
                <fieldset class="import-mapping" data-testid="actuals-mapping">
                    <legend>{t(A::ColumnsHeading)}</legend>
                    <p class="muted">{t(A::MappingHelp)}</p>
                    {columns}
                </fieldset>
                {results}
                {proposed}
                <div class="actions-row">
                    {nothing.then(|| view! { <p class="note" data-testid="actuals-import-nothing">{t(A::NothingChanges)}</p> })}
                    {(ok && !nothing).then(|| view! {
                        <button type="button" class="button-primary" data-testid="actuals-import-confirm" on:click=confirm>
                            {t(A::Apply)}
                        </button>
                    })}
                    <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(Common::Cancel)}</button>
                </div>
            </div>
        }
    };

    let csv_view = move || {
        view! {
            <p class="muted">{t(A::ImportHelp)}</p>
            <label class="field">
                <span>{t(A::ImportFile)}</span>
                <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-testid="actuals-import-file" on:change=on_file />
            </label>
            {move || done.get().map(|text| view! { <p class="note" role="status" data-testid="actuals-import-done">{text}</p> })}
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Refused { file, message } => view! {
                    <div class="import-errors" role="alert" data-testid="actuals-import-errors">
                        <p><strong>{file}</strong></p>
                        <p>{message}</p>
                        <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(ShellText::Dismiss)}</button>
                    </div>
                }
                .into_any(),
                Stage::Read { file, preview } => preview_view(file, preview).into_any(),
            }}
        }
    };
    // The actuals CSV or a cloud provider's bill: each keeps its own
    // preview, so switching back finds it as it was.
    let cloud_bill = RwSignal::new(false);
    let kind_button = move |cloud: bool, label: &'static str, id: &'static str| {
        view! {
            <button type="button" class="segment" data-testid=id
                aria-pressed=move || (cloud_bill.get() == cloud).to_string()
                on:click=move |_| cloud_bill.set(cloud)>{label}</button>
        }
    };
    view! {
        <section class="card" aria-labelledby="actuals-import-title" data-testid="actuals-import">
            <div class="card-head">
                <h3 id="actuals-import-title">{t(A::ImportTitle)}</h3>
                <button type="button" class="button-secondary" data-testid="actuals-template" on:click=template
                    hidden=move || cloud_bill.get()>
                    {t(A::Template)}
                </button>
            </div>
            <div class="segmented" role="group" aria-label=t(A::ImportTitle)>
                {kind_button(false, t(F::KindCsv), "import-kind-csv")}
                {kind_button(true, t(F::KindFocus), "import-kind-focus")}
            </div>
            <div hidden=move || cloud_bill.get()>{csv_view}</div>
            <div hidden=move || !cloud_bill.get()><CloudBillImport /></div>
        </section>
    }
}
