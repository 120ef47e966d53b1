//! Heads planned by the budget against the heads really there at each
//! closed month's end, where an actuals file brought them in; the latest
//! such month also by team.

use leptos::prelude::*;

use super::variance_table::YearShown;
use crate::i18n::actuals::ActualsText as A;
use crate::i18n::common::Common;
use crate::i18n::{format, t};
use crate::ui::widgets::variance_data::{VarianceSource, team_name};

/// "+2", "−1", "0".
fn signed_count(n: i64) -> String {
    match n.signum() {
        1 => format!("+{}", format::count(n)),
        -1 => format!("\u{2212}{}", format::count(-n)),
        _ => "0".to_string(),
    }
}

#[component]
pub fn HeadsVariance(source: VarianceSource, year: YearShown) -> impl IntoView {
    let body = move || {
        let (_, range) = year.get()?;
        source.budget_actual.with(|ba| {
            let ba = ba.as_ref().ok()?;
            let to_date = ba.to_date(&range);
            let months: Vec<usize> = to_date.filter(|&m| ba.heads(m).1.is_some()).collect();
            let Some(&last) = months.last() else {
                return Some(view! { <p class="empty" data-testid="heads-none">{t(A::HeadsNone)}</p> }.into_any());
            };
            let row = |label: String, planned: u32, actual: Option<u32>, testid: &'static str| {
                let difference = actual.map(|a| signed_count(i64::from(a) - i64::from(planned)));
                view! {
                    <tr data-testid=testid>
                        <th scope="row">{label}</th>
                        <td class="num">{format::count(planned)}</td>
                        <td class="num">{actual.map_or_else(|| "—".to_string(), format::count)}</td>
                        <td class="num">{difference.unwrap_or_else(|| "—".to_string())}</td>
                    </tr>
                }
            };
            let by_month = months
                .iter()
                .map(|&m| {
                    let (planned, actual) = ba.heads(m);
                    row(format::month(ba.months()[m]), planned, actual, "heads-month")
                })
                .collect_view();
            let by_team = ba
                .teams()
                .iter()
                .enumerate()
                .filter(|(_, team)| team.is_some())
                .map(|(slot, team)| {
                    let (planned, actual) = ba.team_heads(last, slot);
                    row(team_name(team), planned, actual, "heads-team")
                })
                .collect_view();
            let head = |first: String| {
                view! {
                    <thead>
                        <tr>
                            <th scope="col">{first}</th>
                            <th scope="col" class="num">{t(A::Planned)}</th>
                            <th scope="col" class="num">{t(A::Actual)}</th>
                            <th scope="col" class="num">{t(A::Difference)}</th>
                        </tr>
                    </thead>
                }
            };
            Some(
                view! {
                    <div class="heads-tables">
                        <table class="grid variance-table" data-testid="heads-by-month">
                            {head(t(Common::Month).to_string())}
                            <tbody>{by_month}</tbody>
                        </table>
                        <table class="grid variance-table" data-testid="heads-by-team">
                            {head(format!("{} · {}", t(Common::Team), format::month(ba.months()[last])))}
                            <tbody>{by_team}</tbody>
                        </table>
                    </div>
                }
                .into_any(),
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="heads-variance-title" data-testid="heads-variance">
            <div class="card-head">
                <h3 id="heads-variance-title">{t(A::HeadsTitle)}</h3>
                <span class="muted">{t(A::HeadsNote)}</span>
            </div>
            {body}
        </section>
    }
}
