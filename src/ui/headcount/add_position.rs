//! The form that adds a position to the roster: title, team, level, salary
//! (empty: the band's midpoint) stated by the year or by the month (月給),
//! the first day of work and the status. The last team, level and pay form
//! chosen stay for the next position, also after another view was opened,
//! since people add a team's positions in a row.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::format::input::parse_optional_amount;
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::roster::{RosterText, status_choice};
use crate::i18n::t;
use crate::model::{Date, PositionStatus};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::FieldError;

thread_local! {
    /// The team and level last chosen in the form, for the page's life.
    static LAST_CHOSEN: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
    /// Whether pay was last stated by the month (月給).
    static BY_MONTH: RefCell<bool> = const { RefCell::new(false) };
}

#[component]
pub fn AddPosition() -> impl IntoView {
    let state = PlanState::expect();
    let first_day = move || state.plan.with(|p| p.horizon.start.first_day().to_string());
    let (last_team, last_level) = LAST_CHOSEN.with(|l| l.borrow().clone());
    let levels = Memo::new(move |_| {
        state
            .with_scenario(|s| s.levels.clone())
            .unwrap_or_default()
    });
    let default_level = move || {
        levels.with(|l| {
            // The level chosen last, else the middle of the ladder, where most
            // engineers are.
            l.iter()
                .find(|n| **n == last_level)
                .or_else(|| l.iter().find(|n| *n == "Mid"))
                .or_else(|| l.get(l.len().saturating_sub(1) / 2))
                .cloned()
                .unwrap_or_default()
        })
    };

    let title = RwSignal::new(String::new());
    let team = RwSignal::new(last_team);
    let level = RwSignal::new(default_level());
    let salary = RwSignal::new(String::new());
    let by_month = RwSignal::new(BY_MONTH.with(|b| *b.borrow()));
    let start = RwSignal::new(first_day());
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
            parse_optional_amount(&salary.get_untracked(), exponent).map_err(|e| input_error(&e));
        let checked_start = start
            .get_untracked()
            .trim()
            .parse::<Date>()
            .map_err(|_| t(RosterText::StartDayMissing));
        title_error.set(checked_title.as_ref().err().map(|e| e.to_string()));
        team_error.set(checked_team.as_ref().err().map(|e| e.to_string()));
        salary_error.set(checked_salary.as_ref().err().cloned());
        start_error.set(checked_start.as_ref().err().map(|e| e.to_string()));
        let (Ok(title_text), Ok(team_text), Ok(amount), Ok(day)) =
            (checked_title, checked_team, checked_salary, checked_start)
        else {
            return;
        };
        let status = match status.get_untracked().as_str() {
            "open" => PositionStatus::Open,
            "planned" => PositionStatus::Planned,
            _ => PositionStatus::Filled,
        };
        let chosen_level = level.get_untracked();
        let monthly_pay = by_month.get_untracked();
        // Checked with the rest of the plan: a level without a band needs a
        // salary, and the message says so; what was typed stays.
        let index = state.with_scenario(|s| s.positions.len()).unwrap_or(0);
        let result = state.try_edit_scenario(&format!("positions[{index}]"), |scenario| {
            let id = scenario.add_position(
                title_text,
                team_text.clone(),
                amount.unwrap_or_default(),
                day,
            );
            if let Some(p) = scenario.position_mut(&id) {
                p.status = status;
                match amount {
                    Some(monthly) if monthly_pay => p.set_monthly_base(monthly),
                    _ => p.set_annual_base(amount),
                }
                if !chosen_level.is_empty() {
                    p.level = chosen_level.clone();
                }
            }
        });
        match result {
            Ok(()) => {
                LAST_CHOSEN.with(|l| *l.borrow_mut() = (team_text, chosen_level));
                BY_MONTH.with(|b| *b.borrow_mut() = monthly_pay);
                title.set(String::new());
                salary.set(String::new());
            }
            Err(message) => salary_error.set(Some(message)),
        }
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
                    <span>{t(Common::Level)}</span>
                    <select name="level" on:change=move |ev| level.set(event_target_value(&ev))>
                        {move || {
                            let chosen = level.get();
                            levels
                                .get()
                                .into_iter()
                                .map(|l| {
                                    let selected = l == chosen;
                                    let label = l.clone();
                                    view! { <option value=l selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>{t(RosterText::PayStated)}</span>
                    <select
                        name="salary_basis"
                        on:change=move |ev| by_month.set(event_target_value(&ev) == "monthly")
                    >
                        <option value="annual" selected=move || !by_month.get()>{t(RosterText::AnnualChoice)}</option>
                        <option value="monthly" selected=move || by_month.get()>{t(RosterText::MonthlyChoice)}</option>
                    </select>
                </label>
                <label>
                    <span>
                        {move || if by_month.get() { t(RosterText::MonthlySalary) } else { t(Common::Salary) }}
                    </span>
                    <input
                        name="salary"
                        class="num"
                        inputmode="decimal"
                        placeholder=t(RosterText::SalaryFromBand)
                        class:invalid=move || salary_error.get().is_some()
                        bind:value=salary
                    />
                    <FieldError error=salary_error />
                </label>
                <label>
                    <span>{t(RosterText::StartDate)}</span>
                    <input
                        name="start"
                        type="date"
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
