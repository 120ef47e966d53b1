//! One cloud line: its cost, growth, commitment, savings initiatives and
//! one-offs, edited in place, beside its monthly curve and yearly totals.

use std::rc::Rc;
use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use super::cloud_chart::Sparkline;
use super::view::CloudFigures;
use crate::i18n::cloud::{
    CloudText as C, delete_line, growth_a_year, line_label, move_down, move_up,
};
use crate::i18n::common::{Common, cloud_category};
use crate::i18n::finance::currency_unit;
use crate::i18n::fx::FxText as X;
use crate::i18n::overview::with_unit;
use crate::i18n::{Lang, Text, format, lang, t};
use crate::model::editing::{move_row, new_commitment, new_one_off, new_saving, remove_row};
use crate::model::{CloudCategory, CloudLine};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{
    At, CLOUD_LINE, Column, ONE_OFF, RowCells, RowList, SAVING,
};
use crate::ui::widgets::cost_currency::{
    commit_cost_amount, cost_amount, cost_code, cost_currency, currency_of,
};
use crate::ui::widgets::field::{Commit, Field, SelectField};

/// A list's column heads in the page's language. A [`RowList`] takes them as
/// a static slice, so each language's are made once.
fn columns(all: &'static LazyLock<[[Column; 3]; 2]>) -> &'static [Column] {
    match lang() {
        Lang::En => &all[0],
        Lang::Ja => &all[1],
    }
}

fn heads(keys: [(C, bool); 3]) -> [[Column; 3]; 2] {
    [Lang::En, Lang::Ja].map(|l| keys.map(|(key, numeric)| (key.get(l), numeric)))
}

static SAVING_COLUMNS: LazyLock<[[Column; 3]; 2]> = LazyLock::new(|| {
    heads([
        (C::Initiative, false),
        (C::Reduction, true),
        (C::From, false),
    ])
});

static ONE_OFF_COLUMNS: LazyLock<[[Column; 3]; 2]> = LazyLock::new(|| {
    heads([
        (C::OneOffMonth, false),
        (C::OneOffAmountColumn, true),
        (C::Note, false),
    ])
});

#[component]
pub fn CloudLineCard(index: usize, figures: CloudFigures) -> impl IntoView {
    let state = PlanState::expect();
    let at = At::new(state, &CLOUD_LINE, [index, 0]);
    let currency = currency_of(at, |l| l.currency.clone());
    let name = at.text(|l| l.name.clone());
    let categories: Vec<(String, String)> = CloudCategory::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), cloud_category(*c).to_string()))
        .collect();
    let category: Commit = Rc::new(move |value| {
        let category = CloudCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
            .ok_or_else(|| t(C::PickCategory).to_string())?;
        at.edit("category", |l| l.category = category)
    });
    let yearly = move || {
        at.with(|l| l.annual_growth_pct())
            .flatten()
            .map(|pct| growth_a_year(&pct.normalize().to_string()))
            .unwrap_or_default()
    };
    let has_commitment = move || at.with(|l| l.commitment.is_some()).unwrap_or(false);
    let relayout = move |apply: &dyn Fn(&mut Vec<CloudLine>)| {
        state.edit_scenario(|s| apply(&mut s.cloud.lines));
        figures.layout.update(|v| *v += 1);
    };
    let curve = Memo::new(move |_| {
        figures
            .months
            .with(|m| m.as_ref().and_then(|m| m.lines.get(index).cloned()))
            .unwrap_or_default()
    });
    let year_rows = move || {
        figures
            .years
            .get()
            .into_iter()
            .map(|y| {
                let fy = y.year.label();
                let amount = state.show_minor(y.lines.get(index).copied().unwrap_or(0));
                view! {
                    <tr>
                        <th scope="row">{format::fiscal_year(y.year)}</th>
                        <td class="num" data-testid="cloud-line-total" data-fy=fy>{amount}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let add_commitment = move |_| {
        let commitment = state.plan.with_untracked(new_commitment);
        state.edit_scenario(|s| {
            if let Some(line) = s.cloud.lines.get_mut(index) {
                line.commitment = Some(commitment);
            }
        });
    };
    let remove_commitment = move |_| {
        state.edit_scenario(|s| {
            if let Some(line) = s.cloud.lines.get_mut(index) {
                line.commitment = None;
            }
        });
    };

    view! {
        <article
            class="card cloud-line"
            data-testid="cloud-line"
            data-line=index.to_string()
            aria-label=move || line_label(&name.get())
        >
            <div class="cloud-line-head">
                <Field label=t(C::Line) name="name" value=name commit=at.commit_name("name", |l, v| l.name = v) />
                <SelectField
                    label=t(Common::Category)
                    name="category"
                    value=at.text(|l| l.category.as_str().to_string())
                    options=categories
                    commit=category
                />
                <div class="line-actions">
                    <button
                        type="button"
                        class="button-quiet"
                        aria-label=move || move_up(&name.get())
                        disabled={index == 0}
                        on:click=move |_| relayout(&|lines| {
                            move_row(lines, index, true);
                        })
                    >
                        {t(C::Up)}
                    </button>
                    <button
                        type="button"
                        class="button-quiet"
                        aria-label=move || move_down(&name.get())
                        disabled={move || index + 1 >= figures.count.get()}
                        on:click=move |_| relayout(&|lines| {
                            move_row(lines, index, false);
                        })
                    >
                        {t(C::Down)}
                    </button>
                    <button
                        type="button"
                        class="button-delete"
                        data-testid="delete-cloud-line"
                        aria-label=move || delete_line(&name.get())
                        on:click=move |_| relayout(&|lines| {
                            remove_row(lines, index);
                        })
                    >
                        {t(C::DeleteLine)}
                    </button>
                </div>
            </div>
            <div class="cloud-line-body">
                <div class="cloud-line-fields">
                    <div class="field-grid">
                        <Field
                            label=t(C::OnDemand)
                            name="on_demand_monthly"
                            numeric=true
                            unit=line_unit(state, currency)
                            value=cost_amount(at, currency, |l| l.on_demand_monthly)
                            commit=commit_cost_amount(at, "on_demand_monthly", currency, |l, v| l.on_demand_monthly = v)
                        />
                        <div class="field">
                            <span class="field-label">{t(X::Currency)}</span>
                            {cost_currency(at, currency, |l, c| l.currency = c)}
                        </div>
                        <div>
                            <Field
                                label=t(C::Growth)
                                name="monthly_growth_pct"
                                numeric=true
                                unit=t(C::PctAMonth)
                                value=at.percent(|l| l.monthly_growth_pct)
                                commit=at
                                    .commit_percent(
                                        "monthly_growth_pct",
                                        true,
                                        |l, v| l.monthly_growth_pct = v,
                                    )
                            />
                            <p class="muted hint" data-testid="annual-growth">{yearly}</p>
                        </div>
                    </div>
                    <h3>{t(C::Commitment)}</h3>
                    <Show
                        when=has_commitment
                        fallback=move || {
                            view! {
                                <p class="muted hint">{t(C::NoCommitment)}</p>
                                <button
                                    type="button"
                                    class="button-secondary add-row"
                                    data-testid="add-commitment"
                                    on:click=add_commitment
                                >
                                    {t(C::AddCommitment)}
                                </button>
                            }
                        }
                    >
                        <div class="field-grid">
                            <Field
                                label=t(C::Coverage)
                                name="coverage_pct"
                                numeric=true
                                unit=t(C::PctOfOnDemand)
                                value=at
                                    .percent(|l| {
                                        l.commitment.as_ref().map(|c| c.coverage_pct).unwrap_or_default()
                                    })
                                commit=at
                                    .commit_percent(
                                        "commitment.coverage_pct",
                                        false,
                                        |l, v| {
                                            if let Some(c) = &mut l.commitment {
                                                c.coverage_pct = v;
                                            }
                                        },
                                    )
                            />
                            <Field
                                label=t(C::Discount)
                                name="discount_pct"
                                numeric=true
                                unit=t(C::PctOnCovered)
                                value=at
                                    .percent(|l| {
                                        l.commitment.as_ref().map(|c| c.discount_pct).unwrap_or_default()
                                    })
                                commit=at
                                    .commit_percent(
                                        "commitment.discount_pct",
                                        false,
                                        |l, v| {
                                            if let Some(c) = &mut l.commitment {
                                                c.discount_pct = v;
                                            }
                                        },
                                    )
                            />
                            <Field
                                label=t(C::From)
                                name="commitment_start"
                                kind="month"
                                value=at
                                    .text(|l| {
                                        l.commitment
                                            .as_ref()
                                            .map(|c| c.start.to_string())
                                            .unwrap_or_default()
                                    })
                                commit=at
                                    .commit_month(
                                        "commitment.start",
                                        |l, m| {
                                            if let Some(c) = &mut l.commitment {
                                                c.start = m;
                                            }
                                        },
                                    )
                            />
                            <button
                                type="button"
                                class="button-quiet remove-commitment"
                                data-testid="remove-commitment"
                                on:click=remove_commitment
                            >
                                {t(C::RemoveCommitment)}
                            </button>
                        </div>
                    </Show>
                    <h3>{t(C::Savings)}</h3>
                    <Savings line=index />
                    <h3>{t(C::OneOffs)}</h3>
                    <OneOffs line=index />
                </div>
                <aside class="cloud-line-figures" aria-label=t(C::Projection)>
                    <Sparkline amounts=curve labels=figures.month_labels />
                    <table class="grid line-years">
                        <thead>
                            <tr>
                                <th scope="col">{t(Common::FiscalYear)}</th>
                                <th scope="col" class="num">
                                    {move || with_unit(t(Common::Total), currency_unit(state.currency.get()))}
                                </th>
                            </tr>
                        </thead>
                        <tbody>{year_rows}</tbody>
                    </table>
                </aside>
            </div>
        </article>
    }
}

/// The line's savings initiatives: each a % off from its start month.
#[component]
fn Savings(line: usize) -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| {
        state
            .with_scenario(|s| s.cloud.lines.get(line).map_or(0, |l| l.savings.len()))
            .unwrap_or(0)
    });
    let row: RowCells = Arc::new(move |j| {
        let at = At::new(state, &SAVING, [line, j]);
        view! {
            <td>
                <Field
                    label=t(C::Initiative)
                    name="name"
                    compact=true
                    value=at.text(|s| s.name.clone())
                    commit=at.commit_name("name", |s, v| s.name = v)
                />
            </td>
            <td class="num">
                <Field
                    label=t(C::Reduction)
                    name="pct"
                    compact=true
                    numeric=true
                    value=at.percent(|s| s.pct)
                    commit=at.commit_percent("pct", false, |s, v| s.pct = v)
                />
            </td>
            <td>
                <Field
                    label=t(C::From)
                    name="start"
                    kind="month"
                    compact=true
                    value=at.text(|s| s.start.to_string())
                    commit=at.commit_month("start", |s, m| s.start = m)
                />
            </td>
        }
        .into_any()
    });
    view! {
        <RowList
            noun="saving"
            what=t(C::SavingRow)
            columns=columns(&SAVING_COLUMNS)
            count=count
            row=row
            on_add=Arc::new(move |()| {
                let saving = state.plan.with_untracked(new_saving);
                state
                    .edit_scenario(|s| {
                        if let Some(l) = s.cloud.lines.get_mut(line) {
                            l.savings.push(saving);
                        }
                    });
            })
            on_delete=Arc::new(move |j| {
                state
                    .edit_scenario(|s| {
                        if let Some(l) = s.cloud.lines.get_mut(line) {
                            remove_row(&mut l.savings, j);
                        }
                    })
            })
        />
    }
}

/// The line's one-off costs, each booked in its month.
#[component]
fn OneOffs(line: usize) -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| {
        state
            .with_scenario(|s| s.cloud.lines.get(line).map_or(0, |l| l.one_offs.len()))
            .unwrap_or(0)
    });
    let row: RowCells = Arc::new(move |j| {
        let at = At::new(state, &ONE_OFF, [line, j]);
        // A one-off is in its line's currency.
        let currency = Signal::derive(move || {
            state
                .with_scenario(|s| s.cloud.lines.get(line).and_then(|l| l.currency.clone()))
                .flatten()
        });
        view! {
            <td>
                <Field
                    label=t(C::OneOffMonth)
                    name="month"
                    kind="month"
                    compact=true
                    value=at.text(|o| o.month.to_string())
                    commit=at.commit_month("month", |o, m| o.month = m)
                />
            </td>
            <td class="num">
                <Field
                    label=t(Common::Amount)
                    name="amount"
                    compact=true
                    numeric=true
                    unit=cost_code(currency)
                    value=cost_amount(at, currency, |o| o.amount)
                    commit=commit_cost_amount(at, "amount", currency, |o, v| o.amount = v)
                />
            </td>
            <td>
                <Field
                    label=t(C::Note)
                    name="note"
                    compact=true
                    value=at.text(|o| o.note.clone())
                    commit=at.commit_text("note", |o, v| o.note = v)
                />
            </td>
        }
        .into_any()
    });
    view! {
        <RowList
            noun="one-off"
            what=t(C::OneOffRow)
            columns=columns(&ONE_OFF_COLUMNS)
            count=count
            row=row
            on_add=Arc::new(move |()| {
                let one_off = state.plan.with_untracked(new_one_off);
                state
                    .edit_scenario(|s| {
                        if let Some(l) = s.cloud.lines.get_mut(line) {
                            l.one_offs.push(one_off);
                        }
                    });
            })
            on_delete=Arc::new(move |j| {
                state
                    .edit_scenario(|s| {
                        if let Some(l) = s.cloud.lines.get_mut(line) {
                            remove_row(&mut l.one_offs, j);
                        }
                    })
            })
        />
    }
}

/// The on-demand cost's unit: "USD per month" for a line in dollars.
fn line_unit(state: PlanState, currency: Signal<Option<String>>) -> Signal<String> {
    Signal::derive(move || {
        let unit = match currency.get() {
            Some(code) => crate::model::Currency::from_code(&code)
                .map_or(code, |c| currency_unit(c).to_string()),
            None => currency_unit(state.currency.get()).to_string(),
        };
        crate::i18n::assumptions::money_unit(&unit, t(Common::PerMonth))
    })
}
