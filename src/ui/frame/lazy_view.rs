//! A view whose code arrives in its own wasm chunk: the frame shows at once,
//! the view as soon as its chunk is loaded, and a failed load says so and
//! offers to try again (the loader keeps no failure, so a retry fetches anew).

use std::future::Future;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;
use wasm_split_helpers::SplitLoaderError;

use crate::i18n::shell::ShellText;
use crate::i18n::t;

/// Declares `$name`, an async function giving the view `$body`.
///
/// Built with `--cfg fleetplan_split` (scripts/build), its code goes to the
/// wasm chunk `$chunk`, which `wasm-split-cli` cuts out and the function
/// loads on first use. Without the flag (`trunk serve`, the wasm tests) it
/// is a plain async function: there is no splitter to resolve the chunk's
/// placeholder import, and the page would not load.
#[macro_export]
macro_rules! lazy_view {
    ($chunk:ident, $name:ident, $body:expr) => {
        #[cfg(fleetplan_split)]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        pub fn $name() -> ::core::result::Result<
            ::leptos::prelude::AnyView,
            ::wasm_split_helpers::SplitLoaderError,
        > {
            ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any($body))
        }

        #[cfg(not(fleetplan_split))]
        pub async fn $name() -> ::core::result::Result<
            ::leptos::prelude::AnyView,
            ::wasm_split_helpers::SplitLoaderError,
        > {
            ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any($body))
        }
    };
}

/// Shows the view `load` gives, with a retry when its chunk fails to load.
pub fn lazy<F>(load: fn() -> F) -> AnyView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    // Each retry asks for the view again; the chunk loader keeps no failure.
    let attempt = RwSignal::new(0u32);
    let shown = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            match load().await {
                Ok(view) => view,
                Err(_) => failed(attempt),
            }
        }))
    };
    view! {
        <Suspense fallback=|| {
            view! {
                <p class="view-loading" role="status" aria-live="polite">
                    {t(ShellText::ViewLoading)}
                </p>
            }
        }>{shown}</Suspense>
    }
    .into_any()
}

fn failed(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="banner banner-warning view-load-failed" role="alert" data-testid="view-load-failed">
            <p>{t(ShellText::ViewLoadFailed)}</p>
            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                {t(ShellText::ViewLoadRetry)}
            </button>
        </div>
    }
    .into_any()
}
