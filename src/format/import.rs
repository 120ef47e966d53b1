//! Importing positions from a roster file into one scenario: a preview
//! first, then all or nothing.
//!
//! The pipeline, shared by the browser and `fleetplan-cli import-roster`:
//! 1. [`Table::open`](super::table::Table::open) decodes the bytes (UTF-8
//!    with or without BOM, UTF-16 with BOM, Shift_JIS) and finds the
//!    separator;
//! 2. the header row's names are matched to fields, in English or Japanese,
//!    ignoring case, spaces and width ([`SYNONYMS`]); a name it does not
//!    know is ignored and listed, and the person may map it to a field
//!    (the choice is remembered with the plan, `Plan::roster_columns`);
//! 3. each row is read as a position ([`super::values`] reads dates, amounts,
//!    statuses in the forms people's files hold them); a row whose `id` the
//!    scenario has changes that position, every other row adds one;
//! 4. the positions read are validated like a plan file's.
//!
//! Every error of the file is reported at once, with its line and column,
//! and a file with any error applies nothing. [`RosterReader`] does this in
//! slices (a browser reads 100,000 rows between frames); [`import_roster`]
//! and [`preview_roster`] in one call. The accepted forms are documented in
//! `docs/csv.md`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;

use super::decode::{DecodeError, Decoded, Encoding, decode};
use super::export::untext_cell;
use super::input::{InputError, parse_number, parse_percent};
use super::table::Table;
use super::values::{
    DateCellError, fold, key, parse_date, parse_employment, parse_signed_amount, parse_status,
    parse_yes_no,
};
use crate::model::{
    Date, DateError, Employment, Plan, Position, Problem, Scenario, validate_scenario,
};

/// One problem in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Line of the file, 1 for the header; 0 for the file as a whole.
    pub line: usize,
    /// The column's name as the header spells it; `None` for the whole row or file.
    pub column: Option<String>,
    pub problem: ImportProblem,
}

impl ImportError {
    fn new(line: usize, column: Option<&str>, problem: ImportProblem) -> Self {
        Self {
            line,
            column: column.map(str::to_string),
            problem,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.column, self.line) {
            (_, 0) => self.problem.fmt(f),
            (Some(c), line) => write!(f, "line {line}, column {c}: {}", self.problem),
            (None, line) => write!(f, "line {line}: {}", self.problem),
        }
    }
}

/// What is wrong in an imported file, with the text and figures its message
/// needs (so a UI can say it in its language: `i18n::roster::import_error`).
/// The English is the [`Display`](fmt::Display); the tests read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    /// The plan has no scenario at this index.
    NoSuchScenario {
        scenario: usize,
    },
    /// The scenario is locked: nothing is imported into it.
    Locked {
        scenario: String,
    },
    /// No header row.
    EmptyFile,
    /// The browser could not read the chosen file (moved or deleted since
    /// it was chosen, or no permission).
    FileUnreadable,
    /// The bytes are not text in an encoding the planner reads.
    NotText(DecodeError),
    /// The header names a field twice.
    ColumnTwice,
    /// A required column is not in the header.
    MissingColumn,
    /// A row's number of cells is not the header's number of columns.
    CellCount {
        cells: usize,
        columns: usize,
    },
    /// Another row of the file has the same id.
    DuplicateId {
        id: String,
    },
    /// The CSV reader's error, in its English.
    Unreadable {
        detail: String,
    },
    /// Every row of the file names another scenario (`found`) than the one
    /// imported into: a roster of other scenarios.
    OnlyOtherScenarios {
        found: Vec<String>,
        scenario: String,
    },
    NeedsTitle,
    NeedsTeam,
    /// A level the ladder (`levels`) does not have.
    UnknownLevel {
        level: String,
        levels: Vec<String>,
    },
    NotAStatus {
        text: String,
    },
    NotAnEmployment {
        text: String,
    },
    /// The salary cell is not an amount.
    Amount(InputError),
    NotAnFte {
        text: String,
    },
    /// The start cell is empty.
    NeedsStart,
    /// A start or end cell in none of the date forms.
    NotADate {
        text: String,
    },
    /// A start or end cell naming a day that does not exist.
    Date(DateError),
    NotAPercentage {
        text: String,
    },
    /// The age-dependent-burden cell is not yes or no.
    NotABoolean {
        text: String,
    },
    /// What validation finds about the imported positions.
    Invalid(Problem),
    /// The scenario changed after the preview was made: preview again.
    Stale,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportProblem::NoSuchScenario { scenario } => {
                write!(f, "the plan has no scenario {scenario}")
            }
            ImportProblem::Locked { scenario } => write!(
                f,
                "scenario \u{201c}{scenario}\u{201d} is locked: unlock it in Scenarios to import into it"
            ),
            ImportProblem::EmptyFile => {
                f.write_str("the file is empty: it needs a header row naming the columns")
            }
            ImportProblem::FileUnreadable => f.write_str(
                "the file could not be read: choose it again, or save a copy and choose that",
            ),
            ImportProblem::NotText(e) => e.fmt(f),
            ImportProblem::ColumnTwice => {
                f.write_str("this column fills the same field as an earlier one")
            }
            ImportProblem::MissingColumn => f.write_str(
                "this column is missing from the header: add it, or choose which column holds it",
            ),
            ImportProblem::CellCount { cells, columns } => write!(
                f,
                "this row has {cells} cells but the header has {columns} columns"
            ),
            ImportProblem::DuplicateId { id } => write!(
                f,
                "another row of the file has the id \u{201c}{id}\u{201d}"
            ),
            ImportProblem::Unreadable { detail } => write!(f, "cannot read this row: {detail}"),
            ImportProblem::OnlyOtherScenarios { found, scenario } => write!(
                f,
                "every row is for another scenario ({}), none for \u{201c}{scenario}\u{201d}: show that scenario to import into it, or empty the scenario column",
                found
                    .iter()
                    .map(|s| format!("\u{201c}{s}\u{201d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ImportProblem::NeedsTitle => f.write_str("a position needs a title"),
            ImportProblem::NeedsTeam => f.write_str("a position needs a team"),
            ImportProblem::UnknownLevel { level, levels } => write!(
                f,
                "no level \u{201c}{level}\u{201d} on the ladder; it has: {}",
                levels.join(", ")
            ),
            ImportProblem::NotAStatus { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a status: write filled, open or planned"
            ),
            ImportProblem::NotAnEmployment { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not an employment: write employee or contractor"
            ),
            ImportProblem::Amount(e) => e.fmt(f),
            ImportProblem::NotAnFte { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not an FTE: write a number above 0 and at most 1, such as 0.8"
            ),
            ImportProblem::NeedsStart => {
                f.write_str("a position needs a start date, such as 2026-04-01")
            }
            ImportProblem::NotADate { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a date: write it as 2026-04-01 or 2026/4/1"
            ),
            ImportProblem::Date(e) => e.fmt(f),
            ImportProblem::NotAPercentage { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a percentage: write a number such as 25 for 25 %"
            ),
            ImportProblem::NotABoolean { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not true or false")
            }
            ImportProblem::Invalid(problem) => problem.fmt(f),
            ImportProblem::Stale => f.write_str(
                "the scenario changed after the preview: choose the file again to see what it does now",
            ),
        }
    }
}

/// A field of a position that a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Title,
    Team,
    Level,
    Status,
    Employment,
    AnnualBase,
    /// Monthly base pay (月給): the annual base is 12 times it.
    MonthlyBase,
    Fte,
    Start,
    End,
    Location,
    RecruitingFeePct,
    AgeDependentBurden,
    /// The roster export's scenario: rows of another scenario are left out.
    Scenario,
    /// A fixed monthly allowance, named by its column's header
    /// ([`allowance_named`]): a file may have several.
    Allowance,
}

impl Field {
    /// Every field, in the template's order.
    pub const ALL: [Field; 16] = [
        Field::Id,
        Field::Title,
        Field::Team,
        Field::Level,
        Field::Status,
        Field::Employment,
        Field::AnnualBase,
        Field::MonthlyBase,
        Field::Fte,
        Field::Start,
        Field::End,
        Field::Location,
        Field::RecruitingFeePct,
        Field::AgeDependentBurden,
        Field::Scenario,
        Field::Allowance,
    ];

    /// The field's name in files, in the mapping and on the command line
    /// (`--map 年収=annual_base`): the roster export's column name.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Title => "title",
            Field::Team => "team",
            Field::Level => "level",
            Field::Status => "status",
            Field::Employment => "employment",
            Field::AnnualBase => "annual_base",
            Field::MonthlyBase => "monthly_base",
            Field::Fte => "fte",
            Field::Start => "start",
            Field::End => "end",
            Field::Location => "location",
            Field::RecruitingFeePct => "recruiting_fee_pct",
            Field::AgeDependentBurden => "age_dependent_burden",
            Field::Scenario => "scenario",
            Field::Allowance => "allowance",
        }
    }

    pub fn from_key(text: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == text)
    }

    /// The plan's field a validation path names (`annual_base`, `fte`).
    fn from_path(name: &str) -> Option<Field> {
        Field::from_key(name)
    }
}

/// The value of a mapping that ignores a column.
pub const IGNORE: &str = "ignore";

/// The header names each field is known by, compared by
/// [`key`](super::values::key) (case, spaces, `_`/`-` and full-width or
/// half-width forms do not matter). English first, then Japanese; the
/// first English and the first Japanese name are the template's headers.
pub const SYNONYMS: [(Field, &[&str]); 15] = [
    (
        Field::Id,
        &[
            "id",
            "position id",
            "employee id",
            "ID",
            "社員番号",
            "従業員番号",
            "ポジションID",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "job title",
            "position",
            "role",
            "職種",
            "役職",
            "職務",
            "ポジション",
        ],
    ),
    (
        Field::Team,
        &[
            "team",
            "department",
            "dept",
            "チーム",
            "部署",
            "部門",
            "所属",
            "チーム名",
            "部署名",
        ],
    ),
    (
        Field::Level,
        &[
            "level",
            "grade",
            "job level",
            "等級",
            "グレード",
            "職級",
            "レベル",
        ],
    ),
    (
        Field::Status,
        &["status", "在籍状況", "ステータス", "状態", "在籍区分"],
    ),
    (
        Field::Employment,
        &[
            "employment",
            "employment type",
            "雇用区分",
            "雇用形態",
            "契約形態",
        ],
    ),
    (
        Field::AnnualBase,
        &[
            "annual_base",
            "salary",
            "annual salary",
            "base salary",
            "年間基本給",
            "基本給年額",
            "年額基本給",
            "年俸",
        ],
    ),
    (
        Field::MonthlyBase,
        &[
            "monthly_base",
            "monthly salary",
            "monthly base",
            "月給",
            "月額基本給",
            "基本給月額",
            "基本給",
        ],
    ),
    (Field::Fte, &["fte", "FTE", "稼働率", "勤務割合"]),
    (
        Field::Start,
        &[
            "start",
            "start date",
            "hire date",
            "開始日",
            "入社日",
            "入社予定日",
            "着任日",
        ],
    ),
    (
        Field::End,
        &[
            "end",
            "end date",
            "終了日",
            "退職日",
            "退職予定日",
            "契約終了日",
        ],
    ),
    (Field::Location, &["location", "office", "勤務地", "拠点"]),
    (
        Field::RecruitingFeePct,
        &[
            "recruiting_fee_pct",
            "recruiting fee",
            "agency fee",
            "採用手数料率",
            "紹介手数料率",
            "紹介手数料",
            "採用手数料",
        ],
    ),
    (
        Field::AgeDependentBurden,
        &[
            "age_dependent_burden",
            "care insurance",
            "介護保険対象",
            "介護保険",
        ],
    ),
    (Field::Scenario, &["scenario", "シナリオ"]),
];

/// The field a header names (see [`SYNONYMS`]), if any. A trailing unit in
/// parentheses is allowed: `年間基本給（円）`, `fte (0-1)`. A header naming
/// an allowance ([`allowance_named`]) is [`Field::Allowance`].
pub fn field_named(header: &str) -> Option<Field> {
    let named = |text: &str| {
        let k = key(text);
        SYNONYMS
            .iter()
            .find(|(_, names)| names.iter().any(|n| key(n) == k))
            .map(|(f, _)| *f)
    };
    named(header)
        .or_else(|| {
            let cut = header.rfind(['(', '（'])?;
            named(&header[..cut]).filter(|_| cut > 0)
        })
        .or_else(|| allowance_named(header).map(|_| Field::Allowance))
}

/// Allowances known under several names, compared by
/// [`key`](super::values::key): a column of one kind fills the allowance
/// of that kind a position already has, whatever its name (`通勤手当`
/// fills the demo's `Commuting`), so an import never adds a second one.
const ALLOWANCE_KINDS: [&[&str]; 3] = [
    &[
        "commuting",
        "commuting allowance",
        "commute",
        "transportation allowance",
        "通勤手当",
        "通勤費",
        "交通費",
    ],
    &[
        "fixed overtime",
        "fixed overtime pay",
        "fixed overtime allowance",
        "固定残業代",
        "固定残業手当",
        "みなし残業代",
        "みなし残業手当",
    ],
    &["housing", "housing allowance", "住宅手当", "家賃補助"],
];

/// A header without its trailing unit in parentheses, trimmed.
fn without_unit(header: &str) -> &str {
    match header.rfind(['(', '（']) {
        Some(cut) if cut > 0 => header[..cut].trim(),
        _ => header.trim(),
    }
}

/// The allowance a header names, as the allowance's name, if it names
/// one (docs/csv.md, "Allowances"): `allowance: NAME` or `手当: NAME`
/// (NAME), a header ending in `手当` (`通勤手当`, `住宅手当`, `役職手当`) or
/// in `allowance` (`Housing allowance`), or a known name of a kind
/// ([`ALLOWANCE_KINDS`]: `固定残業代`, `fixed overtime`, `commuting`). A
/// trailing unit in parentheses is left out: `通勤手当（円）` is `通勤手当`.
pub fn allowance_named(header: &str) -> Option<String> {
    let text = without_unit(header);
    for prefix in ["allowance", "手当"] {
        if let Some(rest) = text
            .get(..prefix.len())
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .and_then(|_| text.get(prefix.len()..))
            && let Some(name) = rest.trim_start().strip_prefix([':', '：'])
        {
            let name = name.trim();
            return (!name.is_empty()).then(|| name.to_string());
        }
    }
    let k = key(text);
    let known = ALLOWANCE_KINDS
        .iter()
        .any(|names| names.iter().any(|n| key(n) == k));
    let suffix = |s: &str| {
        text.len() > s.len()
            && text
                .get(text.len() - s.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(s))
    };
    (known || suffix("手当") || suffix("allowance")).then(|| text.to_string())
}

/// What makes two allowance names the same allowance: their kind
/// ([`ALLOWANCE_KINDS`]), else their [`key`](super::values::key).
fn allowance_identity(name: &str) -> String {
    let k = key(name);
    ALLOWANCE_KINDS
        .iter()
        .position(|names| names.iter().any(|n| key(n) == k))
        .map_or(k, |kind| format!("#{kind}"))
}

/// Whether two allowance names are the same allowance: one kind
/// (`通勤手当` and `Commuting`), or one name ignoring case, spaces and width.
pub fn same_allowance(a: &str, b: &str) -> bool {
    allowance_identity(a) == allowance_identity(b)
}

/// A column of allowance amounts.
#[derive(Clone, Debug)]
struct AllowanceColumn {
    /// Its index in the row.
    at: usize,
    /// [`allowance_identity`] of its name.
    identity: String,
    /// The name an allowance it adds gets: the one the scenario already
    /// uses for that allowance (the first position's that has it), else
    /// the column's.
    name: String,
}

/// The roster export's computed columns: known, and not imported.
fn computed(header: &str) -> bool {
    let h = header.trim().to_ascii_lowercase();
    matches!(
        h.as_str(),
        "band_min" | "band_mid" | "band_max" | "effective_annual_base" | "compa_ratio"
    ) || h.starts_with("cost_")
}

/// How a column's field was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnSource {
    /// Its header is a name of the field ([`SYNONYMS`]).
    Named,
    /// The mapping says (chosen now, or remembered with the plan); `field`
    /// `None` means ignored by choice.
    Chosen,
    /// A column the roster export computes (band, compa-ratio, costs).
    Computed,
    /// A header the import does not know: ignored unless mapped.
    Unknown,
}

/// A column of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header as the file spells it (trimmed).
    pub header: String,
    /// Its [`key`](super::values::key), what a mapping is stored under.
    pub key: String,
    pub field: Option<Field>,
    pub source: ColumnSource,
    /// The allowance it fills, for [`Field::Allowance`]: its name.
    pub allowance: Option<String>,
}

/// One position the import adds or changes.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// Line of the file it comes from.
    pub line: usize,
    /// The position as it will be.
    pub position: Position,
    /// The position as it is now; `None` for an addition.
    pub before: Option<Position>,
}

/// What an import will do, checked: [`apply`](Self::apply) cannot make the
/// plan invalid.
#[derive(Clone, Debug, PartialEq)]
pub struct RosterPreview {
    /// The scenario imported into: its index and name.
    pub scenario: usize,
    pub scenario_name: String,
    /// Additions and changes, in the file's order.
    pub rows: Vec<PreviewRow>,
    /// Rows that match a position exactly (nothing to do).
    pub unchanged: usize,
    /// Teams the file names that the scenario does not have yet, in the
    /// file's order: importing creates them, as adding a position does.
    pub new_teams: Vec<String>,
    /// Positions of the scenario that the file does not list, when the file
    /// has ids: removed only if asked ("remove positions not in the file").
    pub missing: Vec<Position>,
    /// Rows of other scenarios left out (the all-scenarios roster export):
    /// each scenario's name and its number of rows.
    pub other_scenarios: Vec<(String, usize)>,
    /// The mapping choices to remember with the plan: a header key and its
    /// field (or [`IGNORE`]), or `None` to forget a remembered choice.
    pub remember: BTreeMap<String, Option<String>>,
}

impl RosterPreview {
    pub fn added(&self) -> impl Iterator<Item = &PreviewRow> {
        self.rows.iter().filter(|r| r.before.is_none())
    }

    pub fn changed(&self) -> impl Iterator<Item = &PreviewRow> {
        self.rows.iter().filter(|r| r.before.is_some())
    }

    /// How many positions applying changes: added, changed and (when
    /// `remove_missing`) removed. Zero means there is nothing to import.
    pub fn count(&self, remove_missing: bool) -> usize {
        self.rows.len()
            + if remove_missing {
                self.missing.len()
            } else {
                0
            }
    }

    /// Applies the import to the scenario it was made for: changed
    /// positions are replaced in place, additions appended in the file's
    /// order, and with `remove_missing` the positions the file does not list
    /// are removed. Refused (and nothing changed) if the scenario is no
    /// longer as the preview saw it.
    pub fn apply(
        &self,
        scenario: &mut Scenario,
        remove_missing: bool,
    ) -> Result<(), ImportProblem> {
        let index: HashMap<&str, usize> = scenario
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let fresh = self.rows.iter().all(|row| match &row.before {
            Some(before) => index
                .get(before.id.as_str())
                .is_some_and(|&i| scenario.positions[i] == *before),
            None => !index.contains_key(row.position.id.as_str()),
        }) && (!remove_missing
            || self
                .missing
                .iter()
                .all(|m| index.contains_key(m.id.as_str())));
        if !fresh || scenario.name != self.scenario_name {
            return Err(ImportProblem::Stale);
        }
        let mut replaced: HashMap<usize, &Position> = HashMap::new();
        let mut added = Vec::new();
        for row in &self.rows {
            match row.before.as_ref().and_then(|b| index.get(b.id.as_str())) {
                Some(&i) => {
                    replaced.insert(i, &row.position);
                }
                None => added.push(row.position.clone()),
            }
        }
        let removed: HashSet<&str> = if remove_missing {
            self.missing.iter().map(|m| m.id.as_str()).collect()
        } else {
            HashSet::new()
        };
        for team in &self.new_teams {
            scenario.ensure_team(team);
        }
        let old = std::mem::take(&mut scenario.positions);
        scenario.positions = old
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !removed.contains(p.id.as_str()))
            .map(|(i, p)| replaced.get(&i).map_or(p, |&new| new.clone()))
            .chain(added)
            .collect();
        Ok(())
    }

    /// [`apply`](Self::apply) to the plan, and remember the mapping chosen
    /// for this file with it. Refused if the scenario is locked or changed.
    /// The browser and `fleetplan-cli import-roster` both apply an import
    /// through this, so the same plan and file give the same plan file.
    pub fn apply_to(&self, plan: &mut Plan, remove_missing: bool) -> Result<(), ImportProblem> {
        let scenario =
            plan.scenarios
                .get_mut(self.scenario)
                .ok_or(ImportProblem::NoSuchScenario {
                    scenario: self.scenario,
                })?;
        if scenario.locked_on.is_some() {
            return Err(ImportProblem::Locked {
                scenario: scenario.name.clone(),
            });
        }
        self.apply(scenario, remove_missing)?;
        for (header, field) in &self.remember {
            match field {
                Some(field) => {
                    plan.roster_columns.insert(header.clone(), field.clone());
                }
                None => {
                    plan.roster_columns.remove(header);
                }
            }
        }
        Ok(())
    }
}

/// What reading a file found: how it was read, its columns, and the
/// preview or every error.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub encoding: Encoding,
    /// `,`, `\t` or `;`.
    pub separator: u8,
    pub columns: Vec<Column>,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    pub result: Result<RosterPreview, Vec<ImportError>>,
}

impl ImportReport {
    /// The columns the import ignores, as the file names them.
    pub fn ignored(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.field.is_none())
    }
}

/// The fields a file must have a column for. The salary is the annual or
/// the monthly base.
const REQUIRED: [Field; 6] = [
    Field::Title,
    Field::Team,
    Field::Level,
    Field::AnnualBase,
    Field::Start,
    Field::Status,
];

/// Reads a roster file into scenario `scenario` of `plan`, in slices:
/// [`start`](Self::start), then [`read`](Self::read) and
/// [`validate`](Self::validate) until each says it is done, then
/// [`finish`](Self::finish). The plan is copied at the start, so it may
/// change in between: applying then refuses a stale preview.
pub struct RosterReader {
    table: Table,
    columns: Vec<Column>,
    /// Column index of each field, if the file has it.
    at: HashMap<Field, usize>,
    /// The allowance columns, in the file's order.
    allowances: Vec<AllowanceColumn>,
    header_errors: bool,
    scenario: usize,
    /// The scenario's name, folded: rows naming it are imported.
    scenario_key: String,
    trial: Plan,
    exponent: u32,
    blank: Position,
    by_id: HashMap<String, usize>,
    teams: HashMap<String, String>,
    levels: HashMap<String, String>,
    preview: RosterPreview,
    errors: Vec<ImportError>,
    file_ids: HashSet<String>,
    pending_ids: Vec<usize>,
    other_scenarios: Vec<(String, String, usize)>,
    rows: usize,
    read_done: bool,
    validated: usize,
}

impl RosterReader {
    /// Decodes the file and reads its header. `choices` (header key →
    /// field key or [`IGNORE`]) come on top of the mapping the plan
    /// remembers. Errors that stop everything (no such scenario, a locked
    /// one, bytes that are not text, no header) come back at once.
    pub fn start(
        plan: &Plan,
        scenario: usize,
        bytes: &[u8],
        choices: &BTreeMap<String, String>,
    ) -> Result<RosterReader, Vec<ImportError>> {
        Self::start_decoded(plan, scenario, decode(bytes), choices)
    }

    /// [`start`](Self::start) with the file's bytes already decoded by
    /// [`decode`] (the browser decodes a large file in a task of its own).
    pub fn start_decoded(
        plan: &Plan,
        scenario: usize,
        decoded: Result<Decoded, DecodeError>,
        choices: &BTreeMap<String, String>,
    ) -> Result<RosterReader, Vec<ImportError>> {
        let fatal = |problem| vec![ImportError::new(0, None, problem)];
        let Some(target) = plan.scenarios.get(scenario) else {
            return Err(fatal(ImportProblem::NoSuchScenario { scenario }));
        };
        if target.locked_on.is_some() {
            return Err(fatal(ImportProblem::Locked {
                scenario: target.name.clone(),
            }));
        }
        let mut table = Table::from_decoded(decoded.map_err(|e| fatal(ImportProblem::NotText(e)))?);
        let header = match table.next_row() {
            Some(Ok(row)) => row,
            Some(Err(e)) => {
                return Err(vec![ImportError::new(
                    e.line,
                    None,
                    ImportProblem::Unreadable { detail: e.detail },
                )]);
            }
            None => return Err(vec![ImportError::new(1, None, ImportProblem::EmptyFile)]),
        };

        let mut effective = plan.roster_columns.clone();
        effective.extend(choices.iter().map(|(k, v)| (k.clone(), v.clone())));
        let mut errors = Vec::new();
        let mut columns = Vec::new();
        let mut at = HashMap::new();
        let mut allowances: Vec<AllowanceColumn> = Vec::new();
        let mut remember = BTreeMap::new();
        for (i, cell) in header.cells.iter().enumerate() {
            let header_text = cell.trim().to_string();
            let header_key = key(&header_text);
            let (field, source) = if let Some(choice) = effective.get(&header_key) {
                if let Some(chosen) = choices.get(&header_key) {
                    // Remembered when it differs from what the header
                    // means without a choice; forgotten otherwise.
                    let default = field_named(&header_text).map(Field::key);
                    let field = Field::from_key(chosen).map(Field::key);
                    let value = (field != default).then(|| field.unwrap_or(IGNORE).to_string());
                    if plan.roster_columns.get(&header_key) != value.as_ref() {
                        remember.insert(header_key.clone(), value);
                    }
                }
                (Field::from_key(choice), ColumnSource::Chosen)
            } else if let Some(field) = field_named(&header_text) {
                (Some(field), ColumnSource::Named)
            } else if computed(&header_text) {
                (None, ColumnSource::Computed)
            } else {
                (None, ColumnSource::Unknown)
            };
            // Named by the header, or by the header as it is when a
            // column was mapped to an allowance by hand.
            let allowance = (field == Some(Field::Allowance)).then(|| {
                allowance_named(&header_text)
                    .unwrap_or_else(|| without_unit(&header_text).to_string())
            });
            if let Some(name) = &allowance {
                let identity = allowance_identity(name);
                if allowances.iter().any(|a| a.identity == identity) {
                    errors.push(ImportError::new(
                        1,
                        Some(&header_text),
                        ImportProblem::ColumnTwice,
                    ));
                } else {
                    allowances.push(AllowanceColumn {
                        at: i,
                        identity,
                        name: name.clone(),
                    });
                }
            } else if let Some(field) = field {
                // The monthly base fills the salary: one of the two.
                let slot = if field == Field::MonthlyBase {
                    Field::AnnualBase
                } else {
                    field
                };
                if let std::collections::hash_map::Entry::Vacant(e) = at.entry(slot) {
                    e.insert(i);
                } else {
                    errors.push(ImportError::new(
                        1,
                        Some(&header_text),
                        ImportProblem::ColumnTwice,
                    ));
                }
            }
            columns.push(Column {
                header: header_text,
                key: header_key,
                field,
                source,
                allowance,
            });
        }
        for field in REQUIRED {
            if !at.contains_key(&field) {
                let name = if field == Field::AnnualBase {
                    "salary"
                } else {
                    field.key()
                };
                errors.push(ImportError::new(
                    1,
                    Some(name),
                    ImportProblem::MissingColumn,
                ));
            }
        }

        let trial = plan.clone();
        let target = &trial.scenarios[scenario];
        for column in &mut allowances {
            if let Some(used) = target
                .positions
                .iter()
                .flat_map(|p| &p.allowances)
                .find(|a| allowance_identity(&a.name) == column.identity)
            {
                column.name = used.name.clone();
            }
        }
        let by_id = target
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        // Each name under itself and under its folded form (the first name
        // of a folded form wins).
        let names = |names: Vec<&String>| {
            let mut map = HashMap::new();
            for name in &names {
                map.insert((*name).clone(), (*name).clone());
            }
            for name in names {
                map.entry(fold(name)).or_insert_with(|| name.clone());
            }
            map
        };
        let teams = names(target.teams.iter().map(|t| &t.name).collect());
        let levels = names(target.levels.iter().collect());
        let preview = RosterPreview {
            scenario,
            scenario_name: target.name.clone(),
            rows: Vec::new(),
            unchanged: 0,
            new_teams: Vec::new(),
            missing: Vec::new(),
            other_scenarios: Vec::new(),
            remember,
        };
        Ok(RosterReader {
            table,
            header_errors: !errors.is_empty(),
            columns,
            at,
            allowances,
            scenario,
            scenario_key: fold(&plan.scenarios[scenario].name),
            exponent: plan.currency_exponent(),
            blank: blank_position(plan.horizon.start.first_day()),
            trial,
            by_id,
            teams,
            levels,
            preview,
            errors,
            file_ids: HashSet::new(),
            pending_ids: Vec::new(),
            other_scenarios: Vec::new(),
            rows: 0,
            read_done: false,
            validated: 0,
        })
    }

    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    pub fn encoding(&self) -> Encoding {
        self.table.encoding
    }

    /// Bytes of text read so far, of all: the progress of [`read`](Self::read).
    pub fn progress(&self) -> (usize, usize) {
        self.table.progress()
    }

    /// Data rows read so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Errors found so far.
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// Reads up to `max_rows` more rows; true once the file is read.
    pub fn read(&mut self, max_rows: usize) -> bool {
        if self.header_errors {
            self.read_done = true;
        }
        let mut n = 0;
        while !self.read_done && n < max_rows {
            match self.table.next_row() {
                None => {
                    self.read_done = true;
                    self.end_of_rows();
                }
                Some(Err(e)) => self.errors.push(ImportError::new(
                    e.line,
                    None,
                    ImportProblem::Unreadable { detail: e.detail },
                )),
                Some(Ok(row)) => {
                    self.rows += 1;
                    self.row(row.line, &row.cells);
                }
            }
            n += 1;
        }
        self.read_done
    }

    fn cell<'r>(&self, cells: &'r csv::StringRecord, field: Field) -> Option<&'r str> {
        let slot = if field == Field::MonthlyBase {
            Field::AnnualBase
        } else {
            field
        };
        self.at.get(&slot).and_then(|&i| cells.get(i))
    }

    fn column_name(&self, field: Field) -> &str {
        let slot = if field == Field::MonthlyBase {
            Field::AnnualBase
        } else {
            field
        };
        self.at
            .get(&slot)
            .map_or(field.key(), |&i| self.columns[i].header.as_str())
    }

    fn row(&mut self, line: usize, cells: &csv::StringRecord) {
        let columns = self.columns.len();
        // Excel may write empty cells past the header's last column.
        let extra_empty =
            cells.len() > columns && cells.iter().skip(columns).all(|c| c.trim().is_empty());
        if cells.len() != columns && !extra_empty {
            self.errors.push(ImportError::new(
                line,
                None,
                ImportProblem::CellCount {
                    cells: cells.len(),
                    columns,
                },
            ));
            return;
        }
        if let Some(name) = self.cell(cells, Field::Scenario) {
            let name = untext_cell(name.trim());
            if !name.is_empty() && fold(name) != self.scenario_key {
                let folded = fold(name);
                match self
                    .other_scenarios
                    .iter_mut()
                    .find(|(f, _, _)| *f == folded)
                {
                    Some((_, _, n)) => *n += 1,
                    None => self.other_scenarios.push((folded, name.to_string(), 1)),
                }
                return;
            }
        }
        let id = self
            .cell(cells, Field::Id)
            .map(|t| untext_cell(t.trim()).to_string())
            .filter(|t| !t.is_empty());
        if let Some(id) = &id
            && !self.file_ids.insert(id.clone())
        {
            let column = self.column_name(Field::Id).to_string();
            self.errors.push(ImportError::new(
                line,
                Some(&column),
                ImportProblem::DuplicateId { id: id.clone() },
            ));
            return;
        }
        let before = id
            .as_deref()
            .and_then(|id| self.by_id.get(id))
            .map(|&i| self.trial.scenarios[self.scenario].positions[i].clone());
        let mut p = before.clone().unwrap_or_else(|| self.blank.clone());
        if let Some(id) = &id {
            p.id = id.clone();
        }
        let errors_before = self.errors.len();
        let mut new_team = None;
        for field in Field::ALL {
            let Some(text) = self.cell(cells, field) else {
                continue;
            };
            if field == Field::MonthlyBase
                && self.columns[self.at[&Field::AnnualBase]].field != Some(Field::MonthlyBase)
            {
                continue;
            }
            if field == Field::AnnualBase
                && self.columns[self.at[&Field::AnnualBase]].field != Some(Field::AnnualBase)
            {
                continue;
            }
            let trimmed = text.trim();
            let result = self.read_cell(field, text, trimmed, before.is_some(), &mut p);
            match result {
                Ok(Some(team)) => new_team = Some(team),
                Ok(None) => {}
                Err(problem) => {
                    let column = self.column_name(field).to_string();
                    self.errors
                        .push(ImportError::new(line, Some(&column), problem));
                }
            }
        }
        for column in &self.allowances {
            let Some(text) = cells.get(column.at) else {
                continue;
            };
            // An empty cell: the position has no such allowance.
            let text = text.trim();
            let amount = if text.is_empty() {
                Ok(Decimal::ZERO)
            } else {
                amount_cell(text, self.exponent)
            };
            match amount {
                Ok(amount) => {
                    // The position's own allowance of that kind keeps its name.
                    let name = p
                        .allowances
                        .iter()
                        .find(|a| allowance_identity(&a.name) == column.identity)
                        .map_or_else(|| column.name.clone(), |a| a.name.clone());
                    p.set_allowance(&name, amount);
                }
                Err(problem) => {
                    let header = self.columns[column.at].header.clone();
                    self.errors
                        .push(ImportError::new(line, Some(&header), problem));
                }
            }
        }
        if self.errors.len() > errors_before {
            return;
        }
        if let Some(team) = new_team
            && !self.preview.new_teams.contains(&team)
        {
            self.preview.new_teams.push(team);
        }
        if before.as_ref() == Some(&p) {
            self.preview.unchanged += 1;
            return;
        }
        if id.is_none() {
            self.pending_ids.push(self.preview.rows.len());
        }
        self.preview.rows.push(PreviewRow {
            line,
            position: p,
            before,
        });
    }

    /// Reads one cell into `p`. `Ok(Some(team))` names a team to create.
    fn read_cell(
        &mut self,
        field: Field,
        raw: &str,
        text: &str,
        existing: bool,
        p: &mut Position,
    ) -> Result<Option<String>, ImportProblem> {
        match field {
            // Allowances are read after the fields (`row`).
            Field::Id | Field::Scenario | Field::Allowance => {}
            Field::Title => {
                // Kept exactly as written: only the export's quote goes.
                let title = untext_cell(raw);
                if title.trim().is_empty() {
                    return Err(ImportProblem::NeedsTitle);
                }
                p.title = title.to_string();
            }
            Field::Team => {
                let team = untext_cell(text);
                if team.trim().is_empty() {
                    return Err(ImportProblem::NeedsTeam);
                }
                // The scenario's own spelling first, then ignoring case and width.
                let folded = fold(team);
                let exact = self.teams.get(team).filter(|name| *name == team);
                match exact.or_else(|| self.teams.get(&folded)) {
                    Some(name) => p.team = name.clone(),
                    None => {
                        self.teams.insert(team.to_string(), team.to_string());
                        self.teams.insert(folded, team.to_string());
                        p.team = team.to_string();
                        return Ok(Some(team.to_string()));
                    }
                }
            }
            Field::Level => {
                let level = untext_cell(text);
                let exact = self.levels.get(level).filter(|name| *name == level);
                match exact.or_else(|| self.levels.get(&fold(level))) {
                    Some(name) => p.level = name.clone(),
                    None => {
                        return Err(ImportProblem::UnknownLevel {
                            level: level.to_string(),
                            levels: self.trial.scenarios[self.scenario].levels.clone(),
                        });
                    }
                }
            }
            Field::Status => {
                p.status = parse_status(text).ok_or_else(|| ImportProblem::NotAStatus {
                    text: text.to_string(),
                })?;
            }
            Field::Employment => {
                if text.is_empty() {
                    if !existing {
                        p.employment = Employment::Employee;
                    }
                } else {
                    p.employment =
                        parse_employment(text).ok_or_else(|| ImportProblem::NotAnEmployment {
                            text: text.to_string(),
                        })?;
                }
            }
            // The pay as the file states it, kept so (the plan keeps what
            // was entered). An empty cell clears the base of its own kind
            // only: the roster export writes no monthly base, so a position
            // paid by the month imports back unchanged.
            Field::AnnualBase => {
                if text.is_empty() {
                    p.annual_base = None;
                } else {
                    p.set_annual_base(Some(amount_cell(text, self.exponent)?));
                }
            }
            Field::MonthlyBase => {
                if text.is_empty() {
                    p.monthly_base = None;
                } else {
                    p.set_monthly_base(amount_cell(text, self.exponent)?);
                }
            }
            Field::Fte => {
                p.fte = if text.is_empty() {
                    Decimal::ONE
                } else {
                    parse_number(text).map_err(|_| ImportProblem::NotAnFte {
                        text: text.to_string(),
                    })?
                };
            }
            Field::Start => {
                if text.is_empty() {
                    return Err(ImportProblem::NeedsStart);
                }
                p.start = date_cell(text)?;
            }
            Field::End => {
                p.end = if text.is_empty() {
                    None
                } else {
                    Some(date_cell(text)?)
                };
            }
            Field::Location => {
                let location = untext_cell(raw);
                p.location = (!location.trim().is_empty()).then(|| location.to_string());
            }
            Field::RecruitingFeePct => {
                p.recruiting_fee_pct = if text.is_empty() {
                    None
                } else {
                    Some(
                        parse_percent(text, false).map_err(|_| ImportProblem::NotAPercentage {
                            text: text.to_string(),
                        })?,
                    )
                };
            }
            Field::AgeDependentBurden => {
                p.age_dependent_burden =
                    parse_yes_no(text).ok_or_else(|| ImportProblem::NotABoolean {
                        text: text.to_string(),
                    })?;
            }
        }
        Ok(None)
    }

    /// After the last row: ids for the rows without one (`p1`, `p2`, …
    /// that neither the scenario nor the file uses), and a file of other
    /// scenarios only.
    fn end_of_rows(&mut self) {
        let mut n: u64 = 0;
        for i in std::mem::take(&mut self.pending_ids) {
            let id = loop {
                n += 1;
                let id = format!("p{n}");
                if !self.by_id.contains_key(&id) && !self.file_ids.contains(&id) {
                    break id;
                }
            };
            self.preview.rows[i].position.id = id;
        }
        self.preview.other_scenarios = self
            .other_scenarios
            .iter()
            .map(|(_, name, n)| (name.clone(), *n))
            .collect();
        let read_for_target = self.rows - self.other_scenarios.iter().map(|o| o.2).sum::<usize>();
        if read_for_target == 0 && !self.other_scenarios.is_empty() {
            let column = self.column_name(Field::Scenario).to_string();
            self.errors.push(ImportError::new(
                1,
                Some(&column),
                ImportProblem::OnlyOtherScenarios {
                    found: self
                        .preview
                        .other_scenarios
                        .iter()
                        .map(|o| o.0.clone())
                        .collect(),
                    scenario: self.preview.scenario_name.clone(),
                },
            ));
        }
        if !self.file_ids.is_empty() {
            let target = &self.trial.scenarios[self.scenario];
            self.preview.missing = target
                .positions
                .iter()
                .filter(|p| !self.file_ids.contains(&p.id))
                .cloned()
                .collect();
        }
        // The trial scenario holds the positions being validated, with the
        // teams the import creates.
        let scenario = &mut self.trial.scenarios[self.scenario];
        for team in &self.preview.new_teams {
            scenario.ensure_team(team);
        }
    }

    /// Validates up to `max_rows` more of the positions read, as a plan
    /// file's are (FTE at most 1, the end not before the start, a salary
    /// or a band…); true once all are. Call after [`read`](Self::read) is done.
    pub fn validate(&mut self, max_rows: usize) -> bool {
        if !self.read_done {
            return false;
        }
        let total = self.preview.rows.len();
        if self.validated >= total {
            return true;
        }
        let end = (self.validated + max_rows.max(1)).min(total);
        let chunk = &self.preview.rows[self.validated..end];
        let s = self.scenario;
        self.trial.scenarios[s].positions = chunk.iter().map(|r| r.position.clone()).collect();
        let at = format!("scenarios[{s}].positions[");
        for e in validate_scenario(&self.trial, s) {
            let Some(rest) = e.path.strip_prefix(&at) else {
                continue;
            };
            let Some((index, field)) = rest.split_once(']') else {
                continue;
            };
            let Some(row) = index.parse::<usize>().ok().and_then(|i| chunk.get(i)) else {
                continue;
            };
            let field = field.trim_start_matches('.');
            let name = field.split(['.', '[']).next().unwrap_or("");
            let column = Field::from_path(name).map(|f| self.column_name(f).to_string());
            self.errors.push(ImportError::new(
                row.line,
                column.as_deref(),
                ImportProblem::Invalid(e.problem),
            ));
        }
        self.validated = end;
        self.validated >= total
    }

    /// The report: the preview, or every error (sorted by line).
    pub fn finish(mut self) -> ImportReport {
        while !self.read(usize::MAX) {}
        while !self.validate(usize::MAX) {}
        let result = if self.errors.is_empty() {
            Ok(self.preview)
        } else {
            self.errors.sort_by_key(|e| e.line);
            Err(self.errors)
        };
        ImportReport {
            encoding: self.table.encoding,
            separator: self.table.separator,
            columns: self.columns,
            rows: self.rows,
            result,
        }
    }
}

/// An amount of money, not negative: a salary or an allowance.
fn amount_cell(text: &str, exponent: u32) -> Result<Decimal, ImportProblem> {
    let value = parse_signed_amount(text, exponent).map_err(ImportProblem::Amount)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ImportProblem::Amount(InputError::NegativeAmount));
    }
    Ok(value)
}

fn date_cell(text: &str) -> Result<Date, ImportProblem> {
    parse_date(text).map_err(|e| match e {
        DateCellError::NotADate => ImportProblem::NotADate {
            text: text.to_string(),
        },
        DateCellError::Invalid(e) => ImportProblem::Date(e),
    })
}

/// A new position before its cells are read: every optional field at its
/// default. Read from the plan file's own minimal form, so fields the
/// model adds later start at their defaults here too.
fn blank_position(start: Date) -> Position {
    let json = format!(
        "{{\"id\":\"\",\"title\":\"\",\"team\":\"\",\"level\":\"\",\"status\":\"filled\",\"employment\":\"employee\",\"fte\":\"1\",\"start\":\"{start}\"}}"
    );
    serde_json::from_str(&json).unwrap_or_else(|e| unreachable!("the blank position reads: {e}"))
}

/// Reads a roster file into scenario `scenario` in one call: the report,
/// or the errors that stopped it before the header was read.
pub fn import_roster(
    plan: &Plan,
    scenario: usize,
    bytes: &[u8],
    choices: &BTreeMap<String, String>,
) -> Result<ImportReport, Vec<ImportError>> {
    RosterReader::start(plan, scenario, bytes, choices).map(RosterReader::finish)
}

/// What importing the file into scenario `scenario` would do, with the
/// mapping the plan remembers, or every error found. Nothing is changed.
pub fn preview_roster(
    plan: &Plan,
    scenario: usize,
    bytes: &[u8],
) -> Result<RosterPreview, Vec<ImportError>> {
    import_roster(plan, scenario, bytes, &BTreeMap::new()).and_then(|report| report.result)
}

/// A roster file to fill in, in English or Japanese: every column the
/// import reads (headers in that language; the Japanese one states pay as
/// 月給, the English one as the annual base; three allowance columns), and
/// one example row that imports into scenario `scenario` as it is (one of
/// its teams and levels, the level's band midpoint as salary, the
/// horizon's first day). UTF-8 with a byte-order mark and CRLF, so Excel
/// opens it in either language.
pub fn roster_template(plan: &Plan, scenario: usize, japanese: bool) -> Vec<u8> {
    let target = plan.scenarios.get(scenario);
    let level = target
        .and_then(|s| {
            s.levels
                .iter()
                .find(|l| *l == "Mid")
                .or_else(|| s.levels.get(s.levels.len() / 2))
        })
        .cloned()
        .unwrap_or_default();
    let team = target
        .and_then(|s| s.teams.first())
        .map(|t| t.name.clone())
        .unwrap_or_else(|| {
            if japanese {
                "プラットフォーム"
            } else {
                "Platform"
            }
            .to_string()
        });
    let salary = target
        .and_then(|s| s.band_for(&level, None))
        .map(|b| b.mid)
        .unwrap_or_else(|| {
            if plan.currency_exponent() == 0 {
                Decimal::from(6_000_000)
            } else {
                Decimal::from(100_000)
            }
        });
    let start = plan.horizon.start.first_day();
    // Japanese HR states pay by the month (月給): the Japanese template has
    // the monthly base, the English one the annual base; the example is
    // the band's midpoint ÷ 12, rounded to the currency's unit. The
    // allowance columns are empty in the example: none.
    let exponent = plan.currency_exponent();
    let monthly = (salary / Decimal::from(12)).round_dp_with_strategy(
        exponent,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let (header, example): (Vec<&str>, Vec<String>) = if japanese {
        [
            ("ID", String::new()),
            ("職種", "バックエンドエンジニア".into()),
            ("チーム", team),
            ("等級", level),
            ("在籍状況", "採用予定".into()),
            ("雇用区分", "正社員".into()),
            ("月給", monthly.to_string()),
            ("通勤手当", String::new()),
            ("固定残業代", String::new()),
            ("住宅手当", String::new()),
            ("FTE", "1".into()),
            (
                "開始日",
                format!("{}/{}/{}", start.year(), start.month(), start.day()),
            ),
            ("終了日", String::new()),
            ("勤務地", String::new()),
            ("採用手数料率", String::new()),
            ("介護保険対象", "対象外".into()),
        ]
        .into_iter()
        .unzip()
    } else {
        [
            (Field::Id.key(), String::new()),
            (Field::Title.key(), "Backend engineer".into()),
            (Field::Team.key(), team),
            (Field::Level.key(), level),
            (Field::Status.key(), "planned".into()),
            (Field::Employment.key(), "employee".into()),
            (Field::AnnualBase.key(), salary.to_string()),
            ("allowance: Commuting", String::new()),
            ("allowance: Fixed overtime", String::new()),
            ("allowance: Housing", String::new()),
            (Field::Fte.key(), "1".into()),
            (Field::Start.key(), start.to_string()),
            (Field::End.key(), String::new()),
            (Field::Location.key(), String::new()),
            (Field::RecruitingFeePct.key(), String::new()),
            (Field::AgeDependentBurden.key(), "false".into()),
        ]
        .into_iter()
        .unzip()
    };
    let mut bytes = super::export::BOM.to_vec();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut bytes);
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(header);
    let _ = writer.write_record(
        example
            .iter()
            .map(|c| super::export::text_cell(c).into_owned()),
    );
    let _ = writer.flush();
    drop(writer);
    bytes
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{PositionStatus, YearMonth};
    use rust_decimal::dec;

    /// One problem of each kind, with text that reads in any language, and
    /// the English each must give.
    pub(crate) fn samples() -> Vec<(ImportProblem, &'static str)> {
        vec![
            (
                ImportProblem::NoSuchScenario { scenario: 3 },
                "the plan has no scenario 3",
            ),
            (
                ImportProblem::Locked {
                    scenario: "基準".into(),
                },
                "scenario \u{201c}基準\u{201d} is locked: unlock it in Scenarios to import into it",
            ),
            (
                ImportProblem::EmptyFile,
                "the file is empty: it needs a header row naming the columns",
            ),
            (
                ImportProblem::FileUnreadable,
                "the file could not be read: choose it again, or save a copy and choose that",
            ),
            (
                ImportProblem::NotText(DecodeError::Unknown { line: 4 }),
                "line 4 is neither UTF-8 nor Shift_JIS (CP932) text: save the file as \u{201c}CSV UTF-8\u{201d}",
            ),
            (
                ImportProblem::ColumnTwice,
                "this column fills the same field as an earlier one",
            ),
            (
                ImportProblem::MissingColumn,
                "this column is missing from the header: add it, or choose which column holds it",
            ),
            (
                ImportProblem::CellCount {
                    cells: 5,
                    columns: 6,
                },
                "this row has 5 cells but the header has 6 columns",
            ),
            (
                ImportProblem::DuplicateId { id: "P-7".into() },
                "another row of the file has the id \u{201c}P-7\u{201d}",
            ),
            (
                ImportProblem::Unreadable {
                    detail: "bad record".into(),
                },
                "cannot read this row: bad record",
            ),
            (
                ImportProblem::OnlyOtherScenarios {
                    found: vec!["楽観".into(), "悲観".into()],
                    scenario: "基準".into(),
                },
                "every row is for another scenario (\u{201c}楽観\u{201d}, \u{201c}悲観\u{201d}), none for \u{201c}基準\u{201d}: show that scenario to import into it, or empty the scenario column",
            ),
            (ImportProblem::NeedsTitle, "a position needs a title"),
            (ImportProblem::NeedsTeam, "a position needs a team"),
            (
                ImportProblem::UnknownLevel {
                    level: "L9".into(),
                    levels: vec!["L1".into(), "L2".into()],
                },
                "no level \u{201c}L9\u{201d} on the ladder; it has: L1, L2",
            ),
            (
                ImportProblem::NotAStatus {
                    text: "内定".into(),
                },
                "\u{201c}内定\u{201d} is not a status: write filled, open or planned",
            ),
            (
                ImportProblem::NotAnEmployment {
                    text: "派遣".into(),
                },
                "\u{201c}派遣\u{201d} is not an employment: write employee or contractor",
            ),
            (
                ImportProblem::Amount(InputError::TooManyDecimals { max: 2 }),
                "Enter at most 2 decimals.",
            ),
            (
                ImportProblem::NotAnFte {
                    text: "8割".into()
                },
                "\u{201c}8割\u{201d} is not an FTE: write a number above 0 and at most 1, such as 0.8",
            ),
            (
                ImportProblem::NeedsStart,
                "a position needs a start date, such as 2026-04-01",
            ),
            (
                ImportProblem::NotADate {
                    text: "来月".into(),
                },
                "\u{201c}来月\u{201d} is not a date: write it as 2026-04-01 or 2026/4/1",
            ),
            (
                ImportProblem::Date("2026-02-30".parse::<Date>().unwrap_err()),
                "\"2026-02-30\": Feb 2026 has 28 days, there is no day 30",
            ),
            (
                ImportProblem::NotAPercentage {
                    text: "二割".into(),
                },
                "\u{201c}二割\u{201d} is not a percentage: write a number such as 25 for 25 %",
            ),
            (
                ImportProblem::NotABoolean {
                    text: "たぶん".into(),
                },
                "\u{201c}たぶん\u{201d} is not true or false",
            ),
            (
                ImportProblem::Invalid(Problem::FteOutOfRange { value: dec!(1.5) }),
                "FTE must be above 0 and at most 1, not 1.5",
            ),
            (
                ImportProblem::Stale,
                "the scenario changed after the preview: choose the file again to see what it does now",
            ),
        ]
    }

    #[test]
    fn every_problem_in_english() {
        let mut kinds = HashSet::new();
        for (problem, english) in samples() {
            // A new kind of problem needs a sample: this match stops compiling.
            kinds.insert(match &problem {
                ImportProblem::NoSuchScenario { .. } => 0,
                ImportProblem::Locked { .. } => 1,
                ImportProblem::EmptyFile => 2,
                ImportProblem::NotText(_) => 3,
                ImportProblem::ColumnTwice => 4,
                ImportProblem::MissingColumn => 5,
                ImportProblem::CellCount { .. } => 6,
                ImportProblem::DuplicateId { .. } => 7,
                ImportProblem::Unreadable { .. } => 8,
                ImportProblem::OnlyOtherScenarios { .. } => 9,
                ImportProblem::NeedsTitle => 10,
                ImportProblem::NeedsTeam => 11,
                ImportProblem::UnknownLevel { .. } => 12,
                ImportProblem::NotAStatus { .. } => 13,
                ImportProblem::NotAnEmployment { .. } => 14,
                ImportProblem::Amount(_) => 15,
                ImportProblem::NotAnFte { .. } => 16,
                ImportProblem::NeedsStart => 17,
                ImportProblem::NotADate { .. } => 18,
                ImportProblem::Date(_) => 19,
                ImportProblem::NotAPercentage { .. } => 20,
                ImportProblem::NotABoolean { .. } => 21,
                ImportProblem::Invalid(_) => 22,
                ImportProblem::Stale => 23,
                ImportProblem::FileUnreadable => 24,
            });
            assert_eq!(problem.to_string(), english);
        }
        assert_eq!(kinds.len(), 25, "a sample of every problem");
    }

    #[test]
    fn errors_name_their_line_and_column() {
        let at = |column: Option<&str>| ImportError::new(4, column, ImportProblem::NeedsTeam);
        assert_eq!(
            at(Some("team")).to_string(),
            "line 4, column team: a position needs a team"
        );
        assert_eq!(at(None).to_string(), "line 4: a position needs a team");
        let file = ImportError::new(0, None, ImportProblem::EmptyFile);
        assert_eq!(file.to_string(), ImportProblem::EmptyFile.to_string());
    }

    #[test]
    fn headers_match_in_english_and_japanese_whatever_their_width_and_case() {
        for (text, field) in [
            ("Title", Field::Title),
            ("職種", Field::Title),
            ("役職", Field::Title),
            ("部署", Field::Team),
            ("ﾁｰﾑ", Field::Team),
            ("ＧＲＡＤＥ", Field::Level),
            ("グレード", Field::Level),
            ("年間基本給（円）", Field::AnnualBase),
            ("Annual Base", Field::AnnualBase),
            ("月給", Field::MonthlyBase),
            ("入社日", Field::Start),
            ("退職日", Field::End),
            ("採用手数料率", Field::RecruitingFeePct),
            ("勤務地", Field::Location),
            ("在籍状況", Field::Status),
            ("雇用区分", Field::Employment),
            ("ＦＴＥ", Field::Fte),
        ] {
            assert_eq!(field_named(text), Some(field), "{text}");
        }
        // 年収 usually includes bonuses: never read as the base silently.
        assert_eq!(field_named("年収"), None);
        assert_eq!(field_named("name"), None);
        assert_eq!(field_named("(円)"), None);
        // Every synonym names one field only.
        let mut seen = HashMap::new();
        for (field, names) in SYNONYMS {
            for name in names {
                if let Some(other) = seen.insert(key(name), field) {
                    assert_eq!(other, field, "{name}");
                }
            }
        }
    }

    #[test]
    fn allowance_headers_name_their_allowance() {
        for (header, name) in [
            ("通勤手当", Some("通勤手当")),
            ("通勤手当（円）", Some("通勤手当")),
            ("住宅手当(月額)", Some("住宅手当")),
            ("役職手当", Some("役職手当")),
            ("固定残業代", Some("固定残業代")),
            ("Fixed overtime", Some("Fixed overtime")),
            ("Housing allowance", Some("Housing allowance")),
            ("allowance: Remote work", Some("Remote work")),
            ("Allowance：在宅勤務", Some("在宅勤務")),
            ("手当：資格", Some("資格")),
            // A kind or a name is needed: none of these is an allowance.
            ("手当", None),
            ("allowance", None),
            ("allowance:", None),
            ("手当合計", None),
            ("月給", None),
            ("年収", None),
        ] {
            assert_eq!(allowance_named(header).as_deref(), name, "{header}");
            let field = field_named(header);
            assert_eq!(field == Some(Field::Allowance), name.is_some(), "{header}");
        }
        // The known names of a kind are one allowance, in either language.
        assert_eq!(
            allowance_identity("通勤手当"),
            allowance_identity("Commuting")
        );
        assert_eq!(
            allowance_identity("固定残業代"),
            allowance_identity("fixed overtime")
        );
        assert_ne!(
            allowance_identity("通勤手当"),
            allowance_identity("住宅手当")
        );
        assert_eq!(
            allowance_identity("役職手当"),
            allowance_identity("役職 手当")
        );
        // 月給 (and 基本給 with its unit) stays the monthly base.
        assert_eq!(field_named("基本給(月額)"), Some(Field::MonthlyBase));
        assert_eq!(field_named("Monthly base"), Some(Field::MonthlyBase));
    }

    #[test]
    fn the_template_imports_as_it_is_in_both_languages() {
        let plan = Plan::blank("T", "JPY", 4, YearMonth::new(2026, 4).unwrap(), 12);
        for japanese in [false, true] {
            let bytes = roster_template(&plan, 0, japanese);
            let preview = preview_roster(&plan, 0, &bytes).expect("the template imports");
            assert_eq!(preview.added().count(), 1);
            let p = &preview.rows[0].position;
            assert_eq!(p.level, "Mid");
            assert_eq!(p.status, PositionStatus::Planned);
            assert_eq!(p.start, Date::new(2026, 4, 1).unwrap());
            assert_eq!(preview.new_teams.len(), 1);
        }
        let ja = String::from_utf8(roster_template(&plan, 0, true)).unwrap();
        assert!(
            ja.starts_with("\u{feff}ID,職種,チーム,等級,在籍状況,雇用区分,月給,通勤手当,固定残業代,住宅手当,FTE,開始日,終了日,勤務地,採用手数料率,介護保険対象\r\n"),
            "{ja}"
        );
    }
}
