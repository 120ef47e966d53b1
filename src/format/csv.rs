//! CSV exports: the monthly ledger, fiscal-year summaries and scenario
//! comparisons.
//!
//! Every file is a header row then data rows, CRLF line ends (what Excel
//! expects), months as `YYYY-MM`, amounts as plain numbers with exactly the
//! currency's decimals (`500000` for yen, `1234.50` for dollars), no
//! thousands separators and no currency sign.
//!
//! These are the earlier writers (without the fiscal-year column, the BOM
//! option or formula neutralisation). The exports the browser and
//! `fleetplan-cli export` produce are [`super::export`]; see `docs/csv.md`.

use std::io::Write;

use crate::model::{
    CATEGORY_COUNT, Category, Comparison, Currency, FiscalYearSummary, LedgerRow, Plan,
    ScenarioForecast, component_label, plain_minor, source_label,
};

fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn amount(minor: i128, currency: Currency) -> String {
    plain_minor(minor, currency.exponent())
}

fn category_headers() -> impl Iterator<Item = &'static str> {
    Category::ALL.iter().map(|c| c.as_str())
}

/// The columns of [`write_ledger`].
pub const LEDGER_HEADER: [&str; 9] = [
    "scenario",
    "month",
    "team",
    "source",
    "position_id",
    "name",
    "category",
    "component",
    "amount",
];

/// Writes the header of a ledger file.
pub fn write_ledger_header<W: Write>(out: &mut csv::Writer<W>) -> csv::Result<()> {
    out.write_record(LEDGER_HEADER)
}

/// Writes scenario `scenario`'s rows (as collected from the engine) sorted
/// by month, keeping the engine's order within a month.
pub fn write_ledger_rows<W: Write>(
    out: &mut csv::Writer<W>,
    plan: &Plan,
    scenario: usize,
    rows: &mut [LedgerRow],
) -> csv::Result<()> {
    let Some(s) = plan.scenarios.get(scenario) else {
        return Ok(());
    };
    let Some(currency) = plan.currency() else {
        return Ok(());
    };
    let months = plan.months();
    rows.sort_by_key(|r| r.month);
    for row in rows.iter() {
        let month = months
            .get(usize::from(row.month))
            .map(ToString::to_string)
            .unwrap_or_default();
        let team = row
            .team
            .and_then(|t| s.teams.get(t as usize))
            .map(|t| t.name.as_str())
            .unwrap_or("");
        let (source, id, name) = source_label(s, row.source);
        out.write_record([
            s.name.as_str(),
            &month,
            team,
            source,
            &id,
            &name,
            row.category.as_str(),
            &component_label(s, row),
            &amount(i128::from(row.amount_minor), currency),
        ])?;
    }
    Ok(())
}

/// A whole ledger file for the given scenarios' rows.
pub fn ledger_csv(plan: &Plan, scenarios: &mut [(usize, Vec<LedgerRow>)]) -> String {
    let mut out = writer(Vec::new());
    let mut result = write_ledger_header(&mut out);
    for (s, rows) in scenarios.iter_mut() {
        if result.is_ok() {
            result = write_ledger_rows(&mut out, plan, *s, rows);
        }
    }
    finish(out)
}

/// The columns of [`write_summaries`].
pub fn summary_header() -> Vec<&'static str> {
    let mut header = vec![
        "scenario",
        "fiscal_year",
        "first_month",
        "months",
        "partial",
        "team",
    ];
    header.extend(category_headers());
    header.extend([
        "total",
        "heads_at_end",
        "fte_at_end",
        "hires",
        "departures",
        "average_fte",
        "cost_per_engineer",
        "cloud_per_engineer",
    ]);
    header
}

/// Writes the header of a summary file.
pub fn write_summary_header<W: Write>(out: &mut csv::Writer<W>) -> csv::Result<()> {
    out.write_record(summary_header())
}

/// One row per fiscal year for the whole scenario (`team` empty, with
/// headcount), then one per team and one for costs of no team
/// (`team` = "(no team)", headcount columns empty).
pub fn write_summaries<W: Write>(
    out: &mut csv::Writer<W>,
    forecast: &ScenarioForecast,
    summaries: &[FiscalYearSummary],
) -> csv::Result<()> {
    let currency = forecast.currency();
    for year in summaries {
        let first_month = forecast
            .months()
            .get(year.first_month)
            .map(ToString::to_string)
            .unwrap_or_default();
        let lead = |team: &str| {
            vec![
                forecast.name().to_string(),
                year.year.label(),
                first_month.clone(),
                year.months.to_string(),
                year.partial.to_string(),
                team.to_string(),
            ]
        };
        let mut record = lead("");
        record.extend(year.by_category.iter().map(|&v| amount(v, currency)));
        record.extend([
            amount(year.total, currency),
            year.heads_at_end.to_string(),
            year.fte_at_end.to_string(),
            year.hires.to_string(),
            year.departures.to_string(),
            year.average_fte.to_string(),
            year.cost_per_engineer
                .map_or_else(String::new, |v| amount(v, currency)),
            year.cloud_per_engineer
                .map_or_else(String::new, |v| amount(v, currency)),
        ]);
        out.write_record(&record)?;
        for team in &year.by_team {
            let name = if team.team.is_some() {
                team.name.as_str()
            } else {
                "(no team)"
            };
            let mut record = lead(name);
            record.extend(team.by_category.iter().map(|&v| amount(v, currency)));
            record.push(amount(team.total, currency));
            record.extend(std::iter::repeat_n(String::new(), 7));
            out.write_record(&record)?;
        }
    }
    Ok(())
}

/// The columns of [`write_comparison`].
pub fn comparison_header() -> Vec<&'static str> {
    let mut header = vec!["fiscal_year", "partial", "scenario", "base_scenario"];
    header.extend(category_headers());
    header.extend(["total", "difference", "difference_pct"]);
    header
}

/// One row per fiscal year and scenario: totals per category, the total,
/// and the difference from the base scenario in amount and percent.
pub fn write_comparison<W: Write>(out: W, plan: &Plan, comparison: &Comparison) -> csv::Result<()> {
    let mut out = writer(out);
    out.write_record(comparison_header())?;
    let currency = comparison.currency;
    let base_name = plan
        .scenarios
        .get(comparison.base)
        .map(|s| s.name.as_str())
        .unwrap_or("");
    for year in &comparison.years {
        for s in &year.scenarios {
            let mut record = vec![
                year.year.label(),
                year.partial.to_string(),
                s.name.clone(),
                base_name.to_string(),
            ];
            record.extend(s.by_category.iter().map(|&v| amount(v, currency)));
            record.extend([
                amount(s.total, currency),
                amount(s.difference, currency),
                s.difference_pct.map_or_else(String::new, |p| p.to_string()),
            ]);
            out.write_record(&record)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A complete comparison file as text.
pub fn comparison_csv(plan: &Plan, comparison: &Comparison) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_comparison(&mut bytes, plan, comparison);
    String::from_utf8(bytes).unwrap_or_default()
}

/// A complete summary file for the given forecasts as text.
pub fn summary_csv(forecasts: &[(ScenarioForecast, Vec<FiscalYearSummary>)]) -> String {
    let mut out = writer(Vec::new());
    let mut result = write_summary_header(&mut out);
    for (forecast, summaries) in forecasts {
        if result.is_ok() {
            result = write_summaries(&mut out, forecast, summaries);
        }
    }
    finish(out)
}

/// Opens a CSV writer with the format's settings (CRLF line ends).
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    writer(out)
}

fn finish(out: csv::Writer<Vec<u8>>) -> String {
    out.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

// Keeps the category columns and the summary arrays in step.
const _: () = assert!(Category::ALL.len() == CATEGORY_COUNT);
