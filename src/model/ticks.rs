//! The value axis of a chart: round tick values ("nice numbers": 1, 2 or
//! 5 × 10ⁿ) and their labels, exact over integers.
//!
//! English counts in thousands (K, M, B, T) with one unit for the whole
//! axis: "0", "0.5M", "1.0M". Japanese counts in ten thousands (万, 億, 兆)
//! as a Japanese deck does: each tick in the largest unit it reaches, so an
//! axis to 2億 reads "0, 5,000万, 1億, 1.5億, 2億" (never "0.5億"), and a
//! figure in 万 never has decimals; an axis whose step is finer than 1万
//! shows plain figures ("5,000", "10,000").

use super::money::group_digits;

/// The smallest step of 1, 2 or 5 × 10ⁿ that is at least `at_least` and no
/// finer than `min_step` (a power of ten).
pub fn nice_step(at_least: i128, min_step: i128) -> i128 {
    let mut base = min_step.max(1);
    loop {
        for factor in [1, 2, 5] {
            let step = base.saturating_mul(factor);
            if step >= at_least {
                return step;
            }
        }
        base = base.saturating_mul(10);
    }
}

/// A value axis: from `min` to `max` in steps of `step`, zero included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    pub min: i128,
    pub max: i128,
    pub step: i128,
}

impl Axis {
    /// An axis over `lo..=hi` and zero, in at most `steps` round steps.
    pub fn new(lo: i128, hi: i128, min_step: i128, steps: i128) -> Self {
        let lo = lo.min(0);
        let hi = hi.max(0);
        let span = hi.saturating_sub(lo);
        let steps = steps.max(1);
        let step = nice_step(span / steps + i128::from(span % steps != 0), min_step);
        let min = lo.div_euclid(step) * step;
        let max = -(hi.saturating_neg().div_euclid(step)) * step;
        Self {
            min,
            max: if max == min { min + step } else { max },
            step,
        }
    }

    pub fn ticks(&self) -> Vec<i128> {
        let count = (self.max - self.min) / self.step;
        (0..=count).map(|i| self.min + i * self.step).collect()
    }
}

/// How a language counts large figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// K, M, B, T: one unit for the whole axis.
    Thousands,
    /// 万, 億, 兆: each tick in the largest unit it reaches.
    TenThousands,
}

const THOUSANDS: [(u32, &str); 4] = [(12, "T"), (9, "B"), (6, "M"), (3, "K")];
const TEN_THOUSANDS: [(u32, &str); 3] = [(12, "兆"), (8, "億"), (4, "万")];

/// How many times 10 divides `n` (0 for 0).
fn decimal_zeros(mut n: i128) -> u32 {
    let mut zeros = 0;
    while n != 0 && n % 10 == 0 {
        n /= 10;
        zeros += 1;
    }
    zeros
}

/// `value` ÷ 10^`shift` with `decimals` digits after the point, exactly
/// (the caller's value is a multiple of 10^(`shift` − `decimals`)).
fn scaled(value: i128, shift: u32, decimals: u32, suffix: &str) -> String {
    if value == 0 {
        return "0".to_string();
    }
    let unit = 10_u128.pow(shift);
    let abs = value.unsigned_abs();
    let sign = if value < 0 { "-" } else { "" };
    let whole = group_digits(&(abs / unit).to_string());
    if decimals == 0 {
        return format!("{sign}{whole}{suffix}");
    }
    let fraction = format!("{:0width$}", abs % unit, width = shift as usize);
    format!("{sign}{whole}.{}{suffix}", &fraction[..decimals as usize])
}

/// The axis' tick labels. `exponent` is the digits of the values below the
/// unit (2 for cents, 6 for millionths of a person).
pub fn tick_labels(axis: &Axis, exponent: u32, counting: Counting) -> Vec<String> {
    match counting {
        Counting::Thousands => thousands_labels(axis, exponent),
        Counting::TenThousands => ten_thousands_labels(axis, exponent),
    }
}

/// One unit for the axis, with the decimals its step needs: "0", "0.5M".
fn thousands_labels(axis: &Axis, exponent: u32) -> Vec<String> {
    let largest = axis.min.unsigned_abs().max(axis.max.unsigned_abs()) / 10_u128.pow(exponent);
    let (power, suffix) = THOUSANDS
        .iter()
        .copied()
        .find(|(power, _)| largest >= 10_u128.pow(*power))
        .unwrap_or((0, ""));
    let shift = exponent + power;
    let decimals = shift.saturating_sub(decimal_zeros(axis.step));
    axis.ticks()
        .into_iter()
        .map(|value| scaled(value, shift, decimals, suffix))
        .collect()
}

/// Each tick in the largest of 万, 億, 兆 it reaches; 万 without decimals.
fn ten_thousands_labels(axis: &Axis, exponent: u32) -> Vec<String> {
    let step_zeros = decimal_zeros(axis.step);
    // A step finer than 1万 (or than the unit itself): plain figures.
    if step_zeros < exponent + 4 {
        let decimals = exponent.saturating_sub(step_zeros);
        return axis
            .ticks()
            .into_iter()
            .map(|value| scaled(value, exponent, decimals, ""))
            .collect();
    }
    axis.ticks()
        .into_iter()
        .map(|value| {
            let whole = value.unsigned_abs() / 10_u128.pow(exponent);
            let (power, suffix) = TEN_THOUSANDS
                .iter()
                .copied()
                .find(|(power, _)| whole >= 10_u128.pow(*power))
                .unwrap_or((4, "万"));
            let shift = exponent + power;
            // 万 takes no decimals (the step is a multiple of 1万); 億 and
            // 兆 take those the tick needs: "1億", "1.5億".
            let decimals = shift.saturating_sub(step_zeros.max(decimal_zeros(value)));
            scaled(value, shift, decimals, suffix)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja(max: i128) -> Vec<String> {
        tick_labels(&Axis::new(0, max, 1, 7), 0, Counting::TenThousands)
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(1, 1), 1);
        assert_eq!(nice_step(3, 1), 5);
        assert_eq!(nice_step(6, 1), 10);
        assert_eq!(nice_step(1_428_572, 1), 2_000_000);
        assert_eq!(nice_step(35_714_286, 1), 50_000_000);
        // People never step by less than a whole person.
        assert_eq!(nice_step(3, 1_000_000), 1_000_000);
    }

    #[test]
    fn japanese_ticks_count_in_man_and_oku_without_decimals_on_man() {
        // ¥200,000,000 in 7 steps: step ¥28.6M → ¥50M (5,000万).
        assert_eq!(ja(200_000_000), ["0", "5,000万", "1億", "1.5億", "2億"]);
        // ¥35M: step 5M (500万).
        assert_eq!(
            ja(35_000_000),
            [
                "0", "500万", "1,000万", "1,500万", "2,000万", "2,500万", "3,000万", "3,500万"
            ]
        );
        // ¥140M: step 20M; 1.2億, not 12,000万.
        assert_eq!(
            ja(140_000_000),
            [
                "0", "2,000万", "4,000万", "6,000万", "8,000万", "1億", "1.2億", "1.4億"
            ]
        );
        // A step below 1万: plain figures, no "0.5万".
        assert_eq!(
            ja(30_000),
            [
                "0", "5,000", "10,000", "15,000", "20,000", "25,000", "30,000"
            ]
        );
        // 兆.
        assert_eq!(ja(2_000_000_000_000)[1], "5,000億");
        assert_eq!(ja(2_000_000_000_000)[3], "1.5兆");
        // Negative ticks keep their sign.
        assert_eq!(
            tick_labels(
                &Axis::new(-60_000_000, 60_000_000, 1, 7),
                0,
                Counting::TenThousands
            ),
            [
                "-6,000万",
                "-4,000万",
                "-2,000万",
                "0",
                "2,000万",
                "4,000万",
                "6,000万"
            ]
        );
        // Dollars in cents: $150,000 in steps of $50,000 → 5万.
        assert_eq!(
            tick_labels(&Axis::new(0, 15_000_000, 1, 7), 2, Counting::TenThousands),
            ["0", "5万", "10万", "15万"]
        );
        // People count whole heads.
        assert_eq!(
            tick_labels(
                &Axis::new(0, 11_500_000, 1_000_000, 7),
                6,
                Counting::TenThousands
            ),
            ["0", "2", "4", "6", "8", "10", "12"]
        );
    }

    #[test]
    fn english_ticks_share_one_compact_unit() {
        let en = |max| tick_labels(&Axis::new(0, max, 1, 7), 0, Counting::Thousands);
        assert_eq!(en(1_500_000), ["0", "0.5M", "1.0M", "1.5M"]);
        assert_eq!(en(800_000), ["0", "200K", "400K", "600K", "800K"]);
        assert_eq!(en(4_200_000_000), ["0", "1B", "2B", "3B", "4B", "5B"]);
        assert_eq!(
            tick_labels(&Axis::new(0, 50, 1, 7), 2, Counting::Thousands),
            ["0", "0.1", "0.2", "0.3", "0.4", "0.5"]
        );
    }
}
