//! Entering or correcting actuals by hand: a month × category grid of the
//! fiscal year shown, for one team or for costs of no team. Each cell is a
//! [`Field`]: a refused text stays as typed with its message in the cell;
//! an empty cell removes the actual; every cell saved is one undo step.
//! Actuals belong to the plan, not to a scenario, so a locked scenario does
//! not lock them.

use std::rc::Rc;

use leptos::prelude::*;

use super::variance_table::YearShown;
use crate::format::values::parse_signed_amount;
use crate::i18n::actuals::{ActualsText as A, cell_label, table_caption};
use crate::i18n::common::{Common, category};
use crate::i18n::fields::input_error;
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::{Category, YearMonth};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::{Commit, Field};
use crate::ui::widgets::variance_data::VarianceSource;

/// Parses what was typed in a cell: `None` (empty) removes the actual.
fn parse_cell(text: &str, exponent: u32) -> Result<Option<rust_decimal::Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_signed_amount(text, exponent)
        .map(Some)
        .map_err(|e| input_error(&e))
}

fn cell(state: PlanState, month: YearMonth, c: Category, team: Option<String>) -> impl IntoView {
    let shown_team = team.clone();
    let value = Signal::derive(move || {
        let currency = state.currency.get();
        state.plan.with(|p| {
            p.actuals
                .amount(month, c, shown_team.as_deref())
                .map(|a| format::plain_amount(a.amount, currency))
                .unwrap_or_default()
        })
    });
    let commit: Commit = Rc::new(move |text: &str| {
        let amount = parse_cell(text, state.currency.get_untracked().exponent())?;
        // One edit: one step of undo (none when nothing changes).
        state.edit(|p| p.actuals.set_amount(month, c, team.as_deref(), amount));
        Ok(())
    });
    view! {
        <td class="entry-cell">
            <Field label=cell_label(category(c), &format::month(month)) value=value commit=commit
                numeric=true compact=true name=c.as_str() />
        </td>
    }
}

#[component]
pub fn ActualsEntry(source: VarianceSource, year: YearShown) -> impl IntoView {
    let state = PlanState::expect();
    // The team typed for: a name, or "" for costs of no team.
    let team = RwSignal::new(String::new());
    // The budget's teams, then teams only the actuals name.
    let teams = Memo::new(move |_| {
        let budget = source.budget.get();
        state.plan.with(|p| {
            let mut names: Vec<String> = p
                .scenarios
                .get(budget)
                .map(|s| s.teams.iter().map(|t| t.name.clone()).collect())
                .unwrap_or_default();
            for name in p.actuals.teams() {
                if !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
            names
        })
    });
    let options = move || {
        let current = team.get();
        let named = teams
            .get()
            .into_iter()
            .map(|name| {
                let selected = name == current;
                let value = name.clone();
                view! { <option value=value selected=selected>{name}</option> }
            })
            .collect_view();
        view! {
            {named}
            <option value="" selected=current.is_empty()>{t(Common::NoTeam)}</option>
        }
    };
    // Rebuilt only when the team or the year changes, so typing in it is
    // never interrupted by the figures it changes.
    let grid = move || {
        let chosen = team.get();
        let (_, range) = year.get()?;
        let months: Vec<YearMonth> = state.plan.with_untracked(|p| p.months());
        let months = months.get(range)?.to_vec();
        let team = (!chosen.is_empty()).then_some(chosen);
        let code = currency_unit(state.currency.get_untracked());
        let rows = months
            .into_iter()
            .map(|month| {
                let cells = Category::ALL
                    .into_iter()
                    .map(|c| cell(state, month, c, team.clone()))
                    .collect_view();
                view! {
                    <tr data-testid="entry-row" data-month=month.to_string()>
                        <th scope="row">{format::month(month)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let heads = Category::ALL
            .into_iter()
            .map(|c| view! { <th scope="col" class="num">{category(c)}</th> })
            .collect_view();
        Some(view! {
            <div class="table-scroll">
                <table class="grid entry-grid" data-testid="actuals-entry-grid">
                    <caption class="muted">{table_caption(t(A::EntryTitle), code)}</caption>
                    <thead><tr><th scope="col">{t(A::Month)}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <section class="card" aria-labelledby="actuals-entry-title" data-testid="actuals-entry">
            <div class="card-head">
                <h3 id="actuals-entry-title">{t(A::EntryTitle)}</h3>
                <label class="field inline">
                    <span class="field-label">{t(A::EntryFor)}</span>
                    <select data-testid="actuals-entry-team" on:change=move |ev| team.set(event_target_value(&ev))>
                        {options}
                    </select>
                </label>
            </div>
            <p class="muted">{t(A::EntryHelp)}</p>
            {grid}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn a_cell_reads_credits_and_an_empty_cell_removes() {
        assert_eq!(parse_cell("", 0), Ok(None));
        assert_eq!(parse_cell("  ", 2), Ok(None));
        assert_eq!(parse_cell("1,200", 0), Ok(Some(dec!(1200))));
        assert_eq!(parse_cell("▲1,200", 0), Ok(Some(dec!(-1200))));
        assert_eq!(parse_cell("(12.50)", 2), Ok(Some(dec!(-12.5))));
        assert!(parse_cell("12.5", 0).is_err());
        assert!(parse_cell("abc", 0).is_err());
    }
}
