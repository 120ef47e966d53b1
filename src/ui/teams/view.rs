//! The teams of the scenario on screen: names, what each has at the end of
//! the plan's first fiscal year, its attrition override, adding and deleting.

use leptos::prelude::*;

use super::team_row::TeamRow;
use crate::i18n::common::Common;
use crate::i18n::finance::currency_unit;
use crate::i18n::format::fiscal_year;
use crate::i18n::overview::with_unit;
use crate::i18n::t;
use crate::i18n::teams::{self as texts, TeamsText};
use crate::model::teams::{TeamYearFigures, team_year_figures};
use crate::model::{Attrition, fiscal_year_summaries};
use crate::ui::frame::state::PlanState;
use crate::ui::frame::state::edit_checked;
use crate::ui::widgets::field::FieldError;

/// The first fiscal year's label, its months, and each team's figures in it
/// (in the scenario's team order).
#[derive(Clone, Debug, PartialEq)]
pub struct FirstYear {
    pub label: String,
    pub months: String,
    pub teams: Vec<TeamYearFigures>,
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
            let month = |m: usize| forecast.months().get(m).copied();
            let first = month(year.first_month);
            let last = month(year.first_month + year.months - 1);
            Some(FirstYear {
                label: fiscal_year(year.year),
                months: first
                    .zip(last)
                    .map(|(first, last)| texts::year_months(first, last, year.partial))
                    .unwrap_or_default(),
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
                .map_or_else(|| t(TeamsText::FirstYear).to_string(), |y| y.label.clone())
        })
    };
    let unit = move || currency_unit(state.currency.get());
    let defaults = move || {
        let Attrition {
            annual_rate_pct,
            backfill_lag_months,
        } = default_attrition.get();
        texts::attrition_defaults(annual_rate_pct, backfill_lag_months)
    };

    view! {
        <section class="card" aria-labelledby="teams-title" data-testid="teams">
            <div class="card-head">
                <h2 id="teams-title">{t(Common::Teams)}</h2>
                <span class="muted" data-testid="teams-year">
                    {move || {
                        first_year
                            .with(|y| match y {
                                Some(y) => texts::figures_for(&y.label, &y.months),
                                None => t(TeamsText::FiguresLater).to_string(),
                            })
                    }}
                </span>
            </div>
            // Only the edits lock with the scenario; the figures stay readable.
            <fieldset class="edit-lock" disabled=move || state.locked()>
            <table class="grid teams-table">
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Team)}</th>
                        <th scope="col" class="num">{t(TeamsText::PositionCount)}</th>
                        <th scope="col" class="num">{move || texts::heads_at_end(&year_label())}</th>
                        <th scope="col" class="num">{move || texts::fte_at_end(&year_label())}</th>
                        <th scope="col" class="num">
                            {move || with_unit(&texts::cost_in(&year_label()), unit())}
                        </th>
                        <th scope="col" class="num">{t(TeamsText::Attrition)}</th>
                        <th scope="col" class="num">{t(TeamsText::BackfillLag)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Common::Actions)}</span></th>
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
                <p class="empty">{t(TeamsText::NoTeams)}</p>
            </Show>
            <AddTeam />
            </fieldset>
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
                <span class="field-label">{t(TeamsText::NewTeam)}</span>
                <input
                    data-field="team-name"
                    placeholder=t(TeamsText::NewTeamPlaceholder)
                    class:invalid=move || error.get().is_some()
                    bind:value=name
                />
                <FieldError error=error />
            </label>
            <button type="submit" class="button-secondary">{t(TeamsText::AddTeam)}</button>
        </form>
    }
}
