//! Navigation between the planner's views.

use leptos::prelude::*;

/// The planner's views. Only views that work are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Headcount,
    Exports,
}

impl View {
    pub const ALL: [View; 2] = [View::Headcount, View::Exports];

    fn label(self) -> &'static str {
        match self {
            View::Headcount => "Headcount",
            View::Exports => "Export & import",
        }
    }
}

#[component]
pub fn Nav(current: RwSignal<View>) -> impl IntoView {
    view! {
        <nav class="nav" aria-label="Views">
            {View::ALL
                .into_iter()
                .map(|v| {
                    view! {
                        <button
                            type="button"
                            class="nav-tab"
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
