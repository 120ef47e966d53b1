//! Forecast engine benchmark: the exact engine against a plain f64 kernel of
//! the same shape, on the same generated plan, in the same run.
//!
//!     cargo bench --bench engine
//!     cargo bench --bench engine -- 5000 36 3 21     (positions months scenarios runs)
//!
//! Prints the median and minimum of each measurement and the ratios, then
//! graded mode (Japan's grades, allowances, per-head costs, prorated first
//! bonuses: `generate_plan_graded`) against the same plan on the simple
//! basis (`with_simple_basis`), runs interleaved so both see the same load.

use std::hint::black_box;

mod common;
use common::{measure, ms, numbers};

use fleetplan::model::{
    Plan, PreparedScenario, ScenarioForecast, forecast_scenario, generate_plan,
    generate_plan_graded, validate, with_simple_basis,
};

#[path = "f64_kernel.rs"]
mod f64_kernel;

fn main() {
    let numbers = numbers();
    let positions = numbers.first().copied().unwrap_or(5000);
    let months = numbers.get(1).copied().unwrap_or(36) as u16;
    let scenarios = numbers.get(2).copied().unwrap_or(3);
    let runs = numbers.get(3).copied().unwrap_or(21).max(1);

    let plan = generate_plan(positions, months, scenarios, 2026);
    assert!(validate(&plan).is_empty(), "the generated plan is valid");
    let count = plan.scenarios.len();
    println!("plan: {positions} positions x {months} months x {count} scenarios, {runs} runs each");

    // Same answer first: the f64 kernel must compute the same thing.
    let exact_total: i128 = (0..count)
        .map(|s| forecast_scenario(&plan, s).map(|f| f.total()).unwrap_or(0))
        .sum();
    let float_total: f64 = (0..count)
        .map(|s| f64_kernel::run(&f64_kernel::prepare(&plan, s)).total())
        .sum();
    println!(
        "totals: exact {exact_total}, f64 {float_total:.0} (difference {:.0})",
        float_total - exact_total as f64
    );

    let mut results = Vec::new();
    let (med, min, ()) = measure(runs, || {
        for s in 0..count {
            black_box(forecast_scenario(black_box(&plan), s).ok());
        }
    });
    results.push((
        "exact: forecast_scenario (validate + compile + run)",
        med,
        min,
    ));

    let prepared: Vec<PreparedScenario<'_>> = (0..count)
        .filter_map(|s| PreparedScenario::new(&plan, s).ok())
        .collect();
    let (med, min, ()) = measure(runs, || {
        for p in &prepared {
            let mut totals = ScenarioForecast::for_scenario(&plan, p.scenario_index());
            p.forecast(&mut totals);
            black_box(&totals);
        }
    });
    results.push(("exact: run only (prepared scenario)", med, min));

    struct Count(u64);
    impl fleetplan::model::LedgerSink for Count {
        fn row(&mut self, row: &fleetplan::model::LedgerRow) {
            self.0 = self.0.wrapping_add(row.amount_minor as u64);
        }
    }
    let (med, min, ()) = measure(runs, || {
        for p in &prepared {
            let mut sink = Count(0);
            p.forecast(&mut sink);
            black_box(sink.0);
        }
    });
    results.push((
        "exact: run only into a summing sink (no totals arrays)",
        med,
        min,
    ));

    let (med, min, ()) = measure(runs, || {
        black_box(validate(black_box(&plan)).len());
    });
    results.push(("exact: validate (whole plan)", med, min));

    let (med, min, ()) = measure(runs, || {
        for s in 0..count {
            black_box(f64_kernel::run(&f64_kernel::prepare(black_box(&plan), s)));
        }
    });
    results.push(("f64: prepare + run", med, min));

    let prepared_f64: Vec<_> = (0..count).map(|s| f64_kernel::prepare(&plan, s)).collect();
    let (med, min, ()) = measure(runs, || {
        for p in &prepared_f64 {
            black_box(f64_kernel::run(black_box(p)));
        }
    });
    results.push(("f64: run only (prepared)", med, min));

    for (name, med, min) in &results {
        println!(
            "{name:<55} median {:>9.3} ms   min {:>9.3} ms",
            ms(*med),
            ms(*min)
        );
    }
    let ratio = |a: usize, b: usize| ms(results[a].1) / ms(results[b].1);
    println!(
        "ratio exact/f64, run only (medians):        {:.2}",
        ratio(1, 5)
    );
    println!(
        "ratio exact/f64, full forecast (medians):   {:.2}",
        ratio(0, 4)
    );

    graded_against_simple(positions, months, scenarios, runs);
}

/// Graded against simple on the same plan: the full forecast (validate,
/// compile, run) and the run of prepared scenarios, alternating runs.
fn graded_against_simple(positions: usize, months: u16, scenarios: usize, runs: usize) {
    let graded = generate_plan_graded(positions, months, scenarios, 2026);
    let simple = with_simple_basis(graded.clone());
    assert!(validate(&graded).is_empty() && validate(&simple).is_empty());
    let count = graded.scenarios.len();
    let total = |plan: &Plan| -> i128 {
        (0..count)
            .map(|s| forecast_scenario(plan, s).map(|f| f.total()).unwrap_or(0))
            .sum()
    };
    println!(
        "graded vs simple: the same plan with allowances; totals graded {}, simple {}",
        total(&graded),
        total(&simple)
    );
    let full = |plan: &Plan| {
        for s in 0..count {
            black_box(forecast_scenario(black_box(plan), s).ok());
        }
    };
    fn prepared(plan: &Plan) -> Vec<PreparedScenario<'_>> {
        (0..plan.scenarios.len())
            .filter_map(|s| PreparedScenario::new(plan, s).ok())
            .collect()
    }
    let (pg, ps) = (prepared(&graded), prepared(&simple));
    let run = |p: &[PreparedScenario<'_>], plan: &Plan| {
        for p in p {
            let mut totals = ScenarioForecast::for_scenario(plan, p.scenario_index());
            p.forecast(&mut totals);
            black_box(&totals);
        }
    };
    // Warm-up, then alternate.
    full(&graded);
    full(&simple);
    let mut times: [Vec<f64>; 4] = Default::default();
    for i in 0..runs {
        let order: [usize; 2] = if i % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            let plan = if which == 0 { &graded } else { &simple };
            let start = std::time::Instant::now();
            full(plan);
            times[which].push(start.elapsed().as_secs_f64() * 1000.0);
            let start = std::time::Instant::now();
            run(if which == 0 { &pg } else { &ps }, plan);
            times[2 + which].push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let [mut fg, mut fs, mut rg, mut rs] = times;
    let (fg, fs, rg, rs) = (
        median(&mut fg),
        median(&mut fs),
        median(&mut rg),
        median(&mut rs),
    );
    println!("graded: forecast_scenario (validate + compile + run)   median {fg:>9.3} ms");
    println!("simple: forecast_scenario (validate + compile + run)   median {fs:>9.3} ms");
    println!("graded: run only (prepared scenario)                   median {rg:>9.3} ms");
    println!("simple: run only (prepared scenario)                   median {rs:>9.3} ms");
    println!(
        "ratio graded/simple, full forecast (medians): {:.3}",
        fg / fs
    );
    println!(
        "ratio graded/simple, run only (medians):      {:.3}",
        rg / rs
    );
}
