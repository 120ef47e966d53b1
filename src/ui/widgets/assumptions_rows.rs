//! What every editable assumption is built from: [`At`] binds a field to one
//! value of the current scenario (its text, and a commit that parses what is
//! typed and asks validation about that field's path), and [`RowList`] is a
//! table of rows with add and delete, used for every list of the scenario.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::field::{Commit, CommitCheck};
use crate::format::input::{parse_amount, parse_optional_amount, parse_percent};
use crate::i18n::assumptions::{add_row, delete_row, month_of_year, no_rows};
use crate::i18n::common::Common;
use crate::i18n::fields::{FieldText, input_error};
use crate::i18n::finance::currency_unit;
use crate::i18n::{assumptions, format, t};
use crate::model::{
    BonusPayout, BurdenComponent, Cloud, CloudLine, OneOff, OtherCost, PeopleCosts, Saving,
    Scenario, Tool, YearMonth,
};
use crate::ui::frame::state::PlanState;

/// `(value, label)` options for a month of the year: `("4", "April")`.
pub fn month_options() -> Vec<(String, String)> {
    (1..=12)
        .map(|m| (m.to_string(), month_of_year(m)))
        .collect()
}

/// A money unit in the plan's currency: `money_unit(state, "per hire")` is
/// "JPY per hire" / "円（採用1人あたり）" (`per` in the UI's language).
pub fn money_unit(state: PlanState, per: &'static str) -> Signal<String> {
    Signal::derive(move || assumptions::money_unit(currency_unit(state.currency.get()), per))
}

/// A kind of value in the scenario: how to find it at an index (one index
/// for a row of a list, two for a row of a line's list) and its path.
pub struct Place<T: 'static> {
    pub get: fn(&Scenario, [usize; 2]) -> Option<&T>,
    pub get_mut: fn(&mut Scenario, [usize; 2]) -> Option<&mut T>,
    /// The path inside the scenario, as validation names it (`people.burden[2]`).
    pub path: fn([usize; 2]) -> String,
}

pub const PEOPLE: Place<PeopleCosts> = Place {
    get: |s, _| Some(&s.people),
    get_mut: |s, _| Some(&mut s.people),
    path: |_| "people".into(),
};
pub const BURDEN: Place<BurdenComponent> = Place {
    get: |s, [i, _]| s.people.burden.get(i),
    get_mut: |s, [i, _]| s.people.burden.get_mut(i),
    path: |[i, _]| format!("people.burden[{i}]"),
};
pub const BONUS_PAYOUT: Place<BonusPayout> = Place {
    get: |s, [i, _]| s.people.bonus_payouts.get(i),
    get_mut: |s, [i, _]| s.people.bonus_payouts.get_mut(i),
    path: |[i, _]| format!("people.bonus_payouts[{i}]"),
};
pub const TOOL: Place<Tool> = Place {
    get: |s, [i, _]| s.tools.get(i),
    get_mut: |s, [i, _]| s.tools.get_mut(i),
    path: |[i, _]| format!("tools[{i}]"),
};
pub const OTHER_COST: Place<OtherCost> = Place {
    get: |s, [i, _]| s.other_costs.get(i),
    get_mut: |s, [i, _]| s.other_costs.get_mut(i),
    path: |[i, _]| format!("other_costs[{i}]"),
};
pub const CLOUD: Place<Cloud> = Place {
    get: |s, _| Some(&s.cloud),
    get_mut: |s, _| Some(&mut s.cloud),
    path: |_| "cloud".into(),
};
pub const CLOUD_LINE: Place<CloudLine> = Place {
    get: |s, [l, _]| s.cloud.lines.get(l),
    get_mut: |s, [l, _]| s.cloud.lines.get_mut(l),
    path: |[l, _]| format!("cloud.lines[{l}]"),
};
pub const SAVING: Place<Saving> = Place {
    get: |s, [l, j]| s.cloud.lines.get(l)?.savings.get(j),
    get_mut: |s, [l, j]| s.cloud.lines.get_mut(l)?.savings.get_mut(j),
    path: |[l, j]| format!("cloud.lines[{l}].savings[{j}]"),
};
pub const ONE_OFF: Place<OneOff> = Place {
    get: |s, [l, j]| s.cloud.lines.get(l)?.one_offs.get(j),
    get_mut: |s, [l, j]| s.cloud.lines.get_mut(l)?.one_offs.get_mut(j),
    path: |[l, j]| format!("cloud.lines[{l}].one_offs[{j}]"),
};

/// One value of the current scenario (a row, or a group such as `people`):
/// what its fields show and how their edits are applied.
pub struct At<T: 'static> {
    state: PlanState,
    place: &'static Place<T>,
    index: [usize; 2],
}

impl<T> Clone for At<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for At<T> {}

impl<T> At<T> {
    pub fn new(state: PlanState, place: &'static Place<T>, index: [usize; 2]) -> Self {
        Self {
            state,
            place,
            index,
        }
    }

    /// Reads the value (tracked); `None` once it no longer exists.
    pub fn with<R>(self, read: impl FnOnce(&T) -> R) -> Option<R> {
        self.state
            .with_scenario(|s| (self.place.get)(s, self.index).map(read))
            .flatten()
    }

    /// Applies an edit if validation finds no new problem; `field` is the
    /// path inside the value (`rate_pct`, `commitment.start`).
    pub fn edit(self, field: &str, apply: impl FnOnce(&mut T)) -> Result<(), String> {
        let (place, index) = (self.place, self.index);
        let path = format!("{}.{field}", (place.path)(index));
        self.state.try_edit_scenario(&path, move |s| {
            if let Some(value) = (place.get_mut)(s, index) {
                apply(value);
            }
        })
    }

    /// A text shown in a field.
    pub fn text(self, get: fn(&T) -> String) -> Signal<String> {
        Signal::derive(move || self.with(get).unwrap_or_default())
    }

    /// A yes/no shown in a checkbox.
    pub fn flag(self, get: fn(&T) -> bool) -> Signal<bool> {
        Signal::derive(move || self.with(get).unwrap_or(false))
    }

    /// An amount as an input shows it ([`format::plain_amount`]); empty when not set.
    pub fn amount(self, get: fn(&T) -> Option<Decimal>) -> Signal<String> {
        let state = self.state;
        Signal::derive(move || {
            self.with(get)
                .flatten()
                .map(|a| format::plain_amount(a, state.currency.get()))
                .unwrap_or_default()
        })
    }

    /// A percentage, without trailing zeros: `4.955`.
    pub fn percent(self, get: fn(&T) -> Decimal) -> Signal<String> {
        Signal::derive(move || {
            self.with(get)
                .map(|d| d.normalize().to_string())
                .unwrap_or_default()
        })
    }

    /// A name: refused empty by validation, stored trimmed.
    pub fn commit_name(self, field: &'static str, set: fn(&mut T, String)) -> Commit {
        Rc::new(move |text| {
            let name = text.trim().to_string();
            self.edit(field, |t| set(t, name))
        })
    }

    /// Free text, as typed.
    pub fn commit_text(self, field: &'static str, set: fn(&mut T, String)) -> Commit {
        Rc::new(move |text| {
            let text = text.to_string();
            self.edit(field, |t| set(t, text))
        })
    }

    pub fn commit_amount(self, field: &'static str, set: fn(&mut T, Decimal)) -> Commit {
        Rc::new(move |text| {
            let exponent = self.state.currency.get_untracked().exponent();
            let amount = parse_amount(text, exponent).map_err(|e| input_error(&e))?;
            self.edit(field, |t| set(t, amount))
        })
    }

    /// An amount that may be left empty (a cap that does not apply).
    pub fn commit_optional_amount(
        self,
        field: &'static str,
        set: fn(&mut T, Option<Decimal>),
    ) -> Commit {
        Rc::new(move |text| {
            let exponent = self.state.currency.get_untracked().exponent();
            let amount = parse_optional_amount(text, exponent).map_err(|e| input_error(&e))?;
            self.edit(field, |t| set(t, amount))
        })
    }

    /// A percentage; `signed` lets it be negative (a shrinking cloud line).
    pub fn commit_percent(
        self,
        field: &'static str,
        signed: bool,
        set: fn(&mut T, Decimal),
    ) -> Commit {
        Rc::new(move |text| {
            let pct = parse_percent(text, signed).map_err(|e| input_error(&e))?;
            self.edit(field, |t| set(t, pct))
        })
    }

    /// A month as `<input type=month>` gives it: `2026-04`.
    pub fn commit_month(self, field: &'static str, set: fn(&mut T, YearMonth)) -> Commit {
        Rc::new(move |text| {
            let month = parse_month(text)?;
            self.edit(field, |t| set(t, month))
        })
    }

    /// A month of the year from a select of [`month_options`].
    pub fn commit_month_of_year(self, field: &'static str, set: fn(&mut T, u8)) -> Commit {
        Rc::new(move |text| {
            let month = text
                .parse::<u8>()
                .map_err(|_| t(FieldText::PickMonth).to_string())?;
            self.edit(field, |t| set(t, month))
        })
    }

    pub fn commit_check(self, field: &'static str, set: fn(&mut T, bool)) -> CommitCheck {
        Rc::new(move |on| self.edit(field, |t| set(t, on)))
    }
}

/// A month typed or picked as `2026-04`.
pub fn parse_month(text: &str) -> Result<YearMonth, String> {
    text.trim()
        .parse::<YearMonth>()
        .map_err(|_| t(FieldText::PickOrTypeMonth).to_string())
}

/// The cells of row `i` of a [`RowList`].
pub type RowCells = Arc<dyn Fn(usize) -> AnyView + Send + Sync>;
/// Adds a row, or deletes row `i`, of a [`RowList`].
pub type RowAction<A = ()> = Arc<dyn Fn(A) + Send + Sync>;

/// A table column: its heading (`¤` stands for the plan's currency code)
/// and whether it holds figures (right-aligned).
pub type Column = (&'static str, bool);

/// A list of the scenario as a table: a row per item, each with a delete
/// button, and an add button below. Rows are keyed by scenario and position,
/// and rebuilt after a delete, so a message left on a field never moves to
/// another row.
#[component]
pub fn RowList(
    /// Names the test ids: `{noun}-row`, `add-{noun}`, `delete-{noun}`.
    noun: &'static str,
    /// One row in words, for the buttons: "burden component" (in the UI's
    /// language).
    what: &'static str,
    /// The headings, in the UI's language: `&[…]` or a `Vec`.
    #[prop(into)]
    columns: Vec<Column>,
    #[prop(into)] count: Signal<usize>,
    /// The cells of row `i`.
    row: RowCells,
    on_add: RowAction,
    on_delete: RowAction<usize>,
    /// Whether another row may be added (bonus payouts run out of months).
    #[prop(optional, into)]
    can_add: Option<Signal<bool>>,
) -> impl IntoView {
    let state = PlanState::expect();
    let layout = RwSignal::new(0u32);
    let keys = move || {
        let (scenario, version) = (state.scenario.get(), layout.get());
        (0..count.get())
            .map(|i| (scenario, version, i))
            .collect::<Vec<_>>()
    };
    let code = move || currency_unit(state.currency.get());
    let head = columns
        .into_iter()
        .map(|(label, numeric)| {
            let text = move || label.replace('¤', code());
            view! { <th scope="col" class:num=numeric>{text}</th> }
        })
        .collect_view();
    let row_testid = format!("{noun}-row");
    let delete_testid = format!("delete-{noun}");
    let disabled = move || can_add.is_some_and(|c| !c.get());
    view! {
        <div class="table-scroll">
            <table class="grid row-list">
                <thead>
                    <tr>
                        {head}
                        <th scope="col">
                            <span class="visually-hidden">{t(Common::Delete)}</span>
                        </th>
                    </tr>
                </thead>
                <tbody>
                    <For each=keys key=|k| *k let:((_, _, i))>
                        <tr data-testid=row_testid.clone()>
                            {row(i)}
                            <td class="actions">
                                <button
                                    type="button"
                                    class="button-quiet"
                                    data-testid=delete_testid.clone()
                                    aria-label=delete_row(what, i + 1)
                                    on:click={
                                        let on_delete = on_delete.clone();
                                        move |_| {
                                            on_delete(i);
                                            layout.update(|v| *v += 1);
                                        }
                                    }
                                >
                                    {t(Common::Delete)}
                                </button>
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || count.get() == 0>
            <p class="empty">{no_rows(what)}</p>
        </Show>
        <button
            type="button"
            class="button-secondary add-row"
            data-testid=format!("add-{noun}")
            disabled=disabled
            on:click=move |_| on_add(())
        >
            {add_row(what)}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate_plan;
    use crate::ui::frame::state::SaveStatus;
    use rust_decimal::dec;

    fn state() -> PlanState {
        PlanState::new(generate_plan(3, 12, 2, 1), SaveStatus::Saved)
    }

    #[test]
    fn a_row_edit_is_validated_and_applied_at_its_own_path() {
        let state = state();
        let at = At::new(state, &BURDEN, [1, 0]);
        let commit = at.commit_percent("rate_pct", false, |b, v| b.rate_pct = v);
        let before = state.plan.get_untracked();
        assert_eq!(
            commit("150").unwrap_err(),
            "A rate must be from 0 to 100 %, not 150 %."
        );
        assert_eq!(state.plan.get_untracked(), before);
        commit("4.5 %").unwrap();
        let rate = state
            .plan
            .with_untracked(|p| p.scenarios[0].people.burden[1].rate_pct);
        assert_eq!(rate, dec!(4.5));
        assert_eq!(at.percent(|b| b.rate_pct).get_untracked(), "4.5");
    }

    #[test]
    fn edits_go_to_the_scenario_on_screen() {
        let state = state();
        state.scenario.set(1);
        let at = At::new(state, &ONE_OFF, [2, 0]);
        at.commit_amount("amount", |o, v| o.amount = v)("1,250,000").unwrap();
        let amounts = state
            .plan
            .with_untracked(|p| [0, 1].map(|s| p.scenarios[s].cloud.lines[2].one_offs[0].amount));
        assert_eq!(amounts[1], dec!(1250000));
        assert_ne!(amounts[0], dec!(1250000));
        assert_eq!(at.amount(|o| Some(o.amount)).get_untracked(), "1,250,000");
    }

    #[test]
    fn nested_rows_name_their_path_in_messages() {
        let state = state();
        let saving = At::new(state, &SAVING, [0, 0]);
        assert_eq!(
            saving.commit_name("name", |s, v| s.name = v)("  ").unwrap_err(),
            "A savings initiative needs a name."
        );
        let line = At::new(state, &CLOUD_LINE, [0, 0]);
        let growth =
            line.commit_percent("monthly_growth_pct", true, |l, v| l.monthly_growth_pct = v);
        growth("-1.5").unwrap();
        assert!(growth("-100").unwrap_err().contains("above −100 %"));
        assert_eq!(
            line.percent(|l| l.monthly_growth_pct).get_untracked(),
            "-1.5"
        );
    }

    #[test]
    fn an_empty_cap_is_none_and_cents_are_refused_in_yen() {
        let state = state();
        let at = At::new(state, &BURDEN, [0, 0]);
        let cap = at.commit_optional_amount("monthly_pay_cap", |b, v| b.monthly_pay_cap = v);
        cap("").unwrap();
        assert_eq!(at.amount(|b| b.monthly_pay_cap).get_untracked(), "");
        assert!(cap("1000.5").unwrap_err().contains("whole amount"));
        cap("1,390,000").unwrap();
        assert_eq!(
            at.amount(|b| b.monthly_pay_cap).get_untracked(),
            "1,390,000"
        );
    }

    #[test]
    fn the_plans_currency_refuses_amounts_it_cannot_hold() {
        let state = state();
        state.edit(|p| p.currency = "USD".into());
        let line = At::new(state, &CLOUD_LINE, [0, 0]);
        line.commit_amount("on_demand_monthly", |l, v| l.on_demand_monthly = v)("10.25").unwrap();
        let message = state
            .try_edit("currency", |p| p.currency = "JPY".into())
            .unwrap_err();
        assert!(message.contains("JPY has no minor unit"), "{message}");
        assert_eq!(state.plan.with_untracked(|p| p.currency.clone()), "USD");
    }

    #[test]
    fn months_are_read_as_the_month_input_gives_them() {
        assert_eq!(parse_month("2026-04").unwrap().to_string(), "2026-04");
        assert!(parse_month("April").is_err());
        assert_eq!(month_options()[3], ("4".to_string(), "April".to_string()));
    }
}
