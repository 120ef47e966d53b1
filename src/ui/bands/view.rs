//! The salary bands view: the career ladder, the bands per level, a chart of
//! every salary against its band, and the positions outside their band.
//! A locked scenario disables the ladder and the bands only.

use leptos::prelude::*;

use super::band_chart::BandChart;
use super::band_ladder::Ladder;
use super::band_outside::OutsideBand;
use super::band_table::BandTable;
use crate::i18n::bands::BandsText;
use crate::i18n::t;
use crate::model::bands::ladder_bands;
use crate::ui::frame::state::PlanState;

#[component]
pub fn Bands() -> impl IntoView {
    let state = PlanState::expect();
    let levels = Memo::new(move |_| state.with_scenario(ladder_bands).unwrap_or_default());
    view! {
        <section class="bands-view" data-testid="bands" aria-label=t(BandsText::SalaryBands)>
            // The ladder and the bands edit the scenario (read-only while it
            // is locked); the chart, its table and the positions outside
            // their band only read it.
            <fieldset class="bands-top" disabled=move || state.locked()>
                <Ladder />
                <BandTable />
            </fieldset>
            <BandChart levels=levels />
            <OutsideBand />
        </section>
    }
}
