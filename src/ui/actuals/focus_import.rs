//! Importing a cloud provider's bill (FOCUS) as cloud actuals: read the
//! file a slice at a time between frames with its progress shown, then
//! preview it with the choices the person makes (the cost column, where
//! teams come from and which team each value is, the cloud category of
//! each service category, a rate for each currency the base scenario has
//! none for), each choice reading the bill again. Applying is one undo
//! step, and so is starting cloud lines from the bill. Everything the
//! import decides is `format::focus`', shared with `fleetplan-cli
//! import-actuals --focus`.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::actuals_import::preview_results;
use crate::format::actuals::ActualsProblem;
use crate::format::decode::SliceDecoder;
use crate::format::focus::{
    FocusCost, FocusOptions, FocusPreview, FocusReader, TeamSource, start_cloud_lines,
};
use crate::format::input::parse_amount;
use crate::format::values::key;
use crate::i18n::actuals::{
    ActualsText as A, FocusText as F, also_close, currency_rows, import_summary, imported,
    lines_started, read_as, reading, scenario_rates, start_lines_help, tag_source,
};
use crate::i18n::common::{Common, cloud_category};
use crate::i18n::fields::input_error;
use crate::i18n::plans::PlansText;
use crate::i18n::problems::refusal;
use crate::i18n::roster::decode_error;
use crate::i18n::shell::ShellText;
use crate::i18n::{format, t};
use crate::model::{CloudCategory, Problem};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download_chunks::next_turn;
use crate::ui::widgets::field::Field;
use crate::ui::widgets::read_file::on_file_chosen;

/// Rows read between two checks of the clock.
const ROWS_PER_STEP: usize = 500;
/// Time read before the browser gets its turn: well under a 200 ms task.
const SLICE_MS: f64 = 30.0;
/// Bytes decoded between two checks of the clock (about a millisecond).
const DECODE_BYTES: usize = 1 << 20;
/// A rate has at most 6 decimals and is at most 10⁹ (docs/model.md).
const RATE_DECIMALS: u32 = 6;

#[derive(Clone)]
enum Stage {
    Idle,
    Reading {
        file: String,
        percent: u32,
    },
    Read {
        file: String,
        preview: Arc<FocusPreview>,
    },
    /// Not text in a known encoding: the message says why.
    Refused {
        file: String,
        message: String,
    },
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn percent(read: usize, all: usize) -> u32 {
    if all == 0 {
        return 100;
    }
    u32::try_from(read.min(all) * 100 / all).unwrap_or(100)
}

/// The team source as a select's value: "", "sub" or "tag:KEY".
fn source_value(source: &TeamSource) -> String {
    match source {
        TeamSource::None => String::new(),
        TeamSource::SubAccountName => "sub".into(),
        TeamSource::Tag(k) => format!("tag:{k}"),
    }
}

fn source_of(value: &str) -> TeamSource {
    match value {
        "sub" => TeamSource::SubAccountName,
        v => v
            .strip_prefix("tag:")
            .map_or(TeamSource::None, |k| TeamSource::Tag(k.to_string())),
    }
}

fn category_of(value: &str) -> Option<CloudCategory> {
    CloudCategory::ALL.into_iter().find(|c| c.as_str() == value)
}

#[component]
pub fn CloudBillImport() -> impl IntoView {
    let state = PlanState::expect();
    let stage = RwSignal::new(Stage::Idle);
    let done = RwSignal::new(None::<String>);
    let chosen = StoredValue::new(None::<(String, Arc<Vec<u8>>)>);
    let options = StoredValue::new(FocusOptions::default());
    let close = RwSignal::new(false);
    // A newer reading (another file, another choice) stops an older one.
    let generation = StoredValue::new(0_u64);

    let run = move || {
        let Some((file, bytes)) = chosen.get_value() else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let chosen_options = options.get_value();
        leptos::task::spawn_local(async move {
            // Decoded a slice at a time too (the bar's first tenth): a large
            // bill decoded whole would hold the page.
            let mut decoder = SliceDecoder::new(&bytes);
            let decoded = loop {
                let began = now();
                let mut out = None;
                while out.is_none() && now() - began < SLICE_MS {
                    out = decoder.step(DECODE_BYTES);
                }
                if let Some(out) = out {
                    break out;
                }
                let (read, all) = decoder.progress();
                stage.set(Stage::Reading {
                    file: file.clone(),
                    percent: percent(read, all) / 10,
                });
                next_turn().await;
                if generation.get_value() != mine {
                    return;
                }
            };
            let mut reader = match decoded {
                Ok(decoded) => state
                    .plan
                    .with_untracked(|p| FocusReader::start_decoded(p, decoded, chosen_options)),
                Err(e) => {
                    stage.set(Stage::Refused {
                        file,
                        message: decode_error(&e),
                    });
                    return;
                }
            };
            loop {
                let began = now();
                let mut finished = false;
                while !finished && now() - began < SLICE_MS {
                    finished = reader.read(ROWS_PER_STEP);
                }
                if finished {
                    break;
                }
                let (read, all) = reader.progress();
                stage.set(Stage::Reading {
                    file: file.clone(),
                    percent: 10 + percent(read, all) * 9 / 10,
                });
                next_turn().await;
                if generation.get_value() != mine {
                    return;
                }
            }
            let preview = state.plan.with_untracked(|p| reader.finish(p));
            if generation.get_value() == mine {
                stage.set(Stage::Read {
                    file,
                    preview: Arc::new(preview),
                });
            }
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
            options.set_value(FocusOptions::default());
            close.set(false);
            run();
        });
    };

    let choose = move |change: Box<dyn FnOnce(&mut FocusOptions)>| {
        options.update_value(|o| change(o));
        run();
    };

    let cancel = move || {
        generation.update_value(|g| *g += 1);
        chosen.set_value(None);
        stage.set(Stage::Idle);
    };

    let confirm = move |_| {
        let Stage::Read { file, preview } = stage.get_untracked() else {
            return;
        };
        let actuals = &preview.actuals;
        let close_through = close.get_untracked() && actuals.proposed_closed.is_some();
        let mut outcome = Ok(());
        // One edit: one step of undo.
        state.edit(|p| outcome = actuals.apply(p, close_through));
        if outcome.is_ok() {
            let closed = close_through
                .then_some(actuals.proposed_closed)
                .flatten()
                .map(format::month);
            done.set(Some(imported(
                &file,
                actuals.changes.len(),
                closed.as_deref(),
            )));
            cancel();
        }
    };

    let scenario_name = move || state.with_scenario(|s| s.name.clone()).unwrap_or_default();

    let start_lines = move |_| {
        let Stage::Read { preview, .. } = stage.get_untracked() else {
            return;
        };
        let mut set = 0;
        // One edit of the scenario: one step of undo.
        state.edit_scenario(|s| {
            set = start_cloud_lines(s, &preview, |c| cloud_category(c).to_string());
        });
        if set > 0 {
            done.set(Some(lines_started(set, &scenario_name())));
        }
    };

    let cost_choice = move |current: FocusCost| {
        let option = move |cost: FocusCost, label: &'static str| {
            let value = match cost {
                FocusCost::Effective => "effective",
                FocusCost::Billed => "billed",
            };
            view! { <option value=value selected=cost == current>{label}</option> }
        };
        view! {
            <label class="field">
                <span class="field-label">{t(F::CostHeading)}</span>
                <select data-testid="focus-cost" on:change=move |ev| {
                    let cost = if event_target_value(&ev) == "billed" { FocusCost::Billed } else { FocusCost::Effective };
                    choose(Box::new(move |o| o.cost = cost));
                }>
                    {option(FocusCost::Effective, t(F::Effective))}
                    {option(FocusCost::Billed, t(F::Billed))}
                </select>
            </label>
        }
    };

    let source_choice = move |preview: &FocusPreview, current: TeamSource| {
        let current = source_value(&current);
        let mut choices = vec![(String::new(), t(F::TeamNone).to_string())];
        choices.extend(
            preview
                .tag_keys
                .iter()
                .map(|k| (format!("tag:{k}"), tag_source(k))),
        );
        choices.push(("sub".into(), t(F::SubAccount).to_string()));
        // A tag chosen that this reading did not find stays shown as chosen.
        if !choices.iter().any(|(v, _)| *v == current)
            && let TeamSource::Tag(k) = source_of(&current)
        {
            choices.push((current.clone(), tag_source(&k)));
        }
        let options_view = choices
            .into_iter()
            .map(|(value, label)| {
                let selected = value == current;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view();
        view! {
            <label class="field">
                <span class="field-label">{t(F::TeamSourceLabel)}</span>
                <select data-testid="focus-team-source" on:change=move |ev| {
                    let source = source_of(&event_target_value(&ev));
                    choose(Box::new(move |o| {
                        o.team_source = source;
                        o.teams.clear();
                    }));
                }>
                    {options_view}
                </select>
            </label>
        }
    };

    let teams_table = move |preview: &FocusPreview| {
        if preview.team_values.is_empty() {
            return None;
        }
        // Actuals may name a team of any scenario.
        let teams: Vec<String> = state.plan.with_untracked(|p| {
            let mut names: Vec<String> = Vec::new();
            for team in p.scenarios.iter().flat_map(|s| &s.teams) {
                if !names.contains(&team.name) {
                    names.push(team.name.clone());
                }
            }
            names
        });
        let rows = preview
            .team_values
            .iter()
            .map(|v| {
                let value = v.value.clone();
                let none = view! { <option value="" selected=v.team.is_none()>{t(F::TeamNone)}</option> };
                let each = teams
                    .iter()
                    .map(|name| {
                        let selected = v.team.as_deref() == Some(name.as_str());
                        view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                    })
                    .collect_view();
                view! {
                    <tr data-testid="focus-team-value" data-value=v.value.clone()>
                        <th scope="row">{v.value.clone()}</th>
                        <td class="num">{v.rows}</td>
                        <td>
                            <select data-testid="focus-team" aria-label=v.value.clone() on:change=move |ev| {
                                let picked = event_target_value(&ev);
                                let team = (!picked.is_empty()).then_some(picked);
                                let value = value.clone();
                                choose(Box::new(move |o| { o.teams.insert(value, team); }));
                            }>
                                {none}
                                {each}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <h4>{t(F::TeamsHeading)}</h4>
            <p class="muted">{t(F::TeamsHelp)}</p>
            <div class="table-scroll">
                <table class="grid" data-testid="focus-teams">
                    <thead>
                        <tr>
                            <th scope="col">{t(F::Value)}</th>
                            <th scope="col" class="num">{t(F::Rows)}</th>
                            <th scope="col">{t(Common::Team)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };

    let services_table = move |preview: &FocusPreview| {
        if preview.service_categories.is_empty() {
            return None;
        }
        let rows = preview
            .service_categories
            .iter()
            .map(|(name, rows, current)| {
                let service = name.clone();
                let current = *current;
                let each = CloudCategory::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.as_str() selected=c == current>{cloud_category(c)}</option> })
                    .collect_view();
                view! {
                    <tr data-testid="focus-service" data-service=name.clone()>
                        <th scope="row">{name.clone()}</th>
                        <td class="num">{*rows}</td>
                        <td>
                            <select data-testid="focus-category" aria-label=name.clone() on:change=move |ev| {
                                if let Some(category) = category_of(&event_target_value(&ev)) {
                                    let k = key(&service);
                                    choose(Box::new(move |o| { o.categories.insert(k, category); }));
                                }
                            }>
                                {each}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <h4>{t(F::ServicesHeading)}</h4>
            <div class="table-scroll">
                <table class="grid" data-testid="focus-services">
                    <thead>
                        <tr>
                            <th scope="col">"ServiceCategory"</th>
                            <th scope="col" class="num">{t(F::Rows)}</th>
                            <th scope="col">{t(F::CloudCategoryLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };

    let rates_view = move |preview: &FocusPreview| {
        let with_path: Vec<String> = state.plan.with_untracked(|p| {
            p.scenarios
                .get(p.base_index())
                .map(|s| {
                    s.exchange_rates
                        .iter()
                        .map(|r| r.currency.clone())
                        .collect()
                })
                .unwrap_or_default()
        });
        // Currencies the person gives a rate for: those already given, and
        // those the base scenario has none for (their rows were refused,
        // so only the error names them).
        let mut asked: Vec<(String, Option<usize>)> = preview
            .currencies
            .iter()
            .filter(|c| c.asked || !with_path.contains(&c.code))
            .map(|c| (c.code.clone(), Some(c.rows)))
            .collect();
        for e in &preview.actuals.errors {
            if let ActualsProblem::NoRate { currency } = &e.problem
                && !asked.iter().any(|(c, _)| c == currency)
            {
                asked.push((currency.clone(), None));
            }
        }
        let any_asked = !asked.is_empty();
        if preview.currencies.is_empty() && !any_asked {
            return None;
        }
        let known = preview
            .currencies
            .iter()
            .filter(|c| !c.asked && with_path.contains(&c.code))
            .map(|c| {
                let steps = c
                    .rates
                    .iter()
                    .map(|(m, r)| format!("{} {}", format::month(*m), r.normalize()))
                    .collect::<Vec<_>>();
                view! {
                    <li data-testid="focus-rate-known" data-currency=c.code.clone()>
                        {scenario_rates(&currency_rows(&c.code, c.rows), &steps)}
                    </li>
                }
            })
            .collect_view();
        let inputs = asked
            .into_iter()
            .map(|(code, rows)| {
                let label = rows.map_or_else(|| code.clone(), |r| currency_rows(&code, r));
                let value = options
                    .with_value(|o| o.rates.get(&code).map(|r| r.normalize().to_string()))
                    .unwrap_or_default();
                let commit_code = code.clone();
                let commit = Rc::new(move |text: &str| {
                    let rate = parse_amount(text, RATE_DECIMALS).map_err(|e| input_error(&e))?;
                    if rate <= Decimal::ZERO || rate > Decimal::from(1_000_000_000) {
                        return Err(refusal(&Problem::RateOutOfBounds { value: rate }));
                    }
                    let code = commit_code.clone();
                    choose(Box::new(move |o| {
                        o.rates.insert(code, rate);
                    }));
                    Ok(())
                });
                view! {
                    <div data-testid="focus-rate" data-currency=code.clone()>
                        <Field label=label value=Signal::stored(value) commit=commit numeric=true />
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <h4>{t(F::RatesHeading)}</h4>
            <ul class="plain">{known}</ul>
            {any_asked.then(|| view! { <p class="muted">{t(F::RatesHelp)}</p> })}
            {inputs}
        })
    };

    let preview_view = move |file: String, preview: Arc<FocusPreview>| {
        let chosen_options = options.get_value();
        let actuals = &preview.actuals;
        let ok = actuals.errors.is_empty();
        let results = preview_results(state, actuals);
        let proposed = actuals.proposed_closed.filter(|_| ok).map(|m| {
            view! {
                <label class="check">
                    <input type="checkbox" data-testid="focus-import-close" bind:checked=close />
                    <span>{also_close(&format::month(m))}</span>
                </label>
            }
        });
        let nothing = ok && actuals.changes.is_empty();
        let start = preview
            .last_full_month
            .filter(|_| ok && !preview.last_full_month_by_category.is_empty())
            .map(|m| {
                view! {
                    <div class="actions-row">
                        <button type="button" class="button-secondary" data-testid="focus-start-lines" on:click=start_lines>
                            {t(F::StartLines)}
                        </button>
                        <p class="muted">{start_lines_help(&format::month(m), &scenario_name())}</p>
                    </div>
                }
            });
        view! {
            <div class="import-preview" data-testid="focus-import-preview">
                <p>
                    <strong>{file}</strong>" "
                    <span data-testid="focus-import-summary">{import_summary(actuals.changes.len(), actuals.unchanged)}</span>
                </p>
                <p class="muted">{read_as(actuals.encoding.name(), actuals.rows, actuals.skipped)}</p>
                <div class="variance-controls">
                    {cost_choice(chosen_options.cost)}
                    {source_choice(&preview, chosen_options.team_source.clone())}
                </div>
                {teams_table(&preview)}
                {services_table(&preview)}
                {rates_view(&preview)}
                {results}
                {proposed}
                <div class="actions-row">
                    {nothing.then(|| view! { <p class="note" data-testid="focus-import-nothing">{t(A::NothingChanges)}</p> })}
                    {(ok && !nothing).then(|| view! {
                        <button type="button" class="button-primary" data-testid="focus-import-confirm" on:click=confirm>
                            {t(F::Apply)}
                        </button>
                    })}
                    <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(Common::Cancel)}</button>
                </div>
                {start}
            </div>
        }
    };

    view! {
        <p class="muted">{t(F::Help)}</p>
        <label class="field">
            <span>{t(F::File)}</span>
            <input type="file" accept=".csv,text/csv" data-testid="focus-import-file" on:change=on_file />
        </label>
        {move || done.get().map(|text| view! { <p class="note" role="status" data-testid="focus-import-done">{text}</p> })}
        {move || match stage.get() {
            Stage::Idle => ().into_any(),
            Stage::Reading { file, percent } => view! {
                <div class="import-progress" role="status" data-testid="focus-import-progress">
                    <p><strong>{file}</strong>" "{reading(percent)}</p>
                    <progress max="100" value=percent.to_string()>{t(F::Reading)}</progress>
                </div>
            }
            .into_any(),
            Stage::Refused { file, message } => view! {
                <div class="import-errors" role="alert" data-testid="focus-import-errors">
                    <p><strong>{file}</strong></p>
                    <p>{message}</p>
                    <button type="button" class="button-quiet" on:click=move |_| cancel()>{t(ShellText::Dismiss)}</button>
                </div>
            }
            .into_any(),
            Stage::Read { file, preview } => preview_view(file, preview).into_any(),
        }}
    }
}
