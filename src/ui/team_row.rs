//! One team of the teams table: its name, figures, attrition override, and
//! deleting it, which asks first what happens to what belongs to it.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use super::field::{Commit, Field, FieldError};
use super::state::PlanState;
use super::teams::{FirstYear, edit_checked};
use crate::format::input::{parse_optional_percent, parse_whole};
use crate::model::teams::{TeamDeletion, TeamUsage};

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
        edit_checked(state, |s| s.rename_team(&old, text))
    });
    let attrition_path = format!("teams[{index}].attrition");
    let rate: Commit = {
        let path = attrition_path.clone();
        Rc::new(move |text: &str| {
            let rate = parse_optional_percent(text)?;
            let name = name_now();
            state.try_edit_scenario(&path, move |s| s.set_team_attrition_rate(&name, rate))
        })
    };
    let lag: Commit = Rc::new(move |text: &str| {
        let months = if text.trim().is_empty() {
            None
        } else {
            // The horizon is at most 120 months: a longer lag never ends.
            Some(u8::try_from(parse_whole(text, 0, 120)?).unwrap_or(120))
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
                    <Field label="Team name" compact=true name="name" value=Signal::derive(name) commit=rename />
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
                        label="Attrition override, % a year"
                        compact=true
                        numeric=true
                        name="attrition-rate"
                        placeholder="default"
                        value=rate_value
                        commit=rate
                    />
                </td>
                <td class="num">
                    <Field
                        label="Backfill lag override, months"
                        compact=true
                        numeric=true
                        name="backfill-lag"
                        placeholder="default"
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
                        aria-label=move || format!("Delete team {}", name())
                        aria-expanded=move || asking.get().to_string()
                        on:click=on_delete
                    >
                        "Delete"
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

    let TeamUsage {
        positions,
        tools,
        other_costs,
    } = usage;
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut naming = Vec::new();
    if tools > 0 {
        naming.push(count(tools, "tool", "tools"));
    }
    if other_costs > 0 {
        naming.push(count(other_costs, "other cost", "other costs"));
    }
    let verb = if tools + other_costs == 1 {
        "names"
    } else {
        "name"
    };
    let question = match (positions, naming.is_empty()) {
        (0, _) => format!(
            "Delete \u{201c}{name}\u{201d}? {} {verb} it.",
            naming.join(" and ")
        ),
        (_, true) => format!(
            "Delete \u{201c}{name}\u{201d}? It has {}.",
            count(positions, "position", "positions")
        ),
        (_, false) => format!(
            "Delete \u{201c}{name}\u{201d}? It has {}; {} {verb} it.",
            count(positions, "position", "positions"),
            naming.join(" and ")
        ),
    };
    let (move_label, delete_label) = if positions > 0 {
        ("Move them to ", "Delete them with the team")
    } else {
        ("Move its tool seats and costs to ", "Delete the team only")
    };
    let consequence = move || {
        let chosen = choice.get();
        if chosen.is_empty() {
            let mut parts = Vec::new();
            if positions > 0 {
                parts.push(format!(
                    "{} deleted.",
                    count(positions, "position is", "positions are")
                ));
            }
            if tools > 0 {
                parts.push(
                    "Tools only this team used are removed; the others no longer list it."
                        .to_string(),
                );
            }
            if other_costs > 0 {
                parts.push(format!(
                    "{} in the budget as costs of no team.",
                    count(other_costs, "other cost stays", "other costs stay")
                ));
            }
            parts.join(" ")
        } else {
            format!("Its positions, other costs and tool seats move to {chosen}.")
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
            let label = format!("{move_label}{team}");
            view! { <option value=team>{label}</option> }
        })
        .collect_view();

    view! {
        <div
            class="team-delete"
            role="dialog"
            aria-label=format!("Delete team {name}")
            data-testid="team-delete-dialog"
            on:keydown=on_keydown
        >
            <p class="team-delete-question">{question}</p>
            <label class="field">
                <span class="field-label">"What happens to them"</span>
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
                    "Delete team"
                </button>
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="team-delete-cancel"
                    on:click=move |_| close.run(())
                >
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
