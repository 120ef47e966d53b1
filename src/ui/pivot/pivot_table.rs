//! One fiscal year of a pivot as a table: rows of categories (with their
//! accounts) or teams, columns of months with quarter and half subtotals
//! and the year's total (or of categories), in the unit chosen. Subtotal
//! columns are shaded; a period outside the horizon is empty and a partial
//! one says how many of its months it holds.

use leptos::prelude::*;

use crate::format::pivot::{PivotBlock, PivotColumn, RowLabel};
use crate::i18n::common::{Common, category};
use crate::i18n::finance::{FinanceText as F, months_of, slot};
use crate::i18n::t;
use crate::model::Currency;
use crate::model::periods::Slot;
use crate::model::units::Unit;

fn column_class(column: &PivotColumn) -> &'static str {
    match column {
        PivotColumn::Period {
            slot: Slot::Month(_),
            ..
        }
        | PivotColumn::Category(_) => "num",
        PivotColumn::Period {
            slot: Slot::Quarter(_),
            ..
        } => "num sub-quarter",
        PivotColumn::Period {
            slot: Slot::Half(_),
            ..
        } => "num sub-half",
        _ => "num sub-year",
    }
}

#[component]
pub fn PivotTable(
    block: PivotBlock,
    teams: Vec<String>,
    start_month: u8,
    currency: Currency,
    unit: Unit,
) -> impl IntoView {
    // Account columns once finance has mapped a category (Assumptions).
    let accounts = block
        .rows
        .iter()
        .any(|r| matches!(r.label, RowLabel::Category(_)) && !r.account.is_empty());
    let by_category = block
        .rows
        .iter()
        .any(|r| matches!(r.label, RowLabel::Category(_)));
    let head = block
        .columns
        .iter()
        .map(|c| {
            let (text, note) = match *c {
                PivotColumn::Period { slot: s, period } => {
                    let note = match period {
                        None => Some(t(F::OutsideHorizon).to_string()),
                        Some(p) if p.partial() => Some(months_of(p.months, p.granularity.months())),
                        Some(_) => None,
                    };
                    (slot(s, start_month), note)
                }
                PivotColumn::Category(k) => (category(k).to_string(), None),
                PivotColumn::Total => (t(F::Total).to_string(), None),
            };
            let class = column_class(c);
            let title = note.clone().unwrap_or_default();
            view! {
                <th scope="col" class=class title=title>
                    {text}
                    {note.map(|n| view! { <span class="pivot-note">{n}</span> })}
                </th>
            }
        })
        .collect_view();
    let rows = block
        .rows
        .iter()
        .map(|row| {
            let label = match row.label {
                RowLabel::Category(k) => category(k).to_string(),
                RowLabel::Team(i) => teams.get(i).cloned().unwrap_or_default(),
                RowLabel::NoTeam => t(F::NoTeam).to_string(),
                RowLabel::Total => t(F::Total).to_string(),
            };
            let total = row.label == RowLabel::Total;
            let cells = row
                .cells
                .iter()
                .zip(&block.columns)
                .map(|(cell, column)| {
                    let text = cell.map(|v| unit.grouped(v, currency)).unwrap_or_default();
                    view! { <td class=column_class(column)>{text}</td> }
                })
                .collect_view();
            let account = accounts.then(|| {
                view! {
                    <td class="account-code">{row.account.code.clone()}</td>
                    <td class="account-name">{row.account.name.clone()}</td>
                }
            });
            view! {
                <tr class:pivot-total=total data-testid="pivot-row">
                    <th scope="row">{label}</th>
                    {account}
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let first = if by_category {
        t(Common::Category)
    } else {
        t(Common::Team)
    };
    view! {
        <table class="grid pivot-table" data-testid="pivot-table">
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    {accounts.then(|| view! {
                        <th scope="col">{t(F::AccountCode)}</th>
                        <th scope="col">{t(F::Account)}</th>
                    })}
                    {head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
