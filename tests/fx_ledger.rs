//! The ledger keeps a converted row's foreign amount and rate beside the
//! converted amount (docs/csv.md, "Ledger"): a yen plan paying dollars,
//! every figure worked out by hand.

use fleetplan::format::export::{
    ExportChunks, ExportKind, ExportOptions, ExportRequest, LEDGER_COLUMNS, estimate, ledger,
};
use fleetplan::model::{
    CloudCategory, CloudLine, Date, ExchangeRate, OtherCost, OtherCostKind, PerHeadCost, Plan,
    Tool, YearMonth, validate,
};
use rust_decimal::Decimal;

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// FY2026 in yen from April: one engineer in Web, GitHub at $21 a seat, a
/// $450 benefit a head, AWS at $1,234.56 a month with a $99.99 one-off in
/// June, a ¥50,000 monthly office cost; the dollar at ¥152.30 from April
/// and ¥155.00 from October 2026. Scenario "Yen only" has no dollar cost.
fn plan() -> Plan {
    let mut plan = Plan::blank("為替台帳", "JPY", 4, ym(2026, 4), 12);
    let s = &mut plan.scenarios[0];
    s.add_position(
        "Engineer",
        "Web",
        Decimal::from(12_000_000),
        Date::new(2026, 4, 1).unwrap(),
    );
    let usd = Some("USD".to_string());
    s.tools.push(Tool {
        name: "GitHub".into(),
        monthly_per_seat: Decimal::from(21),
        currency: usd.clone(),
        teams: vec![],
    });
    s.people.per_head.push(PerHeadCost {
        name: "Benefits".into(),
        monthly: Decimal::from(450),
        currency: usd.clone(),
        teams: vec![],
        contractors: false,
    });
    s.cloud.lines.push(CloudLine {
        name: "AWS".into(),
        category: CloudCategory::Compute,
        on_demand_monthly: Decimal::new(123_456, 2),
        currency: usd.clone(),
        monthly_growth_pct: Decimal::ZERO,
        commitment: None,
        savings: vec![],
        one_offs: vec![],
    });
    s.other_costs.push(OtherCost {
        name: "Setup".into(),
        team: None,
        kind: OtherCostKind::OneOff,
        amount: Decimal::new(9_999, 2),
        currency: usd,
        start: ym(2026, 6),
        end: None,
        yearly_escalation_pct: Decimal::ZERO,
    });
    s.other_costs.push(OtherCost {
        name: "Office".into(),
        team: None,
        kind: OtherCostKind::Monthly,
        amount: Decimal::from(50_000),
        currency: None,
        start: ym(2026, 4),
        end: None,
        yearly_escalation_pct: Decimal::ZERO,
    });
    s.exchange_rates = vec![
        ExchangeRate {
            currency: "USD".into(),
            from: ym(2026, 4),
            rate: Decimal::new(15230, 2),
        },
        ExchangeRate {
            currency: "USD".into(),
            from: ym(2026, 10),
            rate: Decimal::new(15500, 2),
        },
    ];
    let mut yen_only = plan.scenarios[0].clone();
    yen_only.name = "Yen only".into();
    yen_only.tools.clear();
    yen_only.people.per_head.clear();
    yen_only.cloud.lines.clear();
    yen_only.other_costs.remove(0);
    yen_only.exchange_rates.clear();
    plan.scenarios.push(yen_only);
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    plan
}

fn options(scenario: Option<usize>) -> ExportOptions {
    ExportOptions {
        scenario,
        bom: false,
    }
}

/// The file's records, header first.
fn records(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The one record of scenario `scenario`, month `month`, name `name`,
/// category `category`: (amount, currency, foreign_amount, exchange_rate).
fn find<'a>(
    rows: &'a [Vec<String>],
    scenario: &str,
    month: &str,
    name: &str,
    category: &str,
) -> (&'a str, &'a str, &'a str, &'a str) {
    let found: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == scenario && r[2] == month && r[6] == name && r[7] == category)
        .collect();
    assert_eq!(found.len(), 1, "{scenario} {month} {name} {category}");
    let r = found[0];
    (&r[9], &r[10], &r[11], &r[12])
}

#[test]
fn converted_rows_carry_the_dollar_amount_and_the_rate() {
    let plan = plan();
    let bytes = ledger(&plan, options(None)).unwrap();
    let rows = records(&bytes);
    let mut header = LEDGER_COLUMNS.to_vec();
    header.extend(["currency", "foreign_amount", "exchange_rate"]);
    assert_eq!(rows[0], header);
    assert!(rows.iter().all(|r| r.len() == 13));

    // April at ¥152.30: GitHub $21 → ¥3,198.3 → ¥3,198.
    assert_eq!(
        find(&rows, "Base", "2026-04", "Engineer", "tools"),
        ("3198", "USD", "21.00", "152.30")
    );
    // October at ¥155.00: $21 → ¥3,255.
    assert_eq!(
        find(&rows, "Base", "2026-10", "Engineer", "tools"),
        ("3255", "USD", "21.00", "155.00")
    );
    // Benefits $450 → ¥68,535 in April, ¥69,750 in October.
    assert_eq!(
        find(&rows, "Base", "2026-04", "Engineer", "benefits"),
        ("68535", "USD", "450.00", "152.30")
    );
    assert_eq!(
        find(&rows, "Base", "2026-10", "Engineer", "benefits"),
        ("69750", "USD", "450.00", "155.00")
    );
    // AWS $1,234.56 → ¥188,023.488 → ¥188,023; at ¥155: ¥191,356.8 → ¥191,357.
    assert_eq!(
        find(&rows, "Base", "2026-04", "AWS", "cloud"),
        ("188023", "USD", "1234.56", "152.30")
    );
    assert_eq!(
        find(&rows, "Base", "2027-03", "AWS", "cloud"),
        ("191357", "USD", "1234.56", "155.00")
    );
    // The $99.99 one-off in June → ¥15,228.477 → ¥15,228.
    assert_eq!(
        find(&rows, "Base", "2026-06", "Setup", "other"),
        ("15228", "USD", "99.99", "152.30")
    );
    // The plan's own currency leaves the three cells empty.
    assert_eq!(
        find(&rows, "Base", "2026-04", "Office", "other"),
        ("50000", "", "", "")
    );
    assert_eq!(
        find(&rows, "Base", "2026-04", "Engineer", "base"),
        ("1000000", "", "", "")
    );
    // So does every row of the scenario in yen only.
    assert!(
        rows.iter()
            .filter(|r| r[0] == "Yen only")
            .all(|r| r[10].is_empty() && r[11].is_empty() && r[12].is_empty())
    );
    assert!(rows.iter().any(|r| r[0] == "Yen only"));
}

#[test]
fn a_ledger_without_foreign_costs_keeps_its_ten_columns() {
    let plan = plan();
    // Only the scenario in yen: no dollar cost, so no extra columns.
    let bytes = ledger(&plan, options(Some(1))).unwrap();
    let rows = records(&bytes);
    assert_eq!(rows[0], LEDGER_COLUMNS.to_vec());
    assert!(rows.iter().all(|r| r.len() == 10));
    // The same scenario's rows, cell for cell, as in the file of both
    // scenarios, less the three empty cells.
    let both = records(&ledger(&plan, options(None)).unwrap());
    let from_both: Vec<Vec<String>> = both
        .iter()
        .filter(|r| r[0] == "Yen only")
        .map(|r| r[..10].to_vec())
        .collect();
    assert_eq!(rows[1..].to_vec(), from_both);
}

#[test]
fn the_what_if_rate_is_the_rate_written() {
    let mut plan = plan();
    plan.scenarios[0].adjustments.fx_pct = Decimal::from(10);
    let rows = records(&ledger(&plan, options(Some(0))).unwrap());
    // ¥152.30 × 1.1 = ¥167.53: $21 → ¥3,518.13 → ¥3,518.
    let (amount, currency, foreign, rate) = find(&rows, "Base", "2026-04", "Engineer", "tools");
    assert_eq!((amount, currency, foreign), ("3518", "USD", "21.00"));
    assert_eq!(rate.parse::<Decimal>().unwrap(), Decimal::new(16753, 2));
}

#[test]
fn a_team_whose_tools_mix_currencies_shows_the_converted_sum_only() {
    let mut plan = plan();
    plan.scenarios[0].tools.push(Tool {
        name: "Slack".into(),
        monthly_per_seat: Decimal::from(1_000),
        currency: None,
        teams: vec![],
    });
    let rows = records(&ledger(&plan, options(Some(0))).unwrap());
    // One row for the seat's tools: ¥3,198 + ¥1,000, in no one currency.
    assert_eq!(
        find(&rows, "Base", "2026-04", "Engineer", "tools"),
        ("4198", "", "", "")
    );
    // The benefit still shows its dollars.
    assert_eq!(
        find(&rows, "Base", "2026-04", "Engineer", "benefits"),
        ("68535", "USD", "450.00", "152.30")
    );
}

#[test]
fn the_chunked_ledger_and_the_estimate_match_the_one_shot_file() {
    let plan = plan();
    for bom in [false, true] {
        let request = ExportRequest::new(
            ExportKind::Ledger,
            ExportOptions {
                scenario: None,
                bom,
            },
        );
        let whole = ledger(&plan, request.options).unwrap();
        for (chunk, budget) in [(1, 1), (97, 40), (4096, 1_000_000)] {
            let chunked: Vec<u8> = ExportChunks::new(&plan, &request)
                .unwrap()
                .with_chunk_bytes(chunk)
                .with_row_budget(budget)
                .flatten()
                .collect();
            assert_eq!(chunked, whole, "chunk {chunk}, budget {budget}");
        }
        // A plan this small is measured row by row: the estimate is exact.
        let size = estimate(&plan, &request).unwrap();
        assert!(size.exact);
        assert_eq!(size.bytes, whole.len() as u64);
    }
}
