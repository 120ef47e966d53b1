//! The browser entry point: installs the panic hook and mounts the planner.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // A panic shows in the console instead of a silent dead page.
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(fleetplan::ui::App);
    }
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "fleetplan is the browser app: build it with `trunk build`. For the command line, run fleetplan-cli."
    );
}
