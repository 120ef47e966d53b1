//! The planner page: header, navigation and the current view.

use leptos::prelude::*;

use super::assumptions::Assumptions;
use super::autosave::autosave;
use super::bands::Bands;
use super::clock::this_month;
use super::cloud::CloudView;
use super::exports::Exports;
use super::header::Header;
use super::nav::{Nav, View};
use super::overview::Overview;
use super::roster::Roster;
use super::state::{PlanState, SaveStatus};
use super::teams::Teams;
use crate::model::Plan;
use crate::storage::{self, Loaded};

fn blank_plan() -> Plan {
    Plan::blank("My engineering plan", "JPY", 4, this_month(), 12)
}

#[component]
pub fn App() -> impl IntoView {
    let (plan, status, problem) = match storage::load_plan() {
        Loaded::Plan(plan) => (plan, SaveStatus::Saved, None),
        Loaded::Empty => (blank_plan(), SaveStatus::Saved, None),
        Loaded::Unreadable { reason, kept } => {
            let status = if kept {
                SaveStatus::Saved
            } else {
                SaveStatus::Blocked
            };
            (blank_plan(), status, Some(reason))
        }
    };
    let state = PlanState::new(plan, status);
    provide_context(state);

    // Every change of the plan is written as one whole record.
    autosave(state);

    let view = RwSignal::new(View::from_location());
    Effect::new(move |_| view.get().remember());
    view! {
        <Header />
        {problem.map(|reason| view! {
            <div class="banner banner-warning" role="alert" data-testid="recovery-banner">
                "The saved plan could not be read (" {reason} "). Its text is kept untouched under \""
                {storage::RECOVERY_KEY} "\"; a blank plan was started."
            </div>
        })}
        <Nav current=view />
        <main class="page">
            {move || match view.get() {
                View::Overview => view! { <Overview /> }.into_any(),
                View::Headcount => view! { <Roster /> }.into_any(),
                View::Teams => view! { <Teams /> }.into_any(),
                View::Bands => view! { <Bands /> }.into_any(),
                View::Cloud => view! { <CloudView /> }.into_any(),
                View::Assumptions => view! { <Assumptions /> }.into_any(),
                View::Exports => view! { <Exports /> }.into_any(),
            }}
        </main>
    }
}
