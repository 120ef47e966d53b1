//! Plans to start from: a country preset (Japan FY2026, United States 2026),
//! a blank plan, and a demo organisation to explore at once. A new plan
//! covers the next fiscal year that has not started
//! ([`next_fiscal_year_start`], [`StartChoice::plan`]).
//!
//! Every figure comes from `/work/shared/domain.md` (listed with its source
//! in docs/model.md, "Presets") and is an ordinary, editable plan value: a
//! preset only fills a new plan in.

use rust_decimal::Decimal;

use super::date::{Date, YearMonth};
use super::plan::{
    Allowance, AnnualCap, Assessment, Attrition, BonusPayout, BurdenBasis, BurdenComponent,
    BurdenStep, CapPeriod, Cloud, CloudCategory, CloudLine, Commitment, Employment, FirstBonus,
    PerHeadCost, PerHire, Plan, Position, PositionStatus, SalaryBand, Saving, Scenario, Team, Tool,
};

/// What a new plan starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    Japan2026,
    UnitedStates2026,
    Blank,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Self::Japan2026, Self::UnitedStates2026, Self::Blank];

    /// Names the country, the year the figures are for and the currency.
    pub fn label(self) -> &'static str {
        match self {
            Self::Japan2026 => "Japan, FY2026 (April fiscal year, JPY)",
            Self::UnitedStates2026 => "United States, 2026 (January fiscal year, USD)",
            Self::Blank => "Blank",
        }
    }

    /// A stable identifier, for a form's `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Japan2026 => "japan-2026",
            Self::UnitedStates2026 => "united-states-2026",
            Self::Blank => "blank",
        }
    }

    pub fn from_key(key: &str) -> Option<Preset> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The month the preset's fiscal year starts in: April in Japan (and
    /// for the blank plan), January in the United States.
    pub fn fiscal_year_start_month(self) -> u8 {
        match self {
            Self::Japan2026 | Self::Blank => 4,
            Self::UnitedStates2026 => 1,
        }
    }

    /// A 12-month plan from `start` with one scenario, "Base", named as the
    /// base: the default ladder, no positions, and the preset's people
    /// costs. The horizon starts at `start` whatever the fiscal year; a new
    /// plan is made with [`StartChoice::plan`], which starts it at the next
    /// fiscal year.
    pub fn plan(self, name: &str, start: YearMonth) -> Plan {
        let fiscal_start = self.fiscal_year_start_month();
        match self {
            Self::Blank => Plan::blank(name, "JPY", fiscal_start, start, 12),
            Self::Japan2026 => {
                let mut plan = Plan::blank(name, "JPY", fiscal_start, start, 12);
                if let Some(base) = plan.scenarios.first_mut() {
                    japan_people(base);
                }
                plan
            }
            Self::UnitedStates2026 => {
                let mut plan = Plan::blank(name, "USD", fiscal_start, start, 12);
                if let Some(base) = plan.scenarios.first_mut() {
                    united_states_people(base);
                }
                plan
            }
        }
    }
}

/// The first month of the next fiscal year that has not started in
/// `today`'s month, for fiscal years starting in `fiscal_start_month` (1 to
/// 12; anything else is taken as the nearest). In December 2026 that is
/// April 2027 for an April fiscal year and January 2027 for a January one;
/// in March 2027 April 2027; in April 2027 the fiscal year has started, so
/// April 2028. Past the year 9999 it is the current fiscal year's start.
pub fn next_fiscal_year_start(today: YearMonth, fiscal_start_month: u8) -> YearMonth {
    let start_month = fiscal_start_month.clamp(1, 12);
    let year = if today.month() < start_month {
        today.year()
    } else {
        today.year() + 1
    };
    YearMonth::new(year, start_month)
        .or_else(|_| YearMonth::new(year - 1, start_month))
        .unwrap_or(today)
}

/// What a new plan starts from: a preset (the blank plan is
/// `Preset(Preset::Blank)`) or the demo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StartChoice {
    Demo,
    Preset(Preset),
}

impl StartChoice {
    /// The month the plan's fiscal year starts in (the demo is in Japan).
    pub fn fiscal_year_start_month(self) -> u8 {
        match self {
            Self::Demo => Preset::Japan2026.fiscal_year_start_month(),
            Self::Preset(preset) => preset.fiscal_year_start_month(),
        }
    }

    /// Where the horizon of a plan made in `today`'s month starts: the next
    /// fiscal year that has not started ([`next_fiscal_year_start`]).
    pub fn horizon_start(self, today: YearMonth) -> YearMonth {
        next_fiscal_year_start(today, self.fiscal_year_start_month())
    }

    /// The plan made in `today`'s month: 12 months of a preset, or the
    /// demo's 36, from [`Self::horizon_start`], its first scenario named as
    /// the base. Its name is the model's English one ("My engineering
    /// plan", "Demo engineering plan"): the UI names it in its language,
    /// with the fiscal year (`i18n::plans::start_plan`).
    pub fn plan(self, today: YearMonth) -> Plan {
        let start = self.horizon_start(today);
        match self {
            Self::Demo => demo_plan(start),
            Self::Preset(preset) => preset.plan(NEW_PLAN_NAME, start),
        }
    }
}

/// The English name of a new plan from a preset, before the UI names it.
pub const NEW_PLAN_NAME: &str = "My engineering plan";

fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// The employees' pension grade ceiling of the 2025 pension reform law:
/// ¥650,000 until August 2027, then ¥680,000, ¥710,000 and ¥750,000 from
/// each September.
pub const PENSION_CEILING_STEPS: [(i32, u8, i64); 3] =
    [(2027, 9, 680_000), (2028, 9, 710_000), (2029, 9, 750_000)];

/// Japan's employer social insurance for FY2026 (domain.md, corrected
/// round; sources in docs/model.md, "Presets"), graded on the standard
/// monthly remuneration where the law grades it:
/// health 4.925 % (協会けんぽ Tokyo 9.85 % ÷ 2), care 0.81 % (1.62 % ÷ 2,
/// ages 40–64), pension 9.15 % (18.3 % ÷ 2) with its ceiling steps,
/// employment 0.85 % (8.5/1000, on wages paid), child-rearing 0.36 %,
/// child-support levy 0.115 % (0.23 % ÷ 2), workers' accident 0.3 %.
pub fn japan_burden_fy2026() -> Vec<BurdenComponent> {
    let yen = |amount: i64| dec(amount, 0);
    let component = |name: &str, rate: Decimal, basis: BurdenBasis| {
        let mut c = BurdenComponent::uncapped(name, rate);
        c.basis = basis;
        match basis {
            BurdenBasis::HealthGrades => {
                c.monthly_pay_cap = Some(yen(1_390_000));
                c.bonus_fiscal_year_cap = Some(yen(5_730_000));
            }
            BurdenBasis::PensionGrades => {
                c.monthly_pay_cap = Some(yen(650_000));
                c.bonus_payment_cap = Some(yen(1_500_000));
                c.schedule = PENSION_CEILING_STEPS
                    .iter()
                    .filter_map(|&(year, month, cap)| {
                        Some(BurdenStep {
                            from: YearMonth::new(year, month).ok()?,
                            rate_pct: None,
                            monthly_pay_cap: Some(yen(cap)),
                            bonus_payment_cap: None,
                            bonus_fiscal_year_cap: None,
                            annual_pay_cap: None,
                        })
                    })
                    .collect();
            }
            BurdenBasis::Simple => {}
        }
        c
    };
    let mut care = component(
        "Long-term care insurance",
        dec(81, 2),
        BurdenBasis::HealthGrades,
    );
    care.age_dependent = true;
    vec![
        component("Health insurance", dec(4925, 3), BurdenBasis::HealthGrades),
        care,
        component(
            "Employees' pension",
            dec(915, 2),
            BurdenBasis::PensionGrades,
        ),
        component("Employment insurance", dec(85, 2), BurdenBasis::Simple),
        component(
            "Child-rearing contribution",
            dec(36, 2),
            BurdenBasis::PensionGrades,
        ),
        component("Child-support levy", dec(115, 3), BurdenBasis::HealthGrades),
        component(
            "Workers' accident insurance",
            dec(3, 1),
            BurdenBasis::Simple,
        ),
    ]
}

/// Japan, FY2026 (domain.md): the employer social insurance above
/// ([`japan_burden_fy2026`]), bonuses of 0.8 month in June (assessment
/// period October to March) and December (April to September), a new
/// hire's first bonus prorated by the months worked in its assessment
/// period, the Rengo 2025 base-pay rise of 3.70 % in April, and a 35 %
/// agency fee. Attrition stays 0: MHLW's 14.2 % is an all-industry figure
/// and engineers leave less, so the planner states their own.
fn japan_people(scenario: &mut Scenario) {
    let people = &mut scenario.people;
    people.burden = japan_burden_fy2026();
    people.bonus_payouts = vec![
        BonusPayout {
            month: 6,
            months: dec(8, 1),
            assessment: Some(Assessment { from: 10, to: 3 }),
        },
        BonusPayout {
            month: 12,
            months: dec(8, 1),
            assessment: Some(Assessment { from: 4, to: 9 }),
        },
    ];
    people.first_bonus = FirstBonus::Prorated;
    people.raise_pct = dec(37, 1);
    people.raise_month = 4;
    people.recruiting_fee_pct = dec(35, 0);
    scenario.accounts = super::accounts::japan_accounts();
}

/// The United States, 2026 (domain.md): Social Security 6.2 % up to the
/// 2026 wage base of $184,500 (SSA, 24 October 2025) per calendar year,
/// whatever the plan's fiscal year, Medicare 1.45 % uncapped, benefits of
/// about $450 a head and month as a per-head cost for employees, a 3.3 %
/// raise in January (2026 budgets 3.2–3.5 %), a 20 % agency fee, and no
/// bonus payouts. Attrition stays 0, as for Japan.
fn united_states_people(scenario: &mut Scenario) {
    let mut social_security = BurdenComponent::uncapped("Social Security", dec(62, 1));
    social_security.annual_pay_cap = Some(AnnualCap {
        amount: dec(184_500, 0),
        period: CapPeriod::CalendarYear,
    });
    let people = &mut scenario.people;
    people.burden = vec![
        social_security,
        BurdenComponent::uncapped("Medicare", dec(145, 2)),
    ];
    people.raise_pct = dec(33, 1);
    people.raise_month = 1;
    people.recruiting_fee_pct = dec(20, 0);
    people.per_head = vec![PerHeadCost {
        currency: None,
        name: "Benefits".to_string(),
        monthly: dec(450, 0),
        teams: Vec::new(),
        contractors: false,
    }];
}

/// Salary bands of the demo, yen a year: (level, min, mid, max).
const DEMO_BANDS: [(&str, i64, i64, i64); 7] = [
    ("Junior", 4_000_000, 4_800_000, 5_600_000),
    ("Mid", 5_400_000, 6_500_000, 7_600_000),
    ("Senior", 7_200_000, 8_500_000, 9_800_000),
    ("Staff", 9_000_000, 10_500_000, 12_000_000),
    ("Tech Lead", 9_500_000, 11_000_000, 12_500_000),
    ("Engineering Manager", 10_500_000, 12_000_000, 14_000_000),
    ("Director", 13_000_000, 15_500_000, 18_000_000),
];

/// Teams of the demo: name, the role of its engineers, filled positions,
/// open positions (hired in the first months), planned hires (spread over
/// the three years).
const DEMO_TEAMS: [(&str, &str, usize, usize, usize); 5] = [
    ("Platform", "backend engineer", 10, 2, 2),
    ("Product", "full-stack engineer", 12, 2, 3),
    ("Mobile", "mobile engineer", 7, 1, 2),
    ("Data", "data engineer", 6, 2, 2),
    ("SRE", "site reliability engineer", 6, 1, 2),
];

/// Levels of a team's filled positions after its manager and tech lead:
/// mostly the middle of the ladder.
const DEMO_LEVEL_CYCLE: [&str; 10] = [
    "Senior", "Mid", "Senior", "Junior", "Mid", "Staff", "Mid", "Senior", "Junior", "Mid",
];

/// Levels of hires, in turn.
const DEMO_HIRE_LEVELS: [&str; 4] = ["Mid", "Senior", "Junior", "Senior"];

/// The demo's fixed monthly allowances (illustrative): commuting for every
/// employee, fixed overtime for juniors and mids already in post.
pub const DEMO_COMMUTING: i64 = 15_000;
pub const DEMO_FIXED_OVERTIME: i64 = 30_000;

/// Yen per US dollar used to convert the tools' USD list prices: ¥152
/// ($21 GitHub Enterprise × 152 = ¥3,192 ≈ ¥3,200; $19 Copilot Business ×
/// 152 = ¥2,888 ≈ ¥2,900).
pub const DEMO_YEN_PER_DOLLAR: i64 = 152;

/// A 60-person engineering organisation in Japan over 36 months from
/// `start`, with the Japan preset's people costs: five teams, 41 filled
/// positions (two contractors, one at 0.8 FTE, two leaving), 8 open and
/// 11 planned hires, salary bands per level, GitHub Enterprise and Copilot
/// seats, four cloud lines growing 2.1 % a month (Flexera 2025), and a
/// second scenario, "Aggressive", with 10 more planned hires. The same
/// `start` always gives the same plan.
pub fn demo_plan(start: YearMonth) -> Plan {
    let mut plan = Preset::Japan2026.plan("Demo engineering plan", start);
    plan.horizon.months = 36;
    let Some(base) = plan.scenarios.first_mut() else {
        return plan;
    };
    base.teams = DEMO_TEAMS
        .iter()
        .map(|(name, ..)| Team {
            name: (*name).to_string(),
            attrition: None,
        })
        .collect();
    base.bands = DEMO_BANDS
        .iter()
        .map(|(level, min, mid, max)| SalaryBand {
            level: (*level).to_string(),
            location: None,
            min: dec(*min, 0),
            mid: dec(*mid, 0),
            max: dec(*max, 0),
        })
        .collect();
    base.positions = demo_positions(start);
    // Illustrative figures of the demo, not from domain.md: attrition below
    // MHLW's all-industry 14.2 %, equipment, onboarding, training and
    // development environments.
    base.people.attrition = Attrition {
        annual_rate_pct: dec(10, 0),
        backfill_lag_months: 3,
    };
    base.people.per_hire = PerHire {
        equipment: dec(350_000, 0),
        onboarding: dec(100_000, 0),
    };
    base.people.training_per_head_annual = dec(120_000, 0);
    base.tools = vec![
        Tool {
            currency: None,
            name: "GitHub Enterprise".to_string(),
            monthly_per_seat: dec(3_200, 0),
            teams: Vec::new(),
        },
        Tool {
            currency: None,
            name: "GitHub Copilot Business".to_string(),
            monthly_per_seat: dec(2_900, 0),
            teams: Vec::new(),
        },
    ];
    base.cloud = demo_cloud(start);
    let mut aggressive = base.clone();
    aggressive.name = "Aggressive".to_string();
    add_aggressive_hires(&mut aggressive, start);
    plan.scenarios.push(aggressive);
    plan
}

fn first_of(start: YearMonth, months: i32) -> Date {
    start.add_months(months).unwrap_or(start).first_day()
}

fn last_of(start: YearMonth, months: i32) -> Date {
    start.add_months(months).unwrap_or(start).last_day()
}

fn band_mid(level: &str) -> i64 {
    DEMO_BANDS
        .iter()
        .find(|b| b.0 == level)
        .map_or(6_000_000, |b| b.2)
}

/// The Base roster: per team its manager (the first team's is the
/// director), a tech lead, the other filled positions, then open and
/// planned hires on their band's midpoint.
fn demo_positions(start: YearMonth) -> Vec<Position> {
    let mut positions = Vec::new();
    for (t, (team, role, filled, open, planned)) in DEMO_TEAMS.iter().enumerate() {
        for j in 0..*filled {
            let level = match (t, j) {
                (0, 0) => "Director",
                (_, 0) => "Engineering Manager",
                (_, 1) => "Tech Lead",
                _ => DEMO_LEVEL_CYCLE[(j - 2 + t) % DEMO_LEVEL_CYCLE.len()],
            };
            let started = first_of(start, -(3 + 7 * j as i32 + 5 * t as i32));
            let mut p = demo_position(
                &positions,
                team,
                role,
                level,
                PositionStatus::Filled,
                started,
            );
            // Within −6 % to +6 % of the midpoint, in steps of ¥10,000.
            let factor = 94 + ((j * 7 + t * 3) % 13) as i64;
            p.annual_base = Some(dec(band_mid(level) * factor / 100 / 10_000 * 10_000, 0));
            // Managers and a few engineers are 40 to 64: care insurance.
            p.age_dependent_burden = j == 0 || j % 5 == 3;
            match (*team, j) {
                // Two contractors (a contract price, no burden), one of
                // whom leaves after a year; a part-timer; two departures.
                ("Mobile", 6) => {
                    p.employment = Employment::Contractor;
                    p.annual_base = Some(dec(9_600_000, 0));
                }
                ("Data", 5) => {
                    p.employment = Employment::Contractor;
                    p.annual_base = Some(dec(10_800_000, 0));
                    p.end = Some(last_of(start, 11));
                }
                ("Product", 8) => p.fte = dec(8, 1),
                ("Product", 5) => p.end = Some(last_of(start, 7)),
                ("SRE", 4) => p.end = Some(last_of(start, 14)),
                _ => {}
            }
            if p.employment == Employment::Contractor {
                p.age_dependent_burden = false;
                p.allowances.clear();
            } else if matches!(level, "Junior" | "Mid") {
                // Fixed overtime pay (固定残業代) for the first levels.
                p.allowances.push(Allowance {
                    name: "Fixed overtime".to_string(),
                    monthly: dec(DEMO_FIXED_OVERTIME, 0),
                });
            }
            positions.push(p);
        }
        for k in 0..*open {
            let level = DEMO_HIRE_LEVELS[(k + t) % DEMO_HIRE_LEVELS.len()];
            let started = first_of(start, 1 + (k + t) as i32);
            let p = demo_position(&positions, team, role, level, PositionStatus::Open, started);
            positions.push(p);
        }
        for k in 0..*planned {
            let level = DEMO_HIRE_LEVELS[(k + t + 1) % DEMO_HIRE_LEVELS.len()];
            let started = first_of(start, 6 + 9 * k as i32 + t as i32);
            let p = demo_position(
                &positions,
                team,
                role,
                level,
                PositionStatus::Planned,
                started,
            );
            positions.push(p);
        }
    }
    positions
}

/// A full-time employee position on its band's midpoint, with the next id.
fn demo_position(
    positions: &[Position],
    team: &str,
    role: &str,
    level: &str,
    status: PositionStatus,
    start: Date,
) -> Position {
    let title = match level {
        "Director" => "Director of Engineering".to_string(),
        "Engineering Manager" | "Tech Lead" => format!("{level}, {team}"),
        _ => format!("{level} {role}"),
    };
    Position {
        id: format!("p{}", positions.len() + 1),
        title,
        team: team.to_string(),
        level: level.to_string(),
        status,
        employment: Employment::Employee,
        annual_base: None,
        fte: Decimal::ONE,
        start,
        end: None,
        recruiting_fee_pct: None,
        age_dependent_burden: false,
        location: None,
        monthly_base: None,
        // Commuting allowance (通勤手当), the same for everyone in the demo.
        allowances: vec![Allowance {
            name: "Commuting".to_string(),
            monthly: dec(DEMO_COMMUTING, 0),
        }],
    }
}

/// Two more planned hires per team in the first 18 months.
fn add_aggressive_hires(scenario: &mut Scenario, start: YearMonth) {
    for (t, (team, role, ..)) in DEMO_TEAMS.iter().enumerate() {
        for k in 0..2 {
            let level = DEMO_HIRE_LEVELS[(k + t + 2) % DEMO_HIRE_LEVELS.len()];
            let started = first_of(start, 3 + 8 * k as i32 + 2 * t as i32);
            let p = demo_position(
                &scenario.positions,
                team,
                role,
                level,
                PositionStatus::Planned,
                started,
            );
            scenario.positions.push(p);
        }
    }
}

/// Four cloud lines growing 2.1 % a month (Flexera 2025: 28 % a year), the
/// compute line with a Savings Plan covering 60 % at the 38 % effective
/// rate domain.md calls typical, from the horizon's second month.
fn demo_cloud(start: YearMonth) -> Cloud {
    let growth = dec(21, 1);
    let line = |name: &str, category, on_demand: i64| CloudLine {
        currency: None,
        name: name.to_string(),
        category,
        on_demand_monthly: dec(on_demand, 0),
        monthly_growth_pct: growth,
        commitment: None,
        savings: Vec::new(),
        one_offs: Vec::new(),
    };
    let mut compute = line("Compute", CloudCategory::Compute, 6_000_000);
    compute.commitment = Some(Commitment {
        coverage_pct: dec(60, 0),
        discount_pct: dec(38, 0),
        start: start.add_months(1).unwrap_or(start),
    });
    let mut storage = line("Storage", CloudCategory::Storage, 1_200_000);
    storage.savings.push(Saving {
        name: "Lifecycle rules to cold storage".to_string(),
        pct: dec(15, 0),
        start: start.add_months(6).unwrap_or(start),
    });
    Cloud {
        lines: vec![
            compute,
            storage,
            line("Data warehouse", CloudCategory::Data, 2_000_000),
            line("Observability", CloudCategory::Observability, 900_000),
        ],
        per_engineer_monthly: dec(20_000, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Category, Component, LedgerRow, forecast_scenario, forecast_scenario_into, validate,
    };

    fn month(year: i32, month: u8) -> YearMonth {
        YearMonth::new(year, month).expect("a month")
    }

    /// A plan of the preset from `start` with one full-time employee on
    /// `salary` a year, starting on the horizon's first day (so no raise
    /// applies in the first year: only people who started before the raise
    /// month get it).
    fn with_employee(preset: Preset, start: YearMonth, salary: i64, over_40: bool) -> Plan {
        let mut plan = preset.plan("Test", start);
        let base = &mut plan.scenarios[0];
        base.add_position("Engineer", "Platform", dec(salary, 0), start.first_day());
        base.positions[0].age_dependent_burden = over_40;
        plan
    }

    /// The scenario's ledger rows of month `m` in `category`.
    fn rows(plan: &Plan, m: u16, category: Category) -> Vec<LedgerRow> {
        let mut rows: Vec<LedgerRow> = Vec::new();
        forecast_scenario_into(plan, 0, &mut rows).expect("forecasts");
        rows.retain(|r| r.month == m && r.category == category);
        rows
    }

    fn burden_of(plan: &Plan, m: u16, component: &str) -> i64 {
        let index = plan.scenarios[0]
            .people
            .burden
            .iter()
            .position(|b| b.name == component)
            .expect("the component exists") as u16;
        rows(plan, m, Category::Burden)
            .iter()
            .filter(|r| r.component == Component::Burden(index))
            .map(|r| r.amount_minor)
            .sum()
    }

    #[test]
    fn every_preset_validates_and_forecasts_with_a_named_year() {
        let start = month(2026, 4);
        for preset in Preset::ALL {
            let plan = preset.plan("My engineering plan", start);
            assert_eq!(validate(&plan), Vec::new(), "{preset:?}");
            let forecast = forecast_scenario(&plan, 0).expect("forecasts");
            assert_eq!(forecast.months().len(), 12);
            assert_eq!(forecast.total(), 0, "no positions, no cost");
            assert_eq!(plan.scenarios.len(), 1);
            assert_eq!(plan.scenarios[0].name, "Base");
            assert_eq!(plan.base_scenario.as_deref(), Some("Base"), "named");
            assert_eq!(plan.scenarios[0].levels.len(), 7);
            assert!(plan.scenarios[0].positions.is_empty());
            assert_eq!(Preset::from_key(preset.key()), Some(preset));
            if preset != Preset::Blank {
                assert!(preset.label().contains("2026"), "{}", preset.label());
            }
        }
        assert_eq!(Preset::from_key("mars"), None);
    }

    #[test]
    fn the_next_fiscal_year_is_the_first_that_has_not_started() {
        let cases = [
            // (today, fiscal year's first month, the next one not started)
            (month(2026, 12), 4, month(2027, 4)),
            (month(2026, 12), 1, month(2027, 1)),
            (month(2027, 3), 4, month(2027, 4)),
            (month(2027, 4), 4, month(2028, 4)),
            (month(2027, 1), 1, month(2028, 1)),
            (month(2027, 5), 4, month(2028, 4)),
            (month(2026, 9), 10, month(2026, 10)),
            (month(2026, 10), 10, month(2027, 10)),
            // Out of range: the nearest month.
            (month(2026, 12), 0, month(2027, 1)),
            (month(2026, 11), 13, month(2026, 12)),
            // No year 10000: the fiscal year under way.
            (month(9999, 6), 4, month(9999, 4)),
        ];
        for (today, fiscal_start, expected) in cases {
            assert_eq!(
                next_fiscal_year_start(today, fiscal_start),
                expected,
                "{today} with fiscal years from month {fiscal_start}"
            );
        }
    }

    #[test]
    fn a_plan_made_in_december_covers_the_next_fiscal_year() {
        let december = month(2026, 12);
        let cases = [
            (
                StartChoice::Preset(Preset::Japan2026),
                month(2027, 4),
                12,
                4,
            ),
            (
                StartChoice::Preset(Preset::UnitedStates2026),
                month(2027, 1),
                12,
                1,
            ),
            (StartChoice::Preset(Preset::Blank), month(2027, 4), 12, 4),
            (StartChoice::Demo, month(2027, 4), 36, 4),
        ];
        for (choice, start, months, fiscal_start) in cases {
            let plan = choice.plan(december);
            assert_eq!(plan.horizon.start, start, "{choice:?}");
            assert_eq!(plan.horizon.months, months, "{choice:?}");
            assert_eq!(plan.fiscal_year_start_month, fiscal_start, "{choice:?}");
            assert_eq!(choice.horizon_start(december), start);
            assert_eq!(plan.base_scenario.as_deref(), Some("Base"), "{choice:?}");
            assert_eq!(validate(&plan), Vec::new(), "{choice:?}");
        }
        assert_eq!(
            StartChoice::Preset(Preset::Japan2026).plan(december),
            Preset::Japan2026.plan(NEW_PLAN_NAME, month(2027, 4))
        );
        assert_eq!(StartChoice::Demo.plan(december), demo_plan(month(2027, 4)));
        // In April the fiscal year has started: the next one.
        let april = StartChoice::Preset(Preset::Japan2026).plan(month(2027, 4));
        assert_eq!(april.horizon.start, month(2028, 4));
    }

    #[test]
    fn the_blank_preset_is_the_blank_plan_of_before() {
        let start = month(2026, 11);
        assert_eq!(
            Preset::Blank.plan("My engineering plan", start),
            Plan::blank("My engineering plan", "JPY", 4, start, 12)
        );
    }

    #[test]
    fn japan_preset_has_domain_figures() {
        let plan = Preset::Japan2026.plan("P", month(2026, 1));
        assert_eq!(
            (plan.currency.as_str(), plan.fiscal_year_start_month),
            ("JPY", 4)
        );
        assert_eq!(plan.horizon.start, month(2026, 1), "starts where asked");
        let people = &plan.scenarios[0].people;
        let rates: Vec<(&str, String, BurdenBasis)> = people
            .burden
            .iter()
            .map(|b| (b.name.as_str(), b.rate_pct.normalize().to_string(), b.basis))
            .collect();
        use BurdenBasis::{HealthGrades as H, PensionGrades as P, Simple as S};
        assert_eq!(
            rates,
            [
                ("Health insurance", "4.925", H),
                ("Long-term care insurance", "0.81", H),
                ("Employees' pension", "9.15", P),
                ("Employment insurance", "0.85", S),
                ("Child-rearing contribution", "0.36", P),
                ("Child-support levy", "0.115", H),
                ("Workers' accident insurance", "0.3", S),
            ]
            .map(|(n, r, b)| (n, r.to_string(), b))
        );
        assert!(people.burden.iter().all(|b| b.on_base && b.on_bonus));
        let care = &people.burden[1];
        assert!(care.age_dependent);
        assert_eq!(care.monthly_pay_cap, Some(dec(1_390_000, 0)));
        assert_eq!(care.bonus_fiscal_year_cap, Some(dec(5_730_000, 0)));
        let pension = &people.burden[2];
        assert_eq!(pension.monthly_pay_cap, Some(dec(650_000, 0)));
        assert_eq!(pension.bonus_payment_cap, Some(dec(1_500_000, 0)));
        let steps: Vec<(String, Option<Decimal>)> = pension
            .schedule
            .iter()
            .map(|s| (s.from.to_string(), s.monthly_pay_cap))
            .collect();
        assert_eq!(
            steps,
            [
                ("2027-09".to_string(), Some(dec(680_000, 0))),
                ("2028-09".to_string(), Some(dec(710_000, 0))),
                ("2029-09".to_string(), Some(dec(750_000, 0))),
            ]
        );
        assert_eq!(people.burden[4].schedule, pension.schedule);
        assert_eq!(
            people
                .bonus_payouts
                .iter()
                .map(|b| (b.month, b.months, b.assessment))
                .collect::<Vec<_>>(),
            [
                (6, dec(8, 1), Some(Assessment { from: 10, to: 3 })),
                (12, dec(8, 1), Some(Assessment { from: 4, to: 9 }))
            ]
        );
        assert_eq!(people.first_bonus, FirstBonus::Prorated);
        assert_eq!((people.raise_pct, people.raise_month), (dec(37, 1), 4));
        assert_eq!(people.recruiting_fee_pct, dec(35, 0));
        assert!(people.attrition.annual_rate_pct.is_zero());
    }

    #[test]
    fn japan_burden_under_40_is_the_sum_of_the_rates_on_the_grade() {
        // ¥6,000,000 a year = ¥500,000 a month: health grade 30 (485,000
        // to 515,000) and pension grade 27, both ¥500,000. May 2026 (month
        // 1): no bonus, no raise (the employee started on 1 April).
        // Health 500,000 × 4.925 % = 24,625; pension × 9.15 % = 45,750;
        // employment × 0.85 % = 4,250; child-rearing × 0.36 % = 1,800;
        // child-support levy × 0.115 % = 575; workers' accident × 0.3 % =
        // 1,500. Sum 78,500 = 500,000 × 15.7 %. No care insurance under 40.
        let plan = with_employee(Preset::Japan2026, month(2026, 4), 6_000_000, false);
        let forecast = forecast_scenario(&plan, 0).expect("forecasts");
        assert_eq!(forecast.month_category(1, Category::Base), 500_000);
        assert_eq!(forecast.month_category(1, Category::Burden), 78_500);
        assert_eq!(burden_of(&plan, 1, "Employees' pension"), 45_750);
        assert_eq!(burden_of(&plan, 1, "Long-term care insurance"), 0);
        // Aged 40 to 64: care insurance 500,000 × 0.81 % = 4,050 more.
        let older = with_employee(Preset::Japan2026, month(2026, 4), 6_000_000, true);
        let forecast = forecast_scenario(&older, 0).expect("forecasts");
        assert_eq!(forecast.month_category(1, Category::Burden), 78_500 + 4_050);
        // June: the first bonus is prorated by the months worked in its
        // assessment period, October 2025 to March 2026: none of 6, so no
        // bonus. December (April to September, all 6 worked): 400,000,
        // whose burden at the same rates makes 900,000 × 15.7 % = 141,300.
        let forecast = forecast_scenario(&plan, 0).expect("forecasts");
        assert_eq!(forecast.month_category(2, Category::Bonus), 0);
        assert_eq!(forecast.month_category(2, Category::Burden), 78_500);
        assert_eq!(forecast.month_category(8, Category::Bonus), 400_000);
        assert_eq!(forecast.month_category(8, Category::Burden), 141_300);
    }

    #[test]
    fn japan_caps_take_effect_on_a_high_salary() {
        // ¥20,000,000 a year: 1,666,666.67 → 1,666,667 a month (May 2026):
        // health's top grade 50, ¥1,390,000 × 4.925 % = 68,457.5 → 68,458;
        // pension's top grade 32, 650,000 × 9.15 % = 59,475; employment
        // 1,666,667 × 0.85 % = 14,166.67 → 14,167; child-rearing 650,000 ×
        // 0.36 % = 2,340; child-support levy 1,390,000 × 0.115 % = 1,598.5
        // → 1,599; workers' accident 1,666,667 × 0.3 % = 5,000.001 →
        // 5,000. Sum 151,039.
        let plan = with_employee(Preset::Japan2026, month(2026, 4), 20_000_000, false);
        assert_eq!(burden_of(&plan, 1, "Health insurance"), 68_458);
        assert_eq!(burden_of(&plan, 1, "Employees' pension"), 59_475);
        assert_eq!(burden_of(&plan, 1, "Child-rearing contribution"), 2_340);
        assert_eq!(burden_of(&plan, 1, "Child-support levy"), 1_599);
        let forecast = forecast_scenario(&plan, 0).expect("forecasts");
        assert_eq!(forecast.month_category(1, Category::Burden), 151_039);
        // ¥30,000,000: the December bonus of 2,000,000 is capped at
        // 1,500,000 for the pension: (650,000 + 1,500,000) × 9.15 % = 196,725.
        let plan = with_employee(Preset::Japan2026, month(2026, 4), 30_000_000, false);
        assert_eq!(burden_of(&plan, 8, "Employees' pension"), 196_725);
    }

    #[test]
    fn united_states_preset_caps_social_security_at_the_wage_base() {
        let plan = with_employee(Preset::UnitedStates2026, month(2026, 1), 240_000, false);
        assert_eq!(validate(&plan), Vec::new());
        assert_eq!(
            (plan.currency.as_str(), plan.fiscal_year_start_month),
            ("USD", 1)
        );
        let people = &plan.scenarios[0].people;
        assert_eq!((people.raise_pct, people.raise_month), (dec(33, 1), 1));
        assert_eq!(people.recruiting_fee_pct, dec(20, 0));
        assert!(people.bonus_payouts.is_empty());
        assert!(plan.scenarios[0].tools.is_empty(), "benefits are per head");
        // $20,000.00 a month: Social Security 6.2 % = $1,240.00 January to
        // September (9 × 20,000 = 180,000 of the 184,500 wage base);
        // October the 4,500 left: $279.00; then nothing until January
        // 2027. Medicare 1.45 % = $290.00 every month. Amounts in cents.
        for m in 0..9 {
            assert_eq!(burden_of(&plan, m, "Social Security"), 124_000, "month {m}");
        }
        assert_eq!(burden_of(&plan, 9, "Social Security"), 27_900);
        assert_eq!(burden_of(&plan, 10, "Social Security"), 0);
        assert_eq!(burden_of(&plan, 11, "Medicare"), 29_000);
        // Benefits: $450.00 a head and month, a per-head cost.
        let forecast = forecast_scenario(&plan, 0).expect("forecasts");
        assert_eq!(forecast.month_category(0, Category::Benefits), 45_000);
        assert_eq!(forecast.month_category(0, Category::Tools), 0);
    }

    #[test]
    fn the_demo_is_a_60_person_organisation_with_two_scenarios() {
        let start = month(2026, 4);
        let plan = demo_plan(start);
        assert_eq!(validate(&plan), Vec::new());
        assert_eq!(plan, demo_plan(start), "deterministic");
        assert_eq!(plan.name, "Demo engineering plan");
        assert_eq!(plan.horizon.months, 36);
        assert_eq!(plan.currency, "JPY");
        let names: Vec<&str> = plan.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Base", "Aggressive"]);
        assert_eq!(plan.base_scenario.as_deref(), Some("Base"), "named");
        let (base, aggressive) = (&plan.scenarios[0], &plan.scenarios[1]);
        assert_eq!(base.positions.len(), 60);
        assert!((55..=65).contains(&base.positions.len()));
        assert_eq!(aggressive.positions.len(), 70);
        let count = |f: &dyn Fn(&Position) -> bool| base.positions.iter().filter(|p| f(p)).count();
        assert_eq!(count(&|p| p.status == PositionStatus::Filled), 41);
        assert_eq!(count(&|p| p.status == PositionStatus::Open), 8);
        assert_eq!(count(&|p| p.status == PositionStatus::Planned), 11);
        assert_eq!(count(&|p| p.employment == Employment::Contractor), 2);
        assert_eq!(count(&|p| p.end.is_some()), 3);
        assert_eq!(base.teams.len(), 5);
        assert_eq!(base.bands.len(), 7);
        assert_eq!(base.cloud.lines.len(), 4);
        assert!(
            base.cloud
                .lines
                .iter()
                .all(|l| l.monthly_growth_pct == dec(21, 1))
        );
        // The Japan preset's people costs, plus the demo's attrition and
        // per-hire, training figures.
        let japan = Preset::Japan2026.plan("", start).scenarios.remove(0).people;
        assert_eq!(base.people.burden, japan.burden);
        assert_eq!(base.people.bonus_payouts, japan.bonus_payouts);
        assert_eq!(base.people.raise_pct, japan.raise_pct);
        assert_eq!(base.people.recruiting_fee_pct, japan.recruiting_fee_pct);
        // Every filled salary is inside its level's band.
        for p in base
            .positions
            .iter()
            .filter(|p| p.employment == Employment::Employee)
        {
            let band = base.band_for(&p.level, None).expect("a band");
            let salary = base.annual_base_of(p).expect("a salary");
            assert!(
                band.min <= salary && salary <= band.max,
                "{}: {salary}",
                p.title
            );
        }
        let base_total = forecast_scenario(&plan, 0).expect("forecasts").total();
        let aggressive_total = forecast_scenario(&plan, 1).expect("forecasts").total();
        assert!(base_total > 0);
        assert!(aggressive_total > base_total);
    }
}
