//! The scenario's accounts (勘定科目): a code and a name per cost
//! category, and for each burden component, per-head cost, other cost and
//! cloud line an account of its own, which the exports carry. A line left
//! empty shows its category's account as a placeholder: that is where it
//! books. Edits go through `PlanState` (undo, the lock), and a refused
//! code keeps its typed text with the message on its row.

use std::rc::Rc;

use leptos::prelude::*;

use crate::i18n::assumptions::{AccountsText as Ac, account_problem};
use crate::i18n::common::category;
use crate::i18n::fields::FieldText;
use crate::i18n::t;
use crate::model::Category;
use crate::model::accounts::{
    Account, AccountTarget, LineKind, account_lines, japan_accounts, parse_code, parse_name,
};
use crate::ui::frame::pending::RowNote;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::field::{Commit, Field};

/// Which part of an account a field edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Code,
    Name,
}

fn kind_name(kind: LineKind) -> &'static str {
    t(match kind {
        LineKind::Burden => Ac::Burden,
        LineKind::PerHead => Ac::PerHead,
        LineKind::OtherCost => Ac::OtherCost,
        LineKind::CloudLine => Ac::CloudLine,
    })
}

#[component]
pub fn AccountsCard() -> impl IntoView {
    let state = PlanState::expect();
    let lines = Memo::new(move |_| state.with_scenario(account_lines).unwrap_or_default());
    // The preset is Japan's: offered for plans in yen.
    let japanese = move || state.plan.with(|p| p.currency == "JPY");
    let reset = move |_| state.edit_scenario(|s| s.accounts = japan_accounts());
    view! {
        <section class="card accounts-card" data-testid="accounts" aria-labelledby="accounts-title">
            <div class="card-head">
                <h2 id="accounts-title">{t(Ac::Title)}</h2>
                <span class="muted">{t(Ac::Note)}</span>
            </div>
            <div class="table-scroll">
                <table class="grid accounts-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(Ac::CostItem)}</th>
                            <th scope="col">{t(Ac::Code)}</th>
                            <th scope="col">{t(Ac::Name)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="group-row">
                            <th scope="rowgroup" colspan="3">{t(Ac::Categories)}</th>
                        </tr>
                        // A row each in its own scope (`For`): a row's note
                        // is provided to its fields only, never to the cards
                        // around it.
                        <For each=|| Category::ALL key=|c| *c let:c>
                            <AccountRow target=AccountTarget::Category(c) />
                        </For>
                        <Show when=move || lines.with(|l| !l.is_empty())>
                            <tr class="group-row">
                                <th scope="rowgroup" colspan="3">
                                    {t(Ac::Lines)}
                                    <span class="muted">{t(Ac::LinesNote)}</span>
                                </th>
                            </tr>
                        </Show>
                        <For
                            each=move || lines.get()
                            key=|line| line.clone()
                            let:line
                        >
                            <AccountRow target=AccountTarget::Line(line.0, line.1) />
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=japanese>
                <div class="accounts-reset">
                    <button type="button" class="button-secondary" data-testid="accounts-reset" on:click=reset>
                        {t(Ac::ResetToPreset)}
                    </button>
                    <span class="muted">{t(Ac::ResetNote)}</span>
                </div>
            </Show>
        </section>
    }
}

/// One category's or line's account: its code and name, one message.
#[component]
fn AccountRow(target: AccountTarget) -> impl IntoView {
    let state = PlanState::expect();
    let note = RowNote::provide();
    let (label, kind, test_key) = match &target {
        AccountTarget::Category(c) => (category(*c).to_string(), None, c.as_str().to_string()),
        AccountTarget::Line(kind, name) => (
            name.clone(),
            Some(kind_name(*kind)),
            format!("{}:{name}", kind.category().as_str()),
        ),
    };
    let target = std::sync::Arc::new(target);
    let own = {
        let target = target.clone();
        Memo::new(move |_| {
            state
                .with_scenario(|s| s.accounts.own(&target))
                .unwrap_or_default()
        })
    };
    // Where a line books while it has no account of its own.
    let inherited = {
        let target = target.clone();
        Memo::new(move |_| match &*target {
            AccountTarget::Category(_) => Account::default(),
            AccountTarget::Line(kind, _) => state
                .with_scenario(|s| s.accounts.category(kind.category()))
                .unwrap_or_default(),
        })
    };
    let commit = |part: Part| -> Commit {
        let target = target.clone();
        Rc::new(move |typed: &str| {
            let value = match part {
                Part::Code => parse_code(typed),
                Part::Name => parse_name(typed),
            }
            .map_err(|p| account_problem(&p))?;
            let target = target.clone();
            state.try_edit_scenario("accounts", move |s| {
                let mut account = s.accounts.own(&target);
                match part {
                    Part::Code => account.code = value,
                    Part::Name => account.name = value,
                }
                s.accounts.set(&target, account);
            })
        })
    };
    let code_label = format!("{} \u{2014} {}", t(Ac::Code), label);
    let name_label = format!("{} \u{2014} {}", t(Ac::Name), label);
    view! {
        <tr data-testid="account-row" data-account=test_key>
            <th scope="row">
                {label}
                {kind.map(|k| view! { <span class="muted account-kind">{k}</span> })}
            </th>
            <td>
                <Field
                    label=code_label
                    name="account_code"
                    compact=true
                    value=Signal::derive(move || own.with(|a| a.code.clone()))
                    placeholder=Signal::derive(move || inherited.with(|a| a.code.clone()))
                    commit=commit(Part::Code)
                />
            </td>
            <td>
                <Field
                    label=name_label
                    name="account_name"
                    compact=true
                    value=Signal::derive(move || own.with(|a| a.name.clone()))
                    placeholder=Signal::derive(move || inherited.with(|a| a.name.clone()))
                    commit=commit(Part::Name)
                />
                {move || note.message().map(|m| view! {
                    <div class="field-error row-note" role="alert" data-testid="account-row-note">
                        {m}<span class="unsaved">{t(FieldText::NotSaved)}</span>
                    </div>
                })}
            </td>
        </tr>
    }
}
