//! `fleetplan-cli import-actuals` and `fleetplan-cli variance`: the same
//! plan and the same bytes as the browser, which calls the same functions.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use fleetplan::format::actuals::{ActualsMapping, preview_actuals};
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::format::variance::variance_csv;
use fleetplan::model::YearMonth;

const EXAMPLE: &str = include_str!("../docs/example-plan.json");
/// Two months of actuals of the example plan, as Japanese Excel saves them
/// (Shift_JIS, Japanese headers, 万 and ▲).
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/actuals/actuals-cp932.csv"
);

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fleetplan-cli"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn import_actuals_and_variance_give_the_library_bytes() {
    let dir = std::env::temp_dir().join(format!("fleetplan-actuals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, EXAMPLE).expect("write");
    let out = dir.join("with-actuals.json");
    let output = cli(&[
        "import-actuals",
        plan_path.to_str().unwrap(),
        FIXTURE,
        "--close",
        "-o",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("closed through 2026-05"), "{stderr}");
    // The library's import of the same bytes gives the same plan file.
    let mut plan = read_plan_file(EXAMPLE).unwrap();
    let bytes = std::fs::read(FIXTURE).unwrap();
    let preview = preview_actuals(&plan, &bytes, &ActualsMapping::default()).unwrap();
    preview.apply(&mut plan, true).unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, write_plan_file(&plan));
    assert_eq!(
        plan.actuals.closed_through,
        Some(YearMonth::new(2026, 5).unwrap())
    );
    assert_eq!(plan.actuals.amounts.len(), 6);

    let output = cli(&["variance", out.to_str().unwrap(), "--budget", "Base"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.stdout, variance_csv(&plan, 0, None, true).unwrap());
    let text = String::from_utf8(output.stdout[3..].to_vec()).unwrap();
    assert!(
        text.contains("\r\nBase,FY2026,2026-05,cloud,(no team),"),
        "{text}"
    );

    let output = cli(&[
        "variance",
        out.to_str().unwrap(),
        "--budget",
        "Aggressive",
        "--year",
        "FY2027",
        "--no-bom",
    ]);
    assert!(output.status.success());
    // FY2027 has no closed month: the header only.
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "budget_scenario,fiscal_year,month,category,team,budget,actual,variance,variance_pct,\
         ytd_budget,ytd_actual,ytd_variance,ytd_variance_pct\r\n"
    );
}

#[test]
fn a_file_with_errors_writes_nothing_and_names_each_line() {
    let dir = std::env::temp_dir().join(format!("fleetplan-actuals-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, EXAMPLE).expect("write");
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "month,category,team,amount\n2026-04,base,Platform,1\n2031-01,base,Platform,1\n2026-04,base,Nobody,1\n",
    )
    .unwrap();
    let output = cli(&[
        "import-actuals",
        plan_path.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 3 (month): 2031-01 is outside"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4 (team): \u{201c}Nobody\u{201d}"),
        "{stderr}"
    );
    let output = cli(&["variance", plan_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_focus_bill_imports_as_the_library_imports_it() {
    use fleetplan::format::focus::{FocusOptions, TeamSource, preview_focus};
    let dir = std::env::temp_dir().join(format!("fleetplan-focus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    // The example plan (teams Platform, Product, Data) with the dollar at ¥152.30.
    let mut plan = read_plan_file(EXAMPLE).unwrap();
    plan.scenarios[0]
        .exchange_rates
        .push(fleetplan::model::ExchangeRate {
            currency: "USD".into(),
            from: YearMonth::new(2026, 4).unwrap(),
            rate: rust_decimal::Decimal::new(15230, 2),
        });
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, write_plan_file(&plan)).unwrap();
    let bill = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/focus/focus-1.2-aws.csv"
    );
    let out = dir.join("out.json");
    let output = cli(&[
        "import-actuals",
        plan_path.to_str().unwrap(),
        bill,
        "--focus",
        "--team-tag",
        "team",
        "--team",
        "web=Platform",
        "--close",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut options = FocusOptions {
        team_source: TeamSource::Tag("team".into()),
        ..Default::default()
    };
    options.teams.insert("web".into(), Some("Platform".into()));
    let preview = preview_focus(&plan, &std::fs::read(bill).unwrap(), options).unwrap();
    preview.actuals.apply(&mut plan, true).unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        write_plan_file(&plan)
    );
    // $80.50 at ¥152.30 = ¥12,260.15 → ¥12,260 for Platform's compute.
    let platform: rust_decimal::Decimal = plan
        .actuals
        .amounts_of(
            YearMonth::new(2026, 4).unwrap(),
            fleetplan::model::Category::Cloud,
            Some("Platform"),
        )
        .map(|a| a.amount)
        .sum();
    assert_eq!(platform, rust_decimal::Decimal::from(12_260));
}
