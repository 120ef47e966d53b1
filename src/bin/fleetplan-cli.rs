//! Fleetplan on the command line: the browser's engine, on a plan file.
//!
//!     fleetplan-cli validate PLAN
//!     fleetplan-cli export PLAN --kind ledger|summary|roster|comparison
//!         [--scenario NAME] [--base NAME] [--fiscal-year FY2026] [--bom|--no-bom] [-o FILE]
//!     fleetplan-cli forecast PLAN [--scenario NAME] [--fiscal-year FY2026] [--summary]
//!         (= export --kind ledger|summary)
//!     fleetplan-cli compare PLAN --base NAME                      (= export --kind comparison)
//!     fleetplan-cli bridge PLAN --base NAME --other NAME [--year FY2026]
//!     fleetplan-cli generate POSITIONS MONTHS SCENARIOS SEED [-o FILE]
//!     fleetplan-cli import-roster PLAN FILE --scenario NAME [--map HEADER=FIELD]...
//!         [--remove-missing] [-o OUT]
//!     fleetplan-cli import-actuals PLAN FILE [--map HEADER=USE]... [--close] [-o OUT]
//!     fleetplan-cli variance PLAN --budget NAME [--year FY2026] [--bom|--no-bom] [-o FILE]
//!
//! PLAN is a plan file (docs/plan-format.md), or `-` for standard input.
//! The CSV bytes come from `fleetplan::format::export`, the functions the
//! browser's downloads call, so both give identical files (docs/csv.md).
//! CSV goes to standard output or FILE; errors go to standard error, one per
//! line with the field's path. Exit status: 0 on success, 1 for an invalid
//! plan or a failed write, 2 for a usage error. Exports are written a chunk
//! at a time (`ExportChunks`, as the browser writes them), so a ledger of
//! gigabytes never sits in memory whole.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use fleetplan::format::actuals::{ActualsMapping, ColumnUse, preview_actuals};
use fleetplan::format::export::{
    self, ExportChunks, ExportKind, ExportOptions, ExportRequest, default_bom,
};
use fleetplan::format::focus::{FocusCost, FocusOptions, TeamSource, preview_focus};
use fleetplan::format::import::{self, Field, IGNORE, ImportError};
use fleetplan::format::pivot::{Labels, PivotLayout, PivotOptions};
use fleetplan::format::plan_json::{PlanFileError, read_plan_bytes, write_plan_file};
use fleetplan::format::values::key;
use fleetplan::format::variance::variance_csv;
use fleetplan::model::units::Unit;
use fleetplan::model::{CloudCategory, FiscalYear, Plan};

const USAGE: &str = "usage:
  fleetplan-cli validate PLAN
  fleetplan-cli export PLAN --kind ledger|summary|roster|comparison|pivot
      [--scenario NAME] [--base NAME] [--fiscal-year FY2026] [--bom|--no-bom] [-o FILE]
      [--pivot month-category|month-team|team-category] [--unit yen|thousand|million]
      [--labels en|ja]
  fleetplan-cli forecast PLAN [--scenario NAME] [--fiscal-year FY2026] [--summary] [--bom|--no-bom] [-o FILE]
  fleetplan-cli compare PLAN --base NAME [--scenario NAME] [--bom|--no-bom] [-o FILE]
  fleetplan-cli bridge PLAN --base NAME --other NAME [--year FY2026] [--bom|--no-bom] [-o FILE]
  fleetplan-cli generate POSITIONS MONTHS SCENARIOS SEED [-o FILE]
  fleetplan-cli import-roster PLAN FILE --scenario NAME [--map HEADER=FIELD]...
      [--remove-missing] [-o OUT]
  fleetplan-cli import-actuals PLAN FILE [--map HEADER=USE]... [--close] [-o OUT]
  fleetplan-cli import-actuals PLAN FILE --focus [--billed] [--team-tag KEY | --team-sub-account]
      [--team VALUE=TEAM]... [--service NAME=CATEGORY]... [--rate CUR=RATE]... [--close] [-o OUT]
  fleetplan-cli variance PLAN --budget NAME [--year FY2026] [--bom|--no-bom] [-o FILE]

PLAN is a Fleetplan plan file (docs/plan-format.md), or - for standard input.
export writes a CSV file (docs/csv.md) to standard output, or to FILE with -o:
  ledger      one row per scenario, month, team, source, category and component
  summary     one row per scenario, fiscal year and team, with each category's
              account; --unit and --labels as for the pivot
  roster      every position with its band, compa-ratio and cost per fiscal year
  comparison  per fiscal year, each scenario and its difference from --base NAME
  pivot       per scenario and fiscal year, months with quarter and half subtotals
              and the year's total by category (--pivot month-category, with
              accounts), by team (month-team), or teams by category
              (team-category); --unit thousand or million rounds half away
              from zero to that unit (yen: exact, also for dollars); --labels ja
              writes Japanese headers and labels, as the Pivot view offers
Every scenario unless --scenario; the ledger of one fiscal year with
--fiscal-year FY2026 (every month of the horizon otherwise), as the browser's
Export view writes it with the same choices. The file starts with a UTF-8
byte-order mark when the plan's currency is JPY, unless --no-bom; --bom adds
one to any plan.
forecast is export --kind ledger (--summary: --kind summary); compare is
export --kind comparison. bridge writes the other scenario's total minus the
base's, by category and by team (kind,name,amount rows), over the fiscal year
--year or the whole horizon. generate writes the deterministic test plan of the
benchmarks (a Japanese organisation) as a plan file.
import-roster imports the roster FILE (CSV or tab-separated; UTF-8, UTF-16 or
Shift_JIS; docs/csv.md) into scenario NAME as the browser's import does, and
writes the plan file to standard output or OUT: byte for byte the plan the
browser has after the same import. --map HEADER=FIELD says which field a
column fills (FIELD ignore leaves it out), remembered with the plan as the
browser remembers its mapping; --remove-missing removes the scenario's
positions the file does not list. Every error of the file goes to standard
error and nothing is written.
import-actuals imports the actuals FILE (docs/actuals.md) into the plan as the
browser's import does: the months and categories the file covers are
replaced. --map HEADER=USE maps a column (month, category, team, amount, note,
heads, fte, scenario, category:cloud, ignore); --close also closes the books
through the file's last month when that is later. With --focus FILE is a
cloud bill in FOCUS (docs/actuals.md): EffectiveCost (BilledCost with
--billed) per month, team (a tag's value with --team-tag KEY, the sub-account
with --team-sub-account; --team VALUE=TEAM maps one, VALUE= to no team) and
cloud category (--service NAME=CATEGORY over the default mapping), converted
at the base scenario's rates or --rate CUR=RATE. It writes the plan file to
standard output or OUT, byte for byte the plan the browser has after the same
import; any error of the file goes to standard error and nothing is written.
variance writes the variance CSV of budget scenario NAME against the plan's
actuals (docs/actuals.md), for fiscal year --year or every fiscal year with a
closed month, as the browser's download writes it.";

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
    /// The ledger's fiscal year (`--fiscal-year`).
    fiscal_year: Option<String>,
    /// The pivot's layout, unit and labels (`--pivot`, `--unit`, `--labels`);
    /// the unit and labels serve the summary too.
    pivot: PivotOptions,
}

fn parse_args(args: &[String]) -> Result<Args, Failure> {
    let mut positional = Vec::new();
    let mut scenario = None;
    let mut base = None;
    let mut other = None;
    let mut year = None;
    let mut fiscal_year = None;
    let mut kind = None;
    let mut output = None;
    let mut bom = None;
    let mut summary = false;
    let mut pivot = PivotOptions::default();
    let mut pivot_given = false;
    let mut layout_given = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--scenario" | "--base" | "--other" | "--year" | "--fiscal-year" | "--kind" | "-o"
            | "--output" => {
                let value = rest.next().ok_or_else(|| {
                    Failure::Usage(match arg.as_str() {
                        "--kind" => {
                            "--kind needs ledger, summary, roster, comparison or pivot".into()
                        }
                        "-o" | "--output" => format!("{arg} needs a file name"),
                        "--year" | "--fiscal-year" => {
                            format!("{arg} needs a fiscal year, such as FY2026")
                        }
                        _ => format!("{arg} needs a scenario name"),
                    })
                })?;
                let twice = match arg.as_str() {
                    "--scenario" => scenario.replace(value.clone()).is_some(),
                    "--base" => base.replace(value.clone()).is_some(),
                    "--other" => other.replace(value.clone()).is_some(),
                    "--year" => year.replace(value.clone()).is_some(),
                    "--fiscal-year" => fiscal_year.replace(value.clone()).is_some(),
                    "--kind" => {
                        let k = ExportKind::parse(value).ok_or_else(|| {
                            Failure::Usage(format!(
                                "unknown kind {value}: write ledger, summary, roster, comparison or pivot"
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
            "--pivot" | "--unit" | "--labels" => {
                let value = rest.next().map(String::as_str).unwrap_or_default();
                if arg == "--pivot" {
                    layout_given = true;
                }
                let known = match arg.as_str() {
                    "--pivot" => PivotLayout::parse(value).map(|l| pivot.layout = l),
                    "--unit" => Unit::parse(value).map(|u| pivot.unit = u),
                    _ => Labels::parse(value).map(|l| pivot.labels = l),
                };
                if known.is_none() {
                    return Err(Failure::Usage(match arg.as_str() {
                        "--pivot" => format!(
                            "--pivot {value}: write month-category, month-team or team-category"
                        ),
                        "--unit" => format!("--unit {value}: write yen, thousand or million"),
                        _ => format!("--labels {value}: write en or ja"),
                    }));
                }
                pivot_given = true;
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
                    "export needs --kind ledger, summary, roster, comparison or pivot".into(),
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
    if fiscal_year.is_some() && kind != Some(ExportKind::Ledger) {
        return Err(Failure::Usage(
            "--fiscal-year applies to the ledger (export --kind ledger, forecast)".into(),
        ));
    }
    // --unit and --labels serve the pivot and the summary; --pivot the pivot.
    let unit_applies = matches!(kind, Some(ExportKind::Pivot | ExportKind::Summary));
    if layout_given && kind != Some(ExportKind::Pivot) || pivot_given && !unit_applies {
        return Err(Failure::Usage(
            "--unit and --labels apply to export --kind pivot or summary, --pivot to pivot".into(),
        ));
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
        fiscal_year,
        pivot,
    })
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| Failure::Plan(vec![format!("{path}: cannot read the file: {e}")]))?;
    Ok(bytes)
}

/// Reads a plan file as the browser opens one: decoded (UTF-8, UTF-16 with
/// BOM, Shift_JIS), then read and validated.
fn read_plan(path: &str) -> Result<Plan, Failure> {
    read_plan_bytes(&read_bytes(path)?).map_err(|e| {
        Failure::Plan(match e {
            PlanFileError::NotText(e) => vec![format!("{path}: {e}")],
            PlanFileError::Plan(errors) => errors.iter().map(|e| format!("{path}: {e}")).collect(),
        })
    })
}

/// `import-roster PLAN FILE --scenario NAME [--map HEADER=FIELD]...
/// [--remove-missing] [-o OUT]`: the browser's roster import, on a plan file.
fn import_roster(args: &[String]) -> Result<(), Failure> {
    let mut positional = Vec::new();
    let mut scenario = None;
    let mut output = None;
    let mut remove_missing = false;
    let mut choices = BTreeMap::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--scenario" | "-o" | "--output" | "--map" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                match arg.as_str() {
                    "--scenario" => {
                        if scenario.replace(value.clone()).is_some() {
                            return Err(Failure::Usage("--scenario is given twice".into()));
                        }
                    }
                    "--map" => {
                        let (header, field) = value.rsplit_once('=').ok_or_else(|| {
                            Failure::Usage(format!("--map {value}: write HEADER=FIELD"))
                        })?;
                        if field != IGNORE && Field::from_key(field).is_none() {
                            let fields: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
                            return Err(Failure::Usage(format!(
                                "--map {value}: the fields are {} and {IGNORE}",
                                fields.join(", ")
                            )));
                        }
                        choices.insert(key(header), field.to_string());
                    }
                    _ => {
                        if output.replace(value.clone()).is_some() {
                            return Err(Failure::Usage(format!("{arg} is given twice")));
                        }
                    }
                }
            }
            "--remove-missing" => remove_missing = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Failure::Usage(format!("unknown option {flag}")));
            }
            _ => positional.push(arg.clone()),
        }
    }
    let [plan_path, file] = &positional[..] else {
        return Err(Failure::Usage(
            "import-roster needs PLAN FILE --scenario NAME".into(),
        ));
    };
    let name =
        scenario.ok_or_else(|| Failure::Usage("import-roster needs --scenario NAME".into()))?;
    let mut plan = read_plan(plan_path)?;
    let index = scenario_index(&plan, &name)?;
    let bytes = read_bytes(file)?;
    let errors = |errors: Vec<ImportError>| {
        Failure::Plan(errors.iter().map(|e| format!("{file}: {e}")).collect())
    };
    let report = import::import_roster(&plan, index, &bytes, &choices).map_err(errors)?;
    let ignored: Vec<String> = report
        .ignored()
        .map(|c| c.header.clone())
        .filter(|h| !h.is_empty())
        .collect();
    let encoding = report.encoding;
    let preview = report.result.map_err(errors)?;
    preview
        .apply_to(&mut plan, remove_missing)
        .map_err(|problem| Failure::Plan(vec![format!("{file}: {problem}")]))?;
    let removed = if remove_missing {
        preview.missing.len()
    } else {
        0
    };
    eprintln!(
        "{file}: read as {encoding}; into \u{201c}{name}\u{201d}: {} added, {} changed, {} unchanged, {removed} removed{}",
        preview.added().count(),
        preview.changed().count(),
        preview.unchanged,
        if ignored.is_empty() {
            String::new()
        } else {
            format!("; not imported: {}", ignored.join(", "))
        }
    );
    write_out(output.as_deref(), write_plan_file(&plan).as_bytes())
}

/// `import-actuals PLAN FILE [--map HEADER=USE]... [--close] [-o OUT]`.
fn import_actuals(args: &[String]) -> Result<(), Failure> {
    let mut positional = Vec::new();
    let mut output = None;
    let mut close = false;
    let mut mapping = ActualsMapping::default();
    let mut focus = false;
    let mut focus_options = FocusOptions::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--focus" => focus = true,
            "--billed" => focus_options.cost = FocusCost::Billed,
            "--team-sub-account" => focus_options.team_source = TeamSource::SubAccountName,
            "--team-tag" | "--team" | "--service" | "--rate" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                let pair = || {
                    value
                        .rsplit_once('=')
                        .ok_or_else(|| Failure::Usage(format!("{arg} {value}: write NAME=VALUE")))
                };
                match arg.as_str() {
                    "--team-tag" => focus_options.team_source = TeamSource::Tag(value.clone()),
                    "--team" => {
                        let (from, team) = pair()?;
                        focus_options.teams.insert(
                            from.to_string(),
                            (!team.is_empty()).then(|| team.to_string()),
                        );
                    }
                    "--service" => {
                        let (service, category) = pair()?;
                        let category = CloudCategory::ALL
                            .into_iter()
                            .find(|c| c.as_str() == category)
                            .ok_or_else(|| {
                                Failure::Usage(format!(
                                    "--service {value}: the cloud categories are compute, \
                                     storage, data, observability, network and other"
                                ))
                            })?;
                        focus_options.categories.insert(key(service), category);
                    }
                    _ => {
                        let (currency, rate) = pair()?;
                        let rate = rate.parse::<rust_decimal::Decimal>().map_err(|_| {
                            Failure::Usage(format!("--rate {value}: write USD=152.30"))
                        })?;
                        focus_options.rates.insert(currency.to_uppercase(), rate);
                    }
                }
            }
            "-o" | "--output" | "--map" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?;
                if arg == "--map" {
                    let (header, used_as) = value.rsplit_once('=').ok_or_else(|| {
                        Failure::Usage(format!("--map {value}: write HEADER=USE"))
                    })?;
                    let used_as = ColumnUse::from_key(used_as).ok_or_else(|| {
                        Failure::Usage(format!(
                            "--map {value}: the uses are month, category, team, amount, note, \
                             heads, fte, scenario, category:NAME and ignore"
                        ))
                    })?;
                    mapping.by_header.insert(key(header), used_as);
                } else if output.replace(value.clone()).is_some() {
                    return Err(Failure::Usage(format!("{arg} is given twice")));
                }
            }
            "--close" => close = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Failure::Usage(format!("unknown option {flag}")));
            }
            _ => positional.push(arg.clone()),
        }
    }
    let [plan_path, file] = &positional[..] else {
        return Err(Failure::Usage("import-actuals needs PLAN FILE".into()));
    };
    let mut plan = read_plan(plan_path)?;
    let bytes = read_bytes(file)?;
    let preview = if focus {
        preview_focus(&plan, &bytes, focus_options).map(|p| p.actuals)
    } else {
        preview_actuals(&plan, &bytes, &mapping)
    }
    .map_err(|e| Failure::Plan(vec![format!("{file}: {e}")]))?;
    if !preview.errors.is_empty() {
        return Err(Failure::Plan(
            preview
                .errors
                .iter()
                .map(|e| format!("{file}: {e}"))
                .collect(),
        ));
    }
    let closes = close.then_some(preview.proposed_closed).flatten();
    let _ = preview.apply(&mut plan, close);
    eprintln!(
        "{file}: read as {}; {} rows, {} month × category totals changed, {} unchanged{}{}",
        preview.encoding,
        preview.rows,
        preview.changes.len(),
        preview.unchanged,
        if preview.skipped > 0 {
            format!(", {} rows without an amount left out", preview.skipped)
        } else {
            String::new()
        },
        closes.map_or_else(String::new, |m| format!("; closed through {m}")),
    );
    write_out(output.as_deref(), write_plan_file(&plan).as_bytes())
}

/// `variance PLAN --budget NAME [--year FY] [--bom|--no-bom] [-o FILE]`.
fn variance(args: &[String]) -> Result<(), Failure> {
    let mut plan_path = None;
    let mut budget = None;
    let mut year = None;
    let mut bom = None;
    let mut output = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--budget" | "--year" | "--fiscal-year" | "-o" | "--output" => {
                let value = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))?
                    .clone();
                let slot = match arg.as_str() {
                    "--budget" => &mut budget,
                    "--year" | "--fiscal-year" => &mut year,
                    _ => &mut output,
                };
                if slot.replace(value).is_some() {
                    return Err(Failure::Usage(format!("{arg} is given twice")));
                }
            }
            "--bom" => bom = Some(true),
            "--no-bom" => bom = Some(false),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(Failure::Usage(format!("unknown option {flag}")));
            }
            _ => {
                if plan_path.replace(arg.clone()).is_some() {
                    return Err(Failure::Usage("variance takes one PLAN".into()));
                }
            }
        }
    }
    let plan_path = plan_path.ok_or_else(|| Failure::Usage("variance needs PLAN".into()))?;
    let budget = budget.ok_or_else(|| Failure::Usage("variance needs --budget NAME".into()))?;
    let plan = read_plan(&plan_path)?;
    let index = scenario_index(&plan, &budget)?;
    let year = year.map(|y| fiscal_year(&y, &plan)).transpose()?;
    let bom = bom.unwrap_or_else(|| default_bom(&plan, false));
    let bytes = variance_csv(&plan, index, year, bom)
        .map_err(|errors| Failure::Plan(errors.iter().map(ToString::to_string).collect()))?;
    write_out(output.as_deref(), &bytes)
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
    let mut request = ExportRequest::new(kind, options);
    request.pivot = args.pivot;
    request.summary = export::SummaryOptions {
        unit: args.pivot.unit,
        labels: args.pivot.labels,
    };
    if kind == ExportKind::Comparison {
        request.base = scenario_index(&plan, args.base.as_deref().unwrap_or_default())?;
    }
    if let Some(text) = &args.fiscal_year {
        request.fiscal_year = Some(fiscal_year(text, &plan).map_err(|_| {
            Failure::Usage(format!(
                "--fiscal-year {text}: write a fiscal year such as FY2026"
            ))
        })?);
    }
    let chunks = ExportChunks::new(&plan, &request).map_err(plan_errors)?;
    write_chunks(args.output.as_deref(), chunks)
}

/// Writes the chunks to the file, or to standard output, as they come.
fn write_chunks(path: Option<&str>, chunks: ExportChunks<'_>) -> Result<(), Failure> {
    match path {
        Some(path) if path != "-" => {
            let fail = |e: io::Error| Failure::Output(format!("cannot write {path}: {e}"));
            let file = std::fs::File::create(path).map_err(fail)?;
            let mut out = io::BufWriter::new(file);
            for chunk in chunks {
                out.write_all(&chunk).map_err(fail)?;
            }
            out.flush().map_err(fail)
        }
        _ => {
            let mut out = io::stdout().lock();
            for chunk in chunks {
                out.write_all(&chunk).map_err(output_error)?;
            }
            out.flush().map_err(output_error)
        }
    }
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
    let text = write_plan_file(&plan);
    write_out(output, text.as_bytes())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.first().map(String::as_str) == Some("generate") {
        generate(&args[1..])
    } else if args.first().map(String::as_str) == Some("import-roster") {
        import_roster(&args[1..])
    } else if args.first().map(String::as_str) == Some("import-actuals") {
        import_actuals(&args[1..])
    } else if args.first().map(String::as_str) == Some("variance") {
        variance(&args[1..])
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
