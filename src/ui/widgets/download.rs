//! Hands bytes to the browser as a file download. Nothing leaves the
//! machine: the file is made from an in-memory Blob.

use wasm_bindgen::JsCast;

use crate::i18n::exports::{DownloadStep, not_prepared};

/// Starts the download of `bytes` as `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = not_prepared;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail(DownloadStep::Document))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail(DownloadStep::Blob))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail(DownloadStep::Url))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail(DownloadStep::Link))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has already handed the blob to the download; free the URL.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
