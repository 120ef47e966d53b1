//! The teams of the scenario on screen: names, what each has at the end of
//! the plan's first fiscal year, its attrition override, adding and deleting.

use leptos::prelude::*;

use super::field::FieldError;
use super::state::PlanState;
use super::team_row::TeamRow;
use crate::model::teams::{TeamYearFigures, team_year_figures};
use crate::model::{Attrition, Scenario, fiscal_year_summaries};

/// The first fiscal year's label, its months, and each team's figures in it
/// (in the scenario's team order).
#[derive(Clone, Debug, PartialEq)]
pub struct FirstYear {
    pub label: String,
    pub months: String,
    pub teams: Vec<TeamYearFigures>,
}

/// Applies an edit of the current scenario that checks itself (a rename, an
/// addition, a deletion): on `Err` the plan is untouched and nothing
/// re-renders or is saved.
pub(super) fn edit_checked(
    state: PlanState,
    apply: impl FnOnce(&mut Scenario) -> Result<(), String>,
) -> Result<(), String> {
    state.edit_scenario_checked(apply)
}

#[component]
pub fn Teams() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| state.with_scenario(|s| s.teams.len()).unwrap_or(0));
    let first_year = Memo::new(move |_| {
        state.forecast.with(|forecast| {
            let forecast = forecast.as_ref().ok()?;
            let years = state.plan.with(|p| fiscal_year_summaries(p, forecast));
            let year = years.first()?;
            let month = |m: usize| forecast.months().get(m).map(|m| m.label());
            let first = month(year.first_month).unwrap_or_default();
            let last = month(year.first_month + year.months - 1).unwrap_or_default();
            Some(FirstYear {
                label: year.year.label(),
                months: if year.partial {
                    format!("{first} – {last}, the part inside the plan")
                } else {
                    format!("{first} – {last}")
                },
                teams: team_year_figures(forecast, year),
            })
        })
    });
    let default_attrition = Memo::new(move |_| {
        state
            .with_scenario(|s| s.people.attrition.clone())
            .unwrap_or_default()
    });
    let year_label = move || {
        first_year.with(|y| {
            y.as_ref()
                .map_or_else(|| "first FY".to_string(), |y| y.label.clone())
        })
    };
    let currency = move || state.currency.get().code();
    let defaults = move || {
        let Attrition {
            annual_rate_pct,
            backfill_lag_months,
        } = default_attrition.get();
        format!(
            "Empty: the scenario's {} % a year, {backfill_lag_months} months",
            annual_rate_pct.normalize()
        )
    };

    view! {
        <section class="card" aria-labelledby="teams-title" data-testid="teams">
            <div class="card-head">
                <h2 id="teams-title">"Teams"</h2>
                <span class="muted" data-testid="teams-year">
                    {move || {
                        first_year
                            .with(|y| match y {
                                Some(y) => format!("Figures for {} ({})", y.label, y.months),
                                None => {
                                    "Figures appear once the plan's problems are fixed.".to_string()
                                }
                            })
                    }}
                </span>
            </div>
            <table class="grid teams-table">
                <thead>
                    <tr>
                        <th scope="col">"Team"</th>
                        <th scope="col" class="num">"Positions"</th>
                        <th scope="col" class="num">"Heads, end of " {year_label}</th>
                        <th scope="col" class="num">"FTE, end of " {year_label}</th>
                        <th scope="col" class="num">
                            "Cost " {year_label} " " <span class="currency">{currency}</span>
                        </th>
                        <th scope="col" class="num">"Attrition % a year"</th>
                        <th scope="col" class="num">"Backfill lag, months"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                    <tr class="teams-note">
                        <td colspan="5"></td>
                        <td colspan="3" class="muted">{defaults}</td>
                    </tr>
                </thead>
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <TeamRow index=index first_year=first_year />
                </For>
            </table>
            <Show when=move || count.get() == 0>
                <p class="empty">"No teams yet. Add one below, or add a position with a new team."</p>
            </Show>
            <AddTeam />
        </section>
    }
}

/// The form that adds a team.
#[component]
fn AddTeam() -> impl IntoView {
    let state = PlanState::expect();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked();
        match edit_checked(state, |s| s.add_team(&text)) {
            Ok(()) => {
                error.set(None);
                name.set(String::new());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="add-inline" data-testid="add-team" on:submit=submit novalidate>
            <label class="field">
                <span class="field-label">"New team"</span>
                <input
                    data-field="team-name"
                    placeholder="Mobile"
                    class:invalid=move || error.get().is_some()
                    bind:value=name
                />
                <FieldError error=error />
            </label>
            <button type="submit" class="button-secondary">"Add team"</button>
        </form>
    }
}
