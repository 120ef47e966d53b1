//! Which scenario the views show and edit, in the header, with its lock.

use leptos::prelude::*;

use crate::i18n::common::Common;
use crate::i18n::shell::locked_tag;
use crate::i18n::{format, t};
use crate::ui::frame::state::PlanState;

#[component]
pub fn ScenarioPicker() -> impl IntoView {
    let state = PlanState::expect();
    let names = Memo::new(move |_| {
        state.plan.with(|p| {
            p.scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let options = move || {
        let shown = state.scenario_index();
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, name)| view! { <option value=i.to_string() selected=i == shown>{name}</option> })
            .collect_view()
    };
    let locked_on = move || {
        state
            .with_scenario(|s| s.locked_on)
            .flatten()
            .map(format::date)
    };
    view! {
        <label class="scenario-picker">
            {t(Common::Scenario)}
            <select data-testid="scenario-picker"
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        state.scenario.set(i);
                    }
                }>
                {options}
            </select>
            {move || locked_on().map(|day| {
                let (tag, title) = locked_tag(&day);
                view! { <span class="tag" data-testid="scenario-locked" title=title>{tag}</span> }
            })}
        </label>
    }
}
