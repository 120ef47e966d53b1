//! Reading what people type into amount and percent fields.
//!
//! People type `1,200,000`, `1200000`, `¥1,200,000` or `12.5` (for 12.5 %);
//! all of them mean exact decimal values. Nothing is clamped or guessed: text
//! that is not a plain amount is refused with a message for the field.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Parses a non-negative amount of money with at most `exponent` decimals
/// (0 for yen, 2 for dollars). Thousands separators, spaces and a leading
/// currency sign are accepted.
pub fn parse_amount(text: &str, exponent: u32) -> Result<Decimal, String> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '$', '€', '£', '￥'])
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err("Enter an amount.".into());
    }
    if cleaned.starts_with('-') {
        return Err("The amount cannot be negative.".into());
    }
    if !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') || cleaned.matches('.').count() > 1
    {
        return Err(format!(
            "\u{201c}{}\u{201d} is not an amount, type digits such as 1,200,000.",
            text.trim()
        ));
    }
    let value = Decimal::from_str(&cleaned)
        .map_err(|_| format!("\u{201c}{}\u{201d} is too large.", text.trim()))?;
    let value = value.normalize();
    if value > Decimal::from(crate::model::money::MAX_UNITS) {
        return Err(
            "That is more than 1,000,000,000,000,000, the largest amount a plan holds.".into(),
        );
    }
    if value.scale() > exponent {
        return Err(match exponent {
            0 => "This currency has no minor unit: enter a whole amount.".to_string(),
            n => format!("Enter at most {n} decimals."),
        });
    }
    Ok(value)
}

/// Parses a percentage as people type it: `12.5`, `12.5 %` or `12.5%` all
/// mean 12.5 %. `signed` allows a minus sign (cloud growth can shrink).
/// The range is the engine's to check, so its message names the field's rule.
pub fn parse_percent(text: &str, signed: bool) -> Result<Decimal, String> {
    let cleaned = text.trim().trim_end_matches(['%', '％']).trim();
    if cleaned.is_empty() {
        return Err("Enter a percentage, such as 12.5.".into());
    }
    parse_plain_decimal(cleaned, signed).ok_or_else(|| {
        format!(
            "\u{201c}{}\u{201d} is not a percentage: type a number such as 12.5.",
            text.trim()
        )
    })
}

/// An optional percentage: an empty field means "not set" (`None`).
pub fn parse_optional_percent(text: &str) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_percent(text, false).map(Some)
    }
}

/// An optional amount: an empty field means "not set" (`None`).
pub fn parse_optional_amount(text: &str, exponent: u32) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount(text, exponent).map(Some)
    }
}

/// A plain non-negative decimal such as an FTE (`0.8`) or months of pay.
pub fn parse_number(text: &str) -> Result<Decimal, String> {
    let cleaned = text.trim();
    if cleaned.is_empty() {
        return Err("Enter a number.".into());
    }
    if cleaned.starts_with('-') {
        return Err("The number cannot be negative.".into());
    }
    parse_plain_decimal(cleaned, false)
        .ok_or_else(|| format!("\u{201c}{cleaned}\u{201d} is not a number such as 0.8."))
}

/// A whole number from `min` to `max`, such as months of backfill lag.
pub fn parse_whole(text: &str, min: i64, max: i64) -> Result<i64, String> {
    let cleaned = text.trim();
    let value: i64 = cleaned
        .parse()
        .map_err(|_| format!("Enter a whole number from {min} to {max}."))?;
    if value < min || value > max {
        return Err(format!("Enter a whole number from {min} to {max}."));
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
mod tests {
    use super::*;
    use rust_decimal::dec;

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
                .contains("not an amount")
        );
        assert!(parse_amount("-5", 0).unwrap_err().contains("negative"));
        assert!(parse_amount("1.5", 0).unwrap_err().contains("whole amount"));
        assert!(parse_amount("1.234", 2).unwrap_err().contains("2 decimals"));
        assert!(parse_amount("1.2.3", 2).is_err());
        assert!(parse_amount("1,000,000,000,000,000", 0).is_ok());
        assert!(
            parse_amount("1,000,000,000,000,001", 0)
                .unwrap_err()
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
        assert!(parse_number("-1").unwrap_err().contains("negative"));
        assert!(parse_number(".").is_err());
        assert_eq!(parse_whole("3", 0, 24), Ok(3));
        assert!(parse_whole("25", 0, 24).is_err());
        assert!(parse_whole("2.5", 0, 24).is_err());
    }
}
