//! The plan being edited, its forecast, whether it is saved, and the undo
//! history.
//!
//! Every edit goes through [`PlanState::edit`] or [`PlanState::try_edit`]
//! (the plan signal is read-only outside): the second applies the edit to a
//! copy, asks the engine's validation about the field, and only then replaces
//! the plan, so an invalid value never reaches the totals. Both keep what the
//! edit replaced for [`PlanState::undo`].

use leptos::prelude::*;

use rust_decimal::Decimal;

use super::history::{Change, History};
use crate::i18n::plans::{PlansText, save_error};
use crate::i18n::problems::{ProblemsText, problem_text};
use crate::i18n::{Lang, format, lang, t};
use crate::model::{
    Currency, Plan, PlanError, Position, Problem, Scenario, ScenarioForecast,
    forecast_after_position_edit, forecast_scenario, validate_scenario,
};
use crate::storage::library::SaveError;

/// What changed in the plan since the forecast was last computed.
enum Changed {
    /// Only one position, which was `old` when the forecast was computed:
    /// the forecast then recomputes only that position.
    Position {
        scenario: usize,
        index: usize,
        old: Box<Position>,
    },
    /// Only the actuals: the forecast stays as it is.
    Actuals,
    /// Anything else: the forecast is computed in full.
    Other,
}

/// Why an edit of a locked scenario is refused.
fn locked() -> String {
    t(ProblemsText::Locked).to_string()
}

/// Whether the plan on screen is in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// A change waits to be written (see `autosave`).
    Saving,
    Failed(SaveFailure),
    /// An unreadable record could not be set aside, so nothing is saved over it.
    Blocked,
}

/// Why the plan on screen is not saved. Kept as what happened and put into
/// words when shown, so it follows a switch of language.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    /// The library refused or failed the save.
    Store(SaveError),
    /// This browser gives the page no storage at all.
    NoStorage,
}

impl SaveFailure {
    /// Why, in the current language.
    pub fn text(&self) -> String {
        match self {
            Self::Store(error) => save_error(error),
            Self::NoStorage => t(PlansText::NotSavedStorage).to_string(),
        }
    }
}

/// The app-wide state, shared through context.
#[derive(Clone, Copy)]
pub struct PlanState {
    /// The plan, to read. It changes only through the methods below, so every
    /// change is validated and can be undone.
    pub plan: ReadSignal<Plan>,
    source: RwSignal<Plan>,
    /// Index of the scenario the views show and edit.
    pub scenario: RwSignal<usize>,
    /// The plan's currency (yen when the code is unknown: the forecast then
    /// reports the code as invalid).
    pub currency: Memo<Currency>,
    /// The current scenario's forecast, recomputed whenever the plan changes.
    pub forecast: Memo<Result<ScenarioForecast, Vec<PlanError>>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Whether there is an edit to undo / to redo.
    pub can_undo: Memo<bool>,
    pub can_redo: Memo<bool>,
    /// The id of the edit an undo would take back: an edit's id is the
    /// history's `last_edit` right after it.
    pub last_edit: Memo<Option<u64>>,
    /// `None` while the forecast is up to date with the plan.
    pending: StoredValue<Option<Changed>>,
    history: RwSignal<History<Change>>,
}

impl PlanState {
    pub fn new(plan: Plan, save_status: SaveStatus) -> Self {
        let source = RwSignal::new(plan);
        let scenario = RwSignal::new(0usize);
        let pending = StoredValue::new(None::<Changed>);
        let forecast = Memo::new(
            move |previous: Option<&Result<ScenarioForecast, Vec<PlanError>>>| {
                let index = scenario.get();
                let changed = pending.try_update_value(Option::take).flatten();
                source.with(|p| {
                    let index = index.min(p.scenarios.len().saturating_sub(1));
                    // One position changed since the last forecast: update it
                    // instead of recomputing every position (same totals, tested
                    // in tests/engine_incremental.rs). The previous forecast
                    // must be of this scenario; the function checks it.
                    let incremental = match (changed, previous) {
                        // Actuals are read beside the forecast, never by it.
                        (Some(Changed::Actuals), Some(Ok(previous)))
                            if previous.scenario() == index =>
                        {
                            Some(previous.clone())
                        }
                        (
                            Some(Changed::Position {
                                scenario,
                                index: position,
                                old,
                            }),
                            Some(Ok(previous)),
                        ) if scenario == index => {
                            forecast_after_position_edit(previous, p, index, position, &old)
                        }
                        _ => None,
                    };
                    incremental.map_or_else(|| forecast_scenario(p, index), Ok)
                })
            },
        );
        let currency = Memo::new(move |_| {
            source
                .with(|p| p.currency())
                .or_else(|| Currency::from_code("JPY"))
                .expect("JPY is in the currency table")
        });
        let history = RwSignal::new(History::default());
        Self {
            plan: source.read_only(),
            source,
            scenario,
            currency,
            forecast,
            save_status: RwSignal::new(save_status),
            can_undo: Memo::new(move |_| history.with(History::can_undo)),
            can_redo: Memo::new(move |_| history.with(History::can_redo)),
            last_edit: Memo::new(move |_| history.with(History::last_id)),
            pending,
            history,
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

    /// Applies an edit that cannot make the plan invalid (a delete, a move).
    pub fn edit(&self, apply: impl FnOnce(&mut Plan)) {
        // Applied to a copy so the replaced plan is kept for undo without a
        // second copy.
        let mut candidate = self.source.get_untracked();
        apply(&mut candidate);
        self.put(candidate);
    }

    /// Applies an edit to the current scenario that cannot make it invalid.
    pub fn edit_scenario(&self, apply: impl FnOnce(&mut Scenario)) {
        let index = self.scenario_index_untracked();
        if self.is_locked(index) {
            return;
        }
        self.edit(|p| {
            if let Some(scenario) = p.scenarios.get_mut(index) {
                apply(scenario);
            }
        });
    }

    /// Applies an edit of the current scenario that checks itself (a rename,
    /// an addition, a deletion): on `Err` the plan is untouched and nothing
    /// re-renders or is saved.
    pub fn edit_scenario_checked(
        &self,
        apply: impl FnOnce(&mut Scenario) -> Result<(), String>,
    ) -> Result<(), String> {
        self.edit_plan_checked(|plan, index| {
            let scenario = plan
                .scenarios
                .get_mut(index)
                .ok_or_else(|| t(ProblemsText::NoScenarioToEdit).to_string())?;
            apply(scenario)
        })
    }

    /// As [`edit_scenario_checked`](Self::edit_scenario_checked), for an
    /// edit of the current scenario (its index given) that reaches the rest
    /// of the plan too, such as a team rename the actuals follow.
    pub fn edit_plan_checked(
        &self,
        apply: impl FnOnce(&mut Plan, usize) -> Result<(), String>,
    ) -> Result<(), String> {
        let index = self.scenario_index_untracked();
        if self.is_locked(index) {
            return Err(locked());
        }
        let mut candidate = self.source.get_untracked();
        apply(&mut candidate, index)?;
        self.put(candidate);
        Ok(())
    }

    /// Applies an edit only if it brings no new problem into the current
    /// scenario: validation runs on a copy first. A problem at `path` (the
    /// field being edited, or a part of it) is reported before one elsewhere
    /// (a currency without cents makes amounts with cents invalid). On a
    /// problem the plan is unchanged and its message, as a sentence for the
    /// field, is returned.
    pub fn try_edit(&self, path: &str, apply: impl FnOnce(&mut Plan)) -> Result<(), String> {
        let index = self.scenario_index_untracked();
        let candidate = self.validated(path, index, apply)?;
        self.put(candidate);
        Ok(())
    }

    /// Whether scenario `index` is locked as a snapshot (untracked).
    fn is_locked(&self, index: usize) -> bool {
        self.source.with_untracked(|p| {
            p.scenarios
                .get(index)
                .is_some_and(|s| s.locked_on.is_some())
        })
    }

    /// Whether the scenario shown is locked (tracked): its inputs are read-only.
    pub fn locked(&self) -> bool {
        let index = self.scenario_index();
        self.plan.with(|p| {
            p.scenarios
                .get(index)
                .is_some_and(|s| s.locked_on.is_some())
        })
    }

    /// A change of the plan's scenarios (add, copy, rename, move, lock,
    /// unlock, the base): the model refuses what it cannot do, naming the
    /// problem, and the plan is then unchanged.
    pub fn try_edit_plan(
        &self,
        apply: impl FnOnce(&mut Plan) -> Result<(), Problem>,
    ) -> Result<(), Problem> {
        let mut candidate = self.source.get_untracked();
        apply(&mut candidate)?;
        self.put(candidate);
        Ok(())
    }

    /// `apply` on a copy of the plan, if it brings no new problem and the
    /// scenario shown is not locked.
    fn validated(
        &self,
        path: &str,
        index: usize,
        apply: impl FnOnce(&mut Plan),
    ) -> Result<Plan, String> {
        if self.is_locked(index) {
            return Err(locked());
        }
        let mut candidate = self.source.get_untracked();
        apply(&mut candidate);
        let after = validate_scenario(&candidate, index);
        if !after.is_empty() {
            // Problems the plan already had (a stored plan with errors) do not
            // block fixing others.
            let old = self.source.with_untracked(|p| validate_scenario(p, index));
            let new: Vec<&PlanError> = after.iter().filter(|e| !old.contains(e)).collect();
            let problem = new
                .iter()
                .find(|e| concerns(&e.path, path))
                .or_else(|| new.first());
            if let Some(problem) = problem {
                return Err(field_message(problem));
            }
        }
        Ok(candidate)
    }

    /// Puts `plan` in place of the plan and keeps the replaced one for undo
    /// (unless nothing changed).
    fn put(&self, plan: Plan) {
        let only_actuals = self
            .source
            .with_untracked(|p| p.differs_only_in_actuals(&plan));
        self.note(if only_actuals {
            Changed::Actuals
        } else {
            Changed::Other
        });
        let before = self.swap_plan(plan);
        if self.source.with_untracked(|p| *p != before) {
            self.record(Change::Plan(Box::new(before)));
        }
    }

    /// Puts `plan` in place and returns the replaced one: moved out, not
    /// copied, so a 5,000-position plan is copied once per edit (the
    /// candidate), not twice.
    fn swap_plan(&self, mut plan: Plan) -> Plan {
        super::crash::injected_fault();
        self.source.update(|p| std::mem::swap(p, &mut plan));
        plan
    }

    /// [`try_edit`](Self::try_edit) of one field of position `index` of the
    /// current scenario (`field` as in `fte`). The forecast then recomputes
    /// only that position, and the history keeps only that position.
    pub fn try_edit_position(
        &self,
        index: usize,
        field: &str,
        apply: impl FnOnce(&mut Position),
    ) -> Result<(), String> {
        let scenario = self.scenario_index_untracked();
        let path = format!("scenarios[{scenario}].positions[{index}].{field}");
        let candidate = self.validated(&path, scenario, |candidate| {
            if let Some(p) = position_mut(candidate, scenario, index) {
                apply(p);
            }
        })?;
        let mut before = self.swap_plan(candidate);
        // The old position is moved out of the replaced plan, not copied.
        let Some(old) = before
            .scenarios
            .get_mut(scenario)
            .filter(|s| index < s.positions.len())
            .map(|s| Box::new(s.positions.swap_remove(index)))
        else {
            self.note(Changed::Other);
            return Ok(());
        };
        drop(before);
        let changed = self
            .source
            .with_untracked(|p| position_at(p, scenario, index) != Some(&*old));
        if changed {
            self.record(Change::Position {
                scenario,
                index,
                position: old.clone(),
            });
        }
        self.note(Changed::Position {
            scenario,
            index,
            old,
        });
        Ok(())
    }

    /// Tells the forecast what changed since it was last computed. Two
    /// changes before it runs again are one change of one position only if
    /// both are of the same position (it keeps the value it knew).
    fn note(&self, change: Changed) {
        self.pending.update_value(|pending| {
            *pending = Some(match (pending.take(), change) {
                (None, change) => change,
                (
                    Some(Changed::Position {
                        scenario,
                        index,
                        old,
                    }),
                    Changed::Position {
                        scenario: s,
                        index: i,
                        ..
                    },
                ) if (s, i) == (scenario, index) => Changed::Position {
                    scenario,
                    index,
                    old,
                },
                (Some(Changed::Actuals), Changed::Actuals) => Changed::Actuals,
                _ => Changed::Other,
            });
        });
    }

    fn record(&self, change: Change) {
        self.history.update(|h| {
            h.record(change);
        });
    }

    /// Takes back the last edit of the plan; `false` when there is none.
    pub fn undo(&self) -> bool {
        let Some(step) = self.history.try_update(History::take_undo).flatten() else {
            return false;
        };
        let inverse = self.restore(step.change);
        self.history.update(|h| h.undone(step.id, inverse));
        true
    }

    /// Makes the last undone edit again; `false` when there is none.
    pub fn redo(&self) -> bool {
        let Some(step) = self.history.try_update(History::take_redo).flatten() else {
            return false;
        };
        let inverse = self.restore(step.change);
        self.history.update(|h| h.redone(step.id, inverse));
        true
    }

    /// Puts what a step kept back into the plan and returns what it
    /// replaced (the step's inverse). A position is swapped alone, and the
    /// forecast recomputes only it.
    fn restore(&self, change: Change) -> Change {
        match change {
            Change::Position {
                scenario,
                index,
                mut position,
            } => {
                let mut swapped = false;
                self.source.update(|p| {
                    if let Some(current) = position_mut(p, scenario, index) {
                        std::mem::swap(current, &mut position);
                        swapped = true;
                    }
                });
                self.note(if swapped {
                    Changed::Position {
                        scenario,
                        index,
                        old: position.clone(),
                    }
                } else {
                    Changed::Other
                });
                Change::Position {
                    scenario,
                    index,
                    position,
                }
            }
            Change::Plan(plan) => {
                let only_actuals = self
                    .source
                    .with_untracked(|p| p.differs_only_in_actuals(&plan));
                self.note(if only_actuals {
                    Changed::Actuals
                } else {
                    Changed::Other
                });
                Change::Plan(Box::new(self.swap_plan(*plan)))
            }
        }
    }

    /// Forgets every edit kept for undo and redo.
    pub fn reset_history(&self) {
        self.history.update(History::clear);
    }

    /// Opens another plan: it replaces the plan without an undo step, and
    /// the history of the replaced one is forgotten (its steps would not
    /// apply to the new plan).
    pub fn replace_plan(&self, plan: Plan) {
        self.note(Changed::Other);
        self.scenario.set(0);
        self.source.set(plan);
        self.reset_history();
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

    /// An amount as money in the plan's currency: `¥6,000,000`, `$1,234.50`.
    pub fn show_amount(&self, amount: Decimal) -> String {
        format::money_amount(amount, self.currency.get())
    }

    /// Minor units (a total from the engine) as money in the plan's currency.
    pub fn show_minor(&self, minor: i128) -> String {
        format::money(minor, self.currency.get())
    }
}

fn position_at(plan: &Plan, scenario: usize, index: usize) -> Option<&Position> {
    plan.scenarios.get(scenario)?.positions.get(index)
}

fn position_mut(plan: &mut Plan, scenario: usize, index: usize) -> Option<&mut Position> {
    plan.scenarios.get_mut(scenario)?.positions.get_mut(index)
}

/// Whether an error at `error_path` is about the field at `field_path`
/// (the field itself or a part of it).
fn concerns(error_path: &str, field_path: &str) -> bool {
    error_path
        .strip_prefix(field_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// A problem as a sentence beside its field, in the current language.
fn field_message(problem: &PlanError) -> String {
    match lang() {
        Lang::En => sentence(&problem_text(problem)),
        // Written as sentences already, ending with 。.
        Lang::Ja => problem_text(problem),
    }
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

/// Applies an edit of the current scenario that checks itself (a rename, an
/// addition, a deletion): on `Err` the plan is untouched, nothing re-renders
/// or is saved, and the model's refusal (or why the scenario cannot be
/// edited) is returned in the UI's language.
pub fn edit_checked(
    state: PlanState,
    apply: impl FnOnce(&mut crate::model::Scenario) -> Result<(), crate::model::Problem>,
) -> Result<(), String> {
    state.edit_scenario_checked(|s| apply(s).map_err(|e| crate::i18n::problems::refusal(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate_plan;
    use rust_decimal::dec;

    fn state() -> PlanState {
        PlanState::new(generate_plan(30, 24, 2, 7), SaveStatus::Saved)
    }

    /// The forecast on screen, checked against a full forecast of the plan.
    fn total(state: &PlanState) -> i128 {
        let shown = state.forecast.get_untracked().expect("a valid plan");
        let index = state.scenario.get_untracked();
        let full = state
            .plan
            .with_untracked(|p| forecast_scenario(p, index))
            .unwrap();
        assert_eq!(shown, full, "the forecast on screen is the plan's");
        full.total()
    }

    fn salary(state: &PlanState, index: usize, amount: Decimal) {
        state
            .try_edit_position(index, "annual_base", |p| p.annual_base = Some(amount))
            .unwrap();
    }

    #[test]
    fn undo_and_redo_give_back_the_exact_totals_of_every_step() {
        let state = state();
        let original = state.plan.get_untracked();
        let mut totals = vec![total(&state)];
        salary(&state, 3, dec!(9_600_000));
        totals.push(total(&state));
        state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(7.5))
            .unwrap();
        totals.push(total(&state));
        salary(&state, 3, dec!(12_000_000));
        totals.push(total(&state));
        state.edit_scenario(|s| {
            s.positions.remove(0);
        });
        totals.push(total(&state));
        let last = state.plan.get_untracked();
        assert_eq!(totals.len(), 5);
        for pair in totals.windows(2) {
            assert_ne!(pair[0], pair[1], "every step changes the total");
        }

        for expected in totals.iter().rev().skip(1) {
            assert!(state.undo());
            assert_eq!(total(&state), *expected);
        }
        assert!(!state.undo());
        assert!(!state.can_undo.get_untracked());
        assert_eq!(state.plan.get_untracked(), original);
        for expected in totals.iter().skip(1) {
            assert!(state.redo());
            assert_eq!(total(&state), *expected);
        }
        assert!(!state.redo());
        assert_eq!(state.plan.get_untracked(), last);
    }

    #[test]
    fn steps_taken_before_the_forecast_runs_are_all_in_it() {
        // The forecast runs only when read (a view without figures): steps
        // in between must not be taken for one position's edit.
        let state = state();
        let before = total(&state);
        salary(&state, 1, dec!(8_400_000));
        salary(&state, 2, dec!(7_200_000));
        let edited = total(&state);
        assert!(state.undo() && state.undo());
        assert_eq!(total(&state), before);
        assert!(state.redo() && state.redo());
        assert_eq!(total(&state), edited);
        // The same position edited and undone several times: one change.
        salary(&state, 1, dec!(6_000_000));
        salary(&state, 1, dec!(12_000_000));
        assert!(state.undo());
        total(&state);
        // A whole-plan step between two steps of one position.
        state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(3))
            .unwrap();
        salary(&state, 1, dec!(9_000_000));
        assert!(state.undo() && state.undo() && state.undo());
        assert_eq!(total(&state), edited);
    }

    #[test]
    fn a_new_edit_clears_redo_and_the_scenario_shown_is_not_an_edit() {
        let state = state();
        salary(&state, 0, dec!(6_000_000));
        assert!(state.undo());
        assert!(state.can_redo.get_untracked());
        state.scenario.set(1);
        assert!(
            state.can_redo.get_untracked(),
            "switching scenario is no edit"
        );
        salary(&state, 0, dec!(7_200_000));
        assert!(!state.can_redo.get_untracked());
        // The edit was of scenario 1; undoing it from scenario 0 restores it.
        state.scenario.set(0);
        let scenario_0 = total(&state);
        let old = state
            .plan
            .with_untracked(|p| p.scenarios[1].positions[0].clone());
        assert!(state.undo());
        assert_eq!(total(&state), scenario_0);
        assert_ne!(
            state
                .plan
                .with_untracked(|p| p.scenarios[1].positions[0].clone()),
            old
        );
        assert!(!state.can_undo.get_untracked());
    }

    #[test]
    fn refused_and_unchanging_edits_are_not_steps() {
        let state = state();
        let message = state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(500))
            .unwrap_err();
        assert!(!message.is_empty());
        let refused = state.edit_scenario_checked(|_| Err("No.".into()));
        assert_eq!(refused, Err("No.".to_string()));
        let current = state
            .plan
            .with_untracked(|p| p.scenarios[0].positions[2].annual_base);
        state
            .try_edit_position(2, "annual_base", |p| p.annual_base = current)
            .unwrap();
        let name = state.plan.with_untracked(|p| p.name.clone());
        state.edit(|p| p.name = name);
        assert!(!state.can_undo.get_untracked());
        assert_eq!(state.last_edit.get_untracked(), None);
    }

    #[test]
    fn a_steps_id_names_it_until_it_is_undone() {
        let state = state();
        state.edit(|p| p.name = "Renamed".into());
        let rename = state.last_edit.get_untracked();
        assert!(rename.is_some());
        state.edit_scenario(|s| {
            s.positions.remove(4);
        });
        let delete = state.last_edit.get_untracked();
        assert_ne!(delete, rename);
        assert!(state.undo());
        assert_eq!(state.last_edit.get_untracked(), rename);
        assert!(state.redo());
        assert_eq!(state.last_edit.get_untracked(), delete);
        assert!(state.undo() && state.undo());
        assert_eq!(
            state.plan.with_untracked(|p| p.name.clone()),
            generate_plan(30, 24, 2, 7).name
        );
    }

    #[test]
    fn another_plan_replaces_the_plan_and_the_history() {
        let state = state();
        salary(&state, 0, dec!(6_000_000));
        state.edit(|p| p.name = "Before".into());
        let other = generate_plan(5, 12, 1, 3);
        state.replace_plan(other.clone());
        assert!(!state.can_undo.get_untracked() && !state.can_redo.get_untracked());
        assert!(!state.undo());
        assert_eq!(state.plan.get_untracked(), other);
        total(&state);
        state.edit(|p| p.name = "After".into());
        state.reset_history();
        assert!(!state.can_undo.get_untracked());
    }

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
    fn refusals_are_in_the_language_of_the_page() {
        let state = state();
        let english = state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(500))
            .unwrap_err();
        assert_eq!(english, "A rate must be from 0 to 100 %, not 500 %.");
        crate::i18n::set_lang(Lang::Ja);
        let japanese = state
            .try_edit_position(1, "fte", |p| p.fte = dec!(1.5))
            .unwrap_err();
        state.edit_scenario(|s| s.locked_on = Some("2026-04-01".parse().unwrap()));
        let locked = state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(5))
            .unwrap_err();
        crate::i18n::set_lang(Lang::En);
        assert_eq!(japanese, "FTEは0より大きく1以下で入力してください（1.5）。");
        assert_eq!(
            locked,
            "このシナリオはロックされています。変更するには、シナリオ画面でロックを解除してください。"
        );
        let english = state
            .try_edit_scenario("people.raise_pct", |s| s.people.raise_pct = dec!(5))
            .unwrap_err();
        assert_eq!(
            english,
            "This scenario is locked. Unlock it in Scenarios to change it."
        );
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
