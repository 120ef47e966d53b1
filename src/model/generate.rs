//! A deterministic synthetic plan generator, for benchmarks and tests.
//!
//! The same arguments always give the same plan, on every platform: the
//! randomness is a xorshift64* sequence, no `rand` crate. The plans look like
//! a Japanese engineering organisation (JPY, April fiscal year, the social
//! insurance of docs/example-plan.json) so that every rule is exercised.

use rust_decimal::Decimal;

use super::date::{Date, YearMonth};
use super::plan::{
    Adjustments, Assessment, Attrition, BonusPayout, BurdenComponent, Cloud, CloudCategory,
    CloudLine, Commitment, DEFAULT_LEVELS, Employment, FirstBonus, Horizon, OneOff, OtherCost,
    OtherCostKind, PeopleCosts, PerHeadCost, PerHire, Plan, Position, PositionStatus, SalaryBand,
    Saving, Scenario, Team, Tool,
};

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // A zero state would stay zero.
        Self(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn yen(amount: i64) -> Decimal {
    Decimal::from(amount)
}

/// `mantissa × 10^-scale`, for percentages such as 4.955.
fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn month(year: i32, month: u8) -> YearMonth {
    YearMonth::new(year, month).unwrap_or(APRIL_2026)
}

/// Checked at compile time.
const APRIL_2026: YearMonth = match YearMonth::new_const(2026, 4) {
    Some(m) => m,
    None => panic!("2026-04 is a month"),
};

/// Japan's employer social insurance from April 2026 (docs/example-plan.json).
pub fn japan_burden() -> Vec<BurdenComponent> {
    let component = BurdenComponent::uncapped;
    let health_caps = |mut c: BurdenComponent| {
        c.monthly_pay_cap = Some(yen(1_390_000));
        c.bonus_fiscal_year_cap = Some(yen(5_730_000));
        c
    };
    let pension_caps = |mut c: BurdenComponent| {
        c.monthly_pay_cap = Some(yen(650_000));
        c.bonus_payment_cap = Some(yen(1_500_000));
        c
    };
    let mut care = health_caps(component("Long-term care insurance", dec(795, 3)));
    care.age_dependent = true;
    vec![
        health_caps(component("Health insurance", dec(4955, 3))),
        care,
        pension_caps(component("Employees' pension", dec(915, 2))),
        component("Employment insurance", dec(9, 1)),
        pension_caps(component("Child-rearing contribution", dec(36, 2))),
        health_caps(component("Child-support levy", dec(115, 3))),
        component("Workers' accident insurance", dec(3, 1)),
    ]
}

/// A plan with `scenarios` scenarios of `positions_per_scenario` positions
/// each over `months` months (clamped to 1 to 120) from April 2026.
pub fn generate_plan(
    positions_per_scenario: usize,
    months: u16,
    scenarios: usize,
    seed: u64,
) -> Plan {
    let months = months.clamp(1, 120);
    let start = month(2026, 4);
    let scenarios: Vec<Scenario> = (0..scenarios.max(1))
        .map(|s| generate_scenario(s, positions_per_scenario, start, months, seed))
        .collect();
    // The first scenario is named as the base, as in every new plan.
    let base_scenario = scenarios.first().map(|s| s.name.clone());
    Plan {
        name: format!("Synthetic plan {positions_per_scenario}×{months}"),
        currency: "JPY".to_string(),
        fiscal_year_start_month: 4,
        horizon: Horizon { start, months },
        scenarios,
        base_scenario,
        roster_columns: Default::default(),
        actuals: Default::default(),
    }
}

/// The plan of [`generate_plan`] in graded mode: Japan's FY2026 social
/// insurance on the standard remuneration grades
/// ([`japan_burden_fy2026`](super::presets::japan_burden_fy2026)), first
/// bonuses prorated by their assessment periods, per-head DC pension and
/// welfare costs, and fixed allowances on employees (commuting for all,
/// fixed overtime for one in three), one in five stating pay by the month.
pub fn generate_plan_graded(
    positions_per_scenario: usize,
    months: u16,
    scenarios: usize,
    seed: u64,
) -> Plan {
    let mut plan = generate_plan(positions_per_scenario, months, scenarios, seed);
    for scenario in &mut plan.scenarios {
        let people = &mut scenario.people;
        people.burden = super::presets::japan_burden_fy2026();
        people.first_bonus = FirstBonus::Prorated;
        for payout in &mut people.bonus_payouts {
            payout.assessment = Some(match payout.month {
                6 => Assessment { from: 10, to: 3 },
                _ => Assessment { from: 4, to: 9 },
            });
        }
        people.per_head = vec![
            PerHeadCost {
                currency: None,
                name: "DC pension".to_string(),
                monthly: yen(20_000),
                teams: Vec::new(),
                contractors: false,
            },
            PerHeadCost {
                currency: None,
                name: "Welfare".to_string(),
                monthly: yen(5_000),
                teams: vec!["Platform".to_string(), "Data".to_string()],
                contractors: true,
            },
        ];
        for (i, p) in scenario.positions.iter_mut().enumerate() {
            if p.employment == Employment::Contractor {
                continue;
            }
            p.set_allowance("Commuting", yen(10_000 + 1_000 * (i % 15) as i64));
            if i % 3 == 0 {
                p.set_allowance("Fixed overtime", yen(40_000));
            }
            if i % 5 == 0
                && let Some(annual) = p.annual_base
            {
                // 12 × a whole monthly amount.
                p.set_monthly_base((annual / yen(12)).round());
            }
        }
    }
    plan
}

/// Every burden component of every scenario on the simple basis: the
/// same plan computed the simple way, to compare the modes.
pub fn with_simple_basis(mut plan: Plan) -> Plan {
    for scenario in &mut plan.scenarios {
        for component in &mut scenario.people.burden {
            component.basis = super::plan::BurdenBasis::Simple;
        }
    }
    plan
}

const SCENARIO_NAMES: [&str; 3] = ["Base", "Aggressive", "Conservative"];
const TEAMS: [&str; 12] = [
    "Platform",
    "Payments",
    "Search",
    "Mobile",
    "Web",
    "Data",
    "ML",
    "SRE",
    "Security",
    "Growth",
    "Core API",
    "Developer Experience",
];

fn generate_scenario(
    s: usize,
    positions: usize,
    start: YearMonth,
    months: u16,
    seed: u64,
) -> Scenario {
    let mut rng = Rng::new(seed.wrapping_add((s as u64).wrapping_mul(0x1000_0000_01B3)));
    let name = SCENARIO_NAMES
        .get(s)
        .map_or_else(|| format!("Scenario {}", s + 1), |n| (*n).to_string());
    let teams: Vec<Team> = TEAMS
        .iter()
        .enumerate()
        .map(|(i, t)| Team {
            name: (*t).to_string(),
            attrition: (i % 4 == 3).then(|| Attrition {
                annual_rate_pct: dec(8 + i as i64, 0),
                backfill_lag_months: 2,
            }),
        })
        .collect();
    let levels: Vec<String> = DEFAULT_LEVELS.iter().map(|l| (*l).to_string()).collect();
    let mut bands = Vec::new();
    for (i, level) in levels.iter().enumerate() {
        let mid = 5_000_000 + 2_000_000 * i as i64;
        bands.push(SalaryBand {
            level: level.clone(),
            location: None,
            min: yen(mid * 8 / 10),
            mid: yen(mid),
            max: yen(mid * 12 / 10),
        });
        bands.push(SalaryBand {
            level: level.clone(),
            location: Some("Tokyo".to_string()),
            min: yen(mid * 9 / 10),
            mid: yen(mid * 11 / 10),
            max: yen(mid * 13 / 10),
        });
    }
    let horizon_end = start.add_months(i32::from(months) - 1).unwrap_or(start);
    let positions = (0..positions)
        .map(|i| generate_position(&mut rng, i, &levels, start, months))
        .collect();
    let extra = s as i64;
    Scenario {
        name,
        teams,
        levels,
        bands,
        positions,
        people: PeopleCosts {
            burden: japan_burden(),
            bonus_payouts: vec![
                BonusPayout {
                    month: 6,
                    months: dec(8, 1),
                    assessment: None,
                },
                BonusPayout {
                    month: 12,
                    months: dec(8, 1),
                    assessment: None,
                },
            ],
            raise_pct: dec(37 + 5 * extra, 1),
            raise_month: 4,
            recruiting_fee_pct: dec(35, 0),
            per_hire: PerHire {
                equipment: yen(350_000),
                onboarding: yen(120_000),
            },
            attrition: Attrition {
                annual_rate_pct: dec(10 + extra, 0),
                backfill_lag_months: 3,
            },
            training_per_head_annual: yen(150_000),
            per_head: Vec::new(),
            first_bonus: FirstBonus::Full,
        },
        tools: vec![
            Tool {
                currency: None,
                name: "GitHub Enterprise".to_string(),
                monthly_per_seat: yen(3_300),
                teams: Vec::new(),
            },
            Tool {
                currency: None,
                name: "GitHub Copilot Business".to_string(),
                monthly_per_seat: yen(3_000),
                teams: Vec::new(),
            },
            Tool {
                currency: None,
                name: "Observability seat".to_string(),
                monthly_per_seat: yen(15_000),
                teams: vec!["Platform".to_string(), "SRE".to_string()],
            },
        ],
        other_costs: vec![
            OtherCost {
                currency: None,
                name: "Office".to_string(),
                team: None,
                kind: OtherCostKind::Monthly,
                amount: yen(4_000_000),
                start: month(2025, 10),
                end: None,
                yearly_escalation_pct: dec(2, 0),
            },
            OtherCost {
                currency: None,
                name: "Offsite".to_string(),
                team: Some("Platform".to_string()),
                kind: OtherCostKind::OneOff,
                amount: yen(3_000_000),
                start: start.add_months(5).unwrap_or(start),
                end: None,
                yearly_escalation_pct: Decimal::ZERO,
            },
        ],
        cloud: Cloud {
            lines: vec![
                cloud_line(
                    "Compute",
                    CloudCategory::Compute,
                    30_000_000,
                    dec(21 + extra, 1),
                    start,
                ),
                cloud_line(
                    "Storage",
                    CloudCategory::Storage,
                    6_000_000,
                    dec(15, 1),
                    start,
                ),
                cloud_line(
                    "Data warehouse",
                    CloudCategory::Data,
                    9_000_000,
                    dec(25, 1),
                    start,
                ),
                cloud_line(
                    "Observability",
                    CloudCategory::Observability,
                    4_000_000,
                    dec(1, 0),
                    start,
                ),
                cloud_line(
                    "Network",
                    CloudCategory::Network,
                    2_500_000,
                    dec(-5, 1),
                    horizon_end,
                ),
            ],
            per_engineer_monthly: yen(25_000),
        },
        adjustments: Adjustments::default(),
        locked_on: None,
        accounts: Default::default(),
        exchange_rates: Vec::new(),
    }
}

fn cloud_line(
    name: &str,
    category: CloudCategory,
    on_demand: i64,
    growth: Decimal,
    start: YearMonth,
) -> CloudLine {
    CloudLine {
        currency: None,
        name: name.to_string(),
        category,
        on_demand_monthly: yen(on_demand),
        monthly_growth_pct: growth,
        commitment: Some(Commitment {
            coverage_pct: dec(60, 0),
            discount_pct: dec(38, 0),
            start: start.add_months(2).unwrap_or(start),
        }),
        savings: vec![Saving {
            name: "Rightsizing".to_string(),
            pct: dec(8, 0),
            start: start.add_months(6).unwrap_or(start),
        }],
        one_offs: vec![OneOff {
            month: start.add_months(3).unwrap_or(start),
            amount: yen(on_demand / 10),
            note: "Migration".to_string(),
        }],
    }
}

fn generate_position(
    rng: &mut Rng,
    i: usize,
    levels: &[String],
    start: YearMonth,
    months: u16,
) -> Position {
    let team = TEAMS[i % TEAMS.len()].to_string();
    // Junior to Director, most people in the middle of the ladder.
    let level_index = match rng.below(100) {
        0..=14 => 0,
        15..=44 => 1,
        45..=74 => 2,
        75..=84 => 3,
        85..=92 => 4,
        93..=97 => 5,
        _ => 6,
    };
    let level = levels.get(level_index).cloned().unwrap_or_default();
    let status = match rng.below(100) {
        0..=69 => PositionStatus::Filled,
        70..=84 => PositionStatus::Open,
        _ => PositionStatus::Planned,
    };
    let employment = if rng.chance(8) {
        Employment::Contractor
    } else {
        Employment::Employee
    };
    let annual_base = rng
        .chance(60)
        .then(|| yen(4_000_000 + 10_000 * rng.below(1_600) as i64));
    let fte = match rng.below(100) {
        0..=84 => Decimal::ONE,
        85..=94 => dec(8, 1),
        _ => dec(5, 1),
    };
    let start_date = if status == PositionStatus::Filled {
        let ym = start
            .add_months(-(1 + rng.below(96) as i32))
            .unwrap_or(start);
        day_in(rng, ym)
    } else {
        let ym = start
            .add_months(rng.below(u64::from(months)) as i32)
            .unwrap_or(start);
        day_in(rng, ym)
    };
    let end = rng.chance(8).then(|| {
        let ym = start
            .add_months(rng.below(u64::from(months)) as i32)
            .unwrap_or(start);
        day_in(rng, ym).max(start_date)
    });
    Position {
        id: format!("p{}", i + 1),
        title: format!("{level} engineer"),
        team,
        level,
        status,
        employment,
        annual_base,
        fte,
        start: start_date,
        end,
        recruiting_fee_pct: rng.chance(10).then(|| dec(20, 0)),
        age_dependent_burden: rng.chance(40),
        location: rng.chance(50).then(|| "Tokyo".to_string()),
        monthly_base: None,
        allowances: Vec::new(),
    }
}

/// A day of `ym`: mostly the 1st, sometimes mid-month.
fn day_in(rng: &mut Rng, ym: YearMonth) -> Date {
    let day = if rng.chance(70) {
        1
    } else {
        1 + rng.below(u64::from(ym.days())) as u8
    };
    Date::new(ym.year(), ym.month(), day).unwrap_or(ym.first_day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn generated_plans_are_valid_and_deterministic() {
        let plan = generate_plan(300, 36, 3, 7);
        assert_eq!(validate(&plan), Vec::new());
        assert_eq!(plan, generate_plan(300, 36, 3, 7));
        assert_ne!(plan, generate_plan(300, 36, 3, 8));
        assert_eq!(plan.scenarios.len(), 3);
        assert_eq!(plan.scenarios[0].positions.len(), 300);
        let graded = generate_plan_graded(300, 36, 3, 7);
        assert_eq!(validate(&graded), Vec::new());
        assert_eq!(validate(&with_simple_basis(graded)), Vec::new());
    }
}
