//! The command-line tool on the example plan and on broken plans.

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
    let out = run(&["forecast", EXAMPLE, "--scenario", "Base"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("scenario,month,team,source,position_id,name,category,component,amount")
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    // The director: 18,000,000 raised 3.7 % in April 2026 → 18,666,000 ÷ 12 = 1,555,500.
    assert!(
        text.contains(
            "Base,2026-04,Platform,position,eng-001,Director of Engineering,base,,1555500\r\n"
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

    let all = stdout(&run(&["forecast", EXAMPLE]));
    assert!(all.contains("\r\nAggressive,2026-04,"));
    assert!(all.len() > text.len());
}

#[test]
fn forecasts_fiscal_year_summaries() {
    let out = run(&["forecast", EXAMPLE, "--summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header
            .starts_with("scenario,fiscal_year,first_month,months,partial,team,base,bonus,burden,")
    );
    assert!(header.ends_with(",total,heads_at_end,fte_at_end,hires,departures,average_fte,cost_per_engineer,cloud_per_engineer"));
    // Two full fiscal years per scenario, each with a scenario row, 3 teams and "(no team)".
    assert_eq!(text.lines().count(), 1 + 2 * 2 * 5);
    assert!(text.contains("\r\nBase,FY2026,2026-04,12,false,,"));
    assert!(text.contains("\r\nAggressive,FY2027,2027-04,12,false,Data,"));
}

#[test]
fn compares_scenarios_with_a_base() {
    let out = run(&["compare", EXAMPLE, "--base", "Base"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("fiscal_year,partial,scenario,base_scenario,base,bonus,"));
    assert!(lines[0].ends_with(",total,difference,difference_pct"));
    assert_eq!(lines.len(), 1 + 2 * 2);
    assert!(lines[1].starts_with("FY2026,false,Base,Base,"));
    assert!(lines[1].ends_with(",0,0.00"));
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
