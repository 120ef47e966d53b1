//! How each position's salary sits in its band: the compa-ratio and whether
//! it is below, within or above the band.

use rust_decimal::{Decimal, RoundingStrategy};

use super::plan::{Position, SalaryBand, Scenario};
use super::problem::Problem;

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
            (Some(b), Some(s)) => band_fit(b, s),
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

/// Where `salary` falls against `band`: its limits are inside it.
pub fn band_fit(band: &SalaryBand, salary: Decimal) -> BandFit {
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

/// One level of the ladder: its bands and how its positions sit in them.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelBands {
    pub level: String,
    /// The level's bands, the one without location first.
    pub bands: Vec<SalaryBand>,
    /// Each position at this level that has a salary, with its index in the
    /// scenario, in roster order.
    pub positions: Vec<(usize, BandCheck)>,
    /// The lowest and highest of those salaries.
    pub lowest: Option<Decimal>,
    pub highest: Option<Decimal>,
    /// How many are below and above their band.
    pub below: usize,
    pub above: usize,
}

/// Every level of the ladder, lowest first, with its bands and positions.
/// Positions at a level that is not on the ladder are not shown here
/// (validation reports them).
pub fn ladder_bands(scenario: &Scenario) -> Vec<LevelBands> {
    let mut levels: Vec<LevelBands> = scenario
        .levels
        .iter()
        .map(|level| {
            let mut bands: Vec<SalaryBand> = scenario
                .bands
                .iter()
                .filter(|b| &b.level == level)
                .cloned()
                .collect();
            bands.sort_by_key(|b| b.location.is_some());
            LevelBands {
                level: level.clone(),
                bands,
                positions: Vec::new(),
                lowest: None,
                highest: None,
                below: 0,
                above: 0,
            }
        })
        .collect();
    for (i, position) in scenario.positions.iter().enumerate() {
        let Some(row) = levels.iter_mut().find(|l| l.level == position.level) else {
            continue;
        };
        let check = band_check(scenario, position);
        let Some(salary) = check.salary else {
            continue;
        };
        row.lowest = Some(row.lowest.map_or(salary, |l| l.min(salary)));
        row.highest = Some(row.highest.map_or(salary, |h| h.max(salary)));
        match check.fit {
            BandFit::Below => row.below += 1,
            BandFit::Above => row.above += 1,
            BandFit::Within | BandFit::NoBand => {}
        }
        row.positions.push((i, check));
    }
    levels
}

/// The lowest and highest amount among the bands and salaries: the span a
/// chart of them needs. `None` when there is nothing to show.
pub fn salary_span(levels: &[LevelBands]) -> Option<(Decimal, Decimal)> {
    let amounts = levels.iter().flat_map(|l| {
        l.bands
            .iter()
            .flat_map(|b| [b.min, b.max])
            .chain(l.lowest)
            .chain(l.highest)
    });
    amounts.fold(None, |span, a| match span {
        None => Some((a, a)),
        Some((lo, hi)) => Some((lo.min(a), hi.max(a))),
    })
}

/// How many positions and bands are at a level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelUsage {
    pub positions: usize,
    pub bands: usize,
}

impl Scenario {
    /// Adds a level at the top of the ladder. Refuses an empty name or one
    /// the ladder has.
    pub fn add_level(&mut self, name: &str) -> Result<(), Problem> {
        let name = self.fresh_level_name(name)?;
        self.levels.push(name);
        Ok(())
    }

    /// Renames a level and every reference to it (positions, bands).
    pub fn rename_level(&mut self, old: &str, new: &str) -> Result<(), Problem> {
        if old == new.trim() {
            return Ok(());
        }
        let Some(index) = self.levels.iter().position(|l| l == old) else {
            return Err(Problem::NoLevelNamed {
                name: old.to_string(),
            });
        };
        let new = self.fresh_level_name(new)?;
        for position in self.positions.iter_mut().filter(|p| p.level == old) {
            position.level.clone_from(&new);
        }
        for band in self.bands.iter_mut().filter(|b| b.level == old) {
            band.level.clone_from(&new);
        }
        self.levels[index] = new;
        Ok(())
    }

    /// Moves the level at `from` to `to` in the ladder (lowest first);
    /// `false` when either is outside the ladder.
    pub fn move_level(&mut self, from: usize, to: usize) -> bool {
        if from >= self.levels.len() || to >= self.levels.len() {
            return false;
        }
        let level = self.levels.remove(from);
        self.levels.insert(to, level);
        true
    }

    pub fn level_usage(&self, name: &str) -> LevelUsage {
        LevelUsage {
            positions: self.positions.iter().filter(|p| p.level == name).count(),
            bands: self.bands.iter().filter(|b| b.level == name).count(),
        }
    }

    /// Removes a level nothing uses; refuses, changing nothing, while
    /// positions or bands are at it.
    pub fn remove_level(&mut self, name: &str) -> Result<(), Problem> {
        let Some(index) = self.levels.iter().position(|l| l == name) else {
            return Err(Problem::NoLevelNamed {
                name: name.to_string(),
            });
        };
        let usage = self.level_usage(name);
        if usage.positions > 0 || usage.bands > 0 {
            return Err(Problem::LevelInUse {
                name: name.to_string(),
                positions: usage.positions,
                bands: usage.bands,
            });
        }
        self.levels.remove(index);
        Ok(())
    }

    /// Levels with no band without location: their positions have no band
    /// to fall back to.
    pub fn levels_without_band(&self) -> Vec<String> {
        self.levels
            .iter()
            .filter(|l| self.band_for(l, None).is_none())
            .cloned()
            .collect()
    }

    /// Adds a band for `level` (and `location`) and returns its index, with
    /// the figures [`suggested_band`](Self::suggested_band) proposes, or
    /// zero where nothing suggests any (the UI then asks for them instead).
    /// Refuses a level not on the ladder or a level and location that
    /// already have a band.
    pub fn add_band(&mut self, level: &str, location: Option<&str>) -> Result<usize, Problem> {
        let figures = self.suggested_band(level, location).unwrap_or((
            Decimal::ZERO,
            Decimal::ZERO,
            Decimal::ZERO,
        ));
        self.add_band_with(level, location, figures)
    }

    /// Adds a band for `level` (and `location`) with `(min, mid, max)` as
    /// typed, and returns its index. The order of the three is checked by
    /// validation, with the rest of the plan.
    pub fn add_band_with(
        &mut self,
        level: &str,
        location: Option<&str>,
        (min, mid, max): (Decimal, Decimal, Decimal),
    ) -> Result<usize, Problem> {
        if !self.levels.iter().any(|l| l == level) {
            return Err(Problem::NoLevelNamed {
                name: level.to_string(),
            });
        }
        let location = location.map(str::trim).filter(|l| !l.is_empty());
        if self
            .bands
            .iter()
            .any(|b| b.level == level && b.location.as_deref() == location)
        {
            return Err(Problem::BandExists {
                level: level.to_string(),
                location: location.map(str::to_string),
            });
        }
        self.bands.push(SalaryBand {
            level: level.to_string(),
            location: location.map(str::to_string),
            min,
            mid,
            max,
        });
        Ok(self.bands.len() - 1)
    }

    /// The figures a new band for `level` (and `location`) starts from, so
    /// that it never starts at 0 / 0 / 0 and costs open positions at a zero
    /// midpoint: around the level's stated salaries (the lowest, the median,
    /// the lower middle one of an even count, and the highest); else the
    /// level's band at another location; else the nearest level's band on
    /// the ladder, the one below first. `None` when nothing suggests any.
    pub fn suggested_band(
        &self,
        level: &str,
        location: Option<&str>,
    ) -> Option<(Decimal, Decimal, Decimal)> {
        let location = location.map(str::trim).filter(|l| !l.is_empty());
        let mut salaries: Vec<Decimal> = self
            .positions
            .iter()
            .filter(|p| p.level == level && self.band_would_cover(p, location))
            .filter_map(|p| p.annual_base)
            .collect();
        salaries.sort();
        if let (Some(&min), Some(&max)) = (salaries.first(), salaries.last()) {
            return Some((min, salaries[(salaries.len() - 1) / 2], max));
        }
        let figures = |b: &SalaryBand| (b.min, b.mid, b.max);
        if let Some(band) = self.bands.iter().find(|b| b.level == level) {
            return Some(figures(band));
        }
        let at = self.levels.iter().position(|l| l == level)?;
        let band_of = |i: usize| {
            let name = self.levels.get(i)?;
            self.band_for(name, location).map(figures)
        };
        (1..self.levels.len()).find_map(|distance| {
            at.checked_sub(distance)
                .and_then(band_of)
                .or_else(|| band_of(at + distance))
        })
    }

    /// Whether a band of the position's level at `location` would be the
    /// one in force for it: the location's own band, or the level's band
    /// without location for positions whose location has no band of its own.
    fn band_would_cover(&self, position: &Position, location: Option<&str>) -> bool {
        match (location, position.location.as_deref()) {
            (Some(band_loc), at) => at == Some(band_loc),
            (None, None) => true,
            (None, Some(at)) => !self
                .bands
                .iter()
                .any(|b| b.level == position.level && b.location.as_deref() == Some(at)),
        }
    }

    fn fresh_level_name(&self, name: &str) -> Result<String, Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::LevelNeedsName);
        }
        if self.levels.iter().any(|l| l == name) {
            return Err(Problem::LevelExists {
                name: name.to_string(),
            });
        }
        Ok(name.to_string())
    }
}

/// A salary range of a dense band chart: how many of a level's salaries
/// fall in it, within their band or outside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SalaryBin {
    pub within: usize,
    pub outside: usize,
}

impl SalaryBin {
    pub fn count(self) -> usize {
        self.within + self.outside
    }
}

/// The bounds of `bins` equal salary ranges from `lo` to `hi`: `bins + 1`
/// exact amounts, the first `lo` and the last `hi`.
pub fn bin_bounds(lo: Decimal, hi: Decimal, bins: usize) -> Vec<Decimal> {
    let bins = bins.max(1);
    let step = (hi - lo) / Decimal::from(bins);
    (0..=bins)
        .map(|k| {
            if k == bins {
                hi
            } else {
                lo + step * Decimal::from(k)
            }
        })
        .collect()
}

/// How many of the level's salaries fall in each range
/// `bounds[k]..bounds[k + 1]` (the last range includes its top; a salary
/// beyond the bounds counts in the first or last range): the rows of a band
/// chart with too many salaries to draw one dot each. The counts add up to
/// the level's positions with a salary.
pub fn salary_histogram(level: &LevelBands, bounds: &[Decimal]) -> Vec<SalaryBin> {
    let bins = bounds.len().saturating_sub(1).max(1);
    let mut out = vec![SalaryBin::default(); bins];
    for (_, check) in &level.positions {
        let Some(salary) = check.salary else { continue };
        let k = bounds
            .partition_point(|b| *b <= salary)
            .saturating_sub(1)
            .min(bins - 1);
        if check.fit.is_outside() {
            out[k].outside += 1;
        } else {
            out[k].within += 1;
        }
    }
    out
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

    fn level_names(s: &Scenario) -> Vec<&str> {
        s.levels.iter().map(String::as_str).collect()
    }

    #[test]
    fn ladder_bands_group_positions_by_level_in_ladder_order() {
        let mut s = scenario();
        s.positions[0].location = Some("Osaka".into()); // within the Osaka band
        s.positions[3].level = "Senior".into(); // no band: no fit, still a salary
        let levels = ladder_bands(&s);
        assert_eq!(levels.len(), s.levels.len());
        assert_eq!(levels[0].level, "Junior");
        assert!(levels[0].positions.is_empty());
        assert_eq!(levels[0].lowest, None);
        let mid = &levels[1];
        assert_eq!(mid.level, "Mid");
        assert_eq!(mid.bands.len(), 2);
        assert_eq!(mid.bands[0].location, None);
        assert_eq!(mid.bands[1].location.as_deref(), Some("Osaka"));
        let indices: Vec<usize> = mid.positions.iter().map(|(i, _)| *i).collect();
        assert_eq!(indices, [0, 1, 2]);
        assert_eq!(mid.lowest, Some(dec!(4999999)));
        assert_eq!(mid.highest, Some(dec!(7000000)));
        assert_eq!((mid.below, mid.above), (0, 0));
        let senior = &levels[2];
        assert_eq!(senior.positions.len(), 1);
        assert_eq!(senior.positions[0].1.fit, BandFit::NoBand);
        assert_eq!((senior.below, senior.above), (0, 0));
    }

    #[test]
    fn ladder_bands_count_below_and_above() {
        let levels = ladder_bands(&scenario());
        assert_eq!((levels[1].below, levels[1].above), (1, 1));
    }

    #[test]
    fn the_salary_span_covers_bands_and_salaries() {
        let s = scenario();
        assert_eq!(
            salary_span(&ladder_bands(&s)),
            Some((dec!(4000000), dec!(7000001)))
        );
        let mut empty = Scenario::blank("Empty");
        assert_eq!(salary_span(&ladder_bands(&empty)), None);
        empty.add_position(
            "Only",
            "Platform",
            dec!(6000000),
            Date::new(2026, 4, 1).unwrap(),
        );
        assert_eq!(
            salary_span(&ladder_bands(&empty)),
            Some((dec!(6000000), dec!(6000000)))
        );
    }

    #[test]
    fn a_level_is_added_on_top_with_a_fresh_name() {
        let mut s = Scenario::blank("Base");
        s.add_level(" Principal ").unwrap();
        assert_eq!(s.levels.last().map(String::as_str), Some("Principal"));
        assert_eq!(
            s.add_level(" Mid ").unwrap_err().to_string(),
            "The ladder already has a level \u{201c}Mid\u{201d}."
        );
        assert_eq!(s.add_level(" "), Err(Problem::LevelNeedsName));
        assert_eq!(
            s.add_level(" ").unwrap_err().to_string(),
            "A level needs a name."
        );
        assert_eq!(s.levels.len(), 8);
    }

    #[test]
    fn renaming_a_level_renames_positions_and_bands() {
        let mut s = scenario();
        s.positions[3].level = "Senior".into();
        s.rename_level("Mid", "Engineer II").unwrap();
        assert_eq!(level_names(&s)[1], "Engineer II");
        let levels: Vec<&str> = s.positions.iter().map(|p| p.level.as_str()).collect();
        assert_eq!(
            levels,
            ["Engineer II", "Engineer II", "Engineer II", "Senior"]
        );
        assert!(s.bands.iter().all(|b| b.level == "Engineer II"));
        let before = s.clone();
        assert_eq!(
            s.rename_level("Engineer II", " Senior"),
            Err(Problem::LevelExists {
                name: "Senior".into()
            })
        );
        assert_eq!(
            s.rename_level("Engineer II", ""),
            Err(Problem::LevelNeedsName)
        );
        assert_eq!(
            s.rename_level("Nope", "Other").unwrap_err().to_string(),
            "There is no level named \u{201c}Nope\u{201d}."
        );
        assert_eq!(s, before);
        assert_eq!(s.rename_level("Senior", "Senior"), Ok(()));
    }

    #[test]
    fn moving_a_level_reorders_the_ladder() {
        let mut s = Scenario::blank("Base");
        assert!(s.move_level(0, 1));
        assert_eq!(level_names(&s)[..3], ["Mid", "Junior", "Senior"]);
        assert!(s.move_level(2, 0));
        assert_eq!(level_names(&s)[..3], ["Senior", "Mid", "Junior"]);
        let before = s.clone();
        assert!(!s.move_level(0, 7));
        assert!(!s.move_level(9, 0));
        assert_eq!(s, before);
    }

    #[test]
    fn a_level_in_use_is_kept_with_a_message() {
        let mut s = scenario();
        assert_eq!(
            s.level_usage("Mid"),
            LevelUsage {
                positions: 4,
                bands: 2
            }
        );
        assert_eq!(
            s.remove_level("Mid"),
            Err(Problem::LevelInUse {
                name: "Mid".into(),
                positions: 4,
                bands: 2
            })
        );
        assert_eq!(
            s.remove_level("Mid").unwrap_err().to_string(),
            "4 positions and 2 bands still use \u{201c}Mid\u{201d}: move or delete them first."
        );
        s.positions.truncate(1);
        s.bands.truncate(1);
        assert_eq!(
            s.remove_level("Mid").unwrap_err().to_string(),
            "1 position and 1 band still use \u{201c}Mid\u{201d}: move or delete them first."
        );
        s.bands.clear();
        assert_eq!(
            s.remove_level("Mid").unwrap_err().to_string(),
            "1 position still uses \u{201c}Mid\u{201d}: move or delete them first."
        );
        assert!(s.levels.iter().any(|l| l == "Mid"));
        s.positions.clear();
        s.remove_level("Mid").unwrap();
        assert!(!s.levels.iter().any(|l| l == "Mid"));
        assert_eq!(
            s.remove_level("Mid"),
            Err(Problem::NoLevelNamed { name: "Mid".into() })
        );
    }

    #[test]
    fn levels_without_a_general_band_are_offered_one() {
        let mut s = scenario();
        s.bands.remove(0); // Mid keeps only its Osaka band
        let missing = s.levels_without_band();
        assert_eq!(missing.len(), s.levels.len());
        assert!(missing.iter().any(|l| l == "Mid"));
        s.add_band("Mid", None).unwrap();
        assert!(!s.levels_without_band().iter().any(|l| l == "Mid"));
    }

    #[test]
    fn a_new_band_starts_around_the_levels_salaries() {
        let mut s = scenario();
        s.bands.clear();
        // Salaries 4,999,999, 5,000,000, 7,000,000, 7,000,001: the median is
        // the lower middle one.
        let i = s.add_band("Mid", None).unwrap();
        assert_eq!(
            (s.bands[i].min, s.bands[i].mid, s.bands[i].max),
            (dec!(4999999), dec!(5000000), dec!(7000001))
        );
        // An Osaka band covers only the Osaka position; the general band then
        // no longer counts it.
        s.positions[2].location = Some("Osaka".into());
        let osaka = s.add_band("Mid", Some(" Osaka ")).unwrap();
        assert_eq!(s.bands[osaka].location.as_deref(), Some("Osaka"));
        assert_eq!(
            (s.bands[osaka].min, s.bands[osaka].mid, s.bands[osaka].max),
            (dec!(7000000), dec!(7000000), dec!(7000000))
        );
        s.bands.remove(0);
        let general = s.add_band("Mid", Some("")).unwrap();
        assert_eq!(s.bands[general].location, None);
        assert_eq!(s.bands[general].max, dec!(7000001));
        assert_eq!(s.bands[general].mid, dec!(5000000));
        // Nobody at Staff: the nearest level's band, the one below first.
        let staff = s.add_band("Staff", None).unwrap();
        assert_eq!(
            (s.bands[staff].min, s.bands[staff].mid, s.bands[staff].max),
            (dec!(4999999), dec!(5000000), dec!(7000001))
        );
    }

    #[test]
    fn a_new_band_suggests_nothing_without_a_neighbour() {
        let mut s = scenario();
        s.bands.clear();
        s.positions.clear();
        assert_eq!(s.suggested_band("Mid", None), None);
        // Typed figures are kept as they are, even out of order: validation
        // says what is wrong, the band keeps what was typed.
        let i = s
            .add_band_with("Mid", None, (dec!(6000000), dec!(7500000), dec!(9000000)))
            .unwrap();
        assert_eq!(
            (s.bands[i].min, s.bands[i].mid, s.bands[i].max),
            (dec!(6000000), dec!(7500000), dec!(9000000))
        );
        // Another location of the same level starts from that band.
        assert_eq!(
            s.suggested_band("Mid", Some("Osaka")),
            Some((dec!(6000000), dec!(7500000), dec!(9000000)))
        );
    }

    #[test]
    fn a_duplicate_or_unknown_band_is_refused() {
        let mut s = scenario();
        let before = s.clone();
        assert_eq!(
            s.add_band("Mid", None).unwrap_err().to_string(),
            "\u{201c}Mid\u{201d} already has a band."
        );
        assert_eq!(
            s.add_band("Mid", Some(" ")),
            Err(Problem::BandExists {
                level: "Mid".into(),
                location: None
            })
        );
        assert_eq!(
            s.add_band("Mid", Some(" Osaka ")).unwrap_err().to_string(),
            "\u{201c}Mid\u{201d} already has a band for Osaka."
        );
        assert_eq!(
            s.add_band("Wizard", None).unwrap_err().to_string(),
            "There is no level named \u{201c}Wizard\u{201d}."
        );
        assert_eq!(s, before);
    }

    #[test]
    fn a_histogram_counts_every_salary_once_in_its_range() {
        use rust_decimal::dec;
        let bounds = bin_bounds(dec!(4000000), dec!(10000000), 3);
        assert_eq!(
            bounds,
            [dec!(4000000), dec!(6000000), dec!(8000000), dec!(10000000)]
        );
        let check = |salary: Decimal, fit: BandFit| BandCheck {
            salary: Some(salary),
            compa_ratio: None,
            fit,
        };
        let level = LevelBands {
            level: "Mid".into(),
            bands: Vec::new(),
            positions: vec![
                (0, check(dec!(4000000), BandFit::Within)),
                (1, check(dec!(5999999), BandFit::Below)),
                (2, check(dec!(6000000), BandFit::Within)),
                (3, check(dec!(10000000), BandFit::Above)),
                (4, check(dec!(12000000), BandFit::Above)),
                (5, check(dec!(1000000), BandFit::Below)),
                (
                    6,
                    BandCheck {
                        salary: None,
                        compa_ratio: None,
                        fit: BandFit::NoBand,
                    },
                ),
            ],
            lowest: None,
            highest: None,
            below: 2,
            above: 2,
        };
        let bins = salary_histogram(&level, &bounds);
        assert_eq!(
            bins,
            [
                SalaryBin {
                    within: 1,
                    outside: 2
                },
                SalaryBin {
                    within: 1,
                    outside: 0
                },
                SalaryBin {
                    within: 0,
                    outside: 2
                },
            ]
        );
        assert_eq!(bins.iter().map(|b| b.count()).sum::<usize>(), 6);
    }
}
