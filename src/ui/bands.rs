//! The bands view (being built).

use leptos::prelude::*;

#[component]
pub fn Bands() -> impl IntoView {
    view! { <section class="card"><h2>"Bands"</h2></section> }
}
