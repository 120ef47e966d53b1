//! The scenario's costs beyond pay: tools per seat, and other costs
//! (monthly or one-off, of a team or of none).

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::assumptions::AssumptionsText as A;
use crate::i18n::common::Common;
use crate::i18n::fx::FxText as X;
use crate::i18n::t;
use crate::model::editing::{new_other_cost, new_tool, remove_row, set_tool_team};
use crate::model::{OtherCostKind, Tool};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{At, OTHER_COST, RowCells, RowList, TOOL, parse_month};
use crate::ui::widgets::cost_currency::{
    commit_cost_amount, cost_amount, cost_code, cost_currency, currency_of,
};
use crate::ui::widgets::field::{CheckField, Commit, CommitCheck, Field, SelectField};

/// The scenario's team names, in order (tracked).
fn team_names(state: PlanState) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        state
            .with_scenario(|s| s.teams.iter().map(|t| t.name.clone()).collect())
            .unwrap_or_default()
    })
}

#[component]
pub fn ToolsTable() -> impl IntoView {
    let state = PlanState::expect();
    let teams = team_names(state);
    let count = Memo::new(move |_| state.with_scenario(|s| s.tools.len()).unwrap_or(0));
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &TOOL, [i, 0]);
        let currency = currency_of(at, |t| t.currency.clone());
        view! {
            <td>
                <Field
                    label=t(A::Tool)
                    name="name"
                    compact=true
                    value=at.text(|t| t.name.clone())
                    commit=at.commit_name("name", |t, v| t.name = v)
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::CostPerSeatPerMonth)
                    name="monthly_per_seat"
                    compact=true
                    numeric=true
                    unit=cost_code(currency)
                    value=cost_amount(at, currency, |t| t.monthly_per_seat)
                    commit=commit_cost_amount(at, "monthly_per_seat", currency, |t, v| t.monthly_per_seat = v)
                />
            </td>
            <td>{cost_currency(at, currency, |t, c| t.currency = c)}</td>
            <td>
                <ToolTeams at=at teams=teams />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="tools-title">
            <div class="card-head">
                <h2 id="tools-title">{t(A::ToolsPerSeat)}</h2>
                <span class="muted">{t(A::ToolsNote)}</span>
            </div>
            <RowList
                noun="tool"
                what=t(A::ToolRow)
                columns=&[
                    (t(A::Tool), false),
                    (t(A::PerSeatColumn), true),
                    (t(X::Currency), false),
                    (t(Common::Teams), false),
                ]
                count=count
                row=row
                on_add=Arc::new(move |()| state.edit_scenario(|s| s.tools.push(new_tool())))
                on_delete=Arc::new(move |i| {
                    state
                        .edit_scenario(|s| {
                            remove_row(&mut s.tools, i);
                        })
                })
            />
        </section>
    }
}

/// A checkbox per team of the scenario: the teams whose positions need a seat.
#[component]
fn ToolTeams(at: At<Tool>, teams: Memo<Vec<String>>) -> impl IntoView {
    let everyone = move || at.with(|t| t.teams.is_empty()).unwrap_or(false);
    view! {
        <div class="team-checks" role="group" aria-label=t(Common::Teams)>
            <For each=move || teams.get() key=|team| team.clone() let:team>
                {
                    let name = team.clone();
                    let on = Signal::derive(move || {
                        at.with(|t| t.teams.contains(&name)).unwrap_or(false)
                    });
                    let label = team.clone();
                    let commit: CommitCheck = Rc::new(move |on| {
                        at.edit("teams", |t| set_tool_team(t, &team, on))
                    });
                    view! { <CheckField label=label value=on commit=commit name="teams" /> }
                }
            </For>
            <Show when=everyone>
                <span class="muted">{t(A::EveryPosition)}</span>
            </Show>
        </div>
    }
}

#[component]
pub fn OtherCostsTable() -> impl IntoView {
    let state = PlanState::expect();
    let teams = team_names(state);
    let count = Memo::new(move |_| state.with_scenario(|s| s.other_costs.len()).unwrap_or(0));
    let team_options = Signal::derive(move || {
        let mut options = vec![(String::new(), t(Common::NoTeam).to_string())];
        options.extend(teams.get().into_iter().map(|t| (t.clone(), t)));
        options
    });
    let kinds: Vec<(String, String)> = vec![
        ("monthly".into(), t(A::Monthly).into()),
        ("one_off".into(), t(A::OneOff).into()),
    ];
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &OTHER_COST, [i, 0]);
        let currency = currency_of(at, |c| c.currency.clone());
        let one_off = at.flag(|c| c.kind == OtherCostKind::OneOff);
        let team: Commit = Rc::new(move |value| {
            let team = (!value.is_empty()).then(|| value.to_string());
            at.edit("team", |c| c.team = team)
        });
        let kind: Commit = Rc::new(move |value| {
            let kind = if value == "monthly" {
                OtherCostKind::Monthly
            } else {
                OtherCostKind::OneOff
            };
            at.edit("kind", |c| c.kind = kind)
        });
        // An empty end month means the cost runs on.
        let end: Commit = Rc::new(move |text| {
            let end = if text.trim().is_empty() {
                None
            } else {
                Some(parse_month(text)?)
            };
            at.edit("end", |c| c.end = end)
        });
        view! {
            <td>
                <Field
                    label=t(Common::Name)
                    name="name"
                    compact=true
                    value=at.text(|c| c.name.clone())
                    commit=at.commit_name("name", |c, v| c.name = v)
                />
            </td>
            <td>
                <SelectField
                    label=t(Common::Team)
                    name="team"
                    compact=true
                    value=at.text(|c| c.team.clone().unwrap_or_default())
                    options=team_options
                    commit=team
                />
            </td>
            <td>
                <SelectField
                    label=t(A::Kind)
                    name="kind"
                    compact=true
                    value=at
                        .text(|c| {
                            match c.kind {
                                OtherCostKind::Monthly => "monthly",
                                OtherCostKind::OneOff => "one_off",
                            }
                                .to_string()
                        })
                    options=kinds.clone()
                    commit=kind
                />
            </td>
            <td class="num">
                <Field
                    label=t(Common::Amount)
                    name="amount"
                    compact=true
                    numeric=true
                    unit=cost_code(currency)
                    value=cost_amount(at, currency, |c| c.amount)
                    commit=commit_cost_amount(at, "amount", currency, |c, v| c.amount = v)
                />
            </td>
            <td>{cost_currency(at, currency, |c, v| c.currency = v)}</td>
            <td>
                <Field
                    label=t(A::StartMonthField)
                    name="start"
                    kind="month"
                    compact=true
                    value=at.text(|c| c.start.to_string())
                    commit=at.commit_month("start", |c, m| c.start = m)
                />
            </td>
            <td>
                <Field
                    label=t(A::EndMonthField)
                    name="end"
                    kind="month"
                    compact=true
                    value=at.text(|c| c.end.map(|e| e.to_string()).unwrap_or_default())
                    commit=end
                    disabled=one_off
                />
            </td>
            <td class="num">
                <Field
                    label=t(A::YearlyEscalationField)
                    name="yearly_escalation_pct"
                    compact=true
                    numeric=true
                    value=at.percent(|c| c.yearly_escalation_pct)
                    commit=at
                        .commit_percent(
                            "yearly_escalation_pct",
                            false,
                            |c, v| c.yearly_escalation_pct = v,
                        )
                    disabled=one_off
                />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="other-costs-title">
            <div class="card-head">
                <h2 id="other-costs-title">{t(A::OtherCosts)}</h2>
                <span class="muted">{t(A::OtherCostsNote)}</span>
            </div>
            <RowList
                noun="other-cost"
                what=t(A::OtherCost)
                columns=&[
                    (t(Common::Name), false),
                    (t(Common::Team), false),
                    (t(A::Kind), false),
                    (t(A::AmountColumn), true),
                    (t(X::Currency), false),
                    (t(A::StartMonth), false),
                    (t(A::EndMonth), false),
                    (t(A::EscalationColumn), true),
                ]
                count=count
                row=row
                on_add=Arc::new(move |()| {
                    let cost = state.plan.with_untracked(new_other_cost);
                    state.edit_scenario(|s| s.other_costs.push(cost));
                })
                on_delete=Arc::new(move |i| {
                    state
                        .edit_scenario(|s| {
                            remove_row(&mut s.other_costs, i);
                        })
                })
            />
        </section>
    }
}
