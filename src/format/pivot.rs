//! The pivot export: a scenario's costs as finance lays out a budget, per
//! fiscal year, with the year's months in columns, each quarter after its
//! months, each half (上期 H1, 下期 H2) after its second quarter and the
//! fiscal-year total last; the rows are the cost categories (with their
//! accounts), the teams, or, for team × category, the teams with the
//! categories in columns.
//!
//! Every amount is the ledger's rows summed (the engine's
//! [`ScenarioForecast`] totals, which are those sums), computed exactly and
//! written in the unit asked for: the currency's own exactly, thousands or
//! millions rounded once, half away from zero ([`Unit`]). The file states
//! its unit in its last column. The labels are stable keys by default, or
//! Japanese; the file never depends on the interface's language, so
//! `fleetplan-cli export --kind pivot` writes the same bytes. Columns in
//! `docs/csv.md`, "Pivot".

use crate::i18n::Lang;
use crate::i18n::common::category_in;
use crate::model::accounts::Account;
use crate::model::date::month_abbreviation;
use crate::model::periods::{Period, Slot, horizon_years, year_columns};
use crate::model::units::Unit;
use crate::model::{CATEGORY_COUNT, Category, Currency, FiscalYear, Plan, ScenarioForecast};

/// Which pivot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PivotLayout {
    /// Categories in rows, months, quarters, halves and the year in columns.
    #[default]
    MonthCategory,
    /// Teams in rows, months, quarters, halves and the year in columns.
    MonthTeam,
    /// Teams in rows, categories in columns, per fiscal year.
    TeamCategory,
}

impl PivotLayout {
    pub const ALL: [PivotLayout; 3] = [Self::MonthCategory, Self::MonthTeam, Self::TeamCategory];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::MonthCategory => "month-category",
            Self::MonthTeam => "month-team",
            Self::TeamCategory => "team-category",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

/// The words of a file's header and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Labels {
    /// Stable English keys (`base`, `q1`, `h1`, `fy`): the default.
    #[default]
    Keys,
    /// Japanese headers and labels (基本給, 第1四半期, 上期, 通期).
    Japanese,
}

impl Labels {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Keys => "en",
            Self::Japanese => "ja",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "en" | "keys" => Some(Self::Keys),
            "ja" => Some(Self::Japanese),
            _ => None,
        }
    }
}

/// What the pivot shows, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PivotOptions {
    pub layout: PivotLayout,
    pub unit: Unit,
    pub labels: Labels,
}

/// A row of a pivot: what it is, its account (month × category only) and
/// its cells, exact in minor units (`None`: a period with no month in the
/// horizon).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PivotRow {
    pub label: RowLabel,
    pub account: Account,
    pub cells: Vec<Option<i128>>,
}

/// What a row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowLabel {
    Category(Category),
    /// Index into the scenario's teams.
    Team(usize),
    NoTeam,
    Total,
}

/// A column of a pivot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PivotColumn {
    /// A month, quarter, half or the year; `period` is `None` when none of
    /// its months is in the horizon.
    Period {
        slot: Slot,
        period: Option<Period>,
    },
    Category(Category),
    Total,
}

/// One fiscal year of a pivot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PivotBlock {
    pub year: FiscalYear,
    /// Horizon index of the year's first month in the horizon.
    pub first_month: usize,
    pub months: usize,
    pub partial: bool,
    pub columns: Vec<PivotColumn>,
    pub rows: Vec<PivotRow>,
}

/// A scenario's pivot: one block per fiscal year of the horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pivot {
    pub layout: PivotLayout,
    pub scenario: String,
    pub teams: Vec<String>,
    pub currency: Currency,
    pub blocks: Vec<PivotBlock>,
}

/// The pivot of a forecast, exact.
pub fn pivot_of(plan: &Plan, forecast: &ScenarioForecast, layout: PivotLayout) -> Pivot {
    let start = forecast.fiscal_year_start_month();
    let months = forecast.months();
    let accounts = plan
        .scenarios
        .get(forecast.scenario())
        .map(|s| s.accounts.clone())
        .unwrap_or_default();
    let team_count = forecast.teams().len();
    let team_rows = || {
        (0..team_count)
            .map(RowLabel::Team)
            .chain([RowLabel::NoTeam, RowLabel::Total])
            .collect::<Vec<_>>()
    };
    let slot_of = |label: RowLabel, m: usize| -> i128 {
        match label {
            RowLabel::Category(c) => forecast.month_category(m, c),
            RowLabel::Team(t) => forecast.team_categories(m, Some(t)).iter().sum(),
            RowLabel::NoTeam => forecast.team_categories(m, None).iter().sum(),
            RowLabel::Total => forecast.month_total(m),
        }
    };
    let blocks = horizon_years(months, start)
        .into_iter()
        .map(|year| {
            let slots = year_columns(months, start, year);
            let whole = slots
                .iter()
                .find(|(s, _)| *s == Slot::Year)
                .and_then(|(_, p)| *p)
                .unwrap_or(Period {
                    granularity: crate::model::periods::Granularity::Years,
                    year,
                    number: 1,
                    first_month: 0,
                    months: 0,
                });
            let (columns, rows) = match layout {
                PivotLayout::MonthCategory | PivotLayout::MonthTeam => {
                    let labels: Vec<RowLabel> = if layout == PivotLayout::MonthCategory {
                        Category::ALL
                            .into_iter()
                            .map(RowLabel::Category)
                            .chain([RowLabel::Total])
                            .collect()
                    } else {
                        team_rows()
                    };
                    let columns: Vec<PivotColumn> = slots
                        .iter()
                        .map(|&(slot, period)| PivotColumn::Period { slot, period })
                        .collect();
                    let rows = labels
                        .into_iter()
                        .map(|label| PivotRow {
                            label,
                            account: match label {
                                RowLabel::Category(c) => accounts.category(c),
                                _ => Account::default(),
                            },
                            cells: slots
                                .iter()
                                .map(|(_, p)| p.map(|p| p.sum(|m| slot_of(label, m))))
                                .collect(),
                        })
                        .collect();
                    (columns, rows)
                }
                PivotLayout::TeamCategory => {
                    let columns: Vec<PivotColumn> = Category::ALL
                        .into_iter()
                        .map(PivotColumn::Category)
                        .chain([PivotColumn::Total])
                        .collect();
                    let rows = team_rows()
                        .into_iter()
                        .map(|label| {
                            let mut sums = [0_i128; CATEGORY_COUNT];
                            for m in whole.month_indexes() {
                                let cells = match label {
                                    RowLabel::Team(t) => forecast.team_categories(m, Some(t)),
                                    RowLabel::NoTeam => forecast.team_categories(m, None),
                                    _ => forecast.month_categories(m),
                                };
                                for (sum, cell) in sums.iter_mut().zip(cells) {
                                    *sum += cell;
                                }
                            }
                            let mut cells: Vec<Option<i128>> =
                                sums.iter().map(|&v| Some(v)).collect();
                            cells.push(Some(sums.iter().sum()));
                            PivotRow {
                                label,
                                account: Account::default(),
                                cells,
                            }
                        })
                        .collect();
                    (columns, rows)
                }
            };
            PivotBlock {
                year,
                first_month: whole.first_month,
                months: whole.months,
                partial: whole.partial(),
                columns,
                rows,
            }
        })
        .collect();
    Pivot {
        layout,
        scenario: forecast.name().to_string(),
        teams: forecast.teams().to_vec(),
        currency: forecast.currency(),
        blocks,
    }
}

/// The pivot file of `plan`: [`export`](super::export::export) of a pivot request.
pub fn pivot(
    plan: &Plan,
    options: super::export::ExportOptions,
    pivot: PivotOptions,
) -> Result<Vec<u8>, Vec<crate::model::PlanError>> {
    let mut request = super::export::ExportRequest::new(super::export::ExportKind::Pivot, options);
    request.pivot = pivot;
    super::export::export(plan, &request)
}

/// A column's header in the file.
pub fn column_label(column: &PivotColumn, start_month: u8, labels: Labels) -> String {
    let ja = labels == Labels::Japanese;
    match *column {
        PivotColumn::Period { slot, .. } => match slot {
            Slot::Month(_) => {
                let m = slot.calendar_month(start_month).unwrap_or(1);
                if ja {
                    format!("{m}月")
                } else {
                    month_abbreviation(m).to_ascii_lowercase()
                }
            }
            Slot::Quarter(q) if ja => format!("第{q}四半期"),
            Slot::Quarter(q) => format!("q{q}"),
            Slot::Half(1) if ja => "上期".to_string(),
            Slot::Half(_) if ja => "下期".to_string(),
            Slot::Half(h) => format!("h{h}"),
            Slot::Year if ja => "通期".to_string(),
            Slot::Year => "fy".to_string(),
        },
        PivotColumn::Category(c) if ja => category_in(c, Lang::Ja).to_string(),
        PivotColumn::Category(c) => c.as_str().to_string(),
        PivotColumn::Total if ja => "合計".to_string(),
        PivotColumn::Total => "total".to_string(),
    }
}

/// A row's label in the file: the category key or its Japanese name, the
/// team's name, "(no team)" / チームなし, "total" / 合計.
pub fn row_label(label: RowLabel, teams: &[String], labels: Labels) -> String {
    let ja = labels == Labels::Japanese;
    match label {
        RowLabel::Category(c) if ja => category_in(c, Lang::Ja).to_string(),
        RowLabel::Category(c) => c.as_str().to_string(),
        RowLabel::Team(t) => teams.get(t).cloned().unwrap_or_default(),
        RowLabel::NoTeam if ja => "チームなし".to_string(),
        RowLabel::NoTeam => "(no team)".to_string(),
        RowLabel::Total if ja => "合計".to_string(),
        RowLabel::Total => "total".to_string(),
    }
}

/// The columns every layout's rows start with.
fn lead_header(layout: PivotLayout, labels: Labels) -> Vec<&'static str> {
    let ja = labels == Labels::Japanese;
    let mut header = if ja {
        vec!["シナリオ", "年度", "開始月", "月数", "一部期間"]
    } else {
        vec![
            "scenario",
            "fiscal_year",
            "first_month",
            "months",
            "partial",
        ]
    };
    match (layout, ja) {
        (PivotLayout::MonthCategory, false) => {
            header.extend(["category", "account_code", "account_name"]);
        }
        (PivotLayout::MonthCategory, true) => header.extend(["費目", "科目コード", "勘定科目"]),
        (_, false) => header.push("team"),
        (_, true) => header.push("チーム"),
    }
    header
}

/// The pivot file's header row.
pub fn header(plan: &Plan, options: &PivotOptions) -> Vec<String> {
    let start = plan.fiscal_year_start_month;
    let mut header: Vec<String> = lead_header(options.layout, options.labels)
        .into_iter()
        .map(String::from)
        .collect();
    let columns: Vec<PivotColumn> = match options.layout {
        PivotLayout::TeamCategory => Category::ALL
            .into_iter()
            .map(PivotColumn::Category)
            .chain([PivotColumn::Total])
            .collect(),
        _ => Slot::ORDER
            .iter()
            .map(|&slot| PivotColumn::Period { slot, period: None })
            .collect(),
    };
    header.extend(
        columns
            .iter()
            .map(|c| column_label(c, start, options.labels)),
    );
    header.push(match options.labels {
        Labels::Keys => "unit".to_string(),
        Labels::Japanese => "単位".to_string(),
    });
    header
}

/// What the file and the page say about the amounts' unit.
pub fn unit_statement(unit: Unit, currency: Currency, labels: Labels) -> String {
    match labels {
        Labels::Keys => unit.statement_en(currency),
        Labels::Japanese => unit.statement_ja(currency),
    }
}

/// Appends the pivot rows of one scenario's forecast to `out` (CRLF).
pub fn write_records(
    out: &mut Vec<u8>,
    plan: &Plan,
    forecast: &ScenarioForecast,
    options: &PivotOptions,
) {
    let pivot = pivot_of(plan, forecast, options.layout);
    let ja = options.labels == Labels::Japanese;
    let currency = pivot.currency;
    let unit = unit_statement(options.unit, currency, options.labels);
    let scenario = super::export::text_cell(&pivot.scenario).into_owned();
    let months = forecast.months();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    for block in &pivot.blocks {
        let first = months.get(block.first_month).copied();
        let (year, first_month, partial) = if ja {
            (
                crate::i18n::format::fiscal_year_in(block.year, Lang::Ja),
                first.map(|m| format!("{}年{}月", m.year(), m.month())),
                if block.partial { "はい" } else { "いいえ" },
            )
        } else {
            (
                block.year.label(),
                first.map(|m| m.to_string()),
                if block.partial { "true" } else { "false" },
            )
        };
        for row in &block.rows {
            let mut record = vec![
                scenario.clone(),
                year.clone(),
                first_month.clone().unwrap_or_default(),
                block.months.to_string(),
                partial.to_string(),
                super::export::text_cell(&row_label(row.label, &pivot.teams, options.labels))
                    .into_owned(),
            ];
            if options.layout == PivotLayout::MonthCategory {
                record.push(super::export::text_cell(&row.account.code).into_owned());
                record.push(super::export::text_cell(&row.account.name).into_owned());
            }
            record.extend(
                row.cells
                    .iter()
                    .map(|c| c.map_or_else(String::new, |v| options.unit.plain(v, currency))),
            );
            record.push(unit.clone());
            let _ = w.write_record(&record);
        }
    }
    let _ = w.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for layout in PivotLayout::ALL {
            assert_eq!(PivotLayout::parse(layout.as_str()), Some(layout));
        }
        assert_eq!(Labels::parse("ja"), Some(Labels::Japanese));
        assert_eq!(Labels::parse("fr"), None);
    }

    #[test]
    fn april_columns_read_as_finance_reads_them() {
        let start = crate::model::YearMonth::new(2026, 4).unwrap();
        let plan = Plan::blank("Plan", "JPY", 4, start, 12);
        let h = header(&plan, &PivotOptions::default());
        assert_eq!(
            h[8..13],
            ["apr", "may", "jun", "q1", "jul"].map(String::from)
        );
        assert_eq!(h.last().map(String::as_str), Some("unit"));
        let ja = header(
            &plan,
            &PivotOptions {
                labels: Labels::Japanese,
                ..PivotOptions::default()
            },
        );
        assert_eq!(
            ja[8..12],
            ["4月", "5月", "6月", "第1四半期"].map(String::from)
        );
        assert_eq!(ja[16], "上期");
        assert_eq!(ja[26], "通期");
    }
}
