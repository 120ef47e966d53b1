//! Reads the file chosen in an `<input type="file">`: the imports and the
//! plan file all start here.

use wasm_bindgen::JsCast;

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

/// What an import does with the file chosen in the input that fired `ev`:
/// reads it, empties the input (so the same file can be chosen again after
/// a fix) and calls `then` with its name and bytes, or with `None` for the
/// bytes when the browser could not read it (moved or deleted since it was
/// chosen), which the import says. Nothing happens when no file is chosen.
pub fn on_file_chosen(
    ev: &leptos::ev::Event,
    then: impl FnOnce(String, Option<Vec<u8>>) + 'static,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(name) = input.files().and_then(|f| f.get(0)).map(|f| f.name()) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let bytes = read_file(input.clone()).await.map(|(_, bytes)| bytes);
        input.set_value("");
        then(name, bytes);
    });
}
