//! CSV export benchmark: the bytes the download buttons produce, natively.
//!
//!     cargo bench --bench export
//!     cargo bench --bench export -- 5000 36 11     (positions months runs)
//!
//! Prints the median and minimum of each export of one scenario of
//! `generate_plan(positions, months, 1, 2026)`, with its rows and bytes.

mod common;
use common::{measure, ms, numbers};

use fleetplan::format::export::{self, ExportOptions};
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
}
