//! The salary bands as an editable table. Every value goes through the
//! engine's validation, so "the midpoint is below the minimum" shows beside
//! the field and the plan keeps its last valid band.

use std::rc::Rc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::field::{Commit, Field, FieldError, SelectField};
use super::state::PlanState;
use super::teams::edit_checked;
use crate::format::input::parse_amount;
use crate::i18n::bands::{BandsText as B, add_band_for, delete_band};
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::{format, t};
use crate::model::SalaryBand;

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
    let add = move |level: String, location: Option<String>| {
        add_error
            .set(edit_checked(state, |s| s.add_band(&level, location.as_deref()).map(drop)).err());
    };
    let code = move || state.currency.get().code();

    let new_level = RwSignal::new(String::new());
    let new_location = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let level = new_level.get_untracked();
        // The select shows the first level until one is chosen.
        let level = if level.is_empty() {
            levels.with_untracked(|l| l.first().map(|l| l.0.clone()).unwrap_or_default())
        } else {
            level
        };
        add(level, Some(new_location.get_untracked()));
        if add_error.get_untracked().is_none() {
            new_location.set(String::new());
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
                                        on:click=move |_| add(level.clone(), None)
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
                                levels
                                    .get()
                                    .into_iter()
                                    .map(|(v, l)| view! { <option value=v>{l}</option> })
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
                    <button type="submit" class="button-secondary">{t(B::AddBand)}</button>
                </form>
                <FieldError error=add_error />
            </div>
        </section>
    }
}

#[component]
fn BandRow(index: usize, levels: Memo<Vec<(String, String)>>) -> impl IntoView {
    let state = PlanState::expect();
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
            </td>
        </tr>
    }
}
