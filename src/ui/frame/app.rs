//! The planner page: header, navigation and the current view.

use leptos::prelude::*;

use super::autosave::autosave;
use super::clock::this_month;
use super::crash::CrashBanner;
use super::header::Header;
use super::language::Language;
use super::lazy_view::lazy;
use super::nav::{Nav, View};
use super::notices::Notices;
use super::pending::Pending;
use super::session::Session;
use super::state::PlanState;
use super::views;
use crate::i18n::format;
use crate::i18n::lang;
use crate::i18n::plans::name_new_plan;
use crate::i18n::shell::locked_banner;
use crate::model::Plan;
use crate::model::presets::Preset;
use crate::ui::overview::view::Overview;

/// A blank plan, named in the UI's language.
pub fn blank_plan() -> Plan {
    let mut plan = Preset::Blank.plan("My engineering plan", this_month());
    name_new_plan(&mut plan, lang());
    plan
}

#[component]
pub fn App() -> impl IntoView {
    // First: the session's notices and the first plan are made in it.
    let language = Language::start();
    provide_context(language);

    let (session, plan, status) = Session::start(blank_plan);
    let state = PlanState::new(plan, status);
    provide_context(state);
    provide_context(session);
    let pending = Pending::new();
    provide_context(pending);
    // Text held for another scenario's or plan's fields would be tried
    // against the one now shown.
    Effect::watch(
        move || (state.scenario.get(), session.current.get()),
        move |_, _, _| pending.clear(),
        false,
    );
    // Every change of the plan is written as one whole record.
    autosave(state, session, pending);
    session.follow_other_tabs(state);

    let view = RwSignal::new(View::from_location());
    // The header's word on a linked file opens Plans & backups.
    provide_context(view);
    // Only a change of view is written to the address: writing it on start
    // too could, late on a busy page, undo an address someone just typed.
    Effect::watch(move || view.get(), |v, _, _| v.remember(), false);
    // A new language rebuilds the page; the plan, the scenario shown and
    // the view stay, as they live above this point.
    move || {
        language.0.track();
        page(view)
    }
}

fn page(view: RwSignal<View>) -> impl IntoView {
    let period = super::print_header::PrintPeriod::provide();
    view! {
        <super::print_header::PrintHeader period_shown=period />
        <CrashBanner />
        <Header />
        <Notices />
        <Nav current=view />
        <LockBanner view=view />
        <main class="page">
            {move || match view.get() {
                View::Overview => view! { <Overview /> }.into_any(),
                View::Headcount => lazy(views::headcount),
                View::Teams => lazy(views::teams),
                View::Bands => lazy(views::bands),
                View::Cloud => lazy(views::cloud),
                View::Assumptions => lazy(views::assumptions),
                View::Exports => lazy(views::exports),
                View::Plans => lazy(views::plans),
                View::Scenarios => lazy(views::scenarios),
                View::Compare => lazy(views::compare),
                View::Actuals => lazy(views::actuals),
                View::Pivot => lazy(views::pivot),
            }}
        </main>
    }
}

/// Says that the scenario shown is locked, on the views that edit it.
#[component]
fn LockBanner(view: RwSignal<View>) -> impl IntoView {
    let state = PlanState::expect();
    let locked_on = move || {
        view.get()
            .edits_scenario()
            .then(|| {
                state.with_scenario(|s| s.locked_on.map(|d| (s.name.clone(), format::date(d))))
            })
            .flatten()
            .flatten()
    };
    move || {
        locked_on().map(|(name, day)| {
            view! {
                <div class="banner banner-warning lock-banner" role="status" data-testid="lock-banner">
                    {locked_banner(&name, &day)}
                </div>
            }
        })
    }
}
