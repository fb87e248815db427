//! Internal: the per-value terms that the entropy and Atkinson measures are sums of, so that
//! `view.rs` (which sums them all in one pass) and the measures (which finish each sum) both
//! read them from below. rᵢ = xᵢ/μ and dᵢ = rᵢ − 1 (see `View::average_of_ratio`).
//!
//! - h(d) = r ln r − d, Theil T's term; g(d) = d − ln r, the MLD's (theil.rs).
//! - (√r − 1)²/2 and d²/r, Atkinson's for ε = ½ and ε = 2 (atkinson.rs).

use super::math;

/// Below this |d|, h and g use their Taylor series (22 terms reach full precision).
const SERIES_LIMIT: f64 = 0.125;
const SERIES_TERMS: usize = 22;

/// The series coefficients 1/((j + 1)(j + 2)) of h/d² and 1/(j + 2) of g/d², divided once at
/// compile time rather than at each term of each value (the same correctly rounded quotients).
const THEIL_SERIES: [f64; SERIES_TERMS] = series_coefficients(true);
const MLD_SERIES: [f64; SERIES_TERMS] = series_coefficients(false);

const fn series_coefficients(theil: bool) -> [f64; SERIES_TERMS] {
    let mut c = [0.0; SERIES_TERMS];
    let mut j = 0;
    while j < SERIES_TERMS {
        let divisor = if theil { (j + 1) * (j + 2) } else { j + 2 };
        c[j] = 1.0 / divisor as f64;
        j += 1;
    }
    c
}

/// h/d² and g/d², Σ_j c_j (−d)ʲ by Horner's rule from the highest term, the two in one loop:
/// two independent chains of 22 multiply-adds run side by side (the same operations, so the
/// same results, as one after the other).
fn series(d: f64) -> (f64, f64) {
    let (mut h, mut g) = (0.0, 0.0);
    for (th, mg) in THEIL_SERIES.iter().zip(&MLD_SERIES).rev() {
        h = h * -d + th;
        g = g * -d + mg;
    }
    (h, g)
}

/// h(d) and g(d) of one value, with one logarithm for both:
/// h = r ln r − d = d² Σ_{j≥0} (−d)ʲ / ((j + 1)(j + 2)) with r = 1 + d; h = 1 at r = 0
/// (0·ln 0 = 0); g = d − ln r = d² Σ_{j≥0} (−d)ʲ / (j + 2), infinite at r = 0.
pub(crate) fn theil_and_mld_terms(r: f64, d: f64) -> (f64, f64) {
    if d.abs() <= SERIES_LIMIT {
        let (h, g) = series(d);
        let h = if r == 0.0 { 1.0 } else { d * d * h };
        return (h, d * d * g);
    }
    let ln_r = math::ln(r);
    let h = if r == 0.0 { 1.0 } else { r * ln_r - d };
    (h, d - ln_r)
}

/// h(d) alone (see [`theil_and_mld_terms`]).
pub(crate) fn theil_term(r: f64, d: f64) -> f64 {
    theil_and_mld_terms(r, d).0
}

/// g(d) alone (see [`theil_and_mld_terms`]).
pub(crate) fn mld_term(r: f64, d: f64) -> f64 {
    theil_and_mld_terms(r, d).1
}

/// (√r − 1)²/2, written d/(√r + 1) squared over 2 so that it does not cancel near r = 1: the
/// term of Q for ε = ½.
pub(crate) fn half_term(r: f64, d: f64) -> f64 {
    let root_minus_one = d / (r.sqrt() + 1.0);
    root_minus_one * root_minus_one / 2.0
}

/// d²/r, the term of Z for ε = 2.
pub(crate) fn two_term(r: f64, d: f64) -> f64 {
    d * (d / r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_and_closed_forms_meet_at_the_limit() {
        for d in [-SERIES_LIMIT, SERIES_LIMIT] {
            let closed_h = (1.0 + d) * d.ln_1p() - d;
            let closed_g = d - d.ln_1p();
            assert!((theil_term(1.0 + d, d) - closed_h).abs() <= 1e-13 * closed_h);
            assert!((mld_term(1.0 + d, d) - closed_g).abs() <= 1e-13 * closed_g);
        }
        assert_eq!(theil_term(0.0, -1.0), 1.0);
        assert_eq!(theil_term(1.0, 0.0), 0.0);
        // h(d) ≈ d²/2 for tiny d, where the closed form would return 0 or noise.
        let d: f64 = 1e-9;
        let h = d * d / 2.0 - d * d * d / 6.0;
        let g = d * d / 2.0 + d * d * d / 3.0; // g(−d)
        assert!((theil_term(1.0 + d, d) - h).abs() <= 1e-15 * h);
        assert!((mld_term(1.0 - d, -d) - g).abs() <= 1e-15 * g);
    }
}
