//! What the native benchmarks share: timing and their command-line numbers.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median and minimum of `runs` timed calls after one warm-up call (which
/// warms caches and the allocator); also returns what the warm-up returned.
pub fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let first = f();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0], first)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The whole numbers given after `--`, in order.
pub fn numbers() -> Vec<usize> {
    std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect()
}
