//! Costs in other currencies (docs/model.md, "Costs in other currencies"):
//! a yen plan paying dollars, checked against conversions done by hand.

use fleetplan::format::plan_json::{read_plan_file, write_plan_file};
use fleetplan::model::bridge::bridge;
use fleetplan::model::{
    Category, CloudCategory, CloudLine, Date, ExchangeRate, OtherCost, OtherCostKind, PerHeadCost,
    Plan, Tool, YearMonth, forecast_scenario, validate,
};
use rust_decimal::Decimal;

fn ym(y: i32, m: u8) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// FY2026 in yen: two engineers in Web from April (no pay burden), GitHub
/// at $21 a seat, a $450 benefit per head, AWS at $10,000 a month, a
/// $1,234.56 monthly contract; the dollar at ¥152.30 from April and ¥160
/// from October 2026.
fn plan() -> Plan {
    let mut plan = Plan::blank("為替", "JPY", 4, ym(2026, 4), 12);
    let s = &mut plan.scenarios[0];
    for _ in 0..2 {
        s.add_position(
            "Engineer",
            "Web",
            Decimal::from(12_000_000),
            Date::new(2026, 4, 1).unwrap(),
        );
    }
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
        on_demand_monthly: Decimal::from(10_000),
        currency: usd.clone(),
        monthly_growth_pct: Decimal::ZERO,
        commitment: None,
        savings: vec![],
        one_offs: vec![],
    });
    s.other_costs.push(OtherCost {
        name: "Support contract".into(),
        team: None,
        kind: OtherCostKind::Monthly,
        amount: Decimal::new(123_456, 2),
        currency: usd,
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
            rate: Decimal::from(160),
        },
    ];
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    plan
}

#[test]
fn each_dollar_cost_is_converted_at_its_months_rate_and_rounded_once() {
    let plan = plan();
    let f = forecast_scenario(&plan, 0).unwrap();
    // April at ¥152.30: GitHub $21 → ¥3,198.3 → ¥3,198 a seat, two seats.
    assert_eq!(f.month_category(0, Category::Tools), 2 * 3_198);
    // Benefits $450 → ¥68,535 a head.
    assert_eq!(f.month_category(0, Category::Benefits), 2 * 68_535);
    // AWS $10,000 → ¥1,523,000.
    // The contract $1,234.56 → ¥188,023.488 → ¥188,023 (category other).
    assert_eq!(f.month_category(0, Category::Cloud), 1_523_000);
    assert_eq!(f.month_category(0, Category::Other), 188_023);
    // October at ¥160: $21 → ¥3,360; $450 → ¥72,000; $10,000 → ¥1,600,000;
    // $1,234.56 → ¥197,529.6 → ¥197,530.
    assert_eq!(f.month_category(6, Category::Tools), 2 * 3_360);
    assert_eq!(f.month_category(6, Category::Benefits), 2 * 72_000);
    assert_eq!(f.month_category(6, Category::Cloud), 1_600_000);
    assert_eq!(f.month_category(6, Category::Other), 197_530);
    // The plan file keeps the currencies and the path.
    assert_eq!(read_plan_file(&write_plan_file(&plan)).unwrap(), plan);
}

#[test]
fn a_weaker_yen_what_if_moves_every_rate() {
    let mut plan = plan();
    plan.scenarios[0].adjustments.fx_pct = Decimal::from(10);
    assert!(validate(&plan).is_empty());
    let f = forecast_scenario(&plan, 0).unwrap();
    // ¥152.30 × 1.1 = ¥167.53: $21 → ¥3,518.13 → ¥3,518.
    assert_eq!(f.month_category(0, Category::Tools), 2 * 3_518);
    // ¥160 × 1.1 = ¥176: $10,000 → ¥1,760,000.
    assert_eq!(f.month_category(6, Category::Cloud), 1_760_000);
    plan.scenarios[0].adjustments.fx_pct = Decimal::from(-95);
    assert!(
        validate(&plan)
            .iter()
            .any(|e| e.path.ends_with("adjustments.fx_pct"))
    );
}

#[test]
fn the_bridge_has_an_exchange_rate_step_that_sums() {
    let mut plan = plan();
    let mut weaker = plan.scenarios[0].clone();
    weaker.name = "Weak yen".into();
    for r in &mut weaker.exchange_rates {
        r.rate += Decimal::from(10);
    }
    // And one more engineer, so the bridge has a step of its own.
    weaker.add_position(
        "Engineer",
        "Web",
        Decimal::from(12_000_000),
        Date::new(2026, 4, 1).unwrap(),
    );
    plan.scenarios.push(weaker);
    let b = bridge(&plan, 0, 1, None).unwrap();
    // The steps by category run to the other at the base's rates.
    let base = forecast_scenario(&plan, 0).unwrap();
    let other = forecast_scenario(&plan, 1).unwrap();
    assert_eq!(b.base_total, base.total());
    assert_eq!(b.other_total, other.total());
    let steps: i128 = b.by_category.iter().map(|(_, v)| v).sum();
    let teams: i128 = b.by_team.iter().map(|(_, v)| v).sum();
    assert_eq!(b.base_total + steps + b.exchange_rate, b.other_total);
    assert_eq!(b.base_total + teams + b.exchange_rate, b.other_total);
    // Base pay is in yen: no exchange-rate part in it.
    let base_pay = b
        .by_category
        .iter()
        .find(|(c, _)| *c == Category::Base)
        .unwrap()
        .1;
    assert_eq!(base_pay, 12_000_000);
    // ¥10 more a dollar on everything in dollars, 12 months, three heads:
    // tools 3 × $21 × ¥10 × 12 = ¥7,560; benefits 3 × $450 × ¥10 × 12 =
    // ¥162,000; AWS $10,000 × ¥10 × 12 = ¥1,200,000. The contract rounds
    // month by month: April to September ¥188,023 (188,023.488) against
    // ¥200,369 (200,369.088), +¥12,346; October to March ¥197,530
    // (197,529.6) against ¥209,875 (209,875.2), +¥12,345: ¥148,146.
    assert_eq!(b.exchange_rate, 7_560 + 162_000 + 1_200_000 + 148_146);
}

#[test]
fn a_cost_in_a_currency_without_a_rate_is_refused_where_it_is() {
    let mut plan = plan();
    plan.scenarios[0].tools[0].currency = Some("EUR".into());
    let errors = validate(&plan);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "scenarios[0].tools[0].currency");
    assert_eq!(
        errors[0].message,
        "this cost is in EUR: give the scenario a rate for EUR"
    );
    plan.scenarios[0].tools[0].currency = Some("USD".into());
    plan.scenarios[0].tools[0].monthly_per_seat = Decimal::new(21_001, 3);
    assert!(
        validate(&plan)[0].message.contains("2"),
        "dollars have two decimals"
    );
}
