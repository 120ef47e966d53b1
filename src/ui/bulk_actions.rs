//! Bulk actions a planner needs: move every hire of a team (or all) by ±N
//! months, and set a team's recruiting fee.

use leptos::prelude::*;

use super::position_row::RosterContext;
use super::state::PlanState;
use crate::format::input::{parse_optional_percent, parse_whole};

#[component]
pub fn BulkActions() -> impl IntoView {
    let state = PlanState::expect();
    let roster = expect_context::<RosterContext>();
    let shift_team = RwSignal::new(String::new());
    let shift_months = RwSignal::new("3".to_string());
    let shift_note = RwSignal::new(None::<Result<String, String>>);
    let fee_team = RwSignal::new(String::new());
    let fee_pct = RwSignal::new(String::new());
    let fee_note = RwSignal::new(None::<Result<String, String>>);

    let team_choice = move |current: RwSignal<String>| {
        std::iter::once((String::new(), "All teams".to_string()))
            .chain(roster.teams.get())
            .map(|(value, label)| {
                let selected = current.get_untracked() == value;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let which = |team: &str| {
        if team.is_empty() {
            "of all teams".to_string()
        } else {
            format!("of {team}")
        }
    };

    let shift = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let months = match parse_whole(&shift_months.get_untracked(), -120, 120) {
            Ok(0) => {
                shift_note.set(Some(Err(
                    "Enter how many months: 3 later, −3 earlier.".into()
                )));
                return;
            }
            Ok(m) => m as i32,
            Err(message) => {
                shift_note.set(Some(Err(message)));
                return;
            }
        };
        let team = shift_team.get_untracked();
        let mut moved = 0;
        let result = state.try_edit_scenario("positions", |s| {
            moved = s.shift_hires((!team.is_empty()).then_some(team.as_str()), months);
        });
        shift_note.set(Some(result.map(|()| {
            let hires = if moved == 1 { "hire" } else { "hires" };
            format!(
                "Moved {moved} {hires} {} by {months:+} months.",
                which(&team)
            )
        })));
    };
    let set_fee = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pct = match parse_optional_percent(&fee_pct.get_untracked()) {
            Ok(p) => p,
            Err(message) => {
                fee_note.set(Some(Err(message)));
                return;
            }
        };
        let team = fee_team.get_untracked();
        let mut changed = 0;
        let result = state.try_edit_scenario("positions", |s| {
            changed = s.set_recruiting_fee((!team.is_empty()).then_some(team.as_str()), pct);
        });
        fee_note.set(Some(result.map(|()| {
            let what = pct.map_or_else(
                || "the scenario's default fee".to_string(),
                |p| format!("{} %", p.normalize()),
            );
            format!("{changed} position(s) {} now use {what}.", which(&team))
        })));
    };
    let note = |n: RwSignal<Option<Result<String, String>>>| {
        move || {
            n.get().map(|r| match r {
                Ok(text) => view! { <p class="note" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="field-error" role="alert">{text}</p> }.into_any(),
            })
        }
    };

    view! {
        <section class="card" aria-labelledby="bulk-title" data-testid="bulk-actions">
            <div class="card-head"><h2 id="bulk-title">"Bulk changes"</h2></div>
            <div class="bulk-grid">
                <form class="bulk" on:submit=shift data-testid="shift-hires" novalidate>
                    <h3>"Move hires"</h3>
                    <p class="muted">"Moves the start (and end) of every open or planned position. Filled positions stay."</p>
                    <div class="form-row">
                        <label class="field"><span class="field-label">"Team"</span>
                            <select data-field="shift-team" on:change=move |ev| shift_team.set(event_target_value(&ev))>
                                {move || team_choice(shift_team)}
                            </select>
                        </label>
                        <label class="field"><span class="field-label">"By months (−: earlier)"</span>
                            <input class="num short" data-field="shift-months" inputmode="numeric" bind:value=shift_months />
                        </label>
                        <button type="submit" class="button-secondary" data-testid="shift-hires-apply">"Move hires"</button>
                    </div>
                    {note(shift_note)}
                </form>
                <form class="bulk" on:submit=set_fee data-testid="team-fee" novalidate>
                    <h3>"Recruiting fee"</h3>
                    <p class="muted">"Sets the agency fee of a team's positions, in % of annual salary. Empty: the scenario's default."</p>
                    <div class="form-row">
                        <label class="field"><span class="field-label">"Team"</span>
                            <select data-field="fee-team" on:change=move |ev| fee_team.set(event_target_value(&ev))>
                                {move || team_choice(fee_team)}
                            </select>
                        </label>
                        <label class="field"><span class="field-label">"Fee (%)"</span>
                            <input class="num short" data-field="fee-pct" inputmode="decimal" placeholder="35" bind:value=fee_pct />
                        </label>
                        <button type="submit" class="button-secondary" data-testid="team-fee-apply">"Set fee"</button>
                    </div>
                    {note(fee_note)}
                </form>
            </div>
        </section>
    }
}
