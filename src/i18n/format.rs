//! Figures and dates as the chosen language writes them on screen. Files
//! (CSV, plan JSON) keep their own locale-free forms; these are for reading.
//!
//! Both languages group digits by three with commas and put the currency's
//! symbol first (¥12,345,678; $1,234.56), as Japanese and American finance
//! write them; months and fiscal years differ (Apr 2026 / 2026年4月,
//! FY2026 / 2026年度).

use rust_decimal::Decimal;

use super::{Lang, lang};
use crate::model::date::month_abbreviation as month_name;
use crate::model::{
    Currency, Date, FiscalYear, YearMonth, format_minor, group_digits, round_to_minor,
};

/// The symbol written before an amount; `None` for a currency written with
/// its ISO code ("CHF 1,234.50").
fn symbol(currency: Currency) -> Option<&'static str> {
    Some(match currency.code() {
        "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "INR" => "₹",
        "KRW" => "₩",
        _ => return None,
    })
}

/// Minor units as money: "¥12,345,678", "-$1,234.56", "CHF 1,234.50".
pub fn money(minor: impl Into<i128>, currency: Currency) -> String {
    let minor = minor.into();
    let grouped = format_minor(minor, currency);
    let (sign, digits) = match grouped.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", grouped.as_str()),
    };
    match symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{digits}"),
        None => format!("{sign}{}\u{a0}{digits}", currency.code()),
    }
}

/// An amount stated in a plan, rounded to the currency's minor unit, as money.
pub fn money_amount(amount: Decimal, currency: Currency) -> String {
    round_to_minor(amount, currency.exponent())
        .map(|minor| money(minor, currency))
        .unwrap_or_else(|| amount.to_string())
}

/// An amount as an input shows it, in a form it reads back: rounded to the
/// minor unit, digits grouped, no symbol (`6,000,000`, `1,234.50`).
pub fn plain_amount(amount: Decimal, currency: Currency) -> String {
    round_to_minor(amount, currency.exponent())
        .map(|minor| format_minor(minor, currency))
        .unwrap_or_else(|| amount.to_string())
}

/// A count with its thousands grouped: "5,000".
pub fn count(n: impl Into<i128>) -> String {
    group_digits(&n.into().to_string())
}

/// "Apr 2026" / "2026年4月".
pub fn month(m: YearMonth) -> String {
    month_in(m, lang())
}

pub fn month_in(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", month_name(m.month()), m.year()),
        Lang::Ja => format!("{}年{}月", m.year(), m.month()),
    }
}

/// "FY2026" / "2026年度": a fiscal year is named by the year it starts in.
pub fn fiscal_year(year: FiscalYear) -> String {
    fiscal_year_in(year, lang())
}

pub fn fiscal_year_in(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::En => format!("FY{}", year.start_year),
        Lang::Ja => format!("{}年度", year.start_year),
    }
}

/// "1 Apr 2026" / "2026年4月1日".
pub fn date(d: Date) -> String {
    date_in(d, lang())
}

pub fn date_in(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
        Lang::Ja => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// A percentage as typed in the plan: "3.7 %" / "3.7%". Japanese sets no
/// space before the sign.
pub fn percent(pct: Decimal) -> String {
    let pct = pct.normalize();
    match lang() {
        Lang::En => format!("{pct} %"),
        Lang::Ja => format!("{pct}%"),
    }
}

/// The units of a compact figure on a chart, largest first, as powers of
/// ten: K, M, B, T in English; 万, 億, 兆 in Japanese, which counts by ten
/// thousands (35M is 3,500万).
pub fn compact_units() -> &'static [(u32, &'static str)] {
    match lang() {
        Lang::En => &[(12, "T"), (9, "B"), (6, "M"), (3, "K")],
        Lang::Ja => &[(12, "兆"), (8, "億"), (4, "万")],
    }
}

/// A range of months: "Apr 2026 – Mar 2029" / "2026年4月～2029年3月".
pub fn month_range(first: YearMonth, last: YearMonth) -> String {
    match lang() {
        Lang::En => format!("{} – {}", month(first), month(last)),
        Lang::Ja => format!("{}～{}", month(first), month(last)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_lang;
    use rust_decimal::dec;

    fn code(c: &str) -> Currency {
        Currency::from_code(c).unwrap()
    }

    #[test]
    fn money_in_each_currency() {
        assert_eq!(money(12_345_678, code("JPY")), "¥12,345,678");
        assert_eq!(money(123_456, code("USD")), "$1,234.56");
        assert_eq!(money(-123_456, code("USD")), "-$1,234.56");
        assert_eq!(money(-5, code("USD")), "-$0.05");
        assert_eq!(money(0, code("JPY")), "¥0");
        assert_eq!(money(123_450, code("CHF")), "CHF\u{a0}1,234.50");
        assert_eq!(money(1_234_567, code("KWD")), "KWD\u{a0}1,234.567");
        assert!(money(i128::MIN, code("JPY")).starts_with("-¥170,141,183"));
        assert_eq!(money_amount(dec!(1234.565), code("USD")), "$1,234.57");
        assert_eq!(plain_amount(dec!(1234.565), code("USD")), "1,234.57");
        assert_eq!(plain_amount(dec!(6000000), code("JPY")), "6,000,000");
        assert_eq!(count(5000), "5,000");
    }

    #[test]
    fn months_and_years_in_each_language() {
        let april = YearMonth::new(2026, 4).unwrap();
        let fy = FiscalYear::of(april, 4);
        let day = Date::new(2026, 4, 1).unwrap();
        assert_eq!(month_in(april, Lang::En), "Apr 2026");
        assert_eq!(month_in(april, Lang::Ja), "2026年4月");
        assert_eq!(fiscal_year_in(fy, Lang::En), "FY2026");
        assert_eq!(fiscal_year_in(fy, Lang::Ja), "2026年度");
        assert_eq!(date_in(day, Lang::En), "1 Apr 2026");
        assert_eq!(date_in(day, Lang::Ja), "2026年4月1日");
        set_lang(Lang::Ja);
        assert_eq!(percent(dec!(3.70)), "3.7%");
        assert_eq!(compact_units()[1], (8, "億"));
        set_lang(Lang::En);
        assert_eq!(compact_units()[2], (6, "M"));
        assert_eq!(percent(dec!(3.70)), "3.7 %");
    }
}
