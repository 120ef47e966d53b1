//! Large downloads, written a chunk at a time between frames, and the
//! slicing of long work that keeps the page responsive.
//!
//! A CSV export of a large plan runs to hundreds of megabytes. It is
//! written by `format::export::ExportChunks`, the command line's writer, a
//! couple of megabytes at a time: each chunk becomes a `Blob` at once (the
//! constructor copies it out of wasm memory; Chromium keeps blobs in its
//! blob storage, paged to disk when large, not in the page's heap), and the
//! file is a `Blob` of those. No `Vec` or `String` ever holds the whole
//! file. The work runs in slices of about
//! [`SLICE_MS`] with a turn of the event loop between them ([`next_turn`]),
//! so the page paints its progress and the Cancel button answers.
//! `download::download_bytes` remains for small files made in one piece.

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

use crate::format::export::{ExportChunks, ExportRequest, Step};
use crate::i18n::exports::{DownloadStep, not_prepared, plan_has_errors};
use crate::model::Plan;

/// How long a slice of work runs before the page gets a turn, in ms: well
/// under the 200 ms the page may ever be blocked, leaving room for the
/// longest single step.
pub const SLICE_MS: f64 = 40.0;

/// The MIME type of every CSV download.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// `performance.now()` in ms.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves on a later task of the event loop, after the browser had its
/// chance to paint and handle input. Through a `MessageChannel` message,
/// not `setTimeout`, which a hidden tab throttles to once a second.
pub async fn next_turn() {
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    if let Some(channel) = channel {
        channel.port1().set_onmessage(None);
        channel.port1().close();
        channel.port2().close();
    }
}

/// A time budget for a slice of work.
pub struct Slice {
    deadline: f64,
}

impl Slice {
    pub fn start() -> Self {
        Self {
            deadline: now() + SLICE_MS,
        }
    }

    /// The slice has used its time: give the page a turn.
    pub fn over(&self) -> bool {
        now() >= self.deadline
    }

    /// Lets the page paint and handle input, then starts the next slice.
    pub async fn next(&mut self) {
        next_turn().await;
        self.deadline = now() + SLICE_MS;
    }
}

/// A file put together from chunks without ever holding it whole: each
/// chunk becomes a `Blob` at once, copied straight out of wasm memory by
/// the `Blob` constructor (no `ArrayBuffer` copy left for the garbage
/// collector); the file is a `Blob` of those.
struct BlobParts {
    options: web_sys::BlobPropertyBag,
    blobs: js_sys::Array,
}

impl BlobParts {
    fn new(mime: &str) -> Self {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        Self {
            options,
            blobs: js_sys::Array::new(),
        }
    }

    /// Copies `bytes` into a new blob (the chunk can be dropped).
    fn push(&mut self, bytes: &[u8]) -> Result<(), String> {
        // SAFETY: the view is read by the Blob constructor, which copies
        // it, before anything else runs in this module: no allocation can
        // grow (and so move) the wasm memory while the view lives.
        let view = unsafe { js_sys::Uint8Array::view(bytes) };
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(
            &js_sys::Array::of1(&view),
            &self.options,
        )
        .map_err(|_| not_prepared(DownloadStep::Blob))?;
        self.blobs.push(&blob);
        Ok(())
    }

    fn finish(self) -> Result<web_sys::Blob, String> {
        web_sys::Blob::new_with_blob_sequence_and_options(&self.blobs, &self.options)
            .map_err(|_| not_prepared(DownloadStep::Blob))
    }
}

/// Hands `blob` to the browser as a download named `file_name`. The object
/// URL is revoked a minute later: a large file is still being read from it
/// after the click.
fn save_blob(blob: &web_sys::Blob, file_name: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = not_prepared;
    let window = web_sys::window().ok_or_else(|| fail(DownloadStep::Document))?;
    let document = window
        .document()
        .ok_or_else(|| fail(DownloadStep::Document))?;
    let url =
        web_sys::Url::create_object_url_with_blob(blob).map_err(|_| fail(DownloadStep::Url))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail(DownloadStep::Link))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// How a chunked download ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The file was handed to the browser, with its size in bytes.
    Downloaded(u64),
    Cancelled,
}

/// Writes the export `request` of `plan` in chunks between frames and
/// hands it to the browser as `file_name`. `progress` is told how far it
/// is (thousandths) after each slice; `cancelled` is asked then, and stops
/// the work. Errors are sentences in the interface's language.
pub async fn download_export(
    plan: &Plan,
    request: &ExportRequest,
    file_name: &str,
    progress: impl Fn(u32),
    cancelled: impl Fn() -> bool,
) -> Result<Written, String> {
    // The first slice counts validating and compiling the scenarios.
    let mut slice = Slice::start();
    let mut writer = ExportChunks::new(plan, request).map_err(|e| plan_has_errors(&e))?;
    let mut parts = BlobParts::new(CSV_MIME);
    let mut size = 0u64;
    loop {
        match writer.step() {
            Step::Chunk(bytes) => {
                size += bytes.len() as u64;
                parts.push(&bytes)?;
            }
            Step::Working => {}
            Step::Done => break,
        }
        if slice.over() {
            progress(writer.progress());
            slice.next().await;
            if cancelled() {
                return Ok(Written::Cancelled);
            }
        }
    }
    progress(1000);
    drop(writer);
    let blob = parts.finish()?;
    save_blob(&blob, file_name)?;
    Ok(Written::Downloaded(size))
}
