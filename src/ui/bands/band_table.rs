//! The salary bands as an editable table. Every value goes through the
//! engine's validation, so "the midpoint is below the minimum" shows beside
//! the field and the plan keeps its last valid band.

use std::rc::Rc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::format::input::parse_amount;
use crate::i18n::bands::{BandsText as B, add_band_for, delete_band};
use crate::i18n::common::Common;
use crate::i18n::fields::{FieldText, input_error};
use crate::i18n::finance::currency_unit;
use crate::i18n::problems::refusal;
use crate::i18n::{format, t};
use crate::model::SalaryBand;
use crate::ui::frame::pending::RowNote;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::{Commit, Field, FieldError, SelectField};

#[component]
pub fn BandTable() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| state.with_scenario(|s| s.bands.len()).unwrap_or(0));
    let levels = Memo::new(move |_| {
        state
            .with_scenario(|s| {
                s.levels
                    .iter()
                    .map(|l| (l.clone(), l.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let missing = Memo::new(move |_| {
        state
            .with_scenario(|s| s.levels_without_band())
            .unwrap_or_default()
    });
    let add_error = RwSignal::new(None::<String>);
    let new_level = RwSignal::new(String::new());
    let new_location = RwSignal::new(String::new());
    // The new band's figures as typed: never thrown away by a refusal.
    let figures = [(); 3].map(|_| RwSignal::new(String::new()));
    let figure_errors = [(); 3].map(|_| RwSignal::new(None::<String>));
    // Whether the figures were typed (else they follow the chosen level).
    let typed = RwSignal::new(false);
    let chosen_level = move || {
        let level = new_level.get();
        // The select shows the first level until one is chosen.
        if level.is_empty() {
            levels.with(|l| l.first().map(|l| l.0.clone()).unwrap_or_default())
        } else {
            level
        }
    };
    let suggestion = Memo::new(move |_| {
        let level = chosen_level();
        let location = new_location.get();
        state
            .with_scenario(|s| s.suggested_band(&level, Some(&location)))
            .flatten()
    });
    // The figures start from the suggestion until the person types one.
    Effect::new(move |_| {
        let suggested = suggestion.get();
        if typed.get_untracked() {
            return;
        }
        let currency = state.currency.get_untracked();
        let shown = suggested
            .map(|(min, mid, max)| [min, mid, max].map(|v| format::plain_amount(v, currency)));
        for (i, slot) in figures.iter().enumerate() {
            slot.set(shown.as_ref().map(|f| f[i].clone()).unwrap_or_default());
        }
    });
    let add_with = move |level: String, location: String, band: (Decimal, Decimal, Decimal)| {
        state.try_edit_scenario("bands", |s| {
            // A refusal (no such level, a band already there) leaves the
            // scenario as it was; validation then says nothing new.
            let _ = s.add_band_with(&level, Some(&location), band);
        })?;
        Ok::<(), String>(())
    };
    let refused_band = move |level: &str, location: &str| {
        state
            .with_scenario(|s| {
                let mut copy = s.clone();
                copy.add_band_with(level, Some(location), Default::default())
                    .err()
            })
            .flatten()
            .map(|e| refusal(&e))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let level = chosen_level();
        let location = new_location.get_untracked();
        if let Some(message) = refused_band(&level, &location) {
            add_error.set(Some(message));
            return;
        }
        let exponent = state.currency.get_untracked().exponent();
        let mut parsed = [Decimal::ZERO; 3];
        let mut ok = true;
        for i in 0..3 {
            match parse_amount(&figures[i].get_untracked(), exponent) {
                Ok(value) => {
                    parsed[i] = value;
                    figure_errors[i].set(None);
                }
                Err(e) => {
                    figure_errors[i].set(Some(input_error(&e)));
                    ok = false;
                }
            }
        }
        if !ok {
            add_error.set(None);
            return;
        }
        match add_with(level, location, (parsed[0], parsed[1], parsed[2])) {
            Ok(()) => {
                add_error.set(None);
                new_location.set(String::new());
                typed.set(false);
                for slot in figures {
                    slot.set(String::new());
                }
            }
            Err(message) => add_error.set(Some(message)),
        }
    };
    let min_input = NodeRef::<leptos::html::Input>::new();
    // A level without a band: its suggested figures at once, or the form,
    // ready for the person to type them.
    let add_for = move |level: String| match state
        .with_scenario(|s| s.suggested_band(&level, None))
        .flatten()
    {
        Some(band) => add_error.set(add_with(level, String::new(), band).err()),
        None => {
            new_level.set(level);
            new_location.set(String::new());
            if let Some(input) = min_input.get_untracked() {
                let _ = input.focus();
            }
        }
    };
    let code = move || currency_unit(state.currency.get());
    let hint = move || {
        if suggestion.get().is_some() && !typed.get() {
            t(B::SuggestedFigures)
        } else {
            t(B::TypeFigures)
        }
    };
    let figure_field = move |i: usize, label: &'static str, name: &'static str| {
        let error = figure_errors[i];
        let input = if i == 0 { min_input } else { NodeRef::new() };
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input
                    node_ref=input
                    class="num"
                    inputmode="decimal"
                    data-field=name
                    class:invalid=move || error.get().is_some()
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:value=move || figures[i].get()
                    on:input=move |ev| {
                        typed.set(true);
                        figures[i].set(event_target_value(&ev));
                    }
                />
                {move || error.get().map(|m| view! { <div class="field-error" role="alert">{m}</div> })}
            </label>
        }
    };

    view! {
        <section class="card" aria-labelledby="bands-title">
            <div class="card-head">
                <h2 id="bands-title">{t(B::SalaryBands)}</h2>
                <span class="muted">{t(B::AnnualBasePrefix)} {code} {t(B::AnnualBaseSuffix)}</span>
            </div>
            <table class="grid band-table">
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Level)}</th>
                        <th scope="col">{t(Common::Location)}</th>
                        <th scope="col" class="num">{t(B::Minimum)}</th>
                        <th scope="col" class="num">{t(B::Midpoint)}</th>
                        <th scope="col" class="num">{t(B::Maximum)}</th>
                        <th scope="col">
                            <span class="visually-hidden">{t(Common::Actions)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..count.get() key=|i| *i let:index>
                        <BandRow index=index levels=levels />
                    </For>
                </tbody>
            </table>
            <Show when=move || count.get() == 0>
                <p class="empty">{t(B::NoBandsYet)}</p>
            </Show>
            <div class="band-add">
                <div class="band-missing">
                    {move || {
                        missing
                            .get()
                            .into_iter()
                            .map(|level| {
                                let label = add_band_for(&level);
                                view! {
                                    <button
                                        type="button"
                                        class="button-secondary"
                                        data-testid="add-band-for"
                                        data-level=level.clone()
                                        on:click=move |_| add_for(level.clone())
                                    >
                                        {label}
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <form class="add-inline" data-testid="add-band" on:submit=submit novalidate>
                    <label class="field">
                        <span class="field-label">{t(Common::Level)}</span>
                        <select data-field="new-band-level" on:change=move |ev| new_level.set(event_target_value(&ev))>
                            {move || {
                                let chosen = chosen_level();
                                levels
                                    .get()
                                    .into_iter()
                                    .map(|(v, l)| {
                                        let selected = v == chosen;
                                        view! { <option value=v selected=selected>{l}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{t(B::LocationEmptyAny)}</span>
                        <input
                            data-field="new-band-location"
                            placeholder=t(B::LocationExample)
                            bind:value=new_location
                        />
                    </label>
                    {figure_field(0, t(B::Minimum), "new-band-min")}
                    {figure_field(1, t(B::Midpoint), "new-band-mid")}
                    {figure_field(2, t(B::Maximum), "new-band-max")}
                    <button type="submit" class="button-secondary">{t(B::AddBand)}</button>
                </form>
                <p class="muted band-hint">{hint}</p>
                <FieldError error=add_error />
            </div>
        </section>
    }
}

#[component]
fn BandRow(index: usize, levels: Memo<Vec<(String, String)>>) -> impl IntoView {
    let state = PlanState::expect();
    // Minimum ≤ midpoint ≤ maximum is said once, for the row.
    let note = RowNote::provide();
    let band = Memo::new(move |_| {
        state
            .with_scenario(|s| s.bands.get(index).cloned())
            .flatten()
    });
    let text = move |f: fn(&SalaryBand) -> String| {
        Signal::derive(move || band.with(|b| b.as_ref().map(f).unwrap_or_default()))
    };
    let amount = move |f: fn(&SalaryBand) -> Decimal| {
        Signal::derive(move || {
            band.with(|b| {
                b.as_ref()
                    .map(|b| format::plain_amount(f(b), state.currency.get()))
                    .unwrap_or_default()
            })
        })
    };
    let path = move |field: &str| format!("bands[{index}].{field}");
    let edit_amount =
        move |field: &'static str, slot: fn(&mut SalaryBand) -> &mut Decimal| -> Commit {
            Rc::new(move |typed: &str| {
                let value = parse_amount(typed, state.currency.get_untracked().exponent())
                    .map_err(|e| input_error(&e))?;
                state.try_edit_scenario(&path(field), |s| {
                    if let Some(b) = s.bands.get_mut(index) {
                        *slot(b) = value;
                    }
                })
            })
        };
    let level_commit: Commit = Rc::new(move |chosen: &str| {
        state.try_edit_scenario(&path("level"), |s| {
            if let Some(b) = s.bands.get_mut(index) {
                b.level = chosen.to_string();
            }
        })
    });
    let location_commit: Commit = Rc::new(move |typed: &str| {
        let location = Some(typed.trim().to_string()).filter(|l| !l.is_empty());
        state.try_edit_scenario(&path("location"), |s| {
            if let Some(b) = s.bands.get_mut(index) {
                b.location = location;
            }
        })
    });
    let error = RwSignal::new(None::<String>);
    let delete = move |_| {
        // Validation refuses it while a position without a salary relies on it.
        let result = state.try_edit_scenario(&format!("bands[{index}]"), |s| {
            if index < s.bands.len() {
                s.bands.remove(index);
            }
        });
        error.set(result.err());
    };
    let level = text(|b| b.level.clone());

    view! {
        <tr data-testid="band-row" data-level=level>
            <td>
                <SelectField label=t(Common::Level) compact=true name="level" value=level options=levels commit=level_commit />
            </td>
            <td>
                <Field
                    label=t(Common::Location)
                    compact=true
                    name="location"
                    placeholder=t(B::AnyLocation)
                    value=text(|b| b.location.clone().unwrap_or_default())
                    commit=location_commit
                />
            </td>
            <td class="num">
                <Field label=t(B::Minimum) compact=true numeric=true name="min" value=amount(|b| b.min) commit=edit_amount("min", |b| &mut b.min) />
            </td>
            <td class="num">
                <Field label=t(B::Midpoint) compact=true numeric=true name="mid" value=amount(|b| b.mid) commit=edit_amount("mid", |b| &mut b.mid) />
            </td>
            <td class="num">
                <Field label=t(B::Maximum) compact=true numeric=true name="max" value=amount(|b| b.max) commit=edit_amount("max", |b| &mut b.max) />
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="button-quiet"
                    data-testid="delete-band"
                    aria-label=move || delete_band(&level.get())
                    on:click=delete
                >
                    {t(Common::Delete)}
                </button>
                <FieldError error=error />
                {move || note.message().map(|m| view! {
                    <div class="field-error row-note" role="alert" data-testid="band-row-note">
                        {m}<span class="unsaved">{t(FieldText::NotSaved)}</span>
                    </div>
                })}
            </td>
        </tr>
    }
}
