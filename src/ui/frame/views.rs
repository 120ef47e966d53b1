//! Every view but the Overview, each in a wasm chunk of its own
//! (`ui::lazy_view`): a person who opens only the Overview downloads none of
//! them. The Overview is the landing view and ships with the frame.

use leptos::prelude::*;

use crate::lazy_view;

lazy_view!(
    headcount,
    headcount,
    view! { <crate::ui::headcount::roster::Roster /> }
);
lazy_view!(teams, teams, view! { <crate::ui::teams::view::Teams /> });
lazy_view!(bands, bands, view! { <crate::ui::bands::view::Bands /> });
lazy_view!(
    cloud,
    cloud,
    view! { <crate::ui::cloud::view::CloudView /> }
);
lazy_view!(
    assumptions,
    assumptions,
    view! { <crate::ui::assumptions::view::Assumptions /> }
);
lazy_view!(
    scenarios,
    scenarios,
    view! { <crate::ui::scenarios::view::Scenarios /> }
);
lazy_view!(
    compare,
    compare,
    view! { <crate::ui::compare::view::Compare /> }
);
lazy_view!(
    actuals,
    actuals,
    view! { <crate::ui::actuals::variance_view::BudgetVsActual /> }
);
lazy_view!(
    pivot,
    pivot,
    view! { <crate::ui::pivot::view::PivotView /> }
);
lazy_view!(
    exports,
    exports,
    view! { <crate::ui::exports::view::Exports /> }
);
lazy_view!(plans, plans, view! { <crate::ui::plans::view::Plans /> });
