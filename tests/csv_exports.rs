//! The CSV exports on the example plan: byte-for-byte golden files, the
//! byte-order mark, formula injection, file names, and totals that add up.
//!
//! `UPDATE_GOLDEN=1 cargo test --test csv_exports` rewrites tests/golden/.
// Native only: proptest, files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use fleetplan::format::export::{
    self, BOM, ExportKind, ExportOptions, default_bom, file_name, text_cell,
};
use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::{Date, Plan, generate_plan};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

fn example() -> Plan {
    read_plan_file(EXAMPLE).expect("the example plan reads")
}

fn no_bom() -> ExportOptions {
    ExportOptions {
        scenario: None,
        bom: false,
    }
}

fn check_golden(name: &str, bytes: &[u8]) {
    let path = format!("{GOLDEN}/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(GOLDEN).expect("create tests/golden");
        std::fs::write(&path, bytes).expect("write the golden file");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run with UPDATE_GOLDEN=1 to create it"));
    if expected != bytes {
        let at = expected
            .iter()
            .zip(bytes)
            .position(|(a, b)| a != b)
            .unwrap_or(expected.len().min(bytes.len()));
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        panic!(
            "{name} differs from its golden file from byte {at} (line {line}; {} vs {} bytes); \
             if the change is intended, run UPDATE_GOLDEN=1 cargo test --test csv_exports",
            bytes.len(),
            expected.len()
        );
    }
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn every_export_matches_its_golden_file() {
    let plan = example();
    let base = plan.scenario_index("Base").expect("Base");
    check_golden(
        "example-ledger.csv",
        &export::ledger(&plan, no_bom()).expect("ledger"),
    );
    check_golden(
        "example-summary.csv",
        &export::summary(&plan, no_bom()).expect("summary"),
    );
    check_golden(
        "example-roster.csv",
        &export::roster(&plan, no_bom()).expect("roster"),
    );
    check_golden(
        "example-comparison.csv",
        &export::comparison(&plan, base, no_bom()).expect("comparison"),
    );
}

#[test]
fn files_are_crlf_with_a_header_first() {
    let plan = example();
    for bytes in [
        export::ledger(&plan, no_bom()).expect("ledger"),
        export::summary(&plan, no_bom()).expect("summary"),
        export::roster(&plan, no_bom()).expect("roster"),
        export::comparison(&plan, 0, no_bom()).expect("comparison"),
    ] {
        let text = text(&bytes);
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF");
        let first = text.split("\r\n").next().unwrap_or_default();
        assert!(
            first.starts_with("scenario,") || first.starts_with("fiscal_year,"),
            "{first}"
        );
    }
}

#[test]
fn the_bom_is_on_by_default_for_yen_and_japanese() {
    let mut plan = example();
    assert!(default_bom(&plan, false));
    let with = export::ledger(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: true,
        },
    )
    .expect("ledger");
    let without = export::ledger(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: false,
        },
    )
    .expect("ledger");
    assert_eq!(&with[..3], BOM);
    assert_eq!(&with[3..], &without[..]);
    assert_eq!(&without[..9], b"scenario,");
    for kind in ExportKind::ALL {
        let bytes = match kind {
            ExportKind::Ledger => export::ledger(&plan, no_bom()),
            ExportKind::Summary => export::summary(&plan, no_bom()),
            ExportKind::Roster => export::roster(&plan, no_bom()),
            ExportKind::Comparison => export::comparison(&plan, 0, no_bom()),
            ExportKind::Pivot => {
                fleetplan::format::pivot::pivot(&plan, no_bom(), Default::default())
            }
        }
        .expect("export");
        assert!(!bytes.starts_with(BOM), "{kind:?}");
    }
    plan.currency = "USD".into();
    assert!(!default_bom(&plan, false));
    assert!(default_bom(&plan, true));
}

#[test]
fn formula_cells_are_neutralised_but_numbers_are_not() {
    for (cell, expected) in [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+81 3 1234", "'+81 3 1234"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("Platform", "Platform"),
        ("a=b", "a=b"),
        ("", ""),
        ("データ基盤", "データ基盤"),
    ] {
        assert_eq!(text_cell(cell), expected, "{cell:?}");
    }

    let mut plan = example();
    let s = &mut plan.scenarios[0];
    s.positions[0].title = "=HYPERLINK(\"http://evil\",\"x\")".into();
    s.positions[1].id = "@id".into();
    s.people.burden[0].name = "-burden".into();
    let team = s.teams[0].name.clone();
    for p in &mut s.positions {
        if p.team == team {
            p.team = "+Team".into();
        }
    }
    for c in &mut s.other_costs {
        if c.team.as_deref() == Some(team.as_str()) {
            c.team = Some("+Team".into());
        }
    }
    for t in &mut s.tools {
        for name in &mut t.teams {
            if *name == team {
                *name = "+Team".into();
            }
        }
    }
    s.teams[0].name = "+Team".into();
    s.name = "=Base".into();
    let options = ExportOptions {
        scenario: Some(0),
        bom: false,
    };
    let ledger = export::ledger(&plan, options).expect("ledger");
    let ledger = text(&ledger);
    assert!(ledger.contains("\r\n'=Base,FY2026,2026-04,'+Team,position,eng-001,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",base,,"));
    assert!(ledger.contains(",position,'@id,"));
    assert!(ledger.contains(",burden,'-burden,"));
    for kind in ExportKind::ALL {
        let bytes = match kind {
            ExportKind::Ledger => export::ledger(&plan, options),
            ExportKind::Summary => export::summary(&plan, options),
            ExportKind::Roster => export::roster(&plan, options),
            ExportKind::Comparison => export::comparison(&plan, 0, options),
            ExportKind::Pivot => {
                fleetplan::format::pivot::pivot(&plan, options, Default::default())
            }
        }
        .expect("export");
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        for record in reader.records() {
            for cell in &record.expect("record") {
                let dangerous = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<i128>().is_err());
                assert!(!dangerous, "{kind:?}: {cell:?}");
            }
        }
    }

    // A negative amount stays a number.
    let base = plan.scenario_index("Aggressive").expect("Aggressive");
    let comparison = export::comparison(&plan, base, no_bom()).expect("comparison");
    let comparison = text(&comparison);
    assert!(
        comparison
            .lines()
            .any(|l| l.contains(",-") && !l.contains(",'-")),
        "{comparison}"
    );
}

#[test]
fn file_names_say_what_the_file_is() {
    let mut plan = example();
    let day = Date::new(2026, 11, 24).expect("date");
    plan.name = "FY2026 budget".into();
    assert_eq!(
        file_name(&plan, Some(0), ExportKind::Ledger, day),
        "FY2026-budget_Base_ledger_2026-11-24.csv"
    );
    assert_eq!(
        file_name(&plan, None, ExportKind::Summary, day),
        "FY2026-budget_all-scenarios_summary_2026-11-24.csv"
    );
    plan.name = "2026年度 予算: 本部/開発?".into();
    plan.scenarios[1].name = "Aggressive*".into();
    assert_eq!(
        file_name(&plan, Some(1), ExportKind::Roster, day),
        "2026年度-予算-本部-開発_Aggressive_roster_2026-11-24.csv"
    );
    plan.name = "...".into();
    assert_eq!(
        file_name(&plan, Some(0), ExportKind::Comparison, day),
        "plan_Base_comparison_2026-11-24.csv"
    );
}

/// Minor units of a plain amount ("1234.50" → 123450), exactly.
fn minor(text: &str) -> i128 {
    text.replace('.', "")
        .parse()
        .unwrap_or_else(|_| panic!("{text:?}"))
}

fn ledger_equals_summary(plan: &Plan) {
    let ledger = export::ledger(plan, no_bom()).expect("ledger");
    let summary = export::summary(plan, no_bom()).expect("summary");
    // (scenario, fiscal year, team) → per category and total.
    let mut from_ledger: BTreeMap<(String, String, String), BTreeMap<String, i128>> =
        BTreeMap::new();
    let mut reader = csv::Reader::from_reader(&ledger[..]);
    for record in reader.records() {
        let r = record.expect("ledger row");
        let amount = minor(&r[9]);
        let team = if r[3].is_empty() { "(no team)" } else { &r[3] };
        for key in [
            (r[0].to_string(), r[1].to_string(), String::new()),
            (r[0].to_string(), r[1].to_string(), team.to_string()),
        ] {
            let e = from_ledger.entry(key).or_default();
            *e.entry(r[7].to_string()).or_default() += amount;
            *e.entry("total".into()).or_default() += amount;
        }
    }
    let mut reader = csv::Reader::from_reader(&summary[..]);
    let header = reader.headers().expect("header").clone();
    let mut checked = 0;
    for record in reader.records() {
        let r = record.expect("summary row");
        let key = (r[0].to_string(), r[1].to_string(), r[5].to_string());
        let sums = from_ledger.remove(&key).unwrap_or_default();
        for (i, column) in header.iter().enumerate().skip(6).take(10) {
            assert_eq!(
                minor(&r[i]),
                sums.get(column).copied().unwrap_or(0),
                "{key:?} {column}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
    assert!(from_ledger.is_empty(), "{:?}", from_ledger.keys());
}

#[test]
fn the_ledger_adds_up_to_the_summary_to_the_minor_unit() {
    ledger_equals_summary(&example());
    let mut usd = generate_plan(40, 30, 2, 7);
    usd.currency = "USD".into();
    if fleetplan::model::validate(&usd).is_empty() {
        ledger_equals_summary(&usd);
    }
    ledger_equals_summary(&generate_plan(40, 30, 2, 7));
}

#[test]
fn the_roster_costs_add_up_to_the_positions_ledger_rows() {
    let plan = example();
    let roster = export::roster(&plan, no_bom()).expect("roster");
    let ledger = export::ledger(&plan, no_bom()).expect("ledger");
    let mut expected: BTreeMap<(String, String, String), i128> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(&ledger[..]);
    for record in reader.records() {
        let r = record.expect("row");
        if &r[4] == "position" {
            *expected
                .entry((r[0].to_string(), r[5].to_string(), r[1].to_string()))
                .or_default() += minor(&r[9]);
        }
    }
    let mut reader = csv::Reader::from_reader(&roster[..]);
    let header = reader.headers().expect("header").clone();
    let mut rows = 0;
    for record in reader.records() {
        let r = record.expect("row");
        rows += 1;
        for (i, column) in header.iter().enumerate() {
            if let Some(year) = column.strip_prefix("cost_") {
                let key = (r[0].to_string(), r[1].to_string(), year.to_string());
                assert_eq!(
                    minor(&r[i]),
                    expected.get(&key).copied().unwrap_or(0),
                    "{key:?}"
                );
            }
        }
    }
    let positions: usize = plan.scenarios.iter().map(|s| s.positions.len()).sum();
    assert_eq!(rows, positions);
}

#[test]
fn a_missing_scenario_is_an_error_not_a_panic() {
    let plan = example();
    let options = ExportOptions {
        scenario: Some(9),
        bom: false,
    };
    assert!(export::ledger(&plan, options).is_err());
    assert!(export::summary(&plan, options).is_err());
    assert!(export::roster(&plan, options).is_err());
    assert!(export::comparison(&plan, 9, no_bom()).is_err());
}

#[test]
fn names_with_commas_quotes_and_line_breaks_survive_the_ledger() {
    let mut plan = example();
    let s = &mut plan.scenarios[0];
    s.positions[0].title = "Lead, \"Platform\"\r\nand データ".into();
    s.positions[0].id = "a,b".into();
    s.other_costs[0].name = "Rent\nshare".into();
    s.name = "基本, case".into();
    let bytes = export::ledger(
        &plan,
        ExportOptions {
            scenario: Some(0),
            bom: false,
        },
    )
    .expect("ledger");
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    let mut titles = 0;
    let mut rent = 0;
    for record in reader.records() {
        let r = record.expect("10 cells");
        assert_eq!(r.len(), 10);
        assert_eq!(&r[0], "基本, case");
        if &r[5] == "a,b" {
            assert_eq!(&r[6], "Lead, \"Platform\"\r\nand データ");
            titles += 1;
        }
        if &r[6] == "Rent\nshare" {
            rent += 1;
        }
    }
    assert!(titles > 0 && rent > 0);
}
