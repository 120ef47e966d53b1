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
    PlanError, PreparedScenario, Problem, Scenario, ScenarioForecast, Source, YearMonth, bridge,
    fiscal_year_summaries, overview::category_name, plain_minor, to_minor,
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
    /// Months, quarters, halves and the year by category or team (`format::pivot`).
    Pivot,
}

impl ExportKind {
    pub const ALL: [ExportKind; 5] = [
        Self::Ledger,
        Self::Summary,
        Self::Roster,
        Self::Comparison,
        Self::Pivot,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ledger => "ledger",
            Self::Summary => "summary",
            Self::Roster => "roster",
            Self::Comparison => "comparison",
            Self::Pivot => "pivot",
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

/// The ledger's columns for costs stated in another currency, after
/// [`LEDGER_COLUMNS`]: written only when an exported scenario has such a
/// cost, so a one-currency plan's ledger keeps its ten columns.
pub const LEDGER_FOREIGN_COLUMNS: [&str; 3] = ["currency", "foreign_amount", "exchange_rate"];

/// The ledger's account columns (勘定科目), last: written only when an
/// exported scenario maps any cost to an account. A row's account is its
/// line's own (a burden component, per-head cost, other cost or cloud
/// line mapped by name), else its category's ([`Accounts::of_row`]).
///
/// [`Accounts::of_row`]: crate::model::accounts::Accounts::of_row
pub const LEDGER_ACCOUNT_COLUMNS: [&str; 2] = ["account_code", "account_name"];

/// Which optional columns a ledger file has: the same for every scenario
/// in it, so the file stays one table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LedgerShape {
    /// [`LEDGER_FOREIGN_COLUMNS`]: a scenario states a cost in another currency.
    pub foreign: bool,
    /// [`LEDGER_ACCOUNT_COLUMNS`]: a scenario has accounts.
    pub accounts: bool,
}

impl LedgerShape {
    /// The shape of the ledger of scenarios `indexes`.
    pub fn of(plan: &Plan, indexes: &[usize]) -> Self {
        let chosen = || indexes.iter().filter_map(|&s| plan.scenarios.get(s));
        Self {
            foreign: plan.currency().is_some_and(|currency| {
                chosen().any(|s| !crate::model::fx::currencies_used(s, currency).is_empty())
            }),
            accounts: chosen().any(|s| !s.accounts.is_empty()),
        }
    }
}

/// The ledger's header: [`LEDGER_COLUMNS`], then the optional columns
/// `shape` has.
pub fn ledger_columns(shape: LedgerShape) -> Vec<&'static str> {
    let mut columns = LEDGER_COLUMNS.to_vec();
    if shape.foreign {
        columns.extend(LEDGER_FOREIGN_COLUMNS);
    }
    if shape.accounts {
        columns.extend(LEDGER_ACCOUNT_COLUMNS);
    }
    columns
}

/// One cell as the csv crate writes it (quoted per RFC 4180 when needed),
/// after [`text_cell`]: encoded once, copied into every row that uses it.
fn encoded(text: &str) -> Vec<u8> {
    if text.is_empty() {
        return Vec::new();
    }
    // The csv crate quotes a field only for a comma, a double quote or a
    // line break in it: without them the cell is its text.
    if !text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        return text_cell(text).as_bytes().to_vec();
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
    /// Each per-head cost's name.
    per_head: Vec<Vec<u8>>,
    /// The positions' allowance names, each distinct name encoded once:
    /// allowance `i` of position `p` is
    /// `allowance_names[allowance_ids[allowance_at[p] + i]]`.
    allowance_names: Vec<Vec<u8>>,
    allowance_at: Vec<u32>,
    allowance_ids: Vec<u32>,
    /// The foreign-currency columns' cells, when the file has them.
    foreign: Option<ForeignCells>,
    /// The account columns' cells, when the file has them.
    accounts: Option<AccountCells>,
}

/// The account columns' cells of a scenario: ",CODE,NAME" for each
/// category, and for each line with an account of its own.
struct AccountCells {
    categories: Vec<Vec<u8>>,
    burden: Vec<Option<Vec<u8>>>,
    per_head: Vec<Option<Vec<u8>>>,
    other_costs: Vec<Option<Vec<u8>>>,
    cloud_lines: Vec<Option<Vec<u8>>>,
    widest: usize,
}

impl AccountCells {
    fn new(s: &Scenario) -> Self {
        use crate::model::accounts::{Account, LineKind};
        let cell = |a: &Account| {
            let mut cell = vec![b','];
            cell.extend(encoded(&a.code));
            cell.push(b',');
            cell.extend(encoded(&a.name));
            cell
        };
        let accounts = &s.accounts;
        let own = |kind: LineKind, names: Vec<&String>| -> Vec<Option<Vec<u8>>> {
            names
                .into_iter()
                .map(|name| {
                    accounts
                        .lines(kind)
                        .get(name)
                        .filter(|a| !a.is_empty())
                        .map(cell)
                })
                .collect()
        };
        let categories: Vec<Vec<u8>> = Category::ALL
            .into_iter()
            .map(|c| cell(&accounts.category(c)))
            .collect();
        let burden = own(
            LineKind::Burden,
            s.people.burden.iter().map(|b| &b.name).collect(),
        );
        let per_head = own(
            LineKind::PerHead,
            s.people.per_head.iter().map(|c| &c.name).collect(),
        );
        let other_costs = own(
            LineKind::OtherCost,
            s.other_costs.iter().map(|c| &c.name).collect(),
        );
        let cloud_lines = own(
            LineKind::CloudLine,
            s.cloud.lines.iter().map(|l| &l.name).collect(),
        );
        let widest = [&burden, &per_head, &other_costs, &cloud_lines]
            .into_iter()
            .flatten()
            .flatten()
            .chain(&categories)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        Self {
            categories,
            burden,
            per_head,
            other_costs,
            cloud_lines,
            widest: widest.max(2),
        }
    }

    /// The row's ",CODE,NAME": its line's own account, else its
    /// category's, as [`Accounts::of_row`] books it.
    ///
    /// [`Accounts::of_row`]: crate::model::accounts::Accounts::of_row
    fn cell(&self, row: &LedgerRow) -> &[u8] {
        fn own(cells: &[Option<Vec<u8>>], at: usize) -> Option<&[u8]> {
            cells.get(at).and_then(Option::as_deref)
        }
        let line = match (row.source, row.component) {
            (_, Component::Burden(c)) => own(&self.burden, usize::from(c)),
            (_, Component::PerHead(i)) => own(&self.per_head, usize::from(i)),
            (Source::OtherCost(o), _) => own(&self.other_costs, o as usize),
            (Source::CloudLine(l), _) => own(&self.cloud_lines, l as usize),
            _ => None,
        };
        line.unwrap_or_else(|| cell(&self.categories, row.category.index()))
    }
}

/// The cells of the foreign-currency columns, for the currencies of a
/// scenario's rate paths in their order (a row's [`Foreign`] index).
///
/// [`Foreign`]: crate::model::Foreign
struct ForeignCells {
    /// ",CODE," and the currency's exponent.
    codes: Vec<(Vec<u8>, u32)>,
    /// ",RATE" of currency `c` in month `m` of the horizon at
    /// `rates[c * months + m]`: the rate as the scenario states it (its
    /// what-if applied), so 152.30 stays "152.30".
    rates: Vec<Vec<u8>>,
    months: usize,
    /// The longest ",CODE,AMOUNT,RATE" a row can have.
    widest: usize,
}

impl ForeignCells {
    fn new(plan: &Plan, s: &Scenario) -> Self {
        let paths = crate::model::fx::RatePaths::of(&s.exchange_rates);
        let months = plan.months();
        let mut codes = Vec::new();
        let mut rates = Vec::new();
        for code in paths.currencies() {
            let exponent = Currency::from_code(code).map_or(2, Currency::exponent);
            let mut cell = vec![b','];
            cell.extend(encoded(code));
            cell.push(b',');
            codes.push((cell, exponent));
            for m in &months {
                let mut rate = vec![b','];
                if let Some(r) = paths.rate(code, m.index()) {
                    rate.extend(r.to_string().bytes());
                }
                rates.push(rate);
            }
        }
        let widest = codes.iter().map(|c| c.0.len()).max().unwrap_or(0)
            + 21
            + rates.iter().map(Vec::len).max().unwrap_or(0);
        Self {
            codes,
            rates,
            months: months.len(),
            widest: widest.max(3),
        }
    }

    /// The row's ",CODE,AMOUNT,RATE", or ",,," for a row in the plan's
    /// currency.
    fn write(&self, out: &mut Vec<u8>, row: &LedgerRow, buf: &mut [u8; 48]) {
        let Some((c, amount)) = row.foreign.get() else {
            out.extend_from_slice(b",,,");
            return;
        };
        let Some((code, exponent)) = self.codes.get(c) else {
            out.extend_from_slice(b",,,");
            return;
        };
        out.extend_from_slice(code);
        out.extend_from_slice(amount_bytes(buf, amount, *exponent));
        out.extend_from_slice(cell(&self.rates, c * self.months + usize::from(row.month)));
    }
}

impl LedgerCells {
    fn new(plan: &Plan, s: &Scenario, shape: LedgerShape) -> Self {
        Self::sampled(plan, s, 1, shape)
    }

    /// The cells, with those of every `stride`-th position only (the others
    /// empty): what the size estimate's sample needs. `shape`: the file's
    /// optional columns.
    fn sampled(plan: &Plan, s: &Scenario, stride: usize, shape: LedgerShape) -> Self {
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
        let (allowance_names, allowance_at, allowance_ids) = allowance_cells(s, stride);
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
                .enumerate()
                .map(|(i, p)| {
                    if i % stride == 0 {
                        source("position", &p.id, &p.title)
                    } else {
                        Vec::new()
                    }
                })
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
            per_head: s.people.per_head.iter().map(|c| encoded(&c.name)).collect(),
            allowance_names,
            allowance_at,
            allowance_ids,
            foreign: shape.foreign.then(|| ForeignCells::new(plan, s)),
            accounts: shape.accounts.then(|| AccountCells::new(s)),
        }
    }
}

/// The allowance names of every `stride`-th position (the others none):
/// the distinct names encoded, each position's first allowance in the list
/// of ids (one more entry than positions), and the ids.
fn allowance_cells(s: &Scenario, stride: usize) -> (Vec<Vec<u8>>, Vec<u32>, Vec<u32>) {
    let mut names: Vec<Vec<u8>> = Vec::new();
    let mut known: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let mut at = Vec::with_capacity(s.positions.len() + 1);
    let mut ids = Vec::new();
    for (i, p) in s.positions.iter().enumerate() {
        at.push(ids.len() as u32);
        if i % stride != 0 {
            continue;
        }
        for a in &p.allowances {
            let id = *known.entry(a.name.as_str()).or_insert_with(|| {
                names.push(encoded(&a.name));
                (names.len() - 1) as u32
            });
            ids.push(id);
        }
    }
    at.push(ids.len() as u32);
    (names, at, ids)
}

fn cell(cells: &[Vec<u8>], index: usize) -> &[u8] {
    cells.get(index).map_or(&[], Vec::as_slice)
}

impl LedgerCells {
    /// Allowance `i` of the row's position, when its name is cached.
    fn allowance(&self, source: Source, i: u16) -> Option<&[u8]> {
        let Source::Position(p) = source else {
            return None;
        };
        let p = p as usize;
        let (&first, &end) = (self.allowance_at.get(p)?, self.allowance_at.get(p + 1)?);
        let at = first as usize + usize::from(i);
        if at >= end as usize {
            return None;
        }
        let id = *self.allowance_ids.get(at)?;
        self.allowance_names.get(id as usize).map(Vec::as_slice)
    }

    /// The row's component cell, when it is cached (every one but a
    /// one-off's note, and names missing from the plan).
    fn cached_component(&self, row: &LedgerRow) -> Option<&[u8]> {
        match row.component {
            Component::OneOff(_) => None,
            Component::Allowance(i) => self.allowance(row.source, i),
            Component::PerHead(i) => self.per_head.get(usize::from(i)).map(Vec::as_slice),
            other => Some(self.component(other)),
        }
    }

    fn component(&self, component: Component) -> &[u8] {
        match component {
            Component::Main
            | Component::OneOff(_)
            | Component::Allowance(_)
            | Component::PerHead(_) => &[],
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
            + self.cached_component(row).map_or(0, <[u8]>::len)
            + 48
            + self.foreign.as_ref().map_or(0, |f| f.widest)
            + self.accounts.as_ref().map_or(0, |a| a.widest)
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
        match self.cached_component(row) {
            Some(cell) => out.extend_from_slice(cell),
            // "one-off: NOTE" (one row per one-off), or a name the plan
            // lacks: encoded when met.
            None => out.extend(encoded(&crate::model::component_label(scenario, row))),
        }
        out.push(b',');
        out.extend_from_slice(amount_bytes(buf, row.amount_minor, exponent));
        if let Some(foreign) = &self.foreign {
            foreign.write(out, row, buf);
        }
        if let Some(accounts) = &self.accounts {
            out.extend_from_slice(accounts.cell(row));
        }
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
/// kept (40 bytes each), ordered by month with a counting sort, and written
/// into one buffer reserved once: no allocation per row. The same bytes as
/// [`ExportChunks`] in chunks (it is that writer, unbounded).
pub fn ledger(plan: &Plan, options: ExportOptions) -> Result<Vec<u8>, Vec<PlanError>> {
    export(plan, &ExportRequest::new(ExportKind::Ledger, options))
}

/// The summary's unit and labels (`--unit`, `--labels`): the pivot's
/// words, so one choice serves both files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SummaryOptions {
    pub unit: crate::model::units::Unit,
    pub labels: super::pivot::Labels,
}

/// The columns of the fiscal-year summary export: the figures, then each
/// category's account (code and name, in ledger order), then the unit.
pub fn summary_columns(options: &SummaryOptions) -> Vec<String> {
    use super::pivot::Labels;
    let ja = options.labels == Labels::Japanese;
    let lead: [&str; 6] = if ja {
        ["シナリオ", "年度", "開始月", "月数", "一部期間", "チーム"]
    } else {
        [
            "scenario",
            "fiscal_year",
            "first_month",
            "months",
            "partial",
            "team",
        ]
    };
    let figures: [&str; 8] = if ja {
        [
            "合計",
            "期末人数",
            "期末FTE",
            "採用数",
            "退職数",
            "平均FTE",
            "エンジニア1人あたり費用",
            "エンジニア1人あたりクラウド費用",
        ]
    } else {
        [
            "total",
            "heads_at_end",
            "fte_at_end",
            "hires",
            "departures",
            "average_fte",
            "cost_per_engineer",
            "cloud_per_engineer",
        ]
    };
    let category = |c: Category| {
        if ja {
            crate::i18n::common::category_in(c, crate::i18n::Lang::Ja).to_string()
        } else {
            c.as_str().to_string()
        }
    };
    let mut header: Vec<String> = lead.iter().map(|s| s.to_string()).collect();
    header.extend(Category::ALL.into_iter().map(category));
    header.extend(figures.iter().map(|s| s.to_string()));
    for c in Category::ALL {
        if ja {
            header.push(format!("科目コード（{}）", category(c)));
            header.push(format!("勘定科目（{}）", category(c)));
        } else {
            header.push(format!("{}_account_code", c.as_str()));
            header.push(format!("{}_account_name", c.as_str()));
        }
    }
    header.push(if ja { "単位" } else { "unit" }.to_string());
    header
}

/// Per scenario and fiscal year: one row for the whole scenario (empty
/// `team`, with headcount), then one per team and one for the costs of no
/// team (`team` = "(no team)", headcount columns empty); the categories are
/// columns, each category's account after the figures. The same numbers
/// as the summary on screen, in the currency's own unit with stable keys
/// (`summary_with` for other units and Japanese labels).
pub fn summary(plan: &Plan, options: ExportOptions) -> Result<Vec<u8>, Vec<PlanError>> {
    summary_with(plan, options, SummaryOptions::default())
}

/// The summary in `summary`'s unit and labels.
pub fn summary_with(
    plan: &Plan,
    options: ExportOptions,
    summary: SummaryOptions,
) -> Result<Vec<u8>, Vec<PlanError>> {
    let mut request = ExportRequest::new(ExportKind::Summary, options);
    request.summary = summary;
    export(plan, &request)
}

/// A csv writer appending records to `out` (CRLF line ends).
fn records(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The summary's rows of one scenario. Every amount is an exact total in
/// minor units written in the unit asked for (thousands and millions
/// rounded once, half away from zero: a total is the exact sum rounded,
/// not the sum of rounded figures).
fn summary_records(
    out: &mut Vec<u8>,
    plan: &Plan,
    forecast: &ScenarioForecast,
    currency: Currency,
    options: &SummaryOptions,
) {
    use super::pivot::{Labels, unit_statement};
    let ja = options.labels == Labels::Japanese;
    let unit = options.unit;
    let money = |minor: i128| unit.plain(minor, currency);
    let summaries = fiscal_year_summaries(plan, forecast);
    let name = text_cell(forecast.name()).into_owned();
    let accounts = plan
        .scenarios
        .get(forecast.scenario())
        .map(|s| s.accounts.clone())
        .unwrap_or_default();
    let mut account_cells = Vec::with_capacity(2 * Category::ALL.len() + 1);
    for c in Category::ALL {
        let account = accounts.category(c);
        account_cells.push(text_cell(&account.code).into_owned());
        account_cells.push(text_cell(&account.name).into_owned());
    }
    account_cells.push(unit_statement(unit, currency, options.labels));
    let no_team = if ja { "チームなし" } else { "(no team)" };
    let mut out = records(out);
    for year in &summaries {
        let first = forecast.months().get(year.first_month).copied();
        let (fiscal_year, first_month, partial) = if ja {
            (
                crate::i18n::format::fiscal_year_in(year.year, crate::i18n::Lang::Ja),
                first.map(|m| format!("{}年{}月", m.year(), m.month())),
                if year.partial { "はい" } else { "いいえ" },
            )
        } else {
            (
                year.year.label(),
                first.map(|m| m.to_string()),
                if year.partial { "true" } else { "false" },
            )
        };
        let first_month = first_month.unwrap_or_default();
        let lead = |team: &str| {
            vec![
                name.clone(),
                fiscal_year.clone(),
                first_month.clone(),
                year.months.to_string(),
                partial.to_string(),
                text_cell(team).into_owned(),
            ]
        };
        let mut record = lead("");
        record.extend(year.by_category.iter().map(|&v| money(v)));
        record.extend([
            money(year.total),
            year.heads_at_end.to_string(),
            year.fte_at_end.normalize().to_string(),
            year.hires.to_string(),
            year.departures.to_string(),
            year.average_fte.to_string(),
            year.cost_per_engineer.map_or_else(String::new, money),
            year.cloud_per_engineer.map_or_else(String::new, money),
        ]);
        record.extend(account_cells.iter().cloned());
        let _ = out.write_record(&record);
        for team in &year.by_team {
            let team_name = if team.team.is_some() {
                team.name.as_str()
            } else {
                no_team
            };
            let mut record = lead(team_name);
            record.extend(team.by_category.iter().map(|&v| money(v)));
            record.push(money(team.total));
            record.extend(std::iter::repeat_n(String::new(), 7));
            record.extend(account_cells.iter().cloned());
            let _ = out.write_record(&record);
        }
    }
    let _ = out.flush();
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
    header.extend(COMPARISON_ASSUMPTION_COLUMNS.map(String::from));
    header
}

/// The comparison's columns after the differences: the year's people and
/// cost per engineer and year, then the scenario's assumptions as forecast
/// and its what-ifs (docs/csv.md).
const COMPARISON_ASSUMPTION_COLUMNS: [&str; 14] = [
    "hires",
    "average_fte",
    "cost_per_engineer_per_year",
    "cloud_per_engineer_per_year",
    "raise_pct",
    "attrition_pct",
    "cloud_growth_min_pct",
    "cloud_growth_max_pct",
    "hire_slip_months",
    "raise_points",
    "cloud_growth_points",
    "attrition_override_pct",
    "fx_pct",
    "exchange_rates",
];

/// A rate path as one cell: `USD 2026-04 152.3; EUR 2026-04 165`.
fn rates_cell(rates: &[crate::model::ExchangeRate]) -> String {
    rates
        .iter()
        .map(|r| format!("{} {} {}", r.currency, r.from, r.rate.normalize()))
        .collect::<Vec<_>>()
        .join("; ")
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
    let mut request = ExportRequest::new(ExportKind::Comparison, options);
    request.base = base;
    export(plan, &request)
}

/// The comparison's rows.
fn comparison_records(
    out: &mut Vec<u8>,
    plan: &Plan,
    comparison: &Comparison,
    base: usize,
    only: Option<usize>,
) {
    let currency = comparison.currency;
    let base_name = plan
        .scenarios
        .get(base)
        .map(|s| text_cell(&s.name).into_owned())
        .unwrap_or_default();
    let mut out = records(out);
    for year in &comparison.years {
        for s in &year.scenarios {
            if only.is_some_and(|only| s.scenario != only && s.scenario != base) {
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
            let per_year = |v: Option<i128>| v.map_or_else(String::new, |v| amount(v, currency));
            let pct = |p: rust_decimal::Decimal| p.normalize().to_string();
            record.extend([
                s.hires.to_string(),
                s.average_fte.normalize().to_string(),
                per_year(s.cost_per_engineer_per_year),
                per_year(s.cloud_per_engineer_per_year),
            ]);
            match comparison.assumptions.get(s.scenario) {
                Some(a) => {
                    let range = a.cloud_growth_range();
                    record.extend([
                        pct(a.raise_pct),
                        pct(a.attrition_pct),
                        range.map_or_else(String::new, |r| pct(r.0)),
                        range.map_or_else(String::new, |r| pct(r.1)),
                        a.hire_slip_months.to_string(),
                        pct(a.raise_points),
                        pct(a.cloud_growth_points),
                        a.attrition_override_pct.map_or_else(String::new, pct),
                        pct(a.fx_pct),
                        rates_cell(&s.exchange_rates),
                    ]);
                }
                None => record.extend(std::iter::repeat_n(String::new(), 10)),
            }
            let _ = out.write_record(&record);
        }
    }
    let _ = out.flush();
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
    // Only a plan with costs in other currencies has this row.
    if b.exchange_rate != 0 {
        row("exchange_rate", "exchange rates", b.exchange_rate);
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
    export(plan, &ExportRequest::new(ExportKind::Roster, options))
}

/// The roster's header: its columns, then `cost_FY…` per fiscal year.
fn roster_header(years: &[FiscalYear]) -> Vec<String> {
    let mut header: Vec<String> = ROSTER_COLUMNS.map(String::from).to_vec();
    header.extend(years.iter().map(|y| format!("cost_{}", y.label())));
    header
}

/// One position's roster row; `costs` are its costs per fiscal year.
fn roster_record(
    scenario: &Scenario,
    p: &crate::model::Position,
    costs: &[i128],
    currency: Currency,
) -> Vec<String> {
    let band = scenario.band_for(&p.level, p.location.as_deref());
    let band_money = |f: fn(&crate::model::SalaryBand) -> Decimal| {
        band.map_or_else(String::new, |b| money(f(b), currency))
    };
    let mut record: Vec<String> = vec![
        text_cell(&scenario.name).into_owned(),
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
    record.extend(costs.iter().map(|&v| amount(v, currency)));
    record
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

// The chunked writer: every export, a few megabytes at a time.

/// What an export writes: its kind and options, the comparison's base
/// scenario and the ledger's fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub options: ExportOptions,
    /// The comparison's base scenario (the other kinds ignore it).
    pub base: usize,
    /// Only the ledger's rows of this fiscal year (the other kinds ignore
    /// it); `None`: the whole horizon.
    pub fiscal_year: Option<FiscalYear>,
    /// The pivot's layout, unit and labels (the other kinds ignore it).
    pub pivot: super::pivot::PivotOptions,
    /// The summary's unit and labels (the other kinds ignore it).
    pub summary: SummaryOptions,
}

impl ExportRequest {
    /// Every fiscal year, base scenario 0.
    pub fn new(kind: ExportKind, options: ExportOptions) -> Self {
        Self {
            kind,
            options,
            base: 0,
            fiscal_year: None,
            pivot: super::pivot::PivotOptions::default(),
            summary: SummaryOptions::default(),
        }
    }
}

/// The size of the chunks [`ExportChunks`] hands out: a chunk ends with
/// the first row that reaches it (so it is at most this plus one row).
pub const CHUNK_BYTES: usize = 2 * 1024 * 1024;

/// How many engine rows (40 bytes each) the chunked ledger holds at once:
/// 40 MiB. A scenario with more rows in the chosen months is forecast
/// again for each window of months that fits (the rows of a month are
/// spread over every position, so they cannot be written before every
/// position is forecast).
pub const LEDGER_ROW_BUDGET: usize = 1 << 20;

/// Positions forecast by one [`ExportChunks::step`] (a few milliseconds).
const STEP_POSITIONS: usize = 200;

/// Roster rows written by one step at most.
const STEP_RECORDS: usize = 500;

/// What one [`ExportChunks::step`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next bytes of the file.
    Chunk(Vec<u8>),
    /// Work done, no chunk ready yet.
    Working,
    /// The file is complete (every chunk was handed out).
    Done,
}

/// A ledger sink keeping the rows of months `start..end`. When it holds
/// more than `budget` rows it gives up its last months, keeping those whose
/// rows, projected to every position from the share forecast so far, fit
/// the budget (and at least its first month): the others are forecast
/// again for the next window.
struct Window {
    start: u16,
    end: u16,
    budget: usize,
    rows: Vec<LedgerRow>,
}

impl Window {
    fn new(start: u16, end: u16, budget: usize, mut rows: Vec<LedgerRow>) -> Self {
        rows.clear();
        Self {
            start,
            end,
            budget,
            rows,
        }
    }

    /// Called after `done` of `total` positions are forecast.
    fn shrink(&mut self, done: usize, total: usize) {
        if self.rows.len() <= self.budget || self.end <= self.start + 1 {
            return;
        }
        let mut counts = vec![0usize; usize::from(self.end - self.start)];
        for r in &self.rows {
            if let Some(c) = counts.get_mut(usize::from(r.month - self.start)) {
                *c += 1;
            }
        }
        // The rows the months will have once every position is forecast
        // (in u64: usize is 32 bits in the browser, and rows × positions
        // passes 2³²).
        let projected =
            |n: usize| (n as u64).saturating_mul(total.max(1) as u64) / done.max(1) as u64;
        let mut kept = 0;
        let mut end = self.start;
        for &c in &counts {
            if end > self.start && projected(kept + c) > self.budget as u64 {
                break;
            }
            kept += c;
            end += 1;
        }
        self.end = end;
        self.rows.retain(|r| r.month < end);
    }
}

impl LedgerSink for Window {
    fn row(&mut self, row: &LedgerRow) {
        if row.month >= self.start && row.month < self.end {
            self.rows.push(*row);
        }
    }
}

/// What the engine's rows of the scenario at work go into.
enum Sink {
    /// The ledger's rows of a window of months.
    Ledger(Window),
    /// Totals and headcount (summary, comparison).
    Totals(Box<ScenarioForecast>),
    /// Each position's cost per fiscal year (roster).
    Costs(PositionCosts),
}

enum Stage {
    Header,
    /// Forecasting the scenario at work, from this position on.
    Forecast {
        position: usize,
        sink: Sink,
    },
    /// Writing a window of the ledger: `rows` in `order`, from `next`.
    Ledger {
        rows: Vec<LedgerRow>,
        order: Vec<u32>,
        next: usize,
        window: (u16, u16),
    },
    /// Writing the roster's rows from position `next`.
    Roster {
        costs: PositionCosts,
        next: usize,
    },
    /// Handing out what is left.
    Finish,
    Done,
}

/// An export written a chunk at a time, with bounded memory and bounded
/// work per [`step`](Self::step): the browser writes a large file between
/// frames and hands the chunks to a `Blob`; `fleetplan-cli` writes them to
/// its output. The chunks, concatenated, are the bytes of [`export`] (which
/// is this writer with one unbounded chunk), whatever the chunk size.
pub struct ExportChunks<'a> {
    plan: &'a Plan,
    request: ExportRequest,
    exponent: u32,
    currency: Currency,
    /// The scenarios forecast, in the order written (every scenario for
    /// the comparison).
    prepared: Vec<PreparedScenario<'a>>,
    chunk_bytes: usize,
    row_budget: usize,
    out: Vec<u8>,
    /// Index into `prepared` of the scenario at work.
    current: usize,
    stage: Stage,
    /// The ledger's months, `start..end` (month indexes of the horizon).
    months: (u16, u16),
    /// The ledger's cells of the scenario at work.
    cells: Option<LedgerCells>,
    /// The ledger's optional columns.
    shape: LedgerShape,
    /// The roster's fiscal years and the year of each month.
    years: Vec<FiscalYear>,
    month_year: Vec<usize>,
    /// The comparison's fiscal-year summaries, per scenario.
    summaries: Vec<crate::model::compare::ScenarioYears>,
    /// The ledger's row buffer between scenarios: allocated once.
    spare_rows: Vec<LedgerRow>,
    /// Progress in thousandths, never going back.
    progress: u32,
    /// How many times a scenario was forecast (more than one per scenario
    /// when the ledger's rows are over the budget).
    passes: usize,
}

/// The months of `year` in the horizon as month indexes `start..end`, or
/// the whole horizon.
fn month_range(plan: &Plan, year: Option<FiscalYear>) -> Result<(u16, u16), Vec<PlanError>> {
    let months = plan.months();
    let all = (0, u16::try_from(months.len()).unwrap_or(u16::MAX));
    let Some(year) = year else {
        return Ok(all);
    };
    // "FY2026" means the plan's fiscal year starting in 2026.
    let year = FiscalYear {
        start_year: year.start_year,
        start_month: plan.fiscal_year_start_month,
    };
    let in_year = |m: &YearMonth| FiscalYear::of(*m, year.start_month) == year;
    match months.iter().position(in_year) {
        Some(first) => {
            let count = months.iter().skip(first).take_while(|m| in_year(m)).count();
            let first = u16::try_from(first).unwrap_or(u16::MAX);
            let count = u16::try_from(count).unwrap_or(0);
            Ok((first, first.saturating_add(count)))
        }
        None => Err(vec![PlanError::at(
            "fiscal_year",
            Problem::NotAFiscalYearOfHorizon { year },
        )]),
    }
}

/// The fiscal years of the horizon, in order.
pub fn horizon_fiscal_years(plan: &Plan) -> Vec<FiscalYear> {
    horizon_years(plan).0
}

impl<'a> ExportChunks<'a> {
    /// Checks the request and validates and compiles the scenarios it
    /// needs (the errors of the first one that fails; for the comparison,
    /// every scenario's, each once). Nothing is forecast yet.
    pub fn new(plan: &'a Plan, request: &ExportRequest) -> Result<Self, Vec<PlanError>> {
        let kind = request.kind;
        let indexes = if kind == ExportKind::Comparison {
            scenarios(plan, Some(request.base))?;
            scenarios(plan, request.options.scenario)?;
            (0..plan.scenarios.len()).collect()
        } else {
            scenarios(plan, request.options.scenario)?
        };
        let currency = currency_of(plan)?;
        let months = if kind == ExportKind::Ledger {
            month_range(plan, request.fiscal_year)?
        } else {
            (0, 0)
        };
        let shape = LedgerShape::of(plan, &indexes);
        let mut prepared = Vec::with_capacity(indexes.len());
        let mut errors: Vec<PlanError> = Vec::new();
        for s in indexes {
            match PreparedScenario::new(plan, s) {
                Ok(p) => prepared.push(p),
                Err(e) if kind == ExportKind::Comparison => {
                    // The plan-level errors repeat for each scenario: keep them once.
                    for err in e {
                        if !errors.contains(&err) {
                            errors.push(err);
                        }
                    }
                }
                Err(e) => return Err(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let (years, month_year) = if kind == ExportKind::Roster {
            horizon_years(plan)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Self {
            plan,
            request: *request,
            exponent: currency.exponent(),
            currency,
            prepared,
            chunk_bytes: CHUNK_BYTES,
            row_budget: LEDGER_ROW_BUDGET,
            out: Vec::new(),
            current: 0,
            stage: Stage::Header,
            months,
            cells: None,
            shape,
            years,
            month_year,
            summaries: Vec::new(),
            spare_rows: Vec::new(),
            progress: 0,
            passes: 0,
        })
    }

    /// Chunks of about `bytes` (at least 1) instead of [`CHUNK_BYTES`].
    pub fn with_chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// At most `rows` ledger rows held at once (at least one month's)
    /// instead of [`LEDGER_ROW_BUDGET`].
    pub fn with_row_budget(mut self, rows: usize) -> Self {
        self.row_budget = rows.max(1);
        self
    }

    /// How far the file is written, in thousandths (0 to 1,000).
    pub fn progress(&self) -> u32 {
        self.progress
    }

    /// How many forecasts of a scenario the file took so far: one per
    /// scenario, more for a ledger whose rows are over the row budget (one
    /// per window of months).
    pub fn passes(&self) -> usize {
        self.passes
    }

    /// Does a bounded piece of the work: forecasts a few hundred positions,
    /// or writes up to a chunk. Call it until [`Step::Done`].
    pub fn step(&mut self) -> Step {
        let stage = std::mem::replace(&mut self.stage, Stage::Done);
        self.stage = match stage {
            Stage::Header => {
                if self.request.options.bom {
                    self.out.extend_from_slice(BOM);
                }
                let mut header = records(&mut self.out);
                let _ = match self.request.kind {
                    ExportKind::Ledger => header.write_record(ledger_columns(self.shape)),
                    ExportKind::Summary => {
                        header.write_record(summary_columns(&self.request.summary))
                    }
                    ExportKind::Roster => header.write_record(roster_header(&self.years)),
                    ExportKind::Comparison => header.write_record(comparison_columns()),
                    ExportKind::Pivot => {
                        header.write_record(super::pivot::header(self.plan, &self.request.pivot))
                    }
                };
                let _ = header.flush();
                drop(header);
                self.begin_scenario()
            }
            Stage::Forecast { position, sink } => self.forecast(position, sink),
            Stage::Ledger {
                rows,
                order,
                next,
                window,
            } => self.write_ledger(rows, order, next, window),
            Stage::Roster { costs, next } => self.write_roster(costs, next),
            Stage::Finish => {
                self.progress = 1000;
                return if self.out.is_empty() {
                    Step::Done
                } else {
                    self.stage = Stage::Done;
                    Step::Chunk(std::mem::take(&mut self.out))
                };
            }
            Stage::Done => return Step::Done,
        };
        self.progress = self.progress.max(self.measure());
        if self.out.len() >= self.chunk_bytes {
            Step::Chunk(std::mem::replace(
                &mut self.out,
                Vec::with_capacity(self.chunk_bytes.saturating_add(1024).min(CHUNK_BYTES * 2)),
            ))
        } else {
            Step::Working
        }
    }

    /// The stage that starts the scenario at `self.current`, or what comes
    /// after the last one.
    fn begin_scenario(&mut self) -> Stage {
        let Some(p) = self.prepared.get(self.current) else {
            if self.request.kind == ExportKind::Comparison
                && let Ok(comparison) = crate::model::compare::compare_summaries(
                    self.plan,
                    self.request.base,
                    &self.summaries,
                )
            {
                comparison_records(
                    &mut self.out,
                    self.plan,
                    &comparison,
                    self.request.base,
                    self.request.options.scenario,
                );
            }
            return Stage::Finish;
        };
        let sink = match self.request.kind {
            ExportKind::Ledger => {
                self.cells = Some(LedgerCells::new(self.plan, p.scenario(), self.shape));
                // Room for the budget and one step's overshoot, reserved
                // once (growing by doubling would briefly need twice as
                // much) and kept from one scenario to the next.
                let mut rows = std::mem::take(&mut self.spare_rows);
                rows.clear();
                if self.row_budget != usize::MAX {
                    rows.reserve(self.row_budget.saturating_add(self.row_budget / 4));
                }
                Sink::Ledger(Window::new(
                    self.months.0,
                    self.months.1,
                    self.row_budget,
                    rows,
                ))
            }
            ExportKind::Summary | ExportKind::Comparison | ExportKind::Pivot => {
                Sink::Totals(Box::new(ScenarioForecast::for_scenario(
                    self.plan,
                    p.scenario_index(),
                )))
            }
            ExportKind::Roster => Sink::Costs(PositionCosts {
                month_year: self.month_year.clone(),
                years: self.years.len(),
                costs: vec![0; self.years.len() * p.scenario().positions.len()],
            }),
        };
        Stage::Forecast { position: 0, sink }
    }

    fn next_scenario(&mut self) -> Stage {
        self.current += 1;
        self.cells = None;
        self.begin_scenario()
    }

    fn forecast(&mut self, position: usize, mut sink: Sink) -> Stage {
        let Some(p) = self.prepared.get(self.current) else {
            return Stage::Finish;
        };
        if position == 0 {
            self.passes += 1;
        }
        let count = p.scenario().positions.len();
        let end = position.saturating_add(STEP_POSITIONS).min(count);
        for i in position..end {
            match &mut sink {
                Sink::Ledger(w) => p.forecast_position(i, w),
                Sink::Totals(f) => p.forecast_position(i, f.as_mut()),
                Sink::Costs(c) => p.forecast_position(i, c),
            }
        }
        if let Sink::Ledger(w) = &mut sink {
            w.shrink(end, count);
        }
        if end < count {
            return Stage::Forecast {
                position: end,
                sink,
            };
        }
        // Positions done: the other costs and cloud lines, then write.
        match sink {
            Sink::Ledger(mut w) => {
                p.forecast_lines(&mut w);
                let order = month_order(&w.rows, w.start, w.end);
                Stage::Ledger {
                    rows: w.rows,
                    order,
                    next: 0,
                    window: (w.start, w.end),
                }
            }
            Sink::Totals(mut f) => {
                p.forecast_lines(f.as_mut());
                if self.request.kind == ExportKind::Summary {
                    summary_records(
                        &mut self.out,
                        self.plan,
                        &f,
                        self.currency,
                        &self.request.summary,
                    );
                } else if self.request.kind == ExportKind::Pivot {
                    super::pivot::write_records(&mut self.out, self.plan, &f, &self.request.pivot);
                } else {
                    self.summaries
                        .push(crate::model::compare::scenario_years(self.plan, &f));
                }
                self.next_scenario()
            }
            // Lines have no position: nothing to add to the roster's costs.
            Sink::Costs(costs) => Stage::Roster { costs, next: 0 },
        }
    }

    fn write_ledger(
        &mut self,
        rows: Vec<LedgerRow>,
        order: Vec<u32>,
        mut next: usize,
        window: (u16, u16),
    ) -> Stage {
        let (Some(p), Some(cells)) = (self.prepared.get(self.current), self.cells.as_ref()) else {
            return Stage::Finish;
        };
        let scenario = p.scenario();
        if self.chunk_bytes == usize::MAX {
            // One unbounded chunk: reserve the whole window once.
            self.out.reserve(
                order[next..]
                    .iter()
                    .map(|&i| cells.max_len(&rows[i as usize]))
                    .sum(),
            );
        }
        let mut buf = [0u8; 48];
        while let Some(&i) = order.get(next) {
            if let Some(row) = rows.get(i as usize) {
                cells.write(&mut self.out, scenario, row, self.exponent, &mut buf);
            }
            next += 1;
            if self.out.len() >= self.chunk_bytes {
                break;
            }
        }
        if next < order.len() {
            return Stage::Ledger {
                rows,
                order,
                next,
                window,
            };
        }
        if window.1 < self.months.1 {
            // The next window of months: forecast the scenario again.
            let w = Window::new(window.1, self.months.1, self.row_budget, rows);
            return Stage::Forecast {
                position: 0,
                sink: Sink::Ledger(w),
            };
        }
        self.spare_rows = rows;
        self.next_scenario()
    }

    fn write_roster(&mut self, costs: PositionCosts, mut next: usize) -> Stage {
        let Some(p) = self.prepared.get(self.current) else {
            return Stage::Finish;
        };
        let scenario = p.scenario();
        let years = self.years.len();
        let end = next
            .saturating_add(STEP_RECORDS)
            .min(scenario.positions.len());
        let chunk_bytes = self.chunk_bytes;
        let mut out = records(&mut self.out);
        while next < end {
            let from = next * years;
            let record = roster_record(
                scenario,
                &scenario.positions[next],
                costs.costs.get(from..from + years).unwrap_or_default(),
                self.currency,
            );
            let _ = out.write_record(&record);
            next += 1;
            let _ = out.flush();
            if out.get_ref().len() >= chunk_bytes {
                break;
            }
        }
        drop(out);
        if next < scenario.positions.len() {
            Stage::Roster { costs, next }
        } else {
            self.next_scenario()
        }
    }

    /// Progress of the stage at work, in thousandths of the file.
    fn measure(&self) -> u32 {
        let scenarios = self.prepared.len().max(1) as u64;
        let positions = self
            .prepared
            .get(self.current)
            .map_or(0, |p| p.scenario().positions.len()) as u64;
        let share = |done: u64, of: u64| done.min(of) * 1000 / of.max(1);
        let (first, end) = (u64::from(self.months.0), u64::from(self.months.1));
        let months = end.saturating_sub(first).max(1);
        // A window of months `a..b` done to `f` thousandths.
        let window = |a: u16, b: u16, f: u64| {
            let a = u64::from(a).saturating_sub(first);
            let b = u64::from(b).saturating_sub(first);
            (a * 1000 + b.saturating_sub(a) * f) / months
        };
        let within = match &self.stage {
            Stage::Header => 0,
            Stage::Forecast { position, sink } => {
                let f = share(*position as u64, positions + 1);
                match sink {
                    Sink::Ledger(w) => window(w.start, w.end, f / 2),
                    Sink::Totals(_) => f,
                    Sink::Costs(_) => f / 2,
                }
            }
            Stage::Ledger {
                order,
                next,
                window: (a, b),
                ..
            } => window(*a, *b, 500 + share(*next as u64, order.len() as u64) / 2),
            Stage::Roster { next, .. } => 500 + share(*next as u64, positions) / 2,
            Stage::Finish | Stage::Done => return 1000,
        };
        ((self.current as u64 * 1000 + within) / scenarios).min(999) as u32
    }
}

impl Iterator for ExportChunks<'_> {
    type Item = Vec<u8>;

    /// The next chunk (steps until one is ready).
    fn next(&mut self) -> Option<Vec<u8>> {
        loop {
            match self.step() {
                Step::Chunk(bytes) => return Some(bytes),
                Step::Working => {}
                Step::Done => return None,
            }
        }
    }
}

/// The indexes of `rows` ordered by month (months `start..end`), stable:
/// the engine's order within a month.
fn month_order(rows: &[LedgerRow], start: u16, end: u16) -> Vec<u32> {
    let months = usize::from(end.saturating_sub(start));
    let mut next = vec![0usize; months + 1];
    for r in rows {
        if let Some(n) = next.get_mut(usize::from(r.month - start) + 1) {
            *n += 1;
        }
    }
    for m in 1..next.len() {
        next[m] += next[m - 1];
    }
    let mut order = vec![0u32; rows.len()];
    for (i, r) in rows.iter().enumerate() {
        if let Some(n) = next.get_mut(usize::from(r.month - start))
            && let Some(slot) = order.get_mut(*n)
        {
            *slot = i as u32;
            *n += 1;
        }
    }
    order
}

/// The bytes of an export in one piece: [`ExportChunks`] with a single
/// unbounded chunk and no row budget (one forecast per scenario).
pub fn export(plan: &Plan, request: &ExportRequest) -> Result<Vec<u8>, Vec<PlanError>> {
    let chunks = ExportChunks::new(plan, request)?
        .with_chunk_bytes(usize::MAX)
        .with_row_budget(usize::MAX);
    let mut out = Vec::new();
    for chunk in chunks {
        if out.is_empty() {
            out = chunk;
        } else {
            out.extend_from_slice(&chunk);
        }
    }
    Ok(out)
}

/// What a browser is trusted to hand to a download, in bytes: 1 GB.
/// Chromium keeps a `Blob` in memory up to 2 GB on 64-bit desktops
/// (a fifth of the RAM on Chrome OS, a hundredth on Android) and pages
/// larger ones to disk; every part also passes through the page's memory.
/// Half the desktop figure leaves room for the planner itself (docs/csv.md).
pub const BROWSER_DOWNLOAD_LIMIT: u64 = 1_000_000_000;

/// An export's size, estimated before it is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SizeEstimate {
    /// Data rows (without the header).
    pub rows: u64,
    pub bytes: u64,
    /// Counted row by row (a ledger of at most [`ESTIMATE_SAMPLE`]
    /// positions per scenario), not extrapolated.
    pub exact: bool,
}

impl SizeEstimate {
    /// Over [`BROWSER_DOWNLOAD_LIMIT`]: write it with the command line.
    pub fn too_large_for_browser(&self) -> bool {
        self.bytes > BROWSER_DOWNLOAD_LIMIT
    }
}

/// How many positions of a scenario the ledger's estimate forecasts (evenly
/// spread over the roster); the lines are counted in full.
pub const ESTIMATE_SAMPLE: usize = 200;

/// Measures the ledger rows of a few positions: each row is written to a
/// scratch buffer and counted.
struct Measure<'c> {
    cells: &'c LedgerCells,
    scenario: &'c Scenario,
    months: (u16, u16),
    exponent: u32,
    rows: u64,
    bytes: u64,
    scratch: Vec<u8>,
}

impl LedgerSink for Measure<'_> {
    fn row(&mut self, row: &LedgerRow) {
        if row.month < self.months.0 || row.month >= self.months.1 {
            return;
        }
        let mut buf = [0u8; 48];
        self.scratch.clear();
        self.cells.write(
            &mut self.scratch,
            self.scenario,
            row,
            self.exponent,
            &mut buf,
        );
        self.rows += 1;
        self.bytes += self.scratch.len() as u64;
    }
}

/// The size of the file `request` asks for, before it is written. The
/// ledger forecasts [`ESTIMATE_SAMPLE`] positions of each scenario (every
/// position of a smaller one: then the figure is exact) and scales their
/// rows and bytes to the roster; the other kinds, whose files are small
/// (a row per position at most), are estimated from their row counts.
pub fn estimate(plan: &Plan, request: &ExportRequest) -> Result<SizeEstimate, Vec<PlanError>> {
    let mut estimate = Estimate::new(plan, request)?;
    loop {
        if let Some(total) = estimate.step()? {
            return Ok(total);
        }
    }
}

/// The bytes of the file's header row, with its byte-order mark: what a
/// caller adding up one estimate per scenario counts once.
pub fn header_bytes(plan: &Plan, request: &ExportRequest) -> u64 {
    let mut out = Vec::new();
    let mut w = records(&mut out);
    let _ = match request.kind {
        ExportKind::Ledger => w.write_record(ledger_columns(
            scenarios(plan, request.options.scenario)
                .map(|indexes| LedgerShape::of(plan, &indexes))
                .unwrap_or_default(),
        )),
        ExportKind::Summary => w.write_record(summary_columns(&request.summary)),
        ExportKind::Roster => w.write_record(roster_header(&horizon_years(plan).0)),
        ExportKind::Comparison => w.write_record(comparison_columns()),
        ExportKind::Pivot => w.write_record(super::pivot::header(plan, &request.pivot)),
    };
    let _ = w.flush();
    drop(w);
    out.len() as u64 + if request.options.bom { 3 } else { 0 }
}

/// [`estimate`] a scenario at a time: validating and compiling a large
/// scenario takes a while, and the browser gives the page a turn between
/// scenarios. Step until it returns the total.
pub struct Estimate<'a> {
    plan: &'a Plan,
    /// The ledger's scenarios still to measure, the next last.
    pending: Vec<usize>,
    months: (u16, u16),
    exponent: u32,
    total: SizeEstimate,
    /// The ledger's optional columns.
    shape: LedgerShape,
}

impl<'a> Estimate<'a> {
    /// Checks the request; the other kinds than the ledger are estimated
    /// at once.
    pub fn new(plan: &'a Plan, request: &ExportRequest) -> Result<Self, Vec<PlanError>> {
        let indexes = scenarios(plan, request.options.scenario)?;
        let exponent = currency_of(plan)?.exponent();
        let header = header_bytes(plan, request);
        let shape = LedgerShape::of(plan, &indexes);
        let years = horizon_years(plan).0.len() as u64;
        let chosen = || indexes.iter().filter_map(|&s| plan.scenarios.get(s));
        let positions: u64 = chosen().map(|s| s.positions.len() as u64).sum();
        let teams: u64 = chosen().map(|s| s.teams.len() as u64 + 2).sum();
        let rough = |rows: u64, per_row: u64| SizeEstimate {
            rows,
            bytes: header + rows * per_row,
            exact: false,
        };
        let (total, pending, months) = match request.kind {
            // Each row carries the accounts and the unit too.
            ExportKind::Summary => (rough(years * teams, 210), Vec::new(), (0, 0)),
            // A row per category and team a year, 19 amounts each.
            ExportKind::Pivot => (rough(years * (teams + 11), 260), Vec::new(), (0, 0)),
            ExportKind::Roster => (rough(positions, 160 + 11 * years), Vec::new(), (0, 0)),
            ExportKind::Comparison => {
                let rows = if request.options.scenario.is_some() {
                    2
                } else {
                    plan.scenarios.len() as u64
                };
                (rough(years * rows, 220), Vec::new(), (0, 0))
            }
            ExportKind::Ledger => {
                let total = SizeEstimate {
                    rows: 0,
                    bytes: header,
                    exact: true,
                };
                let mut pending = indexes;
                pending.reverse();
                (total, pending, month_range(plan, request.fiscal_year)?)
            }
        };
        Ok(Self {
            plan,
            pending,
            months,
            exponent,
            total,
            shape,
        })
    }

    /// Measures the ledger of one more scenario; the total once every
    /// scenario is measured.
    pub fn step(&mut self) -> Result<Option<SizeEstimate>, Vec<PlanError>> {
        let Some(s) = self.pending.pop() else {
            return Ok(Some(self.total));
        };
        let prepared = PreparedScenario::new(self.plan, s)?;
        let scenario = prepared.scenario();
        let n = scenario.positions.len();
        let stride = n.div_ceil(ESTIMATE_SAMPLE).max(1);
        let cells = LedgerCells::sampled(self.plan, scenario, stride, self.shape);
        let mut measure = Measure {
            cells: &cells,
            scenario,
            months: self.months,
            exponent: self.exponent,
            rows: 0,
            bytes: 0,
            scratch: Vec::with_capacity(256),
        };
        prepared.forecast_lines(&mut measure);
        let (line_rows, line_bytes) = (measure.rows, measure.bytes);
        measure.rows = 0;
        measure.bytes = 0;
        let mut sampled = 0u64;
        for i in (0..n).step_by(stride) {
            prepared.forecast_position(i, &mut measure);
            sampled += 1;
        }
        let scale = |v: u64| {
            if sampled == 0 {
                0
            } else {
                (u128::from(v) * n as u128 / u128::from(sampled)) as u64
            }
        };
        self.total.rows += line_rows + scale(measure.rows);
        self.total.bytes += line_bytes + scale(measure.bytes);
        self.total.exact &= stride == 1;
        Ok(self.pending.is_empty().then_some(self.total))
    }
}

/// The name of the file `request` writes: [`file_name`] (the comparison
/// named by its base), and a ledger of one fiscal year says which after
/// its kind: `FY2026-budget_Base_ledger-FY2027_2026-11-24.csv`.
pub fn request_file_name(plan: &Plan, request: &ExportRequest, date: Date) -> String {
    let scenario = if request.kind == ExportKind::Comparison {
        Some(request.base)
    } else {
        request.options.scenario
    };
    let name = file_name(plan, scenario, request.kind, date);
    match (request.kind, request.fiscal_year) {
        // The names' parts never hold `_` (file_part): this is the kind's.
        (ExportKind::Ledger, Some(year)) => {
            name.replacen("_ledger_", &format!("_ledger-{}_", year.label()), 1)
        }
        (ExportKind::Pivot, _) => name.replacen(
            "_pivot_",
            &format!("_pivot-{}_", request.pivot.layout.as_str()),
            1,
        ),
        _ => name,
    }
}

/// The comparison file of a comparison already computed (the Compare view
/// has every scenario's forecast at hand): the bytes of [`comparison`].
pub fn comparison_of(
    plan: &Plan,
    comparison: &Comparison,
    base: usize,
    options: ExportOptions,
) -> Vec<u8> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(BOM);
    }
    let mut header = records(&mut out);
    let _ = header.write_record(comparison_columns());
    let _ = header.flush();
    drop(header);
    comparison_records(&mut out, plan, comparison, base, options.scenario);
    out
}

/// The plan file's name the backup download gives it (`ui::session::plan_file`):
/// the name the command line of [`cli_command`] reads.
pub fn plan_file_name(plan: &Plan) -> String {
    format!("{}.fleetplan.json", file_part(&plan.name, "plan"))
}

/// A word for a POSIX shell: as it is when it is plain, else single-quoted.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && !word.starts_with('-')
        && word.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'_' | b'.' | b'/' | b'-' | b'=' | b':' | b'+' | b',')
        });
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The `fleetplan-cli` command that writes the file `request` asks for,
/// byte for byte, from the plan file `plan_file` into `output`, e.g.
/// `fleetplan-cli export budget.fleetplan.json --kind ledger --scenario Base
/// --fiscal-year FY2027 --bom -o budget_Base_ledger_2026-11-24.csv`.
pub fn cli_command(plan: &Plan, request: &ExportRequest, plan_file: &str, output: &str) -> String {
    let mut words = vec![
        "fleetplan-cli".to_string(),
        "export".to_string(),
        shell_word(plan_file),
        "--kind".to_string(),
        request.kind.as_str().to_string(),
    ];
    let name = |s: usize| {
        plan.scenarios
            .get(s)
            .map_or_else(String::new, |s| shell_word(&s.name))
    };
    if let Some(s) = request.options.scenario {
        words.extend(["--scenario".to_string(), name(s)]);
    }
    if request.kind == ExportKind::Comparison {
        words.extend(["--base".to_string(), name(request.base)]);
    }
    if request.kind == ExportKind::Ledger
        && let Some(year) = request.fiscal_year
    {
        words.extend(["--fiscal-year".to_string(), year.label()]);
    }
    // The unit and labels, when not the defaults (the pivot's layout too).
    let (unit, labels) = match request.kind {
        ExportKind::Summary => (request.summary.unit, request.summary.labels),
        ExportKind::Pivot => {
            if request.pivot.layout != super::pivot::PivotLayout::default() {
                words.extend(["--pivot".to_string(), request.pivot.layout.as_str().into()]);
            }
            (request.pivot.unit, request.pivot.labels)
        }
        _ => Default::default(),
    };
    if unit != crate::model::units::Unit::default() {
        words.extend(["--unit".to_string(), unit.as_str().to_string()]);
    }
    if labels != super::pivot::Labels::default() {
        words.extend(["--labels".to_string(), labels.as_str().to_string()]);
    }
    words.push(
        if request.options.bom {
            "--bom"
        } else {
            "--no-bom"
        }
        .to_string(),
    );
    words.extend(["-o".to_string(), shell_word(output)]);
    words.join(" ")
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

    /// The ledger's account cells, encoded once per scenario, book every
    /// row where the model's rule does (`Accounts::of_row`): the line's own
    /// account, else the category's.
    #[test]
    fn account_cells_book_each_row_as_the_model_does() {
        use crate::model::accounts::{Account, LineKind};
        let mut plan = crate::model::generate_plan_graded(30, 12, 1, 5);
        let s = &mut plan.scenarios[0];
        s.accounts
            .set_category(Category::Base, Account::new("5110", "給料手当"));
        s.accounts
            .set_category(Category::Cloud, Account::new("6150", "通信費, \"cloud\""));
        let lines = [
            (
                LineKind::Burden,
                s.people.burden.first().map(|b| b.name.clone()),
            ),
            (
                LineKind::PerHead,
                s.people.per_head.first().map(|c| c.name.clone()),
            ),
            (
                LineKind::OtherCost,
                s.other_costs.first().map(|c| c.name.clone()),
            ),
            (
                LineKind::CloudLine,
                s.cloud.lines.first().map(|l| l.name.clone()),
            ),
        ];
        for (i, (kind, name)) in lines.into_iter().enumerate() {
            let name = name.expect("the generated plan has a line of each kind");
            s.accounts.set_line(
                kind,
                &name,
                Account::new(format!("70{i}"), format!("line {i}")),
            );
        }
        let prepared = PreparedScenario::new(&plan, 0).expect("valid");
        let mut rows = crate::model::LedgerCollector::default();
        prepared.forecast(&mut rows);
        let scenario = prepared.scenario();
        let cells = AccountCells::new(scenario);
        let mut own_lines = std::collections::BTreeSet::new();
        for row in &rows.rows {
            let account = scenario.accounts.of_row(scenario, row);
            let mut want = vec![b','];
            want.extend(encoded(&account.code));
            want.push(b',');
            want.extend(encoded(&account.name));
            assert_eq!(cells.cell(row), want, "{row:?}");
            if account.code.starts_with("70") {
                own_lines.insert(account.code);
            }
        }
        assert_eq!(
            own_lines.len(),
            4,
            "rows of every line kind with its own account"
        );
    }

    /// The rows of scenario 0 written with the allowance and per-head names
    /// cached, and as each row's label encoded when met (as before the
    /// cache): the same bytes.
    #[test]
    fn cached_allowance_and_per_head_names_write_the_same_bytes() {
        let mut plan = crate::model::generate_plan_graded(40, 12, 1, 3);
        let s = &mut plan.scenarios[0];
        let with = s.positions.iter().position(|p| p.allowances.len() == 2);
        let with = with.expect("a position with two allowances");
        s.positions[with].allowances[1].name = "Overtime, \"fixed\"".into();
        s.people.per_head[0].name = "DC\npension, 確定拠出".into();
        let prepared = PreparedScenario::new(&plan, 0).expect("valid");
        let mut rows = crate::model::LedgerCollector::default();
        prepared.forecast(&mut rows);
        let scenario = prepared.scenario();
        let mut met = (0, 0);
        for stride in [1, 3] {
            let cached = LedgerCells::sampled(&plan, scenario, stride, LedgerShape::default());
            let mut uncached =
                LedgerCells::sampled(&plan, scenario, stride, LedgerShape::default());
            uncached.per_head.clear();
            uncached.allowance_at.clear();
            let (mut a, mut b, mut buf) = (Vec::new(), Vec::new(), [0u8; 48]);
            for row in &rows.rows {
                match row.component {
                    Component::Allowance(_) => met.0 += 1,
                    Component::PerHead(_) => met.1 += 1,
                    _ => {}
                }
                cached.write(&mut a, scenario, row, 0, &mut buf);
                uncached.write(&mut b, scenario, row, 0, &mut buf);
                assert!(cached.max_len(row) >= uncached.max_len(row));
            }
            assert_eq!(a, b, "stride {stride}");
            let text = String::from_utf8(a).expect("UTF-8");
            assert!(text.contains(",\"Overtime, \"\"fixed\"\"\","));
            assert!(text.contains(",\"DC\npension, 確定拠出\","));
        }
        assert!(met.0 > 0 && met.1 > 0, "{met:?}");
        // The distinct names are encoded once.
        let cells = LedgerCells::new(&plan, scenario, LedgerShape::default());
        assert_eq!(cells.allowance_names.len(), 3);
        assert_eq!(cells.allowance_at.len(), scenario.positions.len() + 1);
    }

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
    fn a_window_keeps_the_months_whose_projected_rows_fit_its_budget() {
        let row = |month: u16| LedgerRow {
            month,
            team: None,
            source: Source::Position(0),
            category: Category::Base,
            component: Component::Main,
            amount_minor: 1,
            foreign: crate::model::Foreign::NONE,
        };
        let window = |done: usize, total: usize| {
            let mut w = Window::new(0, 12, 1000, Vec::new());
            for m in 0..12 {
                for _ in 0..100 {
                    w.row(&row(m));
                }
            }
            w.shrink(done, total);
            (w.end, w.rows.len())
        };
        // 100 rows a month after 600 of 1,000 positions: 1,000 rows for 6
        // months in the end, which fit; 7 would not.
        assert_eq!(window(600, 1000), (6, 600));
        assert_eq!(window(601, 1000), (6, 600));
        assert_eq!(window(599, 1000), (5, 500));
        // After a tenth of the positions: not even one month fits, the
        // first is kept.
        assert_eq!(window(100, 1000), (1, 100));
        // Rows × positions past 2³² (as usize on wasm32 overflows).
        assert_eq!(window(20_000, 50_000_000), (1, 100));
        // Every position forecast: the budget itself.
        assert_eq!(window(1000, 1000), (10, 1000));
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
