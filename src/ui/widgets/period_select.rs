//! How finely a view breaks its figures down (months, quarters, halves,
//! years of the fiscal year): a segmented choice, kept while the page
//! lives, like the unit (`unit_select`).

use leptos::prelude::*;

use crate::i18n::overview::OverviewText as O;
use crate::i18n::t;
use crate::model::periods::Granularity;

thread_local! {
    static AMOUNTS: ArcRwSignal<Granularity> = ArcRwSignal::new(Granularity::Months);
    static HIRING: ArcRwSignal<Granularity> = ArcRwSignal::new(Granularity::Quarters);
}

/// The periods the Overview's and the Headcount view's amounts are shown in.
pub fn chosen_periods() -> ArcRwSignal<Granularity> {
    AMOUNTS.with(Clone::clone)
}

/// The periods of the hiring plan.
pub fn hiring_periods() -> ArcRwSignal<Granularity> {
    HIRING.with(Clone::clone)
}

fn name(g: Granularity) -> &'static str {
    t(match g {
        Granularity::Months => O::ByMonth,
        Granularity::Quarters => O::ByQuarter,
        Granularity::Halves => O::ByHalf,
        Granularity::Years => O::ByYear,
    })
}

/// Buttons for `choices`, setting `value`.
#[component]
pub fn PeriodSelect(
    value: ArcRwSignal<Granularity>,
    choices: &'static [Granularity],
    testid: &'static str,
) -> impl IntoView {
    let buttons = choices
        .iter()
        .map(|&g| {
            let read = value.clone();
            let read2 = value.clone();
            let write = value.clone();
            view! {
                <button
                    type="button"
                    class="segment"
                    data-periods=g.as_str()
                    class:active=move || read.get() == g
                    aria-pressed=move || (read2.get() == g).to_string()
                    on:click=move |_| write.set(g)
                >
                    {name(g)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="segmented" role="group" aria-label=t(O::ShowBy) data-testid=testid>
            {buttons}
        </div>
    }
}
