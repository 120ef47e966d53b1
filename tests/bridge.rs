//! The bridge between two scenarios adds up: on generated plans with random
//! edits to the other scenario, the category and team breakdowns each sum
//! exactly to the difference of the totals, over the horizon and every
//! fiscal year, and the totals are the scenarios' own.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::model::{
    Category, Date, OtherCost, OtherCostKind, Plan, PositionStatus, bridge, fiscal_year_summaries,
    forecast_scenario, generate_plan,
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
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        let mut plan = generate_plan(positions, months, 2, seed);
        if copy_of_base {
            plan.scenarios[1] = plan.scenarios[0].clone();
            plan.scenarios[1].name = "Copy".into();
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
            prop_assert_eq!(b.by_category.iter().map(|(_, v)| v).sum::<i128>(), difference);
            prop_assert_eq!(b.by_team.iter().map(|(_, v)| v).sum::<i128>(), difference);
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
        }
    }
}
