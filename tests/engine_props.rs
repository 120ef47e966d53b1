//! Property tests: no panic on any plan, totals are sums of ledger rows,
//! scenarios are independent, plan files round-trip.
// Native only: proptest, files and processes are not available in wasm32.
#![cfg(not(target_arch = "wasm32"))]

use fleetplan::format::plan_json::{parse_plan_file, read_plan_file, write_plan_file};
use fleetplan::model::{
    AnnualCap, Attrition, BonusPayout, BurdenComponent, CapPeriod, Category, Cloud, CloudCategory,
    CloudLine, Commitment, Date, Employment, FiscalYear, Horizon, LedgerCollector, OneOff,
    OtherCost, OtherCostKind, PeopleCosts, PerHire, Plan, Position, PositionStatus, SalaryBand,
    Saving, Scenario, Team, Tool, YearMonth, compare, fiscal_year_summaries, forecast_scenario,
    forecast_scenario_into, validate, validate_scenario,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const TEAMS: [&str; 3] = ["Platform", "Product", "Data"];
const LEVELS: [&str; 3] = ["Junior", "Mid", "Senior"];

/// Plans are generated in two modes: `valid` keeps every value inside
/// validation's limits (so the engine runs on them), wild mode mixes in
/// negative, over-precise, huge and unknown values.
fn decimal(max_units: i64, scale: u32) -> BoxedStrategy<Decimal> {
    prop_oneof![
        8 => (0..=max_units, 0..=scale).prop_map(|(m, s)| Decimal::new(m, 0) / Decimal::from(10_i64.pow(s)) ),
        1 => (-max_units..0).prop_map(Decimal::from),
        1 => (0..i64::MAX, 0..=12_u32).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => prop_oneof![Just(Decimal::MAX), Just(Decimal::MIN), Just(Decimal::new(1, 28))],
    ]
    .boxed()
}

fn money(wild: bool) -> BoxedStrategy<Decimal> {
    if wild {
        decimal(30_000_000, 2)
    } else {
        prop_oneof![
            1 => Just(Decimal::ZERO),
            6 => (0..=30_000_000_i64).prop_map(Decimal::from),
        ]
        .boxed()
    }
}

fn pct(wild: bool) -> BoxedStrategy<Decimal> {
    if wild {
        prop_oneof![
            6 => (0..=1000_i64, 0..=2_u32).prop_map(|(m, s)| Decimal::new(m, s)),
            1 => Just(Decimal::ZERO),
            1 => decimal(200, 8),
        ]
        .boxed()
    } else {
        prop_oneof![
            1 => Just(Decimal::ZERO),
            4 => (0..=10_000_i64, 0..=2_u32)
                .prop_map(|(m, s)| Decimal::new(m, s).min(Decimal::ONE_HUNDRED)),
            1 => (0..=100_000_000_i64).prop_map(|m| Decimal::new(m, 6)),
        ]
        .boxed()
    }
}

fn month() -> impl Strategy<Value = YearMonth> {
    (2024..=2029_i32, 1..=12_u8).prop_map(|(y, m)| YearMonth::new(y, m).unwrap())
}

fn date() -> impl Strategy<Value = Date> {
    (month(), 1..=31_u8)
        .prop_map(|(ym, day)| Date::new(ym.year(), ym.month(), day.min(ym.days())).unwrap())
}

fn name(options: &'static [&'static str], wild: bool) -> BoxedStrategy<String> {
    if wild {
        prop_oneof![
            9 => proptest::sample::select(options).prop_map(str::to_string),
            1 => Just("Unknown".to_string()),
        ]
        .boxed()
    } else {
        proptest::sample::select(options)
            .prop_map(str::to_string)
            .boxed()
    }
}

fn fte(wild: bool) -> BoxedStrategy<Decimal> {
    if wild {
        prop_oneof![8 => (1..=10_i64).prop_map(|n| Decimal::new(n, 1)), 1 => decimal(2, 7)].boxed()
    } else {
        prop_oneof![
            4 => Just(Decimal::ONE),
            2 => (1..=10_i64).prop_map(|n| Decimal::new(n, 1)),
            1 => (1..=1_000_000_i64).prop_map(|n| Decimal::new(n, 6)),
        ]
        .boxed()
    }
}

/// An end date: anything in wild mode, else on or after `start`.
fn end_after(start: Date, days: Option<u16>, wild: bool, any_date: Date) -> Option<Date> {
    let days = days?;
    if wild {
        return Some(any_date);
    }
    let mut ym = start.year_month();
    let mut day = u16::from(start.day()) + days % 400;
    while day > u16::from(ym.days()) {
        day -= u16::from(ym.days());
        ym = ym.add_months(1)?;
    }
    Date::new(ym.year(), ym.month(), day as u8).ok()
}

fn position(wild: bool) -> impl Strategy<Value = Position> {
    (
        (
            name(&TEAMS, wild),
            name(&LEVELS, wild),
            0..3_u8,
            any::<bool>(),
            proptest::option::weighted(if wild { 0.8 } else { 0.9 }, money(wild)),
        ),
        (
            fte(wild),
            date(),
            (proptest::option::weighted(0.3, any::<u16>()), date()),
            proptest::option::weighted(0.2, pct(wild)),
            any::<bool>(),
            proptest::option::weighted(0.2, Just("Osaka".to_string())),
        ),
    )
        .prop_map(
            move |(
                (team, level, status, contractor, annual_base),
                (fte, start, (end_days, any_end), fee, age, location),
            )| {
                // A valid position without a salary needs a band: only Mid has one for every location.
                let level = if !wild && annual_base.is_none() {
                    "Mid".to_string()
                } else {
                    level
                };
                let end = end_after(start, end_days, wild, any_end);
                Position {
                    id: String::new(),
                    title: "Engineer".into(),
                    team,
                    level,
                    status: [
                        PositionStatus::Filled,
                        PositionStatus::Open,
                        PositionStatus::Planned,
                    ][usize::from(status)],
                    employment: if contractor {
                        Employment::Contractor
                    } else {
                        Employment::Employee
                    },
                    annual_base,
                    fte,
                    start,
                    end,
                    recruiting_fee_pct: fee,
                    age_dependent_burden: age,
                    location,
                    monthly_base: None,
                    allowances: Vec::new(),
                }
            },
        )
}

fn burden(wild: bool) -> impl Strategy<Value = BurdenComponent> {
    (
        pct(wild),
        any::<bool>(),
        any::<bool>(),
        proptest::option::weighted(0.4, money(wild)),
        proptest::option::weighted(0.3, money(wild)),
        proptest::option::weighted(0.3, money(wild)),
        proptest::option::weighted(0.3, (money(wild), any::<bool>())),
        any::<bool>(),
    )
        .prop_map(
            |(rate, on_base, on_bonus, monthly, payment, fiscal, annual, age)| BurdenComponent {
                name: "Component".into(),
                rate_pct: rate,
                on_base,
                on_bonus,
                monthly_pay_cap: monthly,
                bonus_payment_cap: payment,
                bonus_fiscal_year_cap: fiscal,
                annual_pay_cap: annual.map(|(amount, fy)| AnnualCap {
                    amount,
                    period: if fy {
                        CapPeriod::FiscalYear
                    } else {
                        CapPeriod::CalendarYear
                    },
                }),
                age_dependent: age,
                basis: fleetplan::model::BurdenBasis::Simple,
                schedule: Vec::new(),
            },
        )
}

fn growth(wild: bool) -> BoxedStrategy<Decimal> {
    if wild {
        prop_oneof![
            (-500..=500_i64).prop_map(|n| Decimal::new(n, 2)),
            decimal(150, 3)
        ]
        .boxed()
    } else {
        prop_oneof![
            4 => (-500..=500_i64).prop_map(|n| Decimal::new(n, 2)),
            1 => (-99_999_999..=20_000_000_i64).prop_map(|n| Decimal::new(n, 6)),
        ]
        .boxed()
    }
}

fn cloud_line(wild: bool) -> impl Strategy<Value = CloudLine> {
    (
        money(wild),
        growth(wild),
        proptest::option::weighted(0.5, (pct(wild), pct(wild), month())),
        proptest::collection::vec((pct(wild), month()), 0..3),
        proptest::collection::vec((month(), money(wild)), 0..3),
    )
        .prop_map(
            |(on_demand, growth, commitment, savings, one_offs)| CloudLine {
                currency: None,
                name: "Line".into(),
                category: CloudCategory::Compute,
                on_demand_monthly: on_demand,
                monthly_growth_pct: growth,
                commitment: commitment.map(|(coverage, discount, start)| Commitment {
                    coverage_pct: coverage,
                    discount_pct: discount,
                    start,
                }),
                savings: savings
                    .into_iter()
                    .map(|(pct, start)| Saving {
                        name: "Saving".into(),
                        pct,
                        start,
                    })
                    .collect(),
                one_offs: one_offs
                    .into_iter()
                    .map(|(month, amount)| OneOff {
                        month,
                        amount,
                        note: String::new(),
                    })
                    .collect(),
            },
        )
}

fn other_cost(wild: bool) -> impl Strategy<Value = OtherCost> {
    (
        proptest::option::of(name(&TEAMS, wild)),
        any::<bool>(),
        money(wild),
        month(),
        proptest::option::of(0..40_i32),
        pct(wild),
    )
        .prop_map(
            move |(team, monthly, amount, start, length, escalation)| OtherCost {
                currency: None,
                name: "Cost".into(),
                team,
                kind: if monthly {
                    OtherCostKind::Monthly
                } else {
                    OtherCostKind::OneOff
                },
                amount,
                start,
                // Wild mode may end before the start.
                end: length.and_then(|n| start.add_months(if wild { n - 10 } else { n })),
                yearly_escalation_pct: escalation,
            },
        )
}

fn people(wild: bool) -> impl Strategy<Value = PeopleCosts> {
    let payouts = if wild {
        proptest::collection::vec(1..=12_u8, 0..3).boxed()
    } else {
        proptest::sample::subsequence((1..=12_u8).collect::<Vec<_>>(), 0..3).boxed()
    };
    (
        proptest::collection::vec(burden(wild), 0..4),
        (
            payouts,
            proptest::collection::vec((0..=30_i64).prop_map(|n| Decimal::new(n, 1)), 3),
        ),
        pct(wild),
        1..=12_u8,
        pct(wild),
        (money(wild), money(wild)),
        (pct(wild), 0..=6_u8),
        money(wild),
    )
        .prop_map(
            |(
                burden,
                (months, sizes),
                raise,
                raise_month,
                fee,
                (equipment, onboarding),
                (rate, lag),
                training,
            )| {
                PeopleCosts {
                    burden,
                    bonus_payouts: months
                        .into_iter()
                        .zip(sizes)
                        .map(|(month, months)| BonusPayout {
                            month,
                            months,
                            assessment: None,
                        })
                        .collect(),
                    raise_pct: raise,
                    raise_month,
                    recruiting_fee_pct: fee,
                    per_hire: PerHire {
                        equipment,
                        onboarding,
                    },
                    attrition: Attrition {
                        annual_rate_pct: rate,
                        backfill_lag_months: lag,
                    },
                    training_per_head_annual: training,
                    per_head: Vec::new(),
                    first_bonus: fleetplan::model::FirstBonus::Full,
                }
            },
        )
}

fn scenario(scenario_name: String, wild: bool) -> impl Strategy<Value = Scenario> {
    (
        proptest::collection::vec(position(wild), 0..8),
        people(wild),
        proptest::collection::vec(
            (
                money(wild),
                proptest::collection::vec(name(&TEAMS, wild), 0..2),
            ),
            0..3,
        ),
        proptest::collection::vec(other_cost(wild), 0..3),
        proptest::collection::vec(cloud_line(wild), 0..3),
        money(wild),
        proptest::option::weighted(0.3, (pct(wild), 0..=4_u8)),
    )
        .prop_map(
            move |(positions, people, tools, other_costs, lines, per_engineer, data_attrition)| {
                let mut positions = positions;
                for (i, p) in positions.iter_mut().enumerate() {
                    p.id = format!("p{i}");
                }
                Scenario {
                    name: scenario_name.clone(),
                    teams: TEAMS
                        .iter()
                        .map(|t| Team {
                            name: (*t).to_string(),
                            attrition: (*t == "Data").then_some(()).and(data_attrition).map(
                                |(rate, lag)| Attrition {
                                    annual_rate_pct: rate,
                                    backfill_lag_months: lag,
                                },
                            ),
                        })
                        .collect(),
                    levels: LEVELS.iter().map(|l| (*l).to_string()).collect(),
                    bands: vec![
                        SalaryBand {
                            level: "Mid".into(),
                            location: None,
                            min: Decimal::from(5_000_000),
                            mid: Decimal::from(6_000_000),
                            max: Decimal::from(7_000_000),
                        },
                        SalaryBand {
                            level: "Senior".into(),
                            location: Some("Osaka".into()),
                            min: Decimal::from(6_000_000),
                            mid: Decimal::from(7_000_000),
                            max: Decimal::from(8_000_000),
                        },
                    ],
                    positions,
                    people,
                    tools: tools
                        .into_iter()
                        .map(|(cost, teams)| Tool {
                            currency: None,
                            name: "Tool".into(),
                            monthly_per_seat: cost,
                            teams,
                        })
                        .collect(),
                    other_costs,
                    cloud: Cloud {
                        lines,
                        per_engineer_monthly: per_engineer,
                    },
                    adjustments: Default::default(),
                    locked_on: None,
                    accounts: Default::default(),
                    exchange_rates: Vec::new(),
                }
            },
        )
}

fn plan_in(wild: bool) -> impl Strategy<Value = Plan> {
    let fy = if wild {
        prop_oneof![9 => 1..=12_u8, 1 => Just(0_u8), 1 => Just(13_u8)].boxed()
    } else {
        (1..=12_u8).boxed()
    };
    let months = if wild {
        prop_oneof![9 => 1..=40_u16, 1 => Just(0_u16), 1 => Just(121_u16), 1 => Just(120_u16)]
            .boxed()
    } else {
        prop_oneof![9 => 1..=40_u16, 1 => Just(120_u16)].boxed()
    };
    let currency = if wild {
        prop_oneof![4 => Just("JPY"), 4 => Just("USD"), 1 => Just("KWD"), 1 => Just("XYZ")].boxed()
    } else {
        prop_oneof![Just("JPY"), Just("USD"), Just("KWD")].boxed()
    };
    (
        currency,
        fy,
        month(),
        months,
        proptest::collection::vec(scenario("S".into(), wild), 1..3),
    )
        .prop_map(|(currency, fy, start, months, mut scenarios)| {
            for (i, s) in scenarios.iter_mut().enumerate() {
                s.name = format!("Scenario {i}");
            }
            Plan {
                name: "Plan".into(),
                currency: currency.into(),
                fiscal_year_start_month: fy,
                horizon: Horizon { start, months },
                scenarios,
                base_scenario: None,
                roster_columns: Default::default(),
                actuals: Default::default(),
            }
        })
}

/// Valid plans (the engine runs) and wild ones (validation must catch them).
fn plan() -> impl Strategy<Value = Plan> {
    prop_oneof![plan_in(false), plan_in(true)]
}

fn valid_plan() -> impl Strategy<Value = Plan> {
    plan_in(false)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any plan, valid or not: validation answers, the engine forecasts
    /// exactly the scenarios without errors, nothing panics.
    #[test]
    fn no_panic_and_errors_iff_invalid(plan in plan()) {
        let all_errors = validate(&plan);
        for s in 0..plan.scenarios.len() {
            let errors = validate_scenario(&plan, s);
            let result = forecast_scenario(&plan, s);
            prop_assert_eq!(result.is_ok(), errors.is_empty(), "{:?}", errors);
            if let Err(e) = &result {
                prop_assert!(e.iter().all(|e| !e.message.is_empty()));
            }
            if let Ok(forecast) = &result {
                let _ = fiscal_year_summaries(&plan, forecast);
                let _ = forecast.total_text();
            }
        }
        prop_assert_eq!(compare(&plan, 0).is_ok(), all_errors.is_empty());
        // The plan file round-trips whatever the values.
        let text = write_plan_file(&plan);
        prop_assert_eq!(parse_plan_file(&text), Ok(plan.clone()));
        prop_assert_eq!(read_plan_file(&text).is_ok(), all_errors.is_empty());
    }

    /// Every total equals the sum of its ledger rows: per month and category,
    /// per month, team and category, per fiscal year, and overall.
    #[test]
    fn totals_are_sums_of_rows(plan in valid_plan()) {
        for s in 0..plan.scenarios.len() {
            let Ok(forecast) = forecast_scenario(&plan, s) else { continue };
            let mut ledger = LedgerCollector::default();
            forecast_scenario_into(&plan, s, &mut ledger).unwrap();
            let months = plan.months();
            let teams = plan.scenarios[s].teams.len();
            let mut by_cell = vec![[0_i128; Category::ALL.len()]; months.len() * (teams + 1)];
            for row in &ledger.rows {
                prop_assert!((row.month as usize) < months.len());
                prop_assert!(row.amount_minor != 0);
                let t = row.team.map_or(teams, |t| t as usize);
                by_cell[row.month as usize * (teams + 1) + t][row.category.index()] += i128::from(row.amount_minor);
            }
            for m in 0..months.len() {
                for c in Category::ALL {
                    let mut month_sum = 0;
                    for t in 0..=teams {
                        let cell = by_cell[m * (teams + 1) + t][c.index()];
                        let team = (t < teams).then_some(t);
                        prop_assert_eq!(forecast.team_categories(m, team)[c.index()], cell);
                        month_sum += cell;
                    }
                    prop_assert_eq!(forecast.month_category(m, c), month_sum);
                }
            }
            let all: i128 = ledger.rows.iter().map(|r| i128::from(r.amount_minor)).sum();
            prop_assert_eq!(forecast.total(), all);
            let years = fiscal_year_summaries(&plan, &forecast);
            prop_assert_eq!(years.iter().map(|y| y.total).sum::<i128>(), all);
            for year in &years {
                let in_year: i128 = ledger
                    .rows
                    .iter()
                    .filter(|r| FiscalYear::of(months[r.month as usize], plan.fiscal_year_start_month) == year.year)
                    .map(|r| i128::from(r.amount_minor))
                    .sum();
                prop_assert_eq!(year.total, in_year);
                prop_assert_eq!(year.by_category.iter().sum::<i128>(), year.total);
                prop_assert_eq!(year.by_team.iter().map(|t| t.total).sum::<i128>(), year.total);
                prop_assert!(year.partial == (year.months < 12));
            }
            // Headcount is made of the activities.
            for (m, _) in months.iter().enumerate() {
                let heads = ledger.activities.iter().filter(|a| a.month as usize == m && a.on_last_day).count();
                prop_assert_eq!(forecast.headcount(m).heads as usize, heads);
            }
            // Under validation's limits no amount is negative.
            prop_assert!(ledger.rows.iter().all(|r| r.amount_minor > 0));
        }
    }

    /// Adding an unrelated scenario leaves a scenario's forecast unchanged.
    #[test]
    fn scenarios_are_independent(plan in valid_plan(), other in scenario("Other".into(), true)) {
        let before: Vec<_> = (0..plan.scenarios.len()).map(|s| forecast_scenario(&plan, s)).collect();
        let rows_before = {
            let mut sink = LedgerCollector::default();
            let _ = forecast_scenario_into(&plan, 0, &mut sink);
            sink
        };
        let mut bigger = plan.clone();
        bigger.scenarios.push(Scenario { name: "Unrelated".into(), ..other });
        for (s, expected) in before.iter().enumerate() {
            prop_assert_eq!(&forecast_scenario(&bigger, s), expected);
        }
        let mut rows_after = LedgerCollector::default();
        let _ = forecast_scenario_into(&bigger, 0, &mut rows_after);
        prop_assert_eq!(rows_after, rows_before);
    }

    /// Arbitrary text, and the example plan with one byte changed, never panic.
    #[test]
    fn plan_files_never_panic(text in ".{0,200}", index in 0usize..30_000, byte in 32u8..127) {
        let _ = read_plan_file(&text);
        let example = include_str!("../docs/example-plan.json");
        let mut bytes = example.as_bytes().to_vec();
        let i = index % bytes.len();
        bytes[i] = byte;
        if let Ok(changed) = String::from_utf8(bytes)
            && let Ok(plan) = read_plan_file(&changed)
        {
            for s in 0..plan.scenarios.len() {
                prop_assert!(forecast_scenario(&plan, s).is_ok());
            }
        }
    }
}
