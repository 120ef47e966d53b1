//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use fleetplan::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Waits `ms` milliseconds (the autosave waits for a pause in editing).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn adding_a_position_updates_the_annual_total() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    // The planner opens the view named in the address.
    window.location().set_hash("headcount").unwrap();
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let _mounted = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    assert_eq!(text_of(&root, "[data-testid=annual-total]"), "0");

    let form = root
        .query_selector("[data-testid=add-position]")
        .unwrap()
        .unwrap();
    for (name, value) in [
        ("title", "Engineer"),
        ("team", "Core"),
        ("salary", "6,000,000"),
    ] {
        let input: web_sys::HtmlInputElement = form
            .query_selector(&format!("input[name={name}]"))
            .unwrap()
            .unwrap()
            .unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
    let submit: web_sys::HtmlElement = form
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    submit.click();
    tick().await;

    assert_eq!(text_of(&root, "[data-testid=annual-total]"), "6,000,000");
    assert_eq!(
        storage.get_item(fleetplan::storage::PLAN_KEY).unwrap(),
        None,
        "saving waits for a pause in editing"
    );
    sleep(700).await;
    // The whole plan was written to local storage as one record.
    let saved = storage
        .get_item(fleetplan::storage::PLAN_KEY)
        .unwrap()
        .unwrap();
    assert!(saved.contains("\"Engineer\""), "saved record: {saved}");
    root.remove();
}
