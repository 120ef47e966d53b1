//! Currencies and money: exact minor units at the core, `Decimal` at the edges.
//!
//! Inside the engine every amount is an integer count of the currency's minor
//! unit (yen, cents). Plans state amounts as `rust_decimal::Decimal`; these
//! helpers convert between the two without ever going through floating point.

use rust_decimal::Decimal;
use std::fmt;

/// The largest amount a plan may state: 10^15 units of its currency.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000;

/// An ISO 4217 currency and its exponent (the number of minor-unit digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    exponent: u32,
}

/// The currencies a plan may use. Exponents from ISO 4217.
const CURRENCIES: &[Currency] = &[
    Currency::of("JPY", 0),
    Currency::of("USD", 2),
    Currency::of("EUR", 2),
    Currency::of("GBP", 2),
    Currency::of("AUD", 2),
    Currency::of("BRL", 2),
    Currency::of("CAD", 2),
    Currency::of("CHF", 2),
    Currency::of("CNY", 2),
    Currency::of("CZK", 2),
    Currency::of("DKK", 2),
    Currency::of("HKD", 2),
    Currency::of("IDR", 2),
    Currency::of("INR", 2),
    Currency::of("ISK", 0),
    Currency::of("KRW", 0),
    Currency::of("MXN", 2),
    Currency::of("MYR", 2),
    Currency::of("NOK", 2),
    Currency::of("NZD", 2),
    Currency::of("PHP", 2),
    Currency::of("PLN", 2),
    Currency::of("SEK", 2),
    Currency::of("SGD", 2),
    Currency::of("THB", 2),
    Currency::of("TWD", 2),
    Currency::of("VND", 0),
    Currency::of("ZAR", 2),
    Currency::of("BHD", 3),
    Currency::of("KWD", 3),
];

impl Currency {
    const fn of(code: &'static str, exponent: u32) -> Self {
        Self { code, exponent }
    }

    /// The currency with this ISO code (exact, upper case), if Fleetplan knows it.
    pub fn from_code(code: &str) -> Option<Self> {
        CURRENCIES.iter().copied().find(|c| c.code == code)
    }

    /// Every currency a plan may use.
    pub fn all() -> &'static [Currency] {
        CURRENCIES
    }

    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits of the minor unit: 0 for JPY, 2 for USD, 3 for KWD.
    pub fn exponent(self) -> u32 {
        self.exponent
    }

    /// Minor units per unit: 1 for JPY, 100 for USD.
    pub fn minor_per_unit(self) -> i64 {
        10_i64.pow(self.exponent)
    }

    /// The largest amount a plan may state, in minor units.
    pub fn max_minor(self) -> i64 {
        MAX_UNITS * self.minor_per_unit()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// An amount in minor units of a currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    /// The exact amount `value`, if it has no more decimals than the
    /// currency and fits in minor units.
    pub fn from_decimal(value: Decimal, currency: Currency) -> Option<Self> {
        to_minor(value, currency.exponent).map(|minor| Self { minor, currency })
    }

    pub fn to_decimal(self) -> Decimal {
        from_minor(self.minor, self.currency.exponent)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_minor(self.minor, self.currency))
    }
}

/// `value` in minor units, exactly: `None` when it has more decimals than the
/// currency (1.5 yen) or does not fit in an `i64`.
pub fn to_minor(value: Decimal, exponent: u32) -> Option<i64> {
    let value = value.normalize();
    let scale = value.scale();
    if scale > exponent {
        return None;
    }
    let factor = 10_i128.checked_pow(exponent - scale)?;
    i64::try_from(value.mantissa().checked_mul(factor)?).ok()
}

/// `value` rounded half away from zero to the minor unit, if it fits.
pub fn round_to_minor(value: Decimal, exponent: u32) -> Option<i64> {
    let rounded = value.round_dp_with_strategy(
        exponent,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    to_minor(rounded, exponent)
}

/// The `Decimal` worth `minor` minor units (6000000 yen, 1234.56 dollars).
pub fn from_minor(minor: i64, exponent: u32) -> Decimal {
    Decimal::from_i128_with_scale(i128::from(minor), exponent.min(28))
}

/// The `Decimal` worth `minor` minor units, if it fits a `Decimal` (a total
/// can be wider than any single amount).
pub fn from_minor_wide(minor: i128, exponent: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(minor, exponent.min(28)).ok()
}

/// `numerator / denominator` rounded half away from zero. `denominator`
/// must be positive; a zero denominator gives 0 rather than a panic.
pub fn div_round(numerator: i128, denominator: i128) -> i128 {
    if denominator <= 0 {
        return 0;
    }
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    // |r| >= d - |r|  <=>  2|r| >= d, without overflow.
    if remainder.unsigned_abs() >= denominator.unsigned_abs() - remainder.unsigned_abs() {
        quotient + numerator.signum()
    } else {
        quotient
    }
}

/// The digits of `minor` as a plain number with the currency's decimals and
/// no separators: "6000000", "1234.56", "-0.05". For CSV and plan files.
pub fn plain_minor(minor: i128, exponent: u32) -> String {
    let (whole, fraction) = split_minor(minor, exponent);
    let sign = if minor < 0 { "-" } else { "" };
    match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    }
}

/// `minor` with thousands separators and the currency's decimals:
/// "6,000,000" for JPY 6000000, "1,234.56" for USD 123456, "-1,000.00".
pub fn format_minor(minor: impl Into<i128>, currency: Currency) -> String {
    group_digits(&plain_minor(minor.into(), currency.exponent))
}

/// `plain` ("-1234567.5") with thousands separators in its whole part.
pub fn group_digits(plain: &str) -> String {
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// The whole part and, for currencies with a minor unit, the zero-padded
/// fraction of |minor|.
fn split_minor(minor: i128, exponent: u32) -> (String, Option<String>) {
    let digits = minor.unsigned_abs().to_string();
    let exponent = exponent as usize;
    if exponent == 0 {
        return (digits, None);
    }
    let padded = format!("{digits:0>width$}", width = exponent + 1);
    let (whole, fraction) = padded.split_at(padded.len() - exponent);
    (whole.to_string(), Some(fraction.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn jpy() -> Currency {
        Currency::from_code("JPY").unwrap()
    }
    fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    #[test]
    fn digits_are_grouped_in_threes() {
        assert_eq!(group_digits("0"), "0");
        assert_eq!(group_digits("999"), "999");
        assert_eq!(group_digits("1000"), "1,000");
        assert_eq!(group_digits("1234567.25"), "1,234,567.25");
        assert_eq!(group_digits("-12345"), "-12,345");
    }

    #[test]
    fn exponents() {
        assert_eq!(jpy().exponent(), 0);
        assert_eq!(usd().exponent(), 2);
        assert_eq!(Currency::from_code("KWD").unwrap().exponent(), 3);
        assert_eq!(Currency::from_code("jpy"), None);
        assert_eq!(Currency::from_code("XXX"), None);
    }

    #[test]
    fn converts_exactly() {
        assert_eq!(to_minor(dec!(6000000), 0), Some(6_000_000));
        assert_eq!(to_minor(dec!(1234.56), 2), Some(123_456));
        assert_eq!(to_minor(dec!(1234.5), 2), Some(123_450));
        assert_eq!(to_minor(dec!(1.50), 0), None);
        assert_eq!(to_minor(dec!(1.00), 0), Some(1));
        assert_eq!(from_minor(123_456, 2), dec!(1234.56));
        assert_eq!(round_to_minor(dec!(0.5), 0), Some(1));
        assert_eq!(round_to_minor(dec!(-0.5), 0), Some(-1));
        assert_eq!(round_to_minor(dec!(2.345), 2), Some(235));
        assert_eq!(round_to_minor(dec!(-2.345), 2), Some(-235));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round(5, 2), 3);
        assert_eq!(div_round(-5, 2), -3);
        assert_eq!(div_round(7, 3), 2);
        assert_eq!(div_round(8, 3), 3);
        assert_eq!(div_round(-8, 3), -3);
        assert_eq!(div_round(0, 3), 0);
        assert_eq!(div_round(1, 0), 0);
        assert_eq!(div_round(i128::MAX, i128::MAX), 1);
    }

    #[test]
    fn formats() {
        assert_eq!(format_minor(6_000_000_i64, jpy()), "6,000,000");
        assert_eq!(format_minor(123_456_i64, usd()), "1,234.56");
        assert_eq!(format_minor(-100_000_i64, usd()), "-1,000.00");
        assert_eq!(format_minor(5_i64, usd()), "0.05");
        assert_eq!(format_minor(-5_i64, usd()), "-0.05");
        assert_eq!(format_minor(0_i64, jpy()), "0");
        assert_eq!(format_minor(999_i64, jpy()), "999");
        assert_eq!(plain_minor(123_456, 2), "1234.56");
        assert_eq!(plain_minor(-5, 2), "-0.05");
        assert_eq!(plain_minor(6_000_000, 0), "6000000");
        assert_eq!(
            Money::from_decimal(dec!(12.3), usd()).unwrap().to_string(),
            "12.30"
        );
    }
}
