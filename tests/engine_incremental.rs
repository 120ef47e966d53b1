//! Updating a forecast when one position changes gives exactly the forecast
//! computed from scratch: every total, team cell and headcount figure.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::model::{
    Date, Employment, PositionStatus, forecast_after_position_edit, forecast_scenario,
    generate_plan, generate_plan_graded,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One edit a person can make to a position in the roster.
#[derive(Clone, Debug)]
enum Edit {
    Salary(i64),
    Fte(u32),
    StartShift(i32),
    End(Option<i32>),
    Status(u8),
    Employment(bool),
    Team(usize),
    Level(usize),
    Fee(Option<u8>),
    Age(bool),
    ClearSalary,
    /// A fixed allowance set (0 removes it), one of two names.
    Allowance(bool, i64),
    /// Pay stated by the month.
    Monthly(i64),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0_i64..40_000_000).prop_map(Edit::Salary),
        (1_u32..=100).prop_map(Edit::Fte),
        (-30_i32..30).prop_map(Edit::StartShift),
        proptest::option::of(0_i32..40).prop_map(Edit::End),
        (0_u8..3).prop_map(Edit::Status),
        any::<bool>().prop_map(Edit::Employment),
        (0_usize..8).prop_map(Edit::Team),
        (0_usize..8).prop_map(Edit::Level),
        proptest::option::of(0_u8..=100).prop_map(Edit::Fee),
        any::<bool>().prop_map(Edit::Age),
        Just(Edit::ClearSalary),
        (any::<bool>(), 0_i64..200_000).prop_map(|(a, v)| Edit::Allowance(a, v)),
        (0_i64..3_000_000).prop_map(Edit::Monthly),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn one_position_edit_updates_the_totals_exactly(
        seed in 0_u64..1000,
        pick in 0_usize..1000,
        edits in proptest::collection::vec(edit(), 1..4),
        graded in any::<bool>(),
    ) {
        // Graded: Japan's grades, allowances, monthly pay, per-head costs
        // and prorated first bonuses (docs/model.md, "Graded mode").
        let mut plan = if graded {
            generate_plan_graded(30, 24, 1, seed)
        } else {
            generate_plan(30, 24, 1, seed)
        };
        let index = pick % plan.scenarios[0].positions.len();
        let before = forecast_scenario(&plan, 0).unwrap();
        let old = plan.scenarios[0].positions[index].clone();
        let scenario = &mut plan.scenarios[0];
        let teams: Vec<String> = scenario.teams.iter().map(|t| t.name.clone()).collect();
        let levels = scenario.levels.clone();
        let p = &mut scenario.positions[index];
        for e in edits {
            match e {
                Edit::Salary(v) => p.annual_base = Some(Decimal::from(v)),
                Edit::Fte(pct) => p.fte = Decimal::new(i64::from(pct), 2),
                Edit::StartShift(m) => p.start = p.start.add_months(m).unwrap(),
                Edit::End(None) => p.end = None,
                Edit::End(Some(m)) => p.end = p.start.add_months(m),
                Edit::Status(s) => p.status = [PositionStatus::Filled, PositionStatus::Open, PositionStatus::Planned][usize::from(s)],
                Edit::Employment(c) => p.employment = if c { Employment::Contractor } else { Employment::Employee },
                Edit::Team(t) => p.team = teams[t % teams.len()].clone(),
                Edit::Level(l) => p.level = levels[l % levels.len()].clone(),
                Edit::Fee(f) => p.recruiting_fee_pct = f.map(Decimal::from),
                Edit::Age(a) => p.age_dependent_burden = a,
                Edit::ClearSalary => p.annual_base = None,
                Edit::Allowance(first, v) => p.set_allowance(
                    if first { "Commuting" } else { "Housing" },
                    Decimal::from(v),
                ),
                Edit::Monthly(v) => p.set_monthly_base(Decimal::from(v)),
            }
        }
        let full = forecast_scenario(&plan, 0);
        let incremental = forecast_after_position_edit(&before, &plan, 0, index, &old);
        match full {
            Ok(full) => prop_assert_eq!(incremental, Some(full)),
            // An edit that makes the plan invalid is refused, never half-applied.
            Err(_) => prop_assert_eq!(incremental, None),
        }
    }
}

#[test]
fn an_edit_of_the_horizon_start_day_is_still_exact() {
    // A position starting and ending inside one month, moved into another.
    let mut plan = generate_plan(5, 12, 1, 3);
    let before = forecast_scenario(&plan, 0).unwrap();
    let old = plan.scenarios[0].positions[2].clone();
    let p = &mut plan.scenarios[0].positions[2];
    p.start = Date::new(2026, 5, 10).unwrap();
    p.end = Some(Date::new(2026, 5, 20).unwrap());
    let incremental = forecast_after_position_edit(&before, &plan, 0, 2, &old).unwrap();
    assert_eq!(incremental, forecast_scenario(&plan, 0).unwrap());
    assert_ne!(incremental.total(), before.total());
}

#[test]
fn a_changed_team_list_needs_a_full_forecast() {
    let mut plan = generate_plan(5, 12, 1, 3);
    let before = forecast_scenario(&plan, 0).unwrap();
    let old = plan.scenarios[0].positions[0].clone();
    plan.scenarios[0].ensure_team("Brand new");
    plan.scenarios[0].positions[0].team = "Brand new".into();
    assert_eq!(
        forecast_after_position_edit(&before, &plan, 0, 0, &old),
        None
    );
}

#[test]
fn only_a_change_of_that_one_position_counts_as_a_position_edit() {
    let plan = generate_plan(5, 12, 2, 3);
    let mut edited = plan.clone();
    edited.scenarios[0].positions[1].fte = Decimal::new(5, 1);
    assert!(plan.differs_only_in_position(&edited, 0, 1));
    assert!(!plan.differs_only_in_position(&edited, 0, 2));
    // Another scenario does not matter to this one's forecast.
    edited.scenarios[1].positions[0].fte = Decimal::new(5, 1);
    assert!(plan.differs_only_in_position(&edited, 0, 1));
    edited.scenarios[0].people.raise_pct = Decimal::from(9);
    assert!(!plan.differs_only_in_position(&edited, 0, 1));
    let mut fewer = plan.clone();
    fewer.scenarios[0].positions.pop();
    assert!(!plan.differs_only_in_position(&fewer, 0, 1));
    assert!(!plan.differs_only_in_position(&plan, 5, 0));
}
