//! The local-storage record (`format::record`): every plan comes back
//! exactly, a large plan fits its share of the quota, and records that
//! earlier versions of the app left in local storage stay readable. Each
//! fixture is what that version stored, captured from the running app.
// Native only: proptest does not build for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::plan_json::{parse_plan_file, write_plan_file};
use fleetplan::format::record::{
    RECORD_VERSION, RecordError, decode_record, encode_record, record_revision,
};
use fleetplan::model::date::days_in_month;
use fleetplan::model::{
    Date, Employment, Plan, PositionStatus, YearMonth, forecast_scenario, generate_plan, validate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// 1.5 MiB of local storage, which counts 2 bytes per UTF-16 code unit.
const QUOTA_UNITS: usize = 1536 * 1024 / 2;

const V1_FIXTURE: &str = include_str!("fixtures/storage/plan-record-v0.json");
const EXAMPLE: &str = include_str!("../docs/example-plan.json");

/// Decodes the record of `plan` and checks it is the same plan, down to the
/// text of every decimal (`Decimal`'s `==` says 1.0 == 1.00; the plan file
/// would not).
fn assert_round_trip(plan: &Plan, revision: u64) -> String {
    let text = encode_record(plan, revision);
    let record = decode_record(&text).expect("a fresh record decodes");
    assert_eq!(record.revision, revision);
    assert_eq!(record.version, RECORD_VERSION);
    assert!(record.plan == *plan, "the decoded plan differs");
    assert!(
        write_plan_file(&record.plan) == write_plan_file(plan),
        "the decoded plan prints differently"
    );
    assert_eq!(record_revision(&text), Some(revision));
    text
}

#[test]
fn the_example_plan_comes_back_exactly() {
    let plan = parse_plan_file(EXAMPLE).expect("the example parses");
    let text = assert_round_trip(&plan, 3);
    assert!(
        text.starts_with("fleetplan-record 4 r=3 n="),
        "{}",
        &text[..40]
    );
    assert!(text.encode_utf16().count() < EXAMPLE.len() / 2);
}

#[test]
fn a_plan_of_5000_positions_in_3_scenarios_comes_back_and_fits_its_quota() {
    let plan = generate_plan(5000, 36, 3, 2026);
    let text = assert_round_trip(&plan, u64::MAX);
    let units = text.encode_utf16().count();
    let json_units = write_plan_file(&plan).encode_utf16().count();
    println!(
        "5,000 x 3 plan: record {units} UTF-16 units ({} KiB of quota), plan file {json_units} units",
        units * 2 / 1024
    );
    assert!(
        units <= QUOTA_UNITS,
        "{units} UTF-16 units, more than {QUOTA_UNITS}"
    );
}

/// The first app version stores the plan file itself under `fleetplan.plan`.
#[test]
fn the_first_versions_plan_record_still_loads_with_its_totals() {
    let record = decode_record(V1_FIXTURE).expect("the stored record reads");
    assert_eq!((record.version, record.revision), (1, 0));
    assert_eq!(record_revision(V1_FIXTURE), Some(0));
    let plan = record.plan;
    assert!(validate(&plan).is_empty());
    assert_eq!(plan.name, "FY2026 エンジニアリング予算");
    let titles: Vec<&str> = plan.scenarios[0]
        .positions
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(titles, ["Backend engineer", "データエンジニア"]);
    // 6,000,000 + 7,800,000 a year, both from the first month of a 12-month horizon.
    assert_eq!(
        forecast_scenario(&plan, 0).expect("valid").total(),
        13_800_000
    );
    // Written back in the current version (the migration), it is the same plan.
    let migrated = decode_record(&encode_record(&plan, 1)).expect("migrated");
    assert_eq!((migrated.version, migrated.revision), (RECORD_VERSION, 1));
    assert_eq!(migrated.plan, plan);
}

/// Parsed, not validated: a stored plan with an invalid value opens, so the
/// user sees the error next to the figure instead of losing the plan.
#[test]
fn a_first_version_record_with_invalid_values_still_loads() {
    let text = V1_FIXTURE.replacen("\"fte\": \"1\"", "\"fte\": \"1.8\"", 1);
    assert_ne!(text, V1_FIXTURE);
    let record = decode_record(&text).expect("parsed, not validated");
    assert!(!validate(&record.plan).is_empty());
    assert_eq!(
        decode_record(&encode_record(&record.plan, 2))
            .expect("an invalid plan is still recorded")
            .plan,
        record.plan
    );
}

#[test]
fn a_record_of_a_newer_version_is_reported_as_such() {
    let text = encode_record(&generate_plan(3, 12, 1, 1), 5);
    let newer = text.replacen("fleetplan-record 4 ", "fleetplan-record 5 ", 1);
    let error = decode_record(&newer).unwrap_err();
    assert_eq!(error, RecordError::Newer { version: 5 });
    assert!(error.to_string().contains("newer Fleetplan"), "{error}");
    // Whatever a newer version's header holds, it is not guessed at.
    let future = "fleetplan-record 17 something else entirely\n\u{4e00}";
    assert_eq!(
        decode_record(future),
        Err(RecordError::Newer { version: 17 })
    );
    assert_eq!(record_revision(future), None);
}

#[test]
fn what_is_not_a_record_is_unreadable_with_a_reason() {
    for text in ["", "hello", "[1, 2]", "fleetplan-record 2 r=1 n=0"] {
        match decode_record(text) {
            Err(RecordError::Unreadable(reason)) => {
                assert!(!reason.to_string().is_empty(), "{text:?}")
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let damaged = encode_record(&generate_plan(3, 12, 1, 1), 5);
    let mut chars: Vec<char> = damaged.chars().collect();
    let last = chars.len() - 10;
    chars[last] = if chars[last] == 'a' { 'b' } else { 'a' };
    let damaged: String = chars.into_iter().collect();
    let error = decode_record(&damaged).unwrap_err();
    assert!(error.to_string().contains("damaged"), "{error}");
}

// ------------------------------------------------------------ property test

#[derive(Clone, Debug)]
enum Edit {
    Base(Option<Decimal>),
    Fte(Decimal),
    Fee(Option<Decimal>),
    Start(Date),
    End(Option<Date>),
    Location(Option<String>),
    Title(String),
    Id(String),
    Team(String),
    Level(String),
    Status(u8),
    Contractor(bool),
    Age(bool),
    ScenarioName(String),
    PlanName(String),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "データエンジニア",
            "",
            "Tokyo",
            "東京",
            "p1",
            "👩‍💻 Lead \u{200d}",
            "quote \" backslash \\ newline \n tab \t",
        ])
        .prop_map(str::to_string),
        "\\PC{0,12}",
        any::<String>(),
    ]
}

fn decimal() -> impl Strategy<Value = Decimal> {
    let limit = 1_i128 << 96;
    prop_oneof![
        (-limit + 1..limit, 0_u32..=28)
            .prop_map(|(m, s)| Decimal::try_from_i128_with_scale(m, s).expect("in range")),
        (0_i64..100_000_000, 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        (0_u32..=28).prop_map(|s| {
            let mut zero = Decimal::new(0, s);
            zero.set_sign_negative(true);
            zero
        }),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1000_i32..=9999, 1_u8..=12, 1_u8..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d.min(days_in_month(y, m))).expect("a day"))
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        proptest::option::of(decimal()).prop_map(Edit::Base),
        decimal().prop_map(Edit::Fte),
        proptest::option::of(decimal()).prop_map(Edit::Fee),
        date().prop_map(Edit::Start),
        proptest::option::of(date()).prop_map(Edit::End),
        proptest::option::of(text()).prop_map(Edit::Location),
        text().prop_map(Edit::Title),
        text().prop_map(Edit::Id),
        text().prop_map(Edit::Team),
        text().prop_map(Edit::Level),
        (0_u8..3).prop_map(Edit::Status),
        any::<bool>().prop_map(Edit::Contractor),
        any::<bool>().prop_map(Edit::Age),
        text().prop_map(Edit::ScenarioName),
        text().prop_map(Edit::PlanName),
    ]
}

fn apply(plan: &mut Plan, scenario: usize, position: usize, edit: Edit) {
    let s = scenario % plan.scenarios.len();
    let scenario = &mut plan.scenarios[s];
    match edit {
        Edit::ScenarioName(name) => return scenario.name = name,
        Edit::PlanName(name) => return plan.name = name,
        _ => {}
    }
    if scenario.positions.is_empty() {
        return;
    }
    let len = scenario.positions.len();
    let p = &mut scenario.positions[position % len];
    match edit {
        Edit::Base(v) => p.annual_base = v,
        Edit::Fte(v) => p.fte = v,
        Edit::Fee(v) => p.recruiting_fee_pct = v,
        Edit::Start(v) => p.start = v,
        Edit::End(v) => p.end = v,
        Edit::Location(v) => p.location = v,
        Edit::Title(v) => p.title = v,
        Edit::Id(v) => p.id = v,
        Edit::Team(v) => p.team = v,
        Edit::Level(v) => p.level = v,
        Edit::Status(v) => {
            p.status = [
                PositionStatus::Filled,
                PositionStatus::Open,
                PositionStatus::Planned,
            ][usize::from(v)]
        }
        Edit::Contractor(c) => {
            p.employment = if c {
                Employment::Contractor
            } else {
                Employment::Employee
            }
        }
        Edit::Age(v) => p.age_dependent_burden = v,
        Edit::ScenarioName(_) | Edit::PlanName(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_comes_back_exactly(
        positions in 0_usize..15,
        months in 1_u16..=40,
        scenarios in 1_usize..4,
        seed in any::<u64>(),
        horizon in proptest::option::of((1000_i32..=9999, 1_u8..=12)),
        revision in any::<u64>(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), edit()), 0..12),
    ) {
        let mut plan = generate_plan(positions, months, scenarios, seed);
        if let Some((year, month)) = horizon {
            // Dates are stored relative to the horizon's start: move it far away.
            plan.horizon.start = YearMonth::new(year, month).expect("a month");
        }
        for (scenario, position, edit) in edits {
            apply(&mut plan, scenario, position, edit);
        }
        let text = encode_record(&plan, revision);
        let record = decode_record(&text).expect("a fresh record decodes");
        prop_assert_eq!(record.revision, revision);
        prop_assert_eq!(record.version, RECORD_VERSION);
        prop_assert!(record.plan == plan, "the decoded plan differs");
        prop_assert_eq!(write_plan_file(&record.plan), write_plan_file(&plan));
        // One UTF-16 unit per character, and no control character anywhere
        // after the header's line break.
        let (_, payload) = text.split_once('\n').expect("a header line");
        prop_assert_eq!(payload.encode_utf16().count(), payload.chars().count());
        prop_assert!(payload.chars().all(|c| !c.is_control()));
    }
}
