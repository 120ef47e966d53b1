//! Quarters and halves of the fiscal year, for any fiscal start month.
//!
//! A fiscal year starting in month S has quarters Q1 (S to S+2) … Q4 and
//! halves H1 (上期, S to S+5) and H2 (下期, S+6 to S+11). With an April
//! start, Q1 is April to June and H2 October to March; with a January
//! start, Q1 is January to March. A period the horizon cuts is *partial*:
//! it holds only its months inside the horizon, and says how many of its
//! months those are, so a table can label it.
//!
//! Every sum over a period adds the months' totals, which are the ledger's
//! rows summed: a quarter is the sum of its months to the minor unit.

use super::date::YearMonth;
use super::summary::FiscalYear;

/// How finely a table breaks the horizon down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Granularity {
    #[default]
    Months,
    Quarters,
    Halves,
    Years,
}

impl Granularity {
    pub const ALL: [Granularity; 4] = [Self::Months, Self::Quarters, Self::Halves, Self::Years];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Months => "months",
            Self::Quarters => "quarters",
            Self::Halves => "halves",
            Self::Years => "years",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == text)
    }

    /// Months a whole period of this kind has.
    pub const fn months(self) -> usize {
        match self {
            Self::Months => 1,
            Self::Quarters => 3,
            Self::Halves => 6,
            Self::Years => 12,
        }
    }
}

/// Where a month sits in its fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FiscalPosition {
    pub year: FiscalYear,
    /// 1 for the fiscal year's first month, up to 12.
    pub month: u8,
    /// 1 to 4.
    pub quarter: u8,
    /// 1 (上期, H1) or 2 (下期, H2).
    pub half: u8,
}

/// The fiscal year, quarter and half of `month` for years starting in
/// `start_month` (1 to 12).
pub fn fiscal_position(month: YearMonth, start_month: u8) -> FiscalPosition {
    let start = start_month.clamp(1, 12);
    let offset = (month.month() + 12 - start) % 12;
    FiscalPosition {
        year: FiscalYear::of(month, start),
        month: offset + 1,
        quarter: offset / 3 + 1,
        half: offset / 6 + 1,
    }
}

/// One period of a table: a month, quarter, half or fiscal year, as far as
/// it lies inside the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub granularity: Granularity,
    pub year: FiscalYear,
    /// The month (1–12 within the fiscal year), quarter (1–4) or half (1–2);
    /// 1 for a year.
    pub number: u8,
    /// Index into the horizon of the period's first month inside it.
    pub first_month: usize,
    /// Months of the period inside the horizon.
    pub months: usize,
}

impl Period {
    /// The horizon cuts the period: it has fewer months than a whole one.
    pub fn partial(&self) -> bool {
        self.months < self.granularity.months()
    }

    /// Horizon indexes of the period's months.
    pub fn month_indexes(&self) -> std::ops::Range<usize> {
        self.first_month..self.first_month + self.months
    }

    /// The horizon index of the period's last month.
    pub fn last_month(&self) -> usize {
        self.first_month + self.months.saturating_sub(1)
    }

    /// Adds `value(m)` over the period's months.
    pub fn sum(&self, value: impl Fn(usize) -> i128) -> i128 {
        self.month_indexes().map(value).sum()
    }
}

/// The periods of `granularity` covering the horizon `months`, in order;
/// the first and last may be partial.
pub fn periods(months: &[YearMonth], start_month: u8, granularity: Granularity) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for (m, &month) in months.iter().enumerate() {
        let at = fiscal_position(month, start_month);
        let number = match granularity {
            Granularity::Months => at.month,
            Granularity::Quarters => at.quarter,
            Granularity::Halves => at.half,
            Granularity::Years => 1,
        };
        match out.last_mut() {
            Some(p) if p.year == at.year && p.number == number && p.last_month() + 1 == m => {
                p.months += 1;
            }
            _ => out.push(Period {
                granularity,
                year: at.year,
                number,
                first_month: m,
                months: 1,
            }),
        }
    }
    out
}

/// The periods of one fiscal year a pivot shows, in the order finance
/// reads them: each quarter after its months, each half after its second
/// quarter, the year last (M1 M2 M3 Q1 M4 M5 M6 Q2 H1 … Q4 H2 FY).
/// `None` marks a slot the horizon leaves empty (a month, quarter or half
/// with no month inside it).
pub fn year_columns(
    months: &[YearMonth],
    start_month: u8,
    year: FiscalYear,
) -> Vec<(Slot, Option<Period>)> {
    let find = |g: Granularity, n: u8| {
        periods(months, start_month, g)
            .into_iter()
            .find(|p| p.year == year && p.number == n)
    };
    Slot::ORDER
        .iter()
        .map(|&slot| (slot, find(slot.granularity(), slot.number())))
        .collect()
}

/// A column of a fiscal year's pivot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The fiscal year's n-th month (1–12).
    Month(u8),
    Quarter(u8),
    Half(u8),
    Year,
}

impl Slot {
    /// The 19 columns of a fiscal year, in reading order.
    pub const ORDER: [Slot; 19] = [
        Slot::Month(1),
        Slot::Month(2),
        Slot::Month(3),
        Slot::Quarter(1),
        Slot::Month(4),
        Slot::Month(5),
        Slot::Month(6),
        Slot::Quarter(2),
        Slot::Half(1),
        Slot::Month(7),
        Slot::Month(8),
        Slot::Month(9),
        Slot::Quarter(3),
        Slot::Month(10),
        Slot::Month(11),
        Slot::Month(12),
        Slot::Quarter(4),
        Slot::Half(2),
        Slot::Year,
    ];

    pub fn granularity(self) -> Granularity {
        match self {
            Slot::Month(_) => Granularity::Months,
            Slot::Quarter(_) => Granularity::Quarters,
            Slot::Half(_) => Granularity::Halves,
            Slot::Year => Granularity::Years,
        }
    }

    pub fn number(self) -> u8 {
        match self {
            Slot::Month(n) | Slot::Quarter(n) | Slot::Half(n) => n,
            Slot::Year => 1,
        }
    }

    /// The calendar month (1–12) of a month slot in years starting in `start_month`.
    pub fn calendar_month(self, start_month: u8) -> Option<u8> {
        match self {
            Slot::Month(n) => Some((start_month.clamp(1, 12) - 1 + n - 1) % 12 + 1),
            _ => None,
        }
    }
}

/// The fiscal years the horizon touches, in order.
pub fn horizon_years(months: &[YearMonth], start_month: u8) -> Vec<FiscalYear> {
    periods(months, start_month, Granularity::Years)
        .into_iter()
        .map(|p| p.year)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn horizon(year: i32, month: u8, count: i32) -> Vec<YearMonth> {
        let first = YearMonth::new(year, month).unwrap();
        (0..count).map(|m| first.add_months(m).unwrap()).collect()
    }

    #[test]
    fn april_year_quarters_and_halves() {
        let oct = YearMonth::new(2026, 10).unwrap();
        let at = fiscal_position(oct, 4);
        assert_eq!((at.month, at.quarter, at.half), (7, 3, 2));
        assert_eq!(at.year.start_year, 2026);
        let march = YearMonth::new(2027, 3).unwrap();
        let at = fiscal_position(march, 4);
        assert_eq!(
            (at.month, at.quarter, at.half, at.year.start_year),
            (12, 4, 2, 2026)
        );
    }

    #[test]
    fn january_year_is_the_calendar_year() {
        let at = fiscal_position(YearMonth::new(2026, 7).unwrap(), 1);
        assert_eq!(
            (at.month, at.quarter, at.half, at.year.start_year),
            (7, 3, 2, 2026)
        );
    }

    #[test]
    fn a_cut_horizon_gives_partial_periods() {
        // May 2026 to Aug 2027 with an April year: Q1 2026 has May and June.
        let months = horizon(2026, 5, 16);
        let quarters = periods(&months, 4, Granularity::Quarters);
        assert_eq!(
            quarters.first().map(|q| (q.number, q.months, q.partial())),
            Some((1, 2, true))
        );
        assert_eq!(
            quarters
                .last()
                .map(|q| (q.number, q.months, q.year.start_year)),
            Some((2, 2, 2027))
        );
        let total: usize = quarters.iter().map(|q| q.months).sum();
        assert_eq!(total, 16);
        let years = periods(&months, 4, Granularity::Years);
        assert_eq!(
            years.iter().map(|y| y.months).collect::<Vec<_>>(),
            vec![11, 5]
        );
    }

    #[test]
    fn year_columns_leave_slots_outside_the_horizon_empty() {
        let months = horizon(2026, 5, 16);
        let columns = year_columns(
            &months,
            4,
            FiscalYear {
                start_year: 2026,
                start_month: 4,
            },
        );
        assert_eq!(columns.len(), 19);
        assert_eq!(columns[0], (Slot::Month(1), None));
        assert_eq!(columns[1].1.map(|p| p.first_month), Some(0));
        assert_eq!(columns[18].1.map(|p| p.months), Some(11));
        assert_eq!(Slot::Month(10).calendar_month(4), Some(1));
        assert_eq!(Slot::Month(1).calendar_month(1), Some(1));
    }
}
