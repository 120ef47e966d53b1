//! The plan being edited, its forecast, and whether it is saved.
//!
//! Every edit goes through [`PlanState::edit`] or [`PlanState::try_edit`]:
//! the second applies the edit to a copy, asks the engine's validation about
//! the field, and only then replaces the plan, so an invalid value never
//! reaches the totals.

use leptos::prelude::*;

use rust_decimal::Decimal;

use crate::model::{
    Currency, Plan, PlanError, Position, Scenario, ScenarioForecast, forecast_after_position_edit,
    forecast_scenario, format_minor, round_to_minor, validate_scenario,
};

/// The plan as it was before an edit of one position, kept until the
/// forecast has taken the edit in: then only that position is recomputed.
struct PositionEdit {
    scenario: usize,
    index: usize,
    before: Plan,
}

/// Whether the plan on screen is in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// A change waits to be written (see `autosave`).
    Saving,
    Failed(String),
    /// An unreadable record could not be set aside, so nothing is saved over it.
    Blocked,
}

/// The app-wide state, shared through context.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub plan: RwSignal<Plan>,
    /// Index of the scenario the views show and edit.
    pub scenario: RwSignal<usize>,
    /// The plan's currency (yen when the code is unknown: the forecast then
    /// reports the code as invalid).
    pub currency: Memo<Currency>,
    /// The current scenario's forecast, recomputed whenever the plan changes.
    pub forecast: Memo<Result<ScenarioForecast, Vec<PlanError>>>,
    pub save_status: RwSignal<SaveStatus>,
    pending: StoredValue<Option<PositionEdit>>,
}

impl PlanState {
    pub fn new(plan: Plan, save_status: SaveStatus) -> Self {
        let plan = RwSignal::new(plan);
        let scenario = RwSignal::new(0usize);
        let pending = StoredValue::new(None::<PositionEdit>);
        let forecast = Memo::new(
            move |previous: Option<&Result<ScenarioForecast, Vec<PlanError>>>| {
                let index = scenario.get();
                let edit = pending.try_update_value(Option::take).flatten();
                plan.with(|p| {
                    let index = index.min(p.scenarios.len().saturating_sub(1));
                    // One position changed since the last forecast: update it
                    // instead of recomputing every position (same totals, tested
                    // in tests/engine_incremental.rs).
                    let incremental = match (edit, previous) {
                        (Some(edit), Some(Ok(previous)))
                            if edit.scenario == index
                                && edit.before.differs_only_in_position(p, index, edit.index) =>
                        {
                            let old: Option<&Position> = edit
                                .before
                                .scenarios
                                .get(index)
                                .and_then(|s| s.positions.get(edit.index));
                            old.and_then(|old| {
                                forecast_after_position_edit(previous, p, index, edit.index, old)
                            })
                        }
                        _ => None,
                    };
                    incremental.map_or_else(|| forecast_scenario(p, index), Ok)
                })
            },
        );
        let currency = Memo::new(move |_| {
            plan.with(|p| p.currency())
                .or_else(|| Currency::from_code("JPY"))
                .expect("JPY is in the currency table")
        });
        Self {
            plan,
            scenario,
            currency,
            forecast,
            save_status: RwSignal::new(save_status),
            pending,
        }
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The current scenario's index, kept inside the plan's scenarios.
    pub fn scenario_index(&self) -> usize {
        let index = self.scenario.get();
        self.plan
            .with(|p| index.min(p.scenarios.len().saturating_sub(1)))
    }

    /// The path of a field of the current scenario, as validation names it:
    /// `scenario_path("people.raise_pct")` is `scenarios[0].people.raise_pct`.
    pub fn scenario_path(&self, field: &str) -> String {
        format!("scenarios[{}].{field}", self.scenario_index_untracked())
    }

    fn scenario_index_untracked(&self) -> usize {
        let index = self.scenario.get_untracked();
        self.plan
            .with_untracked(|p| index.min(p.scenarios.len().saturating_sub(1)))
    }

    /// Reads the current scenario (tracked).
    pub fn with_scenario<T>(&self, read: impl FnOnce(&Scenario) -> T) -> Option<T> {
        let index = self.scenario_index();
        self.plan.with(|p| p.scenarios.get(index).map(read))
    }

    /// Puts another plan in place (one opened from storage): not an edit.
    pub fn replace_plan(&self, plan: Plan) {
        self.scenario.set(0);
        self.plan.set(plan);
    }

    /// Applies an edit that cannot make the plan invalid (a delete, a move).
    pub fn edit(&self, apply: impl FnOnce(&mut Plan)) {
        self.plan.update(apply);
    }

    /// Applies an edit to the current scenario that cannot make it invalid.
    pub fn edit_scenario(&self, apply: impl FnOnce(&mut Scenario)) {
        let index = self.scenario_index_untracked();
        self.plan.update(|p| {
            if let Some(scenario) = p.scenarios.get_mut(index) {
                apply(scenario);
            }
        });
    }

    /// Applies an edit only if it brings no new problem into the current
    /// scenario: validation runs on a copy first. A problem at `path` (the
    /// field being edited, or a part of it) is reported before one elsewhere
    /// (a currency without cents makes amounts with cents invalid). On a
    /// problem the plan is unchanged and its message, as a sentence for the
    /// field, is returned.
    pub fn try_edit(&self, path: &str, apply: impl FnOnce(&mut Plan)) -> Result<(), String> {
        let index = self.scenario_index_untracked();
        self.try_apply(path, index, apply, &mut None)
    }

    /// Validates `apply` on a copy and, if it brings no new problem, puts the
    /// copy in place; the plan it replaced goes to `before`.
    fn try_apply(
        &self,
        path: &str,
        index: usize,
        apply: impl FnOnce(&mut Plan),
        before: &mut Option<Plan>,
    ) -> Result<(), String> {
        let mut candidate = self.plan.get_untracked();
        apply(&mut candidate);
        let after = validate_scenario(&candidate, index);
        if !after.is_empty() {
            // Problems the plan already had (a stored plan with errors) do not
            // block fixing others.
            let old = self.plan.with_untracked(|p| validate_scenario(p, index));
            let new: Vec<&PlanError> = after.iter().filter(|e| !old.contains(e)).collect();
            let problem = new
                .iter()
                .find(|e| concerns(&e.path, path))
                .or_else(|| new.first());
            if let Some(problem) = problem {
                return Err(sentence(&problem.message));
            }
        }
        // The replaced plan is moved out, not copied: a 5,000-position plan
        // is copied once per edit (the candidate), not twice.
        self.plan
            .update(|p| *before = Some(std::mem::replace(p, candidate)));
        Ok(())
    }

    /// [`try_edit`](Self::try_edit) of one field of position `index` of the
    /// current scenario (`field` as in `fte`). The forecast then recomputes
    /// only that position.
    pub fn try_edit_position(
        &self,
        index: usize,
        field: &str,
        apply: impl FnOnce(&mut Position),
    ) -> Result<(), String> {
        let scenario = self.scenario_index_untracked();
        let path = format!("scenarios[{scenario}].positions[{index}].{field}");
        let mut before = None;
        self.try_apply(
            &path,
            scenario,
            |candidate| {
                if let Some(p) = candidate
                    .scenarios
                    .get_mut(scenario)
                    .and_then(|s| s.positions.get_mut(index))
                {
                    apply(p);
                }
            },
            &mut before,
        )?;
        if let Some(before) = before {
            self.pending.set_value(Some(PositionEdit {
                scenario,
                index,
                before,
            }));
        }
        Ok(())
    }

    /// [`try_edit`](Self::try_edit) on the current scenario; `field` is the
    /// path inside the scenario (`positions[3].fte`).
    pub fn try_edit_scenario(
        &self,
        field: &str,
        apply: impl FnOnce(&mut Scenario),
    ) -> Result<(), String> {
        let index = self.scenario_index_untracked();
        let path = format!("scenarios[{index}].{field}");
        self.try_edit(&path, |p| {
            if let Some(scenario) = p.scenarios.get_mut(index) {
                apply(scenario);
            }
        })
    }

    /// An amount as the plan's currency shows it: `6,000,000`, `1,234.50`.
    pub fn show_amount(&self, amount: Decimal) -> String {
        let currency = self.currency.get();
        round_to_minor(amount, currency.exponent())
            .map(|minor| format_minor(minor, currency))
            .unwrap_or_else(|| amount.to_string())
    }

    /// Minor units (a total from the engine) in the plan's currency.
    pub fn show_minor(&self, minor: i128) -> String {
        format_minor(minor, self.currency.get())
    }
}

/// Whether an error at `error_path` is about the field at `field_path`
/// (the field itself or a part of it).
fn concerns(error_path: &str, field_path: &str) -> bool {
    error_path
        .strip_prefix(field_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The engine writes lower-case fragments ("the FTE must be ..."); beside a
/// field they read as a sentence.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_concerns_itself_and_its_parts_only() {
        assert!(concerns(
            "scenarios[0].people.raise_pct",
            "scenarios[0].people.raise_pct"
        ));
        assert!(concerns(
            "scenarios[0].cloud.lines[1].commitment.start",
            "scenarios[0].cloud.lines[1]"
        ));
        assert!(concerns(
            "scenarios[0].positions[3]",
            "scenarios[0].positions"
        ));
        assert!(!concerns(
            "scenarios[0].positions[13].fte",
            "scenarios[0].positions[1]"
        ));
        assert!(!concerns(
            "scenarios[0].people.raise_pct_x",
            "scenarios[0].people.raise_pct"
        ));
    }

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(
            sentence("the FTE must be above 0"),
            "The FTE must be above 0."
        );
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
