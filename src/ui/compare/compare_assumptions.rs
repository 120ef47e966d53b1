//! Compare's assumptions and what-ifs: each scenario's hires in the period,
//! raise, attrition, cloud growth, what-if adjustments and exchange rates
//! side by side, so a reader sees why the scenarios differ, not only by how
//! much. The values are the model's (`ScenarioAssumptions`, the same as the
//! comparison CSV's columns); this file only words them.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::compare::{
    CompareText as C, cloud_growth_of, hires_in, monthly_growth, points, points_a_month, rate_from,
    rate_of, signed_percent, slip_months, team_attrition,
};
use crate::i18n::{format, t};
use crate::model::FiscalYear;
use crate::model::side_by_side::{ScenarioColumn, SideBySide};

/// One line of the table: its label and each scenario's text (a cell may
/// have several lines: a rate path's steps).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    pub testid: &'static str,
    pub label: String,
    pub cells: Vec<Vec<String>>,
}

/// The table's three groups: assumptions, what-ifs, exchange rates.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Rows {
    pub assumptions: Vec<Row>,
    pub what_ifs: Vec<Row>,
    pub rates: Vec<Row>,
}

/// "+1.5", "−0.5", "0".
fn signed(d: Decimal) -> String {
    let d = d.normalize();
    if d.is_sign_negative() && !d.is_zero() {
        format!("\u{2212}{}", d.abs())
    } else if d.is_zero() {
        "0".to_string()
    } else {
        format!("+{d}")
    }
}

fn row(
    testid: &'static str,
    label: String,
    d: &SideBySide,
    cell: impl Fn(&ScenarioColumn) -> String,
) -> Row {
    Row {
        testid,
        label,
        cells: d.columns.iter().map(|c| vec![cell(c)]).collect(),
    }
}

/// Names in the order first met across the scenarios.
fn union<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for n in names {
        if !all.iter().any(|a| a == n) {
            all.push(n.to_string());
        }
    }
    all
}

/// The rows of the table for the period `year` (`None`: the whole horizon).
pub(super) fn rows(d: &SideBySide, year: Option<FiscalYear>) -> Rows {
    let none = || t(C::NoAdjustment).to_string();
    let period = year.map(format::fiscal_year);
    let mut assumptions = vec![
        row("assumption-hires", hires_in(period.as_deref()), d, |c| {
            format::count(c.summary.hires)
        }),
        row("assumption-raise", t(C::RaiseRow).to_string(), d, |c| {
            format::percent(c.assumptions.raise_pct)
        }),
        row(
            "assumption-attrition",
            t(C::AttritionRow).to_string(),
            d,
            |c| format::percent(c.assumptions.attrition_pct),
        ),
    ];
    let teams = union(
        d.columns
            .iter()
            .flat_map(|c| c.assumptions.team_attrition.iter().map(|(n, _)| n.as_str())),
    );
    for team in teams {
        // A team without a rate of its own leaves at the scenario's.
        assumptions.push(row(
            "assumption-team-attrition",
            team_attrition(&team),
            d,
            |c| {
                let a = &c.assumptions;
                let own = a.team_attrition.iter().find(|(n, _)| *n == team);
                format::percent(own.map_or(a.attrition_pct, |(_, r)| *r))
            },
        ));
    }
    let lines = union(
        d.columns
            .iter()
            .flat_map(|c| c.assumptions.cloud_growth.iter().map(|g| g.line.as_str())),
    );
    for line in lines {
        assumptions.push(row("assumption-cloud", cloud_growth_of(&line), d, |c| {
            c.assumptions
                .cloud_growth
                .iter()
                .find(|g| g.line == line)
                .map_or_else(
                    || t(C::NoRate).to_string(),
                    |g| {
                        let annual = g.annual_pct.map(|a| a.normalize().to_string());
                        monthly_growth(&g.monthly_pct.normalize().to_string(), annual.as_deref())
                    },
                )
        }));
    }
    let what_ifs = vec![
        row("whatif-slip", t(C::SlipRow).to_string(), d, |c| {
            match c.assumptions.hire_slip_months {
                0 => none(),
                n => slip_months(n),
            }
        }),
        row("whatif-raise", t(C::RaisePointsRow).to_string(), d, |c| {
            let p = c.assumptions.raise_points;
            if p.is_zero() {
                none()
            } else {
                points(&signed(p))
            }
        }),
        row("whatif-cloud", t(C::CloudPointsRow).to_string(), d, |c| {
            let p = c.assumptions.cloud_growth_points;
            if p.is_zero() {
                none()
            } else {
                points_a_month(&signed(p))
            }
        }),
        row(
            "whatif-attrition",
            t(C::AttritionOverrideRow).to_string(),
            d,
            |c| {
                c.assumptions
                    .attrition_override_pct
                    .map_or_else(none, format::percent)
            },
        ),
        row("whatif-fx", t(C::FxRow).to_string(), d, |c| {
            let p = c.assumptions.fx_pct;
            if p.is_zero() {
                none()
            } else {
                signed_percent(&signed(p))
            }
        }),
    ];
    let currencies = union(
        d.columns
            .iter()
            .flat_map(|c| c.exchange_rates.iter().map(|r| r.currency.as_str())),
    );
    let rates = currencies
        .into_iter()
        .map(|currency| Row {
            testid: "assumption-rate",
            label: rate_of(&currency),
            cells: d
                .columns
                .iter()
                .map(|c| {
                    let steps: Vec<String> = c
                        .exchange_rates
                        .iter()
                        .filter(|r| r.currency == currency)
                        .map(|r| rate_from(&r.rate.normalize().to_string(), &format::month(r.from)))
                        .collect();
                    if steps.is_empty() {
                        vec![t(C::NoRate).to_string()]
                    } else {
                        steps
                    }
                })
                .collect(),
        })
        .collect();
    Rows {
        assumptions,
        what_ifs,
        rates,
    }
}

#[component]
pub fn AssumptionsTable(data: SideBySide, year: Option<FiscalYear>) -> impl IntoView {
    let Rows {
        assumptions,
        what_ifs,
        rates,
    } = rows(&data, year);
    let base = data.base;
    let span = (data.columns.len() + 1).to_string();
    let head = data
        .columns
        .iter()
        .map(|c| {
            let tag = (c.scenario == base).then(|| t(C::BaseTag));
            view! { <th scope="col" class="num">{c.name.clone()}{tag}</th> }
        })
        .collect_view();
    let body = move |rows: Vec<Row>| {
        rows.into_iter()
            .map(|r| {
                let base_cell = r.cells.get(base).cloned().unwrap_or_default();
                let cells = r
                    .cells
                    .into_iter()
                    .enumerate()
                    .map(|(i, lines)| {
                        let differs = i != base && lines != base_cell;
                        let lines = lines
                            .into_iter()
                            .map(|l| view! { <span class="figure">{l}</span> })
                            .collect_view();
                        view! {
                            <td class="num" class:differs=differs>
                                {lines}
                                {differs.then(|| view! { <span class="visually-hidden">{t(C::DiffersMark)}</span> })}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr data-testid=r.testid><th scope="row">{r.label}</th>{cells}</tr> }
            })
            .collect_view()
    };
    let group = |title: &'static str, span: String| {
        view! { <tr class="group-row"><th scope="colgroup" colspan=span>{title}</th></tr> }
    };
    let has_rates = !rates.is_empty();
    view! {
        <section class="card" aria-labelledby="assumptions-title" data-testid="compare-assumptions">
            <div class="card-head">
                <h2 id="assumptions-title">{t(C::AssumptionsTitle)}</h2>
            </div>
            <p class="muted compare-note">{t(C::AssumptionsNote)}</p>
            <div class="table-scroll">
                <table class="grid compare-table assumptions-table">
                    <thead><tr><th scope="col">""</th>{head}</tr></thead>
                    <tbody>
                        {group(t(C::Assumptions), span.clone())}
                        {body(assumptions)}
                        {group(t(C::WhatIfs), span.clone())}
                        {body(what_ifs)}
                        {has_rates.then(|| group(t(C::RatesInPeriod), span.clone()))}
                        {body(rates)}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::plan_json::read_plan_file;
    use crate::i18n::{Lang, set_lang};
    use crate::model::side_by_side::side_by_side;
    use crate::model::{ExchangeRate, YearMonth};

    fn texts(rows: &[Row], testid: &str) -> Vec<Vec<Vec<String>>> {
        rows.iter()
            .filter(|r| r.testid == testid)
            .map(|r| r.cells.clone())
            .collect()
    }

    #[test]
    fn the_example_shows_why_aggressive_differs() {
        let mut plan = read_plan_file(include_str!("../../../docs/example-plan.json")).unwrap();
        let aggressive = &mut plan.scenarios[1];
        aggressive.adjustments.hire_slip_months = -1;
        aggressive.adjustments.fx_pct = Decimal::from(10);
        aggressive.exchange_rates = vec![ExchangeRate {
            currency: "USD".into(),
            from: YearMonth::new(2026, 4).unwrap(),
            rate: Decimal::from(150),
        }];
        let fy = FiscalYear {
            start_year: 2026,
            start_month: 4,
        };
        let side = side_by_side(&plan, Some(fy)).unwrap();
        set_lang(Lang::En);
        let r = rows(&side, Some(fy));
        set_lang(Lang::En);
        let one = |s: &str| vec![s.to_string()];
        assert_eq!(r.assumptions[0].label, "Hires in FY2026");
        assert_eq!(
            texts(&r.assumptions, "assumption-raise"),
            [vec![one("3.7 %"), one("5.25 %")]]
        );
        assert_eq!(
            texts(&r.assumptions, "assumption-team-attrition"),
            [vec![one("14.2 %"), one("14.2 %")]]
        );
        let cloud = texts(&r.assumptions, "assumption-cloud");
        assert_eq!(cloud.len(), 3);
        assert_eq!(
            cloud[2],
            [
                one("2.5 % a month (34.49 % a year)"),
                one("4 % a month (60.1 % a year)")
            ]
        );
        assert_eq!(
            texts(&r.what_ifs, "whatif-slip"),
            [vec![one("None"), one("\u{2212}1 month")]]
        );
        assert_eq!(
            texts(&r.what_ifs, "whatif-fx"),
            [vec![one("None"), one("+10 %")]]
        );
        // The rate as forecast: 150 moved 10 %.
        assert_eq!(
            r.rates,
            [Row {
                testid: "assumption-rate",
                label: "Exchange rate: USD".into(),
                cells: vec![one("—"), one("165 from Apr 2026")],
            }]
        );
        set_lang(Lang::Ja);
        let r = rows(&side, None);
        set_lang(Lang::En);
        assert_eq!(r.assumptions[0].label, "計画期間全体の採用数");
        assert_eq!(r.rates[0].cells[1], one("2026年4月から165"));
    }
}
