//! Positions whose salary is outside their band, for review.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::state::PlanState;
use crate::i18n::bands::{BandsText as B, positions_outside, range};
use crate::i18n::common::Common;
use crate::i18n::t;
use crate::model::bands::{BandFit, outside_band};

#[derive(Clone, Debug, PartialEq)]
struct Outside {
    title: String,
    team: String,
    level: String,
    salary: Option<Decimal>,
    band: Option<(Decimal, Decimal)>,
    compa_ratio: Option<Decimal>,
    above: bool,
}

#[component]
pub fn OutsideBand() -> impl IntoView {
    let state = PlanState::expect();
    let rows = Memo::new(move |_| {
        state
            .with_scenario(|s| {
                outside_band(s)
                    .into_iter()
                    .filter_map(|(i, check)| {
                        let p = s.positions.get(i)?;
                        Some(Outside {
                            title: p.title.clone(),
                            team: p.team.clone(),
                            level: p.level.clone(),
                            salary: check.salary,
                            band: s
                                .band_for(&p.level, p.location.as_deref())
                                .map(|b| (b.min, b.max)),
                            compa_ratio: check.compa_ratio,
                            above: check.fit == BandFit::Above,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let amount = move |a: Option<Decimal>| a.map_or_else(String::new, |a| state.show_amount(a));
    let body = move || {
        rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let band = r
                        .band
                        .map(|(min, max)| range(&amount(Some(min)), &amount(Some(max))))
                        .unwrap_or_default();
                    view! {
                        <tr data-testid="outside-row" class:above=r.above>
                            <td>{r.title.clone()}</td>
                            <td>{r.team.clone()}</td>
                            <td>{r.level.clone()}</td>
                            <td class="num">{amount(r.salary)}</td>
                            <td class="num">{band}</td>
                            <td class="num">{r.compa_ratio.map(|c| c.to_string()).unwrap_or_default()}</td>
                            <td class="fit">{t(if r.above { B::Above } else { B::Below })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="outside-title">
            <div class="card-head">
                <h2 id="outside-title">{t(B::OutsideTitle)}</h2>
                <span class="muted" data-testid="outside-count">
                    {move || positions_outside(rows.with(Vec::len))}
                </span>
            </div>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="empty" data-testid="outside-band">{t(B::AllWithin)}</p> }
            >
                <table class="grid outside-table" data-testid="outside-band">
                    <thead>
                        <tr>
                            <th scope="col">{t(B::Position)}</th>
                            <th scope="col">{t(Common::Team)}</th>
                            <th scope="col">{t(Common::Level)}</th>
                            <th scope="col" class="num">{t(B::Salary)}</th>
                            <th scope="col" class="num">{t(B::Band)}</th>
                            <th scope="col" class="num">{t(Common::CompaRatio)}</th>
                            <th scope="col">{t(B::BelowOrAbove)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </Show>
        </section>
    }
}
