//! What is wrong, as data: every [`PlanError`](super::PlanError) carries a
//! [`Problem`] with the figures and names its message needs, so a UI can
//! write the message in its own language (`i18n::problems`). The model's
//! English message is the problem's [`Display`](fmt::Display); the CLI and
//! the tests read that text, so it does not change.

use rust_decimal::Decimal;
use std::fmt;

use super::date::{Date, YearMonth};
use super::summary::FiscalYear;

/// A kind of thing in a plan that has a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Named {
    Scenario,
    Team,
    Level,
    Tool,
    Cost,
    CloudLine,
    SavingsInitiative,
    /// A position's name is its title.
    Position,
    BurdenComponent,
    /// A position's fixed monthly allowance.
    Allowance,
    /// A monthly cost per head (benefits, DC pension, welfare).
    PerHeadCost,
}

impl Named {
    /// The English noun: "cloud line".
    pub fn noun(self) -> &'static str {
        match self {
            Named::Scenario => "scenario",
            Named::Team => "team",
            Named::Level => "level",
            Named::Tool => "tool",
            Named::Cost => "cost",
            Named::CloudLine => "cloud line",
            Named::SavingsInitiative => "savings initiative",
            Named::Position => "position",
            Named::BurdenComponent => "burden component",
            Named::Allowance => "allowance",
            Named::PerHeadCost => "per-head cost",
        }
    }
}

/// A figure whose decimals are limited ([`MAX_RATE_DECIMALS`](super::validate::MAX_RATE_DECIMALS)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    Percentage,
    Fte,
    /// A bonus payout's months of pay.
    Months,
    /// A what-if adjustment in percentage points.
    Points,
    /// An exchange rate.
    Rate,
}

impl Quantity {
    /// The English with its article: "a percentage", "an FTE".
    fn english(self) -> &'static str {
        match self {
            Quantity::Percentage => "a percentage",
            Quantity::Fte => "an FTE",
            Quantity::Months => "a number of months",
            Quantity::Points => "a number of points",
            Quantity::Rate => "an exchange rate",
        }
    }
}

/// What a change of salaries or of cloud costs across the board (next
/// year's plan) is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeOf {
    Salaries,
    CloudCosts,
}

impl ChangeOf {
    /// The English noun: "cloud costs".
    pub fn english(self) -> &'static str {
        match self {
            ChangeOf::Salaries => "salaries",
            ChangeOf::CloudCosts => "cloud costs",
        }
    }
}

/// What is wrong with a plan (or with a request about it), with the figures
/// and names the message needs. Numbers of scenarios, positions and months
/// are 1-based, as the messages say them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // The plan.
    /// There is no scenario `number`.
    NoSuchScenario {
        number: usize,
    },
    PlanNeedsName,
    /// The plan's currency code is unknown.
    UnknownCurrency {
        code: String,
    },
    /// The horizon is not 1 to `max` months long.
    HorizonLength {
        months: u16,
        max: u16,
    },
    /// The horizon's last month is after `year` (9999).
    HorizonPastYear {
        year: i32,
    },
    NoScenarios,
    /// A month number is not 1 to 12.
    MonthOutOfRange {
        month: u8,
    },

    // Names and ids.
    NeedsName {
        what: Named,
    },
    /// Another `what` has the same name.
    NameTaken {
        what: Named,
        name: String,
    },
    /// The ladder already has the level.
    LevelTaken {
        level: String,
    },
    UnknownLevel {
        level: String,
    },
    UnknownTeam {
        team: String,
    },
    PositionNeedsId,
    /// Another position has the id.
    IdTaken {
        id: String,
    },

    // Amounts and rates.
    NegativeAmount {
        value: Decimal,
    },
    /// An amount beyond 10^15.
    AmountTooLarge {
        value: Decimal,
    },
    /// An amount with decimals in a currency without a minor unit.
    NoMinorUnit {
        currency: String,
        value: Decimal,
    },
    /// An amount with more decimals than the currency has.
    TooManyAmountDecimals {
        currency: String,
        decimals: u32,
        value: Decimal,
    },
    /// A percentage, FTE, … with more than `max` decimals.
    TooManyDecimals {
        what: Quantity,
        max: u32,
        value: Decimal,
    },
    /// A rate outside 0 to 100 %.
    RateOutOfRange {
        value: Decimal,
    },
    /// A monthly growth not above −100 % and at most 100 %.
    GrowthOutOfRange {
        value: Decimal,
    },
    FteOutOfRange {
        value: Decimal,
    },
    /// A bonus payout outside 0 to 12 months of pay.
    PayoutOutOfRange {
        months: Decimal,
    },

    // Salary bands.
    /// Another band has the same level and location.
    BandTaken,
    MidBelowMin,
    MaxBelowMid,
    /// A position without an annual base has no band to take it from.
    NoBaseNorBand {
        level: String,
    },

    // Dates.
    EndMonthBeforeStart {
        end: YearMonth,
        start: YearMonth,
    },
    EndDateBeforeStart {
        end: Date,
        start: Date,
    },
    /// Another bonus payout is in the month.
    PayoutMonthTaken {
        month: u8,
    },

    // Compounding beyond 10^15 within the horizon.
    EscalationBeyondLimit,
    GrowthBeyondLimit,
    RaisesBeyondLimit,
    /// `rate` % attrition a year with a `lag`-month backfill lag leaves
    /// more than the whole seat vacant.
    VacancyBeyondSeat {
        rate: Decimal,
        lag: u8,
    },

    // What-if adjustments.
    /// Hires slip by more than `max` months either way.
    HireSlipOutOfRange {
        months: i32,
        max: i32,
    },
    /// The adjusted raise compounds the largest annual base beyond 10^15.
    AdjustedRaiseBeyondLimit {
        points: Decimal,
        raise: Decimal,
    },
    /// The adjusted raise is outside 0 to 100 % (`None`: beyond any number).
    AdjustedRaiseOutOfRange {
        points: Decimal,
        raise: Option<Decimal>,
    },
    /// The adjusted growth of cloud line `line` is beyond any number.
    AdjustedGrowthOverflow {
        points: Decimal,
        line: String,
    },
    AdjustedGrowthOutOfRange {
        points: Decimal,
        line: String,
        growth: Decimal,
    },
    AdjustedGrowthBeyondLimit {
        points: Decimal,
        line: String,
        growth: Decimal,
    },
    /// The adjusted attrition with the backfill lag of the scenario
    /// (`team` `None`) or of a team leaves more than the whole seat vacant.
    AdjustedVacancyBeyondSeat {
        rate: Decimal,
        team: Option<String>,
        lag: u8,
    },

    // Requests to the engine.
    NoSuchPosition {
        number: usize,
    },
    /// Month `number` of the horizon does not exist.
    MonthOutsideHorizon {
        number: usize,
    },
    PlanHasNoScenario,
    FiscalYearOutsideHorizon,
    NoBaseScenario,
    NotAFiscalYearOfHorizon {
        year: FiscalYear,
    },
    NoScenarioToCompareWith {
        number: usize,
    },
    /// The plan's currency is unknown (reported in full by validation).
    CurrencyNotKnown,
    ScenarioMissing,
    TooLargeToCompute,

    // Files (`format`).
    /// Scenario index `index` (0-based) of a plan with `count` scenarios.
    ScenarioIndexOutOfRange {
        index: usize,
        count: usize,
    },
    /// An export's currency code is unknown.
    UnknownCurrencyCode {
        code: String,
    },
    /// The text is not a JSON object; `detail` is the parser's English.
    NotJson {
        detail: String,
    },
    /// A file of format `found`, not `expected`.
    OtherFormat {
        found: String,
        expected: String,
    },
    /// The file does not say it is of format `expected`.
    FormatMissing {
        expected: String,
    },
    /// A plan file of `version`, newer than the `supported` one.
    NewerVersion {
        version: u64,
        supported: u64,
    },
    UnsupportedVersion {
        expected: u64,
    },
    FileHasNoPlan,
    /// A field of a plan file that cannot be read; `detail` is the parser's
    /// English.
    Unreadable {
        detail: String,
    },

    // Refused changes of teams and scenarios (`model::teams`,
    // `model::scenarios`): whole sentences, as the planner shows them.
    TeamNeedsName,
    /// Another team has the name.
    TeamExists {
        name: String,
    },
    /// A team's positions are to move to the team itself.
    MoveToSameTeam,
    NoTeamNamed {
        name: String,
    },
    /// A team to remove still has `positions` positions.
    TeamHasPositions {
        name: String,
        positions: usize,
    },
    /// Tools or other costs still name a team to remove.
    TeamStillNamed {
        name: String,
    },
    ScenarioNeedsName,
    /// Another scenario has the name.
    ScenarioExists {
        name: String,
    },
    /// There is no scenario `number` (a sentence, unlike
    /// [`NoSuchScenario`](Problem::NoSuchScenario)).
    NoScenarioNumber {
        number: usize,
    },
    /// Deleting the only scenario.
    LastScenario,
    DeletingLocked {
        name: String,
    },
    /// Locking a scenario locked `since` that day.
    AlreadyLocked {
        name: String,
        since: Date,
    },
    NotLocked {
        name: String,
    },
    /// Next year's plan would start after `year` (9999).
    NextYearPastYear {
        year: i32,
    },
    /// A change of `pct` % (−100 % or less) would leave nothing.
    ChangeLeavesNothing {
        pct: Decimal,
        of: ChangeOf,
    },
    ChangeTooLarge {
        pct: Decimal,
        of: ChangeOf,
    },
    /// The change would take `amount` beyond 10^15.
    ChangeBeyondLimit {
        of: ChangeOf,
        amount: Decimal,
    },

    // Refused changes of the career ladder and its bands (`model::bands`).
    LevelNeedsName,
    /// The ladder already has a level of the name.
    LevelExists {
        name: String,
    },
    NoLevelNamed {
        name: String,
    },
    /// A level to remove is still used by `positions` positions and `bands`
    /// bands (at least one of them).
    LevelInUse {
        name: String,
        positions: usize,
        bands: usize,
    },
    /// The level already has a band at `location` (`None`: the band without
    /// location).
    BandExists {
        level: String,
        location: Option<String>,
    },

    /// A position states both an annual and a monthly base.
    TwoBases,
    /// A step of a burden schedule is not after the one before it.
    ScheduleOutOfOrder {
        from: YearMonth,
    },
    /// Japan's grades are in yen: a graded component in another currency.
    GradedNeedsYen {
        currency: String,
    },
    /// An actual or the closed month lies outside the horizon.
    ActualOutsideHorizon {
        month: YearMonth,
    },
    /// A cost is stated in a currency the scenario has no rate for.
    NoExchangeRate {
        currency: String,
    },
    /// A rate path for the plan's own currency.
    RateOfPlanCurrency {
        currency: String,
    },
    /// A rate at or below zero, or above 10^9.
    RateOutOfBounds {
        value: Decimal,
    },
    /// Two steps of one currency's rate path from the same month.
    RateStepTaken {
        currency: String,
        from: YearMonth,
    },
    /// The exchange-rate what-if is outside −90 % to +900 %.
    FxChangeOutOfRange {
        value: Decimal,
    },
    /// Two actual amounts share a month, category and team.
    ActualTwice {
        month: YearMonth,
        category: &'static str,
        team: Option<String>,
    },

    /// A message from outside the model, in English only (code that builds
    /// a [`PlanError`](super::PlanError) with [`new`](super::PlanError::new)
    /// rather than naming its problem).
    Other(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoSuchScenario { number } => {
                write!(f, "there is no scenario number {number}")
            }
            Problem::PlanNeedsName => f.write_str("the plan needs a name"),
            Problem::UnknownCurrency { code } => write!(
                f,
                "unknown currency \u{201c}{code}\u{201d}: use an ISO code such as JPY, USD, EUR or GBP"
            ),
            Problem::HorizonLength { months, max } => {
                write!(
                    f,
                    "the horizon must be 1 to {max} months long, not {months}"
                )
            }
            Problem::HorizonPastYear { year } => write!(f, "the horizon runs past the year {year}"),
            Problem::NoScenarios => f.write_str("a plan needs at least one scenario"),
            Problem::MonthOutOfRange { month } => write!(
                f,
                "a month must be 1 (January) to 12 (December), not {month}"
            ),
            Problem::NeedsName { what } => {
                let article = if what.noun().starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                write!(f, "{article} {} needs a name", what.noun())
            }
            Problem::NameTaken { what, name } => write!(
                f,
                "another {} is already named \u{201c}{name}\u{201d}",
                what.noun()
            ),
            Problem::LevelTaken { level } => {
                write!(f, "the ladder already has a level \u{201c}{level}\u{201d}")
            }
            Problem::UnknownLevel { level } => write!(
                f,
                "unknown level \u{201c}{level}\u{201d}: it is not on the ladder"
            ),
            Problem::UnknownTeam { team } => write!(f, "unknown team \u{201c}{team}\u{201d}"),
            Problem::PositionNeedsId => f.write_str("a position needs an id"),
            Problem::IdTaken { id } => {
                write!(f, "another position has the id \u{201c}{id}\u{201d}")
            }
            Problem::NegativeAmount { value } => {
                write!(f, "an amount cannot be negative ({value})")
            }
            Problem::AmountTooLarge { value } => write!(f, "{value} is beyond the limit of 10^15"),
            Problem::NoMinorUnit { currency, value } => {
                write!(f, "{currency} has no minor unit: {value} must be whole")
            }
            Problem::TooManyAmountDecimals {
                currency,
                decimals,
                value,
            } => write!(
                f,
                "{currency} amounts have at most {decimals} decimals, not {value}"
            ),
            Problem::TooManyDecimals { what, max, value } => write!(
                f,
                "{} may have at most {max} decimals, not {value}",
                what.english()
            ),
            Problem::RateOutOfRange { value } => {
                write!(f, "a rate must be from 0 to 100 %, not {value} %")
            }
            Problem::GrowthOutOfRange { value } => write!(
                f,
                "monthly growth must be above −100 % and at most 100 %, not {value} %"
            ),
            Problem::FteOutOfRange { value } => {
                write!(f, "FTE must be above 0 and at most 1, not {value}")
            }
            Problem::PayoutOutOfRange { months } => {
                write!(f, "a payout is 0 to 12 months of pay, not {months}")
            }
            Problem::BandTaken => f.write_str("another band has the same level and location"),
            Problem::MidBelowMin => f.write_str("the midpoint is below the minimum"),
            Problem::MaxBelowMid => f.write_str("the maximum is below the midpoint"),
            Problem::NoBaseNorBand { level } => write!(
                f,
                "no annual base given and no salary band for level \u{201c}{level}\u{201d}"
            ),
            Problem::EndMonthBeforeStart { end, start } => {
                write!(f, "the end month {end} is before the start month {start}")
            }
            Problem::EndDateBeforeStart { end, start } => {
                write!(f, "the end date {end} is before the start date {start}")
            }
            Problem::PayoutMonthTaken { month } => {
                write!(f, "another payout is already in month {month}")
            }
            Problem::EscalationBeyondLimit => {
                f.write_str("the escalation compounds the amount beyond 10^15 within the horizon")
            }
            Problem::GrowthBeyondLimit => {
                f.write_str("the growth compounds the cost beyond 10^15 within the horizon")
            }
            Problem::RaisesBeyondLimit => f.write_str(
                "raises compound the largest annual base beyond 10^15 within the horizon",
            ),
            Problem::VacancyBeyondSeat { rate, lag } => write!(
                f,
                "{rate} % a year with a {lag} month backfill lag would leave more than the whole seat vacant"
            ),
            Problem::HireSlipOutOfRange { months, max } => write!(
                f,
                "hires can slip by at most {max} months either way, not {months}"
            ),
            Problem::AdjustedRaiseBeyondLimit { points, raise } => write!(
                f,
                "with {points} points the raise would be {raise} % a year, which \
                 compounds the largest annual base beyond 10^15 within the horizon"
            ),
            Problem::AdjustedRaiseOutOfRange { points, raise } => {
                write!(f, "with {points} points the raise would be ")?;
                match raise {
                    Some(raise) => write!(f, "{raise}")?,
                    None => f.write_str("out of range")?,
                }
                f.write_str(" % a year: a raise must be from 0 to 100 %")
            }
            Problem::AdjustedGrowthOverflow { points, line } => write!(
                f,
                "with {points} points the growth of \u{201c}{line}\u{201d} is out of range"
            ),
            Problem::AdjustedGrowthOutOfRange {
                points,
                line,
                growth,
            } => write!(
                f,
                "with {points} points \u{201c}{line}\u{201d} would grow {growth} % a month: \
                 monthly growth must be above −100 % and at most 100 %"
            ),
            Problem::AdjustedGrowthBeyondLimit {
                points,
                line,
                growth,
            } => write!(
                f,
                "with {points} points \u{201c}{line}\u{201d} would grow {growth} % a month, which \
                 compounds its cost beyond 10^15 within the horizon"
            ),
            Problem::AdjustedVacancyBeyondSeat { rate, team, lag } => {
                write!(f, "{rate} % a year with ")?;
                match team {
                    None => f.write_str("the scenario's")?,
                    Some(name) => write!(f, "team \u{201c}{name}\u{201d}'s")?,
                }
                write!(
                    f,
                    " {lag} month backfill lag would leave more than the whole seat vacant"
                )
            }
            Problem::NoSuchPosition { number } => {
                write!(f, "there is no position number {number}")
            }
            Problem::MonthOutsideHorizon { number } => {
                write!(f, "month {number} is outside the horizon")
            }
            Problem::PlanHasNoScenario => f.write_str("the plan has no scenario"),
            Problem::FiscalYearOutsideHorizon => {
                f.write_str("that fiscal year is outside the horizon")
            }
            Problem::NoBaseScenario => f.write_str("there is no base scenario"),
            Problem::NotAFiscalYearOfHorizon { year } => {
                write!(f, "{} is not a fiscal year of the horizon", year.label())
            }
            Problem::NoScenarioToCompareWith { number } => {
                write!(f, "there is no scenario number {number} to compare with")
            }
            Problem::CurrencyNotKnown => f.write_str("unknown currency"),
            Problem::ScenarioMissing => f.write_str("no such scenario"),
            Problem::TooLargeToCompute => {
                f.write_str("the scenario's numbers are too large to compute exactly")
            }
            Problem::ScenarioIndexOutOfRange { index, count } => {
                write!(f, "there is no scenario {index}; the plan has {count}")
            }
            Problem::UnknownCurrencyCode { code } => write!(f, "unknown currency {code}"),
            Problem::NotJson { detail } => write!(
                f,
                "not a Fleetplan plan file: the text is not a JSON object ({detail})"
            ),
            Problem::OtherFormat { found, expected } => write!(
                f,
                "this is a \u{201c}{found}\u{201d} file, not a Fleetplan plan (\u{201c}{expected}\u{201d})"
            ),
            Problem::FormatMissing { expected } => write!(
                f,
                "not a Fleetplan plan file: \"format\": \"{expected}\" is missing"
            ),
            Problem::NewerVersion { version, supported } => write!(
                f,
                "the plan file is version {version}, written by a newer Fleetplan; this one reads version {supported}"
            ),
            Problem::UnsupportedVersion { expected } => {
                write!(f, "unsupported plan file version; expected {expected}")
            }
            Problem::FileHasNoPlan => f.write_str("the file has no plan"),
            Problem::TeamNeedsName => f.write_str("A team needs a name."),
            Problem::TeamExists { name } => {
                write!(f, "There is already a team named \u{201c}{name}\u{201d}.")
            }
            Problem::MoveToSameTeam => f.write_str("Choose another team to move them to."),
            Problem::NoTeamNamed { name } => {
                write!(f, "There is no team named \u{201c}{name}\u{201d}.")
            }
            Problem::TeamHasPositions { name, positions } => write!(
                f,
                "\u{201c}{name}\u{201d} still has {positions} position(s): move or remove them first."
            ),
            Problem::TeamStillNamed { name } => {
                write!(f, "Tools or other costs still name \u{201c}{name}\u{201d}.")
            }
            Problem::ScenarioNeedsName => f.write_str("A scenario needs a name."),
            Problem::ScenarioExists { name } => write!(
                f,
                "There is already a scenario named \u{201c}{name}\u{201d}."
            ),
            Problem::NoScenarioNumber { number } => {
                write!(f, "There is no scenario number {number}.")
            }
            Problem::LastScenario => {
                f.write_str("A plan needs at least one scenario: this is the last one.")
            }
            Problem::DeletingLocked { name } => write!(
                f,
                "\u{201c}{name}\u{201d} is locked: unlock it before deleting it."
            ),
            Problem::AlreadyLocked { name, since } => {
                write!(f, "\u{201c}{name}\u{201d} has been locked since {since}.")
            }
            Problem::NotLocked { name } => write!(f, "\u{201c}{name}\u{201d} is not locked."),
            Problem::NextYearPastYear { year } => {
                write!(f, "The next year would start after the year {year}.")
            }
            Problem::ChangeLeavesNothing { pct, of } => write!(
                f,
                "A change of {pct} % would leave no {}: it must be above −100 %.",
                of.english()
            ),
            Problem::ChangeTooLarge { pct, of } => {
                write!(f, "A change of {pct} % to {} is too large.", of.english())
            }
            Problem::ChangeBeyondLimit { of, amount } => write!(
                f,
                "The change to {} would take {amount} beyond the limit of 10^15.",
                of.english()
            ),
            Problem::LevelNeedsName => f.write_str("A level needs a name."),
            Problem::LevelExists { name } => {
                write!(f, "The ladder already has a level \u{201c}{name}\u{201d}.")
            }
            Problem::NoLevelNamed { name } => {
                write!(f, "There is no level named \u{201c}{name}\u{201d}.")
            }
            Problem::LevelInUse {
                name,
                positions,
                bands,
            } => {
                let count = |n: usize, what: &str| match n {
                    0 => None,
                    1 => Some(format!("1 {what}")),
                    n => Some(format!("{n} {what}s")),
                };
                let users: Vec<String> = [count(*positions, "position"), count(*bands, "band")]
                    .into_iter()
                    .flatten()
                    .collect();
                let verb = if positions + bands == 1 {
                    "uses"
                } else {
                    "use"
                };
                write!(
                    f,
                    "{} still {verb} \u{201c}{name}\u{201d}: move or delete them first.",
                    users.join(" and ")
                )
            }
            Problem::BandExists { level, location } => match location {
                Some(location) => write!(
                    f,
                    "\u{201c}{level}\u{201d} already has a band for {location}."
                ),
                None => write!(f, "\u{201c}{level}\u{201d} already has a band."),
            },
            Problem::TwoBases => {
                f.write_str("state either an annual base or a monthly base, not both")
            }
            Problem::ScheduleOutOfOrder { from } => write!(
                f,
                "a change from {from} must come after the change before it"
            ),
            Problem::GradedNeedsYen { currency } => write!(
                f,
                "Japan's grades are in yen: a graded component needs a JPY plan, not {currency}"
            ),
            Problem::NoExchangeRate { currency } => write!(
                f,
                "this cost is in {currency}: give the scenario a rate for {currency}"
            ),
            Problem::RateOfPlanCurrency { currency } => write!(
                f,
                "{currency} is the plan's own currency: it needs no exchange rate"
            ),
            Problem::RateOutOfBounds { value } => write!(
                f,
                "an exchange rate must be above 0 and at most 1,000,000,000, not {value}"
            ),
            Problem::RateStepTaken { currency, from } => {
                write!(f, "{currency} already has a rate from {from}")
            }
            Problem::FxChangeOutOfRange { value } => write!(
                f,
                "the exchange-rate change must be from -90 % to +900 %, not {value} %"
            ),
            Problem::ActualOutsideHorizon { month } => {
                write!(f, "{month} is outside the plan's horizon")
            }
            Problem::ActualTwice {
                month,
                category,
                team,
            } => match team {
                Some(team) => write!(
                    f,
                    "{month} has two actual {category} amounts for team \u{201c}{team}\u{201d}"
                ),
                None => write!(f, "{month} has two actual {category} amounts of no team"),
            },
            Problem::Unreadable { detail } | Problem::Other(detail) => f.write_str(detail),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use rust_decimal::dec;

    /// One problem of each kind, with figures and names that read in any
    /// language, and the English each must give (the messages the planner
    /// has always written: the CLI and the end-to-end tests read them).
    pub(crate) fn samples() -> Vec<(Problem, &'static str)> {
        let april = YearMonth::new(2026, 4).unwrap();
        let may = YearMonth::new(2026, 5).unwrap();
        let day = |m, d| Date::new(2026, m, d).unwrap();
        let name = || "データ基盤".to_string();
        vec![
            (
                Problem::NoSuchScenario { number: 8 },
                "there is no scenario number 8",
            ),
            (Problem::PlanNeedsName, "the plan needs a name"),
            (
                Problem::UnknownCurrency { code: "JP".into() },
                "unknown currency “JP”: use an ISO code such as JPY, USD, EUR or GBP",
            ),
            (
                Problem::HorizonLength {
                    months: 200,
                    max: 120,
                },
                "the horizon must be 1 to 120 months long, not 200",
            ),
            (
                Problem::HorizonPastYear { year: 9999 },
                "the horizon runs past the year 9999",
            ),
            (Problem::NoScenarios, "a plan needs at least one scenario"),
            (
                Problem::MonthOutOfRange { month: 13 },
                "a month must be 1 (January) to 12 (December), not 13",
            ),
            (
                Problem::NeedsName {
                    what: Named::Scenario,
                },
                "a scenario needs a name",
            ),
            (
                Problem::NeedsName { what: Named::Team },
                "a team needs a name",
            ),
            (
                Problem::NeedsName { what: Named::Level },
                "a level needs a name",
            ),
            (
                Problem::NeedsName { what: Named::Tool },
                "a tool needs a name",
            ),
            (
                Problem::NeedsName { what: Named::Cost },
                "a cost needs a name",
            ),
            (
                Problem::NeedsName {
                    what: Named::CloudLine,
                },
                "a cloud line needs a name",
            ),
            (
                Problem::NeedsName {
                    what: Named::SavingsInitiative,
                },
                "a savings initiative needs a name",
            ),
            (
                Problem::NeedsName {
                    what: Named::Position,
                },
                "a position needs a name",
            ),
            (
                Problem::NeedsName {
                    what: Named::BurdenComponent,
                },
                "a burden component needs a name",
            ),
            (
                Problem::NameTaken {
                    what: Named::Scenario,
                    name: name(),
                },
                "another scenario is already named “データ基盤”",
            ),
            (
                Problem::NameTaken {
                    what: Named::Team,
                    name: name(),
                },
                "another team is already named “データ基盤”",
            ),
            (
                Problem::LevelTaken { level: "L3".into() },
                "the ladder already has a level “L3”",
            ),
            (
                Problem::UnknownLevel { level: "L9".into() },
                "unknown level “L9”: it is not on the ladder",
            ),
            (
                Problem::UnknownTeam { team: name() },
                "unknown team “データ基盤”",
            ),
            (Problem::PositionNeedsId, "a position needs an id"),
            (
                Problem::IdTaken { id: "p1".into() },
                "another position has the id “p1”",
            ),
            (
                Problem::NegativeAmount { value: dec!(-5) },
                "an amount cannot be negative (-5)",
            ),
            (
                Problem::AmountTooLarge {
                    value: dec!(1000000000000000.5),
                },
                "1000000000000000.5 is beyond the limit of 10^15",
            ),
            (
                Problem::NoMinorUnit {
                    currency: "JPY".into(),
                    value: dec!(5.5),
                },
                "JPY has no minor unit: 5.5 must be whole",
            ),
            (
                Problem::TooManyAmountDecimals {
                    currency: "USD".into(),
                    decimals: 2,
                    value: dec!(5.555),
                },
                "USD amounts have at most 2 decimals, not 5.555",
            ),
            (
                Problem::TooManyDecimals {
                    what: Quantity::Percentage,
                    max: 6,
                    value: dec!(1.1234567),
                },
                "a percentage may have at most 6 decimals, not 1.1234567",
            ),
            (
                Problem::TooManyDecimals {
                    what: Quantity::Fte,
                    max: 6,
                    value: dec!(0.1234567),
                },
                "an FTE may have at most 6 decimals, not 0.1234567",
            ),
            (
                Problem::TooManyDecimals {
                    what: Quantity::Months,
                    max: 6,
                    value: dec!(1.1234567),
                },
                "a number of months may have at most 6 decimals, not 1.1234567",
            ),
            (
                Problem::TooManyDecimals {
                    what: Quantity::Points,
                    max: 6,
                    value: dec!(0.1234567),
                },
                "a number of points may have at most 6 decimals, not 0.1234567",
            ),
            (
                Problem::RateOutOfRange { value: dec!(150) },
                "a rate must be from 0 to 100 %, not 150 %",
            ),
            (
                Problem::GrowthOutOfRange { value: dec!(-100) },
                "monthly growth must be above −100 % and at most 100 %, not -100 %",
            ),
            (
                Problem::FteOutOfRange { value: dec!(1.5) },
                "FTE must be above 0 and at most 1, not 1.5",
            ),
            (
                Problem::PayoutOutOfRange { months: dec!(13) },
                "a payout is 0 to 12 months of pay, not 13",
            ),
            (
                Problem::BandTaken,
                "another band has the same level and location",
            ),
            (Problem::MidBelowMin, "the midpoint is below the minimum"),
            (Problem::MaxBelowMid, "the maximum is below the midpoint"),
            (
                Problem::NoBaseNorBand { level: "L3".into() },
                "no annual base given and no salary band for level “L3”",
            ),
            (
                Problem::EndMonthBeforeStart {
                    end: april,
                    start: may,
                },
                "the end month 2026-04 is before the start month 2026-05",
            ),
            (
                Problem::EndDateBeforeStart {
                    end: day(4, 1),
                    start: day(5, 31),
                },
                "the end date 2026-04-01 is before the start date 2026-05-31",
            ),
            (
                Problem::PayoutMonthTaken { month: 6 },
                "another payout is already in month 6",
            ),
            (
                Problem::EscalationBeyondLimit,
                "the escalation compounds the amount beyond 10^15 within the horizon",
            ),
            (
                Problem::GrowthBeyondLimit,
                "the growth compounds the cost beyond 10^15 within the horizon",
            ),
            (
                Problem::RaisesBeyondLimit,
                "raises compound the largest annual base beyond 10^15 within the horizon",
            ),
            (
                Problem::VacancyBeyondSeat {
                    rate: dec!(60),
                    lag: 24,
                },
                "60 % a year with a 24 month backfill lag would leave more than the whole seat vacant",
            ),
            (
                Problem::HireSlipOutOfRange {
                    months: -121,
                    max: 120,
                },
                "hires can slip by at most 120 months either way, not -121",
            ),
            (
                Problem::AdjustedRaiseBeyondLimit {
                    points: dec!(30),
                    raise: dec!(33.7),
                },
                "with 30 points the raise would be 33.7 % a year, which compounds the largest \
                 annual base beyond 10^15 within the horizon",
            ),
            (
                Problem::AdjustedRaiseOutOfRange {
                    points: dec!(-20),
                    raise: Some(dec!(-10)),
                },
                "with -20 points the raise would be -10 % a year: a raise must be from 0 to 100 %",
            ),
            (
                Problem::AdjustedRaiseOutOfRange {
                    points: dec!(500),
                    raise: None,
                },
                "with 500 points the raise would be out of range % a year: a raise must be from 0 to 100 %",
            ),
            (
                Problem::AdjustedGrowthOverflow {
                    points: dec!(500),
                    line: name(),
                },
                "with 500 points the growth of “データ基盤” is out of range",
            ),
            (
                Problem::AdjustedGrowthOutOfRange {
                    points: dec!(300),
                    line: name(),
                    growth: dec!(302.1),
                },
                "with 300 points “データ基盤” would grow 302.1 % a month: monthly growth must be \
                 above −100 % and at most 100 %",
            ),
            (
                Problem::AdjustedGrowthBeyondLimit {
                    points: dec!(40),
                    line: name(),
                    growth: dec!(41),
                },
                "with 40 points “データ基盤” would grow 41 % a month, which compounds its cost \
                 beyond 10^15 within the horizon",
            ),
            (
                Problem::AdjustedVacancyBeyondSeat {
                    rate: dec!(90),
                    team: None,
                    lag: 20,
                },
                "90 % a year with the scenario's 20 month backfill lag would leave more than the \
                 whole seat vacant",
            ),
            (
                Problem::AdjustedVacancyBeyondSeat {
                    rate: dec!(50),
                    team: Some(name()),
                    lag: 30,
                },
                "50 % a year with team “データ基盤”'s 30 month backfill lag would leave more than \
                 the whole seat vacant",
            ),
            (
                Problem::NoSuchPosition { number: 1000 },
                "there is no position number 1000",
            ),
            (
                Problem::MonthOutsideHorizon { number: 1000 },
                "month 1000 is outside the horizon",
            ),
            (Problem::PlanHasNoScenario, "the plan has no scenario"),
            (
                Problem::FiscalYearOutsideHorizon,
                "that fiscal year is outside the horizon",
            ),
            (Problem::NoBaseScenario, "there is no base scenario"),
            (
                Problem::NotAFiscalYearOfHorizon {
                    year: FiscalYear::of(april, 4),
                },
                "FY2026 is not a fiscal year of the horizon",
            ),
            (
                Problem::NoScenarioToCompareWith { number: 10 },
                "there is no scenario number 10 to compare with",
            ),
            (Problem::CurrencyNotKnown, "unknown currency"),
            (Problem::ScenarioMissing, "no such scenario"),
            (
                Problem::TooLargeToCompute,
                "the scenario's numbers are too large to compute exactly",
            ),
            (
                Problem::ScenarioIndexOutOfRange { index: 5, count: 2 },
                "there is no scenario 5; the plan has 2",
            ),
            (
                Problem::UnknownCurrencyCode { code: "JP".into() },
                "unknown currency JP",
            ),
            (
                Problem::NotJson {
                    detail: "expected value at line 1 column 1".into(),
                },
                "not a Fleetplan plan file: the text is not a JSON object (expected value at line 1 column 1)",
            ),
            (
                Problem::OtherFormat {
                    found: "給与".into(),
                    expected: "fleetplan-plan".into(),
                },
                "this is a “給与” file, not a Fleetplan plan (“fleetplan-plan”)",
            ),
            (
                Problem::FormatMissing {
                    expected: "fleetplan-plan".into(),
                },
                "not a Fleetplan plan file: \"format\": \"fleetplan-plan\" is missing",
            ),
            (
                Problem::NewerVersion {
                    version: 2,
                    supported: 1,
                },
                "the plan file is version 2, written by a newer Fleetplan; this one reads version 1",
            ),
            (
                Problem::UnsupportedVersion { expected: 1 },
                "unsupported plan file version; expected 1",
            ),
            (Problem::FileHasNoPlan, "the file has no plan"),
            (
                Problem::Unreadable {
                    detail: "missing field `name`".into(),
                },
                "missing field `name`",
            ),
            (
                Problem::Other("the CSV has no header".into()),
                "the CSV has no header",
            ),
            (Problem::TeamNeedsName, "A team needs a name."),
            (
                Problem::TeamExists { name: name() },
                "There is already a team named “データ基盤”.",
            ),
            (
                Problem::MoveToSameTeam,
                "Choose another team to move them to.",
            ),
            (
                Problem::NoTeamNamed { name: name() },
                "There is no team named “データ基盤”.",
            ),
            (
                Problem::TeamHasPositions {
                    name: name(),
                    positions: 3,
                },
                "“データ基盤” still has 3 position(s): move or remove them first.",
            ),
            (
                Problem::TeamStillNamed { name: name() },
                "Tools or other costs still name “データ基盤”.",
            ),
            (Problem::ScenarioNeedsName, "A scenario needs a name."),
            (
                Problem::ScenarioExists { name: name() },
                "There is already a scenario named “データ基盤”.",
            ),
            (
                Problem::NoScenarioNumber { number: 4 },
                "There is no scenario number 4.",
            ),
            (
                Problem::LastScenario,
                "A plan needs at least one scenario: this is the last one.",
            ),
            (
                Problem::DeletingLocked { name: name() },
                "“データ基盤” is locked: unlock it before deleting it.",
            ),
            (
                Problem::AlreadyLocked {
                    name: name(),
                    since: day(3, 31),
                },
                "“データ基盤” has been locked since 2026-03-31.",
            ),
            (
                Problem::NotLocked { name: name() },
                "“データ基盤” is not locked.",
            ),
            (
                Problem::NextYearPastYear { year: 9999 },
                "The next year would start after the year 9999.",
            ),
            (
                Problem::ChangeLeavesNothing {
                    pct: dec!(-100),
                    of: ChangeOf::Salaries,
                },
                "A change of -100 % would leave no salaries: it must be above −100 %.",
            ),
            (
                Problem::ChangeLeavesNothing {
                    pct: dec!(-150),
                    of: ChangeOf::CloudCosts,
                },
                "A change of -150 % would leave no cloud costs: it must be above −100 %.",
            ),
            (
                Problem::ChangeTooLarge {
                    pct: dec!(1),
                    of: ChangeOf::CloudCosts,
                },
                "A change of 1 % to cloud costs is too large.",
            ),
            (
                Problem::ChangeBeyondLimit {
                    of: ChangeOf::Salaries,
                    amount: dec!(500000000000000),
                },
                "The change to salaries would take 500000000000000 beyond the limit of 10^15.",
            ),
            (Problem::LevelNeedsName, "A level needs a name."),
            (
                Problem::LevelExists { name: "L3".into() },
                "The ladder already has a level “L3”.",
            ),
            (
                Problem::NoLevelNamed { name: name() },
                "There is no level named “データ基盤”.",
            ),
            (
                Problem::LevelInUse {
                    name: "L3".into(),
                    positions: 1,
                    bands: 2,
                },
                "1 position and 2 bands still use “L3”: move or delete them first.",
            ),
            (
                Problem::LevelInUse {
                    name: "L3".into(),
                    positions: 4,
                    bands: 1,
                },
                "4 positions and 1 band still use “L3”: move or delete them first.",
            ),
            (
                Problem::LevelInUse {
                    name: "L3".into(),
                    positions: 1,
                    bands: 0,
                },
                "1 position still uses “L3”: move or delete them first.",
            ),
            (
                Problem::LevelInUse {
                    name: "L3".into(),
                    positions: 0,
                    bands: 3,
                },
                "3 bands still use “L3”: move or delete them first.",
            ),
            (
                Problem::LevelInUse {
                    name: "L3".into(),
                    positions: 0,
                    bands: 1,
                },
                "1 band still uses “L3”: move or delete them first.",
            ),
            (
                Problem::BandExists {
                    level: "L3".into(),
                    location: None,
                },
                "“L3” already has a band.",
            ),
            (
                Problem::BandExists {
                    level: "L3".into(),
                    location: Some("大阪".into()),
                },
                "“L3” already has a band for 大阪.",
            ),
            (
                Problem::TwoBases,
                "state either an annual base or a monthly base, not both",
            ),
            (
                Problem::ScheduleOutOfOrder { from: april },
                "a change from 2026-04 must come after the change before it",
            ),
            (
                Problem::GradedNeedsYen {
                    currency: "USD".into(),
                },
                "Japan's grades are in yen: a graded component needs a JPY plan, not USD",
            ),
            (
                Problem::NoExchangeRate {
                    currency: "USD".into(),
                },
                "this cost is in USD: give the scenario a rate for USD",
            ),
            (
                Problem::RateOfPlanCurrency {
                    currency: "JPY".into(),
                },
                "JPY is the plan's own currency: it needs no exchange rate",
            ),
            (
                Problem::RateOutOfBounds {
                    value: Decimal::ZERO,
                },
                "an exchange rate must be above 0 and at most 1,000,000,000, not 0",
            ),
            (
                Problem::RateStepTaken {
                    currency: "USD".into(),
                    from: YearMonth::new(2026, 4).unwrap(),
                },
                "USD already has a rate from 2026-04",
            ),
            (
                Problem::FxChangeOutOfRange {
                    value: Decimal::from(-95),
                },
                "the exchange-rate change must be from -90 % to +900 %, not -95 %",
            ),
            (
                Problem::ActualOutsideHorizon {
                    month: YearMonth::new(2030, 1).unwrap(),
                },
                "2030-01 is outside the plan's horizon",
            ),
            (
                Problem::ActualTwice {
                    month: YearMonth::new(2026, 4).unwrap(),
                    category: "cloud",
                    team: None,
                },
                "2026-04 has two actual cloud amounts of no team",
            ),
        ]
    }

    /// Every variant, numbered: a new variant does not compile until it is
    /// numbered here, and the test below then asks for a sample of it.
    fn variant(problem: &Problem) -> usize {
        match problem {
            Problem::NoSuchScenario { .. } => 0,
            Problem::PlanNeedsName => 1,
            Problem::UnknownCurrency { .. } => 2,
            Problem::HorizonLength { .. } => 3,
            Problem::HorizonPastYear { .. } => 4,
            Problem::NoScenarios => 5,
            Problem::MonthOutOfRange { .. } => 6,
            Problem::NeedsName { .. } => 7,
            Problem::NameTaken { .. } => 8,
            Problem::LevelTaken { .. } => 9,
            Problem::UnknownLevel { .. } => 10,
            Problem::UnknownTeam { .. } => 11,
            Problem::PositionNeedsId => 12,
            Problem::IdTaken { .. } => 13,
            Problem::NegativeAmount { .. } => 14,
            Problem::AmountTooLarge { .. } => 15,
            Problem::NoMinorUnit { .. } => 16,
            Problem::TooManyAmountDecimals { .. } => 17,
            Problem::TooManyDecimals { .. } => 18,
            Problem::RateOutOfRange { .. } => 19,
            Problem::GrowthOutOfRange { .. } => 20,
            Problem::FteOutOfRange { .. } => 21,
            Problem::PayoutOutOfRange { .. } => 22,
            Problem::BandTaken => 23,
            Problem::MidBelowMin => 24,
            Problem::MaxBelowMid => 25,
            Problem::NoBaseNorBand { .. } => 26,
            Problem::EndMonthBeforeStart { .. } => 27,
            Problem::EndDateBeforeStart { .. } => 28,
            Problem::PayoutMonthTaken { .. } => 29,
            Problem::EscalationBeyondLimit => 30,
            Problem::GrowthBeyondLimit => 31,
            Problem::RaisesBeyondLimit => 32,
            Problem::VacancyBeyondSeat { .. } => 33,
            Problem::HireSlipOutOfRange { .. } => 34,
            Problem::AdjustedRaiseBeyondLimit { .. } => 35,
            Problem::AdjustedRaiseOutOfRange { .. } => 36,
            Problem::AdjustedGrowthOverflow { .. } => 37,
            Problem::AdjustedGrowthOutOfRange { .. } => 38,
            Problem::AdjustedGrowthBeyondLimit { .. } => 39,
            Problem::AdjustedVacancyBeyondSeat { .. } => 40,
            Problem::NoSuchPosition { .. } => 41,
            Problem::MonthOutsideHorizon { .. } => 42,
            Problem::PlanHasNoScenario => 43,
            Problem::FiscalYearOutsideHorizon => 44,
            Problem::NoBaseScenario => 45,
            Problem::NotAFiscalYearOfHorizon { .. } => 46,
            Problem::NoScenarioToCompareWith { .. } => 47,
            Problem::CurrencyNotKnown => 48,
            Problem::ScenarioMissing => 49,
            Problem::TooLargeToCompute => 50,
            Problem::ScenarioIndexOutOfRange { .. } => 51,
            Problem::UnknownCurrencyCode { .. } => 52,
            Problem::NotJson { .. } => 53,
            Problem::OtherFormat { .. } => 54,
            Problem::FormatMissing { .. } => 55,
            Problem::NewerVersion { .. } => 56,
            Problem::UnsupportedVersion { .. } => 57,
            Problem::FileHasNoPlan => 58,
            Problem::Unreadable { .. } => 59,
            Problem::Other(_) => 60,
            Problem::TeamNeedsName => 61,
            Problem::TeamExists { .. } => 62,
            Problem::MoveToSameTeam => 63,
            Problem::NoTeamNamed { .. } => 64,
            Problem::TeamHasPositions { .. } => 65,
            Problem::TeamStillNamed { .. } => 66,
            Problem::ScenarioNeedsName => 67,
            Problem::ScenarioExists { .. } => 68,
            Problem::NoScenarioNumber { .. } => 69,
            Problem::LastScenario => 70,
            Problem::DeletingLocked { .. } => 71,
            Problem::AlreadyLocked { .. } => 72,
            Problem::NotLocked { .. } => 73,
            Problem::NextYearPastYear { .. } => 74,
            Problem::ChangeLeavesNothing { .. } => 75,
            Problem::ChangeTooLarge { .. } => 76,
            Problem::ChangeBeyondLimit { .. } => 77,
            Problem::LevelNeedsName => 78,
            Problem::LevelExists { .. } => 79,
            Problem::NoLevelNamed { .. } => 80,
            Problem::LevelInUse { .. } => 81,
            Problem::BandExists { .. } => 82,
            Problem::TwoBases => 83,
            Problem::ScheduleOutOfOrder { .. } => 84,
            Problem::GradedNeedsYen { .. } => 85,
            Problem::ActualOutsideHorizon { .. } => 86,
            Problem::ActualTwice { .. } => 87,
            Problem::NoExchangeRate { .. } => 88,
            Problem::RateOfPlanCurrency { .. } => 89,
            Problem::RateOutOfBounds { .. } => 90,
            Problem::RateStepTaken { .. } => 91,
            Problem::FxChangeOutOfRange { .. } => 92,
        }
    }
    const VARIANTS: usize = 93;

    #[test]
    fn there_is_a_sample_of_every_problem() {
        let sampled: std::collections::HashSet<usize> =
            samples().iter().map(|(p, _)| variant(p)).collect();
        assert_eq!(sampled, (0..VARIANTS).collect());
    }

    #[test]
    fn every_problem_says_its_english_message() {
        for (problem, english) in samples() {
            assert_eq!(problem.to_string(), english, "{problem:?}");
        }
    }
}
