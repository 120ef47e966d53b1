//! The scenario's monthly costs per head (benefits, defined-contribution
//! pension 企業型DC, welfare): a name, an amount per head and month, the
//! teams it applies to and whether contractors get it. Booked under
//! benefits per head (docs/model.md, "Per-head costs").

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::assumptions::AssumptionsText as A;
use crate::i18n::common::{Common, category};
use crate::i18n::fx::FxText as X;
use crate::i18n::t;
use crate::model::editing::remove_row;
use crate::model::{Category, PerHeadCost};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::assumptions_rows::{At, Place, RowCells, RowList};
use crate::ui::widgets::cost_currency::{
    commit_cost_amount, cost_amount, cost_code, cost_currency, currency_of,
};
use crate::ui::widgets::field::{CheckField, CommitCheck, Field};

const PER_HEAD: Place<PerHeadCost> = Place {
    get: |s, [i, _]| s.people.per_head.get(i),
    get_mut: |s, [i, _]| s.people.per_head.get_mut(i),
    path: |[i, _]| format!("people.per_head[{i}]"),
};

/// Gives (`on`) or takes away a team. A cost naming no team is for every
/// team, so taking away its last team widens it, as for a tool's seats.
fn set_team(cost: &mut PerHeadCost, team: &str, on: bool) {
    if on {
        if !cost.teams.iter().any(|t| t == team) {
            cost.teams.push(team.to_string());
        }
    } else {
        cost.teams.retain(|t| t != team);
    }
}

#[component]
pub fn PerHeadCosts() -> impl IntoView {
    let state = PlanState::expect();
    let teams = Memo::new(move |_| {
        state
            .with_scenario(|s| s.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let count = Memo::new(move |_| {
        state
            .with_scenario(|s| s.people.per_head.len())
            .unwrap_or(0)
    });
    let row: RowCells = Arc::new(move |i| {
        let at = At::new(state, &PER_HEAD, [i, 0]);
        let currency = currency_of(at, |c| c.currency.clone());
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
            <td class="num">
                <Field
                    label=t(A::PerHeadMonthly)
                    name="monthly"
                    compact=true
                    numeric=true
                    unit=cost_code(currency)
                    value=cost_amount(at, currency, |c| c.monthly)
                    commit=commit_cost_amount(at, "monthly", currency, |c, v| c.monthly = v)
                />
            </td>
            <td>{cost_currency(at, currency, |c, v| c.currency = v)}</td>
            <td>
                <CostTeams at=at teams=teams />
            </td>
            <td>
                <CheckField
                    label=t(A::ContractorsField)
                    name="contractors"
                    compact=true
                    value=at.flag(|c| c.contractors)
                    commit=at.commit_check("contractors", |c, on| c.contractors = on)
                />
            </td>
        }
        .into_any()
    });
    view! {
        <section class="card" aria-labelledby="per-head-title" data-testid="per-head-costs">
            <div class="card-head">
                <h2 id="per-head-title">{t(A::PerHeadTitle)}</h2>
                <span class="muted">{category(Category::Benefits)}</span>
            </div>
            <p class="muted hint">{t(A::PerHeadNote)}</p>
            <RowList
                noun="per-head"
                what=t(A::PerHeadRow)
                columns=&[
                    (t(Common::Name), false),
                    (t(A::PerHeadColumn), true),
                    (t(X::Currency), false),
                    (t(Common::Teams), false),
                    (t(A::ContractorsColumn), false),
                ]
                count=count
                row=row
                on_add=Arc::new(move |()| {
                    state
                        .edit_scenario(|s| {
                            s.people
                                .per_head
                                .push(PerHeadCost {
                                    currency: None,
                                    name: t(A::NewPerHeadCost).to_string(),
                                    monthly: Decimal::ZERO,
                                    teams: Vec::new(),
                                    contractors: false,
                                })
                        })
                })
                on_delete=Arc::new(move |i| {
                    state
                        .edit_scenario(|s| {
                            remove_row(&mut s.people.per_head, i);
                        })
                })
            />
        </section>
    }
}

/// A checkbox per team of the scenario: the teams whose positions it
/// applies to.
#[component]
fn CostTeams(at: At<PerHeadCost>, teams: Memo<Vec<String>>) -> impl IntoView {
    let everyone = move || at.with(|c| c.teams.is_empty()).unwrap_or(false);
    view! {
        <div class="team-checks" role="group" aria-label=t(Common::Teams)>
            <For each=move || teams.get() key=|team| team.clone() let:team>
                {
                    let name = team.clone();
                    let on = Signal::derive(move || {
                        at.with(|c| c.teams.contains(&name)).unwrap_or(false)
                    });
                    let label = team.clone();
                    let commit: CommitCheck = Rc::new(move |on| {
                        at.edit("teams", |c| set_team(c, &team, on))
                    });
                    view! { <CheckField label=label value=on commit=commit name="teams" /> }
                }
            </For>
            <Show when=everyone>
                <span class="muted">{t(A::EveryTeam)}</span>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taking_away_the_last_team_makes_a_cost_everyones() {
        let mut cost = PerHeadCost {
            currency: None,
            name: "DC".into(),
            monthly: Decimal::from(20_000),
            teams: Vec::new(),
            contractors: false,
        };
        set_team(&mut cost, "Platform", true);
        set_team(&mut cost, "Platform", true);
        set_team(&mut cost, "Data", true);
        assert_eq!(cost.teams, ["Platform", "Data"]);
        set_team(&mut cost, "Platform", false);
        set_team(&mut cost, "Data", false);
        assert!(cost.teams.is_empty(), "every team");
    }
}
