//! Navigation between the planner's views.

use leptos::prelude::*;

use crate::i18n::actuals::ActualsText;
use crate::i18n::shell::ShellText;
use crate::i18n::t;

/// The planner's views, in the order a planner works through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Overview,
    Headcount,
    Teams,
    Bands,
    Cloud,
    Assumptions,
    Exports,
    /// The plan's scenarios, their locks and what-if adjustments.
    Scenarios,
    /// Scenarios side by side, the bridge between two.
    Compare,
    /// Budget against actual (予実) and the latest estimate.
    Actuals,
    /// Months, quarters and halves by category or team, for finance.
    Pivot,
    /// The plans on this device, backups and recovered texts.
    Plans,
}

impl View {
    pub const ALL: [View; 12] = [
        View::Overview,
        View::Headcount,
        View::Teams,
        View::Bands,
        View::Cloud,
        View::Assumptions,
        View::Scenarios,
        View::Compare,
        View::Actuals,
        View::Pivot,
        View::Exports,
        View::Plans,
    ];

    fn label(self) -> &'static str {
        t(match self {
            View::Overview => ShellText::ViewOverview,
            View::Headcount => ShellText::ViewHeadcount,
            View::Teams => ShellText::ViewTeams,
            View::Bands => ShellText::ViewBands,
            View::Cloud => ShellText::ViewCloud,
            View::Assumptions => ShellText::ViewAssumptions,
            View::Exports => ShellText::ViewExports,
            View::Scenarios => ShellText::ViewScenarios,
            View::Compare => ShellText::ViewCompare,
            View::Plans => ShellText::ViewPlans,
            View::Actuals => return t(ActualsText::View),
            View::Pivot => return t(crate::i18n::finance::FinanceText::View),
        })
    }

    /// A view whose inputs change the scenario shown (read-only while it is locked).
    pub fn edits_scenario(self) -> bool {
        matches!(
            self,
            View::Headcount | View::Teams | View::Bands | View::Cloud | View::Assumptions
        )
    }

    /// The view named in the address (`#headcount`), so a reload or a
    /// bookmark reopens it; the Overview otherwise.
    pub fn from_location() -> Self {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let key = hash.trim_start_matches('#');
        Self::ALL
            .into_iter()
            .find(|v| v.key() == key)
            .unwrap_or(View::Overview)
    }

    /// Puts the view in the address without adding a history entry per click.
    pub fn remember(self) {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{}", self.key())),
            );
        }
    }

    /// A stable name for the address and for tests.
    fn key(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Headcount => "headcount",
            View::Teams => "teams",
            View::Bands => "bands",
            View::Cloud => "cloud",
            View::Assumptions => "assumptions",
            View::Exports => "exports",
            View::Scenarios => "scenarios",
            View::Compare => "compare",
            View::Plans => "plans",
            View::Actuals => "actuals",
            View::Pivot => "pivot",
        }
    }
}

#[component]
pub fn Nav(current: RwSignal<View>) -> impl IntoView {
    view! {
        <nav class="nav" aria-label=t(ShellText::Views)>
            {View::ALL
                .into_iter()
                .map(|v| {
                    view! {
                        <button
                            type="button"
                            class="nav-tab"
                            data-view=v.key()
                            class:active=move || current.get() == v
                            aria-current=move || (current.get() == v).then_some("page")
                            on:click=move |_| current.set(v)
                        >
                            {v.label()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
