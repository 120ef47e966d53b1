//! The bridge between two scenarios adds up: on generated plans with random
//! edits to the other scenario, the category and team breakdowns, each
//! with the exchange-rate step, sum exactly to the difference of the
//! totals, over the horizon and every fiscal year, and the totals are the
//! scenarios' own. Some plans pay a cost in euros, at a rate of each
//! scenario's own and an exchange-rate what-if.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::model::{
    Category, Date, ExchangeRate, OtherCost, OtherCostKind, Plan, PositionStatus, bridge,
    fiscal_year_summaries, forecast_scenario, generate_plan,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One change a person can make to the scenario being compared.
#[derive(Clone, Debug)]
enum Edit {
    Salary(usize, i64),
    RemovePosition(usize),
    HireInNewTeam(String, i32),
    RenameTeam(usize, String),
    SharedOneOff(i64, i32),
    SlipHires(i32),
    RaisePoints(i64),
    CloudGrowthPoints(i64),
    Attrition(u8),
    /// The exchange-rate what-if, in percent.
    RatesPct(i64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0_usize..100, 0_i64..40_000_000).prop_map(|(p, v)| Edit::Salary(p, v)),
        (0_usize..100).prop_map(Edit::RemovePosition),
        ("[A-Z][a-z]{2,6}", 0_i32..30).prop_map(|(t, m)| Edit::HireInNewTeam(t, m)),
        (0_usize..12, "[A-Z][a-z]{2,6}").prop_map(|(t, n)| Edit::RenameTeam(t, n)),
        (0_i64..5_000_000, 0_i32..30).prop_map(|(a, m)| Edit::SharedOneOff(a, m)),
        (-6_i32..=6).prop_map(Edit::SlipHires),
        (-30_i64..=50).prop_map(Edit::RaisePoints),
        (-10_i64..=10).prop_map(Edit::CloudGrowthPoints),
        (0_u8..=40).prop_map(Edit::Attrition),
        (-20_i64..=50).prop_map(Edit::RatesPct),
    ]
}

fn apply(plan: &mut Plan, other: usize, edit: &Edit) {
    let start = plan.horizon.start;
    let s = &mut plan.scenarios[other];
    let len = s.positions.len();
    match edit {
        Edit::Salary(p, v) if len > 0 => s.positions[p % len].annual_base = Some(Decimal::from(*v)),
        Edit::RemovePosition(p) if len > 0 => {
            s.positions.remove(p % len);
        }
        Edit::HireInNewTeam(team, month) => {
            let ym = start.add_months(*month).unwrap();
            let day = Date::new(ym.year(), ym.month(), 1).unwrap();
            let id = s.add_position("Hire", team.as_str(), Decimal::from(7_000_000), day);
            s.position_mut(&id).unwrap().status = PositionStatus::Planned;
        }
        Edit::RenameTeam(t, name) => {
            let old = s.teams[t % s.teams.len()].name.clone();
            // A name already taken is refused and changes nothing.
            let _ = s.rename_team(&old, name);
        }
        Edit::SharedOneOff(amount, month) => s.other_costs.push(OtherCost {
            currency: None,
            name: "One-off".into(),
            team: None,
            kind: OtherCostKind::OneOff,
            amount: Decimal::from(*amount),
            start: start.add_months(*month).unwrap(),
            end: None,
            yearly_escalation_pct: Decimal::ZERO,
        }),
        Edit::SlipHires(months) => s.adjustments.hire_slip_months = *months,
        Edit::RaisePoints(tenths) => s.adjustments.raise_points = Decimal::new(*tenths, 1),
        Edit::CloudGrowthPoints(tenths) => {
            s.adjustments.cloud_growth_points = Decimal::new(*tenths, 1);
        }
        Edit::Attrition(pct) => s.adjustments.attrition_pct = Some(Decimal::from(*pct)),
        Edit::RatesPct(pct) => s.adjustments.fx_pct = Decimal::from(*pct),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_breakdown_sums_to_the_difference(
        seed in 0_u64..1000,
        positions in 1_usize..40,
        months in 1_u16..40,
        copy_of_base in any::<bool>(),
        euros in proptest::option::of((10_000_i64..20_000, 10_000_i64..20_000, 1_i64..50_000_000)),
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        let mut plan = generate_plan(positions, months, 2, seed);
        if copy_of_base {
            plan.scenarios[1] = plan.scenarios[0].clone();
            plan.scenarios[1].name = "Copy".into();
        }
        // A monthly cost in euros in both scenarios, each at its own rate
        // (a copy of the base keeps the base's).
        if let Some((base_rate, other_rate, cents)) = euros {
            let start = plan.horizon.start;
            let other_rate = if copy_of_base { base_rate } else { other_rate };
            for (s, rate) in [(0, base_rate), (1, other_rate)] {
                let s = &mut plan.scenarios[s];
                s.exchange_rates.push(ExchangeRate {
                    currency: "EUR".into(),
                    from: start,
                    rate: Decimal::new(rate, 2),
                });
                s.other_costs.push(OtherCost {
                    currency: Some("EUR".into()),
                    name: "Licences".into(),
                    team: None,
                    kind: OtherCostKind::Monthly,
                    amount: Decimal::new(cents, 2),
                    start,
                    end: None,
                    yearly_escalation_pct: Decimal::ZERO,
                });
            }
        }
        for e in &edits {
            apply(&mut plan, 1, e);
        }
        let base = forecast_scenario(&plan, 0).unwrap();
        let other = forecast_scenario(&plan, 1).unwrap();
        let mut years: Vec<_> = fiscal_year_summaries(&plan, &base)
            .into_iter()
            .map(|y| Some(y.year))
            .collect();
        years.push(None);
        for year in years {
            let b = bridge(&plan, 0, 1, year).unwrap();
            let difference = b.other_total - b.base_total;
            prop_assert_eq!(b.by_category.iter().map(|(_, v)| v).sum::<i128>() + b.exchange_rate, difference);
            prop_assert_eq!(b.by_team.iter().map(|(_, v)| v).sum::<i128>() + b.exchange_rate, difference);
            // Without a cost in euros the rates explain nothing.
            if euros.is_none() {
                prop_assert_eq!(b.exchange_rate, 0);
            }
            let categories: Vec<Category> = b.by_category.iter().map(|(c, _)| *c).collect();
            prop_assert_eq!(categories, Category::ALL.to_vec());
            if year.is_none() {
                prop_assert_eq!(b.base_total, base.total());
                prop_assert_eq!(b.other_total, other.total());
            }
            // Every team of either scenario appears once, and no-team last.
            let names: Vec<&str> = b.by_team.iter().map(|(n, _)| n.as_str()).collect();
            prop_assert_eq!(names.last().copied(), Some("No team"));
            for team in plan.scenarios.iter().flat_map(|s| &s.teams) {
                prop_assert_eq!(names.iter().filter(|n| **n == team.name).count(), 1);
            }
        }
        // With no edit to a copy of the base, there is nothing to bridge.
        if copy_of_base && edits.is_empty() {
            let b = bridge(&plan, 0, 1, None).unwrap();
            prop_assert!(b.by_category.iter().all(|(_, v)| *v == 0));
            prop_assert!(b.by_team.iter().all(|(_, v)| *v == 0));
            prop_assert_eq!(b.exchange_rate, 0);
        }
        // Rates that differ move the euro cost: the rate step has the sign
        // of the difference.
        if let Some((base_rate, other_rate, cents)) = euros
            && !copy_of_base
            && edits.is_empty()
            // At least ¥1 a month apart once rounded: €1,000 at rates ¥1 apart.
            && (other_rate - base_rate).abs() >= 100
            && cents >= 100_000
        {
            let b = bridge(&plan, 0, 1, None).unwrap();
            prop_assert_eq!(b.exchange_rate.signum(), (other_rate - base_rate).signum().into());
        }
    }
}
