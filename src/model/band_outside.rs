//! The positions whose salary is outside their band, for review: how many
//! are below and above each band and what it would take to bring them in,
//! and every one of them with how far outside it is, the farthest first.
//!
//! A large roster is reviewed a slice of positions at a time
//! ([`OutsideReviewer`]), so a page can check 50,000 salaries between frames.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

use super::bands::{BandFit, band_fit, compa_ratio};
use super::plan::Scenario;

/// A position whose salary is outside its band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsidePosition {
    /// Its index in the scenario's positions.
    pub position: usize,
    /// The band in force for it: its index in the scenario's bands.
    pub band: usize,
    /// [`BandFit::Below`] or [`BandFit::Above`].
    pub fit: BandFit,
    /// The annual base in force (its own, or the band's midpoint).
    pub salary: Decimal,
    /// How far outside, always positive: the band's minimum less the salary
    /// (below), or the salary less the band's maximum (above).
    pub gap: Decimal,
    /// The gap in percent of the limit crossed, one decimal, half away from
    /// zero (12.5 for a salary 12.5 % under its minimum); `None` when that
    /// limit is zero.
    pub gap_pct: Option<Decimal>,
    /// Salary ÷ the band's midpoint, as [`compa_ratio`] gives it.
    pub compa_ratio: Option<Decimal>,
    /// The gap ÷ the limit crossed, unrounded: the order of the review.
    share: Option<Decimal>,
}

impl OutsidePosition {
    /// Farther outside first: by the share of the limit crossed (a zero
    /// limit crossed first of all), then by the amount, then in roster
    /// order.
    fn farther(&self, other: &Self) -> Ordering {
        let share = match (self.share, other.share) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(a), Some(b)) => b.cmp(&a),
        };
        share
            .then_with(|| other.gap.cmp(&self.gap))
            .then_with(|| self.position.cmp(&other.position))
    }
}

/// One band and the positions it is in force for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BandOutside {
    /// The band's index in the scenario's bands.
    pub band: usize,
    /// The positions with a salary this band is in force for.
    pub positions: usize,
    pub below: usize,
    pub above: usize,
    /// Σ (minimum − salary) of those below: what bringing each of them to
    /// the band's minimum adds to the annual base.
    pub short_of_minimum: Decimal,
    /// Σ (salary − maximum) of those above.
    pub over_maximum: Decimal,
}

impl BandOutside {
    pub fn outside(&self) -> usize {
        self.below + self.above
    }
}

/// The review of a scenario's salaries against their bands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutsideReview {
    /// Every band of the scenario in ladder order: by level, lowest first,
    /// each level's band without location first, then its locations' in
    /// the scenario's order (a band of a level not on the ladder last).
    pub bands: Vec<BandOutside>,
    /// Every position outside its band, the farthest outside first.
    pub positions: Vec<OutsidePosition>,
}

impl OutsideReview {
    pub fn below(&self) -> usize {
        self.bands.iter().map(|b| b.below).sum()
    }

    pub fn above(&self) -> usize {
        self.bands.iter().map(|b| b.above).sum()
    }

    /// Positions with a salary that have a band.
    pub fn with_band(&self) -> usize {
        self.bands.iter().map(|b| b.positions).sum()
    }

    pub fn short_of_minimum(&self) -> Decimal {
        self.bands.iter().map(|b| b.short_of_minimum).sum()
    }

    pub fn over_maximum(&self) -> Decimal {
        self.bands.iter().map(|b| b.over_maximum).sum()
    }

    /// The positions outside their band that `filter` keeps, farthest first.
    pub fn filtered(&self, filter: OutsideFilter) -> impl Iterator<Item = &OutsidePosition> + '_ {
        self.positions.iter().filter(move |p| filter.keeps(p))
    }

    /// How many positions `filter` keeps.
    pub fn count(&self, filter: OutsideFilter) -> usize {
        match (filter.fit, filter.band) {
            (None, None) => self.positions.len(),
            _ => self.filtered(filter).count(),
        }
    }
}

/// Which positions outside their band a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutsideFilter {
    /// Only those below (or above) their band; `None`: both.
    pub fit: Option<BandFit>,
    /// Only those of one band (its index in the scenario); `None`: all.
    pub band: Option<usize>,
}

impl OutsideFilter {
    pub fn keeps(self, p: &OutsidePosition) -> bool {
        self.fit.is_none_or(|fit| fit == p.fit) && self.band.is_none_or(|band| band == p.band)
    }
}

/// Reviews a scenario's positions a slice at a time: [`review`](Self::review)
/// until it says all are checked, then [`finish`](Self::finish). The
/// scenario must not change in between (start again when it does).
#[derive(Clone, Debug)]
pub struct OutsideReviewer {
    next: usize,
    /// Per band of the scenario, in its order.
    bands: Vec<BandOutside>,
    positions: Vec<OutsidePosition>,
}

impl OutsideReviewer {
    pub fn new(scenario: &Scenario) -> Self {
        Self {
            next: 0,
            bands: (0..scenario.bands.len())
                .map(|band| BandOutside {
                    band,
                    ..BandOutside::default()
                })
                .collect(),
            positions: Vec::new(),
        }
    }

    /// How many positions are checked so far.
    pub fn checked(&self) -> usize {
        self.next
    }

    /// Checks up to `count` more positions; `true` once every position of
    /// the scenario is checked.
    pub fn review(&mut self, scenario: &Scenario, count: usize) -> bool {
        let end = self
            .next
            .saturating_add(count)
            .min(scenario.positions.len());
        for i in self.next..end {
            self.check(scenario, i);
        }
        self.next = end.max(self.next);
        self.next >= scenario.positions.len()
    }

    fn check(&mut self, scenario: &Scenario, i: usize) {
        let position = &scenario.positions[i];
        let Some(band) = scenario.band_for(&position.level, position.location.as_deref()) else {
            return;
        };
        let Some(salary) = scenario.annual_base_of(position) else {
            return;
        };
        let Some(index) = scenario.bands.iter().position(|b| std::ptr::eq(b, band)) else {
            return;
        };
        let row = &mut self.bands[index];
        row.positions += 1;
        let fit = band_fit(band, salary);
        let (gap, limit) = match fit {
            BandFit::Below => {
                row.below += 1;
                row.short_of_minimum += band.min - salary;
                (band.min - salary, band.min)
            }
            BandFit::Above => {
                row.above += 1;
                row.over_maximum += salary - band.max;
                (salary - band.max, band.max)
            }
            BandFit::Within | BandFit::NoBand => return,
        };
        let share = if limit.is_zero() {
            None
        } else {
            gap.checked_div(limit.abs())
        };
        self.positions.push(OutsidePosition {
            position: i,
            band: index,
            fit,
            salary,
            gap,
            gap_pct: share.map(|s| {
                (s * Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            }),
            compa_ratio: compa_ratio(band, salary),
            share,
        });
    }

    /// The review: the bands in ladder order, the positions farthest
    /// outside first.
    pub fn finish(self, scenario: &Scenario) -> OutsideReview {
        let mut order: Vec<usize> = (0..self.bands.len()).collect();
        let rank = |b: usize| {
            let band = &scenario.bands[b];
            let level = scenario
                .levels
                .iter()
                .position(|l| *l == band.level)
                .unwrap_or(usize::MAX);
            (level, band.location.is_some(), b)
        };
        order.sort_by_key(|&b| rank(b));
        let mut positions = self.positions;
        positions.sort_unstable_by(OutsidePosition::farther);
        OutsideReview {
            bands: order.into_iter().map(|b| self.bands[b].clone()).collect(),
            positions,
        }
    }
}

/// The whole review at once (a small roster, the CLI, the tests).
pub fn outside_review(scenario: &Scenario) -> OutsideReview {
    let mut reviewer = OutsideReviewer::new(scenario);
    reviewer.review(scenario, usize::MAX);
    reviewer.finish(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bands::{band_check, outside_band};
    use crate::model::{Date, SalaryBand, generate_plan};
    use rust_decimal::dec;

    fn band(level: &str, location: Option<&str>, min: Decimal, max: Decimal) -> SalaryBand {
        SalaryBand {
            level: level.into(),
            location: location.map(Into::into),
            min,
            mid: (min + max) / dec!(2),
            max,
        }
    }

    /// Mid 5,000,000–7,000,000 (Osaka 4,000,000–6,000,000), Senior
    /// 8,000,000–10,000,000 (band listed first), Junior without band.
    fn scenario() -> Scenario {
        let mut s = Scenario::blank("Base");
        s.bands
            .push(band("Senior", None, dec!(8000000), dec!(10000000)));
        s.bands
            .push(band("Mid", Some("Osaka"), dec!(4000000), dec!(6000000)));
        s.bands
            .push(band("Mid", None, dec!(5000000), dec!(7000000)));
        let start = Date::new(2026, 4, 1).unwrap();
        for (title, level, salary) in [
            ("a", "Mid", dec!(4500000)),     // 0: below by 500,000 (10 %)
            ("b", "Mid", dec!(5000000)),     // 1: at the minimum: within
            ("c", "Mid", dec!(7000000)),     // 2: at the maximum: within
            ("d", "Mid", dec!(7700000)),     // 3: above by 700,000 (10 %)
            ("e", "Senior", dec!(7000000)),  // 4: below by 1,000,000 (12.5 %)
            ("f", "Senior", dec!(11000000)), // 5: above by 1,000,000 (10 %)
            ("g", "Junior", dec!(1)),        // 6: no band
            ("h", "Mid", dec!(6500000)),     // 7: Osaka: above by 500,000 (8.3 %)
        ] {
            s.add_position(title, "Platform", salary, start);
            s.positions.last_mut().unwrap().level = level.into();
        }
        s.positions[7].location = Some("Osaka".into());
        s
    }

    #[test]
    fn the_farthest_outside_come_first_with_their_gap() {
        let s = scenario();
        let review = outside_review(&s);
        let order: Vec<usize> = review.positions.iter().map(|p| p.position).collect();
        // 12.5 %, then three at 10 % by amount (1,000,000, 700,000,
        // 500,000), then 8.3 %.
        assert_eq!(order, [4, 5, 3, 0, 7]);
        let e = &review.positions[0];
        assert_eq!(
            (e.fit, e.salary, e.gap, e.gap_pct, e.band),
            (
                BandFit::Below,
                dec!(7000000),
                dec!(1000000),
                Some(dec!(12.5)),
                0
            )
        );
        assert_eq!(e.compa_ratio, Some(dec!(0.778))); // 7,000,000 ÷ 9,000,000
        let h = &review.positions[4];
        assert_eq!(
            (h.fit, h.gap, h.gap_pct, h.band),
            (BandFit::Above, dec!(500000), Some(dec!(8.3)), 1)
        );
    }

    #[test]
    fn each_band_counts_its_positions_in_ladder_order() {
        let review = outside_review(&scenario());
        // Junior has no band; Mid's band without location before Osaka's;
        // Senior last although the scenario lists it first.
        let order: Vec<usize> = review.bands.iter().map(|b| b.band).collect();
        assert_eq!(order, [2, 1, 0]);
        assert_eq!(
            review.bands[0],
            BandOutside {
                band: 2,
                positions: 4,
                below: 1,
                above: 1,
                short_of_minimum: dec!(500000),
                over_maximum: dec!(700000),
            }
        );
        assert_eq!((review.bands[1].positions, review.bands[1].above), (1, 1));
        assert_eq!(review.bands[1].over_maximum, dec!(500000));
        assert_eq!(review.bands[2].outside(), 2);
        assert_eq!(
            (review.below(), review.above(), review.with_band()),
            (2, 3, 7)
        );
        assert_eq!(review.short_of_minimum(), dec!(1500000));
        assert_eq!(review.over_maximum(), dec!(2200000));
    }

    #[test]
    fn a_filter_keeps_one_side_or_one_band() {
        let review = outside_review(&scenario());
        let below = OutsideFilter {
            fit: Some(BandFit::Below),
            band: None,
        };
        let kept: Vec<usize> = review.filtered(below).map(|p| p.position).collect();
        assert_eq!(kept, [4, 0]);
        let osaka = OutsideFilter {
            fit: None,
            band: Some(1),
        };
        assert_eq!(review.count(osaka), 1);
        assert_eq!(review.count(OutsideFilter::default()), 5);
        let none = OutsideFilter {
            fit: Some(BandFit::Below),
            band: Some(1),
        };
        assert_eq!(review.count(none), 0);
    }

    #[test]
    fn a_missing_salary_is_paid_the_midpoint_and_never_outside() {
        let mut s = scenario();
        s.positions[0].annual_base = None;
        let review = outside_review(&s);
        assert!(review.positions.iter().all(|p| p.position != 0));
        assert_eq!(review.bands[0].positions, 4);
    }

    #[test]
    fn a_zero_maximum_crossed_comes_first_without_a_share() {
        let mut s = scenario();
        s.bands[0] = band("Senior", None, dec!(0), dec!(0));
        let review = outside_review(&s);
        let first = &review.positions[0];
        assert_eq!(first.gap_pct, None);
        assert_eq!((first.position, first.gap), (5, dec!(11000000)));
        assert_eq!(review.positions[1].position, 4);
    }

    #[test]
    fn slices_of_any_size_give_the_same_review_as_the_band_checks() {
        let plan = generate_plan(600, 12, 1, 5);
        let s = &plan.scenarios[0];
        let whole = outside_review(s);
        assert!(!whole.positions.is_empty());
        for size in [1, 7, 250] {
            let mut reviewer = OutsideReviewer::new(s);
            let mut steps = 0;
            while !reviewer.review(s, size) {
                steps += 1;
                assert_eq!(reviewer.checked(), steps * size);
            }
            assert_eq!(reviewer.finish(s), whole, "slices of {size}");
        }
        // The same positions as each position's band check says.
        let mut expected: Vec<usize> = outside_band(s).into_iter().map(|(i, _)| i).collect();
        let mut found: Vec<usize> = whole.positions.iter().map(|p| p.position).collect();
        expected.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, expected);
        for p in &whole.positions {
            let check = band_check(s, &s.positions[p.position]);
            assert_eq!(
                (Some(p.salary), p.compa_ratio, p.fit),
                (check.salary, check.compa_ratio, check.fit)
            );
        }
        for pair in whole.positions.windows(2) {
            assert_ne!(pair[0].farther(&pair[1]), Ordering::Greater);
        }
        let counted: usize = whole.bands.iter().map(BandOutside::outside).sum();
        assert_eq!(counted, whole.positions.len());
    }
}
