//! Fleetplan on the command line: the browser's engine, on a plan file.
//!
//!     fleetplan-cli validate PLAN
//!     fleetplan-cli forecast PLAN [--scenario NAME] [--summary]
//!     fleetplan-cli compare PLAN --base NAME
//!
//! PLAN is a plan file (docs/plan-format.md), or `-` for standard input.
//! CSV goes to standard output; errors go to standard error, one per line
//! with the field's path. Exit status: 0 on success, 1 for an invalid plan
//! or a failed write, 2 for a usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use fleetplan::format::csv::{
    csv_writer, write_comparison, write_ledger_header, write_ledger_rows, write_summaries,
    write_summary_header,
};
use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::{
    LedgerRow, Plan, compare, fiscal_year_summaries, forecast_scenario, forecast_scenario_into,
};

const USAGE: &str = "usage:
  fleetplan-cli validate PLAN
  fleetplan-cli forecast PLAN [--scenario NAME] [--summary]
  fleetplan-cli compare PLAN --base NAME

PLAN is a Fleetplan plan file (docs/plan-format.md), or - for standard input.
forecast writes the monthly ledger as CSV (every scenario unless --scenario),
or with --summary one row per fiscal year and team.
compare writes each scenario's fiscal-year totals and difference from NAME.";

/// Why the command stopped.
enum Failure {
    Usage(String),
    Plan(Vec<String>),
    Output(String),
}

struct Args {
    command: String,
    plan: String,
    scenario: Option<String>,
    base: Option<String>,
    summary: bool,
}

fn parse_args(args: &[String]) -> Result<Args, Failure> {
    let mut positional = Vec::new();
    let mut scenario = None;
    let mut base = None;
    let mut summary = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--scenario" | "--base" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a scenario name")))?;
                let slot = if arg == "--scenario" {
                    &mut scenario
                } else {
                    &mut base
                };
                if slot.replace(value.clone()).is_some() {
                    return Err(Failure::Usage(format!("{arg} is given twice")));
                }
            }
            "--summary" => summary = true,
            "-h" | "--help" => return Err(Failure::Usage(String::new())),
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option {flag}")));
            }
            _ => positional.push(arg.clone()),
        }
    }
    let mut positional = positional.into_iter();
    let command = positional
        .next()
        .ok_or_else(|| Failure::Usage("name a command".into()))?;
    let plan = positional
        .next()
        .ok_or_else(|| Failure::Usage(format!("{command} needs a plan file")))?;
    if let Some(extra) = positional.next() {
        return Err(Failure::Usage(format!("unexpected argument {extra}")));
    }
    let allowed = match command.as_str() {
        "validate" => scenario.is_none() && base.is_none() && !summary,
        "forecast" => base.is_none(),
        "compare" => scenario.is_none() && !summary,
        other => return Err(Failure::Usage(format!("unknown command {other}"))),
    };
    if !allowed {
        return Err(Failure::Usage(format!(
            "an option does not apply to {command}"
        )));
    }
    if command == "compare" && base.is_none() {
        return Err(Failure::Usage("compare needs --base NAME".into()));
    }
    Ok(Args {
        command,
        plan,
        scenario,
        base,
        summary,
    })
}

fn read_plan(path: &str) -> Result<Plan, Failure> {
    let mut text = String::new();
    let read = if path == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map_err(|e| Failure::Plan(vec![format!("{path}: cannot read the file: {e}")]))?;
    read_plan_file(&text)
        .map_err(|errors| Failure::Plan(errors.iter().map(|e| format!("{path}: {e}")).collect()))
}

fn scenario_index(plan: &Plan, name: &str) -> Result<usize, Failure> {
    plan.scenario_index(name).ok_or_else(|| {
        let names: Vec<&str> = plan.scenarios.iter().map(|s| s.name.as_str()).collect();
        Failure::Plan(vec![format!(
            "there is no scenario named \u{201c}{name}\u{201d}; the plan has: {}",
            names.join(", ")
        )])
    })
}

fn output_error(e: impl Into<OutputError>) -> Failure {
    match e.into().0 {
        // The reader stopped reading (`| head`): not an error of ours.
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => Failure::Output(String::new()),
        Some(e) => Failure::Output(format!("cannot write the output: {e}")),
        None => Failure::Output("cannot write the output".into()),
    }
}

/// Write errors from `io` and from the csv crate.
struct OutputError(Option<io::Error>);

impl From<io::Error> for OutputError {
    fn from(e: io::Error) -> Self {
        Self(Some(e))
    }
}

impl From<csv::Error> for OutputError {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Self(Some(e)),
            other => Self(Some(io::Error::other(format!("{other:?}")))),
        }
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let plan = read_plan(&args.plan)?;
    let stdout = io::stdout();
    let out = io::BufWriter::new(stdout.lock());
    let plan_errors = |errors: Vec<fleetplan::model::PlanError>| {
        Failure::Plan(errors.iter().map(ToString::to_string).collect())
    };
    match args.command.as_str() {
        "validate" => {
            let positions: usize = plan.scenarios.iter().map(|s| s.positions.len()).sum();
            let mut out = out;
            writeln!(
                out,
                "{}: valid, {} scenario(s), {positions} position(s), {} months from {}",
                args.plan,
                plan.scenarios.len(),
                plan.horizon.months,
                plan.horizon.start
            )
            .map_err(output_error)?;
            out.flush().map_err(output_error)?;
        }
        "forecast" => {
            let scenarios: Vec<usize> = match &args.scenario {
                Some(name) => vec![scenario_index(&plan, name)?],
                None => (0..plan.scenarios.len()).collect(),
            };
            let mut csv = csv_writer(out);
            if args.summary {
                write_summary_header(&mut csv).map_err(output_error)?;
                for s in scenarios {
                    let forecast = forecast_scenario(&plan, s).map_err(plan_errors)?;
                    let summaries = fiscal_year_summaries(&plan, &forecast);
                    write_summaries(&mut csv, &forecast, &summaries).map_err(output_error)?;
                }
            } else {
                write_ledger_header(&mut csv).map_err(output_error)?;
                for s in scenarios {
                    let mut rows: Vec<LedgerRow> = Vec::new();
                    forecast_scenario_into(&plan, s, &mut rows).map_err(plan_errors)?;
                    write_ledger_rows(&mut csv, &plan, s, &mut rows).map_err(output_error)?;
                }
            }
            csv.flush().map_err(output_error)?;
        }
        "compare" => {
            let base = scenario_index(&plan, args.base.as_deref().unwrap_or_default())?;
            let comparison = compare(&plan, base).map_err(plan_errors)?;
            write_comparison(out, &plan, &comparison).map_err(output_error)?;
        }
        other => return Err(Failure::Usage(format!("unknown command {other}"))),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|a| run(&a));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            if message.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("fleetplan-cli: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Plan(lines)) => {
            for line in lines {
                eprintln!("error: {line}");
            }
            ExitCode::from(1)
        }
        Err(Failure::Output(message)) if message.is_empty() => ExitCode::SUCCESS,
        Err(Failure::Output(message)) => {
            eprintln!("fleetplan-cli: {message}");
            ExitCode::from(1)
        }
    }
}
