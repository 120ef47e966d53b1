//! The form that adds a position to the roster.

use leptos::prelude::*;

use super::field::FieldError;
use super::state::PlanState;
use crate::format::input::parse_amount;
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::roster::{RosterText, status_choice};
use crate::i18n::t;
use crate::model::{PositionStatus, YearMonth};

#[component]
pub fn AddPosition() -> impl IntoView {
    let state = PlanState::expect();
    let first_month = move || state.plan.with(|p| p.horizon.start.to_string());

    let title = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let salary = RwSignal::new(String::new());
    let start = RwSignal::new(first_month());
    let status = RwSignal::new("filled".to_string());

    let title_error = RwSignal::new(None::<String>);
    let team_error = RwSignal::new(None::<String>);
    let salary_error = RwSignal::new(None::<String>);
    let start_error = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let exponent = state.currency.get_untracked().exponent();
        let title_text = title.get_untracked().trim().to_string();
        let team_text = team.get_untracked().trim().to_string();
        let checked_title = (!title_text.is_empty())
            .then_some(title_text)
            .ok_or(t(RosterText::TitleMissing));
        let checked_team = (!team_text.is_empty())
            .then_some(team_text)
            .ok_or(t(RosterText::TeamMissing));
        let checked_salary =
            parse_amount(&salary.get_untracked(), exponent).map_err(|e| input_error(&e));
        let checked_start = start
            .get_untracked()
            .parse::<YearMonth>()
            .map_err(|_| t(RosterText::StartMissing));
        title_error.set(checked_title.as_ref().err().map(|e| e.to_string()));
        team_error.set(checked_team.as_ref().err().map(|e| e.to_string()));
        salary_error.set(checked_salary.as_ref().err().cloned());
        start_error.set(checked_start.as_ref().err().map(|e| e.to_string()));
        let (Ok(title_text), Ok(team_text), Ok(amount), Ok(month)) =
            (checked_title, checked_team, checked_salary, checked_start)
        else {
            return;
        };
        let status = match status.get_untracked().as_str() {
            "open" => PositionStatus::Open,
            "planned" => PositionStatus::Planned,
            _ => PositionStatus::Filled,
        };
        state.edit_scenario(|scenario| {
            let id = scenario.add_position(title_text, team_text, amount, month.first_day());
            if let Some(p) = scenario.position_mut(&id) {
                p.status = status;
            }
        });
        title.set(String::new());
        salary.set(String::new());
    };

    view! {
        <form class="add-position" data-testid="add-position" on:submit=submit novalidate>
            <h3>{t(RosterText::AddHeading)}</h3>
            <datalist id="team-names">
                {move || state.with_scenario(|s| s.teams.iter().map(|t| view! { <option value=t.name.clone()></option> }).collect_view())}
            </datalist>
            <div class="form-row">
                <label>
                    <span>{t(Common::Title)}</span>
                    <input
                        name="title"
                        placeholder=t(RosterText::TitlePlaceholder)
                        class:invalid=move || title_error.get().is_some()
                        bind:value=title
                    />
                    <FieldError error=title_error />
                </label>
                <label>
                    <span>{t(Common::Team)}</span>
                    <input
                        name="team"
                        list="team-names"
                        placeholder=t(RosterText::TeamPlaceholder)
                        class:invalid=move || team_error.get().is_some()
                        bind:value=team
                    />
                    <FieldError error=team_error />
                </label>
                <label>
                    <span>{t(Common::Salary)}</span>
                    <input
                        name="salary"
                        class="num"
                        inputmode="decimal"
                        placeholder="6,000,000"
                        class:invalid=move || salary_error.get().is_some()
                        bind:value=salary
                    />
                    <FieldError error=salary_error />
                </label>
                <label>
                    <span>{t(RosterText::StartMonth)}</span>
                    <input
                        name="start"
                        type="month"
                        class:invalid=move || start_error.get().is_some()
                        bind:value=start
                    />
                    <FieldError error=start_error />
                </label>
                <label>
                    <span>{t(Common::Status)}</span>
                    <select name="status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="filled" selected=true>{status_choice(PositionStatus::Filled)}</option>
                        <option value="open">{status_choice(PositionStatus::Open)}</option>
                        <option value="planned">{status_choice(PositionStatus::Planned)}</option>
                    </select>
                </label>
                <button type="submit" class="button-primary" data-testid="add-position-submit">
                    {t(RosterText::AddPosition)}
                </button>
            </div>
        </form>
    }
}
