//! One editable row of the roster.
//!
//! A field commits when the person leaves it or presses Enter. Text that is
//! not a valid value stays in the field with a message beside it and the plan
//! keeps its last valid value, so the totals never show a guess.

use leptos::prelude::*;

use super::field::FieldError;
use super::state::PlanState;
use crate::format::input::parse_amount;
use crate::model::{Position, Scenario, YearMonth};

#[component]
pub fn PositionRow(id: String) -> impl IntoView {
    let state = PlanState::expect();
    let position = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .plan
                .with(|p| p.scenarios.first().and_then(|s| s.position(&id)).cloned())
        })
    };
    let currency = state.currency;
    let field = move |f: fn(&Position) -> String| {
        move || position.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let title_error = RwSignal::new(None::<String>);
    let salary_error = RwSignal::new(None::<String>);
    let start_error = RwSignal::new(None::<String>);
    let team_error = RwSignal::new(None::<String>);

    let on_title = {
        let id = id.clone();
        move |text: String| {
            let text = text.trim().to_string();
            if text.is_empty() {
                title_error.set(Some("A position needs a title.".into()));
                return;
            }
            title_error.set(None);
            edit_scenario(state, |s| {
                if let Some(p) = s.position_mut(&id) {
                    p.title = text;
                }
            });
        }
    };
    let on_team = {
        let id = id.clone();
        move |text: String| {
            let text = text.trim().to_string();
            if text.is_empty() {
                team_error.set(Some("Name the team.".into()));
                return;
            }
            team_error.set(None);
            edit_scenario(state, |s| {
                s.ensure_team(&text);
                if let Some(p) = s.position_mut(&id) {
                    p.team = text;
                }
            });
        }
    };
    let on_salary = {
        let id = id.clone();
        move |text: String| match parse_amount(&text, currency.get_untracked().exponent()) {
            Err(message) => salary_error.set(Some(message)),
            Ok(amount) => {
                salary_error.set(None);
                edit_scenario(state, |s| {
                    if let Some(p) = s.position_mut(&id) {
                        p.annual_base = Some(amount);
                    }
                });
            }
        }
    };
    let on_start = {
        let id = id.clone();
        move |text: String| match text.parse::<YearMonth>() {
            Err(_) => start_error.set(Some("Pick a month.".into())),
            Ok(month) => {
                start_error.set(None);
                edit_scenario(state, |s| {
                    if let Some(p) = s.position_mut(&id) {
                        p.start = month.first_day();
                    }
                });
            }
        }
    };
    let on_delete = move |_| {
        edit_scenario(state, |s| {
            s.remove_position(&id);
        })
    };

    let salary_text = move || {
        position.with(|p| {
            p.as_ref()
                .and_then(|p| p.annual_base)
                .map(|a| state.show_amount(a))
                .unwrap_or_default()
        })
    };
    let label = field(|p| p.title.clone());

    view! {
        <tr data-testid="position-row">
            <td>
                <input
                    aria-label="Title"
                    data-field="title"
                    class:invalid=move || title_error.get().is_some()
                    prop:value=field(|p| p.title.clone())
                    on:change=move |ev| on_title(event_target_value(&ev))
                />
                <FieldError error=title_error />
            </td>
            <td>
                <input
                    aria-label="Team"
                    data-field="team"
                    list="team-names"
                    class:invalid=move || team_error.get().is_some()
                    prop:value=field(|p| p.team.clone())
                    on:change=move |ev| on_team(event_target_value(&ev))
                />
                <FieldError error=team_error />
            </td>
            <td class="num">
                <input
                    aria-label="Annual salary"
                    data-field="salary"
                    class="num"
                    inputmode="decimal"
                    class:invalid=move || salary_error.get().is_some()
                    prop:value=salary_text
                    on:change=move |ev| on_salary(event_target_value(&ev))
                />
                <FieldError error=salary_error />
            </td>
            <td>
                <input
                    type="month"
                    aria-label="Start month"
                    data-field="start"
                    class:invalid=move || start_error.get().is_some()
                    prop:value=field(|p| p.start.year_month().to_string())
                    on:change=move |ev| on_start(event_target_value(&ev))
                />
                <FieldError error=start_error />
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="button-quiet"
                    data-testid="delete-position"
                    aria-label=move || format!("Delete {}", label())
                    on:click=on_delete
                >
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

/// Applies an edit to the scenario on screen (the first; later issues add a
/// scenario picker).
fn edit_scenario(state: PlanState, apply: impl FnOnce(&mut Scenario)) {
    state.plan.update(|p| {
        if let Some(scenario) = p.scenarios.first_mut() {
            apply(scenario);
        }
    });
}
