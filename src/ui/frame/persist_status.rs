//! Whether the browser keeps the plans: asked once, at the first edit saved
//! (`autosave` calls [`ask_once`]), never on a first load; and, on Plans &
//! backups, what the browser answered, how much it counts as stored, and
//! what that means (clearing site data, Safari's seven-day rule).

use std::cell::{Cell, OnceCell};

use leptos::prelude::*;

use super::session::Session;
use crate::i18n::plans::{self as texts, PlansText};
use crate::i18n::t;
use crate::storage::persistence::{self, Asked, Usage, should_ask, standing};
use crate::storage::{LocalStore, Persistence};

thread_local! {
    /// The browser's estimate of this site's storage, once read. Reference
    /// counted, not owned by the view that first reads it: it outlives that
    /// view, and the tasks that set it may finish after the view is gone.
    static USAGE: OnceCell<ArcRwSignal<Option<Usage>>> = const { OnceCell::new() };
    /// Asked already on this page (or asking): the first edit asks, no other.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

fn usage() -> ArcRwSignal<Option<Usage>> {
    USAGE.with(|cell| cell.get_or_init(|| ArcRwSignal::new(None)).clone())
}

async fn read_usage() {
    let estimate = persistence::estimate().await;
    usage().set(estimate);
}

/// What the browser keeps now, from `persisted()` and the answer kept on
/// this browser; never asks. Reads the usage too.
pub async fn standing_now() -> Persistence {
    read_usage().await;
    standing(persistence::persisted().await, Asked::read(&LocalStore))
}

/// Asks the browser to keep this site's storage and notes its answer.
async fn ask(session: Session) {
    let Some(granted) = persistence::persist().await else {
        // No storage manager, or it failed: nothing was answered.
        session.persistence.set(standing_now().await);
        return;
    };
    let asked = Asked::note(&mut LocalStore, js_sys::Date::now() as i64, granted);
    session
        .persistence
        .set(standing(Some(granted), Some(asked)));
    read_usage().await;
}

/// The person changed a plan: on the first change of the page, the browser
/// is asked to keep the storage, if it never was on this browser and does
/// not already.
pub fn ask_once(session: Session) {
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let now = standing_now().await;
        session.persistence.set(now);
        if should_ask(now) {
            ask(session).await;
        }
    });
}

/// The card on Plans & backups.
#[component]
pub fn PersistStatus() -> impl IntoView {
    let session = Session::expect();
    let said = move || texts::persistence(session.persistence.get());
    let usage = RwSignal::from(usage());
    let ask_again = move |_| leptos::task::spawn_local(ask(session));
    view! {
        <section class="card" aria-labelledby="storage-title" data-testid="storage-card">
            <div class="card-head"><h2 id="storage-title">{t(PlansText::StorageTitle)}</h2></div>
            <p class="persistence" data-testid="persistence" data-state=move || said().0>
                {move || said().1}
            </p>
            {move || usage.get().map(|u| view! {
                <p class="muted storage-usage" data-testid="storage-usage">{texts::storage_usage(u.used, u.quota)}</p>
            })}
            <ul class="storage-means">
                <li>{t(PlansText::ClearingWipes)}</li>
                <li data-testid="safari-rule">{t(PlansText::SafariRule)}</li>
                <li>{t(PlansText::CopiesOutside)}</li>
            </ul>
            <Show when=move || session.persistence.get() == Persistence::BestEffort>
                <button type="button" class="button-secondary" data-testid="persist-ask" on:click=ask_again>
                    {t(PlansText::AskAgain)}
                </button>
            </Show>
        </section>
    }
}
