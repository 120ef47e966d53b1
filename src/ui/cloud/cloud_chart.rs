//! A cloud line's monthly cost as a small area chart, with its lowest and
//! highest month in words and, on request, every month's exact amount.

use leptos::prelude::*;

use crate::i18n::cloud::{CloudText, extremes};
use crate::i18n::common::Common;
use crate::i18n::finance::currency_unit;
use crate::i18n::overview::with_unit;
use crate::i18n::t;
use crate::ui::frame::state::PlanState;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 48.0;

/// The chart's line and area paths. The vertical scale runs from zero to
/// the highest month, so a flat line sits at the top and a year of growth
/// shows as a rise. (Pixels only: the amounts shown are the exact ones.)
fn paths(amounts: &[i128]) -> (String, String) {
    let top = amounts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let y = |amount: i128| HEIGHT - (amount.max(0) as f64 / top) * (HEIGHT - 2.0);
    let points: Vec<(f64, f64)> = match amounts {
        [] => return (String::new(), String::new()),
        [only] => vec![(0.0, y(*only)), (WIDTH, y(*only))],
        _ => {
            let step = WIDTH / (amounts.len() - 1) as f64;
            amounts
                .iter()
                .enumerate()
                .map(|(m, a)| (m as f64 * step, y(*a)))
                .collect()
        }
    };
    let line: String = points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { 'M' } else { 'L' }))
        .collect();
    let area = format!("{line}L{WIDTH},{HEIGHT}L0,{HEIGHT}Z");
    (line, area)
}

#[component]
pub fn Sparkline(
    #[prop(into)] amounts: Signal<Vec<i128>>,
    /// One label per month ("Apr 2026").
    labels: Memo<Vec<String>>,
) -> impl IntoView {
    let state = PlanState::expect();
    let shape = Memo::new(move |_| amounts.with(|a| paths(a)));
    // The lowest and highest month, named: the chart's text in brief.
    let extremes = move || {
        amounts.with(|a| {
            let low = a.iter().enumerate().min_by_key(|(_, v)| **v)?;
            let high = a.iter().enumerate().max_by_key(|(_, v)| **v)?;
            let name = |m: usize| labels.with(|l| l.get(m).cloned().unwrap_or_default());
            Some(extremes(
                &state.show_minor(*low.1),
                &name(low.0),
                &state.show_minor(*high.1),
                &name(high.0),
            ))
        })
    };
    let open = RwSignal::new(false);
    let table = move || {
        open.get().then(|| {
            let rows = amounts.with(|a| {
                labels.with(|l| {
                    a.iter()
                        .zip(l)
                        .map(|(amount, month)| {
                            view! {
                                <tr>
                                    <th scope="row">{month.clone()}</th>
                                    <td class="num">{state.show_minor(*amount)}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
            });
            view! {
                <table class="grid cloud-months">
                    <thead>
                        <tr>
                            <th scope="col">{t(Common::Month)}</th>
                            <th scope="col" class="num">
                                {with_unit(t(Common::Amount), currency_unit(state.currency.get()))}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <figure class="sparkline">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
            >
                <path class="area" d=move || shape.with(|s| s.1.clone())></path>
                <path class="line" d=move || shape.with(|s| s.0.clone())></path>
            </svg>
            <figcaption class="muted" data-testid="cloud-line-range">{extremes}</figcaption>
            <details on:toggle=move |ev| {
                open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
            }>
                <summary>{t(CloudText::MonthByMonth)}</summary>
                {table}
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::paths;

    #[test]
    fn the_curve_spans_the_chart_from_zero_to_the_highest_month() {
        let (line, area) = paths(&[0, 50, 100]);
        assert_eq!(line, "M0.0,48.0L120.0,25.0L240.0,2.0");
        assert_eq!(area, "M0.0,48.0L120.0,25.0L240.0,2.0L240,48L0,48Z");
        assert_eq!(paths(&[7]).0, "M0.0,2.0L240.0,2.0");
        assert_eq!(paths(&[]), (String::new(), String::new()));
    }
}
