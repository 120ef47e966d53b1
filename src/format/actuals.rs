//! Importing actuals: a file of what was really spent, read through the
//! shared pipeline ([`Table`]: Excel's encodings, separators, quoting),
//! mapped to the plan's months, categories and teams, previewed, then
//! applied all at once. docs/actuals.md describes the format.
//!
//! Two shapes are read:
//! - **long**, one amount a row: month, category, team, amount, note (the
//!   planner's own ledger export is this shape, with more columns);
//! - **wide**, one column per category: month, team and an amount under
//!   each category's name (the planner's fiscal-year summary export is this
//!   shape; only its rows of one month can be read, since actuals are
//!   monthly).
//!
//! Re-importing replaces: the months × categories a file covers lose every
//! amount they had, of every team, and take the file's. Importing the same
//! file twice therefore gives the same actuals.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use rust_decimal::Decimal;

use super::decode::{DecodeError, Encoding};
use super::export::{BOM, untext_cell};
use super::input::InputError;
use super::table::Table;
use super::values::{fold, key, parse_month, parse_signed_amount};
use crate::i18n::{Lang, common::category_in};
use crate::model::money::to_minor;
use crate::model::{Actual, ActualHeads, Category, Plan, YearMonth};

/// What a column of an actuals file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActualsField {
    Month,
    Category,
    Team,
    Amount,
    Note,
    /// People on the team at the month's end.
    Heads,
    Fte,
    /// The scenario of a ledger or summary export: one only.
    Scenario,
    /// The summary export's first month and month count.
    FirstMonth,
    Months,
}

impl ActualsField {
    pub const ALL: [ActualsField; 10] = [
        Self::Month,
        Self::Category,
        Self::Team,
        Self::Amount,
        Self::Note,
        Self::Heads,
        Self::Fte,
        Self::Scenario,
        Self::FirstMonth,
        Self::Months,
    ];

    /// The column's name in the template and docs.
    pub fn key(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Category => "category",
            Self::Team => "team",
            Self::Amount => "amount",
            Self::Note => "note",
            Self::Heads => "heads",
            Self::Fte => "fte",
            Self::Scenario => "scenario",
            Self::FirstMonth => "first_month",
            Self::Months => "months",
        }
    }

    pub fn from_key(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == text)
    }

    /// Header names read as this field (compared by [`key`]).
    fn names(self) -> &'static [&'static str] {
        match self {
            Self::Month => &[
                "month",
                "period",
                "posting month",
                "月",
                "年月",
                "対象月",
                "計上月",
                "会計月",
                "計上年月",
                "date",
                "日付",
                "計上日",
            ],
            Self::Category => &[
                "category",
                "account",
                "account name",
                "cost category",
                "費目",
                "勘定科目",
                "科目",
                "カテゴリ",
                "カテゴリー",
                "費用区分",
            ],
            Self::Team => &[
                "team",
                "department",
                "dept",
                "cost center",
                "チーム",
                "部署",
                "部門",
                "コストセンター",
                "組織",
            ],
            Self::Amount => &[
                "amount",
                "actual",
                "actuals",
                "value",
                "cost",
                "金額",
                "実績",
                "実績額",
                "実績金額",
                "支出額",
                "金額円",
            ],
            Self::Note => &[
                "note",
                "notes",
                "memo",
                "description",
                "備考",
                "メモ",
                "摘要",
            ],
            Self::Heads => &[
                "heads",
                "headcount",
                "people",
                "人数",
                "在籍人数",
                "ヘッドカウント",
            ],
            Self::Fte => &["fte", "稼働換算", "fte換算"],
            Self::Scenario => &["scenario", "シナリオ"],
            Self::FirstMonth => &["first month", "開始月"],
            Self::Months => &["months", "月数"],
        }
    }
}

/// What a column is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnUse {
    Field(ActualsField),
    /// An amount column of one category (the wide shape).
    Category(Category),
    Ignored,
}

impl ColumnUse {
    /// "month", "category:cloud", "ignore": how the mapping is written.
    pub fn key(self) -> String {
        match self {
            Self::Field(f) => f.key().to_string(),
            Self::Category(c) => format!("category:{}", c.as_str()),
            Self::Ignored => "ignore".to_string(),
        }
    }

    pub fn from_key(text: &str) -> Option<Self> {
        if text == "ignore" {
            return Some(Self::Ignored);
        }
        if let Some(c) = text.strip_prefix("category:") {
            return Category::from_key(c).map(Self::Category);
        }
        ActualsField::from_key(text).map(Self::Field)
    }
}

/// The person's choices for the columns: a header's [`key`] → its use.
/// Headers not named keep the use read from their name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActualsMapping {
    pub by_header: BTreeMap<String, ColumnUse>,
}

/// A column of the file, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActualsColumn {
    pub header: String,
    pub used_as: ColumnUse,
    /// Chosen by the person rather than read from the header.
    pub chosen: bool,
}

/// Account names (勘定科目) a Japanese ledger uses for a category; only the
/// unambiguous ones (支払手数料 and 通信費 can be tools or cloud, so the
/// person maps them).
const ACCOUNTS: [(&str, Category); 14] = [
    ("給料手当", Category::Base),
    ("給与手当", Category::Base),
    ("給料", Category::Base),
    ("給与", Category::Base),
    ("基本給", Category::Base),
    ("賞与", Category::Bonus),
    ("法定福利費", Category::Burden),
    ("福利厚生費", Category::Benefits),
    ("採用教育費", Category::Recruiting),
    ("求人費", Category::Recruiting),
    ("消耗品費", Category::Equipment),
    ("工具器具備品", Category::Equipment),
    ("研修費", Category::Training),
    ("雑費", Category::Other),
];

/// The category a cell or header names: its key (`cloud`), its label in
/// English or Japanese (`Employer burden`, `法定福利費`) or a typical
/// account name (`給料手当`).
pub fn category_named(text: &str) -> Option<Category> {
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    Category::ALL
        .into_iter()
        .find(|c| {
            key(c.as_str()) == k
                || key(category_in(*c, Lang::En)) == k
                || key(category_in(*c, Lang::Ja)) == k
        })
        .or_else(|| {
            ACCOUNTS
                .iter()
                .find(|(name, _)| key(name) == k)
                .map(|(_, c)| *c)
        })
}

/// The use a header's name implies.
pub fn column_named(header: &str) -> ColumnUse {
    let k = key(header);
    if let Some(field) = ActualsField::ALL
        .into_iter()
        .find(|f| f.names().iter().any(|n| key(n) == k))
    {
        return ColumnUse::Field(field);
    }
    match category_named(header) {
        Some(c) => ColumnUse::Category(c),
        None => ColumnUse::Ignored,
    }
}

/// Why a row (or the file) cannot be imported; the English is the
/// [`Display`](fmt::Display), a UI says it in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActualsProblem {
    /// The CSV reader could not read the row.
    Unreadable {
        detail: String,
    },
    /// No column holds this field.
    NoColumn {
        field: ActualsField,
    },
    /// A category column and category amount columns both: one shape only.
    BothShapes,
    /// Neither a category column with an amount, nor category columns.
    NoAmounts,
    MonthUnreadable {
        text: String,
    },
    MonthOutsideHorizon {
        month: YearMonth,
        first: YearMonth,
        last: YearMonth,
    },
    /// A summary row of more than one month.
    SeveralMonths {
        months: String,
    },
    UnknownCategory {
        text: String,
    },
    UnknownTeam {
        text: String,
    },
    Amount {
        text: String,
        error: InputError,
    },
    HeadsUnreadable {
        text: String,
    },
    FteUnreadable {
        text: String,
    },
    HeadsWithoutTeam,
    /// A second scenario in a ledger or summary export.
    SeveralScenarios {
        first: String,
        other: String,
    },
    NoRows,
    /// A cloud bill without these columns (FOCUS names).
    MissingColumns {
        names: Vec<String>,
    },
    /// A bill's cost that is not a number.
    CostUnreadable {
        text: String,
    },
    /// A billing currency Fleetplan does not know.
    UnknownCurrency {
        code: String,
    },
    /// A billing currency with no rate in the base scenario, none given.
    NoRate {
        currency: String,
    },
}

/// One problem, on the line of the file it was found on (1 is the header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActualsError {
    pub line: usize,
    /// The header of the column at fault, when one is.
    pub column: Option<String>,
    pub problem: ActualsProblem,
}

impl fmt::Display for ActualsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { detail } => write!(f, "the row cannot be read: {detail}"),
            Self::NoColumn { field } => write!(f, "no column holds the {}", field.key()),
            Self::BothShapes => f.write_str(
                "map either a category column with an amount column, or one amount column \
                 per category, not both",
            ),
            Self::NoAmounts => f.write_str(
                "no amounts: map a category column and an amount column, or columns named \
                 after categories",
            ),
            Self::MonthUnreadable { text } => {
                write!(
                    f,
                    "\u{201c}{text}\u{201d} is not a month, write 2026-04 or 2026/4"
                )
            }
            Self::MonthOutsideHorizon { month, first, last } => write!(
                f,
                "{month} is outside the plan's horizon ({first} to {last})"
            ),
            Self::SeveralMonths { months } => write!(
                f,
                "this row covers {months} months; actuals are monthly, so import the ledger \
                 export or one month a row"
            ),
            Self::UnknownCategory { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a category: use base, bonus, burden, benefits, \
                 recruiting, tools, equipment, training, other or cloud"
            ),
            Self::UnknownTeam { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a team of any scenario; add the team or \
                 correct the name"
            ),
            Self::Amount { text, error } => write!(f, "amount \u{201c}{text}\u{201d}: {error}"),
            Self::HeadsUnreadable { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not a whole number of people")
            }
            Self::FteUnreadable { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not an FTE, such as 12.5")
            }
            Self::HeadsWithoutTeam => f.write_str("heads are counted per team: give the team"),
            Self::SeveralScenarios { first, other } => write!(
                f,
                "the file holds scenario \u{201c}{other}\u{201d} after \u{201c}{first}\u{201d}; \
                 import one scenario's rows"
            ),
            Self::NoRows => f.write_str("the file has no rows below its header"),
            Self::MissingColumns { names } => write!(
                f,
                "this is not a FOCUS cost file: it has no {} column{}",
                names.join(", "),
                if names.len() > 1 { "s" } else { "" }
            ),
            Self::CostUnreadable { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not a cost, such as 12.345")
            }
            Self::UnknownCurrency { code } => {
                write!(
                    f,
                    "\u{201c}{code}\u{201d} is not a currency Fleetplan knows"
                )
            }
            Self::NoRate { currency } => write!(
                f,
                "the bill is in {currency} and the base scenario has no rate for it: give one"
            ),
        }
    }
}

impl fmt::Display for ActualsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {} ({column}): {}", self.line, self.problem),
            None => write!(f, "line {}: {}", self.line, self.problem),
        }
    }
}

/// A month × category total the import changes, in minor units (every team).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActualsChange {
    pub month: YearMonth,
    pub category: Category,
    pub before: i128,
    pub after: i128,
}

/// What an import would do, before it is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct ActualsPreview {
    pub encoding: Encoding,
    pub columns: Vec<ActualsColumn>,
    /// Rows read below the header (blank rows not counted).
    pub rows: usize,
    /// Rows with a month and category but no amount, left out (a
    /// template's rows not filled in).
    pub skipped: usize,
    pub errors: Vec<ActualsError>,
    /// The file's amounts, summed per month, category and team.
    pub amounts: Vec<Actual>,
    pub heads: Vec<ActualHeads>,
    /// The months × categories the file covers: their amounts are replaced.
    pub covered: BTreeSet<(YearMonth, Category)>,
    pub heads_covered: BTreeSet<(YearMonth, String)>,
    /// Totals that change, in month and category order.
    pub changes: Vec<ActualsChange>,
    /// Covered months × categories whose total stays the same.
    pub unchanged: usize,
    /// The file's last month, when it is after the plan's closed month: an
    /// import may propose closing through it.
    pub proposed_closed: Option<YearMonth>,
}

/// Why an import was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportBlocked {
    pub errors: usize,
}

impl ActualsPreview {
    /// Applies the import (all of it, or nothing while any error remains):
    /// replaces the covered months × categories, and closes through the
    /// proposed month when asked.
    pub fn apply(&self, plan: &mut Plan, close_through: bool) -> Result<(), ImportBlocked> {
        if !self.errors.is_empty() {
            return Err(ImportBlocked {
                errors: self.errors.len(),
            });
        }
        plan.actuals.replace(&self.covered, self.amounts.clone());
        plan.actuals
            .replace_heads(&self.heads_covered, self.heads.clone());
        if close_through && let Some(month) = self.proposed_closed {
            plan.actuals.closed_through = Some(month);
        }
        Ok(())
    }
}

/// Reads an actuals file against `plan` (its horizon, currency and teams)
/// with the person's column choices. Only a file that is not text in a
/// known encoding fails as a whole; every other problem is a line's error.
pub fn preview_actuals(
    plan: &Plan,
    bytes: &[u8],
    mapping: &ActualsMapping,
) -> Result<ActualsPreview, DecodeError> {
    let mut table = Table::open(bytes)?;
    let encoding = table.encoding;
    let mut errors = Vec::new();
    let header: Vec<String> = match table.next_row() {
        Some(Ok(row)) => row.cells.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(e)) => {
            errors.push(ActualsError {
                line: e.line,
                column: None,
                problem: ActualsProblem::Unreadable { detail: e.detail },
            });
            Vec::new()
        }
        None => Vec::new(),
    };
    let columns: Vec<ActualsColumn> = header
        .iter()
        .map(|h| match mapping.by_header.get(&key(h)) {
            Some(used_as) => ActualsColumn {
                header: h.clone(),
                used_as: *used_as,
                chosen: true,
            },
            None => ActualsColumn {
                header: h.clone(),
                used_as: column_named(h),
                chosen: false,
            },
        })
        .collect();
    let mut reader = RowReader::new(plan, &columns);
    if header.is_empty() && errors.is_empty() {
        errors.push(ActualsError {
            line: 1,
            column: None,
            problem: ActualsProblem::NoRows,
        });
    } else if errors.is_empty() {
        reader.check_columns(&mut errors);
    }
    let mut rows = 0;
    if errors.is_empty() {
        while let Some(row) = table.next_row() {
            match row {
                Ok(row) => {
                    if row.cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    rows += 1;
                    reader.row(row.line, &row.cells, &mut errors);
                }
                Err(e) => errors.push(ActualsError {
                    line: e.line,
                    column: None,
                    problem: ActualsProblem::Unreadable { detail: e.detail },
                }),
            }
        }
        if rows == 0 && errors.is_empty() {
            errors.push(ActualsError {
                line: 2,
                column: None,
                problem: ActualsProblem::NoRows,
            });
        }
    }
    let RowReader {
        amounts,
        heads,
        covered,
        heads_covered,
        last_month,
        skipped,
        ..
    } = reader;
    Ok(assemble(
        plan,
        Read {
            encoding,
            columns,
            rows,
            skipped,
            errors,
            amounts,
            heads: heads.into_values().collect(),
            covered,
            heads_covered,
            last_month,
        },
    ))
}

/// What a reader of an actuals file (this one, or a cloud bill's) found.
pub(crate) struct Read {
    pub encoding: Encoding,
    pub columns: Vec<ActualsColumn>,
    pub rows: usize,
    pub skipped: usize,
    pub errors: Vec<ActualsError>,
    pub amounts: Vec<Actual>,
    pub heads: Vec<ActualHeads>,
    pub covered: BTreeSet<(YearMonth, Category)>,
    pub heads_covered: BTreeSet<(YearMonth, String)>,
    pub last_month: Option<YearMonth>,
}

/// The preview of what was read: amounts summed per key, and the month ×
/// category totals before and after.
pub(crate) fn assemble(plan: &Plan, read: Read) -> ActualsPreview {
    let Read {
        encoding,
        columns,
        rows,
        skipped,
        errors,
        amounts,
        heads,
        covered,
        heads_covered,
        last_month,
    } = read;
    let mut actuals = crate::model::Actuals {
        amounts,
        ..Default::default()
    };
    actuals.normalize();
    let amounts = actuals.amounts;
    let exponent = plan.currency_exponent();
    let minor = |d: Decimal| i128::from(to_minor(d, exponent).unwrap_or(0));
    let mut before: BTreeMap<(YearMonth, Category), i128> = BTreeMap::new();
    for a in &plan.actuals.amounts {
        if covered.contains(&(a.month, a.category)) {
            *before.entry((a.month, a.category)).or_default() += minor(a.amount);
        }
    }
    let mut after: BTreeMap<(YearMonth, Category), i128> = BTreeMap::new();
    for a in &amounts {
        *after.entry((a.month, a.category)).or_default() += minor(a.amount);
    }
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for &(month, category) in &covered {
        let b = before.get(&(month, category)).copied().unwrap_or(0);
        let a = after.get(&(month, category)).copied().unwrap_or(0);
        if a == b {
            unchanged += 1;
        } else {
            changes.push(ActualsChange {
                month,
                category,
                before: b,
                after: a,
            });
        }
    }
    let proposed_closed =
        last_month.filter(|m| plan.actuals.closed_through.is_none_or(|closed| *m > closed));
    ActualsPreview {
        encoding,
        columns,
        rows,
        skipped,
        errors,
        amounts,
        heads,
        covered,
        heads_covered,
        changes,
        unchanged,
        proposed_closed,
    }
}

/// Reads the rows of one file.
struct RowReader {
    exponent: u32,
    first: YearMonth,
    last: YearMonth,
    /// Column indexes of the fields, the first of each.
    field: HashMap<ActualsField, usize>,
    /// Amount columns of the wide shape.
    category_columns: Vec<(usize, Category)>,
    headers: Vec<String>,
    /// A team's folded name → its name in the plan.
    teams: HashMap<String, String>,
    scenario: Option<String>,
    amounts: Vec<Actual>,
    heads: BTreeMap<(YearMonth, String), ActualHeads>,
    covered: BTreeSet<(YearMonth, Category)>,
    heads_covered: BTreeSet<(YearMonth, String)>,
    last_month: Option<YearMonth>,
    /// Rows of the long shape with no amount (a template's rows left blank).
    skipped: usize,
}

impl RowReader {
    fn new(plan: &Plan, columns: &[ActualsColumn]) -> Self {
        let mut field = HashMap::new();
        let mut category_columns = Vec::new();
        for (i, column) in columns.iter().enumerate() {
            match column.used_as {
                ColumnUse::Field(f) => {
                    field.entry(f).or_insert(i);
                }
                ColumnUse::Category(c) => category_columns.push((i, c)),
                ColumnUse::Ignored => {}
            }
        }
        let teams = plan
            .scenarios
            .iter()
            .flat_map(|s| s.teams.iter())
            .map(|t| (fold(&t.name), t.name.clone()))
            .collect();
        let first = plan.horizon.start;
        let last = first
            .add_months(i32::from(plan.horizon.months.max(1)) - 1)
            .unwrap_or(first);
        Self {
            exponent: plan.currency_exponent(),
            first,
            last,
            field,
            category_columns,
            headers: columns.iter().map(|c| c.header.clone()).collect(),
            teams,
            scenario: None,
            amounts: Vec::new(),
            heads: BTreeMap::new(),
            covered: BTreeSet::new(),
            heads_covered: BTreeSet::new(),
            last_month: None,
            skipped: 0,
        }
    }

    fn check_columns(&self, errors: &mut Vec<ActualsError>) {
        let mut at_header = |problem| {
            errors.push(ActualsError {
                line: 1,
                column: None,
                problem,
            })
        };
        if !self.field.contains_key(&ActualsField::Month)
            && !self.field.contains_key(&ActualsField::FirstMonth)
        {
            at_header(ActualsProblem::NoColumn {
                field: ActualsField::Month,
            });
        }
        let long = self.field.contains_key(&ActualsField::Category);
        let wide = !self.category_columns.is_empty();
        if long && wide {
            at_header(ActualsProblem::BothShapes);
        } else if long && !self.field.contains_key(&ActualsField::Amount) {
            at_header(ActualsProblem::NoColumn {
                field: ActualsField::Amount,
            });
        } else if !long && !wide && !self.field.contains_key(&ActualsField::Heads) {
            at_header(ActualsProblem::NoAmounts);
        }
    }

    fn cell<'c>(
        &self,
        cells: &'c csv::StringRecord,
        field: ActualsField,
    ) -> Option<(usize, &'c str)> {
        let i = *self.field.get(&field)?;
        Some((i, untext_cell(cells.get(i).unwrap_or("").trim())))
    }

    fn row(&mut self, line: usize, cells: &csv::StringRecord, errors: &mut Vec<ActualsError>) {
        let before = errors.len();
        let error = |errors: &mut Vec<ActualsError>, column: Option<usize>, problem| {
            errors.push(ActualsError {
                line,
                column: column.map(|i| self.headers[i].clone()),
                problem,
            })
        };
        // The summary export: its rows without a team are the scenario's
        // totals of the team rows below them, so they are not read.
        let summary = self.field.contains_key(&ActualsField::FirstMonth)
            && !self.field.contains_key(&ActualsField::Month);
        if let Some((i, scenario)) = self.cell(cells, ActualsField::Scenario)
            && !scenario.is_empty()
        {
            match &self.scenario {
                None => self.scenario = Some(scenario.to_string()),
                Some(first) if first != scenario => {
                    error(
                        errors,
                        Some(i),
                        ActualsProblem::SeveralScenarios {
                            first: first.clone(),
                            other: scenario.to_string(),
                        },
                    );
                    return;
                }
                Some(_) => {}
            }
        }
        let team_cell = self.cell(cells, ActualsField::Team);
        if summary && team_cell.is_none_or(|(_, t)| t.is_empty()) {
            return;
        }
        // The month.
        let month_field = if summary {
            ActualsField::FirstMonth
        } else {
            ActualsField::Month
        };
        let month = match self.cell(cells, month_field) {
            Some((i, text)) => match parse_month(text) {
                Some(m) if m < self.first || m > self.last => {
                    error(
                        errors,
                        Some(i),
                        ActualsProblem::MonthOutsideHorizon {
                            month: m,
                            first: self.first,
                            last: self.last,
                        },
                    );
                    None
                }
                Some(m) => Some(m),
                None => {
                    error(
                        errors,
                        Some(i),
                        ActualsProblem::MonthUnreadable {
                            text: text.to_string(),
                        },
                    );
                    None
                }
            },
            None => None,
        };
        if summary
            && let Some((i, months)) = self.cell(cells, ActualsField::Months)
            && months != "1"
        {
            error(
                errors,
                Some(i),
                ActualsProblem::SeveralMonths {
                    months: months.to_string(),
                },
            );
            return;
        }
        // The team: "(no team)" and an empty cell are costs of no team.
        let team = match team_cell {
            None => None,
            Some((_, t)) if t.is_empty() || is_no_team(t) => None,
            Some((i, t)) => match self.teams.get(&fold(t)) {
                Some(name) => Some(name.clone()),
                None => {
                    error(
                        errors,
                        Some(i),
                        ActualsProblem::UnknownTeam {
                            text: t.to_string(),
                        },
                    );
                    return;
                }
            },
        };
        let note = self
            .cell(cells, ActualsField::Note)
            .map(|(_, n)| n.to_string())
            .unwrap_or_default();
        // The amounts: one from the category and amount columns, or one per
        // category column.
        let mut found: Vec<(Category, Decimal)> = Vec::new();
        if let Some((ci, category_text)) = self.cell(cells, ActualsField::Category) {
            let category = category_named(category_text);
            if category.is_none() {
                error(
                    errors,
                    Some(ci),
                    ActualsProblem::UnknownCategory {
                        text: category_text.to_string(),
                    },
                );
            }
            if let Some((ai, text)) = self.cell(cells, ActualsField::Amount) {
                if text.is_empty()
                    && self
                        .cell(cells, ActualsField::Heads)
                        .is_none_or(|(_, h)| h.is_empty())
                {
                    // A row left blank, as the template's are: nothing to read.
                    self.skipped += 1;
                    return;
                }
                if text.is_empty() {
                    // Only heads on this row.
                } else {
                    match parse_signed_amount(text, self.exponent) {
                        Ok(amount) => {
                            if let Some(c) = category {
                                found.push((c, amount));
                            }
                        }
                        Err(e) => error(
                            errors,
                            Some(ai),
                            ActualsProblem::Amount {
                                text: text.to_string(),
                                error: e,
                            },
                        ),
                    }
                }
            }
        } else {
            for &(i, category) in &self.category_columns {
                let text = untext_cell(cells.get(i).unwrap_or("").trim());
                if text.is_empty() {
                    continue;
                }
                match parse_signed_amount(text, self.exponent) {
                    Ok(amount) => found.push((category, amount)),
                    Err(e) => error(
                        errors,
                        Some(i),
                        ActualsProblem::Amount {
                            text: text.to_string(),
                            error: e,
                        },
                    ),
                }
            }
        }
        // Heads of the team.
        let mut heads = None;
        if let Some((hi, text)) = self.cell(cells, ActualsField::Heads)
            && !text.is_empty()
        {
            let fte = match self.cell(cells, ActualsField::Fte) {
                Some((fi, f)) if !f.is_empty() => match super::input::parse_number(f) {
                    Ok(fte) if fte.scale() <= 6 || fte.normalize().scale() <= 6 => Some(fte),
                    _ => {
                        error(
                            errors,
                            Some(fi),
                            ActualsProblem::FteUnreadable {
                                text: f.to_string(),
                            },
                        );
                        None
                    }
                },
                _ => None,
            };
            match (fold(text).parse::<u32>(), &team) {
                (Ok(_), None) => error(errors, Some(hi), ActualsProblem::HeadsWithoutTeam),
                (Ok(count), Some(_)) => heads = Some((count, fte)),
                (Err(_), _) => error(
                    errors,
                    Some(hi),
                    ActualsProblem::HeadsUnreadable {
                        text: text.to_string(),
                    },
                ),
            }
        }
        if errors.len() > before {
            return;
        }
        let Some(month) = month else { return };
        self.last_month = self.last_month.max(Some(month));
        for (category, amount) in found {
            self.covered.insert((month, category));
            self.amounts.push(Actual {
                month,
                category,
                team: team.clone(),
                cloud_category: None,
                amount,
                foreign: None,
                note: note.clone(),
            });
        }
        if let (Some((count, fte)), Some(team)) = (heads, team) {
            self.heads_covered.insert((month, team.clone()));
            self.heads.insert(
                (month, team.clone()),
                ActualHeads {
                    month,
                    team,
                    heads: count,
                    fte,
                },
            );
        }
    }
}

/// "(no team)", as the summary export writes costs of no team, and its
/// Japanese.
fn is_no_team(text: &str) -> bool {
    [
        "(no team)",
        "no team",
        "チームなし",
        "（チームなし）",
        "共通",
    ]
    .iter()
    .any(|n| key(n) == key(text))
}

/// A template to fill in: the header (in English or Japanese) and one
/// example row per category of the horizon's first month, for the plan's
/// first team, with empty amounts to type over. UTF-8 with a BOM, so Excel
/// opens it in either language.
pub fn actuals_template(plan: &Plan, japanese: bool) -> Vec<u8> {
    let header: [&str; 5] = if japanese {
        ["月", "費目", "チーム", "金額", "備考"]
    } else {
        ["month", "category", "team", "amount", "note"]
    };
    let team = plan
        .scenarios
        .first()
        .and_then(|s| s.teams.first())
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let month = plan.horizon.start.to_string();
    let mut out = BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let _ = writer.write_record(header);
        for category in Category::ALL {
            let (name, team) = if japanese {
                (category_in(category, Lang::Ja), team.as_str())
            } else {
                (category.as_str(), team.as_str())
            };
            // Cloud and shared costs belong to no team.
            let team = if category == Category::Cloud {
                ""
            } else {
                team
            };
            let _ = writer.write_record([month.as_str(), name, team, "", ""]);
        }
        let _ = writer.flush();
    }
    out
}
