//! The plan: what a user states. Everything the engine computes comes from it.
//!
//! Money and percentages are `Decimal`s, written as JSON strings in plan
//! files. Percentages are in percent units: `4.955` means 4.955 %. Teams and
//! levels are referenced by name; [`Scenario::rename_team`] keeps references
//! in step.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::accounts::Accounts;
use super::actuals::Actuals;
use super::date::{Date, YearMonth};
use super::decimal_serde;
use super::money::Currency;
use super::problem::Problem;

/// The career ladder a blank scenario starts with, lowest level first.
pub const DEFAULT_LEVELS: [&str; 7] = [
    "Junior",
    "Mid",
    "Senior",
    "Staff",
    "Tech Lead",
    "Engineering Manager",
    "Director",
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub name: String,
    /// ISO 4217 code, such as "JPY" or "USD".
    pub currency: String,
    /// The month a fiscal year starts: 4 for April (2026年度 = Apr 2026 to Mar 2027).
    pub fiscal_year_start_month: u8,
    pub horizon: Horizon,
    pub scenarios: Vec<Scenario>,
    /// The name of the scenario the others are compared with. A new plan
    /// names its first scenario; `None` (a file written before plans named
    /// their base) means the first (see [`Plan::base_index`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_scenario: Option<String>,
    /// The roster import's column mapping, remembered for the next import
    /// of the same kind of file: a header's key (`format::values::key`) →
    /// the field it fills (`title`, `annual_base`, …). Only the headers the
    /// person mapped themselves (docs/csv.md, "Column mapping").
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub roster_columns: std::collections::BTreeMap<String, String>,
    /// What really happened, for every scenario alike (docs/actuals.md).
    #[serde(default, skip_serializing_if = "Actuals::is_empty")]
    pub actuals: Actuals,
}

/// The months the plan covers: `months` consecutive months from `start`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    pub start: YearMonth,
    /// 1 to 120.
    pub months: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub teams: Vec<Team>,
    /// The career ladder, lowest level first.
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub bands: Vec<SalaryBand>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub people: PeopleCosts,
    #[serde(default)]
    pub tools: Vec<Tool>,
    #[serde(default)]
    pub other_costs: Vec<OtherCost>,
    #[serde(default)]
    pub cloud: Cloud,
    /// What-if changes the engine applies on top of the scenario's own
    /// figures, which stay as stated (docs/model.md, "What-if adjustments").
    #[serde(default, skip_serializing_if = "Adjustments::is_none")]
    pub adjustments: Adjustments,
    /// The day the scenario was locked; `Some` means locked (the planner
    /// refuses edits to it until it is unlocked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_on: Option<Date>,
    /// The accounts (勘定科目) its costs book under; absent when unset.
    #[serde(default, skip_serializing_if = "Accounts::is_empty")]
    pub accounts: Accounts,
    /// The rates its foreign-currency costs are converted at: for each
    /// currency, a rate from a month on (a step path). docs/model.md,
    /// "Costs in other currencies".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRate>,
}

/// One step of a currency's rate path: from `from` on (until the next
/// step of the same currency), one unit of `currency` costs `rate` units of
/// the plan's currency (152.30 yen a dollar). Exact to 6 decimals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// ISO 4217 code of the foreign currency, such as "USD".
    pub currency: String,
    pub from: YearMonth,
    #[serde(with = "decimal_serde")]
    pub rate: Decimal,
}

/// What-if changes to a scenario, applied by the engine to a copy of it
/// ([`adjusted_scenario`](super::adjust::adjusted_scenario)). All neutral by
/// default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adjustments {
    /// Every hire (open or planned position) starts and ends this many
    /// months later (earlier when negative), as [`Scenario::shift_hires`].
    #[serde(default)]
    pub hire_slip_months: i32,
    /// Percentage points added to every cloud line's monthly growth.
    #[serde(default, with = "decimal_serde")]
    pub cloud_growth_points: Decimal,
    /// Percentage points added to the yearly raise.
    #[serde(default, with = "decimal_serde")]
    pub raise_points: Decimal,
    /// Replaces the annual attrition rate of the scenario and of every team
    /// that overrides it (backfill lags stay).
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub attrition_pct: Option<Decimal>,
    /// Percent every exchange rate of the scenario moves by (+10: the yen
    /// 10 % weaker, a dollar costs 10 % more yen).
    #[serde(
        default,
        with = "decimal_serde",
        skip_serializing_if = "Decimal::is_zero"
    )]
    pub fx_pct: Decimal,
}

impl Adjustments {
    /// Whether every adjustment is neutral: the scenario is forecast as stated.
    pub fn is_none(&self) -> bool {
        self.hire_slip_months == 0
            && self.cloud_growth_points.is_zero()
            && self.raise_points.is_zero()
            && self.attrition_pct.is_none()
            && self.fx_pct.is_zero()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    /// Overrides the scenario's attrition for this team's positions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attrition: Option<Attrition>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryBand {
    pub level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(with = "decimal_serde")]
    pub min: Decimal,
    #[serde(with = "decimal_serde")]
    pub mid: Decimal,
    #[serde(with = "decimal_serde")]
    pub max: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionStatus {
    /// Someone holds the position.
    Filled,
    /// Being recruited: a hire.
    Open,
    /// Budgeted, recruiting not started: a hire.
    Planned,
}

impl PositionStatus {
    /// Open and planned positions are hires: they book recruiting costs.
    pub fn is_hire(self) -> bool {
        matches!(self, Self::Open | Self::Planned)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Filled => "filled",
            Self::Open => "open",
            Self::Planned => "planned",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    Employee,
    /// No bonus, burden, raises or attrition: the contract price is the cost.
    Contractor,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub id: String,
    pub title: String,
    pub team: String,
    pub level: String,
    pub status: PositionStatus,
    pub employment: Employment,
    /// Annual base salary at full time; the band's midpoint when `None`.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub annual_base: Option<Decimal>,
    /// 0 < FTE ≤ 1, at most 6 decimals.
    #[serde(with = "decimal_serde")]
    pub fte: Decimal,
    /// First day of work (inclusive).
    pub start: Date,
    /// Last day of work (inclusive); `None` for open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Overrides the scenario's recruiting fee %.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub recruiting_fee_pct: Option<Decimal>,
    /// Whether age-dependent burden components apply (Japan's care insurance, ages 40 to 64).
    #[serde(default)]
    pub age_dependent_burden: bool,
    /// Selects a location-specific salary band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Monthly base pay (月給) at full time, for pay stated by the month:
    /// the annual base is 12 × this. At most one of `annual_base` and
    /// `monthly_base` is set; the plan keeps the one entered.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub monthly_base: Option<Decimal>,
    /// Fixed monthly allowances (commuting 通勤手当, fixed overtime
    /// 固定残業代, housing 住宅手当, ...): paid every month, counted in
    /// Japan's standard monthly remuneration, never raised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowances: Vec<Allowance>,
}

/// A fixed monthly allowance of a position, booked under base pay as its
/// own ledger component.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowance {
    pub name: String,
    /// The amount of a whole month.
    #[serde(with = "decimal_serde")]
    pub monthly: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleCosts {
    /// Employer burden components (social insurance, payroll taxes).
    #[serde(default)]
    pub burden: Vec<BurdenComponent>,
    #[serde(default)]
    pub bonus_payouts: Vec<BonusPayout>,
    /// Yearly raise, in percent, compounding.
    #[serde(with = "decimal_serde", default)]
    pub raise_pct: Decimal,
    /// The month (1 to 12) raises take effect.
    #[serde(default = "default_raise_month")]
    pub raise_month: u8,
    /// Agency fee, percent of the hire's annual base × FTE.
    #[serde(with = "decimal_serde", default)]
    pub recruiting_fee_pct: Decimal,
    #[serde(default)]
    pub per_hire: PerHire,
    #[serde(default)]
    pub attrition: Attrition,
    /// Training budget per head and year, charged monthly.
    #[serde(with = "decimal_serde", default)]
    pub training_per_head_annual: Decimal,
    /// Monthly costs per head (benefits, DC pension, welfare), category
    /// *benefits*.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per_head: Vec<PerHeadCost>,
    /// What a new hire gets from the first bonus payouts.
    #[serde(default, skip_serializing_if = "FirstBonus::is_full")]
    pub first_bonus: FirstBonus,
}

/// A monthly cost per head: benefits, defined-contribution pension
/// (企業型DC), welfare. Booked in full for every month a position is
/// active, × (1 − vacancy) for employees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerHeadCost {
    pub name: String,
    #[serde(with = "decimal_serde")]
    pub monthly: Decimal,
    /// The ISO code of the currency its amounts are stated in, when not
    /// the plan's (docs/model.md, "Costs in other currencies").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The teams whose positions it applies to; empty means every team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    /// Whether contractors get it too.
    #[serde(default)]
    pub contractors: bool,
}

/// A new hire's first bonus (docs/model.md, "Bonuses").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirstBonus {
    /// Every payout in full for anyone active on its month's first day.
    #[default]
    Full,
    /// × the whole months worked in the payout's assessment period ÷ its length.
    Prorated,
    /// Nothing from a payout whose assessment period was not worked whole.
    NoneBeforeFirstPayout,
}

impl FirstBonus {
    pub const ALL: [FirstBonus; 3] = [Self::Full, Self::Prorated, Self::NoneBeforeFirstPayout];

    pub fn is_full(&self) -> bool {
        *self == Self::Full
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Prorated => "prorated",
            Self::NoneBeforeFirstPayout => "none_before_first_payout",
        }
    }
}

fn default_raise_month() -> u8 {
    4
}

impl PeopleCosts {
    /// The assessment period of bonus payout `index`: the one it states,
    /// else the 6 months before the payout (as the engine reads it).
    pub fn assessment_of(&self, index: usize) -> Option<Assessment> {
        let payout = self.bonus_payouts.get(index)?;
        Some(payout.assessment.unwrap_or_else(|| {
            let back = |n: u16| ((u16::from(payout.month) + 11 - n) % 12 + 1) as u8;
            Assessment {
                from: back(6),
                to: back(1),
            }
        }))
    }
}

impl Default for PeopleCosts {
    fn default() -> Self {
        Self {
            burden: Vec::new(),
            bonus_payouts: Vec::new(),
            raise_pct: Decimal::ZERO,
            raise_month: default_raise_month(),
            recruiting_fee_pct: Decimal::ZERO,
            per_hire: PerHire::default(),
            attrition: Attrition::default(),
            training_per_head_annual: Decimal::ZERO,
            per_head: Vec::new(),
            first_bonus: FirstBonus::Full,
        }
    }
}

/// One employer burden component: a rate on base pay and/or bonuses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BurdenComponent {
    pub name: String,
    #[serde(with = "decimal_serde")]
    pub rate_pct: Decimal,
    #[serde(default)]
    pub on_base: bool,
    #[serde(default)]
    pub on_bonus: bool,
    /// The most of one month's base pay the rate applies to.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub monthly_pay_cap: Option<Decimal>,
    /// The most of one bonus payment the rate applies to.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonus_payment_cap: Option<Decimal>,
    /// The most of a fiscal year's bonuses (cumulative) the rate applies to.
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonus_fiscal_year_cap: Option<Decimal>,
    /// The most of a year's pay (cumulative) the rate applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_pay_cap: Option<AnnualCap>,
    /// Applies only to positions with `age_dependent_burden`.
    #[serde(default)]
    pub age_dependent: bool,
    /// What the rate applies to: pay as booked (`simple`), or Japan's
    /// standard monthly remuneration grades (docs/model.md, "Graded mode").
    #[serde(default, skip_serializing_if = "BurdenBasis::is_simple")]
    pub basis: BurdenBasis,
    /// Changes of the rate and caps from a month on, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<BurdenStep>,
}

/// How a burden component finds the amount its rate applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BurdenBasis {
    /// Rate × the month's pay as booked (prorated base and allowances) and
    /// bonuses, within the caps.
    #[default]
    Simple,
    /// Japan's health insurance grades (50 grades, 協会けんぽ): also care
    /// insurance and the child-support levy.
    HealthGrades,
    /// Japan's employees' pension grades: also the child-rearing contribution.
    PensionGrades,
}

impl BurdenBasis {
    pub const ALL: [BurdenBasis; 3] = [Self::Simple, Self::HealthGrades, Self::PensionGrades];

    pub fn is_simple(&self) -> bool {
        *self == Self::Simple
    }

    pub fn is_graded(self) -> bool {
        self != Self::Simple
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Simple => "simple",
            Self::HealthGrades => "health_grades",
            Self::PensionGrades => "pension_grades",
        }
    }
}

/// From `from` on, the listed values replace the component's (a value not
/// listed stays as it was).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BurdenStep {
    pub from: YearMonth,
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate_pct: Option<Decimal>,
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub monthly_pay_cap: Option<Decimal>,
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonus_payment_cap: Option<Decimal>,
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonus_fiscal_year_cap: Option<Decimal>,
    /// Replaces the amount of `annual_pay_cap` (its period stays).
    #[serde(
        default,
        with = "decimal_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub annual_pay_cap: Option<Decimal>,
}

impl BurdenComponent {
    /// A component at `rate_pct` on base pay and bonuses, with no cap and no
    /// age condition: the starting point for every preset and test.
    pub fn uncapped(name: impl Into<String>, rate_pct: Decimal) -> Self {
        Self {
            name: name.into(),
            rate_pct,
            on_base: true,
            on_bonus: true,
            monthly_pay_cap: None,
            bonus_payment_cap: None,
            bonus_fiscal_year_cap: None,
            annual_pay_cap: None,
            age_dependent: false,
            basis: BurdenBasis::Simple,
            schedule: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualCap {
    #[serde(with = "decimal_serde")]
    pub amount: Decimal,
    pub period: CapPeriod,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapPeriod {
    CalendarYear,
    FiscalYear,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BonusPayout {
    /// Calendar month of the payout, 1 to 12.
    pub month: u8,
    /// Months of monthly base pay, such as 0.8.
    #[serde(with = "decimal_serde")]
    pub months: Decimal,
    /// The assessment period (算定期間) the payout rewards, for a new
    /// hire's first bonus; the 6 months before the payout when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
}

/// Calendar months `from` to `to` (1 to 12, inclusive, wrapping over the
/// year end: October to March is 6 months), the last such run ending in or
/// before the payout month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub from: u8,
    pub to: u8,
}

impl Assessment {
    /// Months in the period, 1 to 12.
    pub fn months(self) -> u8 {
        (self.to + 12 - self.from) % 12 + 1
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerHire {
    #[serde(with = "decimal_serde", default)]
    pub equipment: Decimal,
    #[serde(with = "decimal_serde", default)]
    pub onboarding: Decimal,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attrition {
    /// Share of employees leaving per year, in percent.
    #[serde(with = "decimal_serde", default)]
    pub annual_rate_pct: Decimal,
    /// Months a seat stays empty before its backfill starts.
    #[serde(default)]
    pub backfill_lag_months: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    #[serde(with = "decimal_serde")]
    pub monthly_per_seat: Decimal,
    /// The ISO code of the currency its amounts are stated in, when not
    /// the plan's (docs/model.md, "Costs in other currencies").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The teams whose positions need a seat; empty means every position.
    #[serde(default)]
    pub teams: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OtherCostKind {
    /// `amount` every month from `start` to `end`.
    Monthly,
    /// `amount` once, in `start`.
    OneOff,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherCost {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    pub kind: OtherCostKind,
    #[serde(with = "decimal_serde")]
    pub amount: Decimal,
    /// The ISO code of the currency its amounts are stated in, when not
    /// the plan's (docs/model.md, "Costs in other currencies").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// First month of a monthly line; the month of a one-off.
    pub start: YearMonth,
    /// Last month of a monthly line (inclusive); ignored for one-offs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<YearMonth>,
    /// Monthly lines rise by this percent on each anniversary of `start`.
    #[serde(with = "decimal_serde", default)]
    pub yearly_escalation_pct: Decimal,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cloud {
    #[serde(default)]
    pub lines: Vec<CloudLine>,
    /// Development environments and CI, per active FTE and month.
    #[serde(with = "decimal_serde", default)]
    pub per_engineer_monthly: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloudCategory {
    Compute,
    Storage,
    Data,
    Observability,
    Network,
    Other,
}

impl CloudCategory {
    pub const ALL: [CloudCategory; 6] = [
        Self::Compute,
        Self::Storage,
        Self::Data,
        Self::Observability,
        Self::Network,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Compute => "compute",
            Self::Storage => "storage",
            Self::Data => "data",
            Self::Observability => "observability",
            Self::Network => "network",
            Self::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CloudLine {
    pub name: String,
    pub category: CloudCategory,
    /// On-demand cost of the horizon's first month.
    #[serde(with = "decimal_serde")]
    pub on_demand_monthly: Decimal,
    /// The ISO code of the currency its amounts are stated in, when not
    /// the plan's (docs/model.md, "Costs in other currencies").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Compounding monthly growth, percent; above −100.
    #[serde(with = "decimal_serde", default)]
    pub monthly_growth_pct: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<Commitment>,
    #[serde(default)]
    pub savings: Vec<Saving>,
    #[serde(default)]
    pub one_offs: Vec<OneOff>,
}

impl CloudLine {
    /// The yearly growth the monthly growth compounds to, in percent,
    /// rounded to 2 decimals: 2.1 % a month is 28.32 % a year.
    pub fn annual_growth_pct(&self) -> Option<Decimal> {
        let hundred = Decimal::ONE_HUNDRED;
        let factor = Decimal::ONE.checked_add(self.monthly_growth_pct.checked_div(hundred)?)?;
        let mut yearly = Decimal::ONE;
        for _ in 0..12 {
            yearly = yearly.checked_mul(factor)?;
        }
        let pct = yearly.checked_sub(Decimal::ONE)?.checked_mul(hundred)?;
        Some(pct.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
    }
}

/// Committed-use discount: effective = on-demand × (1 − coverage × discount).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    #[serde(with = "decimal_serde")]
    pub coverage_pct: Decimal,
    #[serde(with = "decimal_serde")]
    pub discount_pct: Decimal,
    pub start: YearMonth,
}

/// A savings initiative: the line costs `pct` % less from `start` on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saving {
    pub name: String,
    #[serde(with = "decimal_serde")]
    pub pct: Decimal,
    pub start: YearMonth,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneOff {
    pub month: YearMonth,
    #[serde(with = "decimal_serde")]
    pub amount: Decimal,
    #[serde(default)]
    pub note: String,
}

impl Plan {
    /// A plan with one empty scenario named "Base", named as the base, the
    /// default ladder and zero rates everywhere.
    pub fn blank(
        name: impl Into<String>,
        currency: impl Into<String>,
        fiscal_year_start_month: u8,
        horizon_start: YearMonth,
        months: u16,
    ) -> Self {
        Self {
            name: name.into(),
            currency: currency.into(),
            fiscal_year_start_month,
            horizon: Horizon {
                start: horizon_start,
                months,
            },
            scenarios: vec![Scenario::blank("Base")],
            base_scenario: Some("Base".to_string()),
            roster_columns: Default::default(),
            actuals: Actuals::default(),
        }
    }

    /// The plan's currency, if its code is known.
    pub fn currency(&self) -> Option<Currency> {
        Currency::from_code(&self.currency)
    }

    /// Digits of the currency's minor unit (0 for an unknown code).
    pub fn currency_exponent(&self) -> u32 {
        self.currency().map_or(0, Currency::exponent)
    }

    /// The months of the horizon, in order (fewer if it runs past year 9999).
    pub fn months(&self) -> Vec<YearMonth> {
        (0..i32::from(self.horizon.months))
            .map_while(|m| self.horizon.start.add_months(m))
            .collect()
    }

    pub fn scenario_index(&self, name: &str) -> Option<usize> {
        self.scenarios.iter().position(|s| s.name == name)
    }

    /// Whether, for scenario `scenario`, `other` is this plan with at most
    /// position `index` changed: the condition for updating a forecast
    /// position by position instead of recomputing it.
    pub fn differs_only_in_position(&self, other: &Plan, scenario: usize, index: usize) -> bool {
        let (Some(a), Some(b)) = (self.scenarios.get(scenario), other.scenarios.get(scenario))
        else {
            return false;
        };
        self.currency == other.currency
            && self.fiscal_year_start_month == other.fiscal_year_start_month
            && self.horizon == other.horizon
            && a.name == b.name
            && a.teams == b.teams
            && a.levels == b.levels
            && a.bands == b.bands
            && a.people == b.people
            && a.tools == b.tools
            && a.other_costs == b.other_costs
            && a.cloud == b.cloud
            && a.adjustments == b.adjustments
            && a.exchange_rates == b.exchange_rates
            && a.positions.len() == b.positions.len()
            && a.positions
                .iter()
                .zip(&b.positions)
                .enumerate()
                .all(|(i, (x, y))| i == index || x == y)
    }

    /// Renames a team of scenario `scenario` ([`Scenario::rename_team`]).
    /// The actuals, which are the plan's and name teams, follow the new name
    /// unless another scenario still has a team of the old name (they are
    /// then that team's too).
    pub fn rename_team(&mut self, scenario: usize, old: &str, new: &str) -> Result<(), Problem> {
        let Some(target) = self.scenarios.get_mut(scenario) else {
            return Err(Problem::NoSuchScenario {
                number: scenario + 1,
            });
        };
        target.rename_team(old, new)?;
        let still_named = self
            .scenarios
            .iter()
            .any(|s| s.teams.iter().any(|t| t.name == old));
        if !still_named {
            self.actuals.rename_team(old, new);
        }
        Ok(())
    }

    /// Whether `other` is this plan with other actuals only: no forecast
    /// changes (actuals are read beside forecasts, never by them).
    pub fn differs_only_in_actuals(&self, other: &Plan) -> bool {
        self.name == other.name
            && self.currency == other.currency
            && self.fiscal_year_start_month == other.fiscal_year_start_month
            && self.horizon == other.horizon
            && self.base_scenario == other.base_scenario
            && self.roster_columns == other.roster_columns
            && self.scenarios == other.scenarios
    }
}

impl Scenario {
    /// An empty scenario with the default ladder and zero rates.
    pub fn blank(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            teams: Vec::new(),
            levels: DEFAULT_LEVELS.iter().map(|l| (*l).to_string()).collect(),
            bands: Vec::new(),
            positions: Vec::new(),
            people: PeopleCosts::default(),
            tools: Vec::new(),
            other_costs: Vec::new(),
            cloud: Cloud::default(),
            adjustments: Adjustments::default(),
            locked_on: None,
            accounts: Accounts::default(),
            exchange_rates: Vec::new(),
        }
    }

    pub fn position(&self, id: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == id)
    }

    pub fn position_mut(&mut self, id: &str) -> Option<&mut Position> {
        self.positions.iter_mut().find(|p| p.id == id)
    }

    pub fn team_index(&self, name: &str) -> Option<usize> {
        self.teams.iter().position(|t| t.name == name)
    }

    /// Adds a team with this name unless one exists.
    pub fn ensure_team(&mut self, name: &str) {
        if self.team_index(name).is_none() {
            self.teams.push(Team {
                name: name.to_string(),
                attrition: None,
            });
        }
    }

    /// Renames a team and every reference to it (positions, tools, other
    /// costs). Refuses an empty name or one another team already has.
    pub fn rename_team(&mut self, old: &str, new: &str) -> Result<(), Problem> {
        let new = new.trim();
        if new.is_empty() {
            return Err(Problem::TeamNeedsName);
        }
        if old == new {
            return Ok(());
        }
        if self.team_index(new).is_some() {
            return Err(Problem::TeamExists {
                name: new.to_string(),
            });
        }
        let Some(index) = self.team_index(old) else {
            return Err(Problem::NoTeamNamed {
                name: old.to_string(),
            });
        };
        if let Some(team) = self.teams.get_mut(index) {
            team.name = new.to_string();
        }
        for position in self.positions.iter_mut().filter(|p| p.team == old) {
            position.team = new.to_string();
        }
        for tool in &mut self.tools {
            for team in tool.teams.iter_mut().filter(|t| t.as_str() == old) {
                *team = new.to_string();
            }
        }
        for cost in &mut self.other_costs {
            if cost.team.as_deref() == Some(old) {
                cost.team = Some(new.to_string());
            }
        }
        Ok(())
    }

    /// Removes a team that nothing refers to. Refuses (and changes nothing)
    /// while positions, tools or other costs name it.
    pub fn remove_team(&mut self, name: &str) -> Result<Team, Problem> {
        let index = self.team_index(name).ok_or_else(|| Problem::NoTeamNamed {
            name: name.to_string(),
        })?;
        let positions = self.positions.iter().filter(|p| p.team == name).count();
        let used = self.tools.iter().any(|t| t.teams.iter().any(|n| n == name))
            || self
                .other_costs
                .iter()
                .any(|c| c.team.as_deref() == Some(name));
        if positions > 0 {
            return Err(Problem::TeamHasPositions {
                name: name.to_string(),
                positions,
            });
        }
        if used {
            return Err(Problem::TeamStillNamed {
                name: name.to_string(),
            });
        }
        Ok(self.teams.remove(index))
    }

    /// Adds a filled, full-time employee position at the ladder's "Mid"
    /// level (or its first level), creating the team if needed; returns its id.
    pub fn add_position(
        &mut self,
        title: impl Into<String>,
        team: impl Into<String>,
        annual_base: Decimal,
        start: Date,
    ) -> String {
        let team = team.into();
        self.ensure_team(&team);
        let level = if self.levels.iter().any(|l| l == "Mid") {
            "Mid".to_string()
        } else if let Some(first) = self.levels.first() {
            first.clone()
        } else {
            self.levels.push("Mid".to_string());
            "Mid".to_string()
        };
        let id = self.next_position_id();
        self.positions.push(Position {
            id: id.clone(),
            title: title.into(),
            team,
            level,
            status: PositionStatus::Filled,
            employment: Employment::Employee,
            annual_base: Some(annual_base),
            fte: Decimal::ONE,
            start,
            end: None,
            recruiting_fee_pct: None,
            age_dependent_burden: false,
            location: None,
            monthly_base: None,
            allowances: Vec::new(),
        });
        id
    }

    /// A fresh id of the form `p<n>`: one past the highest `p<n>` in use, so
    /// adding to a 5,000-position roster stays linear.
    pub fn next_position_id(&self) -> String {
        let highest = self
            .positions
            .iter()
            .filter_map(|p| p.id.strip_prefix('p')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("p{}", highest.saturating_add(1))
    }

    /// Inserts a copy of the position right after it, with a fresh id and
    /// "(copy)" after its title; returns the new id.
    pub fn duplicate_position(&mut self, id: &str) -> Option<String> {
        let index = self.positions.iter().position(|p| p.id == id)?;
        let mut copy = self.positions.get(index)?.clone();
        copy.id = self.next_position_id();
        copy.title = format!("{} (copy)", copy.title);
        let new_id = copy.id.clone();
        self.positions.insert(index + 1, copy);
        Some(new_id)
    }

    /// Puts a removed position back at `index` (or at the end), for undoing a
    /// delete. Its team is recreated if it was deleted since, and it gets a
    /// fresh id if its old one was taken meanwhile. Returns its id.
    pub fn restore_position(&mut self, index: usize, mut position: Position) -> String {
        self.ensure_team(&position.team);
        if !self.levels.contains(&position.level) {
            self.levels.push(position.level.clone());
        }
        if self.position(&position.id).is_some() {
            position.id = self.next_position_id();
        }
        let id = position.id.clone();
        self.positions
            .insert(index.min(self.positions.len()), position);
        id
    }

    /// Moves every hire (open or planned position) of `team` (or of every
    /// team) by `months`, start and end date alike. Filled positions stay.
    /// Returns how many moved; a date that would leave the calendar leaves
    /// the position where it is.
    pub fn shift_hires(&mut self, team: Option<&str>, months: i32) -> usize {
        let mut moved = 0;
        for p in self
            .positions
            .iter_mut()
            .filter(|p| p.status.is_hire() && team.is_none_or(|t| p.team == t))
        {
            let start = p.start.add_months(months);
            let end = p.end.map(|e| e.add_months(months));
            if let (Some(start), None | Some(Some(_))) = (start, end) {
                p.start = start;
                p.end = end.flatten();
                moved += 1;
            }
        }
        moved
    }

    /// Sets (or with `None` clears) the recruiting fee override of every
    /// position of `team` (or of every team). Returns how many changed.
    pub fn set_recruiting_fee(&mut self, team: Option<&str>, pct: Option<Decimal>) -> usize {
        let mut changed = 0;
        for p in self
            .positions
            .iter_mut()
            .filter(|p| team.is_none_or(|t| p.team == t))
        {
            if p.recruiting_fee_pct != pct {
                p.recruiting_fee_pct = pct;
                changed += 1;
            }
        }
        changed
    }

    /// Removes and returns the position with this id.
    pub fn remove_position(&mut self, id: &str) -> Option<Position> {
        let index = self.positions.iter().position(|p| p.id == id)?;
        Some(self.positions.remove(index))
    }

    /// The band for a level and location, falling back to the level's band
    /// without location.
    pub fn band_for(&self, level: &str, location: Option<&str>) -> Option<&SalaryBand> {
        let exact = location.and_then(|loc| {
            self.bands
                .iter()
                .find(|b| b.level == level && b.location.as_deref() == Some(loc))
        });
        exact.or_else(|| {
            self.bands
                .iter()
                .find(|b| b.level == level && b.location.is_none())
        })
    }

    /// The position's annual base: its own (12 × its monthly base when pay
    /// is stated by the month), or its band's midpoint.
    pub fn annual_base_of(&self, position: &Position) -> Option<Decimal> {
        position
            .annual_base
            .or_else(|| {
                position
                    .monthly_base
                    .and_then(|m| m.checked_mul(Decimal::from(12)))
            })
            .or_else(|| {
                self.band_for(&position.level, position.location.as_deref())
                    .map(|b| b.mid)
            })
    }
}

impl Position {
    /// Sets the fixed monthly allowance named `name` (trimmed): replaces
    /// the amount of the one of that name, or adds it at the end; zero
    /// removes it. The API the roster import's allowance columns use.
    pub fn set_allowance(&mut self, name: &str, monthly: Decimal) {
        let name = name.trim();
        let existing = self.allowances.iter().position(|a| a.name == name);
        match (existing, monthly.is_zero()) {
            (Some(i), true) => {
                self.allowances.remove(i);
            }
            (Some(i), false) => {
                if let Some(a) = self.allowances.get_mut(i) {
                    a.monthly = monthly;
                }
            }
            (None, true) => {}
            (None, false) => self.allowances.push(Allowance {
                name: name.to_string(),
                monthly,
            }),
        }
    }

    /// The amount of the allowance named `name`, if the position has one.
    pub fn allowance(&self, name: &str) -> Option<Decimal> {
        self.allowances
            .iter()
            .find(|a| a.name == name.trim())
            .map(|a| a.monthly)
    }

    /// The sum of the position's fixed monthly allowances.
    pub fn allowances_total(&self) -> Decimal {
        self.allowances
            .iter()
            .fold(Decimal::ZERO, |sum, a| sum.saturating_add(a.monthly))
    }

    /// States the pay as a monthly base (月給), clearing the annual base.
    pub fn set_monthly_base(&mut self, monthly: Decimal) {
        self.monthly_base = Some(monthly);
        self.annual_base = None;
    }

    /// States the pay as an annual base (年間基本給), clearing the monthly one.
    pub fn set_annual_base(&mut self, annual: Option<Decimal>) {
        self.annual_base = annual;
        self.monthly_base = None;
    }

    /// Restates the pay by the month (`monthly`) or by the year without
    /// changing it: a monthly base becomes 12 × it; an annual base becomes
    /// a monthly one only when it is twelve equal amounts in whole minor
    /// units (`exponent` decimals), since a rounded 月給 would change the
    /// salary. `false`, and nothing changed, when it does not divide or
    /// the pay is not stated (the band's midpoint).
    pub fn restate_base(&mut self, monthly: bool, exponent: u32) -> bool {
        match (monthly, self.annual_base, self.monthly_base) {
            (true, None, Some(_)) | (false, Some(_), None) => true,
            (true, Some(annual), _) => {
                let twelve = Decimal::from(12);
                let Some(month) = annual.checked_div(twelve) else {
                    return false;
                };
                let month = month.round_dp(exponent);
                if month.checked_mul(twelve) != Some(annual) {
                    return false;
                }
                self.set_monthly_base(month.normalize());
                true
            }
            (false, None, Some(month)) => match month.checked_mul(Decimal::from(12)) {
                Some(annual) => {
                    self.set_annual_base(Some(annual.normalize()));
                    true
                }
                None => false,
            },
            _ => false,
        }
    }
}
