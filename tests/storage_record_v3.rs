//! Record version 3 (a position's pay stated by the month and its fixed
//! allowances) and the migration from version 2: a record an earlier build
//! wrote still opens, means the same plan, and is written back in the
//! current version.

use fleetplan::format::plan_json::parse_plan_file;
use fleetplan::format::record::{RECORD_VERSION, decode_record, encode_record, record_header};
use fleetplan::model::{YearMonth, presets::demo_plan};
use rust_decimal::Decimal;

/// The demo plan of April 2026 as version 2 stored it (revision 5), and the
/// same plan as a plan file, both written by the build before version 3.
const V2_RECORD: &str = include_str!("fixtures/storage/plan-record-v2.txt");
const V2_PLAN: &str = include_str!("fixtures/storage/plan-record-v2.plan.json");

#[test]
fn a_version_2_record_opens_as_the_plan_it_held() {
    const { assert!(RECORD_VERSION >= 3) };
    assert!(V2_RECORD.starts_with("fleetplan-record 2 r=5 "));
    let record = decode_record(V2_RECORD).expect("version 2 reads");
    assert_eq!((record.version, record.revision), (2, 5));
    let plan = parse_plan_file(V2_PLAN).expect("the plan file reads");
    assert_eq!(record.plan, plan);
    // No position of version 2 has a monthly base or allowances.
    assert!(
        record.plan.scenarios[0]
            .positions
            .iter()
            .all(|p| p.monthly_base.is_none() && p.allowances.is_empty())
    );
    assert_eq!(record_header(V2_RECORD), Some((2, 5)));
    // Written back in the current version, it reads as the same plan.
    let migrated = encode_record(&record.plan, record.revision + 1);
    assert!(migrated.starts_with(&format!("fleetplan-record {RECORD_VERSION} r=6 ")));
    let again = decode_record(&migrated).expect("the current version reads");
    assert_eq!((again.version, again.revision), (RECORD_VERSION, 6));
    assert_eq!(again.plan, plan);
}

#[test]
fn monthly_pay_and_allowances_round_trip() {
    let mut plan = demo_plan(YearMonth::new(2027, 4).unwrap());
    let p = &mut plan.scenarios[0].positions[3];
    p.set_monthly_base(Decimal::new(48_000_050, 2));
    p.set_allowance("Housing", Decimal::from(20_000));
    assert!(
        plan.scenarios[0]
            .positions
            .iter()
            .any(|p| !p.allowances.is_empty())
    );
    let text = encode_record(&plan, 9);
    let record = decode_record(&text).expect("reads");
    assert_eq!((record.version, record.revision), (RECORD_VERSION, 9));
    assert_eq!(record.plan, plan);
    // The scale of an amount survives ("480000.50").
    assert_eq!(
        record.plan.scenarios[0].positions[3]
            .monthly_base
            .unwrap()
            .to_string(),
        "480000.50"
    );
}
