//! The band chart: one row per level, a bar from the band's minimum to its
//! maximum with a tick at the midpoint, and each position's salary as a dot
//! (in the danger colour outside its band). Above [`DENSE_FROM`] salaries
//! a dot each would be thousands of SVG nodes (seconds to draw at 20,000
//! positions): each level's row then shows a histogram instead, the count
//! of salaries per salary range (`model::bands::salary_histogram`), outside
//! their band in the danger colour. A "Table" toggle shows the figures as a
//! table. Pixel coordinates are the only floating point here.

use leptos::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use wasm_bindgen::JsCast;

use crate::i18n::bands::{
    BandsText as B, Fit, axis_title, band_title, bin_title, chart_summary, dense_note, salary_title,
};
use crate::i18n::common::Common;
use crate::i18n::finance::currency_unit;
use crate::i18n::{format, t};
use crate::model::bands::{BandFit, LevelBands, bin_bounds, salary_histogram, salary_span};
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::charts::fit_label;

/// From this many salaries on, the chart draws a histogram per level
/// instead of a dot per salary.
pub const DENSE_FROM: usize = 500;

/// The histogram's salary ranges across the axis.
const BINS: usize = 60;

/// Round axis ticks covering `lo..=hi`: a step of 1, 2 or 5 × 10ⁿ (never
/// below `min_step`), from the multiple of the step at or below `lo` to the
/// one at or above `hi`, at most `max_ticks` of them (2 at least). A span of
/// zero is widened by a tenth of the value (or `min_step`) each side, never
/// below zero for a value that is not negative.
pub fn nice_ticks(lo: Decimal, hi: Decimal, max_ticks: usize, min_step: Decimal) -> Vec<Decimal> {
    let intervals = Decimal::from(max_ticks.max(2) - 1);
    let min_step = if min_step > Decimal::ZERO {
        min_step
    } else {
        Decimal::ONE
    };
    let (mut lo, mut hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
    if lo == hi {
        let pad = (lo.abs() / Decimal::TEN).max(min_step);
        let widened = lo - pad;
        lo = if lo >= Decimal::ZERO {
            widened.max(Decimal::ZERO)
        } else {
            widened
        };
        hi += pad;
    }
    let raw = (hi - lo) / intervals;
    let mut power = Decimal::ONE;
    while let Some(next) = power.checked_mul(Decimal::TEN).filter(|n| *n <= raw) {
        power = next;
    }
    while power > raw && power > min_step {
        power /= Decimal::TEN;
    }
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .filter_map(|k| power.checked_mul(Decimal::from(k)))
        .filter(|s| *s >= min_step)
        .find(|s| (hi / s).ceil() - (lo / s).floor() <= intervals)
        .unwrap_or(hi - lo);
    if step <= Decimal::ZERO {
        return vec![lo];
    }
    let mut ticks = Vec::new();
    let mut tick = (lo / step).floor() * step;
    while ticks.len() <= max_ticks {
        ticks.push(tick);
        if tick >= hi {
            break;
        }
        match tick.checked_add(step) {
            Some(next) => tick = next,
            None => break,
        }
    }
    ticks
}

// The drawing's coordinate system (the SVG scales to the card's width).
const WIDTH: f64 = 960.0;
const LEFT: f64 = 150.0;
/// What a level's name may take left of the plot, in half-width characters
/// (a Japanese character counts two).
const LABEL_ROOM: usize = 22;

const RIGHT: f64 = 48.0;
const TOP: f64 = 8.0;
const ROW: f64 = 34.0;
const AXIS: f64 = 40.0;

#[derive(Clone, Debug, PartialEq)]
struct Bar {
    x: f64,
    width: f64,
    mid: f64,
    y: f64,
    height: f64,
    local: bool,
    title: String,
}

#[derive(Clone, Debug, PartialEq)]
struct Dot {
    x: f64,
    y: f64,
    outside: bool,
    title: String,
}

/// One salary range of a level's histogram: a column for all its salaries
/// and, from the same base, one for those outside their band.
#[derive(Clone, Debug, PartialEq)]
struct Bin {
    x: f64,
    width: f64,
    /// The base line (the bottom of the columns).
    y: f64,
    height: f64,
    outside_height: f64,
    title: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Drawing {
    height: f64,
    labels: Vec<(f64, String)>,
    bars: Vec<Bar>,
    dots: Vec<Dot>,
    bins: Vec<Bin>,
    ticks: Vec<(f64, String)>,
    /// Salaries drawn (as dots, or counted in bins).
    salaries: usize,
    outside: usize,
}

/// What the chart lacks to draw any band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missing {
    /// The ladder has no level, so no band can be added yet.
    Levels,
    Bands,
}

impl Missing {
    /// "No bands yet: add one with the form under Salary bands above.",
    /// the card's name a link to it.
    fn hint(self) -> impl IntoView + use<> {
        let (before, link, after, target, control) = match self {
            Missing::Levels => (
                B::NoLevelsBefore,
                B::CareerLadder,
                B::NoLevelsAfter,
                "ladder-title",
                "[data-testid=\"add-level\"] input",
            ),
            Missing::Bands => (
                B::NoBandsBefore,
                B::SalaryBands,
                B::NoBandsAfter,
                "bands-title",
                "[data-testid=\"add-band\"] select",
            ),
        };
        view! {
            {t(before)}
            <a href=format!("#{target}") on:click=move |ev| go_to_form(&ev, target, control)>{t(link)}</a>
            {t(after)}
        }
    }
}

/// Scrolls the card whose heading is `heading` to the top and puts the
/// focus in its form's first field. The address keeps naming the view (a
/// reload opens the view in the address, not a heading).
fn go_to_form(ev: &leptos::ev::MouseEvent, heading: &str, control: &str) {
    ev.prevent_default();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(heading) = document.get_element_by_id(heading) {
        heading.scroll_into_view();
    }
    if let Some(field) = document
        .query_selector(control)
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = field.focus();
    }
}

/// The bars of a level's bands in its row (centred on `centre`): the band
/// for any location across the row, location bands as thin bars below it.
fn band_bars(
    level: &LevelBands,
    centre: f64,
    x: &impl Fn(Decimal) -> f64,
    show: &impl Fn(Decimal) -> String,
) -> Vec<Bar> {
    level
        .bands
        .iter()
        .enumerate()
        .map(|(k, band)| {
            let local = band.location.is_some();
            let (y, height) = if local {
                (centre + 8.0 + 4.0 * (k as f64 - 1.0), 3.0)
            } else {
                (centre - 7.0, 14.0)
            };
            Bar {
                x: x(band.min),
                width: (x(band.max) - x(band.min)).max(1.0),
                mid: x(band.mid),
                y,
                height,
                local,
                title: band_title(
                    &level.level,
                    band.location.as_deref(),
                    &show(band.min),
                    &show(band.max),
                    &show(band.mid),
                ),
            }
        })
        .collect()
}

#[component]
pub fn BandChart(levels: Memo<Vec<LevelBands>>) -> impl IntoView {
    let state = PlanState::expect();
    let show_table = RwSignal::new(false);
    let drawing = Memo::new(move |_| {
        let currency = state.currency.get();
        let min_step = Decimal::new(1, currency.exponent());
        levels.with(|levels| {
            let (lo, hi) = salary_span(levels)?;
            let ticks = nice_ticks(lo, hi, 6, min_step);
            let (first, last) = (*ticks.first()?, *ticks.last()?);
            let span = (last - first).to_f64().filter(|s| *s > 0.0)?;
            let x = |v: Decimal| {
                LEFT + (v - first).to_f64().unwrap_or(0.0) / span * (WIDTH - LEFT - RIGHT)
            };
            let show = |v: Decimal| state.show_amount(v);
            let mut d = Drawing {
                height: TOP + ROW * levels.len() as f64 + AXIS,
                ticks: ticks.iter().map(|t| (x(*t), show(*t))).collect(),
                ..Drawing::default()
            };
            let salaries: usize = levels.iter().map(|l| l.positions.len()).sum();
            d.salaries = salaries;
            if salaries >= DENSE_FROM {
                let bounds = bin_bounds(first, last, BINS);
                for (row, level) in levels.iter().enumerate() {
                    let centre = TOP + ROW * row as f64 + ROW / 2.0;
                    d.labels.push((centre, level.level.clone()));
                    d.bars.extend(band_bars(level, centre, &x, &show));
                    d.outside += level.below + level.above;
                    let bins = salary_histogram(level, &bounds);
                    let most = bins.iter().map(|b| b.count()).max().unwrap_or(0).max(1) as f64;
                    // Columns up to the row's height, the row's fullest range at the top.
                    let base = centre + ROW / 2.0 - 3.0;
                    let scale = |n: usize| {
                        if n == 0 {
                            0.0
                        } else {
                            (n as f64 / most * (ROW - 6.0)).max(1.5)
                        }
                    };
                    for (k, bin) in bins.iter().enumerate() {
                        if bin.count() == 0 {
                            continue;
                        }
                        let (from, to) = (bounds[k], bounds[k + 1]);
                        let left = x(from);
                        d.bins.push(Bin {
                            x: left + 0.5,
                            width: (x(to) - left - 1.0).max(1.0),
                            y: base,
                            height: scale(bin.count()),
                            outside_height: scale(bin.outside),
                            title: bin_title(
                                &level.level,
                                &show(from),
                                &show(to),
                                &format::count(bin.count() as i128),
                                &format::count(bin.outside as i128),
                            ),
                        });
                    }
                }
                return Some(d);
            }
            state.with_scenario(|s| {
                for (row, level) in levels.iter().enumerate() {
                    let centre = TOP + ROW * row as f64 + ROW / 2.0;
                    d.labels.push((centre, level.level.clone()));
                    d.bars.extend(band_bars(level, centre, &x, &show));
                    for (i, check) in &level.positions {
                        let Some(salary) = check.salary else { continue };
                        let title = s.positions.get(*i).map_or("", |p| p.title.as_str());
                        let ratio = check.compa_ratio.map(|r| r.to_string());
                        let fit = match check.fit {
                            BandFit::Below => Fit::Below,
                            BandFit::Above => Fit::Above,
                            BandFit::Within | BandFit::NoBand => Fit::Within,
                        };
                        let outside = check.fit.is_outside();
                        d.outside += usize::from(outside);
                        // A small spread keeps equal salaries from hiding each other.
                        let spread = (*i % 5) as f64 - 2.0;
                        d.dots.push(Dot {
                            x: x(salary),
                            y: centre + 2.5 * spread,
                            outside,
                            title: salary_title(title, &show(salary), ratio.as_deref(), fit),
                        });
                    }
                }
            });
            Some(d)
        })
    });
    let code = move || currency_unit(state.currency.get());

    // Nothing to draw a band from: the message says where bands are added.
    let missing = Memo::new(move |_| {
        levels.with(|levels| {
            if levels.is_empty() {
                Some(Missing::Levels)
            } else if levels.iter().all(|l| l.bands.is_empty()) {
                Some(Missing::Bands)
            } else {
                None
            }
        })
    });

    let chart = move || {
        drawing.with(|d| {
            let Some(d) = d else {
                return view! {
                    <p class="empty" data-testid="band-chart-empty">
                        {move || missing.get().unwrap_or(Missing::Bands).hint()}
                    </p>
                }
                .into_any();
            };
            let axis_y = d.height - AXIS + 4.0;
            let summary = chart_summary(d.labels.len(), d.salaries, d.outside);
            view! {
                <svg
                    class="band-chart"
                    viewBox=format!("0 0 {WIDTH} {}", d.height)
                    role="img"
                    aria-label=summary
                >
                    <g class="band-grid">
                        {d.ticks.iter().map(|(x, label)| view! {
                            <line x1=*x x2=*x y1=TOP y2=axis_y></line>
                            <text x=*x y={axis_y + 16.0} text-anchor="middle">{label.clone()}</text>
                        }).collect_view()}
                        <text x={WIDTH - RIGHT} y={axis_y + 32.0} text-anchor="end" class="band-axis-title">
                            {axis_title(code())}
                        </text>
                    </g>
                    <g class="band-labels">
                        {d.labels.iter().map(|(y, label)| view! {
                            <text x={LEFT - 10.0} y={*y + 4.0} text-anchor="end">
                                <title>{label.clone()}</title>
                                {fit_label(label, LABEL_ROOM)}
                            </text>
                        }).collect_view()}
                    </g>
                    {d.bars.iter().map(|b| view! {
                        <g class="band-bar" class:local=b.local>
                            <title>{b.title.clone()}</title>
                            <rect x=b.x y=b.y width=b.width height=b.height rx="2"></rect>
                            <line class="band-mid" x1=b.mid x2=b.mid y1={b.y - 3.0} y2={b.y + b.height + 3.0}></line>
                        </g>
                    }).collect_view()}
                    {d.bins.iter().map(|b| view! {
                        <g class="band-bin" data-testid="band-bin">
                            <title>{b.title.clone()}</title>
                            <rect class="band-dot" x=b.x y={b.y - b.height} width=b.width height=b.height></rect>
                            {(b.outside_height > 0.0).then(|| view! {
                                <rect class="band-dot outside" x=b.x y={b.y - b.outside_height} width=b.width height=b.outside_height></rect>
                            })}
                        </g>
                    }).collect_view()}
                    {d.dots.iter().map(|dot| view! {
                        <circle
                            class="band-dot"
                            class:outside=dot.outside
                            data-testid="band-dot"
                            data-outside=dot.outside.then_some("true")
                            cx=dot.x
                            cy=dot.y
                            r="3.5"
                        >
                            <title>{dot.title.clone()}</title>
                        </circle>
                    }).collect_view()}
                </svg>
            }
            .into_any()
        })
    };

    view! {
        <section class="card" aria-labelledby="band-chart-title">
            <div class="card-head">
                <h2 id="band-chart-title">{t(B::ChartTitle)}</h2>
                <button
                    type="button"
                    class="button-secondary"
                    data-testid="band-chart-toggle"
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|t| *t = !*t)
                >
                    {move || t(if show_table.get() { B::Chart } else { B::Table })}
                </button>
            </div>
            // Salaries but no band yet: the dots are drawn, and the message
            // says where bands are added.
            {move || {
                (drawing.with(Option::is_some) && !show_table.get())
                    .then(|| missing.get())
                    .flatten()
                    .map(|m| view! { <p class="muted hint band-chart-hint" data-testid="band-chart-empty">{m.hint()}</p> })
            }}
            {move || {
                drawing
                    .with(|d| d.as_ref().filter(|d| !d.bins.is_empty()).map(|d| d.salaries))
                    .filter(|_| !show_table.get())
                    .map(|n| view! {
                        <p class="muted hint" data-testid="band-chart-dense">{dense_note(&format::count(n as i128))}</p>
                    })
            }}
            <div data-testid="band-chart">
                {move || if show_table.get() {
                    view! { <BandFigures levels=levels /> }.into_any()
                } else {
                    chart().into_any()
                }}
            </div>
        </section>
    }
}

/// The chart's figures as a table: each band, and the salaries at its level.
#[component]
fn BandFigures(levels: Memo<Vec<LevelBands>>) -> impl IntoView {
    let state = PlanState::expect();
    let amount =
        move |a: Option<Decimal>| a.map_or_else(|| "—".to_string(), |a| state.show_amount(a));
    let rows = move || {
        levels.with(|levels| {
            levels
                .iter()
                .flat_map(|level| {
                    let bands: Vec<Option<&crate::model::SalaryBand>> = if level.bands.is_empty() {
                        vec![None]
                    } else {
                        level.bands.iter().map(Some).collect()
                    };
                    bands.into_iter().map(move |band| (level, band))
                })
                .map(|(level, band)| {
                    let location = band.and_then(|b| b.location.clone()).unwrap_or_else(|| {
                        t(if band.is_some() {
                            B::AnyLocation
                        } else {
                            B::NoBand
                        })
                        .into()
                    });
                    view! {
                        <tr>
                            <th scope="row">{level.level.clone()}</th>
                            <td>{location}</td>
                            <td class="num">{amount(band.map(|b| b.min))}</td>
                            <td class="num">{amount(band.map(|b| b.mid))}</td>
                            <td class="num">{amount(band.map(|b| b.max))}</td>
                            <td class="num">{level.positions.len()}</td>
                            <td class="num">{amount(level.lowest)}</td>
                            <td class="num">{amount(level.highest)}</td>
                            <td class="num">{level.below}</td>
                            <td class="num">{level.above}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <table class="grid band-figures">
            <caption class="visually-hidden">{t(B::FiguresCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(Common::Level)}</th>
                    <th scope="col">{t(Common::Location)}</th>
                    <th scope="col" class="num">{t(B::Min)}</th>
                    <th scope="col" class="num">{t(B::Mid)}</th>
                    <th scope="col" class="num">{t(B::Max)}</th>
                    <th scope="col" class="num">{t(B::PositionsAtLevel)}</th>
                    <th scope="col" class="num">{t(B::LowestSalary)}</th>
                    <th scope="col" class="num">{t(B::HighestSalary)}</th>
                    <th scope="col" class="num">{t(B::BelowBand)}</th>
                    <th scope="col" class="num">{t(B::AboveBand)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_level_names_are_cut_to_fit() {
        use super::fit_label;
        assert_eq!(fit_label("Senior", 22), "Senior");
        assert_eq!(
            fit_label("エンジニアリングマネージャー", 22),
            "エンジニアリングマネ…"
        );
        assert_eq!(
            fit_label("Principal Engineering Manager", 22),
            "Principal Engineering…"
        );
    }

    use super::*;
    use rust_decimal::dec;

    fn ticks(lo: Decimal, hi: Decimal) -> Vec<Decimal> {
        nice_ticks(lo, hi, 6, Decimal::ONE)
    }

    /// The significant digits of a step: 5 for 500,000 or 0.05.
    fn mantissa(step: Decimal) -> Decimal {
        let mut m = step.normalize();
        while !m.fract().is_zero() {
            m *= Decimal::TEN;
        }
        while !m.is_zero() && (m % Decimal::TEN).is_zero() {
            m /= Decimal::TEN;
        }
        m.normalize()
    }

    #[test]
    fn ticks_are_round_steps_covering_the_span() {
        // Span 3,000,001 over 5 intervals needs 600,000.2 a step: 500,000
        // would take 7 intervals (8 to 15), so 1,000,000.
        assert_eq!(
            ticks(dec!(4000000), dec!(7000001)),
            [
                dec!(4000000),
                dec!(5000000),
                dec!(6000000),
                dec!(7000000),
                dec!(8000000)
            ]
        );
        assert_eq!(
            ticks(dec!(0), dec!(95)),
            [dec!(0), dec!(20), dec!(40), dec!(60), dec!(80), dec!(100)]
        );
        assert_eq!(
            ticks(dec!(3200000), dec!(18500000)),
            [
                dec!(0),
                dec!(5000000),
                dec!(10000000),
                dec!(15000000),
                dec!(20000000)
            ]
        );
    }

    #[test]
    fn ticks_keep_their_promises() {
        for (lo, hi) in [
            (dec!(1), dec!(2)),
            (dec!(123456), dec!(987654321)),
            (dec!(4999999), dec!(5000001)),
            (dec!(0), dec!(1000000000000000)),
            (dec!(75000.50), dec!(310000.25)),
        ] {
            let t = ticks(lo, hi);
            assert!(t.len() >= 2 && t.len() <= 6, "{lo}..{hi}: {t:?}");
            assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo}..{hi}: {t:?}");
            let step = t[1] - t[0];
            assert!(
                [dec!(1), dec!(2), dec!(5)].contains(&mantissa(step)),
                "{lo}..{hi}: step {step}"
            );
            assert!(t.windows(2).all(|w| w[1] - w[0] == step));
            assert!(t.iter().all(|x| (x / step).fract().is_zero()));
        }
    }

    #[test]
    fn a_single_value_gets_a_span_around_it() {
        // ±600,000 around 6,000,000: steps of 500,000 from 5,000,000.
        assert_eq!(
            ticks(dec!(6000000), dec!(6000000)),
            [
                dec!(5000000),
                dec!(5500000),
                dec!(6000000),
                dec!(6500000),
                dec!(7000000)
            ]
        );
        // Zero stays the floor, and yen never get a step below one.
        assert_eq!(ticks(dec!(0), dec!(0)), [dec!(0), dec!(1)]);
        assert_eq!(
            nice_ticks(dec!(0), dec!(0), 6, dec!(0.01)),
            [dec!(0), dec!(0.01)]
        );
    }

    #[test]
    fn reversed_bounds_are_read_in_order() {
        assert_eq!(ticks(dec!(95), dec!(0)), ticks(dec!(0), dec!(95)));
    }
}
