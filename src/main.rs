//! The browser entry point: installs the panic hook and mounts the planner.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // A panic shows in the console and on the page, never a silent
        // dead page that still says "Saved".
        fleetplan::ui::install_crash_report();
        leptos::mount::mount_to_body(fleetplan::ui::App);
        register_service_worker();
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "fleetplan is the browser app: build it with `trunk build`. For the command line, run fleetplan-cli."
    );
}

/// After the first load the planner works offline (`src/sw.js`). Browsers
/// allow service workers on secure origins only (https, localhost); elsewhere
/// the planner simply needs the network to open.
#[cfg(target_arch = "wasm32")]
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.is_secure_context() {
        return;
    }
    let container = window.navigator().service_worker();
    // No worker support at all (the property is missing): nothing to do.
    if wasm_bindgen::JsValue::from(container.clone()).is_undefined() {
        return;
    }
    let _ = container.register("/sw.js");
}
