//! Creating a plan and opening a plan file: the Plans view, the start
//! panel and the header's linked file all do both.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::clock::this_month;
use super::session::Session;
use super::state::PlanState;
use crate::i18n::plans::{self as texts, PlansText};
use crate::i18n::{lang, t};
pub use crate::model::presets::StartChoice;
use crate::ui::widgets::read_file::read_file;

/// Creates a plan from `choice` and opens it: the next fiscal year that has
/// not started (12 months, the demo 36), named after the choice and that
/// year in the page's language ("Japan FY2027 plan", "日本 2027年度計画"),
/// numbered when another plan on this device has that name. The error is
/// the sentence to show (storage full or unavailable).
pub fn create_plan(session: Session, state: PlanState, choice: StartChoice) -> Result<(), String> {
    let plan = texts::start_plan(choice, this_month(), lang());
    session.create(state, &plan)
}

/// Opens the plan file chosen in the `<input type="file">` whose `change`
/// event is `ev`, as a new plan (numbered when its name is taken), and
/// empties the input so the same file can be chosen again. `problems` gets
/// what is wrong (the file unreadable, or the plan file's problems with
/// their field paths; nothing is changed then), or nothing once the plan is
/// open. Reading the file is asynchronous: this returns at once.
pub fn open_plan_file(
    session: Session,
    state: PlanState,
    ev: &leptos::ev::Event,
    problems: RwSignal<Vec<String>>,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Some((_, bytes)) = read_file(input.clone()).await else {
            problems.set(vec![t(PlansText::FileUnreadable).into()]);
            return;
        };
        input.set_value("");
        // Decoded as the command line decodes it (`plan_json::read_plan_bytes`):
        // UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS; anything
        // else is refused, never opened garbled.
        let text = match crate::format::decode::decode(&bytes) {
            Ok(decoded) => decoded.text,
            Err(e) => {
                problems.set(vec![crate::i18n::roster::decode_error(&e)]);
                return;
            }
        };
        match session.import_file(state, &text) {
            Ok(()) => problems.set(Vec::new()),
            Err(reasons) => problems.set(reasons),
        }
    });
}
