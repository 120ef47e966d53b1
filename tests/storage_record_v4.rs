//! Record version 4 (the plan's actuals) and the migration from version 3:
//! a record the previous build wrote still opens, means the same plan, and
//! is written back as version 4 with no actuals.

use fleetplan::format::plan_json::parse_plan_file;
use fleetplan::format::record::{RECORD_VERSION, decode_record, encode_record};
use fleetplan::model::{Category, YearMonth, presets::demo_plan};
use rust_decimal::Decimal;

/// The demo plan of April 2026 with a monthly base and two allowances, as
/// version 3 stored it (revision 7), and the same plan as a plan file, both
/// written by the build before version 4.
const V3_RECORD: &str = include_str!("fixtures/storage/plan-record-v3.txt");
const V3_PLAN: &str = include_str!("fixtures/storage/plan-record-v3.plan.json");

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

#[test]
fn a_version_3_record_opens_as_the_plan_it_held_and_migrates() {
    assert_eq!(RECORD_VERSION, 4);
    assert!(V3_RECORD.starts_with("fleetplan-record 3 r=7 "));
    let record = decode_record(V3_RECORD).expect("version 3 reads");
    assert_eq!((record.version, record.revision), (3, 7));
    let plan = parse_plan_file(V3_PLAN).expect("the plan file reads");
    assert_eq!(record.plan, plan);
    assert!(record.plan.actuals.is_empty());
    let first = &record.plan.scenarios[0].positions[0];
    assert!(
        first.monthly_base.is_some() && first.allowance("通勤手当").is_some(),
        "the fixture carries version 3's pay byte"
    );
    let migrated = encode_record(&record.plan, record.revision + 1);
    assert!(migrated.starts_with("fleetplan-record 4 r=8 "));
    let again = decode_record(&migrated).expect("version 4 reads");
    assert_eq!((again.version, again.revision), (4, 8));
    assert_eq!(again.plan, plan);
}

#[test]
fn actuals_round_trip_with_credits_notes_heads_and_the_closed_month() {
    let mut plan = demo_plan(ym(2026, 4));
    let team = plan.scenarios[0].teams[0].name.clone();
    let a = &mut plan.actuals;
    a.closed_through = Some(ym(2026, 6));
    a.set_amount(
        ym(2026, 4),
        Category::Base,
        Some(&team),
        Some(Decimal::from(4_512_345)),
    );
    a.set_amount(
        ym(2026, 4),
        Category::Cloud,
        None,
        Some(Decimal::from(-12_000)),
    );
    a.set_amount(
        ym(2026, 5),
        Category::Tools,
        Some(&team),
        Some(Decimal::new(10, 0)),
    );
    a.amounts[1].note = "AWS credit 返金".into();
    a.set_heads(ym(2026, 4), &team, Some((9, Some(Decimal::new(85, 1)))));
    a.set_heads(ym(2026, 5), &team, Some((10, None)));
    let text = encode_record(&plan, 3);
    let record = decode_record(&text).expect("reads");
    assert_eq!(record.version, 4);
    assert_eq!(record.plan, plan);
    assert_eq!(record.plan.actuals.amounts[1].amount.to_string(), "-12000");
    assert_eq!(record.plan.actuals.heads[0].fte.unwrap().to_string(), "8.5");
}

#[test]
fn a_plan_without_actuals_costs_three_bytes_more_than_version_3() {
    let plan = parse_plan_file(V3_PLAN).unwrap();
    let v4 = encode_record(&plan, 7);
    let n = |text: &str| -> usize {
        let header = text.lines().next().unwrap();
        header
            .split(' ')
            .find_map(|f| f.strip_prefix("n="))
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(n(&v4), n(V3_RECORD) + 3);
}

#[test]
fn unsorted_or_repeated_actuals_in_a_payload_are_refused() {
    // Two amounts of one key cannot come from Fleetplan's writer: the
    // plan's own validation names them when a plan file holds them.
    let mut plan = demo_plan(ym(2026, 4));
    plan.actuals
        .set_amount(ym(2026, 4), Category::Cloud, None, Some(Decimal::from(1)));
    plan.actuals
        .set_amount(ym(2026, 5), Category::Cloud, None, Some(Decimal::from(2)));
    plan.actuals.amounts.swap(0, 1);
    let text = encode_record(&plan, 1);
    assert!(decode_record(&text).is_err());
}
