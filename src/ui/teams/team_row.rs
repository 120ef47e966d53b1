//! One team of the teams table: its name, figures, attrition override, and
//! deleting it, which asks first what happens to what belongs to it.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use super::view::FirstYear;
use crate::format::input::{parse_optional_percent, parse_whole};
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::problems::refusal;
use crate::i18n::t;
use crate::i18n::teams::{self as texts, TeamsText};
use crate::model::teams::{TeamDeletion, TeamUsage};
use crate::ui::frame::state::PlanState;
use crate::ui::frame::state::edit_checked;
use crate::ui::widgets::field::{Commit, Field, FieldError};

#[component]
pub fn TeamRow(index: usize, first_year: Memo<Option<FirstYear>>) -> impl IntoView {
    let state = PlanState::expect();
    let team = Memo::new(move |_| {
        state
            .with_scenario(|s| s.teams.get(index).cloned())
            .flatten()
    });
    let usage = Memo::new(move |_| {
        state
            .with_scenario(|s| s.teams.get(index).map(|t| s.team_usage(&t.name)))
            .flatten()
            .unwrap_or_default()
    });
    let name = move || team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let name_now =
        move || team.with_untracked(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let figures = move || first_year.with(|y| y.as_ref().and_then(|y| y.teams.get(index).copied()));

    let rename: Commit = Rc::new(move |text: &str| {
        let old = name_now();
        // The plan's actuals follow the team to its new name.
        state.edit_plan_checked(|plan, index| {
            plan.rename_team(index, &old, text).map_err(|e| refusal(&e))
        })
    });
    let attrition_path = format!("teams[{index}].attrition");
    let rate: Commit = {
        let path = attrition_path.clone();
        Rc::new(move |text: &str| {
            let rate = parse_optional_percent(text).map_err(|e| input_error(&e))?;
            let name = name_now();
            state.try_edit_scenario(&path, move |s| s.set_team_attrition_rate(&name, rate))
        })
    };
    let lag: Commit = Rc::new(move |text: &str| {
        let months = if text.trim().is_empty() {
            None
        } else {
            // The horizon is at most 120 months: a longer lag never ends.
            Some(
                u8::try_from(parse_whole(text, 0, 120).map_err(|e| input_error(&e))?)
                    .unwrap_or(120),
            )
        };
        let name = name_now();
        state.try_edit_scenario(&attrition_path, move |s| {
            s.set_team_backfill_lag(&name, months)
        })
    });
    let rate_value = Signal::derive(move || {
        team.with(|t| {
            t.as_ref()
                .and_then(|t| t.attrition.as_ref())
                .map(|a| a.annual_rate_pct.normalize().to_string())
                .unwrap_or_default()
        })
    });
    let lag_value = Signal::derive(move || {
        team.with(|t| {
            t.as_ref()
                .and_then(|t| t.attrition.as_ref())
                .map(|a| a.backfill_lag_months.to_string())
                .unwrap_or_default()
        })
    });

    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete_button = NodeRef::<html::Button>::new();
    let on_delete = move |_| {
        if usage.get_untracked().is_unused() {
            let name = name_now();
            if let Err(message) =
                edit_checked(state, |s| s.delete_team(&name, TeamDeletion::WithPositions))
            {
                error.set(Some(message));
            }
        } else {
            asking.set(true);
        }
    };
    let close = Callback::new(move |()| {
        asking.set(false);
        if let Some(button) = delete_button.try_get_untracked().flatten() {
            let _ = button.focus();
        }
    });

    view! {
        <tbody class="team" data-testid="team-row" data-team=name>
            <tr>
                <td>
                    <Field label=t(TeamsText::TeamName) compact=true name="name" value=Signal::derive(name) commit=rename />
                </td>
                <td class="num">{move || usage.get().positions}</td>
                <td class="num" data-testid="team-heads">
                    {move || figures().map_or_else(|| "—".to_string(), |f| f.heads.to_string())}
                </td>
                <td class="num" data-testid="team-fte">
                    {move || figures().map_or_else(|| "—".to_string(), |f| f.fte.to_string())}
                </td>
                <td class="num" data-testid="team-cost">
                    {move || figures().map_or_else(|| "—".to_string(), |f| state.show_minor(f.cost))}
                </td>
                <td class="num">
                    <Field
                        label=t(TeamsText::AttritionOverride)
                        compact=true
                        numeric=true
                        name="attrition-rate"
                        placeholder=t(TeamsText::Default)
                        value=rate_value
                        commit=rate
                    />
                </td>
                <td class="num">
                    <Field
                        label=t(TeamsText::BackfillOverride)
                        compact=true
                        numeric=true
                        name="backfill-lag"
                        placeholder=t(TeamsText::Default)
                        value=lag_value
                        commit=lag
                    />
                </td>
                <td class="actions">
                    <button
                        type="button"
                        class="button-quiet"
                        data-testid="delete-team"
                        node_ref=delete_button
                        aria-label=move || texts::delete_team(&name())
                        aria-expanded=move || asking.get().to_string()
                        on:click=on_delete
                    >
                        {t(Common::Delete)}
                    </button>
                    <FieldError error=error />
                </td>
            </tr>
            <Show when=move || asking.get()>
                <tr class="team-delete-row">
                    <td colspan="8">
                        <DeleteTeam name=name_now() usage=usage.get_untracked() close=close />
                    </td>
                </tr>
            </Show>
        </tbody>
    }
}

/// Asks what happens to a team's positions (and the tools and costs naming
/// it) before deleting it. Cancel changes nothing.
#[component]
fn DeleteTeam(name: String, usage: TeamUsage, close: Callback<()>) -> impl IntoView {
    let state = PlanState::expect();
    let others: Vec<String> = state
        .with_scenario(|s| {
            s.teams
                .iter()
                .filter(|t| t.name != name)
                .map(|t| t.name.clone())
                .collect()
        })
        .unwrap_or_default();
    // "" deletes the positions with the team: no team has an empty name.
    let choice = RwSignal::new(others.first().cloned().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let select = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select.get() {
            let _ = el.focus();
        }
    });

    let question = texts::delete_question(&name, usage);
    let has_positions = usage.positions > 0;
    let delete_label = t(if has_positions {
        TeamsText::DeleteWithPositions
    } else {
        TeamsText::DeleteTeamOnly
    });
    let consequence = move || {
        let chosen = choice.get();
        if chosen.is_empty() {
            texts::deleted_with_team(usage)
        } else {
            texts::moved_to(&chosen)
        }
    };
    let confirm = {
        let name = name.clone();
        move |_| {
            let chosen = choice.get_untracked();
            let how = if chosen.is_empty() {
                TeamDeletion::WithPositions
            } else {
                TeamDeletion::MoveTo(chosen)
            };
            match edit_checked(state, |s| s.delete_team(&name, how)) {
                Ok(()) => close.run(()),
                Err(message) => error.set(Some(message)),
            }
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close.run(());
        }
    };
    let options = others
        .into_iter()
        .map(|team| {
            let label = texts::move_choice(&team, has_positions);
            view! { <option value=team>{label}</option> }
        })
        .collect_view();

    view! {
        <div
            class="team-delete"
            role="dialog"
            aria-label=texts::delete_team(&name)
            data-testid="team-delete-dialog"
            on:keydown=on_keydown
        >
            <p class="team-delete-question">{question}</p>
            <label class="field">
                <span class="field-label">{t(TeamsText::WhatHappens)}</span>
                <select
                    data-testid="team-delete-move"
                    node_ref=select
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    {options}
                    <option value="">{delete_label}</option>
                </select>
            </label>
            <p class="muted">{consequence}</p>
            <FieldError error=error />
            <div class="actions-row">
                <button type="button" class="button-danger" data-testid="team-delete-confirm" on:click=confirm>
                    {t(TeamsText::DeleteTeam)}
                </button>
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="team-delete-cancel"
                    on:click=move |_| close.run(())
                >
                    {t(Common::Cancel)}
                </button>
            </div>
        </div>
    }
}
