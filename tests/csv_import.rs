//! Roster import: preview, errors with line and column, all or nothing, and
//! export → import giving back the same positions.
// Native only: proptest, files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::export::{self, ExportOptions};
use std::collections::BTreeMap;

use fleetplan::format::decode::Encoding;
use fleetplan::format::import::{
    ColumnSource, ImportError, ImportProblem, RosterReader, import_roster, preview_roster,
    roster_template,
};
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
    preview
        .apply(&mut empty.scenarios[0], false)
        .expect("applies");
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
    preview
        .apply(&mut applied.scenarios[0], false)
        .expect("applies");
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
    preview
        .apply(&mut applied.scenarios[0], false)
        .expect("applies");
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
    // Validation runs on the rows that read, in the same pass: the FTE of
    // 1.5 is reported with the other errors, not after they are fixed.
    assert!(
        text.contains("line 7, column fte: FTE must be above 0 and at most 1, not 1.5"),
        "{text}"
    );
    assert_eq!(errors.len(), 6, "{text}");
}

#[test]
fn header_problems_are_reported() {
    let plan = example();
    let errors =
        preview_roster(&plan, 0, b"title,team,colour\nA,Platform,red\n").expect_err("refused");
    let text = messages(&errors);
    // An unknown column is not an error: it is ignored and listed.
    assert!(!text.contains("colour"), "{text}");
    assert!(
        text.contains("line 1, column salary: this column is missing"),
        "{text}"
    );
    assert!(
        text.contains("line 1, column level: this column is missing"),
        "{text}"
    );
    assert!(preview_roster(&plan, 0, b"").is_err());
    assert!(preview_roster(&plan, 0, b"\xEF\xBB\xBF").is_err());
    let latin1 = b"title,team,level,salary,start,status\nCaf\xe9,Platform,Mid,1,2026-10-01,open\n";
    assert_eq!(
        messages(&preview_roster(&plan, 0, latin1).expect_err("refused")),
        "line 2 is neither UTF-8 nor Shift_JIS (CP932) text: save the file as \u{201c}CSV UTF-8\u{201d}"
    );
    let duplicate = "id,title,team,level,salary,start,status\n\
                     x,A,Platform,Mid,1,2026-10-01,open\n\
                     x,B,Platform,Mid,1,2026-10-01,open\n";
    assert!(
        messages(&preview_roster(&plan, 0, duplicate.as_bytes()).expect_err("refused"))
            .contains("line 3, column id: another row of the file has the id")
    );
    let twice = "title,team,level,salary,月給,start,status\nA,Platform,Mid,1,1,2026-10-01,open\n";
    assert_eq!(
        messages(&preview_roster(&plan, 0, twice.as_bytes()).expect_err("refused")),
        "line 1, column 月給: this column fills the same field as an earlier one"
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
                    monthly_base: None,
                    allowances: Vec::new(),
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
        preview.apply(&mut empty.scenarios[0], false).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&empty.scenarios[0].positions, &positions);
        // And into the plan itself: nothing to do.
        let same = preview_roster(&plan, 0, &bytes)
            .map_err(|e| TestCaseError::fail(messages(&e)))?;
        prop_assert!(same.rows.is_empty());
        prop_assert_eq!(same.unchanged, positions.len());
    }
}

#[test]
fn a_file_of_several_scenarios_imports_the_rows_of_the_chosen_one() {
    let plan = example();
    let all = export::roster(
        &plan,
        ExportOptions {
            scenario: None,
            bom: true,
        },
    )
    .expect("roster");
    let preview = preview_roster(&plan, 0, &all).expect("imports Base's rows");
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    assert_eq!(preview.unchanged, plan.scenarios[0].positions.len());
    let aggressive = plan.scenario_index("Aggressive").expect("Aggressive");
    assert_eq!(
        preview.other_scenarios,
        vec![(
            "Aggressive".to_string(),
            plan.scenarios[aggressive].positions.len()
        )]
    );
    // No duplicate-id error: other scenarios' rows are left out first.
    let into_aggressive = preview_roster(&plan, aggressive, &all).expect("imports");
    assert_eq!(
        into_aggressive.unchanged,
        plan.scenarios[aggressive].positions.len()
    );
    // A file of only other scenarios: one message, not one per row.
    let only = roster_of(&plan, aggressive, false);
    let errors = preview_roster(&plan, 0, &only).expect_err("refused");
    assert_eq!(
        messages(&errors),
        "line 1, column scenario: every row is for another scenario (\u{201c}Aggressive\u{201d}), none for \u{201c}Base\u{201d}: show that scenario to import into it, or empty the scenario column"
    );
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
    preview
        .apply(&mut applied.scenarios[0], false)
        .expect("applies");
    let teams = &applied.scenarios[0].teams;
    assert_eq!(teams.iter().filter(|t| t.name == "Insights").count(), 1);
    assert!(fleetplan::model::validate(&applied).is_empty());
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn no_choices() -> BTreeMap<String, String> {
    BTreeMap::new()
}

/// A Japanese HR system's roster as Japanese Excel saves it: Shift_JIS,
/// Japanese headers, an extra `氏名` and `備考`, a `年収` the import does not
/// read as the base without being told, the monthly salary (月給), slash and
/// 年月日 dates, 万 and full-width amounts, half-width katakana.
#[test]
fn a_cp932_roster_with_japanese_headers_imports() {
    let plan = example();
    let bytes = fixture("hr-roster-cp932.csv");
    let report = import_roster(&plan, 0, &bytes, &no_choices()).expect("read");
    assert_eq!(report.encoding, Encoding::ShiftJis);
    assert_eq!(report.separator, b',');
    let ignored: Vec<&str> = report.ignored().map(|c| c.header.as_str()).collect();
    assert_eq!(ignored, ["氏名", "年収", "備考"]);
    assert!(
        report
            .columns
            .iter()
            .filter(|c| c.source == ColumnSource::Unknown)
            .count()
            == 3
    );
    let preview = report.result.expect("imports");
    assert_eq!(preview.added().count(), 3);
    let [a, b, c] = &preview.rows[..] else {
        panic!("three rows");
    };
    assert_eq!(a.position.id, "E-101");
    assert_eq!(a.position.title, "バックエンドエンジニア");
    // Half-width katakana folded for matching; a new team keeps its spelling.
    assert_eq!(a.position.team, "ﾌﾟﾗｯﾄﾌｫｰﾑ");
    assert_eq!(preview.new_teams, ["ﾌﾟﾗｯﾄﾌｫｰﾑ", "インフラ"]);
    // Levels matched ignoring width and case, written as the plan spells them.
    assert_eq!(a.position.level, "Mid");
    assert_eq!(b.position.level, "Senior");
    assert_eq!(a.position.status, PositionStatus::Filled);
    assert_eq!(b.position.status, PositionStatus::Open);
    assert_eq!(c.position.status, PositionStatus::Planned);
    assert_eq!(c.position.employment, Employment::Contractor);
    // 月給 kept as the monthly base (the annual base is 12 × it),
    // full-width digits and 万 included.
    assert_eq!(a.position.monthly_base, Some(Decimal::from(600_000)));
    assert_eq!(b.position.monthly_base, Some(Decimal::from(650_000)));
    assert_eq!(c.position.monthly_base, Some(Decimal::from(700_000)));
    assert_eq!(a.position.annual_base, None);
    assert_eq!(
        plan.scenarios[0].annual_base_of(&c.position),
        Some(Decimal::from(8_400_000))
    );
    assert_eq!(a.position.start, Date::new(2024, 10, 1).expect("date"));
    assert_eq!(c.position.start, Date::new(2026, 7, 1).expect("date"));
    assert_eq!(c.position.end, Date::new(2027, 3, 31).ok());
    assert_eq!(a.position.location.as_deref(), Some("東京"));
    assert_eq!((a.line, b.line, c.line), (2, 3, 4));
    let mut applied = plan.clone();
    preview.apply_to(&mut applied, false).expect("applies");
    assert!(validate(&applied).is_empty());
    // Nothing mapped by hand: nothing remembered.
    assert!(applied.roster_columns.is_empty());
}

/// The mapping step: `年収` is said to be the annual base and `月給` is
/// ignored; applying remembers it with the plan, so the next import of the
/// same file needs no choice.
#[test]
fn a_mapping_is_chosen_then_remembered_with_the_plan() {
    let plan = example();
    let bytes = fixture("hr-roster-cp932.csv");
    let mut choices = BTreeMap::new();
    choices.insert("年収".to_string(), "annual_base".to_string());
    let report = import_roster(&plan, 0, &bytes, &choices).expect("read");
    // Both now fill the salary: refused until one is ignored.
    let errors = report.result.expect_err("twice");
    assert_eq!(
        messages(&errors),
        "line 1, column 月給: this column fills the same field as an earlier one"
    );
    choices.insert("月給".to_string(), "ignore".to_string());
    let report = import_roster(&plan, 0, &bytes, &choices).expect("read");
    let preview = report.result.expect("imports");
    let salaries: Vec<_> = preview
        .rows
        .iter()
        .map(|r| r.position.annual_base)
        .collect();
    assert_eq!(salaries, [Some(Decimal::from(9_000_000)), None, None]);
    let mut applied = plan.clone();
    preview.apply_to(&mut applied, false).expect("applies");
    assert_eq!(
        applied.roster_columns.get("年収").map(String::as_str),
        Some("annual_base")
    );
    // `月給` is a known name: ignoring it is remembered too.
    assert_eq!(
        applied.roster_columns.get("月給").map(String::as_str),
        Some("ignore")
    );
    // Next month: one click, with no choice made.
    let mut next_month = plan.clone();
    next_month.roster_columns = applied.roster_columns.clone();
    let again = preview_roster(&next_month, 0, &bytes).expect("imports as chosen");
    assert_eq!(again.rows, preview.rows);
    // Choosing what a header means anyway forgets the remembered choice.
    let choices = BTreeMap::from([("月給".to_string(), "monthly_base".to_string())]);
    let report = import_roster(&next_month, 0, &bytes, &choices).expect("read");
    assert_eq!(report.result.expect_err("both fill the salary").len(), 1);
    let forget = report_remember(&next_month, &bytes, &choices);
    assert_eq!(forget.get("月給"), Some(&None));
}

/// What applying an import with `choices` would remember (its errors aside).
fn report_remember(
    plan: &Plan,
    bytes: &[u8],
    choices: &BTreeMap<String, String>,
) -> BTreeMap<String, Option<String>> {
    let mut choices = choices.clone();
    choices.insert("年収".to_string(), "ignore".to_string());
    import_roster(plan, 0, bytes, &choices)
        .expect("read")
        .result
        .expect("imports with the monthly salary")
        .remember
}

#[test]
fn a_remembered_mapping_is_used_without_choosing_again() {
    let mut plan = example();
    plan.roster_columns
        .insert("年収".to_string(), "annual_base".to_string());
    let file =
        "職種,チーム,等級,年収,入社日,在籍状況\r\nSRE,Platform,Mid,900万,2026/4/1,採用予定\r\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports");
    assert_eq!(
        preview.rows[0].position.annual_base,
        Some(Decimal::from(9_000_000))
    );
    // Forgetting it: the column is ignored again, the salary missing.
    let mut choices = BTreeMap::new();
    choices.insert("年収".to_string(), "ignore".to_string());
    let report = import_roster(&plan, 0, file.as_bytes(), &choices).expect("read");
    assert!(messages(&report.result.expect_err("no salary")).contains("column salary"));
}

/// Excel's "Unicode text": UTF-16LE with BOM, tab-separated, a quoted cell
/// with a line break, an Excel serial date and a hyphen date without zeros.
#[test]
fn utf16le_tab_separated_text_imports() {
    let plan = example();
    let report = import_roster(
        &plan,
        0,
        &fixture("unicode-text-utf16le.txt"),
        &no_choices(),
    )
    .expect("read");
    assert_eq!(report.encoding, Encoding::Utf16Le);
    assert_eq!(report.separator, b'\t');
    let preview = report.result.expect("imports");
    let rows: Vec<_> = preview
        .rows
        .iter()
        .map(|r| (r.line, r.position.title.as_str(), r.position.start))
        .collect();
    let april = Date::new(2026, 4, 1).expect("date");
    assert_eq!(rows, [(2, "Analyst", april), (3, "Quoted\r\nline", april)]);
    assert_eq!(
        preview.rows[0].position.annual_base,
        Some(Decimal::from(5_400_000))
    );
    assert_eq!(preview.rows[0].position.fte, Decimal::new(5, 1));
}

#[test]
fn lines_are_right_in_cr_only_files() {
    let plan = example();
    let file = "title,team,level,salary,start,status\r\
                A,Platform,Mid,1,2026-04-01,open\r\
                \"Two\rlines\",Platform,Mid,1,2026-04-01,open\r\
                \r\
                B,Platform,Mid,x,2026-04-01,open\r";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    assert_eq!(
        messages(&errors),
        "line 6, column salary: \u{201c}x\u{201d} is not an amount, type digits such as 1,200,000."
    );
}

#[test]
fn dates_and_amounts_in_the_forms_people_write_them() {
    let plan = example();
    let file = "title,team,level,salary,start,end,status,recruiting_fee_pct,age_dependent_burden\n\
                A,platform,MID,900万,2026/4/1,2027/3/31 0:00,Open (hiring),３５％,TRUE\n\
                B,ＰＬＡＴＦＯＲＭ,mid,\"¥1,200,000\",2026年10月1日,,在籍,,対象外\n\
                C,Platform,Mid,(1000),46113,,open,,\n\
                D,Platform,Mid,1,2026/2/30,,open,,\n\
                E,Platform,Mid,1,next month,,open,,maybe\n";
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    assert_eq!(
        messages(&errors),
        "line 4, column salary: The amount cannot be negative.\n\
         line 5, column start: \"2026/2/30\": Feb 2026 has 28 days, there is no day 30\n\
         line 6, column start: \u{201c}next month\u{201d} is not a date: write it as 2026-04-01 or 2026/4/1\n\
         line 6, column age_dependent_burden: \u{201c}maybe\u{201d} is not true or false"
    );
    let good: String = file.lines().take(3).map(|l| format!("{l}\n")).collect();
    let preview = preview_roster(&plan, 0, good.as_bytes()).expect("imports");
    let a = &preview.rows[0].position;
    assert_eq!(a.team, "Platform");
    assert_eq!(a.level, "Mid");
    assert_eq!(a.annual_base, Some(Decimal::from(9_000_000)));
    assert_eq!(a.end, Date::new(2027, 3, 31).ok());
    assert_eq!(a.status, PositionStatus::Open);
    assert_eq!(a.recruiting_fee_pct, Some(Decimal::from(35)));
    assert!(a.age_dependent_burden);
    let b = &preview.rows[1].position;
    assert_eq!(b.team, "Platform");
    assert_eq!(b.start, Date::new(2026, 10, 1).expect("date"));
    assert!(preview.new_teams.is_empty());
}

#[test]
fn a_level_that_does_not_exist_names_those_that_do() {
    let plan = example();
    let file = "title,team,level,salary,start,status\nA,Platform,L9,1,2026-04-01,open\n";
    assert_eq!(
        messages(&preview_roster(&plan, 0, file.as_bytes()).expect_err("refused")),
        "line 2, column level: no level \u{201c}L9\u{201d} on the ladder; it has: Junior, Mid, Senior, Staff, Tech Lead, Engineering Manager, Director"
    );
}

#[test]
fn a_title_neutralised_on_export_with_a_tab_imports_back_exactly() {
    let plan = example();
    let mut tricky = plan.clone();
    tricky.scenarios[0].positions[0].title = "\t=1+1".into();
    tricky.scenarios[0].positions[1].title = "\r@cmd".into();
    tricky.scenarios[0].positions[2].team = "\tPlatform".into();
    tricky.scenarios[0].ensure_team("\tPlatform");
    let bytes = roster_of(&tricky, 0, true);
    let preview = preview_roster(&tricky, 0, &bytes).expect("imports");
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    assert_eq!(preview.unchanged, tricky.scenarios[0].positions.len());
    let mut empty = tricky.clone();
    empty.scenarios[0].positions.clear();
    let preview = preview_roster(&empty, 0, &bytes).expect("imports");
    preview
        .apply(&mut empty.scenarios[0], false)
        .expect("applies");
    assert_eq!(empty.scenarios[0].positions, tricky.scenarios[0].positions);
}

/// Japanese Excel opens an exported roster and saves it as "CSV": Shift_JIS,
/// dates as 2026/4/1, TRUE/FALSE, no byte-order mark. It imports back with
/// nothing to change.
#[test]
fn an_export_resaved_by_japanese_excel_imports_back_unchanged() {
    let mut plan = example();
    plan.scenarios[0].positions[0].title = "エンジニアリング部長".into();
    plan.scenarios[0].positions[1].location = Some("東京".into());
    let bytes = roster_of(&plan, 0, true);
    let resaved = excel_resave(&bytes);
    assert!(std::str::from_utf8(&resaved).is_err(), "Shift_JIS");
    let report = import_roster(&plan, 0, &resaved, &no_choices()).expect("read");
    assert_eq!(report.encoding, Encoding::ShiftJis);
    let preview = report.result.expect("imports");
    assert!(preview.rows.is_empty(), "{:?}", preview.rows);
    assert_eq!(preview.unchanged, plan.scenarios[0].positions.len());
}

/// What Japanese Excel does to a CSV it opens and saves: ISO dates as
/// 2026/4/1, booleans in capitals, Shift_JIS without BOM.
fn excel_resave(bytes: &[u8]) -> Vec<u8> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("record");
        let cells: Vec<String> = record
            .iter()
            .map(|cell| match cell {
                "true" => "TRUE".to_string(),
                "false" => "FALSE".to_string(),
                c if c.len() == 10 && c.as_bytes()[4] == b'-' && c.as_bytes()[7] == b'-' => {
                    let d: Date = c.parse().expect("date");
                    format!("{}/{}/{}", d.year(), d.month(), d.day())
                }
                c => c.to_string(),
            })
            .collect();
        writer.write_record(&cells).expect("write");
    }
    let text = String::from_utf8(writer.into_inner().expect("bytes")).expect("UTF-8");
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    sjis.into_owned()
}

#[test]
fn the_preview_lists_changes_unchanged_and_positions_the_file_no_longer_has() {
    let plan = example();
    let file = "id,title,team,level,salary,start,status\n\
                eng-001,Director of Engineering,Platform,Director,\"19,000,000\",2021-04-01,filled\n\
                new-1,Staff Engineer,Data,Staff,,2026-07-01,open\n";
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports");
    assert_eq!(preview.changed().count(), 1);
    assert_eq!(preview.added().count(), 1);
    let others = plan.scenarios[0].positions.len() - 1;
    assert_eq!(preview.missing.len(), others);
    assert_eq!(preview.count(false), 2);
    assert_eq!(preview.count(true), 2 + others);
    // Without the option, nothing is removed.
    let mut kept = plan.clone();
    preview.apply_to(&mut kept, false).expect("applies");
    assert_eq!(kept.scenarios[0].positions.len(), others + 2);
    // A full sync: the scenario holds what the file lists, in its order.
    let mut synced = plan.clone();
    preview.apply_to(&mut synced, true).expect("applies");
    let ids: Vec<&str> = synced.scenarios[0]
        .positions
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["eng-001", "new-1"]);
    // Applying a preview to a scenario changed since refuses, changing nothing.
    let mut edited = plan.clone();
    edited.scenarios[0].positions[0].fte = Decimal::new(5, 1);
    let before = edited.clone();
    assert_eq!(
        preview.apply_to(&mut edited, false),
        Err(ImportProblem::Stale)
    );
    assert_eq!(edited, before);
}

#[test]
fn a_locked_scenario_refuses_the_import() {
    let mut plan = example();
    plan.scenarios[1].locked_on = Date::new(2026, 3, 31).ok();
    let file = "title,team,level,salary,start,status\nA,Platform,Mid,1,2026-04-01,open\n";
    let errors = preview_roster(&plan, 1, file.as_bytes()).expect_err("locked");
    assert_eq!(
        messages(&errors),
        "scenario \u{201c}Aggressive\u{201d} is locked: unlock it in Scenarios to import into it"
    );
    // The scenario shown, not the first: the unlocked first still imports.
    let preview = preview_roster(&plan, 0, file.as_bytes()).expect("imports into Base");
    assert_eq!(preview.scenario_name, "Base");
    // A preview made before the lock is refused when applied after it.
    let mut unlocked = plan.clone();
    unlocked.scenarios[1].locked_on = None;
    let preview = preview_roster(&unlocked, 1, file.as_bytes()).expect("imports");
    let before = plan.clone();
    assert!(matches!(
        preview.apply_to(&mut plan, false),
        Err(ImportProblem::Locked { .. })
    ));
    assert_eq!(plan, before);
}

#[test]
fn the_template_round_trips_in_each_language() {
    let plan = example();
    for japanese in [false, true] {
        let template = roster_template(&plan, 1, japanese);
        let preview = preview_roster(&plan, 1, &template).expect("the template imports");
        assert_eq!(preview.added().count(), 1);
        assert!(preview.new_teams.is_empty(), "an existing team");
        let mut applied = plan.clone();
        preview.apply_to(&mut applied, false).expect("applies");
        assert!(validate(&applied).is_empty());
        // Every field has a column in the template.
        let report = import_roster(&plan, 1, &template, &no_choices()).expect("read");
        assert!(report.ignored().next().is_none());
    }
}

#[test]
fn a_file_of_only_errors_reports_every_one_in_one_pass() {
    let plan = example();
    let mut file = String::from("title,team,level,salary,start,status\n");
    for _ in 0..1000 {
        file.push_str(",,,x,y,z\n");
    }
    let errors = preview_roster(&plan, 0, file.as_bytes()).expect_err("refused");
    // title, team, level, salary, start, status: six per row.
    assert_eq!(errors.len(), 6000);
    assert_eq!(errors[5999].line, 1001);
}

#[test]
fn reading_in_slices_gives_what_one_call_gives() {
    let plan = example();
    let bytes = fixture("hr-roster-cp932.csv");
    let mut reader = RosterReader::start(&plan, 0, &bytes, &no_choices()).expect("start");
    let mut slices = 0;
    while !reader.read(1) {
        slices += 1;
    }
    while !reader.validate(1) {
        slices += 1;
    }
    assert!(slices >= 3);
    assert_eq!(reader.progress().0, reader.progress().1);
    let sliced = reader.finish();
    let whole = import_roster(&plan, 0, &bytes, &no_choices()).expect("read");
    assert_eq!(sliced, whole);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any bytes at all give a preview or errors, never a panic.
    #[test]
    fn any_bytes_give_a_preview_or_errors(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let plan = example();
        let _ = preview_roster(&plan, 0, &bytes);
    }

    /// Bytes shaped like a roster (a real header, then arbitrary cells with
    /// separators, quotes and line ends) reach the row reader.
    #[test]
    fn any_rows_under_a_real_header_give_a_preview_or_errors(
        rows in prop::collection::vec("[a-zA-Z0-9 ,;\t\"\r\n/年月日万円¥()\\-.]{0,60}", 0..8),
        encoding in 0..3usize,
    ) {
        let plan = example();
        let text = format!("id,title,team,level,salary,start,end,status,fte\r\n{}", rows.join("\r\n"));
        let bytes = match encoding {
            0 => text.into_bytes(),
            1 => encoding_rs::SHIFT_JIS.encode(&text).0.into_owned(),
            _ => [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
        };
        match preview_roster(&plan, 0, &bytes) {
            Ok(preview) => {
                let mut applied = plan.clone();
                preview.apply_to(&mut applied, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(validate(&applied).is_empty());
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }
}
