//! The overview view (being built).

use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    view! { <section class="card"><h2>"Overview"</h2></section> }
}
