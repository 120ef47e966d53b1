//! The roster's bulk and row operations: shift hires, recruiting fee per
//! team, duplicate, restore after delete, fresh ids. Each checks the plan and,
//! where money moves, the forecast figure a person would see change.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::model::{
    Category, Date, Plan, PositionStatus, Scenario, YearMonth, forecast_scenario,
};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// Apr 2026 to Mar 2027 in yen: two filled and two hires in Platform, one hire in Product.
fn plan() -> Plan {
    let start: YearMonth = "2026-04".parse().unwrap();
    let mut plan = Plan::blank("Roster", "JPY", 4, start, 12);
    let s = &mut plan.scenarios[0];
    s.add_position("Lead", "Platform", d("12000000"), date("2026-04-01"));
    s.add_position("Backend", "Platform", d("6000000"), date("2026-04-01"));
    let hire = s.add_position("SRE", "Platform", d("6000000"), date("2026-07-01"));
    s.position_mut(&hire).unwrap().status = PositionStatus::Open;
    let hire = s.add_position("Data", "Platform", d("7200000"), date("2026-10-15"));
    let p = s.position_mut(&hire).unwrap();
    p.status = PositionStatus::Planned;
    p.end = Some(date("2027-01-31"));
    let hire = s.add_position("Designer", "Product", d("6000000"), date("2026-06-01"));
    s.position_mut(&hire).unwrap().status = PositionStatus::Open;
    plan
}

fn base_total(plan: &Plan) -> i128 {
    forecast_scenario(plan, 0)
        .unwrap()
        .category_total(Category::Base)
}

#[test]
fn shifting_a_teams_hires_moves_start_and_end_and_leaves_filled_positions() {
    let mut plan = plan();
    let before = base_total(&plan);
    let moved = plan.scenarios[0].shift_hires(Some("Platform"), 3);
    assert_eq!(moved, 2);
    let s = &plan.scenarios[0];
    assert_eq!(s.position("p1").unwrap().start, date("2026-04-01"));
    assert_eq!(s.position("p3").unwrap().start, date("2026-10-01"));
    assert_eq!(s.position("p4").unwrap().start, date("2027-01-15"));
    assert_eq!(s.position("p4").unwrap().end, Some(date("2027-04-30")));
    assert_eq!(s.position("p5").unwrap().start, date("2026-06-01"));
    // SRE: 500,000 a month, 9 months (Jul to Mar) become 6 (Oct to Mar): −1,500,000.
    // Data: 600,000 a month; before 15–31 Oct (17/31 of a month) + Nov, Dec, Jan;
    // after 15–31 Jan (17/31) + Feb, Mar (the end moved to Apr 2027, past the
    // horizon): one month fewer, −600,000.
    assert_eq!(base_total(&plan), before - 1_500_000 - 600_000);
}

#[test]
fn shifting_every_hire_back_is_the_exact_inverse() {
    let original = plan();
    let mut plan = original.clone();
    assert_eq!(plan.scenarios[0].shift_hires(None, -2), 3);
    assert_eq!(plan.scenarios[0].shift_hires(None, 2), 3);
    assert_eq!(plan, original);
}

#[test]
fn a_shift_off_the_calendar_leaves_the_position_alone() {
    let mut plan = plan();
    plan.scenarios[0].position_mut("p3").unwrap().start = date("9999-11-01");
    assert_eq!(plan.scenarios[0].shift_hires(Some("Platform"), 3), 1);
    assert_eq!(
        plan.scenarios[0].position("p3").unwrap().start,
        date("9999-11-01")
    );
}

#[test]
fn a_teams_recruiting_fee_applies_to_its_positions_only() {
    let mut plan = plan();
    let fee = |p: &Plan| {
        forecast_scenario(p, 0)
            .unwrap()
            .category_total(Category::Recruiting)
    };
    assert_eq!(fee(&plan), 0);
    assert_eq!(
        plan.scenarios[0].set_recruiting_fee(Some("Platform"), Some(d("35"))),
        4
    );
    // Hires of Platform: SRE 6,000,000 and Data 7,200,000 at 35 %.
    assert_eq!(fee(&plan), 2_100_000 + 2_520_000);
    assert_eq!(
        plan.scenarios[0].position("p5").unwrap().recruiting_fee_pct,
        None
    );
    assert_eq!(
        plan.scenarios[0].set_recruiting_fee(Some("Platform"), Some(d("35"))),
        0
    );
    assert_eq!(plan.scenarios[0].set_recruiting_fee(None, None), 4);
    assert_eq!(fee(&plan), 0);
}

#[test]
fn a_duplicate_is_a_new_position_right_after_its_original() {
    let mut plan = plan();
    let s = &mut plan.scenarios[0];
    let id = s.duplicate_position("p2").unwrap();
    assert_eq!(id, "p6");
    let ids: Vec<&str> = s.positions.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p6", "p3", "p4", "p5"]);
    assert_eq!(s.positions[2].title, "Backend (copy)");
    assert_eq!(s.positions[2].annual_base, s.positions[1].annual_base);
    assert_eq!(s.duplicate_position("nope"), None);
}

#[test]
fn a_deleted_position_comes_back_where_it_was() {
    let original = plan();
    let mut plan = original.clone();
    let s = &mut plan.scenarios[0];
    let removed = s.remove_position("p2").unwrap();
    assert_eq!(s.restore_position(1, removed), "p2");
    assert_eq!(plan, original);
}

#[test]
fn a_restored_position_gets_its_team_back_and_a_fresh_id_if_needed() {
    let mut plan = plan();
    let s = &mut plan.scenarios[0];
    let removed = s.remove_position("p5").unwrap();
    s.remove_team("Product").unwrap();
    s.add_position("Someone", "Platform", d("1"), date("2026-04-01"));
    // The new position took "p5"? No: ids continue after the highest, p5 is free
    // again, so the newcomer is p5 and the restored one needs a fresh id.
    assert!(s.position("p5").is_some());
    let id = s.restore_position(99, removed);
    assert_eq!(id, "p6");
    assert!(s.team_index("Product").is_some());
    assert_eq!(s.positions.last().unwrap().title, "Designer");
}

#[test]
fn fresh_ids_follow_the_highest_and_ignore_other_shapes() {
    let mut s = Scenario::blank("S");
    assert_eq!(s.next_position_id(), "p1");
    s.add_position("A", "T", d("1"), date("2026-04-01"));
    s.positions[0].id = "p41".into();
    s.add_position("B", "T", d("1"), date("2026-04-01"));
    assert_eq!(s.positions[1].id, "p42");
    s.positions[1].id = "eng-7".into();
    assert_eq!(s.next_position_id(), "p42");
}
