//! How each position's salary sits in its band: the compa-ratio and whether
//! it is below, within or above the band.

use rust_decimal::{Decimal, RoundingStrategy};

use super::plan::{Position, SalaryBand, Scenario};

/// Where a position's annual base falls against its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandFit {
    Below,
    Within,
    Above,
    /// No band for the position's level (and location).
    NoBand,
}

impl BandFit {
    /// Outside its band: worth a flag.
    pub fn is_outside(self) -> bool {
        matches!(self, Self::Below | Self::Above)
    }
}

/// One position against its band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandCheck {
    pub fit: BandFit,
    /// The annual base in force: the position's own or the band's midpoint.
    pub salary: Option<Decimal>,
    /// Salary ÷ band midpoint, rounded half away from zero to 3 decimals;
    /// `None` without a band or with a zero midpoint.
    pub compa_ratio: Option<Decimal>,
}

/// Checks one position of `scenario` against its band.
pub fn band_check(scenario: &Scenario, position: &Position) -> BandCheck {
    let band = scenario.band_for(&position.level, position.location.as_deref());
    let salary = scenario.annual_base_of(position);
    BandCheck {
        fit: match (band, salary) {
            (Some(b), Some(s)) => fit(b, s),
            _ => BandFit::NoBand,
        },
        salary,
        compa_ratio: band.zip(salary).and_then(|(b, s)| compa_ratio(b, s)),
    }
}

/// Salary ÷ midpoint, 3 decimals, half away from zero.
pub fn compa_ratio(band: &SalaryBand, salary: Decimal) -> Option<Decimal> {
    if band.mid.is_zero() {
        return None;
    }
    salary
        .checked_div(band.mid)
        .map(|r| r.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero))
}

fn fit(band: &SalaryBand, salary: Decimal) -> BandFit {
    if salary < band.min {
        BandFit::Below
    } else if salary > band.max {
        BandFit::Above
    } else {
        BandFit::Within
    }
}

/// Every position outside its band, with its index in the scenario.
pub fn outside_band(scenario: &Scenario) -> Vec<(usize, BandCheck)> {
    scenario
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (i, band_check(scenario, p)))
        .filter(|(_, c)| c.fit.is_outside())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Scenario};
    use rust_decimal::dec;

    fn scenario() -> Scenario {
        let mut s = Scenario::blank("Base");
        s.bands.push(SalaryBand {
            level: "Mid".into(),
            location: None,
            min: dec!(5000000),
            mid: dec!(6000000),
            max: dec!(7000000),
        });
        s.bands.push(SalaryBand {
            level: "Mid".into(),
            location: Some("Osaka".into()),
            min: dec!(4000000),
            mid: dec!(5000000),
            max: dec!(6000000),
        });
        let start = Date::new(2026, 4, 1).unwrap();
        for salary in [dec!(4999999), dec!(5000000), dec!(7000000), dec!(7000001)] {
            s.add_position("Engineer", "Platform", salary, start);
        }
        s
    }

    #[test]
    fn the_band_limits_are_inside_the_band() {
        let s = scenario();
        let fits: Vec<BandFit> = s.positions.iter().map(|p| band_check(&s, p).fit).collect();
        assert_eq!(
            fits,
            [
                BandFit::Below,
                BandFit::Within,
                BandFit::Within,
                BandFit::Above
            ]
        );
        let outside: Vec<usize> = outside_band(&s).into_iter().map(|(i, _)| i).collect();
        assert_eq!(outside, [0, 3]);
    }

    #[test]
    fn compa_ratio_is_salary_over_midpoint_to_three_decimals() {
        let s = scenario();
        let check = band_check(&s, &s.positions[2]);
        assert_eq!(check.compa_ratio, Some(dec!(1.167))); // 7,000,000 ÷ 6,000,000 = 1.1666…
        assert_eq!(check.salary, Some(dec!(7000000)));
    }

    #[test]
    fn a_location_band_wins_and_a_missing_salary_takes_the_midpoint() {
        let mut s = scenario();
        s.positions[0].location = Some("Osaka".into());
        assert_eq!(band_check(&s, &s.positions[0]).fit, BandFit::Within);
        s.positions[1].annual_base = None;
        let check = band_check(&s, &s.positions[1]);
        assert_eq!(check.compa_ratio, Some(dec!(1)));
        s.positions[2].level = "Staff".into();
        let check = band_check(&s, &s.positions[2]);
        assert_eq!(check.fit, BandFit::NoBand);
        assert_eq!(check.compa_ratio, None);
    }
}
