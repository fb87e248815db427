//! Tolerances, defined once (in the manner of statrs `prec.rs`).
//!
//! Two kinds live here: the one tolerance the computations themselves use (percentile
//! thresholds), and the tolerances the tests compare with. Keeping them together makes every
//! "how close is close" in the crate visible in one page.

/// Relative slack when comparing a cumulative weight with q·W in a percentile.
///
/// With pupils as weights the cumulative weights are integers, and two different cumulative
/// shares differ by at least 1/W ≥ 1e-9 for any realistic county, so a slack of 1e-12 changes
/// no genuine comparison; it only absorbs rounding, so that the median of 4 equal weights is
/// the 2nd value (cumulative 2 ≥ 0.5·4) even when the weights are, say, 0.1 each.
pub const PERCENTILE_REL_TOL: f64 = 1e-12;

/// Tests: two computations of the same quantity in different orders (permutation, scaling by
/// an inexact factor, replication) agree to this relative tolerance.
pub const STABLE_REL: f64 = 1e-12;

/// Tests: an O(n log n) or O(n) algorithm agrees with its O(n²) / naive definition to this
/// relative tolerance on well-scaled random data.
pub const NAIVE_REL: f64 = 1e-10;

/// Tests: absolute floor used with the relative tolerances, for quantities that are near 0
/// (a Theil index of nearly equal values, say), where relative error is meaningless.
pub const ABS_FLOOR: f64 = 1e-13;

/// Tests: a figure published with 4 decimals matches when it is within half a unit of its
/// last printed digit.
pub const PRINTED_4: f64 = 5e-5;

/// Tests: a figure published with 3 decimals matches when it is within half a unit of its
/// last printed digit.
pub const PRINTED_3: f64 = 5e-4;

/// Tests: a figure published with 7 significant decimals (R `ineq` documentation).
pub const PRINTED_7: f64 = 5e-8;

/// True when |a − b| ≤ max(abs, rel·max(|a|, |b|)).
///
/// ```
/// use junheng_core::measures::prec::close;
/// assert!(close(1.0, 1.0 + 1e-13, 1e-12, 0.0));
/// assert!(!close(1.0, 1.001, 1e-12, 1e-9));
/// ```
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    let diff = (a - b).abs();
    diff <= abs || diff <= rel * a.abs().max(b.abs())
}
