//! The plan's scenarios: create (blank or as a copy), rename, reorder, pick
//! the base, lock as a snapshot, delete after confirming; the what-if
//! adjustments of the scenario shown; a copy of it into next year as a new
//! plan with an across-the-board change.

use std::rc::Rc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::format::input::{parse_optional_percent, parse_percent, parse_whole};
use crate::i18n::common::Common;
use crate::i18n::fields::input_error;
use crate::i18n::fx::FxText;
use crate::i18n::problems::refusal;
use crate::i18n::scenarios::{self as texts, ScenariosText as Text};
use crate::i18n::t;
use crate::model::Problem;
use crate::ui::frame::clock::today;
use crate::ui::frame::session::Session;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::{Commit, Field};

/// Turns typed text into a change of the adjustments, or a message.
type ParseAdjustment = fn(&str) -> Result<Box<dyn FnOnce(&mut crate::model::Adjustments)>, String>;

#[component]
pub fn Scenarios() -> impl IntoView {
    let state = PlanState::expect();
    let error = RwSignal::new(None::<String>);
    let report = move |result: Result<(), Problem>| error.set(result.err().map(|e| refusal(&e)));
    let count = move || state.plan.with(|p| p.scenarios.len());
    let rows = move || {
        (0..count())
            .map(|i| view! { <ScenarioRow index=i error=error /> })
            .collect_view()
    };
    let new_name = RwSignal::new(String::new());
    let add = move |_| {
        let name = new_name.get_untracked();
        let mut added = None;
        report(state.try_edit_plan(|p| {
            added = Some(p.add_scenario(&name)?);
            Ok(())
        }));
        if let Some(index) = added {
            state.scenario.set(index);
            new_name.set(String::new());
        }
    };
    view! {
        <section class="card" aria-labelledby="scenarios-title">
            <div class="card-head">
                <h2 id="scenarios-title">{t(Text::Title)}</h2>
                <span class="muted">{t(Text::Hint)}</span>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="table-scroll"><table class="grid scenario-list">
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Name)}</th>
                        <th scope="col">{t(Common::Base)}</th>
                        <th scope="col">{t(Text::Lock)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Common::Actions)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table></div>
            <form class="add-inline" on:submit=move |ev| { ev.prevent_default(); add(()); }>
                <label class="field">
                    <span class="field-label">{t(Text::NewBlank)}</span>
                    <input type="text" data-testid="new-scenario-name" placeholder=t(Text::Placeholder)
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button-secondary" data-testid="add-scenario">{t(Text::Add)}</button>
            </form>
        </section>
        <Adjustments />
        <NextYear />
    }
}

#[component]
fn ScenarioRow(index: usize, error: RwSignal<Option<String>>) -> impl IntoView {
    let state = PlanState::expect();
    let report = move |result: Result<(), Problem>| error.set(result.err().map(|e| refusal(&e)));
    let confirming = RwSignal::new(false);
    let name = move || {
        state.plan.with(|p| {
            p.scenarios
                .get(index)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let locked_on = move || {
        state
            .plan
            .with(|p| p.scenarios.get(index).and_then(|s| s.locked_on))
    };
    let is_base = move || state.plan.with(|p| p.base_index() == index);
    let shown = move || state.scenario_index() == index;
    let last = move || state.plan.with(|p| p.scenarios.len()) == 1;
    let first = index == 0;
    let at_end = move || state.plan.with(|p| index + 1 >= p.scenarios.len());
    let duplicate = move |_| {
        let copy = crate::i18n::plans::copy_name(&name());
        let mut added = None;
        report(state.try_edit_plan(|p| {
            added = Some(p.duplicate_scenario(index, &copy)?);
            Ok(())
        }));
        if let Some(i) = added {
            state.scenario.set(i);
        }
    };
    let move_to = move |to: usize| {
        report(state.try_edit_plan(|p| p.move_scenario(index, to)));
        if shown() {
            state.scenario.set(to);
        }
    };
    let delete = move |_| {
        confirming.set(false);
        let shown_before = state.scenario_index();
        report(state.try_edit_plan(|p| p.delete_scenario(index)));
        if shown_before >= index && shown_before > 0 {
            state.scenario.set(shown_before - 1);
        }
    };
    let toggle_lock = move |_| {
        if locked_on().is_some() {
            report(state.try_edit_plan(|p| p.unlock_scenario(index)));
        } else {
            let day = today();
            report(state.try_edit_plan(|p| p.lock_scenario(index, day)));
        }
    };
    view! {
        <tr data-testid="scenario-row" data-shown=move || shown().to_string()>
            <td><div class="plan-name-cell">
                <input type="text" class="plan-row-name" aria-label=texts::name_label(index + 1)
                    prop:value=name
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        report(state.try_edit_plan(|p| p.rename_scenario(index, &text)));
                    } />
                <Show when=shown>
                    <span class="tag">{t(Text::Shown)}</span>
                </Show>
            </div></td>
            <td>
                <input type="radio" name="base-scenario" aria-label=move || texts::compare_with(&name())
                    data-testid="base-scenario"
                    prop:checked=is_base
                    on:change=move |_| report(state.try_edit_plan(|p| p.set_base_scenario(index))) />
            </td>
            <td>
                <button type="button" class="button-quiet" data-testid="lock-scenario" on:click=toggle_lock
                    aria-pressed=move || locked_on().is_some().to_string()>
                    {move || match locked_on() {
                        Some(day) => texts::locked_on(day),
                        None => t(Text::Lock).to_string(),
                    }}
                </button>
            </td>
            <td class="actions">
                <Show when=move || !confirming.get() fallback=move || view! {
                    <span class="confirm" role="alert">
                        {t(Text::ConfirmDelete)}
                        <button type="button" class="button-danger" data-testid="confirm-delete-scenario" on:click=delete>{t(Common::Delete)}</button>
                        <button type="button" class="button-quiet" on:click=move |_| confirming.set(false)>{t(Common::Cancel)}</button>
                    </span>
                }>
                    <button type="button" class="button-secondary" data-testid="show-scenario"
                        disabled=shown on:click=move |_| state.scenario.set(index)>{t(Text::Show)}</button>
                    <button type="button" class="button-quiet" aria-label=t(Text::MoveUp) title=t(Text::MoveUp)
                        disabled=first on:click=move |_| move_to(index.saturating_sub(1))>"↑"</button>
                    <button type="button" class="button-quiet" aria-label=t(Text::MoveDown) title=t(Text::MoveDown)
                        disabled=at_end on:click=move |_| move_to(index + 1)>"↓"</button>
                    <button type="button" class="button-quiet" data-testid="duplicate-scenario" on:click=duplicate>{t(Common::Duplicate)}</button>
                    <button type="button" class="button-quiet button-danger" data-testid="delete-scenario"
                        disabled=last on:click=move |_| confirming.set(true)>{t(Common::Delete)}</button>
                </Show>
            </td>
        </tr>
    }
}

/// The what-if adjustments of the scenario shown.
#[component]
fn Adjustments() -> impl IntoView {
    let state = PlanState::expect();
    let name = move || state.with_scenario(|s| s.name.clone()).unwrap_or_default();
    let shown = move |f: fn(&crate::model::Adjustments) -> String| {
        Signal::derive(move || {
            state
                .with_scenario(|s| f(&s.adjustments))
                .unwrap_or_default()
        })
    };
    let commit = |field: &'static str, parse: ParseAdjustment| -> Commit {
        Rc::new(move |text: &str| {
            let apply = parse(text)?;
            state.try_edit_scenario(&format!("adjustments.{field}"), |s| {
                apply(&mut s.adjustments)
            })
        })
    };
    let reset = move |_| {
        let _ = state.try_edit_scenario("adjustments", |s| s.adjustments = Default::default());
    };
    view! {
        <section class="card" aria-labelledby="adjust-title" data-testid="adjustments">
            <div class="card-head">
                <h2 id="adjust-title">{move || texts::adjustments_of(&name())}</h2>
                <button type="button" class="button-quiet" data-testid="reset-adjustments" on:click=reset
                    disabled=move || state.with_scenario(|s| s.adjustments.is_none()).unwrap_or(true)>
                    {t(Text::ResetAll)}
                </button>
            </div>
            <p class="muted">{t(Text::AdjustIntro)}</p>
            <fieldset class="edit-lock" disabled=move || state.locked()>
            <div class="form-grid">
                <Field label=t(Text::Slip) name="hire_slip_months" numeric=true
                    unit=t(Text::SlipUnit)
                    value=shown(|a| a.hire_slip_months.to_string())
                    commit=commit("hire_slip_months", |t| {
                        let months = parse_whole(t, -120, 120).map_err(|e| input_error(&e))?;
                        Ok(Box::new(move |a| a.hire_slip_months = months as i32))
                    }) />
                <Field label=t(Text::CloudGrowth) name="cloud_growth_points" numeric=true
                    unit=t(Text::CloudGrowthUnit)
                    value=shown(|a| a.cloud_growth_points.normalize().to_string())
                    commit=commit("cloud_growth_points", move |t| {
                        let v = if t.trim().is_empty() { Decimal::ZERO } else { parse_percent(t, true).map_err(|e| input_error(&e))? };
                        Ok(Box::new(move |a| a.cloud_growth_points = v))
                    }) />
                <Field label=t(Text::Raise) name="raise_points" numeric=true unit=t(Text::RaiseUnit)
                    value=shown(|a| a.raise_points.normalize().to_string())
                    commit=commit("raise_points", move |t| {
                        let v = if t.trim().is_empty() { Decimal::ZERO } else { parse_percent(t, true).map_err(|e| input_error(&e))? };
                        Ok(Box::new(move |a| a.raise_points = v))
                    }) />
                <Field label=t(FxText::FxWhatIf) name="fx_pct" numeric=true unit="%"
                    value=shown(|a| a.fx_pct.normalize().to_string())
                    commit=commit("fx_pct", move |t| {
                        let v = if t.trim().is_empty() { Decimal::ZERO } else { parse_percent(t, true).map_err(|e| input_error(&e))? };
                        Ok(Box::new(move |a| a.fx_pct = v))
                    }) />
                <Field label=t(Text::Attrition) name="attrition_pct" numeric=true
                    unit=t(Text::AttritionUnit)
                    value=shown(|a| a.attrition_pct.map(|v| v.normalize().to_string()).unwrap_or_default())
                    commit=commit("attrition_pct", |t| {
                        let v = parse_optional_percent(t).map_err(|e| input_error(&e))?;
                        Ok(Box::new(move |a| a.attrition_pct = v))
                    }) />
            </div>
            <p class="muted hint">{t(FxText::FxWhatIfNote)}</p>
            </fieldset>
        </section>
    }
}

/// "Copy last year's plan with an across-the-board change": the scenario
/// shown becomes a new plan a year later, salaries and cloud baselines
/// changed by a percentage.
#[component]
fn NextYear() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    let salary = RwSignal::new(String::from("0"));
    let cloud = RwSignal::new(String::from("0"));
    let error = RwSignal::new(None::<String>);
    let copy = move |_| {
        let result = (|| {
            let salary =
                parse_percent(&salary.get_untracked(), true).map_err(|e| input_error(&e))?;
            let cloud = parse_percent(&cloud.get_untracked(), true).map_err(|e| input_error(&e))?;
            let index = state.scenario_index();
            let mut plan = state
                .plan
                .with_untracked(|p| p.next_year_plan(index, salary, cloud))
                .map_err(|e| refusal(&e))?;
            if let Some(name) = state
                .plan
                .with_untracked(|p| texts::next_year_name(&p.name))
            {
                plan.name = name;
            }
            session.create(state, &plan)
        })();
        error.set(result.err());
    };
    view! {
        <section class="card" aria-labelledby="next-year-title">
            <div class="card-head"><h2 id="next-year-title">{t(Text::NextYear)}</h2></div>
            <p class="muted">{t(Text::NextYearIntro)}</p>
            <div class="form-grid">
                <label class="field">
                    <span class="field-label">{t(Text::Salaries)}</span>
                    <span class="field-input">
                        <input type="text" class="num" data-testid="next-year-salary" prop:value=move || salary.get()
                            on:input=move |ev| salary.set(event_target_value(&ev)) />
                        <span class="unit">{t(Text::PercentChange)}</span>
                    </span>
                </label>
                <label class="field">
                    <span class="field-label">{t(Text::CloudBaselines)}</span>
                    <span class="field-input">
                        <input type="text" class="num" data-testid="next-year-cloud" prop:value=move || cloud.get()
                            on:input=move |ev| cloud.set(event_target_value(&ev)) />
                        <span class="unit">{t(Text::PercentChange)}</span>
                    </span>
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="button" class="button-primary" data-testid="copy-next-year" on:click=copy>
                {t(Text::CopyNew)}
            </button>
        </section>
    }
}
