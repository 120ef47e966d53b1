//! Japan's standard monthly remuneration (標準報酬月額) grade tables, as
//! data with their sources and effective dates, and the lookup the engine's
//! graded mode uses (docs/model.md, "Graded mode").
//!
//! Sources:
//! - Health insurance, 50 grades from ¥58,000 to ¥1,390,000: 協会けんぽ,
//!   令和8年度 保険料額表 (the grades in force since April 2016, when grades
//!   48 to 50 were added; unchanged for FY2026).
//! - Employees' pension, 32 grades from ¥88,000 to ¥650,000: 日本年金機構,
//!   厚生年金保険 標準報酬月額表 (grade 32 since September 2020). Grades 33
//!   to 35 (¥680,000, ¥710,000, ¥750,000) come from September 2027, 2028
//!   and 2029 (年金制度改正法, enacted 13 June 2025); their remuneration
//!   bands are those of the health grades of the same amounts.
//!
//! A grade's band is "from `lower` (inclusive) to the next grade's `lower`
//! (exclusive)"; the first grade takes everything below, the last in force
//! everything above.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::date::YearMonth;
use super::exact::{Ratio, mul_div};
use super::plan::{BurdenBasis, Position, Scenario};

/// One grade: its number, standard monthly remuneration and the lowest
/// monthly remuneration that falls in it (yen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grade {
    pub number: u8,
    pub standard: i64,
    pub lower: i64,
    /// The first month the grade exists (`None`: in force throughout).
    pub since: Option<(i32, u8)>,
}

const fn g(number: u8, standard: i64, lower: i64) -> Grade {
    Grade {
        number,
        standard,
        lower,
        since: None,
    }
}

const fn dated(number: u8, standard: i64, lower: i64, year: i32, month: u8) -> Grade {
    Grade {
        number,
        standard,
        lower,
        since: Some((year, month)),
    }
}

/// Health insurance (協会けんぽ), 50 grades.
pub const HEALTH_GRADES: [Grade; 50] = [
    g(1, 58_000, 0),
    g(2, 68_000, 63_000),
    g(3, 78_000, 73_000),
    g(4, 88_000, 83_000),
    g(5, 98_000, 93_000),
    g(6, 104_000, 101_000),
    g(7, 110_000, 107_000),
    g(8, 118_000, 114_000),
    g(9, 126_000, 122_000),
    g(10, 134_000, 130_000),
    g(11, 142_000, 138_000),
    g(12, 150_000, 146_000),
    g(13, 160_000, 155_000),
    g(14, 170_000, 165_000),
    g(15, 180_000, 175_000),
    g(16, 190_000, 185_000),
    g(17, 200_000, 195_000),
    g(18, 220_000, 210_000),
    g(19, 240_000, 230_000),
    g(20, 260_000, 250_000),
    g(21, 280_000, 270_000),
    g(22, 300_000, 290_000),
    g(23, 320_000, 310_000),
    g(24, 340_000, 330_000),
    g(25, 360_000, 350_000),
    g(26, 380_000, 370_000),
    g(27, 410_000, 395_000),
    g(28, 440_000, 425_000),
    g(29, 470_000, 455_000),
    g(30, 500_000, 485_000),
    g(31, 530_000, 515_000),
    g(32, 560_000, 545_000),
    g(33, 590_000, 575_000),
    g(34, 620_000, 605_000),
    g(35, 650_000, 635_000),
    g(36, 680_000, 665_000),
    g(37, 710_000, 695_000),
    g(38, 750_000, 730_000),
    g(39, 790_000, 770_000),
    g(40, 830_000, 810_000),
    g(41, 880_000, 855_000),
    g(42, 930_000, 905_000),
    g(43, 980_000, 955_000),
    g(44, 1_030_000, 1_005_000),
    g(45, 1_090_000, 1_055_000),
    g(46, 1_150_000, 1_115_000),
    g(47, 1_210_000, 1_175_000),
    g(48, 1_270_000, 1_235_000),
    g(49, 1_330_000, 1_295_000),
    g(50, 1_390_000, 1_355_000),
];

/// Employees' pension (日本年金機構): 32 grades, and the three added from
/// September 2027, 2028 and 2029.
pub const PENSION_GRADES: [Grade; 35] = [
    g(1, 88_000, 0),
    g(2, 98_000, 93_000),
    g(3, 104_000, 101_000),
    g(4, 110_000, 107_000),
    g(5, 118_000, 114_000),
    g(6, 126_000, 122_000),
    g(7, 134_000, 130_000),
    g(8, 142_000, 138_000),
    g(9, 150_000, 146_000),
    g(10, 160_000, 155_000),
    g(11, 170_000, 165_000),
    g(12, 180_000, 175_000),
    g(13, 190_000, 185_000),
    g(14, 200_000, 195_000),
    g(15, 220_000, 210_000),
    g(16, 240_000, 230_000),
    g(17, 260_000, 250_000),
    g(18, 280_000, 270_000),
    g(19, 300_000, 290_000),
    g(20, 320_000, 310_000),
    g(21, 340_000, 330_000),
    g(22, 360_000, 350_000),
    g(23, 380_000, 370_000),
    g(24, 410_000, 395_000),
    g(25, 440_000, 425_000),
    g(26, 470_000, 455_000),
    g(27, 500_000, 485_000),
    g(28, 530_000, 515_000),
    g(29, 560_000, 545_000),
    g(30, 590_000, 575_000),
    g(31, 620_000, 605_000),
    g(32, 650_000, 635_000),
    dated(33, 680_000, 665_000, 2027, 9),
    dated(34, 710_000, 695_000, 2028, 9),
    dated(35, 750_000, 730_000, 2029, 9),
];

/// The standard bonus amount is the bonus truncated to this (¥1,000).
pub const BONUS_UNIT: i64 = 1_000;

/// The grade table of a graded basis (`None` for the simple basis).
pub fn table(basis: BurdenBasis) -> Option<&'static [Grade]> {
    match basis {
        BurdenBasis::Simple => None,
        BurdenBasis::HealthGrades => Some(&HEALTH_GRADES),
        BurdenBasis::PensionGrades => Some(&PENSION_GRADES),
    }
}

/// Whether the grade exists in the month with index `month` ([`YearMonth::index`]).
fn in_force(grade: &Grade, month: i32) -> bool {
    grade
        .since
        .is_none_or(|(y, m)| y * 12 + i32::from(m) - 1 <= month)
}

/// The grade of a monthly remuneration in a month: the highest grade in
/// force whose band starts at or below it.
pub fn grade_of(table: &[Grade], remuneration: i64, month: i32) -> Grade {
    let mut index = table
        .partition_point(|g| g.lower <= remuneration)
        .saturating_sub(1);
    // Grades added later are at the top of a table.
    while index > 0 && table.get(index).is_some_and(|g| !in_force(g, month)) {
        index -= 1;
    }
    table.get(index).copied().unwrap_or(g(0, 0, 0))
}

/// Whether a grade of the table comes into force in the month with index `month`.
pub fn table_changes_in(table: &[Grade], month: i32) -> bool {
    table
        .iter()
        .rev()
        .take_while(|g| g.since.is_some())
        .any(|g| {
            g.since
                .is_some_and(|(y, m)| y * 12 + i32::from(m) - 1 == month)
        })
}

/// The grades in force in a month, lowest first (for the Assumptions view).
pub fn grades_in_force(table: &[Grade], month: YearMonth) -> impl Iterator<Item = &Grade> {
    let index = month.index();
    table.iter().filter(move |g| in_force(g, index))
}

/// The health and pension grades a position starts the horizon on, as the
/// engine first determines them (資格取得時決定): from base × FTE ÷ 12 +
/// fixed allowances, in yen, before any raise. Later changes (the September
/// redetermination, a change of two grades or more) are named month by
/// month by `explain`. `None` for a table no component of the scenario uses.
pub fn starting_grades(scenario: &Scenario, position: &Position) -> (Option<u8>, Option<u8>) {
    let uses = |basis: BurdenBasis| scenario.people.burden.iter().any(|b| b.basis == basis);
    let remuneration = || {
        let yen = |d: Decimal| d.trunc().to_i64();
        let annual = yen(scenario.annual_base_of(position)?)?;
        let fte = Ratio::from_decimal(position.fte)?;
        let allowances = yen(position.allowances_total())?;
        Some(mul_div([annual, fte.n], [fte.d.saturating_mul(12)]).saturating_add(allowances))
    };
    let grade = |basis: BurdenBasis, table: &[Grade]| {
        uses(basis)
            .then(remuneration)
            .flatten()
            .map(|r| grade_of(table, r, i32::MIN).number)
    };
    (
        grade(BurdenBasis::HealthGrades, &HEALTH_GRADES),
        grade(BurdenBasis::PensionGrades, &PENSION_GRADES),
    )
}

/// The standard bonus amount: the bonus truncated to ¥1,000.
pub fn standard_bonus(bonus: i64) -> i64 {
    bonus.div_euclid(BONUS_UNIT) * BONUS_UNIT
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u8) -> i32 {
        YearMonth::new(y, m).expect("a month").index()
    }

    #[test]
    fn tables_are_ordered_and_have_the_published_ends() {
        for table in [&HEALTH_GRADES[..], &PENSION_GRADES[..]] {
            for (i, pair) in table.windows(2).enumerate() {
                assert!(pair[0].standard < pair[1].standard, "{i}");
                assert!(pair[0].lower < pair[1].lower, "{i}");
                assert_eq!(usize::from(pair[0].number), i + 1);
                // Each standard amount lies inside its band.
                assert!(pair[0].lower <= pair[0].standard && pair[0].standard < pair[1].lower);
            }
        }
        assert_eq!(HEALTH_GRADES[0].standard, 58_000);
        assert_eq!(HEALTH_GRADES[49].standard, 1_390_000);
        assert_eq!(PENSION_GRADES[31].standard, 650_000);
        // The pension bands are the health bands of the same amounts.
        for p in &PENSION_GRADES[1..] {
            let h = HEALTH_GRADES
                .iter()
                .find(|h| h.standard == p.standard)
                .expect("same amount");
            assert_eq!(h.lower, p.lower, "{}", p.standard);
        }
    }

    #[test]
    fn boundaries_belong_to_the_grade_above() {
        let april_2026 = ym(2026, 4);
        let health = |r| grade_of(&HEALTH_GRADES, r, april_2026);
        assert_eq!((health(0).number, health(0).standard), (1, 58_000));
        assert_eq!(health(62_999).number, 1);
        assert_eq!(
            (health(63_000).number, health(63_000).standard),
            (2, 68_000)
        );
        assert_eq!(health(394_999).standard, 380_000);
        assert_eq!(
            (health(395_000).number, health(395_000).standard),
            (27, 410_000)
        );
        assert_eq!(health(1_354_999).standard, 1_330_000);
        assert_eq!(
            (health(1_355_000).number, health(1_355_000).standard),
            (50, 1_390_000)
        );
        assert_eq!(health(9_000_000).standard, 1_390_000);
        let pension = |r, m| grade_of(&PENSION_GRADES, r, m);
        assert_eq!(pension(50_000, april_2026).standard, 88_000);
        assert_eq!(pension(634_999, april_2026).standard, 620_000);
        assert_eq!(
            (
                pension(635_000, april_2026).number,
                pension(635_000, april_2026).standard
            ),
            (32, 650_000)
        );
        assert_eq!(pension(2_000_000, april_2026).standard, 650_000);
        // The steps of the 2025 reform law.
        assert_eq!(pension(700_000, ym(2027, 8)).standard, 650_000);
        assert_eq!(
            (
                pension(700_000, ym(2027, 9)).number,
                pension(700_000, ym(2027, 9)).standard
            ),
            (33, 680_000)
        );
        assert_eq!(pension(664_999, ym(2027, 9)).standard, 650_000);
        assert_eq!(pension(2_000_000, ym(2028, 9)).standard, 710_000);
        assert_eq!(pension(2_000_000, ym(2029, 9)).standard, 750_000);
    }

    #[test]
    fn a_standard_bonus_is_truncated_to_1000_yen() {
        assert_eq!(standard_bonus(414_800), 414_000);
        assert_eq!(standard_bonus(999), 0);
        assert_eq!(standard_bonus(1_000), 1_000);
    }

    #[test]
    fn starting_grades_are_the_engines_first_determination() {
        use crate::model::forecast::{Determination, PreparedScenario};
        use crate::model::generate_plan_graded;
        let plan = generate_plan_graded(60, 12, 1, 2026);
        let prepared = PreparedScenario::new(&plan, 0).unwrap();
        let scenario = &plan.scenarios[0];
        let mut checked = 0;
        for (i, position) in scenario.positions.iter().enumerate() {
            let mut rows = Vec::new();
            let trace = prepared.trace_position(i, &mut rows);
            let Some(first) = trace.iter().find(|m| m.health_grade.is_some()) else {
                continue;
            };
            let health = first.health_grade.unwrap();
            // Before any raise: as determined at the horizon's start.
            if health.determination != Determination::AtHorizonStart {
                continue;
            }
            let (h, p) = starting_grades(scenario, position);
            assert_eq!(h, Some(health.number), "{}", position.id);
            assert_eq!(p, first.pension_grade.map(|g| g.number), "{}", position.id);
            checked += 1;
        }
        assert!(checked > 10, "only {checked} positions compared");
    }
}
