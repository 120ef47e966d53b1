//! The chunked export writer (`export::ExportChunks`): its chunks, put
//! together, are the one-shot files byte for byte, whatever the chunk size
//! and the ledger's row budget; chunks stay near their size; the ledger of
//! one fiscal year and one scenario is the whole ledger's rows of them, and
//! `fleetplan-cli export --fiscal-year` writes the same bytes; the size
//! estimate and the command line the browser shows for a file too large.
// Native only: files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use fleetplan::format::export::{
    self, CHUNK_BYTES, ExportChunks, ExportKind, ExportOptions, ExportRequest, Step, cli_command,
    comparison_of, estimate, header_bytes, horizon_fiscal_years, plan_file_name, request_file_name,
};
use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::{FiscalYear, Plan, generate_plan};

const CLI: &str = env!("CARGO_BIN_EXE_fleetplan-cli");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-plan.json");

fn example() -> Plan {
    read_plan_file(&std::fs::read_to_string(EXAMPLE).expect("example plan"))
        .expect("the example plan reads")
}

/// Every request worth checking on `plan`: each kind, each scenario choice
/// (every one, each alone), with and without the BOM, each base for the
/// comparison and each fiscal year (and none) for the ledger.
fn requests(plan: &Plan) -> Vec<ExportRequest> {
    let mut out = Vec::new();
    let scenarios: Vec<Option<usize>> = std::iter::once(None)
        .chain((0..plan.scenarios.len()).map(Some))
        .collect();
    let years: Vec<Option<FiscalYear>> = std::iter::once(None)
        .chain(horizon_fiscal_years(plan).into_iter().map(Some))
        .collect();
    for kind in ExportKind::ALL {
        for &scenario in &scenarios {
            for bom in [false, true] {
                let options = ExportOptions { scenario, bom };
                match kind {
                    ExportKind::Ledger => {
                        for &fiscal_year in &years {
                            let mut r = ExportRequest::new(kind, options);
                            r.fiscal_year = fiscal_year;
                            out.push(r);
                        }
                    }
                    ExportKind::Comparison => {
                        for base in 0..plan.scenarios.len() {
                            let mut r = ExportRequest::new(kind, options);
                            r.base = base;
                            out.push(r);
                        }
                    }
                    _ => out.push(ExportRequest::new(kind, options)),
                }
            }
        }
    }
    out
}

fn chunks(plan: &Plan, request: &ExportRequest, bytes: usize, rows: usize) -> Vec<Vec<u8>> {
    ExportChunks::new(plan, request)
        .expect("a valid request")
        .with_chunk_bytes(bytes)
        .with_row_budget(rows)
        .collect()
}

/// The one-shot functions the golden files check, for the requests they serve.
fn one_shot(plan: &Plan, request: &ExportRequest) -> Option<Vec<u8>> {
    if request.fiscal_year.is_some() {
        return None;
    }
    let options = request.options;
    Some(
        match request.kind {
            ExportKind::Ledger => export::ledger(plan, options),
            ExportKind::Summary => export::summary(plan, options),
            ExportKind::Roster => export::roster(plan, options),
            ExportKind::Comparison => export::comparison(plan, request.base, options),
            ExportKind::Pivot => fleetplan::format::pivot::pivot(plan, options, request.pivot),
        }
        .expect("export"),
    )
}

#[test]
fn concatenated_chunks_are_the_one_shot_file_for_every_export_of_the_example() {
    let plan = example();
    let requests = requests(&plan);
    assert!(requests.len() > 30);
    for request in &requests {
        let whole = export::export(&plan, request).expect("export");
        if let Some(expected) = one_shot(&plan, request) {
            assert!(
                whole == expected,
                "{request:?}: export() and the one-shot function differ"
            );
        }
        for (bytes, rows) in [
            (1, 1),
            (100, 7),
            (4096, 50),
            (65_536, 1_000_000),
            (CHUNK_BYTES, usize::MAX),
        ] {
            let parts = chunks(&plan, request, bytes, rows);
            assert!(
                parts.iter().all(|c| !c.is_empty()),
                "{request:?}: an empty chunk"
            );
            assert!(
                parts.concat() == whole,
                "{request:?}, chunks of {bytes} bytes, {rows} rows held: the bytes differ"
            );
        }
    }
}

/// The length of the last line of `chunk` (from after the previous CRLF).
fn last_line(chunk: &[u8]) -> usize {
    let body = chunk.strip_suffix(b"\r\n").unwrap_or(chunk);
    match body.windows(2).rposition(|w| w == b"\r\n") {
        Some(i) => chunk.len() - (i + 2),
        None => chunk.len(),
    }
}

#[test]
fn ledger_and_roster_chunks_end_with_the_row_that_fills_them() {
    let plan = generate_plan(120, 24, 2, 11);
    for kind in [ExportKind::Ledger, ExportKind::Roster] {
        let request = ExportRequest::new(
            kind,
            ExportOptions {
                scenario: None,
                bom: true,
            },
        );
        for size in [1000, 4096, 12_000] {
            let parts = chunks(&plan, &request, size, 20_000);
            let total: usize = parts.iter().map(Vec::len).sum();
            assert!(total > 2 * size, "{kind:?} {size}: {total} bytes");
            assert!(
                parts.len() > 1 && parts.len() <= total / size + 1,
                "{kind:?} {size}"
            );
            let (last, full) = parts.split_last().expect("chunks");
            assert!(last.len() <= size + last_line(last));
            for chunk in full {
                // Full: at least the size; the row that reached it is the
                // only one past it; every chunk ends a row.
                assert!(
                    chunk.len() >= size,
                    "{kind:?} {size}: {} bytes",
                    chunk.len()
                );
                assert!(chunk.len() - last_line(chunk) < size, "{kind:?} {size}");
                assert!(chunk.ends_with(b"\r\n"), "{kind:?} {size}");
            }
        }
    }
}

#[test]
fn a_generated_plan_chunked_with_a_small_row_budget_is_the_same_file() {
    // Several windows of months per scenario: each forecast again.
    let plan = generate_plan(300, 36, 2, 3);
    for fiscal_year in [None, horizon_fiscal_years(&plan).get(1).copied()] {
        let mut request = ExportRequest::new(
            ExportKind::Ledger,
            ExportOptions {
                scenario: None,
                bom: false,
            },
        );
        request.fiscal_year = fiscal_year;
        let whole = export::export(&plan, &request).expect("ledger");
        let months = if fiscal_year.is_some() { 12 } else { 36 };
        for rows in [1, 2_000, 15_000, 40_000, usize::MAX] {
            let mut writer = ExportChunks::new(&plan, &request)
                .expect("valid")
                .with_chunk_bytes(64 * 1024)
                .with_row_budget(rows);
            let parts: Vec<Vec<u8>> = writer.by_ref().collect();
            assert!(parts.concat() == whole, "{fiscal_year:?}, {rows} rows");
            // One forecast per scenario and window of months: a month a
            // window when a month alone is over the budget (some 2,700
            // rows here), one window when there is no budget.
            let passes = writer.passes();
            match rows {
                1 | 2_000 => assert_eq!(passes, 2 * months, "{fiscal_year:?}, {rows} rows"),
                usize::MAX => assert_eq!(passes, 2, "{fiscal_year:?}"),
                _ => assert!(
                    (2..=2 * months).contains(&passes),
                    "{fiscal_year:?}, {rows}: {passes}"
                ),
            }
        }
    }
}

#[test]
fn progress_climbs_to_a_thousand() {
    let plan = generate_plan(500, 36, 3, 5);
    for kind in ExportKind::ALL {
        let request = ExportRequest::new(
            kind,
            ExportOptions {
                scenario: None,
                bom: false,
            },
        );
        let mut writer = ExportChunks::new(&plan, &request)
            .expect("valid")
            .with_chunk_bytes(50_000)
            .with_row_budget(30_000);
        let mut seen = vec![writer.progress()];
        let mut steps = 0;
        loop {
            let step = writer.step();
            seen.push(writer.progress());
            steps += 1;
            if step == Step::Done {
                break;
            }
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{kind:?}: {seen:?}");
        assert_eq!(seen.last(), Some(&1000), "{kind:?}");
        // Bounded work per step: many steps, each a slice.
        assert!(steps >= 6, "{kind:?}: {steps} steps");
        assert!(
            seen.iter().filter(|&&p| p > 0 && p < 1000).count() >= 3,
            "{kind:?}: {seen:?}"
        );
    }
}

/// The data rows of a ledger (no BOM, no header) as lines.
fn ledger_lines(bytes: &[u8]) -> (String, Vec<String>) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<String> = text.split("\r\n").map(String::from).collect();
    assert_eq!(lines.pop().as_deref(), Some(""));
    let header = lines.remove(0);
    (header, lines)
}

#[test]
fn the_ledger_of_a_fiscal_year_and_scenario_is_the_whole_ledgers_rows_of_them() {
    let plan = example();
    let whole = export::ledger(
        &plan,
        ExportOptions {
            scenario: None,
            bom: false,
        },
    )
    .expect("ledger");
    let (header, rows) = ledger_lines(&whole);
    let years = horizon_fiscal_years(&plan);
    assert!(years.len() >= 2);
    let mut total = 0;
    for (s, scenario) in plan.scenarios.iter().enumerate() {
        for year in &years {
            let mut request = ExportRequest::new(
                ExportKind::Ledger,
                ExportOptions {
                    scenario: Some(s),
                    bom: false,
                },
            );
            request.fiscal_year = Some(*year);
            let (h, part) = ledger_lines(&export::export(&plan, &request).expect("ledger"));
            assert_eq!(h, header);
            let prefix = format!("{},{},", scenario.name, year.label());
            let expected: Vec<String> = rows
                .iter()
                .filter(|r| r.starts_with(&prefix))
                .cloned()
                .collect();
            assert!(!expected.is_empty(), "{prefix}");
            assert_eq!(part, expected, "{prefix}");
            total += part.len();
        }
    }
    assert_eq!(total, rows.len(), "every row is in one year and scenario");
}

#[test]
fn a_fiscal_year_outside_the_horizon_is_an_error() {
    let plan = example();
    let mut request = ExportRequest::new(
        ExportKind::Ledger,
        ExportOptions {
            scenario: None,
            bom: false,
        },
    );
    request.fiscal_year = Some(FiscalYear {
        start_year: 1999,
        start_month: 4,
    });
    let errors = ExportChunks::new(&plan, &request)
        .err()
        .expect("FY1999 is refused");
    assert!(errors[0].to_string().contains("FY1999"), "{}", errors[0]);
    assert!(estimate(&plan, &request).is_err());
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(CLI).args(args).output().expect("the CLI runs")
}

#[test]
fn the_cli_writes_the_ledger_of_a_fiscal_year_and_scenario_byte_for_byte() {
    let plan = example();
    let aggressive = plan.scenario_index("Aggressive").expect("Aggressive");
    for year in horizon_fiscal_years(&plan) {
        for (args, scenario, bom) in [
            (vec![], None, true),
            (
                vec!["--scenario", "Aggressive", "--no-bom"],
                Some(aggressive),
                false,
            ),
        ] {
            let label = year.label();
            let mut cli_args = vec![
                "export",
                EXAMPLE,
                "--kind",
                "ledger",
                "--fiscal-year",
                &label,
            ];
            cli_args.extend(args.iter().copied());
            let out = run(&cli_args);
            assert!(
                out.status.success(),
                "{cli_args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let mut request =
                ExportRequest::new(ExportKind::Ledger, ExportOptions { scenario, bom });
            request.fiscal_year = Some(year);
            let expected = export::export(&plan, &request).expect("ledger");
            assert!(out.stdout == expected, "{cli_args:?}: bytes differ");
            // `forecast` is the same export; "2026" is FY2026.
            let bare = year.start_year.to_string();
            let mut forecast = vec!["forecast", EXAMPLE, "--fiscal-year", &bare];
            forecast.extend(args.iter().copied());
            assert!(run(&forecast).stdout == expected, "{forecast:?}");
        }
    }
}

#[test]
fn the_cli_refuses_a_fiscal_year_for_other_files_and_outside_the_horizon() {
    let out = run(&[
        "export",
        EXAMPLE,
        "--kind",
        "summary",
        "--fiscal-year",
        "FY2026",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--fiscal-year applies to the ledger"));
    let out = run(&[
        "export",
        EXAMPLE,
        "--kind",
        "ledger",
        "--fiscal-year",
        "soon",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "export",
        EXAMPLE,
        "--kind",
        "ledger",
        "--fiscal-year",
        "FY1999",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("FY1999"));
    assert!(out.stdout.is_empty());
}

#[test]
fn the_command_line_shown_for_a_large_file_writes_it() {
    let mut plan = example();
    // Names that need quoting in a shell.
    plan.name = "FY2026 budget (draft)".into();
    plan.scenarios[1].name = "Tom's plan".into();
    let dir = std::env::temp_dir().join(format!("fleetplan-chunks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let plan_file = plan_file_name(&plan);
    assert_eq!(plan_file, "FY2026-budget-(draft).fleetplan.json");
    std::fs::write(
        dir.join(&plan_file),
        fleetplan::format::plan_json::write_plan_file(&plan),
    )
    .expect("write the plan");
    let year = horizon_fiscal_years(&plan)[1];
    for request in [
        {
            let mut r = ExportRequest::new(
                ExportKind::Ledger,
                ExportOptions {
                    scenario: Some(1),
                    bom: true,
                },
            );
            r.fiscal_year = Some(year);
            r
        },
        ExportRequest::new(
            ExportKind::Ledger,
            ExportOptions {
                scenario: None,
                bom: false,
            },
        ),
        {
            let mut r = ExportRequest::new(
                ExportKind::Comparison,
                ExportOptions {
                    scenario: None,
                    bom: true,
                },
            );
            r.base = 1;
            r
        },
    ] {
        let output = "out file.csv";
        let command = cli_command(&plan, &request, &plan_file, output);
        assert!(
            command
                .starts_with("fleetplan-cli export 'FY2026-budget-(draft).fleetplan.json' --kind "),
            "{command}"
        );
        if request.options.scenario == Some(1) {
            assert!(
                command.contains(
                    "--scenario 'Tom'\\''s plan' --fiscal-year FY2027 --bom -o 'out file.csv'"
                ),
                "{command}"
            );
        }
        let _ = std::fs::remove_file(dir.join(output));
        let status = Command::new("sh")
            .arg("-c")
            .arg(command.replacen("fleetplan-cli", CLI, 1))
            .current_dir(&dir)
            .status()
            .expect("sh runs");
        assert!(status.success(), "{command}");
        let written = std::fs::read(dir.join(output)).expect("the file");
        assert!(
            written == export::export(&plan, &request).expect("export"),
            "{command}: bytes differ"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_ledger_estimate_is_exact_for_a_small_plan_and_close_for_a_large_one() {
    let plan = example();
    for request in requests(&plan)
        .into_iter()
        .filter(|r| r.kind == ExportKind::Ledger)
    {
        let bytes = export::export(&plan, &request).expect("ledger");
        let (_, rows) = ledger_lines(&bytes);
        let e = estimate(&plan, &request).expect("estimate");
        assert!(e.exact, "{request:?}");
        assert_eq!(e.bytes, bytes.len() as u64, "{request:?}");
        assert_eq!(e.rows, rows.len() as u64, "{request:?}");
    }
    let plan = generate_plan(3000, 36, 2, 2026);
    let mut request = ExportRequest::new(
        ExportKind::Ledger,
        ExportOptions {
            scenario: Some(1),
            bom: true,
        },
    );
    for fiscal_year in [None, horizon_fiscal_years(&plan).get(1).copied()] {
        request.fiscal_year = fiscal_year;
        let actual = chunks(&plan, &request, CHUNK_BYTES, 1 << 20)
            .iter()
            .map(Vec::len)
            .sum::<usize>() as f64;
        let e = estimate(&plan, &request).expect("estimate");
        assert!(!e.exact);
        let ratio = e.bytes as f64 / actual;
        assert!(
            (0.95..1.05).contains(&ratio),
            "{fiscal_year:?}: estimate {} for {actual}",
            e.bytes
        );
    }
}

#[test]
fn the_other_estimates_are_the_right_size() {
    let plan = generate_plan(400, 36, 3, 9);
    for kind in [
        ExportKind::Summary,
        ExportKind::Roster,
        ExportKind::Comparison,
    ] {
        let request = ExportRequest::new(
            kind,
            ExportOptions {
                scenario: None,
                bom: true,
            },
        );
        let actual = export::export(&plan, &request).expect("export").len() as f64;
        let e = estimate(&plan, &request).expect("estimate");
        let ratio = e.bytes as f64 / actual;
        assert!(
            (0.5..2.0).contains(&ratio),
            "{kind:?}: estimate {} for {actual}",
            e.bytes
        );
        assert!(!e.too_large_for_browser());
    }
}

#[test]
fn the_compare_views_download_is_the_comparison_export() {
    let plan = example();
    for base in 0..plan.scenarios.len() {
        for options in [
            ExportOptions {
                scenario: None,
                bom: true,
            },
            ExportOptions {
                scenario: Some(1),
                bom: false,
            },
        ] {
            let comparison = fleetplan::model::compare(&plan, base).expect("compare");
            assert!(
                comparison_of(&plan, &comparison, base, options)
                    == export::comparison(&plan, base, options).expect("comparison")
            );
        }
    }
}

#[test]
fn a_ledger_of_one_fiscal_year_says_so_in_its_file_name() {
    let plan = example();
    let day = fleetplan::model::Date::new(2026, 11, 24).expect("a date");
    let mut request = ExportRequest::new(
        ExportKind::Ledger,
        ExportOptions {
            scenario: Some(0),
            bom: true,
        },
    );
    let whole = request_file_name(&plan, &request, day);
    assert_eq!(
        whole,
        export::file_name(&plan, Some(0), ExportKind::Ledger, day)
    );
    request.fiscal_year = Some(horizon_fiscal_years(&plan)[1]);
    let name = request_file_name(&plan, &request, day);
    assert_eq!(name, whole.replace("_ledger_", "_ledger-FY2027_"));
    assert!(
        name.ends_with("_Base_ledger-FY2027_2026-11-24.csv"),
        "{name}"
    );
    let mut comparison = ExportRequest::new(ExportKind::Comparison, request.options);
    comparison.base = 1;
    comparison.fiscal_year = request.fiscal_year;
    assert_eq!(
        request_file_name(&plan, &comparison, day),
        export::file_name(&plan, Some(1), ExportKind::Comparison, day)
    );
}

#[test]
fn the_ledger_estimate_of_every_scenario_is_the_sum_of_each_ones() {
    // What the Export view adds up, a scenario per turn of the page.
    let plan = generate_plan(700, 36, 3, 4);
    for fiscal_year in [None, horizon_fiscal_years(&plan).first().copied()] {
        let mut all = ExportRequest::new(
            ExportKind::Ledger,
            ExportOptions {
                scenario: None,
                bom: true,
            },
        );
        all.fiscal_year = fiscal_year;
        let header = header_bytes(&plan, &all);
        let (mut rows, mut bytes, mut exact) = (0, header, true);
        for s in 0..plan.scenarios.len() {
            let mut one = all;
            one.options.scenario = Some(s);
            let e = estimate(&plan, &one).expect("estimate");
            rows += e.rows;
            bytes += e.bytes - header;
            exact &= e.exact;
        }
        let e = estimate(&plan, &all).expect("estimate");
        assert_eq!((e.rows, e.bytes, e.exact), (rows, bytes, exact));
    }
}
