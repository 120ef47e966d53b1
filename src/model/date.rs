//! Calendar dates and months: a small, validated pair of types.
//!
//! No chrono: the planner only needs whole days and months, and every byte of
//! dependency ends up in the wasm bundle. A `Date` or `YearMonth` can only be
//! built through a checked constructor, so an impossible date such as
//! 2026-02-30 cannot exist inside the model. Both serialise as ISO text
//! ("2026-04-01", "2026-04").

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The years a plan may mention: four-digit ISO years.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The English abbreviation of a month number (1 = "Jan"); "?" outside 1..=12.
pub fn month_abbreviation(month: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Why a date or month was refused, as data (for a UI to say in its
/// language); the English is [`DateError`]'s `Display`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// A year outside [`MIN_YEAR`] to [`MAX_YEAR`].
    YearOutOfRange { year: i32 },
    /// A month number outside 1 to 12.
    MonthOutOfRange { month: u8 },
    /// Day `day` of a month that has `days` days.
    NoSuchDay {
        year: i32,
        month: u8,
        days: u8,
        day: u8,
    },
    /// Text that is not written as YYYY-MM.
    NotAMonth,
    /// Text that is not written as YYYY-MM-DD.
    NotADate,
}

/// Why a date or month was refused: the problem, and the text it was read
/// from (if it was read from text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub problem: DateProblem,
    pub text: Option<String>,
}

impl DateError {
    fn new(problem: DateProblem) -> Self {
        Self {
            problem,
            text: None,
        }
    }

    /// The error of reading `text`.
    fn reading(self, text: &str) -> Self {
        Self {
            text: Some(text.to_string()),
            ..self
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text.as_deref().unwrap_or_default();
        match self.problem {
            DateProblem::NotAMonth => {
                return write!(f, "\"{text}\" is not a month written as YYYY-MM");
            }
            DateProblem::NotADate => {
                return write!(f, "\"{text}\" is not a date written as YYYY-MM-DD");
            }
            _ => {}
        }
        if self.text.is_some() {
            write!(f, "\"{text}\": ")?;
        }
        match self.problem {
            DateProblem::YearOutOfRange { year } => {
                write!(f, "year {year} is outside {MIN_YEAR} to {MAX_YEAR}")
            }
            DateProblem::MonthOutOfRange { month } => {
                write!(f, "month {month} is not between 1 and 12")
            }
            DateProblem::NoSuchDay {
                year,
                month,
                days,
                day,
            } => write!(
                f,
                "{} {year} has {days} days, there is no day {day}",
                month_abbreviation(month)
            ),
            DateProblem::NotAMonth | DateProblem::NotADate => Ok(()),
        }
    }
}

impl std::error::Error for DateError {}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (28 to 31); 0 for a month number outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn check_year(year: i32) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(DateError::new(DateProblem::YearOutOfRange { year }))
    }
}

/// A calendar month, such as April 2026.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl YearMonth {
    /// A month; refuses month numbers outside 1..=12 and years outside
    /// 1000..=9999.
    pub fn new(year: i32, month: u8) -> Result<Self, DateError> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::new(DateProblem::MonthOutOfRange { month }));
        }
        Ok(Self { year, month })
    }

    /// [`new`](Self::new) for constants: `None` where `new` gives an error.
    pub const fn new_const(year: i32, month: u8) -> Option<Self> {
        if year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 {
            return None;
        }
        Some(Self { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1 (January) to 12 (December).
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since year 0: consecutive months have consecutive indexes.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The month with the given [`index`](Self::index), if its year is in range.
    pub fn from_index(index: i32) -> Option<Self> {
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Self::new(year, month).ok()
    }

    /// The month `n` months later (earlier when negative), if in range.
    pub fn add_months(self, n: i32) -> Option<Self> {
        Self::from_index(self.index().checked_add(n)?)
    }

    /// How many months `self` is after `earlier` (negative if before).
    pub fn months_since(self, earlier: YearMonth) -> i32 {
        self.index() - earlier.index()
    }

    pub fn days(self) -> u8 {
        days_in_month(self.year, self.month)
    }

    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: self.days(),
        }
    }

    /// A short label for tables: "Apr 2026".
    pub fn label(self) -> String {
        format!("{} {}", month_abbreviation(self.month), self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Parses exactly four digits, a hyphen and two digits.
fn parse_year_month(text: &str) -> Option<(i32, u8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 7 || bytes[4] != b'-' {
        return None;
    }
    let year = parse_digits(&text[..4])?;
    let month = parse_digits(&text[5..7])?;
    Some((i32::try_from(year).ok()?, u8::try_from(month).ok()?))
}

fn parse_digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl FromStr for YearMonth {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let (year, month) = parse_year_month(text)
            .ok_or_else(|| DateError::new(DateProblem::NotAMonth).reading(text))?;
        Self::new(year, month).map_err(|e| e.reading(text))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A calendar day, such as 2026-04-15.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A day; refuses impossible dates such as 2026-02-30 or 2025-02-29.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let ym = YearMonth::new(year, month)?;
        let days = ym.days();
        if day == 0 || day > days {
            return Err(DateError::new(DateProblem::NoSuchDay {
                year,
                month,
                days,
                day,
            }));
        }
        Ok(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The same day `n` months later (earlier for negative `n`), on the
    /// month's last day when it is shorter: Jan 31 + 1 month is Feb 28 (29).
    /// A month's last day stays a last day (Nov 30 + 2 months is Jan 31), so
    /// moving a contract's end back and forth returns it where it was.
    pub fn add_months(self, n: i32) -> Option<Self> {
        let from = self.year_month();
        let month = from.add_months(n)?;
        let day = if self.day == from.days() {
            month.days()
        } else {
            self.day.min(month.days())
        };
        Self::new(month.year(), month.month(), day).ok()
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let parsed = (text.len() == 10 && text.as_bytes()[7] == b'-')
            .then(|| {
                let (year, month) = parse_year_month(&text[..7])?;
                let day = u8::try_from(parse_digits(&text[8..])?).ok()?;
                Some((year, month, day))
            })
            .flatten();
        let (year, month, day) =
            parsed.ok_or_else(|| DateError::new(DateProblem::NotADate).reading(text))?;
        Self::new(year, month, day).map_err(|e| e.reading(text))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_impossible_dates() {
        assert!(Date::new(2026, 2, 30).is_err());
        assert!(Date::new(2025, 2, 29).is_err());
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(2100, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2026, 4, 31).is_err());
        assert!(Date::new(2026, 13, 1).is_err());
        assert!(Date::new(2026, 1, 0).is_err());
        let e = "2026-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "\"2026-02-30\": Feb 2026 has 28 days, there is no day 30"
        );
        assert_eq!(
            e.problem,
            DateProblem::NoSuchDay {
                year: 2026,
                month: 2,
                days: 28,
                day: 30
            }
        );
        assert_eq!(e.text.as_deref(), Some("2026-02-30"));
    }

    #[test]
    fn parses_and_prints_iso() {
        let d: Date = "2026-04-15".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2026, 4, 15));
        assert_eq!(d.to_string(), "2026-04-15");
        let m: YearMonth = "2026-04".parse().unwrap();
        assert_eq!(m.to_string(), "2026-04");
        assert_eq!(m.label(), "Apr 2026");
        for bad in [
            "2026-4",
            "2026-04-1",
            "26-04",
            "2026/04",
            "+026-04",
            "2026-00",
            "2026-1a",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
        for bad in ["2026-04-1", "2026-04-001", "2026-04-0a", " 2026-04-01"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_move_by_whole_months_and_clamp_the_day() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(d(2026, 1, 31).add_months(1), Some(d(2026, 2, 28)));
        assert_eq!(d(2028, 1, 31).add_months(1), Some(d(2028, 2, 29)));
        assert_eq!(d(2026, 4, 15).add_months(-4), Some(d(2025, 12, 15)));
        assert_eq!(d(2026, 4, 1).add_months(0), Some(d(2026, 4, 1)));
        assert_eq!(d(2026, 11, 30).add_months(2), Some(d(2027, 1, 31)));
        assert_eq!(d(2026, 1, 30).add_months(1), Some(d(2026, 2, 28)));
        assert_eq!(d(9999, 12, 1).add_months(1), None);
    }

    #[test]
    fn month_arithmetic() {
        let m = YearMonth::new(2026, 11).unwrap();
        assert_eq!(m.add_months(3), Some(YearMonth::new(2027, 2).unwrap()));
        assert_eq!(m.add_months(-11), Some(YearMonth::new(2025, 12).unwrap()));
        assert_eq!(YearMonth::new(2027, 2).unwrap().months_since(m), 3);
        assert_eq!(YearMonth::new(2024, 2).unwrap().days(), 29);
        assert_eq!(YearMonth::new(9999, 12).unwrap().add_months(1), None);
        assert_eq!(m.last_day().to_string(), "2026-11-30");
    }
}
