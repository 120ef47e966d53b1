//! The running head of a printed page: plan, scenario, the period the
//! figures cover and the day it was printed. Hidden on screen; in print
//! (`style/print.css`) it is fixed to the top of the page area, which
//! Chromium repeats on every page. A view says what its figures cover with
//! [`print_period`]; any other view prints the whole horizon.

use leptos::prelude::*;

use super::clock::today;
use super::state::PlanState;
use crate::i18n::print::{PrintText, PrintedPeriod, labelled, list, period, printed};

/// What the view on show covers, set by the view: its period, and whether
/// it shows every scenario (Compare) rather than the one picked.
#[derive(Clone, Copy)]
pub struct PrintPeriod {
    period: RwSignal<PrintedPeriod>,
    every_scenario: RwSignal<bool>,
}

impl PrintPeriod {
    /// Made once for the page, above the views that set it.
    pub fn provide() -> Self {
        let shown = Self {
            period: RwSignal::new(PrintedPeriod::Horizon),
            every_scenario: RwSignal::new(false),
        };
        provide_context(shown);
        shown
    }
}

/// Called by a view as it is built: its printed pages name `shown()`'s
/// period, until the view goes.
pub fn print_period(shown: impl Fn() -> PrintedPeriod + 'static) {
    let Some(PrintPeriod { period, .. }) = use_context::<PrintPeriod>() else {
        return;
    };
    Effect::new(move || period.set(shown()));
    on_cleanup(move || {
        period.try_set(PrintedPeriod::Horizon);
    });
}

/// Called by a view that shows every scenario side by side: its printed
/// pages name them all, until the view goes.
pub fn print_every_scenario() {
    let Some(PrintPeriod { every_scenario, .. }) = use_context::<PrintPeriod>() else {
        return;
    };
    every_scenario.set(true);
    on_cleanup(move || {
        every_scenario.try_set(false);
    });
}

#[component]
pub fn PrintHeader(period_shown: PrintPeriod) -> impl IntoView {
    let state = PlanState::expect();
    // The day is read again as printing starts, so a page left open
    // overnight prints the day it is printed.
    let day = RwSignal::new(today());
    let listener = window_event_listener_untyped("beforeprint", move |_| day.set(today()));
    on_cleanup(move || listener.remove());
    let plan = move || state.plan.with(|p| p.name.clone());
    let scenario = move || {
        if period_shown.every_scenario.get() {
            let names: Vec<String> = state
                .plan
                .with(|p| p.scenarios.iter().map(|s| s.name.clone()).collect());
            return labelled(PrintText::Scenarios, &list(&names));
        }
        let name = state.with_scenario(|s| s.name.clone()).unwrap_or_default();
        labelled(PrintText::Scenario, &name)
    };
    let covered = move || {
        let shown = period_shown.period.get();
        let text = state
            .plan
            .with(|p| period(&p.months(), p.fiscal_year_start_month, shown));
        labelled(PrintText::Period, &text)
    };
    view! {
        <div class="running-head" aria-hidden="true" data-testid="print-header">
            <span class="running-head-plan">{plan}</span>
            <span class="running-head-part">{scenario}</span>
            <span class="running-head-part" data-testid="print-period">{covered}</span>
            <span class="running-head-part">{move || printed(day.get())}</span>
        </div>
    }
}
