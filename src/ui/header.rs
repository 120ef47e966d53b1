//! The header: product name, the plan's editable name, and the save state.

use leptos::prelude::*;

use super::state::{PlanState, SaveStatus};

#[component]
pub fn Header() -> impl IntoView {
    let state = PlanState::expect();
    let name = move || state.plan.with(|p| p.name.clone());
    let error = RwSignal::new(None::<String>);
    let commit = move |text: String| {
        let text = text.trim().to_string();
        if text.is_empty() {
            error.set(Some("The plan needs a name.".into()));
        } else {
            error.set(None);
            if text != name() {
                state.edit(|p| p.name = text);
            }
        }
    };
    let save_label = move || match state.save_status.get() {
        SaveStatus::Saved => ("saved", "Saved on this device".to_string()),
        SaveStatus::Saving => ("saving", "Saving…".to_string()),
        SaveStatus::Failed(message) => ("failed", message),
        SaveStatus::Blocked => (
            "failed",
            "Not saving: these plans were saved by a newer version of Fleetplan".to_string(),
        ),
    };
    view! {
        <header class="header">
            <div class="brand">"Fleetplan"</div>
            <div class="plan-name">
                <label for="plan-name" class="visually-hidden">"Plan name"</label>
                <input
                    id="plan-name"
                    data-testid="plan-name"
                    class="plan-name-input"
                    class:invalid=move || error.get().is_some()
                    prop:value=name
                    on:change=move |ev| commit(event_target_value(&ev))
                />
                {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </div>
            <div class="save-state" data-testid="save-state" data-state=move || save_label().0>
                {move || save_label().1}
            </div>
        </header>
    }
}
