//! Reads the file chosen in an `<input type="file">`: the imports and the
//! plan file all start here.

/// The chosen file's name and bytes; `None` when none is chosen or it
/// cannot be read.
pub async fn read_file(input: web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some((file.name(), bytes))
}
