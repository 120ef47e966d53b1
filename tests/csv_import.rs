//! Roster import: preview, errors with line and column, all or nothing, and
//! export → import giving back the same positions.
// Native only: proptest, files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::export::{self, ExportOptions};
use fleetplan::format::import::{ImportError, preview_roster};
use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::{Date, Employment, Plan, Position, PositionStatus, validate};
use proptest::prelude::*;
use rust_decimal::Decimal;

const EXAMPLE: &str = include_str!("../docs/example-plan.json");

fn example() -> Plan {
    read_plan_file(EXAMPLE).expect("the example plan reads")
}

fn roster_of(plan: &Plan, scenario: usize, bom: bool) -> Vec<u8> {
    export::roster(
        plan,
        ExportOptions {
            scenario: Some(scenario),
            bom,
        },
    )
    .expect("roster")
}

fn messages(errors: &[ImportError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_exported_roster_imports_as_unchanged() {
    let plan = example();
    for bom in [true, false] {
        let bytes = roster_of(&plan, 0, bom);
        let preview = preview_roster(&plan, 0, &bytes).expect("imports");
        assert!(preview.rows.is_empty(), "{:?}", preview.rows);
        assert_eq!(preview.unchanged, plan.scenarios[0].positions.len());
    }
}

#[test]
fn the_exported_roster_imports_into_an_empty_scenario() {
    let plan = example();
    let bytes = roster_of(&plan, 0, true);
    let mut empty = plan.clone();
    empty.scenarios[0].positions.clear();
    let preview = preview_roster(&empty, 0, &bytes).expect("imports");
    assert_eq!(preview.added().count(), plan.scenarios[0].positions.len());
    assert_eq!(preview.changed().count(), 0);
    preview.apply(&mut empty.scenarios[0]);
    assert_eq!(empty.scenarios[0].positions, plan.scenarios[0].positions);
}

#[test]
fn the_minimal_columns_add_positions_with_lf_and_separators() {
    let plan = example();
    let file = "title,team,level,salary,start,status\n\
                Backend Engineer,Platform,Mid,\"7,200,000\",2026-10-01,open\n\
                \n\
                Data Engineer,Data,Senior,,2027-01-01,planned\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports");
    assert_eq!(preview.added().count(), 2);
    let first = &preview.rows[0];
    assert_eq!(first.line, 2);
    assert_eq!(first.position.title, "Backend Engineer");
    assert_eq!(first.position.annual_base, Some(Decimal::from(7_200_000)));
    assert_eq!(first.position.status, PositionStatus::Open);
    assert_eq!(first.position.employment, Employment::Employee);
    assert_eq!(first.position.fte, Decimal::ONE);
    assert_eq!(first.position.start, Date::new(2026, 10, 1).expect("date"));
    assert_eq!(first.position.id, "p1");
    assert_eq!(preview.rows[1].line, 4);
    assert_eq!(preview.rows[1].position.annual_base, None);
    assert_eq!(preview.rows[1].position.id, "p2");

    let mut applied = plan.clone();
    preview.apply(&mut applied.scenarios[0]);
    assert_eq!(
        applied.scenarios[0].positions.len(),
        plan.scenarios[0].positions.len() + 2
    );
    assert!(validate(&applied).is_empty());
}

#[test]
fn salaries_as_typed_in_japanese_import_exactly() {
    let plan = example();
    let file = "title,team,level,salary,start,status\n\
                Backend Engineer,Platform,Mid,900万,2026-10-01,open\n\
                Data Engineer,Data,Senior,\"￥９，０００，０００\",2027-01-01,planned\n\
                SRE,Platform,Mid,1億2000万円,2027-01-01,planned\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports");
    let salaries: Vec<_> = preview.added().map(|r| r.position.annual_base).collect();
    assert_eq!(
        salaries,
        [
            Some(Decimal::from(9_000_000)),
            Some(Decimal::from(9_000_000)),
            Some(Decimal::from(120_000_000)),
        ]
    );
}

#[test]
fn a_comma_that_is_not_a_thousands_separator_is_refused() {
    let plan = example();
    let file = "title,team,level,salary,start,status\n\
                Backend Engineer,Platform,Mid,\"1,5\",2026-10-01,open\n\
                Data Engineer,Data,Senior,\"1,500\",2027-01-01,planned\n";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    assert_eq!(
        messages(&errors),
        "line 2, column salary: \u{201c}1,5\u{201d} is not an amount: a comma separates \
         thousands (1,500); for a decimal, use a point (1.5)."
    );
}

#[test]
fn rows_with_a_known_id_change_that_position() {
    let plan = example();
    let file = "\u{feff}id,title,team,level,salary,start,status\r\n\
                eng-001,Director of Engineering,Platform,Director,\"19,000,000\",2021-04-01,filled\r\n\
                eng-002,Engineering Manager,Platform,Engineering Manager,13500000,2022-07-01,filled\r\n\
                new-1,Staff Engineer,Data,Staff,,2026-07-01,open\r\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports");
    let changed: Vec<_> = preview.changed().collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0].position.id, "eng-001");
    assert_eq!(
        changed[0].position.annual_base,
        Some(Decimal::from(19_000_000))
    );
    // Columns the file does not have keep their values.
    assert!(changed[0].position.age_dependent_burden);
    assert_eq!(changed[1].position.title, "Engineering Manager");
    let added: Vec<_> = preview.added().collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].position.id, "new-1");

    let mut applied = plan.clone();
    preview.apply(&mut applied.scenarios[0]);
    assert_eq!(
        applied.scenarios[0]
            .position("eng-001")
            .and_then(|p| p.annual_base),
        Some(Decimal::from(19_000_000))
    );
    assert_eq!(
        applied.scenarios[0].positions.len(),
        plan.scenarios[0].positions.len() + 1
    );
}

#[test]
fn errors_name_the_line_and_column_and_nothing_is_applied() {
    let plan = example();
    let file = "title,team,level,salary,start,status,fte\n\
                Good,Platform,Mid,7200000,2026-10-01,open,1\n\
                No team,,Mid,7200000,2026-10-01,open,1\n\
                Bad salary,Platform,Mid,abc,2026-10-01,open,1\n\
                Bad date,Platform,Mid,7200000,2026-02-30,open,1\n\
                Bad status,Platform,Mid,7200000,2026-10-01,hired,1\n\
                Bad fte,Platform,Mid,7200000,2026-10-01,open,1.5\n\
                Short,Platform\n";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    let text = messages(&errors);
    assert!(
        text.contains("line 3, column team: a position needs a team"),
        "{text}"
    );
    assert!(
        text.contains("line 4, column salary: \u{201c}abc\u{201d} is not an amount"),
        "{text}"
    );
    assert!(
        text.contains("line 5, column start: \"2026-02-30\": Feb 2026 has 28 days"),
        "{text}"
    );
    assert!(
        text.contains("line 6, column status: \u{201c}hired\u{201d} is not a status"),
        "{text}"
    );
    assert!(text.contains("line 8: this row has 2 cells"), "{text}");
    // Line 7's FTE fails only if the others pass: validation runs on a
    // clean file. Check it alone.
    let file = "title,team,level,salary,start,status,fte\n\
                Bad fte,Platform,Mid,7200000,2026-10-01,open,1.5\n";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    assert!(
        messages(&errors).contains("line 2, column fte: FTE must be above 0 and at most 1"),
        "{}",
        messages(&errors)
    );
}

#[test]
fn header_problems_are_reported() {
    let plan = example();
    let errors =
        preview_roster(&plan, 0, b"title,team,colour\nA,Platform,red\n").expect_err("refused");
    let text = messages(&errors);
    assert!(
        text.contains("line 1, column colour: unknown column"),
        "{text}"
    );
    assert!(
        text.contains("line 1, column salary: this column is missing"),
        "{text}"
    );
    assert!(preview_roster(&plan, 0, b"").is_err());
    assert!(preview_roster(&plan, 0, b"\xEF\xBB\xBF").is_err());
    let latin1 = b"title,team,level,salary,start,status\nCaf\xe9,Platform,Mid,1,2026-10-01,open\n";
    assert!(messages(&preview_roster(&plan, 0, latin1).expect_err("refused")).contains("UTF-8"));
    let duplicate = "id,title,team,level,salary,start,status\n\
                     x,A,Platform,Mid,1,2026-10-01,open\n\
                     x,B,Platform,Mid,1,2026-10-01,open\n";
    assert!(
        messages(&preview_roster(&plan, 0, duplicate.as_bytes()).expect_err("refused"))
            .contains("line 3, column id: another row of the file has the id")
    );
}

#[test]
fn neutralised_cells_import_as_typed() {
    let plan = example();
    let mut with_formula = plan.clone();
    with_formula.scenarios[0].positions[0].title = "=1+2".into();
    with_formula.scenarios[0].positions[1].title = "'quoted".into();
    let bytes = roster_of(&with_formula, 0, false);
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.contains(",'=1+2,"));
    assert!(text.contains(",''quoted,"));
    let preview = preview_roster(&plan, 0, &bytes).expect("imports");
    let titles: Vec<&str> = preview
        .changed()
        .map(|r| r.position.title.as_str())
        .collect();
    assert_eq!(titles, ["=1+2", "'quoted"]);
}

fn title() -> impl Strategy<Value = String> {
    // Letters of several scripts, separators, quotes and formula starts;
    // no whitespace at either end (cells are trimmed).
    "[=+@'\\-A-Za-zデ予]?[A-Za-z0-9 ,\"'=+データ予算\\-]{0,12}[A-Za-z0-9データ\"',]"
}

fn position(i: usize) -> impl Strategy<Value = Position> {
    (
        title(),
        0..3usize,
        0..7usize,
        0..3usize,
        any::<bool>(),
        prop::option::of(1u64..100_000_000),
        1u32..=1000,
        (2020i32..2030, 1u8..=12, 1u8..=28),
        prop::option::of(0u16..2000),
        prop::option::of(0u32..=100_000),
        any::<bool>(),
        prop::option::of("[A-Za-z東京]{1,6}"),
    )
        .prop_map(
            move |(
                title,
                team,
                level,
                status,
                contractor,
                base,
                fte,
                (y, m, d),
                end,
                fee,
                age,
                location,
            )| {
                let start = Date::new(y, m, d).expect("date");
                Position {
                    id: format!("x-{i}"),
                    title,
                    team: ["Platform", "Product", "Data"][team].into(),
                    level: fleetplan::model::plan::DEFAULT_LEVELS[level].into(),
                    status: [
                        PositionStatus::Filled,
                        PositionStatus::Open,
                        PositionStatus::Planned,
                    ][status],
                    employment: if contractor {
                        Employment::Contractor
                    } else {
                        Employment::Employee
                    },
                    annual_base: base.map(Decimal::from),
                    fte: Decimal::new(i64::from(fte), 3),
                    start,
                    end: end.and_then(|days| {
                        let total = y * 12 + i32::from(m) - 1 + i32::from(days / 28);
                        Date::new(total / 12, (total % 12 + 1) as u8, d).ok()
                    }),
                    recruiting_fee_pct: fee.map(|f| Decimal::new(i64::from(f), 3)),
                    age_dependent_burden: age,
                    location,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn roster_export_then_import_gives_the_same_positions(
        positions in (0..12usize).prop_flat_map(|n| {
            (0..n).map(position).collect::<Vec<_>>()
        }),
        bom in any::<bool>(),
    ) {
        let mut plan = example();
        plan.scenarios[0].positions = positions.clone();
        prop_assume!(fleetplan::model::validate_scenario(&plan, 0).is_empty());
        let bytes = roster_of(&plan, 0, bom);
        let mut empty = plan.clone();
        empty.scenarios[0].positions.clear();
        let preview = preview_roster(&empty, 0, &bytes)
            .map_err(|e| TestCaseError::fail(messages(&e)))?;
        prop_assert_eq!(preview.added().count(), positions.len());
        preview.apply(&mut empty.scenarios[0]);
        prop_assert_eq!(&empty.scenarios[0].positions, &positions);
        // And into the plan itself: nothing to do.
        let same = preview_roster(&plan, 0, &bytes)
            .map_err(|e| TestCaseError::fail(messages(&e)))?;
        prop_assert!(same.rows.is_empty());
        prop_assert_eq!(same.unchanged, positions.len());
    }
}

#[test]
fn rows_of_another_scenario_are_refused() {
    let plan = example();
    let all = export::roster(
        &plan,
        ExportOptions {
            scenario: None,
            bom: true,
        },
    )
    .expect("roster");
    let errors = preview_roster(&plan, 0, &all).expect_err("refused");
    assert!(
        messages(&errors)
            .contains("column scenario: this row is for scenario \u{201c}Aggressive\u{201d}"),
        "{}",
        messages(&errors)
    );
    let aggressive = plan.scenario_index("Aggressive").expect("Aggressive");
    let only = roster_of(&plan, aggressive, false);
    let preview = preview_roster(&plan, aggressive, &only).expect("imports");
    assert!(preview.rows.is_empty());
}

#[test]
fn a_team_the_scenario_lacks_is_created_by_the_import() {
    let plan = example();
    let file = "title,team,level,salary,start,status\n\
                Analyst,Insights,Mid,7200000,2026-10-01,planned\n\
                Analyst 2,Insights,Mid,7200000,2026-10-01,planned\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("accepted");
    assert_eq!(preview.new_teams, vec!["Insights".to_string()]);
    let mut applied = plan.clone();
    preview.apply(&mut applied.scenarios[0]);
    let teams = &applied.scenarios[0].teams;
    assert_eq!(teams.iter().filter(|t| t.name == "Insights").count(), 1);
    assert!(fleetplan::model::validate(&applied).is_empty());
}
