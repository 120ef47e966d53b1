//! Exact rational steps on integers: the engine's arithmetic.
//!
//! Every amount is a product of integer factors (minor units, day counts,
//! rate numerators) over a product of integer denominators, rounded once,
//! half away from zero. The common case fits an `i64` and costs a few
//! multiplications and one division; products that would overflow take an
//! `i128` path, and anything beyond that saturates rather than panic (a
//! validated plan never gets there).

use rust_decimal::Decimal;

/// A rational number `n / d` with `d > 0`, reduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ratio {
    pub n: i64,
    pub d: i64,
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { n: 0, d: 1 };
    pub const ONE: Ratio = Ratio { n: 1, d: 1 };

    /// `n / d` reduced; `None` if `d` is not positive.
    pub fn new(n: i64, d: i64) -> Option<Ratio> {
        if d <= 0 {
            return None;
        }
        let g = gcd(n, d).max(1);
        Some(Ratio { n: n / g, d: d / g })
    }

    /// The exact value of a decimal with at most 18 significant digits.
    pub fn from_decimal(value: Decimal) -> Option<Ratio> {
        let value = value.normalize();
        let n = i64::try_from(value.mantissa()).ok()?;
        let d = 10_i64.checked_pow(value.scale())?;
        Ratio::new(n, d)
    }

    /// A percentage as a fraction: 4.955 → 4955 / 100000.
    pub fn from_pct(pct: Decimal) -> Option<Ratio> {
        let r = Ratio::from_decimal(pct)?;
        Ratio::new(r.n, r.d.checked_mul(100)?)
    }

    /// `1 + self`, as a growth factor.
    pub fn one_plus(self) -> Option<Ratio> {
        Ratio::new(self.d.checked_add(self.n)?, self.d)
    }

    /// `1 − self`, as a reduction factor.
    pub fn one_minus(self) -> Option<Ratio> {
        Ratio::new(self.d.checked_sub(self.n)?, self.d)
    }

    /// `self × other`.
    pub fn times(self, other: Ratio) -> Option<Ratio> {
        Ratio::new(self.n.checked_mul(other.n)?, self.d.checked_mul(other.d)?)
    }

    pub fn is_zero(self) -> bool {
        self.n == 0
    }
}

/// Greatest common divisor of |a| and |b| (0 when both are 0).
pub fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i64::try_from(a).unwrap_or(i64::MAX)
}

/// `n / d` rounded half away from zero, for `d > 0`.
#[inline(always)]
fn round_div_i64(n: i64, d: i64) -> i64 {
    let q = n / d;
    let r = n % d;
    // 2|r| >= d, written so that it cannot overflow.
    if r.unsigned_abs() >= d.unsigned_abs() - r.unsigned_abs() {
        q + n.signum()
    } else {
        q
    }
}

/// Bits needed for |x|: a product of factors needing b₁ + b₂ + … ≤ 63 bits
/// fits an `i64`.
#[inline(always)]
fn bits(x: i64) -> u32 {
    64 - x.unsigned_abs().leading_zeros()
}

/// `Π nums / Π dens`, rounded once, half away from zero. Denominators must
/// be positive (a non-positive product gives 0).
///
/// Overflow is ruled out up front from the factors' bit lengths rather than
/// with `checked_mul`: on wasm32 a checked 64-bit multiplication becomes a
/// 128-bit library call, which made the browser forecast twice as slow.
/// Products that might not fit take the exact `i128` path.
///
/// Plain index loops rather than iterators: the release profile optimises
/// for size, and there array iterators stay out-of-line calls.
#[inline]
pub fn mul_div<const N: usize, const M: usize>(nums: [i64; N], dens: [i64; M]) -> i64 {
    let mut n: i64 = 1;
    let mut n_bits = 0;
    let mut i = 0;
    while i < N {
        n_bits += bits(nums[i]);
        n = n.wrapping_mul(nums[i]);
        i += 1;
    }
    let mut d: i64 = 1;
    let mut d_bits = 0;
    let mut j = 0;
    while j < M {
        d_bits += bits(dens[j]);
        d = d.wrapping_mul(dens[j]);
        j += 1;
    }
    if n_bits > 63 || d_bits > 63 {
        return mul_div_wide(&nums, &dens);
    }
    if d <= 0 {
        return 0;
    }
    round_div_i64(n, d)
}

/// The `i128` path of [`mul_div`], saturating at the `i64` bounds.
#[cold]
fn mul_div_wide(nums: &[i64], dens: &[i64]) -> i64 {
    let mut d: i128 = 1;
    for &x in dens {
        match d.checked_mul(i128::from(x)) {
            Some(v) => d = v,
            // A denominator beyond i128 makes any numerator we allow vanish.
            None => return 0,
        }
    }
    if d <= 0 {
        return 0;
    }
    let mut n: i128 = 1;
    for &x in nums {
        match n.checked_mul(i128::from(x)) {
            Some(v) => n = v,
            None => {
                let negative = nums.iter().filter(|&&x| x < 0).count() % 2 == 1;
                return if negative { i64::MIN } else { i64::MAX };
            }
        }
    }
    saturate(super::money::div_round(n, d))
}

/// An `i128` clamped into `i64`.
#[inline]
pub fn saturate(value: i128) -> i64 {
    i64::try_from(value).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn ratios_are_exact_and_reduced() {
        assert_eq!(
            Ratio::from_pct(dec!(4.955)),
            Some(Ratio { n: 991, d: 20000 })
        );
        assert_eq!(Ratio::from_decimal(dec!(0.80)), Some(Ratio { n: 4, d: 5 }));
        assert_eq!(
            Ratio::from_pct(dec!(3.7)).unwrap().one_plus(),
            Some(Ratio { n: 1037, d: 1000 })
        );
        assert_eq!(Ratio::from_pct(dec!(0)), Some(Ratio::ZERO));
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn rounds_once_half_away_from_zero() {
        // 6,000,000 / 12 × 17/30 = 283,333.33 -> 283,333
        assert_eq!(mul_div([6_000_000, 17], [12, 30]), 283_333);
        // 5 / 2 = 2.5 -> 3 ; -5 / 2 -> -3
        assert_eq!(mul_div([5], [2]), 3);
        assert_eq!(mul_div([-5], [2]), -3);
        assert_eq!(mul_div([7], [2, 1]), 4);
        // Overflowing i64 takes the i128 path and is still exact.
        assert_eq!(
            mul_div([4_000_000_000_000_000_000, 3], [3]),
            4_000_000_000_000_000_000
        );
        assert_eq!(mul_div([i64::MAX, i64::MAX], [1]), i64::MAX);
        assert_eq!(mul_div([i64::MAX, -2], [1]), i64::MIN);
        assert_eq!(mul_div([1], [0]), 0);
        // Near the fast path's edge: 2^31 × 2^31 needs the wide path, exactly.
        assert_eq!(mul_div([1 << 31, 1 << 31], [1 << 31]), 1 << 31);
        assert_eq!(mul_div([-(1 << 40), 3], [1 << 20, 3]), -(1 << 20));
        assert_eq!(
            mul_div([3_037_000_499, 3_037_000_499], [7]),
            1_317_624_575_846_607_000
        );
    }
}
