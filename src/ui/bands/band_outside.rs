//! The positions whose salary is outside their band, for review: per band,
//! how many are below and above it and what bringing them in would take;
//! then the positions themselves, farthest outside first, a page at a time.
//! A large roster is checked in slices between frames, with progress
//! (`model::band_outside` does the arithmetic).

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::bands::{
    BandsText as B, band_name, outside_by, outside_counts, range, reviewing, show_more, showing,
};
use crate::i18n::common::Common;
use crate::i18n::finance::currency_unit;
use crate::i18n::overview::with_unit;
use crate::i18n::{format, t};
use crate::model::Scenario;
use crate::model::band_outside::{
    OutsideFilter, OutsidePosition, OutsideReview, OutsideReviewer, outside_review,
};
use crate::model::bands::BandFit;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::download_chunks::Slice;

/// Rows added to the list at a time.
const PAGE: usize = 50;

/// Above this many positions (some 40 ms of checks in the browser) the
/// roster is checked in slices between frames, with progress.
const AT_ONCE: usize = 5_000;

/// Positions checked between two looks at the clock.
const STEP: usize = 256;

/// A review, and which one it is: rows are keyed by it, so a new review
/// rebuilds them while "show more" only adds rows.
#[derive(Clone, Debug)]
struct Reviewed {
    id: u64,
    review: Arc<OutsideReview>,
}

impl PartialEq for Reviewed {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Checks the current scenario a slice at a time; `None` when `alive` says
/// the result is no longer wanted (the plan changed, the view closed).
async fn review_in_slices(
    state: PlanState,
    scenario: usize,
    progress: impl Fn(u32),
    alive: impl Fn() -> bool,
) -> Option<OutsideReview> {
    // The scenario is read afresh for each slice (no copy of it is kept);
    // `alive` stops the work as soon as the plan changes.
    let with = |read: &mut dyn FnMut(&Scenario)| {
        state
            .plan
            .try_with_untracked(|p| p.scenarios.get(scenario).map(&mut *read))
            .flatten()
    };
    let mut reviewer = None;
    with(&mut |s| reviewer = Some(OutsideReviewer::new(s)))?;
    let mut reviewer = reviewer?;
    let mut slice = Slice::start();
    loop {
        let (mut done, mut total) = (false, 0);
        with(&mut |s| {
            done = reviewer.review(s, STEP);
            total = s.positions.len();
        })?;
        if done {
            break;
        }
        if slice.over() {
            progress((reviewer.checked() * 1000 / total.max(1)) as u32);
            slice.next().await;
            if !alive() {
                return None;
            }
        }
    }
    let (mut reviewer, mut review) = (Some(reviewer), None);
    with(&mut |s| review = reviewer.take().map(|r| r.finish(s)))?;
    review
}

/// The review of the current scenario (`None` while a large roster is
/// checked), and how far that is (thousandths).
fn current_review(state: PlanState) -> (Memo<Option<Reviewed>>, RwSignal<u32>) {
    let large =
        Memo::new(move |_| state.with_scenario(|s| s.positions.len()).unwrap_or(0) > AT_ONCE);
    let sliced = RwSignal::new(None::<Reviewed>);
    let progress = RwSignal::new(0_u32);
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        state.plan.track();
        let scenario = state.scenario_index();
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        sliced.set(None);
        progress.set(0);
        if !large.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            let alive = move || generation.try_get_value() == Some(this);
            let review = review_in_slices(
                state,
                scenario,
                |p| {
                    progress.try_set(p);
                },
                alive,
            )
            .await;
            if let Some(review) = review.filter(|_| alive()) {
                sliced.try_set(Some(Reviewed {
                    id: this,
                    review: Arc::new(review),
                }));
            }
        });
    });
    let small = StoredValue::new(0_u64);
    let review = Memo::new(move |_| {
        if large.get() {
            return sliced.get();
        }
        let review = state.with_scenario(outside_review)?;
        small.update_value(|id| *id += 1);
        Some(Reviewed {
            // Apart from the sliced reviews' ids.
            id: small.get_value() | 1 << 63,
            review: Arc::new(review),
        })
    });
    (review, progress)
}

#[component]
pub fn OutsideBand() -> impl IntoView {
    let state = PlanState::expect();
    let (review, progress) = current_review(state);
    let fit = RwSignal::new(None::<BandFit>);
    let band = RwSignal::new(None::<usize>);
    let shown = RwSignal::new(PAGE);
    let filter = move || OutsideFilter {
        fit: fit.get(),
        band: band.get(),
    };
    // Another scenario has other bands: the list starts over.
    Effect::new(move |_| {
        state.scenario.track();
        band.set(None);
        shown.set(PAGE);
    });
    let count = move || {
        review.with(|r| {
            r.as_ref().map(|r| {
                let review = &r.review;
                outside_counts(
                    &format::count(review.positions.len() as i128),
                    &format::count(review.below() as i128),
                    &format::count(review.above() as i128),
                )
            })
        })
    };
    let progress_note = move || {
        review.with(Option::is_none).then(|| {
            view! {
                <div class="note" role="status" data-testid="view-progress">
                    <progress
                        max="1000"
                        value=move || progress.get().to_string()
                        aria-label=t(B::OutsideTitle)
                    ></progress>
                    <span>{move || reviewing(progress.get() / 10)}</span>
                </div>
            }
        })
    };
    let content = move || {
        let empty = review.with(|r| r.as_ref().map(|r| r.review.positions.is_empty()))?;
        Some(if empty {
            view! { <p class="empty" data-testid="outside-band">{t(B::AllWithin)}</p> }.into_any()
        } else {
            view! {
                <Summary review=review />
                <Choices review=review fit=fit band=band shown=shown />
                <List review=review filter=Signal::derive(filter) shown=shown />
            }
            .into_any()
        })
    };
    view! {
        <section class="card outside-card" aria-labelledby="outside-title">
            <div class="card-head">
                <h2 id="outside-title">{t(B::OutsideTitle)}</h2>
                <span class="muted" data-testid="outside-count">{count}</span>
            </div>
            {progress_note}
            {content}
        </section>
    }
}

/// Per band: its positions, how many are below and above it, and the
/// amounts that bring them in.
#[component]
fn Summary(review: Memo<Option<Reviewed>>) -> impl IntoView {
    let state = PlanState::expect();
    let code = move || currency_unit(state.currency.get());
    let amount = move |a: rust_decimal::Decimal| state.show_amount(a);
    let rows = move || {
        let Some(r) = review.get() else {
            return Vec::new();
        };
        let names = state
            .with_scenario(|s| {
                r.review
                    .bands
                    .iter()
                    .map(|b| {
                        s.bands
                            .get(b.band)
                            .map(|band| (band.level.clone(), band.location.clone()))
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        r.review
            .bands
            .iter()
            .zip(names)
            .map(|(b, (level, location))| {
                let location = location.unwrap_or_else(|| t(B::AnyLocation).to_string());
                view! {
                    <tr data-testid="outside-summary-row" class:quiet=b.outside() == 0>
                        <th scope="row">{level}</th>
                        <td>{location}</td>
                        <td class="num">{format::count(b.positions as i128)}</td>
                        <td class="num" data-testid="outside-below">{format::count(b.below as i128)}</td>
                        <td class="num" data-testid="outside-above">{format::count(b.above as i128)}</td>
                        <td class="num">{amount(b.short_of_minimum)}</td>
                        <td class="num">{amount(b.over_maximum)}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let totals = move || {
        review.with(|r| {
            r.as_ref().map(|r| {
                let review = &r.review;
                view! {
                    <tr class="total-row" data-testid="outside-summary-total">
                        <th scope="row" colspan="2">{t(Common::Total)}</th>
                        <td class="num">{format::count(review.with_band() as i128)}</td>
                        <td class="num">{format::count(review.below() as i128)}</td>
                        <td class="num">{format::count(review.above() as i128)}</td>
                        <td class="num">{amount(review.short_of_minimum())}</td>
                        <td class="num">{amount(review.over_maximum())}</td>
                    </tr>
                }
            })
        })
    };
    view! {
        <div class="table-scroll">
            <table class="grid outside-summary" data-testid="outside-summary">
                <caption>{t(B::SummaryCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Level)}</th>
                        <th scope="col">{t(Common::Location)}</th>
                        <th scope="col" class="num">{t(B::PositionsInBand)}</th>
                        <th scope="col" class="num">{t(B::BelowBand)}</th>
                        <th scope="col" class="num">{t(B::AboveBand)}</th>
                        <th scope="col" class="num">{move || with_unit(t(B::ShortOfMinimum), code())}</th>
                        <th scope="col" class="num">{move || with_unit(t(B::OverMaximum), code())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>{totals}</tfoot>
            </table>
        </div>
        <p class="muted hint">{t(B::SummaryNote)}</p>
    }
}

/// The list's filters: below or above, and one band.
#[component]
fn Choices(
    review: Memo<Option<Reviewed>>,
    fit: RwSignal<Option<BandFit>>,
    band: RwSignal<Option<usize>>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    let state = PlanState::expect();
    let sides = [
        ("both", None, t(B::BelowAndAbove)),
        ("below", Some(BandFit::Below), t(B::BelowOnly)),
        ("above", Some(BandFit::Above), t(B::AboveOnly)),
    ];
    let on_side = move |ev| {
        let value = event_target_value(&ev);
        fit.set(
            sides
                .iter()
                .find(|(key, _, _)| *key == value)
                .and_then(|(_, f, _)| *f),
        );
        shown.set(PAGE);
    };
    // The bands with a position outside them, in ladder order.
    let band_options = move || {
        let bands: Vec<usize> = review.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.review
                        .bands
                        .iter()
                        .filter(|b| b.outside() > 0)
                        .map(|b| b.band)
                        .collect()
                })
                .unwrap_or_default()
        });
        state
            .with_scenario(|s| {
                bands
                    .into_iter()
                    .filter_map(|b| {
                        let of = s.bands.get(b)?;
                        let name = band_name(&of.level, of.location.as_deref());
                        Some(view! {
                            <option value=b.to_string() selected=move || band.get() == Some(b)>
                                {name}
                            </option>
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let on_band = move |ev| {
        band.set(event_target_value(&ev).parse().ok());
        shown.set(PAGE);
    };
    view! {
        <div class="outside-choices">
            <label>
                <span>{t(B::Band)}</span>
                <select data-testid="outside-band-filter" on:change=on_band>
                    <option value="" selected=move || band.get().is_none()>
                        {t(B::EveryBand)}
                    </option>
                    {band_options}
                </select>
            </label>
            <label>
                <span>{t(B::Side)}</span>
                <select data-testid="outside-side-filter" on:change=on_side>
                    {sides
                        .iter()
                        .map(|(key, f, label)| {
                            let f = *f;
                            view! {
                                <option value=*key selected=move || fit.get() == f>
                                    {*label}
                                </option>
                            }
                        })
                        .collect::<Vec<_>>()}
                </select>
            </label>
        </div>
    }
}

/// One row of the list, with what it shows of its position and band.
#[derive(Clone, Debug)]
struct Row {
    key: (u64, usize),
    outside: OutsidePosition,
}

/// The positions outside their band that the filters keep, farthest
/// outside first, `shown` of them.
#[component]
fn List(
    review: Memo<Option<Reviewed>>,
    filter: Signal<OutsideFilter>,
    shown: RwSignal<usize>,
) -> impl IntoView {
    let state = PlanState::expect();
    let total = Memo::new(move |_| {
        let filter = filter.get();
        review.with(|r| r.as_ref().map_or(0, |r| r.review.count(filter)))
    });
    let rows = move || {
        let filter = filter.get();
        let shown = shown.get();
        review.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.review
                        .filtered(filter)
                        .take(shown)
                        .map(|p| Row {
                            key: (r.id, p.position),
                            outside: p.clone(),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let more = move || {
        let left = total.get().saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="outside-more"
                    on:click=move |_| shown.update(|n| *n += PAGE)
                >
                    {show_more(&format::count(left.min(PAGE) as i128))}
                </button>
            }
        })
    };
    view! {
        <p class="muted" data-testid="outside-shown" aria-live="polite">
            {move || {
                let total = total.get();
                showing(
                    &format::count(shown.get().min(total) as i128),
                    &format::count(total as i128),
                )
            }}
        </p>
        <Show
            when=move || total.get() != 0
            fallback=|| view! { <p class="empty">{t(B::NoneMatch)}</p> }
        >
            <div class="table-scroll">
                <table class="grid outside-table" data-testid="outside-band">
                    <thead>
                        <tr>
                            <th scope="col">{t(B::Position)}</th>
                            <th scope="col">{t(Common::Team)}</th>
                            <th scope="col">{t(Common::Level)}</th>
                            <th scope="col" class="num">{t(B::Salary)}</th>
                            <th scope="col" class="num">{t(B::Band)}</th>
                            <th scope="col" class="num">{t(B::OutsideBy)}</th>
                            <th scope="col" class="num">{t(Common::CompaRatio)}</th>
                            <th scope="col">{t(B::BelowOrAbove)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|r| r.key let(row)>
                            <OutsideRow outside=row.outside state=state />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <div class="outside-more">{more}</div>
    }
}

#[component]
fn OutsideRow(outside: OutsidePosition, state: PlanState) -> impl IntoView {
    let (title, team, level, band) = state
        .with_scenario(|s| {
            let p = s.positions.get(outside.position);
            let b = s.bands.get(outside.band);
            (
                p.map(|p| p.title.clone()).unwrap_or_default(),
                p.map(|p| p.team.clone()).unwrap_or_default(),
                b.map(|b| band_name(&b.level, b.location.as_deref()))
                    .unwrap_or_default(),
                b.map(|b| range(&state.show_amount(b.min), &state.show_amount(b.max)))
                    .unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let above = outside.fit == BandFit::Above;
    let pct = outside.gap_pct.map(|p| p.to_string());
    view! {
        <tr data-testid="outside-row" class:above=above>
            <td>{title}</td>
            <td>{team}</td>
            <td>{level}</td>
            <td class="num">{state.show_amount(outside.salary)}</td>
            <td class="num">{band}</td>
            <td class="num" data-testid="outside-by">
                {outside_by(&state.show_amount(outside.gap), pct.as_deref())}
            </td>
            // Three decimals always, so the column lines up (1.250, not 1.25).
            <td class="num">{outside.compa_ratio.map(|c| format!("{c:.3}")).unwrap_or_default()}</td>
            <td class="fit">{t(if above { B::Above } else { B::Below })}</td>
        </tr>
    }
}
