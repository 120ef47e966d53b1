//! `fleetplan-cli import-roster`: the browser's import on a plan file, with
//! the same bytes as a result (the browser applies through the same
//! `RosterPreview::apply_to` and writes the same plan file).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::process::Command;

use fleetplan::format::import::import_roster;
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};

const EXAMPLE: &str = include_str!("../docs/example-plan.json");
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/hr-roster-cp932.csv"
);

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fleetplan-cli"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn import_roster_writes_the_plan_the_library_makes() {
    let dir = std::env::temp_dir().join(format!("fleetplan-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let plan_path = dir.join("plan.json");
    // The plan file in Shift_JIS opens as the browser opens it.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(EXAMPLE);
    std::fs::write(&plan_path, &sjis).expect("write");
    let out = dir.join("out.json");
    let output = cli(&[
        "import-roster",
        plan_path.to_str().expect("path"),
        FIXTURE,
        "--scenario",
        "Aggressive",
        "--map",
        "年収=annual_base",
        "--map",
        "月給=ignore",
        "-o",
        out.to_str().expect("path"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "read as Shift_JIS (CP932); into \u{201c}Aggressive\u{201d}: 3 added, 0 changed"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("not imported: 氏名, 月給, 備考"),
        "{stderr}"
    );

    let mut plan = read_plan_file(EXAMPLE).expect("example");
    let choices = BTreeMap::from([
        ("年収".to_string(), "annual_base".to_string()),
        ("月給".to_string(), "ignore".to_string()),
    ]);
    let bytes = std::fs::read(FIXTURE).expect("fixture");
    let preview = import_roster(&plan, 1, &bytes, &choices)
        .expect("read")
        .result
        .expect("imports");
    preview.apply_to(&mut plan, false).expect("applies");
    let written = std::fs::read(&out).expect("output");
    assert_eq!(written, write_plan_file(&plan).into_bytes());
    assert_eq!(
        plan.roster_columns.get("年収").map(String::as_str),
        Some("annual_base")
    );

    // A file with errors writes nothing and names every error.
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "title,team,level,salary,start,status\nA,,L9,x,2026/2/30,hired\n",
    )
    .expect("write");
    let refused = dir.join("refused.json");
    let output = cli(&[
        "import-roster",
        plan_path.to_str().expect("path"),
        bad.to_str().expect("path"),
        "--scenario",
        "Base",
        "-o",
        refused.to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
    assert!(
        stderr.contains("line 2, column start: \"2026/2/30\""),
        "{stderr}"
    );
    assert!(!refused.exists());

    // An unknown top-level field of the plan file is an error.
    let extra = dir.join("extra.json");
    std::fs::write(&extra, EXAMPLE.replacen('{', "{\"note\": 1,", 1)).expect("write");
    let output = cli(&["validate", extra.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown field `note`"));
    std::fs::remove_dir_all(&dir).ok();
}
