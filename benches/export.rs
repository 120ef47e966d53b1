//! CSV export benchmark: the bytes the download buttons produce, natively.
//!
//!     cargo bench --bench export
//!     cargo bench --bench export -- 5000 36 11     (positions months runs)
//!
//! Prints the median and minimum of each export of one scenario of
//! `generate_plan(positions, months, 1, 2026)`, with its rows and bytes;
//! then the chunked writer (`ExportChunks`, what the browser and the CLI
//! run): the ledger of the whole horizon and of the second fiscal year in
//! 2 MiB chunks, the slowest single step (the browser's unit of work
//! between frames), compiling the scenario (`PreparedScenario::new`, not
//! sliced) and the size estimate. The ledger is also written with the Japan
//! preset's accounts, which add two columns to every row.

mod common;
use common::{measure, ms, numbers};

use std::time::{Duration, Instant};

use fleetplan::format::export::{
    self, ExportChunks, ExportKind, ExportOptions, ExportRequest, Step, estimate,
    horizon_fiscal_years,
};
use fleetplan::model::accounts::{Account, LineKind, japan_accounts};
use fleetplan::model::{PreparedScenario, generate_plan, validate};

fn main() {
    let numbers = numbers();
    let positions = numbers.first().copied().unwrap_or(5000);
    let months = numbers.get(1).copied().unwrap_or(36) as u16;
    let runs = numbers.get(2).copied().unwrap_or(11).max(1);

    let plan = generate_plan(positions, months, 1, 2026);
    assert!(validate(&plan).is_empty(), "the generated plan is valid");
    let options = ExportOptions {
        scenario: Some(0),
        bom: true,
    };
    let ledger = export::ledger(&plan, options).expect("ledger");
    let rows = ledger.iter().filter(|&&b| b == b'\n').count() - 1;
    println!(
        "plan: {positions} positions x {months} months, 1 scenario; ledger {rows} rows, {} bytes; {runs} runs each",
        ledger.len()
    );

    let (median, min, _) = measure(runs, || {
        let prepared = PreparedScenario::new(&plan, 0).expect("valid");
        let mut rows = Vec::new();
        prepared.forecast(&mut rows);
        rows.len()
    });
    println!(
        "{:<44} median {:>8.1} ms   min {:>8.1} ms",
        "engine only (compile + forecast into a Vec)",
        ms(median),
        ms(min)
    );
    for (name, f) in [
        ("ledger", export::ledger as fn(_, _) -> _),
        ("summary", export::summary),
        ("roster", export::roster),
    ] {
        let (median, min, bytes) = measure(runs, || f(&plan, options).map_or(0, |b| b.len()));
        println!(
            "{:<44} median {:>8.1} ms   min {:>8.1} ms   {bytes} bytes",
            format!("export::{name}"),
            ms(median),
            ms(min)
        );
    }

    // The same scenario with the Japan preset's accounts (勘定科目) and a
    // first burden component booked under its own: the ledger gains
    // `account_code,account_name` on every row. Baseline: `export::ledger`
    // above, same run.
    let mut booked = plan.clone();
    let scenario = &mut booked.scenarios[0];
    scenario.accounts = japan_accounts();
    if let Some(burden) = scenario.people.burden.first() {
        let name = burden.name.clone();
        scenario.accounts.set_line(
            LineKind::Burden,
            &name,
            Account::new("6210", "法定福利費（健康保険）"),
        );
    }
    let (median, min, bytes) = measure(runs, || {
        export::ledger(&booked, options).map_or(0, |b| b.len())
    });
    println!(
        "{:<44} median {:>8.1} ms   min {:>8.1} ms   {bytes} bytes",
        "export::ledger with accounts",
        ms(median),
        ms(min)
    );

    let year = horizon_fiscal_years(&plan).get(1).copied();
    for (name, fiscal_year) in [("whole horizon", None), ("second fiscal year", year)] {
        let mut request = ExportRequest::new(ExportKind::Ledger, options);
        request.fiscal_year = fiscal_year;
        let (median, min, (bytes, chunks, slowest, passes)) = measure(runs, || {
            let mut writer = ExportChunks::new(&plan, &request).expect("valid");
            let (mut bytes, mut chunks, mut slowest) = (0, 0, Duration::ZERO);
            loop {
                let start = Instant::now();
                let step = writer.step();
                slowest = slowest.max(start.elapsed());
                match step {
                    Step::Chunk(c) => {
                        bytes += c.len();
                        chunks += 1;
                    }
                    Step::Working => {}
                    Step::Done => break,
                }
            }
            (bytes, chunks, slowest, writer.passes())
        });
        println!(
            "{:<44} median {:>8.1} ms   min {:>8.1} ms   {bytes} bytes in {chunks} chunks, {passes} forecasts, slowest step {:.2} ms",
            format!("chunked ledger, {name}"),
            ms(median),
            ms(min),
            ms(slowest)
        );
        let (median, min, e) = measure(runs, || estimate(&plan, &request).expect("estimate"));
        println!(
            "{:<44} median {:>8.1} ms   min {:>8.1} ms   {} bytes estimated ({:+.2} %)",
            format!("estimate, {name}"),
            ms(median),
            ms(min),
            e.bytes,
            (e.bytes as f64 / bytes as f64 - 1.0) * 100.0
        );
    }
    let (median, min, _) = measure(runs, || PreparedScenario::new(&plan, 0).is_ok());
    println!(
        "{:<44} median {:>8.1} ms   min {:>8.1} ms",
        "validate + compile (PreparedScenario::new)",
        ms(median),
        ms(min)
    );
}
