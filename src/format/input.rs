//! Reading what people type into amount, percent and number fields.
//!
//! Every money field and the roster CSV import read amounts with
//! [`parse_amount`]. It accepts, in any combination:
//! - digits with an optional decimal point: `1200000`, `1234.50`, `.5`;
//! - commas between groups of three digits: `1,200,000`, `$1,234.56`;
//! - spaces, no-break and thin spaces or `_` anywhere: `1 200 000`;
//! - a leading `¥`, `￥`, `$`, `€` or `£`, and a trailing `円`;
//! - full-width forms as a Japanese IME types them: `９，０００，０００`,
//!   `１２．５`, `￥`, the full-width space;
//! - the multipliers `億`, `万` and `千`: `900万` (9,000,000), `1.5万`
//!   (15,000), `12千`, `900万円`, `1,000万`, and compounds from the largest
//!   unit down, `1億2000万`, `1万2千`, `1万2千500`, `1万0500`.
//!
//! Percent fields take the same digits (full-width too) and a trailing `%`
//! or `％`; number fields the same digits. All of them mean exact decimal
//! values. Nothing is clamped or guessed: text that could be read two ways
//! is refused with an [`InputError`] for the field, so is text that is not a
//! value. A comma is the reading people get wrong most (`1,5` is 1.5 in much
//! of Europe, 15 if commas are dropped), hence
//! [`InputError::AmbiguousComma`].

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// Why typed text is not a valid value, with the text and the limits the
/// message needs (so a UI can say it in its language: `i18n::fields`). The
/// English is the [`Display`](fmt::Display); CSV imports and the tests read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// An amount field left empty.
    EnterAmount,
    NegativeAmount,
    /// Text that is not digits with separators, as typed (trimmed).
    NotAnAmount {
        text: String,
    },
    /// Digits beyond what a decimal holds, as typed (trimmed).
    TooLarge {
        text: String,
    },
    /// An amount above [`MAX_UNITS`](crate::model::money::MAX_UNITS).
    AboveLargestAmount,
    /// Decimals in a currency without a minor unit.
    NoMinorUnit,
    /// More decimals than the currency's `max`.
    TooManyDecimals {
        max: u32,
    },
    /// A percentage field left empty.
    EnterPercentage,
    /// Text that is not a percentage, as typed (trimmed).
    NotAPercentage {
        text: String,
    },
    /// A number field left empty.
    EnterNumber,
    NegativeNumber,
    /// Text that is not a plain number, as typed (trimmed).
    NotANumber {
        text: String,
    },
    /// Not a whole number from `min` to `max`.
    WholeNumber {
        min: i64,
        max: i64,
    },
    /// A comma that does not separate thousands (`1,5`, `120000,50`,
    /// `1,23,456`): refused rather than read as a decimal point or dropped.
    /// The text as typed (trimmed), and what the field expected.
    AmbiguousComma {
        text: String,
        expected: Expected,
    },
}

/// What a field reads, for a message that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Amount,
    Percentage,
    Number,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::EnterAmount => f.write_str("Enter an amount."),
            InputError::NegativeAmount => f.write_str("The amount cannot be negative."),
            InputError::NotAnAmount { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not an amount, type digits such as 1,200,000."
            ),
            InputError::TooLarge { text } => write!(f, "\u{201c}{text}\u{201d} is too large."),
            InputError::AboveLargestAmount => f.write_str(
                "That is more than 1,000,000,000,000,000, the largest amount a plan holds.",
            ),
            InputError::NoMinorUnit => {
                f.write_str("This currency has no minor unit: enter a whole amount.")
            }
            InputError::TooManyDecimals { max } => write!(f, "Enter at most {max} decimals."),
            InputError::EnterPercentage => f.write_str("Enter a percentage, such as 12.5."),
            InputError::NotAPercentage { text } => write!(
                f,
                "\u{201c}{text}\u{201d} is not a percentage: type a number such as 12.5."
            ),
            InputError::EnterNumber => f.write_str("Enter a number."),
            InputError::NegativeNumber => f.write_str("The number cannot be negative."),
            InputError::NotANumber { text } => {
                write!(f, "\u{201c}{text}\u{201d} is not a number such as 0.8.")
            }
            InputError::WholeNumber { min, max } => {
                write!(f, "Enter a whole number from {min} to {max}.")
            }
            InputError::AmbiguousComma { text, expected } => {
                let what = match expected {
                    Expected::Amount => "an amount",
                    Expected::Percentage => "a percentage",
                    Expected::Number => "a number",
                };
                write!(
                    f,
                    "\u{201c}{text}\u{201d} is not {what}: a comma separates thousands (1,500); \
                     for a decimal, use a point (1.5)."
                )
            }
        }
    }
}

impl std::error::Error for InputError {}

/// The multipliers people write amounts with, largest first.
const UNITS: [(char, u64); 3] = [('億', 100_000_000), ('万', 10_000), ('千', 1_000)];

/// Parses a non-negative amount of money with at most `exponent` decimals
/// (0 for yen, 2 for dollars), in any form the module lists. The result is
/// exact: `1.5万` is 15,000, and a multiplied amount with more decimals than
/// the currency has is refused like typed decimals.
pub fn parse_amount(text: &str, exponent: u32) -> Result<Decimal, InputError> {
    let typed = text.trim();
    // Separators between groups carry no value: drop them all.
    let cleaned: String = half_width(typed)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let unsigned = cleaned.strip_prefix('-');
    let negative = unsigned.is_some();
    let body = strip_currency_sign(unsigned.unwrap_or(&cleaned));
    // `¥-5` as well as `-¥5`.
    let negative = negative || body.starts_with('-');
    let body = body.strip_suffix('円').unwrap_or(body);
    if body.is_empty() && !negative {
        return Err(InputError::EnterAmount);
    }
    if negative {
        return Err(InputError::NegativeAmount);
    }
    let value = multiplied(body, typed)?.normalize();
    if value > Decimal::from(crate::model::money::MAX_UNITS) {
        return Err(InputError::AboveLargestAmount);
    }
    if value.scale() > exponent {
        return Err(match exponent {
            0 => InputError::NoMinorUnit,
            max => InputError::TooManyDecimals { max },
        });
    }
    Ok(value)
}

fn strip_currency_sign(text: &str) -> &str {
    text.strip_prefix(['¥', '$', '€', '£']).unwrap_or(text)
}

/// An amount with or without `億`, `万`, `千`: terms from the largest unit
/// down, each at most once, each below the unit before it, a decimal point
/// only in the last number. A number after the last unit is written with
/// all its digits (`1万0500`, `1千500`): spoken Japanese drops the last unit
/// (`1万5` for 1万5千), so a shorter number could be read two ways.
fn multiplied(body: &str, typed: &str) -> Result<Decimal, InputError> {
    let not_an_amount = || InputError::NotAnAmount {
        text: typed.to_string(),
    };
    let too_large = || InputError::TooLarge {
        text: typed.to_string(),
    };
    let mut total = Decimal::ZERO;
    // The unit of the term before, if any.
    let mut above: Option<u64> = None;
    let mut rest = body;
    while !rest.is_empty() {
        let (number, unit, after) = match rest.char_indices().find_map(|(i, c)| {
            UNITS
                .iter()
                .find(|(u, _)| *u == c)
                .map(|&(u, value)| (i, u, value))
        }) {
            Some((i, u, value)) => (&rest[..i], Some(value), &rest[i + u.len_utf8()..]),
            None => (rest, None, ""),
        };
        if number.is_empty() || (number.contains('.') && !after.is_empty()) {
            return Err(not_an_amount());
        }
        let coefficient = grouped_decimal(number).map_err(|bad| match bad {
            Bad::Comma => InputError::AmbiguousComma {
                text: typed.to_string(),
                expected: Expected::Amount,
            },
            Bad::Malformed => not_an_amount(),
            Bad::TooLarge => too_large(),
        })?;
        let term = match unit {
            Some(value) => coefficient
                .checked_mul(Decimal::from(value))
                .ok_or_else(too_large)?,
            None => coefficient,
        };
        if let Some(previous) = above {
            let descending = unit.is_none_or(|u| u < previous);
            // A bare number after 万 has 4 digits, after 千 3.
            let whole_digits = number.split('.').next().unwrap_or("").replace(',', "");
            let full_remainder = unit.is_some() || whole_digits.len() == previous.ilog10() as usize;
            if !descending || !full_remainder || term >= Decimal::from(previous) {
                return Err(not_an_amount());
            }
        }
        total = total.checked_add(term).ok_or_else(too_large)?;
        above = unit;
        rest = after;
    }
    Ok(total)
}

/// Parses a percentage as people type it: `12.5`, `12.5 %`, `12.5%` or
/// `１２．５％` all mean 12.5 %. `signed` allows a minus sign (cloud growth
/// can shrink). The range is the engine's to check, so its message names
/// the field's rule.
pub fn parse_percent(text: &str, signed: bool) -> Result<Decimal, InputError> {
    let typed = text.trim();
    let half = half_width(typed);
    let cleaned = half.trim();
    let cleaned = cleaned.strip_suffix('%').unwrap_or(cleaned).trim();
    if cleaned.is_empty() {
        return Err(InputError::EnterPercentage);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(digits) if signed => (true, digits),
        _ => (false, cleaned),
    };
    let value = grouped_decimal(digits).map_err(|bad| match bad {
        Bad::Comma => InputError::AmbiguousComma {
            text: typed.to_string(),
            expected: Expected::Percentage,
        },
        Bad::Malformed | Bad::TooLarge => InputError::NotAPercentage {
            text: typed.to_string(),
        },
    })?;
    // `-0` is 0, as it always read.
    Ok(if negative { -value } else { value }.normalize())
}

/// An optional percentage: an empty field means "not set" (`None`).
pub fn parse_optional_percent(text: &str) -> Result<Option<Decimal>, InputError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_percent(text, false).map(Some)
    }
}

/// An optional amount: an empty field means "not set" (`None`).
pub fn parse_optional_amount(text: &str, exponent: u32) -> Result<Option<Decimal>, InputError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount(text, exponent).map(Some)
    }
}

/// A plain non-negative decimal such as an FTE (`0.8`, `０．８`) or months
/// of pay.
pub fn parse_number(text: &str) -> Result<Decimal, InputError> {
    let typed = text.trim();
    let half = half_width(typed);
    let cleaned = half.trim();
    if cleaned.is_empty() {
        return Err(InputError::EnterNumber);
    }
    if cleaned.starts_with('-') {
        return Err(InputError::NegativeNumber);
    }
    grouped_decimal(cleaned).map_err(|bad| match bad {
        Bad::Comma => InputError::AmbiguousComma {
            text: typed.to_string(),
            expected: Expected::Number,
        },
        Bad::Malformed | Bad::TooLarge => InputError::NotANumber {
            text: typed.to_string(),
        },
    })
}

/// A whole number from `min` to `max`, such as months of backfill lag;
/// full-width digits too.
pub fn parse_whole(text: &str, min: i64, max: i64) -> Result<i64, InputError> {
    let refused = InputError::WholeNumber { min, max };
    let value: i64 = half_width(text)
        .trim()
        .parse()
        .map_err(|_| refused.clone())?;
    if value < min || value > max {
        return Err(refused);
    }
    Ok(value)
}

/// Full-width forms (`１２．５`, `９，０００`, `￥`, `－`, `％`, the
/// ideographic space) as the ASCII they stand for: a Japanese IME types
/// them, and they mean the same value.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{ffe5}' => '¥',
            '\u{ffe1}' => '£',
            '\u{2212}' => '-',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Why [`grouped_decimal`] refused a text.
enum Bad {
    /// A comma that does not separate groups of three digits.
    Comma,
    /// Not digits with at most one point.
    Malformed,
    /// Beyond `Decimal`'s range.
    TooLarge,
}

/// Unsigned digits with at most one point, commas allowed only between
/// thousands: the first group 1 to 3 digits not starting with 0, every
/// later group exactly 3, none after the point. `0,500` or `1,5` would be a
/// decimal comma to half the world, so they are refused, not dropped.
fn grouped_decimal(text: &str) -> Result<Decimal, Bad> {
    if text.is_empty() || text.contains(|c: char| !matches!(c, '0'..='9' | '.' | ',')) {
        return Err(Bad::Malformed);
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((_, fraction)) if fraction.contains('.') => return Err(Bad::Malformed),
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    if fraction.contains(',') {
        return Err(Bad::Comma);
    }
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        let thousands = (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && groups.all(|g| g.len() == 3);
        if !thousands {
            return Err(Bad::Comma);
        }
    }
    let digits = whole.replace(',', "");
    if digits.is_empty() && fraction.is_empty() {
        return Err(Bad::Malformed);
    }
    let plain = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { &digits },
        if fraction.is_empty() { "0" } else { fraction }
    );
    Decimal::from_str(&plain)
        .map(|d| d.normalize())
        .map_err(|_| Bad::TooLarge)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use rust_decimal::dec;

    /// One error of each kind, as the parsers give it, and its English
    /// (word for word what the fields have always said).
    pub(crate) fn samples() -> Vec<(InputError, &'static str)> {
        let err = |r: Result<Decimal, InputError>| r.unwrap_err();
        vec![
            (err(parse_amount(" ", 0)), "Enter an amount."),
            (err(parse_amount("-5", 0)), "The amount cannot be negative."),
            (
                err(parse_amount(" 12x ", 0)),
                "\u{201c}12x\u{201d} is not an amount, type digits such as 1,200,000.",
            ),
            (
                err(parse_amount("99999999999999999999999999999999", 0)),
                "\u{201c}99999999999999999999999999999999\u{201d} is too large.",
            ),
            (
                err(parse_amount("2,000,000,000,000,000", 0)),
                "That is more than 1,000,000,000,000,000, the largest amount a plan holds.",
            ),
            (
                err(parse_amount("1.5", 0)),
                "This currency has no minor unit: enter a whole amount.",
            ),
            (err(parse_amount("1.555", 2)), "Enter at most 2 decimals."),
            (
                err(parse_percent("%", false)),
                "Enter a percentage, such as 12.5.",
            ),
            (
                err(parse_percent("１２．５．１%", false)),
                "\u{201c}１２．５．１%\u{201d} is not a percentage: type a number such as 12.5.",
            ),
            (err(parse_number("")), "Enter a number."),
            (err(parse_number("-1")), "The number cannot be negative."),
            (
                err(parse_number("0.8.1")),
                "\u{201c}0.8.1\u{201d} is not a number such as 0.8.",
            ),
            (
                parse_whole("500", -120, 120).unwrap_err(),
                "Enter a whole number from -120 to 120.",
            ),
            (
                err(parse_amount(" 1,5 ", 0)),
                "\u{201c}1,5\u{201d} is not an amount: a comma separates thousands (1,500); \
                 for a decimal, use a point (1.5).",
            ),
            (
                err(parse_percent("12,5%", false)),
                "\u{201c}12,5%\u{201d} is not a percentage: a comma separates thousands \
                 (1,500); for a decimal, use a point (1.5).",
            ),
            (
                err(parse_number("０，８")),
                "\u{201c}０，８\u{201d} is not a number: a comma separates thousands (1,500); \
                 for a decimal, use a point (1.5).",
            ),
        ]
    }

    #[test]
    fn every_error_in_english() {
        let mut kinds = std::collections::HashSet::new();
        let mut expected = std::collections::HashSet::new();
        for (error, english) in samples() {
            // A new kind of error needs a sample: this match stops compiling.
            kinds.insert(match &error {
                InputError::EnterAmount => 0,
                InputError::NegativeAmount => 1,
                InputError::NotAnAmount { .. } => 2,
                InputError::TooLarge { .. } => 3,
                InputError::AboveLargestAmount => 4,
                InputError::NoMinorUnit => 5,
                InputError::TooManyDecimals { .. } => 6,
                InputError::EnterPercentage => 7,
                InputError::NotAPercentage { .. } => 8,
                InputError::EnterNumber => 9,
                InputError::NegativeNumber => 10,
                InputError::NotANumber { .. } => 11,
                InputError::WholeNumber { .. } => 12,
                InputError::AmbiguousComma { expected: e, .. } => {
                    expected.insert(match e {
                        Expected::Amount => 0,
                        Expected::Percentage => 1,
                        Expected::Number => 2,
                    });
                    13
                }
            });
            assert_eq!(error.to_string(), english);
        }
        assert_eq!(kinds.len(), 14, "a sample of every error");
        assert_eq!(expected.len(), 3, "a comma sample of every field");
        assert_eq!(
            parse_whole("x", 0, 24),
            Err(InputError::WholeNumber { min: 0, max: 24 })
        );
    }

    fn comma(text: &str, expected: Expected) -> Result<Decimal, InputError> {
        Err(InputError::AmbiguousComma {
            text: text.into(),
            expected,
        })
    }

    fn not_an_amount(text: &str) -> Result<Decimal, InputError> {
        Err(InputError::NotAnAmount { text: text.into() })
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_amount("1,200,000", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount(" 1200000 ", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("¥6,000,000", 0), Ok(dec!(6000000)));
        assert_eq!(parse_amount("1,234.50", 2), Ok(dec!(1234.5)));
        assert_eq!(parse_amount("0", 0), Ok(dec!(0)));
        assert_eq!(parse_amount("$1,234.56", 2), Ok(dec!(1234.56)));
        assert_eq!(parse_amount("€1,234.5", 2), Ok(dec!(1234.5)));
        assert_eq!(parse_amount("£.5", 2), Ok(dec!(0.5)));
        assert_eq!(parse_amount("12.", 0), Ok(dec!(12)));
        assert_eq!(parse_amount("1_200_000", 0), Ok(dec!(1200000)));
        // Spaces, no-break, thin and narrow no-break spaces between groups.
        assert_eq!(
            parse_amount("1 200\u{a0}000\u{2009}000\u{202f}000", 0),
            Ok(dec!(1200000000000))
        );
        assert_eq!(parse_amount("¥ 1,200,000", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("1,000", 0), Ok(dec!(1000)));
        assert_eq!(parse_amount("999", 0), Ok(dec!(999)));
    }

    #[test]
    fn full_width_as_a_japanese_ime_types_it() {
        assert_eq!(parse_amount("９，０００，０００", 0), Ok(dec!(9000000)));
        assert_eq!(parse_amount("１２．５", 1), Ok(dec!(12.5)));
        assert_eq!(parse_amount("￥１，２００，０００", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("＄１，２３４．５６", 2), Ok(dec!(1234.56)));
        assert_eq!(parse_amount("９　０００　０００円", 0), Ok(dec!(9000000)));
        assert_eq!(parse_amount("　９００万円　", 0), Ok(dec!(9000000)));
        assert_eq!(
            parse_amount("－５", 0),
            Err(InputError::NegativeAmount),
            "full-width minus"
        );
        assert_eq!(
            parse_amount("\u{2212}5", 0),
            Err(InputError::NegativeAmount)
        );
        assert_eq!(
            parse_amount("１，５", 0),
            comma("１，５", Expected::Amount),
            "the full-width comma follows the same rule"
        );
    }

    #[test]
    fn yen_sign_and_suffix() {
        assert_eq!(parse_amount("¥900万", 0), Ok(dec!(9000000)));
        assert_eq!(parse_amount("1,200,000円", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("¥1,200,000円", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("1200000 円", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("円", 0), Err(InputError::EnterAmount));
        assert_eq!(parse_amount("￥", 0), Err(InputError::EnterAmount));
        assert_eq!(parse_amount("¥-5", 0), Err(InputError::NegativeAmount));
        assert_eq!(parse_amount("-¥5", 0), Err(InputError::NegativeAmount));
        assert_eq!(parse_amount("-900万", 0), Err(InputError::NegativeAmount));
        assert_eq!(parse_amount("円5", 0), not_an_amount("円5"));
        assert_eq!(parse_amount("5円円", 0), not_an_amount("5円円"));
        assert_eq!(parse_amount("5¥", 0), not_an_amount("5¥"));
    }

    #[test]
    fn man_sen_and_oku_multiply_exactly() {
        assert_eq!(parse_amount("900万", 0), Ok(dec!(9000000)));
        assert_eq!(parse_amount("900万円", 0), Ok(dec!(9000000)));
        assert_eq!(parse_amount("1.5万", 0), Ok(dec!(15000)));
        assert_eq!(parse_amount("１．５万", 0), Ok(dec!(15000)));
        assert_eq!(parse_amount("12千", 0), Ok(dec!(12000)));
        assert_eq!(parse_amount("12千円", 0), Ok(dec!(12000)));
        assert_eq!(parse_amount("1,000万", 0), Ok(dec!(10000000)));
        assert_eq!(parse_amount("2億", 0), Ok(dec!(200000000)));
        assert_eq!(parse_amount("1億2000万", 0), Ok(dec!(120000000)));
        assert_eq!(parse_amount("1億2,000万円", 0), Ok(dec!(120000000)));
        assert_eq!(parse_amount("1億0200万", 0), Ok(dec!(102000000)));
        assert_eq!(parse_amount("1万2千", 0), Ok(dec!(12000)));
        assert_eq!(parse_amount("1万2千500", 0), Ok(dec!(12500)));
        assert_eq!(parse_amount("1万0500円", 0), Ok(dec!(10500)));
        assert_eq!(parse_amount("1万5000", 0), Ok(dec!(15000)));
        assert_eq!(parse_amount("1千500", 0), Ok(dec!(1500)));
        assert_eq!(parse_amount("1億2.5万", 0), Ok(dec!(100025000)));
        assert_eq!(parse_amount("1万2000.50", 2), Ok(dec!(12000.5)));
        // A currency with cents: the decimals a multiplier leaves count.
        assert_eq!(parse_amount("1.2345万", 2), Ok(dec!(12345)));
        assert_eq!(parse_amount("0.001万", 2), Ok(dec!(10)));
        assert_eq!(parse_amount("1.23456万", 2), Ok(dec!(12345.6)));
        assert_eq!(
            parse_amount("1,000,000,000,000,000", 0),
            Ok(dec!(1000000000000000))
        );
        assert_eq!(parse_amount("1000万億", 0), not_an_amount("1000万億"));
        assert_eq!(parse_amount("1000000億", 0), Ok(dec!(100000000000000)));
        assert_eq!(
            parse_amount("10000001億", 0),
            Err(InputError::AboveLargestAmount)
        );
        assert_eq!(
            parse_amount("99999999999999999999999999億", 0),
            Err(InputError::TooLarge {
                text: "99999999999999999999999999億".into()
            })
        );
    }

    #[test]
    fn multipliers_that_could_be_read_two_ways_are_refused() {
        for text in [
            "万",
            "万円",
            "900万万",
            "1千2万",
            "1万1億",
            "1万12千",
            "1億12000万",
            "1万20000",
            // Spoken Japanese drops the last unit: 1万5 is often 1万5千.
            "1万5",
            "1万500",
            "1億2000",
            "1千5",
            "1.5万2000",
            "1.5万2千",
            "万5",
            "1万.5",
            "1万千",
            "1.2.3万",
        ] {
            assert_eq!(parse_amount(text, 0), not_an_amount(text), "{text}");
        }
        assert_eq!(parse_amount("1,5万", 0), comma("1,5万", Expected::Amount));
        assert_eq!(
            parse_amount("1万2,00", 0),
            comma("1万2,00", Expected::Amount)
        );
    }

    #[test]
    fn a_multiplied_amount_keeps_the_currency_decimals() {
        assert_eq!(parse_amount("1.23456万", 0), Err(InputError::NoMinorUnit));
        assert_eq!(parse_amount("1.5千", 0), Ok(dec!(1500)));
        assert_eq!(parse_amount("1.0005千", 0), Err(InputError::NoMinorUnit));
        assert_eq!(
            parse_amount("1.0000001万", 2),
            Err(InputError::TooManyDecimals { max: 2 })
        );
    }

    #[test]
    fn a_comma_separates_thousands_or_is_refused() {
        for (text, exponent) in [
            ("1,5", 0),
            ("120000,50", 2),
            ("1,23,456", 0),
            ("12,3456", 0),
            ("1.234,56", 2),
            ("1,234,56", 2),
            ("0,500", 0),
            ("0,5", 2),
            (",500", 0),
            ("1,000,", 0),
            ("1,,000", 0),
            ("1234,567", 0),
            ("1.5,000", 2),
            ("$1,5", 2),
            ("１，５円", 0),
        ] {
            assert_eq!(
                parse_amount(text, exponent),
                comma(text, Expected::Amount),
                "{text}"
            );
        }
        // Not a number at all: the comma is not the message.
        assert_eq!(parse_amount("1,5x", 0), not_an_amount("1,5x"));
        assert_eq!(parse_amount("1.2.3", 2), not_an_amount("1.2.3"));
        assert_eq!(parse_amount(".", 2), not_an_amount("."));
        // Well grouped: accepted, never a factor.
        assert_eq!(parse_amount("1,500", 0), Ok(dec!(1500)));
        assert_eq!(parse_amount("12,345.67", 2), Ok(dec!(12345.67)));
        assert_eq!(parse_amount("120,000.50", 2), Ok(dec!(120000.5)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount("", 0), Err(InputError::EnterAmount));
        assert_eq!(parse_amount("abc", 0), not_an_amount("abc"));
        assert_eq!(parse_amount("-5", 0), Err(InputError::NegativeAmount));
        assert_eq!(parse_amount("1.5", 0), Err(InputError::NoMinorUnit));
        assert_eq!(
            parse_amount("1.234", 2),
            Err(InputError::TooManyDecimals { max: 2 })
        );
        assert_eq!(parse_amount("1e3", 0), not_an_amount("1e3"));
        assert_eq!(parse_amount("+5", 0), not_an_amount("+5"));
        assert_eq!(
            parse_amount("1,000,000,000,000,000", 0),
            Ok(dec!(1000000000000000))
        );
        assert_eq!(
            parse_amount("1,000,000,000,000,001", 0),
            Err(InputError::AboveLargestAmount)
        );
        assert_eq!(
            parse_amount("99999999999999999999999999999999", 0),
            Err(InputError::TooLarge {
                text: "99999999999999999999999999999999".into()
            })
        );
    }

    #[test]
    fn percentages_as_people_type_them() {
        assert_eq!(parse_percent("12.5", false), Ok(dec!(12.5)));
        assert_eq!(parse_percent(" 12.5 % ", false), Ok(dec!(12.5)));
        assert_eq!(parse_percent("35%", false), Ok(dec!(35)));
        assert_eq!(parse_percent("-1.5", true), Ok(dec!(-1.5)));
        assert_eq!(
            parse_percent("-0", true).map(|d| d.to_string()),
            Ok("0".into())
        );
        assert_eq!(parse_percent("１２．５％", false), Ok(dec!(12.5)));
        assert_eq!(parse_percent("１２%", false), Ok(dec!(12)));
        assert_eq!(parse_percent("－１．５％", true), Ok(dec!(-1.5)));
        assert_eq!(parse_percent("1,000%", false), Ok(dec!(1000)));
        assert_eq!(parse_percent(".5", false), Ok(dec!(0.5)));
        let not = |text: &str| {
            Err(InputError::NotAPercentage {
                text: text.to_string(),
            })
        };
        assert_eq!(parse_percent("-1.5", false), not("-1.5"));
        assert_eq!(parse_percent("", false), Err(InputError::EnterPercentage));
        assert_eq!(parse_percent("１２％", false), Ok(dec!(12)));
        assert_eq!(parse_percent("1e3", false), not("1e3"));
        assert_eq!(parse_percent("ten", false), not("ten"));
        assert_eq!(parse_percent("12%%", false), not("12%%"));
        assert_eq!(parse_percent("--1", true), not("--1"));
        assert_eq!(
            parse_percent("1,5", true),
            comma("1,5", Expected::Percentage)
        );
        assert_eq!(
            parse_percent("-1,5%", true),
            comma("-1,5%", Expected::Percentage)
        );
        assert_eq!(
            parse_percent("１２，５％", false),
            comma("１２，５％", Expected::Percentage)
        );
        assert_eq!(parse_optional_percent("  "), Ok(None));
        assert_eq!(parse_optional_percent("20"), Ok(Some(dec!(20))));
        assert_eq!(
            parse_optional_percent("2,5"),
            comma("2,5", Expected::Percentage).map(Some)
        );
        assert_eq!(parse_optional_amount("", 0), Ok(None));
        assert_eq!(parse_optional_amount("1,000", 0), Ok(Some(dec!(1000))));
        assert_eq!(parse_optional_amount("900万", 0), Ok(Some(dec!(9000000))));
        assert_eq!(
            parse_optional_amount("1,5", 0),
            comma("1,5", Expected::Amount).map(Some)
        );
    }

    #[test]
    fn numbers_and_whole_numbers() {
        assert_eq!(parse_number("0.80"), Ok(dec!(0.8)));
        assert_eq!(parse_number("０．８"), Ok(dec!(0.8)));
        assert_eq!(parse_number("1,000.5"), Ok(dec!(1000.5)));
        assert_eq!(parse_number("-1"), Err(InputError::NegativeNumber));
        assert_eq!(parse_number("－1"), Err(InputError::NegativeNumber));
        assert_eq!(
            parse_number("."),
            Err(InputError::NotANumber { text: ".".into() })
        );
        assert_eq!(parse_number("0,8"), comma("0,8", Expected::Number));
        assert_eq!(parse_number("1,0000"), comma("1,0000", Expected::Number));
        assert_eq!(parse_whole("3", 0, 24), Ok(3));
        assert_eq!(parse_whole("１２", 0, 24), Ok(12));
        assert_eq!(parse_whole("－３", -120, 120), Ok(-3));
        let refused = Err(InputError::WholeNumber { min: 0, max: 24 });
        assert_eq!(parse_whole("25", 0, 24), refused);
        assert_eq!(parse_whole("2.5", 0, 24), refused);
        assert_eq!(parse_whole("1,5", 0, 24), refused);
    }
}
