//! The ways to begin, on the empty Overview where a newcomer lands: the
//! demo, the presets, a blank plan and a plan file, each one click.

use leptos::prelude::*;

use crate::i18n::plans::PlansText;
use crate::i18n::start::StartText as S;
use crate::i18n::t;
use crate::model::presets::Preset;
use crate::ui::frame::plan_files::{StartChoice, create_plan, open_plan_file};
use crate::ui::frame::session::Session;
use crate::ui::frame::state::PlanState;

#[component]
pub fn StartPanel() -> impl IntoView {
    let session = Session::expect();
    let state = PlanState::expect();
    let error = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    let choices = [
        (StartChoice::Demo, S::Demo, S::DemoNote, "demo"),
        (
            StartChoice::Preset(Preset::Japan2026),
            S::Japan,
            S::JapanNote,
            "japan",
        ),
        (
            StartChoice::Preset(Preset::UnitedStates2026),
            S::UnitedStates,
            S::UnitedStatesNote,
            "united-states",
        ),
        (
            StartChoice::Preset(Preset::Blank),
            S::Blank,
            S::BlankNote,
            "blank",
        ),
    ]
    .map(|(choice, label, note, key)| {
        view! {
            <li>
                <button type="button" class="start-choice" data-start=key
                    on:click=move |_| error.set(create_plan(session, state, choice).err())>
                    <span class="start-label">{t(label)}</span>
                    <span class="start-note">{t(note)}</span>
                </button>
            </li>
        }
    });
    view! {
        <div class="start" data-testid="start">
            <h3>{t(S::Heading)}</h3>
            <p class="muted">{t(S::Lead)}</p>
            <ul class="start-choices">
                {choices}
                <li>
                    <label class="start-choice file-button">
                        <span class="start-label">{t(S::OpenFile)}</span>
                        <span class="start-note">{t(S::OpenFileNote)}</span>
                        <input type="file" accept=".json,application/json" class="visually-hidden"
                            data-testid="start-open-file"
                            on:change=move |ev| open_plan_file(session, state, &ev, problems) />
                    </label>
                </li>
            </ul>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <Show when=move || !problems.get().is_empty()>
                <div class="field-error" role="alert">
                    <p>{t(PlansText::NotAPlan)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </div>
    }
}
