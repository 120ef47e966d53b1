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
}
