//! Costs stated in another currency than the plan's, and the exchange-rate
//! paths that convert them (docs/model.md, "Costs in other currencies").
//!
//! A rate is units of the plan's currency per unit of the foreign one
//! (152.30 yen a dollar), exact to 6 decimals, from a month on: a scenario's
//! steps for one currency form a step path. A month before a currency's
//! first step takes that first rate.
//!
//! Conversion is exact until one rounding: a foreign amount, computed in
//! its own currency, times the month's rate, rounded half away from zero to
//! the plan's minor unit.

use rust_decimal::Decimal;

use super::money::{Currency, div_round};
use super::plan::{ExchangeRate, Scenario};

/// Plan minor units per foreign minor unit, as a fraction `n / d`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Factor {
    pub n: i128,
    pub d: i128,
}

impl Factor {
    /// The plan's own currency: one minor unit is one minor unit.
    pub const ONE: Factor = Factor { n: 1, d: 1 };

    /// `rate` (plan units per foreign unit) between currencies of these
    /// exponents.
    pub fn of(rate: Decimal, plan_exponent: u32, foreign_exponent: u32) -> Option<Factor> {
        let n = rate
            .mantissa()
            .checked_mul(10_i128.checked_pow(plan_exponent)?)?;
        let d = 10_i128.checked_pow(rate.scale().checked_add(foreign_exponent)?)?;
        (n > 0).then_some(Factor { n, d })
    }

    /// `value / den` foreign minor units in plan minor units, rounded once
    /// (half away from zero). Saturates instead of overflowing: validation
    /// keeps amounts and rates far from it.
    pub fn convert(self, value: i128, den: i128) -> i64 {
        let converted = match (value.checked_mul(self.n), den.checked_mul(self.d)) {
            (Some(num), Some(d)) => div_round(num, d),
            // Beyond any plan validation lets through (10^15 units at any
            // rate); saturating keeps the engine total rather than panic.
            _ => value.signum().saturating_mul(i128::MAX),
        };
        i64::try_from(converted).unwrap_or(if converted < 0 { i64::MIN } else { i64::MAX })
    }
}

/// The rate path of every foreign currency a scenario states.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RatePaths {
    /// Per currency (in first-seen order): its code and its steps, sorted
    /// by month index.
    paths: Vec<(String, Vec<(i32, Decimal)>)>,
}

impl RatePaths {
    pub fn of(rates: &[ExchangeRate]) -> Self {
        let mut paths: Vec<(String, Vec<(i32, Decimal)>)> = Vec::new();
        for r in rates {
            let step = (r.from.index(), r.rate);
            match paths.iter_mut().find(|(c, _)| *c == r.currency) {
                Some((_, steps)) => steps.push(step),
                None => paths.push((r.currency.clone(), vec![step])),
            }
        }
        for (_, steps) in &mut paths {
            steps.sort_by_key(|s| s.0);
        }
        Self { paths }
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// The position of `currency` in [`currencies`](Self::currencies).
    pub fn index_of(&self, currency: &str) -> Option<usize> {
        self.paths.iter().position(|(c, _)| c == currency)
    }

    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        self.paths.iter().map(|(c, _)| c.as_str())
    }

    /// The rate of `currency` in the month of index `month`: the last step
    /// from that month or before, else the first step.
    pub fn rate(&self, currency: &str, month: i32) -> Option<Decimal> {
        let (_, steps) = self.paths.iter().find(|(c, _)| c == currency)?;
        let after = steps.partition_point(|s| s.0 <= month);
        steps.get(after.saturating_sub(1)).map(|s| s.1)
    }

    /// Every month index where some rate changes, sorted.
    pub fn changes(&self) -> Vec<i32> {
        let mut months: Vec<i32> = self
            .paths
            .iter()
            .flat_map(|(_, steps)| steps.iter().skip(1).map(|s| s.0))
            .collect();
        months.sort_unstable();
        months.dedup();
        months
    }
}

/// Which rate period each month falls in: months of one period share every
/// rate, so a price converted once serves the whole period.
pub fn rate_periods(paths: &RatePaths, months: &[i32]) -> (Vec<u16>, Vec<i32>) {
    let changes = paths.changes();
    let mut period_of = Vec::with_capacity(months.len());
    let mut firsts: Vec<i32> = Vec::new();
    for &m in months {
        let period = changes.partition_point(|&c| c <= m);
        if firsts.len() <= period {
            firsts.resize(period + 1, m);
        }
        period_of.push(period as u16);
    }
    // Periods no month of the horizon falls in keep a month that lies in them.
    for (p, first) in firsts.iter_mut().enumerate() {
        if p > 0
            && let Some(&change) = changes.get(p - 1)
            && *first < change
        {
            *first = change;
        }
    }
    if firsts.is_empty() {
        firsts.push(months.first().copied().unwrap_or(0));
    }
    (period_of, firsts)
}

/// The foreign currency an amount is stated in, if it is not the plan's.
pub fn foreign(currency: &Option<String>, plan: Currency) -> Option<&str> {
    currency.as_deref().filter(|c| *c != plan.code())
}

/// Converts a price stated in `currency` (or the plan's) at the rates of
/// month `month` to plan minor units, rounded once.
pub fn price_minor(
    amount: Decimal,
    currency: &Option<String>,
    plan: Currency,
    paths: &RatePaths,
    month: i32,
) -> Option<i64> {
    match foreign(currency, plan) {
        None => super::money::to_minor(amount, plan.exponent()),
        Some(code) => {
            let rate = paths.rate(code, month)?;
            let foreign = Currency::from_code(code)?;
            let factor = Factor::of(rate, plan.exponent(), foreign.exponent())?;
            let minor = super::money::to_minor(amount, foreign.exponent())?;
            Some(factor.convert(i128::from(minor), 1))
        }
    }
}

/// A price in its own currency's minor units, for the ledger: `NONE` for
/// the plan's currency; `None` when the currency has no rate path or the
/// amount does not fit its minor unit.
pub fn foreign_price(
    amount: Decimal,
    currency: &Option<String>,
    plan: Currency,
    paths: &RatePaths,
) -> Option<super::ledger::Foreign> {
    match foreign(currency, plan) {
        None => Some(super::ledger::Foreign::NONE),
        Some(code) => {
            let index = paths.index_of(code)?;
            let exponent = Currency::from_code(code)?.exponent();
            let minor = super::money::to_minor(amount, exponent)?;
            Some(super::ledger::Foreign::of(index, minor))
        }
    }
}

/// The factor of `currency` in month `month`, `ONE` for the plan's own.
pub fn factor_at(
    currency: &Option<String>,
    plan: Currency,
    paths: &RatePaths,
    month: i32,
) -> Option<Factor> {
    match foreign(currency, plan) {
        None => Some(Factor::ONE),
        Some(code) => {
            let foreign = Currency::from_code(code)?;
            Factor::of(
                paths.rate(code, month)?,
                plan.exponent(),
                foreign.exponent(),
            )
        }
    }
}

/// The exponent of the currency an amount is stated in.
pub fn exponent_of(currency: &Option<String>, plan: Currency) -> Option<u32> {
    match foreign(currency, plan) {
        None => Some(plan.exponent()),
        Some(code) => Currency::from_code(code).map(Currency::exponent),
    }
}

/// Every foreign currency the scenario's costs are stated in, sorted.
pub fn currencies_used(scenario: &Scenario, plan: Currency) -> Vec<String> {
    let mut used: Vec<String> = scenario
        .tools
        .iter()
        .map(|t| &t.currency)
        .chain(scenario.people.per_head.iter().map(|c| &c.currency))
        .chain(scenario.other_costs.iter().map(|c| &c.currency))
        .chain(scenario.cloud.lines.iter().map(|l| &l.currency))
        .filter_map(|c| foreign(c, plan))
        .map(str::to_string)
        .collect();
    used.sort();
    used.dedup();
    used
}

/// `other` with the base's exchange rates: each currency the base has a
/// path for takes the base's path as the base forecasts it (its what-if
/// applied), and the other's own rate what-if is set aside. Currencies only
/// the other has keep their rates.
pub fn at_rates_of(other: &Scenario, base: &Scenario) -> Scenario {
    let base_rates: Vec<ExchangeRate> = base
        .exchange_rates
        .iter()
        .map(|r| ExchangeRate {
            rate: moved(r.rate, base.adjustments.fx_pct),
            ..r.clone()
        })
        .collect();
    let mut moved_other = other.clone();
    moved_other.exchange_rates = other
        .exchange_rates
        .iter()
        .filter(|r| !base_rates.iter().any(|b| b.currency == r.currency))
        .map(|r| ExchangeRate {
            rate: moved(r.rate, other.adjustments.fx_pct),
            ..r.clone()
        })
        .chain(
            base_rates
                .iter()
                .filter(|b| {
                    other
                        .exchange_rates
                        .iter()
                        .any(|r| r.currency == b.currency)
                })
                .cloned(),
        )
        .collect();
    moved_other.adjustments.fx_pct = Decimal::ZERO;
    moved_other
}

/// `rate × (1 + pct / 100)`, exactly: the what-if on every rate.
pub fn moved(rate: Decimal, pct: Decimal) -> Decimal {
    if pct.is_zero() {
        return rate;
    }
    let factor = (Decimal::ONE_HUNDRED + pct) / Decimal::ONE_HUNDRED;
    rate.checked_mul(factor).unwrap_or(rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::YearMonth;

    fn ym(y: i32, m: u8) -> i32 {
        YearMonth::new(y, m).unwrap().index()
    }

    #[test]
    fn dollars_to_yen_round_once() {
        let yen = Currency::from_code("JPY").unwrap();
        let usd = Currency::from_code("USD").unwrap();
        let f = Factor::of(Decimal::new(15230, 2), yen.exponent(), usd.exponent()).unwrap();
        // $21.00 at 152.30 = ¥3,198.3 → ¥3,198.
        assert_eq!(f.convert(2100, 1), 3198);
        // $0.05 at 152.30 = ¥7.615 → ¥8; −$0.05 → −¥8.
        assert_eq!(f.convert(5, 1), 8);
        assert_eq!(f.convert(-5, 1), -8);
        // Carried at 10^-9 of a cent: $1.234567891 → ¥188.02 → ¥188.
        assert_eq!(f.convert(123_456_789_100, 1_000_000_000), 188);
    }

    #[test]
    fn a_step_path_takes_the_last_step_and_the_first_before_it() {
        let paths = RatePaths::of(&[
            ExchangeRate {
                currency: "USD".into(),
                from: YearMonth::new(2026, 10).unwrap(),
                rate: Decimal::from(160),
            },
            ExchangeRate {
                currency: "USD".into(),
                from: YearMonth::new(2026, 4).unwrap(),
                rate: Decimal::from(150),
            },
        ]);
        assert_eq!(paths.rate("USD", ym(2026, 1)), Some(Decimal::from(150)));
        assert_eq!(paths.rate("USD", ym(2026, 9)), Some(Decimal::from(150)));
        assert_eq!(paths.rate("USD", ym(2026, 10)), Some(Decimal::from(160)));
        assert_eq!(paths.rate("EUR", ym(2026, 10)), None);
        let months: Vec<i32> = (0..12).map(|m| ym(2026, 4) + m).collect();
        let (period, firsts) = rate_periods(&paths, &months);
        assert_eq!(period[5], 0);
        assert_eq!(period[6], 1);
        assert_eq!(firsts, vec![ym(2026, 4), ym(2026, 10)]);
    }

    #[test]
    fn the_what_if_moves_a_rate_exactly() {
        assert_eq!(
            moved(Decimal::new(15230, 2), Decimal::from(10)),
            Decimal::new(167_530, 3)
        );
        assert_eq!(
            moved(Decimal::new(15230, 2), Decimal::from(-10)).normalize(),
            Decimal::new(13707, 2)
        );
    }
}
