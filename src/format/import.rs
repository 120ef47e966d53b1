//! Importing positions from a CSV file: a preview first, then all or nothing.
//!
//! The file has a header row naming its columns, in any order: the roster
//! export's columns ([`super::export::roster`]) or the minimal set `title,
//! team, level, salary, start, status`. Rows with an `id` that the scenario
//! has change that position; every other row adds one. Any error refuses the
//! whole import: [`preview_roster`] returns every error with its line and
//! column, and nothing is applied. The accepted columns are documented in
//! `docs/csv.md`.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::export::untext_cell;
use super::input::{InputError, parse_amount};
use crate::model::{
    Date, DateError, Employment, Plan, Position, PositionStatus, Problem, Scenario,
    validate_scenario,
};

/// One problem in an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Line of the file, 1 for the header.
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
        match &self.column {
            Some(c) => write!(f, "line {}, column {c}: {}", self.line, self.problem),
            None => write!(f, "line {}: {}", self.line, self.problem),
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
    /// No header row.
    EmptyFile,
    NotUtf8,
    /// The header names a column twice.
    ColumnTwice,
    /// The header names a column the import does not know.
    UnknownColumn,
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
    /// The row names scenario `found`; it is imported into `scenario`.
    OtherScenario {
        found: String,
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
    /// The start or end cell is not a date.
    Date(DateError),
    NotAPercentage {
        text: String,
    },
    /// The age-dependent-burden cell is not true or false.
    NotABoolean {
        text: String,
    },
    /// What validation finds about the imported positions.
    Invalid(Problem),
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportProblem::NoSuchScenario { scenario } => {
                write!(f, "the plan has no scenario {scenario}")
            }
            ImportProblem::EmptyFile => {
                f.write_str("the file is empty: it needs a header row naming the columns")
            }
            ImportProblem::NotUtf8 => f.write_str(
                "this is not UTF-8 text: save the file as \u{201c}CSV UTF-8\u{201d}",
            ),
            ImportProblem::ColumnTwice => f.write_str("this column is given twice"),
            ImportProblem::UnknownColumn => f.write_str(
                "unknown column; the columns are id, title, team, level, status, employment, salary (or annual_base), fte, start, end, location, recruiting_fee_pct, age_dependent_burden",
            ),
            ImportProblem::MissingColumn => f.write_str("this column is missing from the header"),
            ImportProblem::CellCount { cells, columns } => write!(
                f,
                "this row has {cells} cells but the header has {columns} columns"
            ),
            ImportProblem::DuplicateId { id } => write!(
                f,
                "another row of the file has the id \u{201c}{id}\u{201d}"
            ),
            ImportProblem::Unreadable { detail } => write!(f, "cannot read this row: {detail}"),
            ImportProblem::OtherScenario { found, scenario } => write!(
                f,
                "this row is for scenario \u{201c}{found}\u{201d}, not \u{201c}{scenario}\u{201d}: import it into that scenario, or leave the cell empty"
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
                f.write_str("a position needs a start date (YYYY-MM-DD)")
            }
            ImportProblem::Date(e) => e.fmt(f),
            ImportProblem::NotAPercentage { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a percentage: write a number such as 25 for 25 %"
            ),
            ImportProblem::NotABoolean { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not true or false")
            }
            ImportProblem::Invalid(problem) => problem.fmt(f),
        }
    }
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

/// What an import will do, checked: [`apply`](Self::apply) cannot fail.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RosterPreview {
    /// Additions and changes, in the file's order.
    pub rows: Vec<PreviewRow>,
    /// Rows that match a position exactly (nothing to do).
    pub unchanged: usize,
    /// Teams the file names that the scenario does not have yet, in the
    /// file's order: importing creates them, as adding a position does.
    pub new_teams: Vec<String>,
}

impl RosterPreview {
    pub fn added(&self) -> impl Iterator<Item = &PreviewRow> {
        self.rows.iter().filter(|r| r.before.is_none())
    }

    pub fn changed(&self) -> impl Iterator<Item = &PreviewRow> {
        self.rows.iter().filter(|r| r.before.is_some())
    }

    /// Applies the additions and changes to the scenario the preview was
    /// made for: a changed position is replaced in place, additions are
    /// appended in the file's order.
    pub fn apply(&self, scenario: &mut Scenario) {
        for team in &self.new_teams {
            scenario.ensure_team(team);
        }
        for row in &self.rows {
            let existing = row
                .before
                .as_ref()
                .and_then(|b| scenario.positions.iter().position(|p| p.id == b.id));
            match existing {
                Some(i) => scenario.positions[i] = row.position.clone(),
                None => scenario.positions.push(row.position.clone()),
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Title,
    Team,
    Level,
    Status,
    Employment,
    AnnualBase,
    Fte,
    Start,
    End,
    Location,
    RecruitingFeePct,
    AgeDependentBurden,
    /// The roster export's scenario: rows must be for the scenario imported into.
    Scenario,
    /// Computed by the export (scenario, band, compa-ratio, costs): ignored.
    Ignored,
}

fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "id" => Field::Id,
        "title" => Field::Title,
        "team" => Field::Team,
        "level" => Field::Level,
        "status" => Field::Status,
        "employment" => Field::Employment,
        "salary" | "annual_base" => Field::AnnualBase,
        "fte" => Field::Fte,
        "start" => Field::Start,
        "end" => Field::End,
        "location" => Field::Location,
        "recruiting_fee_pct" => Field::RecruitingFeePct,
        "age_dependent_burden" => Field::AgeDependentBurden,
        "scenario" => Field::Scenario,
        "band_min" | "band_mid" | "band_max" | "effective_annual_base" | "compa_ratio" => {
            Field::Ignored
        }
        n if n.starts_with("cost_") => Field::Ignored,
        _ => return None,
    })
}

const REQUIRED: [(Field, &str); 6] = [
    (Field::Title, "title"),
    (Field::Team, "team"),
    (Field::Level, "level"),
    (Field::AnnualBase, "salary"),
    (Field::Start, "start"),
    (Field::Status, "status"),
];

/// Reads a roster CSV (UTF-8, with or without BOM, CRLF or LF) against
/// scenario `scenario` of the plan and returns what importing it would do,
/// or every error found. Nothing is changed.
pub fn preview_roster(
    plan: &Plan,
    scenario: usize,
    bytes: &[u8],
) -> Result<RosterPreview, Vec<ImportError>> {
    let Some(target) = plan.scenarios.get(scenario) else {
        return Err(vec![ImportError::new(
            0,
            None,
            ImportProblem::NoSuchScenario { scenario },
        )]);
    };
    let exponent = plan.currency_exponent();
    let bytes = bytes.strip_prefix(super::export::BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut errors = Vec::new();
    let mut records = reader.byte_records();

    // The header.
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(vec![csv_error(&e)]),
        None => {
            return Err(vec![ImportError::new(1, None, ImportProblem::EmptyFile)]);
        }
    };
    let mut columns: Vec<(Field, String)> = Vec::new();
    for cell in &header {
        let name = match std::str::from_utf8(cell) {
            Ok(n) => n.trim().to_ascii_lowercase(),
            Err(_) => {
                return Err(vec![ImportError::new(1, None, ImportProblem::NotUtf8)]);
            }
        };
        match field_of(&name) {
            Some(f) => {
                if f != Field::Ignored && columns.iter().any(|(g, _)| *g == f) {
                    errors.push(ImportError::new(1, Some(&name), ImportProblem::ColumnTwice));
                }
                columns.push((f, name));
            }
            None => {
                errors.push(ImportError::new(
                    1,
                    Some(&name),
                    ImportProblem::UnknownColumn,
                ));
                columns.push((Field::Ignored, name));
            }
        }
    }
    for (field, name) in REQUIRED {
        if !columns.iter().any(|(f, _)| *f == field) {
            errors.push(ImportError::new(
                1,
                Some(name),
                ImportProblem::MissingColumn,
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The rows.
    let mut preview = RosterPreview::default();
    let mut file_ids: HashSet<String> = HashSet::new();
    let mut pending_ids: Vec<usize> = Vec::new();
    let mut line = 1;
    let mut counted = 0;
    let reading = Target {
        scenario: target,
        exponent,
        placeholder_start: plan.horizon.start.first_day(),
    };
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(&e));
                continue;
            }
        };
        // The csv crate does not count skipped blank lines: count them here.
        let mut byte = record.position().map_or(0, |p| p.byte() as usize);
        byte += bytes
            .get(byte..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        line += count_lines(bytes.get(counted..byte).unwrap_or_default());
        counted = counted.max(byte);
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != columns.len() {
            errors.push(ImportError::new(
                line,
                None,
                ImportProblem::CellCount {
                    cells: record.len(),
                    columns: columns.len(),
                },
            ));
            continue;
        }
        let mut cells: Vec<(Field, &str, &str)> = Vec::with_capacity(columns.len());
        let mut utf8 = true;
        for ((field, name), cell) in columns.iter().zip(record.iter()) {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push((*field, name.as_str(), cell_text(*field, text))),
                Err(_) => utf8 = false,
            }
        }
        if !utf8 {
            errors.push(ImportError::new(line, None, ImportProblem::NotUtf8));
            continue;
        }
        let cell = |field: Field| cells.iter().find(|(f, _, _)| *f == field).copied();
        let id = cell(Field::Id)
            .map(|(_, _, t)| untext_cell(t).to_string())
            .filter(|t| !t.is_empty());
        if let Some(id) = &id
            && !file_ids.insert(id.clone())
        {
            errors.push(ImportError::new(
                line,
                Some("id"),
                ImportProblem::DuplicateId { id: id.clone() },
            ));
            continue;
        }
        let before = id.as_deref().and_then(|id| target.position(id)).cloned();
        let mut row_errors = Vec::new();
        let position = read_position(
            &reading,
            line,
            &cells,
            id.clone(),
            before.as_ref(),
            &mut row_errors,
        );
        if !row_errors.is_empty() {
            errors.append(&mut row_errors);
            continue;
        }
        if before.as_ref() == Some(&position) {
            preview.unchanged += 1;
            continue;
        }
        if id.is_none() {
            pending_ids.push(preview.rows.len());
        }
        if target.team_index(&position.team).is_none()
            && !preview.new_teams.contains(&position.team)
        {
            preview.new_teams.push(position.team.clone());
        }
        preview.rows.push(PreviewRow {
            line,
            position,
            before,
        });
    }

    // Ids for the rows without one: p1, p2, ... that neither the scenario
    // nor the file uses.
    let mut n: u64 = 0;
    for i in pending_ids {
        let id = loop {
            n += 1;
            let id = format!("p{n}");
            if target.position(&id).is_none() && !file_ids.contains(&id) {
                break id;
            }
        };
        preview.rows[i].position.id = id;
    }

    // Whatever validation finds about the imported positions.
    if errors.is_empty() && !preview.rows.is_empty() {
        let mut trial = plan.clone();
        let mut lines = Vec::new();
        if let Some(s) = trial.scenarios.get_mut(scenario) {
            preview.apply(s);
            lines = s
                .positions
                .iter()
                .map(|p| {
                    preview
                        .rows
                        .iter()
                        .find(|r| r.position.id == p.id)
                        .map(|r| r.line)
                })
                .collect();
        }
        let at = format!("scenarios[{scenario}].positions[");
        for e in validate_scenario(&trial, scenario) {
            let Some(rest) = e.path.find(&at).map(|i| &e.path[i + at.len()..]) else {
                continue;
            };
            let Some((index, field)) = rest.split_once(']') else {
                continue;
            };
            let Some(line) = index
                .parse::<usize>()
                .ok()
                .and_then(|i| lines.get(i).copied().flatten())
            else {
                continue;
            };
            let field = field.trim_start_matches('.');
            let column = field.split(['.', '[']).next().unwrap_or("");
            let column = columns
                .iter()
                .find(|(f, name)| {
                    field_of(column) == Some(*f) && *f != Field::Ignored && !name.is_empty()
                })
                .map_or(column, |(_, name)| name.as_str());
            errors.push(ImportError::new(
                line,
                (!column.is_empty()).then_some(column),
                ImportProblem::Invalid(e.problem),
            ));
        }
    }
    if errors.is_empty() {
        Ok(preview)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// Cells are trimmed, except titles and locations: they keep their text exactly.
fn cell_text(field: Field, text: &str) -> &str {
    match field {
        Field::Title | Field::Location => text,
        _ => text.trim(),
    }
}

fn count_lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

fn csv_error(e: &csv::Error) -> ImportError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    ImportError::new(
        line,
        None,
        ImportProblem::Unreadable {
            detail: e.to_string(),
        },
    )
}

/// What a row is read against.
struct Target<'a> {
    scenario: &'a Scenario,
    exponent: u32,
    /// The start of a new position before its `start` cell is read.
    placeholder_start: Date,
}

fn read_position(
    target: &Target<'_>,
    line: usize,
    cells: &[(Field, &str, &str)],
    id: Option<String>,
    before: Option<&Position>,
    errors: &mut Vec<ImportError>,
) -> Position {
    let scenario = target.scenario;
    let exponent = target.exponent;
    let placeholder_start = target.placeholder_start;
    let mut p = before.cloned().unwrap_or_else(|| Position {
        id: String::new(),
        title: String::new(),
        team: String::new(),
        level: String::new(),
        status: PositionStatus::Filled,
        employment: Employment::Employee,
        annual_base: None,
        fte: Decimal::ONE,
        // A placeholder: `start` is a required column.
        start: placeholder_start,
        end: None,
        recruiting_fee_pct: None,
        age_dependent_burden: false,
        location: None,
    });
    if let Some(id) = id {
        p.id = id;
    }
    for &(field, column, text) in cells {
        let mut fail = |problem: ImportProblem| {
            errors.push(ImportError::new(line, Some(column), problem));
        };
        let untexted = untext_cell(text);
        match field {
            Field::Id | Field::Ignored => {}
            Field::Scenario => {
                if !untexted.is_empty() && untexted != scenario.name {
                    fail(ImportProblem::OtherScenario {
                        found: untexted.to_string(),
                        scenario: scenario.name.clone(),
                    });
                }
            }
            Field::Title => {
                if untexted.trim().is_empty() {
                    fail(ImportProblem::NeedsTitle);
                } else {
                    p.title = untexted.to_string();
                }
            }
            Field::Team => {
                // A team the scenario does not have yet is created on import.
                let team = untexted.trim();
                if team.is_empty() {
                    fail(ImportProblem::NeedsTeam);
                } else {
                    p.team = team.to_string();
                }
            }
            Field::Level => {
                let level = untexted.trim();
                if scenario.levels.iter().any(|l| l == level) {
                    p.level = level.to_string();
                } else {
                    fail(ImportProblem::UnknownLevel {
                        level: level.to_string(),
                        levels: scenario.levels.clone(),
                    });
                }
            }
            Field::Status => match text.to_ascii_lowercase().as_str() {
                "filled" => p.status = PositionStatus::Filled,
                "open" => p.status = PositionStatus::Open,
                "planned" => p.status = PositionStatus::Planned,
                _ => fail(ImportProblem::NotAStatus {
                    text: text.to_string(),
                }),
            },
            Field::Employment => match text.to_ascii_lowercase().as_str() {
                "" if before.is_none() => p.employment = Employment::Employee,
                "" => {}
                "employee" => p.employment = Employment::Employee,
                "contractor" => p.employment = Employment::Contractor,
                _ => fail(ImportProblem::NotAnEmployment {
                    text: text.to_string(),
                }),
            },
            Field::AnnualBase => {
                if text.is_empty() {
                    p.annual_base = None;
                } else {
                    match parse_amount(text, exponent) {
                        Ok(v) => p.annual_base = Some(v),
                        Err(e) => fail(ImportProblem::Amount(e)),
                    }
                }
            }
            Field::Fte => {
                if text.is_empty() {
                    p.fte = Decimal::ONE;
                } else {
                    match Decimal::from_str(text) {
                        Ok(v) => p.fte = v,
                        Err(_) => fail(ImportProblem::NotAnFte {
                            text: text.to_string(),
                        }),
                    }
                }
            }
            Field::Start => match Date::from_str(text) {
                Ok(d) => p.start = d,
                Err(_) if text.is_empty() => {
                    fail(ImportProblem::NeedsStart);
                }
                Err(e) => fail(ImportProblem::Date(e)),
            },
            Field::End => {
                if text.is_empty() {
                    p.end = None;
                } else {
                    match Date::from_str(text) {
                        Ok(d) => p.end = Some(d),
                        Err(e) => fail(ImportProblem::Date(e)),
                    }
                }
            }
            Field::Location => {
                p.location = (!untexted.is_empty()).then(|| untexted.to_string());
            }
            Field::RecruitingFeePct => {
                if text.is_empty() {
                    p.recruiting_fee_pct = None;
                } else {
                    match Decimal::from_str(text.trim_end_matches('%').trim()) {
                        Ok(v) => p.recruiting_fee_pct = Some(v),
                        Err(_) => fail(ImportProblem::NotAPercentage {
                            text: text.to_string(),
                        }),
                    }
                }
            }
            Field::AgeDependentBurden => match text.to_ascii_lowercase().as_str() {
                "" | "false" | "no" | "0" => p.age_dependent_burden = false,
                "true" | "yes" | "1" => p.age_dependent_burden = true,
                _ => fail(ImportProblem::NotABoolean {
                    text: text.to_string(),
                }),
            },
        }
    }
    p
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use rust_decimal::dec;

    /// One problem of each kind, with text that reads in any language, and
    /// the English each must give (word for word what the import has always
    /// written).
    pub(crate) fn samples() -> Vec<(ImportProblem, &'static str)> {
        vec![
            (
                ImportProblem::NoSuchScenario { scenario: 3 },
                "the plan has no scenario 3",
            ),
            (
                ImportProblem::EmptyFile,
                "the file is empty: it needs a header row naming the columns",
            ),
            (
                ImportProblem::NotUtf8,
                "this is not UTF-8 text: save the file as \u{201c}CSV UTF-8\u{201d}",
            ),
            (ImportProblem::ColumnTwice, "this column is given twice"),
            (
                ImportProblem::UnknownColumn,
                "unknown column; the columns are id, title, team, level, status, employment, salary (or annual_base), fte, start, end, location, recruiting_fee_pct, age_dependent_burden",
            ),
            (
                ImportProblem::MissingColumn,
                "this column is missing from the header",
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
                ImportProblem::OtherScenario {
                    found: "楽観".into(),
                    scenario: "基準".into(),
                },
                "this row is for scenario \u{201c}楽観\u{201d}, not \u{201c}基準\u{201d}: import it into that scenario, or leave the cell empty",
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
                "a position needs a start date (YYYY-MM-DD)",
            ),
            (
                ImportProblem::Date("2026-02-30".parse::<Date>().unwrap_err()),
                "\"2026-02-30\": Feb 2026 has 28 days, there is no day 30",
            ),
            (
                ImportProblem::NotAPercentage {
                    text: "２５%".into(),
                },
                "\u{201c}２５%\u{201d} is not a percentage: write a number such as 25 for 25 %",
            ),
            (
                ImportProblem::NotABoolean {
                    text: "はい".into(),
                },
                "\u{201c}はい\u{201d} is not true or false",
            ),
            (
                ImportProblem::Invalid(Problem::FteOutOfRange { value: dec!(1.5) }),
                "FTE must be above 0 and at most 1, not 1.5",
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
                ImportProblem::EmptyFile => 1,
                ImportProblem::NotUtf8 => 2,
                ImportProblem::ColumnTwice => 3,
                ImportProblem::UnknownColumn => 4,
                ImportProblem::MissingColumn => 5,
                ImportProblem::CellCount { .. } => 6,
                ImportProblem::DuplicateId { .. } => 7,
                ImportProblem::Unreadable { .. } => 8,
                ImportProblem::OtherScenario { .. } => 9,
                ImportProblem::NeedsTitle => 10,
                ImportProblem::NeedsTeam => 11,
                ImportProblem::UnknownLevel { .. } => 12,
                ImportProblem::NotAStatus { .. } => 13,
                ImportProblem::NotAnEmployment { .. } => 14,
                ImportProblem::Amount(_) => 15,
                ImportProblem::NotAnFte { .. } => 16,
                ImportProblem::NeedsStart => 17,
                ImportProblem::Date(_) => 18,
                ImportProblem::NotAPercentage { .. } => 19,
                ImportProblem::NotABoolean { .. } => 20,
                ImportProblem::Invalid(_) => 21,
            });
            assert_eq!(problem.to_string(), english);
        }
        assert_eq!(kinds.len(), 22, "a sample of every problem");
    }

    #[test]
    fn errors_name_their_line_and_column() {
        let at = |column: Option<&str>| ImportError::new(4, column, ImportProblem::NeedsTeam);
        assert_eq!(
            at(Some("team")).to_string(),
            "line 4, column team: a position needs a team"
        );
        assert_eq!(at(None).to_string(), "line 4: a position needs a team");
    }
}
