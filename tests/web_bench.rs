//! The forecast engine benchmark in headless Chromium: the exact engine
//! against a plain f64 kernel of the same shape, on the same generated plan,
//! in the same run. Not part of the test suite (it asserts nothing about
//! time); run it with `scripts/bench-web`.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use fleetplan::format::export::{self, ExportOptions};
use fleetplan::model::{PreparedScenario, ScenarioForecast, forecast_scenario, generate_plan};
use wasm_bindgen_test::*;

#[path = "../benches/f64_kernel.rs"]
mod f64_kernel;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Median and minimum in milliseconds of `runs` timed calls after one warm-up.
fn measure(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0])
}

#[wasm_bindgen_test]
fn forecast_engine_against_f64_kernel() {
    let (positions, months, scenarios, runs) = (5000, 36, 3, 21);
    let plan = generate_plan(positions, months, scenarios, 2026);
    let count = plan.scenarios.len();

    let full = measure(runs, || {
        for s in 0..count {
            black_box(forecast_scenario(black_box(&plan), s).ok());
        }
    });
    let prepared: Vec<PreparedScenario<'_>> = (0..count)
        .filter_map(|s| PreparedScenario::new(&plan, s).ok())
        .collect();
    let run_only = measure(runs, || {
        for p in &prepared {
            let mut totals = ScenarioForecast::for_scenario(&plan, p.scenario_index());
            p.forecast(&mut totals);
            black_box(&totals);
        }
    });
    let kernels: Vec<_> = (0..count).map(|s| f64_kernel::prepare(&plan, s)).collect();
    let float = measure(runs, || {
        for k in &kernels {
            black_box(f64_kernel::run(black_box(k)));
        }
    });

    console_log!(
        "web bench: {positions} positions x {months} months x {count} scenarios, {runs} runs, median (min) ms"
    );
    console_log!(
        "  exact, validate + compile + run: {:.2} ({:.2})",
        full.0,
        full.1
    );
    console_log!(
        "  exact, run on prepared scenarios: {:.2} ({:.2})",
        run_only.0,
        run_only.1
    );
    console_log!(
        "  f64 kernel:                       {:.2} ({:.2})",
        float.0,
        float.1
    );
    console_log!(
        "  ratio exact/f64: full {:.2}x, run {:.2}x",
        full.0 / float.0,
        run_only.0 / float.0
    );
}

#[wasm_bindgen_test]
fn ledger_csv_export() {
    // The 5,000-position plan, and one whose ledger has about 180,000 rows.
    for (positions, runs) in [(5000, 5), (550, 21)] {
        let months = 36;
        let plan = generate_plan(positions, months, 1, 2026);
        let options = ExportOptions {
            scenario: Some(0),
            bom: true,
        };
        let bytes = export::ledger(&plan, options).expect("the generated plan is valid");
        let rows = bytes.iter().filter(|&&b| b == b'\n').count() - 1;
        let (median, min) = measure(runs, || {
            black_box(export::ledger(black_box(&plan), options).ok());
        });
        console_log!(
            "web bench: ledger CSV of {positions} positions x {months} months, one scenario: {rows} rows, {} bytes",
            bytes.len()
        );
        console_log!("  export::ledger: {median:.2} ({min:.2}) ms, median (min) of {runs}");
    }
}

/// Saving and loading a 5,000-position × 3-scenario plan through local
/// storage, as the app does: the record codec plus `setItem`/`getItem`. The
/// baseline, in the same run, is the plan file JSON (what version 1 stored).
/// Each is timed twice: right after the page loaded (V8 still runs its
/// baseline compilation of the module) and again once it has tiered up, as
/// in a planner that has been open a while.
#[wasm_bindgen_test]
fn plan_save_and_load_through_local_storage() {
    use fleetplan::format::plan_json::{parse_plan_file, write_plan_file};
    use fleetplan::format::record::{encode_record, record_header};
    use fleetplan::storage::LocalStore;
    use fleetplan::storage::library::{KeyValue, Library, Opened, plan_key};

    let runs = 21;
    let plan = generate_plan(5000, 36, 3, 2026);
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let mut library = Library::new(LocalStore);
    let id = library.create(&plan).unwrap();
    let mut revision = 1;
    let mut timings = Vec::new();
    for round in ["first", "warm"] {
        let save = measure(runs, || {
            revision = library.save(&id, black_box(&plan), revision).unwrap();
        });
        let load = measure(runs, || match library.open(black_box(&id)) {
            Opened::Plan { revision: r, .. } => revision = r,
            other => panic!("{other:?}"),
        });
        timings.push((round, save, load));
    }
    let record = LocalStore.get(&plan_key(&id)).unwrap().unwrap();
    let units = record.encode_utf16().count();
    let encode = measure(runs, || {
        black_box(encode_record(black_box(&plan), 9));
    });
    let check = measure(runs, || {
        black_box(record_header(black_box(&record)));
    });
    let get = measure(runs, || {
        black_box(LocalStore.get(&plan_key(&id)).unwrap());
    });
    let set = measure(runs, || {
        LocalStore.set(&plan_key(&id), black_box(&record)).unwrap();
    });
    storage.clear().unwrap();
    // Version 1's record is 5.6 million characters, over local storage's
    // quota in Chromium, so only its JSON work is timed.
    let json_write = measure(5, || {
        black_box(write_plan_file(black_box(&plan)));
    });
    let text = write_plan_file(&plan);
    let json_read = measure(5, || {
        black_box(parse_plan_file(black_box(&text)).ok());
    });
    console_log!(
        "storage: 5000 positions x 36 months x 3 scenarios, record {units} UTF-16 units ({:.2} MiB of quota), median (min) of {runs}",
        units as f64 * 2.0 / 1_048_576.0
    );
    for (round, save, load) in timings {
        console_log!(
            "storage: {round}: save {:.1} ({:.1}) ms, load {:.1} ({:.1}) ms",
            save.0,
            save.1,
            load.0,
            load.1
        );
    }
    console_log!(
        "storage: parts: encode_record {:.1} ms, record_header {:.1} ms, getItem {:.1} ms, setItem {:.1} ms",
        encode.0,
        check.0,
        get.0,
        set.0
    );
    console_log!(
        "storage: baseline plan file JSON ({} units): write {:.1} ms, parse {:.1} ms, median of 5",
        text.encode_utf16().count(),
        json_write.0,
        json_read.0
    );
}

/// A generated FOCUS bill of `rows` rows in the shape AWS exports (about 400
/// bytes a row): two currencies, credits, tags, NULLs.
fn focus_bill(rows: usize) -> String {
    let services = [
        ("Compute", "Amazon Elastic Compute Cloud"),
        ("Storage", "Amazon Simple Storage Service"),
        ("Databases", "Amazon Relational Database Service"),
        ("Networking", "Amazon Virtual Private Cloud"),
        ("Management and Governance", "Amazon CloudWatch"),
    ];
    let teams = ["platform", "product", "data", "sre"];
    let mut text = String::with_capacity(rows * 420);
    text.push_str(
        "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,\
         BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeDescription,ChargePeriodEnd,\
         ChargePeriodStart,EffectiveCost,ListCost,Region,ResourceId,ServiceCategory,ServiceName,\
         SubAccountId,SubAccountName,Tags\n",
    );
    for i in 0..rows {
        let month = 4 + (i * 12 / rows) as u32;
        let (y, m) = if month > 12 {
            (2027, month - 12)
        } else {
            (2026, month)
        };
        let (category, service) = services[i % services.len()];
        let team = teams[i % teams.len()];
        let credit = i % 97 == 0;
        let cost = if credit {
            -((i % 1000) as f64) / 100.0
        } else {
            (i % 5000) as f64 / 1000.0
        };
        let currency = if i % 13 == 0 { "JPY" } else { "USD" };
        let effective = if i % 211 == 0 {
            "NULL".to_string()
        } else {
            format!("{cost:.6}")
        };
        text.push_str(&format!(
            "ap-northeast-1a,{cost:.6},123456789012,Example KK,{currency},{y}-{m:02}-28T00:00:00Z,\
             {y}-{m:02}-01T00:00:00Z,{},\"{service}, usage {i}\",{y}-{m:02}-02T00:00:00Z,\
             {y}-{m:02}-01T00:00:00Z,{effective},{cost:.6},ap-northeast-1,\
             arn:aws:ec2:ap-northeast-1:123456789012:instance/i-{i:016x},{category},{service},\
             2109876543{:02},{team}-prod,\"{{\"\"team\"\":\"\"{team}\"\",\"\"env\"\":\"\"prod\"\"}}\"\n",
            if credit { "Credit" } else { "Usage" },
            i % 7,
        ));
    }
    text
}

/// A FOCUS bill of 100,000 rows (about 40 MB) read as the browser reads it,
/// in slices between frames: the whole import, and the longest slice. The
/// baseline, in the same run, is the shared pipeline alone reading the same
/// bytes (decoding and CSV rows, no FOCUS rules).
#[wasm_bindgen_test]
fn focus_bill_import() {
    use fleetplan::format::focus::{FocusOptions, FocusReader, TeamSource};
    use fleetplan::format::table::Table;
    use fleetplan::model::{ExchangeRate, Plan, YearMonth};
    use rust_decimal::Decimal;

    let rows = 100_000;
    let bill = focus_bill(rows);
    let bytes = bill.as_bytes();
    let mut plan = Plan::blank("bill", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
    for team in ["Platform", "Product", "Data", "SRE"] {
        plan.scenarios[0].ensure_team(team);
    }
    plan.scenarios[0].exchange_rates.push(ExchangeRate {
        currency: "USD".into(),
        from: YearMonth::new(2026, 4).unwrap(),
        rate: Decimal::new(15230, 2),
    });
    let options = FocusOptions {
        team_source: TeamSource::Tag("team".into()),
        ..Default::default()
    };
    // Few runs: a wasm-bindgen test holds the page's only thread, and the
    // runner gives up on a page busy for 20 s.
    let runs = 3;
    let mut longest = 0.0_f64;
    let (mut longest_decode, mut opening) = (0.0_f64, 0.0_f64);
    // Linear memory only grows: what it grew by over the runs is the most
    // each stage ever held at once (the bill's bytes are already there).
    let before = memory_bytes();
    let (mut after_decode, mut after_read) = (before, before);
    let import = measure(runs, || {
        // As the browser does: the bill decoded a MiB at a time, then read
        // in slices; every piece between two turns of the page is timed.
        let mut decoder = fleetplan::format::decode::SliceDecoder::new(bytes);
        let decoded = loop {
            let start = now();
            let out = decoder.step(1 << 20);
            longest_decode = longest_decode.max(now() - start);
            if let Some(out) = out {
                break out.unwrap();
            }
        };
        after_decode = after_decode.max(memory_bytes());
        let start = now();
        let mut reader = FocusReader::start_decoded(&plan, decoded, options.clone());
        opening = opening.max(now() - start);
        loop {
            let start = now();
            let done = reader.read(5_000);
            longest = longest.max(now() - start);
            if done {
                break;
            }
        }
        after_read = after_read.max(memory_bytes());
        black_box(reader.finish(&plan));
    });
    let pipeline = measure(runs, || {
        let mut table = Table::open(bytes).unwrap();
        let mut n = 0;
        while let Some(row) = table.next_row() {
            n += row.is_ok() as usize;
        }
        black_box(n);
    });
    console_log!(
        "web bench: FOCUS bill of {rows} rows, {} bytes",
        bytes.len()
    );
    console_log!(
        "  FOCUS import (decoded by the MiB, read in slices of 5,000 rows): {:.1} ({:.1}) ms, median (min) of {runs}; longest slice {longest:.1} ms",
        import.0,
        import.1
    );
    console_log!(
        "  longest MiB decoded {longest_decode:.1} ms; opening the decoded bill {opening:.1} ms"
    );
    console_log!(
        "  baseline, decode + CSV rows only: {:.1} ({:.1}) ms",
        pipeline.0,
        pipeline.1
    );
    let mb = |bytes: f64| bytes / 1e6;
    console_log!(
        "  FOCUS memory: the bill {:.1} MB; the page's memory grew {:.1} MB decoding it and {:.1} MB more reading its {rows} rows",
        mb(bytes.len() as f64),
        mb(after_decode - before),
        mb(after_read - after_decode)
    );
}

/// The wasm module's linear memory, in bytes.
fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Budget against actual on the 5,000-position plan with 36 months of
/// actuals by team and category: building the view's figures, and again
/// after one actual changes. The baseline, in the same run, is forecasting
/// the budget scenario (which the view reuses, not redoes).
#[wasm_bindgen_test]
fn budget_against_actual() {
    use fleetplan::model::variance::{ActualGrid, BudgetActual, latest_estimate};
    use fleetplan::model::{Category, forecast_scenario};
    use rust_decimal::Decimal;

    let runs = 21;
    let mut plan = generate_plan(5000, 36, 3, 2026);
    let months = plan.months();
    let teams: Vec<String> = plan.scenarios[0]
        .teams
        .iter()
        .map(|t| t.name.clone())
        .collect();
    for (m, month) in months.iter().enumerate() {
        for category in Category::ALL {
            for (t, team) in teams.iter().enumerate() {
                let amount = Decimal::from(100_000 + (m * 31 + t * 7) as i64);
                plan.actuals
                    .set_amount(*month, category, Some(team), Some(amount));
            }
        }
    }
    plan.actuals.closed_through = months.last().copied();
    let forecast = measure(runs, || {
        black_box(forecast_scenario(black_box(&plan), 0).ok());
    });
    let budget = forecast_scenario(&plan, 0).unwrap();
    let other = forecast_scenario(&plan, 1).unwrap();
    let view = |plan: &fleetplan::model::Plan| {
        let grid = ActualGrid::of(plan);
        let ba = BudgetActual::with_grid(&grid, &budget);
        for (year, months) in ba.fiscal_years() {
            black_box(latest_estimate(
                &grid,
                &budget,
                &budget,
                year,
                months.clone(),
            ));
            black_box(latest_estimate(&grid, &budget, &other, year, months));
        }
        black_box(ba);
    };
    let open = measure(runs, || view(&plan));
    let mut step = 0_i64;
    let changed = measure(runs, || {
        step += 1;
        plan.actuals.set_amount(
            months[5],
            Category::Cloud,
            Some(&teams[0]),
            Some(Decimal::from(step)),
        );
        view(&plan);
    });
    console_log!(
        "web bench: budget against actual, 5,000 positions x 36 months, {} actuals",
        plan.actuals.amounts.len()
    );
    console_log!("  view figures: {:.2} ({:.2}) ms", open.0, open.1);
    console_log!(
        "  after one actual changes: {:.2} ({:.2}) ms",
        changed.0,
        changed.1
    );
    console_log!(
        "  baseline, forecast of the budget scenario: {:.2} ({:.2}) ms",
        forecast.0,
        forecast.1
    );
}
