//! Every view but the Overview, each in a wasm chunk of its own
//! (`ui::lazy_view`): a person who opens only the Overview downloads none of
//! them. The Overview is the landing view and ships with the frame.

use leptos::prelude::*;

use crate::lazy_view;

lazy_view!(headcount, headcount, view! { <super::roster::Roster /> });
lazy_view!(teams, teams, view! { <super::teams::Teams /> });
lazy_view!(bands, bands, view! { <super::bands::Bands /> });
lazy_view!(cloud, cloud, view! { <super::cloud::CloudView /> });
lazy_view!(
    assumptions,
    assumptions,
    view! { <super::assumptions::Assumptions /> }
);
lazy_view!(
    scenarios,
    scenarios,
    view! { <super::scenarios::Scenarios /> }
);
lazy_view!(compare, compare, view! { <super::compare::Compare /> });
lazy_view!(
    actuals,
    actuals,
    view! { <super::variance_view::BudgetVsActual /> }
);
lazy_view!(pivot, pivot, view! { <super::pivot::PivotView /> });
lazy_view!(exports, exports, view! { <super::exports::Exports /> });
lazy_view!(plans, plans, view! { <super::plans::Plans /> });
