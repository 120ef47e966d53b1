//! The roster: every position of the plan, editable in place.

use leptos::prelude::*;

use super::add_position::AddPosition;
use super::monthly_cost::MonthlyCost;
use super::position_row::PositionRow;
use super::state::PlanState;

#[component]
pub fn Roster() -> impl IntoView {
    let state = PlanState::expect();
    let ids = Memo::new(move |_| {
        state.plan.with(|p| {
            p.scenarios
                .first()
                .map(|s| {
                    s.positions
                        .iter()
                        .map(|pos| pos.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let teams = Memo::new(move |_| {
        state.plan.with(|p| {
            p.scenarios
                .first()
                .map(|s| s.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <MonthlyCost />
        <section class="card" aria-labelledby="roster-title">
            <div class="card-head">
                <h2 id="roster-title">"Positions"</h2>
                <span class="muted" data-testid="position-count">
                    {move || match ids.with(Vec::len) {
                        1 => "1 position".to_string(),
                        n => format!("{n} positions"),
                    }}
                </span>
            </div>
            <datalist id="team-names">
                <For each=move || teams.get() key=|t| t.clone() let:team>
                    <option value=team></option>
                </For>
            </datalist>
            <table class="grid roster-table" data-testid="roster">
                <colgroup>
                    <col class="col-title" />
                    <col class="col-team" />
                    <col class="col-salary" />
                    <col class="col-start" />
                    <col class="col-actions" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">"Title"</th>
                        <th scope="col">"Team"</th>
                        <th scope="col" class="num">"Annual salary"</th>
                        <th scope="col">"Start month"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <PositionRow id=id />
                    </For>
                </tbody>
            </table>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty" data-testid="roster-empty">
                    "No positions yet. Add the first one below: its cost appears above at once."
                </p>
            </Show>
            <AddPosition />
        </section>
    }
}
