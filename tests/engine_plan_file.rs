//! The plan file: the example reads and validates, files round-trip, and
//! every kind of error names its field.

use fleetplan::format::plan_json::{parse_plan_file, read_plan_file, write_plan_file};
use fleetplan::model::{Plan, PlanError, PositionStatus, generate_plan, validate};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");

fn example() -> Plan {
    read_plan_file(EXAMPLE).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The example with `from` replaced by `to` (once), read and validated.
fn errors_after(from: &str, to: &str) -> Vec<PlanError> {
    assert!(EXAMPLE.contains(from), "{from}");
    match read_plan_file(&EXAMPLE.replacen(from, to, 1)) {
        Ok(_) => panic!("replacing {from} by {to} should break the plan"),
        Err(errors) => errors,
    }
}

fn has(errors: &[PlanError], path: &str, words: &str) -> bool {
    errors
        .iter()
        .any(|e| e.path == path && e.message.contains(words))
}

#[test]
fn the_example_plan_reads_and_validates() {
    let plan = example();
    assert_eq!(plan.currency, "JPY");
    assert_eq!(plan.fiscal_year_start_month, 4);
    assert_eq!(plan.horizon.months, 24);
    assert_eq!(
        plan.scenarios
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Base", "Aggressive"]
    );
    let base = &plan.scenarios[0];
    assert_eq!(base.teams.len(), 3);
    assert_eq!(base.positions.len(), 12);
    assert!(
        base.positions
            .iter()
            .any(|p| p.status == PositionStatus::Open)
    );
    assert!(
        base.positions
            .iter()
            .any(|p| p.status == PositionStatus::Planned)
    );
    assert!(base.positions.iter().any(|p| p.end.is_some()));
    assert!(base.positions.iter().any(|p| p.age_dependent_burden));
    assert_eq!(base.people.burden.len(), 7);
    assert_eq!(base.cloud.lines.len(), 3);
    assert!(validate(&plan).is_empty());
}

#[test]
fn plan_files_round_trip() {
    let plan = example();
    let text = write_plan_file(&plan);
    assert_eq!(read_plan_file(&text), Ok(plan.clone()));
    // Writing is stable: the same plan gives the same text.
    assert_eq!(write_plan_file(&read_plan_file(&text).unwrap()), text);
    let generated = generate_plan(50, 36, 3, 1);
    assert_eq!(read_plan_file(&write_plan_file(&generated)), Ok(generated));
}

#[test]
fn decimals_are_strings_or_integers_never_floats() {
    // An integer is accepted for a decimal field.
    let plan =
        read_plan_file(&EXAMPLE.replacen("\"raise_pct\": \"3.7\"", "\"raise_pct\": 4", 1)).unwrap();
    assert_eq!(
        plan.scenarios[0].people.raise_pct,
        rust_decimal::Decimal::from(4)
    );
    // A JSON number with a fraction is refused: it would be binary floating point.
    let errors = errors_after("\"fte\": \"0.8\"", "\"fte\": 0.8");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "plan.scenarios[0].positions[6].fte");
    assert!(
        errors[0].message.contains("written as a string"),
        "{}",
        errors[0]
    );
    // Text that is not a number.
    let errors = errors_after("\"fte\": \"0.8\"", "\"fte\": \"abc\"");
    assert_eq!(
        errors[0].to_string(),
        "plan.scenarios[0].positions[6].fte: invalid decimal \"abc\": write digits with an optional point, such as \"4.955\""
    );
    let errors = errors_after("\"rate_pct\": \"4.955\"", "\"rate_pct\": \"4,955\"");
    assert_eq!(
        errors[0].path,
        "plan.scenarios[0].people.burden[0].rate_pct"
    );
}

#[test]
fn parse_errors_carry_the_json_path() {
    let errors = errors_after("\"start\": \"2026-10-16\"", "\"start\": \"2026-02-30\"");
    assert_eq!(
        errors[0].to_string(),
        "plan.scenarios[0].positions[9].start: \"2026-02-30\": Feb 2026 has 28 days, there is no day 30"
    );
    let errors = errors_after("\"status\": \"open\"", "\"status\": \"hired\"");
    assert_eq!(errors[0].path, "plan.scenarios[0].positions[9].status");
    assert!(
        errors[0].message.contains("unknown variant `hired`"),
        "{}",
        errors[0]
    );
    let errors = errors_after("\"title\": \"Senior SRE\"", "\"titel\": \"Senior SRE\"");
    assert!(
        errors[0].path.starts_with("plan.scenarios[0].positions[2]"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].message.contains("unknown field `titel`"),
        "{}",
        errors[0]
    );
    let errors = errors_after("\"start\": \"2026-04\"", "\"start\": \"April 2026\"");
    assert_eq!(errors[0].path, "plan.horizon.start");
    let errors =
        read_plan_file("{\"format\": \"fleetplan-plan\", \"version\": 1, \"plan\": {").unwrap_err();
    assert!(
        errors[0].message.contains("not a JSON object"),
        "{}",
        errors[0]
    );
}

#[test]
fn validation_errors_name_the_field_and_the_problem() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "\"fte\": \"0.8\"",
            "\"fte\": \"0\"",
            "plan.scenarios[0].positions[6].fte",
            "above 0 and at most 1",
        ),
        (
            "\"fte\": \"0.8\"",
            "\"fte\": \"0.1234567\"",
            "plan.scenarios[0].positions[6].fte",
            "at most 6 decimals",
        ),
        (
            "\"annual_base\": \"9600000\"",
            "\"annual_base\": \"-1\"",
            "plan.scenarios[0].positions[2].annual_base",
            "cannot be negative",
        ),
        (
            "\"annual_base\": \"9600000\"",
            "\"annual_base\": \"9600000.5\"",
            "plan.scenarios[0].positions[2].annual_base",
            "JPY has no minor unit",
        ),
        (
            "\"annual_base\": \"9600000\"",
            "\"annual_base\": \"1000000000000001\"",
            "plan.scenarios[0].positions[2].annual_base",
            "beyond the limit of 10^15",
        ),
        (
            "\"end\": \"2026-09-15\"",
            "\"end\": \"2023-09-15\"",
            "plan.scenarios[0].positions[3].end",
            "before the start date",
        ),
        (
            "\"team\": \"Data\"",
            "\"team\": \"Infra\"",
            "plan.scenarios[0].positions[8].team",
            "unknown team \u{201c}Infra\u{201d}",
        ),
        (
            "\"level\": \"Staff\",\n            \"status\"",
            "\"level\": \"Principal\",\n            \"status\"",
            "plan.scenarios[1].positions[12].level",
            "unknown level",
        ),
        (
            "\"rate_pct\": \"4.955\"",
            "\"rate_pct\": \"104.955\"",
            "plan.scenarios[0].people.burden[0].rate_pct",
            "from 0 to 100 %",
        ),
        (
            "\"recruiting_fee_pct\": \"35\"",
            "\"recruiting_fee_pct\": \"-5\"",
            "plan.scenarios[0].people.recruiting_fee_pct",
            "from 0 to 100 %",
        ),
        (
            "\"months\": 24",
            "\"months\": 121",
            "plan.horizon.months",
            "1 to 120 months",
        ),
        (
            "\"fiscal_year_start_month\": 4",
            "\"fiscal_year_start_month\": 13",
            "plan.fiscal_year_start_month",
            "1 (January) to 12",
        ),
        (
            "\"currency\": \"JPY\"",
            "\"currency\": \"YEN\"",
            "plan.currency",
            "unknown currency",
        ),
        (
            "\"month\": 12",
            "\"month\": 6",
            "plan.scenarios[0].people.bonus_payouts[1].month",
            "already in month 6",
        ),
        (
            "\"monthly_growth_pct\": \"2.1\"",
            "\"monthly_growth_pct\": \"-100\"",
            "plan.scenarios[0].cloud.lines[0].monthly_growth_pct",
            "above −100 %",
        ),
        (
            "\"on_demand_monthly\": \"6500000\",\n              \"monthly_growth_pct\": \"2.1\"",
            "\"on_demand_monthly\": \"650000000000\",\n              \"monthly_growth_pct\": \"100\"",
            "plan.scenarios[0].cloud.lines[0].monthly_growth_pct",
            "beyond 10^15",
        ),
        (
            "\"id\": \"eng-002\"",
            "\"id\": \"eng-001\"",
            "plan.scenarios[0].positions[1].id",
            "another position has the id",
        ),
        (
            "\"name\": \"Aggressive\"",
            "\"name\": \"Base\"",
            "plan.scenarios[1].name",
            "another scenario",
        ),
        (
            "\"backfill_lag_months\": 4",
            "\"backfill_lag_months\": 120",
            "plan.scenarios[0].teams[2].attrition.backfill_lag_months",
            "more than the whole seat",
        ),
        (
            "\"teams\": [\n              \"Platform\",",
            "\"teams\": [\n              \"Ops\",",
            "plan.scenarios[0].tools[1].teams[0]",
            "unknown team",
        ),
    ];
    for (from, to, path, words) in cases {
        let errors = errors_after(from, to);
        assert!(
            has(&errors, path, words),
            "{to}: expected {path}: …{words}…, got {errors:#?}"
        );
    }
}

#[test]
fn a_position_without_salary_or_band_is_an_error_on_its_salary() {
    let mut plan = example();
    let p = &mut plan.scenarios[0].positions[0];
    p.annual_base = None;
    p.level = "Junior".into();
    plan.scenarios[0].bands.retain(|b| b.level != "Junior");
    // The planned junior (eng-012) has a salary of its own here, so only eng-001 lacks one.
    plan.scenarios[0].positions[11].annual_base = Some(rust_decimal::Decimal::from(5_000_000));
    let errors = validate(&plan);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "scenarios[0].positions[0].annual_base");
    assert!(errors[0].message.contains("no salary band"));
}

#[test]
fn every_error_is_reported_at_once() {
    let broken = EXAMPLE
        .replacen("\"fte\": \"0.8\"", "\"fte\": \"2\"", 1)
        .replacen("\"currency\": \"JPY\"", "\"currency\": \"XXX\"", 1)
        .replacen("\"team\": \"Data\"", "\"team\": \"Nope\"", 1);
    let errors = read_plan_file(&broken).unwrap_err();
    assert!(errors.len() >= 3, "{errors:?}");
    // Parsing alone succeeds: a UI can open the plan and show the errors.
    assert!(parse_plan_file(&broken).is_ok());
}

#[test]
fn the_excerpt_in_plan_format_md_is_a_valid_plan() {
    let doc = include_str!("../docs/plan-format.md");
    let start =
        doc.find("## Excerpt\n\n```json\n").expect("an excerpt") + "## Excerpt\n\n```json\n".len();
    let end = start + doc[start..].find("```").expect("the excerpt ends");
    let plan = read_plan_file(&doc[start..end]).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(plan.scenarios[0].positions.len(), 2);
}

/// The path comes from where the parser stopped, so it must hold for a file
/// on one line as well as a pretty-printed one, and for every kind of error.
#[test]
fn parse_error_paths_in_a_minified_file() {
    let value: serde_json::Value = serde_json::from_str(EXAMPLE).expect("json");
    let compact = serde_json::to_string(&value).expect("json");
    let error = |text: String| {
        let errors = parse_plan_file(&text).expect_err("refused");
        (errors[0].path.clone(), errors[0].message.clone())
    };
    let (path, message) = error(compact.replacen("\"fte\":\"1\"", "\"fte\":\"abc\"", 1));
    assert!(
        path.starts_with("plan.scenarios[0].positions[") && path.ends_with("].fte"),
        "{path}"
    );
    assert!(message.contains("invalid decimal"), "{message}");

    let (path, message) = error(compact.replacen("\"title\":", "\"titel\":", 1));
    assert!(path.starts_with("plan.scenarios[0].positions[0]"), "{path}");
    assert!(message.contains("titel"), "{message}");

    let (path, message) = error(compact.replacen("\"teams\":[", "\"teams\":[7,", 1));
    assert_eq!(path, "plan.scenarios[0].teams[0]");
    assert!(message.contains("invalid type: integer `7`"), "{message}");
    // No position suffix: the path says where.
    assert!(!message.contains(" at line "), "{message}");
}

#[test]
fn the_scenario_example_in_plan_format_md_reads_and_round_trips() {
    let doc = include_str!("../docs/plan-format.md");
    let heading = "## Scenarios, adjustments and locks\n";
    let section = &doc[doc.find(heading).expect("the section")..];
    let start = section.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + section[start..].find("```").expect("the example ends");
    let plan = read_plan_file(&section[start..end]).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(plan.base_scenario.as_deref(), Some("Lean"));
    assert_eq!(plan.base_index(), 0);
    let stretch = &plan.scenarios[1];
    assert_eq!(stretch.adjustments.hire_slip_months, 2);
    assert_eq!(stretch.adjustments.raise_points.to_string(), "1");
    assert_eq!(stretch.adjustments.attrition_pct, None);
    assert_eq!(
        stretch.locked_on.map(|d| d.to_string()).as_deref(),
        Some("2026-03-27")
    );
    assert!(plan.scenarios[0].adjustments.is_none() && plan.scenarios[0].locked_on.is_none());
    let text = write_plan_file(&plan);
    assert_eq!(read_plan_file(&text), Ok(plan.clone()));
    assert!(text.contains("\"raise_points\": \"1\""), "{text}");
    assert!(text.contains("\"cloud_growth_points\": \"0\""), "{text}");
    assert!(!text.contains("attrition_pct"), "{text}");
    // Unset, the fields are not written: the example plan's text is as before.
    let example_text = write_plan_file(&example());
    for field in ["base_scenario", "adjustments", "locked_on"] {
        assert!(!example_text.contains(field), "{field}");
    }
}
