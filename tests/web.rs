//! Component tests in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use fleetplan::ui::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use fleetplan::format::plan_json::read_plan_file;
use fleetplan::format::record::decode_record;
use fleetplan::model::Plan;
use fleetplan::storage::LocalStore;
use fleetplan::storage::library::{KeyValue, Library, Opened, SaveError, plan_key};

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
    assert_eq!(text_of(&root, "[data-testid=annual-total]"), "¥0");

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

    assert_eq!(text_of(&root, "[data-testid=annual-total]"), "¥6,000,000");
    // A fresh browser starts with a new plan, stored at once as plan 1.
    let key = plan_key("1");
    let stored = storage
        .get_item(&key)
        .unwrap()
        .expect("the new plan is stored");
    assert_eq!(
        decode_record(&stored).unwrap().plan.scenarios[0]
            .positions
            .len(),
        0,
        "saving waits for a pause in editing"
    );
    sleep(700).await;
    // The whole plan was written to local storage as one record.
    let saved = decode_record(&storage.get_item(&key).unwrap().unwrap()).unwrap();
    assert_eq!(saved.plan.scenarios[0].positions[0].title, "Engineer");
    assert_eq!(saved.revision, 2);
    root.remove();
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_remembered_language_is_the_pages_and_a_switch_is_remembered() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("fleetplan.language", "ja").unwrap();
    window.location().set_hash("overview").unwrap();
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let mounted = mount_to(root.clone().unchecked_into(), App);
    tick().await;
    let html = document.document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ja"));
    assert_eq!(text_of(&root, "nav [data-view=overview]"), "概要");
    // A new plan is named in the page's language.
    let name: web_sys::HtmlInputElement = root
        .query_selector("[data-testid=plan-name]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(name.value(), "エンジニア組織の計画");

    // The switch rebuilds the page in English and remembers the choice.
    let switch: web_sys::HtmlSelectElement = root
        .query_selector("[data-testid=language]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    switch.set_value("en");
    let change = document.create_event("Event").unwrap();
    change.init_event_with_bubbles("change", true);
    switch.dispatch_event(&change).unwrap();
    tick().await;
    assert_eq!(text_of(&root, "nav [data-view=overview]"), "Overview");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        storage.get_item("fleetplan.language").unwrap().as_deref(),
        Some("en")
    );
    drop(mounted);
    root.remove();
    storage.clear().unwrap();
}

fn example() -> Plan {
    read_plan_file(include_str!("../docs/example-plan.json")).unwrap()
}

#[wasm_bindgen_test]
fn local_store_reads_writes_lists_and_removes() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut store = LocalStore;
    assert_eq!(store.get("fleetplan.test").unwrap(), None);
    // Characters beyond the Basic Multilingual Plane and the record's range survive.
    let text = "データ \u{1F600} \u{8000}\u{20}\n";
    store.set("fleetplan.test", text).unwrap();
    assert_eq!(store.get("fleetplan.test").unwrap().as_deref(), Some(text));
    assert_eq!(store.keys(), ["fleetplan.test"]);
    store.remove("fleetplan.test");
    assert_eq!(store.get("fleetplan.test").unwrap(), None);
    assert!(store.keys().is_empty());
}

#[wasm_bindgen_test]
fn plans_are_saved_and_opened_through_local_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut library = Library::new(LocalStore);
    let id = library.create(&example()).unwrap();
    let mut edited = example();
    edited.scenarios[0].positions[0].title = "Head of Engineering".into();
    assert_eq!(library.save(&id, &edited, 1), Ok(2));
    // What another tab would see on its next read.
    let mut other_tab = Library::new(LocalStore);
    match other_tab.open(&id) {
        Opened::Plan { plan, revision, .. } => assert_eq!((plan, revision), (edited.clone(), 2)),
        other => panic!("{other:?}"),
    }
    assert_eq!(other_tab.save(&id, &example(), 2), Ok(3));
    assert_eq!(
        library.save(&id, &edited, 2),
        Err(SaveError::Conflict { theirs: 3 })
    );
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_fails_the_save_and_keeps_the_stored_plan() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut library = Library::new(LocalStore);
    let id = library.create(&example()).unwrap();
    let before = storage.get_item(&plan_key(&id)).unwrap();
    // Fill the rest of the quota (about 5 MiB) with filler records.
    let chunk = "x".repeat(256 * 1024);
    let mut n = 0;
    while storage.set_item(&format!("filler.{n}"), &chunk).is_ok() {
        n += 1;
        assert!(n < 200, "local storage did not fill up");
    }
    let small = "y".repeat(1024);
    while storage.set_item(&format!("filler.{n}"), &small).is_ok() {
        n += 1;
    }
    let mut bigger = example();
    bigger.scenarios[0].positions[0].title = "x".repeat(100_000);
    assert_eq!(library.save(&id, &bigger, 1), Err(SaveError::Full));
    assert_eq!(storage.get_item(&plan_key(&id)).unwrap(), before);
    storage.clear().unwrap();
}

/// The browser answers whether the site's storage is persistent (read
/// without asking: the planner asks only at the first edit), and how much
/// of its quota the site uses.
#[wasm_bindgen_test]
async fn the_browser_says_whether_the_storage_is_kept() {
    use fleetplan::storage::persistence::{estimate, persisted};
    assert!(persisted().await.is_some());
    assert!(estimate().await.is_some());
}

/// The browser decodes Shift_JIS with its own `TextDecoder` (no table in
/// the wasm bundle), the command line with encoding_rs: both give the same
/// text for every byte and every two-byte sequence, and both refuse the
/// same sequences (`format::decode`).
#[wasm_bindgen_test]
fn the_browser_and_the_cli_decode_shift_jis_alike() {
    use fleetplan::format::decode::{decode, shift_jis};
    let native = |bytes: &[u8]| {
        encoding_rs::SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.into_owned())
    };
    for b in 0..=255u8 {
        assert_eq!(shift_jis(&[b]), native(&[b]), "byte {b:#04x}");
    }
    let mut refused = 0;
    for lead in 0x81..=0xFCu8 {
        let mut valid = Vec::new();
        for trail in 0x00..=0xFFu8 {
            let pair = [lead, trail];
            match native(&pair) {
                Some(_) => valid.extend_from_slice(&pair),
                None => {
                    refused += 1;
                    // Only the pairs WHATWG leaves unmapped, each on its own.
                    if (0x40..=0xFC).contains(&trail) && trail != 0x7F {
                        assert_eq!(shift_jis(&pair), None, "{lead:#04x} {trail:#04x}");
                    }
                }
            }
        }
        assert_eq!(shift_jis(&valid), native(&valid), "lead {lead:#04x}");
    }
    assert!(refused > 0);
    let file = include_bytes!("fixtures/import/hr-roster-cp932.csv");
    let decoded = decode(file).expect("decodes");
    assert_eq!(Some(decoded.text), native(file));
}
