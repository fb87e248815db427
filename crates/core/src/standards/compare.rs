//! Comparing a value with a threshold or a standard, float noise absorbed (used by the CV
//! verdicts, the per-school standard and the items alike).

/// Relative tolerance that absorbs floating-point noise when comparing with a threshold or
/// standard: 21 teachers for 500 pupils is 4.2 per 100 even if the division gives 4.199…9.
/// This is not rounding: 4.1999 still fails 4.2.
pub const REL_TOL: f64 = 1e-12;

/// `value ≤ limit`, equality (up to float noise) counting as within.
pub fn at_most(value: f64, limit: f64) -> bool {
    value <= limit + limit.abs() * REL_TOL
}

/// `value ≥ limit`, equality (up to float noise) counting as reached.
pub fn at_least(value: f64, limit: f64) -> bool {
    value >= limit - limit.abs() * REL_TOL
}

/// ⌈x⌉, except that x within float noise of an integer is that integer
/// (4.2 × 500 / 100 = 21.000000000000004 needs 21 teachers, not 22).
pub fn ceil_whole(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= x.abs().max(1.0) * REL_TOL {
        r
    } else {
        x.ceil()
    }
}
