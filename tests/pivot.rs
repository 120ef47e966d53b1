//! The pivot export against the ledger: every month, quarter, half and
//! fiscal-year cell equals the ledger's rows of those months summed, for
//! an April and a January fiscal year over a horizon that cuts both ends;
//! the unit rounding; the account columns; Japanese labels.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use fleetplan::format::export::{self, ExportKind, ExportOptions, ExportRequest};
use fleetplan::format::pivot::{Labels, PivotLayout, PivotOptions};
use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::model::accounts::{Account, japan_accounts};
use fleetplan::model::units::Unit;
use fleetplan::model::{Category, OtherCost, OtherCostKind, Plan, YearMonth};
use rust_decimal::Decimal;

const EXAMPLE: &str = include_str!("../docs/example-plan.json");

/// Whether a ledger row (team, category) counts in a pivot cell.
type Wanted = dyn Fn(&str, &str) -> bool;

/// The example plan over June 2026 to May 2028, so the first and last
/// fiscal years are partial whatever month they start in.
fn cut_plan(fiscal_start: u8) -> Plan {
    let mut plan = read_plan_file(EXAMPLE).expect("the example plan reads");
    plan.fiscal_year_start_month = fiscal_start;
    plan.horizon.start = YearMonth::new(2026, 6).unwrap();
    plan.horizon.months = 24;
    plan
}

fn pivot_bytes(plan: &Plan, options: PivotOptions) -> Vec<u8> {
    let mut request = ExportRequest::new(
        ExportKind::Pivot,
        ExportOptions {
            scenario: None,
            bom: false,
        },
    );
    request.pivot = options;
    export::export(plan, &request).expect("the pivot exports")
}

fn table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// Ledger amounts: (scenario, "YYYY-MM", team, category) → sum.
fn ledger_sums(plan: &Plan) -> BTreeMap<(String, String, String, String), i128> {
    let bytes = export::ledger(
        plan,
        ExportOptions {
            scenario: None,
            bom: false,
        },
    )
    .unwrap();
    let (header, rows) = table(&bytes);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (s, m, t, c, a) = (
        col("scenario"),
        col("month"),
        col("team"),
        col("category"),
        col("amount"),
    );
    let mut sums = BTreeMap::new();
    for row in rows {
        let amount: i128 = row[a].parse().unwrap();
        *sums
            .entry((
                row[s].clone(),
                row[m].clone(),
                row[t].clone(),
                row[c].clone(),
            ))
            .or_insert(0) += amount;
    }
    sums
}

/// The calendar months (year, month) a pivot column covers in fiscal year
/// `fy` (its starting calendar year), computed here from first principles.
fn column_months(label: &str, fy: i32, start: u8) -> Option<Vec<(i32, u8)>> {
    let nth = |n: u8| {
        // The fiscal year's n-th month (1-based).
        let m0 = i32::from(start) - 1 + i32::from(n) - 1;
        (fy + m0 / 12, (m0 % 12 + 1) as u8)
    };
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let range = |from: u8, to: u8| Some((from..=to).map(nth).collect());
    if let Some(i) = names.iter().position(|n| *n == label) {
        let calendar = i as u8 + 1;
        let n = (calendar + 12 - start) % 12 + 1;
        return Some(vec![nth(n)]);
    }
    match label {
        "q1" => range(1, 3),
        "q2" => range(4, 6),
        "q3" => range(7, 9),
        "q4" => range(10, 12),
        "h1" => range(1, 6),
        "h2" => range(7, 12),
        "fy" => range(1, 12),
        _ => None,
    }
}

fn horizon_has(plan: &Plan, (y, m): (i32, u8)) -> bool {
    plan.months()
        .iter()
        .any(|ym| ym.year() == y && ym.month() == m)
}

fn check_against_ledger(plan: &Plan, layout: PivotLayout) -> usize {
    let start = plan.fiscal_year_start_month;
    let sums = ledger_sums(plan);
    let (header, rows) = table(&pivot_bytes(
        plan,
        PivotOptions {
            layout,
            ..PivotOptions::default()
        },
    ));
    let key = if layout == PivotLayout::MonthCategory {
        "category"
    } else {
        "team"
    };
    let key_col = header.iter().position(|h| h == key).unwrap();
    let mut checked = 0;
    let mut partial_years = 0;
    for row in &rows {
        let scenario = &row[0];
        let fy: i32 = row[1].trim_start_matches("FY").parse().unwrap();
        let label = &row[key_col];
        let year_months: Vec<(i32, u8)> = column_months("fy", fy, start)
            .unwrap()
            .into_iter()
            .filter(|&ym| horizon_has(plan, ym))
            .collect();
        assert_eq!(row[3], year_months.len().to_string(), "months of {row:?}");
        assert_eq!(row[4] == "true", year_months.len() < 12);
        if row[4] == "true" {
            partial_years += 1;
        }
        let first = year_months[0];
        assert_eq!(row[2], format!("{:04}-{:02}", first.0, first.1));
        for (c, name) in header.iter().enumerate() {
            let wanted: Box<Wanted> = match layout {
                PivotLayout::MonthCategory => {
                    let label = label.clone();
                    Box::new(move |_team: &str, cat: &str| label == "total" || cat == label)
                }
                PivotLayout::MonthTeam => {
                    let label = label.clone();
                    Box::new(move |team: &str, _cat: &str| {
                        label == "total"
                            || team == label
                            || (label == "(no team)" && team.is_empty())
                    })
                }
                PivotLayout::TeamCategory => {
                    let label = label.clone();
                    let name = name.clone();
                    Box::new(move |team: &str, cat: &str| {
                        (label == "total"
                            || team == label
                            || (label == "(no team)" && team.is_empty()))
                            && (name == "total" || cat == name)
                    })
                }
            };
            let months = if layout == PivotLayout::TeamCategory {
                if Category::from_key(name).is_none() && name != "total" {
                    continue;
                }
                column_months("fy", fy, start).unwrap()
            } else {
                match column_months(name, fy, start) {
                    Some(m) => m,
                    None => continue,
                }
            };
            let inside: Vec<String> = months
                .iter()
                .filter(|&&ym| horizon_has(plan, ym))
                .map(|(y, m)| format!("{y:04}-{m:02}"))
                .collect();
            let cell = &row[c];
            if inside.is_empty() {
                assert_eq!(cell, "", "{name} of {row:?} lies outside the horizon");
                continue;
            }
            let expected: i128 = sums
                .iter()
                .filter(|((s, m, t, cat), _)| s == scenario && inside.contains(m) && wanted(t, cat))
                .map(|(_, v)| v)
                .sum();
            assert_eq!(
                cell.parse::<i128>().unwrap(),
                expected,
                "{scenario} FY{fy} {label} {name}"
            );
            checked += 1;
        }
    }
    assert_eq!(partial_years % 2, 0);
    assert!(partial_years > 0, "the horizon cuts a year");
    checked
}

#[test]
fn april_year_quarters_and_halves_equal_the_ledger() {
    let plan = cut_plan(4);
    for layout in PivotLayout::ALL {
        assert!(check_against_ledger(&plan, layout) > 100, "{layout:?}");
    }
}

#[test]
fn january_year_quarters_and_halves_equal_the_ledger() {
    let plan = cut_plan(1);
    for layout in PivotLayout::ALL {
        assert!(check_against_ledger(&plan, layout) > 100, "{layout:?}");
    }
    // A January year's columns run January to December.
    let (header, rows) = table(&pivot_bytes(&plan, PivotOptions::default()));
    assert_eq!(header[8], "jan");
    assert_eq!(header[11], "q1");
    assert_eq!(header[16], "h1");
    // FY2026 (June to December 2026 here): Q1 and H1's first months are
    // outside the horizon, Q2 holds June only.
    let base = rows
        .iter()
        .find(|r| r[1] == "FY2026" && r[5] == "base")
        .unwrap();
    assert_eq!(
        (base[2].as_str(), base[3].as_str(), base[4].as_str()),
        ("2026-06", "7", "true")
    );
    assert_eq!(base[8], "");
    assert_eq!(base[11], "");
    assert_eq!(base[15], base[14]);
}

/// A plan with one monthly other cost of `amount` from April to June 2026.
fn one_cost(currency: &str, amount: Decimal) -> Plan {
    let start = YearMonth::new(2026, 4).unwrap();
    let mut plan = Plan::blank("Units", currency, 4, start, 12);
    // Built from its file form: the struct gains optional fields over time.
    let cost: OtherCost = serde_json::from_value(serde_json::json!({
        "name": "Rent",
        "kind": "monthly",
        "amount": amount.to_string(),
        "start": "2026-04",
        "end": "2026-06",
        "yearly_escalation_pct": "0",
    }))
    .expect("an other cost");
    assert_eq!(cost.kind, OtherCostKind::Monthly);
    plan.scenarios[0].other_costs.push(cost);
    plan
}

fn other_row(plan: &Plan, unit: Unit) -> Vec<String> {
    let (header, rows) = table(&pivot_bytes(
        plan,
        PivotOptions {
            unit,
            ..PivotOptions::default()
        },
    ));
    assert_eq!(header.last().unwrap(), "unit");
    rows.into_iter().find(|r| r[5] == "other").unwrap()
}

#[test]
fn units_round_each_exact_total_once_half_away_from_zero() {
    // ¥1,500 a month: each month 1.5 thousand → 2, the quarter 4.5 → 5
    // (not 2 + 2 + 2 = 6), the year 4.5 → 5.
    let plan = one_cost("JPY", Decimal::new(1500, 0));
    let exact = other_row(&plan, Unit::One);
    assert_eq!(exact[8..12], ["1500", "1500", "1500", "4500"]);
    assert_eq!(exact.last().unwrap(), "Amounts in ¥, exact");
    let thousands = other_row(&plan, Unit::Thousand);
    assert_eq!(thousands[8..12], ["2", "2", "2", "5"]);
    assert_eq!(thousands[16], "5", "H1");
    assert_eq!(thousands[26], "5", "FY");
    assert_eq!(thousands[12], "0", "July has no cost");
    assert_eq!(
        thousands.last().unwrap(),
        "Amounts in ¥K, rounded to the unit shown"
    );
    let millions = other_row(&plan, Unit::Million);
    assert_eq!(millions[26], "0");
    // ¥1,499 a month: 1.499 → 1; the quarter 4.497 → 4.
    let thousands = other_row(&one_cost("JPY", Decimal::new(1499, 0)), Unit::Thousand);
    assert_eq!(thousands[8..12], ["1", "1", "1", "4"]);
    // $166,666.67 a month: $K 167 a month, Q1 $500,000.01 → 500;
    // $M 0 a month (0.1667 → 0), the quarter 0.5 → 1.
    let usd = one_cost("USD", Decimal::new(16_666_667, 2));
    let exact = other_row(&usd, Unit::One);
    assert_eq!(
        exact[8..12],
        ["166666.67", "166666.67", "166666.67", "500000.01"]
    );
    let k = other_row(&usd, Unit::Thousand);
    assert_eq!(k[8..12], ["167", "167", "167", "500"]);
    assert_eq!(
        k.last().unwrap(),
        "Amounts in $K, rounded to the unit shown"
    );
    let m = other_row(&usd, Unit::Million);
    assert_eq!(m[8..12], ["0", "0", "0", "1"]);
}

#[test]
fn every_unit_rounds_the_exact_cells_of_the_example() {
    let plan = cut_plan(4);
    let (_, exact) = table(&pivot_bytes(&plan, PivotOptions::default()));
    for unit in [Unit::Thousand, Unit::Million] {
        let (_, rounded) = table(&pivot_bytes(
            &plan,
            PivotOptions {
                unit,
                ..PivotOptions::default()
            },
        ));
        let per = unit.factor();
        for (e, r) in exact.iter().zip(&rounded) {
            for c in 8..27 {
                if e[c].is_empty() {
                    assert_eq!(r[c], "");
                    continue;
                }
                let v: i128 = e[c].parse().unwrap();
                // Half away from zero: floor((2|v| + per) / 2per) with the sign.
                let want = v.signum() * ((2 * v.abs() + per) / (2 * per));
                assert_eq!(r[c].parse::<i128>().unwrap(), want);
            }
        }
    }
}

#[test]
fn account_columns_carry_each_categorys_account() {
    let mut plan = cut_plan(4);
    let (header, rows) = table(&pivot_bytes(&plan, PivotOptions::default()));
    assert_eq!(header[5..8], ["category", "account_code", "account_name"]);
    assert!(rows.iter().all(|r| r[6].is_empty() && r[7].is_empty()));
    let mut accounts = japan_accounts();
    accounts.set_category(Category::Base, Account::new("5110", "給料手当"));
    accounts.set_category(Category::Cloud, Account::new("=6210", "通信費"));
    plan.scenarios[0].accounts = accounts;
    let (_, rows) = table(&pivot_bytes(&plan, PivotOptions::default()));
    let row = |s: &str, c: &str| {
        rows.iter()
            .find(|r| r[0] == s && r[1] == "FY2027" && r[5] == c)
            .unwrap()
            .clone()
    };
    assert_eq!(row("Base", "base")[6..8], ["5110", "給料手当"]);
    assert_eq!(row("Base", "burden")[6..8], ["", "法定福利費"]);
    assert_eq!(row("Base", "recruiting")[7], "採用教育費");
    // A code a spreadsheet would run as a formula is neutralised.
    assert_eq!(row("Base", "cloud")[6], "'=6210");
    assert_eq!(row("Base", "total")[6..8], ["", ""]);
    // The other scenario has no accounts.
    assert_eq!(row("Aggressive", "base")[6..8], ["", ""]);
    // Accounts go into the plan file, and a plan without them is unchanged.
    let text = write_plan_file(&plan);
    assert!(text.contains("\"accounts\""));
    assert_eq!(read_plan_file(&text).unwrap(), plan);
    plan.scenarios[0].accounts = Default::default();
    assert!(!write_plan_file(&plan).contains("\"accounts\""));
}

#[test]
fn japanese_labels_change_the_words_not_the_figures() {
    let mut plan = cut_plan(4);
    plan.scenarios[0].accounts = japan_accounts();
    for layout in PivotLayout::ALL {
        let keys = PivotOptions {
            layout,
            unit: Unit::Thousand,
            labels: Labels::Keys,
        };
        let ja = PivotOptions {
            labels: Labels::Japanese,
            ..keys
        };
        let (kh, krows) = table(&pivot_bytes(&plan, keys));
        let (jh, jrows) = table(&pivot_bytes(&plan, ja));
        assert_eq!(kh.len(), jh.len());
        assert_eq!(krows.len(), jrows.len());
        let first_figure = if layout == PivotLayout::MonthCategory {
            8
        } else {
            6
        };
        for (k, j) in krows.iter().zip(&jrows) {
            assert_eq!(k[first_figure..k.len() - 1], j[first_figure..j.len() - 1]);
            assert_eq!(j.last().unwrap(), "単位：千円（単位未満四捨五入）");
        }
        assert_eq!(jh[0], "シナリオ");
        if layout == PivotLayout::MonthCategory {
            assert_eq!(jh[5..8], ["費目", "科目コード", "勘定科目"]);
            assert_eq!(jh[8], "6月".replace('6', "4"));
            assert!(
                jrows
                    .iter()
                    .any(|r| r[5] == "法定福利費" && r[1] == "2027年度")
            );
            assert!(jrows.iter().any(|r| r[5] == "合計" && r[4] == "はい"));
        }
    }
}

#[test]
fn the_pivot_file_is_named_after_its_layout() {
    let plan = cut_plan(4);
    let mut request = ExportRequest::new(
        ExportKind::Pivot,
        ExportOptions {
            scenario: Some(0),
            bom: true,
        },
    );
    request.pivot.layout = PivotLayout::TeamCategory;
    let date = fleetplan::model::Date::new(2026, 12, 7).unwrap();
    let name = export::request_file_name(&plan, &request, date);
    assert!(
        name.ends_with("_Base_pivot-team-category_2026-12-07.csv"),
        "{name}"
    );
    let bytes = export::export(&plan, &request).unwrap();
    assert!(bytes.starts_with(export::BOM));
}
