//! The CSV exports, as bytes: the same functions serve the browser's
//! download buttons and `fleetplan-cli export`, so both give identical files.
//!
//! Every file is a header row then data rows, written by the csv crate
//! (RFC 4180 quoting) with CRLF line ends, optionally after a UTF-8
//! byte-order mark. Amounts are plain numbers with exactly the currency's
//! decimals, dates `YYYY-MM-DD`, months `YYYY-MM`. Text cells that a
//! spreadsheet would read as a formula are neutralised ([`text_cell`]).
//! The columns are documented in `docs/csv.md`.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::model::{
    Category, Comparison, Component, Currency, Date, FiscalYear, LedgerRow, LedgerSink, Plan,
    PlanError, PreparedScenario, Problem, Scenario, Source, bridge, compare, fiscal_year_summaries,
    forecast_scenario, overview::category_name, plain_minor, to_minor,
};

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Options shared by every export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only this scenario (an index into `plan.scenarios`); every scenario when `None`.
    pub scenario: Option<usize>,
    /// Start the file with a UTF-8 byte-order mark; see [`default_bom`].
    pub bom: bool,
}

/// Which export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportKind {
    Ledger,
    Summary,
    Roster,
    Comparison,
}

impl ExportKind {
    pub const ALL: [ExportKind; 4] = [Self::Ledger, Self::Summary, Self::Roster, Self::Comparison];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ledger => "ledger",
            Self::Summary => "summary",
            Self::Roster => "roster",
            Self::Comparison => "comparison",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// Whether a file starts with a byte-order mark unless the user says
/// otherwise: when the plan's currency is JPY or the interface is in
/// Japanese (Japanese Excel reads a CSV without BOM as Shift_JIS).
pub fn default_bom(plan: &Plan, japanese_ui: bool) -> bool {
    japanese_ui || plan.currency == "JPY"
}

/// Neutralises a text cell a spreadsheet would run as a formula (OWASP
/// CSV injection): a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading single quote. A cell that already starts
/// with a single quote gets one too, so that importing (which removes one
/// leading quote) gives back exactly the text. Only for text, never numbers.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if needs_quote_prefix(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn needs_quote_prefix(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'')
    )
}

/// Undoes [`text_cell`]: removes one leading single quote.
pub fn untext_cell(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

fn start(bom: bool, capacity: usize) -> csv::Writer<Vec<u8>> {
    let mut bytes = Vec::with_capacity(capacity);
    if bom {
        bytes.extend_from_slice(BOM);
    }
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(bytes)
}

fn finish(out: csv::Writer<Vec<u8>>) -> Vec<u8> {
    // Writing to memory cannot fail.
    out.into_inner().unwrap_or_default()
}

fn scenarios(plan: &Plan, only: Option<usize>) -> Result<Vec<usize>, Vec<PlanError>> {
    match only {
        Some(s) if s < plan.scenarios.len() => Ok(vec![s]),
        Some(s) => Err(vec![PlanError::at(
            "scenarios",
            Problem::ScenarioIndexOutOfRange {
                index: s,
                count: plan.scenarios.len(),
            },
        )]),
        None => Ok((0..plan.scenarios.len()).collect()),
    }
}

fn currency_of(plan: &Plan) -> Result<Currency, Vec<PlanError>> {
    plan.currency().ok_or_else(|| {
        vec![PlanError::at(
            "currency",
            Problem::UnknownCurrencyCode {
                code: plan.currency.clone(),
            },
        )]
    })
}

/// A minor-unit amount as a plain number, written into `buf` without
/// allocating: the same text as [`plain_minor`].
fn amount_bytes(buf: &mut [u8; 48], minor: i64, exponent: u32) -> &[u8] {
    // u64, not u128: 128-bit division is a library call per digit.
    let mut n = minor.unsigned_abs();
    let exponent = exponent as usize;
    let mut i = buf.len();
    let mut digits = 0;
    while n > 0 || digits <= exponent {
        if exponent > 0 && digits == exponent {
            i -= 1;
            buf[i] = b'.';
        }
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        digits += 1;
    }
    if minor < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

fn amount(minor: i128, currency: Currency) -> String {
    plain_minor(minor, currency.exponent())
}

/// The columns of the ledger export.
pub const LEDGER_COLUMNS: [&str; 10] = [
    "scenario",
    "fiscal_year",
    "month",
    "team",
    "source",
    "source_id",
    "name",
    "category",
    "component",
    "amount",
];

/// One cell as the csv crate writes it (quoted per RFC 4180 when needed),
/// after [`text_cell`]: encoded once, copied into every row that uses it.
fn encoded(text: &str) -> Vec<u8> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(text.len() + 5));
    // A one-cell record, then without its line end.
    let _ = out.write_record([text_cell(text).as_bytes()]);
    let mut bytes = out.into_inner().unwrap_or_default();
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    }
    bytes
}

/// A ledger row's cells that repeat: each encoded once per scenario.
struct LedgerCells {
    /// "scenario,fiscal_year,month," for each month of the horizon.
    month_prefix: Vec<Vec<u8>>,
    teams: Vec<Vec<u8>>,
    /// "position,id,title" for each position.
    positions: Vec<Vec<u8>>,
    /// "other_cost,,name" for each other cost.
    other_costs: Vec<Vec<u8>>,
    /// "cloud_line,,name" for each cloud line.
    cloud_lines: Vec<Vec<u8>>,
    burden: Vec<Vec<u8>>,
}

impl LedgerCells {
    fn new(plan: &Plan, s: &Scenario) -> Self {
        let scenario = encoded(&s.name);
        let month_prefix = plan
            .months()
            .iter()
            .map(|&m| {
                let mut cell = scenario.clone();
                cell.push(b',');
                cell.extend(
                    FiscalYear::of(m, plan.fiscal_year_start_month)
                        .label()
                        .bytes(),
                );
                cell.push(b',');
                cell.extend(m.to_string().bytes());
                cell.push(b',');
                cell
            })
            .collect();
        let source = |kind: &str, id: &str, name: &str| {
            let mut cell = kind.as_bytes().to_vec();
            cell.push(b',');
            cell.extend(encoded(id));
            cell.push(b',');
            cell.extend(encoded(name));
            cell
        };
        Self {
            month_prefix,
            teams: s.teams.iter().map(|t| encoded(&t.name)).collect(),
            positions: s
                .positions
                .iter()
                .map(|p| source("position", &p.id, &p.title))
                .collect(),
            other_costs: s
                .other_costs
                .iter()
                .map(|c| source("other_cost", "", &c.name))
                .collect(),
            cloud_lines: s
                .cloud
                .lines
                .iter()
                .map(|l| source("cloud_line", "", &l.name))
                .collect(),
            burden: s.people.burden.iter().map(|b| encoded(&b.name)).collect(),
        }
    }
}

fn cell(cells: &[Vec<u8>], index: usize) -> &[u8] {
    cells.get(index).map_or(&[], Vec::as_slice)
}

/// Collects a scenario's rows (only rows, never activity).
struct Rows(Vec<LedgerRow>);

impl LedgerSink for Rows {
    fn row(&mut self, row: &LedgerRow) {
        self.0.push(*row);
    }
}

impl LedgerCells {
    fn component(&self, component: Component) -> &[u8] {
        match component {
            Component::Main | Component::OneOff(_) => &[],
            Component::Burden(c) => cell(&self.burden, usize::from(c)),
            Component::HireFee => b"agency fee",
            Component::Onboarding => b"onboarding",
            Component::BackfillFee => b"expected backfill fee",
            Component::DevEnvironments => b"development environments",
        }
    }

    fn source(&self, source: Source) -> &[u8] {
        match source {
            Source::Position(i) => cell(&self.positions, i as usize),
            Source::OtherCost(i) => cell(&self.other_costs, i as usize),
            Source::CloudLine(i) => cell(&self.cloud_lines, i as usize),
        }
    }

    fn team(&self, team: Option<u32>) -> &[u8] {
        team.map_or(&[], |t| cell(&self.teams, t as usize))
    }

    /// At least the length of the row's line (an amount has at most 21 bytes).
    fn max_len(&self, row: &LedgerRow) -> usize {
        cell(&self.month_prefix, usize::from(row.month)).len()
            + self.team(row.team).len()
            + self.source(row.source).len()
            + self.component(row.component).len()
            + 48
    }

    fn write(
        &self,
        out: &mut Vec<u8>,
        scenario: &Scenario,
        row: &LedgerRow,
        exponent: u32,
        buf: &mut [u8; 48],
    ) {
        out.extend_from_slice(cell(&self.month_prefix, usize::from(row.month)));
        out.extend_from_slice(self.team(row.team));
        out.push(b',');
        out.extend_from_slice(self.source(row.source));
        out.push(b',');
        out.extend_from_slice(row.category.as_str().as_bytes());
        out.push(b',');
        if let Component::OneOff(_) = row.component {
            // "one-off: NOTE": rare, encoded when met.
            out.extend(encoded(&crate::model::component_label(scenario, row)));
        } else {
            out.extend_from_slice(self.component(row.component));
        }
        out.push(b',');
        out.extend_from_slice(amount_bytes(buf, row.amount_minor, exponent));
        out.extend_from_slice(b"\r\n");
    }
}

/// The monthly ledger: one row per scenario, month, team, source (position,
/// other cost or cloud line), category and component, sorted by scenario and
/// month (the engine's order within a month). Its amounts add up to the
/// fiscal-year summary to the minor unit.
///
/// Every cell is written by the csv crate's quoting; cells that repeat (names,
/// labels) are encoded once per scenario and copied. The engine's rows are
/// kept (32 bytes each), ordered by month with a counting sort, and written
/// into one buffer reserved once: no allocation per row.
pub fn ledger(plan: &Plan, options: ExportOptions) -> Result<Vec<u8>, Vec<PlanError>> {
    let indexes = scenarios(plan, options.scenario)?;
    let exponent = currency_of(plan)?.exponent();
    let mut prepared = Vec::with_capacity(indexes.len());
    for &s in &indexes {
        prepared.push(PreparedScenario::new(plan, s)?);
    }
    let mut header = start(options.bom, 0);
    let _ = header.write_record(LEDGER_COLUMNS);
    let mut out = finish(header);
    let months = usize::from(plan.horizon.months);
    let mut rows = Rows(Vec::new());
    let mut order: Vec<u32> = Vec::new();
    let mut buf = [0u8; 48];
    for p in &prepared {
        let s = p.scenario();
        let cells = LedgerCells::new(plan, s);
        rows.0.clear();
        p.forecast(&mut rows);
        // Counting sort by month, stable.
        let mut next = vec![0usize; months + 1];
        for r in &rows.0 {
            if let Some(n) = next.get_mut(usize::from(r.month) + 1) {
                *n += 1;
            }
        }
        for m in 1..next.len() {
            next[m] += next[m - 1];
        }
        order.clear();
        order.resize(rows.0.len(), 0);
        for (i, r) in rows.0.iter().enumerate() {
            if let Some(n) = next.get_mut(usize::from(r.month))
                && let Some(slot) = order.get_mut(*n)
            {
                *slot = i as u32;
                *n += 1;
            }
        }
        out.reserve(rows.0.iter().map(|r| cells.max_len(r)).sum());
        for &i in &order {
            if let Some(row) = rows.0.get(i as usize) {
                cells.write(&mut out, s, row, exponent, &mut buf);
            }
        }
    }
    Ok(out)
}

/// The columns of the fiscal-year summary export.
pub fn summary_columns() -> Vec<&'static str> {
    let mut header = vec![
        "scenario",
        "fiscal_year",
        "first_month",
        "months",
        "partial",
        "team",
    ];
    header.extend(Category::ALL.iter().map(|c| c.as_str()));
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

/// Per scenario and fiscal year: one row for the whole scenario (empty
/// `team`, with headcount), then one per team and one for the costs of no
/// team (`team` = "(no team)", headcount columns empty); the categories are
/// columns. The same numbers as the summary on screen.
pub fn summary(plan: &Plan, options: ExportOptions) -> Result<Vec<u8>, Vec<PlanError>> {
    let indexes = scenarios(plan, options.scenario)?;
    let currency = currency_of(plan)?;
    let mut out = start(options.bom, 0);
    let _ = out.write_record(summary_columns());
    for s in indexes {
        let forecast = forecast_scenario(plan, s)?;
        let summaries = fiscal_year_summaries(plan, &forecast);
        let name = text_cell(forecast.name()).into_owned();
        for year in &summaries {
            let first_month = forecast
                .months()
                .get(year.first_month)
                .map(ToString::to_string)
                .unwrap_or_default();
            let lead = |team: &str| {
                vec![
                    name.clone(),
                    year.year.label(),
                    first_month.clone(),
                    year.months.to_string(),
                    year.partial.to_string(),
                    text_cell(team).into_owned(),
                ]
            };
            let mut record = lead("");
            record.extend(year.by_category.iter().map(|&v| amount(v, currency)));
            record.extend([
                amount(year.total, currency),
                year.heads_at_end.to_string(),
                year.fte_at_end.normalize().to_string(),
                year.hires.to_string(),
                year.departures.to_string(),
                year.average_fte.to_string(),
                year.cost_per_engineer
                    .map_or_else(String::new, |v| amount(v, currency)),
                year.cloud_per_engineer
                    .map_or_else(String::new, |v| amount(v, currency)),
            ]);
            let _ = out.write_record(&record);
            for team in &year.by_team {
                let team_name = if team.team.is_some() {
                    team.name.as_str()
                } else {
                    "(no team)"
                };
                let mut record = lead(team_name);
                record.extend(team.by_category.iter().map(|&v| amount(v, currency)));
                record.push(amount(team.total, currency));
                record.extend(std::iter::repeat_n(String::new(), 7));
                let _ = out.write_record(&record);
            }
        }
    }
    Ok(finish(out))
}

/// The columns of the comparison export.
pub fn comparison_columns() -> Vec<String> {
    let mut header: Vec<String> = ["fiscal_year", "partial", "scenario", "base_scenario"]
        .map(String::from)
        .to_vec();
    header.extend(Category::ALL.iter().map(|c| c.as_str().to_string()));
    header.extend(["total", "difference", "difference_pct"].map(String::from));
    header.extend(
        Category::ALL
            .iter()
            .map(|c| format!("difference_{}", c.as_str())),
    );
    header
}

/// Per fiscal year, one row per scenario (only `options.scenario` when
/// given; the base's row is always there): its totals per category and in
/// total, the difference from the base scenario in total, in % of the base
/// total (2 decimals, empty when the base total is 0) and per category.
pub fn comparison(
    plan: &Plan,
    base: usize,
    options: ExportOptions,
) -> Result<Vec<u8>, Vec<PlanError>> {
    scenarios(plan, Some(base))?;
    scenarios(plan, options.scenario)?;
    let comparison: Comparison = compare(plan, base)?;
    let currency = comparison.currency;
    let base_name = text_cell(&plan.scenarios[base].name).into_owned();
    let mut out = start(options.bom, 0);
    let _ = out.write_record(comparison_columns());
    for year in &comparison.years {
        for s in &year.scenarios {
            if options
                .scenario
                .is_some_and(|only| s.scenario != only && s.scenario != base)
            {
                continue;
            }
            let mut record = vec![
                year.year.label(),
                year.partial.to_string(),
                text_cell(&s.name).into_owned(),
                base_name.clone(),
            ];
            record.extend(s.by_category.iter().map(|&v| amount(v, currency)));
            record.extend([
                amount(s.total, currency),
                amount(s.difference, currency),
                s.difference_pct.map_or_else(String::new, |p| p.to_string()),
            ]);
            record.extend(s.category_difference.iter().map(|&v| amount(v, currency)));
            let _ = out.write_record(&record);
        }
    }
    Ok(finish(out))
}

/// The columns of the bridge export.
pub const BRIDGE_COLUMNS: [&str; 3] = ["kind", "name", "amount"];

/// The bridge from scenario `base` to scenario `other` over fiscal year
/// `year` (the whole horizon with `None`), one figure a row: `total,base`,
/// then `category,<category>` for every category, `team,<team>` for every
/// team (the base's, then the other's new ones, then "No team"), and
/// `total,other`. Each breakdown sums to `total,other` minus `total,base`.
/// (`options.scenario` does not apply.)
pub fn bridge_csv(
    plan: &Plan,
    base: usize,
    other: usize,
    year: Option<FiscalYear>,
    options: ExportOptions,
) -> Result<Vec<u8>, Vec<PlanError>> {
    let currency = currency_of(plan)?;
    let b = bridge(plan, base, other, year)?;
    let mut out = start(options.bom, 0);
    let _ = out.write_record(BRIDGE_COLUMNS);
    let mut row = |kind: &str, name: &str, value: i128| {
        let _ = out.write_record([kind, &text_cell(name), &amount(value, currency)]);
    };
    row("total", "base", b.base_total);
    for &(category, value) in &b.by_category {
        row("category", category_name(category), value);
    }
    for (team, value) in &b.by_team {
        row("team", team, *value);
    }
    row("total", "other", b.other_total);
    Ok(finish(out))
}

/// The roster columns before the per-fiscal-year costs (`cost_FY2026`, ...).
pub const ROSTER_COLUMNS: [&str; 19] = [
    "scenario",
    "id",
    "title",
    "team",
    "level",
    "status",
    "employment",
    "annual_base",
    "fte",
    "start",
    "end",
    "location",
    "recruiting_fee_pct",
    "age_dependent_burden",
    "band_min",
    "band_mid",
    "band_max",
    "effective_annual_base",
    "compa_ratio",
];

/// The fiscal years of the horizon, and for each month the index of its year.
fn horizon_years(plan: &Plan) -> (Vec<FiscalYear>, Vec<usize>) {
    let mut years: Vec<FiscalYear> = Vec::new();
    let mut month_year = Vec::new();
    for m in plan.months() {
        let fy = FiscalYear::of(m, plan.fiscal_year_start_month);
        if years.last() != Some(&fy) {
            years.push(fy);
        }
        month_year.push(years.len() - 1);
    }
    (years, month_year)
}

/// A decimal amount of money as a plain number with the currency's decimals.
fn money(value: Decimal, currency: Currency) -> String {
    to_minor(value, currency.exponent()).map_or_else(
        || value.normalize().to_string(),
        |m| plain_minor(i128::from(m), currency.exponent()),
    )
}

/// Every position of the scenario(s) with its fields, its salary band,
/// compa-ratio and its cost in each fiscal year of the horizon (the sum of
/// its ledger rows in that year, as on screen).
pub fn roster(plan: &Plan, options: ExportOptions) -> Result<Vec<u8>, Vec<PlanError>> {
    let indexes = scenarios(plan, options.scenario)?;
    let currency = currency_of(plan)?;
    let (years, month_year) = horizon_years(plan);
    let mut header: Vec<String> = ROSTER_COLUMNS.map(String::from).to_vec();
    header.extend(years.iter().map(|y| format!("cost_{}", y.label())));
    let mut out = start(options.bom, 0);
    let _ = out.write_record(&header);
    for s in indexes {
        let prepared = PreparedScenario::new(plan, s)?;
        let scenario = prepared.scenario();
        let name = text_cell(&scenario.name);
        let mut costs = PositionCosts {
            month_year: month_year.clone(),
            years: years.len(),
            costs: vec![0; years.len() * scenario.positions.len()],
        };
        prepared.forecast(&mut costs);
        for (i, p) in scenario.positions.iter().enumerate() {
            let band = scenario.band_for(&p.level, p.location.as_deref());
            let band_money = |f: fn(&crate::model::SalaryBand) -> Decimal| {
                band.map_or_else(String::new, |b| money(f(b), currency))
            };
            let mut record: Vec<String> = vec![
                name.to_string(),
                text_cell(&p.id).into_owned(),
                text_cell(&p.title).into_owned(),
                text_cell(&p.team).into_owned(),
                text_cell(&p.level).into_owned(),
                p.status.as_str().to_string(),
                employment_str(p.employment).to_string(),
                p.annual_base
                    .map_or_else(String::new, |v| money(v, currency)),
                p.fte.normalize().to_string(),
                p.start.to_string(),
                p.end.map_or_else(String::new, |d| d.to_string()),
                p.location
                    .as_deref()
                    .map_or_else(String::new, |l| text_cell(l).into_owned()),
                p.recruiting_fee_pct
                    .map_or_else(String::new, |v| v.normalize().to_string()),
                p.age_dependent_burden.to_string(),
                band_money(|b| b.min),
                band_money(|b| b.mid),
                band_money(|b| b.max),
                scenario
                    .annual_base_of(p)
                    .map_or_else(String::new, |v| money(v, currency)),
                crate::model::bands::band_check(scenario, p)
                    .compa_ratio
                    .map_or_else(String::new, |r| r.to_string()),
            ];
            let start = i * costs.years;
            record.extend(
                costs.costs[start..start + costs.years]
                    .iter()
                    .map(|&v| amount(v, currency)),
            );
            let _ = out.write_record(&record);
        }
    }
    Ok(finish(out))
}

/// Adds each position's rows per fiscal year.
struct PositionCosts {
    month_year: Vec<usize>,
    years: usize,
    costs: Vec<i128>,
}

impl LedgerSink for PositionCosts {
    fn row(&mut self, row: &LedgerRow) {
        if let Source::Position(p) = row.source
            && let Some(&y) = self.month_year.get(usize::from(row.month))
            && let Some(c) = self.costs.get_mut(p as usize * self.years + y)
        {
            *c += i128::from(row.amount_minor);
        }
    }
}

pub(crate) fn employment_str(e: crate::model::Employment) -> &'static str {
    match e {
        crate::model::Employment::Employee => "employee",
        crate::model::Employment::Contractor => "contractor",
    }
}

/// The name of an export file: plan name, scenario (or "all-scenarios"),
/// kind and date, e.g. `FY2026-budget_Base_ledger_2026-11-24.csv`. Each
/// name goes through [`file_part`]: letters of any script (Japanese
/// included) are kept. For the comparison, `scenario` is the base.
pub fn file_name(plan: &Plan, scenario: Option<usize>, kind: ExportKind, date: Date) -> String {
    let scenario = match scenario.and_then(|s| plan.scenarios.get(s)) {
        Some(s) => file_part(&s.name, "scenario"),
        None => "all-scenarios".to_string(),
    };
    format!(
        "{}_{}_{}_{}.csv",
        file_part(&plan.name, "plan"),
        scenario,
        kind.as_str(),
        date
    )
}

/// One part of a file name from a name people typed (a plan's, a
/// scenario's; `fallback` when nothing is left): safe on Windows and macOS,
/// at most 60 characters. Whitespace and the characters illegal in Windows
/// or macOS file names become `-`. Control characters and Unicode format
/// characters ([`is_format`]: bidirectional overrides, zero-width
/// characters, the soft hyphen, …) are dropped, so a name cannot show a
/// file name other than the one saved ("Budget\u{202E}vsc.exe").
pub fn file_part(text: &str, fallback: &str) -> String {
    let mut part = String::with_capacity(text.len());
    for c in text.chars() {
        if (c.is_control() && !c.is_whitespace()) || is_format(c) {
            continue;
        }
        let bad = c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '_'
            );
        let c = if bad { '-' } else { c };
        if c == '-' && part.ends_with('-') {
            continue;
        }
        part.push(c);
    }
    let part: String = part
        .trim_matches(|c: char| c == '-' || c == '.')
        .chars()
        .take(60)
        .collect();
    let part = part.trim_end_matches(['-', '.']).to_string();
    if part.is_empty() {
        return fallback.to_string();
    }
    let upper = part.to_ascii_uppercase();
    let reserved = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit());
    if reserved { format!("{part}-") } else { part }
}

/// The characters of Unicode's general category Cf (format), as of Unicode
/// 17.0 (`DerivedGeneralCategory.txt`): invisible, and some reorder the
/// text around them. Sorted, inclusive ranges.
pub const FORMAT_CHARACTERS: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{0600}', '\u{0605}'),   // Arabic number signs
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark
    ('\u{06DD}', '\u{06DD}'),   // Arabic end of ayah
    ('\u{070F}', '\u{070F}'),   // Syriac abbreviation mark
    ('\u{0890}', '\u{0891}'),   // Arabic pound and piastre marks above
    ('\u{08E2}', '\u{08E2}'),   // Arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // Mongolian vowel separator
    ('\u{200B}', '\u{200F}'),   // zero width space, (non-)joiner, LRM, RLM
    ('\u{202A}', '\u{202E}'),   // LRE, RLE, PDF, LRO, RLO
    ('\u{2060}', '\u{2064}'),   // word joiner, invisible operators
    ('\u{2066}', '\u{206F}'),   // LRI, RLI, FSI, PDI, deprecated format characters
    ('\u{FEFF}', '\u{FEFF}'),   // zero width no-break space (byte order mark)
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation
    ('\u{110BD}', '\u{110BD}'), // Kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // Kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // Egyptian hieroglyph format controls
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol beam and phrase controls
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag characters
];

/// Whether `c` is a Unicode format character (general category Cf,
/// [`FORMAT_CHARACTERS`]).
pub fn is_format(c: char) -> bool {
    FORMAT_CHARACTERS
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_match_plain_minor() {
        let mut buf = [0u8; 48];
        for exponent in 0..=3 {
            for minor in [
                0i64,
                1,
                -1,
                5,
                -5,
                99,
                100,
                -1200,
                123_456,
                -123_456,
                1_000_000_000_000_000_000,
                i64::MAX,
                i64::MIN,
            ] {
                assert_eq!(
                    std::str::from_utf8(amount_bytes(&mut buf, minor, exponent)).ok(),
                    Some(plain_minor(i128::from(minor), exponent).as_str()),
                    "{minor} {exponent}"
                );
            }
        }
    }

    #[test]
    fn file_parts_are_safe() {
        assert_eq!(file_part("FY2026 budget", "plan"), "FY2026-budget");
        assert_eq!(file_part("a/b:c*?\"<>|d", "plan"), "a-b-c-d");
        assert_eq!(file_part("  ..予算 2026年度.. ", "plan"), "予算-2026年度");
        assert_eq!(file_part("CON", "plan"), "CON-");
        assert_eq!(file_part("///", "plan"), "plan");
    }

    #[test]
    fn format_characters_are_category_cf() {
        // Sorted, disjoint, not touching (else they would be one range).
        for &(first, last) in FORMAT_CHARACTERS {
            assert!(first <= last, "{first:?}..{last:?}");
        }
        for pair in FORMAT_CHARACTERS.windows(2) {
            assert!(u32::from(pair[0].1) + 1 < u32::from(pair[1].0), "{pair:?}");
        }
        // Unicode 17.0 has 170 characters in category Cf.
        let all: Vec<char> = FORMAT_CHARACTERS
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .collect();
        assert_eq!(all.len(), 170);
        assert!(all.iter().all(|&c| is_format(c)));
        // Each range's neighbours are not format characters (and are not
        // dropped from a name).
        for &(first, last) in FORMAT_CHARACTERS {
            for c in [
                char::from_u32(u32::from(first) - 1),
                char::from_u32(u32::from(last) + 1),
            ]
            .into_iter()
            .flatten()
            {
                assert!(!is_format(c), "{c:?}");
            }
        }
        for c in [
            '\u{00AD}',
            '\u{061C}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2060}',
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{206A}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
        ] {
            assert!(is_format(c), "{c:?}");
        }
        // Not Cf: letters, spaces, separators, controls (Cc), marks.
        for c in [
            'a',
            '予',
            ' ',
            '\u{00A0}',
            '\u{2028}',
            '\u{2029}',
            '\u{200A}',
            '\u{2065}',
            '\u{0000}',
            '\u{007F}',
            '\u{0300}',
            '\u{FE0F}',
            '\u{FFFC}',
            '\u{E0000}',
            '\u{E0080}',
        ] {
            assert!(!is_format(c), "{c:?}");
        }
    }

    #[test]
    fn format_and_control_characters_are_dropped_from_file_names() {
        // A right-to-left override would show "Budgetexe.csv" as the name.
        assert_eq!(file_part("Budget\u{202E}vsc.exe", "plan"), "Budgetvsc.exe");
        assert_eq!(
            file_part("\u{2067}Budget\u{2069} \u{200B}2026\u{FEFF}", "plan"),
            "Budget-2026"
        );
        assert_eq!(
            file_part("Bud\u{00AD}get\u{200D}\u{2060}\u{E0001}\u{E0041}", "plan"),
            "Budget"
        );
        assert_eq!(file_part("a\u{0000}b\u{007F}c\u{009B}d", "plan"), "abcd");
        // Whitespace, controls or not, still separates words.
        assert_eq!(file_part("a\tb\nc\u{2028}d", "plan"), "a-b-c-d");
        // Nothing visible left: the fallback.
        assert_eq!(file_part("\u{202E}\u{200B}\u{0007}", "plan"), "plan");
        // Every format character, alone or among letters.
        for &(first, last) in FORMAT_CHARACTERS {
            for c in first..=last {
                assert_eq!(file_part(&format!("x{c}y"), "plan"), "xy", "{c:?}");
            }
        }
        // The whole export name.
        let mut plan = Plan::blank(
            "FY\u{202E}vsc.exe",
            "JPY",
            4,
            crate::model::YearMonth::new(2026, 4).unwrap(),
            12,
        );
        plan.scenarios[0].name = "Base\u{200F}".into();
        let date = Date::new(2026, 11, 24).unwrap();
        let name = file_name(&plan, Some(0), ExportKind::Ledger, date);
        assert_eq!(name, "FYvsc.exe_Base_ledger_2026-11-24.csv");
        assert!(name.chars().all(|c| !is_format(c) && !c.is_control()));
    }
}
