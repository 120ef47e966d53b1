//! The teams view (being built).

use leptos::prelude::*;

#[component]
pub fn Teams() -> impl IntoView {
    view! { <section class="card"><h2>"Teams"</h2></section> }
}
