//! Hand-computed cases for every rule of docs/model.md, in JPY and USD.
//! Each test writes its arithmetic in comments so that a reviewer can check it.
//! Amounts are in minor units: yen for JPY, cents for USD.

use fleetplan::model::{
    AnnualCap, Attrition, BonusPayout, BurdenComponent, CapPeriod, Category, CloudCategory,
    CloudLine, Commitment, Component, Date, Employment, LedgerCollector, LedgerRow, OneOff,
    OtherCost, OtherCostKind, Plan, Position, PositionStatus, Saving, Scenario, Team, Tool,
    YearMonth, compare, fiscal_year_summaries, forecast_scenario, forecast_scenario_into,
};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn ym(text: &str) -> YearMonth {
    text.parse().unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// A plan with one scenario, teams "Platform" and "Product", no costs but base pay.
fn plan(currency: &str, fy_start: u8, start: &str, months: u16) -> Plan {
    let mut plan = Plan::blank("Test", currency, fy_start, ym(start), months);
    let s = &mut plan.scenarios[0];
    s.teams = vec![team("Platform"), team("Product")];
    plan
}

fn team(name: &str) -> Team {
    Team {
        name: name.into(),
        attrition: None,
    }
}

fn employee(id: &str, annual: &str, start: &str) -> Position {
    Position {
        id: id.into(),
        title: format!("Engineer {id}"),
        team: "Platform".into(),
        level: "Mid".into(),
        status: PositionStatus::Filled,
        employment: Employment::Employee,
        annual_base: Some(d(annual)),
        fte: Decimal::ONE,
        start: date(start),
        end: None,
        recruiting_fee_pct: None,
        age_dependent_burden: false,
        location: None,
        monthly_base: None,
        allowances: Vec::new(),
    }
}

fn scenario(plan: &mut Plan) -> &mut Scenario {
    &mut plan.scenarios[0]
}

fn ledger(plan: &Plan) -> LedgerCollector {
    let mut sink = LedgerCollector::default();
    forecast_scenario_into(plan, 0, &mut sink).unwrap_or_else(|e| panic!("{e:?}"));
    sink
}

/// The sum of position `p`'s rows in month `m` and category `c`.
fn amount(rows: &[LedgerRow], p: u32, m: u16, c: Category) -> i64 {
    rows.iter()
        .filter(|r| {
            r.source == fleetplan::model::Source::Position(p) && r.month == m && r.category == c
        })
        .map(|r| r.amount_minor)
        .sum()
}

/// Position `p`'s row for one component in month `m` (0 if none).
fn component(rows: &[LedgerRow], p: u32, m: u16, component: Component) -> i64 {
    rows.iter()
        .filter(|r| {
            r.source == fleetplan::model::Source::Position(p)
                && r.month == m
                && r.component == component
        })
        .map(|r| r.amount_minor)
        .sum()
}

fn monthly(rows: &[LedgerRow], p: u32, c: Category, months: u16) -> Vec<i64> {
    (0..months).map(|m| amount(rows, p, m, c)).collect()
}

fn component_fn(name: &str, rate: &str) -> BurdenComponent {
    BurdenComponent::uncapped(name, d(rate))
}

// ---------------------------------------------------------------- base pay

#[test]
fn base_pay_full_months_jpy_and_usd() {
    let mut p = plan("JPY", 4, "2026-04", 12);
    scenario(&mut p)
        .positions
        .push(employee("a", "6000000", "2020-01-01"));
    let rows = ledger(&p).rows;
    // 6,000,000 × 1 ÷ 12 = 500,000 every month.
    assert_eq!(monthly(&rows, 0, Category::Base, 12), vec![500_000; 12]);

    let mut p = plan("USD", 1, "2026-01", 12);
    scenario(&mut p)
        .positions
        .push(employee("a", "100000.00", "2020-01-01"));
    let forecast = forecast_scenario(&p, 0).unwrap();
    let rows = ledger(&p).rows;
    // 100,000.00 ÷ 12 = 8,333.333… → 8,333.33 each month, rounded once per month,
    // so the year is 99,999.96 (the total is the sum of the booked rows).
    assert_eq!(monthly(&rows, 0, Category::Base, 12), vec![833_333; 12]);
    assert_eq!(forecast.total(), 9_999_996);
    assert_eq!(forecast.total_text(), "99,999.96");
}

#[test]
fn a_hire_starting_mid_month_is_paid_its_days() {
    let mut p = plan("JPY", 4, "2026-04", 3);
    scenario(&mut p)
        .positions
        .push(employee("a", "6000000", "2026-05-20"));
    let rows = ledger(&p).rows;
    // April: not active. May has 31 days, 20th to 31st = 12 days:
    // 6,000,000 ÷ 12 × 12/31 = 193,548.387… → 193,548. June: 500,000.
    assert_eq!(
        monthly(&rows, 0, Category::Base, 3),
        vec![0, 193_548, 500_000]
    );

    let mut p = plan("USD", 1, "2026-04", 2);
    let mut half = employee("a", "120000", "2026-05-20");
    half.fte = d("0.5");
    scenario(&mut p).positions.push(half);
    let rows = ledger(&p).rows;
    // 120,000.00 × 0.5 ÷ 12 × 12/31 = 1,935.4838… → 1,935.48.
    assert_eq!(monthly(&rows, 0, Category::Base, 2), vec![0, 193_548]);
}

#[test]
fn a_departure_on_the_15th_is_paid_half_of_september() {
    let mut p = plan("JPY", 4, "2026-08", 3);
    let mut leaver = employee("a", "6000000", "2024-04-01");
    leaver.end = Some(date("2026-09-15"));
    scenario(&mut p).positions.push(leaver);
    let forecast = forecast_scenario(&p, 0).unwrap();
    let rows = ledger(&p).rows;
    // September has 30 days; 1st to 15th = 15 days: 500,000 × 15/30 = 250,000.
    assert_eq!(
        monthly(&rows, 0, Category::Base, 3),
        vec![500_000, 250_000, 0]
    );
    // Headcount counts the last day of the month: gone by 30 September.
    assert_eq!(forecast.headcount(0).heads, 1);
    assert_eq!(forecast.headcount(1).heads, 0);
    assert_eq!(forecast.headcount(1).departures, 1);
    assert_eq!(forecast.headcount(2).heads, 0);

    // USD: 90,000.00 leaving 2026-02-15; February 2026 has 28 days:
    // 7,500.00 × 15/28 = 4,017.857… → 4,017.86.
    let mut p = plan("USD", 1, "2026-02", 1);
    let mut leaver = employee("a", "90000", "2024-04-01");
    leaver.end = Some(date("2026-02-15"));
    scenario(&mut p).positions.push(leaver);
    assert_eq!(
        monthly(&ledger(&p).rows, 0, Category::Base, 1),
        vec![401_786]
    );
}

// ---------------------------------------------------------------- raises

#[test]
fn a_raise_month_inside_the_horizon_compounds_and_rounds_the_annual_base() {
    let mut p = plan("JPY", 4, "2026-01", 16);
    let s = scenario(&mut p);
    s.people.raise_pct = d("3.7");
    s.people.raise_month = 4;
    s.positions.push(employee("old", "6000000", "2024-04-01"));
    // Starts on the raise month's first day: not "before" it, so no raise in 2026.
    s.positions.push(employee("new", "6000000", "2026-04-01"));
    let rows = ledger(&p).rows;
    let old = monthly(&rows, 0, Category::Base, 16);
    // Jan–Mar 2026: 500,000. April 2026: 6,000,000 × 1.037 = 6,222,000 → 518,500.
    assert_eq!(&old[..3], &[500_000; 3]);
    assert_eq!(&old[3..15], &[518_500; 12]);
    // April 2027: 6,222,000 × 1.037 = 6,452,214 (whole yen) → 6,452,214 ÷ 12 =
    // 537,684.5, half away from zero → 537,685.
    assert_eq!(old[15], 537_685);
    let new = monthly(&rows, 1, Category::Base, 16);
    assert_eq!(&new[..3], &[0; 3]);
    assert_eq!(&new[3..15], &[500_000; 12]);
    // Its first raise is April 2027: 518,500.
    assert_eq!(new[15], 518_500);

    // USD 100,000.00 with 3.5 % in January: 103,500.00 → 8,625.00 a month.
    let mut p = plan("USD", 1, "2025-12", 2);
    let s = scenario(&mut p);
    s.people.raise_pct = d("3.5");
    s.people.raise_month = 1;
    s.positions.push(employee("a", "100000", "2020-06-01"));
    // December: 8,333.33; January: 8,625.00.
    assert_eq!(
        monthly(&ledger(&p).rows, 0, Category::Base, 2),
        vec![833_333, 862_500]
    );
}

#[test]
fn raised_annual_base_is_rounded_to_the_minor_unit() {
    let mut p = plan("JPY", 4, "2026-04", 1);
    let s = scenario(&mut p);
    s.people.raise_pct = d("3.7");
    s.positions.push(employee("a", "6000001", "2024-04-01"));
    // 6,000,001 × 1.037 = 6,222,001.037 → 6,222,001; ÷ 12 = 518,500.083 → 518,500.
    assert_eq!(
        monthly(&ledger(&p).rows, 0, Category::Base, 1),
        vec![518_500]
    );
}

#[test]
fn contractors_get_no_raise_bonus_or_burden() {
    let mut p = plan("JPY", 4, "2026-04", 12);
    let s = scenario(&mut p);
    s.people.raise_pct = d("3.7");
    s.people.bonus_payouts = vec![BonusPayout {
        month: 6,
        months: d("0.8"),
        assessment: None,
    }];
    s.people.burden = vec![component_fn("Employment insurance", "0.9")];
    let mut c = employee("c", "9000000", "2025-10-01");
    c.employment = Employment::Contractor;
    s.positions.push(c);
    let rows = ledger(&p).rows;
    assert_eq!(monthly(&rows, 0, Category::Base, 12), vec![750_000; 12]);
    assert!(rows.iter().all(|r| r.category == Category::Base));
}

// ---------------------------------------------------------------- bonuses

#[test]
fn bonuses_around_a_start_date() {
    let mut p = plan("JPY", 4, "2026-04", 12);
    let s = scenario(&mut p);
    s.people.bonus_payouts = vec![
        BonusPayout {
            month: 6,
            months: d("0.8"),
            assessment: None,
        },
        BonusPayout {
            month: 12,
            months: d("0.8"),
            assessment: None,
        },
    ];
    s.positions.push(employee("first", "6000000", "2026-06-01"));
    s.positions
        .push(employee("second", "6000000", "2026-06-02"));
    let mut leaver = employee("leaver", "6000000", "2020-06-01");
    leaver.end = Some(date("2026-06-15"));
    s.positions.push(leaver);
    let rows = ledger(&p).rows;
    // 6,000,000 ÷ 12 × 0.8 = 400,000. June is month 2, December month 8.
    // Active on 1 June: paid in full.
    assert_eq!(amount(&rows, 0, 2, Category::Bonus), 400_000);
    assert_eq!(amount(&rows, 0, 8, Category::Bonus), 400_000);
    // Started 2 June: no June bonus, December in full.
    assert_eq!(amount(&rows, 1, 2, Category::Bonus), 0);
    assert_eq!(amount(&rows, 1, 8, Category::Bonus), 400_000);
    // Leaves 15 June: June in full (active on the 1st), no December.
    assert_eq!(amount(&rows, 2, 2, Category::Bonus), 400_000);
    assert_eq!(amount(&rows, 2, 8, Category::Bonus), 0);
    // No bonus in other months.
    assert_eq!(amount(&rows, 0, 3, Category::Bonus), 0);

    // USD 95,000.00, FTE 0.8, a 1.5-month December bonus:
    // 95,000 ÷ 12 × 0.8 × 1.5 = 9,500.00.
    let mut p = plan("USD", 1, "2026-12", 1);
    let s = scenario(&mut p);
    s.people.bonus_payouts = vec![BonusPayout {
        month: 12,
        months: d("1.5"),
        assessment: None,
    }];
    let mut e = employee("a", "95000", "2025-01-01");
    e.fte = d("0.8");
    s.positions.push(e);
    assert_eq!(amount(&ledger(&p).rows, 0, 0, Category::Bonus), 950_000);
}

#[test]
fn a_bonus_uses_the_raised_base_in_force() {
    let mut p = plan("JPY", 4, "2026-04", 3);
    let s = scenario(&mut p);
    s.people.raise_pct = d("3.7");
    s.people.bonus_payouts = vec![BonusPayout {
        month: 6,
        months: d("0.8"),
        assessment: None,
    }];
    s.positions.push(employee("a", "6000000", "2025-04-01"));
    // 6,222,000 ÷ 12 × 0.8 = 414,800.
    assert_eq!(amount(&ledger(&p).rows, 0, 2, Category::Bonus), 414_800);
}

// ---------------------------------------------------------------- burden

/// Japan's health insurance and pension with their caps (docs/domain: April 2026).
fn japan_health_and_pension() -> Vec<BurdenComponent> {
    let mut health = component_fn("Health insurance", "4.955");
    health.monthly_pay_cap = Some(d("1390000"));
    health.bonus_fiscal_year_cap = Some(d("5730000"));
    let mut care = component_fn("Care insurance", "0.795");
    care.monthly_pay_cap = Some(d("1390000"));
    care.bonus_fiscal_year_cap = Some(d("5730000"));
    care.age_dependent = true;
    let mut pension = component_fn("Employees' pension", "9.15");
    pension.monthly_pay_cap = Some(d("650000"));
    pension.bonus_payment_cap = Some(d("1500000"));
    vec![health, care, pension]
}

#[test]
fn japan_social_insurance_with_caps_reached_mid_year() {
    let mut p = plan("JPY", 4, "2026-04", 15);
    let s = scenario(&mut p);
    s.people.burden = japan_health_and_pension();
    s.people.bonus_payouts = vec![
        BonusPayout {
            month: 6,
            months: d("2"),
            assessment: None,
        },
        BonusPayout {
            month: 12,
            months: d("2"),
            assessment: None,
        },
    ];
    // 24,000,000 a year: 2,000,000 a month, bonuses of 4,000,000.
    s.positions
        .push(employee("senior", "24000000", "2020-04-01"));
    let mut young = employee("young", "6000000", "2020-04-01");
    young.age_dependent_burden = false;
    let mut older = employee("older", "6000000", "2020-04-01");
    older.age_dependent_burden = true;
    s.positions.push(young);
    s.positions.push(older);
    let rows = ledger(&p).rows;
    let health = Component::Burden(0);
    let care = Component::Burden(1);
    let pension = Component::Burden(2);

    // April: health on min(2,000,000, 1,390,000) = 1,390,000 × 4.955 % = 68,874.5 → 68,875.
    assert_eq!(component(&rows, 0, 0, health), 68_875);
    // Pension on min(2,000,000, 650,000) × 9.15 % = 59,475.
    assert_eq!(component(&rows, 0, 0, pension), 59_475);
    // June (month 2): health on 1,390,000 + bonus 4,000,000 (4,000,000 of the
    // 5,730,000 fiscal-year bonus cap used) = 5,390,000 × 4.955 % = 267,074.5 → 267,075.
    assert_eq!(component(&rows, 0, 2, health), 267_075);
    // Pension: 650,000 + min(4,000,000, 1,500,000 per payment) = 2,150,000 × 9.15 % = 196,725.
    assert_eq!(component(&rows, 0, 2, pension), 196_725);
    // December (month 8): only 1,730,000 of the bonus cap is left:
    // (1,390,000 + 1,730,000) × 4.955 % = 154,596.
    assert_eq!(component(&rows, 0, 8, health), 154_596);
    // Pension caps each payment, not the year: 196,725 again.
    assert_eq!(component(&rows, 0, 8, pension), 196_725);
    // The fiscal-year cap starts again in April 2027: June 2027 (month 14) = 267,075.
    assert_eq!(component(&rows, 0, 14, health), 267_075);
    // The burden row total of a month is the sum of its components.
    assert_eq!(amount(&rows, 0, 0, Category::Burden), 68_875 + 59_475);

    // 500,000 a month, under the caps: health 24,775; pension 45,750.
    assert_eq!(component(&rows, 1, 0, health), 24_775);
    assert_eq!(component(&rows, 1, 0, pension), 45_750);
    // Care insurance only for the position aged 40 to 64: 500,000 × 0.795 % = 3,975.
    assert_eq!(component(&rows, 1, 0, care), 0);
    assert_eq!(component(&rows, 2, 0, care), 3_975);
}

#[test]
fn us_social_security_wage_base_reached_in_september() {
    let mut p = plan("USD", 1, "2026-01", 24);
    let s = scenario(&mut p);
    let mut social_security = component_fn("Social Security", "6.2");
    social_security.annual_pay_cap = Some(AnnualCap {
        amount: d("176100"),
        period: CapPeriod::CalendarYear,
    });
    s.people.burden = vec![social_security, component_fn("Medicare", "1.45")];
    s.positions.push(employee("a", "240000", "2020-01-01"));
    let rows = ledger(&p).rows;
    let ss: Vec<i64> = (0..24)
        .map(|m| component(&rows, 0, m, Component::Burden(0)))
        .collect();
    // 20,000.00 a month × 6.2 % = 1,240.00 for January to August (160,000 of pay).
    assert_eq!(&ss[..8], &[124_000; 8]);
    // September: 16,100.00 of the 176,100 wage base is left: × 6.2 % = 998.20.
    assert_eq!(ss[8], 99_820);
    // October to December: nothing.
    assert_eq!(&ss[9..12], &[0; 3]);
    // The calendar year starts again in January 2027.
    assert_eq!(ss[12], 124_000);
    // Medicare has no cap: 20,000 × 1.45 % = 290.00 every month.
    assert!((0..24).all(|m| component(&rows, 0, m, Component::Burden(1)) == 29_000));
}

#[test]
fn an_annual_cap_per_fiscal_year_restarts_with_the_fiscal_year() {
    // Fiscal year from April; the cap counts pay from April.
    let mut p = plan("USD", 4, "2026-01", 6);
    let s = scenario(&mut p);
    let mut capped = component_fn("Capped", "10");
    capped.annual_pay_cap = Some(AnnualCap {
        amount: d("25000"),
        period: CapPeriod::FiscalYear,
    });
    s.people.burden = vec![capped];
    s.positions.push(employee("a", "120000", "2020-01-01"));
    let rows = ledger(&p).rows;
    let burden: Vec<i64> = (0..6)
        .map(|m| amount(&rows, 0, m, Category::Burden))
        .collect();
    // 10,000.00 a month. Jan, Feb: 1,000.00 each; March: 5,000.00 left → 500.00.
    // April: a new fiscal year: 1,000.00, May 1,000.00, June 500.00.
    assert_eq!(
        burden,
        vec![100_000, 100_000, 50_000, 100_000, 100_000, 50_000]
    );
}

#[test]
fn burden_on_a_partial_month_uses_the_booked_pay() {
    let mut p = plan("JPY", 4, "2026-05", 1);
    let s = scenario(&mut p);
    s.people.burden = vec![component_fn("Employment insurance", "0.9")];
    s.positions.push(employee("a", "6000000", "2026-05-20"));
    let rows = ledger(&p).rows;
    // Pay 193,548 (see the mid-month hire); × 0.9 % = 1,741.932 → 1,742.
    assert_eq!(amount(&rows, 0, 0, Category::Burden), 1_742);
}

// ---------------------------------------------------------------- recruiting

#[test]
fn recruiting_fees_and_per_hire_costs_in_the_start_month() {
    let mut p = plan("JPY", 4, "2026-04", 6);
    let s = scenario(&mut p);
    s.people.recruiting_fee_pct = d("35");
    s.people.per_hire.equipment = d("350000");
    s.people.per_hire.onboarding = d("100000");
    let mut open = employee("open", "6000000", "2026-07-01");
    open.status = PositionStatus::Open;
    let mut planned = employee("planned", "6000000", "2026-08-16");
    planned.status = PositionStatus::Planned;
    planned.recruiting_fee_pct = Some(d("20"));
    planned.fte = d("0.5");
    s.positions.push(open);
    s.positions.push(planned);
    s.positions
        .push(employee("filled", "6000000", "2026-07-01"));
    let mut before = employee("started-before", "6000000", "2026-03-01");
    before.status = PositionStatus::Open;
    s.positions.push(before);
    let forecast = forecast_scenario(&p, 0).unwrap();
    let rows = ledger(&p).rows;
    // July (month 3): 35 % × 6,000,000 × 1 = 2,100,000 agency fee + 100,000 onboarding.
    assert_eq!(component(&rows, 0, 3, Component::HireFee), 2_100_000);
    assert_eq!(component(&rows, 0, 3, Component::Onboarding), 100_000);
    assert_eq!(amount(&rows, 0, 3, Category::Recruiting), 2_200_000);
    assert_eq!(amount(&rows, 0, 3, Category::Equipment), 350_000);
    assert_eq!(amount(&rows, 0, 4, Category::Recruiting), 0);
    // The override: 20 % × 6,000,000 × 0.5 = 600,000, in August (month 4).
    assert_eq!(component(&rows, 1, 4, Component::HireFee), 600_000);
    // A filled position is no hire; a hire before the horizon books nothing in it.
    assert_eq!(amount(&rows, 2, 3, Category::Recruiting), 0);
    assert!(
        !rows
            .iter()
            .any(|r| r.source == fleetplan::model::Source::Position(3)
                && r.category == Category::Recruiting)
    );
    assert_eq!(forecast.headcount(3).hires, 1);
    assert_eq!(forecast.headcount(4).hires, 1);

    // USD: 150,000.00 × 0.8 FTE × 25 % = 30,000.00.
    let mut p = plan("USD", 1, "2026-01", 2);
    let s = scenario(&mut p);
    s.people.recruiting_fee_pct = d("25");
    let mut hire = employee("a", "150000", "2026-02-09");
    hire.status = PositionStatus::Planned;
    hire.fte = d("0.8");
    s.positions.push(hire);
    assert_eq!(
        component(&ledger(&p).rows, 0, 1, Component::HireFee),
        3_000_000
    );
}

// ---------------------------------------------------------------- attrition

#[test]
fn attrition_builds_a_vacancy_share_up_to_the_backfill_lag() {
    let mut p = plan("JPY", 4, "2026-04", 6);
    let s = scenario(&mut p);
    // 12 % a year: 1 % of employees leave each month; seats stay empty 3 months.
    s.people.attrition = Attrition {
        annual_rate_pct: d("12"),
        backfill_lag_months: 3,
    };
    s.people.recruiting_fee_pct = d("35");
    s.people.training_per_head_annual = d("120000");
    s.people.bonus_payouts = vec![BonusPayout {
        month: 6,
        months: d("0.8"),
        assessment: None,
    }];
    s.people.burden = vec![component_fn("Health insurance", "4.955")];
    s.tools = vec![Tool {
        currency: None,
        name: "Seat".into(),
        monthly_per_seat: d("6000"),
        teams: vec![],
    }];
    s.positions.push(employee("a", "6000000", "2020-04-01"));
    let mut c = employee("contractor", "6000000", "2020-04-01");
    c.employment = Employment::Contractor;
    s.positions.push(c);
    let rows = ledger(&p).rows;
    // v = 1 % × min(k, 3): 0, 1, 2, 3, 3, 3 % → base 500,000 × (1 − v).
    assert_eq!(
        monthly(&rows, 0, Category::Base, 6),
        vec![500_000, 495_000, 490_000, 485_000, 485_000, 485_000]
    );
    // June bonus (k = 2): 400,000 × 0.98 = 392,000.
    assert_eq!(amount(&rows, 0, 2, Category::Bonus), 392_000);
    // Burden on the seat's pay, times (1 − v): May 500,000 × 4.955 % × 0.99
    // = 24,527.25 → 24,527.
    assert_eq!(amount(&rows, 0, 1, Category::Burden), 24_527);
    // Tools 6,000 × 0.99 = 5,940; training 10,000 × 0.97 = 9,700 (July on).
    assert_eq!(amount(&rows, 0, 1, Category::Tools), 5_940);
    assert_eq!(amount(&rows, 0, 3, Category::Training), 9_700);
    // Expected backfill fee every month: 12 % ÷ 12 × 1 FTE × 35 % × 6,000,000 = 21,000.
    assert_eq!(
        (0..6)
            .map(|m| component(&rows, 0, m, Component::BackfillFee))
            .collect::<Vec<_>>(),
        vec![21_000; 6]
    );
    // Contractors are not subject to attrition.
    assert_eq!(monthly(&rows, 1, Category::Base, 6), vec![500_000; 6]);
    assert_eq!(amount(&rows, 1, 0, Category::Recruiting), 0);
}

#[test]
fn team_attrition_overrides_and_counts_from_the_start() {
    let mut p = plan("USD", 1, "2026-01", 4);
    let s = scenario(&mut p);
    s.teams[1].attrition = Some(Attrition {
        annual_rate_pct: d("24"),
        backfill_lag_months: 1,
    });
    s.people.attrition = Attrition {
        annual_rate_pct: d("6"),
        backfill_lag_months: 2,
    };
    let mut product = employee("a", "120000", "2026-02-01");
    product.team = "Product".into();
    s.positions.push(product);
    let rows = ledger(&p).rows;
    // Starts in February (k = 0 there): 10,000.00, then v = 24 % ÷ 12 × 1 = 2 %: 9,800.00.
    assert_eq!(
        monthly(&rows, 0, Category::Base, 4),
        vec![0, 1_000_000, 980_000, 980_000]
    );
}

// ---------------------------------------------------------------- tools, training

#[test]
fn tools_per_seat_and_training_per_head() {
    let mut p = plan("JPY", 4, "2026-05", 2);
    let s = scenario(&mut p);
    s.tools = vec![
        Tool {
            currency: None,
            name: "GitHub".into(),
            monthly_per_seat: d("3300"),
            teams: vec![],
        },
        Tool {
            currency: None,
            name: "Observability".into(),
            monthly_per_seat: d("12000"),
            teams: vec!["Platform".into()],
        },
    ];
    s.people.training_per_head_annual = d("120000");
    s.positions
        .push(employee("platform", "6000000", "2026-05-20"));
    let mut product = employee("product", "6000000", "2020-01-01");
    product.team = "Product".into();
    product.fte = d("0.5");
    s.positions.push(product);
    let rows = ledger(&p).rows;
    // Tools are charged in full for any month with a working day: 3,300 + 12,000.
    assert_eq!(monthly(&rows, 0, Category::Tools, 2), vec![15_300, 15_300]);
    assert_eq!(monthly(&rows, 1, Category::Tools, 2), vec![3_300, 3_300]);
    // Training 120,000 ÷ 12 × 12/31 = 3,870.97 → 3,871 in May; per head, not per FTE.
    assert_eq!(
        monthly(&rows, 0, Category::Training, 2),
        vec![3_871, 10_000]
    );
    assert_eq!(
        monthly(&rows, 1, Category::Training, 2),
        vec![10_000, 10_000]
    );
}

// ---------------------------------------------------------------- other costs

#[test]
fn other_costs_escalate_on_anniversaries_and_one_offs_land_once() {
    let mut p = plan("JPY", 4, "2026-04", 24);
    let s = scenario(&mut p);
    s.other_costs = vec![
        OtherCost {
            currency: None,
            name: "Rent".into(),
            team: None,
            kind: OtherCostKind::Monthly,
            amount: d("1200000"),
            start: ym("2025-10"),
            end: Some(ym("2027-12")),
            yearly_escalation_pct: d("3"),
        },
        OtherCost {
            currency: None,
            name: "Offsite".into(),
            team: Some("Product".into()),
            kind: OtherCostKind::OneOff,
            amount: d("1800000"),
            start: ym("2026-11"),
            end: None,
            yearly_escalation_pct: Decimal::ZERO,
        },
    ];
    let rows = ledger(&p).rows;
    let rent: Vec<i64> = (0..24)
        .map(|m| {
            rows.iter()
                .filter(|r| r.month == m && r.source == fleetplan::model::Source::OtherCost(0))
                .map(|r| r.amount_minor)
                .sum()
        })
        .collect();
    // Apr–Sep 2026: 1,200,000. From Oct 2026 (first anniversary): × 1.03 = 1,236,000.
    // From Oct 2027: 1,236,000 × 1.03 = 1,273,080, until the end month Dec 2027.
    assert_eq!(&rent[..6], &[1_200_000; 6]);
    assert_eq!(&rent[6..18], &[1_236_000; 12]);
    assert_eq!(&rent[18..21], &[1_273_080; 3]);
    assert_eq!(&rent[21..], &[0; 3]);
    let offsite: Vec<&LedgerRow> = rows
        .iter()
        .filter(|r| r.source == fleetplan::model::Source::OtherCost(1))
        .collect();
    assert_eq!(offsite.len(), 1);
    assert_eq!(
        (offsite[0].month, offsite[0].team, offsite[0].amount_minor),
        (7, Some(1), 1_800_000)
    );

    // USD: 2,500.50 escalating 2.5 % → 2,563.0125 → 2,563.01.
    let mut p = plan("USD", 1, "2027-01", 1);
    scenario(&mut p).other_costs = vec![OtherCost {
        currency: None,
        name: "Licences".into(),
        team: None,
        kind: OtherCostKind::Monthly,
        amount: d("2500.50"),
        start: ym("2026-01"),
        end: None,
        yearly_escalation_pct: d("2.5"),
    }];
    let rows = ledger(&p).rows;
    assert_eq!(rows[0].amount_minor, 256_301);
    assert_eq!(rows[0].category, Category::Other);
}

// ---------------------------------------------------------------- cloud

fn cloud_line(on_demand: &str, growth: &str) -> CloudLine {
    CloudLine {
        currency: None,
        name: "Compute".into(),
        category: CloudCategory::Compute,
        on_demand_monthly: d(on_demand),
        monthly_growth_pct: d(growth),
        commitment: None,
        savings: vec![],
        one_offs: vec![],
    }
}

fn cloud_rows(plan: &Plan, line: u32) -> Vec<i64> {
    let rows = ledger(plan).rows;
    (0..plan.horizon.months)
        .map(|m| {
            rows.iter()
                .filter(|r| r.month == m && r.source == fleetplan::model::Source::CloudLine(line))
                .map(|r| r.amount_minor)
                .sum()
        })
        .collect()
}

#[test]
fn cloud_growth_commitment_savings_and_one_offs() {
    let mut p = plan("JPY", 4, "2026-04", 4);
    let mut line = cloud_line("1000000", "2");
    line.commitment = Some(Commitment {
        coverage_pct: d("60"),
        discount_pct: d("38"),
        start: ym("2026-06"),
    });
    line.savings = vec![Saving {
        name: "Rightsizing".into(),
        pct: d("10"),
        start: ym("2026-07"),
    }];
    line.one_offs = vec![OneOff {
        month: ym("2026-05"),
        amount: d("500000"),
        note: "Migration".into(),
    }];
    scenario(&mut p).cloud.lines = vec![line];
    // On demand: 1,000,000; 1,020,000; 1,040,400; 1,061,208 (2 % a month, compounding).
    // May adds the 500,000 one-off. June: commitment 60 % × 38 % = 22.8 % off:
    // 1,040,400 × 0.772 = 803,188.8 → 803,189. July: also 10 % savings:
    // 1,061,208 × 0.772 × 0.9 = 737,327.3184 → 737,327.
    assert_eq!(
        cloud_rows(&p, 0),
        vec![1_000_000, 1_520_000, 803_189, 737_327]
    );

    // Decline: −50 % a month.
    let mut p = plan("JPY", 4, "2026-04", 4);
    scenario(&mut p).cloud.lines = vec![cloud_line("1000000", "-50")];
    assert_eq!(
        cloud_rows(&p, 0),
        vec![1_000_000, 500_000, 250_000, 125_000]
    );

    // USD 1,000.00 growing 1.5 %: 1,015.00, then 1,030.225 exactly → 1,030.23
    // (half away from zero; the growth is carried, not re-rounded each month).
    let mut p = plan("USD", 1, "2026-01", 3);
    scenario(&mut p).cloud.lines = vec![cloud_line("1000", "1.5")];
    assert_eq!(cloud_rows(&p, 0), vec![100_000, 101_500, 103_023]);

    // The annual equivalent of 2.1 % a month: 1.021^12 − 1 = 28.32 %.
    assert_eq!(cloud_line("1", "2.1").annual_growth_pct(), Some(d("28.32")));
}

#[test]
fn per_engineer_cloud_cost_per_active_fte() {
    let mut p = plan("JPY", 4, "2026-05", 2);
    let s = scenario(&mut p);
    s.cloud.per_engineer_monthly = d("30000");
    s.positions.push(employee("a", "6000000", "2026-05-20"));
    let mut part = employee("b", "6000000", "2020-01-01");
    part.fte = d("0.8");
    s.positions.push(part);
    let rows = ledger(&p).rows;
    // 30,000 × 12/31 = 11,612.90 → 11,613, then 30,000; 30,000 × 0.8 = 24,000.
    assert_eq!(monthly(&rows, 0, Category::Cloud, 2), vec![11_613, 30_000]);
    assert_eq!(monthly(&rows, 1, Category::Cloud, 2), vec![24_000, 24_000]);
    assert_eq!(component(&rows, 1, 0, Component::DevEnvironments), 24_000);
}

// ---------------------------------------------------------------- band midpoint

#[test]
fn a_position_without_a_salary_gets_its_band_midpoint() {
    let mut p = plan("JPY", 4, "2026-04", 1);
    let s = scenario(&mut p);
    s.bands = vec![
        fleetplan::model::SalaryBand {
            level: "Senior".into(),
            location: None,
            min: d("7800000"),
            mid: d("9000000"),
            max: d("10500000"),
        },
        fleetplan::model::SalaryBand {
            level: "Senior".into(),
            location: Some("Osaka".into()),
            min: d("7000000"),
            mid: d("8400000"),
            max: d("9500000"),
        },
    ];
    let mut tokyo = employee("a", "0", "2020-01-01");
    tokyo.annual_base = None;
    tokyo.level = "Senior".into();
    tokyo.location = Some("Tokyo".into());
    let mut osaka = tokyo.clone();
    osaka.id = "b".into();
    osaka.location = Some("Osaka".into());
    s.positions.push(tokyo);
    s.positions.push(osaka);
    let rows = ledger(&p).rows;
    // Tokyo has no band of its own: the level's band, 9,000,000 ÷ 12 = 750,000.
    assert_eq!(amount(&rows, 0, 0, Category::Base), 750_000);
    // Osaka: 8,400,000 ÷ 12 = 700,000.
    assert_eq!(amount(&rows, 1, 0, Category::Base), 700_000);
}

// ---------------------------------------------------------------- fiscal years

#[test]
fn fiscal_years_starting_in_april_with_partial_years() {
    let mut p = plan("JPY", 4, "2026-01", 18);
    let s = scenario(&mut p);
    s.positions.push(employee("full", "6000000", "2020-01-01"));
    let mut half = employee("half", "6000000", "2026-10-01");
    half.fte = d("0.5");
    half.status = PositionStatus::Planned;
    s.positions.push(half);
    let forecast = forecast_scenario(&p, 0).unwrap();
    let years = fiscal_year_summaries(&p, &forecast);
    let labels: Vec<String> = years.iter().map(|y| y.year.label()).collect();
    // Jan–Mar 2026 belong to FY2025 (2025年度), Apr 2026–Mar 2027 to FY2026,
    // Apr–Jun 2027 to FY2027.
    assert_eq!(labels, ["FY2025", "FY2026", "FY2027"]);
    assert_eq!(
        years.iter().map(|y| y.months).collect::<Vec<_>>(),
        [3, 12, 3]
    );
    assert_eq!(
        years.iter().map(|y| y.partial).collect::<Vec<_>>(),
        [true, false, true]
    );

    let fy2026 = &years[1];
    // 12 × 500,000 + 6 × 250,000 = 7,500,000.
    assert_eq!(fy2026.total, 7_500_000);
    assert_eq!(fy2026.category(Category::Base), 7_500_000);
    assert_eq!(fy2026.by_team[0].total, 7_500_000);
    // Average FTE: (12 × 1 + 6 × 0.5) ÷ 12 = 1.25; cost per engineer 7,500,000 ÷ 1.25.
    assert_eq!(fy2026.average_fte, d("1.25"));
    assert_eq!(fy2026.cost_per_engineer, Some(6_000_000));
    assert_eq!(fy2026.heads_at_end, 2);
    assert_eq!(fy2026.fte_at_end, d("1.5"));
    assert_eq!(fy2026.hires, 1);
    // FY2025 partial: 3 × 500,000.
    assert_eq!(years[0].total, 1_500_000);
    assert_eq!(years[0].average_fte, d("1"));
    // Every year's total is the sum of its months.
    let months: i128 = (0..18).map(|m| forecast.month_total(m)).sum();
    assert_eq!(years.iter().map(|y| y.total).sum::<i128>(), months);
}

#[test]
fn average_fte_counts_days_and_cost_per_engineer_rounds_once() {
    // One person from 16 April (15 of 30 days), then full months; calendar years.
    let mut p = plan("USD", 1, "2026-01", 12);
    scenario(&mut p)
        .positions
        .push(employee("a", "120000", "2026-04-16"));
    let forecast = forecast_scenario(&p, 0).unwrap();
    let year = &fiscal_year_summaries(&p, &forecast)[0];
    // FTE-months: 0.5 + 8 = 8.5; average 8.5 ÷ 12 = 0.708333…
    assert_eq!(year.average_fte, d("0.708333"));
    // Pay: 5,000.00 + 8 × 10,000.00 = 85,000.00; ÷ (8.5/12) = 120,000.00.
    assert_eq!(year.total, 8_500_000);
    assert_eq!(year.cost_per_engineer, Some(12_000_000));
    assert_eq!(year.cloud_per_engineer, Some(0));
}

#[test]
fn no_fte_means_no_cost_per_engineer() {
    let mut p = plan("JPY", 4, "2026-04", 12);
    scenario(&mut p).cloud.lines = vec![cloud_line("1000", "0")];
    let forecast = forecast_scenario(&p, 0).unwrap();
    let year = &fiscal_year_summaries(&p, &forecast)[0];
    assert_eq!(year.total, 12_000);
    assert_eq!(year.cost_per_engineer, None);
    assert_eq!(year.average_fte, Decimal::ZERO);
}

// ---------------------------------------------------------------- comparison

#[test]
fn comparison_against_a_base_scenario() {
    let mut p = plan("JPY", 4, "2026-04", 12);
    scenario(&mut p)
        .positions
        .push(employee("a", "6000000", "2020-01-01"));
    let mut aggressive = p.scenarios[0].clone();
    aggressive.name = "Aggressive".into();
    aggressive
        .positions
        .push(employee("b", "3000000", "2026-10-01"));
    p.scenarios.push(aggressive);
    let comparison = compare(&p, 0).unwrap();
    assert_eq!(comparison.years.len(), 1);
    let year = &comparison.years[0];
    assert_eq!(year.scenarios[0].total, 6_000_000);
    assert_eq!(year.scenarios[0].difference, 0);
    assert_eq!(year.scenarios[0].difference_pct, Some(d("0.00")));
    // Aggressive: + 6 × 250,000 = 1,500,000, +25.00 %.
    assert_eq!(year.scenarios[1].total, 7_500_000);
    assert_eq!(year.scenarios[1].difference, 1_500_000);
    assert_eq!(year.scenarios[1].difference_pct, Some(d("25.00")));
    assert_eq!(
        year.scenarios[1].category_difference[Category::Base.index()],
        1_500_000
    );
    // Against the larger scenario, the difference is negative: −1,500,000 ÷ 7,500,000 = −20 %.
    let reverse = compare(&p, 1).unwrap();
    assert_eq!(
        reverse.years[0].scenarios[0].difference_pct,
        Some(d("-20.00"))
    );
}

#[test]
fn the_base_scenario_stays_the_base_when_scenarios_are_reordered() {
    // A new plan names its first scenario as the base.
    let mut p = plan("JPY", 4, "2026-04", 12);
    assert_eq!(p.base_scenario.as_deref(), Some("Base"));
    scenario(&mut p)
        .positions
        .push(employee("a", "6000000", "2020-01-01"));
    p.add_scenario("Lean").unwrap();
    p.move_scenario(1, 0).unwrap();
    assert_eq!(p.scenarios[0].name, "Lean");
    assert_eq!(p.scenarios[p.base_index()].name, "Base");
    // The comparison is still against Base: Lean is 6,000,000 less.
    let base = p.base_index();
    let lean = compare(&p, base).unwrap().years[0].scenarios[0].difference;
    assert_eq!(lean, -6_000_000);

    // A plan file without a named base (written before plans named it):
    // the first scenario is its base, and stays it through a move.
    let mut older = plan("JPY", 4, "2026-04", 12);
    older.base_scenario = None;
    older.add_scenario("Lean").unwrap();
    older.add_scenario("Stretch").unwrap();
    assert_eq!(older.base_index(), 0);
    older.move_scenario(2, 0).unwrap();
    let names: Vec<&str> = older.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Stretch", "Base", "Lean"]);
    assert_eq!(older.base_scenario.as_deref(), Some("Base"));
    assert_eq!(older.scenarios[older.base_index()].name, "Base");
    // Only an explicit choice changes it; deleting it names the new first.
    older.set_base_scenario(2).unwrap();
    assert_eq!(older.base_scenario.as_deref(), Some("Lean"));
    older.delete_scenario(2).unwrap();
    assert_eq!(older.base_scenario.as_deref(), Some("Stretch"));
    assert_eq!(older.base_index(), 0);
}

// ---------------------------------------------------------------- totals

#[test]
fn totals_per_team_and_category_match_the_rows() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/example-plan.json"
    ))
    .unwrap();
    let plan = fleetplan::format::plan_json::read_plan_file(&text).unwrap();
    for s in 0..plan.scenarios.len() {
        let forecast = forecast_scenario(&plan, s).unwrap();
        let rows = {
            let mut sink = LedgerCollector::default();
            forecast_scenario_into(&plan, s, &mut sink).unwrap();
            sink.rows
        };
        for m in 0..plan.horizon.months as usize {
            for c in Category::ALL {
                let from_rows: i128 = rows
                    .iter()
                    .filter(|r| usize::from(r.month) == m && r.category == c)
                    .map(|r| i128::from(r.amount_minor))
                    .sum();
                assert_eq!(forecast.month_category(m, c), from_rows);
                let by_team: i128 = (0..plan.scenarios[s].teams.len())
                    .map(Some)
                    .chain([None])
                    .map(|t| forecast.team_categories(m, t)[c.index()])
                    .sum();
                assert_eq!(by_team, from_rows);
            }
        }
        assert!(forecast.total() > 0);
    }
}

// ---------------------------------------------------------------- explanations

#[test]
fn explain_shows_the_inputs_of_each_amount() {
    let mut p = plan("JPY", 4, "2026-04", 3);
    let s = scenario(&mut p);
    s.people.attrition = Attrition {
        annual_rate_pct: d("12"),
        backfill_lag_months: 3,
    };
    s.people.burden = japan_health_and_pension();
    s.people.recruiting_fee_pct = d("35");
    s.positions.push(employee("a", "24000000", "2020-04-01"));
    let explanation = fleetplan::model::explain(&p, 0, 0, 1).unwrap();
    let text = explanation.to_lines().join("\n");
    // May: base 2,000,000 × 0.99 = 1,980,000.
    assert!(
        text.contains("annual base in force 24,000,000 at FTE 1"),
        "{text}"
    );
    assert!(text.contains("expected occupancy 1 − v = 0.99"), "{text}");
    assert!(
        text.contains("base: 24,000,000 × 1 ÷ 12 × 0.99 = 1,980,000"),
        "{text}"
    );
    // Health: 1,390,000 × 4.955 % × 0.99 = 68,185.755 → 68,186.
    assert!(
        text.contains("burden (Health insurance): 4.955 % × 1,390,000 (of pay 2,000,000, after caps) × 0.99 = 68,186"),
        "{text}"
    );
    let total: i64 = explanation.rows.iter().map(|r| r.amount_minor).sum();
    let forecast = forecast_scenario(&p, 0).unwrap();
    assert_eq!(i128::from(total), forecast.month_total(1));
    // Outside its active months a position has nothing to explain.
    let mut later = p.clone();
    later.scenarios[0].positions[0].start = date("2026-06-01");
    assert!(
        fleetplan::model::explain(&later, 0, 0, 0)
            .unwrap()
            .rows
            .is_empty()
    );
}

// ---------------------------------------------------------------- incremental updates

#[test]
fn positions_forecast_one_by_one_add_up_to_the_scenario() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/example-plan.json"
    ))
    .unwrap();
    let plan = fleetplan::format::plan_json::read_plan_file(&text).unwrap();
    let whole = forecast_scenario(&plan, 0).unwrap();
    let prepared = fleetplan::model::PreparedScenario::new(&plan, 0).unwrap();
    let mut pieces = fleetplan::model::ScenarioForecast::for_scenario(&plan, 0);
    for p in 0..plan.scenarios[0].positions.len() {
        let mut rows = Vec::new();
        fleetplan::model::forecast_position_into(&plan, 0, p, &mut rows).unwrap();
        let mut again = Vec::new();
        prepared.forecast_position(p, &mut again);
        assert_eq!(rows, again);
        prepared.forecast_position(p, &mut pieces);
    }
    prepared.forecast_lines(&mut pieces);
    assert_eq!(pieces, whole);
}

#[test]
fn teams_are_renamed_everywhere_and_removed_only_when_unused() {
    let mut p = plan("JPY", 4, "2026-04", 1);
    let s = scenario(&mut p);
    s.positions.push(employee("a", "6000000", "2020-01-01"));
    s.tools = vec![Tool {
        currency: None,
        name: "Seat".into(),
        monthly_per_seat: d("1000"),
        teams: vec!["Platform".into()],
    }];
    s.rename_team("Platform", "Infrastructure").unwrap();
    assert_eq!(s.positions[0].team, "Infrastructure");
    assert_eq!(s.tools[0].teams, ["Infrastructure"]);
    assert!(s.rename_team("Infrastructure", "Product").is_err());
    assert!(s.remove_team("Infrastructure").is_err());
    assert_eq!(
        s.remove_team("Product").map(|t| t.name),
        Ok("Product".to_string())
    );
    assert!(fleetplan::model::validate(&p).is_empty());
}
