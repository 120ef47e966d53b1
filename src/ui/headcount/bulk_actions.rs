//! Bulk actions a planner needs: move every hire of a team (or all) by ±N
//! months, and set a team's recruiting fee.

use leptos::prelude::*;

use super::position_row::RosterContext;
use crate::format::input::{parse_optional_percent, parse_whole};
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::roster::{RosterText, fee_set, moved_hires};
use crate::i18n::t;
use crate::ui::frame::state::PlanState;

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
        std::iter::once((String::new(), t(Common::AllTeams).to_string()))
            .chain(roster.teams.get())
            .map(|(value, label)| {
                let selected = current.get_untracked() == value;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let shift = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let months = match parse_whole(&shift_months.get_untracked(), -120, 120) {
            Ok(0) => {
                shift_note.set(Some(Err(t(RosterText::MonthsMissing).into())));
                return;
            }
            Ok(m) => m as i32,
            Err(error) => {
                shift_note.set(Some(Err(input_error(&error))));
                return;
            }
        };
        let team = shift_team.get_untracked();
        let mut moved = 0;
        let result = state.try_edit_scenario("positions", |s| {
            moved = s.shift_hires((!team.is_empty()).then_some(team.as_str()), months);
        });
        shift_note.set(Some(result.map(|()| moved_hires(moved, months, &team))));
    };
    let set_fee = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pct = match parse_optional_percent(&fee_pct.get_untracked()) {
            Ok(p) => p,
            Err(error) => {
                fee_note.set(Some(Err(input_error(&error))));
                return;
            }
        };
        let team = fee_team.get_untracked();
        let mut changed = 0;
        let result = state.try_edit_scenario("positions", |s| {
            changed = s.set_recruiting_fee((!team.is_empty()).then_some(team.as_str()), pct);
        });
        fee_note.set(Some(result.map(|()| fee_set(changed, pct, &team))));
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
            <div class="card-head"><h2 id="bulk-title">{t(RosterText::BulkHeading)}</h2></div>
            // Both actions edit the scenario: read-only while it is locked.
            <fieldset class="bulk-grid" disabled=move || state.locked()>
                <form class="bulk" on:submit=shift data-testid="shift-hires" novalidate>
                    <h3>{t(RosterText::MoveHiresHeading)}</h3>
                    <p class="muted">{t(RosterText::MoveHiresHelp)}</p>
                    <div class="form-row">
                        <label class="field"><span class="field-label">{t(Common::Team)}</span>
                            <select data-field="shift-team" on:change=move |ev| shift_team.set(event_target_value(&ev))>
                                {move || team_choice(shift_team)}
                            </select>
                        </label>
                        <label class="field"><span class="field-label">{t(RosterText::ByMonths)}</span>
                            <input class="num short" data-field="shift-months" inputmode="numeric" bind:value=shift_months />
                        </label>
                        <button type="submit" class="button-secondary" data-testid="shift-hires-apply">{t(RosterText::MoveHires)}</button>
                    </div>
                    {note(shift_note)}
                </form>
                <form class="bulk" on:submit=set_fee data-testid="team-fee" novalidate>
                    <h3>{t(RosterText::FeeHeading)}</h3>
                    <p class="muted">{t(RosterText::FeeHelp)}</p>
                    <div class="form-row">
                        <label class="field"><span class="field-label">{t(Common::Team)}</span>
                            <select data-field="fee-team" on:change=move |ev| fee_team.set(event_target_value(&ev))>
                                {move || team_choice(fee_team)}
                            </select>
                        </label>
                        <label class="field"><span class="field-label">{t(RosterText::FeePct)}</span>
                            <input class="num short" data-field="fee-pct" inputmode="decimal" placeholder="35" bind:value=fee_pct />
                        </label>
                        <button type="submit" class="button-secondary" data-testid="team-fee-apply">{t(RosterText::SetFee)}</button>
                    </div>
                    {note(fee_note)}
                </form>
            </fieldset>
        </section>
    }
}
