//! Local-storage record benchmark: saving and loading a large plan as a
//! record, next to the plan file JSON it replaces, natively.
//!
//!     cargo bench --bench record
//!     cargo bench --bench record -- 5000 36 3 21     (positions months scenarios runs)
//!
//! Prints the median and minimum of each, and each text's size in UTF-16
//! code units (what local storage counts, at 2 bytes a unit).

use std::hint::black_box;

mod common;
use common::{measure, ms, numbers};

use fleetplan::format::plan_json::{parse_plan_file, write_plan_file};
use fleetplan::format::record::{decode_record, encode_record, record_revision};
use fleetplan::model::generate_plan;

fn main() {
    let numbers = numbers();
    let positions = numbers.first().copied().unwrap_or(5000);
    let months = numbers.get(1).copied().unwrap_or(36) as u16;
    let scenarios = numbers.get(2).copied().unwrap_or(3);
    let runs = numbers.get(3).copied().unwrap_or(21).max(1);

    let plan = generate_plan(positions, months, scenarios, 2026);
    let (encode_med, encode_min, record) = measure(runs, || encode_record(black_box(&plan), 7));
    let (decode_med, decode_min, decoded) = measure(runs, || decode_record(black_box(&record)));
    assert!(
        decoded.is_ok_and(|r| r.plan == plan),
        "the record round-trips"
    );
    let (revision_med, revision_min, _) = measure(runs, || record_revision(black_box(&record)));
    let (write_med, write_min, json) = measure(runs, || write_plan_file(black_box(&plan)));
    let (parse_med, parse_min, parsed) = measure(runs, || parse_plan_file(black_box(&json)));
    assert!(parsed.is_ok_and(|p| p == plan), "the plan file round-trips");

    let units = |text: &str| text.encode_utf16().count();
    println!(
        "plan: {positions} positions x {months} months x {} scenarios, {runs} runs each (median, min)",
        plan.scenarios.len()
    );
    println!(
        "record:    {:>9} UTF-16 units ({} KiB of quota), {} UTF-8 bytes",
        units(&record),
        units(&record) * 2 / 1024,
        record.len()
    );
    println!(
        "plan file: {:>9} UTF-16 units ({} KiB of quota), {} UTF-8 bytes",
        units(&json),
        units(&json) * 2 / 1024,
        json.len()
    );
    for (name, med, min) in [
        ("encode_record", encode_med, encode_min),
        ("decode_record", decode_med, decode_min),
        ("record_revision", revision_med, revision_min),
        ("write_plan_file (baseline)", write_med, write_min),
        ("parse_plan_file (baseline)", parse_med, parse_min),
    ] {
        println!("{name:<28} {:>9.4} ms {:>9.4} ms", ms(med), ms(min));
    }
}
