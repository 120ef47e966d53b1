//! The assumptions view (being built).

use leptos::prelude::*;

#[component]
pub fn Assumptions() -> impl IntoView {
    view! { <section class="card"><h2>"Assumptions"</h2></section> }
}
