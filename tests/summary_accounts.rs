//! The fiscal-year summary's accounts, units and Japanese labels: each
//! category's account (勘定科目) as columns, thousands and millions rounded
//! half away from zero from the exact figures (a total is the exact total
//! rounded, not the rounded categories added up), the unit stated on every
//! row, Japanese headers, and the command line writing the same bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use fleetplan::format::export::{self, ExportKind, ExportOptions, ExportRequest, SummaryOptions};
use fleetplan::format::pivot::Labels;
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::model::accounts::{Account, LineKind, japan_accounts};
use fleetplan::model::units::Unit;
use fleetplan::model::{Category, Plan};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");
const CLI: &str = env!("CARGO_BIN_EXE_fleetplan-cli");

fn no_bom() -> ExportOptions {
    ExportOptions {
        scenario: None,
        bom: false,
    }
}

/// The example plan with the Japan preset's accounts and two codes typed
/// in the first scenario (one of them where a spreadsheet would see a
/// formula).
fn plan_with_accounts() -> Plan {
    let mut plan = read_plan_file(EXAMPLE).expect("the example plan reads");
    for scenario in &mut plan.scenarios {
        scenario.accounts = japan_accounts();
    }
    let accounts = &mut plan.scenarios[0].accounts;
    accounts.set_category(Category::Base, Account::new("5110", "給料手当"));
    accounts.set_category(Category::Cloud, Account::new("-6150", "通信費"));
    plan
}

fn summary(plan: &Plan, unit: Unit, labels: Labels) -> Vec<u8> {
    export::summary_with(plan, no_bom(), SummaryOptions { unit, labels })
        .expect("the summary exports")
}

fn table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn each_row_carries_its_scenarios_accounts() {
    let plan = plan_with_accounts();
    let (header, rows) = table(&summary(&plan, Unit::One, Labels::Keys));
    let code = column(&header, "base_account_code");
    let name = column(&header, "base_account_name");
    let cloud_code = column(&header, "cloud_account_code");
    let bonus_name = column(&header, "bonus_account_name");
    // The accounts come after the figures, the unit last.
    assert_eq!(header[code - 1], "cloud_per_engineer");
    assert_eq!(header.last().map(String::as_str), Some("unit"));
    assert_eq!(header.len(), 24 + 2 * Category::ALL.len() + 1);
    let first = &plan.scenarios[0].name;
    let mut seen = [0, 0];
    for row in &rows {
        assert_eq!(row.len(), header.len());
        assert_eq!(row[bonus_name], "賞与");
        if &row[0] == first {
            seen[0] += 1;
            assert_eq!(row[code], "5110");
            assert_eq!(row[name], "給料手当");
            // A code starting with "-" is text, neutralised as every text cell.
            assert_eq!(row[cloud_code], "'-6150");
        } else {
            seen[1] += 1;
            assert_eq!(row[code], "");
            assert_eq!(row[name], "給料手当");
        }
        assert_eq!(row.last().map(String::as_str), Some("Amounts in ¥, exact"));
    }
    assert!(
        seen[0] > 0 && seen[1] > 0,
        "rows of both scenarios: {seen:?}"
    );
}

#[test]
fn a_line_account_does_not_move_the_category_account() {
    // The summary's columns are categories: a burden component with an
    // account of its own still books inside the burden column, whose
    // account stays the category's.
    let mut plan = plan_with_accounts();
    let component = plan.scenarios[0].people.burden[0].name.clone();
    plan.scenarios[0].accounts.set_line(
        LineKind::Burden,
        &component,
        Account::new("6210", "福利厚生費"),
    );
    let (header, rows) = table(&summary(&plan, Unit::One, Labels::Keys));
    let burden = column(&header, "burden_account_name");
    assert!(rows.iter().all(|r| r[burden] == "法定福利費"));
}

/// Amounts of a summary row, by column, as integers of its unit.
fn figures(header: &[String], row: &[String], names: &[&str]) -> Vec<Option<i128>> {
    names
        .iter()
        .map(|n| row[column(header, n)].parse::<i128>().ok())
        .collect()
}

#[test]
fn thousands_and_millions_round_each_exact_figure_once() {
    let plan = plan_with_accounts();
    let (header, exact) = table(&summary(&plan, Unit::One, Labels::Keys));
    let jpy = plan.currency().unwrap();
    let amounts: Vec<&str> = Category::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(["total", "cost_per_engineer", "cloud_per_engineer"])
        .collect();
    let mut differs = 0;
    for unit in [Unit::Thousand, Unit::Million] {
        let (h, rounded) = table(&summary(&plan, unit, Labels::Keys));
        assert_eq!(h, header, "the columns do not depend on the unit");
        assert_eq!(rounded.len(), exact.len());
        for (e, r) in exact.iter().zip(&rounded) {
            let want: Vec<Option<i128>> = figures(&header, e, &amounts)
                .into_iter()
                .map(|v| v.map(|v| unit.scaled(v, jpy)))
                .collect();
            assert_eq!(figures(&header, r, &amounts), want, "row {e:?}");
            // The total is the exact total rounded; the rounded categories
            // added up may differ from it.
            let categories: i128 = figures(&header, r, &amounts[..Category::ALL.len()])
                .into_iter()
                .flatten()
                .sum();
            let total = figures(&header, r, &["total"])[0].unwrap();
            if categories != total {
                differs += 1;
            }
            // Headcount and the text columns are untouched.
            for name in ["team", "heads_at_end", "fte_at_end", "average_fte"] {
                let i = column(&header, name);
                assert_eq!(r[i], e[i]);
            }
            assert_eq!(
                r.last().unwrap(),
                &format!(
                    "Amounts in {}, rounded to the unit shown",
                    unit.name_en(jpy)
                )
            );
        }
    }
    assert!(
        differs > 0,
        "the example plan has a row whose rounded categories do not add up to its rounded total"
    );
    // Half away from zero: ¥1,940,679,422 is 1,941 in millions, and a
    // figure ending in 500 rounds up in thousands.
    assert_eq!(Unit::Million.plain(1_940_679_422, jpy), "1941");
    assert_eq!(Unit::Thousand.plain(11_500, jpy), "12");
    assert_eq!(Unit::Thousand.plain(-11_500, jpy), "-12");
}

#[test]
fn japanese_headers_and_labels() {
    let plan = plan_with_accounts();
    let bytes = summary(&plan, Unit::Thousand, Labels::Japanese);
    let (header, rows) = table(&bytes);
    assert_eq!(
        header[..7],
        [
            "シナリオ",
            "年度",
            "開始月",
            "月数",
            "一部期間",
            "チーム",
            "基本給"
        ]
        .map(String::from)
    );
    for name in [
        "合計",
        "期末人数",
        "採用数",
        "退職数",
        "科目コード（基本給）",
        "勘定科目（基本給）",
        "勘定科目（クラウド費用）",
        "単位",
    ] {
        column(&header, name);
    }
    assert_eq!(header.last().map(String::as_str), Some("単位"));
    let (keys, key_rows) = table(&summary(&plan, Unit::Thousand, Labels::Keys));
    assert_eq!(header.len(), keys.len());
    let team = column(&header, "チーム");
    assert!(rows.iter().any(|r| r[team] == "チームなし"));
    for (ja, en) in rows.iter().zip(&key_rows) {
        assert!(ja[1].ends_with("年度"), "{}", ja[1]);
        assert!(ja[2].contains('年') && ja[2].ends_with('月'), "{}", ja[2]);
        assert!(ja[4] == "はい" || ja[4] == "いいえ");
        assert_eq!(ja.last().unwrap(), "単位：千円（単位未満四捨五入）");
        // The figures and the accounts are the same as with keys.
        assert_eq!(ja[6..ja.len() - 1], en[6..en.len() - 1]);
    }
}

#[test]
fn the_default_summary_is_the_same_bytes_as_summary() {
    let plan = plan_with_accounts();
    let request = ExportRequest::new(ExportKind::Summary, no_bom());
    assert_eq!(
        export::export(&plan, &request).unwrap(),
        export::summary(&plan, no_bom()).unwrap()
    );
    assert_eq!(
        export::summary(&plan, no_bom()).unwrap(),
        summary(&plan, Unit::One, Labels::Keys)
    );
}

#[test]
fn the_command_line_writes_the_same_bytes() {
    let plan = plan_with_accounts();
    let dir = std::env::temp_dir().join(format!("fleetplan-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.json");
    std::fs::write(&path, write_plan_file(&plan)).unwrap();
    for (args, unit, labels) in [
        (vec![], Unit::One, Labels::Keys),
        (
            vec!["--unit", "thousand", "--labels", "ja"],
            Unit::Thousand,
            Labels::Japanese,
        ),
        (vec!["--unit", "million"], Unit::Million, Labels::Keys),
    ] {
        let out = Command::new(CLI)
            .args(["export", path.to_str().unwrap(), "--kind", "summary"])
            .args(&args)
            .output()
            .expect("the CLI runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The CLI's default byte-order mark is on for a JPY plan.
        let want = export::summary_with(
            &plan,
            ExportOptions {
                scenario: None,
                bom: true,
            },
            SummaryOptions { unit, labels },
        )
        .unwrap();
        assert_eq!(out.stdout, want, "{args:?}");
        // And the command the browser shows for that request names them.
        let mut request = ExportRequest::new(ExportKind::Summary, no_bom());
        request.summary = SummaryOptions { unit, labels };
        let command = export::cli_command(&plan, &request, "plan.json", "out.csv");
        for arg in &args {
            assert!(command.contains(arg), "{command} lacks {arg}");
        }
    }
    // --pivot is the pivot's only.
    let out = Command::new(CLI)
        .args(["export", path.to_str().unwrap(), "--kind", "summary"])
        .args(["--pivot", "month-team"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
