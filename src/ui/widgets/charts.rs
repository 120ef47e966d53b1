//! SVG charts drawn from the engine's numbers: stacked bars or lines over the
//! horizon's months, with axes, a legend, a tooltip on every element and a
//! table of the exact figures as the text alternative.
//!
//! Figures people read (tooltips, tables, tick labels) come from exact
//! integers; f64 is used only to place things in the drawing.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::common::{Common, category, cloud_category};
use crate::i18n::overview::{ChartText, OverviewText, bar_tip, chart_label, chart_table_caption};
use crate::i18n::{Lang, format, lang, t};
use crate::model::{Category, CloudCategory, Currency, FiscalYear, YearMonth, group_digits};

// The drawing's coordinate system; the SVG scales to its container's width.
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 60.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 24.0;
const PLOT_WIDTH: f64 = WIDTH - LEFT - RIGHT;
const PLOT_BOTTOM: f64 = HEIGHT - BOTTOM;
/// At most this many steps on the value axis.
const VALUE_STEPS: i128 = 7;
/// Month labels that fit side by side across the plot.
const MONTH_LABELS: usize = 12;
/// Room a fiscal year's name ("FY2026", "2026年度") needs above the plot.
fn fy_label_width() -> f64 {
    match lang() {
        Lang::En => 48.0,
        Lang::Ja => 56.0,
    }
}

/// One series: its CSS class (which sets `--c`, its colour) and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Series {
    pub class: &'static str,
    pub name: SeriesName,
}

/// The class that draws a line series dotted, after the class of its
/// colour: `"line-heads dotted"` is an expected figure beside the planned
/// one whose colour it takes. The pattern is drawn from code (an SVG
/// attribute, a `style:` property on the legend's swatch), which the page's
/// Content-Security-Policy allows.
pub const DOTTED: &str = "dotted";

/// The legend's swatch of a dotted line.
const DOTTED_SWATCH: &str = "repeating-linear-gradient(90deg, var(--c) 0 3px, transparent 3px 5px)";

impl Series {
    /// Whether the series is a dotted line (its class has [`DOTTED`]).
    pub fn dotted(&self) -> bool {
        self.class.split_ascii_whitespace().any(|c| c == DOTTED)
    }
}

/// A series' name, read in the page's language when the chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesName {
    Category(Category),
    Cloud(CloudCategory),
    Common(Common),
    Overview(OverviewText),
    /// Named by the chart's data ([`ChartData::names`]): scenarios.
    Given,
}

impl SeriesName {
    pub fn text(self) -> &'static str {
        match self {
            SeriesName::Category(c) => category(c),
            SeriesName::Cloud(c) => cloud_category(c),
            SeriesName::Common(key) => t(key),
            SeriesName::Overview(key) => t(key),
            SeriesName::Given => "",
        }
    }
}

/// What the values count, and so how they read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Figures {
    /// Minor units of the currency.
    Money(Currency),
    /// Millionths of a person (heads and FTE).
    #[default]
    Millionths,
}

impl Figures {
    /// Digits below the unit: the currency's exponent, or 6.
    fn exponent(self) -> u32 {
        match self {
            Figures::Money(currency) => currency.exponent(),
            Figures::Millionths => 6,
        }
    }

    /// The finest step of the value axis: a minor unit, or a whole person.
    fn min_step(self) -> i128 {
        match self {
            Figures::Money(_) => 1,
            Figures::Millionths => 1_000_000,
        }
    }

    /// The exact figure: "¥6,000,000", "$1,234.50", "11.5".
    pub fn show(self, value: i128) -> String {
        match self {
            Figures::Money(currency) => format::money(value, currency),
            Figures::Millionths => Decimal::try_from_i128_with_scale(value, 6)
                .map(|d| group_digits(&d.normalize().to_string()))
                .unwrap_or_else(|_| value.to_string()),
        }
    }
}

/// What a chart draws: one value per month and series.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    pub months: Vec<YearMonth>,
    pub fiscal_year_start: u8,
    pub series: &'static [Series],
    /// `values[m * series.len() + s]`.
    pub values: Vec<i128>,
    /// The model's total of each month (stacked charts); empty for lines.
    pub totals: Vec<i128>,
    pub figures: Figures,
    /// The value axis' title: the currency code, "People".
    pub axis_title: &'static str,
    /// Names that replace the series' own, in order (scenario names).
    pub names: Vec<String>,
}

impl ChartData {
    fn width(&self) -> usize {
        self.series.len().max(1)
    }

    fn value(&self, month: usize, series: usize) -> i128 {
        self.values
            .get(month * self.width() + series)
            .copied()
            .unwrap_or(0)
    }

    /// Series `s`'s name: a given name, else the series' own.
    fn name(&self, s: usize) -> String {
        self.names.get(s).cloned().unwrap_or_else(|| {
            self.series
                .get(s)
                .map(|x| x.name.text().to_string())
                .unwrap_or_default()
        })
    }

    /// Nothing but zeros: a chart would be an empty frame.
    fn is_blank(&self) -> bool {
        self.values.iter().all(|v| *v == 0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per month, its series stacked.
    StackedBars,
    /// One line per series.
    Lines,
}

pub use crate::model::ticks::Axis;
use crate::model::ticks::{self, Counting};

/// Where `value` sits between `top` (the axis' max) and `bottom` (its min).
fn axis_y(axis: &Axis, value: i128, top: f64, bottom: f64) -> f64 {
    let share = (value - axis.min) as f64 / (axis.max - axis.min) as f64;
    bottom - share * (bottom - top)
}

/// The axis' tick labels as the language counts (`model::ticks`): K, M, B
/// in English; 万, 億, 兆 in Japanese ("5,000万", "1.5億"). `exponent` is
/// the digits of the values below the unit.
pub fn tick_labels(axis: &Axis, exponent: u32) -> Vec<String> {
    let counting = match lang() {
        Lang::En => Counting::Thousands,
        Lang::Ja => Counting::TenThousands,
    };
    ticks::tick_labels(axis, exponent, counting)
}

/// The months that get a label: every `stride`-th month, on the fiscal
/// years' first months, the stride (1, 2, 3, 4, 6, 12, 24, 60) the smallest
/// that keeps to `max_labels`.
pub fn month_ticks(months: &[YearMonth], fiscal_year_start: u8, max_labels: usize) -> Vec<usize> {
    let n = months.len();
    let stride = [1, 2, 3, 4, 6, 12, 24, 60]
        .into_iter()
        .find(|stride| n.div_ceil(*stride) <= max_labels.max(1))
        .unwrap_or(n.max(1));
    let anchor = months
        .iter()
        .position(|m| m.month() == fiscal_year_start)
        .unwrap_or(0)
        % stride;
    (0..n).filter(|m| m % stride == anchor).collect()
}

/// Each fiscal year in the horizon: its first month's index and its number
/// of months.
pub fn fiscal_year_blocks(months: &[YearMonth], fiscal_year_start: u8) -> Vec<(usize, usize)> {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    for (m, month) in months.iter().enumerate() {
        match blocks.last_mut() {
            Some(block) if month.month() != fiscal_year_start => block.1 += 1,
            _ => blocks.push((m, 1)),
        }
    }
    blocks
}

/// Where each part of one stacked bar sits, `(from, to)`: positive parts
/// stacked up from zero, negative ones down.
pub fn stack_month(parts: &[i128]) -> Vec<(i128, i128)> {
    let (mut up, mut down) = (0_i128, 0_i128);
    parts
        .iter()
        .map(|&part| {
            let level = if part >= 0 { &mut up } else { &mut down };
            let from = *level;
            *level += part;
            (from, *level)
        })
        .collect()
}

/// The lowest and highest point the stacked bars reach.
pub fn stack_extent(values: &[i128], width: usize) -> (i128, i128) {
    values.chunks(width.max(1)).fold((0, 0), |(lo, hi), parts| {
        let down: i128 = parts.iter().filter(|v| **v < 0).sum();
        let up: i128 = parts.iter().filter(|v| **v > 0).sum();
        (lo.min(down), hi.max(up))
    })
}

/// One decimal is plenty for a drawing and keeps the markup short.
fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Horizontal slot of each month.
fn slot(months: usize) -> f64 {
    PLOT_WIDTH / months.max(1) as f64
}

fn center(month: usize, slot: f64) -> f64 {
    r1(LEFT + slot * (month as f64 + 0.5))
}

/// Gridlines, tick labels, the axis title, month labels and fiscal-year rules.
fn frame(data: &ChartData, axis: &Axis) -> impl IntoView + use<> {
    let labels = tick_labels(axis, data.figures.exponent());
    let grid = axis
        .ticks()
        .into_iter()
        .zip(labels)
        .map(|(value, label)| {
            let y = r1(axis_y(axis, value, TOP, PLOT_BOTTOM));
            let class = if value == 0 { "axis-zero" } else { "gridline" };
            view! {
                <line class=class x1=LEFT x2={WIDTH - RIGHT} y1=y y2=y></line>
                <text class="tick tick-y" x={LEFT - 6.0} y=y dy="0.32em">{label}</text>
            }
        })
        .collect_view();
    let slot = slot(data.months.len());
    let month_labels = month_ticks(&data.months, data.fiscal_year_start, MONTH_LABELS)
        .into_iter()
        .map(|m| {
            view! {
                <text class="tick tick-x" x=center(m, slot) y={PLOT_BOTTOM + 16.0}>
                    {format::month(data.months[m])}
                </text>
            }
        })
        .collect_view();
    let years = fiscal_year_blocks(&data.months, data.fiscal_year_start)
        .into_iter()
        .map(|(first, count)| {
            let x = r1(LEFT + slot * first as f64);
            // A year too short to hold its name keeps its rule only.
            let label = (slot * count as f64 >= fy_label_width()).then(|| {
                format::fiscal_year(FiscalYear::of(data.months[first], data.fiscal_year_start))
            });
            // The first year starts at the value axis: no rule of its own.
            let rule = (first > 0).then(|| {
                view! { <line class="fy-rule" x1=x x2=x y1={TOP - 14.0} y2=PLOT_BOTTOM></line> }
            });
            view! {
                {rule}
                <text class="fy-label" x={x + 4.0} y={TOP - 6.0}>{label}</text>
            }
        })
        .collect_view();
    view! {
        <text class="axis-title" x="0" y="12">{data.axis_title}</text>
        {grid}
        {years}
        {month_labels}
    }
}

fn bars(data: &ChartData) -> impl IntoView + use<> {
    let width = data.width();
    let (lo, hi) = stack_extent(&data.values, width);
    let axis = Axis::new(lo, hi, data.figures.min_step(), VALUE_STEPS);
    let slot = slot(data.months.len());
    // Bars keep a gap between them, and stay slim in a short horizon.
    let bar = r1((slot * 0.72).clamp(1.0, 48.0));
    let rects = data
        .values
        .chunks(width)
        .zip(&data.months)
        .enumerate()
        .flat_map(|(m, (parts, month))| {
            let x = r1(LEFT + slot * m as f64 + (slot - bar) / 2.0);
            let total = data.totals.get(m).map(|t| data.figures.show(*t));
            let month = format::month(*month);
            stack_month(parts)
                .into_iter()
                .zip(parts)
                .zip(data.series.iter().enumerate())
                .filter(|(((from, to), _), _)| from != to)
                .map(move |(((from, to), value), (s, series))| {
                    let top = r1(axis_y(&axis, from.max(to), TOP, PLOT_BOTTOM));
                    let bottom = r1(axis_y(&axis, from.min(to), TOP, PLOT_BOTTOM));
                    let tip = bar_tip(
                        &month,
                        &data.name(s),
                        &data.figures.show(*value),
                        total.as_deref(),
                    );
                    view! {
                        <rect class=series.class x=x y=top width=bar height=r1(bottom - top)>
                            <title>{tip}</title>
                        </rect>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    view! {
        {frame(data, &axis)}
        <g class="bars">{rects}</g>
    }
}

fn lines(data: &ChartData) -> impl IntoView + use<> {
    let lo = data.values.iter().copied().min().unwrap_or(0);
    let hi = data.values.iter().copied().max().unwrap_or(0);
    let axis = Axis::new(lo, hi, data.figures.min_step(), VALUE_STEPS);
    let n = data.months.len();
    let slot = slot(n);
    let y = |value: i128| r1(axis_y(&axis, value, TOP, PLOT_BOTTOM));
    let paths = data
        .series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            let points: Vec<String> = (0..n)
                .map(|m| format!("{},{}", center(m, slot), y(data.value(m, s))))
                .collect();
            // Markers only where they stay apart (and so that one month shows).
            let markers = (n <= 36).then(|| {
                (0..n)
                    .map(|m| {
                        view! { <circle cx=center(m, slot) cy=y(data.value(m, s)) r="2.5"></circle> }
                    })
                    .collect_view()
            });
            let (dashes, cap) = if series.dotted() {
                (Some("0.5 4.5"), Some("round"))
            } else {
                (None, None)
            };
            view! {
                <g class=series.class>
                    <polyline points=points.join(" ") stroke-dasharray=dashes stroke-linecap=cap></polyline>
                    {markers}
                </g>
            }
        })
        .collect_view();
    // One hover target per month carries every series' figure.
    let hits = data
        .months
        .iter()
        .enumerate()
        .map(|(m, month)| {
            let figures: Vec<String> = data
                .series
                .iter()
                .enumerate()
                .map(|(s, _)| format!("{} {}", data.name(s), data.figures.show(data.value(m, s))))
                .collect();
            let tip = format!("{} · {}", format::month(*month), figures.join(" · "));
            view! {
                <rect class="hit" x={r1(LEFT + slot * m as f64)} y=TOP width=r1(slot) height={PLOT_BOTTOM - TOP}>
                    <title>{tip}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        {frame(data, &axis)}
        <g class="lines">{paths}</g>
        <g>{hits}</g>
    }
}

/// The exact figures, a row per month: the chart's text alternative.
fn figures_table(data: &ChartData, title: &'static str) -> impl IntoView + use<> {
    let with_total = !data.totals.is_empty();
    let head = data
        .series
        .iter()
        .enumerate()
        .map(|(s, _)| view! { <th scope="col" class="num">{data.name(s)}</th> })
        .collect_view();
    let rows = data
        .months
        .iter()
        .enumerate()
        .map(|(m, month)| {
            let cells = (0..data.series.len())
                .map(|s| view! { <td class="num">{data.figures.show(data.value(m, s))}</td> })
                .collect_view();
            let total = with_total.then(|| {
                let total = data.totals.get(m).copied().unwrap_or(0);
                view! { <td class="num total-cell">{data.figures.show(total)}</td> }
            });
            view! {
                <tr>
                    <th scope="row">{format::month(*month)}</th>
                    {cells}
                    {total}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="chart-table-wrap">
            <table class="grid chart-table">
                <caption>{chart_table_caption(title, data.axis_title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Common::Month)}</th>
                        {head}
                        {with_total.then(|| view! { <th scope="col" class="num">{t(Common::Total)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A chart of the horizon's months with its legend and a "Table" toggle
/// that shows the exact figures.
#[component]
pub fn Chart(
    kind: ChartKind,
    title: &'static str,
    /// One line under the title: what the chart shows.
    description: &'static str,
    /// Shown instead of the drawing when every figure is zero.
    empty: &'static str,
    testid: &'static str,
    data: Signal<ChartData>,
) -> impl IntoView {
    let table = RwSignal::new(false);
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    let label = chart_label(title);
    let (show_table, hide_table) = (t(ChartText::Table), t(ChartText::HideTable));
    view! {
        <figure class="card chart" data-testid=testid aria-labelledby=labelled_by>
            <figcaption class="chart-head">
                <h3 id=title_id>{title}</h3>
                <span class="muted">{description}</span>
            </figcaption>
            {move || {
                data.with(|d| {
                    if d.is_blank() {
                        return view! { <p class="empty">{empty}</p> }.into_any();
                    }
                    let drawing = match kind {
                        ChartKind::StackedBars => bars(d).into_any(),
                        ChartKind::Lines => lines(d).into_any(),
                    };
                    let legend = d
                        .series
                        .iter()
                        .enumerate()
                        .map(|(i, s)| {
                            let class = format!("swatch {}", s.class);
                            let swatch = if s.dotted() {
                                view! { <span class=class style:background=DOTTED_SWATCH aria-hidden="true"></span> }
                                    .into_any()
                            } else {
                                view! { <span class=class aria-hidden="true"></span> }.into_any()
                            };
                            view! {
                                <li>
                                    {swatch}
                                    {d.name(i)}
                                </li>
                            }
                        })
                        .collect_view();
                    // Scrolls sideways rather than shrink its text below
                    // reading size (a narrow window, 200 % zoom).
                    view! {
                        <div class="chart-scroll">
                            <svg
                                class="chart-svg"
                                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                                role="img"
                                aria-label=label.clone()
                            >
                                {drawing}
                            </svg>
                        </div>
                        <ul class="legend">{legend}</ul>
                    }
                    .into_any()
                })
            }}
            <button
                type="button"
                class="button-quiet chart-table-toggle"
                data-testid="chart-table-toggle"
                aria-expanded=move || table.get().to_string()
                on:click=move |_| table.update(|shown| *shown = !*shown)
            >
                {move || if table.get() { hide_table } else { show_table }}
            </button>
            <Show when=move || table.get()>
                {move || data.with(|d| figures_table(d, title))}
            </Show>
        </figure>
    }
}

/// `label`, cut with an ellipsis to fit `room` half-width characters; the
/// whole name is the label's tooltip.
pub fn fit_label(label: &str, room: usize) -> String {
    let width = |c: char| if crate::i18n::is_japanese(c) { 2 } else { 1 };
    if label.chars().map(width).sum::<usize>() <= room {
        return label.to_string();
    }
    let mut used = 1; // the ellipsis
    let kept: String = label
        .chars()
        .take_while(|&c| {
            used += width(c);
            used <= room
        })
        .collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ticks::nice_step;

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth::new(year, month).unwrap()
    }

    fn months(from: YearMonth, n: i32) -> Vec<YearMonth> {
        (0..n).map(|i| from.add_months(i).unwrap()).collect()
    }

    #[test]
    fn figures_read_exactly() {
        let jpy = Currency::from_code("JPY").unwrap();
        let usd = Currency::from_code("USD").unwrap();
        assert_eq!(Figures::Money(jpy).show(6_000_000), "¥6,000,000");
        assert_eq!(Figures::Money(usd).show(123_450), "$1,234.50");
        assert_eq!(Figures::Money(usd).show(5), "$0.05");
        assert_eq!(Figures::Millionths.show(11_500_000), "11.5");
        assert_eq!(Figures::Millionths.show(1_234_000_000), "1,234");
        assert_eq!(Figures::Millionths.show(333_333), "0.333333");
        assert_eq!(Figures::Millionths.show(2_000_000), "2");
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(1, 1), 1);
        assert_eq!(nice_step(3, 1), 5);
        assert_eq!(nice_step(7, 1), 10);
        assert_eq!(nice_step(11, 1), 20);
        assert_eq!(nice_step(240_001, 1), 500_000);
        assert_eq!(nice_step(1_000_001, 1), 2_000_000);
        assert_eq!(nice_step(0, 1_000_000), 1_000_000);
        assert_eq!(nice_step(2_400_000, 1_000_000), 5_000_000);
        assert_eq!(nice_step(i128::MAX, 1), i128::MAX);
    }

    #[test]
    fn an_axis_covers_zero_and_the_data_in_round_steps() {
        let axis = Axis::new(0, 1_234_567, 1, 7);
        assert_eq!(
            axis,
            Axis {
                min: 0,
                max: 1_400_000,
                step: 200_000
            }
        );
        assert_eq!(axis.ticks().len(), 8);
        assert_eq!(axis.ticks()[7], 1_400_000);
        // Data above zero still starts the axis at zero.
        assert_eq!(Axis::new(500, 900, 1, 7).min, 0);
        // Negative parts reach below zero, to a whole step.
        let axis = Axis::new(-130, 470, 1, 7);
        assert_eq!((axis.min, axis.max, axis.step), (-200, 500, 100));
        // Nothing at all: one step, so the drawing never divides by zero.
        assert_eq!(
            Axis::new(0, 0, 1_000_000, 7),
            Axis {
                min: 0,
                max: 1_000_000,
                step: 1_000_000
            }
        );
        // Exactly on a tick: no extra step.
        assert_eq!(Axis::new(0, 1_000_000, 1, 7).max, 1_000_000);
        // Fewer steps asked for, wider steps.
        assert_eq!(Axis::new(0, 1_234_567, 1, 2).step, 1_000_000);
    }

    #[test]
    fn the_axis_places_values_between_its_ends() {
        let axis = Axis::new(0, 100, 1, 7);
        assert_eq!(axis_y(&axis, 0, 10.0, 110.0), 110.0);
        assert_eq!(axis_y(&axis, 100, 10.0, 110.0), 10.0);
        assert_eq!(axis_y(&axis, 50, 10.0, 110.0), 60.0);
    }

    #[test]
    fn tick_labels_share_one_compact_unit() {
        let yen = |max| tick_labels(&Axis::new(0, max, 1, 7), 0);
        assert_eq!(yen(1_500_000), ["0", "0.5M", "1.0M", "1.5M"]);
        assert_eq!(yen(800_000), ["0", "200K", "400K", "600K", "800K"]);
        assert_eq!(yen(40), ["0", "10", "20", "30", "40"]);
        assert_eq!(yen(4_200_000_000), ["0", "1B", "2B", "3B", "4B", "5B"]);
        assert_eq!(yen(2_500_000_000_000)[1], "0.5T");
        // Cents: $150,000 in steps of $50,000.
        assert_eq!(
            tick_labels(&Axis::new(0, 15_000_000, 1, 7), 2),
            ["0", "50K", "100K", "150K"]
        );
        // Cents below a dollar keep their decimals.
        assert_eq!(
            tick_labels(&Axis::new(0, 50, 1, 7), 2),
            ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]
        );
        // People, in millionths, count whole heads.
        assert_eq!(
            tick_labels(&Axis::new(0, 11_500_000, 1_000_000, 7), 6),
            ["0", "2", "4", "6", "8", "10", "12"]
        );
        assert_eq!(
            tick_labels(&Axis::new(-250_000, 250_000, 1, 7), 0),
            ["-300K", "-200K", "-100K", "0", "100K", "200K", "300K"]
        );
    }

    #[test]
    fn month_labels_thin_out_on_fiscal_year_starts() {
        let twelve = months(ym(2026, 4), 12);
        assert_eq!(month_ticks(&twelve, 4, 12), (0..12).collect::<Vec<_>>());
        // 36 months from January with an April year: every third month,
        // aligned on April.
        let thirty_six = months(ym(2026, 1), 36);
        let ticks = month_ticks(&thirty_six, 4, 12);
        assert_eq!(ticks.len(), 12);
        assert_eq!(ticks[..3], [0, 3, 6]);
        assert_eq!(thirty_six[3], ym(2026, 4));
        // 120 months: one label a year, on each fiscal year's first month.
        let hundred_twenty = months(ym(2026, 1), 120);
        let ticks = month_ticks(&hundred_twenty, 4, 12);
        assert_eq!(ticks.len(), 10);
        assert!(ticks.iter().all(|m| hundred_twenty[*m].month() == 4));
        // 13 months need a stride of two.
        assert_eq!(month_ticks(&months(ym(2026, 4), 13), 4, 12).len(), 7);
        assert_eq!(month_ticks(&[], 4, 12), Vec::<usize>::new());
        assert_eq!(month_ticks(&months(ym(2026, 4), 1), 4, 12), [0]);
    }

    #[test]
    fn fiscal_years_are_cut_where_they_start() {
        assert_eq!(
            fiscal_year_blocks(&months(ym(2026, 3), 14), 4),
            [(0, 1), (1, 12), (13, 1)]
        );
        assert_eq!(fiscal_year_blocks(&months(ym(2026, 4), 12), 4), [(0, 12)]);
        assert_eq!(
            fiscal_year_blocks(&months(ym(2026, 1), 24), 1),
            [(0, 12), (12, 12)]
        );
        assert_eq!(fiscal_year_blocks(&[], 4), []);
    }

    #[test]
    fn bars_stack_up_from_zero_and_negatives_down() {
        assert_eq!(
            stack_month(&[5, 0, 3, -2, 4]),
            [(0, 5), (5, 5), (5, 8), (0, -2), (8, 12)]
        );
        assert_eq!(stack_extent(&[5, 0, 3, -2, 4, 1, 1, 1], 4), (-2, 8));
        assert_eq!(stack_extent(&[1, 2, 30, 4], 2), (0, 34));
        assert_eq!(stack_extent(&[], 9), (0, 0));
    }

    #[test]
    fn a_series_is_dotted_by_its_class() {
        let series = |class| Series {
            class,
            name: SeriesName::Common(Common::Heads),
        };
        assert!(series("line-heads dotted").dotted());
        assert!(!series("line-heads").dotted());
        assert!(!series("line-dotted").dotted());
    }

    #[test]
    fn chart_data_reads_by_month_and_series() {
        let data = ChartData {
            months: months(ym(2026, 4), 2),
            fiscal_year_start: 4,
            series: &[
                Series {
                    class: "a",
                    name: SeriesName::Category(Category::Base),
                },
                Series {
                    class: "b",
                    name: SeriesName::Category(Category::Bonus),
                },
            ],
            values: vec![1, 2, 3, 4],
            totals: vec![3, 7],
            figures: Figures::Millionths,
            axis_title: "People",
            names: vec!["Base".into()],
        };
        assert_eq!(data.value(1, 0), 3);
        // A given name replaces the series' own; the others keep theirs,
        // in the page's language.
        assert_eq!(
            (data.name(0).as_str(), data.name(1).as_str()),
            ("Base", "Bonuses")
        );
        crate::i18n::set_lang(Lang::Ja);
        assert_eq!(data.name(1), "賞与");
        crate::i18n::set_lang(Lang::En);
        assert_eq!(data.value(0, 1), 2);
        assert_eq!(data.value(5, 1), 0);
        assert!(!data.is_blank());
        assert!(
            ChartData {
                values: vec![0; 4],
                ..data
            }
            .is_blank()
        );
    }
}
