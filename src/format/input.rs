//! Reading what people type into amount and percent fields.
//!
//! People type `1,200,000`, `1200000`, `¥1,200,000` or `12.5` (for 12.5 %);
//! all of them mean exact decimal values. Nothing is clamped or guessed: text
//! that is not a plain amount is refused with an [`InputError`] for the field.

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
        }
    }
}

impl std::error::Error for InputError {}

/// Parses a non-negative amount of money with at most `exponent` decimals
/// (0 for yen, 2 for dollars). Thousands separators, spaces and a leading
/// currency sign are accepted.
pub fn parse_amount(text: &str, exponent: u32) -> Result<Decimal, InputError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '$', '€', '£', '￥'])
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::EnterAmount);
    }
    if cleaned.starts_with('-') {
        return Err(InputError::NegativeAmount);
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') || cleaned.matches('.').count() > 1
    {
        return Err(InputError::NotAnAmount {
            text: text.trim().to_string(),
        });
    }
    let value = Decimal::from_str(&cleaned).map_err(|_| InputError::TooLarge {
        text: text.trim().to_string(),
    })?;
    let value = value.normalize();
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

/// Parses a percentage as people type it: `12.5`, `12.5 %` or `12.5%` all
/// mean 12.5 %. `signed` allows a minus sign (cloud growth can shrink).
/// The range is the engine's to check, so its message names the field's rule.
pub fn parse_percent(text: &str, signed: bool) -> Result<Decimal, InputError> {
    let cleaned = text.trim().trim_end_matches(['%', '％']).trim();
    if cleaned.is_empty() {
        return Err(InputError::EnterPercentage);
    }
    parse_plain_decimal(cleaned, signed).ok_or_else(|| InputError::NotAPercentage {
        text: text.trim().to_string(),
    })
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

/// A plain non-negative decimal such as an FTE (`0.8`) or months of pay.
pub fn parse_number(text: &str) -> Result<Decimal, InputError> {
    let cleaned = text.trim();
    if cleaned.is_empty() {
        return Err(InputError::EnterNumber);
    }
    if cleaned.starts_with('-') {
        return Err(InputError::NegativeNumber);
    }
    parse_plain_decimal(cleaned, false).ok_or_else(|| InputError::NotANumber {
        text: cleaned.to_string(),
    })
}

/// A whole number from `min` to `max`, such as months of backfill lag.
pub fn parse_whole(text: &str, min: i64, max: i64) -> Result<i64, InputError> {
    let refused = InputError::WholeNumber { min, max };
    let value: i64 = text.trim().parse().map_err(|_| refused.clone())?;
    if value < min || value > max {
        return Err(refused);
    }
    Ok(value)
}

/// Digits with at most one point, optionally signed; no exponent, no
/// separators. `None` for anything else or beyond `Decimal`'s range.
fn parse_plain_decimal(text: &str, signed: bool) -> Option<Decimal> {
    let digits = if signed {
        text.strip_prefix('-').unwrap_or(text)
    } else {
        text
    };
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && digits != ".";
    if !well_formed {
        return None;
    }
    Decimal::from_str(text).ok().map(|d| d.normalize())
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
                err(parse_percent("１２%", false)),
                "\u{201c}１２%\u{201d} is not a percentage: type a number such as 12.5.",
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
        ]
    }

    #[test]
    fn every_error_in_english() {
        let mut kinds = std::collections::HashSet::new();
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
            });
            assert_eq!(error.to_string(), english);
        }
        assert_eq!(kinds.len(), 13, "a sample of every error");
        assert_eq!(
            parse_whole("x", 0, 24),
            Err(InputError::WholeNumber { min: 0, max: 24 })
        );
    }

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_amount("1,200,000", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount(" 1200000 ", 0), Ok(dec!(1200000)));
        assert_eq!(parse_amount("¥6,000,000", 0), Ok(dec!(6000000)));
        assert_eq!(parse_amount("1,234.50", 2), Ok(dec!(1234.5)));
        assert_eq!(parse_amount("0", 0), Ok(dec!(0)));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert!(parse_amount("", 0).is_err());
        assert!(
            parse_amount("abc", 0)
                .unwrap_err()
                .to_string()
                .contains("not an amount")
        );
        assert!(
            parse_amount("-5", 0)
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(
            parse_amount("1.5", 0)
                .unwrap_err()
                .to_string()
                .contains("whole amount")
        );
        assert!(
            parse_amount("1.234", 2)
                .unwrap_err()
                .to_string()
                .contains("2 decimals")
        );
        assert!(parse_amount("1.2.3", 2).is_err());
        assert!(parse_amount("1,000,000,000,000,000", 0).is_ok());
        assert!(
            parse_amount("1,000,000,000,000,001", 0)
                .unwrap_err()
                .to_string()
                .contains("largest amount")
        );
        assert!(parse_amount("99999999999999999999999999999999", 0).is_err());
    }

    #[test]
    fn percentages_as_people_type_them() {
        assert_eq!(parse_percent("12.5", false), Ok(dec!(12.5)));
        assert_eq!(parse_percent(" 12.5 % ", false), Ok(dec!(12.5)));
        assert_eq!(parse_percent("35%", false), Ok(dec!(35)));
        assert_eq!(parse_percent("-1.5", true), Ok(dec!(-1.5)));
        assert!(parse_percent("-1.5", false).is_err());
        assert!(parse_percent("", false).is_err());
        assert!(parse_percent("1e3", false).is_err());
        assert!(
            parse_percent("ten", false)
                .unwrap_err()
                .to_string()
                .contains("not a percentage")
        );
        assert_eq!(parse_optional_percent("  "), Ok(None));
        assert_eq!(parse_optional_percent("20"), Ok(Some(dec!(20))));
        assert_eq!(parse_optional_amount("", 0), Ok(None));
        assert_eq!(parse_optional_amount("1,000", 0), Ok(Some(dec!(1000))));
    }

    #[test]
    fn numbers_and_whole_numbers() {
        assert_eq!(parse_number("0.80"), Ok(dec!(0.8)));
        assert!(
            parse_number("-1")
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(parse_number(".").is_err());
        assert_eq!(parse_whole("3", 0, 24), Ok(3));
        assert!(parse_whole("25", 0, 24).is_err());
        assert!(parse_whole("2.5", 0, 24).is_err());
    }
}
