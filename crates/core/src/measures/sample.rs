//! `Sample`: validated values and weights, built once so that measures cannot fail on them.

use std::fmt;

/// Largest magnitude accepted for a value or a weight, and the reciprocal of the smallest
/// nonzero one: 1e100.
///
/// Real data are far inside (yuan per pupil ≈ 1e4, pupils per school ≤ 1e4). The bound is
/// what lets every measure promise a finite result: products such as w·(x − μ)² or μ/x stay
/// far from overflow (≈ 1.8e308) and from underflow.
pub const MAX_MAGNITUDE: f64 = 1e100;

/// Whether `v` may enter a sample: finite, and zero or of magnitude within
/// [1/[`MAX_MAGNITUDE`], [`MAX_MAGNITUDE`]] (NaN, ±∞, 9e307 and 1e-300 may not). The one rule
/// the analysis and the standards both leave schools out by, so both count the same schools.
pub fn in_range(v: f64) -> bool {
    v == 0.0 || (1.0 / MAX_MAGNITUDE..=MAX_MAGNITUDE).contains(&v.abs())
}

/// Why values and weights cannot form a sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SampleError {
    /// No value at all.
    Empty,
    /// Values and weights differ in length.
    LengthMismatch,
    /// A value or weight is NaN or infinite.
    NotFinite,
    /// A weight is zero or negative.
    NonPositiveWeight,
    /// A nonzero value or a weight has magnitude above [`MAX_MAGNITUDE`] or below its
    /// reciprocal.
    OutOfRange,
}

impl fmt::Display for SampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SampleError::Empty => "no values",
            SampleError::LengthMismatch => "values and weights differ in length",
            SampleError::NotFinite => "a value or weight is not finite",
            SampleError::NonPositiveWeight => "a weight is zero or negative",
            SampleError::OutOfRange => "a value or weight is beyond 1e100 or nonzero below 1e-100",
        })
    }
}

/// Values x_i with positive weights w_i (pupils, or 1 each for an unweighted sample).
///
/// Invariants: non-empty, equal lengths, all finite, every weight > 0, and every nonzero value
/// and every weight with magnitude in [1e-100, 1e100] ([`MAX_MAGNITUDE`]). Values may be zero
/// or negative; measures that need x ≥ 0 or x > 0 say so and return `None` otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    values: Vec<f64>,
    weights: Vec<f64>,
}

impl Sample {
    /// A weighted sample.
    ///
    /// ```
    /// use junheng_core::measures::{Sample, SampleError};
    /// assert!(Sample::new(vec![6.2, 3.7], vec![45.0, 37.0]).is_ok());
    /// assert_eq!(Sample::new(vec![1.0], vec![0.0]), Err(SampleError::NonPositiveWeight));
    /// ```
    pub fn new(values: Vec<f64>, weights: Vec<f64>) -> Result<Sample, SampleError> {
        if values.len() != weights.len() {
            return Err(SampleError::LengthMismatch);
        }
        if values.is_empty() {
            return Err(SampleError::Empty);
        }
        if values.iter().chain(&weights).any(|v| !v.is_finite()) {
            return Err(SampleError::NotFinite);
        }
        if weights.iter().any(|w| *w <= 0.0) {
            return Err(SampleError::NonPositiveWeight);
        }
        let in_range =
            |v: f64| v == 0.0 || (1.0 / MAX_MAGNITUDE..=MAX_MAGNITUDE).contains(&v.abs());
        if !values.iter().chain(&weights).all(|v| in_range(*v)) {
            return Err(SampleError::OutOfRange);
        }
        Ok(Sample { values, weights })
    }

    /// An unweighted sample: every weight is 1.
    pub fn unweighted(values: Vec<f64>) -> Result<Sample, SampleError> {
        let weights = vec![1.0; values.len()];
        Sample::new(values, weights)
    }

    /// The values x_i.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The weights w_i.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// Number of observations n.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Always false: a sample is never empty. Present for clippy's `len_without_is_empty`.
    pub fn is_empty(&self) -> bool {
        false
    }
}
