//! The fixed monthly allowances of one position (通勤手当, 固定残業代,
//! 住宅手当, or any named one): a list to add to, edit and remove from, in
//! a modal dialog opened from the roster's allowances cell. The roster's
//! rows are virtualised at a fixed height, so the list cannot unfold inside
//! a row; the dialog keeps focus inside it, Escape closes it, and focus
//! goes back to the cell's button.
//!
//! Each field commits through [`PlanState::try_edit_position`] with its
//! path (`allowances[1].monthly`), so validation decides and the forecast
//! recomputes that position only.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::format::import::same_allowance;
use crate::format::input::parse_amount;
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::finance::currency_unit;
use crate::i18n::roster::{self as texts, RosterText};
use crate::i18n::{format, t};
use crate::model::{Allowance, Position};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::{Commit, Field};

/// Which position's allowances are being edited (its id), shared by the
/// roster's rows and the dialog.
#[derive(Clone, Copy)]
pub struct AllowanceEditing(pub RwSignal<Option<String>>);

/// The button in a roster row's allowances cell: the monthly total, or
/// "None"; it opens the dialog. It has no `data-field`, so Enter on it
/// opens the dialog rather than moving to the next row.
pub fn allowances_cell(id: String, position: Memo<Option<(usize, Position)>>) -> impl IntoView {
    let state = PlanState::expect();
    let editing = expect_context::<AllowanceEditing>().0;
    let summary = move || {
        position.with(|p| {
            p.as_ref().map(|(_, p)| {
                let total = format::plain_amount(p.allowances_total(), state.currency.get());
                let list = p
                    .allowances
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {}",
                            a.name,
                            format::plain_amount(a.monthly, state.currency.get())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                (p.title.clone(), p.allowances.len(), total, list)
            })
        })
    };
    let shown = move || {
        summary().map_or_else(String::new, |(_, n, total, _)| {
            if n == 0 {
                t(RosterText::NoneShort).to_string()
            } else {
                total
            }
        })
    };
    view! {
        <button
            type="button"
            class="allowances-button"
            class:muted=move || summary().is_some_and(|s| s.1 == 0)
            data-testid="edit-allowances"
            title=move || summary().map(|s| s.3).unwrap_or_default()
            aria-label=move || {
                summary()
                    .map(|(title, n, total, _)| texts::edit_allowances(&title, n, &total))
                    .unwrap_or_default()
            }
            on:click=move |_| editing.set(Some(id.clone()))
        >
            {shown}
        </button>
    }
}

#[component]
pub fn AllowanceEditor() -> impl IntoView {
    let state = PlanState::expect();
    let editing = expect_context::<AllowanceEditing>().0;
    let dialog = NodeRef::<html::Dialog>::new();
    // The position being edited and its index (for field paths); `None`
    // when none is, or once it is deleted.
    let position = Memo::new(move |_| {
        let id = editing.get()?;
        state
            .with_scenario(|s| {
                s.positions
                    .iter()
                    .position(|p| p.id == id)
                    .map(|i| (i, s.positions[i].clone()))
            })
            .flatten()
    });
    Effect::new(move |_| {
        let Some(el) = dialog.get() else {
            return;
        };
        let open = position.with(Option::is_some);
        if open && !el.open() {
            let _ = el.show_modal();
        } else if !open && el.open() {
            el.close();
        }
    });
    // Rows are rebuilt after an addition or a delete, so a message left on
    // a field never moves to another allowance.
    let layout = RwSignal::new(0u32);
    let count = move || position.with(|p| p.as_ref().map_or(0, |(_, p)| p.allowances.len()));
    let keys = move || {
        let (id, version) = (editing.get(), layout.get());
        (0..count())
            .map(|i| (id.clone(), version, i))
            .collect::<Vec<_>>()
    };
    let edit = move |field: String, apply: Box<dyn FnOnce(&mut Position)>| {
        let Some(index) = position.with_untracked(|p| p.as_ref().map(|(i, _)| *i)) else {
            return Err(t(RosterText::PositionGone).to_string());
        };
        state.try_edit_position(index, &field, apply)
    };
    let value = move |i: usize, read: fn(&Allowance, PlanState) -> String| {
        Signal::derive(move || {
            position.with(|p| {
                p.as_ref()
                    .and_then(|(_, p)| p.allowances.get(i))
                    .map(|a| read(a, state))
                    .unwrap_or_default()
            })
        })
    };
    // Closing is refused while a field holds text it could not save: the
    // field says why, and Escape in it puts the saved value back first.
    let may_close = move || {
        let held = dialog
            .get_untracked()
            .and_then(|d| d.query_selector("[aria-invalid=\"true\"]").ok().flatten());
        match held.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(field) => {
                let _ = field.focus();
                false
            }
            None => true,
        }
    };
    let close = move || {
        if may_close() {
            editing.set(None);
        }
    };
    let focus_last_amount = move || {
        request_animation_frame(move || {
            if let Some(el) = dialog
                .get_untracked()
                .and_then(|d| {
                    d.query_selector("tr:last-child input[data-field=\"allowance_monthly\"]")
                        .ok()
                        .flatten()
                })
                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let _ = el.focus();
                el.select();
            }
        });
    };
    let add = move |name: String| {
        let added = edit(
            "allowances".to_string(),
            Box::new(move |p| {
                p.allowances.push(Allowance {
                    name,
                    monthly: Decimal::ZERO,
                })
            }),
        );
        if added.is_ok() {
            layout.update(|v| *v += 1);
            focus_last_amount();
        }
    };
    let quick_adds = move || {
        texts::common_allowances()
            .into_iter()
            .map(|name| {
                let taken = move || {
                    position.with(|p| {
                        p.as_ref().is_some_and(|(_, p)| {
                            p.allowances.iter().any(|a| same_allowance(&a.name, name))
                        })
                    })
                };
                view! {
                    <button
                        type="button"
                        class="button-secondary"
                        data-testid="add-allowance"
                        disabled=taken
                        on:click=move |_| add(name.to_string())
                    >
                        {texts::add_allowance(name)}
                    </button>
                }
            })
            .collect_view()
    };
    let heading = move || {
        position.with(|p| {
            p.as_ref()
                .map(|(_, p)| texts::allowances_of(&p.title))
                .unwrap_or_default()
        })
    };
    let row = move |i: usize| {
        let name: Commit = Rc::new(move |text: &str| {
            let name = text.trim().to_string();
            edit(
                format!("allowances[{i}].name"),
                Box::new(move |p| {
                    if let Some(a) = p.allowances.get_mut(i) {
                        a.name = name;
                    }
                }),
            )
        });
        let monthly: Commit = Rc::new(move |text: &str| {
            let exponent = state.currency.get_untracked().exponent();
            let amount = parse_amount(text, exponent).map_err(|e| input_error(&e))?;
            edit(
                format!("allowances[{i}].monthly"),
                Box::new(move |p| {
                    if let Some(a) = p.allowances.get_mut(i) {
                        a.monthly = amount;
                    }
                }),
            )
        });
        let label = value(i, |a, _| a.name.clone());
        let delete = move |_| {
            let removed = edit(
                "allowances".to_string(),
                Box::new(move |p| {
                    if i < p.allowances.len() {
                        p.allowances.remove(i);
                    }
                }),
            );
            if removed.is_ok() {
                layout.update(|v| *v += 1);
            }
        };
        view! {
            <tr data-testid="allowance-row">
                <td>
                    <Field
                        label=t(RosterText::AllowanceName)
                        name="allowance_name"
                        compact=true
                        value=label
                        commit=name
                    />
                </td>
                <td class="num">
                    <Field
                        label=t(RosterText::AllowanceMonthly)
                        name="allowance_monthly"
                        compact=true
                        numeric=true
                        value=value(i, |a, state| format::plain_amount(a.monthly, state.currency.get()))
                        commit=monthly
                    />
                </td>
                <td class="actions">
                    <button
                        type="button"
                        class="button-quiet"
                        data-testid="delete-allowance"
                        aria-label=move || texts::delete_allowance(&label.get())
                        on:click=delete
                    >
                        {t(Common::Delete)}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="allowance-dialog"
            data-testid="allowance-editor"
            aria-labelledby="allowance-title"
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                close();
            }
            on:close=move |_| editing.set(None)
        >
            <Show when=move || position.with(Option::is_some)>
                <h2 id="allowance-title">{heading}</h2>
                <p class="muted hint">{t(RosterText::AllowancesHelp)}</p>
                <fieldset class="edit-lock" disabled=move || state.locked()>
                    <div class="table-scroll">
                        <table class="grid row-list">
                            <thead>
                                <tr>
                                    <th scope="col">{t(RosterText::AllowanceName)}</th>
                                    <th scope="col" class="num">
                                        {move || {
                                            t(RosterText::AllowanceColumn)
                                                .replace('¤', currency_unit(state.currency.get()))
                                        }}
                                    </th>
                                    <th scope="col">
                                        <span class="visually-hidden">{t(Common::Delete)}</span>
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=keys key=|k| k.clone() let:((_, _, i))>
                                    {row(i)}
                                </For>
                            </tbody>
                        </table>
                    </div>
                    <Show when=move || count() == 0>
                        <p class="empty">{t(RosterText::NoAllowances)}</p>
                    </Show>
                    <div class="allowance-add">
                        {quick_adds}
                        <button
                            type="button"
                            class="button-secondary"
                            data-testid="add-other-allowance"
                            on:click=move |_| add(t(RosterText::NewAllowance).to_string())
                        >
                            {t(RosterText::OtherAllowance)}
                        </button>
                    </div>
                </fieldset>
                <div class="dialog-actions">
                    <button
                        type="button"
                        class="button-primary"
                        data-testid="allowances-done"
                        on:click=move |_| close()
                    >
                        {t(RosterText::Done)}
                    </button>
                </div>
            </Show>
        </dialog>
    }
}
