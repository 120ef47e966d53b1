//! Fleetplan on the command line: the browser's engine, on a plan file.
//!
//!     fleetplan-cli validate PLAN
//!     fleetplan-cli export PLAN --kind ledger|summary|roster|comparison
//!         [--scenario NAME] [--base NAME] [--bom|--no-bom] [-o FILE]
//!     fleetplan-cli forecast PLAN [--scenario NAME] [--summary]   (= export --kind ledger|summary)
//!     fleetplan-cli compare PLAN --base NAME                      (= export --kind comparison)
//!     fleetplan-cli bridge PLAN --base NAME --other NAME [--year FY2026]
//!     fleetplan-cli generate POSITIONS MONTHS SCENARIOS SEED [-o FILE]
//!
//! PLAN is a plan file (docs/plan-format.md), or `-` for standard input.
//! The CSV bytes come from `fleetplan::format::export`, the functions the
//! browser's downloads call, so both give identical files (docs/csv.md).
//! CSV goes to standard output or FILE; errors go to standard error, one per
//! line with the field's path. Exit status: 0 on success, 1 for an invalid
//! plan or a failed write, 2 for a usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use fleetplan::format::export::{self, ExportKind, ExportOptions, default_bom};
use fleetplan::format::plan_json::read_plan_file;
use fleetplan::model::{FiscalYear, Plan};

const USAGE: &str = "usage:
  fleetplan-cli validate PLAN
  fleetplan-cli export PLAN --kind ledger|summary|roster|comparison
      [--scenario NAME] [--base NAME] [--bom|--no-bom] [-o FILE]
  fleetplan-cli forecast PLAN [--scenario NAME] [--summary] [--bom|--no-bom] [-o FILE]
  fleetplan-cli compare PLAN --base NAME [--scenario NAME] [--bom|--no-bom] [-o FILE]
  fleetplan-cli bridge PLAN --base NAME --other NAME [--year FY2026] [--bom|--no-bom] [-o FILE]
  fleetplan-cli generate POSITIONS MONTHS SCENARIOS SEED [-o FILE]

PLAN is a Fleetplan plan file (docs/plan-format.md), or - for standard input.
export writes a CSV file (docs/csv.md) to standard output, or to FILE with -o:
  ledger      one row per scenario, month, team, source, category and component
  summary     one row per scenario, fiscal year and team
  roster      every position with its band, compa-ratio and cost per fiscal year
  comparison  per fiscal year, each scenario and its difference from --base NAME
Every scenario unless --scenario. The file starts with a UTF-8 byte-order mark
when the plan's currency is JPY, unless --no-bom; --bom adds one to any plan.
forecast is export --kind ledger (--summary: --kind summary); compare is
export --kind comparison. bridge writes the other scenario's total minus the
base's, by category and by team (kind,name,amount rows), over the fiscal year
--year or the whole horizon. generate writes the deterministic test plan of the
benchmarks (a Japanese organisation) as a plan file.";

/// Why the command stopped.
enum Failure {
    Usage(String),
    Plan(Vec<String>),
    Output(String),
}

struct Args {
    plan: String,
    kind: Option<ExportKind>,
    scenario: Option<String>,
    base: Option<String>,
    bom: Option<bool>,
    output: Option<String>,
    /// `bridge`: the scenario compared with `base`, and the fiscal year.
    bridge: Option<(String, Option<String>)>,
}

fn parse_args(args: &[String]) -> Result<Args, Failure> {
    let mut positional = Vec::new();
    let mut scenario = None;
    let mut base = None;
    let mut other = None;
    let mut year = None;
    let mut kind = None;
    let mut output = None;
    let mut bom = None;
    let mut summary = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--scenario" | "--base" | "--other" | "--year" | "--kind" | "-o" | "--output" => {
                let value = rest.next().ok_or_else(|| {
                    Failure::Usage(match arg.as_str() {
                        "--kind" => "--kind needs ledger, summary, roster or comparison".into(),
                        "-o" | "--output" => format!("{arg} needs a file name"),
                        "--year" => "--year needs a fiscal year, such as FY2026".into(),
                        _ => format!("{arg} needs a scenario name"),
                    })
                })?;
                let twice = match arg.as_str() {
                    "--scenario" => scenario.replace(value.clone()).is_some(),
                    "--base" => base.replace(value.clone()).is_some(),
                    "--other" => other.replace(value.clone()).is_some(),
                    "--year" => year.replace(value.clone()).is_some(),
                    "--kind" => {
                        let k = ExportKind::parse(value).ok_or_else(|| {
                            Failure::Usage(format!(
                                "unknown kind {value}: write ledger, summary, roster or comparison"
                            ))
                        })?;
                        kind.replace(k).is_some()
                    }
                    _ => output.replace(value.clone()).is_some(),
                };
                if twice {
                    return Err(Failure::Usage(format!("{arg} is given twice")));
                }
            }
            "--bom" | "--no-bom" => {
                if bom.replace(arg == "--bom").is_some() {
                    return Err(Failure::Usage("give --bom or --no-bom once".into()));
                }
            }
            "--summary" => summary = true,
            "-h" | "--help" => return Err(Failure::Usage(String::new())),
            flag if flag.starts_with('-') && flag != "-" => {
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
    let csv_options = bom.is_some() || output.is_some();
    if command != "bridge" && (other.is_some() || year.is_some()) {
        return Err(Failure::Usage(format!(
            "--other and --year apply to bridge, not to {command}"
        )));
    }
    let mut bridge = None;
    let allowed = match command.as_str() {
        "validate" => {
            scenario.is_none() && base.is_none() && !summary && kind.is_none() && !csv_options
        }
        "forecast" => {
            let allowed = base.is_none() && kind.is_none();
            kind = Some(if summary {
                ExportKind::Summary
            } else {
                ExportKind::Ledger
            });
            allowed
        }
        "compare" => {
            let allowed = !summary && kind.is_none();
            kind = Some(ExportKind::Comparison);
            allowed
        }
        "export" => {
            if kind.is_none() {
                return Err(Failure::Usage(
                    "export needs --kind ledger, summary, roster or comparison".into(),
                ));
            }
            !summary && (base.is_none() || kind == Some(ExportKind::Comparison))
        }
        "bridge" => {
            let (Some(_), Some(other)) = (&base, other) else {
                return Err(Failure::Usage(
                    "bridge needs --base NAME and --other NAME".into(),
                ));
            };
            bridge = Some((other, year));
            scenario.is_none() && !summary && kind.is_none()
        }
        unknown => return Err(Failure::Usage(format!("unknown command {unknown}"))),
    };
    if !allowed {
        return Err(Failure::Usage(format!(
            "an option does not apply to {command}"
        )));
    }
    if kind == Some(ExportKind::Comparison) && base.is_none() {
        return Err(Failure::Usage(format!(
            "{command} needs --base NAME for the comparison"
        )));
    }
    Ok(Args {
        plan,
        kind,
        scenario,
        base,
        bom,
        output,
        bridge,
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

/// "FY2026" (or "2026"): the plan's fiscal year that starts in 2026.
fn fiscal_year(text: &str, plan: &Plan) -> Result<FiscalYear, Failure> {
    let digits = text
        .strip_prefix("FY")
        .or_else(|| text.strip_prefix("fy"))
        .unwrap_or(text);
    let start_year = digits
        .parse::<i32>()
        .ok()
        .filter(|y| (1000..=9999).contains(y) && digits.len() == 4)
        .ok_or_else(|| {
            Failure::Usage(format!("--year {text}: write a fiscal year such as FY2026"))
        })?;
    Ok(FiscalYear {
        start_year,
        start_month: plan.fiscal_year_start_month,
    })
}

fn output_error(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        // The reader stopped reading (`| head`): not an error of ours.
        Failure::Output(String::new())
    } else {
        Failure::Output(format!("cannot write the output: {e}"))
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let plan = read_plan(&args.plan)?;
    let plan_errors = |errors: Vec<fleetplan::model::PlanError>| {
        Failure::Plan(errors.iter().map(ToString::to_string).collect())
    };
    if let Some((other, year)) = &args.bridge {
        let base = scenario_index(&plan, args.base.as_deref().unwrap_or_default())?;
        let other = scenario_index(&plan, other)?;
        let year = match year {
            Some(text) => Some(fiscal_year(text, &plan)?),
            None => None,
        };
        let bom = args.bom.unwrap_or_else(|| default_bom(&plan, false));
        let options = ExportOptions {
            scenario: None,
            bom,
        };
        let bytes = export::bridge_csv(&plan, base, other, year, options).map_err(plan_errors)?;
        return write_out(args.output.as_deref(), &bytes);
    }
    let Some(kind) = args.kind else {
        // validate: reading the plan validated it.
        let positions: usize = plan.scenarios.iter().map(|s| s.positions.len()).sum();
        let line = format!(
            "{}: valid, {} scenario(s), {positions} position(s), {} months from {}\n",
            args.plan,
            plan.scenarios.len(),
            plan.horizon.months,
            plan.horizon.start
        );
        return write_out(None, line.as_bytes());
    };
    let options = ExportOptions {
        scenario: match &args.scenario {
            Some(name) => Some(scenario_index(&plan, name)?),
            None => None,
        },
        bom: args.bom.unwrap_or_else(|| default_bom(&plan, false)),
    };
    let bytes = match kind {
        ExportKind::Ledger => export::ledger(&plan, options),
        ExportKind::Summary => export::summary(&plan, options),
        ExportKind::Roster => export::roster(&plan, options),
        ExportKind::Comparison => {
            let base = scenario_index(&plan, args.base.as_deref().unwrap_or_default())?;
            export::comparison(&plan, base, options)
        }
    }
    .map_err(plan_errors)?;
    write_out(args.output.as_deref(), &bytes)
}

/// Writes the bytes to the file, or to standard output.
fn write_out(path: Option<&str>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        Some(path) if path != "-" => std::fs::write(path, bytes)
            .map_err(|e| Failure::Output(format!("cannot write {path}: {e}"))),
        _ => {
            let mut out = io::stdout().lock();
            out.write_all(bytes)
                .and_then(|()| out.flush())
                .map_err(output_error)
        }
    }
}

/// `generate POSITIONS MONTHS SCENARIOS SEED [-o FILE]`: the benchmarks' plan.
fn generate(args: &[String]) -> Result<(), Failure> {
    let (numbers, output) = match args {
        [numbers @ .., flag, file] if flag == "-o" => (numbers, Some(file.as_str())),
        numbers => (numbers, None),
    };
    let usage = || Failure::Usage("generate needs POSITIONS MONTHS SCENARIOS SEED".into());
    let [positions, months, scenarios, seed] = numbers else {
        return Err(usage());
    };
    let plan = fleetplan::model::generate_plan(
        positions.parse().map_err(|_| usage())?,
        months.parse().map_err(|_| usage())?,
        scenarios.parse().map_err(|_| usage())?,
        seed.parse().map_err(|_| usage())?,
    );
    let text = fleetplan::format::plan_json::write_plan_file(&plan);
    write_out(output, text.as_bytes())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.first().map(String::as_str) == Some("generate") {
        generate(&args[1..])
    } else {
        parse_args(&args).and_then(|a| run(&a))
    };
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
