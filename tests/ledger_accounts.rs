//! The ledger's account columns (勘定科目): each row books under its line's
//! own account (a burden component, per-head cost, other cost or cloud
//! line mapped by name), else its category's; a plan without accounts
//! keeps its columns; the size estimate, the chunked writer and the
//! command line give the same bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use fleetplan::format::export::{
    self, ExportChunks, ExportKind, ExportOptions, ExportRequest, LEDGER_COLUMNS, Step,
};
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::model::accounts::{Account, LineKind, japan_accounts};
use fleetplan::model::{PerHeadCost, Plan};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");
const CLI: &str = env!("CARGO_BIN_EXE_fleetplan-cli");

fn no_bom() -> ExportOptions {
    ExportOptions {
        scenario: None,
        bom: false,
    }
}

/// The example plan with the Japan preset's accounts in its first
/// scenario only, a code typed for base pay, and accounts of their own
/// for its first burden component, per-head cost, other cost and cloud
/// line. The names those lines have, in that order.
fn plan_with_line_accounts() -> (Plan, [String; 4]) {
    let mut plan = read_plan_file(EXAMPLE).expect("the example plan reads");
    let s = &mut plan.scenarios[0];
    // Two per-head costs, so one keeps the category's account.
    for (name, monthly) in [("企業型DC", 20_000), ("Welfare", 3_000)] {
        s.people.per_head.push(PerHeadCost {
            name: name.into(),
            monthly: monthly.into(),
            currency: None,
            teams: Vec::new(),
            contractors: false,
        });
    }
    let names = [
        s.people.burden[0].name.clone(),
        s.people
            .per_head
            .first()
            .expect("a per-head cost")
            .name
            .clone(),
        s.other_costs.first().expect("an other cost").name.clone(),
        s.cloud.lines.first().expect("a cloud line").name.clone(),
    ];
    s.accounts = japan_accounts();
    s.accounts.set_category(
        fleetplan::model::Category::Base,
        Account::new("5110", "給料手当"),
    );
    let own = [
        (LineKind::Burden, "6210", "法定福利費（健保）"),
        (LineKind::PerHead, "6120", "退職給付費用"),
        (LineKind::OtherCost, "6400", "地代家賃"),
        (LineKind::CloudLine, "6155", "クラウド利用料"),
    ];
    for ((kind, code, name), line) in own.into_iter().zip(&names) {
        s.accounts.set_line(kind, line, Account::new(code, name));
    }
    (plan, names)
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

#[test]
fn each_row_books_under_its_lines_account_else_its_categorys() {
    let (plan, [burden, per_head, other, cloud]) = plan_with_line_accounts();
    let bytes = export::ledger(&plan, no_bom()).expect("the ledger exports");
    let (header, rows) = table(&bytes);
    let mut want_header: Vec<String> = LEDGER_COLUMNS.iter().map(|c| c.to_string()).collect();
    want_header.extend(["account_code".to_string(), "account_name".to_string()]);
    assert_eq!(header, want_header);
    let first = &plan.scenarios[0].name;
    // What each kind of row was seen with: [own line account, category's].
    let mut seen = std::collections::BTreeMap::<&str, [usize; 2]>::new();
    for row in &rows {
        let (source, name, category, component) = (&row[4], &row[6], &row[7], &row[8]);
        let account = (row[10].as_str(), row[11].as_str());
        if &row[0] != first {
            // The other scenario has no accounts: the columns are there, empty.
            assert_eq!(account, ("", ""), "{row:?}");
            continue;
        }
        let own = if category == "burden" && component == &burden {
            Some(("6210", "法定福利費（健保）"))
        } else if category == "benefits" && component == &per_head {
            Some(("6120", "退職給付費用"))
        } else if source == "other_cost" && name == &other {
            Some(("6400", "地代家賃"))
        } else if source == "cloud_line" && name == &cloud {
            Some(("6155", "クラウド利用料"))
        } else {
            None
        };
        let kind = match own {
            Some(_) if source == "other_cost" => "other cost",
            Some(_) if source == "cloud_line" => "cloud line",
            Some(_) => category.as_str(),
            None => "by category",
        };
        let by_category = match category.as_str() {
            "base" => ("5110", "給料手当"),
            "bonus" => ("", "賞与"),
            "burden" => ("", "法定福利費"),
            "benefits" => ("", "福利厚生費"),
            "recruiting" => ("", "採用教育費"),
            "tools" => ("", "支払手数料"),
            "equipment" => ("", "消耗品費"),
            "training" => ("", "研修費"),
            "other" => ("", "雑費"),
            "cloud" => ("", "通信費"),
            other => panic!("category {other}"),
        };
        assert_eq!(account, own.unwrap_or(by_category), "{row:?}");
        seen.entry(kind).or_default()[usize::from(own.is_none())] += 1;
    }
    for kind in [
        "burden",
        "benefits",
        "other cost",
        "cloud line",
        "by category",
    ] {
        assert!(
            seen.get(kind).is_some_and(|n| n[0] + n[1] > 0),
            "no {kind} row: {seen:?}"
        );
    }
    // Other burden components than the mapped one take the category's.
    assert!(
        rows.iter()
            .any(|r| &r[0] == first && r[7] == "burden" && r[11] == "法定福利費"),
        "an unmapped burden component books under 法定福利費"
    );
}

#[test]
fn a_plan_without_accounts_keeps_its_columns() {
    let plan = read_plan_file(EXAMPLE).expect("the example plan reads");
    assert!(plan.scenarios.iter().all(|s| s.accounts.is_empty()));
    let (header, _) = table(&export::ledger(&plan, no_bom()).unwrap());
    assert_eq!(header, LEDGER_COLUMNS.to_vec());
}

#[test]
fn the_estimate_and_the_chunks_count_the_account_columns() {
    let (plan, _) = plan_with_line_accounts();
    let request = ExportRequest::new(ExportKind::Ledger, no_bom());
    let whole = export::ledger(&plan, no_bom()).unwrap();
    let estimate = export::estimate(&plan, &request).unwrap();
    assert!(estimate.exact, "the example plan is counted row by row");
    assert_eq!(estimate.bytes, whole.len() as u64);
    let mut chunks = ExportChunks::new(&plan, &request).unwrap();
    let mut pieces = Vec::new();
    loop {
        match chunks.step() {
            Step::Chunk(bytes) => pieces.extend(bytes),
            Step::Working => {}
            Step::Done => break,
        }
    }
    assert_eq!(pieces, whole);
}

#[test]
fn the_command_line_writes_the_same_ledger() {
    let (plan, _) = plan_with_line_accounts();
    let dir =
        std::env::temp_dir().join(format!("fleetplan-ledger-accounts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.json");
    std::fs::write(&path, write_plan_file(&plan)).unwrap();
    let out = Command::new(CLI)
        .args(["export", path.to_str().unwrap(), "--kind", "ledger"])
        .output()
        .expect("the CLI runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = export::ledger(
        &plan,
        ExportOptions {
            scenario: None,
            bom: true,
        },
    )
    .unwrap();
    assert_eq!(out.stdout, want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_ledger_with_accounts_imports_back_as_the_same_actuals() {
    use fleetplan::format::actuals::{ActualsMapping, ColumnUse, preview_actuals};
    // "account_name" is also a name the actuals import knows for a
    // category column: the ledger's own `category` column, first, is read.
    let (plan, _) = plan_with_line_accounts();
    let mut without = plan.clone();
    without.scenarios[0].accounts = Default::default();
    let one = ExportOptions {
        scenario: Some(0),
        bom: true,
    };
    let with_accounts = export::ledger(&plan, one).unwrap();
    let plain = export::ledger(&without, one).unwrap();
    assert_ne!(with_accounts, plain);
    let read = |bytes: &[u8]| preview_actuals(&plan, bytes, &ActualsMapping::default()).unwrap();
    let (a, b) = (read(&with_accounts), read(&plain));
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    assert!(!a.amounts.is_empty());
    assert_eq!(a.amounts, b.amounts);
    let category = a
        .columns
        .iter()
        .position(|c| {
            c.used_as == ColumnUse::Field(fleetplan::format::actuals::ActualsField::Category)
        })
        .expect("a category column");
    assert_eq!(a.columns[category].header, "category");
}
