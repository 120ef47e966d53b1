//! The plans on this device: open, create, rename, duplicate, delete (after
//! a confirmation); whether the browser keeps the storage; backups as plan
//! files; a plan file on disk; texts kept because they could not be read.

use leptos::prelude::*;

use crate::i18n::common::Common;
use crate::i18n::plans::{self as texts, PlansText};
use crate::i18n::{lang, t};
use crate::model::presets::Preset;
use crate::storage::library::PlanEntry;
use crate::ui::frame::clock::this_month;
use crate::ui::frame::linked_file::LinkedFileCard;
use crate::ui::frame::persist_status::PersistStatus;
use crate::ui::frame::plan_files::{StartChoice, create_plan, open_plan_file};
use crate::ui::frame::session::Session;
use crate::ui::frame::share_link::ShareLink;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download::download_bytes;

#[component]
pub fn Plans() -> impl IntoView {
    let session = Session::expect();
    let error = RwSignal::new(None::<String>);
    let rows = move || {
        session
            .plans
            .get()
            .into_iter()
            .map(|entry| view! { <PlanRow entry=entry error=error /> })
            .collect_view()
    };
    view! {
        <section class="card plans" aria-labelledby="plans-title">
            <div class="card-head">
                <h2 id="plans-title">{t(PlansText::Title)}</h2>
                <NewPlan error=error />
            </div>
            <p class="muted">{t(PlansText::Intro)}</p>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="table-scroll"><table class="grid plan-list">
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Name)}</th>
                        <th scope="col"><span class="visually-hidden">{t(Common::Actions)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table></div>
        </section>
        <PersistStatus />
        <Backup />
        <LinkedFileCard />
        <ShareLink />
        <Recoveries />
    }
}

/// The plan that replaces the last one deleted: a blank plan of the next
/// fiscal year, named in the UI's language.
fn new_blank_plan() -> crate::model::Plan {
    texts::start_plan(StartChoice::Preset(Preset::Blank), this_month(), lang())
}

/// The `<select>` value of the demo plan, next to the presets' keys.
const DEMO: &str = "demo";

/// Creates a plan from a preset (blank by default) or the demo, and opens it.
#[component]
fn NewPlan(error: RwSignal<Option<String>>) -> impl IntoView {
    let session = Session::expect();
    let state = PlanState::expect();
    let choice = RwSignal::new(Preset::Blank.key().to_string());
    let create = move |_| {
        let key = choice.get_untracked();
        let choice = if key == DEMO {
            StartChoice::Demo
        } else {
            StartChoice::Preset(Preset::from_key(&key).unwrap_or(Preset::Blank))
        };
        error.set(create_plan(session, state, choice).err());
    };
    let options = [Preset::Blank, Preset::Japan2026, Preset::UnitedStates2026]
        .map(|p| (p.key(), texts::preset_label(p)))
        .into_iter()
        .chain([(DEMO, t(PlansText::Demo))])
        .map(|(value, label)| {
            view! { <option value=value selected=value == Preset::Blank.key()>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="new-plan">
            <label class="field">
                <span class="field-label">{t(PlansText::StartFrom)}</span>
                <select data-testid="new-plan-preset"
                    on:change=move |ev| choice.set(event_target_value(&ev))>
                    {options}
                </select>
            </label>
            <button type="button" class="button-primary" data-testid="new-plan" on:click=create>
                {t(PlansText::Create)}
            </button>
        </div>
    }
}

#[component]
fn PlanRow(entry: PlanEntry, error: RwSignal<Option<String>>) -> impl IntoView {
    let report = move |result: Result<(), String>| error.set(result.err());
    let session = Session::expect();
    let state = PlanState::expect();
    let confirming = RwSignal::new(false);
    let id = StoredValue::new(entry.id.clone());
    let is_open = move || session.current.get() == id.get_value();
    let name = entry.name.clone();
    let label = texts::plan_name_label(&entry.name);
    view! {
        <tr data-testid="plan-row" data-open=move || is_open().to_string()>
            <td><div class="plan-name-cell">
                <input type="text" class="plan-row-name" aria-label=label prop:value=name
                    on:change=move |ev| report(session.rename(state, &id.get_value(), &event_target_value(&ev))) />
                <Show when=is_open>
                    <span class="tag" data-testid="open-tag">{t(PlansText::OpenTag)}</span>
                </Show>
            </div></td>
            <td class="actions">
                <Show when=move || !confirming.get() fallback=move || view! {
                    <span class="confirm" role="alert">
                        {t(PlansText::ConfirmDelete)}
                        <button type="button" class="button-danger" data-testid="confirm-delete"
                            on:click=move |_| {
                                confirming.set(false);
                                report(session.delete(state, &id.get_value(), new_blank_plan));
                            }>{t(Common::Delete)}</button>
                        <button type="button" class="button-quiet" on:click=move |_| confirming.set(false)>{t(Common::Cancel)}</button>
                    </span>
                }>
                    <button type="button" class="button-secondary" data-testid="open-plan"
                        disabled=is_open
                        on:click=move |_| session.open(state, &id.get_value())>{t(Common::Open)}</button>
                    <button type="button" class="button-quiet" data-testid="duplicate-plan"
                        on:click=move |_| report(session.duplicate(state, &id.get_value()))>{t(Common::Duplicate)}</button>
                    <button type="button" class="button-quiet button-danger" data-testid="delete-plan"
                        on:click=move |_| confirming.set(true)>{t(Common::Delete)}</button>
                </Show>
            </td>
        </tr>
    }
}

/// Download the open plan as a plan file; open a plan file as a new plan.
#[component]
fn Backup() -> impl IntoView {
    let session = Session::expect();
    let state = PlanState::expect();
    let problems = RwSignal::new(Vec::<String>::new());
    let download = move |_| {
        if let Err(e) = crate::ui::frame::backup_reminder::download_backup(session, state) {
            problems.set(vec![e]);
        }
    };
    let open_file = move |ev: leptos::ev::Event| open_plan_file(session, state, &ev, problems);
    view! {
        <section class="card" aria-labelledby="backup-title">
            <div class="card-head"><h2 id="backup-title">{t(PlansText::Backups)}</h2></div>
            <p class="muted">
                {t(PlansText::BackupIntro)} <code>"fleetplan-cli"</code>
                {texts::backup_reads().0} <code>"docs/plan-format.md"</code> {texts::backup_reads().1}
            </p>
            <div class="backup-actions">
                <button type="button" class="button-secondary" data-testid="backup-download" on:click=download>
                    {t(PlansText::BackupDownload)}
                </button>
                <label class="button-secondary file-button">
                    {t(PlansText::BackupOpen)}
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        data-testid="backup-open" on:change=open_file />
                </label>
            </div>
            <Show when=move || !problems.get().is_empty()>
                <div class="field-error" role="alert" data-testid="backup-problems">
                    <p>{t(PlansText::NotAPlan)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}

/// Texts kept because they could not be read: download or discard each.
/// Besides the copies, a plan's own record that could not be read nor
/// copied (storage full) is listed; discarding it deletes that plan.
#[component]
fn Recoveries() -> impl IntoView {
    let session = Session::expect();
    let rows = move || {
        session
            .recoveries
            .get()
            .into_iter()
            .map(|r| {
                let key = StoredValue::new(r.key.clone());
                let confirming = RwSignal::new(false);
                let download = move |_| {
                    if let Some(text) = Session::recovery_text(&key.get_value()) {
                        let name = format!("{}.txt", key.get_value());
                        let _ = download_bytes(&name, "text/plain;charset=utf-8", text.as_bytes());
                    }
                };
                // A record that could not be copied (no room) is listed as
                // itself: its key is the plan's own.
                let own = r
                    .in_place
                    .then(|| view! { <span class="muted">{" "}{t(PlansText::OwnRecord)}</span> });
                view! {
                    <tr data-testid="recovery-row" data-in-place=r.in_place.to_string()>
                        <td>{texts::recovery_label(&r.label)}{own}</td>
                        <td><code>{r.key.clone()}</code></td>
                        <td class="num">{texts::characters(r.length)}</td>
                        <td class="actions">
                            <button type="button" class="button-secondary" data-testid="recovery-download"
                                on:click=download>{t(Common::Download)}</button>
                            <Show when=move || !confirming.get() fallback=move || view! {
                                <button type="button" class="button-danger"
                                    on:click=move |_| session.discard_recovery(&key.get_value())>{t(PlansText::DiscardForGood)}</button>
                                <button type="button" class="button-quiet" on:click=move |_| confirming.set(false)>{t(Common::Cancel)}</button>
                            }>
                                <button type="button" class="button-quiet" on:click=move |_| confirming.set(true)>{t(PlansText::Discard)}</button>
                            </Show>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !session.recoveries.get().is_empty()>
            <section class="card" aria-labelledby="recovery-title" data-testid="recoveries">
                <div class="card-head"><h2 id="recovery-title">{t(PlansText::KeptTitle)}</h2></div>
                <p class="muted">{t(PlansText::KeptIntro)}</p>
                <table class="grid">
                    <thead>
                        <tr>
                            <th scope="col">{t(PlansText::What)}</th>
                            <th scope="col">{t(PlansText::Key)}</th>
                            <th scope="col" class="num">{t(PlansText::Size)}</th>
                            <th scope="col"><span class="visually-hidden">{t(Common::Actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        </Show>
    }
}
