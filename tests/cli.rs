//! The command-line tool on the example plan and on broken plans.
// Native only: proptest, files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const CLI: &str = env!("CARGO_BIN_EXE_fleetplan-cli");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-plan.json");

fn run(args: &[&str]) -> Output {
    Command::new(CLI).args(args).output().expect("the CLI runs")
}

fn run_with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(CLI)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the CLI ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 errors")
}

#[test]
fn validates_the_example_plan() {
    let out = run(&["validate", EXAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("valid, 2 scenario(s)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn forecasts_the_ledger_as_crlf_csv() {
    let out = run(&["forecast", EXAMPLE, "--scenario", "Base", "--no-bom"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("scenario,fiscal_year,month,team,source,source_id,name,category,component,amount")
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    // The director: 18,000,000 raised 3.7 % in April 2026 → 18,666,000 ÷ 12 = 1,555,500.
    assert!(
        text.contains(
            "Base,FY2026,2026-04,Platform,position,eng-001,Director of Engineering,base,,1555500\r\n"
        ),
        "{text:.2000}"
    );
    // Health insurance on the capped 1,390,000: × 4.955 % = 68,874.5 → 68,875.
    assert!(text.contains(
        "eng-001,Director of Engineering,burden,\"Health insurance (Kyokai Kenpo, Tokyo)\",68875\r\n"
    ));
    assert!(text.lines().skip(1).all(|l| l.starts_with("Base,")));
    // Yen amounts have no decimals.
    assert!(
        text.lines()
            .skip(1)
            .all(|l| !l.rsplit(',').next().unwrap_or("").contains('.'))
    );

    let all = stdout(&run(&["forecast", EXAMPLE, "--no-bom"]));
    assert!(all.contains("\r\nAggressive,FY2026,2026-04,"));
    assert!(all.len() > text.len());
}

#[test]
fn forecasts_fiscal_year_summaries() {
    let out = run(&["forecast", EXAMPLE, "--summary", "--no-bom"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header
            .starts_with("scenario,fiscal_year,first_month,months,partial,team,base,bonus,burden,")
    );
    assert!(header.contains(",total,heads_at_end,fte_at_end,hires,departures,average_fte,cost_per_engineer,cloud_per_engineer,base_account_code,"));
    assert!(header.ends_with(",cloud_account_code,cloud_account_name,unit"));
    // Two full fiscal years per scenario, each with a scenario row, 3 teams and "(no team)".
    assert_eq!(text.lines().count(), 1 + 2 * 2 * 5);
    assert!(text.contains("\r\nBase,FY2026,2026-04,12,false,,"));
    assert!(text.contains("\r\nAggressive,FY2027,2027-04,12,false,Data,"));
}

#[test]
fn compares_scenarios_with_a_base() {
    let out = run(&["compare", EXAMPLE, "--base", "Base", "--no-bom"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("fiscal_year,partial,scenario,base_scenario,base,bonus,"));
    assert!(lines[0].contains(",total,difference,difference_pct,difference_base,"));
    assert_eq!(lines.len(), 1 + 2 * 2);
    assert!(lines[1].starts_with("FY2026,false,Base,Base,"));
    // Differences from the base: the total, %, then each of the 10 categories;
    // then hires, average FTE, cost and cloud per engineer per year, and the
    // assumptions and what-ifs (docs/csv.md).
    assert!(lines[1].contains(",0,0.00,0,0,0,0,0,0,0,0,0,0,"));
    assert!(lines[1].ends_with(",2,9.468011,29515715,13073202,3.7,10,1.5,2.5,0,0,0,,0,"));
    assert!(lines[2].starts_with("FY2026,false,Aggressive,Base,"));
}

#[test]
fn a_broken_plan_names_the_field_and_fails() {
    let example = std::fs::read_to_string(EXAMPLE).expect("example plan");
    let broken = example.replacen("\"fte\": \"0.8\"", "\"fte\": \"1.8\"", 1);
    assert_ne!(broken, example);
    let out = run_with_stdin(&["validate", "-"], &broken);
    assert_eq!(out.status.code(), Some(1));
    let errors = stderr(&out);
    assert!(
        errors.contains(
            "plan.scenarios[0].positions[6].fte: FTE must be above 0 and at most 1, not 1.8"
        ),
        "{errors}"
    );
    assert!(stdout(&out).is_empty());

    let impossible = example.replacen("\"2026-10-16\"", "\"2026-02-30\"", 1);
    let out = run_with_stdin(&["forecast", "-"], &impossible);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("plan.scenarios[0].positions[9].start: \"2026-02-30\": Feb 2026 has 28 days"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &[][..],
        &["forecast"][..],
        &["frobnicate", EXAMPLE][..],
        &["compare", EXAMPLE][..],
        &["validate", EXAMPLE, "--summary"][..],
        &["forecast", EXAMPLE, "--scenario"][..],
        &["export", EXAMPLE][..],
        &["export", EXAMPLE, "--kind", "payroll"][..],
        &["export", EXAMPLE, "--kind", "comparison"][..],
        &["export", EXAMPLE, "--kind", "ledger", "--base", "Base"][..],
        &["export", EXAMPLE, "--kind", "ledger", "--bom", "--no-bom"][..],
        &["export", EXAMPLE, "--kind", "ledger", "-o"][..],
        &["validate", EXAMPLE, "--bom"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage:"), "{args:?}");
    }
}

#[test]
fn unknown_scenarios_and_files_fail_with_1() {
    let out = run(&["forecast", EXAMPLE, "--scenario", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("no scenario named \u{201c}Nope\u{201d}; the plan has: Base, Aggressive")
    );
    let out = run(&["validate", "/nonexistent/plan.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the file"));
}

fn example_plan() -> fleetplan::model::Plan {
    let text = std::fs::read_to_string(EXAMPLE).expect("example plan");
    fleetplan::format::plan_json::read_plan_file(&text).expect("valid")
}

#[test]
fn export_writes_the_same_bytes_as_the_library() {
    use fleetplan::format::export::{self, ExportOptions};
    let plan = example_plan();
    let base = plan.scenario_index("Base").expect("Base");
    let aggressive = plan.scenario_index("Aggressive").expect("Aggressive");
    let with = |scenario, bom| ExportOptions { scenario, bom };
    let cases: Vec<(Vec<&str>, Vec<u8>)> = vec![
        (
            vec!["export", EXAMPLE, "--kind", "ledger"],
            export::ledger(&plan, with(None, true)).expect("ledger"),
        ),
        (
            vec![
                "export",
                EXAMPLE,
                "--kind",
                "ledger",
                "--scenario",
                "Aggressive",
                "--no-bom",
            ],
            export::ledger(&plan, with(Some(aggressive), false)).expect("ledger"),
        ),
        (
            vec!["export", EXAMPLE, "--kind", "summary"],
            export::summary(&plan, with(None, true)).expect("summary"),
        ),
        (
            vec!["export", EXAMPLE, "--kind", "roster", "--scenario", "Base"],
            export::roster(&plan, with(Some(base), true)).expect("roster"),
        ),
        (
            vec![
                "export",
                EXAMPLE,
                "--kind",
                "comparison",
                "--base",
                "Aggressive",
                "--no-bom",
            ],
            export::comparison(&plan, aggressive, with(None, false)).expect("comparison"),
        ),
        (
            vec!["forecast", EXAMPLE],
            export::ledger(&plan, with(None, true)).expect("ledger"),
        ),
        (
            vec!["compare", EXAMPLE, "--base", "Base"],
            export::comparison(&plan, base, with(None, true)).expect("comparison"),
        ),
    ];
    for (args, expected) in cases {
        let out = run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(out.stdout == expected, "{args:?}: bytes differ");
    }
}

#[test]
fn export_starts_with_a_bom_for_yen_unless_told_not_to() {
    let bom = b"\xEF\xBB\xBF";
    let out = run(&["export", EXAMPLE, "--kind", "summary"]);
    assert!(out.stdout.starts_with(bom));
    let out = run(&["export", EXAMPLE, "--kind", "summary", "--no-bom"]);
    assert!(out.stdout.starts_with(b"scenario,"));
    let example = std::fs::read_to_string(EXAMPLE).expect("example plan");
    let usd = example.replacen("\"currency\": \"JPY\"", "\"currency\": \"USD\"", 1);
    assert_ne!(usd, example);
    let out = run_with_stdin(&["export", "-", "--kind", "roster"], &usd);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"scenario,id,title,"));
    assert!(stdout(&out).contains(",18000000.00,"), "{}", stdout(&out));
    let out = run_with_stdin(&["export", "-", "--kind", "roster", "--bom"], &usd);
    assert!(out.stdout.starts_with(bom));
}

#[test]
fn export_writes_to_a_file_with_o() {
    let dir = std::env::temp_dir().join(format!("fleetplan-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("roster.csv");
    let path_text = path.to_str().expect("UTF-8 path");
    let out = run(&["export", EXAMPLE, "--kind", "roster", "-o", path_text]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&path).expect("the file");
    let stdout = run(&["export", EXAMPLE, "--kind", "roster"]).stdout;
    assert_eq!(written, stdout);
    let _ = std::fs::remove_dir_all(&dir);

    let out = run(&[
        "export",
        EXAMPLE,
        "--kind",
        "roster",
        "-o",
        "/nonexistent/dir/x.csv",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write /nonexistent/dir/x.csv"));
}

/// `kind,name,amount` rows of a bridge, after the header.
fn bridge_rows(text: &str) -> Vec<(String, String, i128)> {
    let mut lines = text.split("\r\n");
    assert_eq!(lines.next(), Some("kind,name,amount"));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (rest, amount) = l.rsplit_once(',').expect("three cells");
            let (kind, name) = rest.split_once(',').expect("three cells");
            (
                kind.to_string(),
                name.to_string(),
                amount.parse().expect("an amount"),
            )
        })
        .collect()
}

#[test]
fn bridges_two_scenarios_by_category_and_team() {
    let out = run(&[
        "bridge",
        EXAMPLE,
        "--base",
        "Base",
        "--other",
        "Aggressive",
        "--year",
        "FY2026",
        "--no-bom",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = bridge_rows(&stdout(&out));
    let total = |name: &str| {
        rows.iter()
            .find(|(k, n, _)| k == "total" && n == name)
            .map(|r| r.2)
            .expect("a total row")
    };
    let sum = |kind: &str| -> i128 { rows.iter().filter(|r| r.0 == kind).map(|r| r.2).sum() };
    let difference = total("other") - total("base");
    assert_eq!(sum("category"), difference);
    assert_eq!(sum("team"), difference);
    assert_eq!(
        rows.first().map(|r| (r.0.as_str(), r.1.as_str())),
        Some(("total", "base"))
    );
    assert_eq!(
        rows.last().map(|r| (r.0.as_str(), r.1.as_str())),
        Some(("total", "other"))
    );
    let names: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        &names[1..11],
        [
            "Base salary",
            "Bonuses",
            "Employer burden",
            "Benefits per head",
            "Recruiting",
            "Tools",
            "Equipment & onboarding",
            "Training",
            "Other costs",
            "Cloud"
        ]
    );
    assert_eq!(names[names.len() - 2], "No team");

    // The totals are the comparison's FY2026 totals.
    let compared = run(&["compare", EXAMPLE, "--base", "Base", "--no-bom"]);
    let text = stdout(&compared);
    let aggressive = text
        .lines()
        .find(|l| l.starts_with("FY2026,false,Aggressive,Base,"))
        .expect("the comparison row");
    let cells: Vec<&str> = aggressive.split(',').collect();
    // fiscal_year, partial, scenario, base_scenario, 10 categories, total, difference.
    assert_eq!(cells[14].parse::<i128>().unwrap(), total("other"));
    assert_eq!(cells[15].parse::<i128>().unwrap(), difference);

    // Without --year: the whole horizon, a larger difference than one year's.
    let whole = run(&["bridge", EXAMPLE, "--base", "Base", "--other", "Aggressive"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    assert!(
        stdout(&whole).starts_with('\u{feff}'),
        "JPY plans get a BOM by default"
    );
    let rows = bridge_rows(stdout(&whole).trim_start_matches('\u{feff}'));
    let whole_difference = rows.last().unwrap().2 - rows[0].2;
    assert!(
        whole_difference > difference,
        "{whole_difference} vs {difference}"
    );
}

#[test]
fn a_bridge_needs_two_known_scenarios_and_a_year_of_the_horizon() {
    let out = run(&["bridge", EXAMPLE, "--base", "Base"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bridge needs --base NAME and --other NAME"));
    let out = run(&["bridge", EXAMPLE, "--base", "Base", "--other", "Lean"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no scenario named \u{201c}Lean\u{201d}"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "bridge",
        EXAMPLE,
        "--base",
        "Base",
        "--other",
        "Aggressive",
        "--year",
        "2026-27",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "bridge",
        EXAMPLE,
        "--base",
        "Base",
        "--other",
        "Aggressive",
        "--year",
        "FY2031",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("FY2031 is not a fiscal year of the horizon"));
    let out = run(&["forecast", EXAMPLE, "--other", "Aggressive"]);
    assert_eq!(out.status.code(), Some(2));
}
