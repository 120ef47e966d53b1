//! The career ladder, lowest level first: rename (every position and band
//! follows), reorder, add, and delete a level nothing uses.

use std::rc::Rc;

use leptos::prelude::*;

use crate::i18n::bands::{
    BandsText as B, delete_level, level_uses, move_level_higher, move_level_lower,
};
use crate::i18n::common::Common;
use crate::i18n::t;
use crate::ui::frame::state::PlanState;
use crate::ui::frame::state::edit_checked;
use crate::ui::widgets::field::{Commit, Field, FieldError};

#[component]
pub fn Ladder() -> impl IntoView {
    let state = PlanState::expect();
    let count = Memo::new(move |_| state.with_scenario(|s| s.levels.len()).unwrap_or(0));
    let new_level = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_level.get_untracked();
        match edit_checked(state, |s| s.add_level(&text)) {
            Ok(()) => {
                add_error.set(None);
                new_level.set(String::new());
            }
            Err(message) => add_error.set(Some(message)),
        }
    };
    view! {
        <section class="card" aria-labelledby="ladder-title">
            <div class="card-head">
                <h2 id="ladder-title">{t(B::CareerLadder)}</h2>
                <span class="muted">{t(B::LowestLevelFirst)}</span>
            </div>
            <ol class="ladder" data-testid="ladder">
                <For each=move || 0..count.get() key=|i| *i let:index>
                    <LevelRow index=index count=count />
                </For>
            </ol>
            <form class="add-inline" data-testid="add-level" on:submit=add novalidate>
                <label class="field">
                    <span class="field-label">{t(B::NewLevel)}</span>
                    <input
                        data-field="level-name"
                        placeholder=t(B::NewLevelExample)
                        class:invalid=move || add_error.get().is_some()
                        bind:value=new_level
                    />
                    <FieldError error=add_error />
                </label>
                <button type="submit" class="button-secondary">{t(B::AddLevel)}</button>
            </form>
        </section>
    }
}

#[component]
fn LevelRow(index: usize, count: Memo<usize>) -> impl IntoView {
    let state = PlanState::expect();
    let level = Memo::new(move |_| {
        state
            .with_scenario(|s| s.levels.get(index).cloned())
            .flatten()
            .unwrap_or_default()
    });
    let usage = Memo::new(move |_| {
        state
            .with_scenario(|s| s.levels.get(index).map(|l| s.level_usage(l)))
            .flatten()
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let rename: Commit = Rc::new(move |text: &str| {
        let old = level.get_untracked();
        edit_checked(state, |s| s.rename_level(&old, text))
    });
    let shift = move |to: usize| {
        error.set(None);
        state.edit_scenario(|s| {
            s.move_level(index, to);
        });
    };
    let delete = move |_| {
        let name = level.get_untracked();
        error.set(edit_checked(state, |s| s.remove_level(&name)).err());
    };
    let uses = move || {
        let u = usage.get();
        level_uses(u.positions, u.bands)
    };
    view! {
        <li class="level-row" data-testid="level-row" data-level=move || level.get() title=move || level.get()>
            <Field label=t(B::LevelName) compact=true name="level-name" value=level commit=rename />
            <span class="muted level-uses">{uses}</span>
            <span class="level-actions">
                <button
                    type="button"
                    class="button-quiet"
                    data-testid="level-up"
                    aria-label=move || move_level_lower(&level.get())
                    disabled=move || index == 0
                    on:click=move |_| shift(index.saturating_sub(1))
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="button-quiet"
                    data-testid="level-down"
                    aria-label=move || move_level_higher(&level.get())
                    disabled=move || { index + 1 >= count.get() }
                    on:click=move |_| shift(index + 1)
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="button-quiet"
                    data-testid="delete-level"
                    aria-label=move || delete_level(&level.get())
                    on:click=delete
                >
                    {t(Common::Delete)}
                </button>
            </span>
            <FieldError error=error />
        </li>
    }
}
