//! The unit amounts are shown in (円 / 千円 / 百万円, $ / $K / $M): one
//! choice for the views that offer it, kept while the page lives (a
//! language switch rebuilds the views, not this), and the statement the
//! page makes about it ("単位：千円（単位未満四捨五入）").

use leptos::prelude::*;

use crate::i18n::finance::{FinanceText, unit_name, unit_statement};
use crate::i18n::t;
use crate::model::Currency;
use crate::model::units::Unit;

thread_local! {
    static CHOSEN: ArcRwSignal<Unit> = ArcRwSignal::new(Unit::One);
}

/// The unit chosen for display.
pub fn chosen_unit() -> ArcRwSignal<Unit> {
    CHOSEN.with(Clone::clone)
}

/// A labelled selector of the unit, for `currency`.
#[component]
pub fn UnitSelect(#[prop(into)] currency: Signal<Currency>) -> impl IntoView {
    let unit = chosen_unit();
    let read = unit.clone();
    let options = move || {
        let currency = currency.get();
        Unit::ALL
            .into_iter()
            .map(|u| {
                let read = read.clone();
                view! {
                    <option value=u.as_str() selected=move || read.get() == u>
                        {unit_name(u, currency)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <label class="unit-select">
            <span>{t(FinanceText::Unit)}</span>
            <select
                data-testid="unit-select"
                on:change=move |ev| {
                    if let Some(u) = Unit::parse(&event_target_value(&ev)) {
                        unit.set(u);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}

/// The page's statement of its unit, next to the figures.
#[component]
pub fn UnitStatement(#[prop(into)] currency: Signal<Currency>) -> impl IntoView {
    let unit = chosen_unit();
    view! {
        <p class="unit-statement" data-testid="unit-statement">
            {move || unit_statement(unit.get(), currency.get())}
        </p>
    }
}
