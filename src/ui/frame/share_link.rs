//! A plan shared by link (`format::share_link`): "Copy link" on Plans &
//! backups, and the offer to import a plan when the page is opened from
//! such a link. Compression is the browser's own (`CompressionStream`,
//! `DecompressionStream` with "deflate-raw"), so it costs the bundle no
//! compressor. Opening a link never overwrites a plan: it is imported as a
//! new one (numbered when its name is taken), or dismissed.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::backup_reminder::download_backup;
use super::session::Session;
use super::state::PlanState;
use crate::format::plan_json::{read_plan_file, write_plan_file};
use crate::format::share_link::{self, LINK_LIMIT, LinkError};
use crate::i18n::keeping::{self as texts, KeepingText};
use crate::i18n::plans::plan_file_error;
use crate::i18n::t;

fn method(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    f.apply(target, &args.iter().collect::<Array>())
}

/// Pipes `bytes` through a `CompressionStream` or `DecompressionStream`
/// ("deflate-raw") and collects what comes out.
async fn pipe(bytes: &[u8], stream: &str) -> Result<Vec<u8>, JsValue> {
    let global = js_sys::global();
    let ctor: Function = Reflect::get(&global, &JsValue::from_str(stream))?.dyn_into()?;
    let transform = Reflect::construct(&ctor, &Array::of1(&JsValue::from_str("deflate-raw")))?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let readable = method(&method(&blob, "stream", &[])?, "pipeThrough", &[transform])?;
    let response_ctor: Function =
        Reflect::get(&global, &JsValue::from_str("Response"))?.dyn_into()?;
    let response = Reflect::construct(&response_ctor, &Array::of1(&readable))?;
    let buffer =
        JsFuture::from(method(&response, "arrayBuffer", &[])?.dyn_into::<Promise>()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The planner's address without its fragment.
fn base_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    location
        .and_then(|l| {
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_default()
}

/// The link of the open plan.
async fn plan_link(state: PlanState) -> Result<String, JsValue> {
    let text = state.plan.with_untracked(write_plan_file);
    let deflated = pipe(
        share_link::minify_json(&text).as_bytes(),
        "CompressionStream",
    )
    .await?;
    Ok(share_link::link(&base_address(), &deflated))
}

/// Puts `text` on the clipboard; false where the browser refuses.
async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let copied = async {
        let clipboard = Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).ok()?;
        let promise = method(&clipboard, "writeText", &[JsValue::from_str(text)]).ok()?;
        JsFuture::from(promise.dyn_into::<Promise>().ok()?)
            .await
            .ok()
    };
    copied.await.is_some()
}

/// What Copy link did.
#[derive(Clone)]
enum Copied {
    /// Copied; the link is shown too.
    Done(String),
    /// Not copied (refused): the link is shown to copy by hand.
    Refused(String),
    /// Too long for chat and mail: offer the file.
    TooLarge(usize),
    Failed,
}

/// Plans & backups: copy the open plan as a link.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    let result = RwSignal::new(None::<Copied>);
    let on_copy = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = match plan_link(state).await {
                Err(_) => Copied::Failed,
                Ok(link) if link.chars().count() > LINK_LIMIT => {
                    Copied::TooLarge(link.chars().count())
                }
                Ok(link) if copy(&link).await => Copied::Done(link),
                Ok(link) => Copied::Refused(link),
            };
            result.set(Some(outcome));
        });
    };
    let shown = move || {
        result.get().map(|r| match r {
            Copied::Done(link) | Copied::Refused(link) => {
                let note = match &result.get_untracked() {
                    Some(Copied::Done(_)) => texts::link_copied(link.chars().count()),
                    _ => t(KeepingText::CopyFailed).to_string(),
                };
                view! {
                    <p class="note" role="status" data-testid="share-link-note">{note}</p>
                    <label class="field share-link-field">
                        <span class="field-label">{t(KeepingText::SharedLink)}</span>
                        <input type="text" readonly data-testid="share-link-url" prop:value=link
                            on:focus=move |ev| {
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            } />
                    </label>
                }
                .into_any()
            }
            Copied::TooLarge(characters) => view! {
                <div class="field-error" role="alert" data-testid="share-link-too-large">
                    <p>{texts::link_too_large(characters, LINK_LIMIT)}</p>
                    <button type="button" class="button-secondary"
                        on:click=move |_| { let _ = download_backup(session, state); }>
                        {t(KeepingText::DownloadPlanFile)}
                    </button>
                </div>
            }
            .into_any(),
            Copied::Failed => view! {
                <p class="field-error" role="alert">{texts::shared_unreadable("CompressionStream")}</p>
            }
            .into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="share-title">
            <div class="card-head"><h2 id="share-title">{t(KeepingText::LinkTitle)}</h2></div>
            <p class="muted">{t(KeepingText::LinkIntro)}</p>
            <div class="backup-actions">
                <button type="button" class="button-secondary" data-testid="share-link-copy" on:click=on_copy>
                    {t(KeepingText::CopyLink)}
                </button>
            </div>
            {shown}
        </section>
    }
}

/// A plan read from the address's fragment: its text, name and positions.
#[derive(Clone)]
enum Shared {
    Plan {
        text: String,
        name: String,
        positions: usize,
    },
    Unreadable(String),
}

/// Reads the plan a link carries, if the fragment carries one.
async fn read_shared(fragment: &str) -> Option<Shared> {
    let deflated = share_link::deflated(fragment)?;
    let text = match deflated {
        Err(e) => Err(e),
        Ok(bytes) => match pipe(&bytes, "DecompressionStream").await {
            Ok(inflated) => share_link::text(inflated),
            Err(_) => Err(LinkError::Compression),
        },
    };
    Some(match text {
        Err(e) => Shared::Unreadable(e.to_string()),
        Ok(text) => match read_plan_file(&text) {
            Ok(plan) => Shared::Plan {
                name: plan.name.clone(),
                positions: plan.scenarios.first().map_or(0, |s| s.positions.len()),
                text,
            },
            Err(errors) => {
                Shared::Unreadable(errors.first().map(plan_file_error).unwrap_or_default())
            }
        },
    })
}

/// Takes the plan out of the address, so a reload does not offer it again.
fn forget_fragment() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&base_address()));
    }
}

/// Under the header, when the page was opened from a link with a plan in
/// it: import it as a new plan, or dismiss it. Nothing is changed before
/// the person chooses.
#[component]
pub fn SharedPlanOffer() -> impl IntoView {
    let state = PlanState::expect();
    let session = Session::expect();
    let shared = RwSignal::new(None::<Shared>);
    let problem = RwSignal::new(None::<String>);
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if share_link::deflated(&fragment).is_some() {
        leptos::task::spawn_local(async move {
            shared.set(read_shared(&fragment).await);
        });
    }
    let dismiss = move |_| {
        forget_fragment();
        shared.set(None);
    };
    let import = move |_| {
        let Some(Shared::Plan { text, .. }) = shared.get_untracked() else {
            return;
        };
        match session.import_file(state, &text) {
            Ok(()) => {
                forget_fragment();
                shared.set(None);
            }
            Err(reasons) => problem.set(reasons.into_iter().next()),
        }
    };
    move || {
        shared.get().map(|s| {
            let (text, can_import) = match s {
                Shared::Plan { name, positions, .. } => (texts::shared_offer(&name, positions), true),
                Shared::Unreadable(reason) => (texts::shared_unreadable(&reason), false),
            };
            view! {
                <div class="backup-reminder shared-offer" role="alert" data-testid="shared-plan">
                    <span>{text}</span>
                    <Show when=move || can_import>
                        <button type="button" class="button-primary" data-testid="shared-plan-import"
                            on:click=import>{t(KeepingText::ImportShared)}</button>
                    </Show>
                    <button type="button" class="button-quiet" data-testid="shared-plan-dismiss"
                        on:click=dismiss>{t(KeepingText::Dismiss)}</button>
                    {move || problem.get().map(|p| view! { <span class="field-error">{p}</span> })}
                </div>
            }
        })
    }
}
