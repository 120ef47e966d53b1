//! Totals per team: positions, headcount at the end of the first fiscal year,
//! and cost per fiscal year.

use leptos::prelude::*;

use crate::i18n::common::Common;
use crate::i18n::finance::heading_unit;
use crate::i18n::format::fiscal_year;
use crate::i18n::overview::amount_in;
use crate::i18n::teams::{TeamsText, partial_year, totals_note};
use crate::i18n::{Text, t};
use crate::model::fiscal_year_summaries;
use crate::model::roster::positions_per_team;
use crate::ui::frame::state::PlanState;
use crate::ui::widgets::unit_select::chosen_unit;

/// One row of the table, formatted.
#[derive(Clone, PartialEq)]
struct TeamRow {
    /// The team's name, for `data-team` (English for the row of no team).
    key: String,
    name: String,
    positions: String,
    heads: String,
    fte: String,
    years: Vec<String>,
}

#[component]
pub fn TeamTotals() -> impl IntoView {
    let state = PlanState::expect();
    let unit = chosen_unit();
    let shown_unit = unit.clone();
    let table = Memo::new(move |_| {
        let unit = unit.get();
        let counts = state.with_scenario(positions_per_team).unwrap_or_default();
        state.forecast.with(|f| {
            let forecast = f.as_ref().ok()?;
            let years = state.plan.with(|p| fiscal_year_summaries(p, forecast));
            let first = years.first()?;
            let end_month = first.first_month + first.months - 1;
            let labels: Vec<String> = years
                .iter()
                .map(|y| {
                    if y.partial {
                        partial_year(&fiscal_year(y.year))
                    } else {
                        fiscal_year(y.year)
                    }
                })
                .collect();
            let rows: Vec<TeamRow> = first
                .by_team
                .iter()
                .enumerate()
                .map(|(i, team)| {
                    let headcount = team.team.map(|t| forecast.team_headcount(end_month, t));
                    TeamRow {
                        key: if team.team.is_some() {
                            team.name.clone()
                        } else {
                            TeamsText::NoTeamRow.en().to_string()
                        },
                        name: if team.team.is_some() {
                            team.name.clone()
                        } else {
                            t(TeamsText::NoTeamRow).to_string()
                        },
                        positions: team
                            .team
                            .and_then(|t| counts.get(t))
                            .map_or_else(String::new, ToString::to_string),
                        heads: headcount.map_or_else(String::new, |h| h.heads.to_string()),
                        fte: headcount.map_or_else(String::new, |h| h.fte().to_string()),
                        years: years
                            .iter()
                            .map(|y| {
                                y.by_team.get(i).map_or_else(String::new, |t| {
                                    amount_in(t.total, forecast.currency(), unit)
                                })
                            })
                            .collect(),
                    }
                })
                .collect();
            let totals: Vec<String> = years
                .iter()
                .map(|y| amount_in(y.total, forecast.currency(), unit))
                .collect();
            Some((fiscal_year(first.year), labels, rows, totals))
        })
    });
    move || {
        table.get().map(|(first_year, labels, rows, totals)| {
            view! {
                <section class="card" aria-labelledby="team-totals-title">
                    <div class="card-head">
                        <h2 id="team-totals-title">{t(TeamsText::TotalsHeading)}</h2>
                        <span class="muted">
                            {totals_note(&first_year, &heading_unit(shown_unit.get(), state.currency.get()))}
                        </span>
                    </div>
                    <div class="table-scroll">
                        <table class="grid totals-table" data-testid="team-totals">
                            <thead>
                                <tr>
                                    <th scope="col">{t(Common::Team)}</th>
                                    <th scope="col" class="num">{t(TeamsText::PositionCount)}</th>
                                    <th scope="col" class="num">{t(Common::Heads)}</th>
                                    <th scope="col" class="num">{t(Common::Fte)}</th>
                                    {labels.into_iter().map(|l| view! { <th scope="col" class="num">{l}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr data-testid="team-total-row" data-team=r.key.clone()>
                                        <th scope="row" title=r.name.clone()>{r.name.clone()}</th>
                                        <td class="num">{r.positions}</td>
                                        <td class="num">{r.heads}</td>
                                        <td class="num">{r.fte}</td>
                                        {r.years.into_iter().map(|y| view! { <td class="num">{y}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                            <tfoot>
                                <tr>
                                    <th scope="row">{t(Common::AllTeams)}</th>
                                    <td></td><td></td><td></td>
                                    {totals.into_iter().map(|t| view! { <td class="num"><strong>{t}</strong></td> }).collect_view()}
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                </section>
            }
        })
    }
}
