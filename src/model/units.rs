//! The unit an amount is shown in: the currency itself (円, $), thousands
//! (千円, $K) or millions (百万円, $M).
//!
//! Totals stay exact in minor units; a figure in thousands or millions is
//! the exact total rounded once, half away from zero, to the unit shown
//! (単位未満四捨五入). So a quarter shown in 千円 is its exact total rounded,
//! not the sum of its rounded months: the shown months need not add up to
//! the shown quarter, as in any budget deck. The currency's own unit is
//! shown exactly, with the currency's decimals.

use super::money::{Currency, div_round, format_minor, plain_minor};

/// The unit of amounts on screen and in the pivot and summary files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Unit {
    /// The currency itself, exact (円, $).
    #[default]
    One,
    /// Thousands (千円, $K).
    Thousand,
    /// Millions (百万円, $M).
    Million,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Self::One, Self::Thousand, Self::Million];

    /// The key files and the command line use: "one", "thousand", "million".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::One => "one",
            Self::Thousand => "thousand",
            Self::Million => "million",
        }
    }

    /// Reads a key; "yen" and "dollar" name the currency's own unit too.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "one" | "yen" | "dollar" | "unit" => Some(Self::One),
            "thousand" | "k" | "K" => Some(Self::Thousand),
            "million" | "m" | "M" => Some(Self::Million),
            _ => None,
        }
    }

    /// How many of the currency's whole units one unit is.
    pub const fn factor(self) -> i128 {
        match self {
            Self::One => 1,
            Self::Thousand => 1_000,
            Self::Million => 1_000_000,
        }
    }

    /// Minor units in one unit: ¥1,000 is 1,000 minor units, $1K is 100,000.
    pub fn minor_per_unit(self, currency: Currency) -> i128 {
        10_i128.pow(currency.exponent()) * self.factor()
    }

    /// Whether figures are rounded (every unit but the currency's own).
    pub fn rounds(self) -> bool {
        self != Self::One
    }

    /// `minor` in this unit as a count of units, rounded half away from
    /// zero (for `One`, the count of minor units: exact).
    pub fn scaled(self, minor: i128, currency: Currency) -> i128 {
        match self {
            Self::One => minor,
            _ => div_round(minor, self.minor_per_unit(currency)),
        }
    }

    /// A plain figure for a file: "1234.56" (exact) or "1235" (thousands).
    pub fn plain(self, minor: i128, currency: Currency) -> String {
        match self {
            Self::One => plain_minor(minor, currency.exponent()),
            _ => self.scaled(minor, currency).to_string(),
        }
    }

    /// A grouped figure for the screen, without symbol: "1,234,567" or
    /// "1,235" (thousands).
    pub fn grouped(self, minor: i128, currency: Currency) -> String {
        match self {
            Self::One => format_minor(minor, currency),
            _ => super::money::group_digits(&self.scaled(minor, currency).to_string()),
        }
    }

    /// The unit's name in English: "¥", "¥K", "$M", "CHF K".
    pub fn name_en(self, currency: Currency) -> String {
        let symbol = match currency.code() {
            "JPY" => Some("¥"),
            "USD" => Some("$"),
            "EUR" => Some("€"),
            "GBP" => Some("£"),
            _ => None,
        };
        let suffix = match self {
            Self::One => "",
            Self::Thousand => "K",
            Self::Million => "M",
        };
        match symbol {
            Some(symbol) => format!("{symbol}{suffix}"),
            None if suffix.is_empty() => currency.code().to_string(),
            None => format!("{} {suffix}", currency.code()),
        }
    }

    /// The unit's name in Japanese: 円, 千円, 百万円, 千米ドル, 千EUR.
    pub fn name_ja(self, currency: Currency) -> String {
        let name = currency_name_ja(currency);
        match self {
            Self::One => name.to_string(),
            Self::Thousand => format!("千{name}"),
            Self::Million => format!("百万{name}"),
        }
    }

    /// What a page or file states about its amounts, in English:
    /// "Amounts in $K, rounded to the unit shown" / "Amounts in ¥, exact".
    pub fn statement_en(self, currency: Currency) -> String {
        if self.rounds() {
            format!(
                "Amounts in {}, rounded to the unit shown",
                self.name_en(currency)
            )
        } else {
            format!("Amounts in {}, exact", self.name_en(currency))
        }
    }

    /// The same in Japanese: "単位：千円（単位未満四捨五入）" / "単位：円".
    pub fn statement_ja(self, currency: Currency) -> String {
        if self.rounds() {
            format!("単位：{}（単位未満四捨五入）", self.name_ja(currency))
        } else {
            format!("単位：{}", self.name_ja(currency))
        }
    }
}

/// A currency as Japanese amounts name it: 円 and 米ドル, as a Japanese
/// finance document writes them; other currencies by their code.
pub fn currency_name_ja(currency: Currency) -> &'static str {
    match currency.code() {
        "JPY" => "円",
        "USD" => "米ドル",
        code => code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> Currency {
        Currency::from_code(c).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        let jpy = code("JPY");
        assert_eq!(Unit::Thousand.scaled(1_499, jpy), 1);
        assert_eq!(Unit::Thousand.scaled(1_500, jpy), 2);
        assert_eq!(Unit::Thousand.scaled(-1_500, jpy), -2);
        assert_eq!(Unit::Thousand.scaled(-1_499, jpy), -1);
        assert_eq!(Unit::Million.scaled(1_940_679_422, jpy), 1_941);
        assert_eq!(Unit::One.plain(1_940_679_422, jpy), "1940679422");
        let usd = code("USD");
        // $1,234.50 in cents → $1K; $1,500.00 → $2K.
        assert_eq!(Unit::Thousand.scaled(123_450, usd), 1);
        assert_eq!(Unit::Thousand.scaled(150_000, usd), 2);
        assert_eq!(Unit::One.plain(123_450, usd), "1234.50");
        assert_eq!(Unit::Million.grouped(123_456_789_012, usd), "1,235");
    }

    #[test]
    fn statements() {
        assert_eq!(
            Unit::Thousand.statement_ja(code("JPY")),
            "単位：千円（単位未満四捨五入）"
        );
        assert_eq!(
            Unit::Million.statement_ja(code("JPY")),
            "単位：百万円（単位未満四捨五入）"
        );
        assert_eq!(Unit::One.statement_ja(code("JPY")), "単位：円");
        assert_eq!(
            Unit::Thousand.statement_en(code("USD")),
            "Amounts in $K, rounded to the unit shown"
        );
        assert_eq!(Unit::One.statement_en(code("JPY")), "Amounts in ¥, exact");
        assert_eq!(Unit::Million.name_en(code("CHF")), "CHF M");
    }
}
