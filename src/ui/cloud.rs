//! The cloud view (being built).

use leptos::prelude::*;

#[component]
pub fn CloudView() -> impl IntoView {
    view! { <section class="card"><h2>"CloudView"</h2></section> }
}
